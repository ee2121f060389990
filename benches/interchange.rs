//! Data in and out, measured: `cargo bench --bench interchange`.
//!
//! 1. Importing AKKER_BENCH_IMPORT_TX exchanges (default 100,000) from a
//!    CSV file into a new ledger of AKKER_BENCH_ACCOUNTS accounts (default
//!    2,000), with the real binary: check every line, sign, record.
//! 2. On a ledger of AKKER_BENCH_TX transactions (default 1,000,000,
//!    made by `akker::bulk::generate_ledger`): the exports, a backup, and
//!    akker's balance report beside `hledger bal` and `ledger bal` on its
//!    own hledger export, in the same run. AKKER_BENCH_BEANCOUNT=1 adds
//!    `bean-check` on the beancount export (slow: pure Python).
//!
//! Figures go to docs/performance.md, section "Data in and out".

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

mod common;
use common::{akker, best_of_3, env_usize, timed};

fn main() {
    let import_tx = env_usize("AKKER_BENCH_IMPORT_TX", 100_000);
    let ledger_tx = env_usize("AKKER_BENCH_TX", 1_000_000);
    let accounts = env_usize("AKKER_BENCH_ACCOUNTS", 2_000);
    // Every run starts from an empty directory.
    let dir = common::bench_dir("akker-bench-interchange");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("bench directory");
    println!(
        "akker interchange benchmark ({} threads), files in {}",
        rayon::current_num_threads(),
        dir.display()
    );
    let mut table = Table::default();
    let load_before = load_average();
    import_bench(&dir, import_tx, accounts, &mut table);
    big_ledger_bench(&dir, ledger_tx, accounts, &mut table);
    println!("\n{}", table.render());
    // Other programs on the machine slow every figure down; say how busy it was.
    println!(
        "load average before: {load_before}; after: {}",
        load_average()
    );
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn import_bench(dir: &Path, transactions: usize, accounts: usize, table: &mut Table) {
    let db = dir.join("import.db");
    akker(&db, &["init", "--community", "Import bench"]);
    let accounts_csv = dir.join("accounts.csv");
    std::fs::write(&accounts_csv, accounts_file(accounts)).expect("write accounts.csv");
    let seconds = akker(&db, &["import", "accounts", accounts_csv.to_str().unwrap()]);
    table.row(
        format!("akker import accounts ({accounts} lines)"),
        seconds,
        "",
    );
    let exchanges_csv = dir.join("exchanges.csv");
    std::fs::write(&exchanges_csv, exchanges_file(accounts, transactions))
        .expect("write exchanges.csv");
    let path = exchanges_csv.to_str().unwrap();
    let dry = akker(&db, &["import", "exchanges", path, "--dry-run", "--json"]);
    table.row(
        format!("akker import exchanges --dry-run ({transactions} lines)"),
        dry,
        "check only",
    );
    let seconds = akker(&db, &["import", "exchanges", path]);
    let rate = transactions as f64 / seconds;
    table.row(
        format!("akker import exchanges ({transactions} lines)"),
        seconds,
        &format!("{rate:.0} tx/s; target < 10 s"),
    );
    let seconds = akker(&db, &["verify"]);
    table.row(
        "akker verify (the imported ledger)".to_string(),
        seconds,
        "",
    );
}

fn accounts_file(accounts: usize) -> String {
    let mut text = String::from("id,name,kind,language\n");
    for i in 0..accounts {
        let _ = writeln!(text, "M{:05},Member {},person,nl", i + 1, i + 1);
    }
    text
}

/// Random exchanges that keep every account within the default person
/// limits (-20 to 40), over the year before today.
fn exchanges_file(accounts: usize, transactions: usize) -> String {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let mut balances = vec![0i64; accounts];
    let works = ["care", "community", "self-development", "practical"];
    let skills = ["childcare", "cooking", "bike-repair", "language", ""];
    let today = chrono::Utc::now().date_naive();
    let mut text = String::from("date,from,to,amount,work,skill,description\n");
    for n in 0..transactions {
        let amount = 25 * rng.gen_range(1..=12);
        let (payer, payee) = loop {
            let (payer, payee) = (rng.gen_range(0..accounts), rng.gen_range(0..accounts));
            if payer != payee
                && balances[payer] - amount >= -2000
                && balances[payee] + amount <= 4000
            {
                break (payer, payee);
            }
        };
        balances[payer] -= amount;
        balances[payee] += amount;
        let date = today - chrono::Duration::days(365 - (n * 365 / transactions) as i64);
        let _ = writeln!(
            text,
            "{date},M{:05},M{:05},{}.{:02},{},{},Exchange {n}",
            payer + 1,
            payee + 1,
            amount / 100,
            amount % 100,
            works[n % 4],
            skills[n % 5]
        );
    }
    text
}

fn big_ledger_bench(dir: &Path, transactions: usize, accounts: usize, table: &mut Table) {
    let db = dir.join("big.db");
    let started = Instant::now();
    let generated = akker::bulk::generate_ledger(&db, accounts, transactions, chrono::Utc::now())
        .expect("generate the ledger");
    std::fs::write(format!("{}.key", db.display()), &generated.key_file).expect("key file");
    drop(generated);
    table.row(
        format!("(generate a {transactions}-transaction ledger)"),
        started.elapsed().as_secs_f64(),
        "akker::bulk, not timed below",
    );

    let files: HashMap<&str, PathBuf> = [
        ("hledger", "big.journal"),
        ("beancount", "big.beancount"),
        ("json", "big.json"),
    ]
    .into_iter()
    .map(|(f, n)| (f, dir.join(n)))
    .collect();
    for (format, file) in [
        ("hledger", &files["hledger"]),
        ("beancount", &files["beancount"]),
        ("json", &files["json"]),
    ] {
        let seconds = akker(&db, &["export", format, "--out", file.to_str().unwrap()]);
        let size = std::fs::metadata(file)
            .map(|m| m.len() as f64 / 1e6)
            .unwrap_or(0.0);
        table.row(
            format!("akker export {format}"),
            seconds,
            &format!("{size:.0} MB"),
        );
    }
    let csv_dir = dir.join("csv");
    table.row(
        "akker export csv".to_string(),
        akker(&db, &["export", "csv", "--out", csv_dir.to_str().unwrap()]),
        "",
    );
    let copy = dir.join("backup.db");
    table.row(
        "akker backup (copy + verify)".to_string(),
        akker(&db, &["backup", copy.to_str().unwrap()]),
        "",
    );

    let journal = files["hledger"].to_str().unwrap();
    table.row(
        "akker balance --json".to_string(),
        best_of_3(&db, &["balance", "--json"]),
        "best of 3; cached balances",
    );
    table.row(
        "akker balance".to_string(),
        best_of_3(&db, &["balance"]),
        "best of 3",
    );
    peer(
        table,
        "hledger",
        &["-f", journal, "bal"],
        "on akker's export, assertions checked",
    );
    peer(
        table,
        "ledger",
        &["-f", journal, "bal"],
        "on akker's export, assertions checked",
    );
    if std::env::var("AKKER_BENCH_BEANCOUNT").is_ok_and(|v| v == "1") {
        peer(
            table,
            "bean-check",
            &[files["beancount"].to_str().unwrap()],
            "on akker's export",
        );
    }
}

/// Times a peer tool once, or notes that it is missing.
fn peer(table: &mut Table, program: &str, args: &[&str], note: &str) {
    let installed = Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !installed {
        table.row(
            format!("{program} {}", args.join(" ")),
            f64::NAN,
            "not installed",
        );
        return;
    }
    let args_text: Vec<&str> = args
        .iter()
        .map(|a| {
            Path::new(a)
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or(a)
        })
        .collect();
    table.row(
        format!("{program} {}", args_text.join(" ")),
        timed(program, args, None),
        note,
    );
}

#[derive(Default)]
struct Table {
    rows: Vec<(String, f64, String)>,
}

impl Table {
    fn row(&mut self, what: String, seconds: f64, note: &str) {
        println!("{what:<55} {seconds:>9.3} s  {note}");
        self.rows.push((what, seconds, note.to_string()));
    }

    fn render(&self) -> String {
        let mut out = String::from("| what | seconds | note |\n|---|---:|---|\n");
        for (what, seconds, note) in &self.rows {
            let seconds = if seconds.is_nan() {
                "-".to_string()
            } else {
                format!("{seconds:.3}")
            };
            let _ = writeln!(out, "| `{what}` | {seconds} | {note} |");
        }
        out
    }
}
