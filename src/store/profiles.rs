//! Members' personal data: every SQL statement that reads or changes a
//! profile (name, language), its history, its erasure, and the reads a
//! member's data export needs.
//!
//! Profiles live outside the signed journal on purpose (docs/signing.md):
//! changing or erasing one never touches a signature. Erasing must leave
//! nothing readable in the file, which SQLite does not do by itself: a
//! deleted row's bytes stay in the page's free space, in free pages and in
//! the `-wal` file until something overwrites them. So every profile write
//! runs with `PRAGMA secure_delete` on (freed space is zeroed), and after
//! an erasure `scrub_file` empties the WAL into the database
//! (`wal_checkpoint(TRUNCATE)`), looks for the old names' bytes in both
//! files and rebuilds the file with VACUUM when any are left.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use crate::ledger::period::recorded_text;
use crate::ledger::{AccountId, DisplayName, Language, Reason, RuleError};

use super::{Result, Store, StoreError, SCHEMA_SQL};

const PROFILE_SECTION_MARK: &str = "-- profile history";

/// Which field of a profile a history row is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProfileField {
    DisplayName,
    Language,
    /// The whole profile was erased.
    Erased,
}

impl ProfileField {
    pub fn as_str(self) -> &'static str {
        match self {
            ProfileField::DisplayName => "display-name",
            ProfileField::Language => "language",
            ProfileField::Erased => "erased",
        }
    }

    fn parse(text: &str) -> rusqlite::Result<ProfileField> {
        match text {
            "display-name" => Ok(ProfileField::DisplayName),
            "language" => Ok(ProfileField::Language),
            "erased" => Ok(ProfileField::Erased),
            other => Err(rusqlite::Error::InvalidColumnType(
                0,
                format!("profile field '{other}'"),
                rusqlite::types::Type::Text,
            )),
        }
    }
}

/// A change to a profile: the new name or the new language.
#[derive(Debug, Clone)]
pub enum ProfileUpdate {
    Name(DisplayName),
    Language(Language),
}

/// One row of a profile's history. Values are None once erased.
#[derive(Debug, Clone, Serialize)]
pub struct ProfileChange {
    pub account: AccountId,
    pub changed_at: String,
    pub changed_by: String,
    pub field: ProfileField,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub reason: Option<String>,
}

/// What one erasure removed: every name the account ever had (the current
/// one and those in its history), so the file can be searched for them.
#[derive(Debug, Clone)]
pub struct Erased {
    pub account: AccountId,
    pub names: Vec<String>,
    /// Offers and requests of the member removed from the kiosk's board.
    pub offers_removed: usize,
}

/// What `scrub_file` did and found.
#[derive(Debug, Clone, Default)]
pub struct Scrub {
    /// The file was rebuilt (VACUUM) because old bytes were left.
    pub vacuumed: bool,
    /// The `-wal` file could not be emptied: another program is reading
    /// the ledger (the kiosk). Its old pages may still hold a name.
    pub wal_busy: bool,
    /// Names whose bytes are still in the file after all that, each with
    /// the signed entries whose text contains it (signed text cannot be
    /// erased); an empty list means the bytes belong to other data, like
    /// another member's longer name.
    pub still_found: Vec<(String, Vec<i64>)>,
}

/// A card event of one account, its public data only.
#[derive(Debug, Clone, Serialize)]
pub struct CardEvent {
    pub seq: i64,
    pub recorded_at: String,
    pub issued: bool,
    pub card_number: u32,
    pub public_key: String,
    pub holder: Option<String>,
    pub reason: String,
}

/// An account-opened, limits-set or account-closed entry of one account.
#[derive(Debug, Clone, Serialize)]
pub struct AccountEvent {
    pub seq: i64,
    pub recorded_at: String,
    pub entry_type: String,
    pub floor_minor: Option<i64>,
    pub ceiling_minor: Option<i64>,
    pub reason: String,
}

/// An offer or request a member put on the kiosk's board, withdrawn or not.
#[derive(Debug, Clone, Serialize)]
pub struct OfferRecord {
    pub id: i64,
    pub direction: String,
    pub work: String,
    pub what: String,
    pub created_at: String,
    pub withdrawn_at: Option<String>,
}

impl Store {
    /// Creates the profile history table (and the kiosk's tables before
    /// it) in a ledger file made before it existed.
    pub fn ensure_profile_tables(&self) -> Result<()> {
        self.ensure_kiosk_tables()?;
        let start = SCHEMA_SQL.find(PROFILE_SECTION_MARK).ok_or_else(|| {
            StoreError::Corrupt("schema.sql has no profile history section".into())
        })?;
        self.conn.execute_batch(&SCHEMA_SQL[start..])?;
        Ok(())
    }

    /// Changes one field of a profile and records the change, in one
    /// transaction. None when the account has no profile (never had one,
    /// or it was erased); an unknown account is refused.
    pub fn change_profile(
        &mut self,
        account: &AccountId,
        update: &ProfileUpdate,
        now: DateTime<Utc>,
    ) -> Result<Option<ProfileChange>> {
        self.ensure_profile_tables()?;
        self.conn.pragma_update(None, "secure_delete", "ON")?;
        let tx = self.conn.transaction()?;
        let exists: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM accounts WHERE id = ?1)",
            [account.as_str()],
            |r| r.get(0),
        )?;
        if !exists {
            return Err(RuleError::UnknownAccount(account.clone()).into());
        }
        let current: Option<(String, String)> = tx
            .query_row(
                "SELECT display_name, language FROM account_profiles WHERE account_id = ?1",
                [account.as_str()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((name, language)) = current else {
            return Ok(None);
        };
        let (field, old, new, column) = match update {
            ProfileUpdate::Name(n) => (
                ProfileField::DisplayName,
                name,
                n.as_str().to_string(),
                "display_name",
            ),
            ProfileUpdate::Language(l) => (
                ProfileField::Language,
                language,
                l.as_str().to_string(),
                "language",
            ),
        };
        tx.execute(
            &format!("UPDATE account_profiles SET {column} = ?2 WHERE account_id = ?1"),
            params![account.as_str(), new],
        )?;
        let changed_at = recorded_text(now);
        tx.execute(
            "INSERT INTO account_profile_history (account_id, changed_at, changed_by, field, old_value, new_value)
             VALUES (?1, ?2, 'treasurer', ?3, ?4, ?5)",
            params![account.as_str(), changed_at, field.as_str(), old, new],
        )?;
        tx.commit()?;
        Ok(Some(ProfileChange {
            account: account.clone(),
            changed_at,
            changed_by: "treasurer".into(),
            field,
            old_value: Some(old),
            new_value: Some(new),
            reason: None,
        }))
    }

    /// A profile's history, oldest first.
    pub fn profile_history(&self, account: &AccountId) -> Result<Vec<ProfileChange>> {
        if !self.table_exists("account_profile_history")? {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare(
            "SELECT changed_at, changed_by, field, old_value, new_value, reason
             FROM account_profile_history WHERE account_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([account.as_str()], |r| {
            Ok(ProfileChange {
                account: account.clone(),
                changed_at: r.get(0)?,
                changed_by: r.get(1)?,
                field: ProfileField::parse(&r.get::<_, String>(2)?)?,
                old_value: r.get(3)?,
                new_value: r.get(4)?,
                reason: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// True when the account's personal data was erased.
    pub fn profile_erased(&self, account: &AccountId) -> Result<bool> {
        if !self.table_exists("account_profile_history")? {
            return Ok(false);
        }
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM account_profile_history WHERE account_id = ?1 AND field = 'erased')",
            [account.as_str()],
            |r| r.get(0),
        )?)
    }

    /// Erases the profiles of `accounts` in one transaction, with freed
    /// space zeroed: the profile row, the values in its history, the
    /// member's offers and requests and the kiosk's wrong-PIN count. The
    /// history keeps one row per account saying it was erased, when and
    /// why. Accounts without a profile are left out of the result.
    pub fn erase_profiles(
        &mut self,
        accounts: &[AccountId],
        reason: &Reason,
        now: DateTime<Utc>,
    ) -> Result<Vec<Erased>> {
        self.ensure_profile_tables()?;
        self.conn.pragma_update(None, "secure_delete", "ON")?;
        let tx = self.conn.transaction()?;
        let changed_at = recorded_text(now);
        let mut erased = Vec::new();
        for account in accounts {
            let id = account.as_str();
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM accounts WHERE id = ?1)",
                [id],
                |r| r.get(0),
            )?;
            if !exists {
                return Err(RuleError::UnknownAccount(account.clone()).into());
            }
            let current: Option<String> = tx
                .query_row(
                    "SELECT display_name FROM account_profiles WHERE account_id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .optional()?;
            let Some(current) = current else { continue };
            let mut names = vec![current];
            let mut stmt = tx.prepare(
                "SELECT old_value, new_value FROM account_profile_history
                 WHERE account_id = ?1 AND field = 'display-name'",
            )?;
            let past = stmt.query_map([id], |r| {
                Ok((
                    r.get::<_, Option<String>>(0)?,
                    r.get::<_, Option<String>>(1)?,
                ))
            })?;
            for row in past {
                let (old, new) = row?;
                names.extend(old);
                names.extend(new);
            }
            drop(stmt);
            names.sort();
            names.dedup();
            tx.execute("DELETE FROM account_profiles WHERE account_id = ?1", [id])?;
            tx.execute(
                "UPDATE account_profile_history SET old_value = NULL, new_value = NULL WHERE account_id = ?1",
                [id],
            )?;
            let offers_removed = tx.execute("DELETE FROM offers WHERE account_id = ?1", [id])?;
            tx.execute("DELETE FROM kiosk_pin_failures WHERE account_id = ?1", [id])?;
            tx.execute(
                "INSERT INTO account_profile_history (account_id, changed_at, changed_by, field, reason)
                 VALUES (?1, ?2, 'treasurer', 'erased', ?3)",
                params![id, changed_at, reason.as_str()],
            )?;
            erased.push(Erased {
                account: account.clone(),
                names,
                offers_removed,
            });
        }
        tx.commit()?;
        Ok(erased)
    }

    /// Makes sure erased names cannot be read back from the file: empties
    /// the WAL into the database, searches the database and WAL files for
    /// each name's bytes and, if any are left (or `always_vacuum`),
    /// rebuilds the file with VACUUM, which writes only live rows, and
    /// searches again. Must run outside any transaction.
    pub fn scrub_file(&self, names: &[String], always_vacuum: bool) -> Result<Scrub> {
        let mut scrub = Scrub::default();
        if self.path == Path::new(":memory:") {
            return Ok(scrub);
        }
        self.conn.pragma_update(None, "secure_delete", "ON")?;
        scrub.wal_busy = !self.checkpoint_truncate()?;
        if scrub.wal_busy {
            // A reader holds old pages in the -wal: rebuilding the file
            // now would not empty it. The caller says to run again.
            return Ok(scrub);
        }
        let free_pages: i64 = self
            .conn
            .query_row("PRAGMA freelist_count", [], |r| r.get(0))?;
        if always_vacuum || free_pages > 0 || !self.names_in_files(names)?.is_empty() {
            self.conn.execute_batch("VACUUM")?;
            scrub.vacuumed = true;
            scrub.wal_busy = !self.checkpoint_truncate()?;
        }
        for name in self.names_in_files(names)? {
            let entries = self.signed_entries_containing(&name)?;
            scrub.still_found.push((name, entries));
        }
        Ok(scrub)
    }

    /// `PRAGMA wal_checkpoint(TRUNCATE)`: true when every frame was copied
    /// into the database and the `-wal` file cut to zero bytes.
    fn checkpoint_truncate(&self) -> Result<bool> {
        let (busy, log, done): (i64, i64, i64) =
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?;
        Ok(busy == 0 && log == done)
    }

    /// The names whose UTF-8 bytes occur in the database file or its WAL.
    fn names_in_files(&self, names: &[String]) -> Result<Vec<String>> {
        let mut wal = self.path.as_os_str().to_owned();
        wal.push("-wal");
        let mut found = Vec::new();
        for name in names.iter().filter(|n| !n.is_empty()) {
            if file_contains(&self.path, name.as_bytes())?
                || file_contains(Path::new(&wal), name.as_bytes())?
            {
                found.push(name.clone());
            }
        }
        Ok(found)
    }

    /// Signed entries whose text (description, slip, reason) contains
    /// `text` byte for byte: these cannot be erased.
    pub fn signed_entries_containing(&self, text: &str) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare(
            "SELECT seq FROM transactions WHERE instr(description, ?1) OR instr(COALESCE(slip, ''), ?1)
                OR instr(COALESCE(reason, ''), ?1) OR instr(COALESCE(override_reason, ''), ?1)
             UNION SELECT seq FROM account_events WHERE instr(reason, ?1)
             UNION SELECT seq FROM card_events WHERE instr(reason, ?1)
             ORDER BY 1",
        )?;
        let rows = stmt.query_map([text], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<i64>>>()?)
    }

    /// The names of person accounts that still have one, for the check
    /// that no name goes into signed text.
    pub fn person_names(&self) -> Result<Vec<(AccountId, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, p.display_name FROM accounts a
             JOIN account_profiles p ON p.account_id = a.id
             WHERE a.kind = 'person' ORDER BY a.id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, name) = row?;
            let id = AccountId::parse(&id)
                .map_err(|_| StoreError::Corrupt(format!("account id '{id}'")))?;
            out.push((id, name));
        }
        Ok(out)
    }

    /// How many closed accounts still hold a name.
    pub fn closed_accounts_with_name(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT COUNT(*) FROM accounts a JOIN account_profiles p ON p.account_id = a.id
             WHERE a.status = 'closed'",
            [],
            |r| r.get(0),
        )?)
    }

    /// Closed accounts that still hold a name, with when they were closed
    /// (the journal's UTC text), oldest closure first.
    pub fn closed_accounts_named(&self) -> Result<Vec<(AccountId, String)>> {
        let mut stmt = self.conn.prepare(
            "SELECT a.id, (SELECT MAX(j.recorded_at) FROM account_events e JOIN journal j ON j.seq = e.seq
                           WHERE e.account_id = a.id AND j.entry_type = 'account-closed') AS closed_at
             FROM accounts a JOIN account_profiles p ON p.account_id = a.id
             WHERE a.status = 'closed' ORDER BY closed_at, a.id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, closed_at) = row?;
            let id = AccountId::parse(&id)
                .map_err(|_| StoreError::Corrupt(format!("account id '{id}'")))?;
            out.push((id, closed_at));
        }
        Ok(out)
    }

    /// The opening, limit and closing entries of one account.
    pub fn account_events(&self, account: &AccountId) -> Result<Vec<AccountEvent>> {
        let mut stmt = self.conn.prepare(
            "SELECT e.seq, j.recorded_at, j.entry_type, e.floor_minor, e.ceiling_minor, e.reason
             FROM account_events e JOIN journal j ON j.seq = e.seq
             WHERE e.account_id = ?1 ORDER BY e.seq",
        )?;
        let rows = stmt.query_map([account.as_str()], |r| {
            Ok(AccountEvent {
                seq: r.get(0)?,
                recorded_at: r.get(1)?,
                entry_type: r.get(2)?,
                floor_minor: r.get(3)?,
                ceiling_minor: r.get(4)?,
                reason: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Every card issued to or revoked from one account: public data only.
    pub fn card_events(&self, account: &AccountId) -> Result<Vec<CardEvent>> {
        let mut stmt = self.conn.prepare(
            "SELECT c.seq, j.recorded_at, j.entry_type, c.card_number, c.public_key, c.holder_id, c.reason
             FROM card_events c JOIN journal j ON j.seq = c.seq
             WHERE c.account_id = ?1 ORDER BY c.seq",
        )?;
        let rows = stmt.query_map([account.as_str()], |r| {
            Ok(CardEvent {
                seq: r.get(0)?,
                recorded_at: r.get(1)?,
                issued: r.get::<_, String>(2)? == "card-issued",
                card_number: r.get(3)?,
                public_key: hex::encode(r.get::<_, Vec<u8>>(4)?),
                holder: r.get(5)?,
                reason: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Every offer and request one member put on the board, withdrawn too.
    pub fn offers_of(&self, account: &AccountId) -> Result<Vec<OfferRecord>> {
        if !self.table_exists("offers")? {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare(
            "SELECT id, direction, work, what, created_at, withdrawn_at FROM offers
             WHERE account_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([account.as_str()], |r| {
            Ok(OfferRecord {
                id: r.get(0)?,
                direction: r.get(1)?,
                work: r.get(2)?,
                what: r.get(3)?,
                created_at: r.get(4)?,
                withdrawn_at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn table_exists(&self, name: &str) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1)",
            [name],
            |r| r.get(0),
        )?)
    }
}

/// True when `needle` occurs in the file at `path` (false if there is no
/// such file). Reads in blocks that overlap by the needle's length, so a
/// large ledger is never held in memory whole.
fn file_contains(path: &Path, needle: &[u8]) -> Result<bool> {
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => {
            return Err(StoreError::Corrupt(format!(
                "cannot read {}: {e}",
                path.display()
            )))
        }
    };
    const BLOCK: usize = 4 << 20;
    let finder = memchr::memmem::Finder::new(needle);
    let mut buffer = vec![0u8; BLOCK + needle.len()];
    let mut kept = 0;
    loop {
        let read = file
            .read(&mut buffer[kept..])
            .map_err(|e| StoreError::Corrupt(format!("cannot read {}: {e}", path.display())))?;
        if read == 0 {
            return Ok(false);
        }
        let filled = kept + read;
        if finder.find(&buffer[..filled]).is_some() {
            return Ok(true);
        }
        // Keep the tail that could be the start of a match across blocks.
        kept = needle.len().saturating_sub(1).min(filled);
        buffer.copy_within(filled - kept..filled, 0);
    }
}
