//! The kiosk's words, in the member's language.
//!
//! All message lookup of the kiosk goes through this one module, and this
//! module goes through the shared `crate::i18n`: the kiosk's messages are
//! locales/{lang}/kiosk.ftl read over the statements' akker.ftl
//! (`i18n::Messages::kiosk_for_language`), so a statement on screen can use
//! the words printed on paper, and a message missing in a language falls
//! back to English, never to its key. What stays here is the kiosk's own:
//! its five languages in the order of the welcome tiles, and the number
//! and date formats members know from the kiosk's screens.

use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::i18n;

pub use crate::i18n::Arg;

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
}

/// One language's messages (English behind them), with the kiosk's
/// formats.
pub struct Messages {
    lang: Lang,
    words: &'static i18n::Messages,
}

impl Messages {
    pub fn for_language(lang: Lang) -> &'static Messages {
        static ALL: OnceLock<Vec<Messages>> = OnceLock::new();
        let all = ALL.get_or_init(|| {
            LANGUAGES
                .iter()
                .map(|(lang, _)| Messages {
                    lang: *lang,
                    words: i18n::Messages::kiosk_for_language(lang.code()),
                })
                .collect()
        });
        all.iter()
            .find(|m| m.lang == lang)
            .expect("every Lang is listed")
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn is_rtl(&self) -> bool {
        self.words.is_rtl()
    }

    /// The shared messages underneath, for the statement's own labels.
    pub fn shared(&self) -> &'static i18n::Messages {
        self.words
    }

    /// The message `id` without arguments.
    pub fn t(&self, id: &str) -> String {
        self.words.msg(id, &[])
    }

    /// The message `id` with its arguments; English if this language lacks
    /// it (and empty, never the key, if English lacks it too).
    pub fn msg(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.words.msg(id, args)
    }

    /// The kiosk's decimal mark: a point in English, a comma otherwise.
    pub fn decimal_mark(&self) -> char {
        if self.lang == Lang::En {
            '.'
        } else {
            ','
        }
    }

    /// An amount in hundredths as the kiosk writes it: `1,75` with a
    /// decimal comma for Dutch, French, Turkish and Arabic (as written in
    /// Belgium), `1.75` for English; Latin digits, no grouping, and a real
    /// minus sign, so an amount reads the same on every screen.
    pub fn fmt_amount(&self, minor: i64) -> String {
        let mark = self.decimal_mark();
        let sign = if minor < 0 { "\u{2212}" } else { "" };
        let abs = minor.unsigned_abs();
        format!("{sign}{}{mark}{:02}", abs / 100, abs % 100)
    }

    /// `fmt_amount` for an amount inside a sentence: on a right-to-left
    /// page the number is one left-to-right isolate (LRI ... PDI), so a
    /// negative amount reads "−20,00" with its sign before the digits,
    /// never "20,00−", whatever the words around it (as on the papers,
    /// `i18n::Messages::fmt_amount_isolated`). Left-to-right pages get
    /// it unchanged.
    pub fn fmt_amount_in_text(&self, minor: i64) -> String {
        let amount = self.fmt_amount(minor);
        if self.is_rtl() {
            format!("\u{2066}{amount}\u{2069}")
        } else {
            amount
        }
    }

    /// An amount of hours as the language says it, for the kiosk's
    /// speech: "one and a half hours", "anderhalf uur", "une heure et
    /// demie". The words are Fluent messages (`say-number` for 0 to 20,
    /// `say-hours` for the quarter), so they are translated like every
    /// other word; a whole number above 20 stays in digits, which
    /// espeak-ng reads in the voice's language. Amounts are whole
    /// quarters at the kiosk; any other hundredths are said as digits.
    pub fn say_hours(&self, minor: i64) -> String {
        let abs = minor.unsigned_abs();
        let (whole, rest) = ((abs / 100) as i64, abs % 100);
        let hours = if rest % 25 != 0 {
            format!("{} {}", self.fmt_amount(abs as i64), self.t("hours-unit"))
        } else {
            let words = self.msg("say-number", &[("n", Arg::Int(whole))]);
            self.msg(
                "say-hours",
                &[
                    ("whole", Arg::Str(&words)),
                    ("count", Arg::Int(whole)),
                    ("quarter", Arg::Int((rest / 25) as i64)),
                ],
            )
        };
        if minor < 0 {
            self.msg("say-minus", &[("hours", Arg::Str(&hours))])
        } else {
            hours
        }
    }

    /// A date as day/month/year, which every language here reads.
    pub fn fmt_date(&self, date: NaiveDate) -> String {
        date.format("%-d/%-m/%Y").to_string()
    }

    /// A month with its name, as on the statements: "oktober 2026", one
    /// unit to put into other messages (see `i18n::Messages::fmt_month`).
    pub fn fmt_month(&self, year: i32, month: u32) -> String {
        self.words.fmt_month(year, month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_use_the_languages_decimal_mark() {
        assert_eq!(Messages::for_language(Lang::Nl).fmt_amount(175), "1,75");
        assert_eq!(Messages::for_language(Lang::Fr).fmt_amount(150), "1,50");
        assert_eq!(Messages::for_language(Lang::Ar).fmt_amount(150), "1,50");
        assert_eq!(
            Messages::for_language(Lang::En).fmt_amount(-175),
            "\u{2212}1.75"
        );
        assert_eq!(
            Messages::for_language(Lang::Nl).fmt_amount(123_456),
            "1234,56"
        );
        assert!(Messages::for_language(Lang::Ar).is_rtl());
        assert!(!Messages::for_language(Lang::Tr).is_rtl());
    }

    #[test]
    fn hours_are_said_in_words() {
        let say = |lang, minor| strip(&Messages::for_language(lang).say_hours(minor));
        assert_eq!(say(Lang::En, 150), "one and a half hours");
        assert_eq!(say(Lang::En, 100), "one hour");
        assert_eq!(say(Lang::En, 25), "a quarter of an hour");
        assert_eq!(
            say(Lang::En, -1775),
            "minus seventeen and three quarter hours"
        );
        assert_eq!(say(Lang::Nl, 150), "anderhalf uur");
        assert_eq!(say(Lang::Nl, 275), "twee uur en drie kwartier");
        assert_eq!(say(Lang::Fr, 150), "une heure et demie");
        assert_eq!(say(Lang::Fr, 300), "trois heures");
        assert_eq!(say(Lang::Tr, 250), "iki buçuk saat");
        assert_eq!(say(Lang::Ar, 150), "ساعة ونصف");
        assert_eq!(say(Lang::Ar, 500), "خمس ساعات");
        assert_eq!(say(Lang::En, 3200), "32 hours");
    }

    fn strip(text: &str) -> String {
        text.chars()
            .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}'))
            .collect()
    }

    /// The ids of a Fluent file's messages (lines `id = ...`).
    fn ids(source: &str) -> std::collections::BTreeSet<&str> {
        source
            .lines()
            .filter_map(|line| line.split_once(" ="))
            .map(|(id, _)| id)
            .filter(|id| {
                id.starts_with(|c: char| c.is_ascii_lowercase())
                    && id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            })
            .collect()
    }

    #[test]
    fn every_kiosk_message_exists_in_every_language() {
        let english = ids(include_str!("../../locales/en/kiosk.ftl"));
        for (code, source) in [
            ("nl", include_str!("../../locales/nl/kiosk.ftl")),
            ("fr", include_str!("../../locales/fr/kiosk.ftl")),
            ("ar", include_str!("../../locales/ar/kiosk.ftl")),
            ("tr", include_str!("../../locales/tr/kiosk.ftl")),
        ] {
            let theirs = ids(source);
            let missing: Vec<_> = english.difference(&theirs).collect();
            let extra: Vec<_> = theirs.difference(&english).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{code}/kiosk.ftl: missing {missing:?}, not in English {extra:?}"
            );
        }
    }

    #[test]
    fn every_language_answers_in_its_own_words() {
        for (lang, _) in LANGUAGES {
            let m = Messages::for_language(lang);
            assert_eq!(m.lang(), lang);
            let logout = m.t("logout");
            assert!(!logout.is_empty() && logout != "logout", "{}", lang.code());
        }
        assert_eq!(Messages::for_language(Lang::Nl).t("logout"), "Afmelden");
        assert_eq!(
            Messages::for_language(Lang::Fr).t("work-community"),
            "Vie de quartier"
        );
        assert_eq!(
            Messages::for_language(Lang::Nl).fmt_month(2026, 10),
            "oktober 2026"
        );
        // Isolated once, where it is used: an Arabic month reads right to
        // left inside the sentence.
        let ar = Messages::for_language(Lang::Ar);
        let month = ar.fmt_month(2026, 10);
        assert_eq!(month, "أكتوبر 2026");
        let sentence = ar.msg("statement-month", &[("month", Arg::Str(&month))]);
        assert!(
            sentence.contains("\u{2068}أكتوبر 2026\u{2069}"),
            "{sentence}"
        );
    }
}
