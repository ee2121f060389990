//! The words of the parts a statement gained with requests and the limit
//! policy: lines that are not work (gifts, fund runs), the soft-limit
//! notice, the grown floor and how it was worked out, the month's limit
//! changes, and requests for hours. Text, HTML and PDF take their
//! sentences from here, so all three say the same thing (`labels` holds
//! the statement's older words).

use super::labels;
use super::model::{
    ExpiredRequest, FundRule, GrownFloor, LimitCause, LimitChange, LimitKind, LimitSide, Movement,
    RequestLine, SoftNotice, Statement, StatementLine,
};
use super::pictogram::Pictogram;
use crate::i18n::{Arg, Messages};

/// The "kind" cell of a line: the kind of work, or what moved the hours
/// when it was not work.
pub fn line_kind(messages: &Messages, line: &StatementLine) -> String {
    match (&line.movement, line.work) {
        (Movement::Gift, _) => messages.msg("line-kind-gift", &[]),
        (Movement::FundRun { rule, .. }, _) => messages.msg(fund_rule_id(*rule), &[]),
        (Movement::Exchange, Some(work)) => labels::work_label(messages, work),
        (Movement::Exchange, None) => String::new(),
    }
}

fn fund_rule_id(rule: FundRule) -> &'static str {
    match rule {
        FundRule::Contribution => "line-kind-contribution",
        FundRule::Demurrage => "line-kind-demurrage",
    }
}

/// The pictogram of a line's kind cell.
pub fn line_pictogram(line: &StatementLine) -> Option<Pictogram> {
    match (&line.movement, line.work) {
        (Movement::Gift, _) => Some(Pictogram::Gift),
        (Movement::FundRun { .. }, _) => Some(Pictogram::Fund),
        (Movement::Exchange, work) => work.map(Pictogram::Work),
    }
}

/// The sentence under a gift or a fund run, saying it is not help.
pub fn movement_note(messages: &Messages, line: &StatementLine) -> Option<String> {
    match &line.movement {
        Movement::Exchange => None,
        Movement::Gift => Some(messages.msg("line-gift", &[])),
        Movement::FundRun { rule, period } => {
            let id = match rule {
                FundRule::Contribution => "line-fund-contribution",
                FundRule::Demurrage => "line-fund-demurrage",
            };
            Some(messages.msg(id, &[("period", Arg::Str(period))]))
        }
    }
}

/// The month's hours that were not help, as (label, amount) rows: gifts
/// given and received, paid to the fund and received from its rules. Only
/// the rows with hours; empty when the month had none.
pub fn apart_rows(messages: &Messages, statement: &Statement) -> Vec<(Pictogram, String, i64)> {
    let apart = &statement.apart;
    [
        (
            Pictogram::Gift,
            "apart-gifts-given",
            apart.gifts_given_minor,
        ),
        (
            Pictogram::Gift,
            "apart-gifts-received",
            apart.gifts_received_minor,
        ),
        (Pictogram::Fund, "apart-fund-paid", apart.fund_paid_minor),
        (
            Pictogram::Fund,
            "apart-fund-received",
            apart.fund_received_minor,
        ),
    ]
    .into_iter()
    .filter(|(_, _, minor)| *minor != 0)
    .map(|(pictogram, id, minor)| (pictogram, messages.msg(id, &[]), minor))
    .collect()
}

/// What the soft-limit notice says: (title, what it means, what to do).
pub fn soft_notice(
    messages: &Messages,
    statement: &Statement,
    notice: &SoftNotice,
) -> (String, String, String) {
    let limit = messages.fmt_amount_isolated(notice.limit_minor);
    let unit = Arg::Str(&statement.currency.unit);
    let args = [("limit", Arg::Str(&limit)), ("unit", unit)];
    let (title, meaning, todo) = match notice.side {
        LimitSide::Floor => (
            "soft-notice-title-floor",
            "soft-notice-floor",
            "soft-notice-floor-todo",
        ),
        LimitSide::Ceiling => (
            "soft-notice-title-ceiling",
            "soft-notice-ceiling",
            "soft-notice-ceiling-todo",
        ),
    };
    (
        messages.msg(title, &args),
        messages.msg(meaning, &args),
        messages.msg(todo, &args),
    )
}

/// The soft limits in force, each on its own ("Notice below: -15.00
/// hours"); empty when the account has none.
pub fn soft_limit_lines(messages: &Messages, statement: &Statement) -> Vec<String> {
    let unit = Arg::Str(&statement.currency.unit);
    [
        ("limit-soft-floor", statement.soft_floor_minor),
        ("limit-soft-ceiling", statement.soft_ceiling_minor),
    ]
    .into_iter()
    .filter_map(|(id, minor)| {
        let amount = messages.fmt_amount_isolated(minor?);
        Some(messages.msg(id, &[("amount", Arg::Str(&amount)), ("unit", unit)]))
    })
    .collect()
}

/// How the grown floor was worked out, with the account's own numbers.
pub fn grown_floor(messages: &Messages, statement: &Statement, grown: &GrownFloor) -> String {
    let unit = Arg::Str(&statement.currency.unit);
    let amount = |minor: i64| messages.fmt_amount_isolated(minor);
    let (given, base, growth) = (
        amount(grown.given_minor),
        amount(grown.base_minor),
        amount(grown.growth_minor),
    );
    let (floor, result, cap) = (
        amount(grown.floor_minor),
        amount(grown.uncapped_minor),
        amount(grown.cap_minor),
    );
    let percent = messages.fmt_integer(grown.factor_percent);
    let args = [
        ("given", Arg::Str(&given)),
        ("months", Arg::Int(i64::from(grown.months))),
        ("percent", Arg::Str(&percent)),
        ("grown", Arg::Str(&growth)),
        ("base", Arg::Str(&base)),
        ("result", Arg::Str(&result)),
        ("cap", Arg::Str(&cap)),
        ("floor", Arg::Str(&floor)),
        ("unit", unit),
    ];
    let id = if grown.capped {
        "grown-floor-capped"
    } else {
        "grown-floor-formula"
    };
    messages.msg(id, &args)
}

/// One change of a limit, as a sentence: "3 November 2026: the floor
/// from -10.00 to -12.00 hours (grew with the help you gave)."
pub fn limit_change(messages: &Messages, statement: &Statement, change: &LimitChange) -> String {
    let date = messages.fmt_date(change.on);
    let name = messages.msg(
        match change.limit {
            LimitKind::Floor => "limit-name-floor",
            LimitKind::Ceiling => "limit-name-ceiling",
            LimitKind::SoftFloor => "limit-name-soft-floor",
            LimitKind::SoftCeiling => "limit-name-soft-ceiling",
        },
        &[],
    );
    let cause = match &change.cause {
        LimitCause::Treasurer {
            reason: Some(reason),
        } => messages.msg(
            "limit-cause-treasurer-reason",
            &[("reason", Arg::Str(reason))],
        ),
        LimitCause::Treasurer { reason: None } => messages.msg("limit-cause-treasurer", &[]),
        LimitCause::KindSetting => messages.msg("limit-cause-kind", &[]),
        LimitCause::Growth => messages.msg("limit-cause-growth", &[]),
    };
    let from = change.from_minor.map(|m| messages.fmt_amount_isolated(m));
    let to = change.to_minor.map(|m| messages.fmt_amount_isolated(m));
    let unit = Arg::Str(&statement.currency.unit);
    let (id, from, to) = match (from, to) {
        (Some(from), Some(to)) => ("limit-change", from, to),
        (None, Some(to)) => ("limit-change-new", String::new(), to),
        (Some(from), None) => ("limit-change-removed", from, String::new()),
        (None, None) => ("limit-change-removed", String::new(), String::new()),
    };
    messages.msg(
        id,
        &[
            ("date", Arg::Str(&date)),
            ("limit", Arg::Str(&name)),
            ("from", Arg::Str(&from)),
            ("to", Arg::Str(&to)),
            ("unit", unit),
            ("cause", Arg::Str(&cause)),
        ],
    )
}

/// The parts of one request as every renderer prints it.
pub struct RequestText {
    /// The other side's name.
    pub who: String,
    /// The description with the kind of work: "Soup for the neighbours (Care)".
    pub what: String,
    /// The small line: when it was made, the help's date, until when or
    /// what became of it, and its number.
    pub detail: String,
    /// The reason it was declined, when it was.
    pub reason: Option<String>,
}

/// A pending request: made on, until when it can be answered.
pub fn pending_request(messages: &Messages, request: &RequestLine) -> RequestText {
    let detail = request_msg(messages, "request-pending-detail", request);
    request_text(messages, request, detail, None)
}

/// A declined request: by whom, when and why.
pub fn declined_request(messages: &Messages, request: &RequestLine, by_you: bool) -> RequestText {
    let id = if by_you {
        "request-declined-by-you"
    } else {
        "request-declined-by-them"
    };
    let detail = request_msg(messages, id, request);
    // The short list's reasons are signed as fixed English words: shown
    // in the reader's language; a member's own words as written.
    let reason = request.reason.as_ref().map(|r| {
        let text = super::policy::decline_reason_id(r)
            .map_or_else(|| r.clone(), |id| messages.msg(id, &[]));
        messages.msg("request-reason", &[("reason", Arg::Str(&text))])
    });
    request_text(messages, request, detail, reason)
}

/// A request that expired unanswered this month.
pub fn expired_request(messages: &Messages, expired: &ExpiredRequest) -> RequestText {
    let request = &expired.request;
    let id = if expired.asked_by_you {
        "request-expired-yours"
    } else {
        "request-expired-theirs"
    };
    let detail = request_msg(messages, id, request);
    request_text(messages, request, detail, None)
}

fn request_text(
    messages: &Messages,
    request: &RequestLine,
    detail: String,
    reason: Option<String>,
) -> RequestText {
    RequestText {
        who: request.other.display_name.clone(),
        what: format!(
            "{} ({})",
            request.description,
            labels::work_label(messages, request.work)
        ),
        detail,
        reason,
    }
}

/// A request's message `id` with its dates and number: `made` (when it
/// was asked), `date` (when the help happened), `on` (until when it can
/// be answered, or when it was declined or expired) and `seq`.
fn request_msg(messages: &Messages, id: &str, request: &RequestLine) -> String {
    let made = messages.fmt_date(request.made_on);
    let date = messages.fmt_date(request.date);
    let on = messages.fmt_date(request.until_or_on);
    messages.msg(
        id,
        &[
            ("made", Arg::Str(&made)),
            ("date", Arg::Str(&date)),
            ("on", Arg::Str(&on)),
            ("seq", Arg::Int(request.seq)),
        ],
    )
}
