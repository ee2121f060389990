//! The statement's blocks that came with requests and the limit policy:
//! the soft-limit notice and the requests waiting for the member's answer
//! (under the balance: they ask for action), the hours that were not help
//! (under the totals), how the floor was worked out with the month's limit
//! changes, and the member's own requests with those declined or expired
//! (after the exchanges).

use super::*;

const AMOUNT_W: f32 = 70.0;
const NOTE_STYLE: Style = style(Weight::Regular, 8.0, colors::INK);
const NOTICE_TEXT: Style = style(Weight::Regular, 9.0, colors::INK);

/// The soft-limit notice: a tinted box with its sign, what it means and
/// what to do.
pub(super) fn soft_notice(pages: &mut Pages<'_>, statement: &Statement) {
    let Some(notice) = &statement.soft_notice else {
        return;
    };
    let m = pages.messages;
    let (title, meaning, todo) = policy_labels::soft_notice(m, statement, notice);
    let text_x = 44.0;
    let width = CONTENT_WIDTH - text_x - 12.0;
    let title_lines = pages.wrap(&title, width, BODY_BOLD);
    let meaning_lines = pages.wrap(&meaning, width, NOTICE_TEXT);
    let todo_lines = pages.wrap(&todo, width, NOTICE_TEXT);
    let height = 14.0
        + 12.5 * title_lines.len() as f32
        + 11.5 * (meaning_lines.len() + todo_lines.len()) as f32
        + 4.0;
    pages.ensure(height + 4.0);
    let top = pages.y;
    pages.rounded(
        0.0,
        top,
        CONTENT_WIDTH,
        height,
        6.0,
        Paint::Fill(colors::OUT_LIGHT),
    );
    pages.rect(0.0, top, 3.0, height, colors::OUT);
    // The sign stands beside the same words: decoration.
    pages.picto(Pictogram::Notice, 12.0, top + 9.0, 22.0);
    let mut y = top + 7.0;
    pages.open(Role::P);
    y = pages.paragraph(title_lines, text_x, width, y, BODY_BOLD, 12.5);
    pages.close();
    y = pages.paragraph(meaning_lines, text_x, width, y + 2.0, NOTICE_TEXT, 11.5);
    pages.paragraph(todo_lines, text_x, width, y, NOTICE_TEXT, 11.5);
    pages.y = top + height + 8.0;
}

/// Requests others made of this member, with how to answer them.
pub(super) fn waiting_on_you(pages: &mut Pages<'_>, statement: &Statement) {
    let waiting = &statement.requests.waiting_on_you;
    if waiting.is_empty() {
        return;
    }
    let m = pages.messages;
    pages.y += 4.0;
    heading_with(
        pages,
        Pictogram::Waiting,
        &m.msg("requests-waiting-title", &[]),
    );
    let explained = pages.wrap(
        &m.msg("requests-waiting-explained", &[]),
        CONTENT_WIDTH,
        NOTICE_TEXT,
    );
    pages.y = pages.paragraph(explained, 0.0, CONTENT_WIDTH, pages.y, NOTICE_TEXT, 11.5) + 2.0;
    pages.open(Role::Table);
    for request in waiting {
        let text = policy_labels::pending_request(m, request);
        request_row(pages, text, request.amount_minor);
    }
    pages.close();
    pages.y += 6.0;
}

/// The member's own requests still waiting, and those declined or expired
/// this month.
pub(super) fn your_requests(pages: &mut Pages<'_>, statement: &Statement) {
    let m = pages.messages;
    let requests = &statement.requests;
    if !requests.you_wait_for.is_empty() {
        pages.y += 10.0;
        heading_with(
            pages,
            Pictogram::Waiting,
            &m.msg("requests-yours-title", &[]),
        );
        pages.open(Role::Table);
        for request in &requests.you_wait_for {
            let text = policy_labels::pending_request(m, request);
            request_row(pages, text, request.amount_minor);
        }
        pages.close();
    }
    let mut closed: Vec<(policy_labels::RequestText, i64)> = Vec::new();
    for (list, by_you) in [
        (&requests.declined_by_you, true),
        (&requests.declined_by_them, false),
    ] {
        for request in list {
            let text = policy_labels::declined_request(m, request, by_you);
            closed.push((text, request.amount_minor));
        }
    }
    for expired in &requests.expired {
        let text = policy_labels::expired_request(m, expired);
        closed.push((text, expired.request.amount_minor));
    }
    if closed.is_empty() {
        return;
    }
    pages.y += 10.0;
    pages.heading(
        &m.msg("requests-closed-title", &[]),
        0.0,
        CONTENT_WIDTH,
        50.0,
    );
    pages.open(Role::Table);
    for (text, minor) in closed {
        request_row(pages, text, minor);
    }
    pages.close();
}

/// A section heading led by a pictogram (which repeats its words).
fn heading_with(pages: &mut Pages<'_>, pictogram: Pictogram, title: &str) {
    pages.heading(title, 20.0, CONTENT_WIDTH - 20.0, 50.0);
    pages.picto(pictogram, 0.0, pages.y - 26.0, 16.0);
    pages.rule(0.0, pages.y - 8.0, 20.0, 1.0, colors::INK);
}

/// One request: who asks or is asked with the hours, what it was for, the
/// dates and its number, and the reason when it was declined.
fn request_row(pages: &mut Pages<'_>, text: policy_labels::RequestText, minor: i64) {
    let m = pages.messages;
    let width = CONTENT_WIDTH - AMOUNT_W - 10.0;
    let who = pages.wrap(&text.who, width, BODY_BOLD);
    let what = pages.wrap(&text.what, width, BODY);
    let detail = pages.wrap(&text.detail, width, SMALL_MUTED);
    let reason = text
        .reason
        .as_ref()
        .map(|r| pages.wrap(r, width - 10.0, NOTE_STYLE));
    let reason_height = reason.as_ref().map_or(0.0, |r| 10.5 * r.len() as f32 + 6.0);
    let height =
        10.0 + 12.5 * (who.len() + what.len()) as f32 + 10.5 * detail.len() as f32 + reason_height;
    pages.ensure(height);
    let top = pages.y;
    pages.open(Role::Row);
    pages.cell(|pages| {
        let mut y = top + 5.0;
        y = pages.paragraph(who, 0.0, width, y, BODY_BOLD, 12.5);
        y = pages.paragraph(what, 0.0, width, y, BODY, 12.5);
        y = pages.paragraph(detail, 0.0, width, y, SMALL_MUTED, 10.5);
        if let Some(reason) = reason {
            let note_height = 10.5 * reason.len() as f32 + 3.0;
            y += 2.0;
            pages.rect(0.0, y, width, note_height, colors::PANEL);
            pages.rect(0.0, y, 2.0, note_height, colors::OUT);
            pages.paragraph(reason, 7.0, width - 10.0, y + 0.5, NOTE_STYLE, 10.5);
        }
    });
    pages.cell(|pages| {
        pages.text(
            &m.fmt_amount_isolated(minor),
            CONTENT_WIDTH - AMOUNT_W,
            AMOUNT_W,
            top + 14.5,
            style(Weight::Bold, 10.0, colors::INK),
            Align::End,
        );
    });
    pages.close();
    pages.rule(0.0, top + height, CONTENT_WIDTH, 0.5, colors::RULE);
    pages.y = top + height;
}

/// Under the totals: the month's hours that were not help (gifts, fund
/// rules), each with its pictogram. Returns the y below them.
pub(super) fn apart_rows(pages: &mut Pages<'_>, statement: &Statement, width: f32) -> f32 {
    let m = pages.messages;
    let rows = policy_labels::apart_rows(m, statement);
    if rows.is_empty() {
        return pages.y;
    }
    pages.y += 6.0;
    pages.text(
        &m.msg("apart-title", &[]),
        0.0,
        width,
        pages.y + 9.0,
        style(Weight::Bold, 8.5, colors::MUTED),
        Align::Start,
    );
    pages.y += 13.0;
    let amount_width = 64.0;
    pages.open(Role::Table);
    for (pictogram, label, minor) in rows {
        let baseline = pages.y + 13.0;
        pages.open(Role::Row);
        pages.open(Role::RowHeader);
        pages.picto(pictogram, 0.0, pages.y + 2.0, 15.0);
        pages.text(
            &label,
            24.0,
            width - amount_width - 26.0,
            baseline,
            BODY,
            Align::Start,
        );
        pages.close();
        pages.cell(|pages| {
            pages.text(
                &m.fmt_amount_isolated(minor),
                width - amount_width,
                amount_width,
                baseline,
                BODY_BOLD,
                Align::End,
            );
        });
        pages.close();
        pages.rule(0.0, pages.y + 19.0, width, 0.4, colors::RULE);
        pages.y += 20.0;
    }
    pages.close();
    pages.y
}

/// How the floor was worked out (growth policy) and the month's changes
/// of this account's limits, each a full-width section when present.
pub(super) fn limits_detail(pages: &mut Pages<'_>, statement: &Statement) {
    let m = pages.messages;
    if let Some(grown) = &statement.grown_floor {
        let lines = pages.wrap(
            &policy_labels::grown_floor(m, statement, grown),
            CONTENT_WIDTH,
            BODY,
        );
        let height = 13.0 * lines.len() as f32;
        pages.y += 10.0;
        pages.heading(&m.msg("grown-floor-title", &[]), 0.0, CONTENT_WIDTH, height);
        pages.y = pages.paragraph(lines, 0.0, CONTENT_WIDTH, pages.y, BODY, 13.0);
    }
    if statement.limit_changes.is_empty() {
        return;
    }
    pages.y += 10.0;
    pages.heading(&m.msg("limit-changes-title", &[]), 0.0, CONTENT_WIDTH, 30.0);
    for change in &statement.limit_changes {
        let text = policy_labels::limit_change(m, statement, change);
        let lines = pages.wrap(&text, CONTENT_WIDTH - 12.0, BODY);
        pages.ensure(13.0 * lines.len() as f32 + 4.0);
        // A bullet beside the sentence: decoration.
        let top = pages.y;
        pages.artifact(|pages| {
            pages.rounded(2.0, top + 4.5, 4.0, 4.0, 2.0, Paint::Fill(colors::MUTED));
        });
        pages.y = pages.paragraph(lines, 12.0, CONTENT_WIDTH - 12.0, top, BODY, 13.0) + 4.0;
    }
}
