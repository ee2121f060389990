//! Translations and locale-aware formatting for everything a member reads.
//!
//! Messages come from Project Fluent files embedded in the binary (no file
//! I/O at run time). A message missing in a language falls back to the
//! English message, and never to its key name: a member must never see
//! `closing-balance` printed on paper.
//!
//! Numbers are formatted by ICU4X with compiled CLDR data, always with two
//! fraction digits, so "1,50" in Dutch and "1.50" in English. Dates use month
//! names from the Fluent files, so a translator controls the whole phrase.
//!
//! Two catalogues share this machinery: the statements' words
//! (locales/{lang}/akker.ftl, `Messages::for_language`) and the kiosk's
//! (locales/{lang}/kiosk.ftl read on top of akker.ftl,
//! `Messages::kiosk_for_language`), so the kiosk can also show a statement
//! in the words printed on paper.
//!
//! Invariant: the English file holds every message id the renderers use (a
//! test checks this); other languages may lag behind and fall back.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use icu_decimal::input::{Decimal, SignDisplay};
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_decimal::DecimalFormatter;
use icu_locale_core::Locale;
use unic_langid::LanguageIdentifier;

/// The languages that ship a Fluent file, English first (it is the fallback).
pub const LANGUAGES: [&str; 5] = ["en", "nl", "fr", "tr", "ar"];

/// The English messages: the fallback for every other language.
const FALLBACK_LANGUAGE: &str = "en";

/// Scripts written right to left among the languages we may be asked for.
const RTL_LANGUAGES: [&str; 6] = ["ar", "fa", "he", "ur", "ps", "ku-arab"];

type Bundle = FluentBundle<FluentResource>;

/// Which words a set of messages holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Catalogue {
    /// Statements, attestations and the report: akker.ftl.
    Statements,
    /// The kiosk's screens: kiosk.ftl over akker.ftl. Where both files have
    /// a message (the kinds of work), the kiosk's shorter words win. Every
    /// argument is wrapped in bidi isolation marks, in every language: a
    /// kiosk page goes through the browser's bidi algorithm, and an Arabic
    /// name inside a Dutch sentence must not move the words around it.
    Kiosk,
}

impl Catalogue {
    /// The shipped Fluent sources of `language`, in reading order (a later
    /// file's message replaces an earlier one's).
    fn sources(self, language: &str) -> Option<Vec<&'static str>> {
        let statements = ftl_source(language)?;
        // The privacy words (data export, notice, the kiosk's note) are
        // in both catalogues, read right after the statements' words.
        let privacy = privacy_ftl_source(language)?;
        Some(match self {
            Catalogue::Statements => vec![statements, privacy],
            Catalogue::Kiosk => vec![statements, privacy, kiosk_ftl_source(language)?],
        })
    }

    fn isolates_everywhere(self) -> bool {
        self == Catalogue::Kiosk
    }
}

/// An argument for a message: text is shown as given, integers also drive
/// plural selection (`{ $count -> [one] ... }`).
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Str(&'a str),
    Int(i64),
    /// A number with a fraction (1.5): plural rules treat it apart from
    /// integers (French "one" covers 1.5, English "other").
    Num(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(value: &'a str) -> Self {
        Arg::Str(value)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(value: &'a String) -> Self {
        Arg::Str(value.as_str())
    }
}

impl From<i64> for Arg<'_> {
    fn from(value: i64) -> Self {
        Arg::Int(value)
    }
}

impl From<u32> for Arg<'_> {
    fn from(value: u32) -> Self {
        Arg::Int(i64::from(value))
    }
}

/// Why a set of messages could not be built.
#[derive(Debug)]
pub enum I18nError {
    /// The Fluent source has syntax errors (the messages before the error
    /// would still load, but we refuse half a file).
    Parse {
        language: String,
        errors: Vec<String>,
    },
    /// The language tag is not a valid BCP 47 tag.
    BadLanguageTag { language: String },
}

impl std::fmt::Display for I18nError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            I18nError::Parse { language, errors } => write!(
                f,
                "the translation file for '{language}' has errors: {}",
                errors.join("; ")
            ),
            I18nError::BadLanguageTag { language } => {
                write!(f, "'{language}' is not a language tag such as 'nl' or 'fr'")
            }
        }
    }
}

impl std::error::Error for I18nError {}

/// Every translated text and number format for one language.
///
/// Send + Sync: the batch renderer shares one `Messages` per language between
/// rayon threads (the concurrent Fluent bundle uses a thread-safe memoizer).
pub struct Messages {
    language: String,
    bundle: Bundle,
    /// English, used when `bundle` lacks a message; `None` for English itself.
    fallback: Option<Bundle>,
    amount_format: DecimalFormatter,
    /// Days and years: no thousands separator ("2026", not "2.026").
    integer_format: DecimalFormatter,
    rtl: bool,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("language", &self.language)
            .finish_non_exhaustive()
    }
}

/// The embedded Fluent source for a shipped language.
fn ftl_source(language: &str) -> Option<&'static str> {
    match language {
        "en" => Some(include_str!("../../locales/en/akker.ftl")),
        "nl" => Some(include_str!("../../locales/nl/akker.ftl")),
        "fr" => Some(include_str!("../../locales/fr/akker.ftl")),
        "tr" => Some(include_str!("../../locales/tr/akker.ftl")),
        "ar" => Some(include_str!("../../locales/ar/akker.ftl")),
        _ => None,
    }
}

/// The kiosk's embedded Fluent source for a shipped language.
fn kiosk_ftl_source(language: &str) -> Option<&'static str> {
    match language {
        "en" => Some(include_str!("../../locales/en/kiosk.ftl")),
        "nl" => Some(include_str!("../../locales/nl/kiosk.ftl")),
        "fr" => Some(include_str!("../../locales/fr/kiosk.ftl")),
        "tr" => Some(include_str!("../../locales/tr/kiosk.ftl")),
        "ar" => Some(include_str!("../../locales/ar/kiosk.ftl")),
        _ => None,
    }
}

/// The privacy words (locales/{lang}/privacy.ftl) of a shipped language.
fn privacy_ftl_source(language: &str) -> Option<&'static str> {
    match language {
        "en" => Some(include_str!("../../locales/en/privacy.ftl")),
        "nl" => Some(include_str!("../../locales/nl/privacy.ftl")),
        "fr" => Some(include_str!("../../locales/fr/privacy.ftl")),
        "tr" => Some(include_str!("../../locales/tr/privacy.ftl")),
        "ar" => Some(include_str!("../../locales/ar/privacy.ftl")),
        _ => None,
    }
}

/// The shipped language to use for a BCP 47 tag: "nl-BE" uses "nl",
/// anything unknown uses English.
fn shipped_language(tag: &str) -> &'static str {
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    LANGUAGES
        .iter()
        .copied()
        .find(|lang| *lang == primary)
        .unwrap_or(FALLBACK_LANGUAGE)
}

impl Messages {
    /// The statements' messages for a language tag, built once per shipped
    /// language and shared afterwards. Unknown languages get English.
    pub fn for_language(tag: &str) -> &'static Messages {
        static CACHE: OnceLock<HashMap<&'static str, Messages>> = OnceLock::new();
        Messages::cached(&CACHE, Catalogue::Statements, tag)
    }

    /// The kiosk's messages (kiosk.ftl over akker.ftl) for a language tag,
    /// built once per shipped language. Unknown languages get English.
    pub fn kiosk_for_language(tag: &str) -> &'static Messages {
        static CACHE: OnceLock<HashMap<&'static str, Messages>> = OnceLock::new();
        Messages::cached(&CACHE, Catalogue::Kiosk, tag)
    }

    fn cached(
        cache: &'static OnceLock<HashMap<&'static str, Messages>>,
        catalogue: Catalogue,
        tag: &str,
    ) -> &'static Messages {
        let cache = cache.get_or_init(|| {
            LANGUAGES
                .iter()
                .map(|lang| (*lang, Messages::shipped(catalogue, lang)))
                .collect()
        });
        // Every shipped language is in the cache, English included.
        &cache[shipped_language(tag)]
    }

    /// Builds a shipped language. The files are part of the binary and a
    /// test parses each of them, so a failure here is a programmer error.
    fn shipped(catalogue: Catalogue, lang: &'static str) -> Messages {
        let sources = catalogue
            .sources(lang)
            .expect("every shipped language has its files");
        Messages::from_sources(catalogue, lang, &sources)
            .expect("shipped translation files parse (tested)")
    }

    /// Messages from Fluent source text, with English as fallback. Used for
    /// the shipped files and by tests or a community's own translation.
    pub fn from_ftl(language: &str, source: &str) -> Result<Messages, I18nError> {
        Messages::from_sources(Catalogue::Statements, language, &[source])
    }

    /// The kiosk's messages from a kiosk.ftl source text, read over the
    /// shipped akker.ftl of the language (or English's), with the English
    /// kiosk as fallback. For tests, or a community's own translation.
    pub fn kiosk_from_ftl(language: &str, kiosk_source: &str) -> Result<Messages, I18nError> {
        let statements = ftl_source(shipped_language(language)).unwrap_or_default();
        let privacy = privacy_ftl_source(shipped_language(language)).unwrap_or_default();
        Messages::from_sources(
            Catalogue::Kiosk,
            language,
            &[statements, privacy, kiosk_source],
        )
    }

    /// `sources` read in order into one bundle, with the same catalogue in
    /// English behind it.
    fn from_sources(
        catalogue: Catalogue,
        language: &str,
        sources: &[&str],
    ) -> Result<Messages, I18nError> {
        let rtl = is_rtl_language(language);
        let isolate = rtl || catalogue.isolates_everywhere();
        let bundle = build_bundle(language, sources, isolate)?;
        let fallback = if language == FALLBACK_LANGUAGE {
            None
        } else {
            let english = catalogue.sources(FALLBACK_LANGUAGE).unwrap_or_default();
            Some(build_bundle(FALLBACK_LANGUAGE, &english, isolate)?)
        };
        let locale = icu_locale(language);
        Ok(Messages {
            language: language.to_owned(),
            bundle,
            fallback,
            amount_format: decimal_formatter(&locale, GroupingStrategy::Auto),
            integer_format: decimal_formatter(&locale, GroupingStrategy::Never),
            rtl,
        })
    }

    /// The language tag these messages were built for.
    pub fn language(&self) -> &str {
        &self.language
    }

    /// True when the language is written right to left.
    pub fn is_rtl(&self) -> bool {
        self.rtl
    }

    /// A translated message. Falls back to English; if English lacks it too
    /// (a programmer error, caught by tests) the result is empty rather than
    /// the key name.
    pub fn msg(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let fluent_args = to_fluent_args(args);
        let bundles = std::iter::once(&self.bundle).chain(self.fallback.as_ref());
        for bundle in bundles {
            if let Some(text) = format_in(bundle, id, fluent_args.as_ref()) {
                return text;
            }
        }
        debug_assert!(false, "message '{id}' is missing from the English file");
        String::new()
    }

    /// True when this language's own file (not the fallback) has the message.
    pub fn has_own_message(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// True when this language's file or the English fallback has the
    /// message (a skill tag may have no translation at all).
    pub fn has_message(&self, id: &str) -> bool {
        self.bundle.has_message(id) || self.fallback.as_ref().is_some_and(|b| b.has_message(id))
    }

    /// The unit's name for this reader: the default unit "hours" is
    /// translated; a unit the community named itself is kept as it is.
    pub fn unit_name(&self, configured: &str) -> String {
        if configured == "hours" {
            self.msg("unit-hours", &[])
        } else {
            configured.to_string()
        }
    }

    /// An amount in hundredths as the language writes it, always with two
    /// decimals: 150 -> "1,50" (nl) or "1.50" (en).
    pub fn fmt_amount(&self, minor: i64) -> String {
        let mut value = Decimal::from(minor);
        value.multiply_pow10(-2);
        // Whole amounts keep their ".00": a statement column must line up.
        value.absolute.pad_end(-2);
        self.amount_format.format(&value).to_string()
    }

    /// An amount with an explicit sign for non-zero values ("+1,50",
    /// "-2,00"), used where in and out share one column.
    pub fn fmt_signed_amount(&self, minor: i64) -> String {
        let mut value = Decimal::from(minor);
        value.multiply_pow10(-2);
        value.absolute.pad_end(-2);
        // ICU places the sign (and, for Arabic, the direction mark that
        // keeps it on the left of the digits).
        value.apply_sign_display(SignDisplay::ExceptZero);
        self.amount_format.format(&value).to_string()
    }

    /// `fmt_amount` for a page in this language: on a right-to-left page
    /// the signed number is one left-to-right isolate (LRI ... PDI), so it
    /// reads "-20.00" with its sign before the digits, never "20.00-",
    /// whatever the words around it. Left-to-right pages get it unchanged.
    pub fn fmt_amount_isolated(&self, minor: i64) -> String {
        self.isolate_number(self.fmt_amount(minor))
    }

    /// `fmt_signed_amount` isolated the same way ("+1.50", "-2.00").
    pub fn fmt_signed_amount_isolated(&self, minor: i64) -> String {
        self.isolate_number(self.fmt_signed_amount(minor))
    }

    fn isolate_number(&self, text: String) -> String {
        if !self.rtl {
            return text;
        }
        // ICU's own direction marks are replaced by the isolate.
        let bare: String = text
            .chars()
            .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{61c}'))
            .collect();
        format!("\u{2066}{bare}\u{2069}")
    }

    /// A whole number without grouping, e.g. a day or a year.
    pub fn fmt_integer(&self, value: i64) -> String {
        self.integer_format
            .format(&Decimal::from(value))
            .to_string()
    }

    /// A full date: "3 november 2026".
    pub fn fmt_date(&self, date: NaiveDate) -> String {
        let day = self.fmt_integer(i64::from(date.day()));
        let month = self.month_name(date.month());
        let year = self.fmt_integer(i64::from(date.year()));
        let text = self.msg(
            "date-long",
            &[
                ("day", Arg::Str(&day)),
                ("month", Arg::Str(&month)),
                ("year", Arg::Str(&year)),
            ],
        );
        // A date must never break over two lines in a wrapped sentence.
        strip_isolation(&text).replace(' ', "\u{a0}")
    }

    /// A short date for table columns: "03-11" style per language.
    pub fn fmt_date_short(&self, date: NaiveDate) -> String {
        let day = format!("{:02}", date.day());
        let month = format!("{:02}", date.month());
        let text = self.msg(
            "date-short",
            &[("day", Arg::Str(&day)), ("month", Arg::Str(&month))],
        );
        strip_isolation(&text)
    }

    /// A month title: "november 2026". Like a date, it is one unit: with
    /// its parts isolated, an Arabic month put into another message would
    /// be isolated as a whole with no strong letter of its own to judge by,
    /// read left to right, and show its year first.
    pub fn fmt_month(&self, year: i32, month: u32) -> String {
        let name = self.month_name(month);
        let year = self.fmt_integer(i64::from(year));
        let text = self.msg(
            "month-year",
            &[("month", Arg::Str(&name)), ("year", Arg::Str(&year))],
        );
        strip_isolation(&text)
    }

    /// The month's name ("november"); an out-of-range month gives an empty
    /// string instead of a panic because it comes from data.
    pub fn month_name(&self, month: u32) -> String {
        if !(1..=12).contains(&month) {
            return String::new();
        }
        self.msg(&format!("month-{month}"), &[])
    }

    /// The short month name used under chart bars ("nov").
    pub fn month_abbrev(&self, month: u32) -> String {
        if !(1..=12).contains(&month) {
            return String::new();
        }
        self.msg(&format!("month-short-{month}"), &[])
    }
}

/// Removes Fluent's bidi isolation marks. A date is all digits and one
/// month name: isolating each part would let the bidi algorithm reorder
/// "03/11" into "11/03" on a right-to-left page.
fn strip_isolation(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}'))
        .collect()
}

/// True for languages written right to left ("ar", "ar-MA", "fa", ...).
pub fn is_rtl_language(tag: &str) -> bool {
    let lower = tag.to_ascii_lowercase();
    RTL_LANGUAGES.iter().any(|rtl| {
        lower == *rtl
            || lower
                .strip_prefix(rtl)
                .is_some_and(|rest| rest.starts_with('-'))
    })
}

/// One bundle from `sources` read in order. The first file must be
/// clean (we refuse half a file); a later file may replace the first's
/// messages, which is how the kiosk's words win over the statements'.
fn build_bundle(language: &str, sources: &[&str], isolate: bool) -> Result<Bundle, I18nError> {
    let parse_error = |errors: Vec<String>| I18nError::Parse {
        language: language.to_owned(),
        errors,
    };
    let mut resources = Vec::with_capacity(sources.len());
    for source in sources {
        let resource = FluentResource::try_new((*source).to_owned())
            .map_err(|(_, errors)| parse_error(errors.iter().map(ToString::to_string).collect()))?;
        resources.push(resource);
    }
    let langid: LanguageIdentifier = language.parse().map_err(|_| I18nError::BadLanguageTag {
        language: language.to_owned(),
    })?;
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Isolation marks only help where the line goes through the bidi
    // algorithm (right-to-left pages, every kiosk page); elsewhere they
    // would be stray invisible characters in plain text.
    bundle.set_use_isolating(isolate);
    // NUMBER() and DATETIME() for translators; failure only means the
    // builtins were already there.
    let _ = bundle.add_builtins();
    let mut resources = resources.into_iter();
    if let Some(first) = resources.next() {
        bundle
            .add_resource(first)
            .map_err(|errors| parse_error(errors.iter().map(ToString::to_string).collect()))?;
    }
    for later in resources {
        bundle.add_resource_overriding(later);
    }
    Ok(bundle)
}

fn to_fluent_args<'a>(args: &[(&'a str, Arg<'a>)]) -> Option<FluentArgs<'a>> {
    if args.is_empty() {
        return None;
    }
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        let value = match value {
            Arg::Str(text) => FluentValue::from(*text),
            Arg::Int(number) => FluentValue::from(*number),
            Arg::Num(number) => FluentValue::from(*number),
        };
        fluent_args.set(*name, value);
    }
    Some(fluent_args)
}

/// Formats a message from one bundle, or `None` when the bundle lacks it.
fn format_in(bundle: &Bundle, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let message = bundle.get_message(id)?;
    let pattern = message.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    // A missing variable still gives readable text ("{$name}" is replaced
    // by the variable name in braces); we keep it rather than drop the line.
    Some(text.into_owned())
}

fn icu_locale(language: &str) -> Locale {
    language.parse().unwrap_or(icu_locale_core::locale!("en"))
}

fn decimal_formatter(locale: &Locale, grouping: GroupingStrategy) -> DecimalFormatter {
    let mut options = DecimalFormatterOptions::default();
    options.grouping_strategy = Some(grouping);
    // Compiled data falls back to the root locale, so this cannot fail for a
    // parsed locale; root is the last resort all the same.
    DecimalFormatter::try_new(locale.into(), options).unwrap_or_else(|_| {
        DecimalFormatter::try_new(Default::default(), options)
            .expect("the root locale is always in compiled data")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The message ids of a Fluent source, in file order.
    fn ids(source: &str) -> Vec<String> {
        let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_kiosk_file_parses_and_has_every_english_kiosk_message_once() {
        let english = ids(kiosk_ftl_source("en").expect("English kiosk file"));
        assert!(english.len() > 50, "{}", english.len());
        for lang in LANGUAGES {
            let source = kiosk_ftl_source(lang).expect("a kiosk file");
            assert!(
                FluentResource::try_new(source.to_owned()).is_ok(),
                "locales/{lang}/kiosk.ftl has syntax errors"
            );
            let own = ids(source);
            let mut unique = own.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), own.len(), "{lang}: an id is repeated");
            let missing: Vec<&String> = english.iter().filter(|id| !own.contains(id)).collect();
            assert!(
                missing.is_empty(),
                "locales/{lang}/kiosk.ftl lacks {missing:?}"
            );
            let messages = Messages::kiosk_for_language(lang);
            assert!(english.iter().all(|id| messages.has_own_message(id)));
        }
    }

    #[test]
    fn the_kiosk_reads_its_own_words_over_the_statements() {
        let kiosk = Messages::kiosk_for_language("nl");
        // The same id in both files: the kiosk's word wins on its screens.
        assert_eq!(kiosk.msg("work-community", &[]), "Samenleving");
        assert_eq!(
            Messages::for_language("nl").msg("work-community", &[]),
            "Gemeenschap"
        );
        // The statements' words are there too, for a statement on screen.
        assert_eq!(kiosk.msg("month-10", &[]), "oktober");
        assert_eq!(kiosk.msg("btn-statement", &[]), "Mijn overzicht");
        // Every argument is isolated on a kiosk page, in every language.
        let wrong = Messages::kiosk_for_language("en").msg("pin-wrong", &[("left", Arg::Int(3))]);
        assert!(wrong.contains("\u{2068}3\u{2069}"), "{wrong}");
        // Numbers are the shared formats.
        assert_eq!(kiosk.fmt_amount(150), "1,50");
        assert!(Messages::kiosk_for_language("ar-MA").is_rtl());
    }

    #[test]
    fn an_arabic_month_goes_into_a_sentence_as_one_right_to_left_unit() {
        let ar = Messages::for_language("ar");
        let month = ar.fmt_month(2026, 10);
        assert_eq!(month, "أكتوبر 2026");
        // Isolated once, where it is used: the isolate's first strong letter
        // is Arabic, so the month reads right to left, name before year.
        let sentence = ar.msg("statement-for-month", &[("month", Arg::Str(&month))]);
        assert_eq!(sentence, "كشف حساب \u{2068}أكتوبر 2026\u{2069}");
    }

    #[test]
    fn a_missing_kiosk_message_falls_back_to_english_never_to_its_key() {
        let partial = Messages::kiosk_from_ftl("tr", "ok = Tamam\n").expect("valid ftl");
        assert_eq!(partial.msg("ok", &[]), "Tamam");
        assert!(!partial.has_own_message("logout"));
        assert_eq!(partial.msg("logout", &[]), "Log out");
        // The language's own statement words are still its own.
        assert_eq!(partial.msg("month-10", &[]), "Ekim");
        assert!(Messages::kiosk_from_ftl("nl", "ok = {").is_err());
    }
}
