//! The papers as a member, a job centre or a screen reader gets them, on
//! the real binary: the organisation's details and the treasurer's key
//! fingerprint on an attestation in the institution's language, whom to
//! ask on a statement, no command to type, a month before the ledger
//! began refused in plain words, Arabic amounts with their sign before
//! the number, and tagged PDFs (pdfinfo) with akker named as producer.

mod common;

use std::path::Path;
use std::process::Command;

use akker::store::Store;
use chrono::{Datelike, Duration, NaiveDate, Utc};
use common::Ledger;

/// The demo with the organisation's and treasurer's signed settings.
fn demo_with_settings() -> Ledger {
    let ledger = Ledger::demo_copy();
    for (name, value) in [
        ("organisation.name", "Buurtuur Sint-Gillis vzw"),
        ("organisation.address", "Hoogstraat 12, 1060 Sint-Gillis"),
        ("organisation.registration", "0712.345.678"),
        ("organisation.contact", "info@buurtuur.example"),
        ("organisation.signatory", "Els Janssens"),
        ("organisation.signatory-role", "voorzitter"),
        ("organisation.place", "Sint-Gillis"),
        (
            "organisation.check-address",
            "https://kiosk.buurtuur.example/check",
        ),
        ("treasurer.name", "Marc Peeters"),
        ("treasurer.contact", "0470 12 34 56"),
    ] {
        ledger.ok(&["settings", "set", name, value]);
    }
    ledger
}

fn fingerprint(ledger: &Ledger) -> String {
    let store = Store::open_read_only(ledger.db()).unwrap();
    akker::signing::fingerprint(&store.treasurer_key().unwrap())
}

fn last_month() -> (NaiveDate, NaiveDate, String) {
    let today = Utc::now().date_naive();
    let to = today.with_day(1).unwrap() - Duration::days(1);
    let from = to.with_day(1).unwrap();
    (from, to, to.format("%Y-%m").to_string())
}

#[test]
fn an_attestation_carries_the_organisation_the_signature_and_the_key() {
    let ledger = demo_with_settings();
    let (_, to, _) = last_month();
    let from = to - Duration::days(364);
    let attest = |lang: &str| {
        ledger.ok(&[
            "attest",
            "M003",
            "--from",
            &from.to_string(),
            "--to",
            &to.to_string(),
            "--lang",
            lang,
            "--format",
            "text",
            "--out",
            "-",
        ])
    };
    // M003 reads Arabic; the job centre reads Dutch.
    let nl = attest("nl");
    for needle in [
        "Buurtuur Sint-Gillis vzw",
        "Hoogstraat 12, 1060 Sint-Gillis",
        "Ondernemingsnummer: 0712.345.678",
        "Opgemaakt te Sint-Gillis op",
        "Handtekening",
        "Els Janssens, voorzitter",
        "Marc Peeters (0470 12 34 56)",
        "https://kiosk.buurtuur.example/check",
        &fingerprint(&ledger),
    ] {
        assert!(nl.contains(needle), "{needle:?} missing:\n{nl}");
    }
    assert!(!nl.contains("akker statement check"), "{nl}");
    let fr = attest("fr");
    assert!(fr.contains("Attestation d’engagement") && fr.contains("Fait à Sint-Gillis"));
    ledger
        .run(&[
            "attest",
            "M003",
            "--from",
            "2026-01-01",
            "--to",
            "2026-01-31",
            "--lang",
            "de",
        ])
        .expect(2);
}

/// With a check address set, the attestation's QR code holds that address
/// with the code, so an institution's phone opens the page to check it;
/// `akker statement check` reads the code back out of the scanned text.
#[test]
fn an_attestations_qr_code_holds_the_check_address_with_its_code() {
    let ledger = demo_with_settings();
    let (_, to, _) = last_month();
    let from = to - Duration::days(364);
    let out = ledger.ok(&[
        "--json",
        "attest",
        "M003",
        "--from",
        &from.to_string(),
        "--to",
        &to.to_string(),
    ]);
    let model: serde_json::Value = serde_json::from_str(&out).unwrap();
    let code = model["verification"]["code"].as_str().unwrap();
    let payload = model["verification"]["qr_payload"].as_str().unwrap();
    assert_eq!(
        payload,
        format!("https://kiosk.buurtuur.example/check?code={code}")
    );
    // Short enough for the kiosk's code field, which a scanner types into.
    assert!(payload.chars().count() <= 100, "{payload}");
    let checked = ledger.ok(&["statement", "check", payload]);
    assert!(
        checked.contains("MATCH") && !checked.contains("NO MATCH"),
        "{checked}"
    );
}

#[test]
fn a_statement_names_the_treasurer_and_never_asks_for_a_command() {
    let ledger = demo_with_settings();
    let (_, _, month) = last_month();
    for (account, words) in [
        ("M001", "Votre trésorier : Marc Peeters (0470 12 34 56)"),
        ("M002", "Uw penningmeester: Marc Peeters (0470 12 34 56)"),
    ] {
        let text = ledger.ok(&[
            "statement",
            account,
            "--month",
            &month,
            "--format",
            "text",
            "--out",
            "-",
        ]);
        assert!(text.contains(words), "{text}");
        assert!(text.contains(&fingerprint(&ledger)), "{text}");
        assert!(!text.contains("akker statement check"), "{text}");
    }
}

#[test]
fn a_month_before_the_ledger_began_is_refused_plainly() {
    let ledger = Ledger::new();
    ledger.open("M001", "Marie");
    let before = Utc::now().date_naive() - Duration::days(400);
    let month = before.format("%Y-%m").to_string();
    ledger
        .run(&["statement", "M001", "--month", &month])
        .expect(1)
        .says(&["the ledger began in", "there are no statements for"]);
    let ledger = Ledger::demo_copy();
    let refused = ledger
        .run(&["statement", "M001", "--month", "2019-03"])
        .expect(1)
        .says(&["the ledger began in", "there are no statements for 2019-03"]);
    assert!(!refused.stderr.contains("damaged"), "{}", refused.stderr);
}

#[test]
fn arabic_amounts_keep_their_sign_before_the_number() {
    let ledger = Ledger::demo_copy();
    let (_, _, month) = last_month();
    // Every month of the chart is printed; a negative figure appears in
    // Arabic text and HTML as one left-to-right unit with its sign first.
    for format in ["text", "html"] {
        let out = ledger.ok(&[
            "statement",
            "M003",
            "--month",
            &month,
            "--format",
            format,
            "--out",
            "-",
        ]);
        // "20.00-": an amount (two decimals) followed by its sign.
        let chars: Vec<char> = out.chars().collect();
        let trailing_sign = chars.windows(5).any(|w| {
            w[0].is_ascii_digit()
                && w[1] == '.'
                && w[2].is_ascii_digit()
                && w[3].is_ascii_digit()
                && w[4] == '-'
        });
        assert!(!trailing_sign, "{format}: an amount with its sign after it");
        // The floor (-20.00) is always printed: isolated, sign first.
        assert!(
            out.contains("\u{2066}-20.00\u{2069}"),
            "{format}: negative amounts are isolated"
        );
    }
}

fn pdfinfo(path: &Path) -> Option<String> {
    let out = Command::new("pdfinfo").arg(path).output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn statements_attestations_and_the_report_are_tagged_pdfs() {
    let ledger = demo_with_settings();
    let (from, to, month) = last_month();
    let dir = ledger.dir().to_path_buf();
    let statement = dir.join("s.pdf");
    let arabic = dir.join("ar.pdf");
    let attestation = dir.join("a.pdf");
    let report_dir = dir.join("report");
    ledger.ok(&[
        "statement",
        "M001",
        "--month",
        &month,
        "--out",
        statement.to_str().unwrap(),
    ]);
    ledger.ok(&[
        "statement",
        "M003",
        "--month",
        &month,
        "--out",
        arabic.to_str().unwrap(),
    ]);
    ledger.ok(&[
        "attest",
        "M001",
        "--from",
        &from.to_string(),
        "--to",
        &to.to_string(),
        "--out",
        attestation.to_str().unwrap(),
    ]);
    ledger.ok(&[
        "report",
        "--from",
        &from.to_string(),
        "--to",
        &to.to_string(),
        "--out",
        report_dir.to_str().unwrap(),
    ]);
    let report = report_dir.join("report.pdf");
    for path in [&statement, &arabic, &attestation, &report] {
        let Some(info) = pdfinfo(path) else {
            eprintln!("pdfinfo is not installed (apt-get install poppler-utils): not checked");
            return;
        };
        assert!(
            info.contains("Tagged:          yes"),
            "{}: {info}",
            path.display()
        );
        assert!(
            info.contains("Producer:        akker"),
            "{}: {info}",
            path.display()
        );
        assert!(info.contains("Title:"), "{info}");
    }
}
