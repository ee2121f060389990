//! The words a treasurer's spreadsheet may use, in every language the
//! ledger speaks (nl, fr, en, ar, tr): column names in the header and the
//! words in cells (kinds of account, kinds of work, open/closed, language
//! names). A Flemish member list headed `Lidnummer;Naam;Taal;Soort` with
//! `persoon` and `initiatief` reads like `id,name,language,kind` with
//! `person` and `initiative`.
//!
//! Words are compared folded (`fold`): without case, without accents or
//! other combining marks (Unicode NFD, marks dropped, so `Communauté`,
//! `communaute` and `COMMUNAUTÉ` are one word, and Arabic with or without
//! its vowel signs too), with anything in parentheses left out (`Van
//! (krijgt hulp)` is `van`) and every run of spaces or punctuation read as
//! one `_` (`Soort werk` is `soort_werk`).
//!
//! The kinds of work are also known by the names the statements print in
//! each language (locales/*/akker.ftl, `work-*`), so a file made from a
//! printed statement's words is understood as well.

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::ledger::{AccountKind, Language, WorkKind};

/// A word folded for comparison (see the module's documentation).
/// Unicode NFD with the combining marks dropped is the crate's job
/// (unicode-normalization), not a table of accents.
pub fn fold(text: &str) -> String {
    let mut without_parentheses = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => without_parentheses.push(c),
            _ => {}
        }
    }
    let mut folded = String::with_capacity(without_parentheses.len());
    let mut gap = false;
    for c in without_parentheses
        .nfd()
        .filter(|&c| !is_combining_mark(c))
        .flat_map(char::to_lowercase)
    {
        if c.is_alphanumeric() {
            if gap && !folded.is_empty() {
                folded.push('_');
            }
            folded.push(c);
            gap = false;
        } else {
            gap = true;
        }
    }
    // Letters that spreadsheets write in more than one form: Turkish
    // dotless ı (no accent to drop, but typed as i on other keyboards) and
    // Arabic alef with hamza, alef maqsura and ta marbuta.
    folded
        .chars()
        .map(|c| match c {
            'ı' => 'i',
            'أ' | 'إ' | 'آ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            c => c,
        })
        .collect()
}

/// The column names akker knows, with the words each language uses.
/// The first word is the name used in messages and in exports.
const COLUMN_WORDS: &[(&str, &[&str])] = &[
    (
        "id",
        &[
            "id",
            "lidnummer",
            "lid",
            "nummer",
            "rekeningnummer",
            "numero",
            "numéro de membre",
            "membre",
            "n° de membre",
            "identifiant",
            "member",
            "member number",
            "رقم",
            "رقم العضو",
            "المعرف",
            "üye no",
            "üye numarası",
            "numara",
            "kimlik",
        ],
    ),
    (
        "name",
        &[
            "name",
            "naam",
            "voornaam",
            "nom",
            "prénom",
            "الاسم",
            "اسم",
            "ad",
            "isim",
            "ad soyad",
        ],
    ),
    (
        "kind",
        &[
            "kind",
            "soort",
            "soort rekening",
            "type",
            "genre",
            "type de compte",
            "النوع",
            "tür",
            "hesap türü",
        ],
    ),
    ("language", &["language", "taal", "langue", "اللغة", "dil"]),
    (
        "floor",
        &[
            "floor",
            "ondergrens",
            "minimum",
            "plancher",
            "limite basse",
            "الحد الأدنى",
            "alt sınır",
        ],
    ),
    (
        "ceiling",
        &[
            "ceiling",
            "bovengrens",
            "maximum",
            "plafond",
            "limite haute",
            "الحد الأعلى",
            "üst sınır",
        ],
    ),
    (
        "status",
        &["status", "toestand", "statut", "état", "الحالة", "durum"],
    ),
    (
        "balance",
        &["balance", "saldo", "solde", "الرصيد", "bakiye"],
    ),
    ("date", &["date", "datum", "التاريخ", "tarih"]),
    (
        "from",
        &[
            "from",
            "van",
            "betaler",
            "de",
            "payeur",
            "من",
            "الدافع",
            "kimden",
            "ödeyen",
        ],
    ),
    (
        "to",
        &[
            "to",
            "aan",
            "naar",
            "ontvanger",
            "à",
            "a",
            "pour",
            "bénéficiaire",
            "إلى",
            "المستفيد",
            "kime",
            "alan",
        ],
    ),
    (
        "amount",
        &[
            "amount",
            "hours",
            "uren",
            "uur",
            "aantal uren",
            "bedrag",
            "heures",
            "montant",
            "الساعات",
            "ساعات",
            "المبلغ",
            "saat",
            "tutar",
            "miktar",
        ],
    ),
    (
        "work",
        &[
            "work",
            "soort werk",
            "werk",
            "type werk",
            "type de travail",
            "travail",
            "kind of work",
            "نوع العمل",
            "العمل",
            "iş türü",
            "iş",
        ],
    ),
    (
        "skill",
        &[
            "skill",
            "vaardigheid",
            "compétence",
            "المهارة",
            "مهارة",
            "beceri",
            "yetenek",
        ],
    ),
    (
        "description",
        &[
            "description",
            "omschrijving",
            "beschrijving",
            "wat",
            "libellé",
            "الوصف",
            "وصف",
            "açıklama",
        ],
    ),
    (
        "tx",
        &["tx", "transactie", "transaction", "معاملة", "işlem"],
    ),
    (
        "slip",
        &["slip", "bon", "briefje", "fiche", "reçu", "الإيصال", "fiş"],
    ),
    (
        "reverses",
        &["reverses", "herroept", "annule", "يلغي", "iptal eder"],
    ),
    (
        "reason",
        &["reason", "reden", "raison", "motif", "السبب", "neden"],
    ),
    (
        "override_reason",
        &[
            "override reason",
            "reden overschrijding",
            "raison du dépassement",
            "aşım nedeni",
        ],
    ),
    (
        "account",
        &["account", "rekening", "compte", "الحساب", "hesap"],
    ),
    ("entry_hash", &["entry hash"]),
];

fn column_index() -> &'static HashMap<String, &'static str> {
    static INDEX: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = HashMap::new();
        for (name, words) in COLUMN_WORDS {
            index.insert(fold(name), *name);
            for word in *words {
                index.entry(fold(word)).or_insert(*name);
            }
        }
        index
    })
}

/// The column a header cell names, among `known` (the columns this
/// kind of file has), or None.
pub fn column<'a>(header: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let found = column_index().get(&fold(header))?;
    known.into_iter().find(|name| name == found)
}

/// A few of the words a column is also known by, for messages.
pub fn other_names(column: &str) -> Vec<&'static str> {
    COLUMN_WORDS
        .iter()
        .find(|(name, _)| *name == column)
        .map(|(_, words)| words.iter().skip(1).take(3).copied().collect())
        .unwrap_or_default()
}

const LANGUAGES: [&str; 5] = ["nl", "fr", "en", "ar", "tr"];

/// A kind of work in any language: `zorg`, `soins`, `bakım`, `care`,
/// `self-development`, or the statement's own word for it.
pub fn work_kind(text: &str) -> Option<WorkKind> {
    static INDEX: OnceLock<HashMap<String, WorkKind>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index = HashMap::new();
        let words: [(WorkKind, &[&str]); 4] = [
            (
                WorkKind::Care,
                &["zorg", "zorgwerk", "soin", "soins", "رعاية", "bakım"],
            ),
            (
                WorkKind::Community,
                &[
                    "gemeenschap",
                    "gemeenschapswerk",
                    "communauté",
                    "collectif",
                    "مجتمع",
                    "topluluk",
                ],
            ),
            (
                WorkKind::SelfDevelopment,
                &[
                    "zelfontplooiing",
                    "ontplooiing",
                    "leren",
                    "développement personnel",
                    "apprendre",
                    "تطوير الذات",
                    "kişisel gelişim",
                    "öğrenme",
                ],
            ),
            (
                WorkKind::Practical,
                &[
                    "praktisch",
                    "praktische hulp",
                    "pratique",
                    "aide pratique",
                    "عملي",
                    "pratik",
                ],
            ),
        ];
        for (kind, words) in words {
            index.insert(fold(kind.as_str()), kind);
            for word in words {
                index.insert(fold(word), kind);
            }
            for language in LANGUAGES {
                let label = crate::i18n::Messages::for_language(language)
                    .msg(&format!("work-{}", kind.as_str()), &[]);
                index.entry(fold(&label)).or_insert(kind);
            }
        }
        index
    });
    index.get(&fold(text)).copied()
}

/// A kind of account in any language: `persoon`, `initiatief`, `personne`.
pub fn account_kind(text: &str) -> Option<AccountKind> {
    let words: [(AccountKind, &[&str]); 4] = [
        (
            AccountKind::Person,
            &[
                "person", "persoon", "lid", "personne", "membre", "شخص", "عضو", "kişi", "üye",
            ],
        ),
        (
            AccountKind::Initiative,
            &[
                "initiative",
                "initiatief",
                "groep",
                "collectif",
                "مبادرة",
                "girişim",
            ],
        ),
        (
            AccountKind::Partner,
            &["partner", "partenaire", "organisatie", "شريك", "ortak"],
        ),
        (
            AccountKind::System,
            &["system", "systeem", "système", "نظام", "sistem"],
        ),
    ];
    let folded = fold(text);
    words
        .into_iter()
        .find(|(_, words)| words.iter().any(|w| fold(w) == folded))
        .map(|(kind, _)| kind)
}

/// Whether an account is closed, in any language: None for a word that
/// is neither.
pub fn closed(text: &str) -> Option<bool> {
    let folded = fold(text);
    let open = [
        "open",
        "actief",
        "ouvert",
        "actif",
        "مفتوح",
        "açık",
        "aktif",
    ];
    let closed = ["closed", "gesloten", "fermé", "clôturé", "مغلق", "kapalı"];
    if open.iter().any(|w| fold(w) == folded) {
        Some(false)
    } else if closed.iter().any(|w| fold(w) == folded) {
        Some(true)
    } else {
        None
    }
}

/// A language as a code (`nl`, `pt-BR`) or by its name in any of the
/// ledger's languages (`Nederlands`, `Frans`, `arabe`, `Türkçe`).
pub fn language(text: &str) -> Option<Language> {
    let names: [(&str, &[&str]); 5] = [
        (
            "nl",
            &[
                "nederlands",
                "dutch",
                "néerlandais",
                "vlaams",
                "الهولندية",
                "felemenkçe",
            ],
        ),
        (
            "fr",
            &["frans", "french", "français", "الفرنسية", "fransızca"],
        ),
        (
            "en",
            &["engels", "english", "anglais", "الإنجليزية", "ingilizce"],
        ),
        ("ar", &["arabisch", "arabic", "arabe", "العربية", "arapça"]),
        ("tr", &["turks", "turkish", "turc", "التركية", "türkçe"]),
    ];
    let folded = fold(text);
    names
        .into_iter()
        .find(|(_, words)| words.iter().any(|w| fold(w) == folded))
        .and_then(|(code, _)| Language::parse(code).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_forgets_case_accents_and_parentheses() {
        assert_eq!(fold("Van (krijgt hulp)"), "van");
        assert_eq!(fold(" Soort  werk "), "soort_werk");
        assert_eq!(fold("COMMUNAUTÉ"), fold("communaute"));
        assert_eq!(fold("تعلّم"), fold("تعلم"));
        assert_eq!(fold("İş türü"), fold("is turu"));
    }

    #[test]
    fn flemish_headers_and_words_are_understood() {
        let known = [
            "date",
            "from",
            "to",
            "amount",
            "work",
            "skill",
            "description",
        ];
        for (header, column) in [
            ("Datum", "date"),
            ("Van (krijgt hulp)", "from"),
            ("Aan (gaf hulp)", "to"),
            ("Uren", "amount"),
            ("Soort werk", "work"),
            ("Vaardigheid", "skill"),
            ("Omschrijving", "description"),
        ] {
            assert_eq!(super::column(header, known), Some(column), "{header}");
        }
        assert_eq!(super::column("Lidnummer", ["id", "name"]), Some("id"));
        assert_eq!(super::column("Opmerking", known), None);
        assert_eq!(work_kind("zorg"), Some(WorkKind::Care));
        assert_eq!(work_kind("Gemeenschap"), Some(WorkKind::Community));
        assert_eq!(
            work_kind("zelfontplooiing"),
            Some(WorkKind::SelfDevelopment)
        );
        assert_eq!(work_kind("praktisch"), Some(WorkKind::Practical));
        assert_eq!(work_kind("Vie collective"), Some(WorkKind::Community));
        assert_eq!(work_kind("soins"), Some(WorkKind::Care));
        assert_eq!(work_kind("bakim"), Some(WorkKind::Care));
        assert_eq!(account_kind("Persoon"), Some(AccountKind::Person));
        assert_eq!(account_kind("initiatief"), Some(AccountKind::Initiative));
        assert_eq!(closed("Gesloten"), Some(true));
        assert_eq!(language("Frans").unwrap().as_str(), "fr");
    }
}
