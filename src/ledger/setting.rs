//! Signed settings: values the treasurer sets after `init` (who the
//! organisation is, who the treasurer is, how long personal data is
//! kept). Each change is one `setting-set` entry with a name and a text
//! value, so a new setting needs only a new name here, never a new
//! encoding. An empty value clears the setting.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;
use thiserror::Error;

/// Every setting akker knows, by its name in the signed entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "&'static str")]
pub enum SettingKey {
    OrganisationName,
    OrganisationAddress,
    OrganisationRegistration,
    OrganisationContact,
    OrganisationSignatory,
    OrganisationSignatoryRole,
    OrganisationPlace,
    OrganisationCheckAddress,
    TreasurerName,
    TreasurerContact,
    PrivacyRetentionMonths,
    /// Days a request waits for its payer before it expires.
    RequestsExpiryDays,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SettingError {
    #[error("'{given}' is not a setting; the settings are: {}", SettingKey::names().join(", "))]
    UnknownName { given: String },
    #[error("the value of {key} {why}")]
    Invalid { key: SettingKey, why: String },
}

/// Free-text values fit on one printed line.
const MAX_TEXT_CHARS: usize = 200;

impl SettingKey {
    pub const ALL: [SettingKey; 12] = [
        SettingKey::OrganisationName,
        SettingKey::OrganisationAddress,
        SettingKey::OrganisationRegistration,
        SettingKey::OrganisationContact,
        SettingKey::OrganisationSignatory,
        SettingKey::OrganisationSignatoryRole,
        SettingKey::OrganisationPlace,
        SettingKey::OrganisationCheckAddress,
        SettingKey::TreasurerName,
        SettingKey::TreasurerContact,
        SettingKey::PrivacyRetentionMonths,
        SettingKey::RequestsExpiryDays,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SettingKey::OrganisationName => "organisation.name",
            SettingKey::OrganisationAddress => "organisation.address",
            SettingKey::OrganisationRegistration => "organisation.registration",
            SettingKey::OrganisationContact => "organisation.contact",
            SettingKey::OrganisationSignatory => "organisation.signatory",
            SettingKey::OrganisationSignatoryRole => "organisation.signatory-role",
            SettingKey::OrganisationPlace => "organisation.place",
            SettingKey::OrganisationCheckAddress => "organisation.check-address",
            SettingKey::TreasurerName => "treasurer.name",
            SettingKey::TreasurerContact => "treasurer.contact",
            SettingKey::PrivacyRetentionMonths => "privacy.retention-months",
            SettingKey::RequestsExpiryDays => "requests.expiry-days",
        }
    }

    pub fn names() -> Vec<&'static str> {
        SettingKey::ALL.iter().map(|k| k.as_str()).collect()
    }

    /// What the setting is for, shown by `akker settings show`.
    pub fn describe(self) -> &'static str {
        match self {
            SettingKey::OrganisationName => "the organisation's legal name",
            SettingKey::OrganisationAddress => "its postal address, on one line",
            SettingKey::OrganisationRegistration => "its registration number",
            SettingKey::OrganisationContact => "how to reach it (e-mail or telephone)",
            SettingKey::OrganisationSignatory => "who signs attestations",
            SettingKey::OrganisationSignatoryRole => "that person's role",
            SettingKey::OrganisationPlace => "the place printed beside signatures",
            SettingKey::OrganisationCheckAddress => "where a printed code can be checked",
            SettingKey::TreasurerName => "the treasurer's name",
            SettingKey::TreasurerContact => "how to reach the treasurer",
            SettingKey::PrivacyRetentionMonths => {
                "months to keep a closed account's name (1 to 1200)"
            }
            SettingKey::RequestsExpiryDays => {
                "days a request waits for its payer before it expires (1 to 3650; 60 when not set)"
            }
        }
    }

    /// The value as it is signed: surrounding white space trimmed, then
    /// checked. An empty value clears the setting and is always valid.
    pub fn canonical_value(self, value: &str) -> Result<String, SettingError> {
        let value = value.trim();
        let invalid = |why: &str| SettingError::Invalid {
            key: self,
            why: why.to_string(),
        };
        if value.is_empty() {
            return Ok(String::new());
        }
        if value.chars().any(char::is_control) {
            return Err(invalid(
                "contains control characters (such as a tab or a new line); write it on one line",
            ));
        }
        if value.chars().count() > MAX_TEXT_CHARS {
            return Err(invalid(&format!(
                "is longer than {MAX_TEXT_CHARS} characters; shorten it"
            )));
        }
        if self == SettingKey::PrivacyRetentionMonths {
            let months: u32 = value
                .parse()
                .ok()
                .filter(|m| (1..=1200).contains(m) && !value.starts_with(['0', '+']))
                .ok_or_else(|| invalid("must be a whole number of months from 1 to 1200"))?;
            return Ok(months.to_string());
        }
        if self == SettingKey::RequestsExpiryDays {
            let max = crate::ledger::request::EXPIRY_DAYS_MAX;
            let days: u32 = value
                .parse()
                .ok()
                .filter(|d| (1..=max).contains(d) && !value.starts_with(['0', '+']))
                .ok_or_else(|| {
                    invalid(&format!("must be a whole number of days from 1 to {max}"))
                })?;
            return Ok(days.to_string());
        }
        Ok(value.to_string())
    }
}

impl fmt::Display for SettingKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<SettingKey> for &'static str {
    fn from(key: SettingKey) -> Self {
        key.as_str()
    }
}

impl FromStr for SettingKey {
    type Err = SettingError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SettingKey::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim())
            .ok_or_else(|| SettingError::UnknownName {
                given: s.to_string(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_names_list_the_known_ones() {
        for key in SettingKey::ALL {
            assert_eq!(key.as_str().parse::<SettingKey>().unwrap(), key);
        }
        let err = "organisation.colour".parse::<SettingKey>().unwrap_err();
        assert!(
            err.to_string().contains("privacy.retention-months"),
            "{err}"
        );
    }

    #[test]
    fn values_are_trimmed_checked_and_retention_is_a_month_count() {
        let name = SettingKey::OrganisationName;
        assert_eq!(
            name.canonical_value("  Buurtuur vzw ").unwrap(),
            "Buurtuur vzw"
        );
        assert_eq!(name.canonical_value("   ").unwrap(), "");
        assert!(name.canonical_value("a\nb").is_err());
        assert!(name.canonical_value(&"x".repeat(201)).is_err());
        let months = SettingKey::PrivacyRetentionMonths;
        assert_eq!(months.canonical_value("24").unwrap(), "24");
        for bad in ["0", "1201", "024", "+5", "two", "1.5", "-3"] {
            assert!(months.canonical_value(bad).is_err(), "{bad}");
        }
    }
}
