//! Exact amounts of the community currency.
//!
//! An amount is an integer number of hundredths of the unit (`minor`), so
//! sums are exact and zero means zero. Parsing goes through rust_decimal so
//! that every way a typed amount can be wrong gets its own message.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use super::error::AmountError;

/// The largest amount one posting may carry: 10,000.00 units. A time bank
/// never moves more in one go; anything bigger is a typing mistake.
pub const AMOUNT_MAX_MINOR: i64 = 1_000_000;

/// The largest magnitude any amount akker reads may have: 1,000,000.00
/// units, for limits, balances and opening balances alike (a posting is
/// further held to `AMOUNT_MAX_MINOR`). One bound for every amount, far
/// from where i64 hundredths overflow, so sums of a million postings stay
/// exact and no sign can flip.
pub const MAGNITUDE_MAX_MINOR: i64 = 100_000_000;

/// A signed amount in hundredths of the currency unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(i64);

impl Amount {
    pub const ZERO: Amount = Amount(0);

    pub const fn from_minor(minor: i64) -> Amount {
        Amount(minor)
    }

    pub const fn minor(self) -> i64 {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    pub fn abs(self) -> Amount {
        Amount(self.0.abs())
    }

    pub fn checked_add(self, other: Amount) -> Option<Amount> {
        self.0.checked_add(other.0).map(Amount)
    }

    /// Parses an amount the treasurer typed, which must be positive: the
    /// direction comes from the command (`--from`/`--to`), never a sign.
    pub fn parse_positive(text: &str) -> Result<Amount, AmountError> {
        // A payment's own bound says more than the bound of all amounts.
        let amount = Amount::parse_signed(text).map_err(|e| match e {
            AmountError::OutOfRange(t) => AmountError::TooLarge(t),
            other => other,
        })?;
        if amount.is_zero() {
            return Err(AmountError::Zero);
        }
        if amount.is_negative() {
            return Err(AmountError::Negative(text.trim().to_string()));
        }
        if amount.minor() > AMOUNT_MAX_MINOR {
            return Err(AmountError::TooLarge(text.trim().to_string()));
        }
        Ok(amount)
    }

    /// Parses a signed amount with at most two decimals. Both `.` and `,`
    /// are accepted as the decimal mark (Belgian spreadsheets write `1,50`);
    /// a third decimal is refused rather than rounded, which also catches
    /// `1.500` meant as a thousands separator.
    pub fn parse_signed(text: &str) -> Result<Amount, AmountError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(AmountError::Empty);
        }
        let normalised = trimmed.replace(',', ".");
        if normalised.matches('.').count() > 1 {
            return Err(AmountError::NotANumber(trimmed.to_string()));
        }
        if let Some((_, decimals)) = normalised.split_once('.') {
            if decimals.len() > 2 {
                return Err(AmountError::TooPrecise(trimmed.to_string()));
            }
        }
        let valid_chars = normalised
            .chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && (c == '-' || c == '+')));
        if !valid_chars {
            return Err(AmountError::NotANumber(trimmed.to_string()));
        }
        let decimal = Decimal::from_str(&normalised)
            .map_err(|_| AmountError::NotANumber(trimmed.to_string()))?;
        Amount::from_decimal(decimal).ok_or_else(|| AmountError::OutOfRange(trimmed.to_string()))
    }

    /// Converts an exact decimal with at most two decimals, or None when
    /// its magnitude is beyond [`MAGNITUDE_MAX_MINOR`].
    pub fn from_decimal(decimal: Decimal) -> Option<Amount> {
        let minor = decimal.checked_mul(Decimal::ONE_HUNDRED)?.normalize();
        if minor.scale() != 0 {
            return None;
        }
        let minor: i64 = minor.try_into().ok()?;
        // unsigned_abs: i64::MIN has no positive counterpart, and abs()
        // of it wrapped to a negative number that passed the check.
        if minor.unsigned_abs() > MAGNITUDE_MAX_MINOR as u64 {
            return None;
        }
        Some(Amount(minor))
    }

    pub fn to_decimal(self) -> Decimal {
        Decimal::new(self.0, 2)
    }
}

/// Always two decimals and a `.` mark: this is also the form used in the
/// signed encoding and in `--json`, so it must never depend on a locale.
impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let text = format!("{sign}{}.{:02}", abs / 100, abs % 100);
        f.pad(&text)
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dot_and_comma() {
        assert_eq!(Amount::parse_positive("1.5").unwrap().minor(), 150);
        assert_eq!(Amount::parse_positive("1,75").unwrap().minor(), 175);
        assert_eq!(Amount::parse_positive("2").unwrap().minor(), 200);
        assert_eq!(Amount::parse_signed("-0.25").unwrap().minor(), -25);
    }

    #[test]
    fn refuses_each_mistake_with_its_own_error() {
        assert_eq!(Amount::parse_positive("0"), Err(AmountError::Zero));
        assert_eq!(Amount::parse_positive("0.00"), Err(AmountError::Zero));
        assert!(matches!(
            Amount::parse_positive("-1"),
            Err(AmountError::Negative(_))
        ));
        assert!(matches!(
            Amount::parse_positive("1.505"),
            Err(AmountError::TooPrecise(_))
        ));
        assert!(matches!(
            Amount::parse_positive("1.500"),
            Err(AmountError::TooPrecise(_))
        ));
        assert!(matches!(
            Amount::parse_positive("1e3"),
            Err(AmountError::NotANumber(_))
        ));
        assert!(matches!(
            Amount::parse_positive("1.2.3"),
            Err(AmountError::NotANumber(_))
        ));
        assert!(matches!(
            Amount::parse_positive("abc"),
            Err(AmountError::NotANumber(_))
        ));
        assert!(matches!(
            Amount::parse_positive("10000.01"),
            Err(AmountError::TooLarge(_))
        ));
        assert!(matches!(
            Amount::parse_positive("99999999999999999999999"),
            Err(AmountError::TooLarge(_))
        ));
        for edge in [
            "-92233720368547758.08",
            "-92233720368547758.07",
            "1000000.01",
            "-1000000.01",
        ] {
            assert!(
                matches!(Amount::parse_signed(edge), Err(AmountError::OutOfRange(_))),
                "{edge}"
            );
        }
        assert_eq!(
            Amount::parse_signed("-1000000").unwrap().minor(),
            -100_000_000
        );
        assert_eq!(Amount::parse_positive(" "), Err(AmountError::Empty));
    }

    #[test]
    fn displays_two_decimals() {
        assert_eq!(Amount::from_minor(150).to_string(), "1.50");
        assert_eq!(Amount::from_minor(-5).to_string(), "-0.05");
        assert_eq!(Amount::from_minor(0).to_string(), "0.00");
        assert_eq!(format!("{:>7}", Amount::from_minor(-150)), "  -1.50");
    }
}
