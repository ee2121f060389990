//! Requests, checked on two paths (a pair assertion): the replay of the
//! journal through the ledger's rules (which already refused a request
//! settled twice, by the wrong side, after it expired, past a limit, or
//! by a confirmation that differs from it) against the read model the
//! command line, the kiosk and the papers show (`Store::requests`). A
//! difference means the detail rows say something the signed entries do
//! not: an outcome row under another entry, a request row changed.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::ledger::request::{Outcome, RequestBook};
use crate::store::requests::{ErasedBy, RequestFilter, RequestState};
use crate::store::{Store, StoreError};

use super::Problem;

/// Every difference between the replayed requests and the read model.
pub(super) fn compare(book: &RequestBook, store: &Store) -> Result<Vec<Problem>, StoreError> {
    let mut problems = Vec::new();
    let mut problem = |seq: i64, message: String| {
        problems.push(Problem {
            seq: Some(seq),
            check: "requests",
            message,
        })
    };
    // Judged at the dawn of time, so no request reads as expired: only
    // what entries settled is compared.
    let views = match store.requests(&RequestFilter::all(DateTime::<Utc>::MIN_UTC)) {
        Ok(views) => views,
        Err(StoreError::Corrupt(why)) => {
            return Ok(vec![Problem {
                seq: None,
                check: "requests",
                message: format!("the requests cannot be read back: {why}"),
            }]);
        }
        Err(other) => return Err(other),
    };
    let shown: BTreeMap<i64, _> = views.into_iter().map(|v| (v.seq, v)).collect();
    let replayed: BTreeMap<i64, _> = book.requests.iter().map(|(s, f)| (*s, f)).collect();
    for (seq, facts) in &replayed {
        let Some(view) = shown.get(seq) else {
            problem(
                *seq,
                format!("request #{seq} is in the journal but not among the requests shown"),
            );
            continue;
        };
        if view.payer != facts.payer || view.payee != facts.payee || view.amount != facts.amount {
            problem(
                *seq,
                format!(
                    "request #{seq} is shown with other accounts or hours than it was signed with"
                ),
            );
        }
        let settled = view.settled.as_ref().and_then(|s| s.seq);
        let outcome = match (view.state, view.erased_by) {
            (RequestState::Completed, _) => Some(Outcome::Confirmed),
            (RequestState::Erased, Some(ErasedBy::Declined)) => Some(Outcome::Declined),
            (RequestState::Erased, Some(ErasedBy::Withdrawn)) => Some(Outcome::Withdrawn),
            _ => None,
        };
        let truth = facts.settled;
        if truth != settled.zip(outcome) {
            let said = |s: Option<(i64, Outcome)>| match s {
                Some((by, how)) => format!("{} by #{by}", how.as_str()),
                None => "pending".to_string(),
            };
            problem(
                *seq,
                format!(
                    "request #{seq} is shown as {}, but its signed entries say {}",
                    said(settled.zip(outcome)),
                    said(truth)
                ),
            );
        }
    }
    for seq in shown.keys().filter(|seq| !replayed.contains_key(seq)) {
        problem(
            *seq,
            format!("request #{seq} is shown, but no signed request-made entry makes it"),
        );
    }
    Ok(problems)
}
