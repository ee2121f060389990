//! One self-contained HTML page per statement or attestation: inline CSS,
//! inline SVG pictograms, chart and QR code, no external asset (the kiosk
//! has no internet). It prints on A4 through the browser's print dialog.
//!
//! All text goes through maud, which escapes every interpolated value; the
//! only pre-escaped markup is SVG built from numbers and fixed colours
//! (pictograms and the QR code), never from user text.

use maud::{html, Markup, PreEscaped, DOCTYPE};

use super::chart;
use super::labels;
use super::model::{Attestation, Contributor, Statement, StatementLine, Verification, WorkKind};
use super::pictogram::{self, colors, Pictogram};
use super::policy_labels;
use super::qr;
use crate::i18n::{Arg, Messages};

/// The statement page in the account's language.
pub fn render_statement_html(statement: &Statement) -> String {
    let messages = Messages::for_language(&statement.language);
    let month = messages.fmt_month(statement.year, statement.month);
    let title = format!("{} · {}", statement.display_name, month);
    let body = html! {
        (statement_header(statement, messages, &month))
        (balance_panel(statement, messages))
        (soft_notice_section(statement, messages))
        (waiting_on_you_section(statement, messages))
        // Summary before details, as on paper: pictures and numbers first.
        div.columns {
            (totals_section(statement, messages))
            (chart_section(statement, messages))
        }
        (lines_section(statement, messages))
        (limits_detail_section(statement, messages))
        (your_requests_section(statement, messages))
        (contributors_section(&statement.contributors, messages))
        (contact_section(statement, messages))
        (verification_section(
            &statement.verification,
            labels::verification_lines(messages, &statement.verification, &statement.treasurer),
            messages,
            "verify-title",
        ))
    };
    page(messages, &title, body).into_string()
}

/// The attestation page in the account's language.
pub fn render_attestation_html(attestation: &Attestation) -> String {
    let messages = Messages::for_language(&attestation.language);
    let title = messages.msg("attestation-title", &[]);
    let body = html! {
        header.top {
            div.community {
                @for (i, line) in labels::organisation_lines(messages, attestation).iter().enumerate() {
                    @if i == 0 { div.community-name { (line) } } @else { div.small { (line) } }
                }
            }
        }
        h1 { (title) }
        p.intro { (labels::attestation_intro(messages, attestation)) }
        section {
            h2 { (messages.msg("attestation-by-work", &[])) }
            table.simple {
                @for (work, minor) in &attestation.given_by_work {
                    tr {
                        td.picto-cell { (picto(Pictogram::Work(*work), 22)) }
                        td { (labels::work_label(messages, *work)) }
                        td.num { (amount(messages, *minor)) }
                    }
                }
            }
        }
        section {
            h2 { (messages.msg("attestation-by-initiative", &[])) }
            @if attestation.given_by_initiative.is_empty() {
                p.muted { (messages.msg("attestation-none", &[])) }
            }
            table.simple {
                @for (_, name, minor) in &attestation.given_by_initiative {
                    tr { td { bdi { (name) } } td.num { (amount(messages, *minor)) } }
                }
                tr.total {
                    td { (messages.msg("attestation-total", &[])) }
                    td.num { (amount(messages, attestation.total_given_minor)) }
                }
            }
            p { (labels::attestation_exchanges(messages, attestation.exchange_count)) }
        }
        p.muted { (messages.msg("attestation-explained", &[])) }
        @let (done, signatory) = labels::signing_lines(messages, attestation);
        section.signature {
            p { (done) }
            div.sign-line { (messages.msg("attestation-signature", &[])) }
            @if let Some(signatory) = signatory { p { bdi { (signatory) } } }
        }
        (verification_section(
            &attestation.verification,
            labels::attestation_verification_lines(messages, attestation),
            messages,
            "attestation-verify-title",
        ))
    };
    page(messages, &title, body).into_string()
}

pub(crate) fn page_dir(messages: &Messages) -> &'static str {
    if messages.is_rtl() {
        "rtl"
    } else {
        "ltr"
    }
}

/// The document shell: language, direction, print CSS.
fn page(messages: &Messages, title: &str, body: Markup) -> Markup {
    page_with_css(messages, title, "", body)
}

/// The document shell with more CSS after the statement's own (the
/// community report adds its tiles and map).
pub(crate) fn page_with_css(
    messages: &Messages,
    title: &str,
    extra_css: &str,
    body: Markup,
) -> Markup {
    let dir = page_dir(messages);
    html! {
        (DOCTYPE)
        html lang=(messages.language()) dir=(dir) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(stylesheet())) (PreEscaped(extra_css)) }
            }
            body { main.sheet { (body) } }
        }
    }
}

/// The stylesheet, with the shared palette filled in. Logical properties
/// (`inline-start`, `text-align: end`) make one sheet serve both directions.
fn stylesheet() -> String {
    format!(
        "{CSS}\n:root{{--ink:{};--muted:{};--rule:{};--panel:{};--in:{};--in-light:{};--out:{};--out-light:{};}}",
        colors::INK.hex(),
        colors::MUTED.hex(),
        colors::RULE.hex(),
        colors::PANEL.hex(),
        colors::IN.hex(),
        colors::IN_LIGHT.hex(),
        colors::OUT.hex(),
        colors::OUT_LIGHT.hex(),
    )
}

const CSS: &str = r#"
@page { size: A4; margin: 14mm 14mm 16mm 14mm; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 11pt/1.4 "DejaVu Sans", "Noto Sans", "Noto Naskh Arabic", Arial, sans-serif; }
.sheet { max-width: 182mm; margin: 0 auto; padding: 8mm 0; }
@media print { .sheet { padding: 0; max-width: none; } }
h1 { font-size: 20pt; margin: 4mm 0 1mm; }
h2 { font-size: 12.5pt; margin: 7mm 0 2.5mm; padding-bottom: 1mm; border-bottom: 1.5pt solid var(--ink); }
.muted { color: var(--muted); }
.small { font-size: 9pt; }
.top { display: flex; justify-content: space-between; align-items: flex-end;
  border-bottom: 3pt solid var(--ink); padding-bottom: 2mm; }
.community-name { font-weight: bold; font-size: 14pt; }
.period { text-align: end; }
.month { font-weight: bold; font-size: 16pt; }
section.balance { display: flex; gap: 6mm; align-items: center; margin-top: 5mm; padding: 5mm 6mm;
  border-radius: 3mm; background: var(--in-light); break-inside: avoid; }
section.balance.negative { background: var(--out-light); }
section.balance .big { font-size: 30pt; font-weight: bold; line-height: 1.1; color: var(--in); }
section.balance.negative .big { color: var(--out); }
section.balance.zero { background: var(--panel); } section.balance.zero .big { color: var(--ink); }
.lines .balance { color: var(--muted); }
.contact { margin-top: 6mm; font-size: 10pt; }
section.balance .unit { font-size: 14pt; font-weight: normal; }
section.balance .main { flex: 1; }
.flows { display: grid; grid-template-columns: auto auto; gap: 0.8mm 5mm; margin: 0; font-size: 10pt; }
.flows dt { color: var(--muted); } .flows dd { margin: 0; text-align: end; font-weight: bold; }
.num { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
.in { color: var(--in); font-weight: bold; } .out { color: var(--out); font-weight: bold; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
th { font-size: 9pt; color: var(--muted); font-weight: normal; text-align: start; padding: 1mm 1.5mm;
  border-bottom: 0.75pt solid var(--rule); }
th.num { text-align: end; }
td { padding: 2mm 1.5mm; vertical-align: top; border-bottom: 0.75pt solid var(--rule); }
tr { break-inside: avoid; }
.lines .date { white-space: nowrap; color: var(--muted); }
.lines .who { font-weight: bold; }
.lines .signer, .lines .seq { font-size: 8.5pt; color: var(--muted); }
.lines .seq { white-space: nowrap; }
.note { font-size: 9pt; margin-top: 1mm; padding: 0.5mm 2mm; border-inline-start: 2pt solid var(--out);
  background: var(--panel); }
.kind { white-space: nowrap; } .kind svg { vertical-align: middle; margin-inline-end: 1.5mm; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 8mm; break-inside: avoid; }
.simple td { border-bottom: 0.5pt solid var(--rule); padding: 1.5mm; }
.simple tr.total td { font-weight: bold; border-top: 1pt solid var(--ink); }
.picto-cell { width: 8mm; }
.chart svg { width: 100%; height: auto; }
.gauge { margin-top: 3mm; }
.verify { display: flex; gap: 6mm; align-items: center; margin-top: 7mm; padding: 4mm;
  border: 0.75pt solid var(--rule); border-radius: 2mm; break-inside: avoid; }
.verify .code { font: bold 15pt "DejaVu Sans Mono", monospace; letter-spacing: 0.5pt; }
.verify svg { width: 30mm; height: 30mm; flex: none; }
.intro { font-size: 13pt; }
.notice { display: flex; gap: 4mm; align-items: flex-start; margin-top: 4mm; padding: 3mm 5mm;
  border-inline-start: 3pt solid var(--out); background: var(--out-light); break-inside: avoid; }
.notice p { margin: 1mm 0 0; }
h3.apart { font-size: 10pt; margin: 4mm 0 1mm; color: var(--muted); }
.requests h2 svg { vertical-align: middle; } .requests .who { font-weight: bold; }
.signature { margin-top: 8mm; break-inside: avoid; }
.sign-line { margin-top: 14mm; padding-top: 1mm; border-top: 0.75pt solid var(--ink); width: 70mm; color: var(--muted); font-size: 9pt; }
"#;

pub(crate) fn picto(pictogram: Pictogram, size_px: u32) -> Markup {
    PreEscaped(pictogram::svg(pictogram, size_px))
}

/// An amount kept left-to-right even on an Arabic page, so "-1.50" never
/// shows its minus on the wrong side.
pub(crate) fn amount(messages: &Messages, minor: i64) -> Markup {
    html! { span dir="ltr" { (messages.fmt_amount_isolated(minor)) } }
}

fn statement_header(statement: &Statement, messages: &Messages, month: &str) -> Markup {
    html! {
        header.top {
            div.community {
                div.community-name { (statement.community_name) }
                div.muted.small { (labels::currency_line(messages, &statement.currency.name, &statement.currency.unit)) }
            }
            div.period {
                div.muted { (messages.msg("statement-title", &[])) }
                div.month { (month) }
            }
        }
        h1 { bdi { (statement.display_name) } }
        div.muted {
            (labels::account_line(messages, &statement.account_id)) " · " (labels::issued_line(messages, statement.issued_on))
        }
    }
}

fn balance_panel(statement: &Statement, messages: &Messages) -> Markup {
    let (month_in, month_out) = labels::month_flows(statement);
    let negative = statement.closing_minor < 0;
    let zero = statement.closing_minor == 0;
    html! {
        section.balance.negative[negative].zero[zero] {
            (picto(Pictogram::for_balance(statement.closing_minor), 64))
            div.main {
                div.muted { (messages.msg("balance-now", &[])) }
                div.big {
                    (amount(messages, statement.closing_minor)) " "
                    span.unit { (statement.currency.unit) }
                }
                div { (labels::balance_sentence(messages, statement)) }
            }
            dl.flows {
                dt { (messages.msg("balance-start", &[])) }
                dd { (amount(messages, statement.opening_minor)) }
                dt { (messages.msg("balance-came-in", &[])) }
                dd.in { span dir="ltr" { (messages.fmt_signed_amount_isolated(month_in)) } }
                dt { (messages.msg("balance-went-out", &[])) }
                dd.out { span dir="ltr" { (messages.fmt_signed_amount_isolated(-month_out)) } }
                dt { (messages.msg("balance-end", &[])) }
                dd { (amount(messages, statement.closing_minor)) }
            }
        }
    }
}

fn lines_section(statement: &Statement, messages: &Messages) -> Markup {
    html! {
        section {
            h2 { (messages.msg("lines-title", &[])) }
            @if statement.lines.is_empty() {
                p.muted { (messages.msg("lines-none", &[])) }
            } @else {
                table.lines {
                    thead { tr {
                        th { (messages.msg("column-date", &[])) }
                        th { (messages.msg("column-who", &[])) " / " (messages.msg("column-what", &[])) }
                        th { (messages.msg("column-kind", &[])) }
                        th.num { (picto(Pictogram::In, 14)) " " (messages.msg("column-in", &[])) }
                        th.num { (picto(Pictogram::Out, 14)) " " (messages.msg("column-out", &[])) }
                        th.num { (messages.msg("column-balance", &[])) }
                    } }
                    tbody {
                        @for line in &statement.lines { (line_row(line, messages)) }
                    }
                }
            }
        }
    }
}

fn line_row(line: &StatementLine, messages: &Messages) -> Markup {
    let cell = |minor: i64| {
        if minor == 0 {
            None
        } else {
            Some(messages.fmt_amount_isolated(minor))
        }
    };
    html! {
        tr {
            td.date { (messages.fmt_date_short(line.date)) }
            td {
                div.who { bdi { (labels::counterparty_names(line)) } }
                div.what { (labels::what_label(messages, line)) }
                div.signer {
                    (labels::signer_label(messages, &line.signed_by)) " · "
                    span.seq { (messages.msg("line-number", &[("seq", Arg::Int(line.seq))])) }
                }
                @for note in labels::line_notes(messages, line) { div.note { (note) } }
            }
            td.kind {
                @if let Some(pictogram) = policy_labels::line_pictogram(line) { (picto(pictogram, 20)) }
                (policy_labels::line_kind(messages, line))
            }
            td.num.in { @if let Some(text) = cell(line.in_minor) { span dir="ltr" { (text) } } }
            td.num.out { @if let Some(text) = cell(line.out_minor) { span dir="ltr" { (text) } } }
            td.num.balance { (amount(messages, line.balance_minor)) }
        }
    }
}

fn totals_section(statement: &Statement, messages: &Messages) -> Markup {
    html! {
        section {
            h2 { (messages.msg("totals-title", &[])) }
            table.simple {
                tr {
                    th {} th {}
                    th.num { (messages.msg("totals-given", &[])) }
                    th.num { (messages.msg("totals-received", &[])) }
                }
                @for work in WorkKind::ALL {
                    @let (given, received) = statement.work_total(work);
                    tr {
                        td.picto-cell { (picto(Pictogram::Work(work), 22)) }
                        td { (labels::work_label(messages, work)) }
                        td.num.in { (amount(messages, given)) }
                        td.num.out { (amount(messages, received)) }
                    }
                }
            }
            p {
                (labels::exchange_count(messages, statement.exchange_count)) ". "
                (labels::people_helped(messages, statement.people_helped_count))
            }
            @let apart = policy_labels::apart_rows(messages, statement);
            @if !apart.is_empty() {
                h3.apart { (messages.msg("apart-title", &[])) }
                table.simple {
                    @for (pictogram, label, minor) in &apart {
                        tr {
                            td.picto-cell { (picto(*pictogram, 22)) }
                            td { (label) }
                            td.num { (amount(messages, *minor)) }
                        }
                    }
                }
            }
        }
    }
}

/// The soft-limit notice under the balance: what it means, what to do.
fn soft_notice_section(statement: &Statement, messages: &Messages) -> Markup {
    let Some(notice) = &statement.soft_notice else {
        return html! {};
    };
    let (title, meaning, todo) = policy_labels::soft_notice(messages, statement, notice);
    html! {
        section.notice role="note" {
            (picto(Pictogram::Notice, 36))
            div {
                strong { (title) }
                p { (meaning) }
                p { (todo) }
            }
        }
    }
}

/// Requests others made of this member: the first thing to act on.
fn waiting_on_you_section(statement: &Statement, messages: &Messages) -> Markup {
    let waiting = &statement.requests.waiting_on_you;
    if waiting.is_empty() {
        return html! {};
    }
    html! {
        section.requests {
            h2 { (picto(Pictogram::Waiting, 20)) " " (messages.msg("requests-waiting-title", &[])) }
            p.small { (messages.msg("requests-waiting-explained", &[])) }
            table.simple {
                @for request in waiting {
                    (request_row(policy_labels::pending_request(messages, request), request.amount_minor, messages))
                }
            }
        }
    }
}

/// What the member asked for and still waits for, and the requests
/// declined or expired this month.
fn your_requests_section(statement: &Statement, messages: &Messages) -> Markup {
    let requests = &statement.requests;
    let declined = [
        (&requests.declined_by_you, true),
        (&requests.declined_by_them, false),
    ];
    let any_closed = !requests.declined_by_you.is_empty()
        || !requests.declined_by_them.is_empty()
        || !requests.expired.is_empty();
    html! {
        @if !requests.you_wait_for.is_empty() {
            section.requests {
                h2 { (messages.msg("requests-yours-title", &[])) }
                table.simple {
                    @for request in &requests.you_wait_for {
                        (request_row(policy_labels::pending_request(messages, request), request.amount_minor, messages))
                    }
                }
            }
        }
        @if any_closed {
            section.requests {
                h2 { (messages.msg("requests-closed-title", &[])) }
                table.simple {
                    @for (list, by_you) in declined {
                        @for request in list {
                            (request_row(policy_labels::declined_request(messages, request, by_you), request.amount_minor, messages))
                        }
                    }
                    @for expired in &requests.expired {
                        (request_row(policy_labels::expired_request(messages, expired), expired.request.amount_minor, messages))
                    }
                }
            }
        }
    }
}

fn request_row(text: policy_labels::RequestText, minor: i64, messages: &Messages) -> Markup {
    html! {
        tr {
            td {
                div.who { bdi { (text.who) } }
                div { (text.what) }
                div.small.muted { (text.detail) }
                @if let Some(reason) = &text.reason { div.note { (reason) } }
            }
            td.num { strong { (amount(messages, minor)) } }
        }
    }
}

/// How the floor was worked out and the month's limit changes, when the
/// account has either.
fn limits_detail_section(statement: &Statement, messages: &Messages) -> Markup {
    if statement.grown_floor.is_none() && statement.limit_changes.is_empty() {
        return html! {};
    }
    html! {
        section {
            @if let Some(grown) = &statement.grown_floor {
                h2 { (messages.msg("grown-floor-title", &[])) }
                p { (policy_labels::grown_floor(messages, statement, grown)) }
            }
            @if !statement.limit_changes.is_empty() {
                h2 { (messages.msg("limit-changes-title", &[])) }
                ul {
                    @for change in &statement.limit_changes {
                        li { (policy_labels::limit_change(messages, statement, change)) }
                    }
                }
            }
        }
    }
}

/// Chart box in SVG user units; labels sit below the bars.
const CHART_W: f32 = 340.0;
const CHART_H: f32 = 110.0;

fn chart_section(statement: &Statement, messages: &Messages) -> Markup {
    // Figures above the bars need room: the bars use the middle of the box.
    let mut chart = chart::layout(&statement.history, CHART_W, CHART_H - 20.0);
    if messages.is_rtl() {
        // Time runs from right to left on a right-to-left page.
        chart = chart.mirrored(CHART_W);
    }
    // Long month names (Arabic has no short ones) label every other bar,
    // always including this month's.
    let widest = chart
        .bars
        .iter()
        .map(|b| messages.month_abbrev(b.month).chars().count())
        .max()
        .unwrap_or(0);
    let step = if widest > 5 { 2 } else { 1 };
    let last = chart.bars.len().saturating_sub(1);
    let (at, zero) = chart::limits_gauge(
        statement.floor_minor,
        statement.ceiling_minor,
        statement.closing_minor,
    );
    let (floor, ceiling) = labels::limit_lines(messages, statement);
    html! {
        section.chart {
            h2 { (messages.msg("chart-title", &[])) }
            svg xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 -4 {CHART_W} {}", CHART_H + 22.0)) role="img" aria-label=(chart_alt(messages, statement)) {
                @for (index, bar) in chart.bars.iter().enumerate() {
                    rect x=(bar.x) y=(bar.y + 10.0) width=(bar.width) height=(bar.height) rx="1.5"
                        fill=(if bar.negative { colors::OUT.hex() } else { colors::IN.hex() }) {}
                    // Each month's figure, above its bar (below a negative one).
                    text x=(bar.center_x)
                        y=(if bar.negative { bar.y + bar.height + 18.0 } else { bar.y + 7.0 })
                        font-size="6" text-anchor="middle" fill=(colors::INK.hex()) direction="ltr" {
                        (messages.fmt_amount(bar.closing_minor))
                    }
                    @if (last - index).is_multiple_of(step) {
                        text x=(bar.center_x) y=(CHART_H + 12.0) font-size="8" text-anchor="middle" fill=(colors::MUTED.hex()) {
                            (messages.month_abbrev(bar.month))
                        }
                    }
                }
                line x1="0" x2=(CHART_W) y1=(chart.zero_y + 10.0) y2=(chart.zero_y + 10.0) stroke=(colors::INK.hex()) stroke-width="0.8" {}
            }
            h2 { (messages.msg("limits-title", &[])) }
            svg.gauge xmlns="http://www.w3.org/2000/svg" viewBox="0 0 340 22" aria-hidden="true" {
                rect x="0" y="7" width=(340.0 * zero) height="8" fill=(colors::OUT_LIGHT.hex()) {}
                rect x=(340.0 * zero) y="7" width=(340.0 * (1.0 - zero)) height="8" fill=(colors::IN_LIGHT.hex()) {}
                line x1=(340.0 * zero) x2=(340.0 * zero) y1="4" y2="18" stroke=(colors::INK.hex()) stroke-width="1" {}
                circle cx=(340.0 * at) cy="11" r="6" fill=(if statement.closing_minor < 0 { colors::OUT.hex() } else { colors::IN.hex() }) stroke="#fff" stroke-width="1.5" {}
            }
            // The gauge is a picture with the floor on the left in every
            // language, so its labels keep that order too.
            div.small dir="ltr" style="display:flex;justify-content:space-between" {
                span dir=(page_dir(messages)) { (floor) }
                span dir=(page_dir(messages)) { (ceiling) }
            }
            @for soft in policy_labels::soft_limit_lines(messages, statement) {
                div.small { (soft) }
            }
            p.small { (labels::limits_sentence(messages, statement)) }
        }
    }
}

/// The chart in words: each month and its balance.
fn chart_alt(messages: &Messages, statement: &Statement) -> String {
    let values: Vec<String> = statement
        .history
        .iter()
        .map(|p| {
            format!(
                "{} {}",
                messages.fmt_month(p.year, p.month),
                messages.fmt_amount(p.closing_minor)
            )
        })
        .collect();
    messages.msg("chart-alt", &[("values", Arg::Str(&values.join(", ")))])
}

fn contributors_section(contributors: &[Contributor], messages: &Messages) -> Markup {
    if contributors.is_empty() {
        return html! {};
    }
    html! {
        section {
            h2 { (messages.msg("contributors-title", &[])) }
            table.simple {
                tr {
                    th { (messages.msg("column-member", &[])) }
                    @for work in WorkKind::ALL {
                        th.num { (picto(Pictogram::Work(work), 16)) br; (labels::work_label(messages, work)) }
                    }
                    th.num { (messages.msg("column-total", &[])) }
                }
                @for contributor in contributors {
                    tr {
                        td { bdi { (contributor.display_name) } }
                        @for work in WorkKind::ALL {
                            @let minor = contributor.hours(work);
                            td.num { @if minor != 0 { (amount(messages, minor)) } }
                        }
                        td.num { strong { (amount(messages, contributor.total_minor)) } }
                    }
                }
            }
        }
    }
}

fn contact_section(statement: &Statement, messages: &Messages) -> Markup {
    let (who, question) = labels::contact_lines(messages, statement);
    html! {
        section.contact {
            h2 { (messages.msg("contact-title", &[])) }
            p { (who) }
            p.small { (question) }
        }
    }
}

fn verification_section(
    verification: &Verification,
    text: labels::VerificationText,
    messages: &Messages,
    title_id: &str,
) -> Markup {
    html! {
        section.verify {
            @if let Some(svg) = qr::svg(&verification.qr_payload, 120) { (PreEscaped(svg)) }
            div {
                div { strong { (messages.msg(title_id, &[])) } }
                div.code { span dir="ltr" { (text.code) } }
                p.small { (text.explained) }
                div.small.muted { span dir="ltr" { (text.chain) } }
                @if let Some(key) = &text.key { div.small { span dir="ltr" { (key) } } }
            }
        }
    }
}
