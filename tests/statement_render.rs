//! Renderer tests on the fixed sample statement: golden files for text and
//! HTML (rewrite with UPDATE_GOLDEN=1), PDF content through `pdftotext`,
//! number formats and translation fallback.

use std::path::PathBuf;
use std::process::Command;

use akker::i18n::{Arg, Messages, LANGUAGES};
use akker::statement::{html, pdf, sample, text};

/// Compares with tests/golden/NAME, or rewrites it when UPDATE_GOLDEN=1.
fn check_golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1") {
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_GOLDEN=1", path.display()));
    assert!(
        expected == actual,
        "{name} differs from its golden file; if the change is intended, run UPDATE_GOLDEN=1 cargo test"
    );
}

#[test]
fn text_statements_match_golden_files() {
    check_golden(
        "member-nl.txt",
        &text::render_statement_text(&sample::member_statement("nl")),
    );
    check_golden(
        "member-ar.txt",
        &text::render_statement_text(&sample::member_statement("ar")),
    );
    check_golden(
        "member-tr.txt",
        &text::render_statement_text(&sample::member_statement("tr")),
    );
    check_golden(
        "initiative-en.txt",
        &text::render_statement_text(&sample::initiative_statement("en")),
    );
    check_golden(
        "attestation-fr.txt",
        &text::render_attestation_text(&sample::attestation("fr")),
    );
}

#[test]
fn html_statements_match_golden_files() {
    check_golden(
        "member-nl.html",
        &html::render_statement_html(&sample::member_statement("nl")),
    );
    check_golden(
        "member-ar.html",
        &html::render_statement_html(&sample::member_statement("ar")),
    );
    check_golden(
        "initiative-en.html",
        &html::render_statement_html(&sample::initiative_statement("en")),
    );
    check_golden(
        "attestation-fr.html",
        &html::render_attestation_html(&sample::attestation("fr")),
    );
}

#[test]
fn html_escapes_user_text() {
    let mut statement = sample::member_statement("en");
    statement.display_name = "<script>alert(1)</script> & co".to_owned();
    statement.lines[0].description = "\"quoted\" <b>bold</b>".to_owned();
    let page = html::render_statement_html(&statement);
    assert!(!page.contains("<script>alert"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    assert!(page.contains("&lt;b&gt;bold&lt;/b&gt;"));
}

#[test]
fn arabic_html_is_right_to_left() {
    let page = html::render_statement_html(&sample::member_statement("ar"));
    assert!(page.contains(r#"<html lang="ar" dir="rtl">"#));
    let page = html::render_statement_html(&sample::member_statement("nl"));
    assert!(page.contains(r#"<html lang="nl" dir="ltr">"#));
}

#[test]
fn text_columns_line_up_whatever_the_script() {
    use unicode_width::UnicodeWidthStr;
    let out = text::render_statement_text(&sample::initiative_statement("en"));
    let rows: Vec<&str> = out
        .lines()
        .skip_while(|l| *l != "Who gave hours to this group")
        .filter(|l| {
            [
                sample::MEMBER_NAME,
                sample::CYRILLIC_NAME,
                sample::TURKISH_NAME,
                sample::ACCENTED_NAME,
            ]
            .iter()
            .any(|name| l.trim_start().starts_with(name))
        })
        .collect();
    assert_eq!(rows.len(), 4, "one contributor row per name:\n{out}");
    let widths: Vec<usize> = rows.iter().map(|r| r.width()).collect();
    assert!(
        widths.iter().all(|w| *w == widths[0]),
        "rows differ in width: {widths:?}\n{}",
        rows.join("\n")
    );
}

#[test]
fn amounts_use_the_language_decimal_separator() {
    assert_eq!(Messages::for_language("nl").fmt_amount(150), "1,50");
    assert_eq!(Messages::for_language("fr").fmt_amount(150), "1,50");
    assert_eq!(Messages::for_language("tr").fmt_amount(150), "1,50");
    assert_eq!(Messages::for_language("en").fmt_amount(150), "1.50");
    assert_eq!(Messages::for_language("ar").fmt_amount(150), "1.50");
    assert_eq!(Messages::for_language("en").fmt_amount(-2000), "-20.00");
    assert_eq!(Messages::for_language("nl").fmt_amount(123_456), "1.234,56");
    assert!(text::render_statement_text(&sample::member_statement("nl")).contains("1,50"));
    assert!(text::render_statement_text(&sample::member_statement("en")).contains("1.50"));
}

#[test]
fn dates_and_months_are_written_per_language() {
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 3).expect("valid date");
    let plain = |s: String| s.replace('\u{a0}', " ");
    assert_eq!(
        plain(Messages::for_language("nl").fmt_date(date)),
        "3 november 2026"
    );
    assert_eq!(
        plain(Messages::for_language("fr").fmt_date(date)),
        "3 novembre 2026"
    );
    assert_eq!(
        plain(Messages::for_language("en").fmt_date(date)),
        "3 November 2026"
    );
    assert_eq!(
        plain(Messages::for_language("tr").fmt_date(date)),
        "3 Kasım 2026"
    );
    assert_eq!(
        Messages::for_language("nl").fmt_month(2026, 11),
        "november 2026"
    );
    assert_eq!(Messages::for_language("nl").month_name(13), "");
}

#[test]
fn unknown_language_falls_back_to_english() {
    let messages = Messages::for_language("xx-YY");
    assert_eq!(messages.msg("statement-title", &[]), "Statement");
    assert_eq!(
        Messages::for_language("nl-BE").msg("statement-title", &[]),
        "Rekeninguittreksel"
    );
}

#[test]
fn a_missing_message_falls_back_to_english_never_to_its_key() {
    let partial = Messages::from_ftl("nl", "statement-title = Uittreksel\n").expect("valid ftl");
    assert_eq!(partial.msg("statement-title", &[]), "Uittreksel");
    assert!(!partial.has_own_message("balance-now"));
    assert_eq!(partial.msg("balance-now", &[]), "Your balance");
    let count = partial.msg("exchange-count", &[("count", Arg::Int(3))]);
    assert_eq!(count, "3 exchanges");
    // A whole statement in the partial language shows no key names.
    let out = text::render_statement_text_with(&sample::member_statement("nl"), &partial);
    for key in ["balance-now", "lines-title", "verify-title", "work-care"] {
        assert!(!out.contains(key), "key {key} leaked into:\n{out}");
    }
}

/// Message ids in a Fluent file (lines "id = ...").
fn ids(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|l| !l.starts_with([' ', '#', '*', '[']) && l.contains(" = "))
        .filter_map(|l| l.split(" = ").next().map(str::to_owned))
        .collect()
}

#[test]
fn every_shipped_language_parses_and_is_complete() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("locales");
    let english = std::fs::read_to_string(root.join("en/akker.ftl")).expect("en file");
    let english_ids = ids(&english);
    for lang in LANGUAGES {
        let source = std::fs::read_to_string(root.join(lang).join("akker.ftl")).expect("ftl file");
        let messages = Messages::from_ftl(lang, &source).expect("parses");
        let missing: Vec<&String> = english_ids
            .iter()
            .filter(|id| !messages.has_own_message(id))
            .collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
    }
}

#[test]
fn messages_and_fonts_can_be_shared_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Messages>();
    shareable::<pdf::FontSet>();
}

/// Text of a PDF through pdftotext, without the bidi marks it adds around
/// right-to-left text, and with no-break spaces as spaces.
fn pdf_text(bytes: &[u8], name: &str) -> String {
    let path = std::env::temp_dir().join(format!("akker-test-{}-{name}.pdf", std::process::id()));
    std::fs::write(&path, bytes).expect("write pdf");
    let output = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext is installed (apt-get install poppler-utils)");
    let _ = std::fs::remove_file(&path);
    assert!(output.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&output.stdout)
        .chars()
        .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .map(|c| if c == '\u{a0}' { ' ' } else { c })
        .collect()
}

#[test]
fn pdf_holds_every_name_balance_and_description() {
    for lang in ["nl", "ar"] {
        let statement = sample::member_statement(lang);
        let messages = Messages::for_language(lang);
        let bytes = pdf::render_statement_pdf(&statement, messages).expect("pdf");
        assert!(bytes.starts_with(b"%PDF"));
        let found = pdf_text(&bytes, lang);
        for needle in [
            sample::MEMBER_NAME,
            sample::CYRILLIC_NAME,
            sample::TURKISH_NAME,
            sample::ACCENTED_NAME,
        ] {
            assert!(
                found.contains(needle),
                "{lang}: {needle} not in PDF text:\n{found}"
            );
        }
        for minor in [statement.opening_minor, statement.closing_minor] {
            let amount = messages.fmt_amount(minor).replace('\u{200e}', "");
            assert!(
                found.contains(&amount),
                "{lang}: balance {amount} not in PDF text"
            );
        }
        for line in &statement.lines {
            assert!(
                found.contains(&line.description),
                "{lang}: '{}' not in PDF",
                line.description
            );
        }
    }
}

#[test]
fn batch_pdf_starts_each_account_on_a_new_page_and_long_statements_flow() {
    let messages = Messages::for_language("nl");
    let long = sample::long_statement("nl", 40);
    let pages_long = pdf::layout_statement(&long, messages).len();
    assert!(
        pages_long >= 3,
        "40 lines should need several pages, got {pages_long}"
    );
    let short = sample::member_statement("fr");
    let pages_short = pdf::layout_statement(&short, Messages::for_language("fr")).len();
    let statements = [long, short];
    let singles = pdf::render_statement_pdfs(&statements, || ()).expect("pdf");
    let combined = pdf::combine_statement_pdfs(&statements, &singles).expect("joined");
    // pdftotext separates pages with a form feed.
    let pages = |bytes: &[u8], name: &str| pdf_text(bytes, name).matches('\u{c}').count();
    assert_eq!(pages(&singles[0], "long"), pages_long);
    assert_eq!(pages(&singles[1], "short"), pages_short);
    let found = pdf_text(&combined, "batch");
    // For duplex printing each account starts on a front page: a blank
    // back page, marked so in the member's language, follows an odd count.
    let even = |n: usize| n.div_ceil(2) * 2;
    assert_eq!(
        found.matches('\u{c}').count(),
        even(pages_long) + even(pages_short)
    );
    assert!(found.contains("Relevé de compte"));
    if pages_long % 2 == 1 {
        let blank = found.split('\u{c}').nth(pages_long).unwrap_or_default();
        assert!(
            blank.contains("Deze pagina is met opzet leeg gelaten."),
            "{blank}"
        );
    }
    let first_short_page = found
        .split('\u{c}')
        .nth(even(pages_long))
        .unwrap_or_default();
    assert!(
        first_short_page.contains("Relevé de compte"),
        "{first_short_page}"
    );
}

#[test]
fn attestation_pdf_names_the_member_and_total() {
    let attestation = sample::attestation("tr");
    let messages = Messages::for_language("tr");
    let bytes = pdf::render_attestation_pdf(&attestation, messages).expect("pdf");
    let found = pdf_text(&bytes, "attestation");
    assert!(found.contains(sample::MEMBER_NAME));
    assert!(found.contains(&messages.fmt_amount(attestation.total_given_minor)));
    assert!(found.contains(sample::INITIATIVE_NAME));
}

/// A statement with a correction and a running balance (the member's), one
/// below its floor, a system account's, and one with the limit policy and
/// requests (a soft-limit notice, a grown floor and its change, pending,
/// declined and expired requests, a gift and a fund run), plus an
/// attestation with the organisation's details, each in every language.
#[test]
fn every_kind_of_paper_in_every_language_matches_its_golden_file() {
    for lang in LANGUAGES {
        for (kind, statement) in [
            ("reversal", sample::member_statement(lang)),
            ("below-floor", sample::below_floor_statement(lang)),
            ("system", sample::system_statement(lang)),
            ("policy", sample::policy_statement(lang)),
        ] {
            check_golden(
                &format!("paper-{kind}-{lang}.txt"),
                &text::render_statement_text(&statement),
            );
            check_golden(
                &format!("paper-{kind}-{lang}.html"),
                &html::render_statement_html(&statement),
            );
        }
        check_golden(
            &format!("paper-attestation-{lang}.txt"),
            &text::render_attestation_text(&sample::attestation(lang)),
        );
    }
}

#[test]
fn the_papers_say_what_their_numbers_mean() {
    let en = |statement| text::render_statement_text(&statement);
    let member = en(sample::member_statement("en"));
    // The correction reads as one, with the date of the line it undoes.
    assert!(
        member.contains("Correction: Fiets hersteld (bike repair)"),
        "{member}"
    );
    // Dates never break: their spaces are no-break spaces.
    assert!(member.contains("This undoes entry #1207 of 5\u{a0}November\u{a0}2026."));
    assert!(member.contains("Undone later this month by entry #1224."));
    let below = en(sample::below_floor_statement("en"));
    let below = below.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        below.contains("Your balance is below your floor of -1.00 uur."),
        "{below}"
    );
    let system = en(sample::system_statement("en"));
    assert!(system.contains("This is a community account"), "{system}");
    assert!(!system.contains("You received more help than you gave"));
}

/// The soft-limit notice on either side, and a grown floor stopped by its
/// cap, say what they mean with the account's own numbers, in every
/// language (the numbers as the language writes them).
#[test]
fn a_soft_ceiling_and_a_capped_floor_say_what_they_mean() {
    use akker::statement::model::{LimitSide, SoftNotice};
    for lang in LANGUAGES {
        let mut statement = sample::policy_statement(lang);
        statement.closing_minor = 3500;
        statement.soft_notice = Some(SoftNotice {
            side: LimitSide::Ceiling,
            limit_minor: 3000,
        });
        if let Some(grown) = statement.grown_floor.as_mut() {
            grown.given_minor = 10000;
            grown.growth_minor = 5000;
            grown.uncapped_minor = -6000;
            grown.floor_minor = -4000;
            grown.capped = true;
        }
        let m = Messages::for_language(lang);
        let out = text::render_statement_text(&statement);
        let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
        let ceiling = m.msg(
            "soft-notice-title-ceiling",
            &[
                ("limit", akker::i18n::Arg::Str(&m.fmt_amount_isolated(3000))),
                ("unit", akker::i18n::Arg::Str("uur")),
            ],
        );
        assert!(
            flat.contains(&ceiling),
            "{lang}: {ceiling:?} missing:\n{out}"
        );
        for figure in [-6000, -4000, 5000, 10000] {
            let amount = m.fmt_amount_isolated(figure);
            assert!(flat.contains(&amount), "{lang}: {amount} missing:\n{out}");
        }
    }
    let en = text::render_statement_text(&{
        let mut s = sample::policy_statement("en");
        if let Some(grown) = s.grown_floor.as_mut() {
            (grown.uncapped_minor, grown.floor_minor, grown.capped) = (-6000, -4000, true);
        }
        s
    });
    let en = en.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        en.contains("A floor never goes below -40.00 uur, so yours is -40.00 uur."),
        "{en}"
    );
}

/// Every PDF is made with krilla's PDF/UA-1 validator on, so a paper that
/// breaks a rule (text outside the structure, a figure without words, no
/// title or language, a glyph without its character) fails here.
#[test]
fn every_pdf_passes_pdf_ua_1_validation_and_is_tagged() {
    for lang in LANGUAGES {
        let messages = Messages::for_language(lang);
        let papers = [
            pdf::render_statement_pdf(&sample::member_statement(lang), messages),
            pdf::render_statement_pdf(&sample::long_statement(lang, 30), messages),
            pdf::render_statement_pdf(&sample::initiative_statement(lang), messages),
            pdf::render_statement_pdf(&sample::system_statement(lang), messages),
            pdf::render_statement_pdf(&sample::policy_statement(lang), messages),
            pdf::render_attestation_pdf(&sample::attestation(lang), messages),
            pdf::blank_page_pdf(messages),
        ];
        for (i, paper) in papers.into_iter().enumerate() {
            let bytes = paper.unwrap_or_else(|e| panic!("{lang} paper {i}: {e}"));
            let document = lopdf::Document::load_mem(&bytes).expect("a PDF");
            let catalog = document.catalog().unwrap();
            assert!(catalog.has(b"StructTreeRoot"), "{lang} paper {i} is tagged");
            let lang_entry = catalog.get(b"Lang").unwrap().as_str().unwrap();
            assert_eq!(
                lang_entry,
                lang.as_bytes(),
                "{lang} paper {i}: document language"
            );
        }
    }
}

/// Writes the sample papers as PDF files into AKKER_SAMPLE_PDF_DIR when it
/// is set, so a person can print or render them and look (`pdftoppm`);
/// without it, nothing is written.
#[test]
fn sample_papers_can_be_written_to_look_at() {
    let Some(dir) = std::env::var_os("AKKER_SAMPLE_PDF_DIR") else {
        return;
    };
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("the folder");
    for lang in LANGUAGES {
        let messages = Messages::for_language(lang);
        let papers = [
            (
                "policy",
                pdf::render_statement_pdf(&sample::policy_statement(lang), messages),
            ),
            (
                "attestation",
                pdf::render_attestation_pdf(&sample::attestation(lang), messages),
            ),
        ];
        for (name, paper) in papers {
            let bytes = paper.unwrap_or_else(|e| panic!("{lang} {name}: {e}"));
            std::fs::write(dir.join(format!("{name}-{lang}.pdf")), bytes).expect("written");
        }
    }
}
