//! The report's PDF blocks that came with requests and the limit policy:
//! the request figures with the median time to confirm, the sentences on
//! gifts and fund runs under the glance, and the two lists "who needs a
//! call" gained (requests waiting on a member, a balance past a soft
//! limit). Apart from pdf.rs, which is long already.

use super::labels;
use super::model::Report;
use crate::statement::pdf::layout::{
    style, Align, Pages, Role, Style, BODY, BODY_BOLD, CONTENT_WIDTH, SMALL_MUTED,
};
use crate::statement::pdf::Weight;
use crate::statement::pictogram::{colors, Pictogram};

const SUBHEADING: Style = style(Weight::Bold, 10.5, colors::INK);

/// Gifts, fund runs and names of closed accounts, as small sentences
/// under the glance (nothing when there is nothing to say).
pub(super) fn apart(pages: &mut Pages<'_>, report: &Report) {
    for sentence in labels::apart(pages.messages, report) {
        let lines = pages.wrap(&sentence, CONTENT_WIDTH, SMALL_MUTED);
        pages.y = pages.paragraph(lines, 0.0, CONTENT_WIDTH, pages.y, SMALL_MUTED, 10.5) + 4.0;
    }
}

/// The requests of the period: one row per figure, then the median.
pub(super) fn requests(pages: &mut Pages<'_>, report: &Report) {
    let m = pages.messages;
    pages.heading(
        &m.msg("report-requests-title", &[]),
        0.0,
        CONTENT_WIDTH,
        150.0,
    );
    // The pictogram stands beside the same words: decoration.
    pages.picto(
        Pictogram::Waiting,
        CONTENT_WIDTH - 16.0,
        pages.y - 24.0,
        14.0,
    );
    let explained = pages.wrap(
        &m.msg("report-requests-explained", &[]),
        CONTENT_WIDTH,
        BODY,
    );
    pages.y = pages.paragraph(explained, 0.0, CONTENT_WIDTH, pages.y, BODY, 13.0) + 4.0;
    let count_x = 300.0;
    pages.open(Role::Table);
    for (label, count) in labels::request_rows(m, &report.requests) {
        pages.ensure(18.0);
        let baseline = pages.y + 12.0;
        pages.open(Role::Row);
        pages.open(Role::RowHeader);
        pages.text(&label, 0.0, count_x - 8.0, baseline, BODY, Align::Start);
        pages.close();
        pages.cell(|pages| {
            pages.text(
                &m.fmt_integer(count as i64),
                count_x,
                80.0,
                baseline,
                BODY_BOLD,
                Align::End,
            );
        });
        pages.close();
        pages.rule(0.0, pages.y + 17.0, count_x + 80.0, 0.4, colors::RULE);
        pages.y += 18.0;
    }
    pages.close();
    let median = pages.wrap(
        &labels::request_median(m, &report.requests),
        CONTENT_WIDTH,
        BODY,
    );
    pages.y = pages.paragraph(median, 0.0, CONTENT_WIDTH, pages.y + 4.0, BODY, 13.0) + 10.0;
}

/// The two lists "who needs a call" gained: members others' requests wait
/// on, and members past a soft limit.
pub(super) fn needs_call(pages: &mut Pages<'_>, report: &Report) {
    let m = pages.messages;
    let calls = &report.needs_call;
    let (title, none) = labels::waiting_title_and_none(m);
    let heads = [
        m.msg("report-column-account", &[]),
        m.msg("report-column-requests", &[]),
        m.msg("report-column-oldest", &[]),
    ];
    table(
        pages,
        &title,
        &heads,
        &labels::waiting_rows(m, calls),
        &none,
    );
    let heads = [
        m.msg("report-column-account", &[]),
        m.msg("report-column-soft-balance", &[]),
        m.msg("report-column-soft-limit", &[]),
    ];
    table(
        pages,
        &m.msg("report-call-soft", &[]),
        &heads,
        &labels::soft_rows(m, calls),
        &m.msg("report-call-soft-none", &[]),
    );
}

/// A titled three-column list of members, or a sentence when it is empty.
fn table(
    pages: &mut Pages<'_>,
    title: &str,
    heads: &[String; 3],
    rows: &[[String; 3]],
    none: &str,
) {
    pages.ensure(40.0);
    pages.text(
        title,
        0.0,
        CONTENT_WIDTH,
        pages.y + 12.0,
        SUBHEADING,
        Align::Start,
    );
    pages.y += 18.0;
    if rows.is_empty() {
        pages.text(
            none,
            0.0,
            CONTENT_WIDTH,
            pages.y + 11.0,
            style(Weight::Regular, 9.0, colors::MUTED),
            Align::Start,
        );
        pages.y += 20.0;
        return;
    }
    // (x, width, align) of the member, the figure and the last column.
    let columns = [
        (0.0, 230.0, Align::Start),
        (230.0, 110.0, Align::End),
        (340.0, 120.0, Align::End),
    ];
    let head = style(Weight::Regular, 7.5, colors::MUTED);
    let width = columns[2].0 + columns[2].1;
    pages.open(Role::Table);
    pages.open(Role::Row);
    for (text, (x, w, align)) in heads.iter().zip(columns) {
        pages.header_cell(|pages| {
            pages.text(text, x, w, pages.y + 8.0, head, align);
        });
    }
    pages.close();
    pages.y += 10.0;
    for row in rows {
        pages.ensure(16.0);
        pages.open(Role::Row);
        for (text, (x, w, align)) in row.iter().zip(columns) {
            pages.cell(|pages| {
                pages.text(text, x, w, pages.y + 11.0, BODY, align);
            });
        }
        pages.close();
        pages.rule(0.0, pages.y + 15.5, width, 0.4, colors::RULE);
        pages.y += 16.0;
    }
    pages.close();
    pages.y += 8.0;
}
