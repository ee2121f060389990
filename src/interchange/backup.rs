//! Backups and restores of the ledger file.
//!
//! A backup is taken with SQLite's online backup API while the kiosk may
//! be writing, into a temporary file beside the destination. The copy is
//! then checked with `verify` and compared with the live ledger (its last
//! entry must be the live ledger's entry at the same place) before it is
//! renamed into place. A copy that does not verify is never left behind.
//!
//! A restore checks the copy first and refuses one that does not verify.
//! It never replaces an existing ledger unless told to (`force`), and then
//! replaces it atomically: the copy is written beside the live file,
//! flushed to disk and renamed over it, after the live file's write-ahead
//! log was emptied into it. The replaced file is kept under a new name.

use std::fs::File;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::store::{interchange::checkpoint_for_replace, Store, StoreError};
use crate::verify::{verify, Report};

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{path} already exists; choose another file name, or give --force to replace it")]
    Exists { path: String },
    #[error("{path} already holds a ledger ({entries} entries); restoring would replace it. Back it up first (`akker backup FILE`), then run the restore again with --force")]
    WouldReplace { path: String, entries: i64 },
    #[error("{path} does not verify, so it was not used: {}", .problems.join("; "))]
    DoesNotVerify { path: String, problems: Vec<String> },
    #[error("the copy in {path} does not match the live ledger at entry #{seq}; nothing was kept. Run `akker verify` on the live ledger")]
    NotAPrefix { path: String, seq: i64 },
    #[error("another program (the kiosk?) is using {path}; stop it, then run the restore again")]
    InUse { path: String },
    #[error("the folder {path} does not exist; is the USB stick plugged in and mounted? Give a file in a folder that exists")]
    NoFolder { path: String },
    #[error("{path} is damaged ({detail}), so it was not used and nothing was changed. Use an older backup: check it with `akker --db OLDER verify`, then `akker restore OLDER --force`")]
    BackupDamaged { path: String, detail: String },
    #[error("the copy written to {path} is damaged ({detail}), so it was removed. The disk or USB stick may be failing: try another one")]
    CopyDamaged { path: String, detail: String },
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{what} {path}: {source}")]
    Io {
        what: &'static str,
        path: String,
        source: std::io::Error,
    },
}

#[derive(Debug, Serialize)]
pub struct Copied {
    pub path: PathBuf,
    pub entries: i64,
    pub transactions: i64,
    pub accounts: usize,
    pub chain_head: String,
    /// Where the replaced ledger was kept (restore only).
    pub replaced_kept_as: Option<PathBuf>,
}

/// Takes a consistent copy of `store` into `dest` and verifies it.
pub fn backup(store: &Store, dest: &Path, force: bool) -> Result<Copied, BackupError> {
    if dest.exists() && !force {
        return Err(BackupError::Exists {
            path: dest.display().to_string(),
        });
    }
    check_folder(dest)?;
    // Copying a damaged file would only spread the damage.
    store.check_structure()?;
    let temp = TempFile::beside(dest, "partial");
    store.backup_to(temp.path()).map_err(|e| match e {
        StoreError::Damaged { .. } => e.with_path(store.path()),
        // Opening, writing, a full or read-only disk: the copy's side.
        other => other.with_path(dest),
    })?;
    let report = verify_copy(temp.path()).map_err(|e| match e {
        BackupError::Store(StoreError::Damaged { detail, .. }) => BackupError::CopyDamaged {
            path: dest.display().to_string(),
            detail,
        },
        BackupError::Store(other) => BackupError::Store(other.with_path(dest)),
        other => other,
    })?;
    if store
        .chain_hash_at(report.entries)?
        .map(hex::encode)
        .as_deref()
        != Some(report.chain_head.as_str())
    {
        return Err(BackupError::NotAPrefix {
            path: dest.display().to_string(),
            seq: report.entries,
        });
    }
    temp.keep_as(dest)?;
    Ok(copied(dest, &report, None))
}

/// A dated, verified copy of `store` in the folder `dir`
/// (`LEDGER-YYYY-MM-DD-HHMMSS.db`), then, with `keep`, removes this
/// ledger's older dated copies there beyond the newest `keep`. Only
/// files with that name that are akker ledgers are ever removed, and only
/// after the new copy verified.
pub fn backup_into(
    store: &Store,
    dir: &Path,
    keep: Option<usize>,
) -> Result<(Copied, Vec<PathBuf>), BackupError> {
    if !dir.is_dir() {
        return Err(BackupError::NoFolder {
            path: dir.display().to_string(),
        });
    }
    let stem = dated_stem(store.path());
    let stamp = chrono::Local::now().format("%Y-%m-%d-%H%M%S");
    let dest = dir.join(format!("{stem}-{stamp}.db"));
    let copied = backup(store, &dest, false)?;
    let mut removed = Vec::new();
    if let Some(keep) = keep {
        let mut dated = dated_copies(dir, &stem)?;
        // Names sort by their time stamp: newest first.
        dated.sort();
        dated.reverse();
        for old in dated.into_iter().skip(keep) {
            std::fs::remove_file(&old).map_err(|source| BackupError::Io {
                what: "cannot remove the old backup",
                path: old.display().to_string(),
                source,
            })?;
            removed.push(old);
        }
    }
    Ok((copied, removed))
}

/// The name dated copies of the ledger at `db` begin with: its file name
/// without `.db` (`akker` for akker.db).
pub fn dated_stem(db: &Path) -> String {
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "akker".into());
    name.strip_suffix(".db").unwrap_or(&name).to_string()
}

/// This ledger's dated copies in `dir`: `STEM-YYYY-MM-DD-HHMMSS.db` files
/// whose header marks them as akker ledgers.
pub fn dated_copies(dir: &Path, stem: &str) -> Result<Vec<PathBuf>, BackupError> {
    let entries = std::fs::read_dir(dir).map_err(|source| BackupError::Io {
        what: "cannot list the folder",
        path: dir.display().to_string(),
        source,
    })?;
    Ok(entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_prefix(stem))
                .and_then(|n| n.strip_prefix('-'))
                .and_then(|n| n.strip_suffix(".db"))
                .is_some_and(is_stamp)
        })
        .filter(|p| {
            crate::store::integrity::read_header(p)
                .is_ok_and(|h| h == crate::store::integrity::Header::Ledger)
        })
        .collect())
}

/// `YYYY-MM-DD-HHMMSS`.
fn is_stamp(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 17
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 | 10 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
}

/// Replaces the ledger at `db` with the verified copy at `source`.
pub fn restore(db: &Path, source: &Path, force: bool) -> Result<Copied, BackupError> {
    let damaged_source = |e: StoreError| match e {
        StoreError::Damaged { detail, .. } => BackupError::BackupDamaged {
            path: source.display().to_string(),
            detail,
        },
        other => BackupError::Store(other.with_path(source)),
    };
    // Read-only and without side files: the backup is left as it was.
    let copy = Store::open_read_only(source).map_err(damaged_source)?;
    let report = verify(&copy).map_err(damaged_source)?;
    check_verifies(source, &report)?;
    if db.exists() && !force {
        let entries = Store::open_read_only(db)
            .and_then(|live| live.chain_head())
            .map_or(0, |(seq, _)| seq);
        return Err(BackupError::WouldReplace {
            path: db.display().to_string(),
            entries,
        });
    }
    check_folder(db)?;
    let temp = TempFile::beside(db, "restore");
    copy.backup_to(temp.path())
        .map_err(|e| BackupError::Store(e.with_path(db)))?;
    drop(copy);
    let kept = match db.exists() {
        true => Some(set_aside(db)?),
        false => None,
    };
    temp.keep_as(db)?;
    // The copy was verified in full above; verifying the restored file
    // again would only repeat that (about 20 s on a million entries) when
    // nothing can be undone any more. Its chain head tells it is the copy.
    let (seq, hash) = Store::open(db)?.chain_head()?;
    let head = hex::encode(hash);
    if seq != report.entries || head != report.chain_head {
        return Err(BackupError::DoesNotVerify {
            path: db.display().to_string(),
            problems: vec![format!(
                "its last entry is #{seq} with chain hash {head}, not #{} with {} as in {}",
                report.entries,
                report.chain_head,
                source.display()
            )],
        });
    }
    Ok(copied(db, &report, kept))
}

/// A missing folder is most often a USB stick that is not mounted: say so
/// rather than pass on SQLite's "unable to open database file".
fn check_folder(file: &Path) -> Result<(), BackupError> {
    match file.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(folder) if !folder.is_dir() => Err(BackupError::NoFolder {
            path: folder.display().to_string(),
        }),
        _ => Ok(()),
    }
}

fn verify_copy(path: &Path) -> Result<Report, BackupError> {
    let copy = Store::open_read_only(path)?;
    let report = verify(&copy)?;
    check_verifies(path, &report)?;
    Ok(report)
}

fn check_verifies(path: &Path, report: &Report) -> Result<(), BackupError> {
    if report.is_ok() {
        return Ok(());
    }
    let problems = report
        .problems
        .iter()
        .take(5)
        .map(|p| p.message.clone())
        .collect();
    Err(BackupError::DoesNotVerify {
        path: path.display().to_string(),
        problems,
    })
}

/// Empties the live ledger's write-ahead log into it, keeps it under a
/// new name (a hard link, so nothing is copied), and removes its side
/// files so they cannot be replayed into the restored file.
fn set_aside(db: &Path) -> Result<PathBuf, BackupError> {
    // Any other failure means a damaged file that SQLite cannot even
    // read; it is still replaced (and kept).
    if let Err(StoreError::Busy) = checkpoint_for_replace(db) {
        return Err(BackupError::InUse {
            path: db.display().to_string(),
        });
    }
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let kept = with_suffix(db, &format!(".replaced-{stamp}"));
    let io = |what| {
        move |source| BackupError::Io {
            what,
            path: db.display().to_string(),
            source,
        }
    };
    if std::fs::hard_link(db, &kept).is_err() {
        std::fs::copy(db, &kept).map_err(io("cannot keep a copy of"))?;
    }
    for side in ["-wal", "-shm"] {
        let side_file = with_suffix(db, side);
        if side_file.exists() {
            std::fs::remove_file(&side_file).map_err(io("cannot remove the side file of"))?;
        }
    }
    Ok(kept)
}

fn copied(path: &Path, report: &Report, replaced_kept_as: Option<PathBuf>) -> Copied {
    Copied {
        path: path.to_path_buf(),
        entries: report.entries,
        transactions: report.transactions,
        accounts: report.accounts,
        chain_head: report.chain_head.clone(),
        replaced_kept_as,
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A file being written beside its final place: removed on drop unless
/// it was renamed into place.
struct TempFile {
    path: PathBuf,
    kept: bool,
}

impl TempFile {
    fn beside(dest: &Path, what: &str) -> TempFile {
        let path = with_suffix(dest, &format!(".{what}-{}", std::process::id()));
        let _ = std::fs::remove_file(&path);
        TempFile { path, kept: false }
    }

    fn path(&self) -> &Path {
        &self.path
    }

    /// Flushes the file to disk, renames it to `dest` (replacing what was
    /// there in one step) and flushes the directory entry too, so a power
    /// cut leaves either the old file or the new one.
    fn keep_as(mut self, dest: &Path) -> Result<(), BackupError> {
        let io = |what| {
            move |source| BackupError::Io {
                what,
                path: dest.display().to_string(),
                source,
            }
        };
        File::open(&self.path)
            .and_then(|f| f.sync_all())
            .map_err(io("cannot flush the copy for"))?;
        std::fs::rename(&self.path, dest).map_err(io("cannot put the copy in place at"))?;
        self.kept = true;
        let dir = dest
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        // Directories cannot be opened for syncing everywhere; the rename
        // itself is still atomic there.
        if let Ok(dir) = File::open(dir) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.kept {
            for suffix in ["", "-journal", "-wal", "-shm"] {
                let _ = std::fs::remove_file(with_suffix(&self.path, suffix));
            }
        }
    }
}
