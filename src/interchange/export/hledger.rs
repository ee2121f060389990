//! `akker export hledger`: a plain-text journal that hledger and
//! ledger-cli both read. One account per akker account (see
//! `journal_account`), the currency as a commodity, the kind of work and
//! the skill as tags, and who signed, the slip and the entry hash as
//! comments. It ends with a balance assertion for every account, so
//! `hledger -f FILE bal` and `ledger -f FILE bal` fail loudly if they
//! would not arrive at akker's balances.

use std::io::Write;

use super::{
    for_each_transaction, journal_account, journal_accounts, one_line, signer_text,
    transaction_fields, write_origin, ExportError, FieldValue,
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
        write_tags(out, signed, tx)?;
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
    // `commodity NAME` with a `format` line is the form both tools read
    // (ledger-cli takes `commodity 1.00 NAME` for a commodity named
    // "1.00 NAME", and --pedantic then refuses every posting).
    writeln!(out, "commodity {commodity}")?;
    writeln!(out, "    format 1.00 {commodity}")?;
    writeln!(out)?;
    // ledger-cli --strict (and --pedantic) wants every metadata tag declared.
    for tag in TAGS {
        writeln!(out, "tag {tag}")?;
    }
    writeln!(out)?;
    for a in accounts {
        // An erased name shows as the account's number, as everywhere.
        let name = one_line(a.display_name.as_deref().unwrap_or(a.id.as_str()));
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

/// Every tag a transaction of the export can carry.
const TAGS: [&str; 9] = [
    "work",
    "skill",
    "slip",
    "reverses",
    "reason",
    "override",
    "signer",
    "recorded",
    "entry-hash",
];

/// Tags (hledger) and metadata (ledger-cli) in one form: `; name: value`,
/// one per line. ledger-cli takes the rest of the line as the value;
/// hledger ends a value at a comma and reads the next `word:` as another
/// tag, so free text is written by `tag_value`.
fn write_tags(
    out: &mut dyn Write,
    signed: &crate::ledger::SignedEntry,
    tx: &Transaction,
) -> std::io::Result<()> {
    for (name, value) in transaction_fields(signed, tx) {
        match value {
            FieldValue::Text(text) => writeln!(out, "    ; {name}: {}", tag_value(text))?,
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
/// start of a note (where tags are read), so a semicolon in akker's text
/// is written as a comma; the text stays on its one line.
fn description(tx: &Transaction) -> String {
    one_line(tx.description().as_str()).replace(';', ",")
}

/// A tag's value: on its one line, and with each comma written as a
/// semicolon, because hledger ends the value at a comma and would read
/// `, evil: 1` as a tag of its own. Inside a comment a semicolon is
/// plain text to both tools.
fn tag_value(text: &str) -> String {
    one_line(text).replace(',', ";")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_text_cannot_start_a_tag_or_a_line() {
        assert_eq!(tag_value("a; b, evil: 1"), "a; b; evil: 1");
        assert_eq!(tag_value("x\n    Assets:X  5 H"), "x     Assets:X  5 H");
    }
}
