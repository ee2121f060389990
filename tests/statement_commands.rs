//! The new parts of a statement as the treasurer gets them, on the real
//! binary: a month with a gift to the community fund, a balance past the
//! soft floor and a request waiting for the member's answer, printed with
//! `akker statement` as text and HTML in the member's language.

mod common;

use common::Ledger;

#[test]
fn akker_statement_prints_the_gift_the_notice_and_the_request_waiting() {
    let ledger = Ledger::new_at("2026-01-02T10:00:00Z");
    ledger.open_with("M001", "Fatima", &["--language", "en"]);
    ledger.open("M002", "Jan");
    ledger.open_with("FUND", "Community fund", &["--kind", "system"]);
    ledger.ok(&["settings", "set", "limits.person.soft-floor", "-1.00"]);
    ledger.ok(&["settings", "set", "fund.account", "FUND"]);
    let ledger = ledger.at("2026-01-05T10:00:00Z");
    ledger.pay("M001", &[("M002", "2.00")]);
    ledger.ok(&[
        "gift",
        "M001",
        "fund",
        "0.50",
        "--why",
        "for the party",
        "--slip",
        "G-1",
    ]);
    ledger.ok(&[
        "request",
        "add",
        "M001",
        "M002",
        "1.25",
        "--work",
        "care",
        "--what",
        "Soup for the week",
        "--slip",
        "R-1",
    ]);
    let ledger = ledger.at("2026-02-02T10:00:00Z");
    let text = ledger.ok(&[
        "statement",
        "--month",
        "2026-01",
        "M001",
        "--format",
        "text",
        "--out",
        "-",
    ]);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in [
        // The soft floor passed, what it means and what to do.
        "Your balance is below -1.00 hours",
        "offer your help to someone",
        // The request waiting on her, with its hours.
        "Waiting for your answer",
        "Soup for the week (Care)",
        "1.25",
        // The gift is a line of its own, not help.
        "Gift",
        "for the party",
        "Not counted as help",
        "Gifts you gave 0.50",
        "Notice below: -1.00 hours",
    ] {
        assert!(flat.contains(needle), "{needle:?} missing:\n{text}");
    }
    // Help received counts the payment only, never the gift.
    assert!(flat.contains("Care 0.00 2.00"), "{text}");
    let html = ledger.ok(&[
        "statement",
        "--month",
        "2026-01",
        "M001",
        "--format",
        "html",
        "--out",
        "-",
    ]);
    assert!(html.contains("class=\"notice\""), "{html}");
    assert!(html.contains("Waiting for your answer"));
}

/// On the real binary, an attestation counts only hours given for work:
/// a member who received a gift has given nothing, and the giver's own
/// hours for work are unchanged by it.
#[test]
fn akker_attest_never_counts_a_gift_as_hours_given() {
    let ledger = Ledger::new_at("2026-01-02T10:00:00Z");
    ledger.open("M001", "Fatima");
    ledger.open("M002", "Jan");
    let ledger = ledger.at("2026-01-05T10:00:00Z");
    ledger.pay("M001", &[("M002", "2.00")]);
    ledger.ok(&[
        "gift",
        "M002",
        "M001",
        "0.75",
        "--why",
        "a thank you",
        "--slip",
        "G-2",
    ]);
    let ledger = ledger.at("2026-02-02T10:00:00Z");
    let attest = |account: &str| {
        ledger.json(&[
            "attest",
            account,
            "--from",
            "2026-01-01",
            "--to",
            "2026-01-31",
        ])
    };
    let fatima = attest("M001");
    assert_eq!(fatima["total_given_minor"], 0, "{fatima}");
    assert_eq!(fatima["exchange_count"], 0);
    let jan = attest("M002");
    assert_eq!(jan["total_given_minor"], 200, "{jan}");
    assert_eq!(jan["exchange_count"], 1);
}
