//! The kiosk's card checks (`kiosk_card_checks`): what tells a member's
//! genuine card from a made-up code, so that only a genuine card's wrong
//! PINs count towards its lock. Unsigned, outside the journal; written in
//! the same SQLite transaction as the card entries that change it.

use rusqlite::{params, OptionalExtension, Transaction as SqlTx};

use crate::ledger::AccountId;

use super::{Result, Store, StoreError, SCHEMA_SQL};

/// schema.sql's kiosk section starts at this line; everything after it
/// is `IF NOT EXISTS` and safe to run on any ledger file.
pub(super) const KIOSK_SECTION_MARK: &str = "-- kiosk tables";

/// The stored check of an account's card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardCheckRow {
    pub card_number: u32,
    pub public_key: [u8; 32],
    pub check_hash: [u8; 32],
}

fn kiosk_section() -> Result<&'static str> {
    let start = SCHEMA_SQL
        .find(KIOSK_SECTION_MARK)
        .ok_or_else(|| StoreError::Corrupt("schema.sql has no kiosk section".into()))?;
    Ok(&SCHEMA_SQL[start..])
}

/// Creates the kiosk's tables inside a write, for a ledger made before
/// they existed (card entries also write to them).
pub(super) fn ensure_tables_in(sql: &SqlTx) -> Result<()> {
    sql.execute_batch(kiosk_section()?)?;
    Ok(())
}

/// A card-issued entry is being recorded: the new card starts with no
/// wrong PINs (a lock on the old card is lifted) and with its check, or
/// with none when the issuer gave none (the row then comes at the card's
/// first right PIN).
pub(super) fn card_issued(
    sql: &SqlTx,
    account: &AccountId,
    card_number: u32,
    public_key: &[u8; 32],
    check_hash: Option<&[u8; 32]>,
) -> Result<()> {
    sql.execute(
        "DELETE FROM kiosk_pin_failures WHERE account_id = ?1",
        [account.as_str()],
    )?;
    match check_hash {
        Some(hash) => upsert(sql, account, card_number, public_key, hash)?,
        None => {
            sql.execute(
                "DELETE FROM kiosk_card_checks WHERE account_id = ?1",
                [account.as_str()],
            )?;
        }
    }
    Ok(())
}

/// A card-revoked entry is being recorded: its check and count go.
pub(super) fn card_revoked(sql: &SqlTx, account: &AccountId) -> Result<()> {
    for table in ["kiosk_pin_failures", "kiosk_card_checks"] {
        sql.execute(
            &format!("DELETE FROM {table} WHERE account_id = ?1"),
            [account.as_str()],
        )?;
    }
    Ok(())
}

fn upsert(
    conn: &rusqlite::Connection,
    account: &AccountId,
    card_number: u32,
    public_key: &[u8; 32],
    hash: &[u8; 32],
) -> Result<()> {
    conn.execute(
        "INSERT INTO kiosk_card_checks (account_id, card_number, public_key, check_hash) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (account_id) DO UPDATE SET card_number = excluded.card_number,
             public_key = excluded.public_key, check_hash = excluded.check_hash",
        params![account.as_str(), card_number, &public_key[..], &hash[..]],
    )?;
    Ok(())
}

impl Store {
    /// Every account whose card has a stored check, in account order.
    pub fn card_check_accounts(&self) -> Result<Vec<AccountId>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT account_id FROM kiosk_card_checks ORDER BY account_id")?;
        let ids = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        // A row whose id is not an account id names no card: skipped.
        Ok(ids
            .iter()
            .filter_map(|id| AccountId::parse(id).ok())
            .collect())
    }

    /// The stored check of `account`'s card, if any.
    pub fn card_check(&self, account: &AccountId) -> Result<Option<CardCheckRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT card_number, public_key, check_hash FROM kiosk_card_checks WHERE account_id = ?1",
        )?;
        let row: Option<(u32, Vec<u8>, Vec<u8>)> = stmt
            .query_row([account.as_str()], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        let Some((card_number, key, hash)) = row else {
            return Ok(None);
        };
        let corrupt = || StoreError::Corrupt(format!("the kiosk's card check of {account}"));
        Ok(Some(CardCheckRow {
            card_number,
            public_key: key.try_into().map_err(|_| corrupt())?,
            check_hash: hash.try_into().map_err(|_| corrupt())?,
        }))
    }

    /// Keeps the check of a card whose right PIN was just typed (a card
    /// issued before checks existed, or a row that was changed).
    pub fn save_card_check(&self, account: &AccountId, row: &CardCheckRow) -> Result<()> {
        self.ensure_kiosk_tables()?;
        upsert(
            &self.conn,
            account,
            row.card_number,
            &row.public_key,
            &row.check_hash,
        )
    }
}
