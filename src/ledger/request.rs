//! Requests: an exchange recorded by the one who helped and confirmed by
//! the one who was helped. In Credit Commons words a request is a
//! **pending** payee-initiated transaction; its confirmation, signed by
//! the payer, **completes** it and is the payment itself; a decline, a
//! withdrawal or the end of the expiry period **erases** it.
//!
//! Four entry types (docs/signing.md): `request-made` (signed by the
//! payee or the treasurer; moves nothing), `request-confirmed` (signed by
//! the payer or the treasurer; carries the payment's postings),
//! `request-declined` (payer or treasurer, with a reason) and
//! `request-withdrawn` (payee or treasurer). The rules that depend on
//! history live in [`RequestBook`], which `LedgerState` holds and calls.
//! No I/O here.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::ser::SerializeStruct;
use serde::Serialize;

use super::account::{AccountId, Reason};
use super::amount::{Amount, AMOUNT_MAX_MINOR};
use super::error::{RuleError, TransactionError};
use super::transaction::{
    Description, PaymentDetails, Posting, Skill, SlipRef, Transaction, WorkKind, DATE_YEAR_MIN,
};

/// Days a request waits for its payer when the signed setting
/// `requests.expiry-days` is not set.
pub const EXPIRY_DAYS_DEFAULT: u32 = 60;
/// The longest expiry period the setting accepts (ten years).
pub const EXPIRY_DAYS_MAX: u32 = 3650;

/// What the helper asks for: who pays whom, how much, for what. Fields
/// are private; [`Request::new`] is the one way to make one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Request {
    payer: AccountId,
    payee: AccountId,
    amount: Amount,
    date: NaiveDate,
    work: WorkKind,
    skill: Option<Skill>,
    description: Description,
    slip: Option<SlipRef>,
}

pub struct RequestParts {
    /// The one who was helped, who pays when confirming.
    pub payer: AccountId,
    /// The one who helped and asks.
    pub payee: AccountId,
    pub amount: Amount,
    pub date: NaiveDate,
    pub work: WorkKind,
    pub skill: Option<Skill>,
    pub description: Description,
    /// The paper slip the treasurer typed the request from.
    pub slip: Option<SlipRef>,
}

impl Request {
    pub fn new(parts: RequestParts) -> Result<Request, super::LedgerError> {
        if parts.payer == parts.payee {
            return Err(RuleError::RequestToSelf(parts.payer).into());
        }
        if parts.amount.minor() <= 0 {
            return Err(TransactionError::ZeroPosting(parts.payer).into());
        }
        if parts.amount.minor() > AMOUNT_MAX_MINOR {
            return Err(TransactionError::PostingTooLarge {
                account: parts.payee,
                amount: parts.amount,
            }
            .into());
        }
        if parts.date.year() < DATE_YEAR_MIN {
            return Err(TransactionError::DateTooEarly(parts.date.to_string()).into());
        }
        Ok(Request {
            payer: parts.payer,
            payee: parts.payee,
            amount: parts.amount,
            date: parts.date,
            work: parts.work,
            skill: parts.skill,
            description: parts.description,
            slip: parts.slip,
        })
    }

    pub fn payer(&self) -> &AccountId {
        &self.payer
    }
    pub fn payee(&self) -> &AccountId {
        &self.payee
    }
    pub fn amount(&self) -> Amount {
        self.amount
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

    /// The payment that confirms this request exactly: the payer pays
    /// the payee the amount, with the request's date, kind of work, skill
    /// and description. `slip` is the confirmation's own paper slip.
    pub fn payment(&self, slip: Option<SlipRef>) -> Transaction {
        Transaction::payment(
            &self.payer,
            &[(self.payee.clone(), self.amount)],
            PaymentDetails {
                date: self.date,
                work: self.work,
                skill: self.skill.clone(),
                description: self.description.clone(),
                slip,
                override_reason: None,
            },
        )
        .expect("a valid request makes a valid two-posting payment")
    }

    /// A digest of everything a confirmation must repeat, so the rules can
    /// compare without keeping every request's text in memory. Not a
    /// signature (the entries are signed); only a small comparison.
    fn terms_digest(&self) -> u64 {
        terms_digest(
            &self.payer,
            &self.payee,
            self.amount,
            self.date,
            self.work,
            self.skill.as_ref(),
            &self.description,
        )
    }
}

fn terms_digest(
    payer: &AccountId,
    payee: &AccountId,
    amount: Amount,
    date: NaiveDate,
    work: WorkKind,
    skill: Option<&Skill>,
    description: &Description,
) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    payer.hash(&mut hasher);
    payee.hash(&mut hasher);
    amount.minor().hash(&mut hasher);
    date.hash(&mut hasher);
    work.as_str().hash(&mut hasher);
    skill.map(Skill::as_str).hash(&mut hasher);
    description.as_str().hash(&mut hasher);
    hasher.finish()
}

/// How a later entry names its request: the seq says where it is, the
/// entry hash (which the signature covers) says which entry it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestLink {
    pub seq: i64,
    #[serde(serialize_with = "crate::ledger::entry::hex32")]
    pub entry_hash: [u8; 32],
}

/// A `request-confirmed` entry: the request it confirms and the payment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirmation {
    request: RequestLink,
    payment: Transaction,
}

impl Confirmation {
    /// The confirmation of `request` (made at `link`), as akker writes it.
    pub fn of(request: &Request, link: RequestLink, slip: Option<SlipRef>) -> Confirmation {
        Confirmation {
            request: link,
            payment: request.payment(slip),
        }
    }

    /// A confirmation as read back from the journal; the rules, not this
    /// constructor, decide whether it matches its request. A reversal or
    /// an override is refused here: a confirmation has no field for them.
    pub fn from_parts(
        request: RequestLink,
        payment: Transaction,
    ) -> Result<Confirmation, &'static str> {
        if payment.reverses().is_some() || payment.override_reason().is_some() {
            return Err("a confirmation carries no reversal and no limit override");
        }
        Ok(Confirmation { request, payment })
    }

    pub fn request(&self) -> &RequestLink {
        &self.request
    }
    pub fn payment(&self) -> &Transaction {
        &self.payment
    }
}

/// The JSON form of docs/signing.md: the request link, then the
/// payment's own fields (a confirmation has no reversal or override).
impl Serialize for Confirmation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let tx = &self.payment;
        let mut out = s.serialize_struct("Confirmation", 7)?;
        out.serialize_field("request", &self.request)?;
        out.serialize_field("date", &tx.date())?;
        out.serialize_field("work", &tx.work())?;
        out.serialize_field("skill", &tx.skill())?;
        out.serialize_field("description", tx.description())?;
        out.serialize_field("slip", &tx.slip())?;
        out.serialize_field("postings", tx.postings())?;
        out.end()
    }
}

/// How a request ended, when it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Confirmed,
    Declined,
    Withdrawn,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Confirmed => "confirmed",
            Outcome::Declined => "declined",
            Outcome::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(text: &str) -> Option<Outcome> {
        [Outcome::Confirmed, Outcome::Declined, Outcome::Withdrawn]
            .into_iter()
            .find(|o| o.as_str() == text)
    }

    /// The entry type that records this outcome.
    pub fn entry_type(self) -> &'static str {
        match self {
            Outcome::Confirmed => "request-confirmed",
            Outcome::Declined => "request-declined",
            Outcome::Withdrawn => "request-withdrawn",
        }
    }
}

/// The moment a request made at `made_at` expires under an expiry period
/// of `days`: an entry recorded later than this may no longer settle it.
pub fn expires_at(made_at: DateTime<Utc>, days: u32) -> DateTime<Utc> {
    made_at + Duration::days(i64::from(days))
}

/// What later entries need to know about a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestFacts {
    pub entry_hash: [u8; 32],
    pub payer: AccountId,
    pub payee: AccountId,
    pub amount: Amount,
    pub made_at: DateTime<Utc>,
    /// The expiry period in force when the request was made: a later
    /// change of `requests.expiry-days` neither revives a request that
    /// expired nor ends one early (docs/signing.md, rule 5).
    pub expiry_days: u32,
    /// `Request::terms_digest` of the request.
    pub terms_digest: u64,
    /// The entry that settled it and how, once one has.
    pub settled: Option<(i64, Outcome)>,
}

impl RequestFacts {
    pub fn of(
        request: &Request,
        entry_hash: [u8; 32],
        made_at: DateTime<Utc>,
        expiry_days: u32,
    ) -> RequestFacts {
        RequestFacts {
            entry_hash,
            payer: request.payer.clone(),
            payee: request.payee.clone(),
            amount: request.amount,
            made_at,
            expiry_days,
            terms_digest: request.terms_digest(),
            settled: None,
        }
    }
}

/// The requests the rules know of (the store loads only those an entry
/// names; `verify` keeps every one) and the expiry period in force.
#[derive(Debug, Default, Clone)]
pub struct RequestBook {
    pub requests: HashMap<i64, RequestFacts>,
    /// The signed `requests.expiry-days` in force; None = the default.
    pub expiry_days: Option<u32>,
}

/// Who signed an entry about a request, as the rules see it.
pub enum By<'a> {
    Treasurer,
    Card(&'a AccountId),
}

impl RequestBook {
    pub fn expiry_days(&self) -> u32 {
        self.expiry_days.unwrap_or(EXPIRY_DAYS_DEFAULT)
    }

    /// A new request: only its payee's card or the treasurer signs it.
    pub fn make(
        &mut self,
        seq: i64,
        request: &Request,
        by: By,
        entry_hash: [u8; 32],
        recorded_at: DateTime<Utc>,
    ) -> Result<(), RuleError> {
        if let By::Card(account) = by {
            if account != request.payee() {
                return Err(RuleError::RequestNotYours {
                    account: account.clone(),
                    what: "ask for hours".into(),
                    who: format!("{}, the one who helped and is paid,", request.payee()),
                });
            }
        }
        let days = self.expiry_days();
        self.requests.insert(
            seq,
            RequestFacts::of(request, entry_hash, recorded_at, days),
        );
        Ok(())
    }

    /// The request `link` names, if it may still be settled by `outcome`
    /// at `recorded_at`, signed `by`: it exists with that hash, nothing
    /// settled it yet, it has not expired, and the signer is its payer
    /// (confirm, decline), its payee (withdraw) or the treasurer.
    pub fn check_settle(
        &self,
        link: &RequestLink,
        outcome: Outcome,
        by: By,
        recorded_at: DateTime<Utc>,
    ) -> Result<&RequestFacts, RuleError> {
        let facts = self
            .requests
            .get(&link.seq)
            .filter(|f| f.entry_hash == link.entry_hash)
            .ok_or(RuleError::UnknownRequest(link.seq))?;
        if let Some((by_seq, how)) = facts.settled {
            return Err(RuleError::RequestSettled {
                request: link.seq,
                by: by_seq,
                how: how.as_str(),
            });
        }
        let days = facts.expiry_days;
        let expires = expires_at(facts.made_at, days);
        if recorded_at > expires {
            return Err(RuleError::RequestExpired {
                request: link.seq,
                expired: crate::signing::canonical::format_time(expires),
                days,
            });
        }
        if let By::Card(account) = by {
            let (owner, what, who) = match outcome {
                Outcome::Confirmed => (&facts.payer, "confirm", "who was helped and pays"),
                Outcome::Declined => (&facts.payer, "decline", "who was asked to pay"),
                Outcome::Withdrawn => (&facts.payee, "withdraw", "who asked"),
            };
            if account != owner {
                return Err(RuleError::RequestNotYours {
                    account: account.clone(),
                    what: format!("{what} request #{}", link.seq),
                    who: format!("{owner}, {who},"),
                });
            }
        }
        Ok(facts)
    }

    /// Checks that `confirmation`'s payment is exactly its request's.
    pub fn check_matches(
        facts: &RequestFacts,
        confirmation: &Confirmation,
    ) -> Result<(), RuleError> {
        let seq = confirmation.request.seq;
        let tx = &confirmation.payment;
        let expected = [
            Posting {
                account: facts.payer.clone(),
                amount: Amount::from_minor(-facts.amount.minor()),
            },
            Posting {
                account: facts.payee.clone(),
                amount: facts.amount,
            },
        ];
        if tx.postings() != expected {
            return Err(RuleError::RequestMismatch {
                request: seq,
                what: format!(
                    "its postings must be {} paying {} to {}",
                    facts.payer, facts.amount, facts.payee
                ),
            });
        }
        let digest = terms_digest(
            &facts.payer,
            &facts.payee,
            facts.amount,
            tx.date(),
            tx.work(),
            tx.skill(),
            tx.description(),
        );
        if digest != facts.terms_digest {
            return Err(RuleError::RequestMismatch {
                request: seq,
                what: "its date, kind of work, skill and description must be the request's".into(),
            });
        }
        Ok(())
    }

    /// Marks the request settled by entry `seq`.
    pub fn settle(&mut self, link: &RequestLink, seq: i64, outcome: Outcome) {
        if let Some(facts) = self.requests.get_mut(&link.seq) {
            facts.settled = Some((seq, outcome));
        }
    }
}

/// The reason of a decline from the kiosk's short list, signed as these
/// stable English words so any reader can translate them; anything else
/// is the member's (or treasurer's) own text.
pub const DECLINE_NOT_ME: &str = "not me";
pub const DECLINE_WRONG_HOURS: &str = "wrong hours";
pub const DECLINE_NOT_DONE: &str = "not done";

/// A decline's reason: one of the short list or typed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeclineReason {
    NotMe,
    WrongHours,
    NotDone,
    Other(Reason),
}

impl DeclineReason {
    /// Reads typed text: the short list's words (in any case) are that
    /// choice, anything else is kept as given.
    pub fn parse(text: &str) -> Result<DeclineReason, super::FieldError> {
        let reason = Reason::parse(text)?;
        Ok(DeclineReason::from_reason(reason))
    }

    pub fn from_reason(reason: Reason) -> DeclineReason {
        match reason.as_str().to_lowercase().as_str() {
            DECLINE_NOT_ME => DeclineReason::NotMe,
            DECLINE_WRONG_HOURS => DeclineReason::WrongHours,
            DECLINE_NOT_DONE => DeclineReason::NotDone,
            _ => DeclineReason::Other(reason),
        }
    }

    /// The reason as signed.
    pub fn to_reason(&self) -> Reason {
        let text = match self {
            DeclineReason::NotMe => DECLINE_NOT_ME,
            DeclineReason::WrongHours => DECLINE_WRONG_HOURS,
            DeclineReason::NotDone => DECLINE_NOT_DONE,
            DeclineReason::Other(reason) => return reason.clone(),
        };
        Reason::parse(text).expect("the short list's words are valid reasons")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn id(text: &str) -> AccountId {
        AccountId::parse(text).unwrap()
    }

    fn request(amount: &str) -> Request {
        Request::new(RequestParts {
            payer: id("M001"),
            payee: id("M002"),
            amount: Amount::parse_positive(amount).unwrap(),
            date: NaiveDate::from_ymd_opt(2026, 3, 5).unwrap(),
            work: WorkKind::Care,
            skill: Some(Skill::parse("cooking").unwrap()),
            description: Description::parse("Soup for the week").unwrap(),
            slip: None,
        })
        .unwrap()
    }

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, 12, 0, 0).unwrap()
    }

    #[test]
    fn a_request_to_oneself_is_refused() {
        let err = Request::new(RequestParts {
            payer: id("M001"),
            payee: id("M001"),
            amount: Amount::from_minor(100),
            date: NaiveDate::from_ymd_opt(2026, 3, 5).unwrap(),
            work: WorkKind::Care,
            skill: None,
            description: Description::parse("x").unwrap(),
            slip: None,
        })
        .unwrap_err();
        assert!(err.to_string().contains("M001"), "{err}");
    }

    #[test]
    fn the_confirmation_akker_writes_matches_and_a_changed_one_does_not() {
        let r = request("1.50");
        let mut book = RequestBook::default();
        book.make(5, &r, By::Card(&id("M002")), [7; 32], at(5))
            .unwrap();
        let link = RequestLink {
            seq: 5,
            entry_hash: [7; 32],
        };
        let good = Confirmation::of(&r, link.clone(), None);
        let facts = book
            .check_settle(&link, Outcome::Confirmed, By::Card(&id("M001")), at(6))
            .unwrap();
        RequestBook::check_matches(facts, &good).unwrap();
        let other = Confirmation::of(&request("2.00"), link.clone(), None);
        assert!(matches!(
            RequestBook::check_matches(facts, &other),
            Err(RuleError::RequestMismatch { .. })
        ));
        let mut changed = request("1.50");
        changed.work = WorkKind::Practical;
        let changed = Confirmation::of(&changed, link, None);
        assert!(RequestBook::check_matches(facts, &changed).is_err());
    }

    #[test]
    fn only_the_right_side_settles_once_and_before_expiry() {
        let r = request("1.00");
        let mut book = RequestBook::default();
        assert!(book
            .make(5, &r, By::Card(&id("M001")), [1; 32], at(1))
            .is_err());
        book.make(5, &r, By::Treasurer, [1; 32], at(1)).unwrap();
        let link = RequestLink {
            seq: 5,
            entry_hash: [1; 32],
        };
        let wrong = RequestLink {
            seq: 5,
            entry_hash: [2; 32],
        };
        assert!(matches!(
            book.check_settle(&wrong, Outcome::Declined, By::Treasurer, at(2)),
            Err(RuleError::UnknownRequest(5))
        ));
        for (outcome, account) in [
            (Outcome::Confirmed, "M002"),
            (Outcome::Declined, "M002"),
            (Outcome::Withdrawn, "M001"),
        ] {
            assert!(matches!(
                book.check_settle(&link, outcome, By::Card(&id(account)), at(2)),
                Err(RuleError::RequestNotYours { .. })
            ));
        }
        let late = expires_at(at(1), EXPIRY_DAYS_DEFAULT) + Duration::microseconds(1);
        assert!(matches!(
            book.check_settle(&link, Outcome::Confirmed, By::Treasurer, late),
            Err(RuleError::RequestExpired { .. })
        ));
        let on_time = expires_at(at(1), EXPIRY_DAYS_DEFAULT);
        book.check_settle(&link, Outcome::Confirmed, By::Card(&id("M001")), on_time)
            .unwrap();
        // The period in force when the request was made holds: a later
        // change neither ends it early nor revives it.
        book.expiry_days = Some(10);
        book.check_settle(&link, Outcome::Confirmed, By::Treasurer, at(12))
            .unwrap();
        book.make(6, &r, By::Treasurer, [3; 32], at(1)).unwrap();
        let short = RequestLink {
            seq: 6,
            entry_hash: [3; 32],
        };
        book.expiry_days = Some(3650);
        assert!(book
            .check_settle(&short, Outcome::Confirmed, By::Treasurer, at(12))
            .is_err());
        book.expiry_days = None;
        book.settle(&link, 9, Outcome::Withdrawn);
        assert!(matches!(
            book.check_settle(&link, Outcome::Confirmed, By::Treasurer, at(3)),
            Err(RuleError::RequestSettled { by: 9, .. })
        ));
    }

    #[test]
    fn decline_reasons_from_the_short_list_are_stable_words() {
        assert_eq!(
            DeclineReason::parse("Not me").unwrap(),
            DeclineReason::NotMe
        );
        assert_eq!(
            DeclineReason::WrongHours.to_reason().as_str(),
            "wrong hours"
        );
        let other = DeclineReason::parse("we never met").unwrap();
        assert_eq!(other.to_reason().as_str(), "we never met");
        assert!(DeclineReason::parse("  ").is_err());
    }
}
