//! Welcome, language, card, PIN, log-out. Also the PIN check that the
//! payment's confirmation shares. The wrong-PIN count and card lock are
//! `ops::check_card_pin`'s, the same as `akker pay --card`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use chrono::{DateTime, Utc};

use crate::ledger::{AccountId, FieldError};
use crate::ops::{self, CardStanding, PinOutcome, PinPolicy};
use crate::signing::{CardCode, KeyHolder, Pin};
use crate::store::Store;

use super::super::error::{Arg, KioskError, KioskResult, Problem};
use super::super::pages;
use super::super::server::{App, AppState, ChosenLang, NewSessionId, Visit};
use super::super::session::Notice;
use super::super::text::Lang;
use super::{local_time, now, Fields};

pub async fn welcome(State(app): State<AppState>, Extension(visit): Extension<Visit>) -> Response {
    pages::login::welcome(&app, &visit)
}

pub async fn choose_language(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
    Path(code): Path<String>,
) -> KioskResult {
    let lang = Lang::parse(&code).ok_or_else(|| KioskError::bad("error-not-found", "/"))?;
    app.sessions.update(&visit.sid, |s| s.lang = Some(lang));
    let mut response = Redirect::to("/card").into_response();
    response.extensions_mut().insert(ChosenLang(lang));
    Ok(response)
}

pub async fn card_page(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
) -> Response {
    pages::login::card(&app, &visit)
}

/// A scanned code arrives whole in `code`; typed by hand it comes as the
/// member number and the code on the card (`number`, `secret`), or whole
/// in either field. Every well-formed code goes on to the PIN, whether or
/// not it is a member's real card, so this step never tells whether a
/// member number exists; only a real card that is locked is stopped here.
pub async fn card_submit(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
    fields: Fields,
) -> KioskResult {
    if let Some(wait) = app.card_throttle.wait() {
        return Err(
            Problem::new(StatusCode::TOO_MANY_REQUESTS, "card-wait", "/card")
                .arg("seconds", Arg::Number(wait.as_secs_f64().ceil() as i64))
                .into(),
        );
    }
    let (text, number) = match (
        fields.text("code"),
        fields.text("number"),
        fields.text("secret"),
    ) {
        ("", number, "") if number.contains('/') => (number, ""),
        ("", _, "") => return Err(KioskError::bad("card-missing", "/card")),
        ("", number, secret) => (secret, number),
        (code, number, _) => (code, number),
    };
    let number = match number {
        "" => None,
        typed => {
            Some(AccountId::parse(typed).map_err(|_| KioskError::bad("card-bad-code", "/card"))?)
        }
    };
    let code = match CardCode::parse_as_printed(text, number.as_ref()) {
        Ok(code) => code,
        Err(FieldError::CardNumberMissing) => {
            return Err(KioskError::bad("card-number-missing", "/card"))
        }
        Err(_) => return Err(KioskError::bad("card-bad-code", "/card")),
    };
    if number.as_ref().is_some_and(|n| *n != code.account) {
        // Two different numbers: neither is taken.
        return Err(KioskError::bad("card-bad-code", "/card"));
    }
    let checked = code.clone();
    let (standing, locked) = app
        .pool
        .run(move |store| {
            let standing = ops::card_standing(store, &checked)?;
            let locked = match standing {
                CardStanding::MadeUp => None,
                _ => ops::card_locked_until(store, &checked.account, now())?,
            };
            Ok((standing, locked))
        })
        .await?;
    if standing == CardStanding::MadeUp {
        app.card_throttle.note_unknown();
    }
    if let Some(until) = locked {
        return Err(locked_problem(&app, until));
    }
    app.sessions.update(&visit.sid, |s| {
        s.card = Some(code);
        s.made_up_misses = 0;
        s.member = None;
    });
    Ok(Redirect::to("/pin").into_response())
}

pub async fn pin_page(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
) -> KioskResult {
    if visit.session.card.is_none() {
        return Err(KioskError::Redirect("/card"));
    }
    let notice = app
        .sessions
        .update(&visit.sid, |s| s.notice.take())
        .flatten();
    Ok(pages::login::pin(&app, &visit, notice))
}

pub async fn pin_submit(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
    fields: Fields,
) -> KioskResult {
    let Some(card) = visit.session.card.clone() else {
        return Err(KioskError::Redirect("/card"));
    };
    let Ok(pin) = Pin::parse(fields.text("pin")) else {
        app.sessions
            .update(&visit.sid, |s| s.notice = Some(Notice::PinFormat));
        return Ok(Redirect::to("/pin").into_response());
    };
    let account = card.account.clone();
    let _permit = app.kdf.acquire().await.map_err(KioskError::internal)?;
    let policy = pin_policy(&app);
    let outcome = app
        .pool
        .run(move |store| Ok(ops::check_card_pin(store, &card, &pin, policy, now())?))
        .await?;
    match outcome {
        PinOutcome::Right(_) => {
            let id = account.clone();
            let name = app
                .pool
                .run(move |store| Ok(super::name_of(store.account(&id)?.as_ref(), &id)))
                .await?;
            let new_sid = app
                .sessions
                .rotate(&visit.sid)
                .ok_or(KioskError::Redirect("/"))?;
            app.sessions.update(&new_sid, |s| {
                s.member = Some(account);
                s.member_name = name;
            });
            let mut response = Redirect::to("/home").into_response();
            response.extensions_mut().insert(NewSessionId(new_sid));
            Ok(response)
        }
        PinOutcome::Wrong { tries_left } => wrong_pin(&app, &visit, tries_left),
        PinOutcome::NotTheCard => {
            // Answered exactly as a real card's wrong PINs, lock included,
            // but counted in this session only: no member's card is touched.
            let misses = app
                .sessions
                .update(&visit.sid, |s| {
                    s.made_up_misses += 1;
                    s.made_up_misses
                })
                .unwrap_or(policy.attempts_max);
            if misses >= policy.attempts_max {
                app.sessions.end(&visit.sid);
                return Err(locked_problem(&app, now() + policy.lock));
            }
            wrong_pin(&app, &visit, policy.attempts_max - misses)
        }
        PinOutcome::Locked { until } => {
            app.sessions.end(&visit.sid);
            Err(locked_problem(&app, until))
        }
    }
}

fn wrong_pin(app: &App, visit: &Visit, tries_left: u32) -> KioskResult {
    app.sessions.update(&visit.sid, |s| {
        s.notice = Some(Notice::WrongPin { tries_left })
    });
    Ok(Redirect::to("/pin").into_response())
}

/// Logs out and says goodbye in the member's language: the session is
/// gone by the time /bye is asked for, so the language goes along.
pub async fn logout(State(app): State<AppState>, Extension(visit): Extension<Visit>) -> Response {
    app.sessions.end(&visit.sid);
    let lang = visit.lang(&app);
    Redirect::to(&format!("/bye?lang={}", lang.code())).into_response()
}

/// The goodbye screen, also where the idle countdown leads. It ends the
/// session (a GET is enough: ending a session harms nobody) and returns
/// to the welcome screen by itself after a few seconds. It speaks the
/// session's language, or the one `lang` names after a log-out.
pub async fn bye(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
    uri: axum::http::Uri,
) -> Response {
    app.sessions.end(&visit.sid);
    let query = super::query_fields(uri.query());
    let idle = query.text("idle") == "1";
    let mut visit = visit;
    if let Some(lang) = Lang::parse(query.text("lang")) {
        visit.session.lang = Some(lang);
    }
    pages::login::bye(&app, &visit, idle)
}

pub enum PinCheck {
    /// Boxed: a signing key is large, the other answers small.
    Right(Box<KeyHolder>),
    Wrong {
        tries_left: u32,
    },
    Locked {
        until: DateTime<Utc>,
    },
}

pub fn pin_policy(app: &App) -> PinPolicy {
    let lock = chrono::Duration::seconds(app.config.pin_lock_s.min(i64::MAX as u64) as i64);
    PinPolicy {
        attempts_max: app.config.pin_attempts_max.max(1),
        lock,
    }
}

/// The same settings as a pair (for the payment's confirmation).
pub fn pin_settings(app: &App) -> (u32, chrono::Duration) {
    let policy = pin_policy(app);
    (policy.attempts_max, policy.lock)
}

/// The PIN check of a payment's confirmation, on a store the caller
/// already holds (it confirms and records in one blocking call). The
/// card was proven at login; a card revoked or replaced since then is
/// not known any more.
pub fn check_pin_in(
    store: &Store,
    card: &CardCode,
    pin: &Pin,
    attempts_max: u32,
    lock: chrono::Duration,
) -> KioskResult<PinCheck> {
    let policy = PinPolicy { attempts_max, lock };
    Ok(
        match ops::check_card_pin(store, card, pin, policy, now())? {
            PinOutcome::Right(holder) => PinCheck::Right(holder),
            PinOutcome::Wrong { tries_left } => PinCheck::Wrong { tries_left },
            PinOutcome::Locked { until } => PinCheck::Locked { until },
            PinOutcome::NotTheCard => return Err(KioskError::bad("card-unknown", "/")),
        },
    )
}

pub fn locked_problem(app: &App, until: DateTime<Utc>) -> KioskError {
    let minutes = ((until - now()).num_seconds().max(0) + 59) / 60;
    Problem::new(StatusCode::LOCKED, "pin-locked", "/")
        .arg("minutes", Arg::Number(minutes))
        .arg("time", Arg::Text(local_time(app, until)))
        .into()
}
