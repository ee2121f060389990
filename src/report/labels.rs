//! The words the HTML and PDF reports put next to the figures, so both
//! say exactly the same thing in the reader's language.

use super::map::{MapLayout, MapLegend};
use super::model::{
    AccountKind, Giving, InitiativeFigures, InitiativeWork, NeedsCall, Report, RequestFigures,
    SystemTransfers, WorkKind,
};
use crate::i18n::{Arg, Messages};
use crate::statement::pictogram::work_color;

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

/// The notes under the map: names hidden, and which connections were
/// left out to keep it readable (with their hours, so nothing is hidden).
pub fn map_notes(messages: &Messages, report: &Report, map: &MapLayout) -> Vec<String> {
    let mut notes = vec![messages.msg("report-map-explained", &[])];
    if !report.names_shown {
        notes.push(messages.msg("report-map-numbers", &[]));
    }
    let (drawn, total) = (map.edges.len(), map.edges_total);
    if drawn < total {
        let drawn_hours: i64 = map.edges.iter().map(|e| e.hours_minor).sum();
        let all_hours: i64 = report.map.edges.iter().map(|e| e.hours_minor).sum();
        let rest = messages.fmt_integer((total - drawn) as i64);
        let hours = messages.fmt_amount(all_hours - drawn_hours);
        let drawn = messages.fmt_integer(drawn as i64);
        let total = messages.fmt_integer(total as i64);
        notes.push(messages.msg(
            "report-map-capped",
            &[("drawn", Arg::Str(&drawn)), ("total", Arg::Str(&total))],
        ));
        notes.push(messages.msg(
            "report-map-grouped",
            &[("rest", Arg::Str(&rest)), ("hours", Arg::Str(&hours))],
        ));
    }
    notes
}

/// The map's legend, in the reader's language: the kinds of work's
/// colours and the shapes of the kinds of account.
pub fn map_legend(messages: &Messages) -> MapLegend {
    MapLegend {
        works: WorkKind::ALL
            .iter()
            .map(|w| {
                (
                    crate::statement::labels::work_label(messages, *w),
                    work_color(*w),
                )
            })
            .collect(),
        kinds: [
            (AccountKind::Person, "report-legend-person"),
            (AccountKind::Initiative, "report-legend-initiative"),
            (AccountKind::Partner, "report-legend-partner"),
            (AccountKind::System, "report-legend-system"),
        ]
        .into_iter()
        .map(|(kind, id)| (kind, messages.msg(id, &[])))
        .collect(),
    }
}

/// "Oct 2026"-style month heading for the month table ("YYYY-MM" in).
pub fn month(messages: &Messages, month: &str) -> String {
    let (year, number) = month.split_once('-').unwrap_or_default();
    messages.fmt_month(
        year.parse().unwrap_or_default(),
        number.parse().unwrap_or_default(),
    )
}

/// One row of the growth table: what it counts, this period, the previous
/// period, and the change, each already written out.
pub struct GrowthRow {
    pub label: String,
    pub current: String,
    pub previous: String,
    pub change: String,
}

/// "1 November 2025 to 30 April 2026 (the 181 days before)".
pub fn growth_intro(messages: &Messages, report: &Report) -> String {
    let growth = &report.growth;
    let from = messages.fmt_date(growth.previous_from);
    let to = messages.fmt_date(growth.previous_to);
    let days = (growth.previous_to - growth.previous_from).num_days() + 1;
    messages.msg(
        "report-growth-intro",
        &[
            ("from", Arg::Str(&from)),
            ("to", Arg::Str(&to)),
            ("days", Arg::Int(days)),
        ],
    )
}

/// The growth table's rows, in the order they are printed.
pub fn growth_rows(messages: &Messages, report: &Report) -> Vec<GrowthRow> {
    let (now, before) = (&report.growth.current, &report.growth.previous);
    let int_change = |diff: i64| signed(messages, messages.fmt_integer(diff), diff);
    let count = |id: &str, now: u32, before: u32| GrowthRow {
        label: messages.msg(id, &[]),
        current: messages.fmt_integer(i64::from(now)),
        previous: messages.fmt_integer(i64::from(before)),
        change: int_change(i64::from(now) - i64::from(before)),
    };
    let mut rows = vec![
        count(
            "report-growth-members",
            now.members_at_end,
            before.members_at_end,
        ),
        count("report-growth-joined", now.joined, before.joined),
        count("report-growth-left", now.left, before.left),
        count(
            "report-growth-active",
            now.active_members,
            before.active_members,
        ),
        GrowthRow {
            label: messages.msg("report-column-exchanges", &[]),
            current: messages.fmt_integer(now.exchanges as i64),
            previous: messages.fmt_integer(before.exchanges as i64),
            change: int_change(now.exchanges as i64 - before.exchanges as i64),
        },
        GrowthRow {
            label: messages.msg("report-column-hours", &[]),
            current: messages.fmt_amount(now.hours_minor),
            previous: messages.fmt_amount(before.hours_minor),
            change: left_to_right(
                messages,
                messages.fmt_signed_amount(now.hours_minor - before.hours_minor),
            ),
        },
    ];
    for (now, before) in now.retention.iter().zip(&before.retention) {
        let share = |r: &super::model::Retention| {
            (r.cohort > 0).then(|| {
                super::build::percent_half_up(i64::from(r.still_active), i64::from(r.cohort))
            })
        };
        let shown = |r: &super::model::Retention| match share(r) {
            Some(percent) => messages.msg(
                "report-growth-share",
                &[
                    ("percent", Arg::Int(i64::from(percent))),
                    ("part", Arg::Int(i64::from(r.still_active))),
                    ("whole", Arg::Int(i64::from(r.cohort))),
                ],
            ),
            None => messages.msg("report-growth-nobody-joined", &[]),
        };
        let change = match (share(now), share(before)) {
            (Some(a), Some(b)) => {
                let points = i64::from(a) - i64::from(b);
                let text = messages.msg(
                    "report-growth-points",
                    &[("points", Arg::Int(points.abs()))],
                );
                signed(messages, text, points)
            }
            _ => "–".to_owned(),
        };
        rows.push(GrowthRow {
            label: messages.msg(
                "report-growth-still-active",
                &[("months", Arg::Int(i64::from(now.after_months)))],
            ),
            current: shown(now),
            previous: shown(before),
            change,
        });
    }
    rows
}

/// A change with its sign written: "+3", "-2" (the formatter's own minus), "0".
fn signed(messages: &Messages, formatted: String, value: i64) -> String {
    let text = if value > 0 {
        format!("+{formatted}")
    } else {
        formatted
    };
    left_to_right(messages, text)
}

/// On right-to-left pages a sign would otherwise move behind its number
/// ("40+"): the figure is isolated left to right, its sign before it.
fn left_to_right(messages: &Messages, text: String) -> String {
    if messages.is_rtl() {
        format!("\u{2066}{text}\u{2069}")
    } else {
        text
    }
}

/// The request figures as (label, count) rows, in the order they happen.
pub fn request_rows(messages: &Messages, requests: &RequestFigures) -> Vec<(String, u64)> {
    [
        ("report-requests-made", requests.made),
        ("report-requests-confirmed", requests.confirmed),
        ("report-requests-declined", requests.declined),
        ("report-requests-withdrawn", requests.withdrawn),
        ("report-requests-expired", requests.expired),
        ("report-requests-pending", requests.pending_at_end),
    ]
    .into_iter()
    .map(|(id, count)| (messages.msg(id, &[]), count))
    .collect()
}

/// "Median time from request to confirmation, in days: 2.50."
pub fn request_median(messages: &Messages, requests: &RequestFigures) -> String {
    match requests.median_days_to_confirm_minor {
        Some(days) => messages.msg(
            "report-requests-median",
            &[("days", Arg::Str(&messages.fmt_amount(days)))],
        ),
        None => messages.msg("report-requests-median-none", &[]),
    }
}

/// The sentences under the glance about hours that moved without work:
/// gifts and the fund's rule runs, each only when there were any; and the
/// closed accounts that still hold a name.
pub fn apart(messages: &Messages, report: &Report) -> Vec<String> {
    let unit_name = messages.unit_name(&report.currency.unit);
    let unit = Arg::Str(&unit_name);
    let mut lines = Vec::new();
    let gifts = &report.gifts;
    if gifts.gifts > 0 {
        let hours = messages.fmt_amount(gifts.hours_minor);
        let fund = messages.fmt_amount(gifts.to_fund_minor);
        lines.push(messages.msg(
            "report-gifts",
            &[
                ("count", Arg::Int(gifts.gifts as i64)),
                ("hours", Arg::Str(&hours)),
                ("fund", Arg::Str(&fund)),
                ("unit", unit),
            ],
        ));
    }
    let runs = &report.fund_runs;
    if runs.runs > 0 {
        let contribution = messages.fmt_amount(runs.contribution_minor);
        let demurrage = messages.fmt_amount(runs.demurrage_minor);
        lines.push(messages.msg(
            "report-fund-runs",
            &[
                ("count", Arg::Int(runs.runs as i64)),
                ("contribution", Arg::Str(&contribution)),
                ("demurrage", Arg::Str(&demurrage)),
                ("unit", unit),
            ],
        ));
    }
    if report.closed_accounts_named > 0 {
        lines.push(messages.msg(
            "report-closed-named",
            &[("count", Arg::Int(i64::from(report.closed_accounts_named)))],
        ));
    }
    lines
}

/// The title of the list of members others' requests wait on, and what
/// it says when nobody is on it.
pub fn waiting_title_and_none(messages: &Messages) -> (String, String) {
    let days = Arg::Int(super::requests::REQUEST_WAIT_DAYS);
    (
        messages.msg("report-call-requests", &[("days", days)]),
        messages.msg("report-call-requests-none", &[("days", days)]),
    )
}

/// The rows of "who needs a call" for requests waiting: (member, "2 ·
/// 3.50", oldest day).
pub fn waiting_rows(messages: &Messages, calls: &NeedsCall) -> Vec<[String; 3]> {
    calls
        .requests_waiting
        .iter()
        .map(|w| {
            [
                member(&w.account_id, w.name.as_deref()),
                format!(
                    "{} · {}",
                    messages.fmt_integer(i64::from(w.requests)),
                    left_to_right(messages, messages.fmt_amount(w.hours_minor))
                ),
                messages.fmt_date(w.oldest),
            ]
        })
        .collect()
}

/// The rows of "who needs a call" for soft limits: (member, balance, limit).
pub fn soft_rows(messages: &Messages, calls: &NeedsCall) -> Vec<[String; 3]> {
    calls
        .past_soft_limit
        .iter()
        .map(|p| {
            [
                member(&p.account_id, p.name.as_deref()),
                left_to_right(messages, messages.fmt_amount(p.balance_minor)),
                left_to_right(messages, messages.fmt_amount(p.limit_minor)),
            ]
        })
        .collect()
}
