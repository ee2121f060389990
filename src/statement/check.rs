//! `statement check`: does a printed statement's code match the ledger?

use std::collections::HashMap;

use serde::Serialize;

use crate::ledger::{AccountId, Amount, Month};
use crate::store::statements::IssueRow;
use crate::store::{Store, StoreError};

use super::verification::{attestation_code_v1, parse_code, statement_code, CodeQuery};

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
    /// Which code construction matched (docs/signing.md, "Verification codes").
    pub code_version: &'static str,
    /// What the code vouches for: a statement's closing balance, every
    /// figure of an attestation, or "the total only" for an attestation
    /// printed with a version 1 code.
    pub covers: &'static str,
}

/// Finds the issued statement whose code is `text` (a typed code or a
/// scanned QR payload). None means no statement of this ledger has it:
/// the paper was changed, or it comes from another ledger.
pub fn check(store: &Store, text: &str) -> Result<Option<Match>, StoreError> {
    let Some(query) = parse_code(text) else {
        return Ok(None);
    };
    let tz = store.settings().tz();
    // The issued months the code may be of, with where each month ends, in
    // time order.
    let mut issued: Vec<(IssueRow, String)> = store
        .statement_issues()?
        .into_iter()
        .filter(|issue| query.period.as_ref().is_none_or(|p| p == &issue.period))
        .filter_map(|issue| {
            let month = issue.period.parse::<Month>().ok()?;
            let (_, month_end) = crate::ledger::period::recorded_bounds(month, tz);
            Some((issue, month_end))
        })
        .collect();
    issued.sort_by(|a, b| a.1.cmp(&b.1));
    let ends: Vec<String> = issued.iter().map(|(_, end)| end.clone()).collect();
    let closings = balances_at(store, &ends, query.account.as_ref())?;
    for ((issue, _), balances) in issued.into_iter().zip(closings) {
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
                return Ok(Some(Match {
                    document: "statement",
                    account,
                    display_name,
                    period: issue.period,
                    amount: closing,
                    code,
                    head_seq: issue.head_seq,
                    code_version: "akker-statement-v1",
                    covers: "the closing balance",
                }));
            }
        }
    }
    check_attestations(store, &query)
}

/// The balances at each of `ends` (ascending), read at once: every
/// account's for a bare code, one account's through its index when the
/// scanned code names it.
fn balances_at(
    store: &Store,
    ends: &[String],
    account: Option<&AccountId>,
) -> Result<Vec<HashMap<AccountId, Amount>>, StoreError> {
    if ends.is_empty() {
        return Ok(Vec::new());
    }
    let (base, flows) = match account {
        Some(account) => store.flows_of_accounts(ends, std::slice::from_ref(account))?,
        None => store.flows_between_with_base(ends)?,
    };
    let mut at_ends = vec![base];
    for span in 0..ends.len() - 1 {
        let mut next = at_ends[span].clone();
        for (id, balance) in next.iter_mut() {
            let flow = flows
                .get(id)
                .and_then(|f| f.get(span))
                .copied()
                .unwrap_or_default();
            *balance = Amount::from_minor(balance.minor() + flow.in_minor - flow.out_minor);
        }
        at_ends.push(next);
    }
    Ok(at_ends)
}

/// Attestations are few: each is recomputed from the ledger and its code
/// compared, so a changed figure on paper or in the ledger both show.
/// A version 2 code covers every printed figure; a version 1 code (printed
/// before version 2) covers only the total, which `Match::covers` says.
fn check_attestations(store: &Store, query: &CodeQuery) -> Result<Option<Match>, StoreError> {
    for issued in store.attestations()? {
        if !wanted(query, &issued.account) {
            continue;
        }
        let stated = query.amount.is_none_or(|a| a == issued.given);
        if !stated {
            continue;
        }
        let attestation = super::attestation::build(store, &issued, None)?;
        let found = |version, covers, code: String, display_name| Match {
            document: "attestation",
            display_name,
            period: format!("{} to {}", issued.from, issued.to),
            amount: issued.given,
            code,
            head_seq: issued.head_seq,
            account: issued.account.clone(),
            code_version: version,
            covers,
        };
        if attestation.verification.code == query.code
            && attestation.total_given_minor == issued.given.minor()
        {
            return Ok(Some(found(
                "akker-attestation-v2",
                "every figure",
                attestation.verification.code,
                Some(attestation.display_name),
            )));
        }
        let v1 = attestation_code_v1(
            store.ledger_id(),
            &issued.account,
            &issued.from,
            &issued.to,
            issued.given,
            &issued.head_hash,
        );
        if v1 == query.code
            && super::attestation::legacy_total(
                store,
                &issued.account,
                &issued.from,
                &issued.to,
                issued.head_seq,
            )? == issued.given.minor()
        {
            return Ok(Some(found(
                "akker-attestation-v1",
                "the total only",
                v1,
                Some(attestation.display_name),
            )));
        }
    }
    Ok(None)
}

fn wanted(query: &CodeQuery, account: &AccountId) -> bool {
    query.account.as_ref().is_none_or(|a| a == account)
}
