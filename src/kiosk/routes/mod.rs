//! The kiosk's handlers, one file per flow. Each reads its input, asks the
//! store (through `db::Pool::run`), and hands plain data to `pages`.

pub mod gift;
pub mod home;
pub mod login;
pub mod offers;
pub mod pay;
pub mod privacy;
pub mod requests;
pub mod statement;

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use chrono::{DateTime, Utc};

use crate::ledger::AccountId;
use crate::signing::CardCode;

use super::error::{KioskError, KioskResult};
use super::server::{parse_form, App, Visit, FORM_BYTES_MAX};

/// A confirm form that is not the one being prepared (an old tab, a page
/// kept open across a log-out): say whether it was recorded once (`used`)
/// or nothing was recorded (`stale`, back to `start`), as the ledger's
/// form claims tell. Shared by the pay, gift and asking flows.
pub async fn stale_form(
    app: &super::server::AppState,
    token: String,
    used: &'static str,
    stale: &'static str,
    start: &'static str,
) -> KioskError {
    let claimed = if token.is_empty() {
        Ok(None)
    } else {
        app.pool
            .run(move |store| Ok(store.form_claim(&token)?))
            .await
    };
    match claimed {
        Ok(Some(_)) => KioskError::bad(used, "/home"),
        Ok(None) => KioskError::bad(stale, start),
        Err(err) => err,
    }
}

/// A form's fields, decoded. The page layer already checked the CSRF
/// token and the size; missing or repeated fields are the handler's to
/// judge (the first value of a name counts).
pub struct Fields(Vec<(String, String)>);

impl Fields {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A field's value, trimmed, or "" when it is missing.
    pub fn text(&self, name: &str) -> &str {
        self.get(name).unwrap_or("").trim()
    }
}

impl<S: Send + Sync> FromRequest<S> for Fields {
    type Rejection = KioskError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|_| KioskError::bad("error-too-long", "/home"))?;
        if bytes.len() > FORM_BYTES_MAX {
            return Err(KioskError::bad("error-too-long", "/home"));
        }
        Ok(Fields(parse_form(&bytes)))
    }
}

/// The query string's fields (for the search box).
pub fn query_fields(request_query: Option<&str>) -> Fields {
    Fields(parse_form(request_query.unwrap_or("").as_bytes()))
}

/// A logged-in member: the account and the card it logged in with.
pub struct Member {
    pub account: AccountId,
    pub card: CardCode,
}

/// The member of this session, or back to the welcome screen.
pub fn member(visit: &Visit) -> KioskResult<Member> {
    match (&visit.session.member, &visit.session.card) {
        (Some(account), Some(card)) if &card.account == account => Ok(Member {
            account: account.clone(),
            card: card.clone(),
        }),
        _ => Err(KioskError::Redirect("/")),
    }
}

pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// The display name of an account, or its id when the name was erased.
pub fn name_of(row: Option<&crate::store::AccountRow>, id: &AccountId) -> String {
    row.and_then(|r| r.display_name.clone())
        .unwrap_or_else(|| id.to_string())
}

/// A time as the community's clock shows it, like 14:05.
pub fn local_time(app: &App, at: DateTime<Utc>) -> String {
    at.with_timezone(&app.time_zone).format("%H:%M").to_string()
}
