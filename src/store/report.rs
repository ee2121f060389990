//! Read models for the community report: every account with when it was
//! opened and closed, and the journal's transactions streamed once, in
//! recording order, with accounts as small integers.
//!
//! The store only hands over facts. Which transactions count (reversals)
//! and what is added up is decided by `report::build`.

use std::collections::{HashMap, HashSet};

use crate::ledger::{AccountId, AccountKind, WorkKind};

use super::{Result, Store, StoreError};

/// An account as the report needs it.
#[derive(Debug, Clone)]
pub struct ReportAccount {
    pub id: AccountId,
    pub kind: AccountKind,
    /// None once the personal data has been erased.
    pub display_name: Option<String>,
    /// When its account-opened entry was recorded (journal UTC text).
    pub opened_at: String,
    /// When its account-closed entry was recorded, if it was closed.
    pub closed_at: Option<String>,
}

/// One transaction as streamed to the report: postings name accounts by
/// their index in the list `report_accounts` returned.
#[derive(Debug)]
pub struct ReportTx<'a> {
    pub seq: i64,
    pub recorded_at: &'a str,
    pub work: WorkKind,
    pub skill: Option<&'a str>,
    /// The transaction this one reverses, if it is a reversal.
    pub reverses: Option<i64>,
    /// (account index, amount in hundredths), in posting order.
    pub postings: &'a [(u32, i64)],
}

const REPORT_ACCOUNTS_SQL: &str = "SELECT a.id, a.kind, p.display_name, jo.recorded_at,
        (SELECT MIN(jc.recorded_at) FROM account_events e JOIN journal jc ON jc.seq = e.seq
         WHERE e.account_id = a.id AND jc.entry_type = 'account-closed')
    FROM accounts a JOIN journal jo ON jo.seq = a.opened_seq
    LEFT JOIN account_profiles p ON p.account_id = a.id
    ORDER BY a.id";

/// Every posting of every payment for work recorded before ?1, in
/// journal order: gifts and fund runs (and their reversals) are not
/// exchanges and are left out (`Movement`). `postings` is keyed (seq, idx), so this walks it in key order.
const REPORT_POSTINGS_SQL: &str =
    "SELECT p.seq, j.recorded_at, t.work, t.skill, t.reverses_seq, p.account_id, p.amount_minor
    FROM postings p JOIN transactions t ON t.seq = p.seq JOIN journal j ON j.seq = p.seq
    WHERE j.recorded_at < ?1 AND j.entry_type NOT IN ('gift', 'fund-run')
      AND (t.reverses_seq IS NULL
           OR (SELECT o.entry_type FROM journal o WHERE o.seq = t.reverses_seq) NOT IN ('gift', 'fund-run'))
    ORDER BY p.seq, p.idx";

impl Store {
    /// Every account, in id order, with its opening and closing times.
    pub fn report_accounts(&self) -> Result<Vec<ReportAccount>> {
        let mut stmt = self.conn.prepare(REPORT_ACCOUNTS_SQL)?;
        let mut rows = stmt.query([])?;
        let mut accounts = Vec::new();
        while let Some(row) = rows.next()? {
            let id: String = row.get(0)?;
            let kind: String = row.get(1)?;
            let corrupt = |what: &str| StoreError::Corrupt(format!("account {id}: {what}"));
            accounts.push(ReportAccount {
                id: AccountId::parse(&id).map_err(|_| corrupt("id"))?,
                kind: kind.parse().map_err(|_| corrupt("kind"))?,
                display_name: row.get(2)?,
                opened_at: row.get(3)?,
                closed_at: row.get(4)?,
            });
        }
        Ok(accounts)
    }

    /// The transactions that a reversal recorded before `before` undoes.
    pub fn reversed_before(&self, before: &str) -> Result<HashSet<i64>> {
        let mut stmt = self.conn.prepare(
            "SELECT t.reverses_seq FROM transactions t JOIN journal j ON j.seq = t.seq
             WHERE t.reverses_seq IS NOT NULL AND j.recorded_at < ?1",
        )?;
        let rows = stmt.query_map([before], |r| r.get::<_, i64>(0))?;
        Ok(rows.collect::<rusqlite::Result<HashSet<_>>>()?)
    }

    /// Calls `visit` for every transaction recorded before `before`, oldest
    /// first. `index` maps account ids to the indexes the postings carry;
    /// an id missing from it means the account table is damaged.
    pub fn report_transactions(
        &self,
        before: &str,
        index: &HashMap<AccountId, u32>,
        mut visit: impl FnMut(&ReportTx<'_>),
    ) -> Result<()> {
        // Look-ups by text avoid parsing an AccountId for each of millions of rows.
        let by_text: HashMap<&str, u32> = index.iter().map(|(id, i)| (id.as_str(), *i)).collect();
        let mut stmt = self.conn.prepare(REPORT_POSTINGS_SQL)?;
        let mut rows = stmt.query([before])?;
        let mut current = PendingTx::default();
        while let Some(row) = rows.next()? {
            let seq: i64 = row.get(0)?;
            if seq != current.seq && !current.postings.is_empty() {
                current.visit(&mut visit)?;
            }
            if current.postings.is_empty() {
                current.start(seq, row)?;
            }
            let account = row.get_ref(5)?.as_str().map_err(rusqlite::Error::from)?;
            let index = *by_text.get(account).ok_or_else(|| {
                StoreError::Corrupt(format!("posting of #{seq} to unknown account {account}"))
            })?;
            current.postings.push((index, row.get(6)?));
        }
        if !current.postings.is_empty() {
            current.visit(&mut visit)?;
        }
        Ok(())
    }
}

/// The transaction being gathered from its posting rows.
#[derive(Default)]
struct PendingTx {
    seq: i64,
    recorded_at: String,
    work: String,
    skill: Option<String>,
    reverses: Option<i64>,
    postings: Vec<(u32, i64)>,
}

impl PendingTx {
    fn start(&mut self, seq: i64, row: &rusqlite::Row<'_>) -> Result<()> {
        self.seq = seq;
        self.recorded_at.clear();
        self.recorded_at
            .push_str(row.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?);
        self.work.clear();
        self.work
            .push_str(row.get_ref(2)?.as_str().map_err(rusqlite::Error::from)?);
        self.skill = row.get(3)?;
        self.reverses = row.get(4)?;
        Ok(())
    }

    fn visit(&mut self, visit: &mut impl FnMut(&ReportTx<'_>)) -> Result<()> {
        let work = self
            .work
            .parse()
            .map_err(|_| StoreError::Corrupt(format!("kind of work of #{}", self.seq)))?;
        visit(&ReportTx {
            seq: self.seq,
            recorded_at: &self.recorded_at,
            work,
            skill: self.skill.as_deref(),
            reverses: self.reverses,
            postings: &self.postings,
        });
        self.postings.clear();
        Ok(())
    }
}

/// One gift as the report counts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportGift {
    pub seq: i64,
    /// Hours given (the sum of its positive postings).
    pub hours_minor: i64,
    /// True when it went to a system account (the community fund).
    pub to_system: bool,
}

impl Store {
    /// The gifts recorded in [`from`, `before`) that no reversal recorded
    /// before `before` undoes (the report's reversal rule). Gifts are not
    /// in `report_transactions`: they are not exchanges.
    pub fn report_gifts(&self, from: &str, before: &str) -> Result<Vec<ReportGift>> {
        let mut stmt = self.conn.prepare(
            "SELECT j.seq,
                SUM(CASE WHEN p.amount_minor > 0 THEN p.amount_minor ELSE 0 END),
                MAX(CASE WHEN p.amount_minor > 0 AND a.kind = 'system' THEN 1 ELSE 0 END)
             FROM journal j JOIN postings p ON p.seq = j.seq JOIN accounts a ON a.id = p.account_id
             WHERE j.entry_type = 'gift' AND j.recorded_at >= ?1 AND j.recorded_at < ?2
               AND NOT EXISTS (SELECT 1 FROM transactions r JOIN journal rj ON rj.seq = r.seq
                               WHERE r.reverses_seq = j.seq AND rj.recorded_at < ?2)
             GROUP BY j.seq ORDER BY j.seq",
        )?;
        let rows = stmt.query_map([from, before], |r| {
            Ok(ReportGift {
                seq: r.get(0)?,
                hours_minor: r.get(1)?,
                to_system: r.get::<_, i64>(2)? == 1,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
