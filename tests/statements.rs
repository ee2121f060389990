//! Statements built from a fixed ledger: golden text and HTML (rewrite with
//! UPDATE_GOLDEN=1 and review the diff), the period rule, opening = previous
//! closing across a year boundary, PDF content through pdftotext, and
//! `statement check` on the real binary.

#[path = "common/skip.rs"]
mod skip;

use std::path::{Path, PathBuf};
use std::process::Command;

use akker::ledger::{
    AccountId, AccountKind, Amount, Description, DisplayName, Entry, EntryBody, KdfParams,
    Language, Limits, Month, PaymentDetails, Reason, Settings, SlipRef, WorkKind,
};
use akker::ops::{self, NewAccount};
use akker::signing::KeyHolder;
use akker::statement::{build, check, html, text};
use akker::store::statements::IssueRow;
use akker::store::Store;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use ed25519_dalek::SigningKey;

const LEDGER_ID: &str = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const PASSPHRASE: &str = "fixed-ledger";

fn id(s: &str) -> AccountId {
    AccountId::parse(s).unwrap()
}

fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn treasurer() -> KeyHolder {
    KeyHolder::treasurer(SigningKey::from_bytes(&[7; 32]))
}

fn settings() -> Settings {
    let limits = |f, c| Limits::new(Amount::from_minor(f), Amount::from_minor(c)).unwrap();
    Settings {
        community_name: "Tijdsbank Kuregem".into(),
        currency_name: "Buurtuur".into(),
        currency_unit: "hours".into(),
        currency_symbol: "h".into(),
        time_zone: "Europe/Brussels".into(),
        default_language: "nl".into(),
        treasurer_key: treasurer().signer().public_key,
        person_limits: limits(-2000, 4000),
        initiative_limits: limits(-10000, 20000),
        partner_limits: limits(-10000, 20000),
        system_limits: limits(-500000, 500000),
    }
}

/// `what` is the kind of work and the description.
fn pay(
    store: &mut Store,
    payer: &str,
    payees: &[(&str, i64)],
    what: (WorkKind, &str),
    happened: NaiveDate,
    recorded: DateTime<Utc>,
    slip: Option<&str>,
) -> i64 {
    let (work, what) = what;
    let payees: Vec<(AccountId, Amount)> = payees
        .iter()
        .map(|(a, m)| (id(a), Amount::from_minor(*m)))
        .collect();
    let details = PaymentDetails {
        date: happened,
        work,
        skill: None,
        description: Description::parse(what).unwrap(),
        slip: slip.map(|s| SlipRef::parse(s).unwrap()),
        override_reason: None,
    };
    ops::pay(store, &treasurer(), &id(payer), &payees, details, recorded).unwrap()
}

/// A small ledger from December 2025 to February 2026, fully deterministic:
/// fixed ledger id, fixed treasurer key (Ed25519 signatures are
/// deterministic), fixed times.
fn fixed_ledger(path: &Path) -> Store {
    let genesis = treasurer().sign(
        LEDGER_ID,
        Entry {
            recorded_at: at(2025, 11, 30, 9),
            body: EntryBody::LedgerCreated(settings()),
        },
    );
    let mut store = Store::create(path, LEDGER_ID, genesis).unwrap();
    let accounts = [
        ("M001", "فاطمة الزهراء", AccountKind::Person, "ar"),
        ("M002", "Олена Коваленко", AccountKind::Person, "uk"),
        ("M003", "Zoë Lefèvre", AccountKind::Person, "fr"),
        ("M004", "Jan Peeters", AccountKind::Person, "nl"),
        (
            "INIT-X",
            "Vrouwengroep De Akker",
            AccountKind::Initiative,
            "en",
        ),
        ("SYS-FUND", "Gemeenschapsfonds", AccountKind::System, "nl"),
    ];
    for (i, (account, name, kind, lang)) in accounts.iter().enumerate() {
        let new = NewAccount {
            id: id(account),
            kind: *kind,
            name: DisplayName::parse(name).unwrap(),
            language: Language::parse(lang).unwrap(),
            limits: None,
        };
        ops::open_account(
            &mut store,
            &treasurer(),
            new,
            at(2025, 11, 30, 10 + i as u32),
        )
        .unwrap();
    }
    pay(
        &mut store,
        "SYS-FUND",
        &[("M001", 200), ("M002", 200), ("M003", 200), ("M004", 200)],
        (WorkKind::Community, "Welcome credit"),
        date(2025, 12, 1),
        at(2025, 12, 1, 10),
        None,
    );
    pay(
        &mut store,
        "M002",
        &[("M001", 150)],
        (WorkKind::Care, "Soup for the neighbours"),
        date(2025, 12, 3),
        at(2025, 12, 3, 18),
        Some("S-1"),
    );
    let mistake = pay(
        &mut store,
        "M003",
        &[("M001", 300)],
        (WorkKind::Practical, "Bike repaired"),
        date(2025, 12, 20),
        at(2025, 12, 20, 15),
        Some("S-2"),
    );
    // Recorded at 00:30 Brussels time on 1 January: January's, not December's.
    pay(
        &mut store,
        "M001",
        &[("M004", 100)],
        (WorkKind::SelfDevelopment, "Dutch lesson"),
        date(2025, 12, 31),
        at(2025, 12, 31, 23) + chrono::Duration::minutes(30),
        Some("S-3"),
    );
    ops::reverse(
        &mut store,
        &treasurer(),
        mistake,
        Reason::parse("amount written wrong on the slip").unwrap(),
        None,
        at(2026, 1, 5, 9),
    )
    .unwrap();
    pay(
        &mut store,
        "M003",
        &[("M001", 250)],
        (WorkKind::Practical, "Bike repaired"),
        date(2025, 12, 20),
        at(2026, 1, 5, 9) + chrono::Duration::minutes(1),
        Some("S-2b"),
    );
    pay(
        &mut store,
        "INIT-X",
        &[("M001", 200), ("M002", 150), ("M004", 100)],
        (WorkKind::Community, "Sewing workshop in the group"),
        date(2026, 1, 17),
        at(2026, 1, 17, 16),
        Some("S-4"),
    );
    // Happened in January, typed in from the slip in February: a late entry.
    pay(
        &mut store,
        "M004",
        &[("M001", 75)],
        (WorkKind::Care, "Childcare during the parents' café"),
        date(2026, 1, 30),
        at(2026, 2, 2, 10),
        Some("S-5"),
    );
    pay(
        &mut store,
        "M001",
        &[("INIT-X", 100)],
        (WorkKind::SelfDevelopment, "Workshop fee"),
        date(2026, 2, 10),
        at(2026, 2, 10, 10),
        Some("S-6"),
    );
    store
}

fn statements_for(
    store: &mut Store,
    month: &str,
    accounts: &[&str],
) -> Vec<akker::statement::model::Statement> {
    let (month, issue) = issue(store, month);
    let ids: Vec<AccountId> = accounts.iter().map(|a| id(a)).collect();
    build::build_statements(store, month, &issue, Some(&ids)).unwrap()
}

/// Issues `month` two days after it ends, as a treasurer would, or a
/// minute after the last entry when the fixture holds later ones:
/// recording time never goes backwards.
fn issue(store: &mut Store, month: &str) -> (Month, IssueRow) {
    let month: Month = month.parse().unwrap();
    let after_month =
        month.next().start_utc(chrono_tz::Europe::Brussels) + chrono::Duration::days(2);
    let after_last =
        store.clock_state().unwrap().last_recorded_at.unwrap() + chrono::Duration::minutes(1);
    let now = after_month.max(after_last);
    (
        month,
        ops::issue_statements(store, &treasurer(), month, now).unwrap(),
    )
}

fn check_golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1") {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_GOLDEN=1", path.display()));
    assert!(expected == actual, "{name} differs from its golden file; if intended, run UPDATE_GOLDEN=1 cargo test --test statements and review the diff");
}

#[test]
fn statements_of_a_fixed_ledger_match_their_golden_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixed_ledger(&dir.path().join("fixed.db"));
    let statements = statements_for(&mut store, "2026-01", &["M001", "M002", "INIT-X"]);
    for s in &statements {
        check_golden(
            &format!("ledger-{}-2026-01.txt", s.account_id),
            &text::render_statement_text(s),
        );
        check_golden(
            &format!("ledger-{}-2026-01.html", s.account_id),
            &html::render_statement_html(s),
        );
    }
}

#[test]
fn a_late_entry_goes_to_the_month_it_was_recorded_in_with_its_own_date() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixed_ledger(&dir.path().join("fixed.db"));
    let january = &statements_for(&mut store, "2026-01", &["M001"])[0];
    let february = &statements_for(&mut store, "2026-02", &["M001"])[0];
    assert!(january
        .lines
        .iter()
        .all(|l| l.description != "Childcare during the parents' café"));
    let late = february
        .lines
        .iter()
        .find(|l| l.description == "Childcare during the parents' café")
        .expect("the late entry is on February's statement");
    assert_eq!(
        late.date,
        date(2026, 1, 30),
        "it keeps the date the exchange happened"
    );
    // Recorded at 00:30 on 1 January in Brussels (23:30 UTC): January's.
    assert!(january
        .lines
        .iter()
        .any(|l| l.description == "Dutch lesson"));
}

#[test]
fn opening_equals_the_previous_closing_across_the_year_boundary() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixed_ledger(&dir.path().join("fixed.db"));
    let accounts = ["M001", "M002", "M003", "M004", "INIT-X", "SYS-FUND"];
    let december = statements_for(&mut store, "2025-12", &accounts);
    let january = statements_for(&mut store, "2026-01", &accounts);
    let february = statements_for(&mut store, "2026-02", &accounts);
    for ((d, j), f) in december.iter().zip(&january).zip(&february) {
        assert_eq!(d.opening_minor, 0, "{} starts at zero", d.account_id);
        assert_eq!(
            j.opening_minor, d.closing_minor,
            "{}: January opens where December closed",
            j.account_id
        );
        assert_eq!(
            f.opening_minor, j.closing_minor,
            "{}: February opens where January closed",
            f.account_id
        );
        for s in [d, j, f] {
            let moved: i64 = s.lines.iter().map(|l| l.in_minor - l.out_minor).sum();
            assert_eq!(
                s.opening_minor + moved,
                s.closing_minor,
                "{} {}-{}: the lines explain the balance",
                s.account_id,
                s.year,
                s.month
            );
        }
    }
    let current = store.account(&id("M001")).unwrap().unwrap().balance;
    assert_eq!(
        february[0].closing_minor,
        current.minor(),
        "February's closing is today's balance"
    );
    // The reversal is on January's statement, marked, with its reason.
    let reversal = january[2]
        .lines
        .iter()
        .find(|l| l.reverses.is_some())
        .expect("M003's January statement shows the reversal");
    assert_eq!(
        reversal.reverses.as_ref().unwrap().reason,
        "amount written wrong on the slip"
    );
}

#[test]
fn one_accounts_statement_alone_is_the_one_in_the_months_batch() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixed_ledger(&dir.path().join("fixed.db"));
    for month in ["2025-12", "2026-01", "2026-02"] {
        let (month, issue) = issue(&mut store, month);
        let batch = build::build_statements(&store, month, &issue, None).unwrap();
        assert!(batch.len() >= 6, "every open account has a statement");
        let as_json = |statements: &[akker::statement::model::Statement]| {
            serde_json::to_value(statements).unwrap()
        };
        // Asked for by name, all together: an exchange between two of them
        // appears once on each side, as in the batch.
        let all: Vec<AccountId> = batch.iter().map(|s| id(&s.account_id)).collect();
        let named = build::build_statements(&store, month, &issue, Some(&all)).unwrap();
        assert_eq!(as_json(&named), as_json(&batch), "{month}, all named");
        for statement in &batch {
            let account = id(&statement.account_id);
            let alone = build::build_statements(&store, month, &issue, Some(&[account])).unwrap();
            assert_eq!(
                serde_json::to_value(&alone[0]).unwrap(),
                serde_json::to_value(statement).unwrap(),
                "{} {month}: read alone (the command line, the kiosk) or in the batch",
                statement.account_id
            );
        }
    }
}

#[test]
fn every_code_of_every_issued_month_checks_out_typed_or_scanned() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixed_ledger(&dir.path().join("fixed.db"));
    let mut printed = Vec::new();
    for month in ["2025-12", "2026-01", "2026-02"] {
        let (month, issue) = issue(&mut store, month);
        printed.extend(build::build_statements(&store, month, &issue, None).unwrap());
    }
    for statement in &printed {
        let typed = &statement.verification.code;
        let scanned = &statement.verification.qr_payload;
        for text in [typed, scanned] {
            let found = check::check(&store, text)
                .unwrap()
                .unwrap_or_else(|| panic!("{text} of {} matches", statement.account_id));
            assert_eq!(
                (
                    found.account.as_str(),
                    found.period.as_str(),
                    found.amount.minor()
                ),
                (
                    statement.account_id.as_str(),
                    format!("{}-{:02}", statement.year, statement.month).as_str(),
                    statement.closing_minor
                ),
                "{text}: the account, month and closing balance on the paper"
            );
        }
    }
}

#[test]
fn reissuing_a_month_gives_identical_statements() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixed_ledger(&dir.path().join("fixed.db"));
    let first = text::render_statement_text(&statements_for(&mut store, "2026-01", &["M001"])[0]);
    // Something recorded later must not change an issued month.
    pay(
        &mut store,
        "M002",
        &[("M001", 50)],
        (WorkKind::Care, "Later help"),
        date(2026, 3, 1),
        at(2026, 3, 1, 10),
        Some("S-9"),
    );
    let again = text::render_statement_text(&statements_for(&mut store, "2026-01", &["M001"])[0]);
    assert_eq!(first, again);
}

#[test]
fn a_month_cannot_be_issued_before_it_ends() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixed_ledger(&dir.path().join("fixed.db"));
    let month: Month = "2026-02".parse().unwrap();
    let err =
        ops::issue_statements(&mut store, &treasurer(), month, at(2026, 2, 20, 10)).unwrap_err();
    assert!(err.to_string().contains("2026-02"), "{err}");
}

/// Writes the fixed ledger with a key file so the real binary can use it.
fn ledger_on_disk(dir: &Path) -> PathBuf {
    let db = dir.join("fixed.db");
    drop(fixed_ledger(&db));
    let key = akker::signing::keyfile::seal(
        &SigningKey::from_bytes(&[7; 32]),
        PASSPHRASE,
        KdfParams {
            memory_kib: 256,
            iterations: 1,
            parallelism: 1,
        },
    )
    .unwrap();
    std::fs::write(dir.join("fixed.db.key"), key).unwrap();
    db
}

fn akker(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_akker"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("AKKER_PASSPHRASE", PASSPHRASE)
        .env("AKKER_NOW", "2026-03-03T10:00:00Z")
        .output()
        .unwrap()
}

#[test]
fn statement_check_accepts_a_true_code_and_refuses_a_changed_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledger_on_disk(dir.path());
    let out = akker(&db, &["--json", "statement", "M001", "--month", "2026-01"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let statement: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let code = statement["verification"]["code"]
        .as_str()
        .unwrap()
        .to_string();
    let qr = statement["verification"]["qr_payload"]
        .as_str()
        .unwrap()
        .to_string();

    let ok = akker(&db, &["statement", "check", &code]);
    assert!(
        ok.status.success(),
        "a true code matches: {}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("M001"));
    assert!(
        akker(&db, &["statement", "check", &qr.to_lowercase()])
            .status
            .success()
            || akker(&db, &["statement", "check", &qr]).status.success()
    );

    // One character changed, as someone editing the paper would.
    let mut changed: Vec<char> = code.chars().collect();
    changed[0] = if changed[0] == 'A' { 'B' } else { 'A' };
    let changed: String = changed.into_iter().collect();
    let refused = akker(&db, &["statement", "check", &changed]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("NO MATCH"));
    // A QR payload with a changed closing balance but the old code.
    let closing = statement["closing_minor"].as_i64().unwrap();
    let printed = format!("/{}.{:02}/", closing / 100, closing % 100);
    assert!(qr.contains(&printed), "{qr} carries the closing balance");
    let forged = qr.replace(&printed, "/99.00/");
    assert_eq!(
        akker(&db, &["statement", "check", &forged]).status.code(),
        Some(1),
        "a changed balance with the old code is refused"
    );
}

fn pdftotext(pdf: &Path) -> Option<String> {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn the_month_batch_writes_one_pdf_per_account_and_one_to_print() {
    let dir = tempfile::tempdir().unwrap();
    let db = ledger_on_disk(dir.path());
    let out_dir = dir.path().join("out");
    let out = akker(
        &db,
        &[
            "statements",
            "--month",
            "2026-01",
            "--out",
            out_dir.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for account in ["M001", "M002", "M003", "M004", "INIT-X", "SYS-FUND"] {
        assert!(
            out_dir.join(format!("{account}-2026-01.pdf")).exists(),
            "{account}'s statement"
        );
    }
    let combined = out_dir.join("all-2026-01.pdf");
    assert!(combined.exists());
    // Printed on both sides, each statement starts on a front page: the
    // combined file has each statement's pages rounded up to even.
    let pages_of = |path: &Path| lopdf::Document::load(path).unwrap().get_pages().len();
    let singles: Vec<usize> = ["INIT-X", "M001", "M002", "M003", "M004", "SYS-FUND"]
        .iter()
        .map(|a| pages_of(&out_dir.join(format!("{a}-2026-01.pdf"))))
        .collect();
    assert_eq!(
        pages_of(&combined),
        singles.iter().map(|n| n.div_ceil(2) * 2).sum::<usize>(),
        "{singles:?}"
    );
    let Some(m001) = pdftotext(&out_dir.join("M001-2026-01.pdf")) else {
        skip::tool_missing(
            "pdftotext",
            "apt-get install poppler-utils",
            "checking the statement PDF's text",
        );
        return;
    };
    // The Arabic name is shaped for display; pdftotext gives the logical text back.
    assert!(
        m001.contains("فاطمة الزهراء"),
        "the Arabic name is in the PDF:\n{m001}"
    );
    for what in [
        "Sewing workshop in the group",
        "Bike repaired",
        "Dutch lesson",
    ] {
        assert!(m001.contains(what), "{what} is on M001's January statement");
    }
    let m002 = pdftotext(&out_dir.join("M002-2026-01.pdf")).unwrap();
    assert!(
        m002.contains("Олена Коваленко"),
        "the Cyrillic name is in the PDF"
    );
    // Opening 0.50 and closing 2.00 of M002 (English: uk falls back to en).
    assert!(m002.contains("0.50") && m002.contains("2.00"), "{m002}");
    let all = pdftotext(&combined).unwrap();
    for name in [
        "فاطمة الزهراء",
        "Олена Коваленко",
        "Zoë Lefèvre",
        "Jan Peeters",
    ] {
        assert!(all.contains(name), "{name} in the combined file");
    }
}
