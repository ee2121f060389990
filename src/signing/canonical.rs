//! The canonical encoding: the exact bytes every signature covers.
//! docs/signing.md specifies it for implementers in other languages; the
//! test vectors in tests/vectors/ pin it. Changing anything here breaks
//! every signature ever made, so it never changes: a new layout would be
//! a new version string.
//!
//! A message is a sequence of fields. Each field is a UTF-8 string written
//! as its byte length (4 bytes, big-endian) followed by its bytes. Amounts
//! are decimal text with exactly two decimals, keys and hashes lowercase
//! hex, dates `YYYY-MM-DD`, times `YYYY-MM-DDTHH:MM:SS.ffffffZ` in UTC.
//! Accounts appear by id only, never by name, so names can be erased
//! without breaking a signature.

use crate::ledger::{Amount, EntryBody, Limits, SignedEntry, Signer};
use crate::ledger::{Entry, RequestLink, Settings, Transaction};

/// The first field of every message; it versions the encoding.
pub const MESSAGE_VERSION: &str = "akker-entry-v1";

/// Builds the bytes to sign for `entry` by `signer` in ledger `ledger_id`.
pub fn message(ledger_id: &str, entry: &Entry, signer: &Signer) -> Vec<u8> {
    let mut m = Message::default();
    m.field(MESSAGE_VERSION);
    m.field(ledger_id);
    m.field(entry.body.type_name());
    m.field(&format_timestamp(entry));
    m.field(signer.role.as_str());
    m.field(signer.account.as_ref().map_or("", |a| a.as_str()));
    m.field(&hex::encode(signer.public_key));
    encode_body(&mut m, &entry.body);
    m.bytes
}

pub fn message_of(ledger_id: &str, signed: &SignedEntry) -> Vec<u8> {
    message(ledger_id, &signed.entry, &signed.signer)
}

/// Timestamps are always written with six fractional digits and a `Z`:
/// `2026-11-03T14:05:09.123456Z`. Written digit by digit because this runs
/// twice for every entry recorded or verified.
pub fn format_timestamp(entry: &Entry) -> String {
    format_time(entry.recorded_at)
}

pub fn format_time(t: chrono::DateTime<chrono::Utc>) -> String {
    use chrono::{Datelike, Timelike};
    let micros = t.timestamp_subsec_micros().min(999_999);
    let mut out = String::with_capacity(27);
    push_digits(&mut out, t.year().max(0) as u32, 4);
    out.push('-');
    push_digits(&mut out, t.month(), 2);
    out.push('-');
    push_digits(&mut out, t.day(), 2);
    out.push('T');
    push_digits(&mut out, t.hour(), 2);
    out.push(':');
    push_digits(&mut out, t.minute(), 2);
    out.push(':');
    push_digits(&mut out, t.second(), 2);
    out.push('.');
    push_digits(&mut out, micros, 6);
    out.push('Z');
    out
}

/// Writes `value` as exactly `width` decimal digits, zero-padded.
fn push_digits(out: &mut String, value: u32, width: u32) {
    for position in (0..width).rev() {
        let digit = (value / 10u32.pow(position)) % 10;
        out.push(char::from(b'0' + digit as u8));
    }
}

#[derive(Default)]
struct Message {
    bytes: Vec<u8>,
}

impl Message {
    fn field(&mut self, text: &str) {
        let len = u32::try_from(text.len()).expect("fields are bounded far below 4 GiB");
        self.bytes.extend_from_slice(&len.to_be_bytes());
        self.bytes.extend_from_slice(text.as_bytes());
    }

    fn amount(&mut self, amount: Amount) {
        self.field(&amount.to_string());
    }

    fn limits(&mut self, limits: &Limits) {
        self.amount(limits.floor());
        self.amount(limits.ceiling());
    }

    fn optional(&mut self, text: Option<&str>) {
        self.field(text.unwrap_or(""));
    }

    /// The posting count, then each posting's account and amount.
    fn postings(&mut self, tx: &Transaction) {
        self.field(&tx.postings().len().to_string());
        for posting in tx.postings() {
            self.field(posting.account.as_str());
            self.amount(posting.amount);
        }
    }

    /// A request named by a later entry: its seq, then its entry hash.
    fn request(&mut self, link: &RequestLink) {
        self.field(&link.seq.to_string());
        self.field(&hex::encode(link.entry_hash));
    }
}

fn encode_body(m: &mut Message, body: &EntryBody) {
    match body {
        EntryBody::LedgerCreated(settings) => encode_settings(m, settings),
        EntryBody::AccountOpened {
            account,
            kind,
            limits,
        } => {
            m.field(account.as_str());
            m.field(kind.as_str());
            m.limits(limits);
        }
        EntryBody::LimitsSet {
            account,
            limits,
            reason,
        } => {
            m.field(account.as_str());
            m.limits(limits);
            m.field(reason.as_str());
        }
        EntryBody::AccountClosed { account, reason } => {
            m.field(account.as_str());
            m.field(reason.as_str());
        }
        EntryBody::CardIssued {
            account,
            card_number,
            public_key,
            holder,
            kdf,
            reason,
        } => {
            m.field(account.as_str());
            m.field(&card_number.to_string());
            m.field(&hex::encode(public_key));
            m.optional(holder.as_ref().map(|h| h.as_str()));
            m.field("argon2id-v19");
            m.field(&kdf.memory_kib.to_string());
            m.field(&kdf.iterations.to_string());
            m.field(&kdf.parallelism.to_string());
            m.field(reason.as_str());
        }
        EntryBody::CardRevoked {
            account,
            card_number,
            public_key,
            reason,
        } => {
            m.field(account.as_str());
            m.field(&card_number.to_string());
            m.field(&hex::encode(public_key));
            m.field(reason.as_str());
        }
        EntryBody::Transaction(tx) => encode_transaction(m, tx),
        EntryBody::StatementsIssued {
            period,
            head_seq,
            head_hash,
        } => {
            m.field(period);
            m.field(&head_seq.to_string());
            m.field(&hex::encode(head_hash));
        }
        EntryBody::AttestationIssued {
            account,
            from,
            to,
            given,
            head_seq,
            head_hash,
        } => {
            m.field(account.as_str());
            m.field(&from.format("%Y-%m-%d").to_string());
            m.field(&to.format("%Y-%m-%d").to_string());
            m.amount(*given);
            m.field(&head_seq.to_string());
            m.field(&hex::encode(head_hash));
        }
        EntryBody::SettingSet { name, value } => {
            m.field(name.as_str());
            m.field(value);
        }
        EntryBody::TreasurerKeyChanged {
            new_key,
            acceptance,
            reason,
        } => {
            m.field(&hex::encode(new_key));
            m.field(&hex::encode(acceptance));
            m.field(reason.as_str());
        }
        EntryBody::ClockConfirmed { date } => {
            m.field(&date.format("%Y-%m-%d").to_string());
        }
        EntryBody::ClockCorrected {
            first_wrong_seq,
            reason,
        } => {
            m.field(&first_wrong_seq.to_string());
            m.field(reason.as_str());
        }
        EntryBody::RequestMade(request) => {
            m.field(request.payer().as_str());
            m.field(request.payee().as_str());
            m.amount(request.amount());
            m.field(&request.date().format("%Y-%m-%d").to_string());
            m.field(request.work().as_str());
            m.optional(request.skill().map(|s| s.as_str()));
            m.field(request.description().as_str());
            m.optional(request.slip().map(|s| s.as_str()));
        }
        EntryBody::RequestConfirmed(confirmation) => {
            m.request(confirmation.request());
            let tx = confirmation.payment();
            m.field(&tx.date().format("%Y-%m-%d").to_string());
            m.field(tx.work().as_str());
            m.optional(tx.skill().map(|s| s.as_str()));
            m.field(tx.description().as_str());
            m.optional(tx.slip().map(|s| s.as_str()));
            m.postings(tx);
        }
        EntryBody::RequestDeclined {
            request,
            reason,
            slip,
        } => {
            m.request(request);
            m.field(reason.as_str());
            m.optional(slip.as_ref().map(|s| s.as_str()));
        }
        EntryBody::RequestWithdrawn { request, slip } => {
            m.request(request);
            m.optional(slip.as_ref().map(|s| s.as_str()));
        }
        EntryBody::SoftLimitsSet {
            account,
            soft_floor,
            soft_ceiling,
            reason,
        } => {
            m.field(account.as_str());
            m.optional(soft_floor.map(|a| a.to_string()).as_deref());
            m.optional(soft_ceiling.map(|a| a.to_string()).as_deref());
            m.field(reason.as_str());
        }
        EntryBody::Gift(gift) => {
            m.field(&gift.date().format("%Y-%m-%d").to_string());
            m.field(gift.from().as_str());
            m.field(gift.to().as_str());
            m.amount(gift.amount());
            m.field(gift.why().as_str());
            m.optional(gift.slip().map(|s| s.as_str()));
        }
        EntryBody::FundRun(run) => {
            m.field(run.rule().as_str());
            m.field(run.period());
            m.field(&run.date().format("%Y-%m-%d").to_string());
            m.field(run.description().as_str());
            m.field(&run.postings().len().to_string());
            for posting in run.postings() {
                m.field(posting.account.as_str());
                m.amount(posting.amount);
            }
        }
    }
}

fn encode_settings(m: &mut Message, s: &Settings) {
    m.field(&s.community_name);
    m.field(&s.currency_name);
    m.field(&s.currency_unit);
    m.field(&s.currency_symbol);
    m.field(&s.time_zone);
    m.field(&s.default_language);
    m.field(&hex::encode(s.treasurer_key));
    for limits in [
        &s.person_limits,
        &s.initiative_limits,
        &s.partner_limits,
        &s.system_limits,
    ] {
        m.limits(limits);
    }
}

fn encode_transaction(m: &mut Message, tx: &Transaction) {
    m.field(&tx.date().format("%Y-%m-%d").to_string());
    m.field(tx.work().as_str());
    m.optional(tx.skill().map(|s| s.as_str()));
    m.field(tx.description().as_str());
    m.optional(tx.slip().map(|s| s.as_str()));
    match tx.reverses() {
        Some(link) => {
            m.field(&link.seq.to_string());
            m.field(&hex::encode(link.entry_hash));
            m.field(link.reason.as_str());
        }
        None => {
            m.field("");
            m.field("");
            m.field("");
        }
    }
    m.optional(tx.override_reason().map(|r| r.as_str()));
    m.postings(tx);
}
