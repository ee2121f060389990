//! Statements benchmark: `cargo bench --bench statements`.
//!
//! On a ledger of AKKER_BENCH_TX transactions (default 1,000,000) between
//! AKKER_BENCH_ACCOUNTS accounts (default 2,000), issues last month and
//! times building every account's statement and rendering them to PDF on
//! all cores, one file each plus the combined file, as `akker statements`
//! does. Reuses the ledger file the ledger benchmark left, if present.

use std::path::PathBuf;
use std::time::Instant;

use akker::ledger::Month;
use akker::signing::{keyfile, KeyHolder};
use akker::statement::{build, pdf};

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
    let key_path = PathBuf::from(format!("{}.key", db.display()));
    if !db.exists() || !key_path.exists() {
        println!("generating {transactions} transactions between {accounts} accounts (once) ...");
        let generated =
            akker::bulk::generate_ledger(&db, accounts, transactions, chrono::Utc::now())
                .expect("generate");
        std::fs::write(&key_path, &generated.key_file).expect("key file");
    }
    let mut store = akker::store::Store::open(&db).expect("open ledger");
    let key = keyfile::open(
        &std::fs::read_to_string(&key_path).expect("key"),
        akker::bulk::PASSPHRASE,
    )
    .expect("unlock");
    let tz = chrono_tz::Europe::Brussels;
    let now = chrono::Utc::now();
    let month = Month::of_date(now.with_timezone(&tz).date_naive()).previous();
    println!(
        "akker statements benchmark: {} ({} transactions), month {month}, {} threads",
        db.display(),
        store.transaction_count().unwrap(),
        rayon::current_num_threads()
    );

    let started = Instant::now();
    let issue = akker::ops::issue_statements(&mut store, &KeyHolder::treasurer(key), month, now)
        .expect("issue");
    let statements = build::build_statements(&store, month, &issue, None).expect("build");
    let built = started.elapsed().as_secs_f64();
    let lines: usize = statements.iter().map(|s| s.lines.len()).sum();

    let out = dir.join(format!("statements-{month}"));
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).expect("out dir");
    let rendering = Instant::now();
    let (singles, combined) = pdf::render_statement_batch(&statements).expect("render");
    let render_s = rendering.elapsed().as_secs_f64();
    for (s, bytes) in statements.iter().zip(&singles) {
        std::fs::write(out.join(format!("{}.pdf", s.account_id)), bytes).expect("write");
    }
    std::fs::write(out.join(format!("all-{month}.pdf")), &combined).expect("write");
    let total = started.elapsed().as_secs_f64();
    println!("statements: {} accounts, {lines} lines", statements.len());
    println!("build models (issue + read model):  {built:>7.2} s");
    println!(
        "render {} PDFs + the combined one ({:.1} MB): {render_s:>7.2} s",
        singles.len(),
        combined.len() as f64 / 1e6
    );
    println!("total, as `akker statements`:       {total:>7.2} s");
}
