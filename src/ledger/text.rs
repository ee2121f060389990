//! Free text a person types: names, descriptions, reasons, slips, offers.
//! One rule for every path (command line, spreadsheet import, kiosk),
//! because all of them go through the ledger's value constructors, which
//! call `checked_text`.
//!
//! Text must not lie about itself: what a statement, a kiosk screen or a
//! spreadsheet shows must read as what was stored and signed. So:
//!
//! - It is normalised to NFC before it is stored or signed, so `é` typed
//!   as one character or as `e` + combining accent is the same text (and
//!   the same signed bytes).
//! - Control characters (tab, new line, ...) and the line and paragraph
//!   separators U+2028/U+2029 are refused: they break lines in exports
//!   and on paper.
//! - The bidirectional overrides, embeddings and isolates (U+202A-U+202E,
//!   U+2066-U+2069) are refused: they reorder what is shown, so "pay 10"
//!   could be stored as "pay 01".
//! - Every other invisible format character (Unicode general category Cf:
//!   direction marks U+200E/U+200F/U+061C, the soft hyphen, zero-width
//!   spaces and word joiners, the byte-order mark, ...) is refused where
//!   it stands alone, with three exceptions that real writing needs:
//!   * ZERO WIDTH NON-JOINER (U+200C) and ZERO WIDTH JOINER (U+200D)
//!     between two letters or marks: Persian, Arabic, Kurdish and Indic
//!     words use them to choose a letter's shape ("می‌خواهم").
//!   * ZERO WIDTH JOINER between two emoji, as in the family and
//!     profession sequences (👩‍🍳).
//!   * Tag characters (U+E0020-U+E007F) right after an emoji or another
//!     tag character: the flags of Scotland, Wales and England.
//!
//!   Anything else of category Cf has no visible effect in a name or a
//!   sentence except to make two texts that look the same differ.
//!
//! Refusals name the character (U+202E and what it is), its position
//! (counted in characters from 1, in the text as typed) and what to do.

use unicode_normalization::UnicodeNormalization;
use unicode_properties::{
    GeneralCategory, GeneralCategoryGroup, UnicodeEmoji, UnicodeGeneralCategory,
};

use super::error::FieldError;

/// The text trimmed, checked and in NFC, or the first character that is
/// not allowed. `what` names the field in messages ("display name").
pub fn checked_text(text: &str, what: &'static str) -> Result<String, FieldError> {
    let trimmed = text.trim();
    let chars: Vec<char> = trimmed.chars().collect();
    for (index, &c) in chars.iter().enumerate() {
        let position = index + 1;
        if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
            return Err(FieldError::ControlCharacter {
                what,
                character: describe(c),
                position,
            });
        }
        if c.general_category() == GeneralCategory::Format && !allowed_format(&chars, index) {
            return Err(FieldError::InvisibleCharacter {
                what,
                character: describe(c),
                position,
            });
        }
    }
    Ok(trimmed.nfc().collect())
}

/// True when the text has at least one letter or digit: a name made only
/// of spaces, dots or emoji names nobody.
pub fn has_visible_letter(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(
            c.general_category_group(),
            GeneralCategoryGroup::Letter | GeneralCategoryGroup::Number
        )
    })
}

/// Whether the format character at `index` is one of the exceptions
/// written down at the top of this file.
fn allowed_format(chars: &[char], index: usize) -> bool {
    let c = chars[index];
    let before = index.checked_sub(1).map(|i| chars[i]);
    let after = chars.get(index + 1).copied();
    let in_word = |x: Option<char>| {
        x.is_some_and(|x| {
            matches!(
                x.general_category_group(),
                GeneralCategoryGroup::Letter | GeneralCategoryGroup::Mark
            )
        })
    };
    // Pictographic emoji only: digits, `#` and `*` are Emoji=Yes too (for
    // keycaps) but are no place for a joiner.
    let pictograph = |x: char| x.is_emoji_char() && !x.is_ascii();
    // An emoji, or the end of one: a variation selector or skin tone.
    let emoji = |x: Option<char>| {
        x.is_some_and(|x| pictograph(x) || (x.is_emoji_component() && !x.is_ascii()))
    };
    match c {
        '\u{200C}' => in_word(before) && in_word(after),
        '\u{200D}' => {
            (in_word(before) && in_word(after)) || (emoji(before) && after.is_some_and(pictograph))
        }
        '\u{E0020}'..='\u{E007F}' => {
            before.is_some_and(|x| pictograph(x) || ('\u{E0020}'..='\u{E007F}').contains(&x))
        }
        _ => false,
    }
}

/// "U+202E (RIGHT-TO-LEFT OVERRIDE)" for the characters people meet,
/// "U+202E" (its code point) with its kind otherwise.
pub fn describe(c: char) -> String {
    let name = match c {
        '\t' => "TAB",
        '\n' => "LINE FEED, a new line",
        '\r' => "CARRIAGE RETURN",
        '\u{2028}' => "LINE SEPARATOR",
        '\u{2029}' => "PARAGRAPH SEPARATOR",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER, allowed only inside a word",
        '\u{200D}' => "ZERO WIDTH JOINER, allowed only inside a word or an emoji",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{00AD}' => "SOFT HYPHEN",
        '\u{2060}' => "WORD JOINER",
        '\u{FEFF}' => "BYTE ORDER MARK",
        c if c.is_control() => "a control character",
        _ => "an invisible formatting character",
    };
    format!("U+{:04X} ({name})", c as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_stored_in_nfc() {
        let decomposed = "Zoe\u{0308}";
        assert_eq!(checked_text(decomposed, "name").unwrap(), "Zoë");
    }

    #[test]
    fn direction_controls_are_refused_with_their_name_and_place() {
        let err = checked_text("ab\u{202E}cd", "description").unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains("U+202E (RIGHT-TO-LEFT OVERRIDE)"),
            "{message}"
        );
        assert!(message.contains("character 3"), "{message}");
        for c in [
            '\u{202A}', '\u{202D}', '\u{2066}', '\u{2069}', '\u{200E}', '\u{200B}', '\u{FEFF}',
            '\u{00AD}',
        ] {
            assert!(checked_text(&format!("a{c}b"), "name").is_err(), "{c:?}");
        }
        assert!(checked_text("a\u{2028}b", "name").is_err());
    }

    #[test]
    fn joiners_inside_words_and_emoji_are_writing() {
        for ok in [
            "می\u{200C}خواهم",
            "क्\u{200D}ष",
            "👩\u{200D}🍳",
            "👍🏽\u{200D}🔥",
            "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
        ] {
            assert!(checked_text(ok, "name").is_ok(), "{ok:?}");
        }
        for bad in ["\u{200C}abc", "abc \u{200D} def", "a\u{200D}", "1\u{E0067}"] {
            assert!(checked_text(bad, "name").is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_name_needs_a_letter_or_digit() {
        assert!(has_visible_letter("Zoë"));
        assert!(has_visible_letter("فاطمة"));
        assert!(has_visible_letter("007"));
        assert!(!has_visible_letter("..."));
        assert!(!has_visible_letter("🙂"));
    }
}
