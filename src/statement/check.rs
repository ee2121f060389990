//! `statement check`: does a printed statement's code match the ledger?

use serde::Serialize;

use crate::ledger::{AccountId, Month};
use crate::store::{Store, StoreError};

use super::verification::{parse_code, statement_code, CodeQuery};

#[derive(Debug, Clone, Serialize)]
pub struct Match {
    pub account: AccountId,
    pub display_name: Option<String>,
    pub period: String,
    pub closing: crate::ledger::Amount,
    pub code: String,
    pub head_seq: i64,
}

/// Finds the issued statement whose code is `text` (a typed code or a
/// scanned QR payload). None means no statement of this ledger has it:
/// the paper was changed, or it comes from another ledger.
pub fn check(store: &Store, text: &str) -> Result<Option<Match>, StoreError> {
    let Some(query) = parse_code(text) else { return Ok(None) };
    let tz: chrono_tz::Tz = store.settings().time_zone.parse().unwrap_or(chrono_tz::Europe::Brussels);
    for issue in store.statement_issues()? {
        if query.period.as_ref().is_some_and(|p| p != &issue.period) {
            continue;
        }
        let Ok(month) = issue.period.parse::<Month>() else { continue };
        let (_, month_end) = crate::ledger::period::recorded_bounds(month, tz);
        let balances = store.balances_before(&month_end)?;
        for (account, _) in store.accounts_at(issue.head_seq)? {
            if !wanted(&query, &account) {
                continue;
            }
            let closing = balances.get(&account).copied().unwrap_or_default();
            let code = statement_code(store.ledger_id(), &account, &issue.period, closing, &issue.head_hash);
            if code == query.code {
                let display_name = store.account(&account)?.and_then(|a| a.display_name);
                return Ok(Some(Match { account, display_name, period: issue.period, closing, code, head_seq: issue.head_seq }));
            }
        }
    }
    Ok(None)
}

fn wanted(query: &CodeQuery, account: &AccountId) -> bool {
    query.account.as_ref().is_none_or(|a| a == account)
}
