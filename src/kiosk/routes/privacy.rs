//! The privacy notice, reached from the welcome screen: what akker keeps
//! about a member and how to ask for it (the same words as the printed
//! notice, `crate::privacy::notice`).

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use axum::Extension;

use super::super::error::{KioskError, KioskResult};
use super::super::pages;
use super::super::server::{AppState, Visit};
use super::super::text::Lang;

pub async fn notice(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
) -> KioskResult {
    let contact = app
        .pool
        .run(|store| Ok(crate::privacy::notice_contact(store)?))
        .await?;
    Ok(pages::privacy::notice(&app, &visit, &contact))
}

/// The notice in another language: the language of the visit changes, as
/// on the welcome screen.
pub async fn notice_in(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
    Path(code): Path<String>,
) -> KioskResult {
    let lang = Lang::parse(&code).ok_or_else(|| KioskError::bad("error-not-found", "/"))?;
    app.sessions.update(&visit.sid, |s| s.lang = Some(lang));
    Ok(Redirect::to("/privacy").into_response())
}
