//! My statement: this month so far, the last issued statement, and
//! checking a printed statement's verification code.
//!
//! The last issued statement is the library's own model
//! (`statement::build::build_statements`) for the logged-in member's
//! account only. A code check asks `statement::check::check`; what a match
//! reveals (whose document, which period, which amount) reaches the page
//! only when the document is the member's own: the view of another
//! member's match carries no name, account or amount at all.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Extension;
use chrono::NaiveDate;

use crate::ledger::{AccountId, Month, WorkKind};
use crate::ops;
use crate::statement::{build, check, model, verification};
use crate::store::{Store, TxFilter};

use super::super::error::{KioskError, KioskResult};
use super::super::pages;
use super::super::server::{AppState, Visit};
use super::super::view::{
    Answer, CheckView, CodeProblem, Document, ExchangeLine, LastView, StatementView, CODE_CHARS_MAX,
};
use super::home::{exchange_lines, load_me};
use super::{member, now, Fields};

pub async fn statement(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
) -> KioskResult {
    let member = member(&visit)?;
    let tz = app.time_zone;
    let view = app
        .pool
        .run(move |store| {
            let month = Month::of_date(ops::today(store.settings(), now()));
            let (from, _) = crate::ledger::period::recorded_bounds(month, tz);
            let opening_minor = store.balance_before(&member.account, &from)?.minor();
            let filter = TxFilter {
                account: Some(member.account.clone()),
                recorded_from: Some(from),
                ..TxFilter::default()
            };
            let lines = exchange_lines(&store.transactions(&filter)?, &member.account);
            let totals = totals(&lines);
            Ok(StatementView {
                me: load_me(store, &member.account)?,
                month,
                opening_minor,
                lines,
                totals,
            })
        })
        .await?;
    Ok(pages::statement::statement(&app, &visit, &view))
}

fn totals(lines: &[ExchangeLine]) -> Vec<(WorkKind, i64, i64)> {
    WorkKind::ALL
        .iter()
        .map(|work| {
            let of_kind = lines.iter().filter(|l| l.work == Some(*work));
            let (given, received) = of_kind.fold((0, 0), |(g, r), l| {
                if l.amount_minor > 0 {
                    (g + l.amount_minor, r)
                } else {
                    (g, r - l.amount_minor)
                }
            });
            (*work, given, received)
        })
        .collect()
}

pub async fn last(State(app): State<AppState>, Extension(visit): Extension<Visit>) -> KioskResult {
    let member = member(&visit)?;
    let view = app
        .pool
        .run(move |store| {
            let statement = last_statement(store, &member.account).map_err(KioskError::internal)?;
            Ok(LastView {
                me: load_me(store, &member.account)?,
                statement,
            })
        })
        .await?;
    Ok(pages::statement::last(&app, &visit, &view))
}

/// The statement of the latest issued month (by month, not by the order
/// of issue: a forgotten month issued late is not the "last" one), built
/// for this one account. None if the account was not open at that
/// month's signed head.
fn last_statement(
    store: &Store,
    account: &AccountId,
) -> Result<Option<model::Statement>, crate::store::StoreError> {
    let latest = store
        .statement_issues()?
        .into_iter()
        .filter_map(|issue| Some((issue.period.parse::<Month>().ok()?, issue)))
        .max_by_key(|(month, _)| *month);
    let Some((month, issue)) = latest else {
        return Ok(None);
    };
    if !store.accounts_at(issue.head_seq)?.contains_key(account) {
        return Ok(None);
    }
    let only = std::slice::from_ref(account);
    Ok(build::build_statements(store, month, &issue, Some(only))?
        .into_iter()
        .next())
}

pub async fn check_page(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
) -> KioskResult {
    let member = member(&visit)?;
    let (me, treasurer_fingerprint) = app
        .pool
        .run(move |store| Ok((load_me(store, &member.account)?, fingerprint_of(store)?)))
        .await?;
    let view = CheckView {
        me,
        treasurer_fingerprint,
        problem: None,
        answer: None,
    };
    Ok(pages::statement::check(&app, &visit, &view))
}

/// A typed code or a scanned QR text (the scanner types it and Enter).
/// The text itself is never shown back or logged: a card scanned here by
/// mistake must not put its secret on the screen.
pub async fn check_submit(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
    fields: Fields,
) -> KioskResult<Response> {
    let member = member(&visit)?;
    let text = fields.text("code").to_string();
    let problem = code_problem(&text);
    let account = member.account.clone();
    let (me, answer, treasurer_fingerprint) = app
        .pool
        .run(move |store| {
            let me = load_me(store, &account)?;
            let answer = match problem {
                Some(_) => None,
                None => Some(answer(store, &account, &text).map_err(KioskError::internal)?),
            };
            Ok((me, answer, fingerprint_of(store)?))
        })
        .await?;
    let status = if problem.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let view = CheckView {
        me,
        treasurer_fingerprint,
        problem,
        answer,
    };
    Ok((status, pages::statement::check(&app, &visit, &view)).into_response())
}

/// The fingerprint of the key that signs for the treasurer now.
fn fingerprint_of(store: &crate::store::Store) -> Result<String, KioskError> {
    let key = store.treasurer_key().map_err(KioskError::internal)?;
    Ok(crate::signing::fingerprint(&key))
}

fn code_problem(text: &str) -> Option<CodeProblem> {
    if text.is_empty() {
        Some(CodeProblem::Empty)
    } else if text.chars().count() > CODE_CHARS_MAX {
        Some(CodeProblem::TooLong)
    } else if verification::parse_code(text).is_none() {
        Some(CodeProblem::NotACode)
    } else {
        None
    }
}

/// Checks a text that reads as a code, and keeps of the match only what
/// `me` may see.
fn answer(store: &Store, me: &AccountId, text: &str) -> Result<Answer, crate::store::StoreError> {
    let code = verification::parse_code(text).map_or_else(String::new, |q| q.code);
    let Some(found) = check::check(store, text)? else {
        return Ok(Answer::NoMatch { code });
    };
    if &found.account != me {
        return Ok(Answer::Community { code });
    }
    let document = if found.document == "attestation" {
        attestation_period(&found.period)
    } else {
        found.period.parse::<Month>().ok().map(Document::Statement)
    };
    Ok(match document {
        Some(document) => Answer::Own {
            document,
            amount_minor: found.amount.minor(),
            code: found.code,
        },
        // A period the library wrote in a form we do not read: say the
        // code matches rather than show half the details.
        None => Answer::Community { code },
    })
}

/// "2026-01-01 to 2026-06-30", as `check::Match` gives an attestation's
/// period.
fn attestation_period(text: &str) -> Option<Document> {
    let (from, to) = text.split_once(" to ")?;
    let date = |d: &str| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok();
    Some(Document::Attestation(date(from)?, date(to)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonsense_is_told_apart_from_a_code() {
        assert_eq!(code_problem(""), Some(CodeProblem::Empty));
        assert_eq!(code_problem(&"A".repeat(101)), Some(CodeProblem::TooLong));
        assert_eq!(code_problem("hello"), Some(CodeProblem::NotACode));
        // A member card scanned here by mistake is not a code.
        assert_eq!(
            code_problem("M001/ABCD-EFGH-JKMN-PQRS"),
            Some(CodeProblem::NotACode)
        );
        assert_eq!(code_problem("7kq2 m9xd 4tna"), None);
        assert_eq!(
            code_problem("AKKER-STATEMENT/M001/2026-10/16.00/7KQ2-M9XD-4TNA"),
            None
        );
    }

    #[test]
    fn an_attestations_period_is_read_back() {
        let from = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let to = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        assert_eq!(
            attestation_period("2026-01-01 to 2026-06-30"),
            Some(Document::Attestation(from, to))
        );
        assert_eq!(attestation_period("2026-01"), None);
    }
}
