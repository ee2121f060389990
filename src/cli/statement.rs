//! `akker statement ACCOUNT --month YYYY-MM` and `akker statement check CODE`.

use std::path::PathBuf;

use crate::ledger::{AccountId, Month};
use crate::statement::{self, build, Format};
use crate::store::statements::IssueRow;
use crate::store::Store;

use super::{parse, CliError, CliResult, Context};

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    #[command(subcommand)]
    pub check: Option<Check>,
    /// The account.
    #[arg(value_parser = parse::account, required = true)]
    pub account: Option<AccountId>,
    /// The month (YYYY-MM); it must have ended.
    #[arg(long, value_parser = parse::month, required = true)]
    pub month: Option<Month>,
    #[arg(long, value_enum, default_value = "pdf")]
    pub format: Format,
    /// Where to write it [default: ACCOUNT-YYYY-MM.pdf/.html/.txt here; "-" for stdout].
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(clap::Subcommand)]
pub enum Check {
    /// Check a printed statement's verification code (or scanned QR text).
    Check { code: String },
}

pub fn run(ctx: &Context, args: Args) -> CliResult {
    if let Some(Check::Check { code }) = args.check {
        return check(ctx, &code);
    }
    let (Some(account), Some(month)) = (args.account, args.month) else {
        return Err(CliError::Usage(
            "give an account and --month, like: akker statement M001 --month 2026-10".into(),
        ));
    };
    let mut store = ctx.open()?;
    super::existing_account(&store, &account)?;
    let issue = issue_month(ctx, &mut store, month)?;
    let statements =
        build::build_statements(&store, month, &issue, Some(std::slice::from_ref(&account)))?;
    let statement = statements
        .first()
        .ok_or_else(|| CliError::Refused(format!("no statement for {account}")))?;
    if ctx.json {
        ctx.print_json(statement);
        return Ok(());
    }
    let bytes =
        statement::render(statement, args.format).map_err(|e| CliError::Refused(e.to_string()))?;
    let out = args
        .out
        .unwrap_or_else(|| PathBuf::from(format!("{account}-{month}.{}", args.format.extension())));
    if super::write_document(&out, &bytes)? {
        println!(
            "Wrote the statement of {account} for {month} to {} (code {}).",
            out.display(),
            statement.verification.code
        );
    }
    Ok(())
}

/// Issues `month` if it was not issued yet (asking for the treasurer's
/// passphrase only then), and returns its issue.
pub fn issue_month(ctx: &Context, store: &mut Store, month: Month) -> CliResult<IssueRow> {
    if let Some(issue) = store.statement_issue(&month.to_string())? {
        return Ok(issue);
    }
    refuse_before_the_ledger(ctx, store, month)?;
    let treasurer = ctx.treasurer(store)?;
    Ok(crate::ops::issue_statements(
        store,
        &treasurer,
        month,
        ctx.now(),
    )?)
}

/// A month that ended before the ledger's first entry has no statement:
/// say so plainly (the store would find no chain head to sign and report
/// damage, which would send the treasurer to a backup for nothing).
fn refuse_before_the_ledger(ctx: &Context, store: &Store, month: Month) -> CliResult {
    let tz = store.settings().tz();
    let end = |m: Month| crate::ledger::period::recorded_bounds(m, tz).1;
    if store.head_before(&end(month))?.is_some() {
        return Ok(());
    }
    // The month the ledger began: the first whose end has an entry before it.
    let now_month = Month::of_date(ctx.now().with_timezone(&tz).date_naive());
    let mut first = month.next();
    while first <= now_month && store.head_before(&end(first))?.is_none() {
        first = first.next();
    }
    Err(CliError::Refused(format!(
        "the ledger has no entries before {first}: it began in {first}, so there is no statement for {month}; ask for {first} or a later month"
    )))
}

fn check(ctx: &Context, code: &str) -> CliResult {
    let store = ctx.open()?;
    let found = statement::check::check(&store, code)?;
    if ctx.json {
        ctx.print_json(&serde_json::json!({ "matches": found.is_some(), "statement": found }));
    }
    match found {
        Some(m) => {
            if !ctx.json {
                let figure = if m.document == "statement" { "closing balance" } else { "hours given" };
                println!(
                    "MATCH: the {} of {} ({}) for {}, {figure} {}, matches the ledger (signed head #{}; the code covers {}).",
                    m.document,
                    m.account,
                    m.display_name.as_deref().unwrap_or("erased"),
                    m.period,
                    m.amount,
                    m.head_seq,
                    m.covers,
                );
                if m.code_version == "akker-attestation-v1" {
                    println!("This attestation carries an older code that covers its total only: compare its other figures with a new attestation of the same period.");
                }
            }
            Ok(())
        }
        None => Err(CliError::Refused(format!(
            "NO MATCH: no issued statement or attestation of this ledger has the code {}; check the code for a typing mistake first (O and 0, I and 1 are read alike), then: the paper may have been changed, or it belongs to another ledger",
            code.trim()
        ))),
    }
}
