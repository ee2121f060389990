//! Data in and out: importing the treasurer's spreadsheets, exporting to
//! CSV, plain-text accounting journals (hledger/ledger, beancount) and
//! JSON, and taking and restoring backups.
//!
//! Imports are two steps. `plan` is pure: it reads the file's bytes,
//! checks every line against the ledger's rules as the ledger would
//! evolve line by line (a snapshot of `LedgerState`, limits included),
//! and returns either every problem found or the entries to record.
//! `record` then signs those entries in parallel and hands them to
//! `Store::append` as one batch: one SQLite transaction, all or nothing.
//! Nothing here contains SQL; the store re-checks every rule on write.

pub mod backup;
pub mod export;
pub mod import;
pub mod sheet;
pub mod words;

use std::fmt;

use serde::Serialize;

/// One mistake in an input file: where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The line in the file (1 is the header); none for the file as a whole.
    pub line: Option<u64>,
    /// The column's name as the header writes it, when one column is at fault.
    pub column: Option<String>,
    /// What is wrong and what to do, in one sentence.
    pub message: String,
}

impl Problem {
    pub fn at(line: u64, column: Option<&str>, message: impl Into<String>) -> Problem {
        Problem {
            line: Some(line),
            column: column.map(str::to_string),
            message: message.into(),
        }
    }

    pub fn file(message: impl Into<String>) -> Problem {
        Problem {
            line: None,
            column: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, &self.column) {
            (Some(line), Some(column)) => {
                write!(f, "line {line}, column {column}: {}", self.message)
            }
            (Some(line), None) => write!(f, "line {line}: {}", self.message),
            (None, _) => f.write_str(&self.message),
        }
    }
}

/// Problems in reading order: by line, file-wide ones last.
pub fn sort_problems(problems: &mut [Problem]) {
    problems.sort_by_key(|p| (p.line.is_none(), p.line));
}
