//! Re-submitting the very same signed entry never records it twice: the
//! journal's entry hash is unique, and the store answers with the number
//! of the entry already recorded, leaving the ledger as it was.

use akker::ledger::{
    AccountId, AccountKind, Amount, Description, DisplayName, Entry, EntryBody, Language, Limits,
    PaymentDetails, RuleError, Settings, Transaction, WorkKind,
};
use akker::ops::{self, NewAccount};
use akker::signing::KeyHolder;
use akker::store::{Pending, Store, StoreError};
use chrono::{TimeZone, Utc};
use ed25519_dalek::SigningKey;

fn id(s: &str) -> AccountId {
    AccountId::parse(s).unwrap()
}

fn ledger() -> (Store, KeyHolder) {
    let treasurer = KeyHolder::treasurer(SigningKey::from_bytes(&[3; 32]));
    let limits = Limits::new(Amount::from_minor(-2000), Amount::from_minor(4000)).unwrap();
    let settings = Settings {
        community_name: "Test".into(),
        currency_name: "tijd".into(),
        currency_unit: "hours".into(),
        currency_symbol: "h".into(),
        time_zone: "Europe/Brussels".into(),
        default_language: "nl".into(),
        treasurer_key: treasurer.signer().public_key,
        person_limits: limits,
        initiative_limits: limits,
        partner_limits: limits,
        system_limits: limits,
    };
    let at = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
    let genesis = treasurer.sign(
        "ab".repeat(16).as_str(),
        Entry {
            recorded_at: at,
            body: EntryBody::LedgerCreated(settings),
        },
    );
    let mut store = Store::create_in_memory(&"ab".repeat(16), genesis).unwrap();
    for (i, account) in ["M1", "M2"].iter().enumerate() {
        let new = NewAccount {
            id: id(account),
            kind: AccountKind::Person,
            name: DisplayName::parse(account).unwrap(),
            language: Language::parse("nl").unwrap(),
            limits: None,
        };
        ops::open_account(
            &mut store,
            &treasurer,
            new,
            at + chrono::Duration::seconds(i as i64 + 1),
        )
        .unwrap();
    }
    (store, treasurer)
}

fn payment(store: &Store, treasurer: &KeyHolder) -> Pending {
    let details = PaymentDetails {
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        work: WorkKind::Care,
        skill: None,
        description: Description::parse("Babysitting").unwrap(),
        slip: None,
        override_reason: None,
    };
    let tx =
        Transaction::payment(&id("M1"), &[(id("M2"), Amount::from_minor(150))], details).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 11, 2, 18, 0, 0).unwrap();
    Pending::entry(treasurer.sign(
        store.ledger_id(),
        Entry {
            recorded_at: at,
            body: EntryBody::Transaction(tx),
        },
    ))
}

fn balance(store: &Store, account: &str) -> Amount {
    store.account(&id(account)).unwrap().unwrap().balance
}

#[test]
fn the_same_signed_payment_sent_twice_is_recorded_once() {
    let (mut store, treasurer) = ledger();
    let pending = payment(&store, &treasurer);
    let first = store.append(vec![pending.clone()]).unwrap()[0];
    let err = store.append(vec![pending]).unwrap_err();
    assert!(
        matches!(err, StoreError::Ledger(akker::ledger::LedgerError::Rule(RuleError::Duplicate(seq))) if seq == first),
        "{err}"
    );
    assert!(
        err.to_string().contains(&format!("#{first}")),
        "the message names the entry: {err}"
    );
    assert_eq!(store.transaction_count().unwrap(), 1);
    assert_eq!(balance(&store, "M1"), Amount::from_minor(-150));
    assert!(akker::verify::verify(&store).unwrap().is_ok());
}

#[test]
fn a_batch_holding_the_same_entry_twice_records_nothing() {
    let (mut store, treasurer) = ledger();
    let pending = payment(&store, &treasurer);
    assert!(store.append(vec![pending.clone(), pending]).is_err());
    assert_eq!(store.transaction_count().unwrap(), 0, "all or nothing");
    assert_eq!(balance(&store, "M1"), Amount::ZERO);
    assert!(akker::verify::verify(&store).unwrap().is_ok());
}
