//! `akker export json`: the whole ledger with every entry's signed
//! fields, signer, signature, entry hash and chain hash, so a program
//! written from docs/signing.md alone can check every signature and the
//! chain. docs/export-format.md describes the format.
//!
//! Each entry has the JSON form docs/signing.md specifies ("The JSON
//! form"), which `tests/vectors/check_vectors.py --json` reads: the signed
//! fields under their documented names, `null` for a field the message
//! encodes as the empty string, amounts as strings like "1.50".

use std::io::Write;

use serde::Serialize;

use super::{for_each_entry, ExportError};
use crate::ledger::{EntryBody, SignedEntry, Signer};
use crate::signing::canonical::{format_timestamp, MESSAGE_VERSION};
use crate::signing::chain::GENESIS;
use crate::store::journal::StoredRow;
use crate::store::Store;

pub const FORMAT: &str = "akker-ledger-export-v1";

pub fn write(store: &Store, out: &mut dyn Write) -> Result<usize, ExportError> {
    let (head_seq, head_hash) = store.chain_head()?;
    let fields: [(&str, serde_json::Value); 6] = [
        ("format", FORMAT.into()),
        ("message_version", MESSAGE_VERSION.into()),
        ("ledger_id", store.ledger_id().into()),
        ("chain_genesis", hex::encode(GENESIS).into()),
        (
            "chain_head",
            serde_json::json!({ "seq": head_seq, "chain_hash": hex::encode(head_hash) }),
        ),
        (
            "accounts",
            serde_json::to_value(store.accounts()?).map_err(std::io::Error::from)?,
        ),
    ];
    writeln!(out, "{{")?;
    for (name, value) in fields {
        writeln!(
            out,
            "  \"{name}\": {},",
            serde_json::to_string(&value).map_err(std::io::Error::from)?
        )?;
    }
    write!(out, "  \"entries\": [")?;
    let mut count = 0;
    for_each_entry(store, |row, signed| {
        write!(out, "{}\n    ", if count == 0 { "" } else { "," })?;
        serde_json::to_writer(&mut *out, &entry(row, signed)).map_err(std::io::Error::from)?;
        count += 1;
        Ok(())
    })?;
    writeln!(out, "\n  ]\n}}")?;
    out.flush()?;
    Ok(count)
}

/// One entry in the JSON form of docs/signing.md: the body is the serde
/// form of `EntryBody` (its `type` first, then its fields), the signer that
/// of `Signer`, and `recorded_at` the exact time form that was signed.
#[derive(Serialize)]
struct JsonEntry<'a> {
    seq: i64,
    recorded_at: String,
    signer: &'a Signer,
    body: &'a EntryBody,
    signature: String,
    entry_hash: String,
    chain_hash: String,
}

fn entry<'a>(row: &StoredRow, signed: &'a SignedEntry) -> JsonEntry<'a> {
    JsonEntry {
        seq: row.seq,
        recorded_at: format_timestamp(&signed.entry),
        signer: &signed.signer,
        body: &signed.entry.body,
        signature: hex::encode(signed.signature),
        entry_hash: hex::encode(&row.entry_hash),
        chain_hash: hex::encode(&row.chain_hash),
    }
}
