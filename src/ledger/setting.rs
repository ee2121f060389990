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
    SoftFloorPerson,
    SoftCeilingPerson,
    SoftFloorInitiative,
    SoftCeilingInitiative,
    SoftFloorPartner,
    SoftCeilingPartner,
    SoftFloorSystem,
    SoftCeilingSystem,
    GrowthBase,
    GrowthFactor,
    GrowthMonths,
    GrowthCap,
    FundAccount,
    ContributionAmount,
    ContributionEvery,
    DemurrageRate,
    DemurrageThreshold,
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
    pub const ALL: [SettingKey; 29] = [
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
        SettingKey::SoftFloorPerson,
        SettingKey::SoftCeilingPerson,
        SettingKey::SoftFloorInitiative,
        SettingKey::SoftCeilingInitiative,
        SettingKey::SoftFloorPartner,
        SettingKey::SoftCeilingPartner,
        SettingKey::SoftFloorSystem,
        SettingKey::SoftCeilingSystem,
        SettingKey::GrowthBase,
        SettingKey::GrowthFactor,
        SettingKey::GrowthMonths,
        SettingKey::GrowthCap,
        SettingKey::FundAccount,
        SettingKey::ContributionAmount,
        SettingKey::ContributionEvery,
        SettingKey::DemurrageRate,
        SettingKey::DemurrageThreshold,
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
            SettingKey::SoftFloorPerson => "limits.person.soft-floor",
            SettingKey::SoftCeilingPerson => "limits.person.soft-ceiling",
            SettingKey::SoftFloorInitiative => "limits.initiative.soft-floor",
            SettingKey::SoftCeilingInitiative => "limits.initiative.soft-ceiling",
            SettingKey::SoftFloorPartner => "limits.partner.soft-floor",
            SettingKey::SoftCeilingPartner => "limits.partner.soft-ceiling",
            SettingKey::SoftFloorSystem => "limits.system.soft-floor",
            SettingKey::SoftCeilingSystem => "limits.system.soft-ceiling",
            SettingKey::GrowthBase => "growth.base",
            SettingKey::GrowthFactor => "growth.factor",
            SettingKey::GrowthMonths => "growth.months",
            SettingKey::GrowthCap => "growth.cap",
            SettingKey::FundAccount => "fund.account",
            SettingKey::ContributionAmount => "fund.contribution.amount",
            SettingKey::ContributionEvery => "fund.contribution.every",
            SettingKey::DemurrageRate => "fund.demurrage.rate-percent",
            SettingKey::DemurrageThreshold => "fund.demurrage.threshold",
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
            SettingKey::SoftFloorPerson => "soft floor of person accounts (a notice below it)",
            SettingKey::SoftCeilingPerson => "soft ceiling of person accounts (a notice above it)",
            SettingKey::SoftFloorInitiative => "soft floor of initiative accounts",
            SettingKey::SoftCeilingInitiative => "soft ceiling of initiative accounts",
            SettingKey::SoftFloorPartner => "soft floor of partner accounts",
            SettingKey::SoftCeilingPartner => "soft ceiling of partner accounts",
            SettingKey::SoftFloorSystem => "soft floor of system accounts",
            SettingKey::SoftCeilingSystem => "soft ceiling of system accounts",
            SettingKey::GrowthBase => "credit growth: the floor before any giving (like -10)",
            SettingKey::GrowthFactor => "credit growth: floor hours per hour given (like 0.5)",
            SettingKey::GrowthMonths => "credit growth: months of giving that count (1 to 60)",
            SettingKey::GrowthCap => "credit growth: the lowest floor it gives (like -40)",
            SettingKey::FundAccount => "the community fund's account (a system account)",
            SettingKey::ContributionAmount => {
                "hours each open person account gives the fund per period"
            }
            SettingKey::ContributionEvery => "how often the contribution is due: year or month",
            SettingKey::DemurrageRate => {
                "percent a month of a balance above the threshold (like 0.5)"
            }
            SettingKey::DemurrageThreshold => "balance above which demurrage is charged (like 20)",
        }
    }

    /// Settings that change limits or the fund's rules (`policy`).
    pub fn is_policy(self) -> bool {
        !matches!(
            self,
            SettingKey::OrganisationName
                | SettingKey::OrganisationAddress
                | SettingKey::OrganisationRegistration
                | SettingKey::OrganisationContact
                | SettingKey::OrganisationSignatory
                | SettingKey::OrganisationSignatoryRole
                | SettingKey::OrganisationPlace
                | SettingKey::OrganisationCheckAddress
                | SettingKey::TreasurerName
                | SettingKey::TreasurerContact
                | SettingKey::PrivacyRetentionMonths
        )
    }

    /// The soft floor and soft ceiling settings of an account kind.
    pub fn soft_keys(kind: crate::ledger::AccountKind) -> (SettingKey, SettingKey) {
        use crate::ledger::AccountKind;
        match kind {
            AccountKind::Person => (SettingKey::SoftFloorPerson, SettingKey::SoftCeilingPerson),
            AccountKind::Initiative => (
                SettingKey::SoftFloorInitiative,
                SettingKey::SoftCeilingInitiative,
            ),
            AccountKind::Partner => (SettingKey::SoftFloorPartner, SettingKey::SoftCeilingPartner),
            AccountKind::System => (SettingKey::SoftFloorSystem, SettingKey::SoftCeilingSystem),
        }
    }

    /// The form of a policy value, checked and written as signed; None
    /// for the free-text settings.
    fn policy_value(self, value: &str) -> Option<Result<String, String>> {
        use crate::ledger::{AccountId, Amount};
        let amount = |check: fn(Amount) -> bool, what: &str| {
            Amount::parse_signed(value)
                .ok()
                .filter(|a| check(*a))
                .map(|a| a.to_string())
                .ok_or_else(|| what.to_string())
        };
        Some(match self {
            SettingKey::SoftFloorPerson
            | SettingKey::SoftFloorInitiative
            | SettingKey::SoftFloorPartner
            | SettingKey::SoftFloorSystem
            | SettingKey::GrowthBase
            | SettingKey::GrowthCap => amount(
                |a| a.minor() <= 0 && a.minor() >= -super::amount::MAGNITUDE_MAX_MINOR,
                "must be an amount of zero or less, like -15 or -15.50",
            ),
            SettingKey::SoftCeilingPerson
            | SettingKey::SoftCeilingInitiative
            | SettingKey::SoftCeilingPartner
            | SettingKey::SoftCeilingSystem
            | SettingKey::DemurrageThreshold => amount(
                |a| a.minor() >= 0 && a.minor() <= super::amount::MAGNITUDE_MAX_MINOR,
                "must be an amount of zero or more, like 30 or 30.50",
            ),
            SettingKey::GrowthFactor => amount(
                |a| (0..=crate::ledger::policy::GROWTH_FACTOR_MAX_HUNDREDTHS).contains(&a.minor()),
                "must be a number from 0 to 10 with at most two decimals, like 0.5",
            ),
            SettingKey::DemurrageRate => amount(
                |a| (1..=10_000).contains(&a.minor()),
                "must be a percentage above 0 and at most 100 with at most two decimals, like 0.5",
            ),
            SettingKey::ContributionAmount => amount(
                |a| a.minor() > 0 && a.minor() <= super::amount::AMOUNT_MAX_MINOR,
                "must be a positive amount of at most 10000, like 1 or 1.50",
            ),
            SettingKey::GrowthMonths => value
                .parse::<u32>()
                .ok()
                .filter(|m| {
                    (1..=crate::ledger::policy::GROWTH_MONTHS_MAX).contains(m)
                        && !value.starts_with(['0', '+'])
                })
                .map(|m| m.to_string())
                .ok_or_else(|| "must be a whole number of months from 1 to 60".to_string()),
            SettingKey::ContributionEvery => match value {
                "year" | "month" => Ok(value.to_string()),
                _ => Err("must be year or month".to_string()),
            },
            SettingKey::FundAccount => AccountId::parse(value)
                .map(|id| id.to_string())
                .map_err(|_| "must be an account id, like SYS-FUND".to_string()),
            _ => return None,
        })
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
        if let Some(checked) = self.policy_value(value) {
            return checked.map_err(|why| invalid(&why));
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

    #[test]
    fn policy_values_are_written_in_one_form() {
        let ok = |key: SettingKey, given: &str, signed: &str| {
            assert_eq!(key.canonical_value(given).unwrap(), signed, "{key} {given}");
            assert_eq!(
                key.canonical_value(signed).unwrap(),
                signed,
                "{key} {signed}"
            );
        };
        ok(SettingKey::SoftFloorPerson, "-15", "-15.00");
        ok(SettingKey::SoftCeilingPerson, "30,5", "30.50");
        ok(SettingKey::GrowthFactor, "0.5", "0.50");
        ok(SettingKey::GrowthMonths, "12", "12");
        ok(SettingKey::FundAccount, "sys-fund", "SYS-FUND");
        ok(SettingKey::ContributionEvery, "month", "month");
        ok(SettingKey::DemurrageRate, "0.5", "0.50");
        for (key, bad) in [
            (SettingKey::SoftFloorPerson, "5"),
            (SettingKey::SoftCeilingPerson, "-5"),
            (SettingKey::GrowthFactor, "10.01"),
            (SettingKey::GrowthFactor, "0.125"),
            (SettingKey::GrowthMonths, "61"),
            (SettingKey::DemurrageRate, "0"),
            (SettingKey::DemurrageRate, "100.01"),
            (SettingKey::ContributionAmount, "0"),
            (SettingKey::ContributionEvery, "week"),
            (SettingKey::FundAccount, "sys fund"),
        ] {
            assert!(key.canonical_value(bad).is_err(), "{key} {bad}");
        }
    }
}
