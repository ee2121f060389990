//! Giving hours (issue 13): to another member or to the community fund,
//! with a reason, signed with the PIN. No work was exchanged, and the
//! screens say so: a gift is never counted as help given.

use axum::response::Response;
use maud::html;

use super::super::server::{App, Visit};
use super::super::text::Arg;
use super::super::view::{GiftConfirmView, GiftDetailsView, GiftDoneView};
use super::home::{balance_card, say_balance, soft_notice, soft_text};
use super::login::{notice_text, pin_field, pin_notice};
use super::pay::{hours_picker, steps};
use super::{big_link, layout, picto, sentences, Frame};

pub fn details(app: &App, visit: &Visit, view: &GiftDetailsView) -> Response {
    let m = visit.messages(app);
    let to = if view.to_fund {
        m.t("gift-fund")
    } else {
        view.to.name.clone()
    };
    let frame = Frame::new(app, visit)
        .member(&visit.session.member_name)
        .say(sentences(&[&to, &m.t("gift-hours"), &m.t("gift-why")]));
    let content = html! {
        (steps(2))
        h1 { (picto(if view.to_fund { "gift" } else { "person" })) span { (to) } }
        p class="gift-explained" { (m.t("gift-not-work")) }
        form method="post" action="/gift/details" class="details gift-details" data-once {
            (frame.csrf())
            h2 { (picto("clock")) span { (m.t("gift-hours")) } }
            (hours_picker(m, view.amount_minor))
            label class="field note" {
                span { (m.t("gift-why")) }
                input type="text" name="why" value=(view.why) maxlength="200" required autocomplete="off" inputmode="none" data-osk;
                small class="hint" { (m.t("privacy-note-no-names")) }
            }
            div class="actions" {
                a class="btn btn-secondary" href="/gift" { (picto("back")) span { (m.t("back")) } }
                button type="submit" class="btn btn-primary" data-main { span { (m.t("next")) } (picto("next")) }
            }
        }
    };
    layout(&frame, &m.t("gift-hours"), "gift-details", content)
}

pub fn confirm(app: &App, visit: &Visit, view: &GiftConfirmView) -> Response {
    let m = visit.messages(app);
    let draft = &view.draft;
    let hours = m.fmt_amount_in_text(draft.amount_minor);
    let spoken_hours = m.say_hours(draft.amount_minor);
    let msg = |hours: &str, id: &str| {
        m.msg(
            id,
            &[
                ("hours", Arg::Str(hours)),
                ("name", Arg::Str(&view.to.name)),
            ],
        )
    };
    // The fund has sentences of its own: "to the fund" is not a name
    // put in a sentence (French says "au fonds", Dutch "het fonds").
    let (written_id, spoken_id) = if view.to_fund {
        ("gift-summary-fund", "say-gift-fund")
    } else {
        ("gift-summary-sentence", "say-gift-summary")
    };
    let sentence = msg(&hours, written_id);
    let spoken = msg(&spoken_hours, spoken_id);
    let say = match notice_text(m, view.notice.as_ref()) {
        Some(notice) => sentences(&[&notice, &spoken, &m.t("pay-confirm-pin")]),
        None => sentences(&[&spoken, &m.t("pay-confirm-pin")]),
    };
    let frame = Frame::new(app, visit).member(&view.me.name).say(say);
    let after = m.fmt_amount_in_text(view.me.balance_minor - draft.amount_minor);
    let content = html! {
        (steps(3))
        h1 { (m.t("pay-check")) }
        div class="confirm-grid" {
            div class="confirm-what" {
                div class="summary" {
                    div class="summary-party" { (picto("person")) span { (view.me.name) } }
                    div class="summary-flow" {
                        (picto("arrow-give"))
                        span class="summary-hours" dir="ltr" { (hours) }
                        span class="unit" { (m.t("hours-unit")) }
                    }
                    div class="summary-party" { (picto("gift")) span { (view.to.name) } }
                }
                p class="summary-sentence" { (sentence) }
                p class="summary-note" { "“" (draft.why) "”" }
                @if view.why_names_member { p class="notice notice-bad" role="alert" { (m.t("privacy-note-names-warning")) } }
                p class="summary-after" { (m.msg("pay-balance-after", &[("balance", Arg::Str(&after))])) }
            }
            div class="confirm-how" {
                (pin_notice(m, view.notice.as_ref()))
                form method="post" action="/gift/confirm" class="confirm pin-form" data-once {
                    (frame.csrf())
                    input type="hidden" name="once" value=(draft.form_token);
                    h2 { (picto("pin")) span { (m.t("pay-confirm-pin")) } }
                    (pin_field(&frame))
                    div class="actions" {
                        a class="btn btn-secondary" href="/gift/details" { (picto("back")) span { (m.t("change")) } }
                        button type="submit" class="btn btn-primary" id="confirm" data-main { (picto("check")) span { (m.t("gift-confirm")) } }
                    }
                }
            }
        }
    };
    layout(&frame, &m.t("pay-check"), "gift-confirm", content)
}

pub fn done(app: &App, visit: &Visit, view: &GiftDoneView) -> Response {
    let m = visit.messages(app);
    let hours = m.fmt_amount_in_text(view.amount_minor);
    let spoken_hours = m.say_hours(view.amount_minor);
    // Written with the unit ("1,00 hours"), spoken in words ("one hour").
    let (done_id, say_id) = if view.to_fund {
        ("gift-done-fund", "say-gift-done-fund")
    } else {
        ("gift-done-sentence", "say-gift-done")
    };
    let msg = |hours: &str, id: &str| {
        m.msg(
            id,
            &[("hours", Arg::Str(hours)), ("name", Arg::Str(&view.to))],
        )
    };
    let soft = view
        .soft
        .as_ref()
        .map(|soft| soft_text(m, soft, true))
        .unwrap_or_default();
    let frame = Frame::new(app, visit)
        .member(&view.me.name)
        .say(sentences(&[
            &m.t("gift-done-title"),
            &msg(&spoken_hours, say_id),
            &say_balance(m, view.me.balance_minor, view.me.floor_minor),
            &soft,
        ]));
    let content = html! {
        (steps(4))
        section class="receipt" {
            (picto("check-big"))
            h1 { (m.t("gift-done-title")) }
            p class="receipt-sentence" { (picto("gift")) span { (msg(&hours, done_id)) } }
            p class="receipt-number" { (m.msg("receipt-number", &[("seq", Arg::Int(view.seq))])) }
        }
        (balance_card(m, &view.me, false))
        @if let Some(soft) = &view.soft { (soft_notice(m, soft)) }
        div class="actions" data-main {
            (big_link("/home", "home", &m.t("btn-home"), "btn-primary"))
        }
    };
    layout(&frame, &m.t("gift-done-title"), "gift-done", content)
}
