//! Runs the independent Python checker (tests/vectors/check_vectors.py),
//! written from docs/signing.md alone, against the test vectors and
//! against a real ledger file built through the crate's use cases. If it
//! agrees with the Rust code, the specification is complete.
//!
//! Needs python3 with PyNaCl and argon2-cffi
//! (`python3 -m pip install pynacl argon2-cffi`); without them the tests
//! print a note and pass without checking.

#[path = "common/skip.rs"]
mod skip;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use akker::ledger::{
    AccountId, AccountKind, Amount, Description, DisplayName, Entry, EntryBody, KdfParams,
    Language, Limits, PaymentDetails, Reason, SettingKey, Settings, SlipRef, WorkKind,
};
use akker::ops::{self, NewAccount};
use akker::signing::{generate_key, KeyHolder, Pin};
use akker::store::{Pending, Store};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

const FAST: KdfParams = KdfParams {
    memory_kib: 256,
    iterations: 1,
    parallelism: 1,
};

fn script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("vectors")
        .join("check_vectors.py")
}

/// True when python3 and the modules the checker needs are there.
fn python_ready() -> bool {
    let probe = Command::new("python3")
        .args(["-c", "import nacl.signing, nacl.bindings, argon2.low_level"])
        .output();
    match probe {
        Ok(out) if out.status.success() => true,
        _ => {
            skip::tool_missing(
                "python3 with PyNaCl and argon2-cffi",
                "python3 -m pip install pynacl argon2-cffi",
                "the independent Python checker",
            );
            false
        }
    }
}

fn run_checker(args: &[&str]) -> Output {
    let out = Command::new("python3")
        .arg(script())
        .args(args)
        .output()
        .expect("python3 runs");
    eprintln!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn the_python_checker_agrees_with_the_vectors() {
    if !python_ready() {
        return;
    }
    let out = run_checker(&[]);
    assert!(
        out.status.success(),
        "check_vectors.py found a difference from the Rust vectors"
    );
}

fn id(text: &str) -> AccountId {
    AccountId::parse(text).unwrap()
}

fn limits(floor: i64, ceiling: i64) -> Limits {
    Limits::new(
        Amount::from_minor(floor * 100),
        Amount::from_minor(ceiling * 100),
    )
    .unwrap()
}

fn details(day: u32, work: WorkKind, description: &str) -> PaymentDetails {
    PaymentDetails {
        date: NaiveDate::from_ymd_opt(2026, 5, day).unwrap(),
        work,
        skill: None,
        description: Description::parse(description).unwrap(),
        slip: None,
        override_reason: None,
    }
}

/// A ledger file with every entry type and every signer role, made the
/// way the command line and the kiosk make them.
fn build_ledger(path: &Path) -> Store {
    let start: DateTime<Utc> = Utc.with_ymd_and_hms(2026, 5, 1, 8, 0, 0).unwrap();
    let mut clock = 0;
    let mut now = || {
        clock += 1;
        start + Duration::hours(clock) + Duration::microseconds(clock * 1234)
    };
    let treasurer = KeyHolder::treasurer(generate_key());
    let settings = Settings {
        community_name: "Quartier Solidaire — Сен-Жиль".into(),
        currency_name: "heures".into(),
        currency_unit: "h".into(),
        currency_symbol: "h".into(),
        time_zone: "Europe/Brussels".into(),
        default_language: "fr".into(),
        treasurer_key: treasurer.key.verifying_key().to_bytes(),
        person_limits: limits(-20, 40),
        initiative_limits: limits(-100, 200),
        partner_limits: limits(-50, 500),
        system_limits: limits(-5000, 0),
    };
    let mut store = ops::init(path, settings, &treasurer, now()).unwrap();
    for (account, kind, name, language) in [
        ("M001", AccountKind::Person, "فاطمة الزهراء", "ar"),
        ("M002", AccountKind::Person, "Олена Коваленко", "uk"),
        ("M003", AccountKind::Person, "Zoë Lefèvre", "fr"),
        ("INIT-OUDERS", AccountKind::Initiative, "Oudercirkel", "nl"),
        ("SYS-FUND", AccountKind::System, "Fonds", "nl"),
    ] {
        let account = NewAccount {
            id: id(account),
            kind,
            name: DisplayName::parse(name).unwrap(),
            language: Language::parse(language).unwrap(),
            limits: None,
        };
        ops::open_account(&mut store, &treasurer, account, now()).unwrap();
    }
    let pin = Pin::parse("4321").unwrap();
    let m1 = ops::issue_card(&mut store, &treasurer, &id("M001"), &pin, None, FAST, now()).unwrap();
    let group = ops::issue_card(
        &mut store,
        &treasurer,
        &id("INIT-OUDERS"),
        &pin,
        Some(id("M002")),
        FAST,
        now(),
    )
    .unwrap();
    let welcome = PaymentDetails {
        slip: Some(SlipRef::parse("slip 7").unwrap()),
        ..details(1, WorkKind::Community, "Welkomstkrediet")
    };
    ops::pay(
        &mut store,
        &treasurer,
        &id("SYS-FUND"),
        &[(id("M001"), Amount::from_minor(500))],
        welcome,
        now(),
    )
    .unwrap();
    let member = ops::unlock_card(&store, &m1.code, &pin).unwrap();
    let paid = ops::pay(
        &mut store,
        &member,
        &id("M001"),
        &[(id("M002"), Amount::from_minor(150))],
        PaymentDetails {
            skill: Some("childcare".parse().unwrap()),
            ..details(1, WorkKind::Care, "رعاية الأطفال")
        },
        now(),
    )
    .unwrap();
    let key_holder = ops::unlock_card(&store, &group.code, &pin).unwrap();
    ops::pay(
        &mut store,
        &key_holder,
        &id("INIT-OUDERS"),
        &[
            (id("M001"), Amount::from_minor(225)),
            (id("M002"), Amount::from_minor(75)),
        ],
        details(1, WorkKind::SelfDevelopment, "Готовили обед"),
        now(),
    )
    .unwrap();
    let overridden = PaymentDetails {
        override_reason: Some(Reason::parse("approved by the group").unwrap()),
        ..details(1, WorkKind::Practical, "Fietsband")
    };
    ops::pay(
        &mut store,
        &treasurer,
        &id("M003"),
        &[(id("M002"), Amount::from_minor(5))],
        overridden,
        now(),
    )
    .unwrap();
    ops::reverse(
        &mut store,
        &treasurer,
        paid,
        Reason::parse("entered twice").unwrap(),
        None,
        now(),
    )
    .unwrap();
    ops::set_limits(
        &mut store,
        &treasurer,
        id("M002"),
        limits(-30, 60),
        Reason::parse("bigger family").unwrap(),
        now(),
    )
    .unwrap();
    // A new card revokes the old one in the same write.
    let m1_again = ops::issue_card(
        &mut store,
        &treasurer,
        &id("M001"),
        &Pin::parse("998877").unwrap(),
        None,
        FAST,
        now(),
    )
    .unwrap();
    ops::open_account(
        &mut store,
        &treasurer,
        NewAccount {
            id: id("M004"),
            kind: AccountKind::Person,
            name: DisplayName::parse("Şükrü").unwrap(),
            language: Language::parse("tr").unwrap(),
            limits: Some(limits(-10, 10)),
        },
        now(),
    )
    .unwrap();
    ops::close_account(
        &mut store,
        &treasurer,
        id("M004"),
        Reason::parse("moved away").unwrap(),
        now(),
    )
    .unwrap();
    let (head_seq, head_hash) = store.chain_head().unwrap();
    let body = EntryBody::StatementsIssued {
        period: "2026-05".into(),
        head_seq,
        head_hash,
    };
    // Issued once May has ended (Brussels), 25 days after the last entry.
    let june = Utc.with_ymd_and_hms(2026, 5, 31, 22, 0, 0).unwrap() + Duration::minutes(5);
    let signed = treasurer.sign(
        store.ledger_id(),
        Entry {
            recorded_at: june,
            body,
        },
    );
    store.append(vec![Pending::entry(signed)]).unwrap();
    // The later entry types: a signed setting, a jump confirmed, a time
    // recorded ahead and corrected, a handover and the new key signing.
    ops::set_setting(
        &mut store,
        &treasurer,
        SettingKey::OrganisationName,
        "Quartier Solidaire asbl",
        june + Duration::hours(1),
    )
    .unwrap();
    let august = june + Duration::days(60);
    let local_day = august
        .with_timezone(&chrono_tz::Europe::Brussels)
        .date_naive();
    ops::confirm_clock(&mut store, &treasurer, local_day, august).unwrap();
    let ahead = ops::set_setting(
        &mut store,
        &treasurer,
        SettingKey::PrivacyRetentionMonths,
        "36",
        august + Duration::days(3),
    )
    .unwrap();
    ops::correct_clock(
        &mut store,
        &treasurer,
        ahead,
        Reason::parse("clock three days ahead").unwrap(),
        august + Duration::hours(1),
    )
    .unwrap();
    let next = KeyHolder::treasurer(generate_key());
    ops::hand_over(
        &mut store,
        &treasurer,
        &next.key,
        Reason::parse("assemblée générale").unwrap(),
        august + Duration::hours(2),
    )
    .unwrap();
    ops::set_setting(
        &mut store,
        &next,
        SettingKey::TreasurerName,
        "Zoë",
        august + Duration::hours(3),
    )
    .unwrap();
    // Requests (issue 12): a workshop asked by the initiative's key
    // holder, one share confirmed by the member's card and one declined
    // by the treasurer from a slip; a request typed from a slip, withdrawn.
    use akker::ops::requests::{self as rq, NewRequest};
    let ask = |payers: &[(&str, i64)], payee: &str, what: &str, slip: Option<&str>| NewRequest {
        payers: payers
            .iter()
            .map(|(p, m)| (id(p), Amount::from_minor(*m)))
            .collect(),
        payee: id(payee),
        date: august.date_naive(),
        work: WorkKind::SelfDevelopment,
        skill: Some("sewing".parse().unwrap()),
        description: akker::ledger::Description::parse(what).unwrap(),
        slip: slip.map(|s| SlipRef::parse(s).unwrap()),
    };
    let workshop = rq::make_requests(
        &mut store,
        &key_holder,
        ask(
            &[("M001", 200), ("M002", 200)],
            "INIT-OUDERS",
            "Atelier couture",
            None,
        ),
        august + Duration::hours(4),
    )
    .unwrap();
    let member = ops::unlock_card(&store, &m1_again.code, &Pin::parse("998877").unwrap()).unwrap();
    rq::confirm_request(
        &mut store,
        &member,
        workshop.seqs[0],
        None,
        august + Duration::hours(5),
    )
    .unwrap();
    rq::decline_request(
        &mut store,
        &next,
        workshop.seqs[1],
        &akker::ledger::DeclineReason::NotMe,
        Some(SlipRef::parse("slip 9").unwrap()),
        august + Duration::hours(6),
    )
    .unwrap();
    let typed = rq::make_requests(
        &mut store,
        &next,
        ask(&[("M003", 50)], "M002", "Ourlet", Some("slip 10")),
        august + Duration::hours(7),
    )
    .unwrap();
    rq::withdraw_request(
        &mut store,
        &next,
        typed.seqs[0],
        Some(SlipRef::parse("slip 10").unwrap()),
        august + Duration::hours(8),
    )
    .unwrap();
    let report = akker::verify::verify(&store).unwrap();
    assert!(report.is_ok(), "{:?}", report.problems);
    store
}

#[test]
fn the_python_checker_verifies_a_real_ledger_file_and_detects_tampering() {
    if !python_ready() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.db");
    let store = build_ledger(&path);
    let types: Vec<String> = store
        .journal()
        .unwrap()
        .iter()
        .map(|row| {
            row.entry
                .as_ref()
                .unwrap()
                .entry
                .body
                .type_name()
                .to_string()
        })
        .collect();
    for kind in [
        "ledger-created",
        "account-opened",
        "limits-set",
        "account-closed",
        "card-issued",
        "card-revoked",
        "transaction",
        "statements-issued",
        "setting-set",
        "clock-confirmed",
        "clock-corrected",
        "treasurer-key-changed",
        "request-made",
        "request-confirmed",
        "request-declined",
        "request-withdrawn",
    ] {
        assert!(
            types.iter().any(|t| t == kind),
            "the test ledger has no {kind} entry"
        );
    }
    drop(store);
    let db = path.to_str().unwrap();
    let out = run_checker(&["--db", db]);
    assert!(
        out.status.success(),
        "check_vectors.py rejects a ledger the Rust code wrote"
    );

    // Someone with write access changes one description of a transaction.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "DROP TRIGGER transactions_no_update;
         UPDATE transactions SET description = 'Babysitting' WHERE seq = (SELECT min(seq) FROM transactions);",
    )
    .unwrap();
    drop(conn);
    let out = run_checker(&["--db", db]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "check_vectors.py must reject a changed entry"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("entry hash") && stdout.contains("signature does not verify"),
        "{stdout}"
    );
}
