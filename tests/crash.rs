//! Crashes: akker processes killed with SIGKILL at random moments while
//! they record payments (a power button, the kiosk's browser crashing the
//! machine, an impatient Ctrl-\). Afterwards the ledger verifies and every
//! transaction is either wholly recorded or absent: never a transaction
//! without its postings, never a card revoked without its replacement.

mod common;

use std::path::Path;
use std::process::Child;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use common::{seq_of, Ledger, Run};

const ROUNDS: usize = 8;
/// Processes started together in each round, racing each other too.
const PROCESSES_PER_ROUND: usize = 3;
const PAYEES: [&str; 3] = ["M2", "M3", "M4"];

/// A small random number generator (xorshift), seeded from the clock and
/// printed, so a failing run can be told apart from a passing one.
struct Random(u64);

impl Random {
    fn from_clock() -> Random {
        let seed = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .expect("a clock after 1970")
            .as_nanos() as u64
            | 1;
        eprintln!("crash test seed: {seed}");
        Random(seed)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Kills `child` with SIGKILL unless it has finished; returns its run if
/// it finished on its own.
fn kill(mut child: Child, args: Vec<String>) -> Option<Run> {
    let finished = child.try_wait().expect("ask about the child").is_some();
    if !finished {
        // Child::kill sends SIGKILL on Unix: no destructor, no rollback.
        let _ = child.kill();
    }
    let output = child.wait_with_output().expect("reap the child");
    let run = Run {
        args,
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into(),
        stderr: String::from_utf8_lossy(&output.stderr).into(),
    };
    finished.then_some(run)
}

/// The size and modification time of the ledger's write-ahead log.
fn wal_state(db: &Path) -> Option<(u64, SystemTime)> {
    let meta = std::fs::metadata(common::with_suffix(db, "-wal")).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

/// Spins until the write-ahead log changes (a writer is committing), or
/// until `limit` has passed.
fn wait_for_write(db: &Path, before: Option<(u64, SystemTime)>, limit: Duration) {
    let started = Instant::now();
    while started.elapsed() < limit {
        match wal_state(db) {
            Some((len, modified)) if len > 0 && Some((len, modified)) != before => return,
            _ => std::thread::sleep(Duration::from_micros(100)),
        }
    }
}

/// Counts rows straight from the file: what a crash could leave half done.
struct Rows {
    journal: i64,
    transactions: i64,
    postings: i64,
    transactions_without_all_postings: i64,
    orphan_postings: i64,
    journal_without_details: i64,
}

fn rows(ledger: &Ledger) -> Rows {
    let conn = ledger.sqlite();
    let count = |sql: &str| -> i64 {
        conn.query_row(sql, [], |r| r.get(0))
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    };
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity check");
    assert_eq!(integrity, "ok", "SQLite finds the file damaged");
    Rows {
        journal: count("SELECT COUNT(*) FROM journal"),
        transactions: count("SELECT COUNT(*) FROM transactions"),
        postings: count("SELECT COUNT(*) FROM postings"),
        transactions_without_all_postings: count(&format!(
            "SELECT COUNT(*) FROM transactions t WHERE (SELECT COUNT(*) FROM postings p WHERE p.seq = t.seq) <> {}",
            PAYEES.len() + 1
        )),
        orphan_postings: count("SELECT COUNT(*) FROM postings p WHERE NOT EXISTS (SELECT 1 FROM transactions t WHERE t.seq = p.seq)"),
        journal_without_details: count(
            "SELECT COUNT(*) FROM journal j WHERE j.entry_type = 'transaction' AND NOT EXISTS (SELECT 1 FROM transactions t WHERE t.seq = j.seq)",
        ),
    }
}

/// Starts the payments of one round, all at once.
fn start_payments(ledger: &Ledger, round: usize) -> Vec<(Child, Vec<String>)> {
    (0..PROCESSES_PER_ROUND)
        .map(|i| {
            let what = format!("crash round {round} process {i}");
            let slip = format!("C{round}-{i}");
            let mut args = vec!["--json", "pay", "M1"];
            for payee in PAYEES {
                args.extend([payee, "0.01"]);
            }
            args.extend(["--work", "care", "--what", &what, "--slip", &slip]);
            (
                ledger.spawn(&args),
                args.iter().map(|a| a.to_string()).collect(),
            )
        })
        .collect()
}

/// Checks what a crash could have left half done, from the file itself
/// and through `verify`.
fn assert_whole(ledger: &Ledger, round: usize) {
    let rows = rows(ledger);
    assert_eq!(
        rows.transactions_without_all_postings, 0,
        "round {round}: a transaction lost postings"
    );
    assert_eq!(
        rows.orphan_postings, 0,
        "round {round}: postings without their transaction"
    );
    assert_eq!(
        rows.journal_without_details, 0,
        "round {round}: a journal entry without its transaction"
    );
    assert_eq!(rows.postings, (PAYEES.len() as i64 + 1) * rows.transactions);
    // Entries: settings, four accounts, and the transactions.
    assert_eq!(
        rows.journal,
        5 + rows.transactions,
        "round {round}: journal rows that are not whole entries"
    );
    ledger.assert_verifies();
}

#[test]
fn payments_killed_mid_write_are_wholly_recorded_or_absent() {
    let ledger = Ledger::with_init(&["--limits", "person=-1000:1000"]);
    for (id, name) in [("M1", "Ann"), ("M2", "Bob"), ("M3", "Cem"), ("M4", "Dora")] {
        ledger.open(id, name);
    }
    let mut random = Random::from_clock();
    let mut confirmed = Vec::new();

    // A first round runs to the end, to learn how long a round of
    // payments takes on this machine: the kills are spread over that span
    // (key unlocking first, then the write, then exit), and a bit beyond.
    let started = Instant::now();
    for (child, args) in start_payments(&ledger, 0) {
        let output = child.wait_with_output().expect("a payment");
        let run = Run {
            args,
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into(),
            stderr: String::from_utf8_lossy(&output.stderr).into(),
        };
        assert_eq!(run.code, 0, "{run}");
        confirmed.push(seq_of(&run.json()));
    }
    let span_ms = started.elapsed().as_millis() as u64;
    assert_whole(&ledger, 0);

    let mut killed = 0;
    for round in 1..=ROUNDS {
        let wal_before = wal_state(ledger.db());
        let children = start_payments(&ledger, round);
        if round % 2 == 0 {
            // Wait for the first write to reach the write-ahead log, then
            // kill at once or a moment later: mid-write, mid-commit.
            wait_for_write(ledger.db(), wal_before, Duration::from_millis(3 * span_ms));
            std::thread::sleep(Duration::from_micros(random.below(20_000)));
        } else {
            std::thread::sleep(Duration::from_millis(span_ms / 3 + random.below(span_ms)));
        }
        for (child, args) in children {
            match kill(child, args) {
                Some(run) => {
                    assert_eq!(run.code, 0, "a payment that was not killed failed\n{run}");
                    confirmed.push(seq_of(&run.json()));
                }
                None => killed += 1,
            }
        }
        assert_whole(&ledger, round);
    }

    // Every payment akker confirmed is there; the balances match the count.
    let transactions = ledger.transactions();
    let listed: Vec<i64> = transactions
        .iter()
        .map(|t| t["seq"].as_i64().expect("seq"))
        .collect();
    for seq in &confirmed {
        assert!(
            listed.contains(seq),
            "confirmed payment #{seq} is missing after a crash"
        );
    }
    let n = transactions.len() as i64;
    eprintln!(
        "{n} payments recorded, {} confirmed, {killed} processes killed, {} of them after their commit (round span {span_ms} ms)",
        confirmed.len(),
        n - confirmed.len() as i64
    );
    assert!(
        killed > 0,
        "no process was killed: the test did not test crashes"
    );
    assert_eq!(common::minor(&ledger.balance("M1")), -3 * n);
    for payee in PAYEES {
        assert_eq!(common::minor(&ledger.balance(payee)), n);
    }
}

#[test]
fn a_card_reissue_killed_mid_write_never_leaves_a_member_without_a_card() {
    let ledger = Ledger::new();
    ledger.open("M1", "Ann");
    ledger.issue_card("M1", "1234");
    let mut random = Random::from_clock();
    let mut reissued = 0;
    for round in 0..6 {
        let args = vec!["--json", "card", "issue", "M1"];
        let mut cmd = ledger.command(&args);
        cmd.env("AKKER_PIN", "1234")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let wal_before = wal_state(ledger.db());
        let child = cmd.spawn().expect("start akker");
        // Two Argon2id derivations (treasurer, card), then one write of
        // two entries: kill when it starts writing, or at a random moment.
        if round % 2 == 0 {
            wait_for_write(ledger.db(), wal_before, Duration::from_secs(3));
            std::thread::sleep(Duration::from_micros(random.below(20_000)));
        } else {
            std::thread::sleep(Duration::from_millis(100 + random.below(600)));
        }
        if let Some(run) = kill(child, args.iter().map(|a| a.to_string()).collect()) {
            assert_eq!(
                run.code, 0,
                "round {round}: a card issue that was not killed failed\n{run}"
            );
        }
        // A revocation is always followed by the card that replaces it.
        let conn = ledger.sqlite();
        let events: Vec<(i64, String, u32)> = conn
            .prepare("SELECT c.seq, j.entry_type, c.card_number FROM card_events c JOIN journal j ON j.seq = c.seq ORDER BY c.seq")
            .and_then(|mut stmt| stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<Result<Vec<_>, _>>())
            .expect("card events");
        let last = events.last().expect("at least the first card");
        assert_eq!(
            last.1, "card-issued",
            "round {round}: the member's last card event is a revocation: {events:?}"
        );
        for pair in events.windows(2) {
            if pair[0].1 == "card-revoked" {
                assert_eq!(
                    (pair[1].0, pair[1].1.as_str(), pair[1].2),
                    (pair[0].0 + 1, "card-issued", pair[0].2 + 1),
                    "{events:?}"
                );
            }
        }
        let account = ledger.json(&["account", "show", "M1"]);
        assert_eq!(
            account["card"]["active"], true,
            "round {round}: M1 has no active card"
        );
        reissued = account["card"]["card_number"]
            .as_i64()
            .expect("a card number")
            - 1;
        ledger.assert_verifies();
    }
    eprintln!("the card was replaced {reissued} times in 6 attempts");
}
