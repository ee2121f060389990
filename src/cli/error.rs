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
}

impl CliError {
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Refused(_) => 1,
            CliError::Usage(_) => 2,
        }
    }
}

impl From<StoreError> for CliError {
    fn from(err: StoreError) -> Self {
        CliError::Refused(err.to_string())
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

impl From<std::io::Error> for CliError {
    fn from(err: std::io::Error) -> Self {
        CliError::Refused(err.to_string())
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;
