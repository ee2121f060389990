//! Every message that holds a number, in every language, for a sample of
//! every plural category (0, 1, 2, 5, 21, 1.5): no message contradicts its
//! number ("1 exchange" for a count of 0, "1 person" for 5), and the words
//! that must keep one meaning do.

use std::collections::BTreeMap;

use akker::i18n::{Arg, Messages, LANGUAGES};

/// (id, source text) of every message of a Fluent file, continuation lines
/// included.
fn messages_of(source: &str) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = Vec::new();
    for line in source.lines() {
        let continues = line.starts_with(' ') || line.starts_with('}');
        if continues {
            if let Some(last) = found.last_mut() {
                last.1.push('\n');
                last.1.push_str(line);
            }
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if let Some((id, value)) = line.split_once(" = ") {
            found.push((id.trim().to_string(), value.to_string()));
        }
    }
    found
}

/// The variables a message uses.
fn variables(source: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find('$') {
        rest = &rest[at + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

fn ftl(language: &str) -> String {
    let path = format!(
        "{}/locales/{language}/akker.ftl",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).expect("the Fluent file")
}

/// Every number written in `text`, Arabic-Indic digits read as digits,
/// with a decimal separator kept ("1.5", "1,5" -> "1.5").
fn numbers_in(text: &str) -> Vec<String> {
    let digits: String = text
        .chars()
        .map(|c| match c {
            '\u{660}'..='\u{669}' => char::from(b'0' + (c as u32 - 0x660) as u8),
            '\u{6f0}'..='\u{6f9}' => char::from(b'0' + (c as u32 - 0x6f0) as u8),
            '\u{66b}' => '.',
            other => other,
        })
        .collect();
    let chars: Vec<char> = digits.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut number = String::new();
        while i < chars.len() {
            let c = chars[i];
            let separator = (c == '.' || c == ',')
                && chars.get(i + 1).is_some_and(char::is_ascii_digit)
                && !number.is_empty();
            if c.is_ascii_digit() {
                number.push(c);
            } else if separator {
                number.push('.');
            } else {
                break;
            }
            i += 1;
        }
        found.push(number);
    }
    found
}

#[derive(Clone, Copy)]
enum Sample {
    Int(i64),
    Frac,
}

impl Sample {
    fn arg(self) -> Arg<'static> {
        match self {
            Sample::Int(n) => Arg::Int(n),
            Sample::Frac => Arg::Num(1.5),
        }
    }
    fn text(self) -> String {
        match self {
            Sample::Int(n) => n.to_string(),
            Sample::Frac => "1.5".to_string(),
        }
    }
}

const SAMPLES: [Sample; 6] = [
    Sample::Int(0),
    Sample::Int(1),
    Sample::Int(2),
    Sample::Int(5),
    Sample::Int(21),
    Sample::Frac,
];

#[test]
fn no_message_contradicts_its_number_in_any_language() {
    let english = messages_of(&ftl("en"));
    let mut checked = 0;
    let mut problems = Vec::new();
    for lang in LANGUAGES {
        let messages = Messages::for_language(lang);
        let own: BTreeMap<String, String> = messages_of(&ftl(lang)).into_iter().collect();
        for (id, english_source) in &english {
            let source = own.get(id).unwrap_or(english_source);
            let vars = variables(source);
            // Dates are digits joined by separators, not counts.
            if vars.is_empty() || id.starts_with("date-") {
                continue;
            }
            let render = |sample: Sample| {
                let args: Vec<(&str, Arg<'_>)> =
                    vars.iter().map(|v| (v.as_str(), sample.arg())).collect();
                messages.msg(id, &args)
            };
            for sample in SAMPLES {
                let text = render(sample);
                checked += 1;
                for number in numbers_in(&text) {
                    if number != sample.text() {
                        problems.push(format!(
                            "{lang} {id} with {}: says {number} in {text:?}",
                            sample.text()
                        ));
                    }
                }
            }
        }
    }
    assert!(checked > 200, "only {checked} renderings");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn help_and_hours_keep_one_meaning_on_a_page() {
    for lang in LANGUAGES {
        let m = Messages::for_language(lang);
        let summary_in = m.msg("balance-came-in", &[]);
        let summary_out = m.msg("balance-went-out", &[]);
        let given = m.msg("totals-given", &[]);
        let received = m.msg("totals-received", &[]);
        // Hours in and out are not help given and received: the four
        // labels are four different words, and the summary's label for
        // hours in is not the table's label for help received.
        let labels = [&summary_in, &summary_out, &given, &received];
        for (i, a) in labels.iter().enumerate() {
            for b in &labels[i + 1..] {
                assert_ne!(a, b, "{lang}");
                assert!(
                    !a.to_lowercase().contains(&b.to_lowercase())
                        && !b.to_lowercase().contains(&a.to_lowercase()),
                    "{lang}: {a:?} and {b:?} share their word"
                );
            }
        }
    }
    // The words themselves, where the testers read them.
    let fr = Messages::for_language("fr");
    assert_eq!(fr.msg("balance-came-in", &[]), "Heures entrées ce mois-ci");
    assert_eq!(fr.msg("totals-received", &[]), "Aide reçue");
    let nl = Messages::for_language("nl");
    assert_eq!(nl.msg("balance-came-in", &[]), "Uren in deze maand");
    assert_eq!(nl.msg("totals-received", &[]), "Hulp gekregen");
}

#[test]
fn french_counts_of_zero_say_none() {
    let fr = Messages::for_language("fr");
    assert_eq!(
        fr.msg("exchange-count", &[("count", Arg::Int(0))]),
        "Aucun échange"
    );
    assert_eq!(
        fr.msg("people-helped", &[("count", Arg::Int(0))]),
        "Vous n’avez aidé personne ce mois-ci."
    );
    assert_eq!(
        fr.msg("people-helped", &[("count", Arg::Int(1))]),
        "Vous avez aidé 1 personne."
    );
    // "Opération n° 12" never breaks between the sign and its number.
    let entry = fr.msg("line-number", &[("seq", Arg::Int(12))]);
    assert_eq!(entry, "Opération n°\u{a0}12");
}
