//! Two programs writing to one ledger file at once (the treasurer's
//! laptop and the kiosk, say). Every command either records its payment
//! or says the ledger is busy; nothing is lost, nothing is recorded
//! twice, and no limit is broken by a race.

mod common;

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use common::{minor, posting_sums, seq_of, Ledger, Run, OK, REFUSED};

/// Payments each writer attempts. Each one unlocks the treasurer's key
/// (Argon2id), which bounds how many fit in a quick test.
const PAYMENTS_EACH: usize = 50;

/// What a run that did not record its payment may say: only "busy".
fn assert_busy(run: &Run) {
    assert_eq!(
        run.code, REFUSED,
        "a concurrent payment failed in an unexpected way\n{run}"
    );
    assert!(
        run.stderr.contains("busy") && run.stderr.contains("try again"),
        "a concurrent payment was refused for another reason than busy\n{run}"
    );
}

/// Runs `count` payments from `from` to `to` one after the other, as a
/// script would; returns the entry numbers recorded and how many were busy.
fn writer(
    ledger: &Ledger,
    name: &str,
    from: &str,
    to: &str,
    amount: &str,
    count: usize,
) -> (Vec<i64>, usize) {
    let mut recorded = Vec::new();
    let mut busy = 0;
    for i in 0..count {
        let what = format!("{name} payment {i}");
        let slip = format!("{name}-{i}");
        let run = ledger.run(&[
            "--json",
            "pay",
            from,
            to,
            amount,
            "--work",
            "practical",
            "--what",
            &what,
            "--slip",
            &slip,
        ]);
        if run.code == OK {
            recorded.push(seq_of(&run.json()));
        } else {
            assert_busy(&run);
            busy += 1;
        }
    }
    (recorded, busy)
}

#[test]
fn two_writers_at_once_lose_nothing_and_record_nothing_twice() {
    let ledger = Ledger::with_init(&["--limits", "person=-1000:1000"]);
    for (id, name) in [
        ("A", "Writer one"),
        ("B", "Writer two"),
        ("C", "Both pay me"),
    ] {
        ledger.open(id, name);
    }
    let done = AtomicBool::new(false);
    let ((seqs_a, busy_a), (seqs_b, busy_b)) = thread::scope(|s| {
        let one = s.spawn(|| writer(&ledger, "one", "A", "C", "1", PAYMENTS_EACH));
        let two = s.spawn(|| writer(&ledger, "two", "B", "C", "0.50", PAYMENTS_EACH));
        // A third program (a backup, say) takes the write lock now and
        // then, so the writers surely meet a locked file and must wait.
        s.spawn(|| {
            let conn = ledger.sqlite();
            while !done.load(Ordering::Relaxed) {
                conn.execute_batch("BEGIN IMMEDIATE")
                    .expect("take the write lock");
                thread::sleep(Duration::from_millis(150));
                conn.execute_batch("COMMIT")
                    .expect("release the write lock");
                thread::sleep(Duration::from_millis(250));
            }
        });
        let results = (one.join(), two.join());
        // Release the lock-taker before reporting a failed writer, or the
        // scope would wait for it forever.
        done.store(true, Ordering::Relaxed);
        (
            results.0.expect("writer one"),
            results.1.expect("writer two"),
        )
    });
    assert_eq!(seqs_a.len() + busy_a, PAYMENTS_EACH);
    assert_eq!(seqs_b.len() + busy_b, PAYMENTS_EACH);
    eprintln!(
        "recorded {} + {}, busy {busy_a} + {busy_b}",
        seqs_a.len(),
        seqs_b.len()
    );

    // Every success is in the journal exactly once, and nothing else is.
    let transactions = ledger.transactions();
    let listed: BTreeSet<i64> = transactions
        .iter()
        .map(|t| t["seq"].as_i64().expect("seq"))
        .collect();
    let reported: BTreeSet<i64> = seqs_a.iter().chain(&seqs_b).copied().collect();
    assert_eq!(
        reported.len(),
        seqs_a.len() + seqs_b.len(),
        "two payments reported the same entry number"
    );
    assert_eq!(
        listed, reported,
        "the recorded transactions are not the ones reported as recorded"
    );

    // Balances are exactly what the successes add up to.
    let a = seqs_a.len() as i64;
    let b = seqs_b.len() as i64;
    assert_eq!(minor(&ledger.balance("A")), -100 * a);
    assert_eq!(minor(&ledger.balance("B")), -50 * b);
    assert_eq!(minor(&ledger.balance("C")), 100 * a + 50 * b);
    let sums = posting_sums(&transactions);
    for id in ["A", "B", "C"] {
        assert_eq!(
            sums.get(id).copied().unwrap_or(0),
            minor(&ledger.balance(id)),
            "cached balance of {id}"
        );
    }
    assert_eq!(ledger.json(&["balance"])["total"], "0.00");
    ledger.assert_verifies();
}

#[test]
fn two_payers_racing_for_the_last_hour_only_one_gets_through() {
    let ledger = Ledger::new();
    for (id, name) in [("M1", "Ann"), ("M2", "Bob"), ("M3", "Cem"), ("M4", "Dora")] {
        ledger.open(id, name);
    }
    // Ann has one hour left above her floor of -20.
    ledger.pay("M1", &[("M4", "19")]);
    for round in 0..6 {
        assert_eq!(ledger.balance("M1"), "-19.00");
        let args = |to: &'static str| {
            let what = format!("race {round} to {to}");
            let slip = format!("R{round}-{to}");
            (what, slip, to)
        };
        let runs: Vec<Run> = thread::scope(|s| {
            let handles: Vec<_> = [args("M2"), args("M3")]
                .into_iter()
                .map(|(what, slip, to)| {
                    let ledger = &ledger;
                    s.spawn(move || {
                        ledger.run(&[
                            "pay", "M1", to, "1", "--work", "care", "--what", &what, "--slip",
                            &slip,
                        ])
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a racing payment"))
                .collect()
        });
        let recorded = runs.iter().filter(|r| r.code == OK).count();
        for run in runs.iter().filter(|r| r.code != OK) {
            assert_eq!(run.code, REFUSED, "{run}");
            let floor = run
                .stderr
                .contains("M1 would go to -21.00, below its floor of -20.00");
            assert!(
                floor || run.stderr.contains("busy"),
                "refused for another reason\n{run}"
            );
        }
        assert!(
            recorded <= 1,
            "both payments of the last hour went through in round {round}:\n{}\n{}",
            runs[0],
            runs[1]
        );
        if recorded == 1 {
            assert_eq!(ledger.balance("M1"), "-20.00");
            ledger.pay("M4", &[("M1", "1")]);
        }
    }
    ledger.assert_verifies();
}

#[test]
fn verify_while_another_program_writes_reports_no_false_problems() {
    // The treasurer runs `verify` while the kiosk records payments: verify
    // must see one consistent state of the file, never half of a write.
    let ledger = Ledger::demo_copy();
    let done = AtomicBool::new(false);
    let runs: Vec<Run> = thread::scope(|s| {
        s.spawn(|| {
            for i in 0..6 {
                let what = format!("kiosk payment {i}");
                ledger
                    .run(&[
                        "pay", "M001", "M002", "0.01", "--work", "care", "--what", &what, "--slip",
                        "K",
                    ])
                    .expect(OK);
            }
            done.store(true, Ordering::Relaxed);
        });
        let mut runs = Vec::new();
        while !done.load(Ordering::Relaxed) {
            runs.push(ledger.run(&["verify"]));
        }
        runs
    });
    eprintln!("{} verify runs during the writes", runs.len());
    for run in &runs {
        assert_eq!(
            run.code, OK,
            "verify reported problems that are not there\n{run}"
        );
    }
    ledger.assert_verifies();
}

#[test]
fn two_reversals_of_the_same_payment_at_once_record_only_one() {
    let ledger = Ledger::new();
    ledger.open("M1", "Ann");
    ledger.open("M2", "Bob");
    for round in 0..3 {
        let seq = ledger.pay("M1", &[("M2", "2")]).to_string();
        let reasons = [
            format!("typed twice, round {round}"),
            format!("wrong member, round {round}"),
        ];
        let runs: Vec<Run> = thread::scope(|s| {
            let handles: Vec<_> = reasons
                .iter()
                .map(|reason| {
                    let (ledger, seq) = (&ledger, &seq);
                    s.spawn(move || ledger.run(&["tx", "reverse", seq, "--reason", reason]))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a reversal"))
                .collect()
        });
        let recorded = runs.iter().filter(|r| r.code == OK).count();
        assert!(
            recorded <= 1,
            "round {round}: the payment was reversed twice:\n{}\n{}",
            runs[0],
            runs[1]
        );
        for run in runs.iter().filter(|r| r.code != OK) {
            assert_eq!(run.code, REFUSED, "{run}");
            let already = run
                .stderr
                .contains(&format!("#{seq} was already reversed by #"));
            assert!(
                already || run.stderr.contains("busy"),
                "refused for another reason\n{run}"
            );
        }
        assert_eq!(
            ledger.balance("M1"),
            if recorded == 1 { "0.00" } else { "-2.00" }
        );
    }
    ledger.assert_verifies();
}
