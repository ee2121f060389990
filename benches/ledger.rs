//! The ledger core's benchmark: `cargo bench --bench ledger`.
//!
//! Builds a ledger of AKKER_BENCH_TX signed transactions (default
//! 1,000,000) between AKKER_BENCH_ACCOUNTS accounts (default 2,000), then
//! prints: the bulk recording rate (signatures checked and limits enforced
//! by Store::append), the full `verify` time, and the time to print all
//! balances with the real binary. Figures go to docs/performance.md.

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

fn main() {
    let transactions = env_usize("AKKER_BENCH_TX", 1_000_000);
    let accounts = env_usize("AKKER_BENCH_ACCOUNTS", 2_000);
    let dir = std::env::var("AKKER_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| std::env::temp_dir().join("akker-bench"));
    std::fs::create_dir_all(&dir).expect("bench directory");
    let db = dir.join(format!("ledger-{transactions}.db"));
    for suffix in ["", "-wal", "-shm", ".key"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    println!(
        "akker ledger benchmark: {transactions} transactions, {accounts} accounts, {} threads",
        rayon::current_num_threads()
    );
    println!("file: {}", db.display());

    let generated = akker::bulk::generate_ledger(&db, accounts, transactions, chrono::Utc::now())
        .expect("generate ledger");
    std::fs::write(format!("{}.key", db.display()), &generated.key_file).expect("key file");
    let t = &generated.timings;
    let per_s = |d: std::time::Duration| transactions as f64 / d.as_secs_f64();
    println!(
        "signing (client side, parallel):     {:>8.2} s  {:>9.0} tx/s",
        t.signing.as_secs_f64(),
        per_s(t.signing)
    );
    println!(
        "recording (verify sig, limits, insert): {:>5.2} s  {:>9.0} tx/s",
        t.recording.as_secs_f64(),
        per_s(t.recording)
    );
    drop(generated);

    let store = akker::store::Store::open(&db).expect("open");
    let started = Instant::now();
    let report = akker::verify::verify(&store).expect("verify");
    let verify_s = started.elapsed().as_secs_f64();
    assert!(
        report.is_ok(),
        "the generated ledger must verify: {:?}",
        report.problems.first()
    );
    println!(
        "verify (in process, {} entries):   {:>8.2} s  {:>9.0} entries/s",
        report.entries,
        verify_s,
        report.entries as f64 / verify_s
    );

    let binary = env!("CARGO_BIN_EXE_akker");
    for (label, args) in [
        ("akker verify (binary)", vec!["verify"]),
        ("akker balance (binary, table)", vec!["balance"]),
        ("akker balance --json (binary)", vec!["balance", "--json"]),
    ] {
        let best = (0..3)
            .map(|_| {
                let started = Instant::now();
                let out = Command::new(binary)
                    .arg("--db")
                    .arg(&db)
                    .args(&args)
                    .output()
                    .expect("run akker");
                assert!(
                    out.status.success(),
                    "{label} failed: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                started.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min);
        println!("{label:<38} {best:>8.3} s (best of 3)");
    }
}
