//! `statement check`: does a printed statement's code match the ledger?

use serde::Serialize;

use crate::ledger::{AccountId, Month};
use crate::store::{Store, StoreError};

use super::verification::{parse_code, statement_code, CodeQuery};

#[derive(Debug, Clone, Serialize)]
pub struct Match {
    /// "statement" or "attestation".
    pub document: &'static str,
    pub account: AccountId,
    pub display_name: Option<String>,
    /// "YYYY-MM" for a statement, "FROM to TO" for an attestation.
    pub period: String,
    /// The closing balance (statement) or the hours given (attestation).
    pub amount: crate::ledger::Amount,
    pub code: String,
    pub head_seq: i64,
}

/// Finds the issued statement whose code is `text` (a typed code or a
/// scanned QR payload). None means no statement of this ledger has it:
/// the paper was changed, or it comes from another ledger.
pub fn check(store: &Store, text: &str) -> Result<Option<Match>, StoreError> {
    let Some(query) = parse_code(text) else {
        return Ok(None);
    };
    let tz: chrono_tz::Tz = store
        .settings()
        .time_zone
        .parse()
        .unwrap_or(chrono_tz::Europe::Brussels);
    for issue in store.statement_issues()? {
        if query.period.as_ref().is_some_and(|p| p != &issue.period) {
            continue;
        }
        let Ok(month) = issue.period.parse::<Month>() else {
            continue;
        };
        let (_, month_end) = crate::ledger::period::recorded_bounds(month, tz);
        let balances = store.balances_before(&month_end)?;
        for (account, _) in store.accounts_at(issue.head_seq)? {
            if !wanted(&query, &account) {
                continue;
            }
            let closing = balances.get(&account).copied().unwrap_or_default();
            let code = statement_code(
                store.ledger_id(),
                &account,
                &issue.period,
                closing,
                &issue.head_hash,
            );
            if code == query.code && query.amount.is_none_or(|a| a == closing) {
                let display_name = store.account(&account)?.and_then(|a| a.display_name);
                let head_seq = issue.head_seq;
                return Ok(Some(Match {
                    document: "statement",
                    account,
                    display_name,
                    period: issue.period,
                    amount: closing,
                    code,
                    head_seq,
                }));
            }
        }
    }
    check_attestations(store, &query)
}

/// Attestations are few: each is recomputed from the ledger and its code
/// compared, so a changed figure on paper or in the ledger both show.
fn check_attestations(store: &Store, query: &CodeQuery) -> Result<Option<Match>, StoreError> {
    for issued in store.attestations()? {
        if !wanted(query, &issued.account) {
            continue;
        }
        let attestation = super::attestation::build(store, &issued)?;
        let stated = query.amount.is_none_or(|a| a == issued.given);
        if attestation.verification.code == query.code
            && attestation.total_given_minor == issued.given.minor()
            && stated
        {
            return Ok(Some(Match {
                document: "attestation",
                display_name: Some(attestation.display_name),
                period: format!("{} to {}", issued.from, issued.to),
                amount: issued.given,
                code: attestation.verification.code,
                head_seq: issued.head_seq,
                account: issued.account,
            }));
        }
    }
    Ok(None)
}

fn wanted(query: &CodeQuery, account: &AccountId) -> bool {
    query.account.as_ref().is_none_or(|a| a == account)
}
