//! Someone with write access to the ledger file, but no key, tries to
//! change the books in ways that keep every hash and the chain consistent
//! (the chain has no key, anyone can recompute it). `verify` must notice.

use std::collections::HashMap;
use std::path::Path;

use akker::ledger::{
    AccountId, AccountKind, Amount, Description, DisplayName, EntryBody, KdfParams, Language,
    Limits, PaymentDetails, Posting, Settings, SignerRole, Transaction, TransactionParts, WorkKind,
};
use akker::ops::{self, NewAccount};
use akker::signing::{canonical, chain, generate_key, KeyHolder, Pin};
use akker::store::Store;
use chrono::{Duration, NaiveDate, TimeZone, Utc};

const FAST: KdfParams = KdfParams {
    memory_kib: 256,
    iterations: 1,
    parallelism: 1,
};

fn id(text: &str) -> AccountId {
    AccountId::parse(text).unwrap()
}

fn details(description: &str) -> PaymentDetails {
    PaymentDetails {
        date: NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(),
        work: WorkKind::Community,
        skill: None,
        description: Description::parse(description).unwrap(),
        slip: None,
        override_reason: None,
    }
}

/// A ledger with a welcome payment by the treasurer (#6) and a payment
/// by a member with their card (#7).
fn small_ledger(path: &Path) {
    let start = Utc.with_ymd_and_hms(2026, 5, 1, 8, 0, 0).unwrap();
    let treasurer = KeyHolder::treasurer(generate_key());
    let limits =
        |f: i64, c: i64| Limits::new(Amount::from_minor(f), Amount::from_minor(c)).unwrap();
    let settings = Settings {
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
    let mut store = ops::init(path, settings, &treasurer, start).unwrap();
    for (i, (account, kind)) in [
        ("M1", AccountKind::Person),
        ("M2", AccountKind::Person),
        ("FUND", AccountKind::System),
    ]
    .into_iter()
    .enumerate()
    {
        let account = NewAccount {
            id: id(account),
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
    let pin = Pin::parse("1234").unwrap();
    let card = ops::issue_card(
        &mut store,
        &treasurer,
        &id("M1"),
        &pin,
        None,
        FAST,
        start + Duration::minutes(9),
    )
    .unwrap();
    let welcome = [(id("M1"), Amount::from_minor(500))];
    ops::pay(
        &mut store,
        &treasurer,
        &id("FUND"),
        &welcome,
        details("welcome"),
        start + Duration::hours(1),
    )
    .unwrap();
    let member = ops::unlock_card(&store, &card.code, &pin).unwrap();
    let help = [(id("M2"), Amount::from_minor(150))];
    ops::pay(
        &mut store,
        &member,
        &id("M1"),
        &help,
        details("help"),
        start + Duration::hours(2),
    )
    .unwrap();
    assert!(akker::verify::verify(&store).unwrap().is_ok());
}

#[test]
fn verify_refuses_a_ledger_re_signed_with_a_weak_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.db");
    small_ledger(&path);
    let store = Store::open(&path).unwrap();
    let ledger_id = store.ledger_id().to_string();
    let rows = store.journal().unwrap();
    drop(store);

    // The forgery: the identity point as the treasurer's key, for which
    // R = identity and S = 0 pass the verification equation for any
    // message, and the welcome payment (#6) raised from 5 to 25 hours.
    let mut weak_key = [0u8; 32];
    weak_key[0] = 1;
    let mut forged = [0u8; 64];
    forged[0] = 1;
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "DROP TRIGGER journal_no_update; DROP TRIGGER ledger_settings_no_update; DROP TRIGGER postings_no_update;
         DROP TRIGGER accounts_identity_fixed;
         UPDATE postings SET amount_minor = amount_minor * 5 WHERE seq = 6;
         UPDATE accounts SET balance_minor = balance_minor + 2000 WHERE id = 'M1';
         UPDATE accounts SET balance_minor = balance_minor - 2000 WHERE id = 'FUND';",
    )
    .unwrap();
    conn.execute(
        "UPDATE ledger_settings SET treasurer_key = ?1",
        [&weak_key[..]],
    )
    .unwrap();
    let mut previous = chain::GENESIS;
    let mut forged_entries = 0;
    for row in rows {
        let mut signed = row.entry.unwrap();
        if signed.signer.role == SignerRole::Treasurer {
            signed.signer.public_key = weak_key;
            signed.signature = forged;
            forged_entries += 1;
        }
        match &mut signed.entry.body {
            EntryBody::LedgerCreated(settings) => settings.treasurer_key = weak_key,
            EntryBody::Transaction(tx) if row.seq == 6 => {
                let postings = tx
                    .postings()
                    .iter()
                    .map(|p| Posting {
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
        conn.execute(
            "UPDATE journal SET signer_key = ?1, signature = ?2, entry_hash = ?3, chain_hash = ?4 WHERE seq = ?5",
            rusqlite::params![&signed.signer.public_key[..], &signed.signature[..], &hash[..], &previous[..], row.seq],
        )
        .unwrap();
    }
    restore_triggers(&conn);
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
        forged_entries,
        "every forged signature is reported: {:?}",
        report.problems
    );
}

#[test]
fn verify_reports_a_signed_payment_copied_to_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.db");
    small_ledger(&path);
    // The member's payment #7 is copied as #8: a valid signature, and a
    // chain recomputed to include it. The journal is rebuilt without its
    // UNIQUE constraint on entry_hash, which write access allows.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let (head, hash, signature): (Vec<u8>, Vec<u8>, Vec<u8>) = conn
        .query_row(
            "SELECT chain_hash, entry_hash, signature FROM journal WHERE seq = 7",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let chain_hash = chain::next_chain(
        &head.try_into().unwrap(),
        &hash.try_into().unwrap(),
        &signature.try_into().unwrap(),
    );
    conn.execute_batch(&format!(
        "PRAGMA foreign_keys = OFF;
         CREATE TABLE copy AS SELECT * FROM journal; DROP TABLE journal; ALTER TABLE copy RENAME TO journal;
         INSERT INTO journal SELECT 8, entry_type, recorded_at, signer_role, signer_account, signer_key, signature,
             entry_hash, x'{}' FROM journal WHERE seq = 7;
         INSERT INTO transactions SELECT 8, date, work, skill, description, slip, reverses_seq, reason, override_reason
             FROM transactions WHERE seq = 7;
         INSERT INTO postings SELECT 8, idx, account_id, amount_minor FROM postings WHERE seq = 7;
         DROP TRIGGER accounts_identity_fixed;
         UPDATE accounts SET balance_minor = balance_minor - 150 WHERE id = 'M1';
         UPDATE accounts SET balance_minor = balance_minor + 150 WHERE id = 'M2';
         UPDATE accounts SET last_seq = 8 WHERE id IN ('M1', 'M2');",
        hex::encode(chain_hash)
    ))
    .unwrap();
    restore_triggers(&conn);
    drop(conn);

    let store = Store::open(&path).unwrap();
    let report = akker::verify::verify(&store).unwrap();
    let checks: HashMap<&str, usize> = report.problems.iter().fold(HashMap::new(), |mut m, p| {
        *m.entry(p.check).or_default() += 1;
        m
    });
    assert_eq!(
        checks,
        HashMap::from([("duplicate", 1)]),
        "{:?}",
        report.problems
    );
    assert_eq!(report.problems[0].seq, Some(8));
}

/// A careful forger puts the append-only triggers back after the change,
/// so that only the change itself is left for verify to find.
fn restore_triggers(conn: &rusqlite::Connection) {
    for (_, statement) in akker::store::audit::schema_triggers() {
        conn.execute_batch(statement).unwrap();
    }
}
