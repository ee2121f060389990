//! The words the HTML and PDF reports put next to the figures, so both
//! say exactly the same thing in the reader's language.

use super::model::{Giving, InitiativeFigures, InitiativeWork, NeedsCall, Report, SystemTransfers};
use crate::i18n::{Arg, Messages};

/// "1 May 2026 to 31 October 2026".
pub fn period(messages: &Messages, report: &Report) -> String {
    let from = messages.fmt_date(report.from);
    let to = messages.fmt_date(report.to);
    messages.msg(
        "report-period",
        &[("from", Arg::Str(&from)), ("to", Arg::Str(&to))],
    )
}

/// The rules in one short paragraph, with the entry the report is as of.
pub fn as_of(messages: &Messages, report: &Report) -> String {
    format!(
        "{} {}",
        messages.msg("report-as-of", &[("seq", Arg::Int(report.as_of_seq))]),
        messages.msg("report-rules", &[])
    )
}

/// The tiles of "the period at a glance": (big value, what it counts).
pub fn tiles(messages: &Messages, report: &Report) -> Vec<(String, String)> {
    let s = &report.summary;
    let unit_name = messages.unit_name(&report.currency.unit);
    let unit = Arg::Str(&unit_name);
    let int = |n: u64| messages.fmt_integer(n as i64);
    vec![
        (int(s.exchanges), messages.msg("report-tile-exchanges", &[])),
        (
            messages.fmt_amount(s.hours_minor),
            messages.msg("report-tile-hours", &[("unit", unit)]),
        ),
        (
            int(u64::from(s.active_members)),
            messages.msg(
                "report-tile-active",
                &[("members", Arg::Int(i64::from(s.members)))],
            ),
        ),
        (
            int(u64::from(s.distinct_pairs)),
            messages.msg("report-tile-pairs", &[]),
        ),
        (
            int(u64::from(s.active_initiatives + s.active_partners)),
            messages.msg("report-tile-groups", &[]),
        ),
    ]
}

pub fn top_tenth(messages: &Messages, giving: &Giving) -> String {
    messages.msg(
        "report-top-tenth",
        &[
            ("count", Arg::Int(i64::from(giving.top_tenth_members))),
            (
                "percent",
                Arg::Int(i64::from(giving.top_tenth_share_percent)),
            ),
        ],
    )
}

/// (label, count) for only give, only receive, both, neither.
pub fn giving_counts(messages: &Messages, giving: &Giving) -> Vec<(String, u32)> {
    vec![
        (messages.msg("report-only-give", &[]), giving.only_give),
        (
            messages.msg("report-only-receive", &[]),
            giving.only_receive,
        ),
        (
            messages.msg("report-give-and-receive", &[]),
            giving.give_and_receive,
        ),
        (messages.msg("report-neither", &[]), giving.neither),
    ]
}

pub fn quiet_title(messages: &Messages, calls: &NeedsCall) -> String {
    let date = messages.fmt_date(calls.quiet_since);
    messages.msg(
        "report-call-quiet",
        &[
            ("weeks", Arg::Int(i64::from(calls.weeks_idle))),
            ("date", Arg::Str(&date)),
        ],
    )
}

pub fn quiet_none(messages: &Messages, calls: &NeedsCall) -> String {
    messages.msg(
        "report-call-quiet-none",
        &[("weeks", Arg::Int(i64::from(calls.weeks_idle)))],
    )
}

/// Reads one row's figure for one kind of work.
pub type InitiativePick = fn(&InitiativeWork) -> i64;

/// The rows of an initiative's table, in order: (message id of the row's
/// label, its figure per kind of work, its total).
pub fn initiative_rows(initiative: &InitiativeFigures) -> [(&'static str, InitiativePick, i64); 3] {
    [
        (
            "report-from-members",
            |w| w.received_from_members_minor,
            initiative.received_from_members_minor,
        ),
        (
            "report-from-others",
            |w| w.received_from_others_minor,
            initiative.received_from_others_minor,
        ),
        (
            "report-paid-out",
            |w| w.paid_out_minor,
            initiative.paid_out_minor,
        ),
    ]
}

/// A member as a list shows them: the account number, and the name when shown.
pub fn member(account_id: &str, name: Option<&str>) -> String {
    match name {
        Some(name) => format!("{name} ({account_id})"),
        None => account_id.to_owned(),
    }
}

pub fn system(messages: &Messages, report: &Report, system: &SystemTransfers) -> String {
    let hours = messages.fmt_amount(system.hours_minor);
    messages.msg(
        "report-system",
        &[
            ("count", Arg::Int(system.transfers as i64)),
            ("hours", Arg::Str(&hours)),
            ("unit", Arg::Str(&messages.unit_name(&report.currency.unit))),
        ],
    )
}

/// The notes under the map: names hidden, edges capped.
pub fn map_notes(messages: &Messages, report: &Report, drawn: usize, total: usize) -> Vec<String> {
    let mut notes = vec![messages.msg("report-map-explained", &[])];
    if !report.names_shown {
        notes.push(messages.msg("report-map-numbers", &[]));
    }
    if drawn < total {
        let drawn = messages.fmt_integer(drawn as i64);
        let total = messages.fmt_integer(total as i64);
        notes.push(messages.msg(
            "report-map-capped",
            &[("drawn", Arg::Str(&drawn)), ("total", Arg::Str(&total))],
        ));
    }
    notes
}

/// "Oct 2026"-style month heading for the month table ("YYYY-MM" in).
pub fn month(messages: &Messages, month: &str) -> String {
    let (year, number) = month.split_once('-').unwrap_or_default();
    messages.fmt_month(
        year.parse().unwrap_or_default(),
        number.parse().unwrap_or_default(),
    )
}
