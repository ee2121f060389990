//! Members' personal data: correcting it, erasing it, handing it over.
//!
//! akker keeps little about a person (a display name and a language, in
//! `account_profiles`, outside the signed journal) so that it can be
//! changed or erased while every signature stays valid. This module holds
//! the use cases the command line and the kiosk share:
//!
//! - `change_profile`: rename or change the language, with a history row;
//! - `erase`: remove a profile for good and make sure the file keeps no
//!   readable copy (`Store::erase_profiles` then `Store::scrub_file`);
//! - `names` and `name_warnings`: the one check that no member's name is
//!   written into signed text (descriptions, notes, slips);
//! - `data_export`: everything akker holds about one member, as JSON and
//!   as a PDF in their language;
//! - `notice`: the one-page privacy notice for members.
//!
//! Invariant: no SQL here (it is in `store::profiles`), no terminal or
//! files (the CLI writes what these functions return).

pub mod data_export;
pub mod names;
pub mod notice;

use chrono::{DateTime, Months, NaiveDate, Utc};

use crate::ledger::{AccountId, Reason, SettingKey};
use crate::store::profiles::{Erased, ProfileChange, ProfileUpdate, Scrub};
use crate::store::{Store, StoreError};

pub use names::{NameHit, NameMatcher};

/// Why a profile could not be changed or erased.
#[derive(Debug, thiserror::Error)]
pub enum PrivacyError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("the personal data of account {0} was erased; it shows as its number and cannot be given a name again")]
    Erased(AccountId),
    #[error("account {0} has no profile (name and language) to change")]
    NoProfile(AccountId),
    #[error("the reason names the member whose data you are erasing ({0}); the reason is kept, so write it without the name")]
    ReasonNamesMember(AccountId),
}

/// Renames an account or changes its language; the change is kept in the
/// profile's history.
pub fn change_profile(
    store: &mut Store,
    account: &AccountId,
    update: &ProfileUpdate,
    now: DateTime<Utc>,
) -> Result<ProfileChange, PrivacyError> {
    match store.change_profile(account, update, now)? {
        Some(change) => Ok(change),
        None if store.profile_erased(account)? => Err(PrivacyError::Erased(account.clone())),
        None => Err(PrivacyError::NoProfile(account.clone())),
    }
}

/// What an erasure did.
#[derive(Debug, Clone)]
pub struct EraseReport {
    /// The accounts whose profile was erased now.
    pub erased: Vec<Erased>,
    /// Accounts asked for that were erased before.
    pub already: Vec<AccountId>,
    pub scrub: Scrub,
}

/// Erases the personal data of `accounts` for good, in one transaction,
/// then cleans the file. An account erased before is cleaned again (the
/// file is rebuilt), which is what to do when an earlier erasure could not
/// empty the `-wal` file because the kiosk was reading.
pub fn erase(
    store: &mut Store,
    accounts: &[AccountId],
    reason: &Reason,
    now: DateTime<Utc>,
) -> Result<EraseReport, PrivacyError> {
    for account in accounts {
        let names = store
            .account(account)?
            .and_then(|row| row.display_name)
            .map(|name| vec![(account.clone(), name)])
            .unwrap_or_default();
        if !NameMatcher::new(names).find(reason.as_str()).is_empty() {
            return Err(PrivacyError::ReasonNamesMember(account.clone()));
        }
    }
    let erased = store.erase_profiles(accounts, reason, now)?;
    let already: Vec<AccountId> = accounts
        .iter()
        .filter(|a| !erased.iter().any(|e| &e.account == *a))
        .cloned()
        .collect();
    let names: Vec<String> = erased.iter().flat_map(|e| e.names.clone()).collect();
    let scrub = store.scrub_file(&names, !already.is_empty())?;
    Ok(EraseReport {
        erased,
        already,
        scrub,
    })
}

/// The closed accounts that still hold a name and were closed before the
/// start of `date` in the community's time zone.
pub fn closed_before(store: &Store, date: NaiveDate) -> Result<Vec<AccountId>, StoreError> {
    let start = crate::ledger::period::day_start_text(date, store.settings().tz());
    Ok(store
        .closed_accounts_named()?
        .into_iter()
        .filter(|(_, closed_at)| closed_at.as_str() < start.as_str())
        .map(|(id, _)| id)
        .collect())
}

/// The date before which closed accounts are past a retention period of
/// `months`, as of `today`.
pub fn retention_cutoff(today: NaiveDate, months: u32) -> NaiveDate {
    today
        .checked_sub_months(Months::new(months))
        .unwrap_or(NaiveDate::MIN)
}

/// The members whose name occurs in any of `texts` (each member once):
/// what `pay`, imports and the kiosk warn about.
pub fn name_warnings(store: &Store, texts: &[&str]) -> Result<Vec<NameHit>, StoreError> {
    let matcher = NameMatcher::new(store.person_names()?);
    let mut hits: Vec<NameHit> = Vec::new();
    for text in texts {
        for hit in matcher.find(text) {
            if !hits.contains(&hit) {
                hits.push(hit);
            }
        }
    }
    Ok(hits)
}

/// The warning the command line prints for names found in signed text.
pub fn warning_text(what: &str, hits: &[NameHit]) -> String {
    let who: Vec<String> = hits
        .iter()
        .map(|h| format!("{} ({})", h.name, h.account))
        .collect();
    format!(
        "warning: {what} contains the name of {}; it is signed and can never be erased, so write the account number instead",
        who.join(", ")
    )
}

/// The retention period of closed accounts' names, in months, from the
/// ledger's signed settings (`privacy.retention-months`); None when the
/// community set none.
pub fn retention_months(store: &Store) -> Result<Option<u32>, StoreError> {
    let values = store.setting_values()?;
    Ok(values
        .get(&SettingKey::PrivacyRetentionMonths)
        .and_then(|months| months.parse().ok()))
}

/// Whom the privacy notice names, from the ledger's signed settings.
pub fn notice_contact(store: &Store) -> Result<notice::NoticeContact, StoreError> {
    let values = store.setting_values()?;
    let value = |key: SettingKey| values.get(&key).filter(|v| !v.is_empty()).cloned();
    // The organisation's contact goes with its legal name, which is who
    // answers for the data.
    let organisation_contact = match (
        value(SettingKey::OrganisationName),
        value(SettingKey::OrganisationContact),
    ) {
        (Some(name), Some(contact)) => Some(format!("{name}, {contact}")),
        (_, contact) => contact,
    };
    Ok(notice::NoticeContact {
        community: store.settings().community_name.clone(),
        treasurer_name: value(SettingKey::TreasurerName),
        treasurer_contact: value(SettingKey::TreasurerContact),
        organisation_contact,
        retention_months: values
            .get(&SettingKey::PrivacyRetentionMonths)
            .and_then(|months| months.parse().ok()),
    })
}

/// Warnings for the transactions an import is about to sign: one per line
/// of the file whose description, slip or reason names a member.
pub fn import_warnings(
    store: &Store,
    file: &str,
    plan: &crate::interchange::import::Plan,
) -> Result<Vec<String>, StoreError> {
    let matcher = NameMatcher::new(store.person_names()?);
    let mut warnings = Vec::new();
    if matcher.is_empty() {
        return Ok(warnings);
    }
    for planned in &plan.entries {
        let crate::ledger::EntryBody::Transaction(tx) = &planned.entry.body else {
            continue;
        };
        let texts = [
            Some(tx.description().as_str()),
            tx.slip().map(|s| s.as_str()),
            tx.override_reason().map(|r| r.as_str()),
        ];
        let mut hits: Vec<NameHit> = Vec::new();
        for text in texts.into_iter().flatten() {
            for hit in matcher.find(text) {
                if !hits.contains(&hit) {
                    hits.push(hit);
                }
            }
        }
        if !hits.is_empty() {
            warnings.push(format!(
                "{file}:{}: {}",
                planned.first_line,
                warning_text("this line's text", &hits)
            ));
        }
    }
    Ok(warnings)
}

/// The line `balance` and `report` print while closed accounts still hold
/// a name; None when none does.
pub fn closed_with_name_note(
    store: &Store,
    today: NaiveDate,
) -> Result<Option<String>, StoreError> {
    let count = store.closed_accounts_with_name()?;
    if count == 0 {
        return Ok(None);
    }
    let accounts = if count == 1 {
        "1 closed account still holds".to_string()
    } else {
        format!("{count} closed accounts still hold")
    };
    let advice = match retention_months(store)? {
        Some(months) => {
            let cutoff = retention_cutoff(today, months);
            let due = closed_before(store, cutoff)?.len();
            format!(
                "{due} of them closed more than {months} months ago (the retention period): erase those with `akker account erase --closed-before --reason \"retention period\"`"
            )
        }
        None => {
            "erase them with `akker account erase --closed-before DATE --reason \"...\"`".into()
        }
    };
    Ok(Some(format!("{accounts} a name; {advice}.")))
}
