//! Statements benchmark: `cargo bench --bench statements`.
//!
//! On a ledger of AKKER_BENCH_TX transactions (default 1,000,000) between
//! AKKER_BENCH_ACCOUNTS accounts (default 2,000), issues last month and
//! times each step of the PDF batch through the library (build the models,
//! lay out and paint one file per account on all cores, join them into the
//! combined file to print), then the whole `akker statements` command with
//! the real binary, files written. Reuses the ledger file the ledger
//! benchmark left, if present.

use std::path::PathBuf;
use std::time::Instant;

use akker::ledger::Month;
use akker::signing::{keyfile, KeyHolder};
use akker::statement::{build, pdf};

mod common;
use common::env_usize;

fn main() {
    let transactions = env_usize("AKKER_BENCH_TX", 1_000_000);
    let accounts = env_usize("AKKER_BENCH_ACCOUNTS", 2_000);
    let dir = common::bench_dir("akker-bench");
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

    let rendering = Instant::now();
    let singles = pdf::render_statement_pdfs(&statements, || ()).expect("render");
    let render_s = rendering.elapsed().as_secs_f64();
    let joining = Instant::now();
    let combined = pdf::combine_statement_pdfs(&statements, &singles).expect("combine");
    let join_s = joining.elapsed().as_secs_f64();
    let pages = lopdf::Document::load_mem(&combined)
        .expect("the combined file reads back")
        .get_pages()
        .len();
    let single_mb = singles.iter().map(Vec::len).sum::<usize>() as f64 / 1e6;
    println!("statements: {} accounts, {lines} lines", statements.len());
    println!("build models (issue + read model):      {built:>7.2} s");
    println!(
        "lay out and paint {} PDFs ({single_mb:.1} MB):  {render_s:>7.2} s",
        singles.len()
    );
    println!(
        "join them into one ({:.1} MB, {pages} pages): {join_s:>7.2} s",
        combined.len() as f64 / 1e6
    );
    drop((singles, combined, statements));

    let out = dir.join(format!("statements-{month}"));
    let _ = std::fs::remove_dir_all(&out);
    let best = common::best_of_3(
        &db,
        &[
            "--key",
            key_path.to_str().expect("a UTF-8 path"),
            "statements",
            "--month",
            &month.to_string(),
            "--out",
            out.to_str().expect("a UTF-8 path"),
        ],
    );
    println!("`akker statements` (binary, files written, best of 3): {best:>7.2} s");
}
