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
pub mod audit;
pub mod fund;
pub mod integrity;
pub mod interchange;
pub mod journal;
pub mod kiosk;
mod migrate;
pub mod offers;
pub mod profiles;
pub mod read;
pub mod report;
pub mod requests;
pub mod settings;
pub mod statements;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::ledger::{LedgerError, Settings, SignedEntry};

pub use append::{NewProfile, Pending};
pub use read::{AccountRow, CardRow, Movement, PostingView, TxFilter, TxView};

/// The one definition of the database, embedded in the binary.
pub const SCHEMA_SQL: &str = include_str!("../../schema.sql");
/// The version of schema.sql a ledger follows (`ledger.schema_version`).
/// 1: akker 0.1.0. 2: ledgers marked with their application id, and the
/// schema upgraded from schema.sql on opening (`migrate`). 3: requests
/// (`requests`, `request_outcomes`, four new entry types), soft limits,
/// gifts and fund runs (a gift's or fund run's `transactions` row has no
/// kind of work).
pub const SCHEMA_VERSION: i64 = 3;

/// How long a writer waits for another writer before giving up with Busy.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Every way the file itself can fail, as a sentence that names the file,
/// says what is wrong and what to do. No raw SQLite message reaches a
/// person: `From<rusqlite::Error>` sorts SQLite's codes into these. Errors
/// raised in the middle of a command do not know the file's name (`path`
/// is empty); the command line fills it in with `with_path`.
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
    #[error("{path} is not an akker ledger ({detail}); akker did not change it. Give the ledger's file with --db")]
    NotALedger { path: String, detail: String },
    #[error("{} is damaged: {detail}. akker changed nothing. Keep the damaged file, check your last backup with `akker --db BACKUP verify`, then put it in place with `akker --db {} restore BACKUP --force`", shown(.path), shown(.path))]
    Damaged { path: String, detail: String },
    #[error("{} cannot be written (read-only media, a read-only folder, or no permission); reading it works, but to record anything copy it to a writable folder with `akker --db {} backup COPY` and use the copy, or make the folder writable", shown(.path), shown(.path))]
    ReadOnly { path: String },
    #[error("the disk holding {} is full; nothing was recorded. Free some space and run the command again", shown(.path))]
    DiskFull { path: String },
    #[error("cannot open {} ({detail}); check that the folder exists and that you may read it (is the USB stick mounted?)", shown(.path))]
    CannotOpen { path: String, detail: String },
    #[error("{} could not be read or written by the disk ({detail}); check the disk or USB stick, then run `akker --db {} verify`", shown(.path), shown(.path))]
    Disk { path: String, detail: String },
    #[error("{path} was written by a newer akker (schema version {version}; this akker {} reads up to version {SCHEMA_VERSION}); nothing was changed. Install the newer akker to use it", env!("CARGO_PKG_VERSION"))]
    TooNew { path: String, version: i64 },
    #[error("{path} was written by an older akker (schema version {version}) and must be upgraded, which needs writing: {why}")]
    NeedsUpgrade {
        path: String,
        version: i64,
        why: String,
    },
    #[error("upgrading {path} from schema version {from} to {SCHEMA_VERSION} failed, so the ledger was not changed ({detail}). A copy made before is {kept}. Run `akker --db {path} verify`, and report this message")]
    UpgradeFailed {
        path: String,
        from: i64,
        kept: String,
        detail: String,
    },
    #[error(
        "the ledger's stored data is damaged: {0}; run `akker verify` and restore from a backup"
    )]
    Corrupt(String),
    #[error("unexpected database error in {}: {detail}; run `akker --db {} verify`", shown(.path), shown(.path))]
    Sqlite { path: String, detail: String },
}

/// The file's name, or words for it when the error does not know it.
fn shown(path: &str) -> &str {
    if path.is_empty() {
        "the ledger file"
    } else {
        path
    }
}

impl StoreError {
    /// Names `path` in an error raised without knowing the file.
    pub fn with_path(self, file: &Path) -> StoreError {
        let name = file.display().to_string();
        let fill = |path: String| if path.is_empty() { name.clone() } else { path };
        match self {
            StoreError::Damaged { path, detail } => StoreError::Damaged {
                path: fill(path),
                detail,
            },
            StoreError::ReadOnly { path } => StoreError::ReadOnly { path: fill(path) },
            StoreError::DiskFull { path } => StoreError::DiskFull { path: fill(path) },
            StoreError::CannotOpen { path, detail } => StoreError::CannotOpen {
                path: fill(path),
                detail,
            },
            StoreError::Disk { path, detail } => StoreError::Disk {
                path: fill(path),
                detail,
            },
            StoreError::Sqlite { path, detail } => StoreError::Sqlite {
                path: fill(path),
                detail,
            },
            other => other,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as Code;
        let path = String::new();
        match &err {
            // A stored value of the wrong type or encoding: akker never
            // writes one, so the file was changed or damaged.
            rusqlite::Error::Utf8Error(_) => {
                return StoreError::Damaged {
                    path,
                    detail: "a stored text is not valid UTF-8, which akker never writes".into(),
                }
            }
            rusqlite::Error::FromSqlConversionFailure(column, _, _)
            | rusqlite::Error::InvalidColumnType(column, _, _) => {
                return StoreError::Damaged {
                    path,
                    detail: format!(
                        "a stored value (column {}) is not what akker writes",
                        column + 1
                    ),
                }
            }
            rusqlite::Error::IntegralValueOutOfRange(column, _) => {
                return StoreError::Damaged {
                    path,
                    detail: format!("a stored number (column {}) is out of range", column + 1),
                }
            }
            _ => {}
        }
        match err.sqlite_error_code() {
            Some(Code::DatabaseBusy) | Some(Code::DatabaseLocked) => StoreError::Busy,
            Some(Code::DatabaseCorrupt) | Some(Code::NotADatabase) => StoreError::Damaged {
                path,
                detail: "SQLite cannot read part of it (\"database disk image is malformed\")"
                    .into(),
            },
            Some(Code::ReadOnly) => StoreError::ReadOnly { path },
            Some(Code::DiskFull) => StoreError::DiskFull { path },
            Some(Code::CannotOpen) => StoreError::CannotOpen {
                path,
                detail: "SQLite cannot open it or its side files".into(),
            },
            Some(Code::SystemIoFailure) => StoreError::Disk {
                path,
                detail: err.to_string(),
            },
            _ => StoreError::Sqlite {
                path,
                detail: err.to_string(),
            },
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

pub struct Store {
    conn: Connection,
    path: PathBuf,
    ledger_id: String,
    settings: Settings,
    /// Where the file as it was is kept, when opening it upgraded it.
    upgraded: Option<PathBuf>,
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
        // The mark goes into the header before the switch to WAL, so it is
        // in the file itself from the start (docs/signing.md).
        conn.pragma_update(None, "application_id", integrity::APPLICATION_ID)?;
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
            upgraded: None,
        };
        store.append(vec![Pending::entry(genesis)])?;
        Ok(store)
    }

    /// Opens an existing ledger file: read-write where this process may
    /// write the file and its folder, read-only otherwise (a backup on a
    /// locked USB stick can still be verified and printed). The file's
    /// header is read first: a file that is not an akker ledger is
    /// refused before SQLite could change it.
    pub fn open(path: &Path) -> Result<Store> {
        let header = Self::check_file(path)?;
        if !integrity::writable(path) {
            return Self::open_reading(path, header);
        }
        if header == integrity::Header::Unmarked {
            // Look inside without writing: only a ledger of schema 1 may
            // be opened for writing (and marked by its upgrade).
            match Self::open_reading(path, header) {
                Ok(_) | Err(StoreError::NeedsUpgrade { .. }) => {}
                Err(other) => return Err(other),
            }
        }
        let at = |e: StoreError| e.with_path(path);
        let mut conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
            .map_err(|e| at(e.into()))?;
        configure(&conn).map_err(at)?;
        let version: i64 = conn
            .query_row(
                "SELECT schema_version FROM ledger WHERE singleton = 1",
                [],
                |r| r.get(0),
            )
            .map_err(|e| at(e.into()))?;
        let upgraded = match version < SCHEMA_VERSION {
            true => Some(migrate::upgrade(&mut conn, path, version)?),
            false => None,
        };
        let mut store = Self::from_connection(conn, path)?;
        store.upgraded = upgraded;
        Ok(store)
    }

    /// When the last entry was recorded (RFC 3339, as stored), if any:
    /// `akker doctor` checks the computer's clock is not behind it.
    pub fn last_recorded_at(&self) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row(
                "SELECT recorded_at FROM journal ORDER BY seq DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Where the file as it was before this open upgraded it is kept.
    pub fn upgraded_from(&self) -> Option<&Path> {
        self.upgraded.as_deref()
    }

    /// Opens a ledger file without ever writing to it, nor creating side
    /// files beside it: for checking a backup before trusting it, and for
    /// files this process may not write.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let header = Self::check_file(path)?;
        Self::open_reading(path, header)
    }

    fn check_file(path: &Path) -> Result<integrity::Header> {
        if !path.exists() {
            return Err(StoreError::Missing {
                path: path.display().to_string(),
            });
        }
        integrity::read_header(path)
    }

    fn open_reading(path: &Path, header: integrity::Header) -> Result<Store> {
        let at = |e: StoreError| e.with_path(path);
        let conn = open_without_writing(path).map_err(at)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| at(e.into()))?;
        if header == integrity::Header::Unmarked {
            has_ledger_tables(&conn, path)?;
        }
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
            .map_err(|e| match StoreError::from(e) {
                StoreError::Sqlite { detail, .. } => not_a_ledger(detail),
                other => other.with_path(path),
            })?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: path.display().to_string(),
                version,
            });
        }
        if version < SCHEMA_VERSION {
            return Err(StoreError::NeedsUpgrade {
                path: path.display().to_string(),
                version,
                why: "open it once with this akker where it can be written".into(),
            });
        }
        let settings = read::load_settings(&conn).map_err(|e| e.with_path(path))?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            ledger_id,
            settings,
            upgraded: None,
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
    /// SQLite's structure check of the whole file (`integrity`): refuses
    /// a damaged file with the table or index each damaged page belongs to.
    pub fn check_structure(&self) -> Result<()> {
        let problems = integrity::structure_problems(&self.conn)?;
        if problems.is_empty() {
            return Ok(());
        }
        let more = match problems.len() {
            1 => String::new(),
            n => format!(" (and {} more problem(s))", n - 1),
        };
        Err(StoreError::Damaged {
            path: self.path.display().to_string(),
            detail: format!("{}{more}", problems[0]),
        })
    }

    /// Moves everything in the write-ahead log into the file itself, so a
    /// plain copy of the file is complete. PASSIVE: never waits for, nor
    /// disturbs, a reader; what a reader still holds goes in next time.
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Rows changed through this connection since it opened: the kiosk
    /// checkpoints after a call that wrote.
    pub fn total_changes(&self) -> u64 {
        self.conn.total_changes()
    }

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
/// A command that wrote leaves its writes in the file itself, not only in
/// the write-ahead log, even while the kiosk holds the file open: so a
/// copy of the file made after the command ended is complete.
impl Drop for Store {
    fn drop(&mut self) {
        if self.conn.total_changes() > 0 {
            let _ = self.checkpoint();
        }
    }
}

/// Opens `path` so that nothing is written, not even side files: a file
/// without a write-ahead log beside it is opened as immutable (SQLite then
/// creates no -shm/-wal); one with a log is read through it.
fn open_without_writing(path: &Path) -> Result<Connection> {
    if integrity::has_wal(path) {
        return Ok(Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY,
        )?);
    }
    // A URI, so every byte outside the unreserved set is percent-encoded.
    let mut uri = String::from("file:");
    for &byte in path.as_os_str().as_encoded_bytes() {
        match byte {
            b'/' | b'.' | b'-' | b'_' | b'~' => uri.push(byte as char),
            b if b.is_ascii_alphanumeric() => uri.push(b as char),
            b => uri.push_str(&format!("%{b:02X}")),
        }
    }
    Ok(Connection::open_with_flags(
        format!("{uri}?immutable=1"),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
    )?)
}

/// An unmarked SQLite file is a ledger only if it has the ledger's tables;
/// checked on a read-only connection, so another program's file is left
/// exactly as it was.
fn has_ledger_tables(conn: &Connection, path: &Path) -> Result<()> {
    let found: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('ledger', 'journal', 'ledger_settings')",
            [],
            |r| r.get(0),
        )
        .map_err(|e| StoreError::from(e).with_path(path))?;
    if found == 3 {
        return Ok(());
    }
    Err(StoreError::NotALedger {
        path: path.display().to_string(),
        detail: "it is a SQLite database without the ledger's tables".into(),
    })
}

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
