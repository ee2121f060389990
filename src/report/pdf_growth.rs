//! The report's PDF pages about growth: the table that sets this period
//! beside the previous one, and the chart of active members and hours per
//! month. Kept apart from `pdf.rs`, which lays out the period's own figures.

use super::labels;
use super::model::{Report, WorkKind};
use crate::statement::pdf::layout::{
    style, Align, Pages, BODY, BODY_BOLD, CONTENT_WIDTH, SMALL_MUTED,
};
use crate::statement::pdf::Weight;
use crate::statement::pictogram::{colors, work_color, Paint};

const HEAD: crate::statement::pdf::layout::Style = style(Weight::Regular, 7.5, colors::MUTED);

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
