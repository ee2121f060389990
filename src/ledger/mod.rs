//! The ledger model and its invariants: amounts, accounts, transactions,
//! journal entries and the rules that decide what may be recorded.
//!
//! This module does no I/O: no SQL, no files, no clock, no terminal. What
//! it accepts is valid by construction; what it refuses comes back as a
//! `LedgerError` naming the rule, the account and the amount involved.

pub mod account;
pub mod amount;
pub mod clock;
pub mod entry;
pub mod error;
pub mod fund;
pub mod period;
pub mod policy;
pub mod request;
pub mod setting;
pub mod state;
pub mod text;
pub mod transaction;

pub use account::{AccountId, AccountKind, AccountStatus, DisplayName, Language, Limits, Reason};
pub use amount::Amount;
pub use entry::{Entry, EntryBody, KdfParams, Settings, SignedEntry, Signer, SignerRole};
pub use error::{AmountError, FieldError, RuleError, TransactionError};
pub use period::Month;
pub use request::{Confirmation, DeclineReason, Outcome, Request, RequestLink, RequestParts};
pub use setting::{SettingError, SettingKey};
pub use state::{AccountState, LedgerState};
pub use transaction::{
    Description, PaymentDetails, Posting, ReversalLink, Skill, SlipRef, Transaction,
    TransactionParts, WorkKind,
};

/// Any refusal of the ledger's rules.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LedgerError {
    #[error(transparent)]
    Field(#[from] FieldError),
    #[error(transparent)]
    Amount(#[from] AmountError),
    #[error(transparent)]
    Transaction(#[from] TransactionError),
    #[error(transparent)]
    Rule(#[from] RuleError),
    #[error(transparent)]
    Setting(#[from] SettingError),
    #[error(transparent)]
    Policy(#[from] policy::PolicyError),
}
