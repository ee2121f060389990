//! Exports: CSV that `akker import` reads back, journals for hledger and
//! ledger-cli, beancount, and the whole signed journal as JSON.
//!
//! Every export streams the journal (`Store::for_each_journal_chunk`) and
//! writes as it goes, so a million transactions never sit in memory.
//! Rendering is separate from reading: each format has one module that
//! turns stored entries into text.

pub mod beancount;
pub mod csv;
pub mod hledger;
pub mod json;

use std::collections::HashMap;
use std::io::{self, Write};
use std::ops::ControlFlow;

use crate::ledger::transaction::for_each_flow;
use crate::ledger::{
    AccountId, AccountKind, Amount, EntryBody, Posting, SignedEntry, Signer, SignerRole,
    Transaction,
};
use crate::store::journal::StoredRow;
use crate::store::{AccountRow, Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("cannot write the export: {0}")]
    Io(#[from] io::Error),
    #[error("entry #{seq} cannot be read back ({why}); run `akker verify`, and restore from a backup if it reports problems")]
    Damaged { seq: i64, why: String },
    #[error("'{0}' cannot be a commodity; use 2 to 24 capital letters and digits, starting with a letter, like HOUR")]
    Commodity(String),
}

/// Text on one line of a journal export: a control character (a new
/// line, a tab) or a line or paragraph separator could otherwise start a
/// new line that the reading tool takes for a directive or a posting, so
/// each becomes a space. The ledger's constructors refuse them already;
/// this holds for whatever an older file may carry.
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Rows read per round while streaming the journal.
const CHUNK_LEN: usize = 8192;

/// Calls `f` with every entry in recording order, stopping at the first
/// error (a damaged row or a failed write).
pub fn for_each_entry(
    store: &Store,
    mut f: impl FnMut(&StoredRow, &SignedEntry) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let mut failure: Option<ExportError> = None;
    store.for_each_journal_chunk(CHUNK_LEN, |chunk| {
        for row in &chunk {
            let result = match &row.entry {
                Ok(signed) => f(row, signed),
                Err(why) => Err(ExportError::Damaged {
                    seq: row.seq,
                    why: why.clone(),
                }),
            };
            if let Err(error) = result {
                failure = Some(error);
                return ControlFlow::Break(());
            }
        }
        ControlFlow::Continue(())
    })?;
    failure.map_or(Ok(()), Err)
}

/// Calls `f` with every payment in recording order: transactions and
/// confirmed requests (whose confirmation is the payment).
pub fn for_each_transaction(
    store: &Store,
    mut f: impl FnMut(&StoredRow, &SignedEntry, &Transaction) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    for_each_entry(store, |row, signed| match &signed.entry.body {
        // Gifts and fund runs move hours too: exported with their
        // postings, so the books balance as akker's do, and labelled
        // `gift` or `fund` where a payment has its kind of work
        // (`work_label`), so no tool counts them as work.
        EntryBody::Gift(gift) => f(
            row,
            signed,
            &movement(gift.date(), gift.why(), gift.postings())?,
        ),
        EntryBody::FundRun(run) => f(
            row,
            signed,
            &movement(run.date(), run.description(), run.postings().to_vec())?,
        ),
        body => match body.payment() {
            Some(tx) => f(row, signed, tx),
            None => Ok(()),
        },
    })
}

/// A gift's or fund run's date, text and postings in the shape the
/// writers take.
fn movement(
    date: chrono::NaiveDate,
    description: &crate::ledger::Description,
    postings: Vec<Posting>,
) -> Result<Transaction, ExportError> {
    Transaction::new(crate::ledger::TransactionParts {
        date,
        work: crate::ledger::WorkKind::Community,
        skill: None,
        description: description.clone(),
        slip: None,
        reverses: None,
        override_reason: None,
        postings,
    })
    .map_err(|e| ExportError::Damaged {
        seq: 0,
        why: e.to_string(),
    })
}

/// The kind of work a journal shows: the payment's, or `gift` / `fund`
/// for hours moved without work.
pub fn work_label<'a>(signed: &SignedEntry, tx: &'a Transaction) -> &'a str {
    match &signed.entry.body {
        EntryBody::Gift(_) => "gift",
        EntryBody::FundRun(_) => "fund",
        _ => tx.work().as_str(),
    }
}

/// A transaction as lines from one account to another: every payer's
/// hours are handed out to the payees in order. Summing the lines per
/// account gives back the postings exactly, which is how `import
/// exchanges` reads them.
pub fn flows(postings: &[Posting]) -> Vec<(&AccountId, &AccountId, Amount)> {
    let mut flows = Vec::new();
    for_each_flow(
        postings,
        |p| p.amount.minor(),
        |from, to, minor| flows.push((&from.account, &to.account, Amount::from_minor(minor))),
    );
    flows
}

/// The first lines of a journal export, the same in every format: which
/// community and ledger it is, and the chain head it was taken at.
pub fn write_origin(store: &Store, out: &mut dyn Write) -> Result<(), ExportError> {
    let settings = store.settings();
    let (head_seq, head_hash) = store.chain_head()?;
    writeln!(
        out,
        "; akker export of \"{}\" (ledger {})",
        one_line(&settings.community_name),
        store.ledger_id()
    )?;
    writeln!(out, "; chain head #{head_seq} {}", hex::encode(head_hash))?;
    Ok(())
}

/// The value of a transaction field in a journal: text, which each format
/// escapes its own way, or a number, written as it is.
pub enum FieldValue<'a> {
    Text(&'a str),
    Number(i64),
}

/// A transaction's fields beyond its date, description and postings, as
/// (name, value) in the order the journals write them: the kind of work,
/// then the skill, slip, reversed entry and its reason, and the override
/// reason when there are any.
pub fn transaction_fields<'a>(
    signed: &SignedEntry,
    tx: &'a Transaction,
) -> Vec<(&'static str, FieldValue<'a>)> {
    let mut fields = vec![("work", FieldValue::Text(work_label(signed, tx)))];
    if let Some(skill) = tx.skill() {
        fields.push(("skill", FieldValue::Text(skill.as_str())));
    }
    if let Some(slip) = tx.slip() {
        fields.push(("slip", FieldValue::Text(slip.as_str())));
    }
    if let Some(link) = tx.reverses() {
        fields.push(("reverses", FieldValue::Number(link.seq)));
        fields.push(("reason", FieldValue::Text(link.reason.as_str())));
    }
    if let Some(reason) = tx.override_reason() {
        fields.push(("override", FieldValue::Text(reason.as_str())));
    }
    fields
}

/// Who signed, in words: `treasurer`, `member M001`, `key-holder INIT-X`.
pub fn signer_text(signer: &Signer) -> String {
    match (&signer.role, &signer.account) {
        (SignerRole::Treasurer, _) | (_, None) => signer.role.as_str().to_string(),
        (role, Some(account)) => format!("{} {account}", role.as_str()),
    }
}

/// The accounting name of an akker account. In mutual credit a positive
/// balance is hours the community owes the holder, so members,
/// initiatives and partners hold them as assets; system accounts (the
/// community fund) are where credit comes from, so they sit in equity.
/// Ids are used, never names: names can be erased, ids never change.
pub fn journal_account(kind: AccountKind, id: &AccountId) -> String {
    let parent = match kind {
        AccountKind::Person => "Assets:Members",
        AccountKind::Initiative => "Assets:Initiatives",
        AccountKind::Partner => "Assets:Partners",
        AccountKind::System => "Equity:System",
    };
    format!("{parent}:{id}")
}

/// Account names for every account, by id.
pub fn journal_accounts(accounts: &[AccountRow]) -> HashMap<AccountId, String> {
    accounts
        .iter()
        .map(|a| (a.id.clone(), journal_account(a.kind, &a.id)))
        .collect()
}

/// The commodity the journals count in. Beancount needs 2 to 24 capital
/// letters and digits starting with a letter, so the rule is: the
/// ledger's unit in capitals with everything but A-Z and 0-9 left out
/// (`hours` gives `HOURS`), or `HOUR` when that does not fit. `chosen`
/// overrides it.
pub fn commodity(unit: &str, chosen: Option<&str>) -> Result<String, ExportError> {
    if let Some(chosen) = chosen {
        return if valid_commodity(chosen) {
            Ok(chosen.to_string())
        } else {
            Err(ExportError::Commodity(one_line(chosen)))
        };
    }
    let derived: String = unit
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    Ok(if valid_commodity(&derived) {
        derived
    } else {
        "HOUR".to_string()
    })
}

fn valid_commodity(text: &str) -> bool {
    (2..=24).contains(&text.len())
        && text.starts_with(|c: char| c.is_ascii_uppercase())
        && text
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posting(account: &str, minor: i64) -> Posting {
        Posting {
            account: AccountId::parse(account).unwrap(),
            amount: Amount::from_minor(minor),
        }
    }

    #[test]
    fn flows_hand_each_payer_out_to_the_payees() {
        let postings = [
            posting("M1", -300),
            posting("M2", -100),
            posting("INIT", 250),
            posting("M3", 150),
        ];
        let lines: Vec<(String, String, i64)> = flows(&postings)
            .into_iter()
            .map(|(f, t, a)| (f.to_string(), t.to_string(), a.minor()))
            .collect();
        assert_eq!(
            lines,
            vec![
                ("M1".into(), "INIT".into(), 250),
                ("M1".into(), "M3".into(), 50),
                ("M2".into(), "M3".into(), 100)
            ]
        );
    }

    #[test]
    fn commodities_follow_the_unit() {
        assert_eq!(commodity("hours", None).unwrap(), "HOURS");
        assert_eq!(commodity("uur", None).unwrap(), "UUR");
        assert_eq!(commodity("h", None).unwrap(), "HOUR");
        assert_eq!(commodity("€", None).unwrap(), "HOUR");
        assert!(commodity("x", Some("hours")).is_err());
        assert_eq!(commodity("x", Some("TIJD")).unwrap(), "TIJD");
    }
}
