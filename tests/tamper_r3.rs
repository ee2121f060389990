//! Round three's red team: attacks on requests, soft limits, gifts and
//! the community fund that keep every row consistent (a changed setting
//! that revives an expired request, a treasurer who confirms for a payer,
//! a clock put right under the growth policy), and bad input on the new
//! commands. Each test is one hole found, with the fix it proves.

mod common;

use akker::ledger::{Confirmation, Entry, EntryBody};
use akker::signing::{canonical, chain, keyfile, KeyHolder};
use akker::store::Store;
use common::*;
use rusqlite::params;
use serde_json::Value;

const START: &str = "2026-03-02T09:00:00Z";

/// M001 and M002 with cards (PINs 1111 and 2222), made at `START`.
fn world() -> (Ledger, String, String) {
    let ledger = Ledger::new_at(START);
    ledger.open("M001", "Amina");
    ledger.open("M002", "Bart");
    let m1 = ledger.issue_card("M001", "1111");
    let m2 = ledger.issue_card("M002", "2222");
    (ledger, m1, m2)
}

/// `request add FROM TO AMOUNT` from a slip; returns the request's seq.
fn ask(ledger: &Ledger, from: &str, to: &str, hours: &str, slip: &str) -> i64 {
    seq_of(&ledger.json(&[
        "request",
        "add",
        from,
        to,
        hours,
        "--work",
        "care",
        "--what",
        "Boodschappen",
        "--slip",
        slip,
    ]))
}

fn request(ledger: &Ledger, seq: i64) -> Value {
    ledger
        .json(&["request", "list"])
        .as_array()
        .expect("a list")
        .iter()
        .find(|r| r["seq"] == seq)
        .cloned()
        .unwrap_or_else(|| panic!("request #{seq} is listed"))
}

fn problems(ledger: &Ledger) -> String {
    let (run, report) = ledger.verify_report();
    assert_eq!(run.code, REFUSED, "verify must fail\n{run}");
    report["problems"].to_string()
}

/// What the independent checker (tests/vectors/check_vectors.py, written
/// from docs/signing.md alone) says of the file: (passed, its output).
/// None when python3 or its modules are missing (the independent_checker
/// tests say so and fail under CI).
fn python_checker(ledger: &Ledger) -> Option<(bool, String)> {
    let ready = std::process::Command::new("python3")
        .args(["-c", "import nacl.signing, nacl.bindings, argon2.low_level"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ready {
        return None;
    }
    let conn = ledger.sqlite();
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    drop(conn);
    let script =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/check_vectors.py");
    let out = std::process::Command::new("python3")
        .arg(script)
        .arg("--db")
        .arg(ledger.db())
        .output()
        .expect("python3 runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Some((out.status.success(), text))
}

/// The independent checker agrees that the file is wrong, naming `needle`.
fn python_agrees_wrong(ledger: &Ledger, needle: &str) {
    if let Some((passed, text)) = python_checker(ledger) {
        assert!(!passed, "check_vectors.py passed a wrong ledger:\n{text}");
        assert!(text.contains(needle), "check_vectors.py: {text}");
    }
}

/// Appends `body` at `recorded_at`, signed with the treasurer's key and
/// chained after the last entry, as a forger holding the key file and
/// its passphrase can, without akker's rules. Returns the new seq; the
/// caller writes the entry's detail rows.
fn append_forged(ledger: &Ledger, body: EntryBody, recorded_at: &str) -> i64 {
    let key = keyfile::open(
        &std::fs::read_to_string(ledger.key_file()).unwrap(),
        PASSPHRASE,
    )
    .unwrap();
    append_signed(ledger, &KeyHolder::treasurer(key), body, recorded_at)
}

/// The key of a member's card, from its printed code and PIN.
fn card_key(ledger: &Ledger, code: &str, pin: &str) -> KeyHolder {
    let store = Store::open(ledger.db()).unwrap();
    let code = akker::signing::CardCode::parse(code).unwrap();
    let pin = akker::signing::Pin::parse(pin).unwrap();
    let now = "2026-03-03T10:00:00Z".parse().unwrap();
    match akker::ops::check_card_pin(&store, &code, &pin, Default::default(), now).unwrap() {
        akker::ops::PinOutcome::Right(holder) => *holder,
        _ => panic!("the card and PIN are right"),
    }
}

/// [`append_forged`], signed by `signer` (a card, say) without the rules.
fn append_signed(
    ledger: &Ledger,
    treasurer: &KeyHolder,
    body: EntryBody,
    recorded_at: &str,
) -> i64 {
    let store = Store::open(ledger.db()).unwrap();
    let ledger_id = store.ledger_id().to_string();
    let last = store.journal().unwrap().pop().unwrap();
    drop(store);
    let entry = Entry {
        recorded_at: recorded_at.parse().unwrap(),
        body,
    };
    let type_name = entry.body.type_name();
    let signed = treasurer.sign(&ledger_id, entry);
    let message = canonical::message_of(&ledger_id, &signed);
    let hash = chain::entry_hash(&message);
    let next = chain::next_chain(
        &last.chain_hash.clone().try_into().unwrap(),
        &hash,
        &signed.signature,
    );
    let seq = last.seq + 1;
    ledger
        .sqlite()
        .execute(
            "INSERT INTO journal (seq, entry_type, recorded_at, signer_role, signer_account, signer_key, signature, entry_hash, chain_hash)
             VALUES (?1, ?2, ?3, ?8, ?9, ?4, ?5, ?6, ?7)",
            params![
                seq,
                type_name,
                canonical::format_timestamp(&signed.entry),
                &signed.signer.public_key[..],
                &signed.signature[..],
                &hash[..],
                &next[..],
                signed.signer.role.as_str(),
                signed.signer.account.as_ref().map(|a| a.as_str().to_string()),
            ],
        )
        .unwrap();
    seq
}

/// A forged treasurer confirmation of request `seq`, slip `slip`, with
/// its detail rows as akker writes them.
fn forge_confirmation(ledger: &Ledger, seq: i64, slip: Option<&str>, recorded_at: &str) -> i64 {
    let (request, entry_hash) = Store::open(ledger.db())
        .unwrap()
        .signed_request(seq)
        .unwrap()
        .unwrap();
    let link = akker::ledger::RequestLink { seq, entry_hash };
    let body = EntryBody::RequestConfirmed(Confirmation::of(
        &request,
        link,
        slip.map(|s| akker::ledger::SlipRef::parse(s).unwrap()),
    ));
    let at = append_forged(ledger, body, recorded_at);
    ledger
        .sqlite()
        .execute_batch(&format!(
            "INSERT INTO request_outcomes (seq, request_seq, outcome, reason, slip) VALUES ({at}, {seq}, 'confirmed', NULL, NULL);
             INSERT INTO transactions (seq, date, work, skill, description, slip)
                 SELECT {at}, date, work, skill, description, {slip} FROM requests WHERE seq = {seq};
             INSERT INTO postings (seq, idx, account_id, amount_minor)
                 SELECT {at}, 0, payer_id, -amount_minor FROM requests WHERE seq = {seq};
             INSERT INTO postings (seq, idx, account_id, amount_minor)
                 SELECT {at}, 1, payee_id, amount_minor FROM requests WHERE seq = {seq};
             UPDATE accounts SET balance_minor = balance_minor - (SELECT amount_minor FROM requests WHERE seq = {seq}), last_seq = {at}
                 WHERE id = (SELECT payer_id FROM requests WHERE seq = {seq});
             UPDATE accounts SET balance_minor = balance_minor + (SELECT amount_minor FROM requests WHERE seq = {seq}), last_seq = {at}
                 WHERE id = (SELECT payee_id FROM requests WHERE seq = {seq});",
            slip = slip.map_or("NULL".to_string(), |s| format!("'{s}'")),
        ))
        .unwrap();
    at
}

/// Hole: the expiry period was read at the settling entry, so raising
/// `requests.expiry-days` after a request expired revived it (and the
/// helper, told "expired", saw it paid later); lowering it ended pending
/// requests early. Now each request keeps the period in force when it
/// was made (docs/signing.md, rule 5), on the write path, in `verify`
/// and in the lists.
#[test]
fn a_later_expiry_setting_neither_revives_nor_ends_a_request() {
    let (ledger, _, _) = world();
    let l = ledger.at("2026-03-03T10:00:00Z");
    l.ok(&["settings", "set", "requests.expiry-days", "1"]);
    let short = ask(&l, "M001", "M002", "1.00", "X-1");
    l.ok(&["settings", "set", "requests.expiry-days", "30"]);
    let long = ask(&l, "M001", "M002", "2.00", "X-2");
    let later = l.at("2026-03-05T10:00:00Z");
    // Raised after the fact: the first request stays expired.
    later.ok(&["settings", "set", "requests.expiry-days", "3650"]);
    assert_eq!(request(&later, short)["erased_by"], "expired");
    later.refuses(
        &["request", "confirm", &short.to_string(), "--slip", "X-1-OK"],
        REFUSED,
        &["expired", "1 day"],
    );
    // Lowered after the fact: the second keeps its 30 days.
    later.ok(&["settings", "set", "requests.expiry-days", "1"]);
    let pending = request(&later, long);
    assert_eq!(pending["state"], "pending", "{pending}");
    assert!(
        pending["expires_at"]
            .as_str()
            .unwrap()
            .starts_with("2026-04-02"),
        "{pending}"
    );
    later.ok(&["request", "confirm", &long.to_string(), "--slip", "X-2-OK"]);
    later.assert_verifies();
    // A forger with the treasurer's key confirms the expired one anyway.
    forge_confirmation(
        &later,
        short,
        Some("X-1-LATE"),
        "2026-03-05T11:00:00.000000Z",
    );
    let found = problems(&later);
    assert!(found.contains(&format!("request #{short}")), "{found}");
    assert!(found.contains("expired"), "{found}");
    assert!(!found.contains("\"signature\""), "{found}");
    python_agrees_wrong(&later, "had not expired (1 days)");
}

/// Hole (flagged by the limits helper): `verify` forgot hours given more
/// than 61 months before the newest payment's time. A clock set years
/// ahead, confirmed, then put right (`clock correct`), brings the time
/// back, and hours akker still counts (correctly, by docs/signing.md)
/// were gone from the replay: `verify` reported a grown floor that was
/// never broken. The replay now forgets only what no later entry can
/// reach: hours before the earliest time a later entry may carry.
#[test]
fn a_clock_put_right_keeps_the_grown_floor_verify_replays() {
    let (ledger, _, _) = world();
    let l = ledger.at("2026-03-03T10:00:00Z");
    for (name, value) in [
        ("growth.base", "-10.00"),
        ("growth.factor", "1.00"),
        ("growth.months", "60"),
        ("growth.cap", "-40.00"),
    ] {
        l.ok(&["settings", "set", name, value]);
    }
    l.pay("M002", &[("M001", "5.00")]);
    // The clock jumps six years ahead; the treasurer confirms it by mistake,
    // a payment is recorded, and then the clock is put right.
    let ahead = l.at("2032-03-10T10:00:00Z");
    ahead.ok(&["clock", "confirm", "--date", "2032-03-10"]);
    ahead.pay("M002", &[("M001", "1.00")]);
    let right = ahead.at("2026-03-04T10:00:00Z");
    right.ok(&["clock", "correct", "--reason", "clock battery"]);
    // M001 gave 6.00 hours for work within 60 months of now: floor -16.00.
    let line = right.json(&["balance", "M001"])["accounts"][0].clone();
    assert_eq!(line["floor"], "-16.00", "{line}");
    // M001 pays 21.00 (balance 6.00 → -15.00): allowed under -16.00,
    // refused under the base floor -10.00 or under -11.00.
    right.pay("M001", &[("M002", "21.00")]);
    right.assert_verifies();
    if let Some((passed, text)) = python_checker(&right) {
        assert!(passed, "check_vectors.py: {text}");
    }
}

/// Poor message: a member's card typed without its member number for a
/// request that another member must confirm was read as that member's
/// card, asked for a PIN, and answered "wrong PIN or card for account
/// M002". It now says whose card it is and whose request, before any
/// PIN, and counts nothing against either card.
#[test]
fn a_card_typed_for_someone_elses_request_says_whose_card_and_whose_request() {
    let (ledger, m1, m2) = world();
    let l = ledger.at("2026-03-03T10:00:00Z");
    // M001 helped M002: the request is M002's to confirm.
    let seq = ask(&l, "M002", "M001", "1.00", "C-1");
    let bare = m1.split('/').nth(1).expect("a printed code ACCOUNT/SECRET");
    for code in [m1.as_str(), bare] {
        let run = l.refuses_env(
            &["request", "confirm", &seq.to_string(), "--card", code],
            &[("AKKER_PIN", "1111")],
            REFUSED,
            &["the card belongs to M001", "only M002", "--slip"],
        );
        assert!(!run.stderr.contains("wrong PIN"), "{run}");
        assert!(
            !run.stderr.contains(bare),
            "the code is never repeated: {run}"
        );
    }
    // A made-up code is nobody's: it says no more than before.
    l.refuses_env(
        &[
            "request",
            "confirm",
            &seq.to_string(),
            "--card",
            "ABCD-EFGH-JKMN-PQRS",
        ],
        &[("AKKER_PIN", "1111")],
        REFUSED,
        &["wrong PIN or card for account M002"],
    );
    // Nothing was counted against M002's card: it still confirms.
    l.run_env(
        &["request", "confirm", &seq.to_string(), "--card", &m2],
        &[("AKKER_PIN", "2222")],
    )
    .expect(OK);
}

/// A forged treasurer `request-made` from `payer` to `payee`, dated
/// `date`, with its `requests` row.
fn forge_request(ledger: &Ledger, payer: &str, payee: &str, date: &str, at: &str) -> i64 {
    use akker::ledger::{AccountId, Amount, Description, Request, RequestParts, WorkKind};
    let request = Request::new(RequestParts {
        payer: AccountId::parse(payer).unwrap(),
        payee: AccountId::parse(payee).unwrap(),
        amount: Amount::from_minor(100),
        date: date.parse().unwrap(),
        work: WorkKind::Care,
        skill: None,
        description: Description::parse("Boodschappen").unwrap(),
        slip: Some(akker::ledger::SlipRef::parse("F-1").unwrap()),
    })
    .unwrap();
    let seq = append_forged(ledger, EntryBody::RequestMade(request), at);
    ledger
        .sqlite()
        .execute(
            "INSERT INTO requests (seq, payer_id, payee_id, amount_minor, date, work, skill, description, slip)
             VALUES (?1, ?2, ?3, 100, ?4, 'care', NULL, 'Boodschappen', 'F-1')",
            params![seq, payer, payee, date],
        )
        .unwrap();
    seq
}

/// Hole in the independent checker: it took a request naming a closed
/// account, or dated after the day it was recorded, which `verify`
/// refuses (docs/signing.md, rule 1 of requests). A checker written from
/// the spec must refuse them too; check_vectors.py now does.
#[test]
fn a_forged_request_from_a_closed_account_or_dated_ahead_is_caught_by_both_checkers() {
    let (ledger, _, _) = world();
    let l = ledger.at("2026-03-03T10:00:00Z");
    l.open("M003", "Chloé");
    l.ok(&["account", "close", "M003", "--reason", "moved away"]);
    l.assert_verifies();
    let closed = l.at("2026-03-03T11:00:00Z");
    let seq = forge_request(
        &closed,
        "M003",
        "M001",
        "2026-03-03",
        "2026-03-03T11:00:00.000000Z",
    );
    let found = problems(&closed);
    assert!(
        found.contains(&format!("entry #{seq} broke a rule")),
        "{found}"
    );
    assert!(found.contains("M003"), "{found}");
    python_agrees_wrong(&closed, "payer and payee are open accounts");

    let (ledger, _, _) = world();
    let l = ledger.at("2026-03-03T10:00:00Z");
    let seq = forge_request(
        &l,
        "M002",
        "M001",
        "2026-03-09",
        "2026-03-03T11:00:00.000000Z",
    );
    let found = problems(&l);
    assert!(
        found.contains(&format!("entry #{seq} broke a rule")),
        "{found}"
    );
    python_agrees_wrong(&l, "a request is not dated after the day it is recorded");
}

/// Hole: the treasurer could confirm a request (pay from a member's
/// account) with no slip at all, so nothing marked it as typed from the
/// member's paper, and `verify` said OK; the command line always asked
/// for `--slip`. A treasurer-signed request entry or gift now needs its
/// slip (docs/signing.md, "Who may sign what"), in the rules, `verify`
/// and the independent checker.
#[test]
fn a_treasurer_confirmation_without_a_slip_is_caught() {
    let (ledger, _, _) = world();
    let l = ledger.at("2026-03-03T10:00:00Z");
    let seq = ask(&l, "M001", "M002", "1.00", "S-1");
    l.assert_verifies();
    let forged = forge_confirmation(&l, seq, None, "2026-03-03T11:00:00.000000Z");
    let found = problems(&l);
    assert!(
        found.contains(&format!("entry #{forged} broke a rule")),
        "{found}"
    );
    assert!(found.contains("paper slip"), "{found}");
    python_agrees_wrong(&l, "from a paper slip");
}

/// Hole: "a closed account's card signs nothing" (docs/signing.md) held
/// only for payments, which cannot touch a closed account; the card of a
/// member whose account was closed could still withdraw or decline a
/// request, and `verify` and the checker said OK. The card of a closed
/// account is now refused for every entry.
#[test]
fn a_closed_accounts_card_signs_no_request_entry() {
    let (ledger, _, m2) = world();
    let l = ledger.at("2026-03-03T10:00:00Z");
    let seq = ask(&l, "M001", "M002", "1.00", "K-1");
    l.ok(&["account", "close", "M002", "--reason", "moved away"]);
    l.refuses_env(
        &["request", "withdraw", &seq.to_string(), "--card", &m2],
        &[("AKKER_PIN", "2222")],
        REFUSED,
        &["M002 is closed", "signs nothing", "--slip"],
    );
    // The treasurer can still withdraw it from the member's slip.
    let copy = Ledger::copy_of(l.db(), PASSPHRASE).at("2026-03-03T10:00:00Z");
    l.ok(&[
        "request",
        "withdraw",
        &seq.to_string(),
        "--slip",
        "K-1-BACK",
    ]);
    l.assert_verifies();
    // A file where the closed account's card did sign it (as akker let it
    // before) fails verify and the independent checker.
    let (_, entry_hash) = Store::open(copy.db())
        .unwrap()
        .signed_request(seq)
        .unwrap()
        .unwrap();
    let card = card_key(&copy, &m2, "2222");
    let body = EntryBody::RequestWithdrawn {
        request: akker::ledger::RequestLink { seq, entry_hash },
        slip: None,
    };
    let forged = append_signed(&copy, &card, body, "2026-03-03T11:00:00.000000Z");
    copy.sqlite()
        .execute(
            "INSERT INTO request_outcomes (seq, request_seq, outcome, reason, slip) VALUES (?1, ?2, 'withdrawn', NULL, NULL)",
            params![forged, seq],
        )
        .unwrap();
    let found = problems(&copy);
    assert!(
        found.contains(&format!("entry #{forged} broke a rule")),
        "{found}"
    );
    assert!(found.contains("signs nothing"), "{found}");
    python_agrees_wrong(&copy, "a closed account's card signs nothing");
}

/// Bad input on the new commands: another member's card typed without
/// its number for a gift or a payment says whose card it is (it said
/// "wrong PIN or card"); a gift or a confirmation past a hard limit no
/// longer advises `--override-limits`, which neither command has. Each
/// refusal exits 1 and leaves the ledger as it was.
#[test]
fn gifts_and_confirmations_past_a_limit_and_foreign_cards_say_what_to_do() {
    let (ledger, m1, _) = world();
    let l = ledger.at("2026-03-03T10:00:00Z");
    let bare = m1.split('/').nth(1).unwrap().to_string();
    for args in [
        vec![
            "gift", "M002", "M001", "1.00", "--why", "Dank", "--card", &bare,
        ],
        vec![
            "pay", "M002", "M001", "1.00", "--work", "care", "--what", "x", "--card", &bare,
        ],
    ] {
        let run = l.refuses_env(
            &args,
            &[("AKKER_PIN", "1111")],
            REFUSED,
            &["this is the card of M001, not of M002", "--slip"],
        );
        assert!(!run.stderr.contains(&bare), "{run}");
    }
    let run = l.refuses(
        &[
            "gift", "M001", "M002", "25.00", "--why", "Dank", "--slip", "G-9",
        ],
        REFUSED,
        &[
            "below its floor",
            "a gift cannot override a limit",
            "account set-limits M001",
        ],
    );
    assert!(!run.stderr.contains("--override-limits"), "{run}");
    let seq = ask(&l, "M001", "M002", "25.00", "L-1");
    let run = l.refuses(
        &["request", "confirm", &seq.to_string(), "--slip", "L-1-OK"],
        REFUSED,
        &[
            "below its floor",
            "decline it and ask for less",
            "account set-limits M001",
        ],
    );
    assert!(!run.stderr.contains("--override-limits"), "{run}");
    // A request number that is not one says so (was "invalid digit").
    l.refuses(
        &["request", "confirm", "abc", "--slip", "L-1-OK"],
        USAGE,
        &["'abc' is not a request number", "request list"],
    );
}

/// Hole: a run stood only for its exact period, so a contribution run
/// for 2026 and then, after `fund.contribution.every` became `month`,
/// one for 2026-03 charged every member twice for March; `verify` and
/// the checker said OK. A year and a month of it now overlap: the
/// second run is refused (and reported in a forged file), until the
/// first is reversed.
#[test]
fn a_contribution_changed_from_yearly_to_monthly_charges_no_month_twice() {
    let (ledger, _, _) = world();
    let l = ledger.at("2026-03-03T10:00:00Z");
    l.open_with("SYS-FUND", "Fund", &["--kind", "system"]);
    for (name, value) in [
        ("fund.account", "SYS-FUND"),
        ("fund.contribution.amount", "1.00"),
    ] {
        l.ok(&["settings", "set", name, value]);
    }
    let yearly = seq_of(&l.json(&["fund", "run", "contribution", "--period", "2026"]));
    l.ok(&["settings", "set", "fund.contribution.every", "month"]);
    for period in ["2026-03", "2026-01"] {
        l.refuses(
            &["fund", "run", "contribution", "--period", period],
            REFUSED,
            &[&format!("already ran for 2026 as #{yearly}")],
        );
    }
    // A forger with the treasurer's key records the month anyway.
    let copy = Ledger::copy_of(l.db(), PASSPHRASE).at("2026-03-03T10:00:00Z");
    let run = akker::ledger::fund::FundRun::new(
        akker::ledger::policy::FundRule::Contribution,
        "2026-03".into(),
        "2026-03-03".parse().unwrap(),
        akker::ledger::Description::parse("Contribution 2026-03 to the community fund").unwrap(),
        [("M001", -100), ("M002", -100), ("SYS-FUND", 200)]
            .into_iter()
            .map(|(a, m)| akker::ledger::Posting {
                account: akker::ledger::AccountId::parse(a).unwrap(),
                amount: akker::ledger::Amount::from_minor(m),
            })
            .collect(),
    )
    .unwrap();
    let forged = append_forged(
        &copy,
        EntryBody::FundRun(run),
        "2026-03-03T11:00:00.000000Z",
    );
    copy.sqlite()
        .execute_batch(&format!(
            "INSERT INTO transactions (seq, date, work, skill, description, slip)
                 VALUES ({forged}, '2026-03-03', NULL, NULL, 'Contribution 2026-03 to the community fund', NULL);
             INSERT INTO fund_runs (seq, rule, period) VALUES ({forged}, 'contribution', '2026-03');
             INSERT INTO postings (seq, idx, account_id, amount_minor) VALUES
                 ({forged}, 0, 'M001', -100), ({forged}, 1, 'M002', -100), ({forged}, 2, 'SYS-FUND', 200);
             UPDATE accounts SET balance_minor = balance_minor - 100, last_seq = {forged} WHERE id IN ('M001', 'M002');
             UPDATE accounts SET balance_minor = balance_minor + 200, last_seq = {forged} WHERE id = 'SYS-FUND';"
        ))
        .unwrap();
    let found = problems(&copy);
    assert!(
        found.contains(&format!("entry #{forged} broke a rule")),
        "{found}"
    );
    assert!(
        found.contains(&format!("already ran for 2026 as #{yearly}")),
        "{found}"
    );
    python_agrees_wrong(&copy, "nor for a period overlapping it");
    // Reversed, the year no longer stands: the months may run.
    l.ok(&[
        "tx",
        "reverse",
        &yearly.to_string(),
        "--reason",
        "now monthly",
    ]);
    l.ok(&["fund", "run", "contribution", "--period", "2026-03"]);
    l.assert_verifies();
}

/// Poor message: confirming again a request whose confirmation the
/// treasurer reversed said "already confirmed; nothing to do", though
/// nothing stands paid. It now names the reversal and what to do.
#[test]
fn a_request_whose_confirmation_was_reversed_says_so() {
    let (ledger, _, _) = world();
    let l = ledger.at("2026-03-03T10:00:00Z");
    let seq = ask(&l, "M001", "M002", "1.00", "R-1");
    let paid = seq_of(&l.json(&["request", "confirm", &seq.to_string(), "--slip", "R-1-OK"]));
    let back = seq_of(&l.json(&[
        "tx",
        "reverse",
        &paid.to_string(),
        "--reason",
        "wrong person",
    ]));
    l.refuses(
        &[
            "request",
            "confirm",
            &seq.to_string(),
            "--slip",
            "R-1-AGAIN",
        ],
        REFUSED,
        &[
            &format!("confirmed by #{paid}, which was reversed by #{back}"),
            "M002 may make a new request",
        ],
    );
}

/// Bad input: a negative gift amount or soft ceiling got clap's "unexpected
/// argument '-1'" and a tip about `--`; they now get the command's own
/// words. Usage errors (exit 2) that leave the ledger as it was.
#[test]
fn negative_numbers_on_the_new_commands_get_their_own_words() {
    let (ledger, _, _) = world();
    let l = ledger.at("2026-03-03T10:00:00Z");
    l.refuses(
        &[
            "gift", "M001", "M002", "-1", "--why", "Dank", "--slip", "N-1",
        ],
        USAGE,
        &["'-1' is negative", "who pays whom"],
    );
    l.refuses(
        &[
            "account",
            "soft-limits",
            "M001",
            "--ceiling",
            "-1",
            "--reason",
            "x",
        ],
        USAGE,
        &["a soft ceiling zero or positive"],
    );
}

/// Hole: `verify` never looked at the hours an attestation signs, so an
/// attestation counting a gift as work (or any other figure) said OK.
/// It now replays the hours given up to the attestation's head
/// (docs/signing.md, "Hours given": gifts and fund runs are not work).
#[test]
fn an_attestation_that_counts_a_gift_as_work_is_caught() {
    let (ledger, _, _) = world();
    let l = ledger.at("2026-03-03T10:00:00Z");
    l.pay("M002", &[("M001", "1.50")]);
    l.ok(&[
        "gift", "M002", "M001", "2.00", "--why", "Dank", "--slip", "G-1",
    ]);
    let april = l.at("2026-04-02T10:00:00Z");
    let dir = april.dir().join("att");
    let out = dir.to_str().unwrap();
    april.ok(&[
        "attest",
        "M001",
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--out",
        out,
        "--format",
        "text",
    ]);
    april.assert_verifies();
    let row = april
        .sqlite()
        .query_row(
            "SELECT a.head_seq, a.head_hash, a.given_minor FROM attestations a",
            [],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, Vec<u8>>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            },
        )
        .unwrap();
    assert_eq!(row.2, 150, "the gift is not hours given");
    // A forger with the treasurer's key signs one that counts the gift.
    let body = EntryBody::AttestationIssued {
        account: akker::ledger::AccountId::parse("M001").unwrap(),
        from: "2026-03-01".parse().unwrap(),
        to: "2026-03-31".parse().unwrap(),
        given: akker::ledger::Amount::from_minor(350),
        head_seq: row.0,
        head_hash: row.1.clone().try_into().unwrap(),
    };
    let forged = append_forged(&april, body, "2026-04-02T11:00:00.000000Z");
    april
        .sqlite()
        .execute(
            "INSERT INTO attestations (seq, account_id, date_from, date_to, given_minor, head_seq, head_hash)
             VALUES (?1, 'M001', '2026-03-01', '2026-03-31', 350, ?2, ?3)",
            params![forged, row.0, row.1],
        )
        .unwrap();
    let found = problems(&april);
    assert!(found.contains("\"attestation\""), "{found}");
    assert!(
        found.contains(&format!("the attestation #{forged} of M001 signs 3.50")),
        "{found}"
    );
    assert!(found.contains("gives 1.50"), "{found}");
}
