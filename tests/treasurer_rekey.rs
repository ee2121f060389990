//! The re-keyed copy: someone who can write the ledger file but holds no
//! key re-signs the whole ledger under a treasurer key of their own. Every
//! signature checks; only the real key file and the posted fingerprint
//! can tell. Also: after a handover the old key signs nothing, and a
//! forger cannot hand their ledger over to the real treasurer's key.

mod common;

use akker::ledger::{
    AccountId, AccountKind, Amount, Description, DisplayName, Entry, EntryBody, KdfParams,
    Language, Limits, PaymentDetails, Reason, RuleError, SettingKey, Settings, SignedEntry,
    SlipRef, Transaction, TransactionParts, WorkKind,
};
use akker::ops::{self, NewAccount};
use akker::signing::{fingerprint, generate_key, keyfile, KeyHolder, Pin};
use akker::store::{Pending, Store, StoreError};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use common::{Ledger, OK, PASSPHRASE, REFUSED};

const FAST: KdfParams = KdfParams {
    memory_kib: 256,
    iterations: 1,
    parallelism: 1,
};

fn id(text: &str) -> AccountId {
    AccountId::parse(text).unwrap()
}

fn details(work: WorkKind, what: &str, slip: Option<&str>) -> PaymentDetails {
    PaymentDetails {
        date: NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(),
        work,
        skill: None,
        description: Description::parse(what).unwrap(),
        slip: slip.map(|s| SlipRef::parse(s).unwrap()),
        override_reason: None,
    }
}

/// A ledger with every kind of treasurer entry and a member's card
/// payment, and its real key file beside it.
fn genuine(ledger: &Ledger) -> KeyHolder {
    let start: DateTime<Utc> = Utc.with_ymd_and_hms(2026, 5, 1, 8, 0, 0).unwrap();
    let mut clock = 0;
    let mut now = || {
        clock += 1;
        start + Duration::hours(clock)
    };
    let treasurer = KeyHolder::treasurer(generate_key());
    let limits = |f: i64, c: i64| {
        Limits::new(Amount::from_minor(f * 100), Amount::from_minor(c * 100)).unwrap()
    };
    let settings = Settings {
        community_name: "Tijdsbank".into(),
        currency_name: "uur".into(),
        currency_unit: "hours".into(),
        currency_symbol: "h".into(),
        time_zone: "Europe/Brussels".into(),
        default_language: "nl".into(),
        treasurer_key: treasurer.signer().public_key,
        person_limits: limits(-20, 40),
        initiative_limits: limits(-100, 200),
        partner_limits: limits(-100, 200),
        system_limits: limits(-5000, 5000),
    };
    let mut store = ops::init(ledger.db(), settings, &treasurer, now()).unwrap();
    std::fs::write(
        ledger.key_file(),
        keyfile::seal(&treasurer.key, PASSPHRASE, FAST).unwrap(),
    )
    .unwrap();
    for account in ["M001", "M002"] {
        let new = NewAccount {
            id: id(account),
            kind: AccountKind::Person,
            name: DisplayName::parse("Lid").unwrap(),
            language: Language::parse("nl").unwrap(),
            limits: None,
        };
        ops::open_account(&mut store, &treasurer, new, now()).unwrap();
    }
    let pin = Pin::parse("1234").unwrap();
    let card =
        ops::issue_card(&mut store, &treasurer, &id("M001"), &pin, None, FAST, now()).unwrap();
    let member = ops::unlock_card(&store, &card.code, &pin).unwrap();
    ops::pay(
        &mut store,
        &member,
        &id("M001"),
        &[(id("M002"), Amount::from_minor(150))],
        details(WorkKind::Care, "Oppas", None),
        now(),
    )
    .unwrap();
    let slip = ops::pay(
        &mut store,
        &treasurer,
        &id("M002"),
        &[(id("M001"), Amount::from_minor(300))],
        details(WorkKind::Practical, "Fiets", Some("slip 4")),
        now(),
    )
    .unwrap();
    ops::reverse(
        &mut store,
        &treasurer,
        slip,
        Reason::parse("entered twice").unwrap(),
        None,
        now(),
    )
    .unwrap();
    ops::set_setting(
        &mut store,
        &treasurer,
        SettingKey::OrganisationName,
        "Tijdsbank vzw",
        now(),
    )
    .unwrap();
    treasurer
}

/// What a forger does: the same entries, every treasurer entry signed
/// again with `forger`, members' signatures copied as they are.
fn resign(from: &Store, forger: &KeyHolder, path: &std::path::Path) -> Store {
    let rows = from.journal().unwrap();
    let mut hashes = std::collections::HashMap::new();
    let mut store: Option<Store> = None;
    for row in rows {
        let signed = row.entry.unwrap();
        let body = match signed.entry.body.clone() {
            EntryBody::LedgerCreated(settings) => EntryBody::LedgerCreated(Settings {
                treasurer_key: forger.signer().public_key,
                ..settings
            }),
            EntryBody::Transaction(tx) => EntryBody::Transaction(relink(&tx, &hashes)),
            other => other,
        };
        let entry = Entry {
            recorded_at: signed.entry.recorded_at,
            body,
        };
        let again: SignedEntry = if signed.signer.role == akker::ledger::SignerRole::Treasurer {
            forger.sign(from.ledger_id(), entry)
        } else {
            signed.clone()
        };
        match store.as_mut() {
            None => store = Some(Store::create(path, from.ledger_id(), again).unwrap()),
            Some(store) => {
                store.append(vec![Pending::entry(again)]).unwrap();
            }
        }
        let (seq, _) = store.as_ref().unwrap().chain_head().unwrap();
        let new_hash = store.as_ref().unwrap().journal().unwrap()[seq as usize - 1]
            .entry_hash
            .clone();
        hashes.insert(row.seq, new_hash);
    }
    store.unwrap()
}

/// A reversal names its original's entry hash, which re-signing changed.
fn relink(tx: &Transaction, hashes: &std::collections::HashMap<i64, Vec<u8>>) -> Transaction {
    let reverses = tx.reverses().map(|link| akker::ledger::ReversalLink {
        seq: link.seq,
        entry_hash: hashes[&link.seq].clone().try_into().unwrap(),
        reason: link.reason.clone(),
    });
    Transaction::new(TransactionParts {
        date: tx.date(),
        work: tx.work(),
        skill: tx.skill().cloned(),
        description: tx.description().clone(),
        slip: tx.slip().cloned(),
        reverses,
        override_reason: tx.override_reason().cloned(),
        postings: tx.postings().to_vec(),
    })
    .unwrap()
}

fn problem_checks(run: &common::Run) -> Vec<String> {
    run.json()["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["check"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_ledger_re_signed_under_another_key_fails_verify_with_the_real_key_file_and_fingerprint() {
    let real = Ledger::without_file();
    let treasurer = genuine(&real);
    let real_fp = fingerprint(&treasurer.signer().public_key);
    real.ok(&["verify", "--treasurer", &real_fp]);

    let forged = Ledger::without_file();
    let forger = KeyHolder::treasurer(generate_key());
    let store = Store::open(real.db()).unwrap();
    drop(resign(&store, &forger, forged.db()));

    // Every signature checks: without an outside fact it looks fine.
    let alone = forged.ok(&["verify"]);
    assert!(alone.contains("No treasurer key file"), "{alone}");

    // With the real key file beside it, verify fails loudly.
    std::fs::copy(real.key_file(), forged.key_file()).unwrap();
    let run = forged.run(&["--json", "verify"]);
    assert_eq!(run.code, REFUSED, "{run}");
    assert_eq!(problem_checks(&run), ["treasurer-key"]);
    // Given with --key, the same.
    std::fs::rename(forged.key_file(), forged.dir().join("real.key")).unwrap();
    let real_key = forged.dir().join("real.key");
    forged
        .run(&["--key", real_key.to_str().unwrap(), "verify"])
        .expect(REFUSED);
    // And against the posted fingerprint.
    let run = forged.run(&["--json", "verify", "--treasurer", &real_fp]);
    assert_eq!(run.code, REFUSED, "{run}");
    assert_eq!(problem_checks(&run), ["treasurer-fingerprint"]);
}

#[test]
fn a_forger_cannot_hand_a_forged_ledger_over_to_the_real_treasurers_key() {
    let real = Ledger::without_file();
    let treasurer = genuine(&real);
    let forged = Ledger::without_file();
    let forger = KeyHolder::treasurer(generate_key());
    let mut store = resign(&Store::open(real.db()).unwrap(), &forger, forged.db());
    let later = Utc.with_ymd_and_hms(2026, 5, 2, 8, 0, 0).unwrap();
    // The acceptance must be the real key's signature; the forger can only
    // make one with a key they hold.
    let stand_in = generate_key();
    let acceptance =
        akker::signing::handover::accept(store.ledger_id(), &forger.signer().public_key, &stand_in);
    let body = EntryBody::TreasurerKeyChanged {
        new_key: treasurer.signer().public_key,
        acceptance,
        reason: Reason::parse("handover").unwrap(),
    };
    let signed = forger.sign(
        store.ledger_id(),
        Entry {
            recorded_at: later,
            body,
        },
    );
    let refused = store.append(vec![Pending::entry(signed)]).unwrap_err();
    assert!(refused.to_string().contains("acceptance"), "{refused}");
}

#[test]
fn after_a_handover_the_old_key_signs_nothing_and_the_ledger_verifies() {
    let ledger = Ledger::without_file();
    let old = genuine(&ledger);
    let mut store = Store::open(ledger.db()).unwrap();
    let new = KeyHolder::treasurer(generate_key());
    let later = Utc.with_ymd_and_hms(2026, 5, 2, 8, 0, 0).unwrap();
    ops::hand_over(
        &mut store,
        &old,
        &new.key,
        Reason::parse("general meeting").unwrap(),
        later,
    )
    .unwrap();
    let refused = ops::set_setting(
        &mut store,
        &old,
        SettingKey::OrganisationPlace,
        "Gent",
        later + Duration::minutes(1),
    )
    .unwrap_err();
    assert!(
        matches!(
            refused,
            StoreError::Ledger(akker::ledger::LedgerError::Rule(RuleError::NotTreasurerKey))
        ),
        "{refused}"
    );
    ops::set_setting(
        &mut store,
        &new,
        SettingKey::OrganisationPlace,
        "Gent",
        later + Duration::minutes(2),
    )
    .unwrap();
    assert_eq!(store.treasurer_key().unwrap(), new.signer().public_key);
    drop(store);
    // The old key file beside the ledger: a note, not a problem.
    let run = ledger.run(&["--json", "verify"]);
    assert_eq!(run.code, OK, "{run}");
    assert_eq!(run.json()["key_file"]["holds"], "former");
    ledger
        .run(&[
            "verify",
            "--treasurer",
            &fingerprint(&new.signer().public_key),
        ])
        .expect(OK);
}
