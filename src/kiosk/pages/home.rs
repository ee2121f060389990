//! Home: the balance with a pictogram and a plain sentence, the last
//! exchanges, and the four big buttons.

use axum::response::Response;
use maud::{html, Markup};

use super::super::server::{App, Visit};
use super::super::session::Notice;
use super::super::text::{Arg, Messages};
use super::super::view::{ExchangeLine, GrownFloor, HomeView, Me, SoftNotice};
use super::requests::{asked_section, reply_notice, say_asked, say_waiting, waiting_section};
use super::{big_link, layout, picto, sentences, signed_hours, work_label, work_picto, Frame};
use crate::store::Movement;

pub fn home(app: &App, visit: &Visit, view: &HomeView, notice: Option<&Notice>) -> Response {
    let m = visit.messages(app);
    // What waits on the member comes first, in words too; then news of
    // their own requests, the balance, and a soft limit crossed.
    let done = reply_notice(m, notice);
    let waiting = say_waiting(m, &view.waiting).unwrap_or_default();
    let news = say_asked(m, &view.asked);
    let balance = say_balance(m, view.me.balance_minor, view.me.floor_minor);
    let soft = view
        .limits
        .soft
        .as_ref()
        .map(|soft| soft_text(m, soft, true))
        .unwrap_or_default();
    let frame = Frame::new(app, visit)
        .member(&view.me.name)
        .say(sentences(&[
            done.as_deref().unwrap_or(""),
            &waiting,
            &news,
            &balance,
            &soft,
        ]));
    let content = html! {
        @if let Some(text) = &done { p class="notice notice-good" role="status" { (picto("check")) span { (text) } } }
        (waiting_section(m, &view.waiting))
        (asked_section(m, &view.asked, true))
        (balance_card(m, &view.me, view.waiting.is_empty()))
        @if let Some(soft) = &view.limits.soft { (soft_notice(m, soft)) }
        @if let Some(grown) = &view.limits.grown { (grown_floor(m, grown)) }
        nav class="home-actions" data-main[view.waiting.is_empty()] {
            (big_link("/pay", "pay", &m.t("btn-pay"), "btn-primary btn-huge"))
            (big_link("/ask", "ask", &m.t("btn-ask"), "btn-primary btn-huge"))
            (big_link("/offers", "offers", &m.t("btn-offers"), "btn-secondary btn-huge"))
            (big_link("/statement", "statement", &m.t("btn-statement"), "btn-secondary btn-huge"))
            (big_link("/gift", "gift", &m.t("btn-gift"), "btn-secondary btn-huge"))
        }
        (asked_section(m, &view.asked, false))
        section class="last" id="last" {
            h2 { (m.t(if view.paged { "home-older" } else { "home-last" })) }
            (exchange_list(m, &view.exchanges))
            @if view.older.is_some() || view.paged {
                div class="actions paging" {
                    @if view.paged {
                        (big_link("/home#last", "home", &m.t("home-newest"), "btn-secondary"))
                    }
                    @if let Some(seq) = view.older {
                        (big_link(&format!("/home?before={seq}#last"), "back", &m.t("home-older-button"), "btn-secondary older"))
                    }
                }
            }
        }
    };
    layout(&frame, &m.t("home-title"), "home", content)
}

/// A soft limit crossed: what it means and what to do. `spoken` gives
/// the hours in words, for the speaker.
pub fn soft_text(m: &Messages, soft: &SoftNotice, spoken: bool) -> String {
    let hours = |minor: i64| {
        if spoken {
            m.say_hours(minor)
        } else {
            format!("{} {}", m.fmt_amount_in_text(minor), m.t("hours-unit"))
        }
    };
    let what = match soft {
        SoftNotice::BelowSoftFloor { soft_floor_minor } => {
            let limit = hours(*soft_floor_minor);
            m.msg("soft-below", &[("limit", Arg::Str(&limit))])
        }
        SoftNotice::AboveSoftCeiling { soft_ceiling_minor } => {
            let limit = hours(*soft_ceiling_minor);
            m.msg("soft-above", &[("limit", Arg::Str(&limit))])
        }
    };
    let todo = m.t(match soft {
        SoftNotice::BelowSoftFloor { .. } => "soft-below-todo",
        SoftNotice::AboveSoftCeiling { .. } => "soft-above-todo",
    });
    sentences(&[&what, &m.t("soft-allowed"), &todo])
}

/// The soft-limit notice on home: not a refusal (nothing was refused),
/// a friendly word with what to do, and a way to the board.
pub fn soft_notice(m: &Messages, soft: &SoftNotice) -> Markup {
    let below = matches!(soft, SoftNotice::BelowSoftFloor { .. });
    html! {
        section class="notice notice-soft" role="status" data-testid="soft-limit" {
            (picto("warning"))
            div {
                p class="soft-title" { (m.t("soft-title")) }
                p { (soft_text(m, soft, false)) }
                @if below {
                    a class="btn btn-small btn-secondary" href="/offers/new" { (picto("offer")) span { (m.t("soft-offer-help")) } }
                }
            }
        }
    }
}

/// The floor, grown with the hours the member gave, and how it was
/// worked out, in figures a member can check by hand.
fn grown_floor(m: &Messages, grown: &GrownFloor) -> Markup {
    let floor = m.fmt_amount_in_text(grown.floor_minor);
    let base = m.fmt_amount_in_text(grown.base_minor);
    let given = m.fmt_amount_in_text(grown.given_minor);
    // The factor as the settings hold it ("0.50"), with the member's
    // decimal mark.
    let factor = grown.factor.replace('.', &m.decimal_mark().to_string());
    let cap = m.fmt_amount_in_text(grown.cap_minor);
    // The sum itself, in figures and signs every language reads the
    // same way, left to right; the words around it say what they are.
    let sum = format!(
        "{} − {factor} × {} = {}",
        m.fmt_amount(grown.base_minor),
        m.fmt_amount(grown.given_minor),
        m.fmt_amount(grown.uncapped_minor)
    );
    html! {
        details class="grown" data-testid="grown-floor" {
            summary { (picto("balance-down")) span { (m.msg("grown-floor", &[("floor", Arg::Str(&floor))])) } }
            p { (m.msg("grown-how", &[
                ("base", Arg::Str(&base)),
                ("factor", Arg::Str(&factor)),
                ("given", Arg::Str(&given)),
                ("months", Arg::Int(i64::from(grown.months))),
            ])) }
            p class="grown-sum" dir="ltr" { (sum) }
            @if grown.capped { p { (m.msg("grown-capped", &[("cap", Arg::Str(&cap))])) } }
        }
    }
}

/// The balance and what it means, in words, for the speaker button:
/// "You have one and a half hours. You gave more help than you received."
pub fn say_balance(m: &Messages, balance_minor: i64, floor_minor: i64) -> String {
    let hours = m.say_hours(balance_minor);
    let have = m.msg("say-balance", &[("hours", Arg::Str(&hours))]);
    let meaning = match balance_minor {
        b if b > 0 => m.t("home-positive"),
        0 => m.t("home-zero"),
        _ => {
            let floor = m.say_hours(floor_minor);
            m.msg("say-home-negative", &[("floor", Arg::Str(&floor))])
        }
    };
    format!("{have} {meaning}")
}

/// The balance, big, with a pictogram and a sentence that says what it
/// means. On home its label is the page's level-one heading.
pub fn balance_card(m: &Messages, me: &Me, heading: bool) -> Markup {
    let floor = m.fmt_amount_in_text(me.floor_minor);
    let (icon, sentence, class) = match me.balance_minor {
        b if b > 0 => ("balance-up", m.t("home-positive"), "positive"),
        0 => ("balance-zero", m.t("home-zero"), "zero"),
        _ => (
            "balance-down",
            m.msg("home-negative", &[("floor", Arg::Str(&floor))]),
            "negative",
        ),
    };
    html! {
        section class=(format!("balance balance-{class}")) {
            (picto(icon))
            div class="balance-body" {
                @if heading { h1 class="balance-label" { (m.t("home-balance-label")) } }
                @else { p class="balance-label" { (m.t("home-balance-label")) } }
                p class="balance-amount" data-testid="balance" {
                    span class="amount" dir="ltr" { (m.fmt_amount(me.balance_minor)) }
                    " "
                    span class="unit" { (m.t("hours-unit")) }
                }
                p class="balance-sentence" { (sentence) }
            }
        }
    }
}

/// What a line was: its kind of work, or a gift, or the community
/// fund's rule (never a kind of work for those).
fn line_label(m: &Messages, line: &ExchangeLine) -> String {
    match line.movement {
        Movement::Work => work_label(m, line.work),
        Movement::Gift => m.t("line-gift"),
        Movement::Fund => m.t("line-fund"),
    }
}

fn movement_code(movement: Movement) -> &'static str {
    match movement {
        Movement::Work => "work",
        Movement::Gift => "gift",
        Movement::Fund => "fund",
    }
}

/// Exchanges with a pictogram for the kind of work, who, and the hours
/// in (green, +) or out (orange, −).
pub fn exchange_list(m: &Messages, lines: &[ExchangeLine]) -> Markup {
    html! {
        @if lines.is_empty() {
            p class="empty" { (m.t("home-none")) }
        } @else {
            ul class="exchanges" {
                @for line in lines {
                    li class=(if line.amount_minor > 0 { "ex ex-in" } else { "ex ex-out" }) data-seq=(line.seq) data-movement=(movement_code(line.movement)) {
                        @match line.movement {
                            Movement::Work => (work_picto(line.work)),
                            Movement::Gift | Movement::Fund => (picto("gift")),
                        }
                        div class="ex-body" {
                            p class="ex-who" {
                                (picto(if line.amount_minor > 0 { "arrow-in" } else { "arrow-out" }))
                                span { (line.counterpart) }
                            }
                            p class="ex-what" {
                                @if let Some(date) = line.date { span class="ex-date" dir="ltr" { (m.fmt_date(date)) } " · " }
                                span { (line_label(m, line)) }
                                @if !line.what.is_empty() { " · " span class="ex-note" { (line.what) } }
                            }
                        }
                        p class="ex-amount" dir="ltr" { (signed_hours(m, line.amount_minor)) }
                    }
                }
            }
        }
    }
}
