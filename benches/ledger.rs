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

    let verify_binary_s = common::best_of_3(&db, &["verify"]);
    println!(
        "{:<38} {verify_binary_s:>8.3} s (best of 3)",
        "akker verify (binary)"
    );
    let sig_s = batch_signature_seconds(report.entries as usize);
    println!(
        "batch signature check alone, {} sigs: {sig_s:>6.2} s  {:>9.0} sig/s  (verify = {:.2}x that)",
        report.entries,
        report.entries as f64 / sig_s,
        verify_binary_s / sig_s
    );

    for (label, args) in [
        ("akker balance (binary, table)", vec!["balance"]),
        ("akker balance --json (binary)", vec!["balance", "--json"]),
    ] {
        let best = common::best_of_3(&db, &args);
        println!("{label:<38} {best:>8.3} s (best of 3)");
    }
}

/// The time the signature checks alone take for `count` signatures, done
/// as verify does them (batches of 4,096 on every core, each distinct key
/// decompressed once), so docs/performance.md can give verify's time as a
/// multiple of it: a ratio that holds on any machine. Measured on 131,072
/// messages of a payment's size signed by 2,000 keys, then scaled.
fn batch_signature_seconds(count: usize) -> f64 {
    use rayon::prelude::*;
    const SAMPLE: usize = 131_072;
    let keys: Vec<ed25519_dalek::SigningKey> =
        (0..2_000).map(|_| akker::signing::generate_key()).collect();
    let messages: Vec<Vec<u8>> = (0..SAMPLE)
        .map(|i| {
            format!("akker-entry-v1 a payment of about three hundred bytes, number {i:>280}")
                .into_bytes()
        })
        .collect();
    let signed: Vec<([u8; 32], [u8; 64])> = messages
        .par_iter()
        .enumerate()
        .map(|(i, m)| {
            use ed25519_dalek::Signer;
            let key = &keys[i % keys.len()];
            (key.verifying_key().to_bytes(), key.sign(m).to_bytes())
        })
        .collect();
    let started = Instant::now();
    let all_good = messages
        .par_chunks(4096)
        .zip(signed.par_chunks(4096))
        .all(|(msgs, sigs)| {
            let refs: Vec<&[u8]> = msgs.iter().map(Vec::as_slice).collect();
            let keys: Vec<[u8; 32]> = sigs.iter().map(|s| s.0).collect();
            let sigs: Vec<[u8; 64]> = sigs.iter().map(|s| s.1).collect();
            akker::signing::keys::verify_batch(&refs, &keys, &sigs)
        });
    assert!(all_good, "the sample's signatures verify");
    started.elapsed().as_secs_f64() * count as f64 / SAMPLE as f64
}
