//! The kiosk's HTTP layer, driven like a browser would (cookies kept),
//! against a real `akker kiosk` on a random loopback port and a copy of
//! the demo ledger.

#[path = "common/kiosk.rs"]
mod kiosk;

use std::path::Path;
use std::process::Command;

use akker::ledger::AccountId;
use akker::store::{Store, TxFilter};
use reqwest::StatusCode;

use kiosk::*;

#[test]
fn a_member_logs_in_pays_and_sees_the_receipt() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    let browser = Browser::new(&kiosk);
    let before = ledger.balance("M001");
    browser.login("M001");
    let home = browser.get("/home").text().unwrap();
    assert!(home.contains("Marie Dubois"), "{home}");
    let (csrf, once) = browser.prepare("M003", "175", "care", "Babysitting");
    assert_redirect(
        browser.post(
            "/pay/confirm",
            &[("csrf", &csrf), ("once", &once), ("pin", &card("M001").pin)],
        ),
        "/pay/receipt",
    );
    let receipt = browser.get("/pay/receipt").text().unwrap();
    assert!(receipt.contains("1.75"), "{receipt}");
    assert_eq!(ledger.balance("M001"), before - 175);
    let store = Store::open(&ledger.db()).unwrap();
    let last = store
        .transactions(&TxFilter {
            last: Some(1),
            ..TxFilter::default()
        })
        .unwrap()
        .remove(0);
    assert_eq!(
        (
            last.signer_role.as_str(),
            last.work.as_str(),
            last.description.as_str()
        ),
        ("member", "care", "Babysitting")
    );
    assert_eq!(last.signer_account.unwrap().as_str(), "M001");
}

#[test]
fn a_payment_form_posted_twice_is_recorded_once() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    let browser = Browser::new(&kiosk);
    browser.login("M001");
    let before = ledger.transactions("M001");
    let (csrf, once) = browser.prepare("M003", "50", "practical", "");
    let pin = card("M001").pin.clone();
    let form = [
        ("csrf", csrf.as_str()),
        ("once", once.as_str()),
        ("pin", pin.as_str()),
    ];
    // Twice at the same moment, then once more after.
    std::thread::scope(|s| {
        let a = s.spawn(|| browser.post("/pay/confirm", &form).status());
        let b = s.spawn(|| browser.post("/pay/confirm", &form).status());
        assert_eq!(a.join().unwrap(), StatusCode::SEE_OTHER);
        assert_eq!(b.join().unwrap(), StatusCode::SEE_OTHER);
    });
    assert_redirect(browser.post("/pay/confirm", &form), "/pay/receipt");
    assert_eq!(ledger.transactions("M001"), before + 1);
}

#[test]
fn five_wrong_pins_lock_the_card_and_the_lock_survives_a_restart() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    let browser = Browser::new(&kiosk);
    let card = card("M005");
    browser.get("/lang/en");
    assert_redirect(
        browser.submit("/card", "/card", &[("code", &card.code)]),
        "/pin",
    );
    for tries_left in (1..=4).rev() {
        assert_redirect(browser.submit("/pin", "/pin", &[("pin", "0000")]), "/pin");
        let page = browser.get("/pin").text().unwrap();
        assert!(
            page.contains(&format!("try \u{2068}{tries_left}\u{2069} more")),
            "{page}"
        );
    }
    assert_clear_page(
        browser.submit("/pin", "/pin", &[("pin", "0000")]),
        StatusCode::LOCKED,
        "locked for",
    );
    drop(kiosk);
    let kiosk = Kiosk::start(&ledger.db());
    let browser = Browser::new(&kiosk);
    browser.get("/lang/en");
    assert_clear_page(
        browser.submit("/card", "/card", &[("code", &card.code)]),
        StatusCode::LOCKED,
        "locked for",
    );
    // The right PIN cannot even be tried while locked.
    let csrf = browser.csrf("/card");
    assert_redirect(
        browser.post("/pin", &[("csrf", &csrf), ("pin", &card.pin)]),
        "/card",
    );
}

#[test]
fn bad_input_gets_a_clear_page_and_changes_nothing() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    let browser = Browser::new(&kiosk);
    browser.login("M001");
    let before = ledger.transactions("M001");
    let long_note = "x".repeat(500);
    for payee in ["SYS-FUND", "M001", "NOPE42", "../etc", ""] {
        let response = browser.submit("/pay", "/pay/person", &[("payee", payee)]);
        assert_clear_page(
            response,
            StatusCode::BAD_REQUEST,
            "Choose a person from the list.",
        );
    }
    assert_redirect(
        browser.submit("/pay", "/pay/person", &[("payee", "M003")]),
        "/pay/details",
    );
    for amount in [
        "abc",
        "-100",
        "0",
        "30",
        "2425",
        "1e3",
        "99999999999999999999",
        "",
    ] {
        let response = browser.submit(
            "/pay/details",
            "/pay/details",
            &[("amount_minor", amount), ("work", "care")],
        );
        assert_clear_page(response, StatusCode::BAD_REQUEST, "Choose the hours with");
    }
    for work in ["magic", ""] {
        let response = browser.submit(
            "/pay/details",
            "/pay/details",
            &[("amount_minor", "100"), ("work", work)],
        );
        assert_clear_page(response, StatusCode::BAD_REQUEST, "Choose a kind of help");
    }
    let response = browser.submit(
        "/pay/details",
        "/pay/details",
        &[
            ("amount_minor", "100"),
            ("work", "care"),
            ("note", &long_note),
        ],
    );
    assert_clear_page(response, StatusCode::BAD_REQUEST, "too long");
    let response = browser.submit(
        "/pay/details",
        "/pay/details",
        &[
            ("amount_minor", "100"),
            ("work", "care"),
            ("note", "a\u{7}b"),
        ],
    );
    assert_clear_page(response, StatusCode::BAD_REQUEST, "signs we cannot use");
    let huge = "y".repeat(100_000);
    let response = browser.submit(
        "/pay/details",
        "/pay/details",
        &[("amount_minor", "100"), ("work", "care"), ("note", &huge)],
    );
    assert_clear_page(response, StatusCode::PAYLOAD_TOO_LARGE, "far too long");
    // A confirm without a finished form, or with a forged one-time token.
    let csrf = browser.csrf("/home");
    let response = browser.post(
        "/pay/confirm",
        &[
            ("csrf", &csrf),
            ("once", "forged"),
            ("pin", &card("M001").pin),
        ],
    );
    assert_clear_page(response, StatusCode::BAD_REQUEST, "nothing was given");
    // Forged amounts at the confirm step are ignored: the session's draft counts.
    let (csrf, once) = browser.prepare("M003", "25", "care", "");
    let forged = [
        ("csrf", csrf.as_str()),
        ("once", once.as_str()),
        ("pin", "12"),
        ("amount_minor", "99900"),
        ("payee", "M005"),
    ];
    assert_redirect(browser.post("/pay/confirm", &forged), "/pay/confirm");
    let page = browser.get("/pay/confirm").text().unwrap();
    assert!(page.contains("A PIN has 4 to 6 digits"), "{page}");
    assert!(browser.get("/no/such/page").status() == StatusCode::NOT_FOUND);
    assert_eq!(ledger.transactions("M001"), before);
}

#[test]
fn another_members_data_is_never_reachable() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    let stranger = Browser::new(&kiosk);
    for path in [
        "/home",
        "/pay",
        "/pay/details",
        "/pay/confirm",
        "/pay/receipt",
        "/offers",
        "/statement",
        "/statement/last",
        "/statement/check",
    ] {
        assert_redirect(stranger.get(path), "/");
    }
    let marie = Browser::new(&kiosk);
    marie.login("M001");
    let fatima = Browser::new(&kiosk);
    fatima.login("M003");
    // Fatima's offer, which Marie tries to withdraw with a forged id.
    assert_redirect(
        fatima.submit(
            "/offers/new",
            "/offers/new",
            &[
                ("direction", "request"),
                ("work", "care"),
                ("what", "Hulp bij papieren"),
            ],
        ),
        "/offers",
    );
    let board = marie.get("/offers").text().unwrap();
    let id = {
        let store = Store::open(&ledger.db()).unwrap();
        store
            .open_offers(Some(&AccountId::parse("M003").unwrap()))
            .unwrap()[0]
            .id
    };
    assert!(board.contains("Hulp bij papieren"));
    assert_clear_page(
        marie.submit("/offers", "/offers/withdraw", &[("id", &id.to_string())]),
        StatusCode::BAD_REQUEST,
        "not one of your offers",
    );
    assert!(marie
        .get("/offers")
        .text()
        .unwrap()
        .contains("Hulp bij papieren"));
    // Pages take no account from the address: Marie sees only Marie.
    for (plain, forged) in [
        ("/home", "/home?account=M003"),
        ("/statement", "/statement?account=M003&id=M003"),
        ("/statement/last", "/statement/last?account=M003"),
    ] {
        assert_eq!(
            marie.get(plain).text().unwrap(),
            marie.get(forged).text().unwrap(),
            "{forged}"
        );
    }
    let statement = marie.get("/statement").text().unwrap();
    assert!(
        statement.contains("Marie Dubois")
            && statement.contains("M001")
            && !statement.contains("M003")
    );
    // Touching a first letter lists only the names that start with it.
    let by_letter = marie.get("/pay?initial=J").text().unwrap();
    assert!(by_letter.contains("Jan Peeters") && !by_letter.contains("Amadou Diallo"));
    // The person chooser shows names and numbers, never balances.
    let chooser = marie.get("/pay?q=M003").text().unwrap();
    assert!(
        chooser.contains("M003") && !chooser.contains("balance"),
        "{chooser}"
    );
}

#[test]
fn a_form_without_the_csrf_token_is_refused() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    let browser = Browser::new(&kiosk);
    browser.login("M001");
    let before = ledger.transactions("M001");
    for (action, fields) in [
        ("/pay/person", vec![("payee", "M003")]),
        ("/card", vec![("code", card("M001").code.as_str())]),
        ("/logout", vec![]),
        (
            "/offers/new",
            vec![("direction", "offer"), ("work", "care"), ("what", "x")],
        ),
    ] {
        let response = browser.post(action, &fields);
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{action}");
        let mut forged = fields.clone();
        forged.push(("csrf", "0000000000000000000000000000000000000000"));
        assert_eq!(
            browser.post(action, &forged).status(),
            StatusCode::FORBIDDEN,
            "{action}"
        );
    }
    // Still logged in, nothing recorded, no offer added.
    assert_eq!(browser.get("/home").status(), StatusCode::OK);
    assert_eq!(ledger.transactions("M001"), before);
    assert!(Store::open(&ledger.db())
        .unwrap()
        .open_offers(None)
        .unwrap()
        .is_empty());
}

#[test]
fn the_session_cookie_is_http_only_and_strict_and_secrets_stay_out_of_pages() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    let browser = Browser::new(&kiosk);
    let first = browser.get("/");
    let cookie = first
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    assert_eq!(first.headers().get("cache-control").unwrap(), "no-store");
    browser.login("M001");
    let card = card("M001");
    let secret = card.code.split_once('/').unwrap().1;
    for path in [
        "/home",
        "/pay",
        "/statement",
        "/statement/last",
        "/statement/check",
        "/offers",
        "/pin",
        "/card",
    ] {
        let page = browser.get(path).text().unwrap();
        assert!(!page.contains(secret), "{path} shows the card secret");
        assert!(
            !page.contains(&format!("value=\"{}\"", card.pin)),
            "{path} shows the PIN"
        );
    }
    // Logging out ends the session (and the goodbye keeps the language).
    let csrf = browser.csrf("/home");
    assert_redirect(browser.post("/logout", &[("csrf", &csrf)]), "/bye?lang=en");
    assert_redirect(browser.get("/home"), "/");
}

#[test]
fn the_treasurer_manages_offers_from_the_command_line_and_the_kiosk_shows_them() {
    let ledger = Ledger::copy_of_demo();
    let akker = |args: &[&str]| {
        let out = Command::new(BIN)
            .arg("--db")
            .arg(ledger.db())
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, out, _) = akker(&[
        "--json",
        "offer",
        "add",
        "M002",
        "offer",
        "Fietsen herstellen",
        "--work",
        "practical",
    ]);
    assert_eq!(code, Some(0));
    let id = serde_json::from_str::<serde_json::Value>(&out).unwrap()["id"]
        .as_i64()
        .unwrap();
    let (_, list, _) = akker(&["offer", "list"]);
    assert!(
        list.contains("Fietsen herstellen") && list.contains("Jan Peeters"),
        "{list}"
    );
    let kiosk = Kiosk::start(&ledger.db());
    let browser = Browser::new(&kiosk);
    browser.login("M001");
    assert!(browser
        .get("/offers")
        .text()
        .unwrap()
        .contains("Fietsen herstellen"));
    assert_eq!(akker(&["offer", "withdraw", &id.to_string()]).0, Some(0));
    assert!(!browser
        .get("/offers")
        .text()
        .unwrap()
        .contains("Fietsen herstellen"));
    let (code, _, err) = akker(&["offer", "withdraw", &id.to_string()]);
    assert_eq!(code, Some(1));
    assert!(err.contains("no open offer"), "{err}");
    let (code, _, _) = akker(&["offer", "add", "M002", "gift", "x", "--work", "care"]);
    assert_eq!(code, Some(2));
}

#[test]
fn the_kiosk_and_the_treasurers_command_line_write_at_the_same_time() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    let browser = Browser::new(&kiosk);
    browser.login("M001");
    let before = ledger.transactions("M002");
    std::thread::scope(|s| {
        let cli = s.spawn(|| {
            for slip in 1..=3 {
                let out = Command::new(BIN)
                    .arg("--db")
                    .arg(ledger.db())
                    .args([
                        "pay",
                        "M002",
                        "M004",
                        "0.5",
                        "--work",
                        "practical",
                        "--what",
                        "Slip",
                    ])
                    .args(["--slip", &format!("KIOSK-TEST-{slip}")])
                    .env("AKKER_PASSPHRASE", "demo")
                    .output()
                    .unwrap();
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        });
        for _ in 0..3 {
            let (csrf, once) = browser.prepare("M002", "25", "care", "");
            let form = [
                ("csrf", csrf.as_str()),
                ("once", once.as_str()),
                ("pin", card("M001").pin.as_str()),
            ];
            assert_redirect(browser.post("/pay/confirm", &form), "/pay/receipt");
        }
        cli.join().unwrap();
    });
    assert_eq!(ledger.transactions("M002"), before + 6);
    let out = Command::new(BIN)
        .arg("--db")
        .arg(ledger.db())
        .arg("verify")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Hundredths as the English kiosk writes them: "16.00", "−3.50".
fn en_amount(minor: i64) -> String {
    let sign = if minor < 0 { "\u{2212}" } else { "" };
    format!("{sign}{}.{:02}", minor.abs() / 100, minor.abs() % 100)
}

/// The month before "YYYY-MM".
fn month_before(month: &str) -> String {
    let (year, month) = month.split_once('-').unwrap();
    let (year, month): (i32, u32) = (year.parse().unwrap(), month.parse().unwrap());
    match month {
        1 => format!("{}-12", year - 1),
        m => format!("{year}-{:02}", m - 1),
    }
}

/// The English name of a month "YYYY-MM", as the kiosk writes it.
fn en_month(month: &str) -> String {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let (year, month) = month.split_once('-').unwrap();
    format!("{} {year}", NAMES[month.parse::<usize>().unwrap() - 1])
}

/// The verification code printed on a text statement (XXXX-XXXX-XXXX,
/// in any language the statement is written in).
fn printed_code(path: &Path) -> String {
    let text = plain(&std::fs::read_to_string(path).unwrap());
    let is_code = |word: &&str| {
        let parts: Vec<&str> = word.split('-').collect();
        parts.len() == 3
            && parts.iter().all(|p| {
                p.len() == 4
                    && p.chars()
                        .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
            })
    };
    text.split_whitespace()
        .find(is_code)
        .unwrap_or_else(|| panic!("no code in {}", path.display()))
        .to_string()
}

/// The answer part of a check page: the section that says MATCH or NO
/// MATCH, and what it shows.
fn answer(page: &str) -> (String, String) {
    let start = page
        .find("data-testid=\"answer\"")
        .unwrap_or_else(|| panic!("no answer in {page}"));
    let section = &page[start..];
    let section = &section[..section.find("</section>").unwrap()];
    let kind = section.split("data-answer=\"").nth(1).unwrap();
    let kind = kind.split('"').next().unwrap().to_string();
    (kind, plain(section))
}

#[test]
fn the_last_issued_statement_is_shown_and_printed_codes_are_checked() {
    let ledger = Ledger::copy_of_demo();
    let db = ledger.db();
    let last = demo().statements_month.clone();
    let earlier = month_before(&last);
    // The treasurer prints the month before too (it is issued now, with
    // the passphrase), then the last month's papers again.
    let printed = ledger.dir.path().join("printed");
    let out = printed.to_str().unwrap();
    for month in [&earlier, &last] {
        akker_cli(
            &db,
            &[
                "statements",
                "--month",
                month,
                "--out",
                out,
                "--format",
                "text",
            ],
        );
    }
    let code =
        |account: &str, month: &str| printed_code(&printed.join(format!("{account}-{month}.txt")));
    let model = |account: &str, month: &str| -> serde_json::Value {
        let json = akker_cli(&db, &["--json", "statement", account, "--month", month]);
        serde_json::from_str(&json).unwrap()
    };
    let marie_last = model("M001", &last);
    let marie_code = code("M001", &last);
    assert_eq!(marie_last["verification"]["code"], marie_code.as_str());
    let marie_closing = marie_last["closing_minor"].as_i64().unwrap();
    let marie_qr = marie_last["verification"]["qr_payload"]
        .as_str()
        .unwrap()
        .to_string();
    let fatima_last = model("M003", &last);
    let fatima_qr = fatima_last["verification"]["qr_payload"]
        .as_str()
        .unwrap()
        .to_string();
    let fatima_closing = en_amount(fatima_last["closing_minor"].as_i64().unwrap());

    // And an attestation of her engagement over the earlier month.
    let (from, to) = (format!("{earlier}-01"), format!("{earlier}-28"));
    let attest = akker_cli(
        &db,
        &[
            "--json", "attest", "M001", "--from", &from, "--to", &to, "--format", "text",
        ],
    );
    let attest: serde_json::Value = serde_json::from_str(&attest).unwrap();
    let attest_qr = attest["verification"]["qr_payload"]
        .as_str()
        .unwrap()
        .to_string();
    let attest_given = en_amount(attest["total_given_minor"].as_i64().unwrap());

    let verified: serde_json::Value =
        serde_json::from_str(&akker_cli(&db, &["--json", "verify"])).unwrap();
    let treasurer_fingerprint = verified["treasurer_fingerprint"]
        .as_str()
        .expect("verify names the treasurer's key")
        .to_string();

    let kiosk = Kiosk::start(&db);
    let marie = Browser::new(&kiosk);
    marie.login("M001");

    // The last issued month, not the one issued last; only Marie's own.
    let page = plain(&marie.get("/statement/last").text().unwrap());
    assert!(
        page.contains(&format!("Statement of {}", en_month(&last))),
        "{page}"
    );
    assert!(page.contains(&marie_code), "{page}");
    assert!(page.contains(&format!(
        "data-testid=\"last-closing\">{}",
        en_amount(marie_closing)
    )));
    assert!(page.contains("Marie Dubois") && page.contains("Print"));
    assert!(!page.contains(&code("M001", &earlier)));
    assert!(!page.contains(&code("M003", &last)) && !page.contains("M003"));

    let check = |text: &str| {
        let response = marie.submit("/statement/check", "/statement/check", &[("code", text)]);
        (response.status(), response.text().unwrap())
    };
    // Her own statement, scanned (QR text and Enter) or typed loosely:
    // MATCH, with whose, which month and the amount.
    let typed = marie_code.to_lowercase().replace('-', " ");
    for text in [marie_qr.as_str(), typed.as_str()] {
        let (status, page) = check(text);
        assert_eq!(status, StatusCode::OK);
        let (kind, shown) = answer(&page);
        assert_eq!(kind, "match", "{shown}");
        assert!(
            shown.contains(&format!("This is your statement of {}.", en_month(&last))),
            "{shown}"
        );
        assert!(shown.contains("Marie Dubois") && shown.contains("M001"));
        assert!(shown.contains(&en_amount(marie_closing)), "{shown}");
        assert!(shown.contains(&marie_code));
    }
    // An earlier paper of hers matches too, naming its own month.
    let (_, page) = check(&code("M001", &earlier));
    let (kind, shown) = answer(&page);
    assert_eq!(kind, "match");
    assert!(shown.contains(&en_month(&earlier)), "{shown}");
    // Her attestation: its period and the hours she gave.
    let (_, page) = check(&attest_qr);
    let (kind, shown) = answer(&page);
    assert_eq!(kind, "match", "{shown}");
    let (year, month) = earlier.split_once('-').unwrap();
    let month = month.trim_start_matches('0');
    assert!(
        shown.contains(&format!(
            "This is your attestation of community engagement, from 1/{month}/{year} to 28/{month}/{year}."
        )),
        "{shown}"
    );
    assert!(
        shown.contains("Hours of help given") && shown.contains(&format!(">{attest_given}<")),
        "{shown}"
    );
    // Another member's paper: it matches, and nothing more is said.
    for text in [fatima_qr.as_str(), code("M003", &last).as_str()] {
        let (status, page) = check(text);
        assert_eq!(status, StatusCode::OK);
        let (kind, shown) = answer(&page);
        assert_eq!(kind, "community", "{shown}");
        assert!(shown.contains("This code belongs to a statement of this community"));
        assert!(
            !shown.contains("M003") && !shown.contains("فاطمة"),
            "{shown}"
        );
        assert!(!shown.contains(&fatima_closing), "{shown}");
        assert!(!page.contains("M003") && !page.contains("فاطمة"));
    }
    // A changed code, or a changed amount in the QR text: NO MATCH.
    let mut changed: Vec<char> = marie_code.chars().collect();
    changed[0] = if changed[0] == '7' { '8' } else { '7' };
    let changed: String = changed.into_iter().collect();
    let other_amount = marie_qr.replace(
        &format!(
            "/{}/",
            marie_last["verification"]["qr_payload"]
                .as_str()
                .unwrap()
                .split('/')
                .nth(3)
                .unwrap()
        ),
        "/99.00/",
    );
    for text in [changed.as_str(), other_amount.as_str()] {
        let (status, page) = check(text);
        assert_eq!(status, StatusCode::OK);
        let (kind, shown) = answer(&page);
        assert_eq!(kind, "no-match", "{shown}");
        assert!(shown.contains("No statement of this community has this code"));
        // A typing mistake is the likeliest cause: that is said first.
        let typo = shown
            .find("Check first that every letter")
            .expect("typing advice");
        assert!(typo < shown.find("ask the treasurer").expect("then the treasurer"));
        assert!(!shown.contains(&en_amount(marie_closing)));
        // The treasurer's key, to compare with the notice on the wall.
        assert!(page.contains(&treasurer_fingerprint), "{page}");
    }
    // Nonsense: a clear message on the check page, never a trace; the
    // text itself is never shown back (a card scanned here by mistake).
    let card_code = card("M001").code.clone();
    let too_long = "A".repeat(500);
    for (text, message) in [
        ("", "First scan the QR code, or type the code."),
        ("hello", "This is not a code from a statement."),
        (
            "AKKER-STATEMENT/M001/2026-10/abc/XXXX",
            "This is not a code from a statement.",
        ),
        (card_code.as_str(), "This is not a code from a statement."),
        (too_long.as_str(), "far too long for a code"),
        (
            "'; DROP TABLE journal; --",
            "This is not a code from a statement.",
        ),
    ] {
        let (status, page) = check(text);
        assert_eq!(status, StatusCode::BAD_REQUEST, "{text}");
        assert!(
            page.contains("notice-bad") && plain(&page).contains(message),
            "{page}"
        );
        assert!(!page.contains("data-testid=\"answer\""));
        let secret = card_code.split_once('/').unwrap().1;
        assert!(!page.contains(secret) && !page.contains(&too_long));
        for technical in ["panicked", "rusqlite", "SQLITE", "StoreError", "backtrace"] {
            assert!(!page.contains(technical), "{technical} in {page}");
        }
    }
    // A check changes nothing, and a form without the CSRF token is refused.
    assert_clear_page(
        marie.post("/statement/check", &[("code", &marie_code)]),
        StatusCode::FORBIDDEN,
        "too old",
    );
}

#[test]
fn a_member_without_an_issued_statement_is_told_so_in_their_language() {
    let ledger = Ledger::copy_of_demo();
    let db = ledger.db();
    akker_cli(
        &db,
        &[
            "account",
            "add",
            "M900",
            "--name",
            "Nieuwe Buur",
            "--language",
            "nl",
        ],
    );
    let cards = ledger.dir.path().join("cards");
    let issued = Command::new(BIN)
        .arg("--db")
        .arg(&db)
        .args(["--json", "card", "issue", "M900", "--out"])
        .arg(&cards)
        .env("AKKER_PASSPHRASE", "demo")
        .env("AKKER_PIN", "4321")
        .output()
        .unwrap();
    assert!(
        issued.status.success(),
        "{}",
        String::from_utf8_lossy(&issued.stderr)
    );
    let issued: serde_json::Value = serde_json::from_slice(&issued.stdout).unwrap();
    let kiosk = Kiosk::start(&db);
    let browser = Browser::new(&kiosk);
    browser.get("/lang/nl");
    let code = issued["code"].as_str().unwrap();
    assert_redirect(browser.submit("/card", "/card", &[("code", code)]), "/pin");
    assert_redirect(browser.submit("/pin", "/pin", &[("pin", "4321")]), "/home");
    let page = browser.get("/statement/last").text().unwrap();
    assert!(page.contains("Je hebt nog geen maandoverzicht."), "{page}");
    // Dutch decimals on the month so far stay as they were: "0,00".
    let now = browser.get("/statement").text().unwrap();
    assert!(now.contains(">0,00<"), "{now}");
}
