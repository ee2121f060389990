//! What the benchmarks share: their settings from the environment, where
//! they keep their files, and timing the real binary.
//!
//! Each benchmark is its own program and uses a part of this.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// A count from the environment ("1_000_000" reads as 1,000,000), or the
/// default.
pub fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

/// AKKER_BENCH_DIR, or `default_name` in the temporary directory; created.
pub fn bench_dir(default_name: &str) -> PathBuf {
    let dir = std::env::var("AKKER_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| std::env::temp_dir().join(default_name));
    std::fs::create_dir_all(&dir).expect("bench directory");
    dir
}

/// Removes a ledger file with SQLite's journal files beside it.
pub fn remove_ledger(db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
}

/// A command line's wall time, with the program's own output kept out of
/// the way. Panics if it fails: a failed run measures nothing. The
/// passphrase is the one `akker::bulk` gives its ledgers' keys.
pub fn timed(program: &str, args: &[&str], db: Option<&Path>) -> f64 {
    let mut command = Command::new(program);
    if let Some(db) = db {
        command.arg("--db").arg(db);
    }
    command
        .args(args)
        .env("AKKER_PASSPHRASE", akker::bulk::PASSPHRASE);
    let started = Instant::now();
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("{program} runs: {e}"));
    let seconds = started.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "{program} {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    seconds
}

/// The release binary `akker --db DB ARGS...`, timed.
pub fn akker(db: &Path, args: &[&str]) -> f64 {
    timed(env!("CARGO_BIN_EXE_akker"), args, Some(db))
}

/// The best of three runs of [`akker`]: the machine's other work only ever
/// slows a run down.
pub fn best_of_3(db: &Path, args: &[&str]) -> f64 {
    (0..3)
        .map(|_| akker(db, args))
        .fold(f64::INFINITY, f64::min)
}
