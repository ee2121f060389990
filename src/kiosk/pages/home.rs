//! Home: the balance with a pictogram and a plain sentence, the last
//! exchanges, and the four big buttons.

use axum::response::Response;
use maud::{html, Markup};

use super::super::server::{App, Visit};
use super::super::text::{Arg, Messages};
use super::super::view::{ExchangeLine, HomeView, Me};
use super::{big_link, layout, picto, signed_hours, work_label, work_picto, Frame};

pub fn home(app: &App, visit: &Visit, view: &HomeView) -> Response {
    let m = visit.messages(app);
    let frame = Frame::new(app, visit)
        .member(&view.me.name)
        .say(say_balance(m, view.me.balance_minor, view.me.floor_minor));
    let content = html! {
        (balance_card(m, &view.me, true))
        nav class="home-actions" data-main {
            (big_link("/pay", "pay", &m.t("btn-pay"), "btn-primary btn-huge"))
            (big_link("/offers", "offers", &m.t("btn-offers"), "btn-secondary btn-huge"))
            (big_link("/statement", "statement", &m.t("btn-statement"), "btn-secondary btn-huge"))
        }
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
    let floor = m.fmt_amount(me.floor_minor);
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

/// Exchanges with a pictogram for the kind of work, who, and the hours
/// in (green, +) or out (orange, −).
pub fn exchange_list(m: &Messages, lines: &[ExchangeLine]) -> Markup {
    html! {
        @if lines.is_empty() {
            p class="empty" { (m.t("home-none")) }
        } @else {
            ul class="exchanges" {
                @for line in lines {
                    li class=(if line.amount_minor > 0 { "ex ex-in" } else { "ex ex-out" }) data-seq=(line.seq) {
                        (work_picto(line.work))
                        div class="ex-body" {
                            p class="ex-who" {
                                (picto(if line.amount_minor > 0 { "arrow-in" } else { "arrow-out" }))
                                span { (line.counterpart) }
                            }
                            p class="ex-what" {
                                @if let Some(date) = line.date { span class="ex-date" dir="ltr" { (m.fmt_date(date)) } " · " }
                                span { (work_label(m, line.work)) }
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
