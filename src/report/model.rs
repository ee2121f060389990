//! The community report's figures, already computed from the ledger.
//! Renderers (HTML, PDF, SVG map) only lay them out; `--json` prints this
//! model as it is. Hours are exact integers in hundredths (`*_minor`).
//!
//! Personal data: a person's display name is present (`name`) only when
//! the treasurer asked for names (`--names`); otherwise people appear by
//! account number only. Initiatives, partners and system accounts are
//! organisations and are always named.

use chrono::NaiveDate;
use serde::Serialize;

pub use crate::ledger::{AccountKind, WorkKind};
pub use crate::statement::model::Currency;

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub community_name: String,
    pub currency: Currency,
    /// The language the report is written in.
    pub language: String,
    /// First and last day of the period (inclusive), in the community's time zone.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The last journal entry recorded before the period ended: the report
    /// is as the books stood at that entry, so re-running it gives the same.
    pub as_of_seq: i64,
    pub names_shown: bool,
    pub summary: Summary,
    /// All four kinds of work, in their fixed order.
    pub by_work: Vec<WorkFigure>,
    /// Skills by hours, most first; `skill` is None for exchanges without one.
    pub by_skill: Vec<SkillFigure>,
    pub initiatives: Vec<InitiativeFigures>,
    pub giving: Giving,
    pub needs_call: NeedsCall,
    pub months: Vec<MonthFigures>,
    /// Is the community growing: this period beside the previous one.
    pub growth: Growth,
    pub system_transfers: SystemTransfers,
    /// Requests for hours made, answered and expired in the period.
    pub requests: RequestFigures,
    /// Gifts of hours: not exchanges, never counted as help given.
    pub gifts: GiftFigures,
    /// The community fund's rule runs (contribution, demurrage).
    pub fund_runs: FundRunFigures,
    /// Closed accounts that still hold a name when the report was made (a
    /// reminder of the retention rule; `akker account erase --closed-before`).
    pub closed_accounts_named: u32,
    pub map: Network,
}

/// Requests for hours in the period (see docs/report.md): each counted in
/// the period its event was recorded in (made, confirmed, declined,
/// withdrawn), an expiry in the period its expiry time fell in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RequestFigures {
    pub made: u64,
    pub confirmed: u64,
    pub declined: u64,
    pub withdrawn: u64,
    pub expired: u64,
    /// Still waiting for an answer at the period's end.
    pub pending_at_end: u64,
    /// The median time from a request to its confirmation, over the
    /// confirmations of the period, in hundredths of a day (250 is 2.5
    /// days); None when nothing was confirmed.
    pub median_days_to_confirm_minor: Option<i64>,
}

/// Gifts of hours recorded in the period, reversed ones left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct GiftFigures {
    pub gifts: u64,
    pub hours_minor: i64,
    /// Of those hours, given to a system account (the community fund).
    pub to_fund_minor: i64,
}

/// Fund rule runs recorded in the period, reversed ones left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FundRunFigures {
    pub runs: u64,
    pub contribution_minor: i64,
    pub demurrage_minor: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Exchanges (see docs/report.md: reversals and system transfers are not exchanges).
    pub exchanges: u64,
    pub hours_minor: i64,
    /// Accounts that took part in at least one exchange, all kinds.
    pub active_accounts: u32,
    pub active_members: u32,
    pub active_initiatives: u32,
    pub active_partners: u32,
    /// Person accounts open at some time during the period.
    pub members: u32,
    /// Different pairs of accounts that exchanged hours.
    pub distinct_pairs: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct WorkFigure {
    pub work: WorkKind,
    pub hours_minor: i64,
    pub exchanges: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct SkillFigure {
    pub skill: Option<String>,
    pub hours_minor: i64,
    pub exchanges: u64,
}

/// One initiative's hours: what members paid it, what it received from
/// partners and other groups, and what it paid out, per kind of work.
#[derive(Debug, Clone, Serialize)]
pub struct InitiativeFigures {
    pub account_id: String,
    pub name: String,
    pub by_work: Vec<InitiativeWork>,
    pub received_from_members_minor: i64,
    pub received_from_others_minor: i64,
    pub paid_out_minor: i64,
    /// Different members the initiative paid (members who gave it time).
    pub members_paid: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct InitiativeWork {
    pub work: WorkKind,
    pub received_from_members_minor: i64,
    pub received_from_others_minor: i64,
    pub paid_out_minor: i64,
}

/// How the hours members gave are spread over the members.
#[derive(Debug, Clone, Serialize)]
pub struct Giving {
    /// Person accounts open at some time during the period.
    pub members: u32,
    /// Hours credited to members for help they gave.
    pub given_minor: i64,
    /// The most active tenth: ceil(members / 10) members.
    pub top_tenth_members: u32,
    pub top_tenth_given_minor: i64,
    /// top_tenth_given / given as a whole percentage, rounded half up (0 when nothing was given).
    pub top_tenth_share_percent: u32,
    /// Hours given by each tenth of the members ranked by hours given,
    /// most active first (ten values; a tenth may hold no member).
    pub deciles_given_minor: Vec<i64>,
    pub only_give: u32,
    pub only_receive: u32,
    pub give_and_receive: u32,
    /// Members with no exchange in the period.
    pub neither: u32,
}

/// Members to call: open at the period's end and either quiet for the
/// chosen number of weeks or without any exchange yet.
#[derive(Debug, Clone, Serialize)]
pub struct NeedsCall {
    pub weeks_idle: u32,
    /// Quiet means: no exchange recorded on or after this day.
    pub quiet_since: NaiveDate,
    pub quiet: Vec<QuietMember>,
    pub no_first_exchange: Vec<NewMember>,
    /// Members with requests waiting on them (to confirm or decline) for
    /// more than `REQUEST_WAIT_DAYS` days at the period's end.
    pub requests_waiting: Vec<WaitingMember>,
    /// Members whose balance at the period's end is past a soft limit.
    pub past_soft_limit: Vec<PastSoftLimit>,
}

/// A member others wait on: their requests have had no answer for long.
#[derive(Debug, Clone, Serialize)]
pub struct WaitingMember {
    pub account_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Requests waiting on them for more than the days allowed.
    pub requests: u32,
    pub hours_minor: i64,
    /// The day the oldest of them was made.
    pub oldest: NaiveDate,
}

/// A member past a soft floor or ceiling at the period's end.
#[derive(Debug, Clone, Serialize)]
pub struct PastSoftLimit {
    pub account_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub balance_minor: i64,
    pub side: crate::statement::model::LimitSide,
    pub limit_minor: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuietMember {
    pub account_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The day the member's last exchange was recorded.
    pub last_exchange: NaiveDate,
}

#[derive(Debug, Clone, Serialize)]
pub struct NewMember {
    pub account_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub opened: NaiveDate,
}

/// The period's growth figures beside those of the previous period of the
/// same length (see `report::growth` for the rules).
#[derive(Debug, Clone, Serialize)]
pub struct Growth {
    /// The previous period: the same number of days, ending the day before `from`.
    pub previous_from: NaiveDate,
    pub previous_to: NaiveDate,
    pub current: GrowthFigures,
    pub previous: GrowthFigures,
}

#[derive(Debug, Clone, Serialize)]
pub struct GrowthFigures {
    /// Person accounts opened in the period.
    pub joined: u32,
    /// Person accounts closed in the period.
    pub left: u32,
    /// Person accounts open at the period's end.
    pub members_at_end: u32,
    /// Members with at least one exchange recorded in the period.
    pub active_members: u32,
    pub exchanges: u64,
    pub hours_minor: i64,
    /// Still active 3 and 6 months after joining.
    pub retention: Vec<Retention>,
}

/// Of the members who joined in the period moved back by `after_months`
/// (`cohort`), those with an exchange in the period at least that many
/// months after they joined.
#[derive(Debug, Clone, Serialize)]
pub struct Retention {
    pub after_months: u32,
    pub cohort: u32,
    pub still_active: u32,
}

/// One calendar month of the period (the first and last may be partial).
#[derive(Debug, Clone, Serialize)]
pub struct MonthFigures {
    /// "YYYY-MM".
    pub month: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub active_members: u32,
    pub exchanges: u64,
    pub hours_minor: i64,
    pub by_work: Vec<WorkFigure>,
    /// Pairs who exchanged for the first time in the ledger's history.
    pub new_connections: u32,
}

/// Transactions with a system account (welcome credits, fund payments):
/// bookkeeping, not help between people, so counted apart.
#[derive(Debug, Clone, Serialize)]
pub struct SystemTransfers {
    pub transfers: u64,
    pub hours_minor: i64,
    pub by_work: Vec<WorkFigure>,
}

/// The network: accounts and who exchanged with whom in the period.
#[derive(Debug, Clone, Serialize)]
pub struct Network {
    pub nodes: Vec<NetNode>,
    /// Ordered by (a, b); `a` < `b` by account id.
    pub edges: Vec<NetEdge>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NetNode {
    pub account_id: String,
    pub kind: AccountKind,
    /// What the map writes: the name of a group, a person's account
    /// number, or a person's name when names are shown.
    pub label: String,
    /// Hours exchanged in the period (given plus received), system transfers included.
    pub hours_minor: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct NetEdge {
    pub a: String,
    pub b: String,
    /// Hours that went between the two, both directions added.
    pub hours_minor: i64,
    pub exchanges: u64,
    /// The kind of work with the most hours (the first of equals, in the fixed order).
    pub main_work: WorkKind,
    /// True when one side is a system account.
    pub system: bool,
}
