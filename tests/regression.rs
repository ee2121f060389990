//! Regression tests: one per thing that broke or must never break, named
//! after it. The demo a newcomer runs first, and names in every script.

mod common;

use common::{Ledger, REFUSED, USAGE};

#[test]
fn demo_balance_table_totals_zero_and_verifies() {
    let ledger = Ledger::without_file();
    let out = ledger.ok(&["demo"]);
    let total = out
        .lines()
        .find(|l| l.starts_with("TOTAL"))
        .unwrap_or_else(|| panic!("no TOTAL line in the demo output:\n{out}"));
    assert_eq!(
        total.split_whitespace().collect::<Vec<_>>(),
        ["TOTAL", "0.00"],
        "{total}"
    );
    // The line above the total is the rule that sets it off.
    let lines: Vec<&str> = out.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("TOTAL"))
        .expect("the total line");
    assert!(lines[at - 1].starts_with("----"), "{out}");
    assert!(out.contains("Verify: OK"), "{out}");
    let verify = ledger.ok(&["verify"]);
    assert!(verify.contains("OK:"), "{verify}");
    let report = ledger.json(&["verify"]);
    assert!(
        report["transactions"].as_i64().expect("a count") >= 300,
        "{report}"
    );
    assert_eq!(ledger.json(&["balance"])["total"], "0.00");
    // The demo's Arabic and Cyrillic names come out as they went in.
    let accounts = ledger.json(&["account", "list"]);
    let names: Vec<&str> = accounts
        .as_array()
        .expect("accounts")
        .iter()
        .filter_map(|a| a["display_name"].as_str())
        .collect();
    assert!(
        names.contains(&"فاطمة الزهراء بنعلي") && names.contains(&"Олена Коваленко"),
        "{names:?}"
    );
}

#[test]
fn demo_replaces_an_earlier_demo_but_never_a_real_ledger() {
    let ledger = Ledger::without_file();
    ledger.ok(&["demo"]);
    ledger.ok(&["demo"]);
    ledger.ok(&["verify"]);

    let real = Ledger::new();
    real.open("M1", "Ann");
    let before = std::fs::read(real.db()).expect("the ledger file");
    real.run(&["demo"])
        .expect(REFUSED)
        .says(&["is not a demo ledger"]);
    assert_eq!(
        std::fs::read(real.db()).expect("the ledger file"),
        before,
        "demo touched a real ledger"
    );
    assert_eq!(real.json(&["account", "show", "M1"])["display_name"], "Ann");
}

#[test]
fn names_in_any_script_round_trip_exactly() {
    let ledger = Ledger::new();
    let people = [
        ("M1", "فاطمة الزهراء بنعلي", "ar"),
        ("M2", "Олена Коваленко", "uk"),
        ("M3", "Şükrü Öztürk", "tr"),
        ("M4", "Zoë Lefèvre", "fr"),
        // Decomposed (e + combining diaeresis): stored in NFC (issue 16),
        // so it is the same name as M4's typed precomposed.
        ("M5", "Zoe\u{0308} Lefe\u{0300}vre", "fr"),
        ("M6", "Νίκος Παπαδόπουλος", "el"),
        ("M7", "احمد رحیمی", "fa"),
    ];
    for (id, name, language) in people {
        ledger.ok(&["account", "add", id, "--name", name, "--language", language]);
    }
    for (id, name, language) in people {
        let account = ledger.json(&["account", "show", id]);
        let stored: String = unicode_normalization::UnicodeNormalization::nfc(name).collect();
        assert_eq!(
            account["display_name"].as_str().map(str::as_bytes),
            Some(stored.as_bytes()),
            "{id}"
        );
        assert_eq!(account["language"], language);
    }
    // Surrounding spaces are trimmed, nothing else is touched.
    ledger.ok(&["account", "add", "M8", "--name", "  Ольга Иванова  "]);
    assert_eq!(
        ledger.json(&["account", "show", "M8"])["display_name"],
        "Ольга Иванова"
    );

    // The names reach every view: a transaction, the balance table.
    let seq = ledger.pay("M1", &[("M2", "1"), ("M7", "2")]);
    let tx = ledger.tx(seq);
    let names: Vec<&str> = tx["postings"]
        .as_array()
        .expect("postings")
        .iter()
        .map(|p| p["display_name"].as_str().expect("a name"))
        .collect();
    assert_eq!(
        names,
        ["فاطمة الزهراء بنعلي", "Олена Коваленко", "احمد رحیمی"]
    );
    let table = ledger.ok(&["balance"]);
    for (_, name, _) in people {
        let stored: String = unicode_normalization::UnicodeNormalization::nfc(name).collect();
        assert!(
            table.contains(&stored),
            "the balance table lost {name:?}:\n{table}"
        );
    }
    ledger.assert_verifies();
}

#[test]
fn negative_amount_is_not_mistaken_for_an_option() {
    // `-1` used to be read as an unknown option (exit 2 with clap's
    // "unexpected argument"), hiding the real mistake: the sign.
    let ledger = Ledger::new();
    ledger.open("M1", "Ann");
    ledger.open("M2", "Bob");
    let args = Ledger::pay_args("M1", &[("M2", "-1")], "Hulp");
    let run = ledger.run(&args).expect(USAGE).says(&["'-1' is negative"]);
    assert!(!run.stderr.contains("unexpected argument"), "{run}");
}

#[test]
fn override_with_a_card_is_a_usage_error_before_any_key_work() {
    // `--override-limits` once declared `requires = "slip"`, which clap did
    // not enforce when `--card` was given: the payment reached the rules
    // (exit 1, after the key derivation) instead of being bad usage.
    let ledger = Ledger::new();
    ledger.open("M1", "Ann");
    ledger.open("M2", "Bob");
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
        "--override-limits",
        "because",
    ];
    // No card was ever issued: reaching the card lookup would say so.
    ledger
        .run_env(&args, &[("AKKER_PIN", "1234")])
        .expect(USAGE)
        .says(&["--card", "cannot be used with", "--override-limits"]);
}
