//! Soft limits, grown floors and the community fund: what the write path
//! loads for the growth policy and fund runs, and the read views the
//! command line, statements and the kiosk show (docs/signing.md, "Soft
//! limits, grown floors and the community fund").

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::ledger::policy::{
    self, FundRule, GivenLog, GivenRecord, GrownFloor, PolicySettings, SoftLimits, SoftNotice,
};
use crate::ledger::{AccountId, AccountKind, AccountStatus, Amount, LedgerState, SettingKey};
use crate::signing::canonical::format_time;

use super::read::{account_state_from_row, ACCOUNT_STATE_COLUMNS};
use super::{Result, Store, StoreError};

/// The limit and fund settings in force (the latest signed value of each).
pub(super) fn policy_settings(conn: &Connection) -> Result<PolicySettings> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.name, s.value FROM setting_events s
         JOIN journal j ON j.seq = s.seq AND j.entry_type = 'setting-set'
         ORDER BY s.seq",
    )?;
    let mut settings = PolicySettings::default();
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (name, value) = row?;
        if let Ok(key) = name.parse::<SettingKey>() {
            settings.set(key, &value);
        }
    }
    Ok(settings)
}

/// Whether the account's limits were ever set one by one (`limits-set`).
pub(super) fn has_own_limits(conn: &Connection, id: &AccountId) -> Result<bool> {
    let mut stmt = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM account_events e
             JOIN journal j ON j.seq = e.seq AND j.entry_type = 'limits-set'
             WHERE e.account_id = ?1)",
    )?;
    Ok(stmt.query_row([id.as_str()], |r| r.get(0))?)
}

/// The hours an account was paid for work from `since` on (docs/signing.md,
/// "Hours given for work"): its positive postings in `transaction`
/// entries that are not reversals, not reversed, and touch no system
/// account.
pub(super) fn given_log(
    conn: &Connection,
    id: &AccountId,
    since: DateTime<Utc>,
) -> Result<GivenLog> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.seq, j.recorded_at, p.amount_minor FROM postings p
         JOIN journal j ON j.seq = p.seq AND j.entry_type NOT IN ('gift', 'fund-run')
         JOIN transactions t ON t.seq = p.seq
         WHERE p.account_id = ?1 AND p.amount_minor > 0 AND j.recorded_at >= ?2
           AND t.reverses_seq IS NULL
           AND NOT EXISTS (SELECT 1 FROM transactions r WHERE r.reverses_seq = p.seq)
           AND NOT EXISTS (SELECT 1 FROM postings q JOIN accounts a ON a.id = q.account_id
                           WHERE q.seq = p.seq AND a.kind = 'system')
         ORDER BY p.seq",
    )?;
    let mut log = GivenLog::default();
    let rows = stmt.query_map(params![id.as_str(), format_time(since)], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get(2)?))
    })?;
    for row in rows {
        let (seq, at, minor) = row?;
        let recorded_at = DateTime::parse_from_rfc3339(&at)
            .map_err(|_| StoreError::Corrupt(format!("recorded_at of #{seq}")))?
            .with_timezone(&Utc);
        log.push(GivenRecord {
            seq,
            recorded_at,
            amount: Amount::from_minor(minor),
        });
    }
    Ok(log)
}

/// Every open person account: a fund rule charges them.
pub(super) fn open_person_ids(conn: &Connection) -> Result<Vec<AccountId>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM accounts WHERE kind = 'person' AND status = 'open' ORDER BY id",
    )?;
    let ids = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    ids.iter()
        .map(|id| AccountId::parse(id).map_err(|_| StoreError::Corrupt(format!("account id {id}"))))
        .collect()
}

/// The run of `rule` that stands (is not reversed) for `period` or a
/// period overlapping it (`policy::periods_overlap`: a year and a month
/// of it), with its own period, if any.
pub(super) fn standing_fund_run(
    conn: &Connection,
    rule: FundRule,
    period: &str,
) -> Result<Option<(String, i64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT f.period, f.seq FROM fund_runs f JOIN journal j ON j.seq = f.seq AND j.entry_type = 'fund-run'
         WHERE f.rule = ?1
           AND (f.period = ?2 OR (length(f.period) <> length(?2) AND substr(f.period, 1, 4) = substr(?2, 1, 4)))
           AND NOT EXISTS (SELECT 1 FROM transactions r WHERE r.reverses_seq = f.seq)
         ORDER BY f.seq DESC LIMIT 1",
    )?;
    Ok(stmt
        .query_row(params![rule.as_str(), period], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?)
}

/// A grown floor and how it was worked out, as a statement prints it.
#[derive(Debug, Clone, Serialize)]
pub struct GrowthWorking {
    pub base: Amount,
    /// The factor as signed, like "0.50".
    pub factor: String,
    pub months: u32,
    pub cap: Amount,
    /// The first instant whose hours count (UTC, the journal's time form).
    pub window_from: String,
    #[serde(flatten)]
    pub grown: GrownFloor,
}

/// An account's limits as they stand at a moment: the hard limits in
/// force (with the grown floor worked out), the soft limits and the
/// notice a member sees when past one.
#[derive(Debug, Clone, Serialize)]
pub struct LimitView {
    pub account: AccountId,
    pub kind: AccountKind,
    pub status: AccountStatus,
    pub balance: Amount,
    /// The floor a payment is checked against now.
    pub floor: Amount,
    pub ceiling: Amount,
    /// The floor of the account's own signed limits (`account-opened` or
    /// `limits-set`); differs from `floor` when the growth policy applies.
    pub signed_floor: Amount,
    /// The limits were set one by one: the growth policy leaves them.
    pub own_limits: bool,
    pub growth: Option<GrowthWorking>,
    pub soft_floor: Option<Amount>,
    pub soft_ceiling: Option<Amount>,
    /// The soft limits come from the account's own `soft-limits-set`.
    pub soft_own: bool,
    pub notice: Option<SoftNotice>,
}

/// One change of an account's limits, for `account show` and statements.
#[derive(Debug, Clone, Serialize)]
pub struct LimitChange {
    pub seq: i64,
    pub recorded_at: String,
    /// `account-opened`, `limits-set` or `soft-limits-set`.
    pub change: String,
    pub floor: Option<Amount>,
    pub ceiling: Option<Amount>,
    pub soft_floor: Option<Amount>,
    pub soft_ceiling: Option<Amount>,
    pub reason: Option<String>,
}

/// A recorded fund run.
#[derive(Debug, Clone, Serialize)]
pub struct FundRunView {
    pub seq: i64,
    pub recorded_at: String,
    pub rule: FundRule,
    pub period: String,
    pub total: Amount,
    pub postings: Vec<(AccountId, Amount)>,
    pub reversed_by: Option<i64>,
}

impl Store {
    /// The limit and fund settings in force.
    pub fn policy(&self) -> Result<PolicySettings> {
        policy_settings(&self.conn)
    }

    /// Every account's own soft limits (the latest `soft-limits-set`).
    fn own_soft_limits(&self) -> Result<HashMap<AccountId, SoftLimits>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.account_id, s.soft_floor_minor, s.soft_ceiling_minor FROM soft_limit_events s
             JOIN journal j ON j.seq = s.seq AND j.entry_type = 'soft-limits-set' ORDER BY s.seq",
        )?;
        let mut own = HashMap::new();
        for row in stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, Option<i64>>(2)?,
            ))
        })? {
            let (id, floor, ceiling) = row?;
            let Ok(id) = AccountId::parse(&id) else {
                continue;
            };
            own.insert(
                id,
                SoftLimits {
                    floor: floor.map(Amount::from_minor),
                    ceiling: ceiling.map(Amount::from_minor),
                },
            );
        }
        Ok(own)
    }

    /// The limits of one account as they stand at `now`.
    pub fn limit_view(&self, id: &AccountId, now: DateTime<Utc>) -> Result<Option<LimitView>> {
        Ok(self.limit_views_of(Some(id), now)?.into_iter().next())
    }

    /// The limits of every account at `now`, in account order.
    pub fn limit_views(&self, now: DateTime<Utc>) -> Result<Vec<LimitView>> {
        self.limit_views_of(None, now)
    }

    fn limit_views_of(
        &self,
        only: Option<&AccountId>,
        now: DateTime<Utc>,
    ) -> Result<Vec<LimitView>> {
        let settings = self.policy()?;
        let growth = settings.growth();
        let own_soft = self.own_soft_limits()?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ACCOUNT_STATE_COLUMNS} FROM accounts WHERE ?1 IS NULL OR id = ?1 ORDER BY id"
        ))?;
        let rows = stmt
            .query_map([only.map(|a| a.as_str())], account_state_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut views = Vec::with_capacity(rows.len());
        for row in rows {
            let account = row?;
            let own_limits =
                account.kind == AccountKind::Person && has_own_limits(&self.conn, &account.id)?;
            let working = match (&growth, account.kind) {
                (Some(g), AccountKind::Person) if !own_limits => {
                    let from = g.window_start(now);
                    let given = given_log(&self.conn, &account.id, from)?.given_since(from);
                    Some(GrowthWorking {
                        base: g.base,
                        factor: Amount::from_minor(g.factor_hundredths).to_string(),
                        months: g.months,
                        cap: g.cap,
                        window_from: format_time(from),
                        grown: g.floor_for(given),
                    })
                }
                _ => None,
            };
            let own = own_soft.get(&account.id).copied();
            let soft = policy::soft_in_force(settings.soft_limits(account.kind), own);
            views.push(LimitView {
                floor: working
                    .as_ref()
                    .map_or(account.limits.floor(), |w| w.grown.floor),
                ceiling: account.limits.ceiling(),
                signed_floor: account.limits.floor(),
                own_limits,
                growth: working,
                soft_floor: soft.floor,
                soft_ceiling: soft.ceiling,
                soft_own: own.is_some(),
                notice: policy::soft_notice(soft, account.balance),
                account: account.id,
                kind: account.kind,
                status: account.status,
                balance: account.balance,
            });
        }
        Ok(views)
    }

    /// Every change of an account's hard and soft limits, oldest first.
    pub fn limit_history(&self, id: &AccountId) -> Result<Vec<LimitChange>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.seq, j.recorded_at, j.entry_type, e.floor_minor, e.ceiling_minor, NULL, NULL, e.reason
             FROM account_events e JOIN journal j ON j.seq = e.seq
             WHERE e.account_id = ?1 AND j.entry_type IN ('account-opened', 'limits-set')
             UNION ALL
             SELECT s.seq, j.recorded_at, j.entry_type, NULL, NULL, s.soft_floor_minor, s.soft_ceiling_minor, s.reason
             FROM soft_limit_events s JOIN journal j ON j.seq = s.seq AND j.entry_type = 'soft-limits-set'
             WHERE s.account_id = ?1
             ORDER BY 1",
        )?;
        let minor = |v: Option<i64>| v.map(Amount::from_minor);
        let rows = stmt.query_map([id.as_str()], |r| {
            let change: String = r.get(2)?;
            let reason: String = r.get(7)?;
            Ok(LimitChange {
                seq: r.get(0)?,
                recorded_at: r.get(1)?,
                floor: minor(r.get(3)?),
                ceiling: minor(r.get(4)?),
                soft_floor: minor(r.get(5)?),
                soft_ceiling: minor(r.get(6)?),
                reason: (change != "account-opened").then_some(reason),
                change,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Every fund run recorded, oldest first.
    pub fn fund_runs(&self) -> Result<Vec<FundRunView>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.seq, j.recorded_at, f.rule, f.period,
                (SELECT r.seq FROM transactions r WHERE r.reverses_seq = f.seq)
             FROM fund_runs f JOIN journal j ON j.seq = f.seq AND j.entry_type = 'fund-run'
             ORDER BY f.seq",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<i64>>(4)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut postings = self.conn.prepare_cached(
            "SELECT account_id, amount_minor FROM postings WHERE seq = ?1 ORDER BY idx",
        )?;
        let mut views = Vec::with_capacity(rows.len());
        for (seq, recorded_at, rule, period, reversed_by) in rows {
            let rule: FundRule = rule
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("rule of fund run #{seq}")))?;
            let list = postings
                .query_map([seq], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let mut pairs = Vec::with_capacity(list.len());
            for (account, minor) in list {
                let id = AccountId::parse(&account)
                    .map_err(|_| StoreError::Corrupt(format!("account of fund run #{seq}")))?;
                pairs.push((id, Amount::from_minor(minor)));
            }
            views.push(FundRunView {
                seq,
                recorded_at,
                rule,
                period,
                total: Amount::from_minor(pairs.iter().map(|(_, a)| a.minor().max(0)).sum()),
                postings: pairs,
                reversed_by,
            });
        }
        Ok(views)
    }

    /// What a run of `rule` for `period` would post at `now`: exactly the
    /// rule the write path checks, from the same state (every open
    /// person account, the fund, the runs that stand).
    pub fn fund_plan(
        &self,
        rule: FundRule,
        period: &str,
        now: DateTime<Utc>,
    ) -> Result<Vec<(AccountId, Amount)>> {
        let mut state = LedgerState {
            settings: Some(self.settings().clone()),
            policy: self.policy()?,
            ..LedgerState::default()
        };
        let mut ids = open_person_ids(&self.conn)?;
        ids.extend(state.policy.fund_account());
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ACCOUNT_STATE_COLUMNS} FROM accounts WHERE id = ?1"
        ))?;
        for id in ids {
            if let Some(account) = stmt
                .query_row([id.as_str()], account_state_from_row)
                .optional()?
            {
                state.accounts.insert(id, account?);
            }
        }
        if let Some((ran, seq)) = standing_fund_run(&self.conn, rule, period)? {
            state.fund_runs.insert((rule, ran), seq);
        }
        let today = now.with_timezone(&self.settings().tz()).date_naive();
        state
            .fund_run_postings(rule, period, today)
            .map_err(|e| crate::ledger::LedgerError::from(e).into())
    }
}
