//! Pages, rendered on the server with maud. Handlers hand plain data in;
//! nothing here touches the store. Every page is in the visitor's
//! language, with `dir="rtl"` for Arabic; layout uses logical CSS
//! properties so it mirrors by itself.

pub mod gift;
pub mod home;
pub mod keyboard;
pub mod login;
pub mod offers;
pub mod pay;
pub mod privacy;
pub mod requests;
pub mod statement;

use axum::response::{IntoResponse, Response};
use maud::{html, Markup, DOCTYPE};

use crate::ledger::WorkKind;

use super::error::{Arg, Problem};
use super::server::{App, Visit};
use super::text::{self, Messages};

/// The characters of card and verification codes (Crockford base32), for
/// the keypad.
pub const CROCKFORD_KEYS: [&str; 32] = [
    "1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "A", "B", "C", "D", "E", "F", "G", "H", "J",
    "K", "M", "N", "P", "Q", "R", "S", "T", "V", "W", "X", "Y", "Z",
];

/// The keys of the card step's keypad: every digit and Latin capital and
/// the hyphen, so an initiative's number (`INIT-WERELDVROUWEN`) can be
/// typed as well as a member's (`M004`) and the card's code.
pub const CARD_KEYS: [&str; 37] = [
    "1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "A", "B", "C", "D", "E", "F", "G", "H", "I",
    "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z", "-",
];

/// What every page needs to know about the visit.
pub struct Frame<'a> {
    pub app: &'a App,
    pub visit: &'a Visit,
    pub m: &'static Messages,
    /// The member's name, shown in the header once logged in.
    pub member_name: Option<&'a str>,
    /// Show the idle countdown (every page with a session worth ending).
    pub countdown: bool,
    /// The screen's main message, in words, for the speaker button.
    pub say: Option<String>,
}

impl<'a> Frame<'a> {
    pub fn new(app: &'a App, visit: &'a Visit) -> Frame<'a> {
        Frame {
            app,
            visit,
            m: visit.messages(app),
            member_name: None,
            countdown: false,
            say: None,
        }
    }

    /// The sentence the speaker button reads aloud (and shows beside
    /// itself, so the words heard are the words on the screen).
    pub fn say(mut self, text: impl Into<String>) -> Frame<'a> {
        self.say = Some(text.into());
        self
    }

    pub fn member(mut self, name: &'a str) -> Frame<'a> {
        self.member_name = Some(name);
        self.countdown = true;
        self
    }

    pub fn countdown(mut self) -> Frame<'a> {
        self.countdown = true;
        self
    }

    /// The hidden CSRF field every form carries.
    pub fn csrf(&self) -> Markup {
        html! { input type="hidden" name="csrf" value=(self.visit.session.csrf); }
    }

    pub fn t(&self, id: &str) -> String {
        self.m.t(id)
    }
}

/// The page around a screen's content: header with the community's name,
/// the member and the log-out button, and the idle countdown.
pub fn layout(frame: &Frame, title: &str, screen: &str, content: Markup) -> Response {
    let m = frame.m;
    let dir = if m.is_rtl() { "rtl" } else { "ltr" };
    let idle = frame.countdown.then_some(frame.app.config.idle_logout_s);
    let page = html! {
        (DOCTYPE)
        html lang=(m.lang().code()) dir=(dir) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · " (frame.app.community) }
                link rel="stylesheet" href=(asset("kiosk.css"));
                script src=(asset("kiosk.js")) defer {}
            }
            body class=(format!("screen-{screen}")) data-idle=[idle] {
                header class="top" {
                    div class="brand" { (picto("akker")) span { (frame.app.community) } }
                    @if let Some(name) = frame.member_name {
                        div class="who" { (picto("person")) span class="who-name" { (name) } }
                    }
                    @if let Some(seconds) = idle {
                        div class="idle" id="idle" role="timer" aria-live="off" {
                            (picto("clock"))
                            span class="idle-label" { (m.t("idle-label")) }
                            b id="idle-s" { (seconds) }
                            span { (m.t("idle-seconds")) }
                        }
                    }
                    @if frame.member_name.is_some() {
                        form method="post" action="/logout" class="logout" {
                            (frame.csrf())
                            button class="btn btn-logout" type="submit" { (picto("logout")) span { (m.t("logout")) } }
                        }
                    }
                }
                main {
                    (speaker(frame))
                    (content)
                }
                @if frame.member_name.is_some() { (keyboard::keyboard(m)) }
                @if idle.is_some() {
                    div class="idle-warning" aria-live="assertive" { (picto("clock")) span { (m.t("idle-still-there")) } }
                }
            }
        }
    };
    page.into_response()
}

/// Joins what the speaker says into one text, ending each part that has
/// no full stop, question or exclamation mark of its own with a full
/// stop, so espeak-ng pauses between them and the text reads well.
pub fn sentences(parts: &[&str]) -> String {
    let mut text = String::new();
    for part in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(part);
        let last = part
            .chars()
            .rev()
            .find(|c| !matches!(c, '\u{2068}' | '\u{2069}'));
        if !matches!(last, Some('.' | '!' | '?' | '؟' | ':' | '…')) {
            text.push('.');
        }
    }
    text
}

/// The large speaker button and the sentence it says, when the kiosk
/// can speak (espeak-ng found at start); nothing otherwise.
fn speaker(frame: &Frame) -> Markup {
    let speech = super::speech::Speech::global();
    let Some(text) = frame.say.as_deref().filter(|_| speech.available()) else {
        return html! {};
    };
    let lang = frame.m.lang();
    let token = speech.register(&frame.visit.sid, lang, text);
    let plain: String = text
        .chars()
        .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}'))
        .collect();
    html! {
        div class="say" {
            button type="button" class="btn-say" data-say-src=(format!("/speak/{token}")) data-say=(plain) aria-label=(frame.m.t("say-listen")) {
                (picto("speaker"))
            }
            p class="say-text" data-testid="say-text" { (text) }
        }
    }
}

/// An embedded asset's address; the version makes browsers fetch the new
/// one after an upgrade.
pub fn asset(path: &str) -> String {
    format!("/assets/{path}?v={}", env!("CARGO_PKG_VERSION"))
}

/// A pictogram. Pictograms support words, never replace them, so they
/// carry no alt text of their own (screen readers read the label).
pub fn picto(name: &str) -> Markup {
    html! { img class="picto" src=(asset(&format!("picto/{name}.svg"))) alt="" draggable="false"; }
}

pub fn work_picto(work: Option<WorkKind>) -> Markup {
    picto(&format!(
        "work-{}",
        work.map_or("practical", |w| w.as_str())
    ))
}

pub fn work_label(m: &Messages, work: Option<WorkKind>) -> String {
    work.map_or_else(String::new, |w| m.t(&format!("work-{}", w.as_str())))
}

/// A big link that looks like a button.
pub fn big_link(href: &str, icon: &str, label: &str, class: &str) -> Markup {
    html! { a class=(format!("btn {class}")) href=(href) { (picto(icon)) span { (label) } } }
}

/// A signed amount of hours for the member: "+1,75" or "−1,75".
pub fn signed_hours(m: &Messages, minor: i64) -> String {
    if minor > 0 {
        format!("+{}", m.fmt_amount(minor))
    } else {
        m.fmt_amount(minor)
    }
}

/// An on-screen keypad that types into the field `target` (or into the
/// field last touched, for a keypad serving several fields).
pub fn keypad(m: &Messages, target: &str, keys: &[&str], class: &str) -> Markup {
    html! {
        div class=(format!("keypad {class}")) data-target=(target) dir="ltr" {
            @for key in keys {
                button type="button" class="key" data-key=(key) { (key) }
            }
            button type="button" class="key key-del" data-key="del" aria-label=(m.t("key-delete")) { "⌫" }
        }
    }
}

/// A refusal as the speaker says it: the message with its hours in
/// words (through the message's speech variant, `say-…`, where it has
/// hours), then that nothing was changed.
fn say_problem(m: &Messages, problem: &Problem) -> String {
    let spoken = spoken_variant(problem.message);
    let written: Vec<(&str, Result<String, i64>)> = problem
        .args
        .iter()
        .map(|(name, arg)| {
            let value = match arg {
                Arg::Text(text) => Ok(text.clone()),
                Arg::Amount(minor) if spoken.is_some() => Ok(m.say_hours(*minor)),
                Arg::Amount(minor) => Ok(m.fmt_amount(*minor)),
                Arg::Number(n) => Err(*n),
            };
            (*name, value)
        })
        .collect();
    let args: Vec<(&str, text::Arg)> = written
        .iter()
        .map(|(name, value)| match value {
            Ok(text) => (*name, text::Arg::Str(text)),
            Err(number) => (*name, text::Arg::Int(*number)),
        })
        .collect();
    let message = m.msg(spoken.unwrap_or(problem.message), &args);
    sentences(&[&message, &m.t("error-nothing-changed")])
}

/// The speech variant of a refusal whose words hold hours.
fn spoken_variant(message: &str) -> Option<&'static str> {
    match message {
        "pay-refused-floor" => Some("say-refused-floor"),
        "request-refused-floor" => Some("say-request-refused-floor"),
        _ => None,
    }
}

/// The page for a refusal or an error, in the visitor's language.
pub fn problem_page(app: &App, visit: &Visit, problem: &Problem) -> Response {
    let m = visit.messages(app);
    let frame = Frame::new(app, visit).say(say_problem(m, problem));
    // Amounts are written out first, in the member's format; the
    // message then borrows every value.
    let written: Vec<(&str, Result<String, i64>)> = problem
        .args
        .iter()
        .map(|(name, arg)| {
            let value = match arg {
                Arg::Text(text) => Ok(text.clone()),
                Arg::Amount(minor) => Ok(m.fmt_amount(*minor)),
                Arg::Number(n) => Err(*n),
            };
            (*name, value)
        })
        .collect();
    let args: Vec<(&str, text::Arg)> = written
        .iter()
        .map(|(name, value)| match value {
            Ok(text) => (*name, text::Arg::Str(text)),
            Err(number) => (*name, text::Arg::Int(*number)),
        })
        .collect();
    let icon = if problem.status == axum::http::StatusCode::LOCKED {
        "lock"
    } else {
        "warning"
    };
    let content = html! {
        section class="problem" role="alert" {
            (picto(icon))
            h1 { (m.t(if icon == "lock" { "pin-locked-title" } else { "error-title" })) }
            p class="problem-text" { (m.msg(problem.message, &args)) }
            p class="problem-safe" { (m.t("error-nothing-changed")) }
            div class="actions" data-main { (big_link(problem.back, "back", &m.t("back"), "btn-primary")) }
        }
    };
    let mut response = layout(&frame, &m.t("error-title"), "problem", content);
    *response.status_mut() = problem.status;
    response
}

#[cfg(test)]
mod tests {
    use super::sentences;

    #[test]
    fn spoken_parts_are_sentences() {
        assert_eq!(
            sentences(&["Add my offer", "With what? (a few words)", "", "Done!"]),
            "Add my offer. With what? (a few words). Done!"
        );
        assert_eq!(sentences(&["هل هذا صحيح؟", "نعم"]), "هل هذا صحيح؟ نعم.");
        assert_eq!(
            sentences(&["Statement of \u{2068}May\u{2069}"]),
            "Statement of \u{2068}May\u{2069}."
        );
    }
}
