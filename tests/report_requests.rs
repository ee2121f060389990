//! The community report's request figures and the two lists "who needs a
//! call" gained, on the real binary (`akker report --json` and `--out`),
//! over a fixed ledger whose answers are known by hand: requests confirmed
//! after 1, 2, 4 and 10 days (median 3 days), one declined, one withdrawn,
//! one expired, two still waiting at the end (one for more than two
//! weeks), and members past a soft floor and a soft ceiling.

use std::path::{Path, PathBuf};
use std::process::Command;

use akker::ledger::{
    AccountId, AccountKind, Amount, DeclineReason, Description, DisplayName, Entry, EntryBody,
    Language, Limits, SettingKey, Settings, SlipRef, WorkKind,
};
use akker::ops::requests::NewRequest;
use akker::ops::{self, NewAccount};
use akker::signing::KeyHolder;
use akker::store::Store;
use chrono::{DateTime, TimeZone, Utc};
use ed25519_dalek::SigningKey;
use serde_json::Value;

fn id(s: &str) -> AccountId {
    AccountId::parse(s).unwrap()
}

fn at(m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, m, d, h, 0, 0).unwrap()
}

fn treasurer() -> KeyHolder {
    KeyHolder::treasurer(SigningKey::from_bytes(&[11; 32]))
}

fn slip(s: &str) -> Option<SlipRef> {
    Some(SlipRef::parse(s).unwrap())
}

fn settings() -> Settings {
    let limits = |f, c| Limits::new(Amount::from_minor(f), Amount::from_minor(c)).unwrap();
    Settings {
        community_name: "Tijdsbank Kuregem".into(),
        currency_name: "Buurtuur".into(),
        currency_unit: "hours".into(),
        currency_symbol: "h".into(),
        time_zone: "Europe/Brussels".into(),
        default_language: "en".into(),
        treasurer_key: treasurer().signer().public_key,
        person_limits: limits(-2000, 4000),
        initiative_limits: limits(-10000, 20000),
        partner_limits: limits(-10000, 20000),
        system_limits: limits(-500000, 500000),
    }
}

fn request(store: &mut Store, payer: &str, payee: &str, when: DateTime<Utc>) -> i64 {
    let new = NewRequest {
        payers: vec![(id(payer), Amount::from_minor(100))],
        payee: id(payee),
        date: when.date_naive(),
        work: WorkKind::Practical,
        skill: None,
        description: Description::parse("Help in the garden").unwrap(),
        slip: slip("R-1"),
    };
    ops::requests::make_requests(store, &treasurer(), new, when)
        .unwrap()
        .seqs[0]
}

fn confirm(store: &mut Store, seq: i64, when: DateTime<Utc>) {
    ops::requests::confirm_request(store, &treasurer(), seq, slip("C-1"), when).unwrap();
}

fn build_ledger(path: &Path) {
    let genesis = treasurer().sign(
        "6b5a4c3d2e1f0a1b2c3d4e5f60718294",
        Entry {
            recorded_at: at(2, 1, 8),
            body: EntryBody::LedgerCreated(settings()),
        },
    );
    let mut store = Store::create(path, "6b5a4c3d2e1f0a1b2c3d4e5f60718294", genesis).unwrap();
    for (i, account) in ["M001", "M002", "M003", "M004"].iter().enumerate() {
        let new = NewAccount {
            id: id(account),
            kind: AccountKind::Person,
            name: DisplayName::parse(&format!("Member {account}")).unwrap(),
            language: Language::parse("en").unwrap(),
            limits: None,
        };
        ops::open_account(&mut store, &treasurer(), new, at(2, 1, 9 + i as u32)).unwrap();
    }
    // Moved away: closed, its name still held (a reminder on the report).
    ops::close_account(
        &mut store,
        &treasurer(),
        id("M004"),
        akker::ledger::Reason::parse("moved away").unwrap(),
        at(2, 1, 13),
    )
    .unwrap();
    let mut minute = 0;
    for (key, value) in [
        (SettingKey::RequestsExpiryDays, "45"),
        (SettingKey::SoftFloorPerson, "-3.00"),
        (SettingKey::SoftCeilingPerson, "3.00"),
    ] {
        minute += 1;
        let when = at(2, 1, 14) + chrono::Duration::minutes(minute);
        ops::set_setting(&mut store, &treasurer(), key, value, when).unwrap();
    }
    // Made before the period, expires inside it (10 February + 45 days).
    request(&mut store, "M002", "M001", at(2, 10, 10));
    // Waits on M003 from the first day of the period: more than two weeks.
    request(&mut store, "M003", "M001", at(3, 1, 10));
    let r1 = request(&mut store, "M002", "M001", at(3, 2, 10));
    confirm(&mut store, r1, at(3, 3, 10));
    let r2 = request(&mut store, "M002", "M001", at(3, 4, 10));
    let r3 = request(&mut store, "M002", "M001", at(3, 5, 10));
    confirm(&mut store, r2, at(3, 6, 10));
    let r4 = request(&mut store, "M002", "M001", at(3, 7, 10));
    let declined = request(&mut store, "M002", "M001", at(3, 8, 10));
    let withdrawn = request(&mut store, "M002", "M001", at(3, 8, 11));
    confirm(&mut store, r3, at(3, 9, 10));
    ops::requests::decline_request(
        &mut store,
        &treasurer(),
        declined,
        &DeclineReason::NotDone,
        slip("D-1"),
        at(3, 10, 10),
    )
    .unwrap();
    ops::requests::withdraw_request(
        &mut store,
        &treasurer(),
        withdrawn,
        slip("W-1"),
        at(3, 11, 10),
    )
    .unwrap();
    confirm(&mut store, r4, at(3, 17, 10));
    // Waits on M003 for less than two weeks at the end.
    request(&mut store, "M003", "M001", at(3, 25, 10));
    // After the period: not counted.
    request(&mut store, "M002", "M001", at(4, 2, 10));
}

fn ledger() -> &'static Path {
    static LEDGER: std::sync::OnceLock<(tempfile::TempDir, PathBuf)> = std::sync::OnceLock::new();
    let (_, path) = LEDGER.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.db");
        build_ledger(&path);
        (dir, path)
    });
    path
}

fn akker(args: &[&str]) -> std::process::Output {
    let output = Command::new(env!("CARGO_BIN_EXE_akker"))
        .arg("--db")
        .arg(ledger())
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "akker {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn march(extra: &[&str]) -> Value {
    let mut args = vec![
        "report",
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--json",
    ];
    args.extend_from_slice(extra);
    serde_json::from_slice(&akker(&args).stdout).unwrap()
}

#[test]
fn requests_are_counted_in_the_period_of_each_event_with_the_median_time_to_confirm() {
    let report = march(&[]);
    let r = &report["requests"];
    assert_eq!(r["made"], 8, "{r}");
    assert_eq!(r["confirmed"], 4);
    assert_eq!(r["declined"], 1);
    assert_eq!(r["withdrawn"], 1);
    assert_eq!(r["expired"], 1);
    assert_eq!(r["pending_at_end"], 2);
    // 1, 2, 4 and 10 days: the mean of the middle two is 3.00 days.
    assert_eq!(r["median_days_to_confirm_minor"], 300);
    // The confirmations are payments for work like any other.
    assert_eq!(report["summary"]["exchanges"], 4);
    assert_eq!(report["summary"]["hours_minor"], 400);
}

#[test]
fn who_needs_a_call_lists_requests_waiting_over_two_weeks_and_balances_past_a_soft_limit() {
    let report = march(&[]);
    let calls = &report["needs_call"];
    let waiting = calls["requests_waiting"].as_array().unwrap();
    assert_eq!(waiting.len(), 1, "{calls}");
    assert_eq!(waiting[0]["account_id"], "M003");
    assert_eq!(waiting[0]["requests"], 1);
    assert_eq!(waiting[0]["hours_minor"], 100);
    assert_eq!(waiting[0]["oldest"], "2026-03-01");
    // Without --names, no name.
    assert!(waiting[0].get("name").is_none());
    let past = calls["past_soft_limit"].as_array().unwrap();
    let found: Vec<(String, i64, String, i64)> = past
        .iter()
        .map(|p| {
            (
                p["account_id"].as_str().unwrap().to_string(),
                p["balance_minor"].as_i64().unwrap(),
                p["side"].as_str().unwrap().to_string(),
                p["limit_minor"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("M001".into(), 400, "ceiling".into(), 300),
            ("M002".into(), -400, "floor".into(), -300),
        ]
    );
    // The closed account that still holds a name, in the JSON too.
    assert_eq!(report["closed_accounts_named"], 1);
    let named = march(&["--names"]);
    assert_eq!(
        named["needs_call"]["requests_waiting"][0]["name"],
        "Member M003"
    );
}

#[test]
fn the_report_pdf_and_html_show_the_requests_and_both_lists() {
    let out = tempfile::tempdir().unwrap();
    akker(&[
        "report",
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--lang",
        "en",
        "--out",
        out.path().to_str().unwrap(),
    ]);
    // The terminal says it in one line each.
    let said = String::from_utf8_lossy(
        &akker(&[
            "report",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-31",
            "--lang",
            "en",
            "--out",
            out.path().to_str().unwrap(),
        ])
        .stdout,
    )
    .to_string();
    assert!(
        said.contains("requests: 8 made, 4 confirmed, 1 declined, 1 withdrawn, 1 expired, 2 waiting at the end, median 3.00 days to confirm"),
        "{said}"
    );
    assert!(
        said.contains("to call: 1 with requests waiting over 14 days, 2 past a soft limit"),
        "{said}"
    );
    let html = std::fs::read_to_string(out.path().join("report.html")).unwrap();
    for words in [
        "Requests for hours",
        "Median time from request to confirmation, in days: 3.00.",
        "Members with requests waiting on them for more than 14 days",
        "Members past a soft limit at the end of the period",
        "1 closed account still holds a name",
    ] {
        assert!(html.contains(words), "report.html lacks {words:?}");
    }
    if let Ok(done) = Command::new("pdftotext")
        .arg(out.path().join("report.pdf"))
        .arg("-")
        .output()
    {
        let text = String::from_utf8_lossy(&done.stdout).replace('\n', " ");
        assert!(text.contains("Requests for hours"), "{text}");
        assert!(text.contains("3.00"), "{text}");
    }
}

/// Writes the March report in English and Arabic into
/// AKKER_SAMPLE_PDF_DIR when it is set, to render and look at its pages.
#[test]
fn the_reports_can_be_written_to_look_at() {
    let Some(dir) = std::env::var_os("AKKER_SAMPLE_PDF_DIR") else {
        return;
    };
    for lang in ["en", "ar"] {
        let out = PathBuf::from(&dir).join(format!("report-{lang}"));
        std::fs::create_dir_all(&out).unwrap();
        akker(&[
            "report",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-31",
            "--lang",
            lang,
            "--out",
            out.to_str().unwrap(),
        ]);
    }
}
