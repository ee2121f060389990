//! The engagement attestation: the hours a member gave over a period, per
//! kind of work and per initiative, for a social worker, a school or an
//! employer. Counted by the date the exchanges happened, as the ledger
//! stood at the signed head, so the same attestation always shows the same
//! figures. A reversal takes back what it undoes.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use crate::ledger::{AccountId, AccountKind, Amount, WorkKind};
use crate::store::statements::AttestationRow;
use crate::store::{Store, StoreError, TxFilter};

use super::model::{Attestation, Currency, Verification};

/// The figures an attestation signs, computed from the ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    pub given_by_work: Vec<(WorkKind, i64)>,
    /// (initiative id, name, hours)
    pub given_by_initiative: Vec<(String, String, i64)>,
    pub total_given_minor: i64,
    pub exchange_count: u32,
}

/// Hours `account` received for help given, dated `from..=to`, among the
/// entries up to `head_seq`.
pub fn figures(
    store: &Store,
    account: &AccountId,
    from: NaiveDate,
    to: NaiveDate,
    head_seq: i64,
) -> Result<Figures, StoreError> {
    let filter = TxFilter {
        account: Some(account.clone()),
        dated_from: Some(from.format("%Y-%m-%d").to_string()),
        dated_to: Some(to.format("%Y-%m-%d").to_string()),
        up_to_seq: Some(head_seq),
        ..TxFilter::default()
    };
    let kinds: BTreeMap<AccountId, (AccountKind, String)> = store
        .accounts()?
        .into_iter()
        .map(|a| {
            (
                a.id.clone(),
                (a.kind, a.display_name.unwrap_or_else(|| a.id.to_string())),
            )
        })
        .collect();
    let mut by_work: BTreeMap<WorkKind, i64> = WorkKind::ALL.iter().map(|w| (*w, 0)).collect();
    let mut by_initiative: BTreeMap<AccountId, i64> = BTreeMap::new();
    let mut exchange_count = 0;
    for view in store.transactions(&filter)? {
        let amount = view.amount_for(account).minor();
        // Hours given are hours received as payment; a reversal of such a
        // payment is negative here and takes them back.
        let given = if view.reverses.is_some() {
            amount.min(0)
        } else {
            amount.max(0)
        };
        if given == 0 {
            continue;
        }
        if view.reverses.is_none() {
            exchange_count += 1;
        }
        let work: WorkKind = view
            .work
            .parse()
            .map_err(|_| StoreError::Corrupt(format!("work of #{}", view.seq)))?;
        *by_work.entry(work).or_default() += given;
        for payer in view
            .postings
            .iter()
            .filter(|p| &p.account != account && p.amount.is_negative() == (given > 0))
        {
            if kinds
                .get(&payer.account)
                .is_some_and(|(k, _)| *k == AccountKind::Initiative)
            {
                *by_initiative.entry(payer.account.clone()).or_default() +=
                    payer.amount.minor().abs() * given.signum();
            }
        }
    }
    let total_given_minor = by_work.values().sum();
    Ok(Figures {
        given_by_work: by_work.into_iter().collect(),
        given_by_initiative: by_initiative
            .into_iter()
            .filter(|(_, m)| *m != 0)
            .map(|(id, m)| {
                (
                    id.to_string(),
                    kinds.get(&id).map(|k| k.1.clone()).unwrap_or_default(),
                    m,
                )
            })
            .collect(),
        total_given_minor,
        exchange_count,
    })
}

/// The attestation model of an issued attestation.
pub fn build(store: &Store, issued: &AttestationRow) -> Result<Attestation, StoreError> {
    let from = date(&issued.from)?;
    let to = date(&issued.to)?;
    let figures = figures(store, &issued.account, from, to, issued.head_seq)?;
    let row = store
        .account(&issued.account)?
        .ok_or_else(|| crate::ledger::RuleError::UnknownAccount(issued.account.clone()))?;
    let settings = store.settings();
    let language = row
        .language
        .clone()
        .unwrap_or_else(|| settings.default_language.clone());
    let tz = settings.tz();
    let issued_on = DateTime::parse_from_rfc3339(&issued.recorded_at)
        .map(|t| t.with_timezone(&Utc).with_timezone(&tz).date_naive())
        .unwrap_or(to);
    let code = super::verification::attestation_code(
        store.ledger_id(),
        &issued.account,
        &issued.from,
        &issued.to,
        issued.given,
        &issued.head_hash,
    );
    Ok(Attestation {
        community_name: settings.community_name.clone(),
        currency: Currency {
            name: settings.currency_name.clone(),
            unit: crate::i18n::Messages::for_language(&language).unit_name(&settings.currency_unit),
            symbol: settings.currency_symbol.clone(),
        },
        account_id: issued.account.to_string(),
        display_name: row
            .display_name
            .unwrap_or_else(|| issued.account.to_string()),
        language,
        from,
        to,
        issued_on,
        given_by_work: figures.given_by_work,
        given_by_initiative: figures.given_by_initiative,
        total_given_minor: figures.total_given_minor,
        exchange_count: figures.exchange_count,
        verification: Verification {
            qr_payload: super::verification::attestation_qr_payload(
                &issued.account,
                &issued.from,
                &issued.to,
                issued.given,
                &code,
            ),
            code,
            chain_head_hex: hex::encode(issued.head_hash),
        },
    })
}

fn date(text: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| StoreError::Corrupt(format!("attestation date '{text}'")))
}

/// The signed total given, for `ops::issue_attestation`.
pub fn total_given(
    store: &Store,
    account: &AccountId,
    from: NaiveDate,
    to: NaiveDate,
    head_seq: i64,
) -> Result<Amount, StoreError> {
    Ok(Amount::from_minor(
        figures(store, account, from, to, head_seq)?.total_given_minor,
    ))
}
