//! Rebuilding the entries of issue 13 from their rows: `soft-limits-set`
//! (`soft_limit_events`), `gift` (a `transactions` row without a kind of
//! work and two postings) and `fund-run` (the same, plus `fund_runs`).
//! Kept beside `journal` so that file stays readable.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::ledger::fund::{FundRun, Gift};
use crate::ledger::policy::FundRule;
use crate::ledger::{Description, EntryBody, SlipRef};

use super::{amount, canonical, parse_date, parse_id, parse_reason, unsigned_empty, TxColumns};
use crate::store::Result;

/// The detail rows of soft limits and fund runs, read up front.
/// An optional amount column read as any value: text written there
/// outside akker is this entry's problem to report, not a failure of the
/// whole reading.
type MaybeAmount = std::result::Result<Option<i64>, String>;

fn maybe_amount(value: rusqlite::types::Value) -> MaybeAmount {
    match value {
        rusqlite::types::Value::Null => Ok(None),
        rusqlite::types::Value::Integer(minor) => Ok(Some(minor)),
        _ => Err("a soft limit is not a whole number of hundredths".to_string()),
    }
}

#[derive(Default)]
pub(super) struct MovementDetails {
    soft_limits: HashMap<i64, (String, MaybeAmount, MaybeAmount, String)>,
    fund_runs: HashMap<i64, (String, String)>,
}

impl MovementDetails {
    pub(super) fn load(conn: &Connection) -> Result<MovementDetails> {
        let mut details = MovementDetails::default();
        let mut stmt = conn.prepare(
            "SELECT seq, account_id, soft_floor_minor, soft_ceiling_minor, reason FROM soft_limit_events",
        )?;
        for row in stmt.query_map([], |r| {
            Ok((
                r.get(0)?,
                (
                    r.get(1)?,
                    maybe_amount(r.get(2)?),
                    maybe_amount(r.get(3)?),
                    r.get(4)?,
                ),
            ))
        })? {
            let (seq, values) = row?;
            details.soft_limits.insert(seq, values);
        }
        let mut stmt = conn.prepare("SELECT seq, rule, period FROM fund_runs")?;
        for row in stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))? {
            let (seq, values) = row?;
            details.fund_runs.insert(seq, values);
        }
        Ok(details)
    }

    pub(super) fn soft_limits_set(&self, seq: i64) -> std::result::Result<EntryBody, String> {
        let (account, floor, ceiling, reason) = self
            .soft_limits
            .get(&seq)
            .ok_or("soft limits row missing")?;
        Ok(EntryBody::SoftLimitsSet {
            account: parse_id(account)?,
            soft_floor: floor.clone()?.map(amount),
            soft_ceiling: ceiling.clone()?.map(amount),
            reason: parse_reason(reason)?,
        })
    }

    pub(super) fn fund_run(
        &self,
        seq: i64,
        columns: TxColumns,
        postings: Vec<(String, i64)>,
    ) -> std::result::Result<EntryBody, String> {
        let (rule, period) = self.fund_runs.get(&seq).ok_or("fund run row missing")?;
        let rule: FundRule = canonical(
            rule,
            "fund rule",
            |t| {
                t.parse()
                    .map_err(|e: crate::ledger::policy::PolicyError| e.to_string())
            },
            |r: &FundRule| r.as_str().to_string(),
        )?;
        let (date, description, slip, postings) = columns.movement(postings)?;
        unsigned_empty(slip.is_none(), "slip")?;
        let run = FundRun::new(
            rule,
            period.clone(),
            date,
            description,
            postings
                .into_iter()
                .map(|(account, amount)| crate::ledger::Posting { account, amount })
                .collect(),
        )
        .map_err(|e| e.to_string())?;
        Ok(EntryBody::FundRun(run))
    }
}

/// A gift from its `transactions` row and its two postings (giver first).
pub(super) fn gift(
    columns: TxColumns,
    postings: Vec<(String, i64)>,
) -> std::result::Result<EntryBody, String> {
    let (date, why, slip, postings) = columns.movement(postings)?;
    let [(from, out), (to, into)] =
        <[_; 2]>::try_from(postings).map_err(|_| "a gift has exactly two postings".to_string())?;
    if out.minor() != -into.minor() || into.minor() <= 0 {
        return Err(
            "a gift's postings are the amount out of the giver and into the receiver".into(),
        );
    }
    Gift::new(date, from, to, into, why, slip)
        .map(EntryBody::Gift)
        .map_err(|e| e.to_string())
}

type Movement = (
    chrono::NaiveDate,
    Description,
    Option<SlipRef>,
    Vec<(crate::ledger::AccountId, crate::ledger::Amount)>,
);

impl TxColumns {
    /// The signed columns of a gift's or fund run's `transactions` row;
    /// the columns of a payment (kind of work, skill, reversal, override)
    /// must be empty.
    fn movement(self, postings: Vec<(String, i64)>) -> std::result::Result<Movement, String> {
        let date = self.date.ok_or("transactions row missing")?;
        unsigned_empty(
            self.work.is_none()
                && self.skill.is_none()
                && matches!(self.reverses_seq, Ok(None))
                && self.reason.is_none()
                && self.override_reason.is_none(),
            "kind of work, skill, reversal or override",
        )?;
        let description = canonical(
            self.description.as_deref().unwrap_or(""),
            "description",
            |t| Description::from_stored(t).map_err(|e| e.to_string()),
            |d| d.as_str().to_string(),
        )?;
        let slip = self
            .slip
            .as_deref()
            .map(|t| {
                canonical(
                    t,
                    "slip",
                    |t| SlipRef::from_stored(t).map_err(|e| e.to_string()),
                    |s| s.as_str().to_string(),
                )
            })
            .transpose()?;
        let postings = postings
            .into_iter()
            .map(|(account, minor)| Ok((parse_id(&account)?, amount(minor))))
            .collect::<std::result::Result<Vec<_>, String>>()?;
        Ok((parse_date(&date)?, description, slip, postings))
    }
}

/// The transaction a reversal of a gift or fund run mirrors (see
/// `Store::signed_transaction`).
pub(super) fn template(
    date: chrono::NaiveDate,
    description: &Description,
    postings: Vec<crate::ledger::Posting>,
) -> Result<crate::ledger::Transaction> {
    crate::ledger::Transaction::new(crate::ledger::TransactionParts {
        date,
        work: crate::ledger::WorkKind::Community,
        skill: None,
        description: description.clone(),
        slip: None,
        reverses: None,
        override_reason: None,
        postings,
    })
    .map_err(|e| crate::store::StoreError::Corrupt(e.to_string()))
}
