//! The payment screens: who, how much and what, check and confirm, done.

use axum::response::Response;
use maud::{html, Markup};

use crate::ledger::WorkKind;

use super::super::routes::pay::{
    ChooseView, ConfirmView, DetailsView, Person, ReceiptView, PAY_MAX_MINOR, STEP_MINOR,
};
use super::super::server::{App, Visit};
use super::super::text::{Arg, Messages};
use super::home::balance_card;
use super::login::{pin_field, pin_notice};
use super::{big_link, layout, picto, work_label, work_picto, Frame};

/// The steps, shown as dots so a member sees how far they are.
fn steps(current: usize) -> Markup {
    html! {
        ol class="steps" aria-hidden="true" {
            @for step in 1..=4 {
                li class=(if step == current { "step step-now" } else if step < current { "step step-done" } else { "step" }) { (step) }
            }
        }
    }
}

pub fn choose(app: &App, visit: &Visit, view: &ChooseView) -> Response {
    let frame = Frame::new(app, visit).member(visit_name(visit));
    let m = frame.m;
    let content = html! {
        (steps(1))
        h1 { (picto("pay")) span { (m.t("pay-who")) } }
        form method="get" action="/pay" class="search" role="search" {
            input type="search" name="q" value=(view.query) maxlength="50" placeholder=(m.t("pay-search")) aria-label=(m.t("pay-search"));
            button type="submit" class="btn btn-secondary" { (picto("search")) span { (m.t("pay-search-button")) } }
        }
        nav class="initials" aria-label=(m.t("pay-search")) {
            @for letter in &view.initials {
                a class=(if *letter == view.initial { "initial initial-now" } else { "initial" })
                    href=(format!("/pay?initial={}", url_encode(letter))) { (letter) }
            }
        }
        form method="post" action="/pay/person" class="people-form" data-once {
            (frame.csrf())
            @if !view.recent.is_empty() && view.query.is_empty() && view.initial.is_empty() {
                h2 { (m.t("pay-recent")) }
                (people(&view.recent))
            }
            h2 { (m.t(if view.query.is_empty() && view.initial.is_empty() { "pay-everyone" } else { "pay-found" })) }
            @if view.people.is_empty() { p class="empty" { (m.t("pay-no-match")) } }
            (people(&view.people))
        }
        form method="post" action="/pay/person" class="scan scan-other" data-once {
            (frame.csrf())
            label class="field" {
                span { (picto("card")) (m.t("pay-scan")) }
                input type="password" name="scan" autocomplete="off" maxlength="80";
            }
        }
        div class="actions" { (big_link("/home", "back", &m.t("back"), "btn-secondary")) }
    };
    layout(&frame, &m.t("pay-who"), "pay-who", content)
}

/// Percent-encodes a letter for a link (any script).
fn url_encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn people(list: &[Person]) -> Markup {
    html! {
        div class="people" {
            @for person in list {
                button type="submit" name="payee" value=(person.id) class="person" {
                    (picto("person"))
                    span class="person-text" {
                        span class="person-name" { (person.name) }
                        span class="person-id" dir="ltr" { (person.id) }
                    }
                }
            }
        }
    }
}

/// The member's name for the header, from the session.
fn visit_name(visit: &Visit) -> &str {
    &visit.session.member_name
}

pub fn details(app: &App, visit: &Visit, view: &DetailsView) -> Response {
    let frame = Frame::new(app, visit).member(visit_name(visit));
    let m = frame.m;
    let content = html! {
        (steps(2))
        h1 { (picto("person")) span { (view.payee.name) } }
        form method="post" action="/pay/details" class="details" data-once {
            (frame.csrf())
            h2 { (picto("clock")) span { (m.t("pay-hours")) } }
            (hours_picker(m, view.amount_minor))
            h2 { (m.t("pay-kind")) }
            (work_tiles(m, view.work))
            label class="field note" {
                span { (m.t("pay-note")) }
                input type="text" name="note" value=(view.note) maxlength="200" autocomplete="off";
                small class="hint" { (m.t("privacy-note-no-names")) }
            }
            div class="actions" {
                a class="btn btn-secondary" href="/pay" { (picto("back")) span { (m.t("back")) } }
                button type="submit" class="btn btn-primary" { span { (m.t("next")) } (picto("next")) }
            }
        }
    };
    layout(&frame, &m.t("pay-hours"), "pay-details", content)
}

/// Large − and + buttons around the hours, in quarter hours. The script
/// changes the hidden field; the server checks it again.
fn hours_picker(m: &Messages, amount_minor: i64) -> Markup {
    html! {
        div class="hours" data-step=(STEP_MINOR) data-max=(PAY_MAX_MINOR) data-mark=(m.decimal_mark()) dir="ltr" {
            button type="button" class="hours-btn" data-delta="-1" aria-label=(m.t("pay-less")) { "−" }
            output class="hours-value" id="hours-value" { (m.fmt_amount(amount_minor)) }
            button type="button" class="hours-btn" data-delta="1" aria-label=(m.t("pay-more")) { "+" }
            input type="hidden" name="amount_minor" id="amount_minor" value=(amount_minor);
        }
        p class="hours-unit" { (m.t("hours-unit")) }
    }
}

/// The four kinds of work as big picture tiles (radio buttons).
pub fn work_tiles(m: &Messages, chosen: Option<WorkKind>) -> Markup {
    html! {
        div class="tiles work-tiles" role="radiogroup" {
            @for work in WorkKind::ALL {
                label class=(format!("tile work-tile work-{}", work.as_str())) {
                    input type="radio" name="work" value=(work.as_str()) checked[chosen == Some(work)] required;
                    span class="tile-body" {
                        (work_picto(Some(work)))
                        span class="tile-label" { (work_label(m, Some(work))) }
                    }
                }
            }
        }
    }
}

pub fn confirm(app: &App, visit: &Visit, view: &ConfirmView) -> Response {
    let frame = Frame::new(app, visit).member(&view.me.name);
    let m = frame.m;
    let draft = &view.draft;
    let after = view.me.balance_minor - draft.amount_minor;
    let hours = m.fmt_amount(draft.amount_minor);
    let work = work_label(m, Some(draft.work));
    let sentence = m.msg(
        "pay-summary-sentence",
        &[
            ("hours", Arg::Str(&hours)),
            ("name", Arg::Str(&view.payee.name)),
            ("work", Arg::Str(&work)),
        ],
    );
    let balance_after = m.fmt_amount(after);
    let content = html! {
        (steps(3))
        h1 { (m.t("pay-check")) }
        div class="summary" {
            div class="summary-party" { (picto("person")) span { (view.me.name) } }
            div class="summary-flow" {
                (picto("arrow-give"))
                span class="summary-hours" dir="ltr" { (m.fmt_amount(draft.amount_minor)) }
                span class="unit" { (m.t("hours-unit")) }
            }
            div class="summary-party" { (picto("person")) span { (view.payee.name) } }
            div class="summary-work" { (work_picto(Some(draft.work))) span { (work_label(m, Some(draft.work))) } }
        }
        p class="summary-sentence" { (sentence) }
        @if !draft.note.is_empty() { p class="summary-note" { "“" (draft.note) "”" } }
        @if view.note_names_member { p class="notice notice-bad" role="alert" { (m.t("privacy-note-names-warning")) } }
        p class="summary-after" {
            (m.msg("pay-balance-after", &[("balance", Arg::Str(&balance_after))]))
        }
        (pin_notice(m, view.notice.as_ref()))
        form method="post" action="/pay/confirm" class="confirm pin-form" data-once {
            (frame.csrf())
            input type="hidden" name="once" value=(draft.form_token);
            h2 { (picto("pin")) span { (m.t("pay-confirm-pin")) } }
            (pin_field(&frame))
            div class="actions" {
                a class="btn btn-secondary" href="/pay/details" { (picto("back")) span { (m.t("change")) } }
                button type="submit" class="btn btn-primary" id="confirm" { (picto("check")) span { (m.t("pay-confirm")) } }
            }
        }
    };
    layout(&frame, &m.t("pay-check"), "pay-confirm", content)
}

pub fn receipt(app: &App, visit: &Visit, view: &ReceiptView) -> Response {
    let frame = Frame::new(app, visit).member(&view.me.name);
    let m = frame.m;
    let hours = m.fmt_amount(view.amount_minor);
    let sentence = m.msg(
        "receipt-sentence",
        &[("hours", Arg::Str(&hours)), ("name", Arg::Str(&view.payee))],
    );
    let content = html! {
        (steps(4))
        section class="receipt" {
            (picto("check-big"))
            h1 { (m.t("receipt-title")) }
            p class="receipt-sentence" { (work_picto(view.work)) span { (sentence) } }
            p class="receipt-number" { (m.msg("receipt-number", &[("seq", Arg::Int(view.seq))])) }
        }
        (balance_card(m, &view.me))
        div class="actions" {
            (big_link("/home", "home", &m.t("btn-home"), "btn-primary"))
        }
    };
    layout(&frame, &m.t("receipt-title"), "pay-receipt", content)
}
