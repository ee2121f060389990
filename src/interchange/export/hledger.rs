//! `akker export hledger`: a plain-text journal that hledger and
//! ledger-cli both read. One account per akker account (see
//! `journal_account`), the currency as a commodity, the kind of work and
//! the skill as tags, and who signed, the slip and the entry hash as
//! comments. It ends with a balance assertion for every account, so
//! `hledger -f FILE bal` and `ledger -f FILE bal` fail loudly if they
//! would not arrive at akker's balances.

use std::io::Write;

use super::{
    for_each_transaction, journal_account, journal_accounts, signer_text, transaction_fields,
    write_origin, ExportError, FieldValue,
};
use crate::ledger::{Amount, Transaction};
use crate::store::{AccountRow, Store};

pub fn write(store: &Store, out: &mut dyn Write, commodity: &str) -> Result<usize, ExportError> {
    let accounts = store.accounts()?;
    let names = journal_accounts(&accounts);
    write_header(store, out, commodity, &accounts)?;
    let mut count = 0;
    let mut last_date = None;
    for_each_transaction(store, |row, signed, tx| {
        writeln!(out, "{} * ({}) {}", tx.date(), row.seq, description(tx))?;
        write_tags(out, tx)?;
        writeln!(out, "    ; signer: {}", signer_text(&signed.signer))?;
        writeln!(
            out,
            "    ; recorded: {}",
            crate::signing::canonical::format_timestamp(&signed.entry)
        )?;
        writeln!(out, "    ; entry-hash: {}", hex::encode(&row.entry_hash))?;
        for p in tx.postings() {
            writeln!(
                out,
                "    {}    {}",
                names[&p.account],
                amount(p.amount, commodity)
            )?;
        }
        writeln!(out)?;
        count += 1;
        last_date = last_date.max(Some(tx.date()));
        Ok(())
    })?;
    if let Some(date) = last_date {
        write_assertions(out, &accounts, date, commodity)?;
    }
    out.flush()?;
    Ok(count)
}

fn write_header(
    store: &Store,
    out: &mut dyn Write,
    commodity: &str,
    accounts: &[AccountRow],
) -> Result<(), ExportError> {
    write_origin(store, out)?;
    let settings = store.settings();
    writeln!(
        out,
        "; currency: {} ({}), counted as the commodity {commodity}",
        settings.currency_name, settings.currency_unit
    )?;
    writeln!(out, "; Assets:Members, Assets:Initiatives, Assets:Partners hold people's, groups' and partners' hours;")?;
    writeln!(
        out,
        "; Equity:System holds the system accounts. Mutual credit: all balances sum to zero."
    )?;
    writeln!(
        out,
        "; Every transaction is one akker entry: (code) is its number, tags give work and skill."
    )?;
    writeln!(out)?;
    writeln!(out, "commodity 1.00 {commodity}")?;
    writeln!(out)?;
    for a in accounts {
        // An erased name shows as the account's number, as everywhere.
        let name = a.display_name.as_deref().unwrap_or(a.id.as_str());
        writeln!(
            out,
            "; {}: {} ({}, {}, {})",
            a.id,
            name,
            a.kind,
            a.language.as_deref().unwrap_or("-"),
            a.status.as_str()
        )?;
        writeln!(out, "account {}", journal_account(a.kind, &a.id))?;
    }
    writeln!(out)?;
    Ok(())
}

/// Tags (hledger) and metadata (ledger-cli) in one form: `; name: value`.
/// Work and skill never hold a semicolon, so only free text changes.
fn write_tags(out: &mut dyn Write, tx: &Transaction) -> std::io::Result<()> {
    for (name, value) in transaction_fields(tx) {
        match value {
            FieldValue::Text(text) => writeln!(out, "    ; {name}: {}", comment_text(text))?,
            FieldValue::Number(number) => writeln!(out, "    ; {name}: {number}")?,
        }
    }
    Ok(())
}

/// One assertion per account, dated on the last transaction's day, after
/// every transaction of that day (hledger keeps file order within a day;
/// ledger-cli checks in file order).
fn write_assertions(
    out: &mut dyn Write,
    accounts: &[AccountRow],
    date: chrono::NaiveDate,
    commodity: &str,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{date} * Balances as recorded by akker (assertions only; they move nothing)"
    )?;
    for a in accounts {
        let zero = amount(Amount::ZERO, commodity);
        writeln!(
            out,
            "    {}    {zero} = {}",
            journal_account(a.kind, &a.id),
            amount(a.balance, commodity)
        )?;
    }
    Ok(())
}

fn amount(value: Amount, commodity: &str) -> String {
    format!("{value} {commodity}")
}

/// hledger ends a description at `;` and ledger-cli reads `  ;` as the
/// start of a note, so a semicolon in akker's text is written as a comma.
fn description(tx: &Transaction) -> String {
    comment_text(tx.description().as_str())
}

fn comment_text(text: &str) -> String {
    text.replace(';', ",")
}
