//! Welcome, language, card, PIN, log-out. Also the PIN check that the
//! payment's confirmation shares, with the wrong-PIN count and card lock.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use chrono::{DateTime, Utc};

use crate::ledger::{AccountId, LedgerError, RuleError};
use crate::ops;
use crate::signing::{CardCode, KeyHolder, Pin};
use crate::store::{Store, StoreError};

use super::super::error::{Arg, KioskError, KioskResult, Problem};
use super::super::pages;
use super::super::server::{App, AppState, NewSessionId, Visit};
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
    Ok(Redirect::to("/card").into_response())
}

pub async fn card_page(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
) -> Response {
    pages::login::card(&app, &visit)
}

/// A scanned code arrives whole in `code`; typed by hand it comes as the
/// member number and the code on the card.
pub async fn card_submit(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
    fields: Fields,
) -> KioskResult {
    let text = match (
        fields.text("code"),
        fields.text("number"),
        fields.text("secret"),
    ) {
        (code, _, _) if !code.is_empty() => code.to_string(),
        ("", number, secret) if !number.is_empty() && !secret.is_empty() => {
            format!("{number}/{secret}")
        }
        _ => return Err(KioskError::bad("card-missing", "/card")),
    };
    let code = CardCode::parse(&text).map_err(|_| KioskError::bad("card-bad-code", "/card"))?;
    let account = code.account.clone();
    let locked = app
        .pool
        .run(move |store| {
            match store
                .account(&account)?
                .and_then(|a| a.card)
                .filter(|c| c.active)
            {
                None => Err(KioskError::bad("card-unknown", "/card")),
                Some(_) => Ok(locked_until(store, &account, now())?),
            }
        })
        .await?;
    if let Some(until) = locked {
        return Err(locked_problem(&app, until));
    }
    app.sessions.update(&visit.sid, |s| {
        s.card = Some(code);
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
    match check_pin(&app, card, pin).await? {
        PinCheck::Right(_) => {
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
        PinCheck::Wrong { tries_left } => {
            app.sessions.update(&visit.sid, |s| {
                s.notice = Some(Notice::WrongPin { tries_left })
            });
            Ok(Redirect::to("/pin").into_response())
        }
        PinCheck::Locked { until } => {
            app.sessions.end(&visit.sid);
            Err(locked_problem(&app, until))
        }
    }
}

pub async fn logout(State(app): State<AppState>, Extension(visit): Extension<Visit>) -> Response {
    app.sessions.end(&visit.sid);
    Redirect::to("/bye").into_response()
}

/// The goodbye screen, also where the idle countdown leads. It ends the
/// session (a GET is enough: ending a session harms nobody) and returns
/// to the welcome screen by itself after a few seconds.
pub async fn bye(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
    uri: axum::http::Uri,
) -> Response {
    app.sessions.end(&visit.sid);
    let idle = uri.query().is_some_and(|q| q.contains("idle=1"));
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

/// Checks a PIN against the card, counting wrong ones and locking the
/// card after `pin_attempts_max`. At most two key derivations run at once.
pub async fn check_pin(app: &AppState, card: CardCode, pin: Pin) -> KioskResult<PinCheck> {
    let _permit = app.kdf.acquire().await.map_err(KioskError::internal)?;
    let (attempts_max, lock) = pin_settings(app);
    app.pool
        .run(move |store| check_pin_in(store, &card, &pin, attempts_max, lock))
        .await
}

pub fn pin_settings(app: &App) -> (u32, chrono::Duration) {
    let lock = chrono::Duration::seconds(app.config.pin_lock_s.min(i64::MAX as u64) as i64);
    (app.config.pin_attempts_max.max(1), lock)
}

/// The same check, on a store the caller already holds (the payment
/// confirms and records in one blocking call).
pub fn check_pin_in(
    store: &Store,
    card: &CardCode,
    pin: &Pin,
    attempts_max: u32,
    lock: chrono::Duration,
) -> KioskResult<PinCheck> {
    let now = now();
    if let Some(until) = locked_until(store, &card.account, now)? {
        return Ok(PinCheck::Locked { until });
    }
    match ops::unlock_card(store, card, pin) {
        Ok(holder) => {
            store.clear_pin_failures(&card.account)?;
            Ok(PinCheck::Right(Box::new(holder)))
        }
        Err(StoreError::Ledger(LedgerError::Rule(RuleError::WrongPinOrCard(_)))) => {
            let failures = store.record_pin_failure(&card.account, attempts_max, lock, now)?;
            Ok(match failures.locked_until {
                Some(until) => PinCheck::Locked { until },
                None => PinCheck::Wrong {
                    tries_left: attempts_max.saturating_sub(failures.failures),
                },
            })
        }
        Err(other) => Err(other.into()),
    }
}

fn locked_until(
    store: &Store,
    account: &AccountId,
    now: DateTime<Utc>,
) -> KioskResult<Option<DateTime<Utc>>> {
    Ok(store
        .pin_failures(account)?
        .locked_until
        .filter(|until| *until > now))
}

pub fn locked_problem(app: &App, until: DateTime<Utc>) -> KioskError {
    let minutes = ((until - now()).num_seconds().max(0) + 59) / 60;
    Problem::new(StatusCode::LOCKED, "pin-locked", "/")
        .arg("minutes", Arg::Number(minutes))
        .arg("time", Arg::Text(local_time(app, until)))
        .into()
}
