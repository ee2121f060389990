//! Offers and requests: who can do what, who needs what. Everyone sees
//! the board (names and skills only, never balances); a member adds and
//! withdraws only their own.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect};
use axum::Extension;

use crate::ledger::WorkKind;
use crate::store::offers::{Direction, OfferText};

use super::super::error::{KioskError, KioskResult};
use super::super::pages;
use super::super::server::{AppState, Visit};
use super::super::session::Notice;
use super::super::view::BoardView;
use super::{member, now, Fields};

pub async fn board(State(app): State<AppState>, Extension(visit): Extension<Visit>) -> KioskResult {
    let member = member(&visit)?;
    let offers = app.pool.run(|store| Ok(store.open_offers(None)?)).await?;
    let notice = app
        .sessions
        .update(&visit.sid, |s| s.notice.take())
        .flatten();
    Ok(pages::offers::board(
        &app,
        &visit,
        &BoardView {
            me: member.account,
            offers,
            notice,
        },
    ))
}

pub async fn new_page(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
) -> KioskResult {
    member(&visit)?;
    Ok(pages::offers::new_offer(&app, &visit))
}

pub async fn new_submit(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
    fields: Fields,
) -> KioskResult {
    let member = member(&visit)?;
    let direction: Direction = fields
        .text("direction")
        .parse()
        .map_err(|_| KioskError::bad("offers-bad-direction", "/offers/new"))?;
    let work: WorkKind = fields
        .text("work")
        .parse()
        .map_err(|_| KioskError::bad("pay-bad-work", "/offers/new"))?;
    let what = OfferText::parse(fields.text("what")).map_err(|err| match err {
        crate::ledger::FieldError::OfferEmpty => KioskError::bad("offers-bad-what", "/offers/new"),
        other => super::pay::text_problem(other, "/offers/new"),
    })?;
    app.pool
        .run(move |store| Ok(store.add_offer(&member.account, direction, work, &what, now())?))
        .await?;
    app.sessions
        .update(&visit.sid, |s| s.notice = Some(Notice::OfferSaved));
    Ok(Redirect::to("/offers").into_response())
}

/// Withdraws one of the member's own offers. Someone else's offer (a
/// forged id) is refused and stays on the board.
pub async fn withdraw(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
    fields: Fields,
) -> KioskResult {
    let member = member(&visit)?;
    let id: i64 = fields
        .text("id")
        .parse()
        .map_err(|_| KioskError::bad("offers-bad-id", "/offers"))?;
    let withdrawn = app
        .pool
        .run(move |store| Ok(store.withdraw_offer(id, Some(&member.account), now())?))
        .await?;
    if !withdrawn {
        return Err(KioskError::bad("offers-bad-id", "/offers"));
    }
    app.sessions
        .update(&visit.sid, |s| s.notice = Some(Notice::OfferWithdrawn));
    Ok(Redirect::to("/offers").into_response())
}
