//! Requests (issue 12): what waits on the member's answer (first on
//! home), the member's own requests and what became of them, the yes /
//! no / withdraw screens with the PIN, and "someone I helped pays me".

use axum::response::Response;
use maud::{html, Markup};

use super::super::server::{App, Visit};
use super::super::session::Notice;
use super::super::text::{Arg, Messages};
use super::super::view::{
    AskConfirmView, AskDetailsView, AskSentView, Asked, AskedState, DeclineReason, Reply,
    ReplyView, Waiting,
};
use super::home::{balance_card, say_balance};
use super::login::{notice_text, pin_field, pin_notice};
use super::pay::{hours_picker, steps, work_tiles};
use super::{big_link, layout, picto, sentences, work_label, work_picto, Frame};

/// "Marie says she helped you: 2 hours, care." for the speaker.
pub fn say_waiting(m: &Messages, waiting: &[Waiting]) -> Option<String> {
    let first = waiting.first()?;
    let hours = m.say_hours(first.amount_minor);
    let work = work_label(m, Some(first.work));
    let asks = m.msg(
        "say-request-waiting",
        &[
            ("name", Arg::Str(&first.helper)),
            ("hours", Arg::Str(&hours)),
            ("work", Arg::Str(&work)),
        ],
    );
    let count = m.msg(
        "request-waiting-count",
        &[("count", Arg::Int(waiting.len() as i64))],
    );
    Some(sentences(&[&count, &asks, &m.t("request-yes-or-no")]))
}

/// The requests waiting on this member, each with a large yes and no.
pub fn waiting_section(m: &Messages, waiting: &[Waiting]) -> Markup {
    html! {
        @if !waiting.is_empty() {
            section class="waiting" aria-labelledby="waiting-title" data-testid="waiting" {
                // The screen's first heading when requests wait: they
                // come before the balance.
                h1 id="waiting-title" class="waiting-title" { (picto("request")) span { (m.msg("request-waiting-count", &[("count", Arg::Int(waiting.len() as i64))])) } }
                ul class="requests" {
                    @for request in waiting {
                        li class="request" data-seq=(request.seq) {
                            (request_card(m, request, "request-asks-you"))
                            div class="request-answer" {
                                a class="btn btn-primary btn-yes" href=(format!("/requests/{}/yes", request.seq)) data-main {
                                    (picto("check")) span { (m.t("request-yes")) }
                                }
                                a class="btn btn-secondary btn-no" href=(format!("/requests/{}/no", request.seq)) {
                                    (picto("remove")) span { (m.t("request-no")) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// One request: the kind of work's pictogram, the name, what was done,
/// the date and the hours, big.
fn request_card(m: &Messages, request: &Waiting, sentence: &str) -> Markup {
    let hours = m.fmt_amount_in_text(request.amount_minor);
    html! {
        div class="request-card" {
            (work_picto(Some(request.work)))
            div class="request-body" {
                p class="request-who" { (picto("person")) span { (request.helper) } }
                p class="request-sentence" {
                    (m.msg(sentence, &[("name", Arg::Str(&request.helper)), ("hours", Arg::Str(&hours))]))
                }
                p class="request-what" {
                    @if let Some(date) = request.date { span dir="ltr" { (m.fmt_date(date)) } " · " }
                    span { (work_label(m, Some(request.work))) }
                    @if !request.what.is_empty() { " · " span class="ex-note" { (request.what) } }
                }
            }
            p class="request-hours" dir="ltr" { (m.fmt_amount(request.amount_minor)) }
        }
    }
}

/// The member's own requests: with `news`, those declined (with the
/// reason) or expired, shown near the top of home at the helper's next
/// visits; without, those still waiting (with "take back").
pub fn asked_section(m: &Messages, asked: &[Asked], news: bool) -> Markup {
    let asked: Vec<&Asked> = asked
        .iter()
        .filter(|a| (a.state != AskedState::Pending) == news)
        .collect();
    let (title, testid) = if news {
        ("request-news", "asked-news")
    } else {
        ("request-yours", "asked")
    };
    html! {
        @if !asked.is_empty() {
            section class=(if news { "asked asked-news-list" } else { "asked" }) data-testid=(testid) {
                h2 { (picto(if news { "warning" } else { "ask" })) span { (m.t(title)) } }
                ul class="requests" {
                    @for request in asked {
                        li class=(format!("request asked-{}", state_class(&request.state))) data-seq=(request.seq) {
                            (work_picto(Some(request.work)))
                            div class="request-body" {
                                p class="request-who" { (picto("person")) span { (request.payer) } }
                                p class="request-what" {
                                    @if let Some(date) = request.date { span dir="ltr" { (m.fmt_date(date)) } " · " }
                                    span { (work_label(m, Some(request.work))) }
                                    @if !request.what.is_empty() { " · " span class="ex-note" { (request.what) } }
                                }
                                p class="request-state" data-testid="asked-state" { (state_text(m, request)) }
                            }
                            p class="request-hours" dir="ltr" { (m.fmt_amount(request.amount_minor)) }
                            @if request.state == AskedState::Pending {
                                a class="btn btn-small btn-secondary" href=(format!("/requests/{}/withdraw", request.seq)) {
                                    (picto("remove")) span { (m.t("request-withdraw")) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn state_class(state: &AskedState) -> &'static str {
    match state {
        AskedState::Pending => "pending",
        AskedState::Declined(_) => "declined",
        AskedState::Expired => "expired",
    }
}

/// What became of a request, in a sentence, with the reason in the
/// reader's language when it is one of the list's.
pub fn state_text(m: &Messages, request: &Asked) -> String {
    match &request.state {
        AskedState::Pending => m.msg("request-pending", &[("name", Arg::Str(&request.payer))]),
        AskedState::Expired => m.msg("request-expired", &[("name", Arg::Str(&request.payer))]),
        AskedState::Declined(reason) => {
            let why = reason_text(m, reason);
            m.msg(
                "request-declined",
                &[
                    ("name", Arg::Str(&request.payer)),
                    ("reason", Arg::Str(&why)),
                ],
            )
        }
    }
}

pub fn reason_text(m: &Messages, reason: &DeclineReason) -> String {
    match reason {
        DeclineReason::Typed(text) => text.clone(),
        listed => m.t(&format!("decline-{}", listed.code())),
    }
}

/// What the speaker says about the member's own requests that were
/// declined or expired: the news of this visit.
pub fn say_asked(m: &Messages, asked: &[Asked]) -> String {
    let news: Vec<String> = asked
        .iter()
        .filter(|a| a.state != AskedState::Pending)
        .map(|a| state_text(m, a))
        .collect();
    let parts: Vec<&str> = news.iter().map(String::as_str).collect();
    sentences(&parts)
}

/// Yes, no, or take back: the request, what it does, and the PIN.
pub fn reply(app: &App, visit: &Visit, view: &ReplyView) -> Response {
    let m = visit.messages(app);
    let request = &view.request;
    let hours = m.fmt_amount_in_text(request.amount_minor);
    let spoken_hours = m.say_hours(request.amount_minor);
    let work = work_label(m, Some(request.work));
    let (title, sentence_id, say_id, button, action, icon) = match view.reply {
        Reply::Confirm => (
            "request-yes-title",
            "pay-summary-sentence",
            "say-pay-summary",
            "request-yes-button",
            "yes",
            "check",
        ),
        Reply::Decline => (
            "request-no-title",
            "request-no-sentence",
            "say-request-no",
            "request-no-button",
            "no",
            "remove",
        ),
        Reply::Withdraw => (
            "request-withdraw-title",
            "request-withdraw-sentence",
            "say-request-withdraw",
            "request-withdraw-button",
            "withdraw",
            "remove",
        ),
    };
    let args = |hours: &str| {
        m.msg(
            sentence_id,
            &[
                ("hours", Arg::Str(hours)),
                ("name", Arg::Str(&request.helper)),
                ("work", Arg::Str(&work)),
            ],
        )
    };
    let sentence = args(&hours);
    let spoken = m.msg(
        say_id,
        &[
            ("hours", Arg::Str(&spoken_hours)),
            ("name", Arg::Str(&request.helper)),
            ("work", Arg::Str(&work)),
        ],
    );
    let notice = notice_text(m, view.notice.as_ref()).unwrap_or_default();
    let why = if view.reply == Reply::Decline {
        m.t("decline-why")
    } else {
        String::new()
    };
    // Yes pays; no and take back only answer: the PIN says which.
    let pin_id = match view.reply {
        Reply::Confirm => "pay-confirm-pin",
        Reply::Decline | Reply::Withdraw => "request-pin",
    };
    let pin_words = m.t(pin_id);
    let say = [notice.as_str(), &spoken, &why, &pin_words];
    let frame = Frame::new(app, visit)
        .member(&view.me.name)
        .say(sentences(&say));
    let after = m.fmt_amount_in_text(view.me.balance_minor - request.amount_minor);
    // One form around both columns: on a landscape screen the request and
    // the reasons sit beside the PIN, so everything is in view at once.
    let content = html! {
        h1 { (m.t(title)) }
        form method="post" action=(format!("/requests/{}/{action}", request.seq)) class=(format!("reply-form reply-{action}")) data-once {
            (frame.csrf())
            div class="confirm-grid" {
                div class="confirm-what" {
                    (request_card(m, request, if view.reply == Reply::Withdraw { "request-you-asked" } else { "request-asks-you" }))
                    p class="summary-sentence" { (sentence) }
                    @if view.reply == Reply::Confirm {
                        p class="summary-after" { (m.msg("pay-balance-after", &[("balance", Arg::Str(&after))])) }
                    }
                    @if view.reply == Reply::Decline {
                        h2 { (m.t("decline-why")) }
                        div class="tiles reason-tiles" role="radiogroup" aria-label=(m.t("decline-why")) {
                            @for reason in DeclineReason::LISTED {
                                label class=(format!("tile reason-tile reason-{}", reason.code())) {
                                    input type="radio" name="reason" value=(reason.code()) required;
                                    span class="tile-body" { span class="tile-label" { (reason_text(m, &reason)) } }
                                }
                            }
                            label class="tile reason-tile reason-other" {
                                input type="radio" name="reason" value="other" required;
                                span class="tile-body" { span class="tile-label" { (m.t("decline-other")) } }
                            }
                        }
                        label class="field note" {
                            span { (m.t("decline-other-text")) }
                            input type="text" name="reason_text" maxlength="200" autocomplete="off" inputmode="none" data-osk;
                            // Signed text can never be erased: no names.
                            small class="hint" { (m.t("privacy-note-no-names")) }
                        }
                    }
                }
                div class="confirm-how pin-form" {
                    (pin_notice(m, view.notice.as_ref()))
                    h2 { (picto("pin")) span { (pin_words) } }
                    (pin_field(&frame))
                    div class="actions" {
                        a class="btn btn-secondary" href="/home" { (picto("back")) span { (m.t("back")) } }
                        button type="submit" class=(if view.reply == Reply::Confirm { "btn btn-primary" } else { "btn btn-primary btn-danger" }) id="confirm" data-main {
                            (picto(icon)) span { (m.t(button)) }
                        }
                    }
                }
            }
        }
    };
    layout(&frame, &m.t(title), &format!("request-{action}"), content)
}

pub fn ask_details(app: &App, visit: &Visit, view: &AskDetailsView) -> Response {
    let m = visit.messages(app);
    let names: Vec<&str> = view.payers.iter().map(|p| p.name.as_str()).collect();
    let who = names.join(", ");
    let frame = Frame::new(app, visit)
        .member(&visit.session.member_name)
        .say(sentences(&[
            &who,
            &m.t("ask-hours"),
            &m.t("pay-kind"),
            &m.t("ask-what"),
        ]));
    let content = html! {
        (steps(2))
        h1 { (picto("person")) span { (who) } }
        form method="post" action="/ask/details" class="details ask-details" data-once {
            (frame.csrf())
            h2 { (picto("clock")) span { (m.t("ask-hours")) } }
            (hours_picker(m, view.amount_minor))
            h2 { (m.t("pay-kind")) }
            (work_tiles(m, view.work))
            label class="field note" {
                span { (m.t("ask-what")) }
                input type="text" name="what" value=(view.what) maxlength="200" required autocomplete="off" inputmode="none" data-osk;
                small class="hint" { (m.t("privacy-note-no-names")) }
            }
            div class="actions" {
                a class="btn btn-secondary" href="/ask" { (picto("back")) span { (m.t("back")) } }
                button type="submit" class="btn btn-primary" data-main { span { (m.t("next")) } (picto("next")) }
            }
        }
    };
    layout(&frame, &m.t("ask-hours"), "ask-details", content)
}

pub fn ask_confirm(app: &App, visit: &Visit, view: &AskConfirmView) -> Response {
    let m = visit.messages(app);
    let draft = &view.draft;
    let names: Vec<&str> = view.payers.iter().map(|p| p.name.as_str()).collect();
    let who = names.join(", ");
    let work = work_label(m, Some(draft.work));
    let hours = m.fmt_amount_in_text(draft.amount_minor);
    let spoken_hours = m.say_hours(draft.amount_minor);
    let msg = |hours: &str, id: &str| {
        m.msg(
            id,
            &[
                ("hours", Arg::Str(hours)),
                ("name", Arg::Str(&who)),
                ("work", Arg::Str(&work)),
            ],
        )
    };
    let sentence = msg(&hours, "ask-summary-sentence");
    let spoken = msg(&spoken_hours, "say-ask-summary");
    let say = match notice_text(m, view.notice.as_ref()) {
        Some(notice) => sentences(&[&notice, &spoken, &m.t("ask-confirm-pin")]),
        None => sentences(&[&spoken, &m.t("ask-confirm-pin")]),
    };
    let frame = Frame::new(app, visit).member(&view.me.name).say(say);
    let content = html! {
        (steps(3))
        h1 { (m.t("pay-check")) }
        div class="confirm-grid" {
            div class="confirm-what" {
                div class="summary" {
                    div class="summary-party" { (picto("person")) span { (who) } }
                    div class="summary-flow" {
                        (picto("arrow-give"))
                        span class="summary-hours" dir="ltr" { (hours) }
                        span class="unit" { (m.t("hours-unit")) }
                    }
                    div class="summary-party" { (picto("person")) span { (view.me.name) } }
                    div class="summary-work" { (work_picto(Some(draft.work))) span { (work) } }
                }
                p class="summary-sentence" { (sentence) }
                p class="summary-note" { "“" (draft.what) "”" }
                @if view.payers.len() > 1 { p class="summary-after" { (m.t("ask-each")) } }
                @if view.what_names_member { p class="notice notice-bad" role="alert" { (m.t("privacy-note-names-warning")) } }
                p class="summary-after" { (m.t("ask-nothing-moves")) }
            }
            div class="confirm-how" {
                (pin_notice(m, view.notice.as_ref()))
                form method="post" action="/ask/confirm" class="confirm pin-form" data-once {
                    (frame.csrf())
                    input type="hidden" name="once" value=(draft.form_token);
                    h2 { (picto("pin")) span { (m.t("ask-confirm-pin")) } }
                    (pin_field(&frame))
                    div class="actions" {
                        a class="btn btn-secondary" href="/ask/details" { (picto("back")) span { (m.t("change")) } }
                        button type="submit" class="btn btn-primary" id="confirm" data-main { (picto("check")) span { (m.t("ask-confirm")) } }
                    }
                }
            }
        }
    };
    layout(&frame, &m.t("pay-check"), "ask-confirm", content)
}

pub fn ask_sent(app: &App, visit: &Visit, view: &AskSentView) -> Response {
    let m = visit.messages(app);
    let who = view.payers.join(", ");
    let work = work_label(m, Some(view.work));
    let hours = m.fmt_amount_in_text(view.amount_minor);
    let spoken_hours = m.say_hours(view.amount_minor);
    // Written with the unit ("2,00 hours"), spoken in words ("two hours").
    let msg = |hours: &str, id: &str| {
        m.msg(
            id,
            &[
                ("hours", Arg::Str(hours)),
                ("name", Arg::Str(&who)),
                ("work", Arg::Str(&work)),
            ],
        )
    };
    let frame = Frame::new(app, visit)
        .member(&view.me.name)
        .say(sentences(&[
            &m.t("ask-sent-title"),
            &msg(&spoken_hours, "say-ask-sent"),
            &say_balance(m, view.me.balance_minor, view.me.floor_minor),
        ]));
    let content = html! {
        (steps(4))
        section class="receipt" {
            (picto("check-big"))
            h1 { (m.t("ask-sent-title")) }
            p class="receipt-sentence" { (work_picto(Some(view.work))) span { (msg(&hours, "ask-sent-sentence")) } }
            @if let Some((would, limit)) = view.own_ceiling {
                p class="notice notice-bad" role="status" { (picto("warning")) span { (m.msg("ask-limit-own", &[
                    ("would", Arg::Str(&m.fmt_amount_in_text(would))),
                    ("limit", Arg::Str(&m.fmt_amount_in_text(limit))),
                ])) } }
            }
            @for name in &view.warned {
                p class="notice notice-bad" role="status" { (picto("warning")) span { (m.msg("ask-limit-warning", &[("name", Arg::Str(name))])) } }
            }
        }
        (balance_card(m, &view.me, false))
        div class="actions" data-main {
            (big_link("/home", "home", &m.t("btn-home"), "btn-primary"))
        }
    };
    layout(&frame, &m.t("ask-sent-title"), "ask-sent", content)
}

/// The notice home shows after a reply, if any.
pub fn reply_notice(m: &Messages, notice: Option<&Notice>) -> Option<String> {
    match notice {
        Some(Notice::RequestDeclined) => Some(m.t("request-declined-done")),
        Some(Notice::RequestWithdrawn) => Some(m.t("request-withdrawn-done")),
        _ => None,
    }
}
