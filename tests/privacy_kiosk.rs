//! Privacy at the kiosk (issue 15), on a real `akker kiosk` over a copy of
//! the demo ledger: the notice is one tap from the welcome screen, the
//! note field says not to write names and a note that names a member is
//! warned about (and still recorded), and a renamed or erased member shows
//! with the new name, or as a number, on the next page.

#[path = "common/kiosk.rs"]
mod kiosk;

use reqwest::StatusCode;

use kiosk::*;

#[test]
fn the_privacy_notice_is_one_tap_from_the_welcome_screen_in_every_language() {
    let ledger = Ledger::copy_of_demo();
    let db = ledger.db();
    let kiosk = Kiosk::start(&db);
    let browser = Browser::new(&kiosk);
    let welcome = browser.page("/");
    assert!(welcome.contains("href=\"/privacy\""), "{welcome}");
    let notice = browser.page("/privacy");
    assert!(notice.contains("Buurtuur Sint-Gillis (demo)"), "{notice}");
    for (lang, words) in [
        ("fr", "Ce que vous pouvez demander"),
        ("ar", "ما يمكنك أن تطلبه"),
        ("tr", "Neler isteyebilirsiniz"),
        ("nl", "Wat je kunt vragen"),
        ("en", "What you can ask"),
    ] {
        assert_eq!(
            browser.get(&format!("/privacy/{lang}")).status(),
            StatusCode::SEE_OTHER
        );
        let page = browser.page("/privacy");
        assert!(page.contains(words), "{lang}: {page}");
    }
}

#[test]
fn a_note_that_names_a_member_is_warned_about_and_still_recorded() {
    let ledger = Ledger::copy_of_demo();
    let db = ledger.db();
    let kiosk = Kiosk::start(&db);
    let browser = Browser::new(&kiosk);
    browser.login("M001");
    browser.submit("/pay", "/pay/person", &[("payee", "M002")]);
    let details = browser.page("/pay/details");
    assert!(details.contains("Do not write names here"), "{details}");

    let (confirm, receipt) = browser.pay("M001", "M002", "Soep voor jan gekookt");
    assert!(
        confirm.contains("This note contains the name of a member"),
        "{confirm}"
    );
    assert!(receipt.contains("Jan Peeters"), "{receipt}");
    let (plain, _) = browser.pay("M001", "M002", "Soep gekookt");
    assert!(!plain.contains("This note contains the name"), "{plain}");
    let recorded = akker_cli(&db, &["tx", "list", "--last", "2"]);
    assert!(recorded.contains("Soep voor jan gekookt"), "{recorded}");
}

#[test]
fn a_renamed_or_erased_member_shows_anew_at_the_kiosk() {
    let ledger = Ledger::copy_of_demo();
    let db = ledger.db();
    let kiosk = Kiosk::start(&db);
    akker_cli(
        &db,
        &["account", "rename", "M001", "--name", "Marie Durand"],
    );
    akker_cli(
        &db,
        &["account", "erase", "M003", "--reason", "left the group"],
    );
    let browser = Browser::new(&kiosk);
    browser.login("M001");
    let home = browser.page("/home");
    assert!(
        home.contains("Marie Durand") && !home.contains("Marie Dubois"),
        "{home}"
    );
    let (_, receipt) = browser.pay("M001", "M003", "Tuin");
    assert!(
        receipt.contains("M003") && !receipt.contains("فاطمة"),
        "{receipt}"
    );
    let home = browser.page("/home");
    assert!(!home.contains("فاطمة"), "{home}");
}
