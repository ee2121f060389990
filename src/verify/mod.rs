//! `verify`: the check that must never be skipped. It reads the whole
//! journal back and proves, independently of how it was written, that
//! every signature is good, the hash chain is whole, every transaction
//! balances, every rule held when each entry was recorded (limits, cards,
//! reversals), and the cached balances equal the sum of the postings.
//! Every problem is reported, with the entry involved; none stops it.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::mpsc;

use chrono::{DateTime, Utc};
use rayon::prelude::*;
use serde::Serialize;

mod attestations;
mod requests;

use crate::ledger::{AccountId, EntryBody, LedgerState};
use crate::signing::{canonical, chain, fingerprint, handover, keys, normalise_fingerprint};
use crate::store::journal::StoredRow;
use crate::store::{Store, StoreError};

pub mod policy;

#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    /// The journal entry involved, when there is one.
    pub seq: Option<i64>,
    /// Which check failed: signature, entry-hash, duplicate, chain,
    /// sequence, content, rules, statement-head, cached-balance, total,
    /// requests.
    pub check: &'static str,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub entries: i64,
    pub transactions: i64,
    pub accounts: usize,
    pub chain_head: String,
    /// The current treasurer key by the journal (hex) and its fingerprint:
    /// compare it with the one posted in the community centre.
    pub treasurer_key: String,
    pub treasurer_fingerprint: String,
    /// What the treasurer's key file said, when one was found.
    pub key_file: Option<KeyFileCheck>,
    /// The IANA time-zone data months and days are counted with.
    pub tz_data: &'static str,
    pub problems: Vec<Problem>,
}

/// The outside facts `verify` compares the ledger with: the file alone
/// cannot prove who its treasurer is, since whoever can write it can
/// re-sign all of it under a key of their own.
#[derive(Debug, Clone, Default)]
pub struct Anchors {
    /// The treasurer's key file found beside the ledger (or given), with
    /// the public key it holds, or why it could not be read.
    pub key_file: Option<KeyFileFound>,
    /// A fingerprint typed by the user (`--treasurer`), as typed.
    pub fingerprint: Option<String>,
}

/// A key file's path and the public key it holds, or why it could not
/// be read.
pub type KeyFileFound = (String, Result<[u8; 32], String>);

#[derive(Debug, Clone, Serialize)]
pub struct KeyFileCheck {
    pub path: String,
    /// "current": the ledger's current treasurer key; "former": a key the
    /// ledger was handed over from (a note, not a problem); "other".
    pub holds: &'static str,
    pub fingerprint: Option<String>,
}

impl Report {
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Rows checked per round: large enough to keep both cores busy, small
/// enough that a million-entry journal never sits in memory at once.
const CHUNK_LEN: usize = 32 * 1024;
/// Signatures per batch check: the batch's multi-scalar multiplication
/// gets cheaper per signature as it grows (4,096 cost 12% less CPU than
/// 256 on a million entries).
const BATCH_LEN: usize = 4096;

/// Runs every check. Three stages overlap so both cores stay busy: this
/// thread reads chunks from SQLite, a second checks hashes and signatures
/// (itself spread over the rayon pool), a third replays the rules in order.
pub fn verify(store: &Store) -> Result<Report, StoreError> {
    verify_against(store, &Anchors::default())
}

/// [`verify`], also comparing the treasurer key with `anchors`.
pub fn verify_against(store: &Store, anchors: &Anchors) -> Result<Report, StoreError> {
    // The file's own pages first: a damaged index page passes every check
    // below, and a damaged table page makes them fail with no clear cause.
    store.check_structure()?;
    // One snapshot for the journal and the cache: a payment recorded by
    // another program meanwhile must not look like a damaged balance.
    store.read_snapshot(|store| {
        let ledger_id = store.ledger_id().to_string();
        let (to_crypto, crypto_in) = mpsc::sync_channel::<Vec<StoredRow>>(2);
        let (to_replay, replay_in) = mpsc::sync_channel::<(Vec<StoredRow>, Vec<Crypto>)>(2);
        let mut replay = std::thread::scope(|scope| {
            let id = ledger_id.clone();
            scope.spawn(move || {
                for chunk in crypto_in {
                    let crypto = check_crypto(&id, &chunk);
                    if to_replay.send((chunk, crypto)).is_err() {
                        break;
                    }
                }
            });
            let replayer = scope.spawn(move || {
                let mut replay = Replay::new();
                for (chunk, crypto) in replay_in {
                    for (row, crypto) in chunk.iter().zip(crypto) {
                        replay.check_row(row, crypto);
                    }
                }
                replay
            });
            let read = store.for_each_journal_chunk(CHUNK_LEN, |chunk| {
                // The receiver only hangs up if a stage panicked, which the
                // join below reports; reading on would be in vain.
                match to_crypto.send(chunk) {
                    Ok(()) => std::ops::ControlFlow::Continue(()),
                    Err(_) => std::ops::ControlFlow::Break(()),
                }
            });
            drop(to_crypto);
            let replay = replayer.join().expect("the replay stage does not panic");
            read.map(|()| replay)
        })?;
        replay.compare_cache(store)?;
        if let Some(at) = replay.state.clock.last_recorded_at {
            // The store's floors may only be read when its tables are
            // whole; a damaged table is reported by the checks above.
            if let Ok(differences) = policy::compare_floors(store, &replay.state, at) {
                for d in differences {
                    replay.problem(None, "policy", d.message);
                }
            }
        }
        let found = requests::compare(&replay.state.requests, store)?;
        replay.problems.extend(found);
        match attestations::compare(store, replay.first_movement) {
            Ok(found) => replay.problems.extend(found),
            Err(StoreError::Corrupt(why)) => replay.problem(
                None,
                "attestation",
                format!("the attestations cannot be read back: {why}"),
            ),
            Err(other) => return Err(other),
        }
        for found in store.audit()? {
            replay.problem(found.seq, found.check, found.message);
        }
        let key_file = replay.compare_anchors(anchors);
        let mut report = replay.report();
        report.key_file = key_file;
        Ok(report)
    })
}

struct Replay {
    state: LedgerState,
    chain: [u8; 32],
    /// Chain hash after each entry (index = seq - 1), for statement heads.
    chain_hashes: Vec<[u8; 32]>,
    /// The first entry with each content hash: a signed entry copied
    /// again (a replayed payment) has the same hash as the original.
    seen: HashMap<[u8; 32], i64, BuildHasherDefault<FirstBytes>>,
    expected_seq: i64,
    transactions: i64,
    problems: Vec<Problem>,
    /// Every treasurer key in force, with the entry that made it so.
    treasurer_keys: Vec<(i64, [u8; 32])>,
    /// Recording time of each entry (index = seq - 1), for the periods of
    /// statement heads and clock corrections.
    times: Vec<DateTime<Utc>>,
    /// The first gift or fund run: attestations signed before it may carry
    /// the total as version 1 of the code counted it.
    first_movement: Option<i64>,
}

impl Replay {
    fn new() -> Replay {
        Replay {
            state: LedgerState::default(),
            chain: chain::GENESIS,
            chain_hashes: Vec::new(),
            seen: HashMap::default(),
            expected_seq: 1,
            transactions: 0,
            problems: Vec::new(),
            treasurer_keys: Vec::new(),
            times: Vec::new(),
            first_movement: None,
        }
    }

    fn problem(&mut self, seq: Option<i64>, check: &'static str, message: String) {
        self.problems.push(Problem {
            seq,
            check,
            message,
        });
    }

    fn check_row(&mut self, row: &StoredRow, crypto: Crypto) {
        let seq = row.seq;
        if seq != self.expected_seq {
            let message = if seq > self.expected_seq {
                format!(
                    "entries #{} to #{} are missing from the journal",
                    self.expected_seq,
                    seq - 1
                )
            } else {
                format!("entry #{seq} is out of order")
            };
            self.problem(Some(seq), "sequence", message);
        }
        self.expected_seq = seq + 1;
        for stray in &row.strays {
            self.problem(
                Some(seq),
                "unexplained-row",
                format!("{stray}: no signed entry explains it"),
            );
        }
        if !crypto.hash_matches {
            self.problem(
                Some(seq),
                "entry-hash",
                format!("the stored content of #{seq} is not what was signed (its hash differs)"),
            );
        }
        if !crypto.signature_ok {
            self.problem(
                Some(seq),
                "signature",
                format!("the signature of #{seq} does not match its content and signer"),
            );
        }
        if !crypto.acceptance_ok {
            self.problem(
                Some(seq),
                "handover",
                format!("the handover #{seq} is not accepted by the new treasurer key it names: its acceptance signature does not verify"),
            );
        }
        self.check_chain(row);
        self.times.push(
            row.entry
                .as_ref()
                .map_or(DateTime::<Utc>::MIN_UTC, |s| s.entry.recorded_at),
        );
        match &row.entry {
            Err(why) => self.problem(
                Some(seq),
                "content",
                format!("entry #{seq} cannot be read back: {why}"),
            ),
            Ok(signed) => {
                if signed.entry.body.payment().is_some() {
                    self.transactions += 1;
                }
                if matches!(
                    signed.entry.body,
                    EntryBody::Gift(_) | EntryBody::FundRun(_)
                ) {
                    self.first_movement.get_or_insert(seq);
                }
                match &signed.entry.body {
                    EntryBody::StatementsIssued {
                        head_seq,
                        head_hash,
                        period,
                    } => {
                        self.check_statement_head(
                            seq,
                            *head_seq,
                            head_hash,
                            &format!("the statements of {period}"),
                        );
                        self.check_period_head(seq, *head_seq, period);
                    }
                    EntryBody::ClockCorrected {
                        first_wrong_seq, ..
                    } => self.check_correction(seq, *first_wrong_seq),
                    EntryBody::AttestationIssued {
                        head_seq,
                        head_hash,
                        account,
                        ..
                    } => {
                        self.check_statement_head(
                            seq,
                            *head_seq,
                            head_hash,
                            &format!("the attestation of {account}"),
                        );
                    }
                    _ => {}
                }
                let hash = crypto.recomputed_hash;
                if let Some(first) = self.seen.insert(hash, seq) {
                    self.seen.insert(hash, first);
                    self.problem(Some(seq), "duplicate", format!("entry #{seq} is a copy of #{first}: the same signed content recorded twice"));
                }
                let key_before = self.state.treasurer_key;
                if let Err(err) = self.state.apply(seq, signed, hash) {
                    self.problem(
                        Some(seq),
                        "rules",
                        format!("entry #{seq} broke a rule when it was recorded: {err}"),
                    );
                }
                if let Some(key) = self.state.treasurer_key.filter(|k| Some(*k) != key_before) {
                    self.treasurer_keys.push((seq, key));
                }
            }
        }
    }

    /// Recomputes the chain from the stored hashes and signatures. After a
    /// break, it continues from the stored value so one change is reported
    /// once, not for every later entry.
    fn check_chain(&mut self, row: &StoredRow) {
        let (Ok(hash), Ok(signature)) = (
            <[u8; 32]>::try_from(row.entry_hash.as_slice()),
            <[u8; 64]>::try_from(row.signature.as_slice()),
        ) else {
            self.problem(
                Some(row.seq),
                "chain",
                format!("entry #{} has a damaged hash or signature column", row.seq),
            );
            return;
        };
        let expected = chain::next_chain(&self.chain, &hash, &signature);
        let stored: [u8; 32] = row.chain_hash.as_slice().try_into().unwrap_or([0; 32]);
        if expected != stored {
            self.problem(Some(row.seq), "chain", format!("the hash chain is broken at #{}: an entry before it was changed, removed or reordered, or this link was", row.seq));
        }
        self.chain = stored;
        self.chain_hashes.push(stored);
    }

    /// A month's statements are reproduced by the entries up to their
    /// head: the head is the last entry recorded before the month ended,
    /// and none between it and the issue was recorded in or before the
    /// month (later ones are refused by the rules).
    fn check_period_head(&mut self, seq: i64, head_seq: i64, period: &str) {
        let (Ok(month), Some(tz)) = (
            period.parse::<crate::ledger::Month>(),
            self.state.settings.as_ref().map(|s| s.tz()),
        ) else {
            return;
        };
        let end = month.next().start_utc(tz);
        let head = usize::try_from(head_seq - 1).ok();
        let head_before_end = head
            .and_then(|i| self.times.get(i))
            .is_some_and(|t| *t < end);
        let between = head
            .map(|i| i + 1..self.times.len().saturating_sub(1))
            .and_then(|range| self.times.get(range))
            .unwrap_or_default();
        if let Some(k) = between.iter().position(|t| *t < end) {
            let late = head_seq + 1 + k as i64;
            self.problem(
                Some(seq),
                "statement-period",
                format!("the statements of {period} end at #{head_seq}, but #{late}, recorded after it, has a time in or before {period}: the month would not reprint the same"),
            );
        } else if !head_before_end && head_seq > 1 {
            self.problem(
                Some(seq),
                "statement-period",
                format!("the statements of {period} end at #{head_seq}, which was recorded after {period} ended"),
            );
        }
    }

    /// A clock correction names the first entry recorded ahead of it,
    /// and the entry before that was not.
    fn check_correction(&mut self, seq: i64, first_wrong_seq: i64) {
        let at = |s: i64| {
            usize::try_from(s - 1)
                .ok()
                .and_then(|i| self.times.get(i).copied())
        };
        let (Some(now), Some(first)) = (at(seq), at(first_wrong_seq)) else {
            return;
        };
        let before_ok = first_wrong_seq <= 2 || at(first_wrong_seq - 1).is_some_and(|t| t <= now);
        if first <= now || !before_ok {
            self.problem(
                Some(seq),
                "clock",
                format!("the clock correction #{seq} names #{first_wrong_seq} as the first entry recorded ahead of it, which it is not"),
            );
        }
    }

    fn check_statement_head(&mut self, seq: i64, head_seq: i64, head_hash: &[u8; 32], what: &str) {
        let recorded = usize::try_from(head_seq - 1)
            .ok()
            .and_then(|i| self.chain_hashes.get(i));
        if recorded != Some(head_hash) {
            self.problem(
                Some(seq),
                "statement-head",
                format!("{what} signed a chain head that is not entry #{head_seq}'s"),
            );
        }
    }

    fn compare_cache(&mut self, store: &Store) -> Result<(), StoreError> {
        // A read-model row that does not even parse is reported like any
        // other difference, and the journal's checks still run.
        let cached: BTreeMap<AccountId, _> = match store.cached_states() {
            Ok(states) => states.into_iter().map(|s| (s.id.clone(), s)).collect(),
            Err(StoreError::Corrupt(why)) => {
                self.problem(
                    None,
                    "read-model",
                    format!("the accounts table cannot be read back: {why}"),
                );
                return Ok(());
            }
            Err(err) => return Err(err),
        };
        let replayed: BTreeMap<AccountId, _> = self
            .state
            .accounts
            .iter()
            .map(|(id, s)| (id.clone(), s.clone()))
            .collect();
        for (id, truth) in &replayed {
            match cached.get(id) {
                None => self.problem(
                    None,
                    "cached-balance",
                    format!("account {id} is in the journal but missing from the accounts table"),
                ),
                Some(c) if c.balance != truth.balance => self.problem(
                    None,
                    "cached-balance",
                    format!(
                        "account {id}: cached balance {} but its postings sum to {}",
                        c.balance, truth.balance
                    ),
                ),
                Some(c)
                    if c.limits != truth.limits
                        || c.status != truth.status
                        || c.kind != truth.kind =>
                {
                    self.problem(
                        None,
                        "cached-balance",
                        format!(
                            "account {id}: cached kind, limits or status differ from the journal"
                        ),
                    )
                }
                Some(_) => {}
            }
        }
        for id in cached.keys().filter(|id| !replayed.contains_key(*id)) {
            self.problem(
                None,
                "cached-balance",
                format!(
                    "account {id} is in the accounts table but was never opened in the journal"
                ),
            );
        }
        let total: i64 = replayed.values().map(|s| s.balance.minor()).sum();
        if total != 0 {
            self.problem(
                None,
                "total",
                format!(
                    "the balances sum to {}, not zero",
                    crate::ledger::Amount::from_minor(total)
                ),
            );
        }
        Ok(())
    }

    /// Compares the treasurer key the journal ends with against the key
    /// file and the fingerprint the user holds.
    fn compare_anchors(&mut self, anchors: &Anchors) -> Option<KeyFileCheck> {
        let current = self.treasurer_keys.last().map(|(_, k)| *k);
        let current_fp = current.as_ref().map(fingerprint).unwrap_or_default();
        let handed_over = |key: &[u8; 32], keys: &[(i64, [u8; 32])]| {
            keys.iter()
                .position(|(_, k)| k == key)
                .and_then(|i| keys.get(i + 1))
                .map(|(seq, _)| *seq)
        };
        if let Some(typed) = &anchors.fingerprint {
            match normalise_fingerprint(typed) {
                Some(fp) if fp == current_fp => {}
                Some(fp) => {
                    let former = self
                        .treasurer_keys
                        .iter()
                        .find(|(_, k)| fingerprint(k) == fp)
                        .and_then(|(_, k)| handed_over(k, &self.treasurer_keys));
                    let message = match former {
                        Some(seq) => format!("{fp} is a former treasurer key of this ledger, handed over in #{seq}; the current treasurer key is {current_fp}: post the current fingerprint, and compare with it"),
                        None => format!("the ledger's treasurer key is {current_fp}, not the {fp} you gave: this file was not signed by your treasurer (it may have been re-signed under someone else's key); do not trust it"),
                    };
                    self.problem(None, "treasurer-fingerprint", message);
                }
                None => self.problem(
                    None,
                    "treasurer-fingerprint",
                    format!("'{typed}' is not a fingerprint; it looks like ABCD-EFGH-JKMN-PQRS"),
                ),
            }
        }
        let (path, key) = anchors.key_file.as_ref()?;
        let key = match key {
            Ok(key) => key,
            Err(why) => {
                self.problem(
                    None,
                    "treasurer-key",
                    format!("the treasurer's key file {path} cannot be read ({why}); give the right one with --key"),
                );
                return Some(KeyFileCheck {
                    path: path.clone(),
                    holds: "unreadable",
                    fingerprint: None,
                });
            }
        };
        let fp = fingerprint(key);
        let holds = if Some(*key) == current {
            "current"
        } else if handed_over(key, &self.treasurer_keys).is_some() {
            "former"
        } else {
            self.problem(
                None,
                "treasurer-key",
                format!("the key file {path} holds the treasurer key {fp}, but this ledger's treasurer key is {current_fp}: the ledger was not signed by the key you hold (it may have been re-signed under someone else's key), or this is another ledger's key file"),
            );
            "other"
        };
        Some(KeyFileCheck {
            path: path.clone(),
            holds,
            fingerprint: Some(fp),
        })
    }

    fn report(self) -> Report {
        let key = self.treasurer_keys.last().map(|(_, k)| *k);
        Report {
            entries: self.expected_seq - 1,
            transactions: self.transactions,
            accounts: self.state.accounts.len(),
            chain_head: hex::encode(self.chain),
            treasurer_key: key.map(hex::encode).unwrap_or_default(),
            treasurer_fingerprint: key.as_ref().map(fingerprint).unwrap_or_default(),
            key_file: None,
            tz_data: chrono_tz::IANA_TZDB_VERSION,
            problems: self.problems,
        }
    }
}

struct Crypto {
    recomputed_hash: [u8; 32],
    hash_matches: bool,
    signature_ok: bool,
    acceptance_ok: bool,
}

/// Rebuilds each message, hashes it and checks signatures in batches, on
/// every core. A failed batch is re-checked one by one to name the culprit.
fn check_crypto(ledger_id: &str, rows: &[StoredRow]) -> Vec<Crypto> {
    rows.par_chunks(BATCH_LEN)
        .flat_map_iter(|batch| {
            let messages: Vec<Option<Vec<u8>>> = batch
                .iter()
                .map(|row| {
                    row.entry
                        .as_ref()
                        .ok()
                        .map(|s| canonical::message_of(ledger_id, s))
                })
                .collect();
            let batch_ok = batch_verifies(batch, &messages);
            batch
                .iter()
                .zip(messages)
                .map(move |(row, message)| match (message, &row.entry) {
                    (Some(message), Ok(signed)) => {
                        let recomputed_hash = chain::entry_hash(&message);
                        let signature_ok = batch_ok
                            || keys::verify_one(
                                &message,
                                &signed.signer.public_key,
                                &signed.signature,
                            );
                        Crypto {
                            recomputed_hash,
                            hash_matches: row.entry_hash == recomputed_hash,
                            signature_ok,
                            acceptance_ok: handover::acceptance_ok(ledger_id, signed),
                        }
                    }
                    _ => Crypto {
                        recomputed_hash: [0; 32],
                        hash_matches: false,
                        signature_ok: false,
                        acceptance_ok: true,
                    },
                })
        })
        .collect()
}

fn batch_verifies(batch: &[StoredRow], messages: &[Option<Vec<u8>>]) -> bool {
    let mut refs = Vec::with_capacity(batch.len());
    let mut keys_ = Vec::with_capacity(batch.len());
    let mut sigs = Vec::with_capacity(batch.len());
    for (row, message) in batch.iter().zip(messages) {
        let (Some(message), Ok(signed)) = (message, &row.entry) else {
            return false;
        };
        refs.push(message.as_slice());
        keys_.push(signed.signer.public_key);
        sigs.push(signed.signature);
    }
    keys::verify_batch(&refs, &keys_, &sigs)
}

/// Entry hashes are SHA-256 outputs, already uniformly spread: their first
/// eight bytes are a good hash-map key as they are, with no second hashing
/// of a million keys.
#[derive(Default)]
struct FirstBytes(u64);

impl Hasher for FirstBytes {
    fn write(&mut self, bytes: &[u8]) {
        let mut first = [0u8; 8];
        let n = bytes.len().min(8);
        first[..n].copy_from_slice(&bytes[..n]);
        self.0 = self.0.rotate_left(8) ^ u64::from_le_bytes(first);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
