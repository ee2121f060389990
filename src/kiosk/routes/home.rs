//! Home: the balance, big, and the last exchanges.

use axum::extract::State;
use axum::http::Uri;
use axum::Extension;
use chrono::NaiveDate;

use chrono::{DateTime, Utc};

use crate::ledger::policy::SoftNotice as PolicySoftNotice;
use crate::ledger::AccountId;
use crate::store::{Movement, Store, TxView};

use super::super::error::{KioskError, KioskResult};
use super::super::pages;
use super::super::server::{AppState, Visit};
use super::super::view::{ExchangeLine, GrownFloor, HomeView, LimitsView, Me, SoftNotice};
use super::{member, name_of, now, query_fields};

/// How many exchanges home shows.
const LAST_EXCHANGES: usize = 5;

/// Home; `?before=SEQ` pages back through older exchanges, a few at a
/// time, so every exchange a member ever made can be reached.
pub async fn home(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
    uri: Uri,
) -> KioskResult {
    let member = member(&visit)?;
    let before: Option<i64> = match query_fields(uri.query()).text("before") {
        "" => None,
        text => Some(
            text.parse()
                .ok()
                .filter(|seq| *seq > 0)
                .ok_or_else(|| KioskError::bad("error-not-found", "/home"))?,
        ),
    };
    let view = app
        .pool
        .run(move |store| {
            let me = load_me(store, &member.account)?;
            // One more than shown tells whether there are older ones.
            let mut txs = match before {
                None => store.recent_transactions(&member.account, LAST_EXCHANGES + 1)?,
                Some(seq) => store.transactions_before(&member.account, seq, LAST_EXCHANGES + 1)?,
            };
            let more = txs.len() > LAST_EXCHANGES;
            txs.truncate(LAST_EXCHANGES);
            let exchanges = exchange_lines(&txs, &member.account);
            let older = more.then(|| txs.last().map(|tx| tx.seq)).flatten();
            let now = now();
            // Paging back through old exchanges leaves requests and
            // notices to the first page.
            let (waiting, asked) = match before {
                None => super::requests::for_home(store, &member.account, now)?,
                Some(_) => (Vec::new(), Vec::new()),
            };
            Ok(HomeView {
                me,
                waiting,
                asked,
                limits: limits_view(store, &member.account, now)?,
                exchanges,
                older,
                paged: before.is_some(),
            })
        })
        .await?;
    let notice = app
        .sessions
        .update(&visit.sid, |s| s.notice.take())
        .flatten();
    Ok(pages::home::home(&app, &visit, &view, notice.as_ref()))
}

/// The soft-limit notice and the grown floor of the member's own
/// account, as `store::fund` works them out at `now`.
pub fn limits_view(store: &Store, id: &AccountId, now: DateTime<Utc>) -> KioskResult<LimitsView> {
    let Some(limits) = store.limit_view(id, now)? else {
        return Ok(LimitsView::default());
    };
    let soft = limits.notice.map(|notice| match notice {
        PolicySoftNotice::BelowSoftFloor { soft_floor, .. } => SoftNotice::BelowSoftFloor {
            soft_floor_minor: soft_floor.minor(),
        },
        PolicySoftNotice::AboveSoftCeiling { soft_ceiling, .. } => SoftNotice::AboveSoftCeiling {
            soft_ceiling_minor: soft_ceiling.minor(),
        },
    });
    let grown = limits
        .growth
        .filter(|_| !limits.own_limits)
        .map(|working| GrownFloor {
            base_minor: working.base.minor(),
            factor: working.factor.clone(),
            months: working.months,
            given_minor: working.grown.given.minor(),
            uncapped_minor: working.grown.uncapped.minor(),
            cap_minor: working.cap.minor(),
            floor_minor: working.grown.floor.minor(),
            capped: working.grown.capped,
        });
    Ok(LimitsView { soft, grown })
}

pub fn load_me(store: &crate::store::Store, id: &AccountId) -> KioskResult<Me> {
    let row = store.account(id)?.ok_or(KioskError::Redirect("/"))?;
    // The floor in force now: grown with giving when the policy is on,
    // so "fine down to …" says the limit a payment is checked against.
    let floor = match store.limit_view(id, now())? {
        Some(limits) => limits.floor,
        None => row.floor,
    };
    Ok(Me {
        id: id.clone(),
        name: name_of(Some(&row), id),
        balance_minor: row.balance.minor(),
        floor_minor: floor.minor(),
    })
}

/// Transactions as lines from `me`'s side, in the order given.
pub fn exchange_lines(txs: &[TxView], me: &AccountId) -> Vec<ExchangeLine> {
    txs.iter().map(|tx| exchange_line(tx, me)).collect()
}

fn exchange_line(tx: &TxView, me: &AccountId) -> ExchangeLine {
    let amount = tx.amount_for(me).minor();
    // Who is on the other side: the payees when I paid, the payer when I
    // was paid.
    let others: Vec<String> = tx
        .postings
        .iter()
        .filter(|p| &p.account != me && (p.amount.is_negative() != (amount < 0)))
        .map(|p| {
            p.display_name
                .clone()
                .unwrap_or_else(|| p.account.to_string())
        })
        .collect();
    let counterpart = match others.len() {
        0 => String::new(),
        1 => others[0].clone(),
        n => format!("{} +{}", others[0], n - 1),
    };
    ExchangeLine {
        seq: tx.seq,
        date: NaiveDate::parse_from_str(&tx.date, "%Y-%m-%d").ok(),
        movement: tx.movement,
        work: match tx.movement {
            Movement::Work => tx.work.parse().ok(),
            Movement::Gift | Movement::Fund => None,
        },
        counterpart,
        amount_minor: amount,
        what: tx.description.clone(),
    }
}
