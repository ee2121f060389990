//! Upgrades keep every ledger (issue 14): the small ledger that akker
//! 0.1.0 (schema version 1) wrote, kept in tests/fixtures, opens with this
//! version, is upgraded after a copy is kept beside it, verifies, and
//! shows the same balances; a ledger from a newer release is refused.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;

/// The fixture's passphrase (tests/fixtures/make-v1-ledger.sh).
const FIXTURE_PASSPHRASE: &str = "fixture";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1-ledger.db")
}

/// Balances and chain head as the old release stored them, read with
/// SQLite directly from the untouched fixture.
fn stored(db: &Path) -> (BTreeMap<String, i64>, Vec<u8>, i64) {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open the fixture");
    let mut stmt = conn
        .prepare("SELECT id, balance_minor FROM accounts")
        .unwrap();
    let balances = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let (head, version) = conn
        .query_row(
            "SELECT (SELECT chain_hash FROM journal ORDER BY seq DESC LIMIT 1), schema_version FROM ledger",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    (balances, head, version)
}

fn kept_copies(ledger: &Ledger) -> Vec<PathBuf> {
    std::fs::read_dir(ledger.dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.to_string_lossy()
                .contains(&format!(".before-v{}-", akker::store::SCHEMA_VERSION))
        })
        .collect()
}

#[test]
fn the_ledger_of_the_first_release_is_upgraded_and_verifies_with_the_same_balances() {
    let (balances, head, version) = stored(&fixture());
    assert_eq!(version, 1, "the fixture is a schema-1 ledger");
    assert_eq!(&std::fs::read(fixture()).unwrap()[68..72], &[0, 0, 0, 0]);
    // Soon after the fixture's last entry (2026-10-02), so the new payment
    // below is not a jump of the clock that the treasurer must confirm.
    let ledger = Ledger::copy_of(&fixture(), FIXTURE_PASSPHRASE).at("2026-10-05T10:00:00Z");

    let run = ledger.run(&["--json", "verify"]).expect(OK);
    let report = run.json();
    assert!(
        run.stderr.contains("upgraded")
            && run
                .stderr
                .contains(&format!("schema version {}", akker::store::SCHEMA_VERSION)),
        "the upgrade is not announced\n{run}"
    );
    assert_eq!(report["chain_head"].as_str().unwrap(), hex(&head));
    assert_eq!(report["entries"], 22);

    // The file as it was is kept beside it, whole and still at version 1.
    let kept = kept_copies(&ledger);
    assert_eq!(kept.len(), 1, "{kept:?}");
    let (kept_balances, kept_head, kept_version) = stored(&kept[0]);
    assert_eq!(
        (kept_balances, kept_head, kept_version),
        (balances.clone(), head.clone(), 1)
    );

    // The upgraded ledger: marked, the current version, same balances.
    assert_eq!(&std::fs::read(ledger.db()).unwrap()[68..72], b"AKKR");
    let (after, after_head, after_version) = stored(ledger.db());
    assert_eq!(
        (after.clone(), after_head, after_version),
        (balances.clone(), head, akker::store::SCHEMA_VERSION)
    );
    let shown = ledger.json(&["balance"]);
    for account in shown["accounts"].as_array().unwrap() {
        let id = account["account"].as_str().unwrap();
        assert_eq!(
            minor(account["balance"].as_str().unwrap()),
            balances[id],
            "the balance of {id} changed"
        );
    }

    // Opening again does not upgrade again; the books go on.
    let run = ledger.run(&["verify"]).expect(OK);
    assert!(!run.stderr.contains("upgraded"), "{run}");
    assert_eq!(kept_copies(&ledger).len(), 1);
    ledger.pay("M002", &[("M001", "0.25")]);
    let made = ledger
        .run(&[
            "--json", "request", "add", "M002", "M001", "0.25", "--work", "care", "--what", "Soup",
            "--slip", "V1-R",
        ])
        .expect(OK);
    let seq = seq_of(&made.json()).to_string();
    ledger.ok(&["request", "confirm", &seq, "--slip", "V1-C"]);
    ledger.assert_verifies();

    // A statement issued by the old release still checks.
    let reprint = ledger.json(&[
        "statement",
        "M001",
        "--month",
        "2026-09",
        "--format",
        "text",
        "--out",
        "-",
    ]);
    let code = find_code(&reprint).expect("a verification code");
    ledger.ok(&["statement", "check", &code]);
}

#[test]
fn a_ledger_from_a_newer_release_is_refused_and_left_unchanged() {
    let ledger = Ledger::copy_of(&fixture(), FIXTURE_PASSPHRASE);
    {
        let conn = ledger.sqlite();
        conn.execute_batch(
            "DROP TRIGGER ledger_no_update; UPDATE ledger SET schema_version = 99; PRAGMA wal_checkpoint(TRUNCATE);",
        )
        .unwrap();
    }
    let before = std::fs::read(ledger.db()).unwrap();
    for args in [
        &["verify"][..],
        &["balance"],
        &["kiosk", "--listen", "127.0.0.1:0"],
    ] {
        let run = ledger.run(args).expect(REFUSED);
        run.says(&["newer akker", "schema version 99", "nothing was changed"]);
    }
    assert_eq!(std::fs::read(ledger.db()).unwrap(), before);
    assert!(kept_copies(&ledger).is_empty());
}

#[test]
fn version_names_the_schema_version() {
    let run = Ledger::without_file().run(&["--version"]).expect(OK);
    assert!(
        run.stdout.contains(env!("CARGO_PKG_VERSION"))
            && run
                .stdout
                .contains(&format!("schema version {}", akker::store::SCHEMA_VERSION)),
        "{run}"
    );
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn find_code(json: &serde_json::Value) -> Option<String> {
    match json {
        serde_json::Value::Object(map) => map
            .get("code")
            .and_then(|c| c.as_str().map(String::from))
            .or_else(|| map.values().find_map(find_code)),
        serde_json::Value::Array(items) => items.iter().find_map(find_code),
        _ => None,
    }
}

/// A ledger of schema version 2 (before soft limits, gifts and fund runs)
/// is upgraded to this version: its `journal` and `transactions` are
/// rebuilt with the new entry types and a nullable kind of work, the new
/// tables are made, and every balance and the chain stay as they were;
/// then a gift and a fund run can be recorded and everything verifies.
#[test]
fn a_schema_2_ledger_is_upgraded_and_takes_gifts_and_fund_runs() {
    let ledger = Ledger::new_at("2026-03-02T09:00:00Z");
    ledger.open("M001", "Marie");
    ledger.open("M002", "Jan");
    ledger.open_with("SYS-FUND", "Fund", &["--kind", "system"]);
    ledger.pay("M001", &[("M002", "1.50")]);
    // Back to version 2 as schema.sql defined it: the journal's CHECK
    // without the new types, a kind of work that is required, and no
    // soft_limit_events or fund_runs.
    let conn = ledger.sqlite();
    conn.execute_batch(V2_TABLES).unwrap();
    drop(conn);
    let (balances, head, version) = stored(ledger.db());
    assert_eq!(version, 2);
    let run = ledger.run(&["--json", "verify"]).expect(OK);
    assert!(run.stderr.contains("upgraded"), "{run}");
    let (after, after_head, after_version) = stored(ledger.db());
    assert_eq!(
        (after, after_head, after_version),
        (balances, head, akker::store::SCHEMA_VERSION)
    );
    ledger.ok(&["settings", "set", "fund.account", "SYS-FUND"]);
    ledger.ok(&["settings", "set", "fund.contribution.amount", "1"]);
    ledger.ok(&[
        "gift",
        "M002",
        "fund",
        "0.50",
        "--why",
        "for the chest",
        "--slip",
        "G-1",
    ]);
    ledger.ok(&["fund", "run", "contribution", "--period", "2026"]);
    assert_eq!(ledger.balance("SYS-FUND"), "2.50");
    ledger.assert_verifies();
}

/// The tables of schema version 2 that version 3 changed, put back the way
/// version 2 made them (rows kept), with the version set to 2.
const V2_TABLES: &str = "
PRAGMA foreign_keys = OFF;
BEGIN;
DROP TABLE IF EXISTS fund_runs;
DROP TABLE IF EXISTS soft_limit_events;
CREATE TABLE journal_v2 (
    seq             INTEGER PRIMARY KEY CHECK (seq >= 1),
    entry_type      TEXT NOT NULL CHECK (
                        entry_type = 'ledger-created'
                        OR entry_type = 'account-opened'
                        OR entry_type = 'limits-set'
                        OR entry_type = 'account-closed'
                        OR entry_type = 'card-issued'
                        OR entry_type = 'card-revoked'
                        OR entry_type = 'transaction'
                        OR entry_type = 'statements-issued'
                        OR entry_type = 'attestation-issued'
                        OR entry_type = 'setting-set'
                        OR entry_type = 'treasurer-key-changed'
                        OR entry_type = 'clock-confirmed'
                        OR entry_type = 'clock-corrected'),
    recorded_at     TEXT NOT NULL,
    signer_role     TEXT NOT NULL CHECK (signer_role = 'treasurer' OR signer_role = 'member' OR signer_role = 'key-holder'),
    signer_account  TEXT CHECK ((signer_role = 'treasurer') = (signer_account IS NULL)),
    signer_key      BLOB NOT NULL CHECK (length(signer_key) = 32),
    signature       BLOB NOT NULL CHECK (length(signature) = 64),
    entry_hash      BLOB NOT NULL UNIQUE CHECK (length(entry_hash) = 32),
    chain_hash      BLOB NOT NULL CHECK (length(chain_hash) = 32)
);
INSERT INTO journal_v2 SELECT * FROM journal;
DROP TABLE journal;
ALTER TABLE journal_v2 RENAME TO journal;
CREATE TABLE transactions_v2 (
    seq             INTEGER PRIMARY KEY REFERENCES journal(seq),
    date            TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    work            TEXT NOT NULL CHECK (work = 'care' OR work = 'community' OR work = 'self-development' OR work = 'practical'),
    skill           TEXT,
    description     TEXT NOT NULL CHECK (length(description) > 0),
    slip            TEXT,
    reverses_seq    INTEGER REFERENCES transactions(seq),
    reason          TEXT,
    override_reason TEXT
);
INSERT INTO transactions_v2 SELECT * FROM transactions;
DROP TABLE transactions;
ALTER TABLE transactions_v2 RENAME TO transactions;
DROP TRIGGER IF EXISTS ledger_no_update;
UPDATE ledger SET schema_version = 2;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
";
/// A ledger of schema version 2 (the schema before requests, kept in
/// tests/fixtures/schema-v2.sql), made from a ledger this akker wrote by
/// copying every row into a file built from the old schema.
fn v2_copy_of(ledger: &Ledger) -> Ledger {
    let old = Ledger::copy_of(ledger.db(), common::PASSPHRASE);
    let v2 = old.dir().join("v2.db");
    let conn = rusqlite::Connection::open(&v2).unwrap();
    conn.execute_batch(include_str!("fixtures/schema-v2.sql"))
        .unwrap();
    conn.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    conn.execute("ATTACH DATABASE ?1 AS cur", [old.db().to_str().unwrap()])
        .unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name <> 'ledger'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    conn.execute_batch(
        "INSERT INTO main.ledger SELECT singleton, 2, ledger_id, created_at FROM cur.ledger",
    )
    .unwrap();
    for table in tables {
        conn.execute_batch(&format!(
            "INSERT INTO main.{table} SELECT * FROM cur.{table}"
        ))
        .unwrap();
    }
    conn.execute_batch("DETACH DATABASE cur").unwrap();
    drop(conn);
    std::fs::copy(old.key_file(), with_suffix(&v2, ".key")).unwrap();
    Ledger::copy_of(&v2, common::PASSPHRASE).at("2026-03-03T10:00:00Z")
}

#[test]
fn a_ledger_of_schema_2_is_upgraded_and_then_records_requests() {
    let ledger = Ledger::new_at("2026-03-02T09:00:00Z");
    ledger.open("M001", "Amina");
    ledger.open("M002", "Bart");
    ledger.pay("M001", &[("M002", "1.00")]);
    let before = ledger.verify_report().1;
    let old = v2_copy_of(&ledger);
    let version: i64 = old
        .sqlite()
        .query_row("SELECT schema_version FROM ledger", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 2);

    let run = old.run(&["--json", "verify"]).expect(OK);
    assert!(
        run.stderr.contains(&format!(
            "upgraded {} to schema version {}",
            old.db().display(),
            akker::store::SCHEMA_VERSION
        )),
        "{run}"
    );
    assert_eq!(run.json()["chain_head"], before["chain_head"]);
    assert_eq!(kept_copies(&old).len(), 1);
    // The upgraded ledger records requests, and everything verifies.
    let made = old
        .run(&[
            "--json", "request", "add", "M002", "M001", "0.50", "--work", "care", "--what", "Soup",
            "--slip", "U-1",
        ])
        .expect(OK);
    let seq = seq_of(&made.json()).to_string();
    old.ok(&["request", "confirm", &seq, "--slip", "U-2"]);
    assert_eq!(old.balance("M001"), "-0.50");
    old.assert_verifies();
}
