//! Gifts and limits (issue 13) at the kiosk, on a real `akker kiosk`
//! over a copy of the demo ledger: a gift to a member or to the
//! community fund moves hours, is a gift and not work in the ledger, and
//! a gift form sent twice gives once; below the soft floor the receipt
//! and home say what it means and what to do, and home shows how the
//! grown floor was worked out.

#[path = "common/kiosk.rs"]
mod kiosk;

use akker::ledger::AccountId;
use akker::store::{Movement, Store, TxFilter};
use reqwest::StatusCode;

use kiosk::*;

#[test]
fn a_gift_to_a_member_or_to_the_fund_moves_hours_and_is_not_work() {
    let ledger = Ledger::copy_of_demo();
    ledger.akker_ok(&["settings", "set", "fund.account", "SYS-FUND"], &[]);
    let kiosk = Kiosk::start(&ledger.db());
    let marie = Browser::new(&kiosk);
    marie.login("M001");
    let (marie_before, fund_before, mehmet_before) = (
        ledger.balance("M001"),
        ledger.balance("SYS-FUND"),
        ledger.balance("M004"),
    );
    let give = |to: &str, minor: &str, why: &str| {
        assert_redirect(
            marie.submit("/gift", "/gift/person", &[("to", to)]),
            "/gift/details",
        );
        assert_redirect(
            marie.submit(
                "/gift/details",
                "/gift/details",
                &[("amount_minor", minor), ("why", why)],
            ),
            "/gift/confirm",
        );
        let confirm = marie.page("/gift/confirm");
        assert_spoken_in_words(&plain(&confirm));
        let form = [
            ("csrf", field_value(&confirm, "csrf")),
            ("once", field_value(&confirm, "once")),
            ("pin", card("M001").pin.clone()),
        ];
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_redirect(marie.post("/gift/confirm", &form), "/gift/done");
        // The same form again: given once.
        assert_redirect(marie.post("/gift/confirm", &form), "/gift/done");
        let done = plain(&marie.page("/gift/done"));
        assert_spoken_in_words(&done);
        done
    };
    let pick = plain(&marie.page("/gift"));
    assert!(pick.contains("The community fund"), "{pick}");
    let done = give("SYS-FUND", "100", "Voor het buurtfeest");
    assert!(
        done.contains("The community fund received 1.00 hours from you as a gift."),
        "{done}"
    );
    let done = give("M004", "50", "Verjaardag");
    assert!(
        done.contains("Mehmet Yılmaz received 0.50 hours from you as a gift."),
        "{done}"
    );
    assert_eq!(ledger.balance("M001"), marie_before - 150);
    assert_eq!(ledger.balance("SYS-FUND"), fund_before + 100);
    assert_eq!(ledger.balance("M004"), mehmet_before + 50);
    let store = Store::open(&ledger.db()).unwrap();
    let gifts: Vec<_> = store
        .transactions(&TxFilter {
            account: Some(AccountId::parse("M001").unwrap()),
            ..TxFilter::default()
        })
        .unwrap()
        .into_iter()
        .filter(|tx| tx.movement == Movement::Gift)
        .collect();
    assert_eq!(gifts.len(), 2);
    assert!(gifts.iter().all(|tx| tx.work.is_empty()));
    // Home and this month's statement show them as gifts, never as a kind
    // of work, and the month's totals per kind of work leave them out.
    let home = plain(&marie.page("/home"));
    assert_eq!(home.matches("data-movement=\"gift\"").count(), 2, "{home}");
    assert!(home.contains("<span>Gift of hours</span>"), "{home}");
    let statement = plain(&marie.page("/statement"));
    assert_eq!(
        statement.matches("data-movement=\"gift\"").count(),
        2,
        "{statement}"
    );
    // A reason that names a member is warned about before the PIN: signed
    // text can never be erased.
    assert_redirect(
        marie.submit("/gift", "/gift/person", &[("to", "M004")]),
        "/gift/details",
    );
    assert_redirect(
        marie.submit(
            "/gift/details",
            "/gift/details",
            &[("amount_minor", "25"), ("why", "Taart voor jan")],
        ),
        "/gift/confirm",
    );
    let confirm = plain(&marie.page("/gift/confirm"));
    assert!(
        confirm.contains("This note contains the name of a member"),
        "{confirm}"
    );
    // A system account other than the fund, oneself, or no reason: refused.
    refusal(
        marie.submit("/gift", "/gift/person", &[("to", "M001")]),
        StatusCode::BAD_REQUEST,
        "Choose a person from the list.",
    );
    assert_redirect(
        marie.submit("/gift", "/gift/person", &[("to", "M004")]),
        "/gift/details",
    );
    refusal(
        marie.submit(
            "/gift/details",
            "/gift/details",
            &[("amount_minor", "50"), ("why", "")],
        ),
        StatusCode::BAD_REQUEST,
        "Write in a few words why you give the hours.",
    );
    assert_eq!(ledger.balance("M001"), marie_before - 150);
    ledger.akker_ok(&["verify"], &[]);
}

#[test]
fn home_says_when_a_soft_limit_is_crossed_and_how_the_floor_grew() {
    let ledger = Ledger::copy_of_demo();
    // Soft floor −1 for persons; the floor grows with giving.
    ledger.akker_ok(
        &["settings", "set", "limits.person.soft-floor", "--", "-1.00"],
        &[],
    );
    for (name, value) in [
        ("growth.base", "-10.00"),
        ("growth.factor", "0.50"),
        ("growth.months", "12"),
        ("growth.cap", "-40.00"),
    ] {
        ledger.akker_ok(&["settings", "set", name, "--", value], &[]);
    }
    // A new member, who gives two hours: below the soft floor of −1.
    ledger.akker_ok(
        &[
            "account",
            "add",
            "M900",
            "--name",
            "Nieuwe Buur",
            "--language",
            "nl",
        ],
        &[],
    );
    let cards = ledger.dir.path().join("cards");
    let issued = ledger.akker_ok(
        &[
            "--json",
            "card",
            "issue",
            "M900",
            "--out",
            cards.to_str().unwrap(),
        ],
        &[("AKKER_PIN", "4321")],
    );
    let issued: serde_json::Value = serde_json::from_str(&issued).unwrap();
    let code = issued["code"].as_str().unwrap();
    let kiosk = Kiosk::start(&ledger.db());
    let browser = Browser::new(&kiosk);
    browser.login_with("nl", code, "4321");
    let home = plain(&browser.page("/home"));
    assert!(!home.contains("data-testid=\"soft-limit\""), "{home}");
    let (csrf, once) = browser.prepare("M001", "200", "care", "");
    assert_redirect(
        browser.post(
            "/pay/confirm",
            &[("csrf", &csrf), ("once", &once), ("pin", "4321")],
        ),
        "/pay/receipt",
    );
    assert_eq!(ledger.balance("M900"), -200);
    // Said at once on the receipt, and again on home.
    let receipt = plain(&browser.page("/pay/receipt"));
    assert!(
        receipt.contains("Je hebt minder dan −1,00 uur."),
        "{receipt}"
    );
    let home = plain(&browser.page("/home"));
    assert!(home.contains("data-testid=\"soft-limit\""), "{home}");
    assert!(home.contains("Je hebt minder dan −1,00 uur."), "{home}");
    assert!(home.contains("bied je hulp aan op het bord"), "{home}");
    // The floor grew from −10 with nothing given yet: how, in figures.
    assert!(home.contains("data-testid=\"grown-floor\""), "{home}");
    assert!(
        home.contains("Ze begint bij −10,00 uur en zakt 0,50 uur voor elk uur hulp dat je gaf in de laatste 12 maanden. Je gaf 0,00 uur:"),
        "{home}"
    );
    assert!(home.contains("−10,00 − 0,50 × 0,00 = −10,00"), "{home}");
    // And the balance's sentence names the floor in force, the grown one.
    assert!(home.contains("Dat is goed, tot −10,00 uur."), "{home}");
}
