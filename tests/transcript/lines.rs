//! Comparing the output a guide shows with the output akker printed.
//!
//! Most of a transcript is exact. What differs on every run (keys,
//! hashes, ledger ids, card codes, verification codes) is recognised by
//! its shape on both sides, so the guide can show a realistic example:
//! `Card code: M001/T64P-H1KT-GJ95-B1DG` in the guide matches any card
//! code in the same place. The same example value must stand for the same
//! real value everywhere in one guide (a card code typed later is the one
//! issued earlier), so the pairs are remembered in a `Values` map, and
//! answers typed at prompts are translated through it.
//!
//! Two explicit wildcards are there for anything else: `[..]` inside a
//! line matches any text, and a line `...` matches any number of lines.

use std::collections::HashMap;

/// Example values of the guide paired with the real values of this run.
#[derive(Default)]
pub struct Values {
    real_of: HashMap<String, String>,
    example_of: HashMap<String, String>,
}

impl Values {
    /// The real value an example value stood for, if it was seen.
    pub fn real(&self, example: &str) -> Option<&str> {
        self.real_of.get(example).map(String::as_str)
    }

    /// Replaces every example value in `text` by its real value.
    pub fn to_real(&self, text: &str) -> String {
        map_tokens(text, |t| self.real(t).map(str::to_string))
    }

    /// Replaces every real value in `text` by the example value that
    /// stands for it, so a regenerated guide keeps its examples.
    pub fn to_example(&self, text: &str) -> String {
        map_tokens(text, |t| self.example_of.get(t).cloned())
    }

    fn fits(&self, example: &str, real: &str) -> bool {
        match (self.real_of.get(example), self.example_of.get(real)) {
            (None, None) => true,
            (Some(r), Some(e)) => r == real && e == example,
            _ => false,
        }
    }

    /// Remembers the pairs a matching line showed.
    pub fn learn(&mut self, pairs: Vec<(String, String)>) {
        self.bind(pairs);
    }

    fn bind(&mut self, pairs: Vec<(String, String)>) {
        for (example, real) in pairs {
            self.example_of.insert(real.clone(), example.clone());
            self.real_of.insert(example, real);
        }
    }
}

/// Does the guide's `expected` output match the `actual` output? On a
/// match the value pairs it showed are remembered.
pub fn block_matches(expected: &[String], actual: &[String], values: &mut Values) -> bool {
    let mut pairs = Vec::new();
    if lines_match(expected, actual, values, &mut pairs) {
        values.bind(pairs);
        true
    } else {
        false
    }
}

fn lines_match(
    expected: &[String],
    actual: &[String],
    values: &Values,
    pairs: &mut Vec<(String, String)>,
) -> bool {
    let Some((first, rest)) = expected.split_first() else {
        return actual.is_empty();
    };
    if first.trim() == "..." {
        return (0..=actual.len()).any(|skip| {
            let mut tried = pairs.clone();
            let ok = lines_match(rest, &actual[skip..], values, &mut tried);
            if ok {
                *pairs = tried;
            }
            ok
        });
    }
    let Some((line, actual_rest)) = actual.split_first() else {
        return false;
    };
    let mut tried = pairs.clone();
    if !line_matches(first, line, values, &mut tried) {
        return false;
    }
    if lines_match(rest, actual_rest, values, &mut tried) {
        *pairs = tried;
        true
    } else {
        false
    }
}

/// One line of the guide against one printed line.
pub fn line_matches(
    expected: &str,
    actual: &str,
    values: &Values,
    pairs: &mut Vec<(String, String)>,
) -> bool {
    let segments = segments(expected.trim_end());
    match_from(&segments, actual.trim_end(), values, pairs)
}

#[derive(Debug, Clone)]
enum Segment {
    Text(String),
    Value(String, Shape),
    Any,
}

fn match_from(
    segments: &[Segment],
    actual: &str,
    values: &Values,
    pairs: &mut Vec<(String, String)>,
) -> bool {
    let Some((first, rest)) = segments.split_first() else {
        return actual.is_empty();
    };
    match first {
        Segment::Text(text) => {
            actual.starts_with(text.as_str())
                && match_from(rest, &actual[text.len()..], values, pairs)
        }
        Segment::Value(example, shape) => {
            let word = word_at(actual);
            if shape_of(word) != Some(*shape) {
                return false;
            }
            let known = pairs.iter().find(|(e, _)| e == example);
            let consistent = match known {
                Some((_, real)) => real == word,
                None => {
                    values.fits(example, word)
                        && !pairs.iter().any(|(e, r)| r == word && e != example)
                }
            };
            if !consistent {
                return false;
            }
            let mut tried = pairs.clone();
            tried.push((example.clone(), word.to_string()));
            if match_from(rest, &actual[word.len()..], values, &mut tried) {
                *pairs = tried;
                true
            } else {
                false
            }
        }
        Segment::Any => actual
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(actual.len()))
            .any(|i| {
                let mut tried = pairs.clone();
                let ok = match_from(rest, &actual[i..], values, &mut tried);
                if ok {
                    *pairs = tried;
                }
                ok
            }),
    }
}

/// The kinds of values that differ on every run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Lower-case hex of 16 characters or more: hashes, keys, ids.
    Hex(usize),
    /// Groups of four capitals or digits joined by dashes: card codes
    /// (four groups) and verification codes (three).
    Code(usize),
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-'
}

/// The run of letters, digits and dashes at the start of `text`.
fn word_at(text: &str) -> &str {
    let end = text.find(|c: char| !is_word_char(c)).unwrap_or(text.len());
    &text[..end]
}

fn shape_of(word: &str) -> Option<Shape> {
    if word.len() >= 16 && word.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')) {
        return Some(Shape::Hex(word.len()));
    }
    let groups: Vec<&str> = word.split('-').collect();
    let is_group = |g: &&str| {
        g.len() == 4
            && g.chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
    };
    if (3..=4).contains(&groups.len()) && groups.iter().all(is_group) {
        return Some(Shape::Code(groups.len()));
    }
    None
}

fn segments(line: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = line;
    let mut at_word_start = true;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("[..]") {
            flush(&mut text, &mut out);
            out.push(Segment::Any);
            rest = after;
            at_word_start = true;
            continue;
        }
        if at_word_start && is_word_char(c) {
            let word = word_at(rest);
            match shape_of(word) {
                Some(shape) => {
                    flush(&mut text, &mut out);
                    out.push(Segment::Value(word.to_string(), shape));
                }
                None => text.push_str(word),
            }
            rest = &rest[word.len()..];
            at_word_start = false;
            continue;
        }
        text.push(c);
        rest = &rest[c.len_utf8()..];
        at_word_start = !is_word_char(c);
    }
    flush(&mut text, &mut out);
    out
}

fn flush(text: &mut String, out: &mut Vec<Segment>) {
    if !text.is_empty() {
        out.push(Segment::Text(std::mem::take(text)));
    }
}

/// Rewrites each run-dependent value in `text` with `replace`, when it
/// gives one.
fn map_tokens(text: &str, replace: impl Fn(&str) -> Option<String>) -> String {
    segments(text)
        .into_iter()
        .map(|s| match s {
            Segment::Text(t) => t,
            Segment::Value(v, _) => replace(&v).unwrap_or(v),
            Segment::Any => "[..]".to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(expected: &str, actual: &str) -> bool {
        line_matches(expected, actual, &Values::default(), &mut Vec::new())
    }

    #[test]
    fn values_of_the_same_shape_match() {
        assert!(matches(
            "Card code: M001/T64P-H1KT-GJ95-B1DG",
            "Card code: M001/ABCD-0123-WXYZ-9876"
        ));
        assert!(!matches(
            "Card code: M001/T64P-H1KT-GJ95-B1DG",
            "Card code: M002/ABCD-0123-WXYZ-9876"
        ));
        assert!(matches(
            "id 29c976bb1097c960f90eea87311bab01.",
            "id 0123456789abcdef0123456789abcdef."
        ));
        assert!(!matches(
            "Recorded: M002 paid 1.50",
            "Recorded: M002 paid 1.00"
        ));
        assert!(matches("took [..] s", "took 0.3 s"));
    }

    #[test]
    fn one_example_stands_for_one_value() {
        let mut values = Values::default();
        let lines = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(block_matches(
            &lines(&["a 7KQ2-M9XD-4TNA", "b 7KQ2-M9XD-4TNA"]),
            &lines(&["a AAAA-BBBB-CCCC", "b AAAA-BBBB-CCCC"]),
            &mut values
        ));
        assert_eq!(values.to_real("x 7KQ2-M9XD-4TNA"), "x AAAA-BBBB-CCCC");
        assert!(!block_matches(
            &lines(&["c 7KQ2-M9XD-4TNA"]),
            &lines(&["c DDDD-BBBB-CCCC"]),
            &mut values
        ));
    }
}
