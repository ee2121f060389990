//! A request nobody answered in time, at the kiosk: on a ledger whose
//! history began three days ago with `requests.expiry-days` 1, a request
//! made two days ago is not offered to its payer, a yes (page or form)
//! says it waited too long and records nothing, and its helper is told.

#[path = "common/kiosk.rs"]
mod kiosk;

use std::process::Command;

use akker::ledger::AccountId;
use akker::store::Store;
use chrono::{Duration, SecondsFormat, Utc};
use reqwest::StatusCode;

use kiosk::*;

#[test]
fn a_request_cannot_be_confirmed_after_it_expired_and_its_helper_is_told() {
    // A ledger whose history began three days ago, with requests that
    // expire after one day.
    let ledger = Ledger::copy_of_demo();
    std::fs::remove_file(ledger.db()).unwrap();
    std::fs::remove_file(ledger.db().with_extension("db.key")).unwrap();
    let at = |hours_ago: i64| {
        (Utc::now() - Duration::hours(hours_ago)).to_rfc3339_opts(SecondsFormat::Secs, true)
    };
    let run = |args: &[&str], when: &str| {
        let out = Command::new(BIN)
            .arg("--db")
            .arg(ledger.db())
            .args(args)
            .env("AKKER_PASSPHRASE", "demo")
            .env("AKKER_NOW", when)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let demo: serde_json::Value = serde_json::from_str(&run(&["--json", "demo"], &at(72))).unwrap();
    let code_of = |account: &str| {
        demo["cards"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["account"] == account)
            .map(|c| {
                (
                    c["code"].as_str().unwrap().to_string(),
                    c["pin"].as_str().unwrap().to_string(),
                )
            })
            .unwrap()
    };
    run(&["settings", "set", "requests.expiry-days", "1"], &at(71));
    // Mehmet asks Marie, two days ago, with his card.
    let (mehmet_code, mehmet_pin) = code_of("M004");
    {
        let mut store = Store::open(&ledger.db()).unwrap();
        let code = akker::signing::CardCode::parse(&mehmet_code).unwrap();
        let pin = akker::signing::Pin::parse(&mehmet_pin).unwrap();
        let signer = akker::ops::unlock_card(&store, &code, &pin).unwrap();
        let when = Utc::now() - Duration::hours(48);
        let request = akker::ops::requests::NewRequest {
            payers: vec![(
                AccountId::parse("M001").unwrap(),
                akker::ledger::Amount::from_minor(100),
            )],
            payee: AccountId::parse("M004").unwrap(),
            date: when.date_naive(),
            work: akker::ledger::WorkKind::Practical,
            skill: None,
            description: akker::ledger::Description::parse("Dakgoot").unwrap(),
            slip: None,
        };
        akker::ops::requests::make_requests(&mut store, &signer, request, when).unwrap();
    }
    let seq = last_request(&ledger, "M004").seq;
    let before = ledger.balance("M001");
    let kiosk = Kiosk::start(&ledger.db());
    let marie = Browser::new(&kiosk);
    let (marie_code, marie_pin) = code_of("M001");
    marie.login_with("en", &marie_code, &marie_pin);
    assert!(!offers_yes(&marie.page("/home"), seq));
    refusal(
        marie.get(&format!("/requests/{seq}/yes")),
        StatusCode::CONFLICT,
        "waited too long",
    );
    let path = format!("/requests/{seq}/yes");
    let csrf = marie.csrf("/home");
    refusal(
        marie.post(&path, &[("csrf", &csrf), ("pin", &marie_pin)]),
        StatusCode::CONFLICT,
        "waited too long",
    );
    assert_eq!(ledger.balance("M001"), before);
    let mehmet = Browser::new(&kiosk);
    mehmet.login_with("en", &mehmet_code, &mehmet_pin);
    let home = plain(&mehmet.page("/home"));
    assert!(
        home.contains("Marie Dubois did not answer in time. Nothing was given."),
        "{home}"
    );
}
