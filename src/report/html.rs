//! The community report as one self-contained HTML page: the statement's
//! page shell, stylesheet and pictograms, the bar geometry of its chart,
//! and the map inline as SVG. maud escapes all text; the only pre-escaped
//! markup is SVG built from numbers, colours and escaped labels.

use maud::{html, Markup, PreEscaped};

use super::labels;
use super::map::MapLayout;
use super::model::{InitiativeFigures, Report, WorkKind};
use super::svg::map_svg;
use crate::i18n::{Arg, Messages};
use crate::statement::chart;
use crate::statement::html::{amount, page_with_css, picto};
use crate::statement::labels::work_label;
use crate::statement::pictogram::{colors, work_color, Pictogram};

const CSS: &str = r#"
.tiles { display: grid; grid-template-columns: repeat(5, 1fr); gap: 3mm; margin-top: 4mm; }
.tile { background: var(--panel); border-radius: 2mm; padding: 3mm; break-inside: avoid; }
.tile .value { font-size: 18pt; font-weight: bold; }
.tile .what { font-size: 9pt; color: var(--muted); }
.bar { height: 3mm; border-radius: 1mm; min-width: 0.5mm; }
.barcell { width: 35%; }
h3 { font-size: 11pt; margin: 5mm 0 1.5mm; }
.map svg { width: 100%; height: auto; border: 0.75pt solid var(--rule); border-radius: 2mm; }
.deciles svg { width: 100%; height: auto; }
.chart svg { width: 100%; height: auto; }
.swatch { display: inline-block; width: 1em; height: 0.5em; margin: 0 0.3em; }
"#;

/// The report page in `messages`' language, with the map already laid out.
pub fn render_report_html(report: &Report, map: &MapLayout, messages: &Messages) -> String {
    let title = messages.msg("report-title", &[]);
    let body = html! {
        header.top {
            div.community {
                div.community-name { (report.community_name) }
                div.muted.small { (crate::statement::labels::currency_line(messages, &report.currency.name, &messages.unit_name(&report.currency.unit))) }
            }
            div.period {
                div.muted { (title) }
                div.month { (labels::period(messages, report)) }
            }
        }
        p.muted.small { (labels::as_of(messages, report)) }
        (glance(report, messages))
        (growth(report, messages))
        (by_work(report, messages))
        (by_skill(report, messages))
        (initiatives(report, messages))
        (giving(report, messages))
        (requests(report, messages))
        (needs_call(report, messages))
        (months(report, messages))
        (months_chart(report, messages))
        (map_section(report, map, messages))
    };
    page_with_css(
        messages,
        &format!("{title} · {}", report.community_name),
        CSS,
        body,
    )
    .into_string()
}

fn glance(report: &Report, messages: &Messages) -> Markup {
    html! {
        section {
            h2 { (messages.msg("report-glance-title", &[])) }
            div.tiles {
                @for (value, what) in labels::tiles(messages, report) {
                    div.tile { div.value { span dir="ltr" { (value) } } div.what { (what) } }
                }
            }
            p.small.muted { (labels::system(messages, report, &report.system_transfers)) }
            @for sentence in labels::apart(messages, report) {
                p.small.muted { (sentence) }
            }
        }
    }
}

fn requests(report: &Report, messages: &Messages) -> Markup {
    html! {
        section {
            h2 { (messages.msg("report-requests-title", &[])) }
            p { (messages.msg("report-requests-explained", &[])) }
            table.simple {
                @for (label, count) in labels::request_rows(messages, &report.requests) {
                    tr { th scope="row" { (label) } td.num { (messages.fmt_integer(count as i64)) } }
                }
            }
            p { (labels::request_median(messages, &report.requests)) }
        }
    }
}

/// A titled three-column list of members, or a sentence when it is empty.
fn member_table(title: &str, heads: [String; 3], rows: Vec<[String; 3]>, none: &str) -> Markup {
    html! {
        h3 { (title) }
        @if rows.is_empty() { p.muted { (none) } } @else {
            table.simple {
                tr { th { (heads[0]) } th.num { (heads[1]) } th.num { (heads[2]) } }
                @for [who, figure, last] in rows {
                    tr { td { bdi { (who) } } td.num { (figure) } td.num { (last) } }
                }
            }
        }
    }
}

/// A horizontal bar as wide as `minor` is of `max` (geometry only).
fn bar(minor: i64, max: i64, color: &str) -> Markup {
    let percent = if max > 0 {
        minor.max(0) as f64 * 100.0 / max as f64
    } else {
        0.0
    };
    html! { div.bar style=(format!("width:{percent:.1}%;background:{color}")) {} }
}

fn by_work(report: &Report, messages: &Messages) -> Markup {
    let max = report
        .by_work
        .iter()
        .map(|w| w.hours_minor)
        .max()
        .unwrap_or(0);
    html! {
        section {
            h2 { (messages.msg("report-by-work-title", &[])) }
            table.simple {
                tr { th {} th {} th.barcell {} th.num { (messages.msg("report-column-hours", &[])) } th.num { (messages.msg("report-column-exchanges", &[])) } }
                @for figure in &report.by_work {
                    tr {
                        td.picto-cell { (picto(Pictogram::Work(figure.work), 22)) }
                        td { (work_label(messages, figure.work)) }
                        td.barcell { (bar(figure.hours_minor, max, &work_color(figure.work).hex())) }
                        td.num { (amount(messages, figure.hours_minor)) }
                        td.num { (messages.fmt_integer(figure.exchanges as i64)) }
                    }
                }
            }
        }
    }
}

fn by_skill(report: &Report, messages: &Messages) -> Markup {
    let max = report
        .by_skill
        .iter()
        .map(|s| s.hours_minor)
        .max()
        .unwrap_or(0);
    html! {
        section {
            h2 { (messages.msg("report-by-skill-title", &[])) }
            table.simple {
                @for figure in &report.by_skill {
                    tr {
                        td { @match &figure.skill { Some(skill) => (skill), None => span.muted { (messages.msg("report-no-skill", &[])) } } }
                        td.barcell { (bar(figure.hours_minor, max, &colors::MUTED.hex())) }
                        td.num { (amount(messages, figure.hours_minor)) }
                        td.num { (messages.fmt_integer(figure.exchanges as i64)) }
                    }
                }
            }
        }
    }
}

fn initiatives(report: &Report, messages: &Messages) -> Markup {
    html! {
        section {
            h2 { (messages.msg("report-initiatives-title", &[])) }
            @if report.initiatives.is_empty() { p.muted { (messages.msg("report-initiatives-none", &[])) } }
            @for initiative in &report.initiatives { (initiative_table(initiative, messages)) }
        }
    }
}

fn initiative_table(initiative: &InitiativeFigures, messages: &Messages) -> Markup {
    html! {
        h3 { bdi { (initiative.name) } }
        table.simple {
            tr {
                th {}
                @for work in WorkKind::ALL { th.num { (picto(Pictogram::Work(work), 16)) br; (work_label(messages, work)) } }
                th.num { (messages.msg("column-total", &[])) }
            }
            @for (id, pick, total) in labels::initiative_rows(initiative) {
                tr {
                    td { (messages.msg(id, &[])) }
                    @for figure in &initiative.by_work { td.num { (amount(messages, pick(figure))) } }
                    td.num { strong { (amount(messages, total)) } }
                }
            }
        }
        p.small { (messages.msg("report-members-paid", &[("count", Arg::Int(i64::from(initiative.members_paid)))])) }
    }
}

const DECILE_W: f32 = 340.0;
const DECILE_H: f32 = 90.0;

fn giving(report: &Report, messages: &Messages) -> Markup {
    let giving = &report.giving;
    let chart = chart::bars(&giving.deciles_given_minor, DECILE_W, DECILE_H);
    html! {
        section {
            h2 { (messages.msg("report-giving-title", &[])) }
            p { (labels::top_tenth(messages, giving)) }
            div.columns {
                div.deciles {
                    svg xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {DECILE_W} {}", DECILE_H + 14.0)) role="img" aria-label=(messages.msg("report-deciles-caption", &[])) {
                        @for (i, b) in chart.bars.iter().enumerate() {
                            rect x=(format!("{:.2}", b.x)) y=(format!("{:.2}", b.y)) width=(format!("{:.2}", b.width)) height=(format!("{:.2}", b.height))
                                fill=(if i == 0 { colors::OUT.hex() } else { colors::IN.hex() }) {}
                            text x=(format!("{:.2}", b.center_x)) y=(format!("{:.1}", DECILE_H + 11.0)) font-size="9" text-anchor="middle" fill=(colors::MUTED.hex()) { (i + 1) }
                        }
                        line x1="0" x2=(DECILE_W) y1=(format!("{:.2}", chart.zero_y)) y2=(format!("{:.2}", chart.zero_y)) stroke=(colors::INK.hex()) stroke-width="0.8" {}
                    }
                    p.small.muted { (messages.msg("report-deciles-caption", &[])) }
                }
                table.simple {
                    @for (label, count) in labels::giving_counts(messages, giving) {
                        tr { td { (label) } td.num { (messages.fmt_integer(i64::from(count))) } }
                    }
                }
            }
        }
    }
}

fn needs_call(report: &Report, messages: &Messages) -> Markup {
    let calls = &report.needs_call;
    html! {
        section {
            h2 { (messages.msg("report-call-title", &[])) }
            h3 { (labels::quiet_title(messages, calls)) }
            @if calls.quiet.is_empty() { p.muted { (labels::quiet_none(messages, calls)) } } @else {
                table.simple {
                    tr { th { (messages.msg("report-column-account", &[])) } th.num { (messages.msg("report-column-last", &[])) } }
                    @for member in &calls.quiet {
                        tr { td { bdi { (labels::member(&member.account_id, member.name.as_deref())) } } td.num { (messages.fmt_date(member.last_exchange)) } }
                    }
                }
            }
            h3 { (messages.msg("report-call-new", &[])) }
            @if calls.no_first_exchange.is_empty() { p.muted { (messages.msg("report-call-new-none", &[])) } } @else {
                table.simple {
                    tr { th { (messages.msg("report-column-account", &[])) } th.num { (messages.msg("report-column-opened", &[])) } }
                    @for member in &calls.no_first_exchange {
                        tr { td { bdi { (labels::member(&member.account_id, member.name.as_deref())) } } td.num { (messages.fmt_date(member.opened)) } }
                    }
                }
            }
            @let (waiting_title, waiting_none) = labels::waiting_title_and_none(messages);
            (member_table(
                &waiting_title,
                [
                    messages.msg("report-column-account", &[]),
                    messages.msg("report-column-requests", &[]),
                    messages.msg("report-column-oldest", &[]),
                ],
                labels::waiting_rows(messages, calls),
                &waiting_none,
            ))
            (member_table(
                &messages.msg("report-call-soft", &[]),
                [
                    messages.msg("report-column-account", &[]),
                    messages.msg("report-column-soft-balance", &[]),
                    messages.msg("report-column-soft-limit", &[]),
                ],
                labels::soft_rows(messages, calls),
                &messages.msg("report-call-soft-none", &[]),
            ))
        }
    }
}

fn months(report: &Report, messages: &Messages) -> Markup {
    html! {
        section {
            h2 { (messages.msg("report-months-title", &[])) }
            table.simple {
                tr {
                    th { (messages.msg("report-column-month", &[])) }
                    th.num { (messages.msg("report-column-active", &[])) }
                    th.num { (messages.msg("report-column-exchanges", &[])) }
                    @for work in WorkKind::ALL { th.num { (picto(Pictogram::Work(work), 16)) br; (work_label(messages, work)) } }
                    th.num { (messages.msg("report-column-new-connections", &[])) }
                }
                @for month in &report.months {
                    tr {
                        td { (labels::month(messages, &month.month)) }
                        td.num { (messages.fmt_integer(i64::from(month.active_members))) }
                        td.num { (messages.fmt_integer(month.exchanges as i64)) }
                        @for figure in &month.by_work { td.num { (amount(messages, figure.hours_minor)) } }
                        td.num { (messages.fmt_integer(i64::from(month.new_connections))) }
                    }
                }
                tfoot {
                    tr {
                        th { (messages.msg("report-column-total-period", &[])) }
                        th.num { (messages.fmt_integer(i64::from(report.summary.active_members))) }
                        th.num { (messages.fmt_integer(report.summary.exchanges as i64)) }
                        @for figure in &report.by_work { th.num { (amount(messages, figure.hours_minor)) } }
                        th.num { (messages.fmt_integer(report.months.iter().map(|m| i64::from(m.new_connections)).sum())) }
                    }
                }
            }
        }
    }
}

fn growth(report: &Report, messages: &Messages) -> Markup {
    html! {
        section {
            h2 { (messages.msg("report-growth-title", &[])) }
            p.small.muted { (labels::growth_intro(messages, report)) }
            table.simple {
                tr {
                    th {}
                    th.num { (messages.msg("report-growth-column-now", &[])) }
                    th.num { (messages.msg("report-growth-column-before", &[])) }
                    th.num { (messages.msg("report-growth-column-change", &[])) }
                }
                @for row in labels::growth_rows(messages, report) {
                    tr {
                        td { (row.label) }
                        td.num { b { span dir="ltr" { (row.current) } } }
                        td.num { span dir="ltr" { (row.previous) } }
                        td.num { span dir="ltr" { (row.change) } }
                    }
                }
            }
            p.small.muted { (messages.msg("report-growth-explained", &[])) }
        }
    }
}

/// One month's column of the chart: its stacked parts (y, height, colour)
/// and where the active members' figure stands.
struct ChartColumn {
    x: f64,
    parts: Vec<(f64, f64, String)>,
    top: f64,
}

const CHART_W: f64 = 600.0;
const CHART_H: f64 = 120.0;
const CHART_BASE: f64 = CHART_H + 14.0;

/// Hours per month stacked by kind of work, active members above each
/// bar: an SVG drawn from numbers, colours and escaped labels. Right to
/// left on right-to-left pages, as the reader reads.
fn months_chart(report: &Report, messages: &Messages) -> Markup {
    let count = report.months.len().max(1);
    let slot = CHART_W / count as f64;
    let bar = (slot * 0.6).min(40.0);
    let max = report
        .months
        .iter()
        .map(|m| m.hours_minor)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let slot_x = |i: usize| {
        let place = if messages.is_rtl() { count - 1 - i } else { i };
        slot * place as f64
    };
    let columns: Vec<ChartColumn> = report
        .months
        .iter()
        .enumerate()
        .map(|(i, month)| {
            let mut top = CHART_BASE;
            let parts = WorkKind::ALL
                .iter()
                .zip(&month.by_work)
                .map(|(work, figure)| {
                    let height = CHART_H * figure.hours_minor.max(0) as f64 / max;
                    top -= height;
                    (top, height, work_color(*work).hex())
                })
                .collect();
            ChartColumn {
                x: slot_x(i) + (slot - bar) / 2.0,
                parts,
                top,
            }
        })
        .collect();
    let f = |v: f64| format!("{v:.1}");
    html! {
        section.chart {
            h2 { (messages.msg("report-chart-title", &[])) }
            svg xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {CHART_W} {}", CHART_BASE + 26.0)) role="img" aria-label=(messages.msg("report-chart-title", &[])) {
                @for (column, month) in columns.iter().zip(&report.months) {
                    @for (y, height, color) in &column.parts {
                        rect x=(f(column.x)) y=(f(*y)) width=(f(bar)) height=(f(*height)) fill=(color) {}
                    }
                    text x=(f(column.x + bar / 2.0)) y=(f(column.top - 3.0)) text-anchor="middle" font-size="9" font-weight="bold" { (messages.fmt_integer(i64::from(month.active_members))) }
                    text x=(f(column.x + bar / 2.0)) y=(f(CHART_BASE + 12.0)) text-anchor="middle" font-size="8" fill="#555" { (labels::month(messages, &month.month)) }
                    text x=(f(column.x + bar / 2.0)) y=(f(CHART_BASE + 22.0)) text-anchor="middle" font-size="8" fill="#555" { (messages.fmt_amount(month.hours_minor)) }
                }
                rect x="0" y=(f(CHART_BASE)) width=(f(CHART_W)) height="0.8" fill="#222" {}
            }
            p.small.muted {
                @for work in WorkKind::ALL {
                    span.swatch style=(format!("background:{}", work_color(work).hex())) {}
                    (work_label(messages, work)) " "
                }
                br;
                (messages.msg("report-chart-active-above", &[]))
            }
        }
    }
}

fn map_section(report: &Report, map: &MapLayout, messages: &Messages) -> Markup {
    let title = messages.msg("report-map-title", &[]);
    html! {
        section.map {
            h2 { (title) }
            (PreEscaped(map_svg(map, &title, &labels::map_legend(messages))))
            @for note in labels::map_notes(messages, report, map) { p.small.muted { (note) } }
        }
    }
}
