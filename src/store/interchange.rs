//! What moving data in and out needs from SQLite: a read-only open for
//! checking a copy, the online backup API, checkpointing a live file
//! before it is replaced, and a few small reads for imports and exports.
//! Files are named and created by the caller (`crate::interchange`).

use std::path::Path;
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::append::Guard;
use super::journal;
use super::{Pending, Result, Store, StoreError};
use crate::ledger::RuleError;

/// How long a backup waits for a writer to let go before retrying.
const BACKUP_RETRY_PAUSE: Duration = Duration::from_millis(50);
/// A backup that cannot get a read lock for this many tries gives up.
const BACKUP_RETRIES_MAX: u32 = 200;

impl Store {
    /// Copies the whole ledger into a new file at `dest` with SQLite's
    /// online backup API. The copy is taken in a single step, under one
    /// read transaction: in WAL mode that is a consistent snapshot, and
    /// writers (the kiosk, another `akker pay`) go on meanwhile. Smaller
    /// steps would restart whenever another process writes, and might
    /// never finish on a busy day. The copy is switched to a rollback
    /// journal so it is one self-contained file, fit for a USB stick.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        let mut target = Connection::open_with_flags(
            dest,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        )?;
        {
            let backup = Backup::new(&self.conn, &mut target)?;
            copy_all_pages(&backup)?;
        }
        let mode: String = target.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(StoreError::Corrupt(format!(
                "the copy stayed in {mode} journal mode"
            )));
        }
        target.close().map_err(|(_, e)| StoreError::from(e))?;
        Ok(())
    }

    /// The chain hash recorded after entry `seq`, if there is such an entry.
    /// A backup is a true copy when its head hash equals the live ledger's
    /// hash at the same seq.
    pub fn chain_hash_at(&self, seq: i64) -> Result<Option<[u8; 32]>> {
        Ok(journal::last_chain_hash(&self.conn, "seq = ?1", [seq])?.map(|(_, hash)| hash))
    }

    /// How many transactions carry a slip reference starting with
    /// `prefix`: an import refuses a file whose name was imported before.
    pub fn count_slips_with_prefix(&self, prefix: &str) -> Result<i64> {
        count_slips_with_prefix(&self.conn, prefix)
    }

    /// Records an import's entries like `append`, refusing the whole batch
    /// with `RuleError::AlreadyImported` when a transaction from a file
    /// named `file` is already in the ledger. The check runs inside the
    /// write transaction, so two runs of the same import started at once
    /// record it once: the second sees the first's entries.
    pub fn append_import(&mut self, batch: Vec<Pending>, file: &str) -> Result<Vec<i64>> {
        self.append_inner(batch, Guard::NewImport { file })
    }

    /// The entry with this hash, if this ledger recorded it: an exported
    /// transactions.csv names each line's entry hash, so importing it back
    /// into the same ledger can be refused.
    pub fn seq_of_entry_hash(&self, hash: &[u8; 32]) -> Result<Option<i64>> {
        journal::seq_of_entry_hash(&self.conn, hash)
    }

    /// The earliest and latest transaction dates (`YYYY-MM-DD`), if any.
    pub fn transaction_date_range(&self) -> Result<Option<(String, String)>> {
        let range: (Option<String>, Option<String>) =
            self.conn
                .query_row("SELECT MIN(date), MAX(date) FROM transactions", [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
        Ok(range.0.zip(range.1))
    }
}

/// Transactions whose slip starts with `prefix`. substr() rather than
/// LIKE, so `_` and `%` in file names are literal.
fn count_slips_with_prefix(conn: &Connection, prefix: &str) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM transactions WHERE slip IS NOT NULL AND substr(slip, 1, length(?1)) = ?1",
        [prefix],
        |r| r.get(0),
    )?)
}

/// The import guard of `append_import`, run in the write transaction.
pub(super) fn refuse_imported_before(conn: &Connection, file: &str) -> Result<()> {
    let count = count_slips_with_prefix(conn, &format!("{file}:"))?;
    if count > 0 {
        return Err(RuleError::AlreadyImported {
            file: file.to_string(),
            count,
        }
        .into());
    }
    Ok(())
}

fn copy_all_pages(backup: &Backup) -> Result<()> {
    for _ in 0..BACKUP_RETRIES_MAX {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            // Busy or Locked: a writer holds a lock we need; try again.
            _ => std::thread::sleep(BACKUP_RETRY_PAUSE),
        }
    }
    Err(StoreError::Busy)
}

/// Readies a live ledger file to be replaced: moves everything from its
/// write-ahead log into the main file and empties the log. Refuses with
/// `Busy` when another program holds the file open in a way that stops
/// the checkpoint (the kiosk reading or writing), because replacing a
/// file under a running program loses what it writes next.
pub fn checkpoint_for_replace(path: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    conn.busy_timeout(Duration::from_secs(2))?;
    let (busy, _log_frames, _checkpointed): (i64, i64, i64) =
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    if busy != 0 {
        return Err(StoreError::Busy);
    }
    conn.close().map_err(|(_, e)| StoreError::from(e))?;
    Ok(())
}
