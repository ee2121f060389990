//! Accounts: who can hold hours. Each value type here has one validating
//! constructor, so a value that exists is a valid value.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use super::amount::{Amount, MAGNITUDE_MAX_MINOR};
use super::error::FieldError;
use super::text::{checked_text, has_visible_letter};

/// A short, stable id the treasurer can type: `M042`, `INIT-WERELDVROUWEN`.
/// Stored in upper case so `m042` and `M042` are the same account.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct AccountId(String);

impl AccountId {
    pub const LEN_MAX: usize = 32;

    pub fn parse(text: &str) -> Result<AccountId, FieldError> {
        let id = text.trim().to_ascii_uppercase();
        let well_formed = !id.is_empty()
            && id.len() <= Self::LEN_MAX
            && id
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
            && !id.starts_with('-')
            && !id.ends_with('-');
        if well_formed {
            Ok(AccountId(id))
        } else {
            Err(FieldError::AccountId(text.trim().to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for AccountId {
    type Err = FieldError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AccountId::parse(s)
    }
}

impl fmt::Display for AccountId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AccountKind {
    Person,
    Initiative,
    Partner,
    System,
}

impl AccountKind {
    pub const ALL: [AccountKind; 4] = [
        AccountKind::Person,
        AccountKind::Initiative,
        AccountKind::Partner,
        AccountKind::System,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AccountKind::Person => "person",
            AccountKind::Initiative => "initiative",
            AccountKind::Partner => "partner",
            AccountKind::System => "system",
        }
    }
}

impl FromStr for AccountKind {
    type Err = FieldError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AccountKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == s.trim().to_ascii_lowercase())
            .ok_or_else(|| FieldError::AccountKind(s.to_string()))
    }
}

impl fmt::Display for AccountKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AccountStatus {
    Open,
    Closed,
}

impl AccountStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountStatus::Open => "open",
            AccountStatus::Closed => "closed",
        }
    }
}

/// How far an account may go below and above zero. The floor is zero or
/// negative and the ceiling zero or positive, so a new account (at zero)
/// is always within its limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Limits {
    floor: Amount,
    ceiling: Amount,
}

impl Limits {
    pub fn new(floor: Amount, ceiling: Amount) -> Result<Limits, FieldError> {
        let in_range = |a: Amount| a.minor().unsigned_abs() <= MAGNITUDE_MAX_MINOR as u64;
        if floor.minor() > 0 || ceiling.minor() < 0 || !in_range(floor) || !in_range(ceiling) {
            return Err(FieldError::LimitsAroundZero { floor, ceiling });
        }
        Ok(Limits { floor, ceiling })
    }

    pub fn floor(&self) -> Amount {
        self.floor
    }

    pub fn ceiling(&self) -> Amount {
        self.ceiling
    }
}

/// A display name in any script, kept as typed (trimmed, in NFC), so
/// Arabic, Cyrillic and accented names round-trip; with at least one
/// letter or digit and nothing invisible (see `text`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct DisplayName(String);

impl DisplayName {
    pub const CHARS_MAX: usize = 100;

    pub fn parse(text: &str) -> Result<DisplayName, FieldError> {
        let name = checked_text(text, "display name")?;
        if name.is_empty() {
            return Err(FieldError::NameEmpty);
        }
        if name.chars().count() > Self::CHARS_MAX {
            return Err(FieldError::NameTooLong);
        }
        if !has_visible_letter(&name) {
            return Err(FieldError::NameNoLetter(name));
        }
        Ok(DisplayName(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A language tag such as `nl`, `fr`, `en`, `ar`, `tr` or `pt-BR`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Language(String);

impl Language {
    pub fn parse(text: &str) -> Result<Language, FieldError> {
        let trimmed = text.trim();
        let (primary, region) = match trimmed.split_once('-') {
            Some((p, r)) => (p, Some(r)),
            None => (trimmed, None),
        };
        let primary_ok =
            (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
        let region_ok = region.is_none_or(|r| {
            (2..=4).contains(&r.len()) && r.chars().all(|c| c.is_ascii_alphanumeric())
        });
        if !primary_ok || !region_ok {
            return Err(FieldError::Language(trimmed.to_string()));
        }
        let tag = match region {
            Some(r) => format!(
                "{}-{}",
                primary.to_ascii_lowercase(),
                r.to_ascii_uppercase()
            ),
            None => primary.to_ascii_lowercase(),
        };
        Ok(Language(tag))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A short free text (a description, a reason, a slip reference, an
/// offer): bounded, and checked and normalised by `text::checked_text`
/// (no control or invisible direction characters, NFC). May be empty;
/// each caller says what an empty one means.
pub fn short_text(text: &str, what: &'static str, chars_max: usize) -> Result<String, FieldError> {
    let text = checked_text(text, what)?;
    if text.chars().count() > chars_max {
        return Err(FieldError::TooLong(what, chars_max));
    }
    Ok(text)
}

/// Text read back from the journal, checked by the rules it was signed
/// under: trimmed, bounded, no control characters. The stricter rules of
/// `short_text` (NFC, no invisible characters) apply to new text only, so
/// an entry signed before them still reads back exactly as signed.
pub fn stored_text(text: &str, what: &'static str, chars_max: usize) -> Result<String, FieldError> {
    let trimmed = text.trim();
    if trimmed.chars().count() > chars_max {
        return Err(FieldError::TooLong(what, chars_max));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(FieldError::ControlCharacters(what));
    }
    Ok(trimmed.to_string())
}

/// A reason for a correction, a closure or an override: required, because
/// every correction must explain itself in the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Reason(String);

impl Reason {
    pub const CHARS_MAX: usize = 200;

    pub fn parse(text: &str) -> Result<Reason, FieldError> {
        let reason = short_text(text, "reason", Self::CHARS_MAX)?;
        if reason.is_empty() {
            return Err(FieldError::ReasonEmpty);
        }
        Ok(Reason(reason))
    }

    /// A reason as the journal holds it (see `stored_text`).
    pub fn from_stored(text: &str) -> Result<Reason, FieldError> {
        let reason = stored_text(text, "reason", Self::CHARS_MAX)?;
        if reason.is_empty() {
            return Err(FieldError::ReasonEmpty);
        }
        Ok(Reason(reason))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_ids_are_upper_case_and_typed_safely() {
        assert_eq!(AccountId::parse(" m042 ").unwrap().as_str(), "M042");
        assert_eq!(
            AccountId::parse("INIT-WERELDVROUWEN").unwrap().as_str(),
            "INIT-WERELDVROUWEN"
        );
        for bad in ["", "-M1", "M1-", "M 42", "M/42", "Ä1", &"X".repeat(33)] {
            assert!(AccountId::parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn names_in_any_script_round_trip() {
        for name in [
            "فاطمة الزهراء",
            "Олена Коваленко",
            "Zoë Lefèvre",
            "Şükrü Öztürk",
        ] {
            assert_eq!(DisplayName::parse(name).unwrap().as_str(), name);
        }
        assert_eq!(DisplayName::parse("  "), Err(FieldError::NameEmpty));
        assert!(DisplayName::parse("a\tb").is_err());
        assert!(DisplayName::parse("Ali\u{202E}").is_err());
        assert!(matches!(
            DisplayName::parse(" .. "),
            Err(FieldError::NameNoLetter(_))
        ));
    }

    #[test]
    fn limits_must_include_zero() {
        let a = Amount::from_minor;
        assert!(Limits::new(a(-2000), a(4000)).is_ok());
        assert!(Limits::new(a(100), a(4000)).is_err());
        assert!(Limits::new(a(-100), a(-1)).is_err());
    }

    #[test]
    fn languages() {
        assert_eq!(Language::parse("NL").unwrap().as_str(), "nl");
        assert_eq!(Language::parse("pt-br").unwrap().as_str(), "pt-BR");
        assert!(Language::parse("dutch").is_err());
    }
}
