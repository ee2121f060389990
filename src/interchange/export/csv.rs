//! `akker export csv`: three files a spreadsheet opens and `akker import`
//! reads back into a new ledger with the same balances and the same
//! number of transactions.
//!
//! - accounts.csv: the columns of `import accounts` (plus status and balance).
//! - transactions.csv: the columns of `import exchanges`, one line per
//!   payer-to-payee flow, grouped by `tx` (the entry number here). A
//!   reversal names the `tx` it undoes in `reverses`, so it comes back
//!   as a reversal, not as an unexplained payment.
//! - postings.csv: every posting exactly as stored, for pivot tables.
//!
//! Text cells that a spreadsheet would take for a formula are written
//! with a leading apostrophe (see `text`); amounts stay numbers.

use std::io::Write;

use serde::Serialize;

use super::{flows, for_each_transaction, signer_text, ExportError};
use crate::ledger::Amount;
use crate::store::Store;

pub const FILES: [&str; 3] = ["accounts.csv", "transactions.csv", "postings.csv"];

pub const ACCOUNT_COLUMNS: [&str; 8] = [
    "id", "name", "kind", "language", "floor", "ceiling", "status", "balance",
];
pub const TRANSACTION_COLUMNS: [&str; 15] = [
    "tx",
    "date",
    "from",
    "to",
    "amount",
    "work",
    "skill",
    "description",
    "slip",
    "reverses",
    "reason",
    "override_reason",
    "recorded_at",
    "signed_by",
    "entry_hash",
];
pub const POSTING_COLUMNS: [&str; 3] = ["tx", "account", "amount"];

#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Semicolons, decimal commas and a byte-order mark: what Excel in a
    /// Belgian locale opens correctly with a double click.
    pub excel: bool,
}

#[derive(Debug, Default, Serialize)]
pub struct Counts {
    pub accounts: usize,
    pub transactions: usize,
    pub transaction_lines: usize,
    pub postings: usize,
}

/// Writes the three files, in the order of `FILES`, to `outs`. The caller
/// gives each its final name only when all three are complete
/// (`cli::output`), so a failed export leaves nothing half-written.
pub fn write(
    store: &Store,
    outs: [&mut dyn Write; 3],
    options: Options,
) -> Result<Counts, ExportError> {
    let [accounts_out, transactions_out, postings_out] = outs;
    let mut counts = Counts::default();
    let mut accounts = writer(accounts_out, options)?;
    accounts.write_record(ACCOUNT_COLUMNS).map_err(csv_error)?;
    for a in store.accounts()? {
        let record = [
            a.id.to_string(),
            // An erased name shows as the account's number, as everywhere.
            text(a.display_name.as_deref().unwrap_or(a.id.as_str())),
            a.kind.to_string(),
            a.language.clone().unwrap_or_default(),
            amount(a.floor, options),
            amount(a.ceiling, options),
            a.status.as_str().to_string(),
            amount(a.balance, options),
        ];
        accounts.write_record(&record).map_err(csv_error)?;
        counts.accounts += 1;
    }
    finish(accounts)?;
    let mut transactions = writer(transactions_out, options)?;
    let mut postings = writer(postings_out, options)?;
    transactions
        .write_record(TRANSACTION_COLUMNS)
        .map_err(csv_error)?;
    postings.write_record(POSTING_COLUMNS).map_err(csv_error)?;
    for_each_transaction(store, |row, signed, tx| {
        let seq = row.seq.to_string();
        let (reverses, reason) = match tx.reverses() {
            Some(link) => (link.seq.to_string(), text(link.reason.as_str())),
            None => (String::new(), String::new()),
        };
        let recorded_at = crate::signing::canonical::format_timestamp(&signed.entry);
        let signed_by = signer_text(&signed.signer);
        let entry_hash = hex::encode(&row.entry_hash);
        let skill = text(tx.skill().map_or("", |s| s.as_str()));
        let description = text(tx.description().as_str());
        let slip = text(tx.slip().map_or("", |s| s.as_str()));
        let override_reason = text(tx.override_reason().map_or("", |r| r.as_str()));
        for (from, to, flow_amount) in flows(tx.postings()) {
            let record = [
                seq.as_str(),
                &tx.date().to_string(),
                from.as_str(),
                to.as_str(),
                &amount(flow_amount, options),
                super::work_label(signed, tx),
                &skill,
                &description,
                &slip,
                &reverses,
                &reason,
                &override_reason,
                &recorded_at,
                &signed_by,
                &entry_hash,
            ];
            transactions.write_record(record).map_err(csv_error)?;
            counts.transaction_lines += 1;
        }
        for p in tx.postings() {
            postings
                .write_record([seq.as_str(), p.account.as_str(), &amount(p.amount, options)])
                .map_err(csv_error)?;
            counts.postings += 1;
        }
        counts.transactions += 1;
        Ok(())
    })?;
    finish(transactions)?;
    finish(postings)?;
    Ok(counts)
}

type CsvWriter<'a> = csv::Writer<&'a mut dyn Write>;

fn writer(out: &mut dyn Write, options: Options) -> Result<CsvWriter<'_>, ExportError> {
    if options.excel {
        out.write_all(b"\xEF\xBB\xBF")?;
    }
    let delimiter = if options.excel { b';' } else { b',' };
    Ok(csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(out))
}

fn finish(writer: CsvWriter) -> Result<(), ExportError> {
    let out = writer
        .into_inner()
        .map_err(|e| ExportError::Io(e.into_error()))?;
    out.flush()?;
    Ok(())
}

fn csv_error(err: csv::Error) -> ExportError {
    ExportError::Io(err.into())
}

/// A text cell a spreadsheet shows as text: a cell beginning with `=`,
/// `+`, `-`, `@`, a tab or a carriage return would be read as a formula
/// (`=HYPERLINK(...)` in a member's name), so such a cell gets a leading
/// apostrophe, the spreadsheet's own mark for "this is text".
/// `akker import` takes the apostrophe off again (`sheet::read`).
/// Amounts are written by `amount` and stay numbers.
pub fn text(value: &str) -> String {
    if crate::interchange::sheet::starts_like_formula(value) {
        format!("'{value}")
    } else {
        value.to_string()
    }
}

/// Amounts as `1.50`, or `1,50` for Excel; exact either way.
fn amount(value: Amount, options: Options) -> String {
    let text = value.to_string();
    if options.excel {
        text.replace('.', ",")
    } else {
        text
    }
}
