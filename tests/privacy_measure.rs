//! How long an erasure takes on a large ledger: the erase itself, and the
//! file rebuild (VACUUM) a second run forces. Not part of the normal
//! suite (it builds a large file); run with
//! `AKKER_MEASURE_TX=100000 cargo test --test privacy_measure -- --ignored --nocapture`.

use std::process::Command;
use std::time::Instant;

const BIN: &str = env!("CARGO_BIN_EXE_akker");

#[test]
#[ignore = "builds a large ledger; run by hand to measure"]
fn erasing_a_member_of_a_large_ledger() {
    let transactions: usize = std::env::var("AKKER_MEASURE_TX")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("large.db");
    let generated = akker::bulk::generate_ledger(&db, 2_000, transactions, chrono::Utc::now())
        .expect("generate the ledger");
    std::fs::write(dir.path().join("large.db.key"), &generated.key_file).unwrap();
    let account = generated.store.accounts().unwrap()[5].id.to_string();
    drop(generated);
    let size_mb = std::fs::metadata(&db).unwrap().len() as f64 / 1e6;
    let erase = || {
        let started = Instant::now();
        let out = Command::new(BIN)
            .arg("--db")
            .arg(&db)
            .args(["account", "erase", &account, "--reason", "measured"])
            .env("AKKER_PASSPHRASE", akker::bulk::PASSPHRASE)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        (
            started.elapsed().as_secs_f64(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (first, said) = erase();
    let (again, _) = erase();
    println!("{transactions} transactions, {size_mb:.0} MB: erase {first:.2} s ({}), forced VACUUM {again:.2} s",
        if said.contains("VACUUM") { "with VACUUM" } else { "no VACUUM needed" });
}
