//! The parts of a statement that come from requests and the limit policy,
//! read from the store once per month and cut per account: what moved
//! the hours on a line (work, gift, fund run), the soft limits and the
//! notice, the floor grown with giving and how it was worked out, the
//! month's limit changes, and the requests pending and settled.
//!
//! The rules, as for the rest of a statement: figures as they stood at the
//! month's end (requests, the grown floor, the balance the notice judges),
//! settings and signed limits as they stood at the signed head, so an
//! issued statement never changes (an issued month is closed: nothing can
//! be recorded inside it later).

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::ledger::policy::{self, PolicySettings, SoftLimits};
use crate::ledger::request::{DECLINE_NOT_DONE, DECLINE_NOT_ME, DECLINE_WRONG_HOURS};
use crate::ledger::{AccountId, AccountKind, Amount, Month, SettingKey};
use crate::store::fund::LimitChange as StoredChange;
use crate::store::requests::{ErasedBy, RequestFilter, RequestView};
use crate::store::settings::SettingEvent;
use crate::store::{AccountRow, Movement as StoredMovement, Store, StoreError, TxFilter, TxView};

use super::model::{
    Counterparty, ExpiredRequest, FundRule, GrownFloor, LimitCause, LimitChange, LimitKind,
    LimitSide, Movement, RequestLine, SoftNotice, StatementRequests,
};

/// What every statement of a month shares for these parts.
pub(super) struct PolicyContext {
    tz: Tz,
    month_from: DateTime<Utc>,
    month_before: DateTime<Utc>,
    /// The last entry recorded before the month began / ended.
    start_seq: i64,
    end_seq: i64,
    head_seq: i64,
    history: Vec<SettingEvent>,
    /// The policy settings at the head and at the month's start.
    at_head: PolicySettings,
    at_start: PolicySettings,
    /// Each fund run's rule and period, by its entry.
    fund_runs: HashMap<i64, (FundRule, String)>,
    requests: Vec<RequestView>,
    /// Per account, indexes into `requests` (as payer or payee).
    requests_of: HashMap<AccountId, Vec<usize>>,
    /// Payments for work that may count towards a grown floor, per
    /// account (read only when the growth policy is on).
    given: HashMap<AccountId, Vec<GivenPayment>>,
}

/// One payment that paid an account for work (`docs/signing.md`, "Hours
/// given for work"): the account's positive posting.
struct GivenPayment {
    recorded_at: DateTime<Utc>,
    minor: i64,
    /// The reversal that undid it, if any.
    reversed_by: Option<i64>,
}

/// The limits part of one statement.
pub(super) struct LimitsPart {
    pub floor_minor: i64,
    pub soft_floor_minor: Option<i64>,
    pub soft_ceiling_minor: Option<i64>,
    pub soft_notice: Option<SoftNotice>,
    pub grown_floor: Option<GrownFloor>,
    pub limit_changes: Vec<LimitChange>,
}

fn time(text: &str, what: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| StoreError::Corrupt(format!("the time of {what}")))
}

fn settings_up_to(history: &[SettingEvent], seq: i64) -> PolicySettings {
    let mut settings = PolicySettings::default();
    for event in history.iter().filter(|e| e.seq <= seq) {
        settings.set(event.key, &event.value);
    }
    settings
}

impl PolicyContext {
    pub(super) fn load(
        store: &Store,
        month: Month,
        head_seq: i64,
        only: Option<&[AccountId]>,
    ) -> Result<PolicyContext, StoreError> {
        let tz = store.settings().tz();
        let (from_text, before_text) = crate::ledger::period::recorded_bounds(month, tz);
        let month_from = time(&from_text, "the month's start")?;
        let month_before = time(&before_text, "the month's end")?;
        let seq_before = |t: &str| -> Result<i64, StoreError> {
            Ok(store.head_before(t)?.map_or(0, |(seq, _)| seq))
        };
        let (start_seq, end_seq) = (seq_before(&from_text)?, seq_before(&before_text)?);
        let history = store.setting_history()?;
        let at_head = settings_up_to(&history, head_seq);
        let at_start = settings_up_to(&history, start_seq);
        let fund_runs = store
            .fund_runs()?
            .into_iter()
            .map(|run| (run.seq, (run.rule, run.period)))
            .collect();
        let requests = store.requests(&RequestFilter {
            up_to_seq: Some(end_seq),
            ..RequestFilter::all(month_before)
        })?;
        let mut requests_of: HashMap<AccountId, Vec<usize>> = HashMap::new();
        for (index, request) in requests.iter().enumerate() {
            for account in [&request.payer, &request.payee] {
                requests_of.entry(account.clone()).or_default().push(index);
            }
        }
        let mut context = PolicyContext {
            tz,
            month_from,
            month_before,
            start_seq,
            end_seq,
            head_seq,
            history,
            at_head,
            at_start,
            fund_runs,
            requests,
            requests_of,
            given: HashMap::new(),
        };
        context.load_given(store, only)?;
        Ok(context)
    }

    /// The payments for work in the growth windows of the month's start
    /// and end, read once (only when a growth policy is on then).
    fn load_given(&mut self, store: &Store, only: Option<&[AccountId]>) -> Result<(), StoreError> {
        let months = [&self.at_start, &self.at_head]
            .iter()
            .filter_map(|s| s.growth().map(|g| g.months))
            .max();
        let Some(months) = months else {
            return Ok(());
        };
        let from = policy::window_start(self.month_from, months);
        let filter = TxFilter {
            recorded_from: Some(crate::signing::canonical::format_time(from)),
            recorded_before: Some(crate::signing::canonical::format_time(self.month_before)),
            ..TxFilter::default()
        };
        let kinds: HashMap<AccountId, AccountKind> = store
            .accounts()?
            .into_iter()
            .map(|a| (a.id, a.kind))
            .collect();
        let views = match only {
            None => store.transactions(&filter)?,
            Some(ids) => {
                let mut by_seq = std::collections::BTreeMap::new();
                for id in ids {
                    for view in store.transactions(&TxFilter {
                        account: Some(id.clone()),
                        ..filter.clone()
                    })? {
                        by_seq.insert(view.seq, view);
                    }
                }
                by_seq.into_values().collect()
            }
        };
        for view in views.iter().filter(|v| counts_as_given(v, &kinds)) {
            let recorded_at = time(&view.recorded_at, &format!("#{}", view.seq))?;
            for posting in view.postings.iter().filter(|p| p.amount.minor() > 0) {
                self.given
                    .entry(posting.account.clone())
                    .or_default()
                    .push(GivenPayment {
                        recorded_at,
                        minor: posting.amount.minor(),
                        reversed_by: view.reversed_by,
                    });
            }
        }
        Ok(())
    }

    /// What moved the hours of a transaction, with a fund run's rule and
    /// period (a reversal is what it reverses).
    pub(super) fn movement(&self, view: &TxView) -> Result<Movement, StoreError> {
        Ok(match view.movement {
            StoredMovement::Work => Movement::Exchange,
            StoredMovement::Gift => Movement::Gift,
            StoredMovement::Fund => {
                let run = view.reverses.unwrap_or(view.seq);
                let (rule, period) = self.fund_runs.get(&run).cloned().ok_or_else(|| {
                    StoreError::Corrupt(format!("#{} is a fund run without its rule", view.seq))
                })?;
                Movement::FundRun { rule, period }
            }
        })
    }

    /// Hours given for work by `id` in the window before `at`, counting
    /// only payments not reversed by entry `seq_at` (the last before `at`).
    fn given_before(&self, id: &AccountId, at: DateTime<Utc>, months: u32, seq_at: i64) -> i64 {
        let from = policy::window_start(at, months);
        self.given.get(id).map_or(0, |payments| {
            payments
                .iter()
                .filter(|p| p.recorded_at >= from && p.recorded_at < at)
                .filter(|p| p.reversed_by.is_none_or(|r| r > seq_at))
                .map(|p| p.minor)
                .sum()
        })
    }

    /// The floor, soft limits, notice, grown floor and changes of one
    /// account. `signed` are its own limits at the head (floor, ceiling).
    pub(super) fn limits(
        &self,
        store: &Store,
        row: &AccountRow,
        signed_floor_minor: i64,
        closing_minor: i64,
    ) -> Result<LimitsPart, StoreError> {
        let id = &row.id;
        let changes: Vec<StoredChange> = store
            .limit_history(id)?
            .into_iter()
            .filter(|c| c.seq <= self.head_seq)
            .collect();
        let own_limits = |seq: i64| {
            changes
                .iter()
                .any(|c| c.seq <= seq && c.change == "limits-set")
        };
        let grows = |settings: &PolicySettings, seq: i64| {
            settings
                .growth()
                .filter(|_| row.kind == AccountKind::Person && !own_limits(seq))
        };
        let floor_at = |growth: &policy::Growth, at: DateTime<Utc>, seq_at: i64| {
            let given = self.given_before(id, at, growth.months, seq_at);
            growth.floor_for(Amount::from_minor(given))
        };
        let grown_floor = grows(&self.at_head, self.head_seq).map(|growth| {
            let worked = floor_at(&growth, self.month_before, self.end_seq);
            GrownFloor {
                base_minor: growth.base.minor(),
                factor_percent: growth.factor_hundredths,
                months: growth.months,
                given_minor: worked.given.minor(),
                growth_minor: worked.growth.minor(),
                uncapped_minor: worked.uncapped.minor(),
                cap_minor: growth.cap.minor(),
                floor_minor: worked.floor.minor(),
                capped: worked.capped,
            }
        });
        let floor_minor = grown_floor
            .as_ref()
            .map_or(signed_floor_minor, |g| g.floor_minor);
        let own_soft = |seq: i64| {
            changes
                .iter()
                .rfind(|c| c.seq <= seq && c.change == "soft-limits-set")
                .map(|c| SoftLimits {
                    floor: c.soft_floor,
                    ceiling: c.soft_ceiling,
                })
        };
        let soft =
            policy::soft_in_force(self.at_head.soft_limits(row.kind), own_soft(self.head_seq));
        let soft_notice =
            policy::soft_notice(soft, Amount::from_minor(closing_minor)).map(|n| match n {
                policy::SoftNotice::BelowSoftFloor { soft_floor, .. } => SoftNotice {
                    side: LimitSide::Floor,
                    limit_minor: soft_floor.minor(),
                },
                policy::SoftNotice::AboveSoftCeiling { soft_ceiling, .. } => SoftNotice {
                    side: LimitSide::Ceiling,
                    limit_minor: soft_ceiling.minor(),
                },
            });
        // The floor in force just before entry `seq` (recorded at `at`):
        // the grown one while the growth policy applied, else the signed.
        let floor_before = |seq: i64, at: DateTime<Utc>| {
            let settings = settings_up_to(&self.history, seq - 1);
            match grows(&settings, seq - 1) {
                Some(g) => Some(floor_at(&g, at, seq - 1).floor.minor()),
                None => signed_at(&changes, seq - 1).0,
            }
        };
        let mut limit_changes = self.own_changes(&changes, row.kind, floor_before);
        limit_changes.extend(self.kind_changes(row.kind, own_soft));
        // The floor grown or shrunk with the hours given over the month.
        if let Some(end) = &grown_floor {
            let start = match grows(&self.at_start, self.start_seq) {
                Some(g) => floor_at(&g, self.month_from, self.start_seq).floor.minor(),
                None => signed_at(&changes, self.start_seq)
                    .0
                    .unwrap_or(end.floor_minor),
            };
            if start != end.floor_minor {
                limit_changes.push(LimitChange {
                    seq: self.end_seq,
                    on: self.last_day(),
                    limit: LimitKind::Floor,
                    from_minor: Some(start),
                    to_minor: Some(end.floor_minor),
                    cause: LimitCause::Growth,
                });
            }
        }
        limit_changes.sort_by_key(|c| (c.on, c.seq));
        Ok(LimitsPart {
            floor_minor,
            soft_floor_minor: soft.floor.map(|a| a.minor()),
            soft_ceiling_minor: soft.ceiling.map(|a| a.minor()),
            soft_notice,
            grown_floor,
            limit_changes,
        })
    }

    fn in_month(&self, recorded_at: &str) -> bool {
        time(recorded_at, "a limit change")
            .is_ok_and(|t| t >= self.month_from && t < self.month_before)
    }

    fn local_date(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.tz).date_naive()
    }

    fn last_day(&self) -> NaiveDate {
        self.local_date(self.month_before - chrono::Duration::seconds(1))
    }

    /// The account's own limits set this month (`limits-set`,
    /// `soft-limits-set`), each side that changed.
    fn own_changes(
        &self,
        changes: &[StoredChange],
        kind: AccountKind,
        floor_before: impl Fn(i64, DateTime<Utc>) -> Option<i64>,
    ) -> Vec<LimitChange> {
        let kind_soft = self.at_head.soft_limits(kind);
        let mut out = Vec::new();
        for (i, change) in changes.iter().enumerate() {
            if !self.in_month(&change.recorded_at) || change.change == "account-opened" {
                continue;
            }
            let Ok(at) = time(&change.recorded_at, "a limit change") else {
                continue;
            };
            let cause = LimitCause::Treasurer {
                reason: change.reason.clone().filter(|r| !r.is_empty()),
            };
            let before = &changes[..i];
            let mut push = |limit, from: Option<Amount>, to: Option<Amount>| {
                if from != to {
                    out.push(LimitChange {
                        seq: change.seq,
                        on: self.local_date(at),
                        limit,
                        from_minor: from.map(|a| a.minor()),
                        to_minor: to.map(|a| a.minor()),
                        cause: cause.clone(),
                    });
                }
            };
            if change.change == "limits-set" {
                let (_, ceiling) = signed_at(before, i64::MAX);
                let floor = floor_before(change.seq, at);
                push(
                    LimitKind::Floor,
                    floor.map(Amount::from_minor),
                    change.floor,
                );
                push(
                    LimitKind::Ceiling,
                    ceiling.map(Amount::from_minor),
                    change.ceiling,
                );
            } else if change.change == "soft-limits-set" {
                let previous = before
                    .iter()
                    .rfind(|c| c.change == "soft-limits-set")
                    .map(|c| SoftLimits {
                        floor: c.soft_floor,
                        ceiling: c.soft_ceiling,
                    });
                let old = policy::soft_in_force(kind_soft, previous);
                let new = policy::soft_in_force(
                    kind_soft,
                    Some(SoftLimits {
                        floor: change.soft_floor,
                        ceiling: change.soft_ceiling,
                    }),
                );
                push(LimitKind::SoftFloor, old.floor, new.floor);
                push(LimitKind::SoftCeiling, old.ceiling, new.ceiling);
            }
        }
        out
    }

    /// The soft limits of the account's kind changed this month by the
    /// signed settings, on the sides the account has no value of its own.
    fn kind_changes(
        &self,
        kind: AccountKind,
        own_soft: impl Fn(i64) -> Option<SoftLimits>,
    ) -> Vec<LimitChange> {
        let mut out = Vec::new();
        for event in self
            .history
            .iter()
            .filter(|e| e.seq <= self.head_seq && self.in_month(&e.recorded_at))
        {
            let (limit, floor_side) = match (event.key, kind) {
                (SettingKey::SoftFloorPerson, AccountKind::Person)
                | (SettingKey::SoftFloorInitiative, AccountKind::Initiative)
                | (SettingKey::SoftFloorPartner, AccountKind::Partner)
                | (SettingKey::SoftFloorSystem, AccountKind::System) => {
                    (LimitKind::SoftFloor, true)
                }
                (SettingKey::SoftCeilingPerson, AccountKind::Person)
                | (SettingKey::SoftCeilingInitiative, AccountKind::Initiative)
                | (SettingKey::SoftCeilingPartner, AccountKind::Partner)
                | (SettingKey::SoftCeilingSystem, AccountKind::System) => {
                    (LimitKind::SoftCeiling, false)
                }
                _ => continue,
            };
            let own = own_soft(event.seq);
            let own_side = own.and_then(|o| if floor_side { o.floor } else { o.ceiling });
            if own_side.is_some() {
                continue;
            }
            let side = |settings: PolicySettings| {
                let soft = settings.soft_limits(kind);
                if floor_side {
                    soft.floor
                } else {
                    soft.ceiling
                }
            };
            let from = side(settings_up_to(&self.history, event.seq - 1));
            let to = side(settings_up_to(&self.history, event.seq));
            let Ok(at) = time(&event.recorded_at, "a setting") else {
                continue;
            };
            if from != to {
                out.push(LimitChange {
                    seq: event.seq,
                    on: self.local_date(at),
                    limit,
                    from_minor: from.map(|a| a.minor()),
                    to_minor: to.map(|a| a.minor()),
                    cause: LimitCause::KindSetting,
                });
            }
        }
        out
    }

    /// The account's requests: pending at the month's end both ways, and
    /// those declined or expired in the month.
    pub(super) fn requests(
        &self,
        rows: &std::collections::BTreeMap<AccountId, AccountRow>,
        id: &AccountId,
    ) -> StatementRequests {
        let mut out = StatementRequests::default();
        let indexes = self.requests_of.get(id).map_or(&[][..], Vec::as_slice);
        for request in indexes.iter().map(|&i| &self.requests[i]) {
            let asked_of_you = &request.payer == id;
            let other = if asked_of_you {
                &request.payee
            } else {
                &request.payer
            };
            let line = |until_or_on: DateTime<Utc>, reason: Option<String>| RequestLine {
                seq: request.seq,
                made_on: self.local_date(request.made_at),
                date: request.date,
                other: Counterparty {
                    account_id: other.to_string(),
                    display_name: rows
                        .get(other)
                        .and_then(|r| r.display_name.clone())
                        .unwrap_or_else(|| other.to_string()),
                },
                amount_minor: request.amount.minor(),
                work: request.work,
                description: request.description.clone(),
                until_or_on: self.local_date(until_or_on),
                reason,
            };
            if request.is_pending() {
                let list = if asked_of_you {
                    &mut out.waiting_on_you
                } else {
                    &mut out.you_wait_for
                };
                list.push(line(request.expires_at, None));
                continue;
            }
            let Some(settled) = &request.settled else {
                continue;
            };
            if settled.at < self.month_from || settled.at >= self.month_before {
                continue;
            }
            match request.erased_by {
                Some(ErasedBy::Declined) => {
                    let list = if asked_of_you {
                        &mut out.declined_by_you
                    } else {
                        &mut out.declined_by_them
                    };
                    list.push(line(settled.at, settled.reason.clone()));
                }
                Some(ErasedBy::Expired) => out.expired.push(ExpiredRequest {
                    request: line(settled.at, None),
                    asked_by_you: !asked_of_you,
                }),
                Some(ErasedBy::Withdrawn) | None => {}
            }
        }
        out
    }
}

/// The account's own signed (floor, ceiling) as of entry `seq`.
fn signed_at(changes: &[StoredChange], seq: i64) -> (Option<i64>, Option<i64>) {
    changes
        .iter()
        .rfind(|c| c.seq <= seq && (c.change == "limits-set" || c.change == "account-opened"))
        .map_or((None, None), |c| {
            (c.floor.map(|a| a.minor()), c.ceiling.map(|a| a.minor()))
        })
}

/// A payment for work that counts towards a grown floor: not a gift or a
/// fund run, not a reversal, and no system account in it.
fn counts_as_given(view: &TxView, kinds: &HashMap<AccountId, AccountKind>) -> bool {
    view.movement == StoredMovement::Work
        && view.reverses.is_none()
        && !view
            .postings
            .iter()
            .any(|p| kinds.get(&p.account) == Some(&AccountKind::System))
}

/// The stable words of the short list of decline reasons, which papers
/// translate (`request-decline-*`); None for a member's own text.
pub(crate) fn decline_reason_id(reason: &str) -> Option<&'static str> {
    match reason {
        DECLINE_NOT_ME => Some("request-decline-not-me"),
        DECLINE_WRONG_HOURS => Some("request-decline-wrong-hours"),
        DECLINE_NOT_DONE => Some("request-decline-not-done"),
        _ => None,
    }
}
