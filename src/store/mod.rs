//! The SQLite store: the only module that contains SQL.
//!
//! Writes go through `append`, which takes a batch of signed entries and
//! records all of them or none, in one `BEGIN IMMEDIATE` transaction. Inside
//! it the ledger's rules run again on the current state, so two processes
//! writing at once can never break a limit: SQLite lets one writer in at a
//! time, and the other waits (up to `BUSY_TIMEOUT`) or gets `Busy`.
//!
//! Reads return read models (`read` module) that the CLI, statements and
//! the kiosk render; `journal` streams the stored entries back for verify.

mod append;
pub mod interchange;
pub mod journal;
pub mod offers;
pub mod read;
pub mod report;
pub mod settings;
pub mod statements;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::ledger::{LedgerError, Settings, SignedEntry};

pub use append::{NewProfile, Pending};
pub use read::{AccountRow, CardRow, PostingView, TxFilter, TxView};

/// The one definition of the database, embedded in the binary.
pub const SCHEMA_SQL: &str = include_str!("../../schema.sql");
pub const SCHEMA_VERSION: i64 = 1;

/// How long a writer waits for another writer before giving up with Busy.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    Ledger(#[from] LedgerError),
    #[error("the ledger is busy: another program is writing to it; try again in a moment")]
    Busy,
    #[error("{path} does not exist; create a ledger with `akker --db {path} init`, or give another --db")]
    Missing { path: String },
    #[error("{path} already exists; choose another file, or move the old one away first")]
    AlreadyExists { path: String },
    #[error("{path} is not an akker ledger ({detail})")]
    NotALedger { path: String, detail: String },
    #[error(
        "the ledger's stored data is damaged: {0}; run `akker verify` and restore from a backup"
    )]
    Corrupt(String),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(err: rusqlite::Error) -> Self {
        match err.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy) | Some(rusqlite::ErrorCode::DatabaseLocked) => {
                StoreError::Busy
            }
            _ => StoreError::Sqlite(err),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

pub struct Store {
    conn: Connection,
    path: PathBuf,
    ledger_id: String,
    settings: Settings,
}

impl Store {
    /// Creates a new ledger file with its first, signed entry. Refuses to
    /// touch an existing file.
    pub fn create(path: &Path, ledger_id: &str, genesis: SignedEntry) -> Result<Store> {
        if path.exists() {
            return Err(StoreError::AlreadyExists {
                path: path.display().to_string(),
            });
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        )?;
        Self::create_on(conn, path, ledger_id, genesis).inspect_err(|_| {
            // Nothing half-written: a ledger that failed to initialise is removed.
            let _ = std::fs::remove_file(path);
        })
    }

    /// An in-memory ledger, for tests.
    pub fn create_in_memory(ledger_id: &str, genesis: SignedEntry) -> Result<Store> {
        Self::create_on(
            Connection::open_in_memory()?,
            Path::new(":memory:"),
            ledger_id,
            genesis,
        )
    }

    fn create_on(
        conn: Connection,
        path: &Path,
        ledger_id: &str,
        genesis: SignedEntry,
    ) -> Result<Store> {
        configure(&conn)?;
        conn.execute_batch(SCHEMA_SQL)?;
        conn.execute(
            "INSERT INTO ledger (singleton, schema_version, ledger_id, created_at) VALUES (1, ?1, ?2, ?3)",
            rusqlite::params![SCHEMA_VERSION, ledger_id, crate::signing::canonical::format_timestamp(&genesis.entry)],
        )?;
        let crate::ledger::EntryBody::LedgerCreated(settings) = genesis.entry.body.clone() else {
            return Err(StoreError::Corrupt(
                "the first entry must be the ledger's settings".into(),
            ));
        };
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            ledger_id: ledger_id.to_string(),
            settings,
        };
        store.append(vec![Pending::entry(genesis)])?;
        Ok(store)
    }

    /// Opens an existing ledger file.
    pub fn open(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::Missing {
                path: path.display().to_string(),
            });
        }
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        let not_a_ledger = |detail: String| StoreError::NotALedger {
            path: path.display().to_string(),
            detail,
        };
        configure(&conn).map_err(|e| not_a_ledger(e.to_string()))?;
        Self::from_connection(conn, path)
    }

    /// The part of opening a ledger file that does not depend on how it
    /// was opened: checks it is an akker ledger this version reads and
    /// loads its settings.
    fn from_connection(conn: Connection, path: &Path) -> Result<Store> {
        let not_a_ledger = |detail: String| StoreError::NotALedger {
            path: path.display().to_string(),
            detail,
        };
        let (version, ledger_id): (i64, String) = conn
            .query_row(
                "SELECT schema_version, ledger_id FROM ledger WHERE singleton = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|e| not_a_ledger(e.to_string()))?;
        if version != SCHEMA_VERSION {
            return Err(not_a_ledger(format!(
                "schema version {version}, this akker reads {SCHEMA_VERSION}"
            )));
        }
        let settings = read::load_settings(&conn)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            ledger_id,
            settings,
        })
    }

    pub fn ledger_id(&self) -> &str {
        &self.ledger_id
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` inside one read transaction, so every query it makes sees
    /// the same state of the file while other programs write (WAL keeps
    /// that state for readers). `verify` needs this: the journal it
    /// replays and the cached balances it compares must not straddle a
    /// payment recorded in between.
    pub fn read_snapshot<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        let snapshot = self.conn.unchecked_transaction()?;
        let result = f(self);
        // Nothing was written: dropping the transaction rolls it back.
        drop(snapshot);
        result
    }
}

/// Settings every connection needs. WAL lets readers (the kiosk showing a
/// balance) go on while the treasurer writes; FULL sync makes a recorded
/// payment survive a power cut, not only a crash.
fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    // A larger page cache keeps the journal's indexes in memory during
    // bulk writes and full reads (64 MiB; SQLite's default is 2 MiB).
    conn.pragma_update(None, "cache_size", -65536)?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(())
}

impl From<crate::ledger::RuleError> for StoreError {
    fn from(err: crate::ledger::RuleError) -> Self {
        StoreError::Ledger(err.into())
    }
}
