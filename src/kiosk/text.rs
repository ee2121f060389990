//! The kiosk's words, in the member's language (Project Fluent).
//!
//! All message lookup of the kiosk goes through this one module, with the
//! same shape as the shared `crate::i18n` being built for statements
//! (`Messages::for_language`, `msg`, `fmt_amount`, `fmt_date`, `is_rtl`),
//! so switching to it later changes only this file. The messages live in
//! locales/{lang}/kiosk.ftl and are compiled into the binary. A message
//! missing in a language falls back to English, never to its key.

use std::sync::OnceLock;

use chrono::NaiveDate;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The kiosk's languages: code, and name in its own script. The order is
/// the order of the tiles on the welcome screen.
pub const LANGUAGES: [(Lang, &str); 5] = [
    (Lang::Nl, "Nederlands"),
    (Lang::Fr, "Français"),
    (Lang::En, "English"),
    (Lang::Ar, "العربية"),
    (Lang::Tr, "Türkçe"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Nl,
    Fr,
    En,
    Ar,
    Tr,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Tr => "tr",
        }
    }

    /// A language tag like `nl` or `fr-BE`; None for a language the kiosk
    /// does not speak.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        LANGUAGES
            .iter()
            .map(|(lang, _)| *lang)
            .find(|lang| lang.code() == primary)
    }

    fn index(self) -> usize {
        LANGUAGES
            .iter()
            .position(|(lang, _)| *lang == self)
            .expect("every Lang is listed")
    }
}

const SOURCES: [&str; 5] = [
    include_str!("../../locales/nl/kiosk.ftl"),
    include_str!("../../locales/fr/kiosk.ftl"),
    include_str!("../../locales/en/kiosk.ftl"),
    include_str!("../../locales/ar/kiosk.ftl"),
    include_str!("../../locales/tr/kiosk.ftl"),
];

/// One language's messages, with English behind it.
pub struct Messages {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

static ALL: OnceLock<Vec<Messages>> = OnceLock::new();

impl Messages {
    pub fn for_language(lang: Lang) -> &'static Messages {
        &ALL.get_or_init(load_all)[lang.index()]
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn is_rtl(&self) -> bool {
        self.lang == Lang::Ar
    }

    /// The message `id` without arguments.
    pub fn t(&self, id: &str) -> String {
        self.msg(id, &[])
    }

    /// The message `id` with its arguments; English if this language lacks
    /// it, and a neutral "…" (logged) if English lacks it too.
    pub fn msg(&self, id: &str, args: &[(&str, FluentValue)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        if let Some(text) = format(&self.bundle, id, &fluent_args) {
            return text;
        }
        let english = Messages::for_language(Lang::En);
        format(&english.bundle, id, &fluent_args).unwrap_or_else(|| {
            eprintln!("akker kiosk: message {id} is missing in every language");
            "…".to_string()
        })
    }

    /// An amount in hundredths as this language writes it: `1,75` with a
    /// decimal comma for Dutch, French, Turkish and Arabic (as written in
    /// Belgium), `1.75` for English. The minus is a real minus sign.
    pub fn fmt_amount(&self, minor: i64) -> String {
        let mark = if self.lang == Lang::En { '.' } else { ',' };
        let sign = if minor < 0 { "\u{2212}" } else { "" };
        let abs = minor.unsigned_abs();
        format!("{sign}{}{mark}{:02}", abs / 100, abs % 100)
    }

    /// A date as day/month/year, which every language here reads.
    pub fn fmt_date(&self, date: NaiveDate) -> String {
        date.format("%-d/%-m/%Y").to_string()
    }
}

fn format(bundle: &FluentBundle<FluentResource>, id: &str, args: &FluentArgs) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(args), &mut errors);
    Some(text.into_owned())
}

fn load_all() -> Vec<Messages> {
    LANGUAGES
        .iter()
        .zip(SOURCES)
        .map(|((lang, _), source)| load(*lang, source))
        .collect()
}

fn load(lang: Lang, source: &str) -> Messages {
    let id: LanguageIdentifier = lang
        .code()
        .parse()
        .expect("language codes are valid identifiers");
    let resource =
        FluentResource::try_new(source.to_string()).unwrap_or_else(|(resource, errors)| {
            eprintln!(
                "akker kiosk: locales/{}/kiosk.ftl has {} syntax errors",
                lang.code(),
                errors.len()
            );
            resource
        });
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks keep a name in another script from flipping the
    // order of the words around it (an Arabic name in a Dutch sentence).
    bundle.set_use_isolating(true);
    if let Err(errors) = bundle.add_resource(resource) {
        eprintln!(
            "akker kiosk: locales/{}/kiosk.ftl has {} duplicate messages",
            lang.code(),
            errors.len()
        );
    }
    Messages { lang, bundle }
}

/// The ids of every message in a language file, for tests.
pub fn message_ids(lang: Lang) -> Vec<String> {
    let resource =
        FluentResource::try_new(SOURCES[lang.index()].to_string()).unwrap_or_else(|(r, _)| r);
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_file_parses_and_has_every_english_message() {
        let english = message_ids(Lang::En);
        assert!(english.len() > 50, "{}", english.len());
        for (lang, _) in LANGUAGES {
            let source = SOURCES[lang.index()];
            assert!(
                FluentResource::try_new(source.to_string()).is_ok(),
                "{} has syntax errors",
                lang.code()
            );
            let ids = message_ids(lang);
            let missing: Vec<&String> = english.iter().filter(|id| !ids.contains(id)).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
        }
    }

    #[test]
    fn amounts_use_the_languages_decimal_mark() {
        assert_eq!(Messages::for_language(Lang::Nl).fmt_amount(175), "1,75");
        assert_eq!(
            Messages::for_language(Lang::En).fmt_amount(-175),
            "\u{2212}1.75"
        );
        assert!(Messages::for_language(Lang::Ar).is_rtl());
    }

    #[test]
    fn missing_messages_fall_back_to_english_never_to_the_key() {
        let text = Messages::for_language(Lang::Tr).msg("no-such-message", &[]);
        assert_ne!(text, "no-such-message");
    }
}
