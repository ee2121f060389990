//! Issue 13 on the real binary: soft limits, the floor that grows with
//! giving, gifts, and the community fund's contribution and demurrage.

mod common;

use common::{minor, seq_of, Ledger, OK, REFUSED};

/// Sets signed settings, in order.
fn set(ledger: &Ledger, settings: &[(&str, &str)]) {
    for (name, value) in settings {
        ledger.ok(&["settings", "set", name, value]);
    }
}

/// A payment from a paper slip at a pinned time; returns its entry.
fn pay_at(ledger: &Ledger, now: &str, from: &str, to: &str, amount: &str) -> i64 {
    let slip = Ledger::new_slip();
    let run = ledger.run_env(
        &[
            "--json", "pay", from, to, amount, "--work", "care", "--what", "Hulp", "--slip", &slip,
        ],
        &[("AKKER_NOW", now)],
    );
    seq_of(&run.expect(OK).json())
}

/// One account's line of `balance --json`.
fn balance_line(ledger: &Ledger, id: &str) -> serde_json::Value {
    ledger.json(&["balance", id])["accounts"][0].clone()
}

#[test]
fn a_soft_limit_crossed_records_and_gives_a_notice() {
    let ledger = Ledger::new();
    ledger.open("M001", "Marie");
    ledger.open("M002", "Jan");
    set(&ledger, &[("limits.person.soft-floor", "-3")]);
    let slip = Ledger::new_slip();
    let run = ledger.run(&[
        "pay", "M001", "M002", "4", "--work", "care", "--what", "Hulp", "--slip", &slip,
    ]);
    let run = run.expect(OK);
    assert!(
        run.stdout
            .contains("Notice: M001 is at -4.00, below its soft floor of -3.00"),
        "{run}"
    );
    assert_eq!(ledger.balance("M001"), "-4.00");
    let line = balance_line(&ledger, "M001");
    assert_eq!(line["notice"]["notice"], "below-soft-floor");
    assert_eq!(line["soft_floor"], "-3.00");
    let table = ledger.ok(&["balance"]);
    assert!(table.contains("Past a soft limit"), "{table}");
    // An account's own soft limits win over its kind's, and are listed.
    ledger.ok(&[
        "account",
        "soft-limits",
        "M002",
        "--ceiling",
        "3",
        "--reason",
        "agreed with the member",
    ]);
    let line = balance_line(&ledger, "M002");
    assert_eq!(line["notice"]["notice"], "above-soft-ceiling");
    let shown = ledger.ok(&["account", "show", "M002"]);
    assert!(shown.contains("soft-limits-set"), "{shown}");
    assert!(shown.contains("agreed with the member"), "{shown}");
    let json = ledger.json(&["account", "show", "M002"]);
    assert_eq!(json["limit_history"][1]["change"], "soft-limits-set");
    ledger.assert_verifies();
}

#[test]
fn a_hard_limit_still_refuses_and_leaves_the_file_untouched() {
    let ledger = Ledger::new();
    ledger.open("M001", "Marie");
    ledger.open("M002", "Jan");
    set(
        &ledger,
        &[
            ("growth.base", "-5"),
            ("growth.factor", "0.5"),
            ("growth.months", "12"),
            ("growth.cap", "-40"),
            ("limits.person.soft-floor", "-2"),
        ],
    );
    ledger.pay("M001", &[("M002", "5")]);
    let bytes = std::fs::read(ledger.db()).expect("the ledger file");
    let slip = Ledger::new_slip();
    ledger.refuses(
        &[
            "pay", "M001", "M002", "0.01", "--work", "care", "--what", "Hulp", "--slip", &slip,
        ],
        REFUSED,
        &["M001", "-5.01", "below its floor of -5.00"],
    );
    assert_eq!(
        std::fs::read(ledger.db()).expect("the ledger file"),
        bytes,
        "a refused payment changed the file"
    );
}

#[test]
fn the_grown_floor_follows_the_formula_for_each_history() {
    // base -10, factor 0.5, over 2 months, never below -40.
    let ledger = Ledger::new_at("2026-01-05T09:00:00Z");
    ledger.open_with(
        "INIT",
        "Buurthuis",
        &["--kind", "initiative", "--floor", "-1000"],
    );
    ledger.open_with("SYS-FUND", "Fund", &["--kind", "system"]);
    for id in ["A", "B", "C", "D", "E", "F", "G"] {
        ledger.open_with(id, &format!("Member {id}"), &["--ceiling", "200"]);
    }
    set(
        &ledger,
        &[
            ("growth.base", "-10"),
            ("growth.factor", "0.5"),
            ("growth.months", "2"),
            ("growth.cap", "-40"),
            ("fund.account", "SYS-FUND"),
        ],
    );
    // A gave 4 hours on 10 January: out of the window by 15 March.
    pay_at(&ledger, "2026-01-10T10:00:00Z", "INIT", "A", "4");
    pay_at(&ledger, "2026-02-01T10:00:00Z", "INIT", "B", "10");
    let at = "2026-02-25T10:00:00Z";
    pay_at(&ledger, at, "INIT", "B", "20");
    pay_at(&ledger, at, "INIT", "C", "100");
    pay_at(&ledger, at, "INIT", "D", "10");
    // D's own limits are left alone by the policy.
    ledger
        .run_env(
            &[
                "account",
                "set-limits",
                "D",
                "--floor",
                "-30",
                "--ceiling",
                "40",
                "--reason",
                "agreed",
            ],
            &[("AKKER_NOW", at)],
        )
        .expect(OK);
    // E received a gift (not work), F a welcome credit from the fund
    // (a system account: not work), G was paid and the payment reversed.
    ledger
        .run_env(
            &[
                "gift",
                "INIT",
                "E",
                "8",
                "--why",
                "thank you",
                "--slip",
                "G-1",
            ],
            &[("AKKER_NOW", at)],
        )
        .expect(OK);
    ledger
        .run_env(
            &[
                "pay",
                "SYS-FUND",
                "F",
                "5",
                "--work",
                "community",
                "--what",
                "Welkom",
                "--treasurer",
            ],
            &[("AKKER_NOW", at)],
        )
        .expect(OK);
    let g = pay_at(&ledger, at, "INIT", "G", "6");
    ledger
        .run_env(
            &["tx", "reverse", &g.to_string(), "--reason", "wrong member"],
            &[("AKKER_NOW", at)],
        )
        .expect(OK);
    let ledger = ledger.at("2026-03-15T10:00:00Z");
    // (account, hours given in the window, floor in force)
    for (id, given, floor) in [
        ("A", Some("0.00"), "-10.00"),
        ("B", Some("30.00"), "-25.00"),
        ("C", Some("100.00"), "-40.00"),
        ("D", None, "-30.00"),
        ("E", Some("0.00"), "-10.00"),
        ("F", Some("0.00"), "-10.00"),
        ("G", Some("0.00"), "-10.00"),
    ] {
        let line = balance_line(&ledger, id);
        assert_eq!(line["floor"], floor, "{id}: {line:#}");
        assert_eq!(
            line["grown_floor"]["given"].as_str(),
            given,
            "{id}: {line:#}"
        );
    }
    assert_eq!(balance_line(&ledger, "C")["grown_floor"]["capped"], true);
    // B (at 30.00) can pay down to exactly -25.00, and not a hundredth more.
    ledger.pay("B", &[("INIT", "55")]);
    let slip = Ledger::new_slip();
    ledger.refuses(
        &[
            "pay", "B", "INIT", "0.01", "--work", "care", "--what", "Hulp", "--slip", &slip,
        ],
        REFUSED,
        &["below its floor of -25.00"],
    );
    ledger.assert_verifies();
}

#[test]
fn a_gift_moves_hours_and_is_not_counted_as_work() {
    let ledger = Ledger::new_at("2026-03-02T09:00:00Z");
    ledger.open("M001", "Marie");
    ledger.open("M002", "Jan");
    ledger.open_with("SYS-FUND", "Fund", &["--kind", "system"]);
    set(&ledger, &[("fund.account", "SYS-FUND")]);
    let code = ledger.issue_card("M001", "2580");
    let run = ledger
        .run_env(
            &[
                "--json",
                "gift",
                "M001",
                "M002",
                "2.50",
                "--why",
                "a present",
                "--card",
                &code,
            ],
            &[("AKKER_PIN", "2580")],
        )
        .expect(OK);
    let gift = seq_of(&run.json());
    assert_eq!(ledger.balance("M001"), "-2.50");
    assert_eq!(ledger.balance("M002"), "2.50");
    let tx = ledger.tx(gift);
    assert_eq!(tx["movement"], "gift");
    assert_eq!(tx["signer_role"], "member");
    // To the community fund, from a paper slip.
    ledger.ok(&[
        "gift",
        "M002",
        "fund",
        "1",
        "--why",
        "for the chest",
        "--slip",
        "G-7",
    ]);
    assert_eq!(ledger.balance("SYS-FUND"), "1.00");
    // A card signs only its own account's gifts.
    ledger.refuses_env(
        &["gift", "M002", "M001", "1", "--why", "x", "--card", &code],
        &[("AKKER_PIN", "2580")],
        REFUSED,
        &["the card belongs to M001"],
    );
    // The attestation counts work only: M002 was given hours, not paid.
    let out = ledger.dir().join("att.txt");
    let ledger = ledger.at("2026-04-02T09:00:00Z");
    ledger
        .run(&[
            "attest",
            "M002",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-31",
            "--format",
            "text",
            "--out",
            out.to_str().unwrap(),
        ])
        .expect(OK);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(!text.contains("2,50") && !text.contains("2.50"), "{text}");
    ledger.assert_verifies();
}

#[test]
fn a_contribution_preview_is_what_is_recorded_once_per_period() {
    let ledger = Ledger::new_at("2026-01-03T09:00:00Z");
    for id in ["M001", "M002", "M003"] {
        ledger.open(id, id);
    }
    ledger.open_with("SYS-FUND", "Fund", &["--kind", "system"]);
    ledger.ok(&["account", "close", "M003", "--reason", "moved away"]);
    set(
        &ledger,
        &[
            ("fund.account", "SYS-FUND"),
            ("fund.contribution.amount", "1"),
        ],
    );
    let preview = ledger.json(&[
        "fund",
        "run",
        "contribution",
        "--period",
        "2026",
        "--preview",
    ]);
    assert_eq!(preview["seq"], serde_json::Value::Null);
    let before = ledger.snapshot();
    assert_eq!(before, ledger.snapshot(), "a preview records nothing");
    let recorded = ledger.json(&["fund", "run", "contribution", "--period", "2026"]);
    assert_eq!(recorded["postings"], preview["postings"]);
    assert_eq!(recorded["total"], "2.00");
    assert_eq!(ledger.balance("M001"), "-1.00");
    assert_eq!(
        ledger.balance("M003"),
        "0.00",
        "a closed account pays nothing"
    );
    ledger.refuses(
        &["fund", "run", "contribution", "--period", "2026"],
        REFUSED,
        &["already ran for 2026"],
    );
    ledger.refuses(
        &["fund", "run", "contribution", "--period", "2027"],
        REFUSED,
        &["has not begun"],
    );
    // Reversed, the period may run again.
    let seq = recorded["seq"].as_i64().unwrap().to_string();
    ledger.ok(&["tx", "reverse", &seq, "--reason", "voted down"]);
    let ledger = ledger.at("2026-01-04T09:00:00Z");
    ledger.ok(&["fund", "run", "contribution", "--period", "2026"]);
    let runs = ledger.json(&["fund", "list"]);
    assert_eq!(runs.as_array().unwrap().len(), 2);
    assert!(runs[0]["reversed_by"].as_i64().is_some());
    ledger.assert_verifies();
}

/// (balance − threshold) × rate, to the hundredth, halves away from zero,
/// computed here in plain integers from the rule as the guide states it.
fn demurrage_minor(balance_minor: i64, threshold_minor: i64, rate_bp: i64) -> i64 {
    let above = balance_minor - threshold_minor;
    if above <= 0 {
        return 0;
    }
    let scaled = above * rate_bp;
    scaled / 10_000 + i64::from(scaled % 10_000 * 2 >= 10_000)
}

#[test]
fn demurrage_over_a_year_is_the_plain_calculation() {
    let ledger = Ledger::new_at("2026-01-01T10:00:00Z");
    ledger.open_with(
        "INIT",
        "Buurthuis",
        &["--kind", "initiative", "--floor", "-1000"],
    );
    ledger.open_with("SYS-FUND", "Fund", &["--kind", "system"]);
    let members = [
        ("M001", "100.00"),
        ("M002", "25.55"),
        ("M003", "20.00"),
        ("M004", "33.33"),
    ];
    for (id, amount) in members {
        ledger.open_with(id, id, &["--ceiling", "200"]);
        ledger.pay("INIT", &[(id, amount)]);
    }
    set(
        &ledger,
        &[
            ("fund.account", "SYS-FUND"),
            ("fund.demurrage.rate-percent", "1.5"),
            ("fund.demurrage.threshold", "20"),
        ],
    );
    let mut balances: Vec<i64> = members.iter().map(|(_, a)| minor(a)).collect();
    let mut fund = 0;
    for month in 1..=12 {
        let now = format!("2026-{month:02}-01T10:00:00Z");
        let period = format!("2026-{month:02}");
        let run = ledger
            .run_env(
                &["--json", "fund", "run", "demurrage", "--period", &period],
                &[("AKKER_NOW", &now)],
            )
            .expect(OK)
            .json();
        let mut expected = Vec::new();
        for (i, (id, _)) in members.iter().enumerate() {
            let charge = demurrage_minor(balances[i], 2000, 150);
            if charge > 0 {
                balances[i] -= charge;
                fund += charge;
                expected.push((id.to_string(), -charge));
            }
        }
        let got: Vec<(String, i64)> = run["postings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p[0].as_str().unwrap().to_string(),
                    minor(p[1].as_str().unwrap()),
                )
            })
            .filter(|(id, _)| id != "SYS-FUND")
            .collect();
        assert_eq!(got, expected, "{period}");
    }
    for (i, (id, _)) in members.iter().enumerate() {
        assert_eq!(minor(&ledger.balance(id)), balances[i], "{id}");
    }
    assert_eq!(minor(&ledger.balance("SYS-FUND")), fund);
    let ledger = ledger.at("2026-12-01T10:00:00Z");
    ledger.assert_verifies();
}

#[test]
fn verify_reports_a_tampered_fund_run() {
    let ledger = Ledger::new_at("2026-01-03T09:00:00Z");
    ledger.open("M001", "M001");
    ledger.open("M002", "M002");
    ledger.open_with("SYS-FUND", "Fund", &["--kind", "system"]);
    set(
        &ledger,
        &[
            ("fund.account", "SYS-FUND"),
            ("fund.contribution.amount", "1"),
        ],
    );
    let run = ledger.json(&["fund", "run", "contribution", "--period", "2026"]);
    let seq = run["seq"].as_i64().unwrap();
    let sql = ledger.sqlite();
    sql.execute_batch("DROP TRIGGER postings_no_update")
        .unwrap();
    sql.execute(
        "UPDATE postings SET amount_minor = amount_minor * 2 WHERE seq = ?1",
        [seq],
    )
    .unwrap();
    drop(sql);
    let (run, report) = ledger.verify_report();
    assert_eq!(run.code, REFUSED, "{run}");
    let problems = report["problems"].to_string();
    assert!(problems.contains(&format!("#{seq}")), "{problems}");
}

#[test]
fn verify_replays_the_grown_floor() {
    let ledger = Ledger::new();
    ledger.open("M001", "Marie");
    ledger.open("M002", "Jan");
    set(
        &ledger,
        &[
            ("growth.base", "-5"),
            ("growth.factor", "0.5"),
            ("growth.months", "12"),
            ("growth.cap", "-40"),
        ],
    );
    // The treasurer lets a payment pass the grown floor, saying why ...
    let slip = Ledger::new_slip();
    let run = ledger.run(&[
        "--json",
        "pay",
        "M001",
        "M002",
        "8",
        "--work",
        "care",
        "--what",
        "Hulp",
        "--slip",
        &slip,
        "--override-limits",
        "agreed at the meeting",
    ]);
    let seq = seq_of(&run.expect(OK).json());
    ledger.assert_verifies();
    // ... and someone takes the reason out of the file: the payment now
    // breaks the floor the growth policy gave M001 when it was recorded.
    let sql = ledger.sqlite();
    sql.execute_batch("DROP TRIGGER transactions_no_update")
        .unwrap();
    sql.execute(
        "UPDATE transactions SET override_reason = NULL WHERE seq = ?1",
        [seq],
    )
    .unwrap();
    drop(sql);
    let (run, report) = ledger.verify_report();
    assert_eq!(run.code, REFUSED, "{run}");
    let rules: Vec<&serde_json::Value> = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["check"] == "rules")
        .collect();
    assert!(
        rules.iter().any(|p| p["message"]
            .as_str()
            .unwrap()
            .contains("below its floor of -5.00")),
        "{:#}",
        report["problems"]
    );
}

#[test]
fn a_gift_is_exported_and_imported_as_a_gift() {
    let ledger = Ledger::new_at("2026-03-02T09:00:00Z");
    ledger.open("M001", "Marie");
    ledger.open("M002", "Jan");
    ledger.ok(&[
        "gift",
        "M001",
        "M002",
        "1.25",
        "--why",
        "a present",
        "--slip",
        "G-1",
    ]);
    let out = ledger.dir().join("books");
    ledger.ok(&["export", "csv", "--out", out.to_str().unwrap()]);
    let lines = std::fs::read_to_string(out.join("transactions.csv")).unwrap();
    assert!(lines.contains(",gift,"), "{lines}");
    let new = Ledger::new_at("2026-03-03T09:00:00Z");
    for file in ["accounts.csv", "transactions.csv"] {
        let kind = if file == "accounts.csv" {
            "accounts"
        } else {
            "exchanges"
        };
        new.ok(&["import", kind, out.join(file).to_str().unwrap()]);
    }
    assert_eq!(new.balance("M002"), "1.25");
    let txs = new.transactions();
    assert_eq!(txs[0]["movement"], "gift", "{txs:#?}");
    new.assert_verifies();
}

#[test]
fn the_fund_must_be_a_system_account() {
    let ledger = Ledger::new();
    ledger.open("M001", "Marie");
    ledger.refuses(
        &["settings", "set", "fund.account", "M001"],
        REFUSED,
        &["M001 is a person account", "system account"],
    );
    ledger.refuses(
        &["gift", "M001", "fund", "1", "--why", "x", "--slip", "G"],
        REFUSED,
        &["no community fund account is set"],
    );
    ledger.refuses(
        &["settings", "set", "growth.factor", "0.125"],
        common::USAGE,
        &["growth.factor", "at most two decimals"],
    );
}
