//! Finding members' names in free text: the one matcher behind the
//! warnings of `pay`, imports and the kiosk (signed text can never be
//! erased, so a name written into it stays for ever) and behind the
//! data export, which shows other members by their account number.
//!
//! Pure: the names come from `Store::person_names`, the text from the
//! caller. A name matches as a whole word, ignoring case: the full display
//! name, and its first word (the given name, which is what people write on
//! a slip) when the name has several. Patterns with fewer than three
//! letters are skipped: "Al" or "Jo" would match too much ordinary text.

use crate::ledger::AccountId;

/// Letters a pattern needs before it is looked for.
const PATTERN_LETTERS_MIN: usize = 3;

/// A member's name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameHit {
    pub account: AccountId,
    /// The member's display name, as stored.
    pub name: String,
}

#[derive(Debug, Clone)]
struct Member {
    account: AccountId,
    name: String,
    /// Lower-cased patterns: the full name, then the first word.
    patterns: Vec<String>,
}

/// Members' names, ready to be looked for.
#[derive(Debug, Clone, Default)]
pub struct NameMatcher {
    members: Vec<Member>,
}

impl NameMatcher {
    pub fn new(names: impl IntoIterator<Item = (AccountId, String)>) -> NameMatcher {
        let members = names
            .into_iter()
            .map(|(account, name)| {
                let full = name.trim().to_lowercase();
                let mut patterns = vec![full.clone()];
                let mut words = full.split_whitespace();
                if let (Some(first), Some(_)) = (words.next(), words.next()) {
                    patterns.push(first.to_string());
                }
                patterns.retain(|p| {
                    p.chars().filter(|c| c.is_alphabetic()).count() >= PATTERN_LETTERS_MIN
                });
                Member {
                    account,
                    name,
                    patterns,
                }
            })
            .filter(|m| !m.patterns.is_empty())
            .collect();
        NameMatcher { members }
    }

    /// Every member whose name occurs in `text`, each once, in the order
    /// the members were given.
    pub fn find(&self, text: &str) -> Vec<NameHit> {
        let lowered = Lowered::new(text);
        self.members
            .iter()
            .filter(|m| {
                m.patterns
                    .iter()
                    .any(|p| !lowered.word_matches(p).is_empty())
            })
            .map(|m| NameHit {
                account: m.account.clone(),
                name: m.name.clone(),
            })
            .collect()
    }

    /// `text` with every member's name, except `keep`'s, replaced by that
    /// member's account number.
    pub fn redact(&self, text: &str, keep: &AccountId) -> String {
        let lowered = Lowered::new(text);
        // (start, end, account) in the original text's bytes.
        let mut spans: Vec<(usize, usize, &AccountId)> = Vec::new();
        for member in self.members.iter().filter(|m| &m.account != keep) {
            for pattern in &member.patterns {
                for (start, end) in lowered.word_matches(pattern) {
                    spans.push((
                        lowered.original[start],
                        lowered.original[end],
                        &member.account,
                    ));
                }
            }
        }
        // Longest first at each start, then drop spans inside an earlier one.
        spans.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for (start, end, account) in spans {
            if start < at {
                continue;
            }
            out.push_str(&text[at..start]);
            out.push_str(account.as_str());
            at = end;
        }
        out.push_str(&text[at..]);
        out
    }

    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

/// A text lower-cased, with the byte offset in the original text of every
/// byte of the lower-cased one (lower-casing can change lengths).
struct Lowered {
    text: String,
    /// `original[i]`: where lowered byte `i` came from; one extra entry
    /// for the end.
    original: Vec<usize>,
}

impl Lowered {
    fn new(text: &str) -> Lowered {
        let mut lowered = String::with_capacity(text.len());
        let mut original = Vec::with_capacity(text.len() + 1);
        for (offset, c) in text.char_indices() {
            for l in c.to_lowercase() {
                let before = lowered.len();
                lowered.push(l);
                original.extend(std::iter::repeat_n(offset, lowered.len() - before));
            }
        }
        original.push(text.len());
        Lowered {
            text: lowered,
            original,
        }
    }

    /// Byte ranges (in the lowered text) where `pattern` stands as a whole
    /// word: no letter or digit right before or after it.
    fn word_matches(&self, pattern: &str) -> Vec<(usize, usize)> {
        let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(index) = self.text[from..].find(pattern) {
            let start = from + index;
            let end = start + pattern.len();
            let before = self.text[..start].chars().next_back();
            let after = self.text[end..].chars().next();
            if !is_word(before) && !is_word(after) {
                found.push((start, end));
            }
            from = start + pattern.chars().next().map_or(1, char::len_utf8);
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher() -> NameMatcher {
        let id = |s: &str| AccountId::parse(s).unwrap();
        NameMatcher::new([
            (id("M001"), "Marie Dubois".to_string()),
            (id("M003"), "فاطمة الزهراء".to_string()),
            (id("M004"), "Şükrü Öztürk".to_string()),
            (id("M009"), "Jo".to_string()),
            (id("M010"), "Ali".to_string()),
        ])
    }

    fn hits(text: &str) -> Vec<String> {
        matcher()
            .find(text)
            .into_iter()
            .map(|h| h.account.to_string())
            .collect()
    }

    #[test]
    fn a_name_is_found_as_a_whole_word_in_any_case() {
        assert_eq!(hits("Soep gekookt voor MARIE dubois"), ["M001"]);
        assert_eq!(hits("hulp aan marie."), ["M001"]);
        assert_eq!(hits("with Ali, shopping"), ["M010"]);
        assert_eq!(hits("Alibaba's cave"), Vec::<String>::new());
        assert_eq!(hits("Mariette"), Vec::<String>::new());
    }

    #[test]
    fn names_in_other_scripts_are_found_too() {
        assert_eq!(hits("مساعدة فاطمة في المطبخ"), ["M003"]);
        assert_eq!(hits("şükrü öztürk ile"), ["M004"]);
    }

    #[test]
    fn short_names_are_not_looked_for() {
        assert_eq!(hits("Jo helped"), Vec::<String>::new());
    }

    #[test]
    fn redaction_keeps_the_member_and_numbers_the_others() {
        let m = matcher();
        let me = AccountId::parse("M001").unwrap();
        assert_eq!(
            m.redact("Marie helped Ali and Şükrü Öztürk", &me),
            "Marie helped M010 and M004"
        );
        assert_eq!(m.redact("ŞÜKRÜ came", &me), "M004 came");
    }
}
