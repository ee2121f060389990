//! `akker import opening-balances`: for a community moving from another
//! system, each account's balance there becomes one posting of a single
//! transaction signed by the treasurer. Whatever the balances do not sum
//! to is balanced against a system account (`--against SYS-FUND`); a
//! mutual-credit system that already sums to zero needs no counter-posting.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::fields::{self, Fields};
use super::{slip_reference, Outcome, Plan, Planned, Snapshot, Source};
use crate::interchange::sheet::{self, required, Column};
use crate::interchange::{sort_problems, Problem};
use crate::ledger::state::{check_limits, AccountState};
use crate::ledger::{
    AccountId, AccountKind, AccountStatus, Amount, Description, EntryBody, Posting, Reason,
    SlipRef, Transaction, TransactionParts, WorkKind,
};

pub const COLUMNS: &[Column] = &[required("account"), required("balance")];

#[derive(Debug, Clone)]
pub struct Options {
    /// The system account that takes the other side.
    pub against: AccountId,
    pub date: NaiveDate,
    pub work: WorkKind,
    pub description: Description,
    /// Balances beyond an account's limits are recorded anyway, as an
    /// override with this reason.
    pub allow_over_limits: Option<Reason>,
}

pub fn plan(source: &Source, mut snapshot: Snapshot, options: &Options) -> Outcome {
    let (sheet, mut problems) = sheet::read(source.bytes, source.delimiter, COLUMNS)?;
    check_against(&snapshot, options, &mut problems);
    let mut postings: Vec<(u64, Posting)> = Vec::new();
    let mut first_line_of: HashMap<AccountId, u64> = HashMap::new();
    let mut zero_lines = 0;
    for row in &sheet.rows {
        let mut f = Fields::new(&sheet, row, &mut problems);
        let account = f.required("account", "give the account id, like M042", fields::account);
        let balance = f.required(
            "balance",
            "give the balance, like -3.50 or 12",
            fields::signed_amount,
        );
        let (Some(account), Some(balance)) = (account, balance) else {
            continue;
        };
        if check_line(
            &mut f,
            &account,
            balance,
            &snapshot,
            options,
            &mut first_line_of,
        ) {
            if balance.is_zero() {
                zero_lines += 1;
            } else {
                postings.push((
                    row.line,
                    Posting {
                        account,
                        amount: balance,
                    },
                ));
            }
        }
    }
    if postings.is_empty() && problems.is_empty() {
        problems.push(Problem::file(
            "the file holds no balance other than zero; there is nothing to import",
        ));
    }
    let counter = counter_posting(&postings, options, &snapshot, &mut problems);
    if !problems.is_empty() {
        sort_problems(&mut problems);
        return Err(problems);
    }
    let (first_line, last_line) = (
        postings.first().map_or(2, |p| p.0),
        postings.last().map_or(2, |p| p.0),
    );
    let needs_override = options.allow_over_limits.is_some()
        && beyond_limits(&postings, counter.as_ref(), &snapshot);
    let mut all: Vec<Posting> = postings.into_iter().map(|(_, p)| p).collect();
    all.extend(counter);
    let slip = SlipRef::parse(&slip_reference(source.name, first_line, last_line, None))
        .map_err(|e| vec![Problem::file(e.to_string())])?;
    let parts = TransactionParts {
        date: options.date,
        work: options.work,
        skill: None,
        description: options.description.clone(),
        slip: Some(slip),
        reverses: None,
        override_reason: if needs_override {
            options.allow_over_limits.clone()
        } else {
            None
        },
        postings: all,
    };
    let tx = Transaction::new(parts).map_err(|e| vec![Problem::file(e.to_string())])?;
    let (seq, _, entry) = snapshot
        .apply(EntryBody::Transaction(tx))
        .map_err(|e| vec![Problem::file(e.to_string())])?;
    let mut notes = Vec::new();
    if zero_lines > 0 {
        notes.push(format!(
            "{zero_lines} line(s) with a zero balance are left out: nothing to record for them"
        ));
    }
    if needs_override {
        notes.push(
            "some balances pass a floor or ceiling; the transaction is recorded as an override"
                .to_string(),
        );
    }
    Ok(Plan {
        entries: vec![Planned {
            first_line,
            last_line,
            seq,
            entry,
            profile: None,
        }],
        ignored_columns: sheet.ignored_columns,
        notes,
    })
}

/// The counter-account must be an open system account.
fn check_against(snapshot: &Snapshot, options: &Options, problems: &mut Vec<Problem>) {
    let against = &options.against;
    let message = match snapshot.account(against) {
        None => format!("--against {against}: there is no such account; open a system account first, like `akker account add SYS-FUND --kind system --name ...`"),
        Some(s) if s.kind != AccountKind::System => format!("--against {against}: this is a {} account; opening balances are balanced against a system account", s.kind),
        Some(s) if s.status == AccountStatus::Closed => format!("--against {against}: this account is closed"),
        Some(_) => return,
    };
    problems.push(Problem::file(message));
}

/// Checks one line's account: known, open, not the counter-account, not
/// repeated, and (without --allow-over-limits) within its limits.
fn check_line(
    f: &mut Fields,
    account: &AccountId,
    balance: Amount,
    snapshot: &Snapshot,
    options: &Options,
    first_line_of: &mut HashMap<AccountId, u64>,
) -> bool {
    let Some(state) = snapshot.account(account) else {
        f.problem(Some("account"), format!("there is no account {account} in this ledger; import the accounts first with `akker import accounts`"));
        return false;
    };
    if state.status == AccountStatus::Closed {
        f.problem(Some("account"), format!("account {account} is closed"));
        return false;
    }
    if account == &options.against {
        f.problem(
            Some("account"),
            format!(
                "{account} is the --against account; it takes whatever the other balances sum to"
            ),
        );
        return false;
    }
    if let Some(first) = first_line_of.insert(account.clone(), f.line()) {
        f.problem(
            Some("account"),
            format!("account {account} is already on line {first}; give each account one balance"),
        );
        return false;
    }
    if let (Err(err), None) = (limits_after(state, balance), &options.allow_over_limits) {
        f.problem(
            Some("balance"),
            format!("{}; {LIMIT_ADVICE}", limit_message(&err)),
        );
        return false;
    }
    true
}

/// Whether posting `amount` to an account keeps it within its limits (the
/// ledger's own rule). A sum too large to add is judged as the amount
/// alone; the ledger refuses it on recording anyway.
fn limits_after(state: &AccountState, amount: Amount) -> Result<(), crate::ledger::RuleError> {
    let would_be = state.balance.checked_add(amount).unwrap_or(amount);
    check_limits(state, amount, would_be)
}

const LIMIT_ADVICE: &str = "check the balance, or record it anyway with --allow-over-limits REASON";

fn limit_message(err: &crate::ledger::RuleError) -> String {
    use crate::ledger::RuleError::{AboveCeiling, BelowFloor};
    match err {
        BelowFloor {
            account,
            would_be,
            floor,
        } => format!("{account} would start at {would_be}, below its floor of {floor}"),
        AboveCeiling {
            account,
            would_be,
            ceiling,
        } => format!("{account} would start at {would_be}, above its ceiling of {ceiling}"),
        other => other.to_string(),
    }
}

/// The counter-posting: minus the sum of the balances, or none if they
/// already sum to zero.
fn counter_posting(
    postings: &[(u64, Posting)],
    options: &Options,
    snapshot: &Snapshot,
    problems: &mut Vec<Problem>,
) -> Option<Posting> {
    let sum: i64 = postings.iter().map(|(_, p)| p.amount.minor()).sum();
    if sum == 0 {
        return None;
    }
    let amount = Amount::from_minor(-sum);
    if amount.minor().abs() > crate::ledger::amount::AMOUNT_MAX_MINOR {
        problems.push(Problem::file(format!(
            "the balances sum to {}, more than the 10000.00 one posting to {} may carry; import them in two files",
            Amount::from_minor(sum),
            options.against
        )));
        return None;
    }
    if let Some(state) = snapshot.account(&options.against) {
        if let (Err(err), None) = (limits_after(state, amount), &options.allow_over_limits) {
            problems.push(Problem::file(format!(
                "--against {}: {}; {LIMIT_ADVICE}",
                options.against,
                limit_message(&err)
            )));
        }
    }
    Some(Posting {
        account: options.against.clone(),
        amount,
    })
}

fn beyond_limits(
    postings: &[(u64, Posting)],
    counter: Option<&Posting>,
    snapshot: &Snapshot,
) -> bool {
    postings.iter().map(|(_, p)| p).chain(counter).any(|p| {
        snapshot
            .account(&p.account)
            .is_some_and(|s| limits_after(s, p.amount).is_err())
    })
}
