//! Read models for statements and reports: period sums in a few queries
//! over the whole ledger, so a month's batch for thousands of accounts
//! does not ask SQLite thousands of times; and the same sums for a few
//! accounts through their index, so one member's statement does not read
//! everybody's.

use std::collections::HashMap;

use rusqlite::OptionalExtension;

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

/// Balances before a first boundary, and flows per span after it.
pub type BaseAndFlows = (HashMap<AccountId, Amount>, HashMap<AccountId, Vec<Flow>>);

/// Money in and out of one account over one span of time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flow {
    pub in_minor: i64,
    pub out_minor: i64,
}

impl Store {
    /// Every account's balance before `boundaries[0]` and its money in and
    /// out per span between consecutive boundaries (UTC text, ascending):
    /// `flows[id][i]` covers `boundaries[i] .. boundaries[i + 1]`. One pass:
    /// the journal and the postings are read side by side in sequence order
    /// (both are stored in that order), which is far cheaper than looking up
    /// each posting's entry.
    pub fn flows_between_with_base(&self, boundaries: &[String]) -> Result<BaseAndFlows> {
        let mut journal = self
            .conn
            .prepare("SELECT seq, recorded_at FROM journal ORDER BY seq")?;
        let mut journal_rows = journal.query([])?;
        let mut postings = self
            .conn
            .prepare("SELECT seq, account_id, amount_minor FROM postings ORDER BY seq, idx")?;
        let mut rows = postings.query([])?;
        let mut tally = Tally::new(boundaries);
        let (mut entry_seq, mut span) = (0i64, None::<usize>);
        while let Some(row) = rows.next()? {
            let seq: i64 = row.get(0)?;
            while entry_seq < seq {
                let Some(entry) = journal_rows.next()? else {
                    break;
                };
                entry_seq = entry.get(0)?;
                span = tally.span_of(recorded_at(entry, entry_seq)?);
            }
            let id = row
                .get_ref(1)?
                .as_str()
                .map_err(|e| StoreError::Corrupt(format!("account of #{seq}: {e}")))?;
            tally.add(id, span, row.get(2)?);
        }
        tally.finish()
    }

    /// [`Store::flows_between_with_base`] for the given accounts only, read
    /// through the postings' (account, seq) index: one member's statement,
    /// on the command line or at the kiosk, does not read the whole ledger.
    pub fn flows_of_accounts(
        &self,
        boundaries: &[String],
        accounts: &[AccountId],
    ) -> Result<BaseAndFlows> {
        let mut postings = self.conn.prepare(
            "SELECT p.seq, j.recorded_at, p.amount_minor
             FROM postings p JOIN journal j ON j.seq = p.seq
             WHERE p.account_id = ?1",
        )?;
        let mut tally = Tally::new(boundaries);
        for account in accounts {
            let mut rows = postings.query([account.as_str()])?;
            while let Some(row) = rows.next()? {
                let span = tally.span_of(recorded_at(row, row.get(0)?)?);
                tally.add(account.as_str(), span, row.get(2)?);
            }
        }
        tally.finish()
    }

    /// The statements issued for `period` ("YYYY-MM"), if any.
    pub fn statement_issue(&self, period: &str) -> Result<Option<IssueRow>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{ISSUE_SQL} WHERE s.period = ?1 ORDER BY s.seq LIMIT 1"
        ))?;
        stmt.query_row([period], issue_row).optional()?.transpose()
    }

    /// Every issue, oldest first.
    pub fn statement_issues(&self) -> Result<Vec<IssueRow>> {
        let mut stmt = self.conn.prepare(&format!("{ISSUE_SQL} ORDER BY s.seq"))?;
        let rows = stmt
            .query_map([], issue_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter().collect()
    }

    /// The last entry recorded before `before`, with its chain hash: the
    /// head a month's statements sign.
    /// When the ledger's first entry was recorded (the journal's UTC text).
    pub fn first_recorded_at(&self) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row(
                "SELECT recorded_at FROM journal ORDER BY seq LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?)
    }

    pub fn head_before(&self, before: &str) -> Result<Option<(i64, [u8; 32])>> {
        super::journal::last_chain_hash(&self.conn, "recorded_at < ?1", [before])
    }
}

const ISSUE_SQL: &str =
    "SELECT s.seq, s.period, j.recorded_at, s.head_seq, s.head_hash FROM statement_issues s
     JOIN journal j ON j.seq = s.seq AND j.entry_type = 'statements-issued'";

fn issue_row(r: &rusqlite::Row) -> rusqlite::Result<Result<IssueRow>> {
    let seq: i64 = r.get(0)?;
    let hash: Vec<u8> = r.get(4)?;
    let row = IssueRow {
        seq,
        period: r.get(1)?,
        recorded_at: r.get(2)?,
        head_seq: r.get(3)?,
        head_hash: [0; 32],
    };
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
                (Some(f), Some(c)) => {
                    crate::ledger::Limits::new(Amount::from_minor(f), Amount::from_minor(c)).ok()
                }
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
             FROM attestations a JOIN journal j ON j.seq = a.seq AND j.entry_type = 'attestation-issued' ORDER BY a.seq",
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
                head_hash: head_hash
                    .try_into()
                    .map_err(|_| StoreError::Corrupt(format!("attestation head of #{seq}")))?,
            });
        }
        Ok(out)
    }
}

/// The `recorded_at` text in column 1 of a row about entry `seq`.
fn recorded_at<'r>(row: &'r rusqlite::Row<'_>, seq: i64) -> Result<&'r str> {
    row.get_ref(1)?
        .as_str()
        .map_err(|e| StoreError::Corrupt(format!("recorded_at of #{seq}: {e}")))
}

/// Sums postings into a balance before the first boundary and flows per
/// span between boundaries (UTC text, ascending), per account.
struct Tally<'b> {
    boundaries: &'b [String],
    index: HashMap<String, usize>,
    base: Vec<i64>,
    flows: Vec<Vec<Flow>>,
}

impl<'b> Tally<'b> {
    fn new(boundaries: &'b [String]) -> Self {
        Tally {
            boundaries,
            index: HashMap::new(),
            base: Vec::new(),
            flows: Vec::new(),
        }
    }

    fn spans(&self) -> usize {
        self.boundaries.len().saturating_sub(1)
    }

    /// The span an entry recorded `at` falls in: None before the first
    /// boundary, `spans()` or more at or after the last (not counted).
    fn span_of(&self, at: &str) -> Option<usize> {
        let after = self.boundaries.partition_point(|b| b.as_str() <= at);
        after.checked_sub(1)
    }

    fn add(&mut self, account: &str, span: Option<usize>, amount: i64) {
        let i = match self.index.get(account) {
            Some(i) => *i,
            None => {
                self.index.insert(account.to_string(), self.base.len());
                self.base.push(0);
                self.flows.push(vec![Flow::default(); self.spans()]);
                self.base.len() - 1
            }
        };
        match span {
            None => self.base[i] += amount,
            Some(s) if s < self.spans() => {
                let flow = &mut self.flows[i][s];
                if amount >= 0 {
                    flow.in_minor += amount;
                } else {
                    flow.out_minor -= amount;
                }
            }
            Some(_) => {}
        }
    }

    /// Accounts without postings are absent; without spans, so are flows.
    fn finish(mut self) -> Result<BaseAndFlows> {
        let mut base = HashMap::new();
        let mut flows = HashMap::new();
        let spans = self.spans();
        for (id, i) in self.index {
            let account = parse_id(&id)?;
            base.insert(account.clone(), Amount::from_minor(self.base[i]));
            if spans > 0 {
                flows.insert(account, std::mem::take(&mut self.flows[i]));
            }
        }
        Ok((base, flows))
    }
}
