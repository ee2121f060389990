//! Plain-text statement and attestation, for the terminal, e-mail bodies and
//! screen readers.
//!
//! Columns are measured in terminal cells with `unicode-width`, so a name in
//! Cyrillic, Arabic or with combining accents lines up like a Latin one.
//! Long texts wrap instead of being cut: on a statement nothing may be lost.
//! Right-to-left languages keep the same logical order; a bidi-capable
//! terminal or editor shows each line from the right.

use unicode_width::UnicodeWidthStr;

use super::chart;
use super::labels;
use super::model::{Attestation, Statement, StatementLine, WorkKind};
use super::policy_labels;
use crate::i18n::{Arg, Messages};

/// Total width of the text statement in terminal cells.
const PAGE_WIDTH: usize = 78;
const DATE_WIDTH: usize = 6;
const KIND_WIDTH: usize = 13;
const AMOUNT_WIDTH: usize = 9;
/// Width of the "with / what" column: what is left of the page after the
/// date, the kind, hours in, hours out and the running balance.
const MAIN_WIDTH: usize = PAGE_WIDTH - DATE_WIDTH - KIND_WIDTH - 3 * AMOUNT_WIDTH - 5;
/// Cells for the longest chart bar on either side of the zero line.
const CHART_HALF_WIDTH: usize = 22;

/// The statement as plain text in its account's language.
pub fn render_statement_text(statement: &Statement) -> String {
    render_statement_text_with(statement, Messages::for_language(&statement.language))
}

/// The statement as plain text with explicit messages (any language).
pub fn render_statement_text_with(statement: &Statement, messages: &Messages) -> String {
    let mut out = Vec::new();
    header(&mut out, statement, messages);
    balance(&mut out, statement, messages);
    soft_notice(&mut out, statement, messages);
    waiting_on_you(&mut out, statement, messages);
    lines_table(&mut out, statement, messages);
    totals(&mut out, statement, messages);
    history_chart(&mut out, statement, messages);
    limits(&mut out, statement, messages);
    your_requests(&mut out, statement, messages);
    contributors(&mut out, statement, messages);
    contact(&mut out, statement, messages);
    let text = labels::verification_lines(messages, &statement.verification, &statement.treasurer);
    verification(&mut out, text, messages, "verify-title");
    finish(out)
}

/// The attestation as plain text in its account's language.
pub fn render_attestation_text(attestation: &Attestation) -> String {
    let messages = Messages::for_language(&attestation.language);
    let mut out = labels::organisation_lines(messages, attestation);
    out.extend([
        "═".repeat(PAGE_WIDTH),
        messages.msg("attestation-title", &[]),
        String::new(),
    ]);
    wrap_into(
        &mut out,
        &labels::attestation_intro(messages, attestation),
        PAGE_WIDTH,
        "",
    );
    out.push(String::new());
    section(&mut out, &messages.msg("attestation-by-work", &[]));
    for (work, minor) in &attestation.given_by_work {
        let label = labels::work_label(messages, *work);
        out.push(label_and_amount(
            &label,
            &messages.fmt_amount_isolated(*minor),
        ));
    }
    section(&mut out, &messages.msg("attestation-by-initiative", &[]));
    if attestation.given_by_initiative.is_empty() {
        out.push(format!("  {}", messages.msg("attestation-none", &[])));
    }
    for (_, name, minor) in &attestation.given_by_initiative {
        out.push(label_and_amount(
            name,
            &messages.fmt_amount_isolated(*minor),
        ));
    }
    out.push(format!("  {}", "─".repeat(PAGE_WIDTH - 2)));
    let total_label = messages.msg("attestation-total", &[]);
    out.push(label_and_amount(
        &total_label,
        &messages.fmt_amount_isolated(attestation.total_given_minor),
    ));
    let exchanges = labels::attestation_exchanges(messages, attestation.exchange_count);
    out.push(format!("  {exchanges}"));
    out.push(String::new());
    wrap_into(
        &mut out,
        &messages.msg("attestation-explained", &[]),
        PAGE_WIDTH,
        "",
    );
    out.push(String::new());
    let (done, signatory) = labels::signing_lines(messages, attestation);
    out.push(done);
    out.push(String::new());
    out.push(format!(
        "{} ______________________________",
        messages.msg("attestation-signature", &[])
    ));
    if let Some(signatory) = signatory {
        out.push(signatory);
    }
    let text = labels::attestation_verification_lines(messages, attestation);
    verification(&mut out, text, messages, "attestation-verify-title");
    finish(out)
}

fn finish(out: Vec<String>) -> String {
    let mut text: String = out
        .iter()
        .map(|line| line.trim_end())
        .collect::<Vec<_>>()
        .join("\n");
    text.push('\n');
    text
}

fn header(out: &mut Vec<String>, statement: &Statement, messages: &Messages) {
    let month = messages.fmt_month(statement.year, statement.month);
    out.push(statement.community_name.clone());
    out.push(messages.msg("statement-for-month", &[("month", Arg::Str(&month))]));
    out.push(labels::currency_line(
        messages,
        &statement.currency.name,
        &statement.currency.unit,
    ));
    out.push("═".repeat(PAGE_WIDTH));
    out.push(statement.display_name.clone());
    out.push(labels::account_line(messages, &statement.account_id));
    out.push(labels::issued_line(messages, statement.issued_on));
}

/// A section title, underlined (no upper-casing: it is wrong for Turkish
/// "i" and meaningless for Arabic).
fn section(out: &mut Vec<String>, title: &str) {
    out.push(String::new());
    out.push(title.to_owned());
    out.push("─".repeat(title.width().max(3)));
}

fn balance(out: &mut Vec<String>, statement: &Statement, messages: &Messages) {
    section(out, &messages.msg("balance-now", &[]));
    let closing = messages.fmt_amount_isolated(statement.closing_minor);
    out.push(format!("  {closing} {}", statement.currency.unit));
    wrap_into(
        out,
        &labels::balance_sentence(messages, statement),
        PAGE_WIDTH - 2,
        "  ",
    );
    out.push(String::new());
    let (month_in, month_out) = labels::month_flows(statement);
    let rows = [
        (
            "balance-start",
            messages.fmt_amount_isolated(statement.opening_minor),
        ),
        (
            "balance-came-in",
            messages.fmt_signed_amount_isolated(month_in),
        ),
        (
            "balance-went-out",
            messages.fmt_signed_amount_isolated(-month_out),
        ),
        ("balance-end", closing.clone()),
    ];
    for (id, amount) in rows {
        out.push(label_and_amount(&messages.msg(id, &[]), &amount));
    }
}

/// "  label ........ amount" with the amount right-aligned at the page
/// edge; a label too long for its place wraps, the amount on its last row.
fn label_and_amount(label: &str, amount: &str) -> String {
    let label_width = PAGE_WIDTH - 2 - AMOUNT_WIDTH - 1;
    let mut rows = wrap(label, label_width);
    let last = rows.pop().unwrap_or_default();
    let mut text: String = rows.iter().map(|row| format!("  {row}\n")).collect();
    text.push_str(&format!(
        "  {} {}",
        pad_end(&last, label_width),
        pad_start(amount, AMOUNT_WIDTH)
    ));
    text
}

fn lines_table(out: &mut Vec<String>, statement: &Statement, messages: &Messages) {
    section(out, &messages.msg("lines-title", &[]));
    if statement.lines.is_empty() {
        out.push(format!("  {}", messages.msg("lines-none", &[])));
        return;
    }
    // Headers are padded, never cut: a long word only shifts its column.
    let head = format!(
        "{} {} {} {} {} {}",
        pad_end(&messages.msg("column-date", &[]), DATE_WIDTH),
        pad_end(&messages.msg("column-who", &[]), MAIN_WIDTH),
        pad_end(&messages.msg("column-kind", &[]), KIND_WIDTH),
        pad_start(&messages.msg("column-in", &[]), AMOUNT_WIDTH),
        pad_start(&messages.msg("column-out", &[]), AMOUNT_WIDTH),
        pad_start(&messages.msg("column-balance", &[]), AMOUNT_WIDTH),
    );
    out.push(head);
    for line in &statement.lines {
        out.push(String::new());
        table_row(out, line, messages);
    }
}

/// One transaction: the first row carries date, names, kind, amounts and
/// the balance after it; names and a long kind wrap onto the rows below,
/// which then carry what was done, who signed and any correction.
fn table_row(out: &mut Vec<String>, line: &StatementLine, messages: &Messages) {
    let names = wrap(&labels::counterparty_names(line), MAIN_WIDTH);
    let kinds = wrap(&policy_labels::line_kind(messages, line), KIND_WIDTH);
    let amount = |minor: i64| {
        if minor == 0 {
            String::new()
        } else {
            messages.fmt_amount_isolated(minor)
        }
    };
    for i in 0..names.len().max(kinds.len()) {
        let first = i == 0;
        let on_first = |text: String| if first { text } else { String::new() };
        out.push(format!(
            "{} {} {} {} {} {}",
            pad_end(&on_first(messages.fmt_date_short(line.date)), DATE_WIDTH),
            pad_end(names.get(i).map_or("", String::as_str), MAIN_WIDTH),
            pad_end(kinds.get(i).map_or("", String::as_str), KIND_WIDTH),
            pad_start(&on_first(amount(line.in_minor)), AMOUNT_WIDTH),
            pad_start(&on_first(amount(line.out_minor)), AMOUNT_WIDTH),
            pad_start(
                &on_first(messages.fmt_amount_isolated(line.balance_minor)),
                AMOUNT_WIDTH
            ),
        ));
    }
    let indent = " ".repeat(DATE_WIDTH + 1);
    let detail_width = PAGE_WIDTH - indent.len();
    wrap_into(
        out,
        &labels::what_label(messages, line),
        detail_width,
        &indent,
    );
    let seq = messages.msg("line-number", &[("seq", Arg::Int(line.seq))]);
    let signer = labels::signer_label(messages, &line.signed_by);
    wrap_into(out, &format!("{signer} · {seq}"), detail_width, &indent);
    for note in labels::line_notes(messages, line) {
        wrap_into(out, &format!("» {note}"), detail_width, &indent);
    }
}

fn totals(out: &mut Vec<String>, statement: &Statement, messages: &Messages) {
    section(out, &messages.msg("totals-title", &[]));
    // The column headers ("Help given", "Hulp gekregen") wrap onto two
    // rows, bottom-aligned, rather than push the figures out of line.
    let column = 14;
    let label_width = PAGE_WIDTH - 2 - 2 * (column + 1);
    let heads = [
        wrap(&messages.msg("totals-given", &[]), column),
        wrap(&messages.msg("totals-received", &[]), column),
    ];
    let rows = heads.iter().map(Vec::len).max().unwrap_or(1);
    for row in 0..rows {
        let cell = |lines: &Vec<String>| {
            let index = (row + lines.len()).checked_sub(rows);
            index
                .and_then(|i| lines.get(i))
                .cloned()
                .unwrap_or_default()
        };
        out.push(format!(
            "  {} {} {}",
            pad_end("", label_width),
            pad_start(&cell(&heads[0]), column),
            pad_start(&cell(&heads[1]), column),
        ));
    }
    for work in WorkKind::ALL {
        let (given, received) = statement.work_total(work);
        out.push(format!(
            "  {} {} {}",
            pad_end(&labels::work_label(messages, work), label_width),
            pad_start(&messages.fmt_amount_isolated(given), column),
            pad_start(&messages.fmt_amount_isolated(received), column),
        ));
    }
    out.push(String::new());
    out.push(format!(
        "  {}. {}",
        labels::exchange_count(messages, statement.exchange_count),
        labels::people_helped(messages, statement.people_helped_count)
    ));
    let apart = policy_labels::apart_rows(messages, statement);
    if !apart.is_empty() {
        out.push(String::new());
        out.push(format!("  {}", messages.msg("apart-title", &[])));
        for (_, label, minor) in apart {
            out.push(label_and_amount(
                &label,
                &messages.fmt_amount_isolated(minor),
            ));
        }
    }
}

/// Twelve rows of bars around a zero line: negative months grow left.
fn history_chart(out: &mut Vec<String>, statement: &Statement, messages: &Messages) {
    if statement.history.is_empty() {
        return;
    }
    section(out, &messages.msg("chart-title", &[]));
    let (max, min) = chart::value_range(&statement.history);
    let scale = max.max(-min).max(1);
    let label_width = 10;
    for point in &statement.history {
        // Integer arithmetic keeps the text output identical everywhere.
        let cells = (point.closing_minor.abs() * CHART_HALF_WIDTH as i64 / scale) as usize;
        let bar = "█".repeat(cells);
        let (left, right) = if point.closing_minor < 0 {
            (pad_start(&bar, CHART_HALF_WIDTH), String::new())
        } else {
            (" ".repeat(CHART_HALF_WIDTH), bar)
        };
        let label = format!(
            "{} {}",
            messages.month_abbrev(point.month),
            messages.fmt_integer(i64::from(point.year))
        );
        out.push(format!(
            "  {} {left}│{} {}",
            pad_end(&label, label_width),
            pad_end(&right, CHART_HALF_WIDTH),
            pad_start(
                &messages.fmt_amount_isolated(point.closing_minor),
                AMOUNT_WIDTH
            ),
        ));
    }
}

fn limits(out: &mut Vec<String>, statement: &Statement, messages: &Messages) {
    section(out, &messages.msg("limits-title", &[]));
    let (floor, ceiling) = labels::limit_lines(messages, statement);
    out.push(format!("  {floor}    {ceiling}"));
    for soft in policy_labels::soft_limit_lines(messages, statement) {
        out.push(format!("  {soft}"));
    }
    wrap_into(
        out,
        &labels::limits_sentence(messages, statement),
        PAGE_WIDTH - 2,
        "  ",
    );
    if let Some(grown) = &statement.grown_floor {
        out.push(String::new());
        out.push(format!("  {}", messages.msg("grown-floor-title", &[])));
        wrap_into(
            out,
            &policy_labels::grown_floor(messages, statement, grown),
            PAGE_WIDTH - 4,
            "    ",
        );
    }
    if !statement.limit_changes.is_empty() {
        out.push(String::new());
        out.push(format!("  {}", messages.msg("limit-changes-title", &[])));
        for change in &statement.limit_changes {
            let text = policy_labels::limit_change(messages, statement, change);
            wrap_into(out, &format!("» {text}"), PAGE_WIDTH - 4, "    ");
        }
    }
}

/// The soft-limit notice: what it means and what to do, under the balance.
fn soft_notice(out: &mut Vec<String>, statement: &Statement, messages: &Messages) {
    let Some(notice) = &statement.soft_notice else {
        return;
    };
    let (title, meaning, todo) = policy_labels::soft_notice(messages, statement, notice);
    out.push(String::new());
    out.push(format!("  ! {title}"));
    wrap_into(out, &meaning, PAGE_WIDTH - 4, "    ");
    wrap_into(out, &todo, PAGE_WIDTH - 4, "    ");
}

/// Requests others made of this account: the first thing to act on.
fn waiting_on_you(out: &mut Vec<String>, statement: &Statement, messages: &Messages) {
    let waiting = &statement.requests.waiting_on_you;
    if waiting.is_empty() {
        return;
    }
    section(out, &messages.msg("requests-waiting-title", &[]));
    wrap_into(
        out,
        &messages.msg("requests-waiting-explained", &[]),
        PAGE_WIDTH - 2,
        "  ",
    );
    for request in waiting {
        request_rows(
            out,
            policy_labels::pending_request(messages, request),
            request.amount_minor,
            messages,
        );
    }
}

/// What this account asked for and still waits for, and the requests
/// declined or expired this month.
fn your_requests(out: &mut Vec<String>, statement: &Statement, messages: &Messages) {
    let requests = &statement.requests;
    if !requests.you_wait_for.is_empty() {
        section(out, &messages.msg("requests-yours-title", &[]));
        for request in &requests.you_wait_for {
            let text = policy_labels::pending_request(messages, request);
            request_rows(out, text, request.amount_minor, messages);
        }
    }
    let closed =
        requests.declined_by_you.len() + requests.declined_by_them.len() + requests.expired.len();
    if closed == 0 {
        return;
    }
    section(out, &messages.msg("requests-closed-title", &[]));
    for (list, by_you) in [
        (&requests.declined_by_you, true),
        (&requests.declined_by_them, false),
    ] {
        for request in list {
            let text = policy_labels::declined_request(messages, request, by_you);
            request_rows(out, text, request.amount_minor, messages);
        }
    }
    for expired in &requests.expired {
        let text = policy_labels::expired_request(messages, expired);
        request_rows(out, text, expired.request.amount_minor, messages);
    }
}

/// One request: who and the hours, then what, then the dates and number.
fn request_rows(
    out: &mut Vec<String>,
    text: policy_labels::RequestText,
    amount_minor: i64,
    messages: &Messages,
) {
    out.push(String::new());
    out.push(label_and_amount(
        &text.who,
        &messages.fmt_amount_isolated(amount_minor),
    ));
    wrap_into(out, &text.what, PAGE_WIDTH - 4, "    ");
    wrap_into(out, &text.detail, PAGE_WIDTH - 4, "    ");
    if let Some(reason) = text.reason {
        wrap_into(out, &format!("» {reason}"), PAGE_WIDTH - 4, "    ");
    }
}

fn contributors(out: &mut Vec<String>, statement: &Statement, messages: &Messages) {
    if statement.contributors.is_empty() {
        return;
    }
    section(out, &messages.msg("contributors-title", &[]));
    let kind_width = 11;
    let name_width = PAGE_WIDTH - 2 - 4 * (kind_width + 1) - (AMOUNT_WIDTH + 1);
    // Headers and names wrap onto more rows instead of being cut.
    let kinds: Vec<Vec<String>> = WorkKind::ALL
        .iter()
        .map(|work| wrap(&labels::work_label(messages, *work), kind_width))
        .collect();
    let head_rows = kinds.iter().map(Vec::len).max().unwrap_or(1);
    for row in 0..head_rows {
        let last = row + 1 == head_rows;
        let member = if last {
            messages.msg("column-member", &[])
        } else {
            String::new()
        };
        let mut head = format!("  {}", pad_end(&member, name_width));
        for lines in &kinds {
            // Bottom-aligned, so every kind's last word sits on one row.
            let index = (row + lines.len()).checked_sub(head_rows);
            let cell = index.and_then(|i| lines.get(i)).map_or("", String::as_str);
            head.push_str(&format!(" {}", pad_start(cell, kind_width)));
        }
        let total = if last {
            messages.msg("column-total", &[])
        } else {
            String::new()
        };
        head.push_str(&format!(" {}", pad_start(&total, AMOUNT_WIDTH)));
        out.push(head);
    }
    for contributor in &statement.contributors {
        let names = wrap(&contributor.display_name, name_width);
        let mut row = format!("  {}", pad_end(&names[0], name_width));
        for work in WorkKind::ALL {
            let minor = contributor.hours(work);
            let cell = if minor == 0 {
                String::new()
            } else {
                messages.fmt_amount_isolated(minor)
            };
            row.push_str(&format!(" {}", pad_start(&cell, kind_width)));
        }
        row.push_str(&format!(
            " {}",
            pad_start(
                &messages.fmt_amount_isolated(contributor.total_minor),
                AMOUNT_WIDTH
            )
        ));
        out.push(row);
        for more in &names[1..] {
            out.push(format!("  {more}"));
        }
    }
}

fn verification(
    out: &mut Vec<String>,
    text: labels::VerificationText,
    messages: &Messages,
    title_id: &str,
) {
    section(out, &messages.msg(title_id, &[]));
    out.push(format!("  {}", text.code));
    wrap_into(out, &text.explained, PAGE_WIDTH - 2, "  ");
    out.push(format!("  {}", text.chain));
    if let Some(key) = text.key {
        out.push(format!("  {key}"));
    }
}

/// Whom to ask, and how to question a line.
fn contact(out: &mut Vec<String>, statement: &Statement, messages: &Messages) {
    section(out, &messages.msg("contact-title", &[]));
    let (who, question) = labels::contact_lines(messages, statement);
    wrap_into(out, &who, PAGE_WIDTH - 2, "  ");
    wrap_into(out, &question, PAGE_WIDTH - 2, "  ");
}

/// Pads with spaces to `width` terminal cells (never cuts).
fn pad_end(text: &str, width: usize) -> String {
    let fill = width.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(fill))
}

/// Right-aligns in `width` terminal cells (never cuts).
fn pad_start(text: &str, width: usize) -> String {
    let fill = width.saturating_sub(text.width());
    format!("{}{text}", " ".repeat(fill))
}

/// Word-wraps to lines of at most `width` cells; a single word longer than
/// the width gets a line of its own rather than being cut.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    // Only ordinary spaces break: dates hold no-break spaces on purpose.
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate_width = current.width() + 1 + word.width();
        if !current.is_empty() && candidate_width > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

fn wrap_into(out: &mut Vec<String>, text: &str, width: usize, indent: &str) {
    for line in wrap(text, width) {
        out.push(format!("{indent}{line}"));
    }
}
