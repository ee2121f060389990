//! The payment screens: who, how much and what, check and confirm, done.

use axum::response::Response;
use maud::{html, Markup};

use crate::ledger::WorkKind;

use super::super::server::{App, Visit};
use super::super::text::{Arg, Messages};
use super::super::view::{
    ChooseView, ConfirmView, DetailsView, Flow, Person, PickView, ReceiptView, PAY_MAX_MINOR,
    STEP_MINOR,
};
use super::home::{balance_card, say_balance, soft_notice, soft_text};
use super::login::{notice_text, pin_field, pin_notice};
use super::{big_link, layout, picto, sentences, work_label, work_picto, Frame};

/// The steps, shown as dots so a member sees how far they are.
pub fn steps(current: usize) -> Markup {
    html! {
        ol class="steps" aria-hidden="true" {
            @for step in 1..=4 {
                li class=(if step == current { "step step-now" } else if step < current { "step step-done" } else { "step" }) { (step) }
            }
        }
    }
}

pub fn choose(app: &App, visit: &Visit, view: &ChooseView) -> Response {
    let frame = Frame::new(app, visit)
        .member(visit_name(visit))
        .say(sentences(&[&visit.messages(app).t("pay-who")]));
    let m = frame.m;
    let content = html! {
        (steps(1))
        h1 { (picto("pay")) span { (m.t("pay-who")) } }
        form method="get" action="/pay" class="search" role="search" data-main {
            input type="search" name="q" value=(view.query) maxlength="50" placeholder=(m.t("pay-search")) aria-label=(m.t("pay-search")) inputmode="none" autocomplete="off" data-osk;
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

/// The person screen of asking ("who did you help?") and of a gift
/// ("to whom?"): the same search, letters and lists as the payment's. An
/// initiative asking for a workshop touches several people, then Next;
/// a gift may go to the community fund, first on the screen.
pub fn pick(app: &App, visit: &Visit, view: &PickView) -> Response {
    let m = visit.messages(app);
    let (title, field, icon) = match view.flow {
        Flow::Ask => (
            if view.several {
                "ask-who-several"
            } else {
                "ask-who"
            },
            "payer",
            "request",
        ),
        _ => ("gift-who", "to", "gift"),
    };
    let base = view.flow.base();
    let frame = Frame::new(app, visit)
        .member(visit_name(visit))
        .say(sentences(&[&m.t(title)]));
    let choose = &view.choose;
    let chosen_ids: Vec<&str> = view.chosen.iter().map(|p| p.id.as_str()).collect();
    let content = html! {
        (steps(1))
        h1 { (picto(icon)) span { (m.t(title)) } }
        @if view.several && !view.chosen.is_empty() {
            div class="chosen" data-testid="chosen" {
                p { (m.msg("ask-chosen", &[("count", Arg::Int(view.chosen.len() as i64))])) }
                p class="chosen-names" { @for (i, person) in view.chosen.iter().enumerate() { @if i > 0 { ", " } span { (person.name) } } }
                a class="btn btn-primary" href=(format!("{base}/details")) data-main { span { (m.t("next")) } (picto("next")) }
            }
        }
        @if let Some(fund) = &view.fund {
            form method="post" action=(format!("{base}/person")) class="fund-form" data-once {
                (frame.csrf())
                button type="submit" name=(field) value=(fund.id) class="person person-fund" data-main {
                    (picto("gift"))
                    span class="person-text" {
                        span class="person-name" { (m.t("gift-fund")) }
                        span class="person-id" { (m.t("gift-fund-what")) }
                    }
                }
            }
        }
        form method="get" action=(base) class="search" role="search" data-main[view.fund.is_none() && (view.chosen.is_empty() || !view.several)] {
            input type="search" name="q" value=(choose.query) maxlength="50" placeholder=(m.t("pay-search")) aria-label=(m.t("pay-search")) inputmode="none" autocomplete="off" data-osk;
            button type="submit" class="btn btn-secondary" { (picto("search")) span { (m.t("pay-search-button")) } }
        }
        nav class="initials" aria-label=(m.t("pay-search")) {
            @for letter in &choose.initials {
                a class=(if *letter == choose.initial { "initial initial-now" } else { "initial" })
                    href=(format!("{base}?initial={}", url_encode(letter))) { (letter) }
            }
        }
        form method="post" action=(format!("{base}/person")) class="people-form" data-once {
            (frame.csrf())
            @if !choose.recent.is_empty() && choose.query.is_empty() && choose.initial.is_empty() {
                h2 { (m.t("pay-recent")) }
                (people_named(&choose.recent, field, &chosen_ids))
            }
            h2 { (m.t(if choose.query.is_empty() && choose.initial.is_empty() { "pay-everyone" } else { "pay-found" })) }
            @if choose.people.is_empty() { p class="empty" { (m.t("pay-no-match")) } }
            (people_named(&choose.people, field, &chosen_ids))
        }
        div class="actions" { (big_link("/home", "back", &m.t("back"), "btn-secondary")) }
    };
    layout(&frame, &m.t(title), &format!("{}-who", &base[1..]), content)
}

/// Person buttons that send `field`; the chosen ones are marked pressed.
fn people_named(list: &[Person], field: &str, chosen: &[&str]) -> Markup {
    html! {
        div class="people" {
            @for person in list {
                @let pressed = chosen.contains(&person.id.as_str());
                button type="submit" name=(field) value=(person.id) class=(if pressed { "person person-chosen" } else { "person" }) aria-pressed=[(!chosen.is_empty() || pressed).then_some(if pressed { "true" } else { "false" })] {
                    (picto(if pressed { "check" } else { "person" }))
                    span class="person-text" {
                        span class="person-name" { (person.name) }
                        span class="person-id" dir="ltr" { (person.id) }
                    }
                }
            }
        }
    }
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
    let m = visit.messages(app);
    let frame = Frame::new(app, visit)
        .member(visit_name(visit))
        .say(sentences(&[
            &view.payee.name,
            &m.t("pay-hours"),
            &m.t("pay-kind"),
        ]));
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
                input type="text" name="note" value=(view.note) maxlength="200" autocomplete="off" inputmode="none" data-osk;
                small class="hint" { (m.t("privacy-note-no-names")) }
            }
            div class="actions" {
                a class="btn btn-secondary" href="/pay" { (picto("back")) span { (m.t("back")) } }
                button type="submit" class="btn btn-primary" data-main { span { (m.t("next")) } (picto("next")) }
            }
        }
    };
    layout(&frame, &m.t("pay-hours"), "pay-details", content)
}

/// Large − and + buttons around the hours, in quarter hours. The script
/// changes the hidden field; the server checks it again.
pub fn hours_picker(m: &Messages, amount_minor: i64) -> Markup {
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
    let m = visit.messages(app);
    let draft = &view.draft;
    let spoken_hours = m.say_hours(draft.amount_minor);
    let spoken_work = work_label(m, Some(draft.work));
    let summary = m.msg(
        "say-pay-summary",
        &[
            ("hours", Arg::Str(&spoken_hours)),
            ("name", Arg::Str(&view.payee.name)),
            ("work", Arg::Str(&spoken_work)),
        ],
    );
    let say = match notice_text(m, view.notice.as_ref()) {
        Some(notice) => sentences(&[&notice, &summary, &m.t("pay-confirm-pin")]),
        None => sentences(&[&summary, &m.t("pay-confirm-pin")]),
    };
    let frame = Frame::new(app, visit).member(&view.me.name).say(say);
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
        div class="confirm-grid" {
        div class="confirm-what" {
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
        }
        div class="confirm-how" {
        (pin_notice(m, view.notice.as_ref()))
        form method="post" action="/pay/confirm" class="confirm pin-form" data-once {
            (frame.csrf())
            input type="hidden" name="once" value=(draft.form_token);
            h2 { (picto("pin")) span { (m.t("pay-confirm-pin")) } }
            (pin_field(&frame))
            div class="actions" {
                a class="btn btn-secondary" href="/pay/details" { (picto("back")) span { (m.t("change")) } }
                button type="submit" class="btn btn-primary" id="confirm" data-main { (picto("check")) span { (m.t("pay-confirm")) } }
            }
        }
        }
        }
    };
    layout(&frame, &m.t("pay-check"), "pay-confirm", content)
}

pub fn receipt(app: &App, visit: &Visit, view: &ReceiptView) -> Response {
    let m = visit.messages(app);
    let spoken_hours = m.say_hours(view.amount_minor);
    let given = m.msg(
        "say-receipt",
        &[
            ("hours", Arg::Str(&spoken_hours)),
            ("name", Arg::Str(&view.payee)),
        ],
    );
    let soft = view
        .soft
        .as_ref()
        .map(|soft| soft_text(m, soft, true))
        .unwrap_or_default();
    let frame = Frame::new(app, visit)
        .member(&view.me.name)
        .say(sentences(&[
            &m.t("receipt-title"),
            &given,
            &say_balance(m, view.me.balance_minor, view.me.floor_minor),
            &soft,
        ]));
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
        (balance_card(m, &view.me, false))
        @if let Some(soft) = &view.soft { (soft_notice(m, soft)) }
        div class="actions" data-main {
            (big_link("/home", "home", &m.t("btn-home"), "btn-primary"))
        }
    };
    layout(&frame, &m.t("receipt-title"), "pay-receipt", content)
}
