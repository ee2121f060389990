//! Requests (issue 12) and gifts and limits (issue 13) at the kiosk, on
//! a real `akker kiosk` over a copy of the demo ledger: the helper asks,
//! the helped sees it first and says yes (the payment) or no (a reason
//! the helper reads at the next visit), a pending request is taken back,
//! an initiative asks a whole workshop at once, "I helped with this" on
//! the board; every refusal (another member's request, another session,
//! a form sent twice, a limit, wrong PINs) changes nothing. A request
//! that expired: tests/kiosk_request_expiry.rs; gifts and limits:
//! tests/kiosk_gifts.rs.

#[path = "common/kiosk.rs"]
mod kiosk;

use akker::ledger::AccountId;
use akker::store::requests::{RequestState, RequestView};
use akker::store::{Store, TxFilter};
use chrono::Utc;
use reqwest::StatusCode;

use kiosk::*;

#[test]
fn the_helper_asks_and_the_helped_sees_it_first_and_confirms_with_the_pin() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    let (mehmet_before, marie_before) = (ledger.balance("M004"), ledger.balance("M001"));

    let mehmet = Browser::new(&kiosk);
    mehmet.login("M004");
    let sent = ask(&mehmet, "M004", "M001", "150", "Fietsband hersteld");
    assert_spoken_in_words(&sent);
    assert!(
        sent.contains("Marie Dubois will see your request for 1.50 hours"),
        "{sent}"
    );
    // Nothing moved: a request is not a payment.
    assert_eq!(ledger.balance("M004"), mehmet_before);
    let request = last_request(&ledger, "M004");
    assert_eq!(
        (
            request.payer.as_str(),
            request.amount.minor(),
            request.state
        ),
        ("M001", 150, RequestState::Pending)
    );
    let home = plain(&mehmet.page("/home"));
    assert!(
        home.contains("Waiting for Marie Dubois to answer."),
        "{home}"
    );

    let marie = Browser::new(&kiosk);
    marie.login("M001");
    let home = plain(&marie.page("/home"));
    // First on the screen, before the balance, and said first.
    let waiting = home
        .find("data-testid=\"waiting\"")
        .expect("the request is shown");
    assert!(waiting < home.find("class=\"balance").unwrap(), "{home}");
    assert!(
        home.contains("Mehmet Yılmaz helped you and asks for 1.50 hours."),
        "{home}"
    );
    assert!(home.contains("Fietsband hersteld"), "{home}");
    let said = field_value(&home.replace("data-say=", "name=\"say\" value="), "say");
    // The count first, then the newest request (the demo has one of its
    // own waiting on Marie).
    assert!(said.starts_with("2 requests wait for your answer. Mehmet Yılmaz says they helped you: one and a half hours"), "{said}");

    let seq = request.seq;
    let yes = plain(&marie.page(&format!("/requests/{seq}/yes")));
    assert_spoken_in_words(&yes);
    assert_spoken_in_words(&plain(&marie.page(&format!("/requests/{seq}/no"))));
    assert!(
        yes.contains("You give 1.50 hours to Mehmet Yılmaz"),
        "{yes}"
    );
    assert_redirect(answer(&marie, "M001", seq, "yes", &[]), "/pay/receipt");
    let receipt = plain(&marie.page("/pay/receipt"));
    assert_spoken_in_words(&receipt);
    assert!(
        receipt.contains("Mehmet Yılmaz received 1.50 hours from you."),
        "{receipt}"
    );
    assert_eq!(ledger.balance("M001"), marie_before - 150);
    assert_eq!(ledger.balance("M004"), mehmet_before + 150);
    assert_eq!(last_request(&ledger, "M004").state, RequestState::Completed);
    // Answered: no longer waiting on her home, nor on his.
    assert!(!offers_yes(&marie.page("/home"), seq));
    assert!(!plain(&mehmet.page("/home")).contains("Waiting for Marie Dubois"));
    ledger.akker_ok(&["verify"], &[]);
}

#[test]
fn a_decline_with_a_reason_reaches_the_helper_in_their_own_language() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    let mehmet = Browser::new(&kiosk);
    mehmet.login("M004");
    ask(&mehmet, "M004", "M001", "100", "Tuin");
    ask(&mehmet, "M004", "M003", "50", "Boodschappen");
    let to_marie = requests_of(&ledger, "M001").last().unwrap().seq;
    let to_fatima = requests_of(&ledger, "M003").last().unwrap().seq;
    mehmet.post("/logout", &[("csrf", &mehmet.csrf("/home"))]);

    // Marie (in French) chooses a reason from the list; Fatima types one.
    let marie = Browser::new(&kiosk);
    let code = &card("M001").code;
    marie.login_with("fr", code, &card("M001").pin);
    let no = plain(&marie.page(&format!("/requests/{to_marie}/no")));
    assert!(
        no.contains("Pourquoi pas ?") && no.contains("Ce n’était pas moi"),
        "{no}"
    );
    // No reason at all is refused and changes nothing.
    let refused = answer(&marie, "M001", to_marie, "no", &[]);
    refusal(refused, StatusCode::BAD_REQUEST, "Choisissez pourquoi pas");
    assert_eq!(last_request(&ledger, "M004").state, RequestState::Pending);
    assert_redirect(
        answer(&marie, "M001", to_marie, "no", &[("reason", "wrong-hours")]),
        "/home",
    );
    let home = plain(&marie.page("/home"));
    assert!(home.contains("Vous avez dit non."), "{home}");

    let fatima = Browser::new(&kiosk);
    fatima.login("M003");
    let typed = [
        ("reason", "other"),
        ("reason_text", "Het was maar een half uur"),
    ];
    assert_redirect(answer(&fatima, "M003", to_fatima, "no", &typed), "/home");

    // Mehmet's next visit, in Dutch: both, with their reasons.
    let mehmet = Browser::new(&kiosk);
    mehmet.login_with("nl", &card("M004").code, &card("M004").pin);
    let home = plain(&mehmet.page("/home"));
    assert!(
        home.contains("Marie Dubois zei nee: De uren kloppen niet"),
        "{home}"
    );
    assert!(
        home.contains("zei nee: Het was maar een half uur"),
        "{home}"
    );
    let store = Store::open(&ledger.db()).unwrap();
    let declined = store.request(to_marie, Utc::now()).unwrap().unwrap();
    assert_eq!(
        declined.settled.unwrap().reason.as_deref(),
        Some("wrong hours")
    );
    ledger.akker_ok(&["verify"], &[]);
}

#[test]
fn a_request_is_answered_only_by_its_member_with_their_session_and_once() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    let mehmet = Browser::new(&kiosk);
    mehmet.login("M004");
    ask(&mehmet, "M004", "M001", "100", "Ramen gelapt");
    let seq = last_request(&ledger, "M004").seq;
    let (marie_before, mehmet_before) = (ledger.balance("M001"), ledger.balance("M004"));
    let unchanged = |why: &str| {
        assert_eq!(
            (ledger.balance("M001"), ledger.balance("M004")),
            (marie_before, mehmet_before),
            "{why}"
        );
        assert_eq!(
            last_request(&ledger, "M004").state,
            RequestState::Pending,
            "{why}"
        );
    };

    // Not logged in: back to the welcome screen, for the page and the form.
    let stranger = Browser::new(&kiosk);
    assert_redirect(stranger.get(&format!("/requests/{seq}/yes")), "/");
    let csrf = stranger.csrf("/card");
    assert_redirect(
        stranger.post(
            &format!("/requests/{seq}/yes"),
            &[("csrf", &csrf), ("pin", &card("M001").pin)],
        ),
        "/",
    );
    unchanged("without a session");

    // Another member: not theirs to answer, not theirs to take back, and
    // the page says no more than for a number that does not exist.
    let fatima = Browser::new(&kiosk);
    fatima.login("M003");
    for action in ["yes", "no", "withdraw"] {
        let page = refusal(
            fatima.get(&format!("/requests/{seq}/{action}")),
            StatusCode::BAD_REQUEST,
            "This is not a request you can answer.",
        );
        assert!(
            !page.contains("Ramen gelapt") && !page.contains("Mehmet Yılmaz"),
            "{page}"
        );
        refusal(
            answer(&fatima, "M003", seq, action, &[("reason", "not-me")]),
            StatusCode::BAD_REQUEST,
            "This is not a request you can answer.",
        );
    }
    refusal(
        fatima.get("/requests/999999/yes"),
        StatusCode::BAD_REQUEST,
        "This is not a request you can answer.",
    );
    // The payer cannot take back what the helper asked; the helper cannot
    // say yes to their own request.
    let marie = Browser::new(&kiosk);
    marie.login("M001");
    refusal(
        answer(&marie, "M001", seq, "withdraw", &[]),
        StatusCode::BAD_REQUEST,
        "This is not a request you can answer.",
    );
    refusal(
        answer(&mehmet, "M004", seq, "yes", &[]),
        StatusCode::BAD_REQUEST,
        "This is not a request you can answer.",
    );
    unchanged("the wrong member");

    // Marie's own form with Fatima's session token: refused.
    let marie_csrf = marie.csrf(&format!("/requests/{seq}/yes"));
    let forged = fatima.post(
        &format!("/requests/{seq}/yes"),
        &[("csrf", &marie_csrf), ("pin", &card("M001").pin)],
    );
    assert_clear_page(forged, StatusCode::FORBIDDEN, "This page is too old");
    // Marie's form without its token: refused.
    let bare = marie.post(
        &format!("/requests/{seq}/yes"),
        &[("pin", &card("M001").pin)],
    );
    assert_clear_page(bare, StatusCode::FORBIDDEN, "This page is too old");
    unchanged("another session's form");

    // Yes sent twice at once, then once more: paid once.
    let csrf = marie.csrf(&format!("/requests/{seq}/yes"));
    let pin = card("M001").pin.clone();
    let path = format!("/requests/{seq}/yes");
    let statuses: Vec<StatusCode> = std::thread::scope(|scope| {
        let posts: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    marie
                        .post(&path, &[("csrf", &csrf), ("pin", &pin)])
                        .status()
                })
            })
            .collect();
        posts.into_iter().map(|p| p.join().unwrap()).collect()
    });
    assert!(statuses.contains(&StatusCode::SEE_OTHER), "{statuses:?}");
    let again = marie.post(&path, &[("csrf", &csrf), ("pin", &pin)]);
    refusal(again, StatusCode::CONFLICT, "already answered with yes");
    assert_eq!(ledger.balance("M001"), marie_before - 100);
    assert_eq!(ledger.balance("M004"), mehmet_before + 100);
    let store = Store::open(&ledger.db()).unwrap();
    let paid = store
        .transactions(&TxFilter {
            account: Some(AccountId::parse("M001").unwrap()),
            ..TxFilter::default()
        })
        .unwrap()
        .into_iter()
        .filter(|tx| tx.confirms_request == Some(seq))
        .count();
    assert_eq!(paid, 1);
    // A request that was answered cannot be taken back.
    refusal(
        answer(&mehmet, "M004", seq, "withdraw", &[]),
        StatusCode::CONFLICT,
        "already answered with yes",
    );
    ledger.akker_ok(&["verify"], &[]);
}

#[test]
fn a_request_form_sent_twice_asks_once_and_a_pending_request_can_be_taken_back() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    let mehmet = Browser::new(&kiosk);
    mehmet.login("M004");
    assert_redirect(
        mehmet.submit("/ask", "/ask/person", &[("payer", "M001")]),
        "/ask/details",
    );
    let details = [("amount_minor", "75"), ("work", "care"), ("what", "Soep")];
    assert_redirect(
        mehmet.submit("/ask/details", "/ask/details", &details),
        "/ask/confirm",
    );
    let confirm = mehmet.page("/ask/confirm");
    let form = [
        ("csrf", field_value(&confirm, "csrf")),
        ("once", field_value(&confirm, "once")),
        ("pin", card("M004").pin.clone()),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let before = newest_request(&ledger);
    assert_redirect(mehmet.post("/ask/confirm", &form), "/ask/sent");
    assert_redirect(mehmet.post("/ask/confirm", &form), "/ask/sent");
    let made = |ledger: &Ledger| {
        requests_of(ledger, "M004")
            .iter()
            .filter(|r| r.seq > before)
            .count()
    };
    assert_eq!(made(&ledger), 1);
    // Asking oneself, or a nonsense amount: a clear page, nothing asked.
    refusal(
        mehmet.submit("/ask", "/ask/person", &[("payer", "M004")]),
        StatusCode::BAD_REQUEST,
        "Choose a person from the list.",
    );
    assert_redirect(
        mehmet.submit("/ask", "/ask/person", &[("payer", "M001")]),
        "/ask/details",
    );
    refusal(
        mehmet.submit(
            "/ask/details",
            "/ask/details",
            &[("amount_minor", "10"), ("work", "care"), ("what", "x")],
        ),
        StatusCode::BAD_REQUEST,
        "from 0.25 to 24 hours",
    );
    refusal(
        mehmet.submit(
            "/ask/details",
            "/ask/details",
            &[("amount_minor", "100"), ("work", "care"), ("what", "")],
        ),
        StatusCode::BAD_REQUEST,
        "Write in a few words what you did.",
    );
    assert_eq!(made(&ledger), 1);

    let seq = last_request(&ledger, "M004").seq;
    let page = plain(&mehmet.page(&format!("/requests/{seq}/withdraw")));
    assert!(
        page.contains("You take back what you asked Marie Dubois"),
        "{page}"
    );
    assert_redirect(answer(&mehmet, "M004", seq, "withdraw", &[]), "/home");
    assert!(plain(&mehmet.page("/home")).contains("Your request was taken back."));
    assert_eq!(last_request(&ledger, "M004").state, RequestState::Erased);
    // Marie no longer sees it.
    let marie = Browser::new(&kiosk);
    marie.login("M001");
    assert!(!offers_yes(&marie.page("/home"), seq));
    refusal(
        marie.get(&format!("/requests/{seq}/yes")),
        StatusCode::CONFLICT,
        "The one who asked took this request back.",
    );
}

#[test]
fn an_initiative_asks_a_whole_workshop_and_each_member_confirms_their_own_share() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    let group = Browser::new(&kiosk);
    group.login("INIT-WERELDVROUWEN");
    let pick = plain(&group.page("/ask"));
    assert!(pick.contains("Whom did your group help?"), "{pick}");
    for payer in ["M001", "M004", "M006"] {
        assert_redirect(
            group.submit("/ask", "/ask/person", &[("payer", payer)]),
            "/ask",
        );
    }
    // Touched twice: taken off again.
    assert_redirect(
        group.submit("/ask", "/ask/person", &[("payer", "M006")]),
        "/ask",
    );
    let pick = plain(&group.page("/ask"));
    assert!(pick.contains("2 people chosen"), "{pick}");
    let details = [
        ("amount_minor", "200"),
        ("work", "self-development"),
        ("what", "Naaiatelier"),
    ];
    assert_redirect(
        group.submit("/ask/details", "/ask/details", &details),
        "/ask/confirm",
    );
    let confirm = plain(&group.page("/ask/confirm"));
    assert!(
        confirm.contains("Each one is asked for these hours"),
        "{confirm}"
    );
    let before_asking = newest_request(&ledger);
    assert_redirect(
        group.post(
            "/ask/confirm",
            &[
                ("csrf", &field_value(&confirm, "csrf")),
                ("once", &field_value(&confirm, "once")),
                ("pin", &card("INIT-WERELDVROUWEN").pin),
            ],
        ),
        "/ask/sent",
    );
    let made: Vec<RequestView> = requests_of(&ledger, "INIT-WERELDVROUWEN")
        .into_iter()
        .filter(|r| r.seq > before_asking)
        .collect();
    let payers: Vec<&str> = made.iter().map(|r| r.payer.as_str()).collect();
    assert_eq!(payers, ["M001", "M004"]);
    let before = ledger.balance("INIT-WERELDVROUWEN");
    let marie = Browser::new(&kiosk);
    marie.login("M001");
    assert_redirect(
        answer(&marie, "M001", made[0].seq, "yes", &[]),
        "/pay/receipt",
    );
    assert_eq!(ledger.balance("INIT-WERELDVROUWEN"), before + 200);
    let mehmets = requests_of(&ledger, "M004")
        .into_iter()
        .find(|r| r.seq == made[1].seq)
        .unwrap();
    assert_eq!(mehmets.state, RequestState::Pending);
}

#[test]
fn i_helped_with_this_on_the_board_starts_a_request_to_the_one_who_needed_it() {
    let ledger = Ledger::copy_of_demo();
    let out = ledger.akker_ok(
        &[
            "offer",
            "add",
            "M010",
            "request",
            "Brief van de gemeente lezen",
            "--work",
            "practical",
        ],
        &[],
    );
    // "Added offer #7 for M010: ..."
    let id: String = out
        .split('#')
        .nth(1)
        .unwrap()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let kiosk = Kiosk::start(&ledger.db());
    let mehmet = Browser::new(&kiosk);
    mehmet.login("M004");
    let board = mehmet.page("/offers");
    assert!(board.contains("I helped with this"), "{board}");
    assert_redirect(
        mehmet.submit(
            "/offers",
            "/ask/person",
            &[("payer", "M010"), ("offer", &id)],
        ),
        "/ask/details",
    );
    let details = mehmet.page("/ask/details");
    assert!(
        details.contains("value=\"Brief van de gemeente lezen\""),
        "{details}"
    );
    // Another member's need cannot be named for someone else.
    refusal(
        mehmet.submit(
            "/offers",
            "/ask/person",
            &[("payer", "M001"), ("offer", &id)],
        ),
        StatusCode::BAD_REQUEST,
        "This is not one of your offers.",
    );
}

#[test]
fn a_yes_past_a_limit_says_so_without_the_others_figures_and_records_nothing() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    let mehmet = Browser::new(&kiosk);
    mehmet.login("M004");
    ask(&mehmet, "M004", "M001", "200", "Schilderwerk");
    let seq = last_request(&ledger, "M004").seq;
    // The treasurer lowers Mehmet's ceiling to just above his balance.
    let ceiling = ledger.balance("M004") + 100;
    let ceiling_text = format!("{}.{:02}", ceiling / 100, ceiling % 100);
    ledger.akker_ok(
        &[
            "account",
            "set-limits",
            "M004",
            "--floor=-20",
            &format!("--ceiling={ceiling_text}"),
            "--reason",
            "test",
        ],
        &[],
    );
    // Asking now, Mehmet is told with his own figures: the request
    // waits, but he could not receive the hours today.
    let sent = ask(&mehmet, "M004", "M003", "200", "Kast");
    let would = ledger.balance("M004") + 200;
    assert!(
        sent.contains(&format!(
            "Today you could not receive these hours: you would have {}.{:02} hours, and your highest is {ceiling_text} hours.",
            would / 100,
            would % 100
        )),
        "{sent}"
    );
    let before = (ledger.balance("M001"), ledger.balance("M004"));
    let marie = Browser::new(&kiosk);
    marie.login("M001");
    let page = refusal(
        answer(&marie, "M001", seq, "yes", &[]),
        StatusCode::CONFLICT,
        "It is not possible to give hours to Mehmet Yılmaz now.",
    );
    for secret in [ceiling_text.as_str(), "M004"] {
        assert!(!page.contains(secret), "{secret} in {page}");
    }
    assert_eq!((ledger.balance("M001"), ledger.balance("M004")), before);
    assert_eq!(last_request(&ledger, "M004").state, RequestState::Pending);

    // A request the payer's own floor would not allow today: the helper
    // is told, by name, without the payer's figures.
    let payer = ["M001", "M003", "M005"]
        .into_iter()
        .find(|m| (0..2000).contains(&ledger.balance(m)))
        .expect("a demo member with a card and under 20 hours");
    ledger.akker_ok(
        &[
            "account",
            "set-limits",
            payer,
            "--floor=0",
            "--ceiling=100",
            "--reason",
            "test",
        ],
        &[],
    );
    let asked = ledger.balance(payer) + 100;
    let asked = asked + (25 - asked % 25) % 25;
    let sent = ask(&mehmet, "M004", payer, &asked.to_string(), "Verhuis");
    assert!(
        sent.contains("cannot give these hours. The request waits"),
        "{sent}"
    );
    let payer_balance = ledger.balance(payer);
    let figure = format!("{}.{:02}", payer_balance / 100, payer_balance % 100);
    assert!(!sent.contains(&figure), "{figure} in {sent}");
    // The payer's yes is refused with their own figures, and the request
    // keeps waiting.
    let seq = last_request(&ledger, "M004").seq;
    let browser = Browser::new(&kiosk);
    browser.login(payer);
    let page = refusal(
        answer(&browser, payer, seq, "yes", &[]),
        StatusCode::CONFLICT,
        "Not possible today: you would have −",
    );
    assert!(
        page.contains("The lowest is 0.00 hours. The request waits"),
        "{page}"
    );
    assert_eq!(ledger.balance(payer), payer_balance);
    assert_eq!(last_request(&ledger, "M004").state, RequestState::Pending);
}

#[test]
fn wrong_pins_on_a_yes_count_towards_the_cards_lock() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    let mehmet = Browser::new(&kiosk);
    mehmet.login("M004");
    ask(&mehmet, "M004", "M003", "100", "Lamp opgehangen");
    let seq = last_request(&ledger, "M004").seq;
    let fatima = Browser::new(&kiosk);
    fatima.login("M003");
    let wrong = if card("M003").pin == "0000" {
        "1111"
    } else {
        "0000"
    };
    let path = format!("/requests/{seq}/yes");
    for tries_left in (1..=4).rev() {
        let csrf = fatima.csrf(&path);
        assert_redirect(
            fatima.post(&path, &[("csrf", &csrf), ("pin", wrong)]),
            &path,
        );
        let page = plain(&fatima.page(&path));
        assert!(page.contains(&format!("try {tries_left} more")), "{page}");
    }
    let csrf = fatima.csrf(&path);
    refusal(
        fatima.post(&path, &[("csrf", &csrf), ("pin", wrong)]),
        StatusCode::LOCKED,
        "locked for 15 minutes",
    );
    // The session ended, and the card is locked for the next login too.
    assert_redirect(fatima.get("/home"), "/");
    let again = Browser::new(&kiosk);
    again.get("/lang/en");
    refusal(
        again.card_step(&[("code", &card("M003").code)]),
        StatusCode::LOCKED,
        "locked",
    );
    assert_eq!(last_request(&ledger, "M004").state, RequestState::Pending);
}

#[test]
fn a_member_asks_an_initiative_and_its_key_holder_says_yes_with_its_card() {
    let ledger = Ledger::copy_of_demo();
    let kiosk = Kiosk::start(&ledger.db());
    let marie = Browser::new(&kiosk);
    marie.login("M001");
    let sent = ask(
        &marie,
        "M001",
        "INIT-WERELDVROUWEN",
        "300",
        "Kookles gegeven",
    );
    assert!(
        sent.contains("Wereldvrouwen will see your request"),
        "{sent}"
    );
    let seq = last_request(&ledger, "M001").seq;
    let before = (ledger.balance("M001"), ledger.balance("INIT-WERELDVROUWEN"));
    // The key holder logs in with the initiative's card: the request is
    // the initiative's to answer.
    let group = Browser::new(&kiosk);
    group.login("INIT-WERELDVROUWEN");
    let home = plain(&group.page("/home"));
    assert!(offers_yes(&home, seq), "{home}");
    assert!(
        home.contains("Marie Dubois helped you and asks for 3.00 hours."),
        "{home}"
    );
    assert_redirect(
        answer(&group, "INIT-WERELDVROUWEN", seq, "yes", &[]),
        "/pay/receipt",
    );
    assert_eq!(
        (ledger.balance("M001"), ledger.balance("INIT-WERELDVROUWEN")),
        (before.0 + 300, before.1 - 300)
    );
    ledger.akker_ok(&["verify"], &[]);
}
