//! Rows that no signed entry explains. `verify` proves every journal entry
//! is what was signed; this module finds what lies beside the entries: a
//! detail row under an entry of another type or under no entry at all, a
//! read-model value that is not what the journal says, a missing or
//! altered append-only trigger. An unsigned `statement_issues` row under
//! a payment's seq, for instance, would otherwise make `statement check`
//! answer MATCH for a month that was never issued.
//!
//! The journal and the postings are checked while they stream past
//! (`journal::StoredRow::strays`); here are the queries over the rest,
//! each through an index or over a small table.

use std::sync::OnceLock;

use rusqlite::{Connection, OptionalExtension};

use super::{Result, Store, SCHEMA_SQL};

/// One thing found, in the shape `verify` reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub seq: Option<i64>,
    /// `unexplained-row`, `read-model`, `ledger-row` or `triggers`.
    pub check: &'static str,
    pub message: String,
}

/// Each detail table and the entry types its rows belong to.
const DETAIL_TABLES: [(&str, &[&str]); 13] = [
    ("ledger_settings", &["ledger-created"]),
    (
        "account_events",
        &["account-opened", "limits-set", "account-closed"],
    ),
    ("card_events", &["card-issued", "card-revoked"]),
    ("statement_issues", &["statements-issued"]),
    ("attestations", &["attestation-issued"]),
    ("setting_events", &["setting-set"]),
    ("treasurer_key_changes", &["treasurer-key-changed"]),
    ("clock_confirmations", &["clock-confirmed"]),
    ("clock_corrections", &["clock-corrected"]),
    ("requests", &["request-made"]),
    (
        "request_outcomes",
        &["request-confirmed", "request-declined", "request-withdrawn"],
    ),
    ("soft_limit_events", &["soft-limits-set"]),
    ("fund_runs", &["fund-run"]),
];

/// Reported at most this many per kind, so a wrecked file gives a
/// readable report.
const LIMIT: i64 = 20;

impl Store {
    /// Everything beside the journal that no signed entry explains.
    pub fn audit(&self) -> Result<Vec<Finding>> {
        let mut found = Vec::new();
        let conn = &self.conn;
        for (table, types) in DETAIL_TABLES {
            detail_rows(conn, table, types, &mut found)?;
        }
        beyond_journal(conn, &mut found)?;
        ledger_row(conn, &mut found)?;
        account_rows(conn, &mut found)?;
        form_claims(conn, &mut found)?;
        found.extend(trigger_findings(conn)?);
        Ok(found)
    }
}

fn detail_rows(
    conn: &Connection,
    table: &str,
    types: &[&str],
    found: &mut Vec<Finding>,
) -> Result<()> {
    let list = types
        .iter()
        .map(|t| format!("'{t}'"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut stmt = conn.prepare(&format!(
        "SELECT t.seq, j.entry_type FROM {table} t LEFT JOIN journal j ON j.seq = t.seq
         WHERE j.seq IS NULL OR j.entry_type NOT IN ({list}) ORDER BY t.seq LIMIT {LIMIT}"
    ))?;
    for row in stmt.query_map([], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?))
    })? {
        let (seq, entry_type) = row?;
        let message = match entry_type {
            Some(kind) => format!(
                "a {table} row under #{seq}, which is a {kind} entry: no signed entry explains it"
            ),
            None => format!(
                "a {table} row under #{seq}, which is not in the journal: no signed entry explains it"
            ),
        };
        found.push(Finding {
            seq: Some(seq),
            check: "unexplained-row",
            message,
        });
    }
    Ok(())
}

/// Transactions and postings under a seq past the journal's end (the
/// stream sees every one inside it).
fn beyond_journal(conn: &Connection, found: &mut Vec<Finding>) -> Result<()> {
    let last: i64 = conn.query_row("SELECT coalesce(max(seq), 0) FROM journal", [], |r| {
        r.get(0)
    })?;
    for table in ["transactions", "postings"] {
        // Two ranges of the primary key, not one OR (which SQLite answers
        // by reading the whole table).
        let mut stmt = conn.prepare(&format!(
            "SELECT seq FROM (SELECT seq FROM {table} WHERE seq > ?1
                              UNION SELECT seq FROM {table} WHERE seq < 1)
             ORDER BY seq LIMIT {LIMIT}"
        ))?;
        for seq in stmt.query_map([last], |r| r.get::<_, i64>(0))? {
            let seq = seq?;
            found.push(Finding {
                seq: None,
                check: "unexplained-row",
                message: format!(
                    "{table} rows under seq {seq}, which is not in the journal: no signed entry explains them"
                ),
            });
        }
    }
    Ok(())
}

/// `ledger.created_at` is not signed; it must be entry 1's signed time.
fn ledger_row(conn: &Connection, found: &mut Vec<Finding>) -> Result<()> {
    let row: Option<(String, Option<String>)> = conn
        .query_row(
            "SELECT l.created_at, j.recorded_at FROM ledger l LEFT JOIN journal j ON j.seq = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let rows: i64 = conn.query_row("SELECT count(*) FROM ledger", [], |r| r.get(0))?;
    if rows != 1 {
        found.push(Finding {
            seq: None,
            check: "ledger-row",
            message: format!("the ledger table has {rows} rows; akker writes exactly one"),
        });
    }
    if let Some((created, Some(first))) = row {
        if created != first {
            found.push(Finding {
                seq: None,
                check: "ledger-row",
                message: format!(
                    "ledger.created_at is {created}, but the ledger's first entry was recorded at {first}"
                ),
            });
        }
    }
    Ok(())
}

/// The read model's `opened_seq` and `last_seq`, which `verify`'s replay
/// does not compare, and profiles of accounts that were never opened.
fn account_rows(conn: &Connection, found: &mut Vec<Finding>) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT a.id, a.opened_seq, a.last_seq,
            (SELECT e.seq FROM account_events e JOIN journal j ON j.seq = e.seq AND j.entry_type = 'account-opened'
              WHERE e.account_id = a.id ORDER BY e.seq LIMIT 1),
            max(coalesce((SELECT max(seq) FROM account_events e WHERE e.account_id = a.id), 0),
                coalesce((SELECT max(seq) FROM card_events c WHERE c.account_id = a.id), 0),
                coalesce((SELECT max(seq) FROM soft_limit_events s WHERE s.account_id = a.id), 0),
                coalesce((SELECT max(seq) FROM postings p WHERE p.account_id = a.id), 0))
         FROM accounts a ORDER BY a.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, Option<i64>>(3)?,
            r.get::<_, i64>(4)?,
        ))
    })?;
    for row in rows {
        let (id, opened, last, opened_by, last_by) = row?;
        // An account no entry opened is reported by verify's replay.
        let Some(opened_by) = opened_by else { continue };
        if opened != opened_by || last != last_by {
            found.push(Finding {
                seq: None,
                check: "read-model",
                message: format!(
                    "account {id}: the accounts table says opened in #{opened}, last changed in #{last}; the journal says #{opened_by} and #{last_by}"
                ),
            });
        }
    }
    let mut stmt = conn.prepare(&format!(
        "SELECT p.account_id FROM account_profiles p LEFT JOIN accounts a ON a.id = p.account_id
         WHERE a.id IS NULL ORDER BY p.account_id LIMIT {LIMIT}"
    ))?;
    for id in stmt.query_map([], |r| r.get::<_, String>(0))? {
        found.push(Finding {
            seq: None,
            check: "unexplained-row",
            message: format!(
                "a profile (name and language) for account {}, which was never opened",
                id?
            ),
        });
    }
    Ok(())
}

/// A kiosk form token claims the one payment it recorded.
fn form_claims(conn: &Connection, found: &mut Vec<Finding>) -> Result<()> {
    if !table_exists(conn, "kiosk_form_claims")? {
        return Ok(());
    }
    // One pass over the claims grouped by seq (the table has no index on
    // seq; a claim per kiosk payment makes it large), each group's entry
    // looked up by its primary key.
    let mut stmt = conn.prepare(&format!(
        "SELECT c.seq, j.entry_type, c.claims
         FROM (SELECT seq, count(*) AS claims FROM kiosk_form_claims GROUP BY seq) c
         LEFT JOIN journal j ON j.seq = c.seq
         WHERE j.seq IS NULL OR j.entry_type NOT IN ('transaction', 'request-made', 'request-confirmed', 'request-declined', 'request-withdrawn') OR c.claims > 1
         ORDER BY c.seq LIMIT {LIMIT}"
    ))?;
    for row in stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })? {
        let (seq, kind, claims) = row?;
        let why = match kind {
            None => "which is not in the journal".to_string(),
            Some(kind) if kind != "transaction" && !kind.starts_with("request-") => {
                format!("which is a {kind} entry")
            }
            Some(_) => format!("which {claims} form tokens claim; a payment is claimed once"),
        };
        found.push(Finding {
            seq: Some(seq),
            check: "unexplained-row",
            message: format!("a kiosk form claim names #{seq}, {why}"),
        });
    }
    Ok(())
}

fn table_exists(conn: &Connection, name: &str) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
            [name],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// The append-only triggers of the embedded schema: name and the
/// statement, as SQLite keeps it in `sqlite_schema` (without
/// `IF NOT EXISTS` and the final `;`), white space collapsed.
pub fn schema_triggers() -> &'static [(String, String)] {
    static TRIGGERS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    TRIGGERS.get_or_init(|| {
        const START: &str = "CREATE TRIGGER IF NOT EXISTS ";
        let mut triggers = Vec::new();
        let mut rest = SCHEMA_SQL;
        while let Some(at) = rest.find(START) {
            let statement = &rest[at..];
            let end = statement.find("END;").map_or(statement.len(), |e| e + 4);
            let text = &statement[..end];
            let name = text[START.len()..]
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_string();
            triggers.push((name, text.to_string()));
            rest = &statement[end..];
        }
        triggers
    })
}

fn normalise(sql: &str) -> String {
    sql.replace("IF NOT EXISTS ", "")
        .trim_end_matches(';')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Missing, changed and unknown triggers. A missing one lets a later
/// UPDATE or DELETE through silently; an unknown one could change what
/// akker writes.
fn trigger_findings(conn: &Connection) -> Result<Vec<Finding>> {
    let mut stmt =
        conn.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name")?;
    let present: Vec<(String, Option<String>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut found = Vec::new();
    let expected = schema_triggers();
    for (name, sql) in expected {
        match present.iter().find(|(n, _)| n == name) {
            None => found.push(format!("the append-only trigger {name} is missing")),
            Some((_, stored)) => {
                if stored.as_deref().map(normalise) != Some(normalise(sql)) {
                    found.push(format!(
                        "the append-only trigger {name} is not the one akker writes"
                    ));
                }
            }
        }
    }
    for (name, _) in &present {
        if !expected.iter().any(|(n, _)| n == name) {
            found.push(format!("the trigger {name} is not part of akker's schema"));
        }
    }
    Ok(found
        .into_iter()
        .map(|message| Finding {
            seq: None,
            check: "triggers",
            message: format!(
                "{message}; without it the books can be changed unseen (the next write by akker puts the append-only triggers back)"
            ),
        })
        .collect())
}

/// Puts back any append-only trigger that is missing. Runs inside every
/// write transaction; when all are there it costs one query.
pub(super) fn restore_triggers(conn: &Connection) -> Result<()> {
    static COUNT_SQL: OnceLock<String> = OnceLock::new();
    let expected = schema_triggers();
    let sql = COUNT_SQL.get_or_init(|| {
        let names: Vec<String> = expected.iter().map(|(n, _)| format!("'{n}'")).collect();
        format!(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name IN ({})",
            names.join(", ")
        )
    });
    let present: usize = conn.prepare_cached(sql)?.query_row([], |r| r.get(0))?;
    if present < expected.len() {
        for (_, statement) in expected {
            conn.execute_batch(statement)?;
        }
    }
    Ok(())
}
