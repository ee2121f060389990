//! Every way the ledger can refuse something, one variant per rule, each
//! with a message that names what was wrong and what to do next.

use thiserror::Error;

use super::account::AccountId;
use super::amount::Amount;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AmountError {
    #[error("no amount given; write it like 1.50")]
    Empty,
    #[error("'{0}' is not an amount; write it like 1.50 (two decimals at most)")]
    NotANumber(String),
    #[error("'{0}' has more than two decimals; amounts are exact to the hundredth, like 1.25")]
    TooPrecise(String),
    #[error("an amount must not be zero; write the hours that changed hands, like 1.50, or leave the line out")]
    Zero,
    #[error("'{0}' is negative; give a positive amount, the direction comes from who pays whom")]
    Negative(String),
    #[error("'{0}' is larger than the 10000.00 allowed in one posting; check the amount")]
    TooLarge(String),
    #[error("'{0}' is beyond the 1000000.00 (plus or minus) any amount, limit or balance may be; check the amount")]
    OutOfRange(String),
}

/// A value that does not have the right form, found before any state is
/// looked at.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FieldError {
    #[error("'{0}' is not a valid account id; use 1 to 32 letters, digits and dashes, like M042 or INIT-WERELDVROUWEN")]
    AccountId(String),
    #[error("the display name is empty; give a name or a nickname")]
    NameEmpty,
    #[error("the display name is longer than 100 characters")]
    NameTooLong,
    #[error("the {0} contains control characters (such as a tab or a new line); remove them")]
    ControlCharacters(&'static str),
    #[error("the {what} contains {character} at character {position}; control characters (such as a tab or a new line) break the lines of statements and exports: write the text on one line, without it")]
    ControlCharacter {
        what: &'static str,
        character: String,
        position: usize,
    },
    #[error("the {what} contains the invisible character {character} at character {position}; it would make the text show differently from what is stored: type the text again without it (it often comes along when text is copied from a web page or a chat)")]
    InvisibleCharacter {
        what: &'static str,
        character: String,
        position: usize,
    },
    #[error(
        "the display name '{0}' has no letter or digit; give a name or a nickname people can read"
    )]
    NameNoLetter(String),
    #[error("the slip reference is empty; write the number on the paper slip, like --slip 2026-031, or leave --slip out")]
    SlipEmpty,
    #[error("the offer or request is empty; say in a few words what is offered or asked, like \"bike repair\"")]
    OfferEmpty,
    #[error("'{0}' is not a language code; use a code like nl, fr, en, ar or tr")]
    Language(String),
    #[error("'{0}' is not an account kind; use person, initiative, partner or system")]
    AccountKind(String),
    #[error("'{0}' is not a kind of work; use care, community, self-development or practical")]
    WorkKind(String),
    #[error("'{0}' is not a skill tag; use 1 to 32 lowercase letters, digits and dashes, like cooking or bike-repair")]
    Skill(String),
    #[error("the description is empty; say in a few words what was done")]
    DescriptionEmpty,
    #[error("the {0} is longer than {1} characters; shorten it")]
    TooLong(&'static str, usize),
    #[error("a reason is required; say why in a few words")]
    ReasonEmpty,
    #[error("the floor {floor} is above zero or the ceiling {ceiling} is below zero; a floor is zero or negative, a ceiling zero or positive")]
    LimitsAroundZero { floor: Amount, ceiling: Amount },
    #[error("'{0}' is not a date; write it as YYYY-MM-DD, like 2026-11-03")]
    Date(String),
    #[error(
        "the date {date} is outside the years akker accepts ({first} to {last}); check the year"
    )]
    DateOutOfRange { date: String, first: i32, last: i32 },
    #[error("'{0}' is not a month; write it as YYYY-MM, like 2026-11")]
    Month(String),
    #[error("a PIN has 4 to 6 digits and nothing else")]
    Pin,
    // The typed text is not repeated: it may be most of a real card's
    // secret, and kiosk.md promises typed codes are never shown back.
    #[error("that is not the code of a card; type the 16 letters and digits printed on the card, like ABCD-EFGH-JKMN-PQRS, with or without the member number in front (M042/ABCD-EFGH-JKMN-PQRS)")]
    CardCode,
    #[error("the card code has no member number; give the number printed above the code on the card, like M042")]
    CardNumberMissing,
    #[error("'{0}' is not a time zone; use a name like Europe/Brussels")]
    TimeZone(String),
}

/// A transaction whose own content breaks a rule of double entry.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TransactionError {
    #[error("a transaction needs at least two postings (one who pays, one who receives)")]
    TooFewPostings,
    #[error("the postings sum to {0}, not zero; every hour paid must be received")]
    Unbalanced(Amount),
    #[error("account {0} appears twice in one transaction; combine its amounts into one posting")]
    AccountRepeated(AccountId),
    #[error("a posting to {0} is zero; leave that account out")]
    ZeroPosting(AccountId),
    #[error("the posting of {amount} to {account} is larger than the 10000.00 allowed; check the amount")]
    PostingTooLarge { account: AccountId, amount: Amount },
    #[error(
        "the date {date} is in the future (today is {today}); give the day the exchange happened"
    )]
    DateInFuture { date: String, today: String },
    #[error("the date {0} is before 1900; check the year")]
    DateTooEarly(String),
}

/// A refusal that depends on the ledger's state at the moment of writing.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RuleError {
    #[error("there is no account {0}; see `akker account list`")]
    UnknownAccount(AccountId),
    #[error("account {0} already exists; choose another id")]
    AccountExists(AccountId),
    #[error("account {0} is closed; it cannot pay or receive any more")]
    AccountClosed(AccountId),
    #[error("account {0} is already closed")]
    AlreadyClosed(AccountId),
    #[error("account {account} has a balance of {balance}; bring it to zero before closing it")]
    CloseWithBalance { account: AccountId, balance: Amount },
    #[error("account {account} would go to {would_be}, below its floor of {floor}; pay less, or the treasurer may override with --override-limits REASON")]
    BelowFloor {
        account: AccountId,
        would_be: Amount,
        floor: Amount,
    },
    #[error("account {account} would go to {would_be}, above its ceiling of {ceiling}; pay less, or the treasurer may override with --override-limits REASON")]
    AboveCeiling {
        account: AccountId,
        would_be: Amount,
        ceiling: Amount,
    },
    #[error("only the treasurer can override limits; enter it from the paper slip with --slip")]
    OverrideNeedsTreasurer,
    #[error(
        "the limits of {0} cannot be set here: the new floor and ceiling must not exclude zero"
    )]
    InvalidLimits(AccountId),
    #[error("transaction #{0} does not exist; see `akker tx list`")]
    UnknownTransaction(i64),
    #[error("transaction #{original} was already reversed by #{by}; nothing to do")]
    AlreadyReversed { original: i64, by: i64 },
    #[error("transaction #{0} is itself a reversal; record a new payment instead of reversing a reversal")]
    ReverseOfReversal(i64),
    #[error("the signer is not allowed to sign this: {0}")]
    SignerNotAllowed(String),
    #[error("the treasurer records a {0} only from the member's signed paper slip; give its reference with --slip")]
    SlipRequired(&'static str),
    #[error("wrong PIN or card for account {0}")]
    WrongPinOrCard(AccountId),
    #[error("account {0} has no card; issue one with `akker card issue {0}`")]
    NoCard(AccountId),
    #[error("this very transaction is already recorded as #{0}; it was not recorded twice")]
    Duplicate(i64),
    #[error("the card holder {0} must be a person account")]
    HolderNotPerson(AccountId),
    #[error("a system account pays through the treasurer only; enter it with --slip")]
    SystemNeedsTreasurer,
    #[error("{count} transaction(s) in this ledger already come from a file named {file} (their slip starts with \"{file}:\"); this file may have been imported before, or another import of it ran at the same time. If it really holds other exchanges, rename it and run again")]
    AlreadyImported { file: String, count: i64 },
    #[error("statements for {0} cannot be issued before that month has ended")]
    PeriodNotEnded(String),
    #[error("the ledger began in {first}, after {period}: there are no statements for {period}; the first month with statements is {first}")]
    PeriodBeforeLedger { period: String, first: String },
    #[error(
        "the signer is not allowed to sign this: the key is not the ledger's current treasurer key"
    )]
    NotTreasurerKey,
    #[error(
        "the new treasurer key is the current one; make a new key with `akker treasurer new-key`"
    )]
    SameTreasurerKey,
    #[error("the new treasurer key is not a usable Ed25519 public key")]
    UnusableKey,
    #[error("the computer's clock says {now}, which is before the last entry's time, {last}; recording time never goes backwards: set the computer's clock right (date, time and time zone) and try again. Nothing was recorded")]
    ClockBehind { now: String, last: String },
    #[error("the computer's clock says {now}, in {month}, but the statements of {issued} are issued and an issued month never changes: set the computer's clock right and try again. Nothing was recorded")]
    MonthIssued {
        now: String,
        month: String,
        issued: String,
    },
    #[error("the computer's clock says {now}, {days} days after the last entry ({last}); if that date is right, the treasurer confirms it once with `akker clock confirm`, otherwise set the computer's clock right. Nothing was recorded")]
    ClockJump {
        now: String,
        last: String,
        days: i64,
    },
    #[error("the date typed, {typed}, is not the computer's date, {today}; type the date the computer shows, or set its clock right first")]
    ClockNotConfirmed { typed: String, today: String },
    #[error("a reversal of #{0} must post exactly its postings negated: the same accounts, every amount with the opposite sign")]
    ReversalNotMirror(i64),
    #[error("the computer's clock is not behind the last entry's time ({last}); there is no mistaken time to correct")]
    NothingToCorrect { last: String },
    #[error("account {0} cannot ask itself for hours; FROM (who was helped and pays) and TO (who helped) must be different accounts")]
    RequestToSelf(AccountId),
    #[error("{0} is named twice among the payers; a workshop asks each participant once")]
    RequestPayerRepeated(AccountId),
    #[error("request #{0} does not exist; see `akker request list`")]
    UnknownRequest(i64),
    #[error("request #{request} was already {how} by #{by}; nothing to do")]
    RequestSettled {
        request: i64,
        by: i64,
        how: &'static str,
    },
    #[error("request #{request} expired at {expired} ({days} days after it was made) and can no longer be settled; the one who helped may make a new request")]
    RequestExpired {
        request: i64,
        expired: String,
        days: u32,
    },
    #[error(
        "the card of {account} may not {what}: only {who} or the treasurer from a paper slip may"
    )]
    RequestNotYours {
        account: AccountId,
        what: String,
        who: String,
    },
    #[error("the confirmation of request #{request} does not match it: {what}")]
    RequestMismatch { request: i64, what: String },
}
