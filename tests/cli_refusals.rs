//! Every way the command line refuses something: the exit status (1 for
//! a refusal, 2 for bad usage), a message that says what is wrong, and a
//! ledger left exactly as it was (same transactions, same accounts, same
//! chain head, and `verify` still passes).

mod common;

use common::{Ledger, REFUSED, USAGE};

/// Ann (M1) and Bob (M2), two members with the default limits -20:40.
fn two_members() -> Ledger {
    Ledger::from_template("two-members", |ledger| {
        ledger.open("M1", "Ann");
        ledger.open("M2", "Bob");
    })
}

/// Two members in a ledger made on 1 March 2026, for tests that pin the
/// clock: recording time never goes backwards, so the ledger must be
/// older than the times they pin.
fn two_members_since_march() -> Ledger {
    let ledger = Ledger::without_file().at("2026-03-01T08:00:00Z");
    ledger.ok(&["init"]);
    ledger.open("M1", "Ann");
    ledger.open("M2", "Bob");
    ledger
}

fn pay_args<'a>(from: &'a str, payees: &[(&'a str, &'a str)]) -> Vec<&'a str> {
    Ledger::pay_args(from, payees, "Boodschappen gedaan")
}

// --- amounts ---------------------------------------------------------

#[test]
fn amount_with_three_decimals_is_refused() {
    let ledger = two_members();
    ledger.refuses(
        &pay_args("M1", &[("M2", "1.505")]),
        USAGE,
        &["'1.505'", "more than two decimals"],
    );
    // A thousands separator written Belgian style is caught the same way.
    ledger.refuses(
        &pay_args("M1", &[("M2", "1.500")]),
        USAGE,
        &["'1.500'", "more than two decimals"],
    );
}

#[test]
fn zero_amount_is_refused() {
    let ledger = two_members();
    ledger.refuses(
        &pay_args("M1", &[("M2", "0")]),
        USAGE,
        &["M2", "must not be zero"],
    );
    ledger.refuses(
        &pay_args("M1", &[("M2", "0.00")]),
        USAGE,
        &["must not be zero"],
    );
}

#[test]
fn negative_amount_is_refused_with_its_own_message() {
    let ledger = two_members();
    ledger.refuses(
        &pay_args("M1", &[("M2", "-1")]),
        USAGE,
        &["'-1' is negative", "positive amount"],
    );
    ledger.refuses(
        &pay_args("M1", &[("M2", "-0.50")]),
        USAGE,
        &["'-0.50' is negative"],
    );
}

#[test]
fn absurd_amount_is_refused() {
    let ledger = two_members();
    ledger.refuses(
        &pay_args("M1", &[("M2", "10000.01")]),
        USAGE,
        &["'10000.01'", "larger than the 10000.00"],
    );
    ledger.refuses(
        &pay_args("M1", &[("M2", "99999999999999999999999")]),
        USAGE,
        &["larger than the 10000.00"],
    );
    // Several payees that are each fine can still add up to an absurd total.
    ledger.refuses(
        &pay_args("M1", &[("M2", "6000"), ("M3", "6000")]),
        REFUSED,
        &["12000.00", "larger than the 10000.00"],
    );
}

#[test]
fn amount_that_is_not_a_number_is_refused() {
    let ledger = two_members();
    for bad in ["abc", "1e3", "1.2.3", "1,5,0", "2h"] {
        ledger.refuses(
            &pay_args("M1", &[("M2", bad)]),
            USAGE,
            &[&format!("'{bad}' is not an amount")],
        );
    }
}

#[test]
fn payees_without_an_amount_are_a_usage_error() {
    let ledger = two_members();
    ledger.open("M3", "Cem");
    let args = [
        "pay", "M1", "M2", "1", "M3", "--work", "care", "--what", "x", "--slip", "S",
    ];
    ledger.refuses(&args, USAGE, &["TO AMOUNT"]);
}

// --- accounts ----------------------------------------------------------

#[test]
fn unknown_account_is_refused() {
    let ledger = two_members();
    ledger.refuses(
        &pay_args("M1", &[("M9", "1")]),
        REFUSED,
        &["no account M9", "account list"],
    );
    ledger.refuses(&pay_args("M9", &[("M1", "1")]), REFUSED, &["no account M9"]);
    ledger.refuses(&["account", "show", "M9"], REFUSED, &["no account M9"]);
    ledger.refuses(&["history", "M9"], REFUSED, &["no account M9"]);
    ledger.refuses(&["balance", "M9"], REFUSED, &["no account M9"]);
}

#[test]
fn paying_oneself_is_refused() {
    let ledger = two_members();
    ledger.refuses(
        &pay_args("M1", &[("M1", "1")]),
        REFUSED,
        &["M1 appears twice"],
    );
    // Ids are case-insensitive, so "m1" is the same account.
    ledger.refuses(
        &pay_args("M1", &[("m1", "1")]),
        REFUSED,
        &["M1 appears twice"],
    );
    ledger.refuses(
        &pay_args("M1", &[("M2", "1"), ("M2", "2")]),
        REFUSED,
        &["M2 appears twice"],
    );
}

#[test]
fn closed_account_can_neither_pay_nor_receive() {
    let ledger = two_members();
    ledger.open("M3", "Cem");
    ledger.ok(&["account", "close", "M3", "--reason", "moved away"]);
    ledger.refuses(
        &pay_args("M1", &[("M3", "1")]),
        REFUSED,
        &["account M3 is closed"],
    );
    ledger.refuses(
        &pay_args("M3", &[("M1", "1")]),
        REFUSED,
        &["account M3 is closed"],
    );
    ledger.refuses(
        &["account", "close", "M3", "--reason", "again"],
        REFUSED,
        &["M3 is already closed"],
    );
    ledger.refuses(
        &[
            "account",
            "set-limits",
            "M3",
            "--floor",
            "-5",
            "--ceiling",
            "5",
            "--reason",
            "x",
        ],
        REFUSED,
        &["account M3 is closed"],
    );
}

#[test]
fn closing_an_account_with_a_balance_is_refused() {
    let ledger = two_members();
    ledger.pay("M1", &[("M2", "1.50")]);
    ledger.refuses(
        &["account", "close", "M1", "--reason", "moved away"],
        REFUSED,
        &["M1 has a balance of -1.50", "bring it to zero"],
    );
    ledger.refuses(
        &["account", "close", "M2", "--reason", "moved away"],
        REFUSED,
        &["M2 has a balance of 1.50"],
    );
}

#[test]
fn duplicate_account_id_is_refused() {
    let ledger = two_members();
    ledger.refuses(
        &["account", "add", "M1", "--name", "Another Ann"],
        REFUSED,
        &["account M1 already exists"],
    );
    // Ids are stored in upper case: "m1" is M1.
    ledger.refuses(
        &["account", "add", "m1", "--name", "Another Ann"],
        REFUSED,
        &["account M1 already exists"],
    );
}

#[test]
fn bad_account_id_is_a_usage_error() {
    let ledger = two_members();
    for bad in ["M 3", "M/3", "M3-", "Ä3", &"X".repeat(33)] {
        ledger.refuses(
            &["account", "add", bad, "--name", "Cem"],
            USAGE,
            &["not a valid account id"],
        );
    }
    ledger.refuses(
        &pay_args("M1", &[("M/2", "1")]),
        USAGE,
        &["'M/2' is not a valid account id"],
    );
}

#[test]
fn bad_language_is_a_usage_error() {
    let ledger = two_members();
    ledger.refuses(
        &[
            "account",
            "add",
            "M3",
            "--name",
            "Cem",
            "--language",
            "dutch",
        ],
        USAGE,
        &["'dutch' is not a language code"],
    );
}

#[test]
fn empty_or_oversized_names_are_refused() {
    let ledger = two_members();
    ledger.refuses(
        &["account", "add", "M3", "--name", "   "],
        USAGE,
        &["display name is empty"],
    );
    ledger.refuses(
        &["account", "add", "M3", "--name", &"n".repeat(101)],
        USAGE,
        &["longer than 100 characters"],
    );
    ledger.refuses(
        &["account", "add", "M3", "--name", "a\tb"],
        USAGE,
        &["control characters"],
    );
}

#[test]
fn limits_that_exclude_zero_are_refused() {
    let ledger = two_members();
    ledger.refuses(
        &[
            "account",
            "set-limits",
            "M1",
            "--floor",
            "5",
            "--ceiling",
            "40",
            "--reason",
            "x",
        ],
        USAGE,
        &["floor 5.00 is above zero"],
    );
}

// --- limits ------------------------------------------------------------

#[test]
fn payment_below_the_floor_names_account_balance_and_floor() {
    let ledger = two_members();
    ledger.pay("M1", &[("M2", "1.50")]);
    ledger.refuses(
        &pay_args("M1", &[("M2", "25")]),
        REFUSED,
        &["account M1 would go to -26.50, below its floor of -20.00"],
    );
    // Exactly reaching the floor is allowed.
    ledger.pay("M1", &[("M2", "18.50")]);
    assert_eq!(ledger.balance("M1"), "-20.00");
    ledger.refuses(
        &pay_args("M1", &[("M2", "0.01")]),
        REFUSED,
        &["M1 would go to -20.01, below its floor of -20.00"],
    );
}

#[test]
fn payment_above_the_ceiling_names_account_balance_and_ceiling() {
    let ledger = two_members();
    ledger.open_with("M3", "Cem", &["--ceiling", "5"]);
    ledger.pay("M1", &[("M3", "4")]);
    ledger.refuses(
        &pay_args("M1", &[("M3", "1.25")]),
        REFUSED,
        &["account M3 would go to 5.25, above its ceiling of 5.00"],
    );
    // One payee over its ceiling stops the whole multi-posting payment.
    ledger.refuses(
        &pay_args("M1", &[("M2", "1"), ("M3", "2")]),
        REFUSED,
        &["M3 would go to 6.00, above its ceiling"],
    );
}

#[test]
fn override_with_a_card_is_a_usage_error() {
    // Only the treasurer overrides limits: a member's card never can.
    let ledger = two_members();
    let code = ledger.issue_card("M1", "1234");
    let args = [
        "pay",
        "M1",
        "M2",
        "25",
        "--work",
        "care",
        "--what",
        "x",
        "--card",
        &code,
        "--override-limits",
        "board agreed",
    ];
    ledger.refuses_env(
        &args,
        &[("AKKER_PIN", "1234")],
        USAGE,
        &["--card", "cannot be used with", "--override-limits"],
    );
}

#[test]
fn override_without_a_signer_is_a_usage_error() {
    // Neither a slip nor --treasurer: nobody to sign the override.
    let ledger = two_members();
    let args = [
        "pay",
        "M1",
        "M2",
        "25",
        "--work",
        "care",
        "--what",
        "x",
        "--override-limits",
        "board agreed",
    ];
    ledger.refuses(&args, USAGE, &["--slip", "--treasurer"]);
}

#[test]
fn override_with_a_reason_is_recorded_and_shown() {
    let ledger = two_members();
    let reason = "Board agreed on 3 March: moving costs";
    let mut args = vec!["--json"];
    args.extend(pay_args("M1", &[("M2", "25")]));
    args.extend(["--override-limits", reason]);
    let seq = common::seq_of(&ledger.run(&args).expect(common::OK).json());
    assert_eq!(ledger.balance("M1"), "-25.00");
    assert_eq!(ledger.tx(seq)["override_reason"], reason);
    let shown = ledger.ok(&["tx", "show", &seq.to_string()]);
    assert!(
        shown.contains(&format!("limits overridden: {reason}")),
        "{shown}"
    );
    // The override is part of the signed history, and the ledger verifies.
    ledger.assert_verifies();
    // The account is now below its floor: paying more is refused again,
    // but receiving (moving back towards the range) is allowed.
    ledger.refuses(
        &pay_args("M1", &[("M2", "1")]),
        REFUSED,
        &["M1 would go to -26.00, below its floor"],
    );
    ledger.pay("M2", &[("M1", "1")]);
    assert_eq!(ledger.balance("M1"), "-24.00");
}

#[test]
fn override_needs_a_reason() {
    let ledger = two_members();
    let mut args = pay_args("M1", &[("M2", "25")]);
    args.extend(["--override-limits", "  "]);
    ledger.refuses(&args, USAGE, &["reason is required"]);
}

// --- reversals ---------------------------------------------------------

#[test]
fn reversing_twice_is_refused() {
    let ledger = two_members();
    let seq = ledger.pay("M1", &[("M2", "2")]).to_string();
    let reversal =
        common::seq_of(&ledger.json(&["tx", "reverse", &seq, "--reason", "typed twice"]));
    ledger.refuses(
        &["tx", "reverse", &seq, "--reason", "again"],
        REFUSED,
        &[&format!("#{seq} was already reversed by #{reversal}")],
    );
}

#[test]
fn reversing_a_reversal_is_refused() {
    let ledger = two_members();
    let seq = ledger.pay("M1", &[("M2", "2")]).to_string();
    let reversal =
        common::seq_of(&ledger.json(&["tx", "reverse", &seq, "--reason", "typed twice"]))
            .to_string();
    ledger.refuses(
        &["tx", "reverse", &reversal, "--reason", "undo"],
        REFUSED,
        &[&format!("#{reversal} is itself a reversal")],
    );
}

#[test]
fn unknown_transaction_is_refused() {
    let ledger = two_members();
    ledger.refuses(
        &["tx", "reverse", "999", "--reason", "typo"],
        REFUSED,
        &["transaction #999 does not exist"],
    );
    ledger.refuses(
        &["tx", "show", "999"],
        REFUSED,
        &["transaction #999 does not exist"],
    );
    // An entry that is not a transaction (the opening of M1) is not one either.
    ledger.refuses(
        &["tx", "reverse", "2", "--reason", "typo"],
        REFUSED,
        &["transaction #2 does not exist"],
    );
}

#[test]
fn reversal_needs_a_reason() {
    let ledger = two_members();
    let seq = ledger.pay("M1", &[("M2", "2")]).to_string();
    ledger.refuses(
        &["tx", "reverse", &seq, "--reason", ""],
        USAGE,
        &["reason is required"],
    );
    ledger.refuses(&["tx", "reverse", &seq], USAGE, &["--reason"]);
}

// --- descriptions and dates ------------------------------------------

#[test]
fn empty_description_is_refused() {
    let ledger = two_members();
    ledger.refuses(
        &Ledger::pay_args("M1", &[("M2", "1")], "   "),
        USAGE,
        &["description is empty"],
    );
    ledger.refuses(
        &Ledger::pay_args("M1", &[("M2", "1")], ""),
        USAGE,
        &["description is empty"],
    );
}

#[test]
fn future_date_is_refused() {
    let ledger = two_members_since_march().at("2026-03-10T10:00:00Z");
    let mut args = pay_args("M1", &[("M2", "1")]);
    args.extend(["--date", "2026-03-11"]);
    ledger.refuses(
        &args,
        REFUSED,
        &["2026-03-11 is in the future (today is 2026-03-10)"],
    );
    let mut args = pay_args("M1", &[("M2", "1")]);
    args.extend(["--date", "11/03/2026"]);
    ledger.refuses(&args, USAGE, &["'11/03/2026' is not a date", "YYYY-MM-DD"]);
}

#[test]
fn today_is_counted_in_the_community_time_zone() {
    // 23:30 UTC on 10 March is already 11 March in Brussels.
    let ledger = two_members_since_march().at("2026-03-10T23:30:00Z");
    let mut args = vec!["--json"];
    args.extend(pay_args("M1", &[("M2", "1")]));
    let seq = common::seq_of(&ledger.run(&args).expect(common::OK).json());
    assert_eq!(ledger.tx(seq)["date"], "2026-03-11");
}

// --- secrets and cards ---------------------------------------------------

#[test]
fn wrong_passphrase_is_refused() {
    let ledger = two_members();
    ledger.refuses_env(
        &pay_args("M1", &[("M2", "1")]),
        &[("AKKER_PASSPHRASE", "not the passphrase")],
        REFUSED,
        &["wrong passphrase"],
    );
    ledger.refuses_env(
        &["account", "add", "M3", "--name", "Cem"],
        &[("AKKER_PASSPHRASE", "nope")],
        REFUSED,
        &["wrong passphrase"],
    );
}

#[test]
fn missing_key_file_is_refused() {
    let ledger = two_members();
    let missing = ledger.dir().join("elsewhere.key");
    let missing = missing.to_str().expect("a UTF-8 path");
    let mut args = vec!["--key", missing];
    args.extend(pay_args("M1", &[("M2", "1")]));
    ledger.refuses(
        &args,
        REFUSED,
        &["cannot read the treasurer's key file", missing, "--key"],
    );
}

#[test]
fn key_file_of_another_ledger_is_refused() {
    let ledger = two_members();
    let other = Ledger::new();
    let other_key = other.key_file();
    let other_key = other_key.to_str().expect("a UTF-8 path");
    let mut args = vec!["--key", other_key];
    args.extend(pay_args("M1", &[("M2", "1")]));
    ledger.refuses(
        &args,
        REFUSED,
        &["is not the treasurer's key of this ledger"],
    );
}

#[test]
fn wrong_pin_is_refused() {
    let ledger = two_members();
    let code = ledger.issue_card("M1", "1234");
    let args = [
        "pay", "M1", "M2", "1", "--work", "care", "--what", "x", "--card", &code,
    ];
    ledger.refuses_env(
        &args,
        &[("AKKER_PIN", "4321")],
        REFUSED,
        &["wrong PIN or card"],
    );
    // A PIN that is not 4 to 6 digits is a usage error before any key work.
    ledger.refuses_env(&args, &[("AKKER_PIN", "12")], USAGE, &["4 to 6 digits"]);
}

#[test]
fn card_of_another_account_is_refused() {
    let ledger = two_members();
    let code = ledger.issue_card("M2", "1234");
    let args = [
        "pay", "M1", "M2", "1", "--work", "care", "--what", "x", "--card", &code,
    ];
    ledger.refuses_env(
        &args,
        &[("AKKER_PIN", "1234")],
        REFUSED,
        &["the card belongs to M2, but M1 pays"],
    );
}

#[test]
fn paying_by_card_without_a_card_is_refused() {
    let ledger = two_members();
    // A well-formed code for an account that never got a card.
    let args = [
        "pay",
        "M1",
        "M2",
        "1",
        "--work",
        "care",
        "--what",
        "x",
        "--card",
        "M1/ABCD-EFGH-JKMN-PQRS",
    ];
    ledger.refuses_env(
        &args,
        &[("AKKER_PIN", "1234")],
        REFUSED,
        &["M1 has no card"],
    );
    let args = [
        "pay",
        "M1",
        "M2",
        "1",
        "--work",
        "care",
        "--what",
        "x",
        "--card",
        "not-a-code",
    ];
    ledger.refuses_env(
        &args,
        &[("AKKER_PIN", "1234")],
        USAGE,
        &[
            "is not the code of a card",
            "16 letters and digits printed on the card",
        ],
    );
}

#[test]
fn card_for_a_system_account_is_refused() {
    let ledger = two_members();
    ledger.open_with("SYS-FUND", "Gemeenschapsfonds", &["--kind", "system"]);
    ledger.refuses_env(
        &["card", "issue", "SYS-FUND"],
        &[("AKKER_PIN", "1234")],
        REFUSED,
        &["system account"],
    );
    assert!(
        !ledger
            .dir()
            .join("cards")
            .join("SYS-FUND-card-1.svg")
            .exists(),
        "a card image was written for a refused card"
    );
}

// --- files ---------------------------------------------------------------

#[test]
fn missing_ledger_file_is_refused_and_not_created() {
    let ledger = Ledger::without_file();
    for args in [
        vec!["balance"],
        vec!["verify"],
        vec!["tx", "list"],
        vec!["account", "add", "M1", "--name", "Ann"],
        Ledger::pay_args("M1", &[("M2", "1")], "x"),
    ] {
        let db = ledger.db().display().to_string();
        ledger
            .run(&args)
            .expect(REFUSED)
            .says(&[&format!("{db} does not exist"), "init"]);
        assert!(
            !ledger.db().exists(),
            "akker {args:?} created the missing ledger file"
        );
    }
}

#[test]
fn init_over_an_existing_ledger_is_refused() {
    let ledger = two_members();
    ledger.pay("M1", &[("M2", "1")]);
    let key_before = std::fs::read(ledger.key_file()).expect("the key file");
    ledger.refuses(&["init"], REFUSED, &["already exists"]);
    // Even with the key file moved out of the way, the ledger is not replaced.
    let other_key = ledger.dir().join("other.key");
    let other_key = other_key.to_str().expect("a UTF-8 path");
    ledger.refuses(&["--key", other_key, "init"], REFUSED, &["already exists"]);
    assert!(
        !std::path::Path::new(other_key).exists(),
        "init left a key file for a ledger it did not create"
    );
    assert_eq!(
        std::fs::read(ledger.key_file()).expect("the key file"),
        key_before,
        "init replaced the treasurer's key"
    );
    assert_eq!(ledger.balance("M1"), "-1.00");
}

#[test]
fn init_does_not_overwrite_a_file_that_is_not_a_ledger() {
    let ledger = Ledger::without_file();
    std::fs::write(ledger.db(), "the treasurer's notes").expect("write a file");
    ledger
        .run(&["init"])
        .expect(REFUSED)
        .says(&["already exists"]);
    assert_eq!(
        std::fs::read_to_string(ledger.db()).expect("the file"),
        "the treasurer's notes"
    );
    ledger
        .run(&["balance"])
        .expect(REFUSED)
        .says(&["is not an akker ledger"]);
}
