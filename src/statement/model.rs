//! The statement read model: everything a printed statement shows, already
//! computed from the ledger. Renderers (text, HTML, PDF) only lay this out;
//! they never compute balances. Amounts are exact integers in hundredths of
//! the currency unit (`*_minor`): 150 means 1.50 hours.

use chrono::NaiveDate;
use serde::Serialize;

// The statement speaks of the ledger's own kinds of work and account.
pub use crate::ledger::{AccountKind, WorkKind};

/// Who signed a transaction, as the statement must say it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "role", rename_all = "kebab-case")]
pub enum SignedBy {
    /// The paying member with their own card and PIN.
    Member { account_id: String },
    /// A key holder of an initiative, with the initiative's card.
    KeyHolder {
        account_id: String,
        holder_id: Option<String>,
    },
    /// The treasurer; `slip` is the paper slip's reference when entered from paper.
    Treasurer { slip: Option<String> },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Counterparty {
    pub account_id: String,
    pub display_name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatementLine {
    /// Journal sequence number (the treasurer's "#123").
    pub seq: i64,
    /// The date the exchange happened (may be in an earlier month when late).
    pub date: NaiveDate,
    /// Other accounts in the transaction (one for a simple exchange).
    pub counterparties: Vec<Counterparty>,
    pub description: String,
    /// The kind of work of an exchange; None for a gift or a fund run,
    /// which are not work.
    pub work: Option<WorkKind>,
    /// What moved the hours: help exchanged, a gift, or a fund rule.
    pub movement: Movement,
    pub skill: Option<String>,
    /// Hours that came in to this account (>= 0).
    pub in_minor: i64,
    /// Hours that went out of this account (>= 0).
    pub out_minor: i64,
    pub signed_by: SignedBy,
    /// Set when this line reverses an earlier transaction: which, when it
    /// happened and why. The line's description and skill are then the
    /// undone exchange's, so it reads as a correction of that line.
    pub reverses: Option<ReversalOf>,
    /// Set when a later line of this same statement undoes this one.
    pub reversed_by: Option<i64>,
    /// The balance after this line (the running balance).
    pub balance_minor: i64,
    /// Set when the treasurer overrode a floor or ceiling for this entry.
    pub override_reason: Option<String>,
}

/// What moved the hours on a line. Only an exchange is help given or
/// received; a gift and a fund run move hours without any work, so they
/// are counted apart everywhere (statement, attestation, report).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "movement", rename_all = "kebab-case")]
pub enum Movement {
    Exchange,
    /// Hours given without any work exchanged (the line's description is why).
    Gift,
    /// A community-fund rule run by the treasurer, for one period.
    FundRun {
        rule: FundRule,
        period: String,
    },
}

impl Movement {
    /// The store's word for it (work, gift, fund), for readers that only
    /// tell the three apart (the kiosk's lists).
    pub fn stored(&self) -> crate::store::Movement {
        match self {
            Movement::Exchange => crate::store::Movement::Work,
            Movement::Gift => crate::store::Movement::Gift,
            Movement::FundRun { .. } => crate::store::Movement::Fund,
        }
    }
}

/// The community-fund rules the treasurer runs (contribution, demurrage).
pub use crate::ledger::policy::FundRule;

/// The exchange a correction line undoes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReversalOf {
    pub seq: i64,
    /// The date the undone exchange happened.
    pub date: NaiveDate,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct WorkTotal {
    pub work: WorkKind,
    pub given_minor: i64,
    pub received_minor: i64,
}

/// One month of the small chart (oldest first, 12 points, last = this month).
#[derive(Debug, Clone, Serialize)]
pub struct MonthPoint {
    pub year: i32,
    pub month: u32,
    pub closing_minor: i64,
    pub given_minor: i64,
    pub received_minor: i64,
}

/// For an initiative's statement: who contributed hours to it this period.
#[derive(Debug, Clone, Serialize)]
pub struct Contributor {
    pub account_id: String,
    pub display_name: String,
    /// Hours the initiative paid this member, per kind of work (only non-zero).
    pub by_work: Vec<(WorkKind, i64)>,
    pub total_minor: i64,
}

impl Contributor {
    /// Hours the initiative paid this member for one kind of work (0 if none).
    pub fn hours(&self, work: WorkKind) -> i64 {
        self.by_work
            .iter()
            .find(|(w, _)| *w == work)
            .map_or(0, |(_, minor)| *minor)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Currency {
    /// The community currency's name, e.g. "Buurtuur".
    pub name: String,
    /// The unit, e.g. "uur" / "hours".
    pub unit: String,
    /// Short symbol, e.g. "u".
    pub symbol: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Verification {
    /// Short code printed on the statement, e.g. "7KQ2-M9XD-4TNA".
    pub code: String,
    /// What the QR code encodes (a text the kiosk / `statement check` accepts).
    pub qr_payload: String,
    /// Hex of the signed chain head the code refers to (shown small).
    pub chain_head_hex: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    pub community_name: String,
    pub currency: Currency,
    pub account_id: String,
    pub display_name: String,
    pub account_kind: AccountKind,
    /// BCP 47 language tag chosen for the account ("nl", "fr", "en", "ar", "tr", ...).
    pub language: String,
    pub year: i32,
    pub month: u32,
    pub issued_on: NaiveDate,
    pub opening_minor: i64,
    pub closing_minor: i64,
    pub floor_minor: i64,
    pub ceiling_minor: i64,
    pub lines: Vec<StatementLine>,
    pub totals: Vec<WorkTotal>,
    pub exchange_count: u32,
    pub people_helped_count: u32,
    pub history: Vec<MonthPoint>,
    /// Non-empty only for initiative accounts.
    pub contributors: Vec<Contributor>,
    /// Gifts and fund runs of the month, apart from help given and received.
    pub apart: ApartTotals,
    /// The soft floor and ceiling in force (None: no soft limit on that side).
    pub soft_floor_minor: Option<i64>,
    pub soft_ceiling_minor: Option<i64>,
    /// Set when the closing balance is past a soft limit.
    pub soft_notice: Option<SoftNotice>,
    /// Set when the floor grows with giving: how it was worked out.
    pub grown_floor: Option<GrownFloor>,
    /// Limits of this account that changed this month, oldest first.
    pub limit_changes: Vec<LimitChange>,
    /// Requests for hours: pending at the month's end, and those declined
    /// or expired in the month.
    pub requests: StatementRequests,
    /// Who to ask about a line, and the key that signed the month.
    pub treasurer: Treasurer,
    pub verification: Verification,
}

impl Statement {
    /// Hours (given, received) for one kind of work; (0, 0) if absent.
    pub fn work_total(&self, work: WorkKind) -> (i64, i64) {
        self.totals
            .iter()
            .find(|t| t.work == work)
            .map_or((0, 0), |t| (t.given_minor, t.received_minor))
    }
}

/// Hours moved this month without any work: gifts, and the community
/// fund's rules. Never part of the help given or received.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ApartTotals {
    pub gifts_given_minor: i64,
    pub gifts_received_minor: i64,
    /// Paid to the community fund by its rules (contribution, demurrage).
    pub fund_paid_minor: i64,
    /// Received from a fund run (the fund's own statement).
    pub fund_received_minor: i64,
}

impl ApartTotals {
    pub fn is_empty(&self) -> bool {
        *self == ApartTotals::default()
    }
}

/// Which side of the limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LimitSide {
    Floor,
    Ceiling,
}

/// The closing balance is past a soft limit: allowed, but the member is
/// told what it means and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SoftNotice {
    pub side: LimitSide,
    pub limit_minor: i64,
}

/// A floor that grows with giving, worked out as
/// `base - factor x hours given in the last N months`, never below `cap`
/// (the ledger's rule, `ledger::policy::Growth`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GrownFloor {
    pub base_minor: i64,
    /// The factor as a percentage (a factor of 0.50 is 50).
    pub factor_percent: i64,
    pub months: u32,
    /// Hours given for work in those months.
    pub given_minor: i64,
    /// `factor x given`, rounded to the hundredth (halves away from zero).
    pub growth_minor: i64,
    /// `base - growth`, before the cap.
    pub uncapped_minor: i64,
    /// The lowest the floor can grow to.
    pub cap_minor: i64,
    /// The floor this gives: the cap when `uncapped` goes past it.
    pub floor_minor: i64,
    pub capped: bool,
}

/// Which limit changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LimitKind {
    Floor,
    Ceiling,
    SoftFloor,
    SoftCeiling,
}

/// Why a limit changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "cause", rename_all = "kebab-case")]
pub enum LimitCause {
    /// The treasurer set it for this account (with the reason given).
    Treasurer { reason: Option<String> },
    /// The treasurer changed the rule for every account of this kind.
    KindSetting,
    /// The floor grew (or shrank) with the hours given.
    Growth,
}

/// One change of a limit this month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LimitChange {
    pub seq: i64,
    pub on: NaiveDate,
    pub limit: LimitKind,
    /// None: there was no such limit before / there is none after.
    pub from_minor: Option<i64>,
    pub to_minor: Option<i64>,
    pub cause: LimitCause,
}

/// A request for hours, as a statement lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestLine {
    /// The request's journal number.
    pub seq: i64,
    /// The day it was made.
    pub made_on: NaiveDate,
    /// The day the help happened.
    pub date: NaiveDate,
    /// The other side: who asks, or who is asked.
    pub other: Counterparty,
    pub amount_minor: i64,
    pub work: WorkKind,
    pub description: String,
    /// Pending: the day it expires unless answered. Declined or expired:
    /// the day that happened.
    pub until_or_on: NaiveDate,
    /// Declined: the reason given.
    pub reason: Option<String>,
}

/// Requests for hours on a statement. "Waiting on you": others ask this
/// account for hours (it pays when it confirms); "you wait for": this
/// account asked others.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct StatementRequests {
    pub waiting_on_you: Vec<RequestLine>,
    pub you_wait_for: Vec<RequestLine>,
    /// Declined this month: asked of you (you declined) or by you.
    pub declined_by_you: Vec<RequestLine>,
    pub declined_by_them: Vec<RequestLine>,
    /// Expired this month, either way (`asked_by_you` tells which).
    pub expired: Vec<ExpiredRequest>,
}

impl StatementRequests {
    pub fn is_empty(&self) -> bool {
        *self == StatementRequests::default()
    }
}

/// A request that expired this month without an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExpiredRequest {
    pub request: RequestLine,
    /// True when this account asked; false when it was asked.
    pub asked_by_you: bool,
}

/// Who keeps the books, as printed on statements and attestations.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Treasurer {
    /// From the signed setting `treasurer.name` (empty when not set).
    pub name: String,
    /// From the signed setting `treasurer.contact` (empty when not set).
    pub contact: String,
    /// The treasurer key's fingerprint, e.g. "K7Q2-M9XD-4TNA-8P3R".
    pub fingerprint: String,
}

/// The engagement attestation: hours a member gave over a period.
#[derive(Debug, Clone, Serialize)]
pub struct Attestation {
    pub community_name: String,
    pub currency: Currency,
    pub account_id: String,
    pub display_name: String,
    pub language: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub issued_on: NaiveDate,
    /// Hours given per kind of work (all four, zero included).
    pub given_by_work: Vec<(WorkKind, i64)>,
    /// Hours given per initiative: (initiative id, initiative name, hours).
    pub given_by_initiative: Vec<(String, String, i64)>,
    pub total_given_minor: i64,
    pub exchange_count: u32,
    pub treasurer: Treasurer,
    /// The organisation that issues it, from the ledger's signed settings.
    pub organisation: Organisation,
    pub verification: Verification,
}

/// The organisation's details printed on an attestation, set once in the
/// ledger's signed settings (`organisation.*`); empty when not set.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Organisation {
    pub name: String,
    pub address: String,
    /// Enterprise or registration number.
    pub registration: String,
    pub contact: String,
    pub signatory: String,
    pub signatory_role: String,
    /// Where attestations are signed ("Anderlecht").
    pub place: String,
    /// A web address where anyone can enter a code (the kiosk's check page).
    pub check_address: String,
}
