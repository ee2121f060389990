//! Every row belongs to a signed entry (issue 18, item 2). For every
//! table and every column of the schema, on a copy of the demo ledger
//! (with a signed setting, a handover and a kiosk form claim added so no
//! table is empty): change one value, or add one row that no entry
//! explains, with triggers, foreign keys and CHECK constraints out of the
//! tamperer's way, and `verify` must fail naming the row. The few values
//! that are neither signed nor derived must be listed as such in
//! docs/signing.md, and are the only ones allowed to change unseen.

mod common;

use std::sync::OnceLock;

use common::{Ledger, OK, REFUSED};
use rusqlite::types::Value;
use rusqlite::Connection;

/// The passphrase of the key the base ledger is handed over to.
const NEW_PASSPHRASE: &str = "the incoming treasurer's own passphrase";

/// Columns no signature covers and nothing derives, on purpose; each is
/// named in docs/signing.md ("Values neither signed nor derived").
const UNSIGNED: &[&str] = &[
    "account_profiles.display_name",
    "account_profiles.language",
    "account_profiles.erased",
    "ledger.schema_version",
    "kiosk_form_claims.token",
    "kiosk_form_claims.claimed_at",
    "offers.*",
    "kiosk_pin_failures.*",
    "kiosk_card_checks.*",
    "account_profile_history.*",
];

fn unsigned(table: &str, column: &str) -> bool {
    UNSIGNED.contains(&format!("{table}.{column}").as_str())
        || UNSIGNED.contains(&format!("{table}.*").as_str())
}

/// The demo, plus an entry of each type the demo does not make.
fn base() -> &'static Ledger {
    static BASE: OnceLock<Ledger> = OnceLock::new();
    BASE.get_or_init(|| {
        let ledger = Ledger::demo();
        ledger.ok(&["settings", "set", "organisation.name", "Buurtuur vzw"]);
        // Issue 13: soft limits, a gift and a fund run.
        ledger.ok(&["settings", "set", "fund.account", "SYS-FUND"]);
        ledger.ok(&["settings", "set", "fund.contribution.amount", "0.25"]);
        ledger.ok(&[
            "account",
            "soft-limits",
            "M001",
            "--floor",
            "-5",
            "--reason",
            "agreed",
        ]);
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
        let year = chrono::Datelike::year(&chrono::Utc::now()).to_string();
        ledger.ok(&["fund", "run", "contribution", "--period", &year]);
        let member: String = ledger
            .sqlite()
            .query_row(
                "SELECT min(account_id) FROM postings WHERE account_id LIKE 'M%'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        ledger.ok(&[
            "attest",
            &member,
            "--from",
            "2020-01-01",
            "--to",
            "2020-12-31",
            "--format",
            "text",
            "--out",
            "-",
        ]);
        let new_key = ledger.dir().join("new.key");
        let new_key = new_key.to_str().unwrap();
        ledger
            .run_env(
                &["treasurer", "new-key", "--out", new_key],
                &[("AKKER_PASSPHRASE", NEW_PASSPHRASE)],
            )
            .expect(OK);
        ledger
            .run_env(
                &[
                    "treasurer",
                    "handover",
                    "--new-key",
                    new_key,
                    "--reason",
                    "general meeting",
                ],
                &[("AKKER_NEW_PASSPHRASE", NEW_PASSPHRASE)],
            )
            .expect(OK);
        std::fs::rename(new_key, ledger.key_file()).unwrap();
        let ledger = Ledger::copy_of(ledger.db(), NEW_PASSPHRASE);
        // A clock set a year ahead, confirmed, then put right.
        let ahead = chrono::Utc::now() + chrono::Duration::days(400);
        let ledger = ledger.at(&ahead.to_rfc3339());
        let day = ahead
            .with_timezone(&chrono_tz::Europe::Brussels)
            .date_naive()
            .to_string();
        ledger.ok(&["clock", "confirm", "--date", &day]);
        let ledger = Ledger::copy_of(ledger.db(), NEW_PASSPHRASE);
        ledger.ok(&["clock", "correct", "--reason", "clock set a year ahead"]);
        // What the kiosk writes with a card payment.
        ledger
            .sqlite()
            .execute(
                "INSERT INTO kiosk_form_claims (token, seq, claimed_at)
                 SELECT 'form-token-0123456789', max(seq), '2026-01-01T00:00:00.000Z'
                 FROM journal WHERE signer_role = 'member'",
                [],
            )
            .unwrap();
        ledger.assert_verifies();
        ledger
    })
}

fn schema_triggers() -> Vec<String> {
    let schema = include_str!("../schema.sql");
    let mut triggers = Vec::new();
    let mut rest = schema;
    while let Some(at) = rest.find("CREATE TRIGGER IF NOT EXISTS ") {
        let end = rest[at..].find("END;").unwrap() + at + 4;
        triggers.push(rest[at..end].to_string());
        rest = &rest[end..];
    }
    triggers
}

/// A fresh copy, changed by `change` as a tamperer would (no triggers, no
/// foreign keys, no CHECK constraints), with the triggers put back after
/// so only the change itself is left to find.
fn tampered(change: impl FnOnce(&Connection) -> rusqlite::Result<usize>) -> Option<Ledger> {
    let ledger = Ledger::copy_of(base().db(), NEW_PASSPHRASE);
    let conn = ledger.sqlite();
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for name in names {
        conn.execute_batch(&format!("DROP TRIGGER {name}")).unwrap();
    }
    conn.execute_batch("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON")
        .unwrap();
    let changed = change(&conn);
    for trigger in schema_triggers() {
        conn.execute_batch(&trigger).unwrap();
    }
    drop(conn);
    match changed {
        Ok(n) if n > 0 => Some(ledger),
        _ => None,
    }
}

struct Found {
    code: i32,
    problems: Vec<(Option<i64>, String, String)>,
    stderr: String,
}

impl Found {
    /// The first few problems and stderr, for a failure message.
    fn summary(&self) -> String {
        let first: Vec<String> = self
            .problems
            .iter()
            .take(4)
            .map(|(seq, check, m)| format!("#{seq:?} [{check}] {m}"))
            .collect();
        format!(
            "{} problem(s): {first:?}; stderr: {}",
            self.problems.len(),
            self.stderr.trim()
        )
    }
}

fn verify(ledger: &Ledger) -> Found {
    let run = ledger.run(&["--json", "verify"]);
    let problems = serde_json::from_str::<serde_json::Value>(&run.stdout)
        .ok()
        .and_then(|r| r["problems"].as_array().cloned())
        .unwrap_or_default()
        .iter()
        .map(|p| {
            (
                p["seq"].as_i64(),
                p["check"].as_str().unwrap_or("").to_string(),
                p["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    Found {
        code: run.code,
        problems,
        stderr: run.stderr,
    }
}

/// Whether `found` points at the row: the entry `seq`, or a message
/// naming `name` (an account id, a table). A file so damaged that verify
/// cannot read it refuses as a whole, naming the value it could not read.
fn names(found: &Found, seqs: &[i64], name: &str, column: &str, table: &str) -> bool {
    if found.problems.is_empty() {
        // SQLite's own check refuses a value outside its column's CHECK
        // constraint, naming the table, before any entry is read.
        return found.code == REFUSED
            && (found.stderr.contains("not an akker ledger")
                || found
                    .stderr
                    .contains(&format!("CHECK constraint failed in {table}"))
                || found.stderr.contains(column)
                || (!name.is_empty() && found.stderr.contains(name)));
    }
    found.problems.iter().any(|(seq, _, message)| {
        seq.is_some_and(|s| seqs.contains(&s))
            || seqs.iter().any(|s| message.contains(&format!("#{s}")))
            || (!name.is_empty() && message.contains(name))
    })
}

fn tables(conn: &Connection) -> Vec<String> {
    conn.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// (name, is part of the primary key) of each column.
fn columns(conn: &Connection, table: &str) -> Vec<(String, bool)> {
    conn.prepare(&format!("PRAGMA table_info({table})"))
        .unwrap()
        .query_map([], |r| {
            Ok((r.get::<_, String>(1)?, r.get::<_, i64>(5)? > 0))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// The rows to change: for tables of entries, the first row of each entry
/// type; otherwise the first row. Each as its primary key's values.
fn sample_rows(conn: &Connection, table: &str) -> Vec<Vec<(String, Value)>> {
    let cols = columns(conn, table);
    let key: Vec<String> = cols
        .iter()
        .filter(|(_, pk)| *pk)
        .map(|(c, _)| c.clone())
        .collect();
    let has_seq = cols.iter().any(|(c, _)| c == "seq") && table != "journal";
    let select = key.join(", ");
    let sql = if has_seq {
        format!(
            "SELECT {select} FROM {table} WHERE rowid IN (SELECT min(t.rowid) FROM {table} t JOIN journal j ON j.seq = t.seq GROUP BY j.entry_type)"
        )
    } else if table == "journal" {
        format!("SELECT {select} FROM journal WHERE seq IN (SELECT min(seq) FROM journal GROUP BY entry_type)")
    } else {
        format!("SELECT {select} FROM {table} LIMIT 1")
    };
    // WITHOUT ROWID tables have no rowid: their first row stands for all.
    let sql = match conn.prepare(&sql) {
        Ok(_) => sql,
        Err(_) => format!("SELECT {select} FROM {table} ORDER BY {select} LIMIT 1"),
    };
    let mut stmt = conn.prepare(&sql).unwrap();
    let rows = stmt
        .query_map([], |r| {
            (0..key.len())
                .map(|i| Ok((key[i].clone(), r.get::<_, Value>(i)?)))
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    rows
}

/// `col = ?n AND …` over the key, its parameters numbered from `first`.
fn where_clause(key: &[(String, Value)], first: usize) -> String {
    key.iter()
        .enumerate()
        .map(|(i, (c, _))| format!("{c} = ?{}", i + first))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// Values to try in place of `old`: the first one SQLite accepts (a key
/// may collide with another row's) is the change.
fn replacements(old: &Value) -> Vec<Value> {
    match old {
        Value::Integer(i) => [1, 2, 3, i + 1000, i - 1]
            .into_iter()
            .filter(|v| v != i)
            .map(Value::Integer)
            .collect(),
        Value::Text(t) => vec![Value::Text(format!("{t}x"))],
        Value::Blob(b) => {
            let mut flipped = b.clone();
            flipped[0] ^= 1;
            vec![Value::Blob(flipped)]
        }
        Value::Null => vec![Value::Text("x".into()), Value::Integer(1)],
        Value::Real(r) => vec![Value::Real(r + 1.0)],
    }
}

fn seqs_of(key: &[(String, Value)], new: Option<&Value>, column: &str) -> Vec<i64> {
    let mut seqs: Vec<i64> = key
        .iter()
        .filter(|(c, _)| c == "seq")
        .filter_map(|(_, v)| match v {
            Value::Integer(i) => Some(*i),
            _ => None,
        })
        .collect();
    if column == "seq" {
        if let Some(Value::Integer(i)) = new {
            seqs.push(*i);
        }
    }
    seqs
}

fn text_of(key: &[(String, Value)]) -> String {
    key.iter()
        .find_map(|(c, v)| match (c.as_str(), v) {
            ("id" | "account_id", Value::Text(t)) => Some(t.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

#[test]
fn every_column_of_every_table_is_signed_derived_or_listed_as_unsigned() {
    let conn = base().sqlite();
    let docs = include_str!("../docs/signing.md");
    let mut missed = Vec::new();
    let mut checked = 0;
    for table in tables(&conn) {
        let rows = sample_rows(&conn, &table);
        assert!(
            !rows.is_empty() || unsigned(&table, "*"),
            "the base ledger has no row in {table}"
        );
        for (column, _) in columns(&conn, &table) {
            if unsigned(&table, &column) {
                let named = format!("`{table}.{column}`");
                let whole = format!("`{table}`");
                assert!(
                    docs.contains(&named) || docs.contains(&whole),
                    "{table}.{column} is unsigned but docs/signing.md does not list it"
                );
                continue;
            }
            for key in &rows {
                let old: Value = conn
                    .query_row(
                        &format!(
                            "SELECT {column} FROM {table} WHERE {}",
                            where_clause(key, 1)
                        ),
                        rusqlite::params_from_iter(key.iter().map(|(_, v)| v.clone())),
                        |r| r.get(0),
                    )
                    .unwrap();
                let mut applied = None;
                let ledger = tampered(|conn| {
                    for new in replacements(&old) {
                        let mut params = vec![new.clone()];
                        params.extend(key.iter().map(|(_, v)| v.clone()));
                        let sql = format!(
                            "UPDATE {table} SET {column} = ?1 WHERE {}",
                            where_clause(key, 2)
                        );
                        if let Ok(n) = conn.execute(&sql, rusqlite::params_from_iter(params)) {
                            applied = Some(new);
                            return Ok(n);
                        }
                    }
                    Ok(0)
                });
                let Some(ledger) = ledger else {
                    missed.push(format!("{table}.{column}: no change could be written"));
                    continue;
                };
                checked += 1;
                let found = verify(&ledger);
                let seqs = seqs_of(key, applied.as_ref(), &column);
                let name = match table.as_str() {
                    "ledger_settings" => "ledger settings".to_string(),
                    "ledger" => "ledger".to_string(),
                    _ => text_of(key),
                };
                // The ledger id is part of entry 1's message (and every other).
                let seqs = if table == "ledger" { vec![1] } else { seqs };
                if found.code != REFUSED || !names(&found, &seqs, &name, &column, &table) {
                    missed.push(format!(
                        "{table}.{column} changed from {old:?} to {applied:?} in the row {key:?}: verify exit {} with {}",
                        found.code, found.summary()
                    ));
                }
            }
        }
    }
    assert!(checked > 80, "only {checked} changes were tried");
    assert!(
        missed.is_empty(),
        "changes verify did not name:\n{}",
        missed.join("\n")
    );
}

/// A row copied from the first row of `table` with `set` changed, or an
/// explicit insert.
fn insert_copy(conn: &Connection, table: &str, set: &[(&str, Value)]) -> rusqlite::Result<usize> {
    let cols: Vec<String> = columns(conn, table).into_iter().map(|(c, _)| c).collect();
    let select: Vec<String> = cols
        .iter()
        .map(|c| match set.iter().position(|(s, _)| s == c) {
            Some(i) => format!("?{}", i + 1),
            None => c.clone(),
        })
        .collect();
    let sql = format!(
        "INSERT INTO {table} ({}) SELECT {} FROM {table} LIMIT 1",
        cols.join(", "),
        select.join(", ")
    );
    conn.execute(
        &sql,
        rusqlite::params_from_iter(set.iter().map(|(_, v)| v.clone())),
    )
}

/// The first entry of a type, to put a stray row under.
fn first_of(conn: &Connection, entry_type: &str) -> i64 {
    conn.query_row(
        "SELECT min(seq) FROM journal WHERE entry_type = ?1",
        [entry_type],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn a_row_no_entry_explains_is_reported_in_every_table() {
    let conn = base().sqlite();
    let payment = first_of(&conn, "transaction");
    let opened = first_of(&conn, "account-opened");
    let last: i64 = conn
        .query_row("SELECT max(seq) FROM journal", [], |r| r.get(0))
        .unwrap();
    let pending_request: i64 = conn
        .query_row(
            "SELECT min(r.seq) FROM requests r
             WHERE NOT EXISTS (SELECT 1 FROM request_outcomes o WHERE o.request_seq = r.seq)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mut missed = Vec::new();
    for table in tables(&conn) {
        if unsigned(&table, "*") {
            continue;
        }
        let under = if table == "transactions" || table == "postings" {
            opened
        } else {
            payment
        };
        let (set, seqs, name): (Vec<(&str, Value)>, Vec<i64>, &str) = match table.as_str() {
            "ledger" => (vec![("singleton", Value::Integer(2))], vec![], "ledger"),
            "accounts" => (vec![("id", Value::Text("ZZZ999".into()))], vec![], "ZZZ999"),
            "account_profiles" => (
                vec![("account_id", Value::Text("ZZZ999".into()))],
                vec![],
                "ZZZ999",
            ),
            "journal" => (
                vec![
                    ("seq", Value::Integer(last + 1)),
                    ("entry_hash", Value::Blob(vec![9; 32])),
                ],
                vec![last + 1],
                "",
            ),
            // The outcome of a request still pending: UNIQUE allows one.
            "request_outcomes" => (
                vec![
                    ("seq", Value::Integer(under)),
                    ("request_seq", Value::Integer(pending_request)),
                ],
                vec![under],
                "",
            ),
            "kiosk_form_claims" => (
                vec![
                    ("token", Value::Text("stray-token-0123456789".into())),
                    ("seq", Value::Integer(opened)),
                ],
                vec![opened],
                "",
            ),
            _ => (vec![("seq", Value::Integer(under))], vec![under], ""),
        };
        let Some(ledger) = tampered(|conn| insert_copy(conn, &table, &set)) else {
            missed.push(format!("{table}: the stray row could not be written"));
            continue;
        };
        let found = verify(&ledger);
        if found.code != REFUSED || !names(&found, &seqs, name, "", &table) {
            missed.push(format!(
                "a stray {table} row: verify exit {} with {}",
                found.code,
                found.summary()
            ));
        }
    }
    // Postings and transactions past the journal's end, too.
    for table in ["transactions", "postings"] {
        let ledger =
            tampered(|conn| insert_copy(conn, table, &[("seq", Value::Integer(last + 5))]))
                .unwrap();
        let found = verify(&ledger);
        if found.code != REFUSED
            || !found
                .problems
                .iter()
                .any(|(_, _, m)| m.contains(&format!("seq {}", last + 5)))
        {
            missed.push(format!("{table} past the end: {}", found.summary()));
        }
    }
    assert!(
        missed.is_empty(),
        "stray rows verify did not report:\n{}",
        missed.join("\n")
    );
}

#[test]
fn an_unsigned_statement_issue_is_not_an_issued_month_and_verify_reports_it() {
    let ledger = tampered(|conn| {
        let payment = first_of(conn, "transaction");
        conn.execute(
            "INSERT INTO statement_issues (seq, period, head_seq, head_hash)
             SELECT ?1, '2031-01', 1, chain_hash FROM journal WHERE seq = 1",
            [payment],
        )
    })
    .unwrap();
    let found = verify(&ledger);
    assert_eq!(found.code, REFUSED);
    assert!(
        found
            .problems
            .iter()
            .any(|(_, check, m)| check == "unexplained-row" && m.contains("statement_issues")),
        "{:?}",
        found.problems
    );
    let store = akker::store::Store::open(ledger.db()).unwrap();
    assert_eq!(store.statement_issue("2031-01").unwrap(), None);
    assert!(store
        .statement_issues()
        .unwrap()
        .iter()
        .all(|i| i.period != "2031-01"));
}

#[test]
fn a_missing_trigger_is_reported_and_the_next_write_puts_it_back() {
    let ledger = Ledger::copy_of(base().db(), NEW_PASSPHRASE);
    ledger
        .sqlite()
        .execute_batch("DROP TRIGGER postings_no_update")
        .unwrap();
    let found = verify(&ledger);
    assert_eq!(found.code, REFUSED);
    assert!(
        found
            .problems
            .iter()
            .any(|(_, check, m)| check == "triggers" && m.contains("postings_no_update")),
        "{:?}",
        found.problems
    );
    ledger.ok(&["settings", "set", "organisation.place", "Gent"]);
    ledger.assert_verifies();
    let err = ledger
        .sqlite()
        .execute("UPDATE postings SET amount_minor = 1", [])
        .unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
}

#[test]
fn an_unsigned_request_outcome_settles_nothing_and_verify_reports_it() {
    let ledger = tampered(|conn| {
        let payment = first_of(conn, "transaction");
        conn.execute(
            "INSERT INTO request_outcomes (seq, request_seq, outcome, reason, slip)
             SELECT ?1, min(r.seq), 'declined', 'not me', NULL FROM requests r
             WHERE NOT EXISTS (SELECT 1 FROM request_outcomes o WHERE o.request_seq = r.seq)",
            [payment],
        )
    })
    .unwrap();
    let found = verify(&ledger);
    assert_eq!(found.code, REFUSED);
    assert!(
        found
            .problems
            .iter()
            .any(|(_, check, m)| check == "unexplained-row" && m.contains("request_outcomes")),
        "{:?}",
        found.problems
    );
    let store = akker::store::Store::open(ledger.db()).unwrap();
    let filter = akker::store::requests::RequestFilter {
        pending_only: true,
        ..akker::store::requests::RequestFilter::all(chrono::Utc::now())
    };
    assert_eq!(
        store.requests(&filter).unwrap().len(),
        3,
        "the demo's three pending requests stay pending"
    );
}
