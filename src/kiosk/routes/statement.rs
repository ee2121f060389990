//! My statement: this month so far, from the store's read models.
//!
//! The last issued statement and checking a printed statement's
//! verification code come from `crate::statement`, which is being built
//! apart; they are wired here when it lands.

use axum::extract::State;
use axum::Extension;

use crate::ledger::{Month, WorkKind};
use crate::ops;
use crate::store::TxFilter;

use super::super::error::KioskResult;
use super::super::pages;
use super::super::server::{AppState, Visit};
use super::home::{exchange_lines, load_me, ExchangeLine, Me};
use super::{member, now};

pub struct StatementView {
    pub me: Me,
    pub month: Month,
    pub opening_minor: i64,
    pub lines: Vec<ExchangeLine>,
    /// Per kind of work: hours received for help given, hours paid for
    /// help received.
    pub totals: Vec<(WorkKind, i64, i64)>,
}

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
            let from = month
                .start_utc(tz)
                .format("%Y-%m-%dT%H:%M:%S%.6fZ")
                .to_string();
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
