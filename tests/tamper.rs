//! Tamper evidence: someone with the file and SQLite changes the books.
//! For each kind of change, on a fresh copy of the demo ledger (several
//! hundred signed transactions), the append-only triggers are dropped,
//! one stored value is changed, and `akker verify` must exit 1 and name
//! the entry that was changed (and no earlier one). The triggers
//! themselves must refuse UPDATE and DELETE while they are in place.

mod common;

use common::{Ledger, OK, REFUSED};
use rusqlite::{params, Connection};

/// A fresh copy of the demo ledger, changed by `change` with the
/// append-only triggers out of the way. Returns the ledger and whatever
/// `change` says to look for.
fn tampered<T>(change: impl FnOnce(&Connection) -> T) -> (Ledger, T) {
    let ledger = Ledger::demo_copy();
    let conn = ledger.sqlite();
    let triggers: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("the trigger names");
    assert!(
        triggers.len() >= 16,
        "the append-only triggers are missing: {triggers:?}"
    );
    for name in triggers {
        conn.execute_batch(&format!("DROP TRIGGER {name}"))
            .expect("drop a trigger");
    }
    // A tamperer is not stopped by foreign keys either.
    conn.execute_batch("PRAGMA foreign_keys = OFF")
        .expect("foreign keys off");
    let target = change(&conn);
    drop(conn);
    (ledger, target)
}

struct Problem {
    seq: Option<i64>,
    check: String,
    message: String,
}

/// Runs `verify`, which must fail, and returns the problems it names.
fn problems(ledger: &Ledger) -> (Vec<Problem>, String) {
    let (run, report) = ledger.verify_report();
    assert_eq!(run.code, REFUSED, "verify did not notice the change\n{run}");
    assert!(run.stderr.contains("problem(s) found"), "{run}");
    let problems = report["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| Problem {
            seq: p["seq"].as_i64(),
            check: p["check"].as_str().expect("a check").to_string(),
            message: p["message"].as_str().expect("a message").to_string(),
        })
        .collect();
    let human = ledger.run(&["verify"]).expect(REFUSED).stdout;
    (problems, human)
}

fn describe(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  #{:?} [{}] {}\n", p.seq, p.check, p.message))
        .collect()
}

/// `verify` names entry `seq`, and nothing before it (later entries may
/// break too: a changed card key makes its later payments invalid).
fn assert_names_entry(ledger: &Ledger, seq: i64) {
    let (problems, human) = problems(ledger);
    assert!(
        problems.iter().any(|p| p.seq == Some(seq)),
        "verify does not name #{seq}:\n{}",
        describe(&problems)
    );
    let first = problems.iter().filter_map(|p| p.seq).min();
    assert_eq!(
        first,
        Some(seq),
        "verify blames an entry before #{seq}:\n{}",
        describe(&problems)
    );
    assert!(
        human.contains(&format!("PROBLEM #{seq} ")),
        "the report for people does not name #{seq}:\n{human}"
    );
}

/// The `nth` payment signed with a member's card that has two postings
/// and is neither reversed nor a reversal.
fn card_payment(conn: &Connection, nth: i64) -> i64 {
    pick(
        conn,
        "j.signer_role = 'member' AND (SELECT COUNT(*) FROM postings p WHERE p.seq = t.seq) = 2",
        nth,
    )
}

/// The `nth` payment entered from a slip with more than two postings.
fn multi_posting_payment(conn: &Connection, nth: i64) -> i64 {
    pick(
        conn,
        "t.slip IS NOT NULL AND (SELECT COUNT(*) FROM postings p WHERE p.seq = t.seq) > 2",
        nth,
    )
}

fn pick(conn: &Connection, condition: &str, nth: i64) -> i64 {
    let sql = format!(
        "SELECT t.seq FROM transactions t JOIN journal j ON j.seq = t.seq
         WHERE t.reverses_seq IS NULL AND NOT EXISTS (SELECT 1 FROM transactions r WHERE r.reverses_seq = t.seq)
         AND {condition} ORDER BY t.seq LIMIT 1 OFFSET ?1"
    );
    conn.query_row(&sql, [nth], |r| r.get(0))
        .unwrap_or_else(|e| panic!("the demo has no such transaction ({condition}): {e}"))
}

/// Flips one bit of a stored hash, key or signature.
fn flip_bit(conn: &Connection, table: &str, column: &str, seq: i64) {
    let mut bytes: Vec<u8> = conn
        .query_row(
            &format!("SELECT {column} FROM {table} WHERE seq = ?1"),
            [seq],
            |r| r.get(0),
        )
        .expect("the stored bytes");
    bytes[7] ^= 0x01;
    conn.execute(
        &format!("UPDATE {table} SET {column} = ?1 WHERE seq = ?2"),
        params![bytes, seq],
    )
    .expect("change the bytes");
}

fn exec(conn: &Connection, sql: &str, seq: i64) {
    let changed = conn
        .execute(sql, [seq])
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    assert!(changed > 0, "{sql} changed nothing for #{seq}");
}

// --- the content of a transaction ----------------------------------------

#[test]
fn changed_posting_amount_is_detected() {
    // Both postings changed, so the transaction still balances: only the
    // signature can tell.
    let (ledger, seq) = tampered(|conn| {
        let seq = card_payment(conn, 20);
        exec(conn, "UPDATE postings SET amount_minor = amount_minor - 50 WHERE seq = ?1 AND amount_minor < 0", seq);
        exec(conn, "UPDATE postings SET amount_minor = amount_minor + 50 WHERE seq = ?1 AND amount_minor > 0", seq);
        seq
    });
    assert_names_entry(&ledger, seq);
}

#[test]
fn unbalanced_posting_amount_is_detected() {
    let (ledger, seq) = tampered(|conn| {
        let seq = card_payment(conn, 21);
        exec(
            conn,
            "UPDATE postings SET amount_minor = amount_minor + 1 WHERE seq = ?1 AND idx = 1",
            seq,
        );
        seq
    });
    assert_names_entry(&ledger, seq);
}

#[test]
fn changed_posting_account_is_detected() {
    let (ledger, seq) = tampered(|conn| {
        let seq = card_payment(conn, 22);
        exec(
            conn,
            "UPDATE postings SET account_id = (SELECT id FROM accounts WHERE kind = 'person'
                AND id NOT IN (SELECT account_id FROM postings WHERE seq = ?1) ORDER BY id LIMIT 1)
             WHERE seq = ?1 AND idx = 1",
            seq,
        );
        seq
    });
    assert_names_entry(&ledger, seq);
}

#[test]
fn changed_date_is_detected() {
    let (ledger, seq) = tampered(|conn| {
        let seq = card_payment(conn, 23);
        exec(
            conn,
            "UPDATE transactions SET date = date(date, '-1 day') WHERE seq = ?1",
            seq,
        );
        seq
    });
    assert_names_entry(&ledger, seq);
}

#[test]
fn changed_description_is_detected() {
    let (ledger, seq) = tampered(|conn| {
        let seq = multi_posting_payment(conn, 3);
        exec(
            conn,
            "UPDATE transactions SET description = 'Iets helemaal anders' WHERE seq = ?1",
            seq,
        );
        seq
    });
    assert_names_entry(&ledger, seq);
}

#[test]
fn changed_work_kind_is_detected() {
    let (ledger, seq) = tampered(|conn| {
        let seq = card_payment(conn, 24);
        exec(conn, "UPDATE transactions SET work = CASE work WHEN 'care' THEN 'practical' ELSE 'care' END WHERE seq = ?1", seq);
        seq
    });
    assert_names_entry(&ledger, seq);
}

#[test]
fn deleted_posting_is_detected() {
    let (ledger, seq) = tampered(|conn| {
        let seq = multi_posting_payment(conn, 4);
        exec(conn, "DELETE FROM postings WHERE seq = ?1 AND idx = (SELECT MAX(idx) FROM postings WHERE seq = ?1)", seq);
        seq
    });
    assert_names_entry(&ledger, seq);
}

// --- the journal row: time, signer, signature, hashes ----------------------

#[test]
fn changed_recorded_at_is_detected() {
    let (ledger, seq) = tampered(|conn| {
        let seq = card_payment(conn, 25);
        let at: String = conn
            .query_row(
                "SELECT recorded_at FROM journal WHERE seq = ?1",
                [seq],
                |r| r.get(0),
            )
            .expect("a time");
        // One microsecond later: still a valid time, still the same day.
        let digit = at.as_bytes()[at.len() - 2];
        let changed = format!(
            "{}{}Z",
            &at[..at.len() - 2],
            if digit == b'9' {
                '8'
            } else {
                (digit + 1) as char
            }
        );
        conn.execute(
            "UPDATE journal SET recorded_at = ?1 WHERE seq = ?2",
            params![changed, seq],
        )
        .expect("change the time");
        seq
    });
    assert_names_entry(&ledger, seq);
}

#[test]
fn changed_signature_byte_is_detected() {
    let (ledger, seq) = tampered(|conn| {
        let seq = card_payment(conn, 26);
        flip_bit(conn, "journal", "signature", seq);
        seq
    });
    assert_names_entry(&ledger, seq);
}

#[test]
fn changed_chain_hash_is_detected() {
    let (ledger, seq) = tampered(|conn| {
        let seq = card_payment(conn, 27);
        flip_bit(conn, "journal", "chain_hash", seq);
        seq
    });
    assert_names_entry(&ledger, seq);
}

#[test]
fn changed_entry_hash_is_detected() {
    let (ledger, seq) = tampered(|conn| {
        let seq = card_payment(conn, 28);
        flip_bit(conn, "journal", "entry_hash", seq);
        seq
    });
    assert_names_entry(&ledger, seq);
}

#[test]
fn changed_signer_key_is_detected() {
    // A member's payment made to look as if the treasurer had signed it.
    let (ledger, seq) = tampered(|conn| {
        let seq = card_payment(conn, 29);
        exec(conn, "UPDATE journal SET signer_key = (SELECT treasurer_key FROM ledger_settings) WHERE seq = ?1", seq);
        seq
    });
    assert_names_entry(&ledger, seq);
}

// --- whole entries: removed, reordered -------------------------------------

#[test]
fn deleted_transaction_is_detected() {
    let (ledger, seq) = tampered(|conn| {
        let seq = card_payment(conn, 30);
        exec(conn, "DELETE FROM postings WHERE seq = ?1", seq);
        exec(conn, "DELETE FROM transactions WHERE seq = ?1", seq);
        exec(conn, "DELETE FROM journal WHERE seq = ?1", seq);
        seq
    });
    let (problems, human) = problems(&ledger);
    let missing = format!("#{seq}");
    let named = problems.iter().any(|p| {
        p.check == "sequence" && p.message.contains(&missing) && p.message.contains("missing")
    });
    assert!(
        named,
        "verify does not say #{seq} is missing:\n{}",
        describe(&problems)
    );
    assert_eq!(
        problems.iter().filter_map(|p| p.seq).min(),
        Some(seq + 1),
        "{}",
        describe(&problems)
    );
    assert!(human.contains(&missing), "{human}");
}

#[test]
fn reordered_transactions_are_detected() {
    let (ledger, first) = tampered(|conn| {
        let a = card_payment(conn, 31);
        let b = card_payment(conn, 32);
        // Swap the two entries whole: journal row, details and postings.
        let parked = 1_000_000;
        for table in ["journal", "transactions", "postings"] {
            for (from, to) in [(a, parked), (b, a), (parked, b)] {
                conn.execute(
                    &format!("UPDATE {table} SET seq = ?1 WHERE seq = ?2"),
                    [to, from],
                )
                .expect("move an entry");
            }
        }
        a
    });
    assert_names_entry(&ledger, first);
}

// --- cards, accounts, the read model --------------------------------------

#[test]
fn changed_card_public_key_is_detected() {
    let (ledger, seq) = tampered(|conn| {
        let seq: i64 = conn
            .query_row(
                "SELECT MIN(seq) FROM card_events WHERE account_id = 'M001'",
                [],
                |r| r.get(0),
            )
            .expect("M001's card");
        exec(conn, "UPDATE card_events SET public_key = (SELECT treasurer_key FROM ledger_settings) WHERE seq = ?1", seq);
        seq
    });
    assert_names_entry(&ledger, seq);
}

#[test]
fn changed_limits_in_account_events_are_detected() {
    let (ledger, seq) = tampered(|conn| {
        let seq: i64 = conn
            .query_row(
                "SELECT seq FROM account_events WHERE account_id = 'M002' AND kind IS NOT NULL",
                [],
                |r| r.get(0),
            )
            .expect("M002's opening");
        exec(
            conn,
            "UPDATE account_events SET floor_minor = -500000 WHERE seq = ?1",
            seq,
        );
        seq
    });
    assert_names_entry(&ledger, seq);
}

#[test]
fn changed_cached_balance_is_detected() {
    let (ledger, ()) = tampered(|conn| {
        exec(
            conn,
            "UPDATE accounts SET balance_minor = balance_minor + 500 WHERE id = 'M003' AND ?1 = 1",
            1,
        );
    });
    let (problems, human) = problems(&ledger);
    let named = problems
        .iter()
        .any(|p| p.check == "cached-balance" && p.message.contains("M003"));
    assert!(
        named,
        "verify does not name M003's cached balance:\n{}",
        describe(&problems)
    );
    assert!(
        problems.iter().all(|p| p.seq.is_none()),
        "no entry was changed:\n{}",
        describe(&problems)
    );
    assert!(human.contains("M003"), "{human}");
}

// --- the triggers themselves ----------------------------------------------

fn refused_by_trigger(conn: &Connection, sql: &str, why: &str) {
    let err = conn
        .execute(sql, [])
        .expect_err(&format!("the database accepted: {sql}"));
    assert!(
        err.to_string().contains(why),
        "{sql} refused for another reason: {err}"
    );
}

#[test]
fn append_only_triggers_refuse_update_and_delete() {
    let ledger = Ledger::demo_copy();
    let conn = ledger.sqlite();
    let seq = card_payment(&conn, 10);
    let card_seq: i64 = conn
        .query_row("SELECT MIN(seq) FROM card_events", [], |r| r.get(0))
        .expect("a card");
    let refused = |sql: &str, why: &str| refused_by_trigger(&conn, sql, why);
    let s = seq.to_string();
    refused(
        &format!("UPDATE journal SET recorded_at = recorded_at WHERE seq = {s}"),
        "append-only",
    );
    refused(
        &format!("DELETE FROM journal WHERE seq = {s}"),
        "append-only",
    );
    refused(
        &format!("UPDATE transactions SET description = 'x' WHERE seq = {s}"),
        "append-only",
    );
    refused(
        &format!("DELETE FROM transactions WHERE seq = {s}"),
        "append-only",
    );
    refused(
        &format!("UPDATE postings SET amount_minor = 1 WHERE seq = {s}"),
        "append-only",
    );
    refused(
        &format!("DELETE FROM postings WHERE seq = {s}"),
        "append-only",
    );
    refused(
        "UPDATE ledger_settings SET community_name = 'x'",
        "append-only",
    );
    refused("DELETE FROM ledger_settings", "append-only");
    refused("UPDATE account_events SET floor_minor = -1", "append-only");
    refused("DELETE FROM account_events", "append-only");
    refused(
        &format!("UPDATE card_events SET reason = 'x' WHERE seq = {card_seq}"),
        "append-only",
    );
    refused(
        &format!("DELETE FROM card_events WHERE seq = {card_seq}"),
        "append-only",
    );
    refused("UPDATE ledger SET created_at = created_at", "never changes");
    refused("DELETE FROM ledger", "never changes");
    refused(
        "UPDATE accounts SET kind = 'system' WHERE id = 'M001'",
        "never change",
    );
    refused(
        "UPDATE accounts SET id = 'M999' WHERE id = 'M001'",
        "never change",
    );
    refused("DELETE FROM accounts WHERE id = 'M001'", "never deleted");
    drop(conn);
    // Nothing was changed by the refused statements.
    ledger.assert_verifies();

    // The demo issues no statements; add a row to check that table too.
    let conn = ledger.sqlite();
    let refused = |sql: &str, why: &str| refused_by_trigger(&conn, sql, why);
    conn.execute("INSERT INTO statement_issues (seq, period, head_seq, head_hash) VALUES (?1, '2026-01', 1, zeroblob(32))", [seq])
        .expect("append a row");
    refused(
        "UPDATE statement_issues SET period = '2026-02'",
        "append-only",
    );
    refused("DELETE FROM statement_issues", "append-only");
}

#[test]
fn an_untouched_copy_verifies() {
    // The control for every test above: the copy itself is sound.
    let ledger = Ledger::demo_copy();
    let (run, report) = ledger.verify_report();
    assert_eq!(run.code, OK, "{run}");
    assert!(
        report["transactions"].as_i64().expect("a count") >= 300,
        "the demo is too small to hide a change in: {report}"
    );
}
