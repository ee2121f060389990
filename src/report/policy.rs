//! The report's parts that come from requests and the limit policy, read
//! apart from the one pass over the exchanges (which leaves gifts and fund
//! runs out): request figures, gifts, fund runs, and the two lists "who
//! needs a call" gained. The rules are in docs/report.md:
//!
//! - gifts and fund runs count in the period they were recorded in,
//!   unless a reversal recorded before the period's end undoes them;
//! - requests and the settings are taken as the books stood at the
//!   report's `as_of_seq` (the last entry before the period's end);
//! - "past a soft limit": a member open at the end whose balance then is
//!   below their soft floor or above their soft ceiling (own or of their
//!   kind, as signed by then).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::ledger::policy::{self, FundRule, PolicySettings, SoftLimits};
use crate::ledger::{AccountId, AccountKind, Amount};
use crate::store::report::ReportAccount;
use crate::store::requests::{ErasedBy, RequestFilter, RequestState};
use crate::store::{Store, StoreError};

use super::model::{FundRunFigures, GiftFigures, PastSoftLimit, RequestFigures, WaitingMember};
use super::requests::{Answer, RequestFacts};
use crate::statement::model::LimitSide;

/// What the report's policy parts need to know of the period.
pub(super) struct Period<'a> {
    /// [start, end) as the journal's UTC text, and as times.
    pub start: &'a str,
    pub end: &'a str,
    pub as_of_seq: i64,
}

impl Period<'_> {
    fn times(&self) -> Result<(DateTime<Utc>, DateTime<Utc>), StoreError> {
        let parse = |t: &str| {
            DateTime::parse_from_rfc3339(t)
                .map(|t| t.with_timezone(&Utc))
                .map_err(|_| StoreError::Corrupt(format!("the report's period bound {t}")))
        };
        Ok((parse(self.start)?, parse(self.end)?))
    }
}

/// The parts, computed.
pub(super) struct PolicyParts {
    pub requests: RequestFigures,
    pub gifts: GiftFigures,
    pub fund_runs: FundRunFigures,
    /// By account index: the two lists of "who needs a call", before names.
    pub waiting: Vec<(usize, u32, i64, DateTime<Utc>)>,
    pub past_soft: Vec<(usize, i64, LimitSide, i64)>,
}

pub(super) fn build(
    store: &Store,
    period: &Period<'_>,
    accounts: &[ReportAccount],
    index: &HashMap<AccountId, u32>,
    open_at_end: impl Fn(usize) -> bool,
) -> Result<PolicyParts, StoreError> {
    let (start, end) = period.times()?;
    let facts = request_facts(store, period, index, end)?;
    let requests = super::requests::figures(&facts, start, end);
    let waiting = super::requests::waiting_on(&facts, end)
        .into_iter()
        .filter(|(i, _)| accounts[*i].kind == AccountKind::Person && open_at_end(*i))
        .map(|(i, (count, hours, oldest))| (i, count, hours, oldest))
        .collect();
    let mut gifts = GiftFigures::default();
    for gift in store.report_gifts(period.start, period.end)? {
        gifts.gifts += 1;
        gifts.hours_minor += gift.hours_minor;
        if gift.to_system {
            gifts.to_fund_minor += gift.hours_minor;
        }
    }
    let mut fund_runs = FundRunFigures::default();
    for run in store.fund_runs()? {
        let recorded = run.recorded_at.as_str();
        let counted = recorded >= period.start
            && recorded < period.end
            && run.reversed_by.is_none_or(|r| r > period.as_of_seq);
        if !counted {
            continue;
        }
        fund_runs.runs += 1;
        match run.rule {
            FundRule::Contribution => fund_runs.contribution_minor += run.total.minor(),
            FundRule::Demurrage => fund_runs.demurrage_minor += run.total.minor(),
        }
    }
    let past_soft = past_soft_limits(store, period, accounts, &open_at_end)?;
    Ok(PolicyParts {
        requests,
        gifts,
        fund_runs,
        waiting,
        past_soft,
    })
}

/// Every request as the books stood at the report's end.
fn request_facts(
    store: &Store,
    period: &Period<'_>,
    index: &HashMap<AccountId, u32>,
    end: DateTime<Utc>,
) -> Result<Vec<RequestFacts>, StoreError> {
    let views = store.requests(&RequestFilter {
        up_to_seq: Some(period.as_of_seq),
        ..RequestFilter::all(end)
    })?;
    views
        .into_iter()
        .map(|view| {
            let payer = *index.get(&view.payer).ok_or_else(|| {
                StoreError::Corrupt(format!("request #{} names no account", view.seq))
            })? as usize;
            let answered = view.settled.as_ref().and_then(|settled| {
                let answer = match (view.state, view.erased_by) {
                    (RequestState::Completed, _) => Answer::Confirmed,
                    (_, Some(ErasedBy::Declined)) => Answer::Declined,
                    (_, Some(ErasedBy::Withdrawn)) => Answer::Withdrawn,
                    _ => return None,
                };
                Some((answer, settled.at))
            });
            Ok(RequestFacts {
                payer,
                amount_minor: view.amount.minor(),
                made_at: view.made_at,
                expires_at: view.expires_at,
                answered,
            })
        })
        .collect()
}

/// Members open at the end whose balance then is past a soft limit.
fn past_soft_limits(
    store: &Store,
    period: &Period<'_>,
    accounts: &[ReportAccount],
    open_at_end: &impl Fn(usize) -> bool,
) -> Result<Vec<(usize, i64, LimitSide, i64)>, StoreError> {
    let mut settings = PolicySettings::default();
    for event in store
        .setting_history()?
        .into_iter()
        .filter(|e| e.seq <= period.as_of_seq)
    {
        settings.set(event.key, &event.value);
    }
    let kind_soft = settings.soft_limits(AccountKind::Person);
    let mut soft_of = Vec::new();
    for (i, account) in accounts.iter().enumerate() {
        if account.kind != AccountKind::Person || !open_at_end(i) {
            continue;
        }
        let own = store
            .limit_history(&account.id)?
            .into_iter()
            .rfind(|c| c.seq <= period.as_of_seq && c.change == "soft-limits-set")
            .map(|c| SoftLimits {
                floor: c.soft_floor,
                ceiling: c.soft_ceiling,
            });
        let soft = policy::soft_in_force(kind_soft, own);
        if soft.floor.is_some() || soft.ceiling.is_some() {
            soft_of.push((i, soft));
        }
    }
    if soft_of.is_empty() {
        return Ok(Vec::new());
    }
    // Balances at the end: every posting recorded before it, gifts and
    // fund runs included (one pass, only when some soft limit is set).
    let (balances, _) =
        store.flows_between_with_base(&[period.end.to_string(), period.end.to_string()])?;
    let mut past = Vec::new();
    for (i, soft) in soft_of {
        let balance = balances
            .get(&accounts[i].id)
            .copied()
            .unwrap_or(Amount::ZERO);
        match policy::soft_notice(soft, balance) {
            Some(policy::SoftNotice::BelowSoftFloor { soft_floor, .. }) => {
                past.push((i, balance.minor(), LimitSide::Floor, soft_floor.minor()));
            }
            Some(policy::SoftNotice::AboveSoftCeiling { soft_ceiling, .. }) => {
                past.push((i, balance.minor(), LimitSide::Ceiling, soft_ceiling.minor()));
            }
            None => {}
        }
    }
    Ok(past)
}

/// The rows of the two lists, with the report's rule for names.
pub(super) fn waiting_members(
    parts: &PolicyParts,
    name: impl Fn(usize) -> (String, Option<String>),
    tz: Tz,
) -> Vec<WaitingMember> {
    parts
        .waiting
        .iter()
        .map(|&(i, requests, hours_minor, oldest)| {
            let (account_id, name) = name(i);
            WaitingMember {
                account_id,
                name,
                requests,
                hours_minor,
                oldest: oldest.with_timezone(&tz).date_naive(),
            }
        })
        .collect()
}

pub(super) fn past_soft_members(
    parts: &PolicyParts,
    name: impl Fn(usize) -> (String, Option<String>),
) -> Vec<PastSoftLimit> {
    parts
        .past_soft
        .iter()
        .map(|&(i, balance_minor, side, limit_minor)| {
            let (account_id, name) = name(i);
            PastSoftLimit {
                account_id,
                name,
                balance_minor,
                side,
                limit_minor,
            }
        })
        .collect()
}
