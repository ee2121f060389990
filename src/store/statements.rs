//! Read models for statements and reports: period sums in a few queries
//! over the whole ledger, so a month's batch for thousands of accounts
//! does not ask SQLite thousands of times.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension};

use crate::ledger::{AccountId, Amount};

use super::{Result, Store, StoreError};

/// A month's statements as issued: the signed chain head they refer to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueRow {
    /// The statements-issued entry.
    pub seq: i64,
    pub period: String,
    pub recorded_at: String,
    pub head_seq: i64,
    pub head_hash: [u8; 32],
}

/// Money in and out of one account over one span of time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flow {
    pub in_minor: i64,
    pub out_minor: i64,
}

impl Store {
    /// Every account's balance from postings recorded before `before`
    /// (accounts without postings are absent).
    pub fn balances_before(&self, before: &str) -> Result<HashMap<AccountId, Amount>> {
        let mut stmt = self.conn.prepare(
            "SELECT p.account_id, SUM(p.amount_minor) FROM postings p JOIN journal j ON j.seq = p.seq
             WHERE j.recorded_at < ?1 GROUP BY p.account_id",
        )?;
        let rows = stmt.query_map([before], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        let mut balances = HashMap::new();
        for row in rows {
            let (id, sum) = row?;
            balances.insert(parse_id(&id)?, Amount::from_minor(sum));
        }
        Ok(balances)
    }

    /// Per account, money in and out in each span between consecutive
    /// `boundaries` (UTC text, ascending): `flows[id][i]` covers
    /// `boundaries[i] .. boundaries[i + 1]`.
    pub fn flows_between(&self, boundaries: &[String]) -> Result<HashMap<AccountId, Vec<Flow>>> {
        let spans = boundaries.len().saturating_sub(1);
        let mut flows: HashMap<AccountId, Vec<Flow>> = HashMap::new();
        if spans == 0 {
            return Ok(flows);
        }
        let mut stmt = self.conn.prepare(
            "SELECT p.account_id, j.recorded_at, p.amount_minor FROM postings p JOIN journal j ON j.seq = p.seq
             WHERE j.recorded_at >= ?1 AND j.recorded_at < ?2",
        )?;
        let mut rows = stmt.query(params![boundaries[0], boundaries[spans]])?;
        let mut ids: HashMap<String, AccountId> = HashMap::new();
        while let Some(row) = rows.next()? {
            let id: String = row.get(0)?;
            let at: String = row.get(1)?;
            let amount: i64 = row.get(2)?;
            let span = boundaries.partition_point(|b| b.as_str() <= at.as_str()).saturating_sub(1).min(spans - 1);
            let account = match ids.get(&id) {
                Some(a) => a.clone(),
                None => {
                    let a = parse_id(&id)?;
                    ids.insert(id, a.clone());
                    a
                }
            };
            let entry = flows.entry(account).or_insert_with(|| vec![Flow::default(); spans]);
            if amount >= 0 {
                entry[span].in_minor += amount;
            } else {
                entry[span].out_minor -= amount;
            }
        }
        Ok(flows)
    }

    /// The statements issued for `period` ("YYYY-MM"), if any.
    pub fn statement_issue(&self, period: &str) -> Result<Option<IssueRow>> {
        let mut stmt = self.conn.prepare_cached(&format!("{ISSUE_SQL} WHERE s.period = ?1 ORDER BY s.seq LIMIT 1"))?;
        stmt.query_row([period], issue_row).optional()?.transpose()
    }

    /// Every issue, oldest first.
    pub fn statement_issues(&self) -> Result<Vec<IssueRow>> {
        let mut stmt = self.conn.prepare(&format!("{ISSUE_SQL} ORDER BY s.seq"))?;
        let rows = stmt.query_map([], issue_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter().collect()
    }

    /// The last entry recorded before `before`, with its chain hash: the
    /// head a month's statements sign.
    pub fn head_before(&self, before: &str) -> Result<Option<(i64, [u8; 32])>> {
        let row: Option<(i64, Vec<u8>)> = self
            .conn
            .query_row(
                "SELECT seq, chain_hash FROM journal WHERE recorded_at < ?1 ORDER BY seq DESC LIMIT 1",
                [before],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        row.map(|(seq, hash)| Ok((seq, hash.try_into().map_err(|_| StoreError::Corrupt(format!("chain hash of #{seq}")))?)))
            .transpose()
    }
}

const ISSUE_SQL: &str =
    "SELECT s.seq, s.period, j.recorded_at, s.head_seq, s.head_hash FROM statement_issues s JOIN journal j ON j.seq = s.seq";

fn issue_row(r: &rusqlite::Row) -> rusqlite::Result<Result<IssueRow>> {
    let seq: i64 = r.get(0)?;
    let hash: Vec<u8> = r.get(4)?;
    let row = IssueRow { seq, period: r.get(1)?, recorded_at: r.get(2)?, head_seq: r.get(3)?, head_hash: [0; 32] };
    Ok(hash
        .try_into()
        .map(|head_hash| IssueRow { head_hash, ..row })
        .map_err(|_| StoreError::Corrupt(format!("statement head of #{seq}"))))
}

fn parse_id(text: &str) -> Result<AccountId> {
    AccountId::parse(text).map_err(|_| StoreError::Corrupt(format!("account id '{text}'")))
}

/// An account as it stood at some entry: for statements that must not
/// change when limits change or accounts close later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountAt {
    pub limits: crate::ledger::Limits,
    pub open: bool,
}

impl Store {
    /// Every account opened at or before entry `seq`, with its limits and
    /// status as of that entry.
    pub fn accounts_at(&self, seq: i64) -> Result<HashMap<AccountId, AccountAt>> {
        let mut stmt = self.conn.prepare(
            "SELECT e.account_id, j.entry_type, e.floor_minor, e.ceiling_minor FROM account_events e
             JOIN journal j ON j.seq = e.seq WHERE e.seq <= ?1 ORDER BY e.seq",
        )?;
        let mut rows = stmt.query([seq])?;
        let mut accounts: HashMap<AccountId, AccountAt> = HashMap::new();
        while let Some(row) = rows.next()? {
            let id = parse_id(&row.get::<_, String>(0)?)?;
            let entry_type: String = row.get(1)?;
            let limits = match (row.get::<_, Option<i64>>(2)?, row.get::<_, Option<i64>>(3)?) {
                (Some(f), Some(c)) => crate::ledger::Limits::new(Amount::from_minor(f), Amount::from_minor(c)).ok(),
                _ => None,
            };
            match (entry_type.as_str(), limits) {
                ("account-opened", Some(limits)) => {
                    accounts.insert(id, AccountAt { limits, open: true });
                }
                ("limits-set", Some(limits)) => {
                    if let Some(a) = accounts.get_mut(&id) {
                        a.limits = limits;
                    }
                }
                ("account-closed", _) => {
                    if let Some(a) = accounts.get_mut(&id) {
                        a.open = false;
                    }
                }
                _ => {}
            }
        }
        Ok(accounts)
    }
}

/// An issued attestation, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttestationRow {
    pub seq: i64,
    pub account: AccountId,
    pub from: String,
    pub to: String,
    pub given: Amount,
    pub recorded_at: String,
    pub head_seq: i64,
    pub head_hash: [u8; 32],
}

impl Store {
    /// Every attestation issued, oldest first.
    pub fn attestations(&self) -> Result<Vec<AttestationRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT a.seq, a.account_id, a.date_from, a.date_to, a.given_minor, j.recorded_at, a.head_seq, a.head_hash
             FROM attestations a JOIN journal j ON j.seq = a.seq ORDER BY a.seq",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, i64>(6)?,
                r.get::<_, Vec<u8>>(7)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (seq, account, from, to, given, recorded_at, head_seq, head_hash) = row?;
            out.push(AttestationRow {
                seq,
                account: parse_id(&account)?,
                from,
                to,
                given: Amount::from_minor(given),
                recorded_at,
                head_seq,
                head_hash: head_hash.try_into().map_err(|_| StoreError::Corrupt(format!("attestation head of #{seq}")))?,
            });
        }
        Ok(out)
    }
}
