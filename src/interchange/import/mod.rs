//! Importing spreadsheets: accounts, past exchanges and opening balances.
//!
//! Each kind has a `plan` function that is pure: given the file's bytes
//! and a `Snapshot` of the ledger, it returns every problem in the file,
//! or the entries to record. The snapshot runs the ledger's own rules
//! (`LedgerState::apply`) on each planned entry in turn, so line 900 is
//! checked against the balances that lines 2 to 899 would leave. `record`
//! signs the planned entries on every core and appends them in one batch.

pub mod accounts;
pub mod exchanges;
pub mod fields;
pub mod opening;

use chrono::{DateTime, NaiveDate, Utc};
use rayon::prelude::*;
use serde::Serialize;

use crate::ledger::{
    AccountId, AccountState, Entry, EntryBody, LedgerError, LedgerState, Settings, SignedEntry,
    Signer, SignerRole,
};
use crate::signing::{canonical, chain, KeyHolder};
use crate::store::{NewProfile, Pending, Store, StoreError};

use super::Problem;

/// An input file: its name (kept in slip references), its bytes, and
/// the separator when the treasurer chose one.
pub struct Source<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
    pub delimiter: Option<u8>,
}

/// The entries an import would record, in order, with what to tell the
/// treasurer about the file (ignored columns, overrides, notes).
#[derive(Debug, Default)]
pub struct Plan {
    pub entries: Vec<Planned>,
    pub ignored_columns: Vec<String>,
    pub notes: Vec<String>,
}

/// One entry to record and the lines of the file it comes from.
#[derive(Debug, Clone)]
pub struct Planned {
    pub first_line: u64,
    pub last_line: u64,
    /// The sequence number it will get if nobody else writes meanwhile.
    pub seq: i64,
    pub entry: Entry,
    pub profile: Option<NewProfile>,
}

/// What an import found: the planned entries, or every problem.
pub type Outcome = Result<Plan, Vec<Problem>>;

/// The ledger as an import sees it: its rules' state, and the place and
/// time where the new entries will go. Entries are applied as the
/// treasurer will sign them, with a blank signature (the store checks
/// signatures; the rules do not look at them).
pub struct Snapshot {
    ledger_id: String,
    signer: Signer,
    state: LedgerState,
    next_seq: i64,
    now: DateTime<Utc>,
}

impl Snapshot {
    pub fn of(store: &Store, now: DateTime<Utc>) -> Result<Snapshot, StoreError> {
        let settings = store.settings().clone();
        let signer = Signer {
            role: SignerRole::Treasurer,
            account: None,
            public_key: settings.treasurer_key,
        };
        let accounts = store
            .cached_states()?
            .into_iter()
            .map(|s| (s.id.clone(), s))
            .collect();
        let state = LedgerState {
            settings: Some(settings),
            accounts,
            ..LedgerState::default()
        };
        let next_seq = store.chain_head()?.0 + 1;
        Ok(Snapshot {
            ledger_id: store.ledger_id().to_string(),
            signer,
            state,
            next_seq,
            now,
        })
    }

    pub fn settings(&self) -> &Settings {
        self.state
            .settings
            .as_ref()
            .expect("a snapshot always has the ledger's settings")
    }

    pub fn account(&self, id: &AccountId) -> Option<&AccountState> {
        self.state.accounts.get(id)
    }

    /// Today in the community's time zone: no exchange may be dated later.
    pub fn today(&self) -> NaiveDate {
        crate::ops::today(self.settings(), self.now)
    }

    /// Runs every rule on `body` as the next entry. On success the state
    /// moves on and the entry, its seq and its hash come back (the hash
    /// does not depend on the signature, so a reversal can link to an
    /// entry that is not signed yet). On error nothing changes.
    pub fn apply(&mut self, body: EntryBody) -> Result<(i64, [u8; 32], Entry), LedgerError> {
        let entry = Entry {
            recorded_at: self.now,
            body,
        };
        let hash = chain::entry_hash(&canonical::message(&self.ledger_id, &entry, &self.signer));
        let signed = SignedEntry {
            entry,
            signer: self.signer.clone(),
            signature: [0; 64],
        };
        let seq = self.next_seq;
        self.state.apply(seq, &signed, hash)?;
        self.next_seq += 1;
        Ok((seq, hash, signed.entry))
    }
}

/// Signs every planned entry with the treasurer's key, on every core,
/// and records them in one `Store::append` batch: one SQLite transaction,
/// so either all are recorded or none. Returns their sequence numbers.
/// With `new_file`, the batch is refused inside that transaction when a
/// transaction from a file of that name is already recorded
/// (`Store::append_import`): the same file imported twice at once is
/// recorded once.
pub fn record(
    store: &mut Store,
    treasurer: &KeyHolder,
    plan: Plan,
    new_file: Option<&str>,
) -> Result<Vec<i64>, StoreError> {
    let ledger_id = store.ledger_id().to_string();
    let batch: Vec<Pending> = plan
        .entries
        .into_par_iter()
        .map(|planned| {
            let signed = treasurer.sign(&ledger_id, planned.entry);
            match planned.profile {
                Some(profile) => Pending::with_profile(signed, profile),
                None => Pending::entry(signed),
            }
        })
        .collect();
    match new_file {
        Some(file) => store.append_import(batch, file),
        None => store.append(batch),
    }
}

/// Refuses a file whose name already appears in the ledger's slip
/// references: importing the same exchanges twice would count them twice.
/// (Checked again inside the write, see `record`.)
pub fn check_not_imported_before(store: &Store, source_name: &str) -> Result<(), Problem> {
    let prefix = format!("{source_name}:");
    let count = store
        .count_slips_with_prefix(&prefix)
        .map_err(|e| Problem::file(e.to_string()))?;
    if count > 0 {
        return Err(Problem::file(
            crate::ledger::RuleError::AlreadyImported {
                file: source_name.to_string(),
                count,
            }
            .to_string(),
        ));
    }
    Ok(())
}

/// A short summary of a plan for `--dry-run` and the final message.
#[derive(Debug, Serialize)]
pub struct Summary {
    pub entries: usize,
    pub first_seq: Option<i64>,
    pub last_seq: Option<i64>,
    pub ignored_columns: Vec<String>,
    pub notes: Vec<String>,
}

impl Plan {
    pub fn summary(&self) -> Summary {
        Summary {
            entries: self.entries.len(),
            first_seq: self.entries.first().map(|p| p.seq),
            last_seq: self.entries.last().map(|p| p.seq),
            ignored_columns: self.ignored_columns.clone(),
            notes: self.notes.clone(),
        }
    }
}

/// The slip reference of an imported entry: the file and its lines,
/// and the slip the line itself names, within the 200 characters a slip
/// reference may have.
pub fn slip_reference(
    source_name: &str,
    first_line: u64,
    last_line: u64,
    original: Option<&str>,
) -> String {
    let lines = if first_line == last_line {
        first_line.to_string()
    } else {
        format!("{first_line}-{last_line}")
    };
    let mut slip = format!("{source_name}:{lines}");
    if let Some(original) = original {
        slip.push_str(&format!(" ({original})"));
    }
    slip.chars().take(200).collect()
}
