//! Member cards: paying with card and PIN, and replacing a lost card.
//! A new card revokes the old one in the same write; payments the old
//! card signed stay valid, and the old card signs nothing more.

mod common;

use common::{seq_of, Ledger, OK, REFUSED};

fn two_members() -> Ledger {
    Ledger::from_template("two-members", |ledger| {
        ledger.open("M1", "Ann");
        ledger.open("M2", "Bob");
    })
}

#[test]
fn a_member_pays_with_card_and_pin() {
    let ledger = two_members();
    let code = ledger.issue_card("M1", "2468");
    assert!(code.starts_with("M1/"), "{code}");
    let account = ledger.json(&["account", "show", "M1"]);
    assert_eq!(account["card"]["card_number"], 1);
    assert_eq!(account["card"]["active"], true);
    let image = ledger.dir().join("cards").join("M1-card-1.svg");
    let svg = std::fs::read_to_string(&image).expect("the card image");
    assert!(
        svg.contains("<svg") && !svg.contains("Ann"),
        "the printed card must not carry the member's name"
    );

    let seq = seq_of(
        &ledger
            .pay_with_card("M1", &[("M2", "1.50")], &code, "2468")
            .expect(OK)
            .json(),
    );
    let tx = ledger.tx(seq);
    assert_eq!(tx["signer_role"], "member");
    assert_eq!(tx["signer_account"], "M1");
    let shown = ledger.ok(&["tx", "show", &seq.to_string()]);
    assert!(shown.contains("member M1 (card)"), "{shown}");
    // The code as a member types it: lower case, without dashes.
    let typed = code.to_lowercase().replace('-', "");
    ledger
        .pay_with_card("M1", &[("M2", "0.50")], &typed, "2468")
        .expect(OK);
    assert_eq!(ledger.balance("M1"), "-2.00");
    ledger.assert_verifies();
}

#[test]
fn a_reissued_card_replaces_the_old_one_and_old_payments_stay_valid() {
    let ledger = two_members();
    let old_code = ledger.issue_card("M1", "1234");
    let old_payment = seq_of(
        &ledger
            .pay_with_card("M1", &[("M2", "2")], &old_code, "1234")
            .expect(OK)
            .json(),
    );

    // The card is lost: a new one, with a new PIN.
    let issued = ledger
        .run_env(&["--json", "card", "issue", "M1"], &[("AKKER_PIN", "5678")])
        .expect(OK)
        .json();
    assert_eq!(issued["card_number"], 2);
    assert_eq!(
        issued["seqs"].as_array().map(Vec::len),
        Some(2),
        "the old card is revoked in the same write: {issued}"
    );
    let new_code = issued["code"].as_str().expect("a code").to_string();
    assert_ne!(new_code, old_code);
    let account = ledger.json(&["account", "show", "M1"]);
    assert_eq!(account["card"]["card_number"], 2);
    assert_eq!(account["card"]["active"], true);

    // What the old card signed is still signed and still verifies.
    ledger.assert_verifies();
    let tx = ledger.tx(old_payment);
    assert_eq!(tx["signer_role"], "member");
    assert_eq!(tx["signer_account"], "M1");

    // The old card is refused, even with its right PIN; the ledger is untouched.
    let args = [
        "pay", "M1", "M2", "1", "--work", "care", "--what", "x", "--card", &old_code,
    ];
    ledger.refuses_env(
        &args,
        &[("AKKER_PIN", "1234")],
        REFUSED,
        &["wrong PIN or card for account M1"],
    );
    // The new card with the old PIN is refused too.
    ledger.refuses_env(
        &[
            "pay", "M1", "M2", "1", "--work", "care", "--what", "x", "--card", &new_code,
        ],
        &[("AKKER_PIN", "1234")],
        REFUSED,
        &["wrong PIN or card"],
    );

    // The new card works.
    ledger
        .pay_with_card("M1", &[("M2", "1")], &new_code, "5678")
        .expect(OK);
    assert_eq!(ledger.balance("M1"), "-3.00");
    ledger.assert_verifies();
}

#[test]
fn a_card_cannot_sign_after_its_account_is_closed() {
    let ledger = two_members();
    let code = ledger.issue_card("M2", "1357");
    ledger.ok(&["account", "close", "M2", "--reason", "moved away"]);
    let args = [
        "pay", "M2", "M1", "1", "--work", "care", "--what", "x", "--card", &code,
    ];
    ledger.refuses_env(
        &args,
        &[("AKKER_PIN", "1357")],
        REFUSED,
        &["account M2 is closed"],
    );
    ledger.refuses_env(
        &["card", "issue", "M2"],
        &[("AKKER_PIN", "1357")],
        REFUSED,
        &["account M2 is closed"],
    );
}

/// The card shows the member number and the code on two lines; the code
/// is accepted as typed from it, with or without the number (which `pay`
/// takes from the paying account), and a wrong code is never shown back.
#[test]
fn the_code_printed_on_a_card_is_accepted_as_typed_from_the_card() {
    let ledger = two_members();
    let code = ledger.issue_card("M1", "2468");
    let (number, secret) = code.split_once('/').expect("ACCOUNT/SECRET");
    let svg = std::fs::read_to_string(ledger.dir().join("cards").join("M1-card-1.svg"))
        .expect("the card image");
    assert!(
        svg.contains(&format!(">{number}</text>")) && svg.contains(&format!(">{secret}</text>")),
        "the card prints the number and the code: {svg}"
    );
    let pay = |typed: &str| {
        ledger.run_env(
            &[
                "--json", "pay", "M1", "M2", "0.25", "--work", "care", "--what", "soup", "--card",
            ],
            &[("AKKER_CARD", typed), ("AKKER_PIN", "2468")],
        )
    };
    for typed in [
        secret.to_string(),
        secret.to_lowercase().replace('-', " "),
        format!("{number}\n{secret}"),
        format!("{number} {secret}"),
        code.clone(),
    ] {
        pay(&typed).expect(OK);
    }
    assert_eq!(ledger.balance("M1"), "-1.25");
    // Another member's number in front is still refused.
    ledger.refuses_env(
        &[
            "pay", "M2", "M1", "0.25", "--work", "care", "--what", "soup", "--card",
        ],
        &[("AKKER_CARD", &code), ("AKKER_PIN", "2468")],
        REFUSED,
        &["the card belongs to M1, but M2 pays"],
    );
    for wrong in ["M1/9ZH5-RYFR", "QQQQ-QQQQ-QQQQ", "hello"] {
        let run = pay(wrong).expect(2);
        let shown = wrong.split('/').next_back().expect("a part");
        assert!(!run.stderr.contains(shown), "{wrong} shown back\n{run}");
        assert!(
            run.stderr
                .contains("16 letters and digits printed on the card"),
            "{run}"
        );
    }
    ledger.assert_verifies();
}

/// `akker pay --card` counts wrong PINs like the kiosk and respects its
/// lock; a made-up code counts nothing; `card unlock` lifts the lock and
/// `card revoke` stops a lost card.
#[test]
fn card_payments_count_wrong_pins_and_respect_the_lock() {
    let ledger = two_members();
    let code = ledger.issue_card("M1", "2468");
    let made_up = "M1/ABCD-EFGH-JKMN-PQRS";
    let pay = |card: &str, pin: &str| {
        ledger.run_env(
            &[
                "pay", "M1", "M2", "0.25", "--work", "care", "--what", "soup", "--card", card,
            ],
            &[("AKKER_PIN", pin)],
        )
    };
    // A stranger's made-up code and any number of PINs: nothing counted.
    for _ in 0..6 {
        pay(made_up, "1111")
            .expect(REFUSED)
            .says(&["wrong PIN or card for account M1"]);
    }
    pay(&code, "2468").expect(OK);
    // The real card's wrong PINs count down, the fifth locks.
    for left in (1..=4).rev() {
        let run = pay(&code, "1111").expect(REFUSED);
        let plural = if left == 1 { "" } else { "s" };
        run.says(&[&format!(
            "{left} more wrong PIN{plural} and the card is locked for 15 minutes"
        )]);
    }
    pay(&code, "1111")
        .expect(REFUSED)
        .says(&["locked until", "`akker card unlock M1`"]);
    // Locked: even the right PIN is refused, before anything is asked.
    pay(&code, "2468").expect(REFUSED).says(&["locked until"]);
    let unlocked = ledger.ok(&["card", "unlock", "M1"]);
    assert!(unlocked.contains("Unlocked the card of M1"), "{unlocked}");
    pay(&code, "2468").expect(OK);
    let json = ledger.json(&["card", "unlock", "M1"]);
    assert_eq!(json["was_locked"], false);

    // Lost: revoked without a new card; the code signs nothing more.
    let revoked = ledger.json(&["card", "revoke", "M1", "--reason", "lost"]);
    assert_eq!(revoked["card_number"], 1);
    ledger.refuses_env(
        &[
            "pay", "M1", "M2", "0.25", "--work", "care", "--what", "soup", "--card", &code,
        ],
        &[("AKKER_PIN", "2468")],
        REFUSED,
        &["account M1 has no card; issue one with `akker card issue M1`"],
    );
    let account = ledger.json(&["account", "show", "M1"]);
    assert_eq!(account["card"]["active"], false);
    ledger.refuses(
        &["card", "revoke", "M1", "--reason", "again"],
        REFUSED,
        &["M1 has no active card"],
    );
    // A new card after the revoked one.
    let issued = ledger
        .run_env(&["--json", "card", "issue", "M1"], &[("AKKER_PIN", "1357")])
        .expect(OK)
        .json();
    assert_eq!(issued["card_number"], 2);
    assert_eq!(issued["seqs"].as_array().map(Vec::len), Some(1));
    ledger.assert_verifies();
}

/// A card issued before the kiosk kept card checks (simulated by taking
/// its check away) cannot be told from a made-up code: its wrong PINs
/// count as they always did, until its first right PIN records the
/// check; from then on a made-up code counts nothing. A ledger made
/// before the kiosk's tables existed gets them with its next card.
#[test]
fn a_card_issued_before_checks_is_protected_after_its_first_right_pin() {
    let ledger = two_members();
    // A ledger file from before the kiosk's tables.
    let sql = ledger.sqlite();
    for table in [
        "offers",
        "kiosk_pin_failures",
        "kiosk_card_checks",
        "kiosk_form_claims",
    ] {
        sql.execute(&format!("DROP TABLE IF EXISTS {table}"), [])
            .expect("drop a kiosk table");
    }
    let code = ledger.issue_card("M1", "2468");
    let checks = |sql: &rusqlite::Connection| -> i64 {
        sql.query_row("SELECT count(*) FROM kiosk_card_checks", [], |r| r.get(0))
            .expect("the kiosk's card checks")
    };
    assert_eq!(checks(&sql), 1, "card issue writes the check with the card");
    // Now as if the card were older than the checks.
    sql.execute("DELETE FROM kiosk_card_checks", [])
        .expect("forget the check");
    let made_up = "M1/ABCD-EFGH-JKMN-PQRS";
    let pay = |card: &str, pin: &str| {
        ledger.run_env(
            &[
                "pay", "M1", "M2", "0.25", "--work", "care", "--what", "soup", "--card", card,
            ],
            &[("AKKER_PIN", pin)],
        )
    };
    pay(made_up, "1111")
        .expect(REFUSED)
        .says(&["4 more wrong PINs and the card is locked"]);
    // The right PIN proves the code genuine and records its check.
    pay(&code, "2468").expect(OK);
    assert_eq!(checks(&sql), 1);
    for _ in 0..6 {
        pay(made_up, "1111")
            .expect(REFUSED)
            .says(&["wrong PIN or card for account M1"]);
    }
    pay(&code, "2468").expect(OK);
    ledger.assert_verifies();
}
