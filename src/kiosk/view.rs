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
use crate::store::Movement;

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
    /// Work, a gift, or the community fund's rules: only work has a kind
    /// of work, and a gift is never shown as one.
    pub movement: Movement,
    pub work: Option<WorkKind>,
    /// Who the member exchanged with.
    pub counterpart: String,
    /// Positive: the member received hours (gave help).
    pub amount_minor: i64,
    pub what: String,
}

pub struct HomeView {
    pub me: Me,
    /// Requests waiting on this member's yes or no: shown first.
    pub waiting: Vec<Waiting>,
    /// The member's own requests: pending ones (to withdraw), and news
    /// since (declined with the reason, expired).
    pub asked: Vec<Asked>,
    /// The soft-limit notice and the grown floor, when they apply.
    pub limits: LimitsView,
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
    /// A soft limit the payment took the member past, said at once.
    pub soft: Option<SoftNotice>,
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

// Requests (issue 12): the helper asks, the helped says yes or no.

/// A request waiting for this member's answer: someone says they helped
/// the member and asks for hours.
#[derive(Clone)]
pub struct Waiting {
    pub seq: i64,
    /// The one who helped and asks (the payee).
    pub helper: String,
    pub amount_minor: i64,
    pub date: Option<NaiveDate>,
    pub work: WorkKind,
    pub what: String,
}

/// What became of a request the member made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AskedState {
    /// Still waiting for the other's answer; the member may withdraw it.
    Pending,
    /// The other said no, and why.
    Declined(DeclineReason),
    /// Nobody answered within the ledger's expiry period.
    Expired,
}

/// A request the member made, from their side.
#[derive(Clone)]
pub struct Asked {
    pub seq: i64,
    /// Who was asked to pay (the payer).
    pub payer: String,
    pub amount_minor: i64,
    pub date: Option<NaiveDate>,
    pub work: WorkKind,
    pub what: String,
    pub state: AskedState,
}

/// Why a request was declined. The three reasons of the list are
/// recorded as fixed English words (`as_recorded`), so the helper reads
/// them in their own language whatever the decliner's; a typed reason is
/// recorded and shown as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeclineReason {
    NotMe,
    WrongHours,
    NotDone,
    Typed(String),
}

impl DeclineReason {
    pub const LISTED: [DeclineReason; 3] = [
        DeclineReason::NotMe,
        DeclineReason::WrongHours,
        DeclineReason::NotDone,
    ];

    /// The value of the reason's radio button on the decline form.
    pub fn code(&self) -> &'static str {
        match self {
            DeclineReason::NotMe => "not-me",
            DeclineReason::WrongHours => "wrong-hours",
            DeclineReason::NotDone => "not-done",
            DeclineReason::Typed(_) => "other",
        }
    }

    /// The words the signed entry carries.
    pub fn as_recorded(&self) -> &str {
        match self {
            DeclineReason::NotMe => "not me",
            DeclineReason::WrongHours => "wrong hours",
            DeclineReason::NotDone => "not done",
            DeclineReason::Typed(text) => text,
        }
    }

    /// A recorded reason read back: one of the list's words (also as the
    /// treasurer may type them, in any case) or typed text.
    pub fn from_recorded(text: &str) -> DeclineReason {
        let listed = DeclineReason::LISTED
            .into_iter()
            .find(|r| r.as_recorded().eq_ignore_ascii_case(text.trim()));
        listed.unwrap_or_else(|| DeclineReason::Typed(text.to_string()))
    }
}

/// "Someone I helped pays me" and a gift share one person screen (built
/// like the payment's); this says which of the two it serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    Ask,
    Gift,
}

impl Flow {
    /// Where the flow's screens live.
    pub fn base(self) -> &'static str {
        match self {
            Flow::Ask => "/ask",
            Flow::Gift => "/gift",
        }
    }
}

/// The person screen of asking or giving: `ChooseView` plus whom the
/// member already chose (an initiative asks several members at once for
/// a workshop) and, for a gift, the community fund.
pub struct PickView {
    pub flow: Flow,
    pub choose: ChooseView,
    /// Several people may be chosen (an initiative's workshop).
    pub several: bool,
    pub chosen: Vec<Person>,
    /// The community fund, for a gift (None: no fund account).
    pub fund: Option<Person>,
}

/// The hours, the kind of work and what was done, for a request.
pub struct AskDetailsView {
    pub payers: Vec<Person>,
    pub amount_minor: i64,
    pub work: Option<WorkKind>,
    pub what: String,
}

/// A request with every step done, for the summary and the PIN.
pub struct AskReady {
    pub payers: Vec<AccountId>,
    pub amount_minor: i64,
    pub work: WorkKind,
    pub what: String,
    pub form_token: String,
}

pub struct AskConfirmView {
    pub me: Me,
    pub payers: Vec<Person>,
    pub draft: AskReady,
    pub notice: Option<Notice>,
    pub what_names_member: bool,
}

/// After a request was made: who will see it at their next visit.
pub struct AskSentView {
    pub me: Me,
    pub payers: Vec<String>,
    /// Payers who could not pay these hours today (a limit), by name.
    pub warned: Vec<String>,
    /// The helper's own ceiling would be passed today: the balance it
    /// would leave and the ceiling.
    pub own_ceiling: Option<(i64, i64)>,
    pub amount_minor: i64,
    pub work: WorkKind,
}

/// Yes (confirm and pay with the PIN), no (a reason and the PIN), or
/// withdraw (the helper's own pending request, with the PIN).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reply {
    Confirm,
    Decline,
    Withdraw,
}

pub struct ReplyView {
    pub me: Me,
    pub reply: Reply,
    /// The request; for a withdrawal `helper` is the payer's name.
    pub request: Waiting,
    pub notice: Option<Notice>,
}

// Limits (issue 13).

/// The soft-limit notice: crossing a soft limit is allowed, and the
/// member is told what it means and what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SoftNotice {
    BelowSoftFloor { soft_floor_minor: i64 },
    AboveSoftCeiling { soft_ceiling_minor: i64 },
}

/// A floor grown with the hours the member gave, and how: base − factor
/// × hours given in the last `months` months, never below `cap`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrownFloor {
    pub base_minor: i64,
    /// The factor as signed in the settings, like "0.50".
    pub factor: String,
    pub months: u32,
    pub given_minor: i64,
    /// base − factor × given, before the cap.
    pub uncapped_minor: i64,
    pub cap_minor: i64,
    /// The floor in force: the uncapped one, or the cap.
    pub floor_minor: i64,
    pub capped: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LimitsView {
    pub soft: Option<SoftNotice>,
    pub grown: Option<GrownFloor>,
}

// Gifts (issue 13).

/// Whom a gift goes to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GiftTo {
    Member(AccountId),
    /// The community fund (its account).
    Fund(AccountId),
}

impl GiftTo {
    pub fn account(&self) -> &AccountId {
        match self {
            GiftTo::Member(id) | GiftTo::Fund(id) => id,
        }
    }
}

pub struct GiftDetailsView {
    pub to: Person,
    pub to_fund: bool,
    pub amount_minor: i64,
    pub why: String,
}

pub struct GiftReady {
    pub to: GiftTo,
    pub amount_minor: i64,
    pub why: String,
    pub form_token: String,
}

pub struct GiftConfirmView {
    pub me: Me,
    pub to: Person,
    pub to_fund: bool,
    pub draft: GiftReady,
    pub notice: Option<Notice>,
    /// The reason names a member: signed text can never be erased.
    pub why_names_member: bool,
}

pub struct GiftDoneView {
    pub me: Me,
    /// A soft limit the gift took the member past, said at once.
    pub soft: Option<SoftNotice>,
    pub to: String,
    pub to_fund: bool,
    pub amount_minor: i64,
    pub seq: i64,
}

#[cfg(test)]
mod tests {
    use super::DeclineReason;

    #[test]
    fn listed_reasons_read_back_as_listed_and_typed_ones_as_typed() {
        for reason in DeclineReason::LISTED {
            assert_eq!(DeclineReason::from_recorded(reason.as_recorded()), reason);
        }
        assert_eq!(DeclineReason::from_recorded("Not Me"), DeclineReason::NotMe);
        assert_eq!(
            DeclineReason::from_recorded("Het was maar een half uur"),
            DeclineReason::Typed("Het was maar een half uur".into())
        );
    }
}
