//! Shared helpers for the interchange tests (import, export, backup):
//! run the akker binary in a temporary directory and read its answers.
//! Each test file uses a part of it.
#![allow(dead_code)]

#[path = "../common/skip.rs"]
pub mod skip;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use serde_json::Value;

pub const PASSPHRASE: &str = "demo";

/// The passphrase of the ledgers `Dir::init` creates: `init` refuses one
/// as easy to guess as the demo's.
pub const NEW_PASSPHRASE: &str = "interchange test passphrase";

/// The demo's files are called demo.db; every other ledger here was
/// made by `Dir::init`.
fn passphrase_of(db: &Path) -> &'static str {
    let demo = db
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("demo"));
    if demo {
        PASSPHRASE
    } else {
        NEW_PASSPHRASE
    }
}

/// A temporary directory with the ledger file(s) of one test.
pub struct Dir {
    pub tmp: tempfile::TempDir,
}

impl Dir {
    pub fn new() -> Dir {
        Dir {
            tmp: tempfile::tempdir().expect("a temporary directory"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, bytes).expect("write a test file");
        path
    }

    /// A copy of the demo ledger (and its key) in this directory. The demo
    /// is built once per test program and copied, which is much quicker
    /// than building it for every test.
    pub fn demo(&self) -> PathBuf {
        let source = built_demo();
        let db = self.path("demo.db");
        std::fs::copy(source, &db).expect("copy the demo ledger");
        std::fs::copy(key_of(source), key_of(&db)).expect("copy the demo key");
        db
    }

    /// A new, empty ledger with the default settings.
    pub fn init(&self, name: &str) -> PathBuf {
        let db = self.path(name);
        ok(&akker(&db, &["init", "--community", "Nieuw"]));
        db
    }
}

fn key_of(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}.key", db.display()))
}

/// The demo ledger this test program copies from, built on first use in
/// the target's scratch directory (one per test program, so programs do
/// not share it). Its connection is closed, so the file is complete.
fn built_demo() -> &'static Path {
    static DEMO: OnceLock<PathBuf> = OnceLock::new();
    DEMO.get_or_init(|| {
        let program = std::env::current_exe()
            .ok()
            .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()));
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("demo-{}", program.unwrap_or_default()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a scratch directory");
        let db = dir.join("demo.db");
        ok(&akker(&db, &["demo"]));
        db
    })
}

pub fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_akker")
}

/// Runs `akker --db DB ARGS...` with the demo passphrase.
pub fn akker(db: &Path, args: &[&str]) -> Output {
    command(db, args).output().expect("akker runs")
}

pub fn command(db: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(binary());
    command
        .arg("--db")
        .arg(db)
        .args(args)
        .env("AKKER_PASSPHRASE", passphrase_of(db))
        .env_remove("AKKER_DB")
        .env_remove("AKKER_KEY");
    command
}

/// Panics with the command's output unless it succeeded.
pub fn ok(output: &Output) -> String {
    assert!(
        output.status.success(),
        "akker failed ({}):\nstdout: {}\nstderr: {}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Panics unless the command was refused (exit status 1); returns stderr.
pub fn refused(output: &Output) -> String {
    assert_eq!(
        output.status.code(),
        Some(1),
        "expected a refusal:\nstdout: {}\nstderr: {}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn json(db: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&ok(&akker(db, &all))).expect("akker prints JSON")
}

/// Every account's balance in hundredths, from `akker balance --json`.
pub fn balances(db: &Path) -> BTreeMap<String, i64> {
    let value = json(db, &["balance"]);
    value["accounts"]
        .as_array()
        .expect("accounts")
        .iter()
        .map(|a| {
            (
                a["account"].as_str().unwrap().to_string(),
                minor(a["balance"].as_str().unwrap()),
            )
        })
        .collect()
}

/// The number of transactions `akker verify` counted; panics unless the
/// ledger verifies.
pub fn verified_transactions(db: &Path) -> i64 {
    let report = json(db, &["verify"]);
    assert_eq!(
        report["problems"].as_array().map(Vec::len),
        Some(0),
        "{report}"
    );
    report["transactions"].as_i64().unwrap()
}

pub fn chain_head(db: &Path) -> String {
    json(db, &["verify"])["chain_head"]
        .as_str()
        .unwrap()
        .to_string()
}

/// `1.50`, `-0.05`, `12` or `12.50 HOURS` as hundredths, exactly (no floats).
pub fn minor(text: &str) -> i64 {
    let number = text.split_whitespace().next().unwrap_or("0");
    let (sign, digits) = match number.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, number),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let fraction = format!("{fraction:0<2}");
    assert!(fraction.len() == 2, "more than two decimals in {text}");
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole
            .parse()
            .unwrap_or_else(|_| panic!("not a number: {text}"))
    };
    sign * (whole * 100 + fraction.parse::<i64>().unwrap())
}

/// True when `program` runs; otherwise the check is skipped, or fails
/// under CI (see tests/common/skip.rs).
pub fn tool(program: &str, version_arg: &str) -> bool {
    skip::tool(
        program,
        version_arg,
        "see docs/performance.md for the install lines",
        &format!("the {program} check"),
    )
}

/// The accounts of a journal balance report, keyed by akker id (the last
/// part of the account name), zero balances left out.
pub fn by_id(balances: BTreeMap<String, i64>) -> BTreeMap<String, i64> {
    balances
        .into_iter()
        .filter(|(_, minor)| *minor != 0)
        .map(|(account, minor)| (account.rsplit(':').next().unwrap().to_string(), minor))
        .collect()
}

pub fn non_zero(balances: &BTreeMap<String, i64>) -> BTreeMap<String, i64> {
    balances
        .iter()
        .filter(|(_, m)| **m != 0)
        .map(|(a, m)| (a.clone(), *m))
        .collect()
}
