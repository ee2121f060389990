//! The file itself, below the ledger's rules: is it an akker ledger at
//! all (read from its header before SQLite touches it), may this process
//! write it, and are SQLite's own pages whole.
//!
//! A damaged page is invisible to `verify`'s signature and chain checks
//! when it belongs to an index, and a damaged table page makes every
//! later write fail, so `verify`, `backup` and `restore` run SQLite's
//! structure check first and refuse a damaged file, naming the table or
//! index the page belongs to.

use std::ffi::CString;
use std::io::Read;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::{Result, StoreError};

/// SQLite's `application_id` of every akker ledger: the bytes "AKKR"
/// (docs/signing.md, "Reading a ledger file"). Written at offset 68 of
/// the file's header.
pub const APPLICATION_ID: i32 = 0x414B_4B52;

/// What the first 100 bytes of a file say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Header {
    /// Marked as an akker ledger.
    Ledger,
    /// A SQLite database with no application id: a ledger made before
    /// ledgers were marked (schema version 1), or another program's file.
    /// Only a read-only look inside tells which.
    Unmarked,
}

/// Reads the header without SQLite, so a file that is not a ledger is
/// refused before anything could write to it (switching it to WAL mode,
/// creating side files, writing a header into an empty file).
pub fn read_header(path: &Path) -> Result<Header> {
    let not_a_ledger = |detail: &str| StoreError::NotALedger {
        path: path.display().to_string(),
        detail: detail.to_string(),
    };
    let mut file = std::fs::File::open(path).map_err(|e| StoreError::CannotOpen {
        path: path.display().to_string(),
        detail: e.to_string(),
    })?;
    let mut header = [0u8; 100];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => {
                return Err(StoreError::CannotOpen {
                    path: path.display().to_string(),
                    detail: e.to_string(),
                })
            }
        }
    }
    if read == 0 {
        return Err(not_a_ledger("the file is empty"));
    }
    if read < header.len() || &header[..16] != b"SQLite format 3\0" {
        return Err(not_a_ledger("it is not a SQLite database"));
    }
    let id = i32::from_be_bytes([header[68], header[69], header[70], header[71]]);
    match id {
        APPLICATION_ID => Ok(Header::Ledger),
        0 => Ok(Header::Unmarked),
        other => Err(not_a_ledger(&format!(
            "it is another program's database (SQLite application id {:#010x})",
            other as u32
        ))),
    }
}

/// True when this process may write both the file and its folder (WAL
/// mode needs the folder for its side files). False on read-only media,
/// in a read-only folder, for an immutable file, or without permission:
/// the kernel answers for root too on read-only mounts and immutable files.
pub fn writable(path: &Path) -> bool {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    may_write(path) && may_write(&folder)
}

fn may_write(path: &Path) -> bool {
    let Ok(c_path) = CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: a valid, NUL-terminated path; access() only reads it.
    unsafe { libc::access(c_path.as_ptr(), libc::W_OK) == 0 }
}

/// True when a write-ahead log lies beside the file: its content belongs
/// to the ledger, so the file must be read through SQLite's WAL code,
/// not opened as immutable.
pub fn has_wal(path: &Path) -> bool {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    Path::new(&name).exists()
}

/// Runs SQLite's structure check and returns its findings as sentences
/// (empty when the file is whole). `quick_check` reads every page of
/// every table and index and checks each b-tree's shape, order and
/// free-list; unlike `integrity_check` it does not look up every table
/// row in every index, which would add about half of `verify`'s time on
/// a large ledger (docs/performance.md). A damaged index page is still
/// found, and `verify` rebuilds everything an index could misreport.
pub fn structure_problems(conn: &Connection) -> Result<Vec<String>> {
    let names = root_pages(conn);
    let rows = match run_check(conn, "PRAGMA quick_check(20)") {
        Ok(rows) => rows,
        // The check itself stopped on a page it cannot read (a table
        // page it needed for a CHECK constraint): check table by table
        // to say which one.
        Err(e) => return Ok(per_table(conn, &names, e)),
    };
    Ok(findings(&rows, &names))
}

fn run_check(conn: &Connection, sql: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn findings(rows: &[String], names: &[(i64, String)]) -> Vec<String> {
    if rows.len() == 1 && rows[0] == "ok" {
        return Vec::new();
    }
    rows.iter()
        .flat_map(|row| row.lines())
        .filter(|line| !line.trim().is_empty() && !line.starts_with("*** in database"))
        .map(|line| describe(line, names))
        .collect()
}

fn per_table(conn: &Connection, names: &[(i64, String)], whole: rusqlite::Error) -> Vec<String> {
    let mut found = Vec::new();
    for (root, name) in names {
        let Some(table) = name.strip_prefix("table ") else {
            continue;
        };
        let sql = format!("PRAGMA quick_check(\"{}\")", table.replace('"', "\"\""));
        match run_check(conn, &sql) {
            Ok(rows) => found.extend(findings(&rows, names)),
            Err(e) => found.push(format!(
                "the {name}, whose pages start at page {root} (SQLite cannot read it: {e})"
            )),
        }
    }
    if found.is_empty() {
        found.push(format!("SQLite cannot read its pages ({whole})"));
    }
    found
}

/// Root page -> "table postings" / "index postings_by_account", read from
/// sqlite_schema when that much of the file is still readable.
fn root_pages(conn: &Connection) -> Vec<(i64, String)> {
    let Ok(mut stmt) =
        conn.prepare("SELECT rootpage, type, name FROM sqlite_schema WHERE rootpage > 0")
    else {
        return Vec::new();
    };
    stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            format!("{} {}", r.get::<_, String>(1)?, r.get::<_, String>(2)?),
        ))
    })
    .map(|rows| rows.filter_map(|r| r.ok()).collect())
    .unwrap_or_default()
}

/// SQLite names the b-tree by its root page ("Tree 7 page 12 ..."): say
/// which table or index that is, so the treasurer can tell a reader what
/// was damaged.
fn describe(line: &str, names: &[(i64, String)]) -> String {
    let tree = line
        .strip_prefix("Tree ")
        .or_else(|| line.find("Tree ").map(|at| &line[at + 5..]))
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse::<i64>().ok());
    let page = line
        .find("page ")
        .map(|at| &line[at + 5..])
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse::<i64>().ok());
    let owner = tree.and_then(|t| names.iter().find(|(root, _)| *root == t));
    match (owner, page) {
        (Some((_, name)), Some(page)) => format!("page {page} of the {name} ({line})"),
        (Some((_, name)), None) => format!("the {name} ({line})"),
        _ => line.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_names_the_table_or_index_its_page_belongs_to() {
        let names = vec![(7, "index postings_by_account".to_string())];
        assert_eq!(
            describe(
                "Tree 7 page 12: btreeInitPage() returns error code 11",
                &names
            ),
            "page 12 of the index postings_by_account (Tree 7 page 12: btreeInitPage() returns error code 11)"
        );
        assert_eq!(
            describe("Page 40: never used", &names),
            "Page 40: never used"
        );
    }
}
