//! `akker import accounts|exchanges|opening-balances FILE.csv`: checks the
//! whole file first and reports every mistake; records everything in one
//! write, or nothing. The work is in `crate::interchange::import`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::interchange::import::{
    self, accounts, exchanges, opening, Outcome, Plan, Snapshot, Source,
};
use crate::interchange::Problem;
use crate::ledger::{AccountId, Description, EntryBody, Reason, WorkKind};
use crate::store::Store;

use super::table::{Align, Table};
use super::{parse, CliError, CliResult, Context};

#[derive(clap::Subcommand)]
pub enum Command {
    /// Open accounts: columns id, name [kind, language, floor, ceiling].
    Accounts {
        #[command(flatten)]
        file: FileArgs,
    },
    /// Record past exchanges: columns date, from, to, amount, work,
    /// description [skill, tx, slip, reverses, reason, override_reason].
    Exchanges {
        #[command(flatten)]
        file: FileArgs,
        /// Record lines that would pass a floor or ceiling anyway, as
        /// overrides with this reason (historic balances).
        #[arg(long, value_name = "REASON", value_parser = parse::reason)]
        allow_over_limits: Option<Reason>,
    },
    /// Record balances carried over from another system (columns account,
    /// balance) as one transaction against a system account.
    OpeningBalances {
        #[command(flatten)]
        file: FileArgs,
        /// The system account that takes the other side, like SYS-FUND.
        #[arg(long, value_parser = parse::account)]
        against: AccountId,
        /// The date of the balances [default: today].
        #[arg(long, value_parser = parse::date)]
        date: Option<NaiveDate>,
        /// The kind of work the transaction is counted under.
        #[arg(long, value_parser = parse::work, default_value = "community")]
        work: WorkKind,
        /// What the transaction says.
        #[arg(
            long,
            default_value = "Opening balance carried over from the previous system"
        )]
        description: String,
        /// Record balances beyond an account's limits anyway, with this reason.
        #[arg(long, value_name = "REASON", value_parser = parse::reason)]
        allow_over_limits: Option<Reason>,
    },
}

#[derive(clap::Args)]
pub struct FileArgs {
    /// The CSV file, UTF-8 (with or without BOM), with a header line.
    pub file: PathBuf,
    /// The separator: comma, semicolon or tab [default: read from the header].
    #[arg(long, value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,
    /// Check the file and show what would be recorded; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Context, command: Command) -> CliResult {
    match command {
        Command::Accounts { file } => import_file(ctx, &file, Kind::Accounts, accounts::plan),
        Command::Exchanges {
            file,
            allow_over_limits,
        } => {
            let options = exchanges::Options { allow_over_limits };
            import_file(ctx, &file, Kind::Exchanges, |source, snapshot| {
                exchanges::plan(source, snapshot, &options)
            })
        }
        Command::OpeningBalances {
            file,
            against,
            date,
            work,
            description,
            allow_over_limits,
        } => {
            let description = Description::parse(&description)?;
            import_file(ctx, &file, Kind::OpeningBalances, |source, snapshot| {
                let date = date.unwrap_or_else(|| snapshot.today());
                let options = opening::Options {
                    against: against.clone(),
                    date,
                    work,
                    description: description.clone(),
                    allow_over_limits: allow_over_limits.clone(),
                };
                opening::plan(source, snapshot, &options)
            })
        }
    }
}

/// Plans the import; on a clean file, unlocks the treasurer's key, plans
/// again if someone wrote while the passphrase was typed, and records
/// everything in one batch.
fn import_file(
    ctx: &Context,
    args: &FileArgs,
    kind: Kind,
    plan: impl Fn(&Source, Snapshot) -> Outcome,
) -> CliResult {
    let bytes = std::fs::read(&args.file)
        .map_err(|e| CliError::Refused(format!("cannot read {}: {e}", args.file.display())))?;
    let name = file_name(&args.file);
    let source = Source {
        name: &name,
        bytes: &bytes,
        delimiter: args.delimiter,
    };
    let mut store = ctx.open()?;
    let problems = counted_before(&store, &source, kind)?;
    if !problems.is_empty() {
        return Err(refuse(ctx, &name, problems));
    }
    let head = store.chain_head()?.0;
    let planned = plan(&source, Snapshot::of(&store, ctx.now())?)
        .map_err(|problems| refuse(ctx, &name, problems))?;
    if planned.entries.is_empty() {
        return Err(CliError::Refused(format!(
            "{name} has nothing to import: no line after the header; nothing was recorded"
        )));
    }
    super::privacy::warn_import_names(&store, &name, &planned)?;
    if args.dry_run {
        return show_dry_run(ctx, &name, &store, &planned);
    }
    let treasurer = ctx.treasurer(&store)?;
    // Every change to the ledger moves the chain head, so an unchanged
    // head means the plan still holds; otherwise plan on the ledger as it
    // is now. (Store::append checks every rule again either way.)
    let planned = if store.chain_head()?.0 == head {
        planned
    } else {
        plan(&source, Snapshot::of(&store, ctx.now())?)
            .map_err(|problems| refuse(ctx, &name, problems))?
    };
    let mut summary = planned.summary();
    let guard = (kind != Kind::Accounts).then_some(name.as_str());
    let seqs = import::record(&mut store, &treasurer, planned, guard)?;
    // The sequence numbers the entries really got (another writer may
    // have come first).
    summary.first_seq = seqs.first().copied();
    summary.last_seq = seqs.last().copied();
    if ctx.json {
        ctx.print_json(&Report {
            file: &name,
            recorded: true,
            summary,
            problems: vec![],
        });
    } else {
        let range = match (seqs.first(), seqs.last()) {
            (Some(first), Some(last)) => format!("entries #{first} to #{last}"),
            _ => "no entries".to_string(),
        };
        println!(
            "Recorded {} from {name} ({range}), signed by the treasurer.",
            count(seqs.len(), "entry")
        );
        print_notes(&summary);
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Accounts,
    Exchanges,
    OpeningBalances,
}

/// Transactions must never be counted twice: a file whose name the ledger
/// already holds in its slips, or lines exported from this very ledger.
/// (Accounts need no such check: an id can only be opened once.)
fn counted_before(store: &Store, source: &Source, kind: Kind) -> CliResult<Vec<Problem>> {
    let mut problems = Vec::new();
    if kind == Kind::Accounts {
        return Ok(problems);
    }
    if let Err(problem) = import::check_not_imported_before(store, source.name) {
        problems.push(problem);
    }
    if kind == Kind::Exchanges {
        let mut failure = None;
        problems.extend(exchanges::already_recorded(source, |hash| {
            store.seq_of_entry_hash(hash).unwrap_or_else(|e| {
                failure.get_or_insert(e);
                None
            })
        }));
        if let Some(err) = failure {
            return Err(err.into());
        }
    }
    Ok(problems)
}

/// What `--json` prints: each key once (the summary's `entries`,
/// `first_seq` and `last_seq` are the report's own).
#[derive(Serialize)]
struct Report<'a> {
    file: &'a str,
    recorded: bool,
    #[serde(flatten)]
    summary: import::Summary,
    problems: Vec<Problem>,
}

/// Every problem, one per line, and the refusal that ends the command.
fn refuse(ctx: &Context, name: &str, problems: Vec<Problem>) -> CliError {
    let lines = problems
        .iter()
        .filter_map(|p| p.line)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    if ctx.json {
        let summary = Plan::default().summary();
        ctx.print_json(&Report {
            file: name,
            recorded: false,
            summary,
            problems: problems.clone(),
        });
    }
    let place = if lines == 0 {
        String::new()
    } else {
        format!(" on {}", count(lines, "line"))
    };
    let mut message = format!(
        "{name}: {}{place}; nothing was recorded. Correct them and run the import again:",
        count(problems.len(), "mistake")
    );
    for line in problem_lines(&problems) {
        message.push_str(&format!("\n  {line}"));
    }
    CliError::Refused(message)
}

/// The same mistake on many lines (a whole column in another language,
/// say) is said once with the lines it is on, not once per line.
fn problem_lines(problems: &[Problem]) -> Vec<String> {
    const LINES_SHOWN: usize = 5;
    let mut groups: Vec<(&Problem, Vec<u64>)> = Vec::new();
    for problem in problems {
        let same = groups.iter_mut().find(|(first, _)| {
            first.column == problem.column
                && first.message == problem.message
                && first.line.is_some()
                && problem.line.is_some()
        });
        match same {
            Some((_, lines)) => lines.extend(problem.line),
            None => groups.push((problem, problem.line.into_iter().collect())),
        }
    }
    groups
        .into_iter()
        .map(|(problem, lines)| {
            if lines.len() <= 1 {
                return problem.to_string();
            }
            let shown: Vec<String> = lines.iter().take(LINES_SHOWN).map(u64::to_string).collect();
            let more = match lines.len().saturating_sub(LINES_SHOWN) {
                0 => String::new(),
                n => format!(" and {n} more"),
            };
            let column = problem
                .column
                .as_deref()
                .map_or(String::new(), |c| format!(", column {c}"));
            format!(
                "lines {}{more}{column}: {}",
                shown.join(", "),
                problem.message
            )
        })
        .collect()
}

fn show_dry_run(ctx: &Context, name: &str, store: &Store, plan: &Plan) -> CliResult {
    if ctx.json {
        ctx.print_json(&Report {
            file: name,
            recorded: false,
            summary: plan.summary(),
            problems: vec![],
        });
        return Ok(());
    }
    let mut table = Table::new(&[
        ("#", Align::Right),
        ("LINES", Align::Left),
        ("WHAT", Align::Left),
        ("DETAILS", Align::Left),
    ]);
    for planned in &plan.entries {
        let lines = if planned.first_line == planned.last_line {
            planned.first_line.to_string()
        } else {
            format!("{}-{}", planned.first_line, planned.last_line)
        };
        let (what, details) = describe(
            &planned.entry.body,
            planned.profile.as_ref().map(|p| p.display_name.as_str()),
        );
        table.row(vec![planned.seq.to_string(), lines, what, details]);
    }
    print!("{}", table.render(None));
    println!(
        "Dry run: {} would be recorded in {} from {name}; nothing was written.",
        count(plan.entries.len(), "entry"),
        store.path().display()
    );
    print_notes(&plan.summary());
    Ok(())
}

fn describe(body: &EntryBody, name: Option<&str>) -> (String, String) {
    match body {
        EntryBody::AccountOpened {
            account,
            kind,
            limits,
        } => (
            format!("open {account}"),
            format!(
                "{} ({kind}, limits {} to {})",
                name.unwrap_or(""),
                limits.floor(),
                limits.ceiling()
            ),
        ),
        EntryBody::Transaction(tx) => {
            let postings: Vec<String> = tx
                .postings()
                .iter()
                .map(|p| format!("{} {}", p.account, p.amount))
                .collect();
            let mut details = format!(
                "{} {}: {} [{}]",
                tx.date(),
                tx.work(),
                tx.description().as_str(),
                postings.join(", ")
            );
            if let Some(link) = tx.reverses() {
                details.push_str(&format!(
                    " reverses #{}: {}",
                    link.seq,
                    link.reason.as_str()
                ));
            }
            if let Some(reason) = tx.override_reason() {
                details.push_str(&format!(" OVERRIDE: {}", reason.as_str()));
            }
            ("transaction".to_string(), details)
        }
        other => (other.type_name().to_string(), String::new()),
    }
}

fn print_notes(summary: &import::Summary) {
    if !summary.ignored_columns.is_empty() {
        println!("Columns not read: {}.", summary.ignored_columns.join(", "));
    }
    for note in &summary.notes {
        println!("Note: {note}.");
    }
}

/// "1 entry", "3 entries", "1 mistake", "2 mistakes".
fn count(n: usize, noun: &str) -> String {
    match (n, noun.strip_suffix('y')) {
        (1, _) => format!("1 {noun}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        (_, None) => format!("{n} {noun}s"),
    }
}

/// The file's own name, kept in each entry's slip reference.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn parse_delimiter(text: &str) -> Result<u8, String> {
    match text {
        "," | "comma" => Ok(b','),
        ";" | "semicolon" => Ok(b';'),
        "\t" | "tab" | "\\t" => Ok(b'\t'),
        _ => Err(format!(
            "'{text}' is not a separator; use comma, semicolon or tab"
        )),
    }
}
