//! The kiosk's own tables, outside the journal: offers and requests of
//! skills, wrong-PIN counts with card locks, and one-time form tokens.
//! Nothing here is signed or changes a balance, so these rows may be
//! updated (an offer withdrawn, a lock lifted); the journal stays
//! append-only.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Transaction as SqlTx};
use serde::Serialize;

use crate::ledger::account::short_text;
use crate::ledger::period::recorded_text;
use crate::ledger::{AccountId, FieldError, RuleError, WorkKind};

use super::kiosk::KIOSK_SECTION_MARK;
use super::{Result, Store, StoreError, SCHEMA_SQL};

/// Whether a member offers a skill or asks for help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Offer,
    Request,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Offer => "offer",
            Direction::Request => "request",
        }
    }
}

impl FromStr for Direction {
    type Err = FieldError;
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "offer" => Ok(Direction::Offer),
            "request" => Ok(Direction::Request),
            _ => Err(FieldError::TooLong("offer or request", 0)),
        }
    }
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// What is offered or asked, in a few words: 1 to 100 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct OfferText(String);

impl OfferText {
    pub const CHARS_MAX: usize = 100;

    pub fn parse(text: &str) -> std::result::Result<OfferText, FieldError> {
        let text = short_text(text, "offer text", Self::CHARS_MAX)?;
        if text.is_empty() {
            return Err(FieldError::OfferEmpty);
        }
        Ok(OfferText(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An offer or request on the board, with the member's name.
#[derive(Debug, Clone, Serialize)]
pub struct OfferRow {
    pub id: i64,
    pub account: AccountId,
    pub display_name: Option<String>,
    pub direction: Direction,
    pub work: WorkKind,
    pub what: String,
    pub created_at: String,
}

/// The wrong-PIN count of an account and, once it reached the maximum,
/// until when its card is locked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PinFailures {
    pub failures: u32,
    pub locked_until: Option<DateTime<Utc>>,
}

fn parse_timestamp(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

impl Store {
    /// Creates the kiosk's tables in a ledger made before they existed.
    pub fn ensure_kiosk_tables(&self) -> Result<()> {
        let start = SCHEMA_SQL
            .find(KIOSK_SECTION_MARK)
            .ok_or_else(|| StoreError::Corrupt("schema.sql has no kiosk section".into()))?;
        self.conn.execute_batch(&SCHEMA_SQL[start..])?;
        Ok(())
    }

    pub fn add_offer(
        &self,
        account: &AccountId,
        direction: Direction,
        work: WorkKind,
        what: &OfferText,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        if self.account(account)?.is_none() {
            return Err(RuleError::UnknownAccount(account.clone()).into());
        }
        self.conn.execute(
            "INSERT INTO offers (account_id, direction, work, what, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![account.as_str(), direction.as_str(), work.as_str(), what.as_str(), recorded_text(now)],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Offers and requests not withdrawn, oldest first; of one account
    /// only when `account` is given.
    pub fn open_offers(&self, account: Option<&AccountId>) -> Result<Vec<OfferRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT o.id, o.account_id, p.display_name, o.direction, o.work, o.what, o.created_at
             FROM offers o LEFT JOIN account_profiles p ON p.account_id = o.account_id
             WHERE o.withdrawn_at IS NULL AND (?1 IS NULL OR o.account_id = ?1) ORDER BY o.id",
        )?;
        let rows = stmt.query_map([account.map(|a| a.as_str())], |r| {
            let id: i64 = r.get(0)?;
            let account: String = r.get(1)?;
            let direction: String = r.get(3)?;
            let work: String = r.get(4)?;
            Ok((
                id,
                account,
                r.get(2)?,
                direction,
                work,
                r.get(5)?,
                r.get(6)?,
            ))
        })?;
        let mut offers = Vec::new();
        for row in rows {
            let (id, account, display_name, direction, work, what, created_at) = row?;
            let corrupt = || StoreError::Corrupt(format!("offer {id}"));
            offers.push(OfferRow {
                id,
                account: AccountId::parse(&account).map_err(|_| corrupt())?,
                display_name,
                direction: direction.parse().map_err(|_| corrupt())?,
                work: work.parse().map_err(|_| corrupt())?,
                what,
                created_at,
            });
        }
        Ok(offers)
    }

    /// Withdraws an open offer. With `owner` given, only that account's
    /// own offer (the kiosk); without, any (the treasurer). Returns false
    /// when there was no such open offer.
    pub fn withdraw_offer(
        &self,
        id: i64,
        owner: Option<&AccountId>,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let changed = self.conn.execute(
            "UPDATE offers SET withdrawn_at = ?3 WHERE id = ?1 AND withdrawn_at IS NULL AND (?2 IS NULL OR account_id = ?2)",
            params![id, owner.map(|a| a.as_str()), recorded_text(now)],
        )?;
        Ok(changed == 1)
    }

    pub fn pin_failures(&self, account: &AccountId) -> Result<PinFailures> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT failures, locked_until FROM kiosk_pin_failures WHERE account_id = ?1",
        )?;
        let row: Option<(u32, Option<String>)> = stmt
            .query_row([account.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(match row {
            None => PinFailures {
                failures: 0,
                locked_until: None,
            },
            Some((failures, until)) => PinFailures {
                failures,
                locked_until: until.as_deref().and_then(parse_timestamp),
            },
        })
    }

    /// Counts one more wrong PIN. The count that reaches `attempts_max`
    /// locks the card until `now + lock`; after a lock has run out the
    /// count starts again from zero.
    pub fn record_pin_failure(
        &self,
        account: &AccountId,
        attempts_max: u32,
        lock: chrono::Duration,
        now: DateTime<Utc>,
    ) -> Result<PinFailures> {
        let before = self.pin_failures(account)?;
        let expired = before.locked_until.is_some_and(|until| until <= now);
        let failures = if expired { 1 } else { before.failures + 1 };
        let locked_until = if failures >= attempts_max {
            Some(now + lock)
        } else {
            None
        };
        self.conn.execute(
            "INSERT INTO kiosk_pin_failures (account_id, failures, locked_until) VALUES (?1, ?2, ?3)
             ON CONFLICT (account_id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until",
            params![account.as_str(), failures, locked_until.map(recorded_text)],
        )?;
        Ok(PinFailures {
            failures,
            locked_until,
        })
    }

    /// A right PIN starts the count from zero.
    pub fn clear_pin_failures(&self, account: &AccountId) -> Result<()> {
        self.conn.execute(
            "DELETE FROM kiosk_pin_failures WHERE account_id = ?1",
            [account.as_str()],
        )?;
        Ok(())
    }

    /// The most recent transactions touching `account`, newest first.
    /// The kiosk's home page asks this on every visit; walking the
    /// (account, seq) index backwards keeps it as fast on a ledger of a
    /// million entries as on a new one.
    pub fn recent_transactions(
        &self,
        account: &AccountId,
        count: usize,
    ) -> Result<Vec<crate::store::TxView>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT seq FROM postings WHERE account_id = ?1 ORDER BY seq DESC LIMIT ?2",
        )?;
        let seqs = stmt
            .query_map(params![account.as_str(), count as i64], |r| {
                r.get::<_, i64>(0)
            })?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        let mut views = Vec::with_capacity(seqs.len());
        for seq in seqs {
            views.extend(self.transaction(seq)?);
        }
        Ok(views)
    }
}

impl Store {
    /// Up to `count` transactions touching `account` recorded before the
    /// entry `before`, newest first: the kiosk pages back through a
    /// member's history with it, on the same index as
    /// `recent_transactions`.
    pub fn transactions_before(
        &self,
        account: &AccountId,
        before: i64,
        count: usize,
    ) -> Result<Vec<crate::store::TxView>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT seq FROM postings WHERE account_id = ?1 AND seq < ?2 ORDER BY seq DESC LIMIT ?3",
        )?;
        let seqs = stmt
            .query_map(params![account.as_str(), before, count as i64], |r| {
                r.get::<_, i64>(0)
            })?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        let mut views = Vec::with_capacity(seqs.len());
        for seq in seqs {
            views.extend(self.transaction(seq)?);
        }
        Ok(views)
    }

    /// The entry a kiosk form's one-time token was claimed for, if any:
    /// tells a stale page that was recorded from one that never was.
    pub fn form_claim(&self, token: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT seq FROM kiosk_form_claims WHERE token = ?1",
                [token],
                |r| r.get(0),
            )
            .optional()?)
    }
}

/// Claims `token` for the entry `seq`, inside the append's transaction.
/// A second claim of the same token is refused as a duplicate of the
/// first entry; the caller's transaction then rolls back.
/// Refuses with `RuleError::Duplicate` (naming the entry recorded the
/// first time) when `token` was claimed already. `append` asks this
/// before the ledger's rules run, so a form sent twice gets the first
/// receipt even when the rules would now refuse the second sending (a
/// request already confirmed, a limit the first payment reached).
pub(super) fn refuse_claimed_form_token(sql: &SqlTx, token: &str) -> Result<()> {
    let first: Option<i64> = sql
        .query_row(
            "SELECT seq FROM kiosk_form_claims WHERE token = ?1",
            [token],
            |r| r.get(0),
        )
        .optional()?;
    match first {
        Some(first) => Err(RuleError::Duplicate(first).into()),
        None => Ok(()),
    }
}

pub(super) fn claim_form_token(sql: &SqlTx, token: &str, seq: i64) -> Result<()> {
    refuse_claimed_form_token(sql, token)?;
    sql.execute(
        "INSERT INTO kiosk_form_claims (token, seq, claimed_at) VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
        params![token, seq],
    )?;
    Ok(())
}
