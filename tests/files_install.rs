//! Installed like any program (issue 14): dated backups kept N at a time,
//! `akker doctor`'s checks, and the man pages and completions the package
//! ships, all on the real binary.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::*;

fn ledger() -> Ledger {
    Ledger::from_template("install", |l| {
        l.open("M001", "Marie");
        l.open("M002", "Yusuf");
        l.pay("M001", &[("M002", "1.25")]);
    })
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn backup_into_a_missing_folder_fails_loudly_and_writes_nothing() {
    let ledger = ledger();
    let missing = ledger.dir().join("usb-stick");
    let before = names(ledger.dir());
    ledger
        .run(&["backup", "--into", missing.to_str().unwrap(), "--keep", "3"])
        .expect(REFUSED)
        .says(&["usb-stick", "does not exist", "mounted"]);
    assert!(!missing.exists());
    assert_eq!(names(ledger.dir()), before);
}

#[test]
fn backup_into_keeps_the_newest_n_dated_copies_of_this_ledger_only() {
    let ledger = ledger();
    let dir = ledger.dir().join("backups");
    std::fs::create_dir(&dir).unwrap();
    // Two older dated copies of this ledger (real backups, renamed).
    let first = ledger.json(&["backup", "--into", dir.to_str().unwrap()]);
    let first = Path::new(first["path"].as_str().unwrap()).to_path_buf();
    std::fs::rename(&first, dir.join("ledger-2026-01-01-000000.db")).unwrap();
    std::fs::copy(
        dir.join("ledger-2026-01-01-000000.db"),
        dir.join("ledger-2026-02-01-000000.db"),
    )
    .unwrap();
    // Not ours to remove: a file named like a backup that is no ledger,
    // a copy of another ledger, and a hand-named backup.
    std::fs::write(dir.join("ledger-2025-01-01-000000.db"), b"not a ledger").unwrap();
    std::fs::copy(
        dir.join("ledger-2026-01-01-000000.db"),
        dir.join("other-2025-01-01-000000.db"),
    )
    .unwrap();
    std::fs::copy(
        dir.join("ledger-2026-01-01-000000.db"),
        dir.join("before-move.db"),
    )
    .unwrap();

    let run = ledger
        .run(&[
            "--json",
            "backup",
            "--into",
            dir.to_str().unwrap(),
            "--keep",
            "2",
        ])
        .expect(OK);
    let done = run.json();
    let new = Path::new(done["path"].as_str().unwrap())
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        new.starts_with("ledger-20") && new.ends_with(".db"),
        "{new}"
    );
    assert_eq!(done["removed"].as_array().unwrap().len(), 1, "{run}");
    let mut expected = vec![
        "before-move.db".to_string(),
        "ledger-2025-01-01-000000.db".to_string(),
        "ledger-2026-02-01-000000.db".to_string(),
        new.clone(),
        "other-2025-01-01-000000.db".to_string(),
    ];
    expected.sort();
    assert_eq!(names(&dir), expected);
    // The new copy is a verified, complete ledger.
    let copy = Ledger::copy_of(&dir.join(&new), PASSPHRASE);
    copy.assert_verifies();
}

fn doctor(ledger: &Ledger, args: &[&str]) -> (Run, serde_json::Value) {
    let mut all = vec!["--json", "doctor", "--listen", "127.0.0.1:0"];
    all.extend_from_slice(args);
    let run = ledger.run(&all);
    let json = run.json();
    (run, json)
}

fn status<'a>(report: &'a serde_json::Value, check: &str) -> &'a str {
    report
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == check)
        .unwrap_or_else(|| panic!("no {check} line in {report:#}"))["status"]
        .as_str()
        .unwrap()
}

#[test]
fn doctor_on_a_fresh_ledger_passes_and_says_what_is_missing() {
    let ledger = Ledger::new();
    let dir = ledger.dir().join("backups");
    std::fs::create_dir(&dir).unwrap();
    let (run, report) = doctor(&ledger, &["--backups", dir.to_str().unwrap()]);
    assert_eq!(run.code, OK, "{run}");
    assert_eq!(status(&report, "ledger"), "OK");
    assert_eq!(status(&report, "key"), "OK");
    assert_eq!(status(&report, "clock"), "OK");
    assert_eq!(status(&report, "kiosk"), "OK");
    assert_eq!(status(&report, "backups"), "WARN");
    ledger.ok(&["backup", "--into", dir.to_str().unwrap()]);
    let (_, report) = doctor(&ledger, &["--backups", dir.to_str().unwrap()]);
    assert_eq!(status(&report, "backups"), "OK");
    // The plain form: one line per check.
    let text = ledger
        .run(&[
            "doctor",
            "--listen",
            "127.0.0.1:0",
            "--backups",
            dir.to_str().unwrap(),
        ])
        .expect(OK);
    assert!(
        text.stdout.lines().any(|l| l.starts_with("OK   ledger")),
        "{text}"
    );
}

#[test]
fn doctor_fails_on_a_key_others_can_read_a_missing_backup_folder_and_a_clock_set_back() {
    let ledger = ledger();
    std::fs::set_permissions(ledger.key_file(), std::fs::Permissions::from_mode(0o644)).unwrap();
    let missing = ledger.dir().join("usb-stick");
    let (run, report) = doctor(&ledger, &["--backups", missing.to_str().unwrap()]);
    assert_eq!(run.code, REFUSED, "{run}");
    assert_eq!(status(&report, "key"), "FAIL");
    assert_eq!(status(&report, "backups"), "FAIL");
    assert!(run.stdout.contains("chmod 600"), "{run}");

    let set_back = Ledger::copy_of(ledger.db(), PASSPHRASE).at("2001-01-01T00:00:00Z");
    let (run, report) = doctor(&set_back, &[]);
    assert_eq!(run.code, REFUSED, "{run}");
    assert_eq!(status(&report, "clock"), "FAIL");
    assert!(run.stdout.contains("set the clock right"), "{run}");
}

#[test]
fn the_man_pages_and_completions_are_written_from_the_command_line() {
    let ledger = Ledger::without_file();
    let out = ledger.dir().join("assets");
    ledger.ok(&["generate-files", out.to_str().unwrap()]);
    for page in [
        "akker.1",
        "akker-backup.1",
        "akker-doctor.1",
        "akker-account-add.1",
    ] {
        let text = std::fs::read_to_string(out.join("man").join(page))
            .unwrap_or_else(|e| panic!("{page}: {e}"));
        assert!(
            text.starts_with(".ie") || text.contains(".TH"),
            "{page} is not a man page"
        );
    }
    let bash = std::fs::read_to_string(out.join("completions/akker.bash")).unwrap();
    assert!(bash.contains("complete") && bash.contains("doctor"));
    assert!(out.join("completions/_akker").exists());
    assert!(out.join("completions/akker.fish").exists());
    // Hidden from users: not in --help, nor in the man pages.
    assert!(!ledger.ok(&["--help"]).contains("generate-files"));
    assert!(!out.join("man/akker-generate-files.1").exists());
}
