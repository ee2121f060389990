//! Someone with write access to the ledger file but no key replaces the
//! treasurer's key by a weak (small-order) key, for which a trivial
//! "signature" passes for every message, re-signs every treasurer entry
//! and recomputes every hash and the chain. `verify` must still notice:
//! batch verification alone would accept such signatures.

use std::collections::HashMap;

use akker::ledger::{
    AccountId, AccountKind, Amount, Description, DisplayName, EntryBody, Language, PaymentDetails,
};
use akker::ledger::{SignerRole, Transaction, TransactionParts, WorkKind};
use akker::ops::{self, NewAccount};
use akker::signing::{canonical, chain, generate_key, KeyHolder};
use akker::store::Store;
use chrono::{Duration, NaiveDate, TimeZone, Utc};

#[test]
fn verify_refuses_a_ledger_re_signed_with_a_weak_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.db");
    let start = Utc.with_ymd_and_hms(2026, 5, 1, 8, 0, 0).unwrap();
    let treasurer = KeyHolder::treasurer(generate_key());
    let limits = |f: i64, c: i64| {
        akker::ledger::Limits::new(Amount::from_minor(f), Amount::from_minor(c)).unwrap()
    };
    let settings = akker::ledger::Settings {
        community_name: "Test".into(),
        currency_name: "hours".into(),
        currency_unit: "h".into(),
        currency_symbol: "h".into(),
        time_zone: "Europe/Brussels".into(),
        default_language: "nl".into(),
        treasurer_key: treasurer.key.verifying_key().to_bytes(),
        person_limits: limits(-2000, 4000),
        initiative_limits: limits(-2000, 4000),
        partner_limits: limits(-2000, 4000),
        system_limits: limits(-500_000, 0),
    };
    let mut store = ops::init(&path, settings, &treasurer, start).unwrap();
    for (i, (account, kind)) in [("M1", AccountKind::Person), ("FUND", AccountKind::System)]
        .into_iter()
        .enumerate()
    {
        let account = NewAccount {
            id: AccountId::parse(account).unwrap(),
            kind,
            name: DisplayName::parse("someone").unwrap(),
            language: Language::parse("nl").unwrap(),
            limits: None,
        };
        ops::open_account(
            &mut store,
            &treasurer,
            account,
            start + Duration::minutes(i as i64 + 1),
        )
        .unwrap();
    }
    let details = PaymentDetails {
        date: NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(),
        work: WorkKind::Community,
        skill: None,
        description: Description::parse("welcome").unwrap(),
        slip: None,
        override_reason: None,
    };
    let fund = AccountId::parse("FUND").unwrap();
    let m1 = AccountId::parse("M1").unwrap();
    ops::pay(
        &mut store,
        &treasurer,
        &fund,
        &[(m1, Amount::from_minor(500))],
        details,
        start + Duration::hours(1),
    )
    .unwrap();
    let ledger_id = store.ledger_id().to_string();
    let rows = store.journal().unwrap();
    drop(store);

    // The forgery: the identity point as the treasurer's key, and the
    // welcome payment raised from 5 to 25 hours.
    let mut weak_key = [0u8; 32];
    weak_key[0] = 1;
    let mut forged = [0u8; 64];
    forged[0] = 1;
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "DROP TRIGGER journal_no_update; DROP TRIGGER ledger_settings_no_update; DROP TRIGGER postings_no_update;
         UPDATE postings SET amount_minor = amount_minor * 5;",
    )
    .unwrap();
    conn.execute(
        "UPDATE ledger_settings SET treasurer_key = ?1",
        [&weak_key[..]],
    )
    .unwrap();
    let mut previous = chain::GENESIS;
    let mut hashes = HashMap::new();
    for row in rows {
        let mut signed = row.entry.unwrap();
        assert_eq!(signed.signer.role, SignerRole::Treasurer);
        signed.signer.public_key = weak_key;
        signed.signature = forged;
        match &mut signed.entry.body {
            EntryBody::LedgerCreated(settings) => settings.treasurer_key = weak_key,
            EntryBody::Transaction(tx) => {
                let postings = tx
                    .postings()
                    .iter()
                    .map(|p| akker::ledger::Posting {
                        account: p.account.clone(),
                        amount: Amount::from_minor(p.amount.minor() * 5),
                    })
                    .collect();
                *tx = Transaction::new(TransactionParts {
                    date: tx.date(),
                    work: tx.work(),
                    skill: tx.skill().cloned(),
                    description: tx.description().clone(),
                    slip: tx.slip().cloned(),
                    reverses: tx.reverses().cloned(),
                    override_reason: tx.override_reason().cloned(),
                    postings,
                })
                .unwrap();
            }
            _ => {}
        }
        let hash = chain::entry_hash(&canonical::message_of(&ledger_id, &signed));
        previous = chain::next_chain(&previous, &hash, &signed.signature);
        hashes.insert(row.seq, hash);
        conn.execute(
            "UPDATE journal SET signer_key = ?1, signature = ?2, entry_hash = ?3, chain_hash = ?4 WHERE seq = ?5",
            rusqlite::params![&weak_key[..], &forged[..], &hash[..], &previous[..], row.seq],
        )
        .unwrap();
    }
    conn.execute_batch("DROP TRIGGER accounts_identity_fixed; UPDATE accounts SET balance_minor = balance_minor * 5;").unwrap();
    drop(conn);

    let store = Store::open(&path).unwrap();
    let report = akker::verify::verify(&store).unwrap();
    // The forgery is otherwise perfect: hashes, chain, rules and cached
    // balances all agree. Only the signatures give it away.
    assert!(
        report.problems.iter().all(|p| p.check == "signature"),
        "{:?}",
        report.problems
    );
    assert_eq!(
        report.problems.len(),
        hashes.len(),
        "every forged signature is reported: {:?}",
        report.problems
    );
}
