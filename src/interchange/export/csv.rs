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
//! Files are written beside their final names and renamed at the end, so
//! a failed export leaves nothing half-written.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{already_exists, flows, for_each_transaction, partial_path, signer_text, ExportError};
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

pub fn write_dir(
    store: &Store,
    dir: &Path,
    options: Options,
    force: bool,
) -> Result<Counts, ExportError> {
    std::fs::create_dir_all(dir)?;
    let finals: Vec<PathBuf> = FILES.iter().map(|f| dir.join(f)).collect();
    if let Some(existing) = finals.iter().find(|p| p.exists()).filter(|_| !force) {
        return Err(already_exists(existing, "--out directory"));
    }
    let partials: Vec<PathBuf> = finals.iter().map(|p| partial_path(p)).collect();
    let result = write_files(store, &partials, options);
    if result.is_err() {
        partials.iter().for_each(|p| drop(std::fs::remove_file(p)));
        return result;
    }
    for (partial, final_path) in partials.iter().zip(&finals) {
        std::fs::rename(partial, final_path)?;
    }
    result
}

fn write_files(store: &Store, paths: &[PathBuf], options: Options) -> Result<Counts, ExportError> {
    let mut counts = Counts::default();
    let mut accounts = writer(&paths[0], options)?;
    accounts.write_record(ACCOUNT_COLUMNS).map_err(csv_error)?;
    for a in store.accounts()? {
        let record = [
            a.id.to_string(),
            // An erased name shows as the account's number, as everywhere.
            a.display_name.clone().unwrap_or_else(|| a.id.to_string()),
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
    let mut transactions = writer(&paths[1], options)?;
    let mut postings = writer(&paths[2], options)?;
    transactions
        .write_record(TRANSACTION_COLUMNS)
        .map_err(csv_error)?;
    postings.write_record(POSTING_COLUMNS).map_err(csv_error)?;
    for_each_transaction(store, |row, signed, tx| {
        let seq = row.seq.to_string();
        let (reverses, reason) = match tx.reverses() {
            Some(link) => (link.seq.to_string(), link.reason.as_str().to_string()),
            None => (String::new(), String::new()),
        };
        let recorded_at = crate::signing::canonical::format_timestamp(&signed.entry);
        let signed_by = signer_text(&signed.signer);
        let entry_hash = hex::encode(&row.entry_hash);
        for (from, to, flow_amount) in flows(tx.postings()) {
            let record = [
                seq.as_str(),
                &tx.date().to_string(),
                from.as_str(),
                to.as_str(),
                &amount(flow_amount, options),
                tx.work().as_str(),
                tx.skill().map_or("", |s| s.as_str()),
                tx.description().as_str(),
                tx.slip().map_or("", |s| s.as_str()),
                &reverses,
                &reason,
                tx.override_reason().map_or("", |r| r.as_str()),
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

type CsvWriter = csv::Writer<BufWriter<File>>;

fn writer(path: &Path, options: Options) -> Result<CsvWriter, ExportError> {
    let mut file = BufWriter::new(File::create(path)?);
    if options.excel {
        file.write_all(b"\xEF\xBB\xBF")?;
    }
    let delimiter = if options.excel { b';' } else { b',' };
    Ok(csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(file))
}

fn finish(writer: CsvWriter) -> Result<(), ExportError> {
    let file = writer
        .into_inner()
        .map_err(|e| ExportError::Io(e.into_error()))?;
    let file = file
        .into_inner()
        .map_err(|e| ExportError::Io(e.into_error()))?;
    file.sync_all()?;
    Ok(())
}

fn csv_error(err: csv::Error) -> ExportError {
    ExportError::Io(err.into())
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
