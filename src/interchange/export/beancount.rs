//! `akker export beancount`: the ledger as a beancount file that
//! `bean-check` accepts. Accounts and the commodity are opened on the
//! earliest transaction date; the kind of work and the skill are both
//! tags and metadata; signer, slip, entry number and hash are metadata;
//! a `balance` directive per account, the day after the last
//! transaction, makes bean-check prove the balances equal akker's.

use std::io::Write;

use chrono::{Duration, NaiveDate};

use super::{
    for_each_transaction, journal_accounts, signer_text, transaction_fields, write_origin,
    ExportError, FieldValue,
};
use crate::ledger::{AccountStatus, Amount, Transaction};
use crate::store::{AccountRow, Store};

pub fn write(
    store: &Store,
    out: &mut dyn Write,
    commodity: &str,
    today: NaiveDate,
) -> Result<usize, ExportError> {
    let accounts = store.accounts()?;
    let names = journal_accounts(&accounts);
    let range = store.transaction_date_range()?;
    let first_date = range
        .as_ref()
        .and_then(|(first, _)| first.parse::<NaiveDate>().ok())
        .unwrap_or(today);
    write_header(store, out, commodity, &accounts, first_date)?;
    let mut count = 0;
    let mut last_date = None;
    for_each_transaction(store, |row, signed, tx| {
        writeln!(
            out,
            "{} * {}{}",
            tx.date(),
            quoted(tx.description().as_str()),
            tags(signed, tx)
        )?;
        writeln!(out, "  seq: {}", row.seq)?;
        write_metadata(out, signed, tx)?;
        writeln!(out, "  signer: {}", quoted(&signer_text(&signed.signer)))?;
        writeln!(
            out,
            "  recorded: {}",
            quoted(&crate::signing::canonical::format_timestamp(&signed.entry))
        )?;
        writeln!(
            out,
            "  entry-hash: {}",
            quoted(&hex::encode(&row.entry_hash))
        )?;
        for p in tx.postings() {
            writeln!(
                out,
                "  {}  {}",
                names[&p.account],
                amount(p.amount, commodity)
            )?;
        }
        writeln!(out)?;
        count += 1;
        last_date = last_date.max(Some(tx.date()));
        Ok(())
    })?;
    // Beancount checks a balance at the start of its day: the day after
    // the last transaction sees them all.
    let check_date = last_date.unwrap_or(first_date) + Duration::days(1);
    write_balances(out, &accounts, check_date, commodity)?;
    out.flush()?;
    Ok(count)
}

fn write_header(
    store: &Store,
    out: &mut dyn Write,
    commodity: &str,
    accounts: &[AccountRow],
    date: NaiveDate,
) -> Result<(), ExportError> {
    write_origin(store, out)?;
    let settings = store.settings();
    writeln!(out, "; Assets:Members, Assets:Initiatives, Assets:Partners and Equity:System; all balances sum to zero.")?;
    writeln!(out, "option \"title\" {}", quoted(&settings.community_name))?;
    writeln!(out, "option \"operating_currency\" \"{commodity}\"")?;
    writeln!(out)?;
    writeln!(out, "{date} commodity {commodity}")?;
    writeln!(
        out,
        "  name: {}",
        quoted(&format!(
            "{} ({})",
            settings.currency_name, settings.currency_unit
        ))
    )?;
    writeln!(out)?;
    for a in accounts {
        writeln!(
            out,
            "{date} open {} {commodity}",
            super::journal_account(a.kind, &a.id)
        )?;
        writeln!(out, "  akker-id: {}", quoted(a.id.as_str()))?;
        writeln!(
            out,
            "  name: {}",
            quoted(a.display_name.as_deref().unwrap_or(a.id.as_str()))
        )?;
        writeln!(out, "  kind: {}", quoted(a.kind.as_str()))?;
        if let Some(language) = &a.language {
            writeln!(out, "  language: {}", quoted(language))?;
        }
    }
    writeln!(out)?;
    Ok(())
}

/// `#care #cooking`: beancount tags allow letters, digits and `-`, which
/// is all a kind of work or a skill tag holds.
fn tags(signed: &crate::ledger::SignedEntry, tx: &Transaction) -> String {
    let mut tags = format!(" #{}", super::work_label(signed, tx));
    if let Some(skill) = tx.skill() {
        tags.push_str(&format!(" #{}", skill.as_str()));
    }
    tags
}

fn write_metadata(
    out: &mut dyn Write,
    signed: &crate::ledger::SignedEntry,
    tx: &Transaction,
) -> std::io::Result<()> {
    for (name, value) in transaction_fields(signed, tx) {
        match value {
            FieldValue::Text(text) => writeln!(out, "  {name}: {}", quoted(text))?,
            FieldValue::Number(number) => writeln!(out, "  {name}: {number}")?,
        }
    }
    Ok(())
}

fn write_balances(
    out: &mut dyn Write,
    accounts: &[AccountRow],
    date: NaiveDate,
    commodity: &str,
) -> std::io::Result<()> {
    writeln!(out, "; Balances as recorded by akker.")?;
    for a in accounts {
        let account = super::journal_account(a.kind, &a.id);
        writeln!(
            out,
            "{date} balance {account}  {}",
            amount(a.balance, commodity)
        )?;
        if a.status == AccountStatus::Closed {
            writeln!(out, "{date} close {account}")?;
        }
    }
    Ok(())
}

fn amount(value: Amount, commodity: &str) -> String {
    format!("{value} {commodity}")
}

/// A beancount string: in double quotes, with `\` and `"` escaped, on
/// one line.
fn quoted(text: &str) -> String {
    let text = super::one_line(text);
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}
