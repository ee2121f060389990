//! The engagement attestation: the hours a member gave over a period, per
//! kind of work and per initiative, for a social worker, a school or an
//! employer. Every figure is the member's own share, counted by the date
//! the exchanges happened, as the ledger stood at the signed head, so the
//! same attestation always shows the same figures.
//!
//! "Hours given" (docs/signing.md, "Hours given"): in an exchange dated in
//! the period, the hours that flowed to the member from a person, an
//! initiative or a partner, split between payers and payees by the
//! ledger's one flow rule (`for_each_flow`). Hours from a system account
//! (a welcome credit, a fund payment) are not work and do not count. An
//! exchange reversed at or before the head does not count at all, and a
//! reversal is not an exchange of its own.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use crate::ledger::transaction::for_each_flow;
use crate::ledger::{AccountId, AccountKind, Amount, SettingKey, WorkKind};
use crate::store::statements::AttestationRow;
use crate::store::{PostingView, Store, StoreError, TxFilter};

use super::model::{Attestation, Currency, Organisation, Verification};

/// The figures an attestation prints, computed from the ledger; the
/// verification code (`akker-attestation-v2`) covers every one of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    /// All four kinds of work, in `WorkKind::ALL` order, zero included.
    pub given_by_work: Vec<(WorkKind, i64)>,
    /// (initiative id, name, hours), in account id order, non-zero only.
    pub given_by_initiative: Vec<(String, String, i64)>,
    pub total_given_minor: i64,
    pub exchange_count: u32,
}

/// The member's own hours given, dated `from..=to`, among the entries up
/// to `head_seq`.
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
    let kind_of = |id: &AccountId| kinds.get(id).map(|k| k.0);
    let mut by_work: BTreeMap<WorkKind, i64> = WorkKind::ALL.iter().map(|w| (*w, 0)).collect();
    let mut by_initiative: BTreeMap<AccountId, i64> = BTreeMap::new();
    let mut exchange_count = 0;
    for view in store.transactions(&filter)? {
        // A reversal is not an exchange; the exchange it undoes does not
        // count if it was undone by the head (a later undo cannot change
        // an issued attestation).
        if view.reverses.is_some() || view.reversed_by.is_some_and(|seq| seq <= head_seq) {
            continue;
        }
        // Gifts and fund runs are hours moved without work: never given.
        if view.movement != crate::store::Movement::Work {
            continue;
        }
        let mut given = 0;
        let mut from_initiatives: Vec<(&AccountId, i64)> = Vec::new();
        for_each_flow(
            &view.postings,
            |p: &PostingView| p.amount.minor(),
            |payer, payee, minor| {
                if &payee.account != account {
                    return;
                }
                match kind_of(&payer.account) {
                    Some(AccountKind::System) | None => {}
                    Some(kind) => {
                        given += minor;
                        if kind == AccountKind::Initiative {
                            from_initiatives.push((&payer.account, minor));
                        }
                    }
                }
            },
        );
        if given == 0 {
            continue;
        }
        exchange_count += 1;
        let work: WorkKind = view
            .work
            .parse()
            .map_err(|_| StoreError::Corrupt(format!("work of #{}", view.seq)))?;
        *by_work.entry(work).or_default() += given;
        for (initiative, minor) in from_initiatives {
            *by_initiative.entry(initiative.clone()).or_default() += minor;
        }
    }
    let total_given_minor = by_work.values().sum();
    Ok(Figures {
        given_by_work: WorkKind::ALL
            .iter()
            .map(|w| (*w, by_work.get(w).copied().unwrap_or(0)))
            .collect(),
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

/// The total an `akker-attestation-v1` code was made over, as akker
/// counted it before version 2: every hour paid to the member in an
/// exchange dated in the period, a reversal dated in it taking back. Kept
/// only so that `statement check` still answers for attestations printed
/// with a version 1 code.
pub fn legacy_total(
    store: &Store,
    account: &AccountId,
    from: &str,
    to: &str,
    head_seq: i64,
) -> Result<i64, StoreError> {
    let filter = TxFilter {
        account: Some(account.clone()),
        dated_from: Some(from.to_string()),
        dated_to: Some(to.to_string()),
        up_to_seq: Some(head_seq),
        ..TxFilter::default()
    };
    Ok(store
        .transactions(&filter)?
        .iter()
        .map(|view| {
            let amount = view.amount_for(account).minor();
            if view.reverses.is_some() {
                amount.min(0)
            } else {
                amount.max(0)
            }
        })
        .sum())
}

/// The attestation model of an issued attestation, in the member's
/// language or in `language` (an institution's: `attest --lang`).
pub fn build(
    store: &Store,
    issued: &AttestationRow,
    language: Option<&str>,
) -> Result<Attestation, StoreError> {
    let from = date(&issued.from)?;
    let to = date(&issued.to)?;
    let figures = figures(store, &issued.account, from, to, issued.head_seq)?;
    let row = store
        .account(&issued.account)?
        .ok_or_else(|| crate::ledger::RuleError::UnknownAccount(issued.account.clone()))?;
    let settings = store.settings();
    let language = match language {
        Some(language) => language.to_owned(),
        None => row
            .language
            .clone()
            .unwrap_or_else(|| settings.default_language.clone()),
    };
    let tz = settings.tz();
    let issued_on = DateTime::parse_from_rfc3339(&issued.recorded_at)
        .map(|t| t.with_timezone(&Utc).with_timezone(&tz).date_naive())
        .unwrap_or(to);
    let organisation = organisation(store)?;
    let code = super::verification::attestation_code_v2(
        store.ledger_id(),
        &issued.account,
        &issued.from,
        &issued.to,
        &figures,
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
        treasurer: super::build::treasurer(store, issued.seq)?,
        verification: Verification {
            // An institution scans it with a phone: the check address when
            // the organisation publishes one, else the text the kiosk reads.
            qr_payload: if organisation.check_address.is_empty() {
                super::verification::attestation_qr_payload(
                    &issued.account,
                    &issued.from,
                    &issued.to,
                    issued.given,
                    &code,
                )
            } else {
                super::verification::check_address_payload(&organisation.check_address, &code)
            },
            code,
            chain_head_hex: hex::encode(issued.head_hash),
        },
        organisation,
    })
}

/// The organisation's details from the ledger's signed settings.
pub fn organisation(store: &Store) -> Result<Organisation, StoreError> {
    let values = store.setting_values()?;
    let value = |key| values.get(&key).cloned().unwrap_or_default();
    Ok(Organisation {
        name: value(SettingKey::OrganisationName),
        address: value(SettingKey::OrganisationAddress),
        registration: value(SettingKey::OrganisationRegistration),
        contact: value(SettingKey::OrganisationContact),
        signatory: value(SettingKey::OrganisationSignatory),
        signatory_role: value(SettingKey::OrganisationSignatoryRole),
        place: value(SettingKey::OrganisationPlace),
        check_address: value(SettingKey::OrganisationCheckAddress),
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
