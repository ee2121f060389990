//! Builds statement read models from the store. Everything a statement
//! shows is decided here; renderers only lay it out.
//!
//! The period rule: a transaction belongs to the month in which it was
//! recorded (in the community's time zone), so an issued statement never
//! changes; a late entry shows on the next statement with the date the
//! exchange happened. Limits and accounts are taken as they stood at the
//! signed chain head, so later changes do not alter an issued statement.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, Utc};

use crate::ledger::period::recorded_bounds;
use crate::ledger::{AccountId, AccountKind, Amount, Month, SettingKey, WorkKind};
use crate::store::statements::{Flow, IssueRow};
use crate::store::{AccountRow, Store, StoreError, TxFilter, TxView};

use super::model::{
    ApartTotals, Contributor, Counterparty, Currency, MonthPoint, Movement, ReversalOf, SignedBy,
    Statement, StatementLine, Treasurer, Verification, WorkTotal,
};
use super::policy::PolicyContext;
use super::verification::{qr_payload, statement_code};

/// Months shown in a statement's small chart, this one included.
const CHART_MONTHS: usize = 12;

/// Builds the statements of `month` for `only` (or every account that was
/// open at the issue's chain head), in account id order.
pub fn build_statements(
    store: &Store,
    month: Month,
    issue: &IssueRow,
    only: Option<&[AccountId]>,
) -> Result<Vec<Statement>, StoreError> {
    let ctx = Context::load(store, month, issue, only)?;
    let rows: BTreeMap<AccountId, AccountRow> = store
        .accounts()?
        .into_iter()
        .map(|r| (r.id.clone(), r))
        .collect();
    let wanted: Vec<&AccountId> = match only {
        Some(ids) => ids.iter().collect(),
        None => ctx
            .accounts_at
            .iter()
            .filter(|(_, a)| a.open)
            .map(|(id, _)| id)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect(),
    };
    let mut statements = Vec::with_capacity(wanted.len());
    for id in wanted {
        let row = rows
            .get(id)
            .ok_or_else(|| crate::ledger::RuleError::UnknownAccount(id.clone()))?;
        statements.push(ctx.statement(store, &rows, row)?);
    }
    Ok(statements)
}

/// What every statement of one month shares, read once.
struct Context {
    month: Month,
    ledger_id: String,
    currency: Currency,
    community_name: String,
    issue: IssueRow,
    issued_on: NaiveDate,
    accounts_at: HashMap<AccountId, crate::store::statements::AccountAt>,
    /// Balances before the chart's first month.
    base: HashMap<AccountId, Amount>,
    /// Flows per chart month, oldest first; the last is this month.
    flows: HashMap<AccountId, Vec<Flow>>,
    chart_months: Vec<Month>,
    treasurer: Treasurer,
    /// This month's transactions, each once, in the order read.
    views: Vec<TxView>,
    /// Per account, indexes into `views` of its transactions, one per
    /// posting (so a view is not cloned for every account it touches).
    lines: HashMap<AccountId, Vec<usize>>,
    /// Requests and the limit policy (`statement::policy`).
    policy: PolicyContext,
}

impl Context {
    /// Reads the month for every account, or only for `only` (through the
    /// accounts' indexes, without a pass over the whole ledger).
    fn load(
        store: &Store,
        month: Month,
        issue: &IssueRow,
        only: Option<&[AccountId]>,
    ) -> Result<Context, StoreError> {
        let settings = store.settings();
        let tz = settings.tz();
        let chart_months: Vec<Month> = {
            let mut months = vec![month];
            while months.len() < CHART_MONTHS {
                let earliest = months[0].previous();
                months.insert(0, earliest);
            }
            months
        };
        let mut boundaries: Vec<String> = chart_months
            .iter()
            .map(|m| recorded_bounds(*m, tz).0)
            .collect();
        boundaries.push(recorded_bounds(month, tz).1);
        let (from, before) = recorded_bounds(month, tz);
        let in_month = TxFilter {
            recorded_from: Some(from),
            recorded_before: Some(before),
            ..TxFilter::default()
        };
        let views = match only {
            None => store.transactions(&in_month)?,
            Some(ids) => {
                // A transaction between two of them is read twice: once is kept.
                let mut by_seq = BTreeMap::new();
                for id in ids {
                    let account = Some(id.clone());
                    for view in store.transactions(&TxFilter {
                        account,
                        ..in_month.clone()
                    })? {
                        by_seq.insert(view.seq, view);
                    }
                }
                by_seq.into_values().collect()
            }
        };
        let mut lines: HashMap<AccountId, Vec<usize>> = HashMap::new();
        for (index, view) in views.iter().enumerate() {
            for posting in &view.postings {
                lines
                    .entry(posting.account.clone())
                    .or_default()
                    .push(index);
            }
        }
        let (base, flows) = match only {
            None => store.flows_between_with_base(&boundaries)?,
            Some(ids) => store.flows_of_accounts(&boundaries, ids)?,
        };
        let issued_at = DateTime::parse_from_rfc3339(&issue.recorded_at)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default();
        Ok(Context {
            month,
            ledger_id: store.ledger_id().to_string(),
            currency: Currency {
                name: settings.currency_name.clone(),
                unit: settings.currency_unit.clone(),
                symbol: settings.currency_symbol.clone(),
            },
            community_name: settings.community_name.clone(),
            issue: issue.clone(),
            issued_on: issued_at.with_timezone(&tz).date_naive(),
            accounts_at: store.accounts_at(issue.head_seq)?,
            base,
            flows,
            chart_months,
            treasurer: treasurer(store, issue.seq)?,
            views,
            lines,
            policy: PolicyContext::load(store, month, issue.head_seq, only)?,
        })
    }

    /// `rows` are every account as read by `Store::accounts`, each with its
    /// latest card: the key holder named on a line is looked up there.
    fn statement(
        &self,
        store: &Store,
        rows: &BTreeMap<AccountId, AccountRow>,
        row: &AccountRow,
    ) -> Result<Statement, StoreError> {
        let id = &row.id;
        let flows = self
            .flows
            .get(id)
            .cloned()
            .unwrap_or_else(|| vec![Flow::default(); self.chart_months.len()]);
        let mut closing = self.base.get(id).map_or(0, |a| a.minor());
        let mut history = Vec::with_capacity(flows.len());
        for (month, flow) in self.chart_months.iter().zip(&flows) {
            closing += flow.in_minor - flow.out_minor;
            history.push(MonthPoint {
                year: month.year,
                month: month.month,
                closing_minor: closing,
                given_minor: flow.in_minor,
                received_minor: flow.out_minor,
            });
        }
        let this_month = flows.last().copied().unwrap_or_default();
        let opening = closing - this_month.in_minor + this_month.out_minor;
        let views: Vec<&TxView> = self
            .lines
            .get(id)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&index| &self.views[index])
            .collect();
        let mut lines: Vec<StatementLine> = views
            .iter()
            .map(|v| line_for(rows, id, v, &self.policy))
            .collect::<Result<_, _>>()?;
        finish_lines(store, &mut lines, opening)?;
        // Pair check: the lines must add up to the move of the balance.
        let lines_sum: i64 = lines.iter().map(|l| l.in_minor - l.out_minor).sum();
        if opening + lines_sum != closing {
            return Err(StoreError::Corrupt(format!(
                "statement of {id}: lines sum to {lines_sum}, balance moved {}",
                closing - opening
            )));
        }
        let at = self.accounts_at.get(id);
        let limits = at.map_or((row.floor, row.ceiling), |a| {
            (a.limits.floor(), a.limits.ceiling())
        });
        let policy = self.policy.limits(store, row, limits.0.minor(), closing)?;
        let period = self.month.to_string();
        let code = statement_code(
            &self.ledger_id,
            id,
            &period,
            Amount::from_minor(closing),
            &self.issue.head_hash,
        );
        let language = row
            .language
            .clone()
            .unwrap_or_else(|| store.settings().default_language.clone());
        let unit = crate::i18n::Messages::for_language(&language).unit_name(&self.currency.unit);
        Ok(Statement {
            community_name: self.community_name.clone(),
            currency: Currency {
                unit,
                ..self.currency.clone()
            },
            account_id: id.to_string(),
            display_name: row.display_name.clone().unwrap_or_else(|| id.to_string()),
            account_kind: row.kind,
            language,
            year: self.month.year,
            month: self.month.month,
            issued_on: self.issued_on,
            opening_minor: opening,
            closing_minor: closing,
            floor_minor: policy.floor_minor,
            ceiling_minor: limits.1.minor(),
            totals: totals(&lines),
            exchange_count: lines.iter().filter(|l| counts_as_exchange(l)).count() as u32,
            people_helped_count: people_helped(&lines),
            history,
            contributors: if row.kind == AccountKind::Initiative {
                contributors(id, &views)
            } else {
                Vec::new()
            },
            apart: apart_totals(&lines),
            soft_floor_minor: policy.soft_floor_minor,
            soft_ceiling_minor: policy.soft_ceiling_minor,
            soft_notice: policy.soft_notice,
            grown_floor: policy.grown_floor,
            limit_changes: policy.limit_changes,
            requests: self.policy.requests(rows, id),
            treasurer: self.treasurer.clone(),
            verification: Verification {
                qr_payload: qr_payload(id, &period, Amount::from_minor(closing), &code),
                code,
                chain_head_hex: hex::encode(self.issue.head_hash),
            },
            lines,
        })
    }
}

/// The treasurer as statements and attestations print them: name and
/// contact from the ledger's signed settings (as they are now: whom to ask
/// today), and the fingerprint of the key that signed entry `signed_seq`
/// (the month's issue or the attestation), which a handover never changes.
pub fn treasurer(store: &Store, signed_seq: i64) -> Result<Treasurer, StoreError> {
    let values = store.setting_values()?;
    let value = |key| values.get(&key).cloned().unwrap_or_default();
    let key = store
        .treasurer_keys()?
        .into_iter()
        .rfind(|k| k.seq <= signed_seq)
        .map_or(store.settings().treasurer_key, |k| k.public_key);
    Ok(Treasurer {
        name: value(SettingKey::TreasurerName),
        contact: value(SettingKey::TreasurerContact),
        fingerprint: crate::signing::fingerprint(&key),
    })
}

fn line_for(
    rows: &BTreeMap<AccountId, AccountRow>,
    account: &AccountId,
    view: &TxView,
    policy: &PolicyContext,
) -> Result<StatementLine, StoreError> {
    let movement = policy.movement(view)?;
    let amount = view.amount_for(account);
    // The other side: whoever moved the opposite way.
    let counterparties = view
        .postings
        .iter()
        .filter(|p| &p.account != account && p.amount.is_negative() != amount.is_negative())
        .map(|p| Counterparty {
            account_id: p.account.to_string(),
            display_name: p
                .display_name
                .clone()
                .unwrap_or_else(|| p.account.to_string()),
        })
        .collect();
    let signed_by = match (view.signer_role.as_str(), &view.signer_account) {
        ("member", Some(a)) => SignedBy::Member {
            account_id: a.to_string(),
        },
        ("key-holder", Some(a)) => SignedBy::KeyHolder {
            account_id: a.to_string(),
            // The initiative's latest card, active or revoked: the same
            // card `Store::card` would read, already on its account row.
            holder_id: rows
                .get(a)
                .and_then(|r| r.card.as_ref())
                .and_then(|c| c.holder.as_ref())
                .map(|h| h.to_string()),
        },
        _ => SignedBy::Treasurer {
            slip: view.slip.clone(),
        },
    };
    Ok(StatementLine {
        seq: view.seq,
        date: NaiveDate::parse_from_str(&view.date, "%Y-%m-%d")
            .map_err(|_| StoreError::Corrupt(format!("date of #{}", view.seq)))?,
        counterparties,
        description: view.description.clone(),
        // A gift or a fund run has no kind of work (and its reversal's
        // recorded kind is not one either).
        work: match movement {
            Movement::Exchange => Some(
                view.work
                    .parse()
                    .map_err(|_| StoreError::Corrupt(format!("work of #{}", view.seq)))?,
            ),
            _ => None,
        },
        movement,
        skill: view.skill.clone(),
        in_minor: amount.minor().max(0),
        out_minor: (-amount.minor()).max(0),
        signed_by,
        // Filled in by `finish_lines`, which reads the undone exchange.
        reverses: view.reverses.map(|seq| ReversalOf {
            seq,
            date: NaiveDate::MIN,
            reason: view.reversal_reason.clone().unwrap_or_default(),
        }),
        reversed_by: None,
        balance_minor: 0,
        override_reason: view.override_reason.clone(),
    })
}

/// The running balance on each line; a correction line takes the undone
/// exchange's description, skill and date (the ledger's own reversal text
/// is English, and the member reads their own language); a line undone by
/// a later line of the same month says by which.
fn finish_lines(
    store: &Store,
    lines: &mut [StatementLine],
    opening: i64,
) -> Result<(), StoreError> {
    let mut balance = opening;
    for line in lines.iter_mut() {
        balance += line.in_minor - line.out_minor;
        line.balance_minor = balance;
        let Some(reversal) = line.reverses.as_mut() else {
            continue;
        };
        let original = store.transaction(reversal.seq)?.ok_or_else(|| {
            StoreError::Corrupt(format!(
                "#{} reverses #{}, which is not in the journal",
                line.seq, reversal.seq
            ))
        })?;
        reversal.date = NaiveDate::parse_from_str(&original.date, "%Y-%m-%d")
            .map_err(|_| StoreError::Corrupt(format!("date of #{}", original.seq)))?;
        line.description = original.description;
        line.skill = original.skill;
    }
    let undone: HashMap<i64, i64> = lines
        .iter()
        .filter_map(|l| l.reverses.as_ref().map(|r| (r.seq, l.seq)))
        .collect();
    for line in lines.iter_mut() {
        line.reversed_by = undone.get(&line.seq).copied();
    }
    Ok(())
}

/// An exchange of this month that still stands: help (not a gift or a
/// fund run), not a correction, and not undone by one in the same month.
fn counts_as_exchange(line: &StatementLine) -> bool {
    line.movement == Movement::Exchange && stands(line)
}

/// A line that is not a correction and not undone in the same month.
fn stands(line: &StatementLine) -> bool {
    line.reverses.is_none() && line.reversed_by.is_none()
}

/// Help given (hours earned) and received (hours spent) per kind of work,
/// over the exchanges of this month that still stand. A correction of an
/// exchange from an earlier month changes the balance (it is in the hours
/// in and out) but not what was given this month, so no figure here is
/// ever negative.
fn totals(lines: &[StatementLine]) -> Vec<WorkTotal> {
    WorkKind::ALL
        .iter()
        .map(|&work| {
            let (mut given, mut received) = (0, 0);
            for l in lines
                .iter()
                .filter(|l| l.work == Some(work) && counts_as_exchange(l))
            {
                given += l.in_minor;
                received += l.out_minor;
            }
            WorkTotal {
                work,
                given_minor: given,
                received_minor: received,
            }
        })
        .collect()
}

/// Gifts and fund runs of the month that still stand: hours moved
/// without work, shown apart from help given and received.
fn apart_totals(lines: &[StatementLine]) -> ApartTotals {
    let mut apart = ApartTotals::default();
    for line in lines.iter().filter(|l| stands(l)) {
        match line.movement {
            Movement::Exchange => {}
            Movement::Gift => {
                apart.gifts_given_minor += line.out_minor;
                apart.gifts_received_minor += line.in_minor;
            }
            Movement::FundRun { .. } => {
                apart.fund_paid_minor += line.out_minor;
                apart.fund_received_minor += line.in_minor;
            }
        }
    }
    apart
}

/// Different accounts this one helped (was paid by) this month.
fn people_helped(lines: &[StatementLine]) -> u32 {
    let helped: BTreeSet<&str> = lines
        .iter()
        .filter(|l| counts_as_exchange(l) && l.in_minor > 0)
        .flat_map(|l| l.counterparties.iter().map(|c| c.account_id.as_str()))
        .collect();
    helped.len() as u32
}

/// For an initiative: hours it paid each member, per kind of work.
fn contributors(initiative: &AccountId, views: &[&TxView]) -> Vec<Contributor> {
    let mut by_member: BTreeMap<String, (String, BTreeMap<WorkKind, i64>)> = BTreeMap::new();
    for view in views {
        let Ok(work) = view.work.parse::<WorkKind>() else {
            continue;
        };
        let initiative_amount = view.amount_for(initiative);
        for p in view.postings.iter().filter(|p| &p.account != initiative) {
            // Members paid by the initiative (or, for a reversal, taken back).
            if initiative_amount.is_negative() == p.amount.is_negative() {
                continue;
            }
            let entry = by_member.entry(p.account.to_string()).or_insert_with(|| {
                (
                    p.display_name
                        .clone()
                        .unwrap_or_else(|| p.account.to_string()),
                    BTreeMap::new(),
                )
            });
            *entry.1.entry(work).or_default() += p.amount.minor();
        }
    }
    by_member
        .into_iter()
        .map(|(id, (name, works))| {
            let by_work: Vec<(WorkKind, i64)> =
                works.into_iter().filter(|(_, m)| *m != 0).collect();
            let total_minor = by_work.iter().map(|(_, m)| m).sum();
            Contributor {
                account_id: id,
                display_name: name,
                by_work,
                total_minor,
            }
        })
        .filter(|c| c.total_minor != 0)
        .collect()
}
