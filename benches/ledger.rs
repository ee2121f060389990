//! The ledger core's benchmark: `cargo bench --bench ledger`.
//!
//! Builds a ledger of AKKER_BENCH_TX signed transactions (default
//! 1,000,000) between AKKER_BENCH_ACCOUNTS accounts (default 2,000), then
//! prints: the bulk recording rate (signatures checked and limits enforced
//! by Store::append), the full `verify` time, and the time to print all
//! balances with the real binary. Figures go to docs/performance.md.

use std::time::Instant;

mod common;
use common::env_usize;

fn main() {
    let transactions = env_usize("AKKER_BENCH_TX", 1_000_000);
    let accounts = env_usize("AKKER_BENCH_ACCOUNTS", 2_000);
    let db = common::bench_dir("akker-bench").join(format!("ledger-{transactions}.db"));
    common::remove_ledger(&db);
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

    for (label, args) in [
        ("akker verify (binary)", vec!["verify"]),
        ("akker balance (binary, table)", vec!["balance"]),
        ("akker balance --json (binary)", vec!["balance", "--json"]),
    ] {
        let best = common::best_of_3(&db, &args);
        println!("{label:<38} {best:>8.3} s (best of 3)");
    }
}
