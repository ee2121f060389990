//! Requests on the real binary (issue 12): the one who helped asks
//! (`akker request add`), the one who was helped confirms with their own
//! card and PIN, or declines with a reason; the helper may withdraw; a
//! request expires by the signed setting. Nothing moves until the
//! confirmation, nothing is confirmed twice, by the wrong member, after
//! expiry or past a limit, and every refusal leaves the file as it was.
//! `verify` catches a confirmation that differs from its request and a
//! second confirmation, even re-signed with the treasurer's key.

mod common;

use akker::ledger::{Confirmation, Entry, EntryBody};
use akker::signing::{canonical, chain, keyfile, KeyHolder};
use akker::store::Store;
use common::*;
use rusqlite::params;
use serde_json::Value;

const START: &str = "2026-03-02T09:00:00Z";

/// M001 and M002 with cards (PINs 1111 and 2222), and INIT-A, an
/// initiative whose card M003 holds (PIN 3333). Built once.
struct World {
    ledger: Ledger,
    m1: String,
    m2: String,
    init: String,
}

fn world() -> World {
    let ledger = Ledger::new_at(START);
    ledger.open("M001", "Amina");
    ledger.open("M002", "Bart");
    ledger.open("M003", "Chloé");
    ledger.open_with("INIT-A", "Buurtkeuken", &["--kind", "initiative"]);
    let m1 = ledger.issue_card("M001", "1111");
    let m2 = ledger.issue_card("M002", "2222");
    let init = ledger.issue_card_with_holder("INIT-A", "M003", "3333");
    World {
        ledger,
        m1,
        m2,
        init,
    }
}

/// `request add` with extra arguments; returns the run.
fn add(ledger: &Ledger, from: &str, to: &str, hours: &str, signing: &[&str], pin: &str) -> Run {
    let mut args = vec![
        "--json",
        "request",
        "add",
        from,
        to,
        hours,
        "--work",
        "care",
        "--what",
        "Boodschappen",
    ];
    args.extend_from_slice(signing);
    ledger.run_env(&args, &[("AKKER_PIN", pin)])
}

fn requests(ledger: &Ledger, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["request", "list"];
    args.extend_from_slice(extra);
    ledger.json(&args).as_array().expect("a list").clone()
}

fn request(ledger: &Ledger, seq: i64) -> Value {
    requests(ledger, &[])
        .into_iter()
        .find(|r| r["seq"] == seq)
        .unwrap_or_else(|| panic!("request #{seq} is listed"))
}

/// A copy of the ledger whose commands run at `now`, for what happens
/// later (expiry) without moving the original's clock.
fn later(ledger: &Ledger, now: &str) -> Ledger {
    Ledger::copy_of(ledger.db(), PASSPHRASE).at(now)
}

/// The ledger file's bytes, after SQLite put everything into it.
fn file_bytes(ledger: &Ledger) -> Vec<u8> {
    let conn = ledger.sqlite();
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    drop(conn);
    std::fs::read(ledger.db()).unwrap()
}

/// A refusal that leaves the ledger byte for byte as it was.
fn refuses_untouched(ledger: &Ledger, args: &[&str], env: &[(&str, &str)], needles: &[&str]) {
    let before = file_bytes(ledger);
    let run = ledger.run_env(args, env).expect(REFUSED).says(needles);
    assert!(run.stdout.trim().is_empty(), "{run}");
    assert_eq!(
        file_bytes(ledger),
        before,
        "the refused command changed the file\n{run}"
    );
}

#[test]
fn the_helper_asks_the_helped_confirms_with_their_card_and_only_then_hours_move() {
    let w = world();
    let l = w.ledger.at("2026-03-03T10:00:00Z");
    let made = add(&l, "M001", "M002", "1.50", &["--card", &w.m2], "2222").expect(OK);
    let seq = seq_of(&made.json());
    assert_eq!(made.json()["warnings"], serde_json::json!([]));
    let pending = request(&l, seq);
    assert_eq!(pending["state"], "pending");
    assert_eq!(pending["payer"], "M001");
    assert_eq!(pending["payee"], "M002");
    assert_eq!(pending["amount"], "1.50");
    assert_eq!(pending["made_by_role"], "member");
    assert_eq!(l.balance("M001"), "0.00", "a request moves nothing");
    assert_eq!(l.balance("M002"), "0.00");
    assert_eq!(requests(&l, &["--pending", "--account", "M001"]).len(), 1);
    let text = l.ok(&["request", "list"]);
    assert!(text.contains("pending, expires 2026-05-02"), "{text}");

    let confirmed = l
        .run_env(
            &[
                "--json",
                "request",
                "confirm",
                &seq.to_string(),
                "--card",
                &w.m1,
            ],
            &[("AKKER_PIN", "1111")],
        )
        .expect(OK);
    let payment = seq_of(&confirmed.json());
    assert_eq!(l.balance("M001"), "-1.50");
    assert_eq!(l.balance("M002"), "1.50");
    let done = request(&l, seq);
    assert_eq!(done["state"], "completed");
    assert_eq!(done["settled"]["seq"], payment);
    assert_eq!(done["settled"]["signer_role"], "member");
    // The confirmation is a payment like any other, signed by the payer.
    let tx = l.tx(payment);
    assert_eq!(tx["confirms_request"], seq);
    assert_eq!(tx["signer_account"], "M001");
    assert_eq!(tx["description"], "Boodschappen");
    assert!(requests(&l, &["--pending"]).is_empty());
    let shown = l.ok(&["tx", "show", &payment.to_string()]);
    assert!(
        shown.contains(&format!("Confirms    request #{seq}"))
            && shown.contains("member M001 (card)"),
        "{shown}"
    );
    l.assert_verifies();
}

#[test]
fn a_request_is_not_confirmed_twice_by_the_wrong_member_after_expiry_or_past_a_limit() {
    let w = world();
    let l = w.ledger.at("2026-03-03T10:00:00Z");
    let seq = seq_of(
        &add(&l, "M001", "M002", "1.00", &["--slip", "R-1"], "")
            .expect(OK)
            .json(),
    );
    let n = seq.to_string();
    // By the wrong member: M002's card cannot confirm what M001 owes.
    refuses_untouched(
        &l,
        &["request", "confirm", &n, "--card", &w.m2],
        &[("AKKER_PIN", "2222")],
        &["the card belongs to M002", "only M001"],
    );
    l.ok(&["request", "confirm", &n, "--slip", "R-1-OK"]);
    // Twice.
    refuses_untouched(
        &l,
        &["request", "confirm", &n, "--slip", "R-1-AGAIN"],
        &[],
        &[&format!("request #{seq} was already confirmed by #")],
    );
    refuses_untouched(
        &l,
        &[
            "request", "decline", &n, "--reason", "not me", "--slip", "R-1-NO",
        ],
        &[],
        &["already confirmed"],
    );
    // Past a hard limit: a warning when made, a refusal when confirmed.
    let big = add(&l, "M001", "M002", "25.00", &["--slip", "R-2"], "").expect(OK);
    assert!(
        big.stderr.contains("warning") && big.stderr.contains("below its floor of -20.00"),
        "{big}"
    );
    let big = seq_of(&big.json()).to_string();
    refuses_untouched(
        &l,
        &["request", "confirm", &big, "--slip", "R-2-OK"],
        &[],
        &["M001 would go to -26.00, below its floor of -20.00"],
    );
    assert_eq!(request(&l, big.parse().unwrap())["state"], "pending");
    // After expiry (60 days by default).
    let late = later(&l, "2026-05-03T10:00:01Z");
    assert_eq!(request(&late, big.parse().unwrap())["erased_by"], "expired");
    refuses_untouched(
        &late,
        &["request", "confirm", &big, "--card", &w.m1],
        &[("AKKER_PIN", "1111")],
        &["expired at 2026-05-02T10:00:00.000000Z", "60 days"],
    );
    // An unknown request.
    refuses_untouched(
        &l,
        &["request", "withdraw", "999", "--slip", "X"],
        &[],
        &["request #999 does not exist"],
    );
    assert_eq!(l.balance("M001"), "-1.00");
    late.assert_verifies();
}

#[test]
fn the_helped_declines_with_a_reason_and_the_helper_withdraws() {
    let w = world();
    let l = w.ledger.at("2026-03-03T10:00:00Z");
    let one = seq_of(
        &add(&l, "M001", "M002", "2.00", &["--card", &w.m2], "2222")
            .expect(OK)
            .json(),
    );
    let two = seq_of(
        &add(&l, "M002", "M001", "0.50", &["--card", &w.m1], "1111")
            .expect(OK)
            .json(),
    );
    // The payer declines with a reason from the short list.
    l.run_env(
        &[
            "request",
            "decline",
            &one.to_string(),
            "--reason",
            "Wrong hours",
            "--card",
            &w.m1,
        ],
        &[("AKKER_PIN", "1111")],
    )
    .expect(OK);
    let declined = request(&l, one);
    assert_eq!(declined["state"], "erased");
    assert_eq!(declined["erased_by"], "declined");
    assert_eq!(declined["settled"]["reason"], "wrong hours");
    // Only the helper (or the treasurer) withdraws; the payer cannot.
    refuses_untouched(
        &l,
        &["request", "withdraw", &two.to_string(), "--card", &w.m2],
        &[("AKKER_PIN", "2222")],
        &["only M001"],
    );
    l.run_env(
        &["request", "withdraw", &two.to_string(), "--card", &w.m1],
        &[("AKKER_PIN", "1111")],
    )
    .expect(OK);
    assert_eq!(request(&l, two)["erased_by"], "withdrawn");
    let text = l.ok(&["request", "list", "--account", "M002"]);
    assert!(
        text.contains("erased (declined #") && text.contains(": wrong hours"),
        "{text}"
    );
    assert!(text.contains("erased (withdrawn #"), "{text}");
    // A withdrawn request cannot be confirmed any more.
    refuses_untouched(
        &l,
        &["request", "confirm", &two.to_string(), "--slip", "R-9"],
        &[],
        &["already withdrawn"],
    );
    assert_eq!(l.balance("M001"), "0.00");
    assert_eq!(l.balance("M002"), "0.00");
    // A reason is required.
    l.run(&["request", "decline", &one.to_string(), "--slip", "X"])
        .expect(USAGE);
    l.assert_verifies();
}

#[test]
fn an_initiative_asks_a_workshop_and_each_participant_confirms_their_share() {
    let w = world();
    let l = w.ledger.at("2026-03-03T10:00:00Z");
    let made = add(
        &l,
        "M001,M002",
        "INIT-A",
        "2.00",
        &["--card", &w.init],
        "3333",
    )
    .expect(OK);
    let seqs: Vec<i64> = made.json()["seqs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_i64().unwrap())
        .collect();
    assert_eq!(seqs.len(), 2);
    assert_eq!(request(&l, seqs[0])["made_by_role"], "key-holder");
    let text = l
        .run_env(
            &[
                "request",
                "add",
                "M001,M002",
                "INIT-A",
                "1",
                "--work",
                "community",
                "--what",
                "Les",
                "--card",
                &w.init,
            ],
            &[("AKKER_PIN", "3333")],
        )
        .expect(OK)
        .stdout;
    assert!(
        text.contains("INIT-A asks M001, M002 for 1.00 each (requests #"),
        "{text}"
    );
    for (seq, card, pin) in [(seqs[0], &w.m1, "1111"), (seqs[1], &w.m2, "2222")] {
        l.run_env(
            &["request", "confirm", &seq.to_string(), "--card", card],
            &[("AKKER_PIN", pin)],
        )
        .expect(OK);
    }
    assert_eq!(l.balance("INIT-A"), "4.00");
    assert_eq!(l.balance("M001"), "-2.00");
    // A member asks the initiative; its key holder's card confirms.
    let back = seq_of(
        &add(&l, "INIT-A", "M002", "0.75", &["--card", &w.m2], "2222")
            .expect(OK)
            .json(),
    );
    l.run_env(
        &["request", "confirm", &back.to_string(), "--card", &w.init],
        &[("AKKER_PIN", "3333")],
    )
    .expect(OK);
    assert_eq!(l.balance("INIT-A"), "3.25");
    // The same payer twice in one workshop is refused, nothing written.
    refuses_untouched(
        &l,
        &[
            "request",
            "add",
            "M001,M001",
            "INIT-A",
            "1",
            "--work",
            "care",
            "--what",
            "x",
            "--slip",
            "W-2",
        ],
        &[],
        &["M001 is named twice among the payers"],
    );
    l.assert_verifies();
}

#[test]
fn a_request_expires_by_the_signed_setting_and_the_helper_sees_it() {
    let w = world();
    let l = w.ledger.at("2026-03-03T10:00:00Z");
    l.ok(&["settings", "set", "requests.expiry-days", "7"]);
    let seq = seq_of(
        &add(&l, "M001", "M002", "1.00", &["--slip", "E-1"], "")
            .expect(OK)
            .json(),
    );
    let day7 = later(&l, "2026-03-10T10:00:00Z");
    assert_eq!(request(&day7, seq)["state"], "pending");
    let day8 = later(&l, "2026-03-10T10:00:01Z");
    let expired = request(&day8, seq);
    assert_eq!(expired["state"], "erased");
    assert_eq!(expired["erased_by"], "expired");
    assert_eq!(expired["settled"]["seq"], Value::Null);
    assert!(requests(&day8, &["--pending"]).is_empty());
    let text = day8.ok(&["request", "list", "--account", "M002"]);
    assert!(text.contains("erased (expired 2026-03-10)"), "{text}");
    refuses_untouched(
        &day8,
        &["request", "confirm", &seq.to_string(), "--slip", "E-1-OK"],
        &[],
        &["expired", "7 days"],
    );
    // A value out of range is refused by the setting itself.
    l.run(&["settings", "set", "requests.expiry-days", "0"])
        .expect(USAGE)
        .says(&["from 1 to 3650"]);
    day8.assert_verifies();
}

#[test]
fn every_argument_of_request_is_checked_before_anything_is_signed() {
    let w = world();
    let l = w.ledger.at("2026-03-03T10:00:00Z");
    let base = [
        "request", "add", "M001", "M002", "1", "--work", "care", "--what", "x",
    ];
    // Neither --card nor --slip.
    l.run(&base).expect(USAGE);
    // Both.
    let mut both = base.to_vec();
    both.extend(["--card", &w.m2, "--slip", "S"]);
    l.run(&both).expect(USAGE);
    for (bad, needle) in [("-1", "negative"), ("0", "zero"), ("1.234", "two decimals")] {
        let args = [
            "request", "add", "M001", "M002", bad, "--work", "care", "--what", "x", "--slip", "S",
        ];
        l.run(&args).expect(USAGE).says(&[needle]);
    }
    refuses_untouched(
        &l,
        &[
            "request", "add", "M001", "M001", "1", "--work", "care", "--what", "x", "--slip", "S",
        ],
        &[],
        &["cannot ask itself"],
    );
    refuses_untouched(
        &l,
        &[
            "request", "add", "M009", "M001", "1", "--work", "care", "--what", "x", "--slip", "S",
        ],
        &[],
        &["there is no account M009"],
    );
    refuses_untouched(
        &l,
        &[
            "request",
            "add",
            "M001",
            "M002",
            "1",
            "--work",
            "care",
            "--what",
            "x",
            "--date",
            "2026-03-04",
            "--slip",
            "S",
        ],
        &[],
        &["in the future"],
    );
    // The card must be the helper's: the payer's card cannot ask.
    refuses_untouched(
        &l,
        &[
            "request", "add", "M001", "M002", "1", "--work", "care", "--what", "x", "--card", &w.m1,
        ],
        &[("AKKER_PIN", "1111")],
        &["the card belongs to M001", "only M002"],
    );
    assert!(requests(&l, &[]).is_empty());
}

/// Re-signs entry `seq` as it now reads back from the file (after a
/// change under it) with the treasurer's key, and recomputes the chain
/// from there: what a forger holding the key file and passphrase can do.
fn resign(ledger: &Ledger, seq: i64) {
    let key = keyfile::open(
        &std::fs::read_to_string(ledger.key_file()).unwrap(),
        PASSPHRASE,
    )
    .unwrap();
    let treasurer = KeyHolder::treasurer(key);
    let store = Store::open(ledger.db()).unwrap();
    let ledger_id = store.ledger_id().to_string();
    let journal = store.journal().unwrap();
    drop(store);
    let conn = ledger.sqlite();
    conn.execute_batch("DROP TRIGGER journal_no_update")
        .unwrap();
    let mut previous = journal[(seq - 2) as usize].chain_hash.clone();
    for row in journal.iter().filter(|r| r.seq >= seq) {
        let (hash, signature) = if row.seq == seq {
            let entry = row
                .entry
                .clone()
                .expect("the changed entry reads back")
                .entry;
            let signed = treasurer.sign(&ledger_id, entry);
            let message = canonical::message_of(&ledger_id, &signed);
            (
                chain::entry_hash(&message).to_vec(),
                signed.signature.to_vec(),
            )
        } else {
            (row.entry_hash.clone(), row.signature.clone())
        };
        let next = chain::next_chain(
            &previous.clone().try_into().unwrap(),
            &hash.clone().try_into().unwrap(),
            &signature.clone().try_into().unwrap(),
        );
        conn.execute(
            "UPDATE journal SET entry_hash = ?2, signature = ?3, chain_hash = ?4 WHERE seq = ?1",
            params![row.seq, hash, signature, &next[..]],
        )
        .unwrap();
        previous = next.to_vec();
    }
}

fn problems(ledger: &Ledger) -> String {
    let (run, report) = ledger.verify_report();
    assert_eq!(run.code, REFUSED, "verify must fail\n{run}");
    report["problems"].to_string()
}

#[test]
fn verify_catches_a_confirmation_that_differs_from_its_request_even_re_signed() {
    let w = world();
    let l = w.ledger.at("2026-03-03T10:00:00Z");
    let seq = seq_of(
        &add(&l, "M001", "M002", "1.00", &["--slip", "V-1"], "")
            .expect(OK)
            .json(),
    );
    let paid = seq_of(&l.json(&["request", "confirm", &seq.to_string(), "--slip", "V-1-OK"]));
    l.assert_verifies();
    // The treasurer's key holder makes the confirmation pay 3.00 instead,
    // and re-signs it: every signature and the chain check again.
    let conn = l.sqlite();
    conn.execute_batch(&format!(
        "DROP TRIGGER postings_no_update;
         UPDATE postings SET amount_minor = -300 WHERE seq = {paid} AND idx = 0;
         UPDATE postings SET amount_minor = 300 WHERE seq = {paid} AND idx = 1;"
    ))
    .unwrap();
    drop(conn);
    resign(&l, paid);
    let found = problems(&l);
    assert!(
        found.contains(&format!(
            "the confirmation of request #{seq} does not match it"
        )),
        "{found}"
    );
    assert!(
        !found.contains("\"signature\""),
        "the re-signed entry's signature is good: {found}"
    );
}

#[test]
fn verify_catches_a_second_confirmation_of_one_request() {
    let w = world();
    let l = w.ledger.at("2026-03-03T10:00:00Z");
    let seq = seq_of(
        &add(&l, "M001", "M002", "1.00", &["--slip", "D-1"], "")
            .expect(OK)
            .json(),
    );
    let first = seq_of(&l.json(&["request", "confirm", &seq.to_string(), "--slip", "D-1-OK"]));
    let (request, entry_hash) = Store::open(l.db())
        .unwrap()
        .signed_request(seq)
        .unwrap()
        .unwrap();
    // A forger with the treasurer's key records the same request's payment
    // again: SQL's UNIQUE is dropped with the table rebuilt without it.
    let key = keyfile::open(&std::fs::read_to_string(l.key_file()).unwrap(), PASSPHRASE).unwrap();
    let treasurer = KeyHolder::treasurer(key);
    let store = Store::open(l.db()).unwrap();
    let ledger_id = store.ledger_id().to_string();
    let last = store.journal().unwrap().pop().unwrap();
    drop(store);
    let recorded_at = last.entry.as_ref().unwrap().entry.recorded_at + chrono::Duration::seconds(1);
    let link = akker::ledger::RequestLink { seq, entry_hash };
    let body = EntryBody::RequestConfirmed(Confirmation::of(
        &request,
        link,
        Some(akker::ledger::SlipRef::parse("D-1-AGAIN").unwrap()),
    ));
    let signed = treasurer.sign(&ledger_id, Entry { recorded_at, body });
    let message = canonical::message_of(&ledger_id, &signed);
    let hash = chain::entry_hash(&message);
    let next = chain::next_chain(
        &last.chain_hash.clone().try_into().unwrap(),
        &hash,
        &signed.signature,
    );
    let again = last.seq + 1;
    let conn = l.sqlite();
    conn.execute_batch(
        "CREATE TABLE o2 AS SELECT * FROM request_outcomes;
         DROP TABLE request_outcomes;
         ALTER TABLE o2 RENAME TO request_outcomes;",
    )
    .unwrap();
    conn.execute(
        "INSERT INTO journal (seq, entry_type, recorded_at, signer_role, signer_account, signer_key, signature, entry_hash, chain_hash)
         VALUES (?1, 'request-confirmed', ?2, 'treasurer', NULL, ?3, ?4, ?5, ?6)",
        params![
            again,
            canonical::format_timestamp(&signed.entry),
            &signed.signer.public_key[..],
            &signed.signature[..],
            &hash[..],
            &next[..]
        ],
    )
    .unwrap();
    conn.execute_batch(&format!(
        "INSERT INTO request_outcomes (seq, request_seq, outcome, reason, slip) VALUES ({again}, {seq}, 'confirmed', NULL, NULL);
         INSERT INTO transactions (seq, date, work, skill, description, slip) SELECT {again}, date, work, skill, description, 'D-1-AGAIN' FROM transactions WHERE seq = {first};
         INSERT INTO postings (seq, idx, account_id, amount_minor) SELECT {again}, idx, account_id, amount_minor FROM postings WHERE seq = {first};"
    ))
    .unwrap();
    drop(conn);
    let found = problems(&l);
    assert!(
        found.contains(&format!("request #{seq} was already confirmed by #{first}")),
        "{found}"
    );
}
