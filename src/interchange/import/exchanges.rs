//! `akker import exchanges`: past exchanges from a spreadsheet, one line
//! per payment from one account to another. Lines that share a value in
//! the optional `tx` column, next to each other, are one transaction (an
//! initiative paying five members after an activity). A line group whose
//! `reverses` names an earlier group's `tx` is recorded as a reversal of
//! it, so an exported ledger comes back with its corrections intact.
//!
//! Every imported transaction is signed by the treasurer, as an entry
//! from paper whose slip reference names the file and its lines.
//!
//! One file (a little over 800 lines) because reading a line group,
//! telling a gift from a payment and pairing a reversal with its original
//! are one parse over the sheet, sharing its line numbers for messages.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::fields::{self, Fields};
use super::{slip_reference, Outcome, Plan, Planned, Snapshot, Source};
use crate::interchange::sheet::{self, optional, required, Cell, Column, Row, Sheet};
use crate::interchange::{sort_problems, Problem};
use crate::ledger::account::short_text;
use crate::ledger::{
    AccountId, AccountStatus, Amount, Description, EntryBody, LedgerError, Posting, Reason,
    ReversalLink, RuleError, Skill, SlipRef, Transaction, TransactionError, TransactionParts,
    WorkKind,
};

pub const COLUMNS: &[Column] = &[
    required("date"),
    required("from"),
    required("to"),
    required("amount"),
    required("work"),
    optional("skill"),
    required("description"),
    optional("tx"),
    optional("slip"),
    optional("reverses"),
    optional("reason"),
    optional("override_reason"),
];

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Record lines that would pass a floor or ceiling anyway, as
    /// overrides with this reason (historic balances beyond today's limits).
    pub allow_over_limits: Option<Reason>,
}

/// Reads, checks and plans every line of `source` against `snapshot`.
pub fn plan(source: &Source, snapshot: Snapshot, options: &Options) -> Outcome {
    let (sheet, mut problems) = sheet::read(source.bytes, source.delimiter, COLUMNS)?;
    let lines: Vec<Line> = sheet
        .rows
        .iter()
        .map(|row| parse_line(&sheet, row, &snapshot, &mut problems))
        .collect();
    let groups = group_lines(lines, &mut problems);
    let mut planner = Planner::new(source, snapshot, options, problems);
    for group in &groups {
        planner.plan_group(group);
    }
    planner.finish(sheet.ignored_columns)
}

/// Lines exported from this very ledger must not be imported into it
/// again, or every exchange would count twice: an exported
/// transactions.csv names each line's entry hash, and `recorded` says
/// which entry of this ledger has it. One problem per transaction.
pub fn already_recorded(
    source: &Source,
    mut recorded: impl FnMut(&[u8; 32]) -> Option<i64>,
) -> Vec<Problem> {
    // Most files are the treasurer's own, without such a column: look at
    // the header alone before reading every line.
    let columns = [optional("entry_hash")];
    let header = source
        .bytes
        .split(|&b| b == b'\n')
        .next()
        .unwrap_or_default();
    let has_column = sheet::read(header, source.delimiter, &columns)
        .is_ok_and(|(s, _)| s.has_column("entry_hash"));
    let Some((sheet, _)) = has_column
        .then(|| sheet::read(source.bytes, source.delimiter, &columns).ok())
        .flatten()
    else {
        return Vec::new();
    };
    let mut seen = HashSet::new();
    let mut problems = Vec::new();
    for row in &sheet.rows {
        let Cell::Text(text) = sheet.cell(row, "entry_hash") else {
            continue;
        };
        let Some(hash) = hex::decode(text)
            .ok()
            .and_then(|h| <[u8; 32]>::try_from(h).ok())
        else {
            continue;
        };
        if let Some(seq) = recorded(&hash).filter(|_| seen.insert(hash)) {
            let message = format!(
                "this line is transaction #{seq} of this very ledger (the same entry hash); importing it again would count \
                 it twice. Import an export into a new ledger only"
            );
            problems.push(Problem::at(row.line, Some("entry_hash"), message));
        }
    }
    problems
}

/// What every line of one transaction must agree on.
#[derive(Debug, Clone, PartialEq)]
struct Shared {
    date: NaiveDate,
    /// None for a gift (`gift` in the work column, as `export csv` writes it).
    work: Option<WorkKind>,
    skill: Option<Skill>,
    description: Description,
    slip: Option<String>,
    reverses: Option<String>,
    reason: Option<Reason>,
    override_reason: Option<Reason>,
}

impl Shared {
    /// The name of the first field in which two lines differ.
    fn first_difference(&self, other: &Shared) -> &'static str {
        let differences = [
            (self.date != other.date, "date"),
            (self.work != other.work, "work"),
            (self.skill != other.skill, "skill"),
            (self.description != other.description, "description"),
            (self.slip != other.slip, "slip"),
            (self.reverses != other.reverses, "reverses"),
            (self.reason != other.reason, "reason"),
        ];
        differences
            .into_iter()
            .find(|(differs, _)| *differs)
            .map_or("override_reason", |(_, name)| name)
    }
}

#[derive(Debug, Clone)]
struct Flow {
    from: AccountId,
    to: AccountId,
    amount: Amount,
}

/// One line as read. `shared` or `flow` is None when a cell was wrong
/// (and reported).
#[derive(Debug)]
struct Line {
    line: u64,
    key: Option<String>,
    shared: Option<Shared>,
    flow: Option<Flow>,
}

fn parse_line(sheet: &Sheet, row: &Row, snapshot: &Snapshot, problems: &mut Vec<Problem>) -> Line {
    let mut f = Fields::new(sheet, row, problems);
    let key = f.text("tx").map(str::to_string);
    let date = f.required(
        "date",
        "write the day the exchange happened, like 2026-11-03",
        fields::date,
    );
    let from = f.required(
        "from",
        "write the id of the account that pays (that received the help), like M042",
        fields::account,
    );
    let to = f.required(
        "to",
        "write the id of the account that is paid (that gave the help), like M007",
        fields::account,
    );
    let amount = f.required(
        "amount",
        "write the hours, like 1.50",
        fields::positive_amount,
    );
    let work = f.required(
        "work",
        "write care, community, self-development or practical (zorg, gemeenschap, zelfontplooiing, praktisch), or gift",
        work_or_gift,
    );
    let skill = f.optional("skill", fields::skill);
    let description = f.required("description", "say in a few words what was done", |t| {
        Description::parse(t).map_err(|e| e.to_string())
    });
    let slip = f.optional("slip", |t| {
        short_text(t, "slip reference", 150).map_err(|e| e.to_string())
    });
    let reverses = f.optional("reverses", |t| Ok(t.to_string()));
    let reason = f.optional("reason", |t| Reason::parse(t).map_err(|e| e.to_string()));
    let override_reason = f.optional("override_reason", |t| {
        Reason::parse(t).map_err(|e| e.to_string())
    });
    for (column, id) in [("from", &from), ("to", &to)] {
        if let Some(id) = id {
            check_account(&mut f, column, id, snapshot);
        }
    }
    if from.is_some() && from == to {
        f.problem(
            Some("to"),
            "the same account pays and receives; check the from and to columns",
        );
    }
    let flow = match (from, to, amount) {
        (Some(from), Some(to), Some(amount)) if f.clean() => Some(Flow { from, to, amount }),
        _ => None,
    };
    let shared = (|| {
        Some(Shared {
            date: date?,
            work: work?,
            skill: skill?,
            description: description?,
            slip: slip?,
            reverses: reverses?,
            reason: reason?,
            override_reason: override_reason?,
        })
    })();
    Line {
        line: f.line(),
        key,
        shared,
        flow,
    }
}

/// A kind of work, or `gift` (hours given without work, as exports write
/// them). A fund run's lines (`fund`) are the rule's, not the file's: a
/// new ledger runs its own.
fn work_or_gift(text: &str) -> Result<Option<WorkKind>, String> {
    match text.trim().to_lowercase().as_str() {
        "gift" => Ok(None),
        "fund" => Err("a community-fund run is not imported: the new ledger runs its own rules (akker fund run); leave these lines out".to_string()),
        _ => fields::work(text).map(Some),
    }
}

fn check_account(f: &mut Fields, column: &str, id: &AccountId, snapshot: &Snapshot) {
    match snapshot.account(id) {
        None => f.problem(
            Some(column),
            format!("there is no account {id} in this ledger; correct the id, or import the account first with `akker import accounts`"),
        ),
        Some(state) if state.status == AccountStatus::Closed => {
            f.problem(Some(column), format!("account {id} is closed; it cannot pay or receive any more"))
        }
        Some(_) => {}
    }
}

/// A transaction's lines: consecutive lines with the same `tx`, or one
/// line on its own.
struct Group {
    key: Option<String>,
    lines: Vec<Line>,
}

fn group_lines(lines: Vec<Line>, problems: &mut Vec<Problem>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut first_line_of: HashMap<String, u64> = HashMap::new();
    for line in lines {
        match &line.key {
            Some(key) if groups.last().is_some_and(|g| g.key.as_ref() == Some(key)) => {
                groups.last_mut().expect("checked above").lines.push(line);
            }
            Some(key) if first_line_of.contains_key(key) => problems.push(Problem::at(
                line.line,
                Some("tx"),
                format!(
                    "tx '{key}' was already used on line {}; the lines of one transaction must be next to each other, and each \
                     transaction needs its own tx value",
                    first_line_of[key]
                ),
            )),
            key => {
                if let Some(key) = key {
                    first_line_of.insert(key.clone(), line.line);
                }
                groups.push(Group { key: key.clone(), lines: vec![line] });
            }
        }
    }
    groups
}

/// A transaction planned from the file, as a later reversal needs it.
struct Done {
    seq: i64,
    hash: [u8; 32],
    first_line: u64,
    /// (account, minor), sorted: what a reversal must negate.
    postings: Vec<(AccountId, i64)>,
    /// The same in the original's order: a reversal posts them negated in
    /// this order (the ledger's rule for reversals).
    ordered: Vec<(AccountId, i64)>,
}

struct Planner<'a> {
    source: &'a Source<'a>,
    snapshot: Snapshot,
    options: &'a Options,
    problems: Vec<Problem>,
    planned: Vec<Planned>,
    done: HashMap<String, Done>,
    key_of_seq: HashMap<i64, String>,
    failed: HashSet<String>,
    overrides: usize,
}

impl<'a> Planner<'a> {
    fn new(
        source: &'a Source<'a>,
        snapshot: Snapshot,
        options: &'a Options,
        problems: Vec<Problem>,
    ) -> Planner<'a> {
        Planner {
            source,
            snapshot,
            options,
            problems,
            planned: Vec::new(),
            done: HashMap::new(),
            key_of_seq: HashMap::new(),
            failed: HashSet::new(),
            overrides: 0,
        }
    }

    fn problem(&mut self, line: u64, column: Option<&str>, message: impl Into<String>) {
        self.problems.push(Problem::at(line, column, message));
    }

    fn plan_group(&mut self, group: &Group) {
        if self.try_plan_group(group).is_none() {
            if let Some(key) = &group.key {
                self.failed.insert(key.clone());
            }
        }
    }

    /// Builds, checks and applies one transaction; None if it has a
    /// problem (reported).
    fn try_plan_group(&mut self, group: &Group) -> Option<()> {
        let shared = self.shared_of(group)?;
        let first_line = group.lines[0].line;
        let last_line = group.lines[group.lines.len() - 1].line;
        let flows: Vec<&Flow> = group.lines.iter().filter_map(|l| l.flow.as_ref()).collect();
        if flows.len() != group.lines.len() {
            return None;
        }
        let mut postings = net_postings(&flows);
        let reverses = self.reversal_link(first_line, &shared, &postings)?;
        if let Some(original) = reverses
            .as_ref()
            .and_then(|l| self.done.values().find(|d| d.seq == l.seq))
        {
            // Same postings (checked by `reversal_link`), in the original's order.
            postings = original
                .ordered
                .iter()
                .map(|(account, minor)| Posting {
                    account: account.clone(),
                    amount: Amount::from_minor(-minor),
                })
                .collect();
        }
        let slip = slip_reference(
            self.source.name,
            first_line,
            last_line,
            shared.slip.as_deref(),
        );
        let slip = match SlipRef::parse(&slip) {
            Ok(slip) => slip,
            Err(err) => {
                self.problem(
                    first_line,
                    None,
                    format!("the slip reference '{slip}' cannot be used: {err}; rename the file"),
                );
                return None;
            }
        };
        let description = renumbered(&shared, reverses.as_ref());
        let Some(work) = shared.work else {
            return self.plan_gift(group, &shared, &flows, slip);
        };
        let parts = TransactionParts {
            date: shared.date,
            work,
            skill: shared.skill.clone(),
            description,
            slip: Some(slip),
            reverses,
            override_reason: shared.override_reason.clone(),
            postings,
        };
        let tx = match Transaction::new(parts) {
            Ok(tx) => tx,
            Err(err) => {
                self.problem(
                    first_line,
                    None,
                    transaction_message(&err, group.key.as_deref()),
                );
                return None;
            }
        };
        self.apply(group, tx, first_line, last_line)
    }

    /// A gift: one line from the giver to the receiver, without skill,
    /// reversal or override (a gift has none of them).
    fn plan_gift(
        &mut self,
        group: &Group,
        shared: &Shared,
        flows: &[&Flow],
        slip: SlipRef,
    ) -> Option<()> {
        let first_line = group.lines[0].line;
        let [flow] = flows else {
            self.problem(
                first_line,
                Some("work"),
                "a gift is one line, from the giver to the receiver; give each gift its own tx",
            );
            return None;
        };
        if shared.skill.is_some() || shared.reverses.is_some() || shared.override_reason.is_some() {
            self.problem(
                first_line,
                Some("work"),
                "a gift has no skill, reversal or override; leave those cells empty",
            );
            return None;
        }
        let gift = match crate::ledger::fund::Gift::new(
            shared.date,
            flow.from.clone(),
            flow.to.clone(),
            flow.amount,
            shared.description.clone(),
            Some(slip),
        ) {
            Ok(gift) => gift,
            Err(err) => {
                self.problem(first_line, None, err.to_string());
                return None;
            }
        };
        let result = self.snapshot.apply(EntryBody::Gift(gift));
        self.record(group, result, first_line, first_line)
    }

    /// The fields the group's lines share, if every line has them right
    /// and they agree.
    fn shared_of(&mut self, group: &Group) -> Option<Shared> {
        let first = &group.lines[0];
        let shared = first.shared.clone();
        let mut agree = true;
        for line in &group.lines[1..] {
            if let (Some(mine), Some(theirs)) = (&line.shared, &shared) {
                if mine != theirs {
                    let field = theirs.first_difference(mine);
                    self.problem(
                        line.line,
                        Some(field),
                        format!(
                            "this line is part of transaction '{}' with line {}, but its {field} differs; the lines of one \
                             transaction share date, work, skill, description, slip, reverses, reason and override_reason",
                            group.key.as_deref().unwrap_or_default(),
                            first.line
                        ),
                    );
                    agree = false;
                }
            }
        }
        let all_read = group.lines.iter().all(|l| l.shared.is_some());
        shared.filter(|_| agree && all_read)
    }

    /// The link a reversal carries, checked against the file's earlier
    /// transactions. Some(None) for an ordinary transaction.
    fn reversal_link(
        &mut self,
        line: u64,
        shared: &Shared,
        postings: &[Posting],
    ) -> Option<Option<ReversalLink>> {
        let (key, reason) = match (&shared.reverses, &shared.reason) {
            (None, None) => return Some(None),
            (None, Some(_)) => {
                self.problem(line, Some("reason"), "a reason is only read with 'reverses'; for a limit override use override_reason");
                return None;
            }
            (Some(_), None) => {
                self.problem(
                    line,
                    Some("reason"),
                    "a reversal needs a reason; say in a few words why the original is undone",
                );
                return None;
            }
            (Some(key), Some(reason)) => (key, reason),
        };
        let Some(original) = self.done.get(key) else {
            let message = if self.failed.contains(key) {
                format!(
                    "this reverses transaction '{key}', which has mistakes of its own (see above)"
                )
            } else {
                format!("this reverses '{key}', but no earlier line has tx '{key}'; a reversal comes after the transaction it undoes, in the same file")
            };
            self.problem(line, Some("reverses"), message);
            return None;
        };
        if !undoes(&original.postings, postings) {
            let message = format!(
                "these lines do not undo transaction '{key}' (line {}) exactly; a reversal swaps from and to of every line of the \
                 original and keeps the amounts",
                original.first_line
            );
            self.problem(line, Some("reverses"), message);
            return None;
        }
        Some(Some(ReversalLink {
            seq: original.seq,
            entry_hash: original.hash,
            reason: reason.clone(),
        }))
    }

    /// Applies the transaction to the snapshot; with --allow-over-limits a
    /// transaction refused only for a limit is tried again as an override.
    fn apply(
        &mut self,
        group: &Group,
        tx: Transaction,
        first_line: u64,
        last_line: u64,
    ) -> Option<()> {
        let result = match self.snapshot.apply(EntryBody::Transaction(tx.clone())) {
            Err(err)
                if is_limit(&err)
                    && tx.override_reason().is_none()
                    && self.options.allow_over_limits.is_some() =>
            {
                let overridden = tx.with_override(self.options.allow_over_limits.clone());
                self.snapshot
                    .apply(EntryBody::Transaction(overridden))
                    .inspect(|_| self.overrides += 1)
            }
            other => other,
        };
        self.record(group, result, first_line, last_line)
    }

    /// Keeps an entry the snapshot accepted, or reports why it refused.
    fn record(
        &mut self,
        group: &Group,
        result: Result<(i64, [u8; 32], crate::ledger::Entry), LedgerError>,
        first_line: u64,
        last_line: u64,
    ) -> Option<()> {
        match result {
            Ok((seq, hash, entry)) => {
                if let Some(key) = &group.key {
                    let ordered = posting_pairs(&entry.body);
                    let mut postings = ordered.clone();
                    postings.sort();
                    self.done.insert(
                        key.clone(),
                        Done {
                            seq,
                            hash,
                            first_line,
                            postings,
                            ordered,
                        },
                    );
                    self.key_of_seq.insert(seq, key.clone());
                }
                self.planned.push(Planned {
                    first_line,
                    last_line,
                    seq,
                    entry,
                    profile: None,
                });
                Some(())
            }
            Err(err) => {
                let (line, column, message) = self.explain(group, &err);
                self.problem(line, column, message);
                None
            }
        }
    }

    /// Where in the group a refusal belongs, and what to tell the treasurer.
    fn explain(&self, group: &Group, err: &LedgerError) -> (u64, Option<&'static str>, String) {
        let first = group.lines[0].line;
        let line_of = |account: &AccountId, payer: bool| {
            group
                .lines
                .iter()
                .find(|l| {
                    l.flow.as_ref().is_some_and(|f| {
                        if payer {
                            &f.from == account
                        } else {
                            &f.to == account
                        }
                    })
                })
                .map_or(first, |l| l.line)
        };
        let key_of = |seq: &i64| {
            self.key_of_seq
                .get(seq)
                .cloned()
                .unwrap_or_else(|| format!("#{seq}"))
        };
        match err {
            LedgerError::Rule(RuleError::BelowFloor { account, would_be, floor }) => (
                line_of(account, true),
                Some("amount"),
                format!("{account} would go to {would_be}, below its floor of {floor}; {LIMIT_ADVICE}"),
            ),
            LedgerError::Rule(RuleError::AboveCeiling { account, would_be, ceiling }) => (
                line_of(account, false),
                Some("amount"),
                format!("{account} would go to {would_be}, above its ceiling of {ceiling}; {LIMIT_ADVICE}"),
            ),
            LedgerError::Transaction(TransactionError::DateInFuture { date, today }) => {
                (first, Some("date"), format!("the date {date} is after today ({today}); give the day the exchange happened"))
            }
            LedgerError::Rule(RuleError::AlreadyReversed { original, by }) => (
                first,
                Some("reverses"),
                format!("transaction '{}' is already reversed by '{}'; a transaction is reversed once", key_of(original), key_of(by)),
            ),
            LedgerError::Rule(RuleError::ReverseOfReversal(seq)) => (
                first,
                Some("reverses"),
                format!("'{}' is itself a reversal; record a new exchange instead of reversing a reversal", key_of(seq)),
            ),
            other => (first, None, other.to_string()),
        }
    }

    fn finish(mut self, ignored_columns: Vec<String>) -> Outcome {
        if !self.problems.is_empty() {
            sort_problems(&mut self.problems);
            return Err(self.problems);
        }
        let mut notes = Vec::new();
        if self.overrides > 0 {
            let reason = self
                .options
                .allow_over_limits
                .as_ref()
                .map_or("", |r| r.as_str());
            notes.push(format!("{} transaction(s) pass a floor or ceiling and are recorded as overrides: \"{reason}\"", self.overrides));
        }
        Ok(Plan {
            entries: self.planned,
            ignored_columns,
            notes,
        })
    }
}

const LIMIT_ADVICE: &str =
    "check the amount, or record historic balances beyond the limits with --allow-over-limits REASON (or an override_reason on the line)";

fn is_limit(err: &LedgerError) -> bool {
    matches!(
        err,
        LedgerError::Rule(RuleError::BelowFloor { .. } | RuleError::AboveCeiling { .. })
    )
}

fn transaction_message(err: &TransactionError, key: Option<&str>) -> String {
    match (err, key) {
        (TransactionError::TooFewPostings, Some(key)) => {
            format!("the lines of transaction '{key}' cancel each other out; nothing would change hands, so leave them out")
        }
        _ => err.to_string(),
    }
}

/// A reversal's description as akker writes it, "Reversal of #74: ...",
/// names the original by its number in the old ledger; in this ledger the
/// original has another number, so the description is renumbered. Any
/// other description is kept as it is.
fn renumbered(shared: &Shared, link: Option<&ReversalLink>) -> Description {
    let (Some(key), Some(link)) = (&shared.reverses, link) else {
        return shared.description.clone();
    };
    let Some(rest) = shared
        .description
        .as_str()
        .strip_prefix(&format!("Reversal of #{key}: "))
    else {
        return shared.description.clone();
    };
    let text: String = format!("Reversal of #{}: {rest}", link.seq)
        .chars()
        .take(Description::CHARS_MAX)
        .collect();
    Description::parse(&text).unwrap_or_else(|_| shared.description.clone())
}

/// The net effect of a group's lines on each account, in the order the
/// accounts first appear. Accounts that net to zero are left out.
fn net_postings(flows: &[&Flow]) -> Vec<Posting> {
    let mut nets: Vec<(AccountId, i64)> = Vec::new();
    let mut add =
        |account: &AccountId, minor: i64| match nets.iter_mut().find(|(a, _)| a == account) {
            Some((_, sum)) => *sum += minor,
            None => nets.push((account.clone(), minor)),
        };
    for flow in flows {
        add(&flow.from, -flow.amount.minor());
        add(&flow.to, flow.amount.minor());
    }
    nets.into_iter()
        .filter(|(_, minor)| *minor != 0)
        .map(|(account, minor)| Posting {
            account,
            amount: Amount::from_minor(minor),
        })
        .collect()
}

fn posting_pairs(body: &EntryBody) -> Vec<(AccountId, i64)> {
    match body {
        EntryBody::Transaction(tx) => tx
            .postings()
            .iter()
            .map(|p| (p.account.clone(), p.amount.minor()))
            .collect(),
        EntryBody::Gift(gift) => gift
            .postings()
            .iter()
            .map(|p| (p.account.clone(), p.amount.minor()))
            .collect(),
        _ => Vec::new(),
    }
}

/// True when `reversal` is exactly the original with every amount negated.
fn undoes(original_sorted: &[(AccountId, i64)], reversal: &[Posting]) -> bool {
    let mut negated: Vec<(AccountId, i64)> = reversal
        .iter()
        .map(|p| (p.account.clone(), -p.amount.minor()))
        .collect();
    negated.sort();
    negated == original_sorted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flow(from: &str, to: &str, minor: i64) -> Flow {
        Flow {
            from: AccountId::parse(from).unwrap(),
            to: AccountId::parse(to).unwrap(),
            amount: Amount::from_minor(minor),
        }
    }

    #[test]
    fn lines_of_one_transaction_net_per_account() {
        let flows = [
            flow("INIT", "M1", 200),
            flow("INIT", "M2", 150),
            flow("M2", "M3", 150),
        ];
        let refs: Vec<&Flow> = flows.iter().collect();
        let postings = net_postings(&refs);
        let pairs: Vec<(&str, i64)> = postings
            .iter()
            .map(|p| (p.account.as_str(), p.amount.minor()))
            .collect();
        assert_eq!(pairs, vec![("INIT", -350), ("M1", 200), ("M3", 150)]);
    }

    #[test]
    fn a_reversal_must_negate_every_posting() {
        let original = vec![
            (AccountId::parse("A").unwrap(), -100),
            (AccountId::parse("B").unwrap(), 100),
        ];
        let good = net_postings(&[&flow("B", "A", 100)]);
        let bad = net_postings(&[&flow("B", "A", 50)]);
        assert!(undoes(&original, &good));
        assert!(!undoes(&original, &bad));
    }
}
