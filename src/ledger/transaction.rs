//! Transactions: two or more postings that sum to exactly zero, with the
//! date the exchange happened, what was done and which kind of work it was.

use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::account::{short_text, stored_text, AccountId, Reason};
use super::amount::{Amount, AMOUNT_MAX_MINOR};
use super::error::{FieldError, TransactionError};

/// The first year a date may have: nothing in a time bank happened
/// earlier, and years before 1 AD (or 0) break the accounting tools the
/// exports are checked with.
pub const DATE_YEAR_MIN: i32 = 1900;

/// A date typed by a person, checked against the one range every path
/// shares: from 1900 to the end of the year after `this_year` (a date a
/// little ahead is caught later, against today, with its own message).
pub fn check_date(date: NaiveDate, this_year: i32) -> Result<NaiveDate, FieldError> {
    let last = this_year.saturating_add(1);
    if (DATE_YEAR_MIN..=last).contains(&date.year()) {
        Ok(date)
    } else {
        Err(FieldError::DateOutOfRange {
            date: date.to_string(),
            first: DATE_YEAR_MIN,
            last,
        })
    }
}

/// The four kinds of work community groups use to see the balance in
/// people's lives. Every exchange is exactly one of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WorkKind {
    Care,
    Community,
    SelfDevelopment,
    Practical,
}

impl WorkKind {
    pub const ALL: [WorkKind; 4] = [
        WorkKind::Care,
        WorkKind::Community,
        WorkKind::SelfDevelopment,
        WorkKind::Practical,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            WorkKind::Care => "care",
            WorkKind::Community => "community",
            WorkKind::SelfDevelopment => "self-development",
            WorkKind::Practical => "practical",
        }
    }
}

impl FromStr for WorkKind {
    type Err = FieldError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        WorkKind::ALL
            .into_iter()
            .find(|w| w.as_str() == s.trim().to_ascii_lowercase())
            .ok_or_else(|| FieldError::WorkKind(s.to_string()))
    }
}

impl fmt::Display for WorkKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// A skill tag such as `cooking`, `childcare` or `bike-repair`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Skill(String);

impl Skill {
    pub fn parse(text: &str) -> Result<Skill, FieldError> {
        let tag = text.trim().to_lowercase();
        let ok = !tag.is_empty()
            && tag.len() <= 32
            && tag
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if ok {
            Ok(Skill(tag))
        } else {
            Err(FieldError::Skill(text.trim().to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Skill {
    type Err = FieldError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Skill::parse(s)
    }
}

/// What was done, in a few words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Description(String);

impl Description {
    pub const CHARS_MAX: usize = 200;

    pub fn parse(text: &str) -> Result<Description, FieldError> {
        let text = short_text(text, "description", Self::CHARS_MAX)?;
        if text.is_empty() {
            return Err(FieldError::DescriptionEmpty);
        }
        Ok(Description(text))
    }

    /// A description as the journal holds it (see `account::stored_text`).
    pub fn from_stored(text: &str) -> Result<Description, FieldError> {
        let text = stored_text(text, "description", Self::CHARS_MAX)?;
        if text.is_empty() {
            return Err(FieldError::DescriptionEmpty);
        }
        Ok(Description(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The reference of the paper slip an entry was typed from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct SlipRef(String);

impl SlipRef {
    pub const CHARS_MAX: usize = 200;

    pub fn parse(text: &str) -> Result<SlipRef, FieldError> {
        let slip = short_text(text, "slip reference", Self::CHARS_MAX)?;
        if slip.is_empty() {
            return Err(FieldError::SlipEmpty);
        }
        Ok(SlipRef(slip))
    }

    /// A slip reference as the journal holds it (see `account::stored_text`).
    pub fn from_stored(text: &str) -> Result<SlipRef, FieldError> {
        let slip = stored_text(text, "slip reference", Self::CHARS_MAX)?;
        if slip.is_empty() {
            return Err(FieldError::SlipEmpty);
        }
        Ok(SlipRef(slip))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Posting {
    pub account: AccountId,
    pub amount: Amount,
}

/// A link from a reversal to the transaction it undoes. The hash is what
/// the signature covers; the seq is how the store finds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReversalLink {
    pub seq: i64,
    #[serde(serialize_with = "crate::ledger::entry::hex32")]
    pub entry_hash: [u8; 32],
    pub reason: Reason,
}

/// A balanced transaction. Fields are private: `Transaction::new` is the
/// only way to make one, and it refuses anything that does not balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Transaction {
    date: NaiveDate,
    work: WorkKind,
    skill: Option<Skill>,
    description: Description,
    slip: Option<SlipRef>,
    reverses: Option<ReversalLink>,
    override_reason: Option<Reason>,
    postings: Vec<Posting>,
}

pub struct TransactionParts {
    pub date: NaiveDate,
    pub work: WorkKind,
    pub skill: Option<Skill>,
    pub description: Description,
    pub slip: Option<SlipRef>,
    pub reverses: Option<ReversalLink>,
    pub override_reason: Option<Reason>,
    pub postings: Vec<Posting>,
}

impl Transaction {
    pub fn new(parts: TransactionParts) -> Result<Transaction, TransactionError> {
        if parts.date.year() < DATE_YEAR_MIN {
            return Err(TransactionError::DateTooEarly(parts.date.to_string()));
        }
        check_postings(&parts.postings)?;
        Ok(Transaction {
            date: parts.date,
            work: parts.work,
            skill: parts.skill,
            description: parts.description,
            slip: parts.slip,
            reverses: parts.reverses,
            override_reason: parts.override_reason,
            postings: parts.postings,
        })
    }

    /// A payment from one account to one or more others.
    pub fn payment(
        payer: &AccountId,
        payees: &[(AccountId, Amount)],
        details: PaymentDetails,
    ) -> Result<Transaction, TransactionError> {
        let mut total = Amount::ZERO;
        for (_, amount) in payees {
            total = total
                .checked_add(*amount)
                .ok_or(TransactionError::Unbalanced(Amount::from_minor(i64::MAX)))?;
        }
        if total.minor() > AMOUNT_MAX_MINOR {
            return Err(TransactionError::PostingTooLarge {
                account: payer.clone(),
                amount: total,
            });
        }
        let mut postings = vec![Posting {
            account: payer.clone(),
            amount: Amount::from_minor(-total.minor()),
        }];
        postings.extend(payees.iter().map(|(account, amount)| Posting {
            account: account.clone(),
            amount: *amount,
        }));
        Transaction::new(TransactionParts {
            date: details.date,
            work: details.work,
            skill: details.skill,
            description: details.description,
            slip: details.slip,
            reverses: None,
            override_reason: details.override_reason,
            postings,
        })
    }

    /// The opposite of `original`: every posting negated, linked to it.
    pub fn reversal_of(original: &Transaction, link: ReversalLink, date: NaiveDate) -> Transaction {
        let description = Description(format!(
            "Reversal of #{}: {}",
            link.seq,
            original.description.as_str()
        ))
        .truncated(Description::CHARS_MAX);
        Transaction {
            date,
            work: original.work,
            skill: original.skill.clone(),
            description,
            slip: None,
            reverses: Some(link),
            override_reason: None,
            postings: original
                .postings
                .iter()
                .map(|p| Posting {
                    account: p.account.clone(),
                    amount: Amount::from_minor(-p.amount.minor()),
                })
                .collect(),
        }
    }

    /// The same reversal, with an override reason when limits must yield.
    pub fn with_override(mut self, reason: Option<Reason>) -> Transaction {
        self.override_reason = reason;
        self
    }

    /// Refuses a date after `today` (in the community's time zone).
    pub fn check_date(&self, today: NaiveDate) -> Result<(), TransactionError> {
        if self.date > today {
            return Err(TransactionError::DateInFuture {
                date: self.date.to_string(),
                today: today.to_string(),
            });
        }
        Ok(())
    }

    pub fn date(&self) -> NaiveDate {
        self.date
    }
    pub fn work(&self) -> WorkKind {
        self.work
    }
    pub fn skill(&self) -> Option<&Skill> {
        self.skill.as_ref()
    }
    pub fn description(&self) -> &Description {
        &self.description
    }
    pub fn slip(&self) -> Option<&SlipRef> {
        self.slip.as_ref()
    }
    pub fn reverses(&self) -> Option<&ReversalLink> {
        self.reverses.as_ref()
    }
    pub fn override_reason(&self) -> Option<&Reason> {
        self.override_reason.as_ref()
    }
    pub fn postings(&self) -> &[Posting] {
        &self.postings
    }

    /// The one account that pays (has negative postings), if there is
    /// exactly one. A member or key holder may only sign as that payer.
    pub fn sole_payer(&self) -> Option<&AccountId> {
        let mut payers = self
            .postings
            .iter()
            .filter(|p| p.amount.is_negative())
            .map(|p| &p.account);
        let first = payers.next()?;
        payers.next().is_none().then_some(first)
    }
}

impl Description {
    fn truncated(self, chars_max: usize) -> Description {
        if self.0.chars().count() <= chars_max {
            return self;
        }
        Description(self.0.chars().take(chars_max).collect())
    }
}

pub struct PaymentDetails {
    pub date: NaiveDate,
    pub work: WorkKind,
    pub skill: Option<Skill>,
    pub description: Description,
    pub slip: Option<SlipRef>,
    pub override_reason: Option<Reason>,
}

/// The double-entry rules a transaction must meet on its own. `verify`
/// runs this same function over every stored transaction.
pub fn check_postings(postings: &[Posting]) -> Result<(), TransactionError> {
    if postings.len() < 2 {
        return Err(TransactionError::TooFewPostings);
    }
    let mut seen = HashSet::new();
    let mut sum: i128 = 0;
    for posting in postings {
        if posting.amount.is_zero() {
            return Err(TransactionError::ZeroPosting(posting.account.clone()));
        }
        if posting.amount.minor().abs() > AMOUNT_MAX_MINOR {
            return Err(TransactionError::PostingTooLarge {
                account: posting.account.clone(),
                amount: posting.amount,
            });
        }
        if !seen.insert(&posting.account) {
            return Err(TransactionError::AccountRepeated(posting.account.clone()));
        }
        sum += i128::from(posting.amount.minor());
    }
    if sum != 0 {
        // The sum is bounded by postings * AMOUNT_MAX_MINOR, so it fits.
        return Err(TransactionError::Unbalanced(Amount::from_minor(sum as i64)));
    }
    Ok(())
}

/// Who paid whom in a transaction: each payer's hours (negative
/// postings) go to the payees (positive postings) in posting order,
/// exactly, and `flow(payer, payee, minor)` is called for each piece. A
/// plain payment has one payer, so each payee's posting comes back as paid
/// by that payer; summing the pieces per posting gives the postings back.
/// Zero postings take no part. `minor` reads a posting's amount in minor
/// units, so the export (whole postings) and the report (interned account
/// numbers) share the one rule.
pub fn for_each_flow<'a, P>(
    postings: &'a [P],
    minor: impl Fn(&P) -> i64,
    mut flow: impl FnMut(&'a P, &'a P, i64),
) {
    let mut payers = postings
        .iter()
        .filter(|p| minor(p) < 0)
        .map(|p| (p, -minor(p)));
    let mut payees = postings
        .iter()
        .filter(|p| minor(p) > 0)
        .map(|p| (p, minor(p)));
    let (mut payer, mut payee) = (payers.next(), payees.next());
    while let (Some((from, left)), Some((to, due))) = (payer, payee) {
        let piece = left.min(due);
        flow(from, to, piece);
        payer = if left > piece {
            Some((from, left - piece))
        } else {
            payers.next()
        };
        payee = if due > piece {
            Some((to, due - piece))
        } else {
            payees.next()
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> AccountId {
        AccountId::parse(s).unwrap()
    }
    fn details() -> PaymentDetails {
        PaymentDetails {
            date: NaiveDate::from_ymd_opt(2026, 11, 3).unwrap(),
            work: WorkKind::Care,
            skill: None,
            description: Description::parse("Babysitting").unwrap(),
            slip: None,
            override_reason: None,
        }
    }

    #[test]
    fn a_payment_to_several_members_balances() {
        let tx = Transaction::payment(
            &id("INIT-X"),
            &[
                (id("M1"), Amount::from_minor(200)),
                (id("M2"), Amount::from_minor(150)),
            ],
            details(),
        )
        .unwrap();
        assert_eq!(tx.postings().len(), 3);
        assert_eq!(tx.postings()[0].amount.minor(), -350);
        assert_eq!(tx.sole_payer(), Some(&id("INIT-X")));
    }

    #[test]
    fn refuses_paying_oneself() {
        let err =
            Transaction::payment(&id("M1"), &[(id("M1"), Amount::from_minor(100))], details())
                .unwrap_err();
        assert_eq!(err, TransactionError::AccountRepeated(id("M1")));
    }

    #[test]
    fn refuses_unbalanced_postings() {
        let postings = vec![
            Posting {
                account: id("A"),
                amount: Amount::from_minor(-100),
            },
            Posting {
                account: id("B"),
                amount: Amount::from_minor(99),
            },
        ];
        assert_eq!(
            check_postings(&postings),
            Err(TransactionError::Unbalanced(Amount::from_minor(-1)))
        );
    }

    #[test]
    fn reversal_negates_every_posting() {
        let tx = Transaction::payment(&id("A"), &[(id("B"), Amount::from_minor(100))], details())
            .unwrap();
        let link = ReversalLink {
            seq: 7,
            entry_hash: [0; 32],
            reason: Reason::parse("typo").unwrap(),
        };
        let rev = Transaction::reversal_of(&tx, link, tx.date());
        assert_eq!(rev.postings()[0].amount.minor(), 100);
        assert_eq!(rev.postings()[1].amount.minor(), -100);
        assert!(check_postings(rev.postings()).is_ok());
    }
}
