//! Upgrading a ledger written by an older akker to this one's schema.
//!
//! The embedded `schema.sql` is the one definition of the database, so
//! the upgrade is computed from it rather than from a hand-written list of
//! steps: the schema is built in memory and compared, object by object,
//! with the file's own `sqlite_schema`.
//! - a table, index or trigger that is missing is created;
//! - a table whose definition differs (a new column, a new entry type in a
//!   CHECK) is rebuilt by the procedure of SQLite's ALTER TABLE page: new
//!   table, rows copied, old table dropped with its indexes and triggers,
//!   new one renamed, indexes and triggers created again;
//! - an index or trigger whose definition differs is dropped and created.
//!
//! Tables the schema no longer has are left as they are: data is never
//! dropped by an upgrade. Before anything changes, the whole file is
//! copied beside it (`FILE.before-v2-DATE.db`) and the copy checked (its
//! structure, and its last entry and chain hash equal the file's). The
//! upgrade then runs in one transaction that also sets `schema_version`
//! and the application id and ends with SQLite's foreign-key and
//! structure checks: it commits whole or not at all.

use std::path::{Path, PathBuf};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::{integrity, Result, StoreError, SCHEMA_SQL, SCHEMA_VERSION};

/// One object of a schema, as `sqlite_schema` holds it.
#[derive(Debug, Clone)]
struct Object {
    kind: String,
    name: String,
    table: String,
    sql: String,
}

/// Upgrades the open ledger at `path` from schema `from`; returns where
/// the file as it was is kept.
pub(super) fn upgrade(conn: &mut Connection, path: &Path, from: i64) -> Result<PathBuf> {
    let kept = keep_a_copy(conn, path, from)?;
    let failed = |e: StoreError| StoreError::UpgradeFailed {
        path: path.display().to_string(),
        from,
        kept: kept.display().to_string(),
        detail: e.to_string(),
    };
    // Foreign keys cannot be switched inside a transaction; while tables
    // are rebuilt they must be off, and are checked in full at the end.
    conn.pragma_update(None, "foreign_keys", "OFF")
        .map_err(|e| failed(e.into()))?;
    let result = apply(conn).map_err(failed);
    conn.pragma_update(None, "foreign_keys", "ON")?;
    result?;
    // A rebuilt table leaves its old pages free inside the file (a
    // million-transaction ledger grew from 409 to 684 MB). The upgrade is
    // committed by now, so giving them back is only tidying: if it cannot
    // be done (a full disk), the ledger is upgraded and correct anyway,
    // and reporting a failure after the write would be untrue.
    let freed: i64 = conn.query_row("PRAGMA freelist_count", [], |r| r.get(0))?;
    if freed > 0 {
        let _ = conn.execute_batch("VACUUM");
    }
    // Everything into the file itself, so the upgraded ledger is one file.
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(kept)
}

fn apply(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let wanted = pristine()?;
    let have = objects(&tx)?;
    let find = |list: &[Object], kind: &str, name: &str| {
        list.iter()
            .find(|o| o.kind == kind && o.name == name)
            .cloned()
    };
    for table in wanted.iter().filter(|o| o.kind == "table") {
        match find(&have, "table", &table.name) {
            None => tx.execute_batch(&table.sql)?,
            Some(old) if normalised(&old.sql) != normalised(&table.sql) => rebuild(&tx, table)?,
            Some(_) => {}
        }
    }
    // The version lives in a row its own trigger guards; the trigger is
    // created again below, like every trigger.
    tx.execute_batch("DROP TRIGGER IF EXISTS ledger_no_update")?;
    tx.execute(
        "UPDATE ledger SET schema_version = ?1 WHERE singleton = 1",
        [SCHEMA_VERSION],
    )?;
    let have = objects(&tx)?;
    let wanted_tables: Vec<&str> = wanted
        .iter()
        .filter(|o| o.kind == "table")
        .map(|o| o.name.as_str())
        .collect();
    // Indexes and triggers of our tables that the schema no longer has.
    for old in have
        .iter()
        .filter(|o| o.kind == "index" || o.kind == "trigger")
    {
        if wanted_tables.contains(&old.table.as_str())
            && find(&wanted, &old.kind, &old.name).is_none()
        {
            tx.execute_batch(&format!(
                "DROP {} \"{}\"",
                old.kind.to_uppercase(),
                old.name
            ))?;
        }
    }
    for new in wanted
        .iter()
        .filter(|o| o.kind == "index" || o.kind == "trigger")
    {
        match find(&have, &new.kind, &new.name) {
            Some(old) if normalised(&old.sql) == normalised(&new.sql) => {}
            Some(old) => {
                tx.execute_batch(&format!(
                    "DROP {} \"{}\"",
                    old.kind.to_uppercase(),
                    old.name
                ))?;
                tx.execute_batch(&new.sql)?;
            }
            None => tx.execute_batch(&new.sql)?,
        }
    }
    tx.pragma_update(None, "application_id", integrity::APPLICATION_ID)?;
    let broken: Vec<String> = {
        let mut stmt = tx.prepare("PRAGMA foreign_key_check")?;
        let rows = stmt.query_map([], |r| {
            Ok(format!(
                "{} row {} refers to a missing {}",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                r.get::<_, String>(2)?
            ))
        })?;
        rows.take(5).collect::<rusqlite::Result<_>>()?
    };
    if !broken.is_empty() {
        return Err(StoreError::Corrupt(broken.join("; ")));
    }
    let problems = integrity::structure_problems(&tx)?;
    if !problems.is_empty() {
        return Err(StoreError::Corrupt(problems.join("; ")));
    }
    tx.commit()?;
    Ok(())
}

/// Rebuilds `table` with its new definition, keeping every row: the
/// columns both definitions have are copied; a new column gets its default.
fn rebuild(tx: &rusqlite::Transaction, table: &Object) -> Result<()> {
    let head = format!("CREATE TABLE {}", table.name);
    let rest = table.sql.strip_prefix(&head).ok_or_else(|| {
        StoreError::Corrupt(format!(
            "schema.sql must write the table as `CREATE TABLE {}`",
            table.name
        ))
    })?;
    let temp = format!("akker_upgrade_{}", table.name);
    tx.execute_batch(&format!(
        "DROP TABLE IF EXISTS \"{temp}\"; CREATE TABLE \"{temp}\"{rest}"
    ))?;
    let old_columns = columns(tx, &table.name)?;
    let shared: Vec<String> = columns(tx, &temp)?
        .into_iter()
        .filter(|c| old_columns.contains(c))
        .map(|c| format!("\"{c}\""))
        .collect();
    let list = shared.join(", ");
    tx.execute_batch(&format!(
        "INSERT INTO {temp} ({list}) SELECT {list} FROM {name};
         DROP TABLE {name};
         ALTER TABLE {temp} RENAME TO {name};",
        name = table.name
    ))?;
    Ok(())
}

fn columns(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name FROM pragma_table_info(?1)")?;
    let names = stmt
        .query_map([table], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

/// The schema this akker writes, as SQLite stores it.
fn pristine() -> Result<Vec<Object>> {
    let conn = Connection::open_in_memory()?;
    conn.execute_batch(SCHEMA_SQL)?;
    objects(&conn)
}

fn objects(conn: &Connection) -> Result<Vec<Object>> {
    let mut stmt = conn.prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema
         WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
    )?;
    let objects = stmt
        .query_map([], |r| {
            Ok(Object {
                kind: r.get(0)?,
                name: r.get(1)?,
                table: r.get(2)?,
                sql: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(objects)
}

/// A definition without its comments and with its spacing made uniform,
/// so a reworded comment in schema.sql does not rebuild a large table.
fn normalised(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                // A quoted name: SQLite quotes a renamed table's name in its
                // stored definition, so a plain name counts the same bare.
                let mut name = String::new();
                while let Some(d) = chars.next() {
                    if d == '"' {
                        if chars.peek() == Some(&'"') {
                            chars.next();
                        } else {
                            break;
                        }
                    }
                    name.push(d);
                }
                let plain =
                    name.chars().all(|d| d.is_ascii_alphanumeric() || d == '_') && !name.is_empty();
                if space && !out.is_empty() && !out.ends_with(['(', ')', ',']) {
                    out.push(' ');
                }
                if plain {
                    out.push_str(&name);
                } else {
                    out.push('"');
                    out.push_str(&name.replace('"', "\"\""));
                    out.push('"');
                }
                space = false;
            }
            '\'' => {
                // A string: kept exactly, quotes doubled inside.
                if space && !out.is_empty() && !out.ends_with(['(', ')', ',']) {
                    out.push(' ');
                }
                out.push(c);
                while let Some(d) = chars.next() {
                    out.push(d);
                    if d == c {
                        if chars.peek() == Some(&c) {
                            out.push(chars.next().unwrap_or(c));
                        } else {
                            break;
                        }
                    }
                }
                space = false;
            }
            '-' if chars.peek() == Some(&'-') => {
                for d in chars.by_ref() {
                    if d == '\n' {
                        break;
                    }
                }
                space = true;
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            c => {
                let tight = matches!(c, '(' | ')' | ',') || out.ends_with(['(', ')', ',']);
                if space && !tight && !out.is_empty() {
                    out.push(' ');
                }
                out.push(c);
                space = false;
            }
        }
    }
    out
}

/// Copies the file beside itself before the upgrade and checks the copy.
fn keep_a_copy(conn: &Connection, path: &Path, from: i64) -> Result<PathBuf> {
    let kept = kept_name(path)?;
    let mut partial = kept.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let _ = std::fs::remove_file(&partial);
    let copied = copy_to(conn, &partial).and_then(|()| check_copy(conn, &partial));
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&partial);
        return Err(StoreError::UpgradeFailed {
            path: path.display().to_string(),
            from,
            kept: kept.display().to_string(),
            detail: format!("the copy to keep could not be made: {}", e.with_path(&kept)),
        });
    }
    std::fs::File::open(&partial)
        .and_then(|f| f.sync_all())
        .and_then(|()| std::fs::rename(&partial, &kept))
        .map_err(|e| StoreError::Disk {
            path: kept.display().to_string(),
            detail: e.to_string(),
        })?;
    Ok(kept)
}

/// `FILE.before-v2-2026-12-06.db`, with the time added if a copy was
/// already kept that day.
fn kept_name(path: &Path) -> Result<PathBuf> {
    let now = chrono::Local::now();
    for stamp in [
        now.format("%Y-%m-%d").to_string(),
        now.format("%Y-%m-%d-%H%M%S").to_string(),
    ] {
        let mut name = path.as_os_str().to_owned();
        name.push(format!(".before-v{SCHEMA_VERSION}-{stamp}.db"));
        let name = PathBuf::from(name);
        if !name.exists() {
            return Ok(name);
        }
    }
    Err(StoreError::AlreadyExists {
        path: path.display().to_string() + ".before-v*",
    })
}

fn copy_to(conn: &Connection, dest: &Path) -> Result<()> {
    let mut target = Connection::open_with_flags(
        dest,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
    )?;
    {
        let backup = Backup::new(conn, &mut target)?;
        loop {
            match backup.step(-1)? {
                StepResult::Done => break,
                _ => std::thread::sleep(std::time::Duration::from_millis(50)),
            }
        }
    }
    // One self-contained file, like every backup.
    target.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))?;
    target.close().map_err(|(_, e)| StoreError::from(e))?;
    Ok(())
}

/// The copy is whole and ends on the same entry, with the same chain hash.
fn check_copy(conn: &Connection, copy: &Path) -> Result<()> {
    let read = Connection::open_with_flags(copy, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let problems = integrity::structure_problems(&read)?;
    if !problems.is_empty() {
        return Err(StoreError::Corrupt(problems.join("; ")));
    }
    let head = |c: &Connection| -> Result<(i64, Option<Vec<u8>>)> {
        Ok(c.query_row(
            "SELECT COUNT(*), (SELECT chain_hash FROM journal ORDER BY seq DESC LIMIT 1) FROM journal",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    };
    if head(conn)? != head(&read)? {
        return Err(StoreError::Corrupt(
            "the copy does not end on the ledger's last entry".into(),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_spacing_do_not_count_as_a_change() {
        assert_eq!(
            normalised(
                "CREATE TABLE t (\n  a INTEGER, -- the a\n  b TEXT /* b */ CHECK (b = 'x -- y')\n)"
            ),
            normalised("CREATE TABLE t(a INTEGER,b TEXT CHECK(b = 'x -- y'))")
        );
        assert_eq!(
            normalised("CREATE TABLE \"journal\" (a)"),
            normalised("CREATE TABLE journal (a)")
        );
        assert_ne!(
            normalised("CREATE TABLE t (a CHECK (a = 'x' OR a = 'y'))"),
            normalised("CREATE TABLE t (a CHECK (a = 'x'))")
        );
    }

    /// A ledger made with an older schema: the journal's CHECK knows fewer
    /// entry types, an index and a trigger are missing, a table is absent.
    #[test]
    fn an_older_schema_is_brought_to_schema_sql_keeping_every_row() {
        let dir = tempfile_dir();
        let path = dir.join("old.db");
        let old_schema = SCHEMA_SQL
            .replace("\n                        OR entry_type = 'attestation-issued'", "")
            .replace(
                "CREATE INDEX IF NOT EXISTS postings_by_account ON postings(account_id, seq);",
                "",
            )
            .replace(
                "CREATE TRIGGER IF NOT EXISTS postings_no_delete BEFORE DELETE ON postings\nBEGIN SELECT RAISE(ABORT, 'the journal is append-only: record a reversal instead'); END;",
                "",
            )
            .replace("PRAGMA application_id = 1095453522;", "");
        assert_ne!(old_schema, SCHEMA_SQL, "the test's edits must apply");
        let mut conn = Connection::open(&path).unwrap();
        conn.execute_batch(&old_schema).unwrap();
        conn.execute_batch("DROP TABLE kiosk_form_claims").unwrap();
        conn.execute(
            "INSERT INTO ledger VALUES (1, 1, '0123456789abcdef0123456789abcdef', '2026-01-01T00:00:00Z')",
            [],
        )
        .unwrap();
        // Enough rows that the rebuilt journal's old pages are many.
        conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
             INSERT INTO journal SELECT i, 'ledger-created', '2026-01-01T00:00:00Z', 'treasurer', NULL,
                 zeroblob(32), zeroblob(64), randomblob(32), randomblob(32) FROM n",
            [],
        )
        .unwrap();
        let kept = upgrade(&mut conn, &path, 1).unwrap();
        assert!(kept.exists());
        let version: i64 = conn
            .query_row("SELECT schema_version FROM ledger", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        let wanted = pristine().unwrap();
        let have = objects(&conn).unwrap();
        for object in &wanted {
            let found = have
                .iter()
                .find(|o| o.kind == object.kind && o.name == object.name)
                .unwrap_or_else(|| panic!("{} {} is missing", object.kind, object.name));
            assert_eq!(normalised(&found.sql), normalised(&object.sql));
        }
        let rows: i64 = conn
            .query_row("SELECT COUNT(*) FROM journal", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 3000);
        // The old table's pages were given back: the file is no bigger
        // than its rows need.
        let free: i64 = conn
            .query_row("PRAGMA freelist_count", [], |r| r.get(0))
            .unwrap();
        assert_eq!(free, 0, "the upgrade left {free} free pages");
        // The rebuilt journal accepts the new entry type and keeps its triggers.
        conn.execute(
            "INSERT INTO journal VALUES (3001, 'attestation-issued', '2026-01-02T00:00:00Z', 'treasurer', NULL, zeroblob(32), zeroblob(64), randomblob(32), randomblob(32))",
            [],
        )
        .unwrap();
        assert!(conn.execute("DELETE FROM journal", []).is_err());
        let id: i32 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap();
        assert_eq!(id, integrity::APPLICATION_ID);
        // The kept copy is the file as it was.
        let old = Connection::open(&kept).unwrap();
        let version: i64 = old
            .query_row("SELECT schema_version FROM ledger", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, 1);
        let _ = std::fs::remove_dir_all(dir);
    }

    fn tempfile_dir() -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "akker-migrate-{}-{}",
            std::process::id(),
            chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}
