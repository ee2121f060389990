//! Damaged, read-only and shared files (issue 16): akker never changes a
//! file that is not its ledger, reads a ledger it may not write, names
//! the file and what to do instead of passing on SQLite's words, and
//! leaves a complete file behind whenever no command is writing.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::*;

/// Words of SQLite and of rusqlite that must never reach a person.
const RAW: &[&str] = &[
    "database disk image is malformed",
    "Conversion error",
    "invalid utf-8",
    "unable to open database file",
    "attempt to write a readonly database",
    "database error",
];

fn no_raw_words(run: &Run) {
    for raw in RAW {
        assert!(
            !run.stderr.contains(raw) && !run.stdout.contains(raw),
            "a raw error reached the user: {raw:?}\n{run}"
        );
    }
}

/// A small ledger begun in November 2026, so that month's statement can
/// be printed; later commands run at the real time.
fn ledger() -> Ledger {
    let november = Ledger::without_file().at("2026-11-10T10:00:00Z");
    november.ok(&["init"]);
    november.open("M001", "Marie");
    november.open("M002", "Yusuf");
    november.pay("M001", &[("M002", "1.25")]);
    Ledger::copy_of(november.db(), PASSPHRASE)
}

/// Every file in `dir`, with its bytes.
fn files_in(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    files.sort();
    files
}

/// Runs akker on `db` in a fresh directory holding only that file.
fn akker_on(db: &Path, args: &[&str]) -> Run {
    let mut cmd = Command::new(BIN);
    cmd.arg("--db").arg(db).args(args).env_remove("AKKER_DB");
    cmd.env("AKKER_PASSPHRASE", PASSPHRASE).stdin(Stdio::null());
    let out = cmd.output().expect("run akker");
    Run {
        args: args.iter().map(|a| a.to_string()).collect(),
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn another_programs_sqlite_file_is_refused_and_left_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("photos.db");
    {
        let conn = rusqlite::Connection::open(&other).unwrap();
        conn.execute_batch(
            "CREATE TABLE photo (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photo (name) VALUES ('zee.jpg');",
        )
        .unwrap();
    }
    let before = files_in(dir.path());
    for args in [
        &["verify"][..],
        &["balance"],
        &[
            "pay", "A", "B", "1", "--work", "care", "--what", "x", "--slip", "S",
        ],
        &["kiosk", "--listen", "127.0.0.1:0"],
    ] {
        let run = akker_on(&other, args).expect(REFUSED);
        let run = run.says(&[&other.display().to_string(), "not an akker ledger"]);
        no_raw_words(&run);
        assert_eq!(
            files_in(dir.path()),
            before,
            "akker changed another program's file\n{run}"
        );
    }
}

#[test]
fn a_file_marked_by_another_program_is_refused_before_sqlite_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&other).unwrap();
        conn.execute_batch("PRAGMA application_id = 1234; CREATE TABLE ledger (x);")
            .unwrap();
    }
    let before = files_in(dir.path());
    akker_on(&other, &["verify"])
        .expect(REFUSED)
        .says(&["not an akker ledger", "another program's database"]);
    assert_eq!(files_in(dir.path()), before);
}

#[test]
fn an_empty_file_is_refused_and_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("akker.db");
    std::fs::write(&empty, b"").unwrap();
    for args in [
        &["verify"][..],
        &["account", "add", "M001", "--name", "Marie"],
    ] {
        let run = akker_on(&empty, args).expect(REFUSED);
        no_raw_words(&run.says(&["not an akker ledger", "the file is empty"]));
        assert_eq!(files_in(dir.path()), vec![(empty.clone(), Vec::new())]);
    }
}

#[test]
fn a_ledger_is_marked_with_akkers_application_id() {
    let ledger = Ledger::new();
    let header = std::fs::read(ledger.db()).unwrap();
    assert_eq!(&header[68..72], b"AKKR");
}

#[test]
fn a_stored_text_that_is_not_utf8_is_reported_as_damage_with_what_to_do() {
    let ledger = ledger();
    ledger
        .sqlite()
        .execute(
            "UPDATE account_profiles SET display_name = CAST(X'FF' AS TEXT) WHERE account_id = 'M001'",
            [],
        )
        .unwrap();
    let run = ledger.run(&["balance"]).expect(REFUSED);
    no_raw_words(&run);
    run.says(&[
        &ledger.db().display().to_string(),
        "is damaged",
        "restore BACKUP --force",
    ]);
}

#[test]
fn a_device_is_never_replaced_by_a_document() {
    use std::os::unix::fs::FileTypeExt;
    let ledger = ledger();
    let run = ledger
        .run(&[
            "statement",
            "M001",
            "--month",
            "2026-11",
            "--format",
            "text",
            "--out",
            "/dev/full",
        ])
        .expect(REFUSED);
    run.says(&["/dev/full", "not a regular file"]);
    let kind = std::fs::symlink_metadata("/dev/full").unwrap().file_type();
    assert!(kind.is_char_device(), "/dev/full was replaced");
}

/// A small full disk: a tmpfs of 64 KiB, mounted by root (skipped where
/// mounting is not allowed, and said so).
struct FullDisk(PathBuf);

impl FullDisk {
    fn mount(at: &Path) -> Option<FullDisk> {
        std::fs::create_dir_all(at).unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
            .arg(at)
            .status()
            .is_ok_and(|s| s.success());
        if !mounted {
            eprintln!("skipped: cannot mount a small tmpfs here (not root?)");
            return None;
        }
        Some(FullDisk(at.to_path_buf()))
    }
}

impl Drop for FullDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_backup_to_a_full_disk_names_the_disk_and_leaves_nothing() {
    let ledger = ledger();
    let Some(disk) = FullDisk::mount(&ledger.dir().join("small-stick")) else {
        return;
    };
    let run = ledger
        .run(&["backup", "--into", disk.0.to_str().unwrap()])
        .expect(REFUSED);
    no_raw_words(&run);
    run.says(&["small-stick", "is full", "Free some space"]);
    assert_eq!(
        std::fs::read_dir(&disk.0).unwrap().count(),
        0,
        "a partial copy was left"
    );
}

/// The read commands a treasurer runs on a backup on a locked USB stick.
fn read_commands(code: &str) -> Vec<Vec<String>> {
    [
        vec!["verify"],
        vec!["balance"],
        vec!["history", "M001"],
        vec!["statement", "check", code],
        vec!["export", "hledger"],
        vec!["export", "json"],
    ]
    .into_iter()
    .map(|args| args.into_iter().map(String::from).collect())
    .collect()
}

/// As root, permissions do not stop writing: run as the unprivileged
/// user `nobody` so the folder's permissions really apply.
fn as_reader(db: &Path, args: &[String]) -> Run {
    let root = unsafe { libc::geteuid() } == 0;
    let mut cmd = if root {
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", BIN]);
        cmd
    } else {
        Command::new(BIN)
    };
    cmd.arg("--db").arg(db).args(args).env_remove("AKKER_DB");
    cmd.stdin(Stdio::null());
    let out = cmd.output().expect("run akker as a reader");
    Run {
        args: args.to_vec(),
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn read_commands_work_in_a_folder_that_cannot_be_written() {
    use std::os::unix::fs::PermissionsExt;
    let ledger = ledger();
    let statement = ledger.json(&[
        "statement",
        "M001",
        "--month",
        "2026-11",
        "--format",
        "text",
        "--out",
        "-",
    ]);
    let code = find_code(&statement).expect("a verification code");
    // The stick: a folder only readable, holding a closed ledger file.
    let stick = ledger.dir().join("stick");
    std::fs::create_dir(&stick).unwrap();
    let db = stick.join("ledger.db");
    ledger.ok(&["backup", db.to_str().unwrap()]);
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(&stick, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Let `nobody` reach the folder through the test's private directory.
    std::fs::set_permissions(ledger.dir(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let before = files_in(&stick);
    for args in read_commands(&code) {
        let run = as_reader(&db, &args);
        no_raw_words(&run);
        assert_eq!(
            run.code, OK,
            "a read command failed on a read-only folder\n{run}"
        );
    }
    let pay: Vec<String> = [
        "pay", "M001", "M002", "1", "--work", "care", "--what", "x", "--slip", "S-RO",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    let run = as_reader(&db, &pay);
    no_raw_words(&run);
    assert_eq!(run.code, REFUSED, "{run}");
    assert_eq!(
        files_in(&stick),
        before,
        "something was written on the read-only stick"
    );
    std::fs::set_permissions(&stick, std::fs::Permissions::from_mode(0o755)).unwrap();
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

/// Starts the kiosk on a free port; returns it and its address.
fn kiosk(ledger: &Ledger) -> (std::process::Child, String) {
    let mut child = ledger.spawn(&["kiosk", "--listen", "127.0.0.1:0"]);
    let stdout = child.stdout.take().unwrap();
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    (child, url)
}

fn terminate(child: &mut std::process::Child) -> std::process::ExitStatus {
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    child.wait().unwrap()
}

#[test]
fn a_copy_of_the_file_alone_is_complete_while_the_kiosk_holds_it_open() {
    let ledger = ledger();
    let (mut child, url) = kiosk(&ledger);
    // The kiosk now holds a connection to the file.
    reqwest::blocking::get(&url).unwrap();
    let seq = ledger.pay("M002", &[("M001", "0.50")]);
    // A plain copy of the file, without its write-ahead log.
    let copy = Ledger::without_file();
    std::fs::copy(ledger.db(), copy.db()).unwrap();
    let status = terminate(&mut child);
    assert!(
        status.success(),
        "the kiosk did not stop cleanly on SIGTERM: {status:?}"
    );
    let txs = copy.json(&["tx", "list"]);
    assert!(
        txs.as_array().unwrap().iter().any(|t| t["seq"] == seq),
        "the copy misses the payment recorded while the kiosk ran"
    );
    // Stopped, the kiosk left one complete file and no log beside it.
    assert!(!with_suffix(ledger.db(), "-wal").exists());
}

#[test]
fn the_kiosk_refuses_payments_on_a_damaged_ledger_and_says_so_on_screen() {
    let ledger = ledger();
    let root: i64 = ledger
        .sqlite()
        .query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = 'postings_by_account'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let size: i64 = ledger
        .sqlite()
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .unwrap();
    let (root, size) = (root as usize, size as usize);
    let mut bytes = std::fs::read(ledger.db()).unwrap();
    bytes[(root - 1) * size..root * size].fill(0);
    std::fs::write(ledger.db(), bytes).unwrap();
    let (mut child, url) = kiosk(&ledger);
    for path in ["", "card", "pay"] {
        let response = reqwest::blocking::get(format!("{url}{path}")).unwrap();
        assert_eq!(response.status().as_u16(), 503);
        let page = response.text().unwrap();
        assert!(page.contains("beschadigd"), "{page}");
    }
    assert!(terminate(&mut child).success());
}
