//! The report's PDF pages about time: the table that sets this period
//! beside the previous one, the month-by-month table (its header repeated
//! on a new page, a row for the whole period) and the chart of active
//! members and hours per month. Kept apart from `pdf.rs`, which lays out
//! the period's own figures and the map.

use super::labels;
use super::model::{Report, WorkKind};
use crate::statement::labels::work_label;
use crate::statement::pdf::layout::{
    style, Align, Pages, Style, BODY, BODY_BOLD, CONTENT_WIDTH, SMALL_MUTED,
};
use crate::statement::pdf::Weight;
use crate::statement::pictogram::{colors, work_color, Paint, Pictogram};

const HEAD: Style = style(Weight::Regular, 7.5, colors::MUTED);

/// "Is the community growing?": one row per figure, this period, the
/// previous one and the change.
pub(super) fn growth(pages: &mut Pages<'_>, report: &Report) {
    let m = pages.messages;
    let rows = labels::growth_rows(m, report);
    pages.heading(
        &m.msg("report-growth-title", &[]),
        0.0,
        CONTENT_WIDTH,
        40.0 + 18.0 * rows.len() as f32,
    );
    let intro = pages.wrap(&labels::growth_intro(m, report), CONTENT_WIDTH, SMALL_MUTED);
    pages.y = pages.paragraph(intro, 0.0, CONTENT_WIDTH, pages.y, SMALL_MUTED, 10.5) + 4.0;
    let columns = [
        (190.0, 125.0),
        (320.0, 125.0),
        (450.0, CONTENT_WIDTH - 450.0),
    ];
    let heads = [
        "report-growth-column-now",
        "report-growth-column-before",
        "report-growth-column-change",
    ];
    for ((x, width), id) in columns.iter().zip(heads) {
        pages.text(&m.msg(id, &[]), *x, *width, pages.y + 8.0, HEAD, Align::End);
    }
    pages.y += 11.0;
    for row in rows {
        pages.ensure(18.0);
        let baseline = pages.y + 12.0;
        pages.text(&row.label, 0.0, 186.0, baseline, BODY, Align::Start);
        let cells = [&row.current, &row.previous, &row.change];
        for (i, ((x, width), text)) in columns.iter().zip(cells).enumerate() {
            let weight = if i == 0 { BODY_BOLD } else { BODY };
            pages.text(text, *x, *width, baseline, weight, Align::End);
        }
        pages.rule(0.0, pages.y + 16.5, CONTENT_WIDTH, 0.4, colors::RULE);
        pages.y += 17.0;
    }
    let note = pages.wrap(
        &m.msg("report-growth-explained", &[]),
        CONTENT_WIDTH,
        SMALL_MUTED,
    );
    pages.y = pages.paragraph(note, 0.0, CONTENT_WIDTH, pages.y + 3.0, SMALL_MUTED, 10.5) + 8.0;
}

const CHART_H: f32 = 110.0;

/// Hours per month stacked by kind of work, with the month's active
/// members written above each bar. On right-to-left pages the months run
/// from the right, as the reader reads.
pub(super) fn months_chart(pages: &mut Pages<'_>, report: &Report) {
    let m = pages.messages;
    pages.heading(
        &m.msg("report-chart-title", &[]),
        0.0,
        CONTENT_WIDTH,
        CHART_H + 40.0,
    );
    let top = pages.y + 12.0;
    let max = report
        .months
        .iter()
        .map(|month| month.hours_minor)
        .max()
        .unwrap_or(0)
        .max(1);
    let slot = CONTENT_WIDTH / report.months.len().max(1) as f32;
    let bar_width = (slot * 0.6).min(36.0);
    let small = style(Weight::Regular, 7.0, colors::MUTED);
    for (i, month) in report.months.iter().enumerate() {
        let x = slot * i as f32 + (slot - bar_width) / 2.0;
        let mut bottom = top + CHART_H;
        for (work, figure) in WorkKind::ALL.iter().zip(&month.by_work) {
            let height = CHART_H * figure.hours_minor.max(0) as f32 / max as f32;
            if height > 0.0 {
                pages.rounded(
                    x,
                    bottom - height,
                    bar_width,
                    height,
                    0.0,
                    Paint::Fill(work_color(*work)),
                );
            }
            bottom -= height;
        }
        // Under the bar: the month and its hours, from the bar's edge.
        let label = labels::month(m, &month.month);
        let under = slot - (slot - bar_width) / 2.0;
        pages.text(&label, x, under, top + CHART_H + 10.0, small, Align::Start);
        let hours = m.fmt_amount(month.hours_minor);
        pages.text(&hours, x, under, top + CHART_H + 19.0, small, Align::Start);
        pages.text(
            &m.fmt_integer(i64::from(month.active_members)),
            x - 4.0,
            bar_width + 8.0,
            bottom - 3.0,
            style(Weight::Bold, 7.5, colors::INK),
            Align::Start,
        );
    }
    pages.rule(0.0, top + CHART_H, CONTENT_WIDTH, 0.8, colors::INK);
    pages.y = top + CHART_H + 24.0;
    super::pdf::legend(pages);
    pages.text(
        &m.msg("report-chart-active-above", &[]),
        0.0,
        CONTENT_WIDTH,
        pages.y + 8.0,
        SMALL_MUTED,
        Align::Start,
    );
    pages.y += 18.0;
}

pub(super) fn months(pages: &mut Pages<'_>, report: &Report) {
    let m = pages.messages;
    pages.heading(&m.msg("report-months-title", &[]), 0.0, CONTENT_WIDTH, 80.0);
    months_head(pages);
    for month in &report.months {
        // A table that runs onto a new page repeats its header there.
        if pages.ensure(18.0) {
            months_head(pages);
        }
        let label = labels::month(m, &month.month);
        let hours: Vec<i64> = month.by_work.iter().map(|w| w.hours_minor).collect();
        month_row(
            pages,
            &label,
            [month.active_members, month.new_connections],
            month.exchanges,
            &hours,
            BODY,
        );
    }
    if pages.ensure(20.0) {
        months_head(pages);
    }
    // The whole period: members active at any time in it (each counted
    // once), and the sums of the other columns.
    let hours: Vec<i64> = report.by_work.iter().map(|w| w.hours_minor).collect();
    let new_connections = report
        .months
        .iter()
        .map(|month| month.new_connections)
        .sum();
    pages.rule(0.0, pages.y, CONTENT_WIDTH, 0.8, colors::INK);
    month_row(
        pages,
        &m.msg("report-column-total-period", &[]),
        [report.summary.active_members, new_connections],
        report.summary.exchanges,
        &hours,
        BODY_BOLD,
    );
    pages.y += 8.0;
}

/// The month column is wide enough for "September 2026" in every language.
const MONTH_LABEL: f32 = 92.0;
const MONTH_CELL: f32 = (CONTENT_WIDTH - MONTH_LABEL - 2.0) / 8.0;

fn month_x(i: usize) -> f32 {
    MONTH_LABEL + 2.0 + MONTH_CELL * i as f32
}

fn months_head(pages: &mut Pages<'_>) {
    let m = pages.messages;
    let (cell, x) = (MONTH_CELL, month_x);
    let top = pages.y;
    head_cell(
        pages,
        &m.msg("report-column-month", &[]),
        0.0,
        MONTH_LABEL,
        top,
        Align::Start,
    );
    head_cell(
        pages,
        &m.msg("report-column-active", &[]),
        x(0),
        cell,
        top,
        Align::End,
    );
    head_cell(
        pages,
        &m.msg("report-column-exchanges", &[]),
        x(1),
        cell,
        top,
        Align::End,
    );
    for (i, work) in WorkKind::ALL.iter().enumerate() {
        pages.picto(Pictogram::Work(*work), x(2 + i) + cell - 14.0, top, 14.0);
        head_cell(
            pages,
            &work_label(m, *work),
            x(2 + i),
            cell,
            top,
            Align::End,
        );
    }
    head_cell(
        pages,
        &m.msg("report-column-new-connections", &[]),
        x(6),
        cell * 2.0,
        top,
        Align::End,
    );
    pages.rule(0.0, top + 36.0, CONTENT_WIDTH, 0.6, colors::RULE);
    pages.y = top + 37.0;
}

/// A column header on up to two lines above the rule, never cut.
fn head_cell(pages: &mut Pages<'_>, text: &str, x: f32, width: f32, top: f32, align: Align) {
    let head = style(Weight::Regular, 7.0, colors::MUTED);
    let lines = pages.wrap(text, width - 2.0, head);
    let count = lines.len().min(2);
    for (i, line) in lines.into_iter().take(2).enumerate() {
        let baseline = top + 32.0 - 8.0 * (count - 1 - i) as f32;
        pages.line(line, x, width, baseline, head, align);
    }
}

/// One row of the month table: label, active members, exchanges, hours per
/// kind of work, new connections.
fn month_row(
    pages: &mut Pages<'_>,
    label: &str,
    [active, new_connections]: [u32; 2],
    exchanges: u64,
    hours: &[i64],
    weight: Style,
) {
    let m = pages.messages;
    let (cell, x) = (MONTH_CELL, month_x);
    let baseline = pages.y + 12.0;
    pages.text(label, 0.0, MONTH_LABEL, baseline, weight, Align::Start);
    pages.text(
        &m.fmt_integer(i64::from(active)),
        x(0),
        cell,
        baseline,
        weight,
        Align::End,
    );
    pages.text(
        &m.fmt_integer(exchanges as i64),
        x(1),
        cell,
        baseline,
        weight,
        Align::End,
    );
    for (i, minor) in hours.iter().enumerate() {
        pages.text(
            &m.fmt_amount(*minor),
            x(2 + i),
            cell,
            baseline,
            weight,
            Align::End,
        );
    }
    pages.text(
        &m.fmt_integer(i64::from(new_connections)),
        x(6),
        cell * 2.0,
        baseline,
        BODY_BOLD,
        Align::End,
    );
    pages.rule(0.0, pages.y + 17.0, CONTENT_WIDTH, 0.4, colors::RULE);
    pages.y += 18.0;
}
