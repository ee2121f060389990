//! The file's own structure (issue 18, item 3): one damaged page, in a
//! table or in an index, is reported by `verify`, refused by `backup`
//! (so the damage is not copied) and by `restore` (before anything is put
//! in place), each with a message that says what to do.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// A small ledger with enough rows that every table and index has pages.
fn ledger() -> Ledger {
    Ledger::from_template("integrity", |l| {
        l.open("M001", "Marie");
        l.open("M002", "Yusuf");
        for _ in 0..3 {
            l.pay("M001", &[("M002", "1.25")]);
        }
    })
}

/// The root page of a table or index, and the file's page size.
fn root_page(db: &Path, name: &str) -> (u64, u64) {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open the file");
    let root: u64 = conn
        .query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = ?1",
            [name],
            |r| r.get(0),
        )
        .expect("a root page");
    let size: u64 = conn
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .expect("the page size");
    (root, size)
}

/// Zeroes one page of `db` in place, as a failing disk or a bad copy does.
fn zero_page(db: &Path, name: &str) -> u64 {
    let (page, size) = root_page(db, name);
    let mut bytes = std::fs::read(db).expect("read the file");
    let start = ((page - 1) * size) as usize;
    bytes[start..start + size as usize].fill(0);
    std::fs::write(db, bytes).expect("write the damaged file");
    page
}

/// Flips one byte in the middle of a page: a single damaged byte.
fn flip_byte(db: &Path, name: &str) -> u64 {
    let (page, size) = root_page(db, name);
    let mut bytes = std::fs::read(db).expect("read the file");
    // The page's header: its cell count, so SQLite reads cells that are not there.
    let at = ((page - 1) * size + 3) as usize;
    bytes[at] ^= 0x5A;
    std::fs::write(db, bytes).expect("write the damaged file");
    page
}

/// A backup made by `akker backup`, in the ledger's folder.
fn backup_of(ledger: &Ledger) -> PathBuf {
    let copy = ledger.dir().join("backup.db");
    ledger.ok(&["backup", copy.to_str().unwrap()]);
    copy
}

fn side_files(db: &Path) -> Vec<PathBuf> {
    ["-wal", "-shm", "-journal"]
        .iter()
        .map(|s| with_suffix(db, s))
        .filter(|p| p.exists())
        .collect()
}

#[test]
fn verify_reports_a_damaged_page_of_a_table() {
    let ledger = ledger();
    let page = zero_page(ledger.db(), "transactions");
    let run = ledger.run(&["verify"]).expect(REFUSED);
    run.says(&[
        &ledger.db().display().to_string(),
        "is damaged",
        &format!("table transactions, whose pages start at page {page}"),
        "restore BACKUP --force",
    ]);
}

#[test]
fn verify_reports_a_damaged_page_of_an_index() {
    let ledger = ledger();
    let page = zero_page(ledger.db(), "postings_by_account");
    // Every signature, the chain and the balances are still right: only
    // SQLite's own check sees this.
    ledger.run(&["verify"]).expect(REFUSED).says(&[
        &format!("page {page} of the index postings_by_account"),
        "restore BACKUP --force",
    ]);
}

#[test]
fn a_damaged_ledger_is_not_copied_by_backup() {
    let ledger = ledger();
    zero_page(ledger.db(), "postings_by_account");
    let copy = ledger.dir().join("copy.db");
    ledger
        .run(&["backup", copy.to_str().unwrap()])
        .expect(REFUSED)
        .says(&[
            "is damaged",
            "index postings_by_account",
            "restore BACKUP --force",
        ]);
    assert!(!copy.exists(), "a copy of a damaged ledger was left behind");
    let leftovers: Vec<_> = std::fs::read_dir(ledger.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("copy.db"))
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
}

#[test]
fn a_backup_with_one_damaged_byte_in_a_table_page_is_not_restored() {
    let ledger = ledger();
    let backup = backup_of(&ledger);
    let page = flip_byte(&backup, "transactions");
    let damaged = std::fs::read(&backup).unwrap();
    let before = ledger.snapshot();
    let run = ledger.run(&["restore", backup.to_str().unwrap(), "--force"]);
    run.expect(REFUSED).says(&[
        &backup.display().to_string(),
        "is damaged",
        &format!("table transactions, whose pages start at page {page}"),
        "nothing was changed",
        "older backup",
    ]);
    assert_eq!(ledger.snapshot(), before, "the live ledger changed");
    assert_eq!(
        std::fs::read(&backup).unwrap(),
        damaged,
        "the backup was changed"
    );
    assert!(side_files(&backup).is_empty(), "{:?}", side_files(&backup));
    assert!(
        !ledger.db().with_extension("db.replaced").exists()
            && std::fs::read_dir(ledger.dir()).unwrap().all(|e| !e
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains("replaced")),
        "the live ledger was set aside for a damaged backup"
    );
}

#[test]
fn a_backup_with_a_zeroed_index_page_is_not_restored() {
    let ledger = ledger();
    let backup = backup_of(&ledger);
    zero_page(&backup, "postings_by_account");
    let before = ledger.snapshot();
    ledger
        .run(&["restore", backup.to_str().unwrap(), "--force"])
        .expect(REFUSED)
        .says(&["is damaged", "index postings_by_account", "older backup"]);
    assert_eq!(ledger.snapshot(), before, "the live ledger changed");
    assert!(side_files(&backup).is_empty(), "{:?}", side_files(&backup));
}

#[test]
fn a_whole_backup_restores_and_leaves_no_side_files_beside_it() {
    let ledger = ledger();
    let backup = backup_of(&ledger);
    let bytes = std::fs::read(&backup).unwrap();
    let before = ledger.snapshot();
    ledger.ok(&["restore", backup.to_str().unwrap(), "--force"]);
    assert_eq!(ledger.snapshot(), before);
    assert_eq!(
        std::fs::read(&backup).unwrap(),
        bytes,
        "restore changed the backup"
    );
    assert!(side_files(&backup).is_empty(), "{:?}", side_files(&backup));
}
