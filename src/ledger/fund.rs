//! The bodies of the entries that move hours without work: a `gift` from
//! one account to another (or to the community fund) and a `fund-run`,
//! the postings of one run of a fund rule. Both are balanced by
//! construction; the rules that depend on the ledger's state are in
//! `state` and `policy`.

use chrono::NaiveDate;
use serde::Serialize;

use super::account::AccountId;
use super::amount::{Amount, AMOUNT_MAX_MINOR};
use super::policy::{FundRule, PolicyError};
use super::transaction::{check_postings, Description, Posting, SlipRef};
use super::TransactionError;

/// Hours given without any work in return. Fields are private: `new` is
/// the one way to make one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gift {
    date: NaiveDate,
    from: AccountId,
    to: AccountId,
    amount: Amount,
    why: Description,
    slip: Option<SlipRef>,
}

impl Gift {
    pub fn new(
        date: NaiveDate,
        from: AccountId,
        to: AccountId,
        amount: Amount,
        why: Description,
        slip: Option<SlipRef>,
    ) -> Result<Gift, PolicyError> {
        if from == to {
            return Err(PolicyError::BadGift(format!(
                "{from} cannot give to itself; give to another account"
            )));
        }
        if amount.minor() <= 0 || amount.minor() > AMOUNT_MAX_MINOR {
            return Err(PolicyError::BadGift(format!(
                "the amount {amount} must be above 0 and at most 10000.00"
            )));
        }
        Ok(Gift {
            date,
            from,
            to,
            amount,
            why,
            slip,
        })
    }

    pub fn date(&self) -> NaiveDate {
        self.date
    }
    pub fn from(&self) -> &AccountId {
        &self.from
    }
    pub fn to(&self) -> &AccountId {
        &self.to
    }
    pub fn amount(&self) -> Amount {
        self.amount
    }
    pub fn why(&self) -> &Description {
        &self.why
    }
    pub fn slip(&self) -> Option<&SlipRef> {
        self.slip.as_ref()
    }

    /// The two postings a gift makes, giver first.
    pub fn postings(&self) -> Vec<Posting> {
        vec![
            Posting {
                account: self.from.clone(),
                amount: Amount::from_minor(-self.amount.minor()),
            },
            Posting {
                account: self.to.clone(),
                amount: self.amount,
            },
        ]
    }
}

/// One run of a fund rule for one period, with the postings the rule
/// computed: the charged accounts (negative) and the fund (positive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FundRun {
    rule: FundRule,
    period: String,
    date: NaiveDate,
    description: Description,
    postings: Vec<Posting>,
}

impl FundRun {
    pub fn new(
        rule: FundRule,
        period: String,
        date: NaiveDate,
        description: Description,
        postings: Vec<Posting>,
    ) -> Result<FundRun, TransactionError> {
        check_postings(&postings)?;
        Ok(FundRun {
            rule,
            period,
            date,
            description,
            postings,
        })
    }

    pub fn rule(&self) -> FundRule {
        self.rule
    }
    pub fn period(&self) -> &str {
        &self.period
    }
    pub fn date(&self) -> NaiveDate {
        self.date
    }
    pub fn description(&self) -> &Description {
        &self.description
    }
    pub fn postings(&self) -> &[Posting] {
        &self.postings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gift_goes_from_one_account_to_another() {
        let id = |s: &str| AccountId::parse(s).unwrap();
        let date = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        let why = Description::parse("for the fund").unwrap();
        let gift = Gift::new(
            date,
            id("M001"),
            id("SYS-FUND"),
            Amount::from_minor(150),
            why.clone(),
            None,
        )
        .unwrap();
        assert_eq!(gift.postings()[0].amount, Amount::from_minor(-150));
        assert!(Gift::new(
            date,
            id("M001"),
            id("M001"),
            Amount::from_minor(1),
            why.clone(),
            None
        )
        .is_err());
        assert!(Gift::new(date, id("M001"), id("M002"), Amount::ZERO, why, None).is_err());
    }
}
