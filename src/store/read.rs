//! Read models: what the command line, statements and the kiosk show.
//! Each is a plain struct built from SQL here and rendered elsewhere.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use crate::ledger::{
    AccountId, AccountKind, AccountState, AccountStatus, Amount, KdfParams, Limits, Settings,
};

use super::{Result, Store, StoreError};

pub(super) const ACCOUNT_STATE_COLUMNS: &str =
    "id, kind, floor_minor, ceiling_minor, status, balance_minor";

pub(super) fn account_state_from_row(row: &Row) -> rusqlite::Result<Result<AccountState>> {
    let id: String = row.get(0)?;
    let kind: String = row.get(1)?;
    let floor: i64 = row.get(2)?;
    let ceiling: i64 = row.get(3)?;
    let status: String = row.get(4)?;
    let balance: i64 = row.get(5)?;
    Ok((|| {
        let corrupt = |what: &str| StoreError::Corrupt(format!("account {id}: {what}"));
        Ok(AccountState {
            id: AccountId::parse(&id).map_err(|_| corrupt("id"))?,
            kind: kind.parse().map_err(|_| corrupt("kind"))?,
            limits: Limits::new(Amount::from_minor(floor), Amount::from_minor(ceiling))
                .map_err(|_| corrupt("limits"))?,
            status: match status.as_str() {
                "closed" => AccountStatus::Closed,
                "open" => AccountStatus::Open,
                _ => return Err(corrupt("status")),
            },
            balance: Amount::from_minor(balance),
        })
    })())
}

pub(super) fn load_settings(conn: &Connection) -> Result<Settings> {
    conn.query_row(
        "SELECT * FROM ledger_settings ORDER BY seq LIMIT 1",
        [],
        |r| {
            let limits = |i: usize| -> rusqlite::Result<Limits> {
                Limits::new(
                    Amount::from_minor(r.get(i)?),
                    Amount::from_minor(r.get(i + 1)?),
                )
                .map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(
                        i,
                        rusqlite::types::Type::Integer,
                        Box::new(e),
                    )
                })
            };
            let key: Vec<u8> = r.get(7)?;
            Ok(Settings {
                community_name: r.get(1)?,
                currency_name: r.get(2)?,
                currency_unit: r.get(3)?,
                currency_symbol: r.get(4)?,
                time_zone: r.get(5)?,
                default_language: r.get(6)?,
                treasurer_key: key.try_into().unwrap_or([0; 32]),
                person_limits: limits(8)?,
                initiative_limits: limits(10)?,
                partner_limits: limits(12)?,
                system_limits: limits(14)?,
            })
        },
    )
    .map_err(|e| StoreError::Corrupt(format!("ledger settings: {e}")))
}

/// An account as the treasurer sees it.
#[derive(Debug, Clone, Serialize)]
pub struct AccountRow {
    pub id: AccountId,
    pub kind: AccountKind,
    /// None once the member's personal data has been erased.
    pub display_name: Option<String>,
    pub language: Option<String>,
    pub status: AccountStatus,
    pub balance: Amount,
    pub floor: Amount,
    pub ceiling: Amount,
    pub opened_seq: i64,
    pub card: Option<CardRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CardRow {
    pub card_number: u32,
    pub active: bool,
    pub holder: Option<AccountId>,
    #[serde(skip)]
    pub public_key: [u8; 32],
    #[serde(skip)]
    pub kdf: Option<KdfParams>,
}

/// One posting, with the account's name for display.
#[derive(Debug, Clone, Serialize)]
pub struct PostingView {
    pub account: AccountId,
    pub display_name: Option<String>,
    pub amount: Amount,
}

/// What a movement of hours was: a payment for work, a gift, or a run of
/// a community-fund rule. A reversal is what its original was, so a
/// reversed gift is never counted as work either.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Movement {
    Work,
    Gift,
    Fund,
}

impl Movement {
    /// From the journal's entry type (of the original, for a reversal).
    pub fn of_entry_type(entry_type: &str) -> Movement {
        match entry_type {
            "gift" => Movement::Gift,
            "fund-run" => Movement::Fund,
            _ => Movement::Work,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Movement::Work => "work",
            Movement::Gift => "gift",
            Movement::Fund => "fund",
        }
    }
}

/// A transaction as shown everywhere: who signed it is always included.
#[derive(Debug, Clone, Serialize)]
pub struct TxView {
    pub seq: i64,
    pub recorded_at: String,
    pub date: String,
    /// Work, gift or fund run: only `Movement::Work` is hours given for
    /// work (statements, attestations, the report count only those).
    pub movement: Movement,
    /// The kind of work; empty for a gift or a fund run (and their
    /// reversals, which akker records with the kind `community`).
    pub work: String,
    pub skill: Option<String>,
    pub description: String,
    pub slip: Option<String>,
    pub reverses: Option<i64>,
    pub reversal_reason: Option<String>,
    pub reversed_by: Option<i64>,
    pub override_reason: Option<String>,
    pub signer_role: String,
    pub signer_account: Option<AccountId>,
    pub entry_hash: String,
    pub postings: Vec<PostingView>,
    /// For the confirmation of a request (`request-confirmed`): the
    /// request's seq. A plain payment leaves it out of its JSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confirms_request: Option<i64>,
}

impl TxView {
    /// This transaction's effect on one account (zero if not involved).
    pub fn amount_for(&self, account: &AccountId) -> Amount {
        self.postings
            .iter()
            .find(|p| &p.account == account)
            .map_or(Amount::ZERO, |p| p.amount)
    }
}

/// Which transactions to list. Times are the journal's UTC text form,
/// compared as text (which orders the same as time).
#[derive(Debug, Clone, Default)]
pub struct TxFilter {
    pub account: Option<AccountId>,
    pub recorded_from: Option<String>,
    pub recorded_before: Option<String>,
    /// Only the most recent N (still returned oldest first).
    pub last: Option<usize>,
    /// Only exchanges that happened on or after / on or before these dates
    /// ("YYYY-MM-DD").
    pub dated_from: Option<String>,
    pub dated_to: Option<String>,
    /// Only entries recorded at or before this one.
    pub up_to_seq: Option<i64>,
}

const ACCOUNT_ROW_SQL: &str =
    "SELECT a.id, a.kind, p.display_name, p.language, a.status, a.balance_minor,
        a.floor_minor, a.ceiling_minor, a.opened_seq
    FROM accounts a LEFT JOIN account_profiles p ON p.account_id = a.id";

/// Postings as `posting_view` reads them: (seq, account, name, amount).
const POSTINGS_SQL: &str = "SELECT p.seq, p.account_id, pr.display_name, p.amount_minor
    FROM postings p LEFT JOIN account_profiles pr ON pr.account_id = p.account_id";

const TX_SQL: &str = "SELECT t.seq, j.recorded_at, t.date, COALESCE(t.work, ''), t.skill, t.description, t.slip, t.reverses_seq,
        t.reason, (SELECT r.seq FROM transactions r WHERE r.reverses_seq = t.seq), t.override_reason,
        j.signer_role, j.signer_account, j.entry_hash,
        COALESCE((SELECT o.entry_type FROM journal o WHERE o.seq = t.reverses_seq), j.entry_type),
        (SELECT o.request_seq FROM request_outcomes o WHERE o.seq = t.seq AND j.entry_type = 'request-confirmed')
    FROM transactions t JOIN journal j ON j.seq = t.seq";

impl Store {
    pub fn accounts(&self) -> Result<Vec<AccountRow>> {
        let mut stmt = self
            .conn
            .prepare(&format!("{ACCOUNT_ROW_SQL} ORDER BY a.id"))?;
        let rows = stmt
            .query_map([], account_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut cards = self.latest_cards()?;
        Ok(rows
            .into_iter()
            .map(|mut row| {
                row.card = cards.remove(&row.id);
                row
            })
            .collect())
    }

    pub fn account(&self, id: &AccountId) -> Result<Option<AccountRow>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{ACCOUNT_ROW_SQL} WHERE a.id = ?1"))?;
        let Some(mut row) = stmt.query_row([id.as_str()], account_row).optional()? else {
            return Ok(None);
        };
        row.card = self.card(id)?;
        Ok(Some(row))
    }

    /// The account's latest card, active or revoked.
    pub fn card(&self, id: &AccountId) -> Result<Option<CardRow>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{CARD_SQL} WHERE c.account_id = ?1 ORDER BY c.seq DESC LIMIT 1"
        ))?;
        Ok(stmt
            .query_row([id.as_str()], card_row)
            .optional()?
            .map(|(_, card)| card))
    }

    fn latest_cards(&self) -> Result<HashMap<AccountId, CardRow>> {
        let mut stmt = self.conn.prepare(&format!("{CARD_SQL} ORDER BY c.seq"))?;
        let rows = stmt.query_map([], card_row)?;
        let mut cards = HashMap::new();
        for row in rows {
            let (id, card) = row?;
            cards.insert(id, card);
        }
        Ok(cards)
    }

    pub fn transaction(&self, seq: i64) -> Result<Option<TxView>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{TX_SQL} WHERE t.seq = ?1"))?;
        let Some(mut view) = stmt.query_row([seq], tx_row).optional()? else {
            return Ok(None);
        };
        self.attach_postings(std::slice::from_mut(&mut view), None)?;
        Ok(Some(view))
    }

    pub fn transactions(&self, filter: &TxFilter) -> Result<Vec<TxView>> {
        let mut sql = format!("{TX_SQL} WHERE 1 = 1");
        if filter.account.is_some() {
            sql.push_str(" AND t.seq IN (SELECT seq FROM postings WHERE account_id = ?1)");
        }
        sql.push_str(
            " AND (?2 IS NULL OR j.recorded_at >= ?2) AND (?3 IS NULL OR j.recorded_at < ?3)",
        );
        sql.push_str(" AND (?5 IS NULL OR t.date >= ?5) AND (?6 IS NULL OR t.date <= ?6) AND (?7 IS NULL OR t.seq <= ?7)");
        sql.push_str(" ORDER BY t.seq DESC LIMIT ?4");
        let limit = filter.last.map_or(-1, |n| n as i64);
        let mut stmt = self.conn.prepare(&sql)?;
        let account = filter.account.as_ref().map(|a| a.as_str().to_string());
        let mut views = stmt
            .query_map(
                params![
                    account,
                    filter.recorded_from,
                    filter.recorded_before,
                    limit,
                    filter.dated_from,
                    filter.dated_to,
                    filter.up_to_seq
                ],
                tx_row,
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        views.reverse();
        self.attach_postings(&mut views, filter.account.as_ref())?;
        Ok(views)
    }

    /// Fills in the postings of `views` (oldest first) with one range
    /// query instead of one query each (a month's batch has tens of
    /// thousands). `account` is the account the views were chosen by
    /// (each involves it): then only its transactions' postings are read,
    /// found through postings_by_account, not every posting in the range.
    fn attach_postings(&self, views: &mut [TxView], account: Option<&AccountId>) -> Result<()> {
        let (Some(first), Some(last)) = (views.first().map(|v| v.seq), views.last().map(|v| v.seq))
        else {
            return Ok(());
        };
        let mut stmt = self.conn.prepare_cached(&match account {
            None => format!("{POSTINGS_SQL} WHERE p.seq BETWEEN ?1 AND ?2 ORDER BY p.seq, p.idx"),
            Some(_) => format!(
                "{POSTINGS_SQL} WHERE p.seq IN
                    (SELECT seq FROM postings WHERE account_id = ?3 AND seq BETWEEN ?1 AND ?2)
                ORDER BY p.seq, p.idx"
            ),
        })?;
        let mut rows = match account {
            None => stmt.query(params![first, last])?,
            Some(account) => stmt.query(params![first, last, account.as_str()])?,
        };
        let mut next = 0;
        while let Some(row) = rows.next()? {
            let seq: i64 = row.get(0)?;
            while next < views.len() && views[next].seq < seq {
                next += 1;
            }
            if next == views.len() {
                break;
            }
            if views[next].seq == seq {
                views[next].postings.push(posting_view(row)?);
            }
        }
        Ok(())
    }

    /// The sum of an account's postings recorded before `recorded_before`.
    pub fn balance_before(&self, account: &AccountId, recorded_before: &str) -> Result<Amount> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT COALESCE(SUM(p.amount_minor), 0) FROM postings p JOIN journal j ON j.seq = p.seq
             WHERE p.account_id = ?1 AND j.recorded_at < ?2",
        )?;
        Ok(Amount::from_minor(stmt.query_row(
            params![account.as_str(), recorded_before],
            |r| r.get(0),
        )?))
    }

    /// The last entry's sequence number and chain hash.
    pub fn chain_head(&self) -> Result<(i64, [u8; 32])> {
        super::journal::last_chain_hash(&self.conn, "1 = 1", [])?
            .ok_or_else(|| rusqlite::Error::QueryReturnedNoRows.into())
    }

    /// The sum of every cached balance; zero in a healthy ledger.
    pub fn balance_total(&self) -> Result<Amount> {
        Ok(Amount::from_minor(self.conn.query_row(
            "SELECT COALESCE(SUM(balance_minor), 0) FROM accounts",
            [],
            |r| r.get(0),
        )?))
    }

    /// The cached state of every account, for `verify` to compare.
    pub fn cached_states(&self) -> Result<Vec<AccountState>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {ACCOUNT_STATE_COLUMNS} FROM accounts ORDER BY id"
        ))?;
        let rows = stmt
            .query_map([], account_state_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter().collect()
    }

    /// Number of transactions in the journal.
    pub fn transaction_count(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT COUNT(*) FROM transactions", [], |r| r.get(0))?)
    }
}

const CARD_SQL: &str =
    "SELECT c.account_id, j.entry_type, c.card_number, c.public_key, c.holder_id,
        c.kdf_memory_kib, c.kdf_iterations, c.kdf_parallelism
    FROM card_events c JOIN journal j ON j.seq = c.seq
        AND (j.entry_type = 'card-issued' OR j.entry_type = 'card-revoked')";

fn card_row(r: &Row) -> rusqlite::Result<(AccountId, CardRow)> {
    let id: String = r.get(0)?;
    let entry_type: String = r.get(1)?;
    let key: Vec<u8> = r.get(3)?;
    let holder: Option<String> = r.get(4)?;
    let kdf = match (
        r.get::<_, Option<u32>>(5)?,
        r.get::<_, Option<u32>>(6)?,
        r.get::<_, Option<u32>>(7)?,
    ) {
        (Some(memory_kib), Some(iterations), Some(parallelism)) => Some(KdfParams {
            memory_kib,
            iterations,
            parallelism,
        }),
        _ => None,
    };
    let id = stored_id(&id)?;
    Ok((
        id,
        CardRow {
            card_number: r.get(2)?,
            active: entry_type == "card-issued",
            holder: holder.and_then(|h| AccountId::parse(&h).ok()),
            public_key: key.try_into().unwrap_or([0; 32]),
            kdf,
        },
    ))
}

fn account_row(r: &Row) -> rusqlite::Result<AccountRow> {
    let id: String = r.get(0)?;
    let kind: String = r.get(1)?;
    let status: String = r.get(4)?;
    Ok(AccountRow {
        id: stored_id(&id)?,
        kind: kind.parse().unwrap_or(AccountKind::Person),
        display_name: r.get(2)?,
        language: r.get(3)?,
        status: if status == "closed" {
            AccountStatus::Closed
        } else {
            AccountStatus::Open
        },
        balance: Amount::from_minor(r.get(5)?),
        floor: Amount::from_minor(r.get(6)?),
        ceiling: Amount::from_minor(r.get(7)?),
        opened_seq: r.get(8)?,
        card: None,
    })
}

fn tx_row(r: &Row) -> rusqlite::Result<TxView> {
    let signer_account: Option<String> = r.get(12)?;
    let hash: Vec<u8> = r.get(13)?;
    let movement: String = r.get(14)?;
    let movement = Movement::of_entry_type(&movement);
    Ok(TxView {
        seq: r.get(0)?,
        recorded_at: r.get(1)?,
        date: r.get(2)?,
        movement,
        work: match movement {
            Movement::Work => r.get(3)?,
            _ => String::new(),
        },
        skill: r.get(4)?,
        description: r.get(5)?,
        slip: r.get(6)?,
        reverses: r.get(7)?,
        reversal_reason: r.get(8)?,
        reversed_by: r.get(9)?,
        override_reason: r.get(10)?,
        signer_role: r.get(11)?,
        signer_account: signer_account.and_then(|a| AccountId::parse(&a).ok()),
        entry_hash: hex::encode(hash),
        postings: Vec::new(),
        confirms_request: r.get(15)?,
    })
}

/// A posting row of (seq, account, name, amount).
fn posting_view(r: &Row) -> Result<PostingView> {
    let id: String = r.get(1)?;
    Ok(PostingView {
        account: AccountId::parse(&id)
            .map_err(|_| StoreError::Corrupt(format!("account id '{id}'")))?,
        display_name: r.get(2)?,
        amount: Amount::from_minor(r.get(3)?),
    })
}

/// An account id read back from SQLite. A malformed one means the file was
/// changed outside akker: it is an error, never replaced by a made-up id.
fn stored_id(text: &str) -> rusqlite::Result<AccountId> {
    AccountId::parse(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}
