//! `akker statement ACCOUNT --month YYYY-MM` and `akker statement check CODE`.

use std::path::PathBuf;

use crate::ledger::{AccountId, Month};
use crate::statement::{self, build, Format};
use crate::store::statements::IssueRow;
use crate::store::Store;

use super::output::Output;
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
    /// pdf (to print), html or text.
    #[arg(long, value_enum, default_value = "pdf")]
    pub format: Format,
    /// Where to write it [default: ACCOUNT-YYYY-MM.pdf/.html/.txt here; "-" for stdout].
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(clap::Subcommand)]
pub enum Check {
    /// Check a printed statement's verification code (or scanned QR text).
    Check {
        /// The code printed on the paper (like 7KQ2-M9XD-4TNA), or the
        /// text a scanner reads from its QR code.
        code: String,
    },
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
    // Checked before the month is issued (a signed entry): a bad --out
    // must not be found only after signing. An existing file is replaced:
    // a statement of an issued month is the same document every time.
    let out_path = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{account}-{month}.{}", args.format.extension())));
    let out = match ctx.json {
        true => None,
        false => Some(Output::check(&out_path, true, "--out")?),
    };
    let mut store = ctx.open()?;
    super::existing_account(&store, &account)?;
    let issue = issue_month(ctx, &mut store, month)?;
    let statements =
        build::build_statements(&store, month, &issue, Some(std::slice::from_ref(&account)))?;
    let statement = statements
        .first()
        .ok_or_else(|| CliError::Refused(format!("no statement for {account}")))?;
    let Some(out) = out else {
        ctx.print_json(statement);
        return Ok(());
    };
    let bytes =
        statement::render(statement, args.format).map_err(|e| CliError::Refused(e.to_string()))?;
    if out.write(&bytes)? {
        println!(
            "Wrote the statement of {account} for {month} to {} (code {}).",
            out_path.display(),
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
    // A month that cannot be issued (not ended, or before the ledger
    // began) is refused before the passphrase is asked.
    crate::ops::month_head(store, month, ctx.now())?;
    let treasurer = ctx.treasurer(store)?;
    Ok(crate::ops::issue_statements(
        store,
        &treasurer,
        month,
        ctx.now(),
    )?)
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
                    m.display_name.as_deref().unwrap_or(m.account.as_str()),
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
