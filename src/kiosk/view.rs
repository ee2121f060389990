//! The view models: the plain data a route gathers and a page renders.
//!
//! Routes fill these in and pages read them; neither imports the other
//! (routes -> view <- pages), so data flows one way and a page can be
//! rendered from data made anywhere (a test, a screenshot script).

use chrono::NaiveDate;

use crate::ledger::{AccountId, Month, WorkKind};
use crate::statement::model;

use super::session::Notice;
use crate::store::offers::OfferRow;

// Home.

/// The member's own account, as the pages show it.
pub struct Me {
    pub id: AccountId,
    pub name: String,
    pub balance_minor: i64,
    pub floor_minor: i64,
}

/// One exchange seen from the member's side.
pub struct ExchangeLine {
    pub seq: i64,
    pub date: Option<NaiveDate>,
    pub work: Option<WorkKind>,
    /// Who the member exchanged with.
    pub counterpart: String,
    /// Positive: the member received hours (gave help).
    pub amount_minor: i64,
    pub what: String,
}

pub struct HomeView {
    pub me: Me,
    pub exchanges: Vec<ExchangeLine>,
    /// Where the next older page starts (`/home?before=SEQ`), when there
    /// are older exchanges.
    pub older: Option<i64>,
    /// Whether this page shows older exchanges, not the latest.
    pub paged: bool,
}

// Paying.

/// Hours go up and down in quarter hours.
pub const STEP_MINOR: i64 = 25;
/// One payment at the kiosk is at most a day's work; more goes through
/// the treasurer.
pub const PAY_MAX_MINOR: i64 = 24 * 100;

/// Someone the member may pay.
#[derive(Clone)]
pub struct Person {
    pub id: AccountId,
    pub name: String,
}

pub struct ChooseView {
    pub query: String,
    /// The first letter touched, if any.
    pub initial: String,
    pub initials: Vec<String>,
    pub recent: Vec<Person>,
    pub people: Vec<Person>,
}

pub struct DetailsView {
    pub payee: Person,
    pub amount_minor: i64,
    pub work: Option<WorkKind>,
    pub note: String,
}

/// A draft with every step done.
pub struct ReadyDraft {
    pub payee: AccountId,
    pub amount_minor: i64,
    pub work: WorkKind,
    pub note: String,
    pub form_token: String,
}

pub struct ConfirmView {
    pub me: Me,
    pub payee: Person,
    pub draft: ReadyDraft,
    pub notice: Option<Notice>,
    /// The note names a member: signed text can never be erased.
    pub note_names_member: bool,
}

pub struct ReceiptView {
    pub me: Me,
    pub payee: String,
    pub amount_minor: i64,
    pub work: Option<WorkKind>,
    pub seq: i64,
}

// Offers.

pub struct BoardView {
    pub me: AccountId,
    pub offers: Vec<OfferRow>,
    pub notice: Option<Notice>,
}

// My statement.

/// Longer than any code or QR text the ledger prints (about 60
/// characters); anything longer is not a code.
pub const CODE_CHARS_MAX: usize = 100;

pub struct StatementView {
    pub me: Me,
    pub month: Month,
    pub opening_minor: i64,
    pub lines: Vec<ExchangeLine>,
    /// Per kind of work: hours received for help given, hours paid for
    /// help received.
    pub totals: Vec<(WorkKind, i64, i64)>,
}

/// The member's last issued statement, or None when no issued month
/// includes the account yet (a new member).
pub struct LastView {
    pub me: Me,
    pub statement: Option<model::Statement>,
}

/// Which of the member's own documents a code belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Document {
    /// A monthly statement; its amount is the closing balance.
    Statement(Month),
    /// An engagement attestation from..to; its amount is the hours given.
    Attestation(NaiveDate, NaiveDate),
}

/// The answer to a code, holding only what this member may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The member's own document, and the amount on it.
    Own {
        document: Document,
        amount_minor: i64,
        code: String,
    },
    /// A document of this ledger, but another account's: nothing more.
    Community {
        code: String,
    },
    NoMatch {
        code: String,
    },
}

/// Why a text is not even a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeProblem {
    Empty,
    TooLong,
    NotACode,
}

pub struct CheckView {
    pub me: Me,
    /// The current treasurer key's fingerprint, to compare with the one
    /// posted in the community centre: the file cannot prove it alone.
    pub treasurer_fingerprint: String,
    pub problem: Option<CodeProblem>,
    pub answer: Option<Answer>,
}
