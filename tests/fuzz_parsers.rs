//! Fuzzing every parser of text a person types or a spreadsheet holds:
//! amounts, dates (the command line's and the spreadsheet's), account
//! ids, card codes, PINs, months, languages, skills, kinds of work, the
//! free texts, the spreadsheet reader itself and a whole exchanges
//! import planned against a real ledger. Proptest, for a fixed number of
//! cases in every `cargo test` run (PROPTEST_CASES raises it for a long
//! run). Each property is the same: no panic, and every refusal comes
//! with a message that says something.

mod common;

use chrono::Utc;
use proptest::prelude::*;

use akker::interchange::import::{exchanges, fields, Snapshot, Source};
use akker::interchange::{sheet, words};
use akker::ledger::text::checked_text;
use akker::ledger::{
    AccountId, Amount, Description, DisplayName, Language, Month, Reason, Skill, SlipRef, WorkKind,
};
use akker::signing::keys::{CardCode, Pin};
use akker::store::Store;

/// Cases per property in a normal run.
const CASES: u32 = 300;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(CASES),
        // Failures are reported in the test output; no files in the tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A refusal must say something a person can act on.
fn says_something(message: &str) {
    assert!(
        message.trim().len() >= 10,
        "a refusal without a message: {message:?}"
    );
}

fn check<T, E: std::fmt::Display>(result: Result<T, E>) {
    if let Err(err) = result {
        says_something(&err.to_string());
    }
}

/// Text that looks like what people type, with the characters that break
/// parsers mixed in: signs, separators, digits, letters with accents,
/// Arabic, controls, bidi controls, joiners, huge numbers.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[-+0-9.,/ ]{0,24}",
        "[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{1,5}",
        "[0-9]{1,5}-[0-9]{1,2}(-[0-9]{1,2})?",
        "[A-Za-z0-9-]{0,40}/[A-Za-z0-9 -]{0,24}",
        "[a-zA-Zéëçşığ\u{0600}-\u{06FF}\u{200B}-\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069}\t\n ]{0,30}",
        "-?9{15,30}(\\.[0-9]{1,3})?",
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn amounts(text in typed()) {
        check(Amount::parse_signed(&text));
        check(Amount::parse_positive(&text));
        check(akker::cli::parse::amount(&text));
        check(akker::cli::parse::signed_amount(&text));
        check(fields::positive_amount(&text));
        if let Ok(amount) = Amount::parse_signed(&text) {
            prop_assert!(amount.minor().unsigned_abs() <= 100_000_000);
        }
    }

    #[test]
    fn dates_and_months(text in typed()) {
        check(akker::cli::parse::date(&text));
        check(fields::date(&text));
        check(akker::cli::parse::month(&text));
        check(text.parse::<Month>());
        for date in [akker::cli::parse::date(&text).ok(), fields::date(&text).ok()].into_iter().flatten() {
            use chrono::Datelike;
            prop_assert!(date.year() >= 1900);
        }
    }

    #[test]
    fn ids_codes_and_words(text in typed()) {
        check(AccountId::parse(&text));
        check(CardCode::parse(&text));
        check(Pin::parse(&text));
        check(Language::parse(&text));
        check(Skill::parse(&text));
        check(text.parse::<WorkKind>());
        check(fields::work(&text));
        check(fields::account_kind(&text));
        check(fields::language(&text));
        check(fields::closed(&text));
        check(fields::skill(&text));
        let _ = words::fold(&text);
    }

    #[test]
    fn free_texts(text in typed()) {
        check(DisplayName::parse(&text));
        check(Description::parse(&text));
        check(Reason::parse(&text));
        check(SlipRef::parse(&text));
        if let Ok(clean) = checked_text(&text, "text") {
            // What is kept is kept for good: checking it again changes nothing.
            prop_assert_eq!(checked_text(&clean, "text").ok(), Some(clean.clone()));
            let bidi = '\u{202A}'..='\u{202E}';
            let refused = clean.chars().any(|c| c.is_control() || bidi.contains(&c));
            prop_assert!(!refused, "kept a control character: {:?}", clean);
        }
    }

    #[test]
    fn the_spreadsheet_reader(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        match sheet::read(&bytes, None, exchanges::COLUMNS) {
            Ok((_, problems)) | Err(problems) => {
                for problem in problems {
                    says_something(&problem.message);
                }
            }
        }
    }
}

/// Lines built from plausible and broken cells, under a header that may
/// be in Dutch, French or English.
fn exchange_file() -> impl Strategy<Value = Vec<u8>> {
    let header = prop_oneof![
        Just("date,from,to,amount,work,description"),
        Just("Datum;Van;Aan;Uren;Soort werk;Omschrijving"),
        Just("Date;De;À;Heures;Type de travail;Description"),
    ];
    let cell = prop_oneof![
        Just("M001".to_string()),
        Just("M002".to_string()),
        Just("03/10/2026".to_string()),
        Just("1,50".to_string()),
        Just("zorg".to_string()),
        Just("\"two\r\nlines\"".to_string()),
        typed(),
    ];
    let line = proptest::collection::vec(cell, 0..8);
    (
        header,
        proptest::collection::vec(line, 0..12),
        any::<bool>(),
    )
        .prop_map(|(header, lines, crlf)| {
            let separator = if header.contains(';') { ";" } else { "," };
            let end = if crlf { "\r\n" } else { "\n" };
            let mut text = format!("{header}{end}");
            for line in lines {
                text.push_str(&line.join(separator));
                text.push_str(end);
            }
            text.into_bytes()
        })
}

#[test]
fn a_whole_exchanges_import_never_panics_and_says_what_is_wrong() {
    let ledger = common::Ledger::new();
    ledger.open("M001", "Zoë");
    ledger.open("M002", "Ahmed");
    let store = Store::open(ledger.db()).expect("open the ledger");
    let mut runner = proptest::test_runner::TestRunner::new(config());
    runner
        .run(&exchange_file(), |bytes| {
            let source = Source {
                name: "fuzz.csv",
                bytes: &bytes,
                delimiter: None,
            };
            let snapshot = Snapshot::of(&store, Utc::now()).expect("a snapshot");
            match exchanges::plan(&source, snapshot, &exchanges::Options::default()) {
                Ok(plan) => prop_assert!(plan.entries.len() <= 12),
                Err(problems) => {
                    prop_assert!(!problems.is_empty());
                    for problem in problems {
                        says_something(&problem.message);
                    }
                }
            }
            Ok(())
        })
        .unwrap();
}
