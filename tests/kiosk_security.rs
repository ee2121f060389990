//! The kiosk against a stranger at the screen (issue 10, Security): made-up
//! card codes lock nobody's card and are slowed down per kiosk; a real
//! card's wrong PINs lock it, a new card or the treasurer lifts the lock;
//! no refusal shows another member's figures; long addresses get 414;
//! a restart ends sessions with a message; the code printed on a card is
//! accepted as typed from the card. Run against a real `akker kiosk` on a
//! random loopback port and a copy of the demo ledger.

#[path = "common/kiosk.rs"]
mod kiosk;

use reqwest::StatusCode;

use kiosk::*;

/// A well-formed code for `account` that is not its card.
fn made_up(account: &str) -> String {
    format!("{account}/ABCD-EFGH-JKMN-PQRS")
}

/// A PIN that is not `right`.
fn wrong_pin(right: &str) -> &'static str {
    if right == "0000" {
        "1111"
    } else {
        "0000"
    }
}

/// Types `n` wrong PINs on the PIN screen, the last of which locks.
fn wrong_pins_until_locked(browser: &Browser, pin: &str) -> String {
    for tries_left in (1..=4).rev() {
        assert_redirect(browser.submit("/pin", "/pin", &[("pin", pin)]), "/pin");
        let page = plain(&browser.get("/pin").text().unwrap());
        assert!(page.contains(&format!("try {tries_left} more")), "{page}");
    }
    refusal(
        browser.submit("/pin", "/pin", &[("pin", pin)]),
        StatusCode::LOCKED,
        "locked for 15 minutes",
    )
}

#[test]
fn a_made_up_code_and_five_wrong_pins_leave_the_real_card_working() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    // A stranger reads M005 under a name and makes up a code; another
    // tries a member number that does not exist. Both are answered as a
    // real card with wrong PINs would be: on to the PIN, tries left, then
    // "locked". Nothing tells them apart.
    for account in ["M005", "M999"] {
        let stranger = Browser::new(&kiosk);
        stranger.get("/lang/en");
        assert_redirect(stranger.card_step(&[("code", &made_up(account))]), "/pin");
        wrong_pins_until_locked(&stranger, "0000");
    }
    // The real card still works, first time.
    let member = Browser::new(&kiosk);
    member.login("M005");
    assert!(member.get("/home").status().is_success());

    // After one wrong PIN, the real card, a made-up code of the same
    // member and a made-up number see the very same page.
    let pages: Vec<String> = [card("M005").code.clone(), made_up("M005"), made_up("M999")]
        .iter()
        .map(|code| {
            let browser = Browser::new(&kiosk);
            browser.get("/lang/en");
            assert_redirect(browser.card_step(&[("code", code)]), "/pin");
            assert_redirect(browser.submit("/pin", "/pin", &[("pin", "0000")]), "/pin");
            let page = browser.get("/pin").text().unwrap();
            // The speaker's address is bound to each session, like the
            // CSRF token: it differs by session, not by card.
            let page = match page.split_once("/speak/") {
                Some((head, tail)) => {
                    format!("{head}/speak/TOKEN{}", &tail[tail.find('"').unwrap()..])
                }
                None => page,
            };
            page.replace(&field_value(&page, "csrf"), "CSRF")
        })
        .collect();
    assert!(plain(&pages[0]).contains("try 4 more"), "{}", pages[0]);
    assert_eq!(pages[0], pages[1]);
    assert_eq!(pages[1], pages[2]);
}

#[test]
fn the_real_cards_wrong_pins_lock_it_and_a_new_card_lifts_the_lock() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    let real = card("M005");
    let browser = Browser::new(&kiosk);
    browser.get("/lang/en");
    assert_redirect(browser.card_step(&[("code", &real.code)]), "/pin");
    wrong_pins_until_locked(&browser, wrong_pin(&real.pin));
    let again = Browser::new(&kiosk);
    again.get("/lang/en");
    refusal(
        again.card_step(&[("code", &real.code)]),
        StatusCode::LOCKED,
        "locked for",
    );
    // The command line counts against the same lock: refused before the
    // PIN is even asked, the right PIN included.
    let pay = [
        "pay", "M005", "M001", "0.25", "--work", "care", "--what", "soup", "--card",
    ];
    let (code, _, err) = ledger.akker(
        &pay,
        &[("AKKER_CARD", &real.code), ("AKKER_PIN", &real.pin)],
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("locked until") && err.contains("akker card unlock M005"),
        "{err}"
    );

    // The card was lost after all: a new card lifts the lock.
    let issued = ledger.akker_ok(
        &[
            "--json",
            "card",
            "issue",
            "M005",
            "--out",
            ledger.dir.path().join("cards").to_str().unwrap(),
        ],
        &[("AKKER_PIN", "2580")],
    );
    let issued: serde_json::Value = serde_json::from_str(&issued).unwrap();
    let new_code = issued["code"].as_str().unwrap();
    let member = Browser::new(&kiosk);
    member.login_with("en", new_code, "2580");
    // The old card is now only a made-up code: answered like one.
    let old = Browser::new(&kiosk);
    old.get("/lang/en");
    assert_redirect(old.card_step(&[("code", &real.code)]), "/pin");
}

#[test]
fn the_treasurer_unlocks_a_card_and_revokes_a_lost_one() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    let real = card("M003");
    let browser = Browser::new(&kiosk);
    browser.get("/lang/en");
    assert_redirect(browser.card_step(&[("code", &real.code)]), "/pin");
    wrong_pins_until_locked(&browser, wrong_pin(&real.pin));

    // Without the passphrase the lock stays.
    let (code, _, err) = ledger.akker(
        &["card", "unlock", "M003"],
        &[("AKKER_PASSPHRASE", "wrong")],
    );
    assert_eq!(code, 1, "{err}");
    let out = ledger.akker_ok(&["card", "unlock", "M003"], &[]);
    assert!(
        out.contains("Unlocked the card of M003 (locked until")
            && out.contains("after 5 wrong PINs")
            && out.contains("lifted by the treasurer (key "),
        "{out}"
    );
    let member = Browser::new(&kiosk);
    member.login("M003");
    let out = ledger.akker_ok(&["card", "unlock", "M003"], &[]);
    assert!(out.contains("is not locked"), "{out}");

    // A lost card is stopped without a new one; the kiosk then answers
    // its code like any made-up code, and verify still passes.
    let out = ledger.akker_ok(
        &["card", "revoke", "M003", "--reason", "lost on the bus"],
        &[],
    );
    assert!(out.contains("Revoked card 1 of M003"), "{out}");
    let after = Browser::new(&kiosk);
    after.get("/lang/en");
    assert_redirect(after.card_step(&[("code", &real.code)]), "/pin");
    assert_redirect(after.submit("/pin", "/pin", &[("pin", &real.pin)]), "/pin");
    let (code, _, err) = ledger.akker(&["card", "revoke", "M003", "--reason", "again"], &[]);
    assert_eq!(code, 1);
    assert!(err.contains("no active card"), "{err}");
    ledger.akker_ok(&["verify"], &[]);
}

#[test]
fn unknown_codes_slow_the_card_step_for_everyone() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    let stranger = Browser::new(&kiosk);
    stranger.get("/lang/en");
    for n in 0..5 {
        let code = format!("M{:03}/ABCD-EFGH-JKMN-PQR{n}", n + 1);
        assert_redirect(stranger.card_step(&[("code", &code)]), "/pin");
    }
    // Now every code waits, the real one too: the wait says nothing
    // about any card.
    let member = Browser::new(&kiosk);
    member.get("/lang/en");
    let page = refusal(
        member.card_step(&[("code", &card("M001").code)]),
        StatusCode::TOO_MANY_REQUESTS,
        "Many unknown cards were tried at this kiosk. Wait ",
    );
    assert!(page.contains(" seconds"), "{page}");
    std::thread::sleep(std::time::Duration::from_millis(5_200));
    member.login("M001");
}

#[test]
fn no_refusal_page_shows_another_members_balance_or_limit() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    // Just enough hours to pass M019's ceiling (40.00), from M001.
    let ceiling = 4000;
    let over = ceiling - ledger.balance("M019") + 100;
    assert!(
        over <= 2400 && ledger.balance("M001") - over >= -2000,
        "the demo changed"
    );
    // What a stranger must not learn about M019 and M023.
    let secret_figures = |account: &str, amount: i64| {
        let balance = ledger.balance(account);
        let would = balance + amount;
        vec![
            format!("{}.{:02}", balance / 100, balance.abs() % 100),
            format!("{}.{:02}", would / 100, would.abs() % 100),
            "40.00".to_string(),
        ]
    };
    let m019 = secret_figures("M019", over);
    let m023 = secret_figures("M023", 100);
    let check = |page: &str, other: &str, figures: &[String]| {
        for figure in figures {
            assert!(
                !page.contains(figure.as_str()),
                "{figure} of {other} in {page}"
            );
            assert!(
                !page.contains(&figure.replace('.', ",")),
                "{figure} of {other} in {page}"
            );
        }
        assert!(!page.contains(other), "{other}'s number in {page}");
    };

    // Over the other member's ceiling: by name, no figure.
    let browser = Browser::new(&kiosk);
    browser.login("M001");
    let (csrf, once) = browser.prepare("M019", &over.to_string(), "care", "");
    let pin = card("M001").pin.clone();
    let page = refusal(
        browser.post(
            "/pay/confirm",
            &[("csrf", &csrf), ("once", &once), ("pin", &pin)],
        ),
        StatusCode::CONFLICT,
        "It is not possible to give hours to Aïcha Benali now.",
    );
    check(&page, "M019", &m019);

    // The other member's account closed between choosing and confirming.
    let m023_balance = ledger.balance("M023");
    let (csrf, once) = browser.prepare("M023", "100", "care", "");
    let amount = format!("{}.{:02}", m023_balance / 100, m023_balance % 100);
    ledger.akker_ok(
        &[
            "pay",
            "M023",
            "M003",
            &amount,
            "--treasurer",
            "--work",
            "care",
            "--what",
            "settling up",
        ],
        &[],
    );
    ledger.akker_ok(&["account", "close", "M023", "--reason", "moved away"], &[]);
    let page = refusal(
        browser.post(
            "/pay/confirm",
            &[("csrf", &csrf), ("once", &once), ("pin", &pin)],
        ),
        StatusCode::CONFLICT,
        "It is not possible to give hours to Luc Lambert now.",
    );
    check(&page, "M023", &m023);

    // The member's own floor: their own figures, and nobody else's.
    let below = ledger.balance("M005") + 2000 + 100;
    assert!(
        below <= 2400 && ledger.balance("M002") + below <= ceiling,
        "the demo changed"
    );
    let m002 = secret_figures("M002", below);
    let own = Browser::new(&kiosk);
    own.login("M005");
    let (csrf, once) = own.prepare("M002", &below.to_string(), "care", "");
    let page = refusal(
        own.post(
            "/pay/confirm",
            &[("csrf", &csrf), ("once", &once), ("pin", &card("M005").pin)],
        ),
        StatusCode::CONFLICT,
        "you would have",
    );
    check(&page, "M002", &m002);

    // Every other refusal the payment screens can show: paying oneself,
    // an unknown or forged person, a nonsense amount, a form used twice.
    let mut pages = Vec::new();
    for payee in ["M001", "M999", "M019/ABCD"] {
        let response = browser.submit("/pay", "/pay/person", &[("payee", payee)]);
        pages.push(refusal(
            response,
            StatusCode::BAD_REQUEST,
            "Nothing was changed.",
        ));
    }
    assert_redirect(
        browser.submit("/pay", "/pay/person", &[("payee", "M019")]),
        "/pay/details",
    );
    let nonsense = [("amount_minor", "99999"), ("work", "care"), ("note", "")];
    let response = browser.submit("/pay/details", "/pay/details", &nonsense);
    pages.push(refusal(
        response,
        StatusCode::BAD_REQUEST,
        "Nothing was changed.",
    ));
    let stale = [("once", "stale-form-token"), ("pin", pin.as_str())];
    let response = browser.submit("/pay/confirm", "/pay/confirm", &stale);
    pages.push(refusal(
        response,
        StatusCode::BAD_REQUEST,
        "Nothing was changed.",
    ));
    for page in pages {
        check(&page, "M019", &m019);
    }
}

#[test]
fn a_long_address_answers_414_with_or_without_a_session() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    let long = format!("/home?q={}", "a".repeat(8_000));
    let stranger = Browser::new(&kiosk);
    stranger.get("/lang/en");
    let member = Browser::new(&kiosk);
    member.login("M001");
    for browser in [&stranger, &member] {
        let response = browser.get(&long);
        assert_eq!(response.status(), StatusCode::URI_TOO_LONG);
        let page = response.text().unwrap();
        assert!(
            page.contains("far too long") && !page.contains("aaaa"),
            "{page}"
        );
    }
    // The session is still there after it.
    assert!(member.get("/home").status().is_success());

    // curl with a cookie jar sends such an address and then a head cut
    // short (its cookie no longer fits): answered at once all the same.
    use std::io::{Read, Write};
    let address = kiosk.url.trim_start_matches("http://");
    let mut raw = std::net::TcpStream::connect(address).unwrap();
    raw.set_read_timeout(Some(std::time::Duration::from_secs(5)))
        .unwrap();
    let head = format!(
        "GET /home?q={} HTTP/1.1\r\nHost: {address}\r\nCookie: ",
        "a".repeat(8_100)
    );
    raw.write_all(head.as_bytes()).unwrap();
    let mut answer = String::new();
    let _ = raw.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 414"), "{answer:?}");
}

#[test]
fn a_restart_ends_the_session_with_a_message_in_the_members_language() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    let browser = Browser::new(&kiosk);
    let m004 = card("M004");
    browser.login_with("tr", &m004.code, &m004.pin);
    assert!(browser.get("/home").status().is_success());
    // Half-way through a payment when the kiosk restarts.
    let (csrf, once) = browser.prepare("M001", "100", "care", "");
    let before = ledger.balance("M004");
    drop(kiosk);
    let kiosk = Kiosk::start(&ledger.db());
    let browser = browser.moved_to(&kiosk);
    let confirm = [("csrf", csrf.as_str()), ("once", &once), ("pin", &m004.pin)];
    refusal(
        browser.post("/pay/confirm", &confirm),
        StatusCode::CONFLICT,
        "Kiosk yeniden başlatıldı",
    );
    assert_eq!(ledger.balance("M004"), before, "nothing was recorded");
    // Then a fresh start, without the message.
    assert_redirect(browser.get("/home"), "/");
    assert!(browser.get("/").status().is_success());
    browser.login_with("tr", &m004.code, &m004.pin);
}

#[test]
fn logout_says_goodbye_in_the_members_language() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    for (lang, account, goodbye) in [("ar", "M003", "مع السلامة"), ("tr", "M004", "Güle güle")]
    {
        let browser = Browser::new(&kiosk);
        let card = card(account);
        browser.login_with(lang, &card.code, &card.pin);
        let csrf = browser.csrf("/home");
        let response = browser.post("/logout", &[("csrf", &csrf)]);
        let to = response.headers()["location"].to_str().unwrap().to_string();
        assert_eq!(to, format!("/bye?lang={lang}"));
        let page = browser.get(&to).text().unwrap();
        assert!(page.contains(goodbye), "{page}");
        assert_redirect(browser.get("/home"), "/");
    }
}

#[test]
fn the_code_printed_on_a_card_is_accepted_as_typed_from_the_card() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    let real = card("M001");
    let (number, secret) = real.code.split_once('/').unwrap();
    // Typed from the card's two lines: the number, then the code, in
    // the two fields or in one; in any case, with or without dashes.
    let typed: [&[(&str, &str)]; 4] = [
        &[("number", number), ("secret", secret)],
        &[
            ("number", &number.to_lowercase()),
            ("secret", &secret.replace('-', "").to_lowercase()),
        ],
        &[("code", &format!("{number} {secret}"))],
        &[("code", &format!("{number}\n{secret}"))],
    ];
    for fields in typed {
        let browser = Browser::new(&kiosk);
        browser.get("/lang/en");
        assert_redirect(browser.card_step(fields), "/pin");
        assert_redirect(
            browser.submit("/pin", "/pin", &[("pin", &real.pin)]),
            "/home",
        );
    }
    // The code without the number asks for the number.
    let browser = Browser::new(&kiosk);
    browser.get("/lang/en");
    refusal(
        browser.card_step(&[("secret", secret)]),
        StatusCode::BAD_REQUEST,
        "Type your number too",
    );
    // A wrong code is never shown back.
    for wrong in [
        "M001/9ZH5-RYFR",
        "M001/QQQQ-QQQQ-QQQQ-QQQQ-QQQQ",
        "not a code at all",
    ] {
        let response = browser.card_step(&[("code", wrong)]);
        let page = response.text().unwrap();
        let shown = wrong.split('/').next_back().unwrap();
        assert!(!page.contains(shown), "{wrong} shown back in {page}");
    }
}
