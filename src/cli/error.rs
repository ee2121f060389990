//! Errors as the command line reports them: one line, and an exit status
//! that means something (1: refused or failed, 2: bad usage).

use crate::ledger::{FieldError, LedgerError};
use crate::signing::SigningError;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The command was understood but refused, or the work failed.
    #[error("{0}")]
    Refused(String),
    /// The command line itself was wrong.
    #[error("{0}")]
    Usage(String),
    /// A fault of the ledger file (damaged, read-only, disk full, ...):
    /// kept whole so the message can name the file (`for_ledger`).
    #[error("{0}")]
    Store(StoreError),
}

impl CliError {
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Refused(_) | CliError::Store(_) => 1,
            CliError::Usage(_) => 2,
        }
    }
}

impl CliError {
    /// Names the ledger file in a file fault raised without its name.
    pub fn for_ledger(self, db: &std::path::Path) -> CliError {
        match self {
            CliError::Store(err) => CliError::Store(err.with_path(db)),
            other => other,
        }
    }
}

impl From<StoreError> for CliError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::Ledger(err) => CliError::Refused(err.to_string()),
            other => CliError::Store(other),
        }
    }
}

/// A limit refusal of an entry that has no limit override (a gift, a
/// request's confirmation): the ledger's words advise `--override-limits`,
/// which these commands do not have, so say what can be done instead.
/// `instead` says what the person can do; the treasurer's way follows.
pub fn without_override(err: StoreError, instead: &str) -> CliError {
    use crate::ledger::RuleError;
    let advice = |account: &crate::ledger::AccountId| {
        format!("{instead}, or the treasurer can change the limits of {account} with `akker account set-limits {account}`")
    };
    match &err {
        StoreError::Ledger(LedgerError::Rule(RuleError::BelowFloor {
            account,
            would_be,
            floor,
        })) => CliError::Refused(format!(
            "account {account} would go to {would_be}, below its floor of {floor}; {}",
            advice(account)
        )),
        StoreError::Ledger(LedgerError::Rule(RuleError::AboveCeiling {
            account,
            would_be,
            ceiling,
        })) => CliError::Refused(format!(
            "account {account} would go to {would_be}, above its ceiling of {ceiling}; {}",
            advice(account)
        )),
        _ => err.into(),
    }
}

impl From<LedgerError> for CliError {
    fn from(err: LedgerError) -> Self {
        CliError::Refused(err.to_string())
    }
}

/// A malformed value is bad usage.
impl From<FieldError> for CliError {
    fn from(err: FieldError) -> Self {
        CliError::Usage(err.to_string())
    }
}

impl From<SigningError> for CliError {
    fn from(err: SigningError) -> Self {
        CliError::Refused(err.to_string())
    }
}

/// An OS error with no path at hand still says what to do.
impl From<std::io::Error> for CliError {
    fn from(err: std::io::Error) -> Self {
        CliError::Refused(describe_io(&err))
    }
}

/// Words for an OS error, for messages that name the path themselves:
/// "os error 28" alone tells a treasurer nothing.
pub fn describe_io(err: &std::io::Error) -> String {
    use std::io::ErrorKind as Kind;
    match err.kind() {
        Kind::StorageFull => format!("the disk is full ({err}); free some space and try again"),
        Kind::ReadOnlyFilesystem => {
            format!("the disk is read-only ({err}); write to another folder")
        }
        Kind::PermissionDenied => {
            format!("permission denied ({err}); write to a folder you may write to")
        }
        Kind::NotFound => format!("not found ({err}); check the name and that the folder exists"),
        _ => err.to_string(),
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;
