//! Payments and reversals as the treasurer records them: one payer and
//! several payees in one transaction, and corrections that undo a
//! transaction, say why, and are linked both ways.

mod common;

use common::{minor, posting_sums, seq_of, Ledger, OK, REFUSED};

const MEMBERS: [(&str, &str); 5] = [
    ("M1", "Ann"),
    ("M2", "Bob"),
    ("M3", "فاطمة"),
    ("M4", "Олена"),
    ("M5", "Zoë"),
];

/// Five members and the initiative Wereldvrouwen.
fn community() -> Ledger {
    Ledger::from_template("community", |ledger| {
        ledger.open_with(
            "INIT-WERELDVROUWEN",
            "Wereldvrouwen",
            &["--kind", "initiative"],
        );
        for (id, name) in MEMBERS {
            ledger.open(id, name);
        }
    })
}

/// The balances `akker balance --json` reports, with its total.
fn balances(ledger: &Ledger) -> (std::collections::BTreeMap<String, String>, String) {
    let json = ledger.json(&["balance"]);
    let lines = json["accounts"]
        .as_array()
        .expect("accounts")
        .iter()
        .map(|a| {
            (
                a["account"].as_str().expect("id").to_string(),
                a["balance"].as_str().expect("balance").to_string(),
            )
        })
        .collect();
    (lines, json["total"].as_str().expect("a total").to_string())
}

#[test]
fn an_initiative_pays_five_members_in_one_transaction() {
    let ledger = community();
    let payees = [
        ("M1", "2"),
        ("M2", "1.50"),
        ("M3", "3"),
        ("M4", "0.25"),
        ("M5", "1,25"),
    ];
    let mut args = vec!["--json", "pay", "INIT-WERELDVROUWEN"];
    for (to, amount) in payees {
        args.extend([to, amount]);
    }
    args.extend([
        "--work",
        "community",
        "--skill",
        "cooking",
        "--what",
        "Kookatelier",
        "--slip",
        "2026-03-001",
    ]);
    let seq = seq_of(&ledger.run(&args).expect(OK).json());

    // One transaction, six postings: the initiative pays the sum.
    assert_eq!(ledger.transactions().len(), 1);
    let tx = ledger.tx(seq);
    let postings: Vec<(&str, &str)> = tx["postings"]
        .as_array()
        .expect("postings")
        .iter()
        .map(|p| {
            (
                p["account"].as_str().expect("id"),
                p["amount"].as_str().expect("amount"),
            )
        })
        .collect();
    assert_eq!(
        postings,
        [
            ("INIT-WERELDVROUWEN", "-8.00"),
            ("M1", "2.00"),
            ("M2", "1.50"),
            ("M3", "3.00"),
            ("M4", "0.25"),
            ("M5", "1.25")
        ]
    );
    assert_eq!(tx["work"], "community");
    assert_eq!(tx["skill"], "cooking");
    assert_eq!(tx["slip"], "2026-03-001");
    assert_eq!(tx["signer_role"], "treasurer");

    let (lines, total) = balances(&ledger);
    assert_eq!(total, "0.00");
    assert_eq!(lines["INIT-WERELDVROUWEN"], "-8.00");
    assert_eq!(lines["M3"], "3.00");
    assert_eq!(lines["M5"], "1.25");

    // What the treasurer reads: every member with their name and amount.
    let shown = ledger.ok(&["tx", "show", &seq.to_string()]);
    for needle in [
        "Kookatelier",
        "community (cooking)",
        "treasurer, from slip 2026-03-001",
        "فاطمة",
        "Олена",
        "-8.00",
        "0.25",
    ] {
        assert!(
            shown.contains(needle),
            "tx show does not show {needle:?}:\n{shown}"
        );
    }
    let history = ledger.json(&["history", "M4"]);
    assert_eq!(history["closing"], "0.25");
    ledger.assert_verifies();
}

#[test]
fn a_key_holder_signs_for_the_initiative_with_its_card() {
    let ledger = community();
    let code = ledger.issue_card_with_holder("INIT-WERELDVROUWEN", "M3", "2468");
    let run = ledger
        .pay_with_card(
            "INIT-WERELDVROUWEN",
            &[("M1", "1"), ("M2", "2"), ("M4", "0.50")],
            &code,
            "2468",
        )
        .expect(OK);
    let tx = ledger.tx(seq_of(&run.json()));
    assert_eq!(tx["signer_role"], "key-holder");
    assert_eq!(tx["signer_account"], "INIT-WERELDVROUWEN");
    assert_eq!(tx["postings"].as_array().map(Vec::len), Some(4));
    assert_eq!(ledger.balance("INIT-WERELDVROUWEN"), "-3.50");
    let shown = ledger.ok(&["tx", "show", &tx["seq"].to_string()]);
    assert!(
        shown.contains("key holder of INIT-WERELDVROUWEN (card)"),
        "{shown}"
    );
    ledger.assert_verifies();
}

#[test]
fn the_treasurer_records_welcome_credits_without_a_slip() {
    let ledger = community();
    ledger.open_with("SYS-FUND", "Gemeenschapsfonds", &["--kind", "system"]);
    let args = [
        "--json",
        "pay",
        "SYS-FUND",
        "M1",
        "2",
        "M2",
        "2",
        "--work",
        "community",
        "--what",
        "Welkomstkrediet",
        "--treasurer",
    ];
    let seq = seq_of(&ledger.run(&args).expect(OK).json());
    let tx = ledger.tx(seq);
    assert_eq!(tx["signer_role"], "treasurer");
    assert_eq!(tx["slip"], serde_json::Value::Null);
    assert_eq!(ledger.balance("SYS-FUND"), "-4.00");
    assert_eq!(ledger.balance("M2"), "2.00");
    ledger.assert_verifies();
}

#[test]
fn balances_equal_the_sums_of_postings_and_total_zero() {
    let ledger = community();
    ledger.pay("M1", &[("M2", "1.50")]);
    ledger.pay("M2", &[("M3", "0.75"), ("M4", "0.25")]);
    ledger.pay("INIT-WERELDVROUWEN", &[("M1", "4"), ("M5", "2")]);
    let sums = posting_sums(&ledger.transactions());
    let (lines, total) = balances(&ledger);
    assert_eq!(total, "0.00");
    for (account, balance) in &lines {
        assert_eq!(
            minor(balance),
            sums.get(account).copied().unwrap_or(0),
            "balance of {account}"
        );
    }
    // The human table ends with a TOTAL line that reads zero.
    let table = ledger.ok(&["balance"]);
    let last = table.lines().last().expect("a total line");
    assert!(
        last.starts_with("TOTAL") && last.trim_end().ends_with("0.00"),
        "{table}"
    );
    // History runs the balance line by line and closes on the balance.
    let history = ledger.json(&["history", "M2"]);
    let running: Vec<&str> = history["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .map(|l| l["balance"].as_str().expect("balance"))
        .collect();
    assert_eq!(running, ["1.50", "0.50"]);
    assert_eq!(history["closing"], ledger.balance("M2").as_str());
}

#[test]
fn a_reversal_restores_balances_and_is_linked_both_ways() {
    let ledger = community();
    let first = ledger.pay("M1", &[("M2", "2.50")]);
    let original = ledger.pay(
        "INIT-WERELDVROUWEN",
        &[("M1", "1"), ("M2", "2"), ("M3", "3")],
    );
    let reason = "amount written wrong on the slip";
    let reversal =
        seq_of(&ledger.json(&["tx", "reverse", &original.to_string(), "--reason", reason]));

    // Balances are back to what they were before the original.
    let (lines, total) = balances(&ledger);
    assert_eq!(total, "0.00");
    assert_eq!(lines["INIT-WERELDVROUWEN"], "0.00");
    assert_eq!(lines["M1"], "-2.50");
    assert_eq!(lines["M2"], "2.50");
    assert_eq!(lines["M3"], "0.00");

    // Linked both ways, with the reason, and the original is untouched.
    let orig = ledger.tx(original);
    let rev = ledger.tx(reversal);
    assert_eq!(orig["reversed_by"], reversal);
    assert_eq!(orig["reverses"], serde_json::Value::Null);
    assert_eq!(rev["reverses"], original);
    assert_eq!(rev["reversal_reason"], reason);
    let negated: Vec<i64> = rev["postings"]
        .as_array()
        .expect("postings")
        .iter()
        .map(|p| minor(p["amount"].as_str().expect("amount")))
        .collect();
    let originals: Vec<i64> = orig["postings"]
        .as_array()
        .expect("postings")
        .iter()
        .map(|p| -minor(p["amount"].as_str().expect("amount")))
        .collect();
    assert_eq!(negated, originals);
    assert_eq!(ledger.tx(first)["reversed_by"], serde_json::Value::Null);

    let shown = ledger.ok(&["tx", "show", &reversal.to_string()]);
    assert!(
        shown.contains(&format!("Reverses    #{original}: {reason}")),
        "{shown}"
    );
    let shown = ledger.ok(&["tx", "show", &original.to_string()]);
    assert!(
        shown.contains(&format!("Reversed by #{reversal}")),
        "{shown}"
    );
    let list = ledger.ok(&["tx", "list"]);
    assert!(
        list.contains(&format!("[reversed by #{reversal}]")),
        "{list}"
    );
    // A member's history says which entry was undone, and why.
    let history = ledger.ok(&["history", "M3"]);
    let line = history
        .lines()
        .find(|l| l.contains(&format!("Reversal of #{original}")))
        .unwrap_or_else(|| panic!("{history}"));
    assert!(line.contains(reason), "{history}");
    ledger.assert_verifies();
}

#[test]
fn a_reversal_that_would_break_a_limit_needs_an_override() {
    let ledger = community();
    let gift = ledger.pay("M1", &[("M2", "10")]);
    // Bob spends everything he may: his balance is now at his floor.
    ledger.pay("M2", &[("M3", "30")]);
    assert_eq!(ledger.balance("M2"), "-20.00");
    // Taking the 10 hours back would put Bob 10 hours below his floor.
    ledger.refuses(
        &[
            "tx",
            "reverse",
            &gift.to_string(),
            "--reason",
            "wrong member",
        ],
        REFUSED,
        &["M2 would go to -30.00, below its floor of -20.00"],
    );
    let why = "board decided on 3 March";
    let reversal = seq_of(&ledger.json(&[
        "tx",
        "reverse",
        &gift.to_string(),
        "--reason",
        "wrong member",
        "--override-limits",
        why,
    ]));
    assert_eq!(ledger.balance("M2"), "-30.00");
    assert_eq!(ledger.tx(reversal)["override_reason"], why);
    ledger.assert_verifies();
}

#[test]
fn amounts_are_exact_to_the_hundredth() {
    let ledger = community();
    // Hundredths add up exactly, with no rounding drift.
    let payees: Vec<(&str, &str)> = ["M2", "M3", "M4", "M5"]
        .iter()
        .map(|m| (*m, "0.01"))
        .collect();
    for _ in 0..3 {
        ledger.pay("M1", &payees);
    }
    assert_eq!(ledger.balance("M1"), "-0.12");
    assert_eq!(ledger.balance("M5"), "0.03");
    let json = ledger.json(&["balance"]);
    assert_eq!(json["total"], "0.00");
}
