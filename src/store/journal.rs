//! Streaming the journal back as signed entries, for `verify`, exports
//! and anything else that must see exactly what was signed.
//!
//! A little over 800 lines: it is the one reader that turns every entry
//! type's rows back into the signed entry, in one pass; the newer types
//! are rebuilt in the child modules `movement` (issue 13) and
//! `request_rows` (issue 12).

use std::collections::HashMap;
use std::ops::ControlFlow;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Params, Row};

use crate::ledger::{
    AccountId, Amount, Description, Entry, EntryBody, KdfParams, Limits, Posting, Reason,
    ReversalLink, SignedEntry, Signer, SignerRole, Skill, SlipRef, Transaction, TransactionParts,
};

use super::{Result, Store, StoreError};

mod movement;
mod request_rows;

/// One journal row as stored. `entry` is the signed entry rebuilt from the
/// stored columns, or why it could not be rebuilt (a damaged row).
#[derive(Debug, Clone)]
pub struct StoredRow {
    pub seq: i64,
    pub entry_hash: Vec<u8>,
    pub chain_hash: Vec<u8>,
    pub signature: Vec<u8>,
    pub entry: std::result::Result<SignedEntry, String>,
    /// Detail rows met while reading this entry that no signed entry
    /// explains (postings or a transaction row under another kind of
    /// entry, postings under no entry, postings numbered with gaps).
    pub strays: Vec<String>,
}

/// Detail rows of the rare entry types, read up front (a few thousand at
/// most) so the journal itself can stream.
#[derive(Default)]
struct Details {
    settings: HashMap<i64, crate::ledger::Settings>,
    account_events: HashMap<i64, AccountEventRow>,
    card_events: HashMap<i64, CardEventRow>,
    statement_issues: HashMap<i64, (String, i64, Vec<u8>)>,
    attestations: HashMap<i64, AttestationRow>,
    setting_events: HashMap<i64, (String, String)>,
    key_changes: HashMap<i64, (Vec<u8>, Vec<u8>, String)>,
    clock_confirmations: HashMap<i64, String>,
    clock_corrections: HashMap<i64, (i64, String)>,
    requests: request_rows::RequestDetails,
    movement: movement::MovementDetails,
}

struct AttestationRow {
    account: String,
    from: String,
    to: String,
    given: i64,
    head_seq: i64,
    head_hash: Vec<u8>,
}

struct AccountEventRow {
    account: String,
    kind: Option<String>,
    floor: Option<i64>,
    ceiling: Option<i64>,
    reason: String,
}

struct CardEventRow {
    account: String,
    public_key: Vec<u8>,
    card_number: u32,
    holder: Option<String>,
    kdf: Option<(u32, u32, u32)>,
    reason: String,
}

const JOURNAL_SQL: &str =
    "SELECT j.seq, j.entry_type, j.recorded_at, j.signer_role, j.signer_account, j.signer_key,
        j.signature, j.entry_hash, j.chain_hash,
        t.date, t.work, t.skill, t.description, t.slip, t.reverses_seq, t.reason, t.override_reason
    FROM journal j LEFT JOIN transactions t ON t.seq = j.seq";

impl Store {
    /// Calls `f` with consecutive chunks of the journal in recording order,
    /// until it answers `Break` (an export whose output failed need not
    /// read the rest).
    pub fn for_each_journal_chunk(
        &self,
        chunk_len: usize,
        mut f: impl FnMut(Vec<StoredRow>) -> ControlFlow<()>,
    ) -> Result<()> {
        let details = self.load_details()?;
        let mut postings_stmt = self
            .conn
            .prepare("SELECT seq, account_id, amount_minor, idx FROM postings ORDER BY seq, idx")?;
        let mut postings = postings_stmt.query([])?;
        let mut pending_posting: Option<(i64, String, i64, i64)> = None;
        let mut hashes: HashMap<i64, Vec<u8>> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare(&format!("{JOURNAL_SQL} ORDER BY j.seq"))?;
        let mut rows = stmt.query([])?;
        let mut chunk = Vec::with_capacity(chunk_len);
        while let Some(row) = rows.next()? {
            let seq: i64 = row.get(0)?;
            let mut tx_postings = Vec::new();
            let mut strays = Vec::new();
            let mut idx_gap = false;
            loop {
                if pending_posting.is_none() {
                    pending_posting = match postings.next()? {
                        Some(p) => Some((p.get(0)?, p.get(1)?, p.get(2)?, p.get(3)?)),
                        None => None,
                    };
                }
                match &pending_posting {
                    Some((p_seq, _, _, _)) if *p_seq < seq => {
                        strays.push(format!(
                            "a posting row (seq {p_seq}) belongs to no journal entry"
                        ));
                        pending_posting = None;
                    }
                    Some((p_seq, _, _, _)) if *p_seq == seq => {
                        let (_, account, amount, idx) =
                            pending_posting.take().expect("checked above");
                        idx_gap |= idx != tx_postings.len() as i64;
                        tx_postings.push((account, amount));
                    }
                    _ => break,
                }
            }
            let entry_type: String = row.get(1)?;
            // A confirmed request is a payment, a gift or a fund run moves
            // hours: their postings and transactions row are their own.
            if !moves_hours(&entry_type) {
                if !tx_postings.is_empty() {
                    strays.push(format!(
                        "posting rows under #{seq}, which is a {entry_type} entry, not a transaction"
                    ));
                }
                if row.get::<_, Option<String>>(9)?.is_some() {
                    strays.push(format!(
                        "a transactions row under #{seq}, which is a {entry_type} entry"
                    ));
                }
            } else if idx_gap {
                strays.push(format!(
                    "the postings of #{seq} are not numbered 0, 1, 2, … as they were written"
                ));
            }
            let mut stored = stored_row(row, &details, tx_postings, &hashes)?;
            stored.strays = strays;
            // Later entries name payments (reversals) and requests (their
            // settlements) by seq and entry hash.
            if matches!(&stored.entry, Ok(s) if s.entry.body.payment().is_some()
                || matches!(s.entry.body, EntryBody::RequestMade(_) | EntryBody::Gift(_) | EntryBody::FundRun(_)))
            {
                hashes.insert(stored.seq, stored.entry_hash.clone());
            }
            chunk.push(stored);
            if chunk.len() == chunk_len {
                let full = std::mem::replace(&mut chunk, Vec::with_capacity(chunk_len));
                if f(full).is_break() {
                    return Ok(());
                }
            }
        }
        // Postings after the last entry are found by `Store::audit`.
        if !chunk.is_empty() {
            let _ = f(chunk);
        }
        Ok(())
    }

    /// The whole journal in memory (fine for a community; `verify` streams).
    pub fn journal(&self) -> Result<Vec<StoredRow>> {
        let mut all = Vec::new();
        self.for_each_journal_chunk(4096, |chunk| {
            all.extend(chunk);
            ControlFlow::Continue(())
        })?;
        Ok(all)
    }

    /// One payment as signed (a transaction or a confirmed request), for
    /// reversing it. A gift or a fund run comes back as the transaction
    /// its reversal mirrors: its date, description and postings, with the
    /// kind of work `community` that akker writes on such reversals (a
    /// reversal's kind of work is free; readers tell it apart by the
    /// entry it reverses).
    pub fn signed_transaction(&self, seq: i64) -> Result<Option<(Transaction, [u8; 32])>> {
        let mut details = Details {
            movement: movement::MovementDetails::load(&self.conn)?,
            ..Details::default()
        };
        let mut hashes = HashMap::new();
        details.requests = request_rows::RequestDetails::load_one(&self.conn, seq, &mut hashes)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "{JOURNAL_SQL} WHERE j.seq = ?1 AND t.seq IS NOT NULL"
        ))?;
        let mut rows = stmt.query([seq])?;
        let Some(row) = rows.next()? else {
            return Ok(None);
        };
        let mut pstmt = self.conn.prepare_cached(
            "SELECT account_id, amount_minor FROM postings WHERE seq = ?1 ORDER BY idx",
        )?;
        let postings = pstmt
            .query_map([seq], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if let Some(reversed) = row.get::<_, Option<i64>>(14)? {
            let hash: Vec<u8> = self.conn.query_row(
                "SELECT entry_hash FROM journal WHERE seq = ?1",
                [reversed],
                |r| r.get(0),
            )?;
            hashes.insert(reversed, hash);
        }
        let stored = stored_row(row, &details, postings, &hashes)?;
        let hash: [u8; 32] = stored.entry_hash.clone().try_into().unwrap_or([0; 32]);
        match stored.entry {
            Ok(signed) if signed.entry.body.payment().is_some() => {
                Ok(signed.entry.body.payment().map(|tx| (tx.clone(), hash)))
            }
            Ok(SignedEntry {
                entry:
                    Entry {
                        body: EntryBody::Gift(gift),
                        ..
                    },
                ..
            }) => Ok(Some((
                movement::template(gift.date(), gift.why(), gift.postings())?,
                hash,
            ))),
            Ok(SignedEntry {
                entry:
                    Entry {
                        body: EntryBody::FundRun(run),
                        ..
                    },
                ..
            }) => Ok(Some((
                movement::template(run.date(), run.description(), run.postings().to_vec())?,
                hash,
            ))),
            Ok(_) => Ok(None),
            Err(why) => Err(super::StoreError::Corrupt(format!(
                "transaction #{seq}: {why}"
            ))),
        }
    }

    fn load_details(&self) -> Result<Details> {
        let mut details = Details::default();
        let settings = super::read::load_settings(&self.conn)?;
        let settings_seq: i64 = self.conn.query_row(
            "SELECT seq FROM ledger_settings ORDER BY seq LIMIT 1",
            [],
            |r| r.get(0),
        )?;
        details.settings.insert(settings_seq, settings);
        let mut stmt = self.conn.prepare(
            "SELECT seq, account_id, kind, floor_minor, ceiling_minor, reason FROM account_events",
        )?;
        for row in stmt.query_map([], |r| {
            Ok((
                r.get(0)?,
                AccountEventRow {
                    account: r.get(1)?,
                    kind: r.get(2)?,
                    floor: r.get(3)?,
                    ceiling: r.get(4)?,
                    reason: r.get(5)?,
                },
            ))
        })? {
            let (seq, event) = row?;
            details.account_events.insert(seq, event);
        }
        let mut stmt = self.conn.prepare(
            "SELECT seq, account_id, public_key, card_number, holder_id, kdf_memory_kib, kdf_iterations, kdf_parallelism, reason FROM card_events",
        )?;
        for row in stmt.query_map([], |r| {
            let kdf = match (
                r.get::<_, Option<u32>>(5)?,
                r.get::<_, Option<u32>>(6)?,
                r.get::<_, Option<u32>>(7)?,
            ) {
                (Some(m), Some(t), Some(p)) => Some((m, t, p)),
                _ => None,
            };
            Ok((
                r.get(0)?,
                CardEventRow {
                    account: r.get(1)?,
                    public_key: r.get(2)?,
                    card_number: r.get(3)?,
                    holder: r.get(4)?,
                    kdf,
                    reason: r.get(8)?,
                },
            ))
        })? {
            let (seq, event) = row?;
            details.card_events.insert(seq, event);
        }
        let mut stmt = self.conn.prepare("SELECT seq, account_id, date_from, date_to, given_minor, head_seq, head_hash FROM attestations")?;
        for row in stmt.query_map([], |r| {
            Ok((
                r.get(0)?,
                AttestationRow {
                    account: r.get(1)?,
                    from: r.get(2)?,
                    to: r.get(3)?,
                    given: r.get(4)?,
                    head_seq: r.get(5)?,
                    head_hash: r.get(6)?,
                },
            ))
        })? {
            let (seq, attestation) = row?;
            details.attestations.insert(seq, attestation);
        }
        let mut stmt = self
            .conn
            .prepare("SELECT seq, period, head_seq, head_hash FROM statement_issues")?;
        for row in stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))? {
            let (seq, issue) = row?;
            details.statement_issues.insert(seq, issue);
        }
        let mut stmt = self
            .conn
            .prepare("SELECT seq, name, value FROM setting_events")?;
        for row in stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))? {
            let (seq, setting) = row?;
            details.setting_events.insert(seq, setting);
        }
        let mut stmt = self
            .conn
            .prepare("SELECT seq, new_key, acceptance, reason FROM treasurer_key_changes")?;
        for row in stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))? {
            let (seq, change) = row?;
            details.key_changes.insert(seq, change);
        }
        let mut stmt = self
            .conn
            .prepare("SELECT seq, date FROM clock_confirmations")?;
        for row in stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))? {
            let (seq, date) = row?;
            details.clock_confirmations.insert(seq, date);
        }
        let mut stmt = self
            .conn
            .prepare("SELECT seq, first_wrong_seq, reason FROM clock_corrections")?;
        for row in stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))? {
            let (seq, correction) = row?;
            details.clock_corrections.insert(seq, correction);
        }
        details.requests = request_rows::RequestDetails::load(&self.conn)?;
        details.movement = movement::MovementDetails::load(&self.conn)?;
        Ok(details)
    }
}

/// The entry types whose postings are in `transactions` and `postings`.
pub(crate) fn moves_hours(entry_type: &str) -> bool {
    matches!(
        entry_type,
        "transaction" | "request-confirmed" | "gift" | "fund-run"
    )
}

/// The last entry that meets `condition` (SQL on the journal's columns,
/// taking `params`) and the chain hash recorded after it; `"1 = 1"` for
/// the chain's head.
pub(super) fn last_chain_hash(
    conn: &Connection,
    condition: &str,
    params: impl Params,
) -> Result<Option<(i64, [u8; 32])>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT seq, chain_hash FROM journal WHERE {condition} ORDER BY seq DESC LIMIT 1"
    ))?;
    let row: Option<(i64, Vec<u8>)> = stmt
        .query_row(params, |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    row.map(|(seq, hash)| {
        let hash = hash
            .try_into()
            .map_err(|_| StoreError::Corrupt(format!("chain hash of #{seq}")))?;
        Ok((seq, hash))
    })
    .transpose()
}

/// The entry recorded with this entry hash, if any (the journal keeps
/// each hash once).
pub(super) fn seq_of_entry_hash(conn: &Connection, hash: &[u8; 32]) -> Result<Option<i64>> {
    let mut stmt = conn.prepare_cached("SELECT seq FROM journal WHERE entry_hash = ?1")?;
    Ok(stmt.query_row([&hash[..]], |r| r.get(0)).optional()?)
}

fn stored_row(
    row: &Row,
    details: &Details,
    postings: Vec<(String, i64)>,
    hashes: &HashMap<i64, Vec<u8>>,
) -> Result<StoredRow> {
    let seq: i64 = row.get(0)?;
    let entry = rebuild(row, seq, details, postings, hashes)?;
    Ok(StoredRow {
        seq,
        signature: row.get(6)?,
        entry_hash: row.get(7)?,
        chain_hash: row.get(8)?,
        entry,
        strays: Vec::new(),
    })
}

type Rebuilt = std::result::Result<SignedEntry, String>;

fn rebuild(
    row: &Row,
    seq: i64,
    details: &Details,
    postings: Vec<(String, i64)>,
    hashes: &HashMap<i64, Vec<u8>>,
) -> Result<Rebuilt> {
    let entry_type: String = row.get(1)?;
    let recorded_at: String = row.get(2)?;
    let role: String = row.get(3)?;
    let signer_account: Option<String> = row.get(4)?;
    let signer_key: Vec<u8> = row.get(5)?;
    let signature: Vec<u8> = row.get(6)?;
    let tx_columns = TxColumns {
        date: row.get(9)?,
        work: row.get(10)?,
        skill: row.get(11)?,
        description: row.get(12)?,
        slip: row.get(13)?,
        // Read as any value: text written there outside akker is this
        // entry's problem to report, not a failure of the whole reading.
        reverses_seq: match row.get::<_, rusqlite::types::Value>(14)? {
            rusqlite::types::Value::Null => Ok(None),
            rusqlite::types::Value::Integer(seq) => Ok(Some(seq)),
            _ => Err("the reversed entry's seq is not a number".to_string()),
        },
        reason: row.get(15)?,
        override_reason: row.get(16)?,
    };
    Ok((|| -> Rebuilt {
        let recorded_at = canonical(
            &recorded_at,
            "time",
            |t| {
                DateTime::parse_from_rfc3339(t)
                    .map(|t| t.with_timezone(&Utc))
                    .map_err(|_| format!("recorded_at '{t}' is not a time"))
            },
            |t| crate::signing::canonical::format_time(*t),
        )?;
        let signer = Signer {
            role: SignerRole::parse(&role)
                .ok_or_else(|| format!("unknown signer role '{role}'"))?,
            account: signer_account.as_deref().map(parse_id).transpose()?,
            public_key: signer_key
                .try_into()
                .map_err(|_| "signer key is not 32 bytes".to_string())?,
        };
        let body = match entry_type.as_str() {
            "transaction" => EntryBody::Transaction(tx_columns.rebuild(postings, hashes)?),
            "request-made" => details.requests.made(seq)?,
            "request-confirmed" | "request-declined" | "request-withdrawn" => {
                details.requests.settled(seq, &entry_type, hashes, || {
                    tx_columns.rebuild(postings, hashes)
                })?
            }
            "gift" => movement::gift(tx_columns, postings)?,
            "fund-run" => details.movement.fund_run(seq, tx_columns, postings)?,
            "soft-limits-set" => details.movement.soft_limits_set(seq)?,
            "ledger-created" => EntryBody::LedgerCreated(
                details
                    .settings
                    .get(&seq)
                    .cloned()
                    .ok_or("settings row missing")?,
            ),
            "account-opened" | "limits-set" | "account-closed" => {
                account_event(&entry_type, details.account_events.get(&seq))?
            }
            "card-issued" | "card-revoked" => {
                card_event(&entry_type, details.card_events.get(&seq))?
            }
            "statements-issued" => {
                let (period, head_seq, head_hash) = details
                    .statement_issues
                    .get(&seq)
                    .ok_or("statement issue row missing")?;
                EntryBody::StatementsIssued {
                    period: period.clone(),
                    head_seq: *head_seq,
                    head_hash: head_hash
                        .clone()
                        .try_into()
                        .map_err(|_| "head hash is not 32 bytes")?,
                }
            }
            "attestation-issued" => attestation(details.attestations.get(&seq))?,
            "setting-set" => {
                let (name, value) = details
                    .setting_events
                    .get(&seq)
                    .ok_or("setting row missing")?;
                EntryBody::SettingSet {
                    name: canonical(
                        name,
                        "setting name",
                        |t| {
                            t.parse()
                                .map_err(|e: crate::ledger::SettingError| e.to_string())
                        },
                        |k: &crate::ledger::SettingKey| k.as_str().to_string(),
                    )?,
                    value: value.clone(),
                }
            }
            "treasurer-key-changed" => {
                let (key, acceptance, reason) = details
                    .key_changes
                    .get(&seq)
                    .ok_or("treasurer key change row missing")?;
                EntryBody::TreasurerKeyChanged {
                    new_key: key
                        .clone()
                        .try_into()
                        .map_err(|_| "new treasurer key is not 32 bytes")?,
                    acceptance: acceptance
                        .clone()
                        .try_into()
                        .map_err(|_| "the handover's acceptance is not 64 bytes")?,
                    reason: parse_reason(reason)?,
                }
            }
            "clock-confirmed" => EntryBody::ClockConfirmed {
                date: parse_date(
                    details
                        .clock_confirmations
                        .get(&seq)
                        .ok_or("clock confirmation row missing")?,
                )?,
            },
            "clock-corrected" => {
                let (first_wrong_seq, reason) = details
                    .clock_corrections
                    .get(&seq)
                    .ok_or("clock correction row missing")?;
                EntryBody::ClockCorrected {
                    first_wrong_seq: *first_wrong_seq,
                    reason: parse_reason(reason)?,
                }
            }
            other => return Err(format!("unknown entry type '{other}'")),
        };
        let signature = signature
            .try_into()
            .map_err(|_| "signature is not 64 bytes".to_string())?;
        Ok(SignedEntry {
            entry: Entry { recorded_at, body },
            signer,
            signature,
        })
    })())
}

/// Stored values are always in canonical form, because akker writes them
/// from validated values. A value that only parses after clean-up (spaces
/// trimmed, case changed, another time format) was changed outside akker,
/// and must not be silently normalised back to what was signed.
fn canonical<T>(
    stored: &str,
    what: &str,
    parse: impl Fn(&str) -> std::result::Result<T, String>,
    text: impl Fn(&T) -> String,
) -> std::result::Result<T, String> {
    let value = parse(stored)?;
    if text(&value) != stored {
        return Err(format!(
            "the stored {what} '{stored}' is not in the form akker writes"
        ));
    }
    Ok(value)
}

fn parse_id(text: &str) -> std::result::Result<AccountId, String> {
    canonical(
        text,
        "account id",
        |t| AccountId::parse(t).map_err(|e| e.to_string()),
        |a| a.as_str().to_string(),
    )
}

fn parse_reason(text: &str) -> std::result::Result<Reason, String> {
    canonical(
        text,
        "reason",
        |t| Reason::from_stored(t).map_err(|e| e.to_string()),
        |r| r.as_str().to_string(),
    )
}

/// A column that no signature covers must stay empty for its entry type.
fn unsigned_empty(is_empty: bool, what: &str) -> std::result::Result<(), String> {
    if is_empty {
        Ok(())
    } else {
        Err(format!(
            "the {what} column holds a value, but no signature covers it for this kind of entry"
        ))
    }
}

fn amount(minor: i64) -> Amount {
    Amount::from_minor(minor)
}

fn account_event(
    entry_type: &str,
    row: Option<&AccountEventRow>,
) -> std::result::Result<EntryBody, String> {
    let row = row.ok_or("account event row missing")?;
    let account = parse_id(&row.account)?;
    let limits = || -> std::result::Result<Limits, String> {
        match (row.floor, row.ceiling) {
            (Some(f), Some(c)) => Limits::new(amount(f), amount(c)).map_err(|e| e.to_string()),
            _ => Err("limits missing".to_string()),
        }
    };
    let reason = || parse_reason(&row.reason);
    Ok(match entry_type {
        "account-opened" => {
            unsigned_empty(row.reason.is_empty(), "reason")?;
            let kind = canonical(
                row.kind.as_deref().unwrap_or(""),
                "account kind",
                |t| {
                    t.parse()
                        .map_err(|e: crate::ledger::FieldError| e.to_string())
                },
                |k: &crate::ledger::AccountKind| k.as_str().to_string(),
            )?;
            EntryBody::AccountOpened {
                account,
                kind,
                limits: limits()?,
            }
        }
        "limits-set" => {
            unsigned_empty(row.kind.is_none(), "kind")?;
            EntryBody::LimitsSet {
                account,
                limits: limits()?,
                reason: reason()?,
            }
        }
        _ => {
            unsigned_empty(
                row.kind.is_none() && row.floor.is_none() && row.ceiling.is_none(),
                "kind or limits",
            )?;
            EntryBody::AccountClosed {
                account,
                reason: reason()?,
            }
        }
    })
}

fn parse_date(text: &str) -> std::result::Result<NaiveDate, String> {
    canonical(
        text,
        "date",
        |t| {
            NaiveDate::parse_from_str(t, "%Y-%m-%d")
                .map_err(|_| format!("date '{t}' is not a date"))
        },
        |d| d.format("%Y-%m-%d").to_string(),
    )
}

fn attestation(row: Option<&AttestationRow>) -> std::result::Result<EntryBody, String> {
    let row = row.ok_or("attestation row missing")?;
    Ok(EntryBody::AttestationIssued {
        account: parse_id(&row.account)?,
        from: parse_date(&row.from)?,
        to: parse_date(&row.to)?,
        given: amount(row.given),
        head_seq: row.head_seq,
        head_hash: row
            .head_hash
            .clone()
            .try_into()
            .map_err(|_| "head hash is not 32 bytes")?,
    })
}

fn card_event(
    entry_type: &str,
    row: Option<&CardEventRow>,
) -> std::result::Result<EntryBody, String> {
    let row = row.ok_or("card event row missing")?;
    let account = parse_id(&row.account)?;
    let public_key: [u8; 32] = row
        .public_key
        .clone()
        .try_into()
        .map_err(|_| "card key is not 32 bytes")?;
    let reason = parse_reason(&row.reason)?;
    if entry_type == "card-revoked" {
        unsigned_empty(
            row.holder.is_none() && row.kdf.is_none(),
            "holder or key derivation",
        )?;
        return Ok(EntryBody::CardRevoked {
            account,
            card_number: row.card_number,
            public_key,
            reason,
        });
    }
    let (memory_kib, iterations, parallelism) =
        row.kdf.ok_or("card key derivation parameters missing")?;
    Ok(EntryBody::CardIssued {
        account,
        card_number: row.card_number,
        public_key,
        holder: row.holder.as_deref().map(parse_id).transpose()?,
        kdf: KdfParams {
            memory_kib,
            iterations,
            parallelism,
        },
        reason,
    })
}

struct TxColumns {
    date: Option<String>,
    work: Option<String>,
    skill: Option<String>,
    description: Option<String>,
    slip: Option<String>,
    reverses_seq: std::result::Result<Option<i64>, String>,
    reason: Option<String>,
    override_reason: Option<String>,
}

impl TxColumns {
    fn rebuild(
        self,
        postings: Vec<(String, i64)>,
        hashes: &HashMap<i64, Vec<u8>>,
    ) -> std::result::Result<Transaction, String> {
        let date = self.date.ok_or("transaction row missing")?;
        let reverses = match self.reverses_seq? {
            None => {
                unsigned_empty(self.reason.is_none(), "reversal reason")?;
                None
            }
            Some(seq) => Some(ReversalLink {
                seq,
                entry_hash: hashes
                    .get(&seq)
                    .and_then(|h| h.clone().try_into().ok())
                    .ok_or_else(|| {
                        format!("reverses #{seq}, which is not an earlier transaction")
                    })?,
                reason: parse_reason(self.reason.as_deref().unwrap_or(""))?,
            }),
        };
        let postings = postings
            .into_iter()
            .map(|(account, minor)| {
                Ok(Posting {
                    account: parse_id(&account)?,
                    amount: amount(minor),
                })
            })
            .collect::<std::result::Result<Vec<_>, String>>()?;
        let parts = TransactionParts {
            date: parse_date(&date)?,
            work: canonical(
                self.work.as_deref().unwrap_or(""),
                "kind of work",
                |t| {
                    t.parse()
                        .map_err(|e: crate::ledger::FieldError| e.to_string())
                },
                |w: &crate::ledger::WorkKind| w.as_str().to_string(),
            )?,
            skill: self
                .skill
                .as_deref()
                .map(|t| {
                    canonical(
                        t,
                        "skill",
                        |t| Skill::parse(t).map_err(|e| e.to_string()),
                        |s| s.as_str().to_string(),
                    )
                })
                .transpose()?,
            description: canonical(
                self.description.as_deref().unwrap_or(""),
                "description",
                |t| Description::from_stored(t).map_err(|e| e.to_string()),
                |d| d.as_str().to_string(),
            )?,
            slip: self
                .slip
                .as_deref()
                .map(|t| {
                    canonical(
                        t,
                        "slip",
                        |t| SlipRef::from_stored(t).map_err(|e| e.to_string()),
                        |s| s.as_str().to_string(),
                    )
                })
                .transpose()?,
            reverses,
            override_reason: self
                .override_reason
                .as_deref()
                .map(parse_reason)
                .transpose()?,
            postings,
        };
        Transaction::new(parts).map_err(|e| e.to_string())
    }
}
