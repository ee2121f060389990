//! My statement, on screen and on paper: this month so far, the last
//! issued statement (the library's model, laid out in the kiosk's style),
//! and the answer to a printed statement's code.

use axum::response::Response;
use maud::{html, Markup, PreEscaped};

use crate::ledger::WorkKind;
use crate::statement::model::{Statement, StatementLine};
use crate::statement::{chart, labels, qr};

use super::super::server::{App, Visit};
use super::super::text::{Arg, Messages};
use super::super::view::{
    Answer, CheckView, CodeProblem, Document, ExchangeLine, LastView, Me, StatementView,
    CODE_CHARS_MAX,
};
use super::home::{exchange_list, say_balance};
use super::{
    big_link, keypad, layout, picto, sentences, signed_hours, work_label, work_picto, Frame,
    CROCKFORD_KEYS,
};

/// The chart's box, in SVG units; month labels sit below the bars.
const CHART_W: f32 = 600.0;
const CHART_H: f32 = 150.0;

/// The three statement screens, as tabs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Now,
    Last,
    Check,
}

fn tabs(m: &Messages, current: Tab) -> Markup {
    let tab = |which: Tab, href: &str, icon: &str, label: &str| {
        let now = which == current;
        html! {
            a class=(if now { "tab tab-now" } else { "tab" }) href=(href) aria-current=[now.then_some("page")] {
                (picto(icon)) span { (label) }
            }
        }
    };
    html! {
        nav class="statement-tabs no-print" {
            (tab(Tab::Now, "/statement", "statement", &m.t("statement-tab-now")))
            (tab(Tab::Last, "/statement/last", "statement-issued", &m.t("statement-tab-last")))
            (tab(Tab::Check, "/statement/check", "code-check", &m.t("statement-tab-check")))
        }
    }
}

fn print_button(m: &Messages) -> Markup {
    html! {
        button type="button" class="btn btn-primary" data-print { (picto("print")) span { (m.t("statement-print")) } }
    }
}

/// Hours given and received per kind of work.
fn totals_table(m: &Messages, totals: &[(WorkKind, i64, i64)]) -> Markup {
    html! {
        table class="statement-totals" {
            tr { th scope="col" { (m.t("statement-work")) } th scope="col" { (m.t("statement-given")) } th scope="col" { (m.t("statement-received")) } }
            @for (work, given, received) in totals {
                tr {
                    th { (work_picto(Some(*work))) span { (work_label(m, Some(*work))) } }
                    td dir="ltr" { (m.fmt_amount(*given)) }
                    td dir="ltr" { (m.fmt_amount(*received)) }
                }
            }
        }
    }
}

fn who(me: &Me) -> Markup {
    html! { (me.name) " · " span dir="ltr" { (me.id) } }
}

pub fn statement(app: &App, visit: &Visit, view: &StatementView) -> Response {
    let m = visit.messages(app);
    let month = m.fmt_month(view.month.year, view.month.month);
    let frame = Frame::new(app, visit)
        .member(&view.me.name)
        .say(sentences(&[
            &m.msg("statement-month", &[("month", Arg::Str(&month))]),
            &say_balance(m, view.me.balance_minor, view.me.floor_minor),
        ]));
    let content = html! {
        (tabs(m, Tab::Now))
        h1 { (picto("statement")) span { (m.t("btn-statement")) } }
        p class="statement-month" { (m.msg("statement-month", &[("month", Arg::Str(&month))])) }
        p class="statement-who" { (who(&view.me)) }
        table class="statement-sums" data-main {
            tr { th { (m.t("statement-opening")) } td dir="ltr" { (m.fmt_amount(view.opening_minor)) } }
            tr { th { (m.t("statement-now")) } td dir="ltr" class="strong" { (m.fmt_amount(view.me.balance_minor)) } }
        }
        h2 { (m.t("statement-lines")) }
        // The month is chosen by recording date and each line shows the
        // day the exchange happened: say so, as the paper statement does.
        p class="statement-explained" data-testid="lines-explained" { (m.t("statement-lines-explained")) }
        (exchange_list(m, &view.lines))
        h2 { (m.t("statement-totals")) }
        (totals_table(m, &view.totals))
        div class="actions no-print" {
            (big_link("/home", "back", &m.t("back"), "btn-secondary"))
            (print_button(m))
        }
    };
    layout(&frame, &m.t("btn-statement"), "statement", content)
}

/// The last issued statement: what the paper says, in the kiosk's words
/// and pictures, with its code and QR code.
pub fn last(app: &App, visit: &Visit, view: &LastView) -> Response {
    let m = visit.messages(app);
    let say = match &view.statement {
        None => sentences(&[&m.t("last-none")]),
        Some(s) => {
            let month = m.fmt_month(s.year, s.month);
            let hours = m.say_hours(s.closing_minor);
            sentences(&[
                &m.msg("last-month", &[("month", Arg::Str(&month))]),
                &m.msg("say-last-closing", &[("hours", Arg::Str(&hours))]),
            ])
        }
    };
    let frame = Frame::new(app, visit).member(&view.me.name).say(say);
    let content = html! {
        (tabs(m, Tab::Last))
        h1 { (picto("statement-issued")) span { (m.t("last-title")) } }
        @match &view.statement {
            None => {
                p class="empty last-none" data-main { (m.t("last-none")) }
                div class="actions no-print" { (big_link("/home", "back", &m.t("back"), "btn-secondary")) }
            }
            Some(statement) => {
                (issued_statement(m, &view.me, statement))
                div class="actions no-print" {
                    (big_link("/home", "back", &m.t("back"), "btn-secondary"))
                    (big_link("/statement/check", "code-check", &m.t("statement-tab-check"), "btn-secondary"))
                    (print_button(m))
                }
            }
        }
    };
    layout(&frame, &m.t("last-title"), "statement-last", content)
}

fn issued_statement(m: &Messages, me: &Me, s: &Statement) -> Markup {
    let month = m.fmt_month(s.year, s.month);
    let made_on = m.fmt_date(s.issued_on);
    let (came_in, went_out) = labels::month_flows(s);
    let lines: Vec<ExchangeLine> = s.lines.iter().map(|l| exchange_line(m, l)).collect();
    let totals: Vec<(WorkKind, i64, i64)> = s
        .totals
        .iter()
        .map(|t| (t.work, t.given_minor, t.received_minor))
        .collect();
    html! {
        p class="statement-month" data-testid="last-month" { (m.msg("last-month", &[("month", Arg::Str(&month))])) }
        p class="statement-who" { (who(me)) " · " span { (m.msg("last-made-on", &[("date", Arg::Str(&made_on))])) } }
        div class="last-top" data-main {
            (closing_card(m, s))
            table class="statement-sums" {
                tr { th { (m.t("statement-opening")) } td dir="ltr" { (m.fmt_amount(s.opening_minor)) } }
                tr { th { (picto("arrow-in")) span { (m.t("last-in")) } } td dir="ltr" class="in" { (signed_hours(m, came_in)) } }
                tr { th { (picto("arrow-out")) span { (m.t("last-out")) } } td dir="ltr" class="out" { (signed_hours(m, -went_out)) } }
                tr { th { (m.t("last-end")) } td dir="ltr" class="strong" data-testid="last-closing" { (m.fmt_amount(s.closing_minor)) } }
            }
        }
        h2 { (m.msg("last-lines", &[("month", Arg::Str(&month))])) }
        (exchange_list(m, &lines))
        h2 { (m.t("statement-totals")) }
        (totals_table(m, &totals))
        h2 { (m.t("last-chart")) }
        (history_chart(m, s))
        (verification(m, s))
    }
}

/// The closing balance, big, with the pictogram and sentence of home.
fn closing_card(m: &Messages, s: &Statement) -> Markup {
    let floor = m.fmt_amount(s.floor_minor);
    let (sentence, class) = match s.closing_minor {
        b if b > 0 => (m.t("home-positive"), "positive"),
        0 => (m.t("home-zero"), "zero"),
        _ => (
            m.msg("home-negative", &[("floor", Arg::Str(&floor))]),
            "negative",
        ),
    };
    html! {
        section class=(format!("balance balance-{class} balance-small")) {
            (picto(balance_icon(s.closing_minor)))
            div class="balance-body" {
                p class="balance-label" { (m.t("last-end")) }
                p class="balance-amount" {
                    span class="amount" dir="ltr" { (m.fmt_amount(s.closing_minor)) }
                    " "
                    span class="unit" { (m.t("hours-unit")) }
                }
                p class="balance-sentence" { (sentence) }
            }
        }
    }
}

fn balance_icon(minor: i64) -> &'static str {
    match minor.signum() {
        1 => "balance-up",
        0 => "balance-zero",
        _ => "balance-down",
    }
}

/// A statement line as the kiosk lists exchanges (the description, as on
/// home); a correction or a limit passed with permission says so after it.
fn exchange_line(m: &Messages, line: &StatementLine) -> ExchangeLine {
    let mut what = vec![line.description.clone()];
    what.extend(labels::line_notes(m.shared(), line));
    what.retain(|part| !part.is_empty());
    ExchangeLine {
        seq: line.seq,
        date: Some(line.date),
        movement: line.movement.stored(),
        work: line.work,
        counterpart: labels::counterparty_names(line),
        amount_minor: line.in_minor - line.out_minor,
        what: what.join(" · "),
    }
}

/// The balance at the end of each of the last twelve months, as bars
/// (the statement's own chart geometry), this month's labelled.
fn history_chart(m: &Messages, s: &Statement) -> Markup {
    let chart = chart::layout(&s.history, CHART_W, CHART_H);
    // Arabic has no short month names: label every other bar there,
    // always including the statement's month.
    let widest = chart
        .bars
        .iter()
        .map(|b| m.shared().month_abbrev(b.month).chars().count())
        .max()
        .unwrap_or(0);
    let step = if widest > 5 { 2 } else { 1 };
    let last = chart.bars.len().saturating_sub(1);
    // Months run in the reading direction: right to left in Arabic,
    // the latest month at the left. Room beside the last bar for its
    // figure.
    let rtl = m.is_rtl();
    let mirror = |x: f32| if rtl { CHART_W - x } else { x };
    let view_box = if rtl {
        format!("-30 -30 {} {}", CHART_W + 30.0, CHART_H + 62.0)
    } else {
        format!("0 -30 {} {}", CHART_W + 30.0, CHART_H + 62.0)
    };
    html! {
        svg class="history" xmlns="http://www.w3.org/2000/svg" viewBox=(view_box) dir="ltr" role="img" aria-label=(m.t("last-chart")) {
            line class="zero" x1="0" x2=(CHART_W) y1=(chart.zero_y) y2=(chart.zero_y) {}
            @for (index, bar) in chart.bars.iter().enumerate() {
                rect class=(if bar.negative { "bar bar-out" } else { "bar bar-in" }) x=(if rtl { CHART_W - bar.x - bar.width } else { bar.x }) y=(bar.y) width=(bar.width) height=(bar.height) rx="3" {}
                @if (last - index).is_multiple_of(step) {
                    text class=(if index == last { "month month-now" } else { "month" }) x=(mirror(bar.center_x)) y=(CHART_H + 26.0) text-anchor="middle" data-month=(bar.month) {
                        (m.shared().month_abbrev(bar.month))
                    }
                }
                @if index == last {
                    // Above the bar, or above the zero line for a bar that
                    // goes down, clear of the month names below.
                    text class="value" x=(mirror(bar.center_x)) y=(if bar.negative { chart.zero_y - 8.0 } else { bar.y - 8.0 }) text-anchor="middle" {
                        (m.fmt_amount(bar.closing_minor))
                    }
                }
            }
        }
    }
}

/// The code and QR code printed on the paper, so a member can compare.
fn verification(m: &Messages, s: &Statement) -> Markup {
    html! {
        section class="verify" {
            // Built from the ledger's own ASCII payload: numbers and fixed
            // colours only, no member text.
            @if let Some(svg) = qr::svg(&s.verification.qr_payload, 180) { div class="qr" { (PreEscaped(svg)) } }
            div {
                h2 { (m.t("last-code-title")) }
                p class="code" { span dir="ltr" data-testid="last-code" { (s.verification.code) } }
                p { (m.t("last-code-explained")) }
            }
        }
    }
}

/// The check screen: scan or type a code; or the answer to one.
pub fn check(app: &App, visit: &Visit, view: &CheckView) -> Response {
    let m = visit.messages(app);
    let say = match (&view.answer, view.problem) {
        (Some(Answer::Own { document, .. }), _) => {
            sentences(&[&m.t("check-yes"), &own_document(m, document).0])
        }
        (Some(Answer::Community { .. }), _) => sentences(&[&m.t("check-yes"), &m.t("check-other")]),
        (Some(Answer::NoMatch { .. }), _) => sentences(&[&m.t("check-no"), &m.t("check-no-text")]),
        (None, Some(problem)) => sentences(&[&m.t(problem_message(problem)), &m.t("check-hint")]),
        (None, None) => sentences(&[&m.t("check-title"), &m.t("check-hint")]),
    };
    let frame = Frame::new(app, visit).member(&view.me.name).say(say);
    let content = html! {
        (tabs(m, Tab::Check))
        h1 { (picto("code-check")) span { (m.t("check-title")) } }
        @if let Some(answer) = &view.answer {
            (answer_panel(m, &view.me, answer))
            div class="actions" {
                (big_link("/home", "back", &m.t("back"), "btn-secondary"))
                (big_link("/statement/check", "search", &m.t("check-again"), "btn-primary"))
            }
        } @else {
            @if let Some(problem) = view.problem {
                p class="notice notice-bad" role="alert" { (picto("warning")) span { (m.t(problem_message(problem))) } }
            }
            form method="post" action="/statement/check" class="check-form" data-once {
                (frame.csrf())
                div class="scan-box" {
                    (picto("code-check"))
                    p class="hint" { (m.t("check-hint")) }
                    // A scanner types the QR text and Enter into this field;
                    // the keypad below types into it too.
                    input type="text" name="code" id="code" class="scan-input code-input" autofocus autocomplete="off"
                        inputmode="none" spellcheck="false" data-keep-focus data-keypad-field dir="ltr"
                        maxlength=(CODE_CHARS_MAX) aria-label=(m.t("check-code-label"));
                }
                details class="type-code" {
                    summary class="btn btn-secondary" { (picto("keypad")) span { (m.t("check-or-type")) } }
                    p class="hint-small" { (m.t("check-code-label")) }
                    (keypad(m, "code", &CROCKFORD_KEYS, "keypad-card"))
                }
                button type="submit" class="btn btn-primary btn-wide" data-main { (picto("check")) span { (m.t("check-button")) } }
            }
            div class="actions" { (big_link("/statement", "back", &m.t("back"), "btn-secondary")) }
        }
        p class="hint-small treasurer-key" data-testid="treasurer-key" {
            (m.msg("check-treasurer-key", &[("fingerprint", Arg::Str(&view.treasurer_fingerprint))]))
        }
    };
    layout(&frame, &m.t("check-title"), "statement-check", content)
}

fn problem_message(problem: CodeProblem) -> &'static str {
    match problem {
        CodeProblem::Empty => "check-bad-empty",
        CodeProblem::TooLong => "check-bad-long",
        CodeProblem::NotACode => "check-bad-code",
    }
}

fn answer_panel(m: &Messages, me: &Me, answer: &Answer) -> Markup {
    let code_line = |code: &str| {
        html! { p class="answer-code" { span { (m.t("check-code")) } " " span class="code" dir="ltr" { (code) } } }
    };
    match answer {
        Answer::Own {
            document,
            amount_minor,
            code,
        } => {
            let (sentence, period, icon, amount_label) = own_document(m, document);
            // A statement's amount is a balance (its arrow, as on home);
            // an attestation's is hours given.
            let amount_icon = match document {
                Document::Statement(_) => balance_icon(*amount_minor),
                Document::Attestation(..) => "clock",
            };
            html! {
                section class="answer answer-yes" role="status" data-testid="answer" data-answer="match" data-main {
                    (picto("check-big"))
                    h2 { (m.t("check-yes")) }
                    p class="answer-text" { (sentence) }
                    dl class="answer-details" {
                        div { dt { (picto("person")) } dd { (who(me)) } }
                        div { dt { (picto(icon)) } dd { (period) } }
                        div {
                            dt { (picto(amount_icon)) }
                            dd { span { (amount_label) } " " b dir="ltr" { (m.fmt_amount(*amount_minor)) } " " span { (m.t("hours-unit")) } }
                        }
                    }
                    p class="answer-hint" { (m.t("check-own-compare")) }
                    (code_line(code))
                }
            }
        }
        Answer::Community { code } => html! {
            section class="answer answer-yes" role="status" data-testid="answer" data-answer="community" data-main {
                (picto("check-big"))
                h2 { (m.t("check-yes")) }
                p class="answer-text" { (m.t("check-other")) }
                (code_line(code))
            }
        },
        Answer::NoMatch { code } => html! {
            section class="answer answer-no" role="status" data-testid="answer" data-answer="no-match" data-main {
                (picto("no-match"))
                h2 { (m.t("check-no")) }
                p class="answer-text" { (m.t("check-no-text")) }
                (code_line(code))
            }
        },
    }
}

/// For the member's own document: the sentence, its period, its
/// pictogram, and what its amount is.
fn own_document(m: &Messages, document: &Document) -> (String, String, &'static str, String) {
    match document {
        Document::Statement(month) => {
            let month = m.fmt_month(month.year, month.month);
            let sentence = m.msg("check-own-statement", &[("month", Arg::Str(&month))]);
            (sentence, month, "statement-issued", m.t("last-end"))
        }
        Document::Attestation(from, to) => {
            let (from, to) = (m.fmt_date(*from), m.fmt_date(*to));
            let sentence = m.msg(
                "check-own-attestation",
                &[("from", Arg::Str(&from)), ("to", Arg::Str(&to))],
            );
            let period = format!("{from} – {to}");
            (sentence, period, "attestation", m.t("check-own-given"))
        }
    }
}
