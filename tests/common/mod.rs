//! The one helper every end-to-end test goes through.
//!
//! A `Ledger` is a real SQLite file in its own temporary directory, driven
//! by the real `akker` binary the way a treasurer's script drives it:
//! `--db`, secrets in environment variables, `--json` to read results.
//! Nothing from the caller's environment leaks in (AKKER_* is cleared), so
//! a developer's own AKKER_DB can never be touched by a test run.
//!
//! Each test binary uses only part of this module.
#![allow(dead_code)]

pub mod skip;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use serde_json::Value;
use tempfile::TempDir;

/// The binary under test, built by Cargo for the integration tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_akker");

/// The treasurer's passphrase of every ledger a test creates.
pub const PASSPHRASE: &str = "test passphrase";

/// The passphrase `akker demo` seals its key with.
pub const DEMO_PASSPHRASE: &str = "demo";

/// Exit statuses, as docs and `--help` promise them.
pub const OK: i32 = 0;
pub const REFUSED: i32 = 1;
pub const USAGE: i32 = 2;

/// What one run of the binary did.
pub struct Run {
    pub args: Vec<String>,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from_output(args: Vec<String>, output: Output) -> Run {
        Run {
            args,
            // A process killed by a signal has no exit code; -1 never
            // matches an expected status.
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Asserts the exit status, showing the whole run when it differs.
    pub fn expect(self, code: i32) -> Run {
        assert_eq!(self.code, code, "unexpected exit status\n{self}");
        self
    }

    /// Asserts that stderr mentions every one of `needles` (exactly).
    pub fn says(self, needles: &[&str]) -> Run {
        for needle in needles {
            assert!(
                self.stderr.contains(needle),
                "the message does not mention {needle:?}\n{self}"
            );
        }
        self
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e})\n{self}"))
    }
}

impl fmt::Display for Run {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "$ akker {}", self.args.join(" "))?;
        writeln!(f, "exit status: {}", self.code)?;
        writeln!(f, "--- stdout\n{}", self.stdout)?;
        write!(f, "--- stderr\n{}", self.stderr)
    }
}

/// Everything a refused command must leave exactly as it was.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub transactions: Value,
    pub accounts: Value,
    pub entries: i64,
    pub chain_head: String,
}

pub struct Ledger {
    dir: TempDir,
    db: PathBuf,
    passphrase: String,
    now: Option<String>,
}

impl Ledger {
    /// A new, empty ledger with the default settings.
    pub fn new() -> Ledger {
        Ledger::with_init(&[])
    }

    /// A new ledger made at `now` (RFC 3339), whose later commands run at
    /// that time too: recording time never goes backwards, so a test that
    /// pins the clock makes its ledger at the pinned time, not today.
    pub fn new_at(now: &str) -> Ledger {
        let ledger = Ledger::without_file().at(now);
        ledger.ok(&["init"]);
        ledger
    }

    /// A new ledger, with extra arguments to `init` (such as `--limits`).
    pub fn with_init(args: &[&str]) -> Ledger {
        let ledger = Ledger::without_file();
        let mut init = vec!["init"];
        init.extend_from_slice(args);
        ledger.ok(&init);
        ledger
    }

    /// A temporary directory where the ledger file does not exist yet.
    pub fn without_file() -> Ledger {
        let dir = tempfile::Builder::new()
            .prefix("akker-test-")
            .tempdir()
            .expect("a temporary directory");
        let db = dir.path().join("ledger.db");
        Ledger {
            dir,
            db,
            passphrase: PASSPHRASE.to_string(),
            now: None,
        }
    }

    /// The demo community, built by `akker demo` in a new file.
    pub fn demo() -> Ledger {
        let mut ledger = Ledger::without_file();
        ledger.passphrase = DEMO_PASSPHRASE.to_string();
        ledger.ok(&["demo"]);
        ledger
    }

    /// A ledger over a copy of `db` (with its key file next to it), in a
    /// directory of its own, so a test may damage it freely.
    pub fn copy_of(db: &Path, passphrase: &str) -> Ledger {
        let mut ledger = Ledger::without_file();
        ledger.passphrase = passphrase.to_string();
        for suffix in ["", "-wal", ".key"] {
            let from = with_suffix(db, suffix);
            if from.exists() {
                std::fs::copy(&from, with_suffix(&ledger.db, suffix)).expect("copy the ledger");
            }
        }
        ledger
    }

    /// A copy of a ledger built once per test binary by `build`, so tests
    /// that share a starting point do not each pay for its writes (every
    /// write unlocks the treasurer's key with Argon2id, on purpose slow).
    pub fn from_template(name: &str, build: impl FnOnce(&Ledger)) -> Ledger {
        Ledger::template(name, || {
            let ledger = Ledger::new();
            build(&ledger);
            ledger
        })
    }

    /// A copy of the demo community, built once per test binary.
    pub fn demo_copy() -> Ledger {
        Ledger::template("demo", Ledger::demo)
    }

    /// Templates live in Cargo's target tmp directory, rebuilt each run.
    fn template(name: &str, make: impl FnOnce() -> Ledger) -> Ledger {
        static TEMPLATES: Mutex<BTreeMap<String, (PathBuf, String)>> = Mutex::new(BTreeMap::new());
        let mut templates = TEMPLATES.lock().unwrap_or_else(PoisonError::into_inner);
        let (db, passphrase) = match templates.get(name) {
            Some(found) => found.clone(),
            None => {
                let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
                    .join(format!("{}-{name}", env!("CARGO_CRATE_NAME")));
                let _ = std::fs::remove_dir_all(&dir);
                std::fs::create_dir_all(&dir).expect("a template directory");
                let built = make();
                let db = dir.join("ledger.db");
                for suffix in ["", "-wal", ".key"] {
                    let from = with_suffix(built.db(), suffix);
                    if from.exists() {
                        std::fs::copy(&from, with_suffix(&db, suffix)).expect("copy the template");
                    }
                }
                templates.insert(name.to_string(), (db.clone(), built.passphrase.clone()));
                (db, built.passphrase.clone())
            }
        };
        drop(templates);
        Ledger::copy_of(&db, &passphrase)
    }

    /// Pins the clock of every later command (AKKER_NOW, RFC 3339).
    pub fn at(mut self, now: &str) -> Ledger {
        self.now = Some(now.to_string());
        self
    }

    pub fn db(&self) -> &Path {
        &self.db
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn key_file(&self) -> PathBuf {
        with_suffix(&self.db, ".key")
    }

    /// The base command: the binary, this ledger, a clean environment and
    /// the treasurer's passphrase. Runs inside the temporary directory so
    /// files a command writes (card images) stay there.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(BIN);
        for var in [
            "AKKER_DB",
            "AKKER_KEY",
            "AKKER_PASSPHRASE",
            "AKKER_PIN",
            "AKKER_CARD",
            "AKKER_NOW",
        ] {
            cmd.env_remove(var);
        }
        cmd.current_dir(self.dir.path());
        cmd.arg("--db").arg(&self.db);
        cmd.args(args);
        cmd.env("AKKER_PASSPHRASE", &self.passphrase);
        if let Some(now) = &self.now {
            cmd.env("AKKER_NOW", now);
        }
        cmd.stdin(Stdio::null());
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_env(args, &[])
    }

    /// Runs with extra environment variables (AKKER_PIN, a wrong passphrase).
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut cmd = self.command(args);
        for (name, value) in env {
            cmd.env(name, value);
        }
        let output = cmd.output().expect("run the akker binary");
        Run::from_output(args.iter().map(|a| a.to_string()).collect(), output)
    }

    /// Starts the binary without waiting for it, for races and crashes.
    pub fn spawn(&self, args: &[&str]) -> Child {
        self.command(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the akker binary")
    }

    /// Runs a command that must succeed; returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        self.run(args).expect(OK).stdout
    }

    /// Runs a command with `--json` that must succeed; returns the JSON.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut with_json = vec!["--json"];
        with_json.extend_from_slice(args);
        self.run(&with_json).expect(OK).json()
    }

    /// Opens a person account.
    pub fn open(&self, id: &str, name: &str) {
        self.ok(&["account", "add", id, "--name", name]);
    }

    /// Opens an account with extra arguments (`--kind`, `--floor`, ...).
    pub fn open_with(&self, id: &str, name: &str, extra: &[&str]) {
        let mut args = vec!["account", "add", id, "--name", name];
        args.extend_from_slice(extra);
        self.ok(&args);
    }

    /// The arguments of a payment entered from a paper slip.
    pub fn pay_args<'a>(
        from: &'a str,
        payees: &[(&'a str, &'a str)],
        what: &'a str,
    ) -> Vec<&'a str> {
        let mut args = vec!["pay", from];
        for (to, amount) in payees {
            args.push(to);
            args.push(amount);
        }
        args.extend_from_slice(&["--work", "care", "--what", what, "--slip", "SLIP-1"]);
        args
    }

    /// A slip reference never used before in this test run, so two equal
    /// payments made at a pinned clock are still two different entries.
    pub fn new_slip() -> String {
        static NEXT: AtomicUsize = AtomicUsize::new(1);
        format!("SLIP-{}", NEXT.fetch_add(1, Ordering::Relaxed))
    }

    /// Records a payment from a paper slip; returns its entry number.
    pub fn pay(&self, from: &str, payees: &[(&str, &str)]) -> i64 {
        let slip = Ledger::new_slip();
        let mut args = vec!["--json"];
        args.extend(Ledger::pay_args(from, payees, "Hulp in de tuin"));
        *args.last_mut().expect("the slip reference") = &slip;
        seq_of(&self.run(&args).expect(OK).json())
    }

    /// Issues a card with `pin`; returns the card code.
    pub fn issue_card(&self, account: &str, pin: &str) -> String {
        let run = self
            .run_env(&["--json", "card", "issue", account], &[("AKKER_PIN", pin)])
            .expect(OK);
        run.json()["code"]
            .as_str()
            .expect("a card code")
            .to_string()
    }

    /// Issues a card for an initiative or partner, held by a person.
    pub fn issue_card_with_holder(&self, account: &str, holder: &str, pin: &str) -> String {
        let run = self
            .run_env(
                &["--json", "card", "issue", account, "--holder", holder],
                &[("AKKER_PIN", pin)],
            )
            .expect(OK);
        run.json()["code"]
            .as_str()
            .expect("a card code")
            .to_string()
    }

    /// Records a payment signed with a card and PIN.
    pub fn pay_with_card(&self, from: &str, payees: &[(&str, &str)], code: &str, pin: &str) -> Run {
        let mut args = vec!["--json", "pay", from];
        for (to, amount) in payees {
            args.push(to);
            args.push(amount);
        }
        args.extend_from_slice(&[
            "--work",
            "practical",
            "--what",
            "Fiets hersteld",
            "--card",
            code,
        ]);
        self.run_env(&args, &[("AKKER_PIN", pin)])
    }

    /// One account's balance as `akker balance` prints it ("-1.50").
    pub fn balance(&self, id: &str) -> String {
        let json = self.json(&["balance", id]);
        json["accounts"][0]["balance"]
            .as_str()
            .expect("a balance")
            .to_string()
    }

    pub fn tx(&self, seq: i64) -> Value {
        self.json(&["tx", "show", &seq.to_string()])
    }

    pub fn transactions(&self) -> Vec<Value> {
        self.json(&["tx", "list"])
            .as_array()
            .expect("a list of transactions")
            .clone()
    }

    /// `akker verify --json`, whatever its exit status.
    pub fn verify_report(&self) -> (Run, Value) {
        let run = self.run(&["--json", "verify"]);
        let report = run.json();
        (run, report)
    }

    /// Asserts that `verify` finds nothing wrong.
    pub fn assert_verifies(&self) {
        let (run, report) = self.verify_report();
        assert_eq!(
            run.code, OK,
            "verify found problems: {:#}\n{run}",
            report["problems"]
        );
        assert_eq!(
            report["problems"].as_array().map(Vec::len),
            Some(0),
            "{run}"
        );
    }

    pub fn snapshot(&self) -> Snapshot {
        let (run, report) = self.verify_report();
        assert_eq!(
            run.code, OK,
            "the ledger must verify before and after a refusal\n{run}"
        );
        Snapshot {
            transactions: self.json(&["tx", "list"]),
            accounts: self.json(&["account", "list"]),
            entries: report["entries"].as_i64().expect("an entry count"),
            chain_head: report["chain_head"]
                .as_str()
                .expect("a chain head")
                .to_string(),
        }
    }

    /// Runs a command that must be refused with `code`, with a message
    /// naming each of `needles`, and leave the ledger exactly as it was.
    pub fn refuses(&self, args: &[&str], code: i32, needles: &[&str]) -> Run {
        self.refuses_env(args, &[], code, needles)
    }

    pub fn refuses_env(
        &self,
        args: &[&str],
        env: &[(&str, &str)],
        code: i32,
        needles: &[&str],
    ) -> Run {
        let before = self.snapshot();
        let run = self.run_env(args, env).expect(code).says(needles);
        assert!(
            run.stdout.trim().is_empty(),
            "a refused command printed a result\n{run}"
        );
        assert!(
            run.stderr.lines().count() <= 8,
            "the error is not short\n{run}"
        );
        let after = self.snapshot();
        assert_eq!(
            before, after,
            "the refused command changed the ledger\n{run}"
        );
        run
    }

    /// A direct connection to the file, for tests that must look under
    /// the hood (counting rows, tampering).
    pub fn sqlite(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(&self.db).expect("open the ledger with SQLite")
    }
}

/// The entry number a write command reports with `--json`.
pub fn seq_of(json: &Value) -> i64 {
    json["seq"]
        .as_i64()
        .unwrap_or_else(|| panic!("no seq in {json}"))
}

pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Sums of the postings per account, straight from the transactions, to
/// compare with the balances akker reports.
pub fn posting_sums(transactions: &[Value]) -> std::collections::BTreeMap<String, i64> {
    let mut sums = std::collections::BTreeMap::new();
    for tx in transactions {
        for p in tx["postings"].as_array().expect("postings") {
            let account = p["account"].as_str().expect("an account").to_string();
            *sums.entry(account).or_insert(0) += minor(p["amount"].as_str().expect("an amount"));
        }
    }
    sums
}

/// "-1.50" -> -150. Amounts in JSON are always two-decimal text.
pub fn minor(text: &str) -> i64 {
    let negative = text.starts_with('-');
    let (units, cents) = text
        .trim_start_matches('-')
        .split_once('.')
        .unwrap_or_else(|| panic!("{text} is not a two-decimal amount"));
    assert_eq!(cents.len(), 2, "{text} is not a two-decimal amount");
    let value = units.parse::<i64>().expect("units") * 100 + cents.parse::<i64>().expect("cents");
    if negative {
        -value
    } else {
        value
    }
}
