//! Backups taken while other processes keep writing are consistent and
//! verify; a restore refuses a copy that does not verify and never
//! replaces the live ledger without --force.

mod support_interchange;

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use support_interchange::*;

/// Entry seq and chain hash of every transaction, oldest first.
fn transactions(db: &Path) -> Vec<(i64, String)> {
    let txs = json(db, &["tx", "list"]);
    txs.as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["seq"].as_i64().unwrap(),
                t["entry_hash"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Pays back and forth between two members until told to stop, each
/// payment its own `akker pay` process.
fn keep_paying(
    db: &Path,
    from: &'static str,
    to: &'static str,
    stop: Arc<AtomicBool>,
) -> thread::JoinHandle<usize> {
    let db = db.to_path_buf();
    thread::spawn(move || {
        let mut paid = 0;
        let mut round = 0;
        while !stop.load(Ordering::Relaxed) {
            let (payer, payee) = if round % 2 == 0 {
                (from, to)
            } else {
                (to, from)
            };
            let slip = format!("loop-{from}-{round}");
            let args = [
                "pay",
                payer,
                payee,
                "0.25",
                "--slip",
                &slip,
                "--work",
                "care",
                "--what",
                "Backup test",
            ];
            if akker(&db, &args).status.success() {
                paid += 1;
            }
            round += 1;
        }
        paid
    })
}

#[test]
fn a_backup_taken_while_others_write_is_consistent_and_verifies() {
    let dir = Dir::new();
    let demo = dir.demo();
    let stop = Arc::new(AtomicBool::new(false));
    let writers = [
        keep_paying(&demo, "M001", "M002", stop.clone()),
        keep_paying(&demo, "M003", "M004", stop.clone()),
    ];
    let before = verified_transactions(&demo);
    let started = Instant::now();
    let mut copies = Vec::new();
    while copies.len() < 6 || started.elapsed() < Duration::from_secs(3) {
        let copy = dir.path(&format!("copy-{}.db", copies.len()));
        let out = ok(&akker(&demo, &["backup", copy.to_str().unwrap()]));
        assert!(out.contains("verified"), "{out}");
        copies.push(copy);
    }
    stop.store(true, Ordering::Relaxed);
    let paid: usize = writers.into_iter().map(|w| w.join().unwrap()).sum();
    assert!(paid > 0, "the writers wrote during the backups");

    let live = transactions(&demo);
    assert!(live.len() as i64 > before);
    let mut sizes = Vec::new();
    for copy in &copies {
        verified_transactions(copy);
        let copied = transactions(copy);
        assert_eq!(
            copied[..],
            live[..copied.len()],
            "{} is the live ledger as it was at one moment",
            copy.display()
        );
        assert!(
            !Path::new(&format!("{}-wal", copy.display())).exists(),
            "a backup is one self-contained file"
        );
        sizes.push(copied.len());
    }
    assert!(
        sizes.first() < sizes.last(),
        "the copies saw the ledger grow: {sizes:?}"
    );
}

#[test]
fn a_backup_never_replaces_a_file_without_force() {
    let dir = Dir::new();
    let demo = dir.demo();
    let file = dir.write("usb.db", b"last week's backup");
    let err = refused(&akker(&demo, &["backup", file.to_str().unwrap()]));
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), b"last week's backup");
    ok(&akker(
        &demo,
        &["backup", file.to_str().unwrap(), "--force"],
    ));
    assert_eq!(chain_head(&file), chain_head(&demo));
}

/// Changes a transaction's description behind akker's back.
fn tamper(db: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch(
        "DROP TRIGGER transactions_no_update;
         UPDATE transactions SET description = 'changed afterwards' WHERE seq = (SELECT MAX(seq) FROM transactions);",
    )
    .unwrap();
}

#[test]
fn restore_refuses_a_copy_that_does_not_verify() {
    let dir = Dir::new();
    let demo = dir.demo();
    let copy = dir.path("copy.db");
    ok(&akker(&demo, &["backup", copy.to_str().unwrap()]));
    tamper(&copy);
    let target = dir.path("restored.db");
    let err = refused(&akker(&target, &["restore", copy.to_str().unwrap()]));
    assert!(err.contains("does not verify"), "{err}");
    assert!(!target.exists(), "nothing was restored");
    let live_head = chain_head(&demo);
    let err = refused(&akker(
        &demo,
        &["restore", copy.to_str().unwrap(), "--force"],
    ));
    assert!(err.contains("does not verify"), "{err}");
    assert_eq!(chain_head(&demo), live_head, "the live ledger is untouched");
}

#[test]
fn restore_replaces_the_live_ledger_only_with_force_and_keeps_it() {
    let dir = Dir::new();
    let demo = dir.demo();
    let copy = dir.path("monday.db");
    ok(&akker(&demo, &["backup", copy.to_str().unwrap()]));
    let monday = chain_head(&demo);
    ok(&akker(
        &demo,
        &[
            "pay",
            "M001",
            "M002",
            "1",
            "--slip",
            "tuesday",
            "--work",
            "care",
            "--what",
            "After the backup",
        ],
    ));
    let tuesday = chain_head(&demo);

    let err = refused(&akker(&demo, &["restore", copy.to_str().unwrap()]));
    assert!(err.contains("--force"), "{err}");
    assert_eq!(chain_head(&demo), tuesday, "not replaced without --force");

    let out = ok(&akker(
        &demo,
        &["restore", copy.to_str().unwrap(), "--force"],
    ));
    assert!(out.contains("kept as"), "{out}");
    assert_eq!(chain_head(&demo), monday, "the ledger is Monday's again");
    let kept = std::fs::read_dir(dir.tmp.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("demo.db.replaced-"))
        .expect("the replaced ledger is kept");
    assert_eq!(chain_head(&kept), tuesday);
    // The restored ledger takes new entries as usual.
    ok(&akker(
        &demo,
        &[
            "pay",
            "M001",
            "M002",
            "1",
            "--slip",
            "again",
            "--work",
            "care",
            "--what",
            "After the restore",
        ],
    ));
    verified_transactions(&demo);
}

#[test]
fn restore_into_an_empty_place_needs_no_force() {
    let dir = Dir::new();
    let demo = dir.demo();
    let copy = dir.path("copy.db");
    ok(&akker(&demo, &["backup", copy.to_str().unwrap()]));
    let target = dir.path("elsewhere.db");
    ok(&akker(&target, &["restore", copy.to_str().unwrap()]));
    assert_eq!(chain_head(&target), chain_head(&demo));
}

#[test]
fn restoring_a_backup_that_is_not_there_says_so_and_never_advises_a_new_ledger() {
    let dir = Dir::new();
    let demo = dir.demo();
    let live_head = chain_head(&demo);
    let missing = dir.path("usb/kuregem-2026-11-01.db");
    let err = refused(&akker(
        &demo,
        &["restore", missing.to_str().unwrap(), "--force"],
    ));
    assert!(err.contains("there is no backup at"), "{err}");
    assert!(err.contains("mounted"), "{err}");
    assert!(!err.contains("init"), "{err}");
    assert_eq!(chain_head(&demo), live_head, "the live ledger is untouched");
}
