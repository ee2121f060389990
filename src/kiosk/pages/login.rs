//! Welcome (language), card, PIN and goodbye screens.

use axum::response::Response;
use maud::html;

use super::super::server::{App, Visit};
use super::super::session::Notice;
use super::super::text::{Arg, Messages, LANGUAGES};
use super::{big_link, keypad, layout, picto, Frame, CROCKFORD_KEYS};

const PIN_KEYS: [&str; 10] = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"];

pub fn welcome(app: &App, visit: &Visit) -> Response {
    let frame = Frame::new(app, visit);
    let content = html! {
        section class="welcome" {
            h1 class="welcome-title" {
                (picto("globe"))
                @for (lang, _) in LANGUAGES {
                    span class="welcome-line" lang=(lang.code()) dir=(if Messages::for_language(lang).is_rtl() { "rtl" } else { "ltr" }) {
                        (Messages::for_language(lang).t("welcome-choose"))
                    }
                }
            }
            nav class="tiles languages" {
                @for (lang, name) in LANGUAGES {
                    a class="tile lang-tile" href=(format!("/lang/{}", lang.code())) lang=(lang.code()) data-lang=(lang.code()) {
                        (picto(&format!("flag-{}", lang.code())))
                        span class="tile-label" { (name) }
                    }
                }
            }
            a class="privacy-link" href="/privacy" { (frame.t("privacy-link")) }
        }
    };
    layout(&frame, &frame.t("welcome-title"), "welcome", content)
}

pub fn card(app: &App, visit: &Visit) -> Response {
    let frame = Frame::new(app, visit).countdown();
    let content = html! {
        section class="card-step" {
            h1 { (frame.t("card-title")) }
            form method="post" action="/card" class="scan" data-once {
                (frame.csrf())
                div class="scan-box" {
                    (picto("card"))
                    p class="hint" { (frame.t("card-hint")) }
                    // The scanner types the code and Enter into this field.
                    input type="password" name="code" id="scan" class="scan-input" autofocus autocomplete="off"
                        data-keep-focus aria-label=(frame.t("card-title")) maxlength="80";
                }
            }
            details class="type-code" {
                summary class="btn btn-secondary" { (picto("keypad")) span { (frame.t("card-or-type")) } }
                form method="post" action="/card" class="typed" data-once {
                    (frame.csrf())
                    label class="field" {
                        span { (frame.t("card-member-number")) }
                        input type="text" name="number" id="number" inputmode="none" autocomplete="off" maxlength="32" data-keypad-field dir="ltr";
                    }
                    label class="field" {
                        span { (frame.t("card-code")) }
                        input type="text" name="secret" id="secret" inputmode="none" autocomplete="off" maxlength="40" data-keypad-field dir="ltr";
                    }
                    (keypad(frame.m, "", &CROCKFORD_KEYS, "keypad-card"))
                    button type="submit" class="btn btn-primary btn-wide" { (picto("check")) span { (frame.t("ok")) } }
                }
            }
            div class="actions" { (big_link("/", "back", &frame.t("back"), "btn-secondary")) }
        }
    };
    layout(&frame, &frame.t("card-title"), "card", content)
}

pub fn pin(app: &App, visit: &Visit, notice: Option<Notice>) -> Response {
    let frame = Frame::new(app, visit).countdown();
    let content = html! {
        section class="pin-step" {
            h1 { (picto("pin")) span { (frame.t("pin-title")) } }
            (pin_notice(frame.m, notice.as_ref()))
            form method="post" action="/pin" class="pin-form" data-once {
                (frame.csrf())
                (pin_field(&frame))
                button type="submit" class="btn btn-primary btn-wide" { (picto("check")) span { (frame.t("ok")) } }
            }
            div class="actions" { (big_link("/bye", "back", &frame.t("cancel"), "btn-secondary")) }
        }
    };
    layout(&frame, &frame.t("pin-title"), "pin", content)
}

/// The masked PIN field with its keypad.
pub fn pin_field(frame: &Frame) -> maud::Markup {
    html! {
        input type="password" name="pin" id="pin" class="pin-input" inputmode="none" autocomplete="off"
            maxlength="6" pattern="[0-9]*" dir="ltr" aria-label=(frame.t("pin-title")) data-keep-focus;
        (keypad(frame.m, "pin", &PIN_KEYS, "keypad-pin"))
    }
}

/// "Wrong PIN, 3 tries left" and the like.
pub fn pin_notice(m: &Messages, notice: Option<&Notice>) -> maud::Markup {
    html! {
        @match notice {
            Some(Notice::WrongPin { tries_left }) => {
                p class="notice notice-bad" role="alert" { (picto("warning")) span { (m.msg("pin-wrong", &[("left", Arg::from(*tries_left))])) } }
            }
            Some(Notice::PinFormat) => {
                p class="notice notice-bad" role="alert" { (picto("warning")) span { (m.t("pin-bad-format")) } }
            }
            _ => {}
        }
    }
}

pub fn bye(app: &App, visit: &Visit, idle: bool) -> Response {
    let frame = Frame::new(app, visit);
    let content = html! {
        section class="bye" {
            (picto("wave"))
            h1 { (frame.t("bye-title")) }
            @if idle { p { (frame.t("bye-idle")) } }
            div class="actions" { (big_link("/", "home", &frame.t("bye-again"), "btn-primary")) }
        }
    };
    layout(&frame, &frame.t("bye-title"), "bye", content)
}
