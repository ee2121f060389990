//! `akker verify`: every check, every problem reported, exit 1 if any.
//! It also compares the ledger's treasurer key with the key file beside
//! it (or given with --key) and with a fingerprint the user typed: the
//! file alone cannot prove who its treasurer is.

use crate::signing::keyfile;
use crate::verify::{Anchors, KeyFileCheck, KeyFileFound};

use super::{CliError, CliResult, Context};

#[derive(clap::Args)]
pub struct Args {
    /// The treasurer's key fingerprint as posted in the community centre
    /// (four groups of four, like 8ZEE-S1KT-QEAE-8A9W); verify fails when the ledger's differs.
    #[arg(long, value_name = "FINGERPRINT")]
    pub treasurer: Option<String>,
}

pub fn run(ctx: &Context, args: Args) -> CliResult {
    let store = ctx.open()?;
    let anchors = Anchors {
        key_file: key_file(ctx)?,
        fingerprint: args.treasurer.clone(),
    };
    let report = crate::verify::verify_against(&store, &anchors)?;
    if ctx.json {
        ctx.print_json(&report);
    } else {
        for p in &report.problems {
            match p.seq {
                Some(seq) => println!("PROBLEM #{seq} [{}] {}", p.check, p.message),
                None => println!("PROBLEM [{}] {}", p.check, p.message),
            }
        }
        println!(
            "Checked {} entries ({} transactions, {} accounts); chain head {}.",
            report.entries,
            report.transactions,
            report.accounts,
            &report.chain_head[..16]
        );
        println!(
            "Treasurer key fingerprint: {} (compare it with the one posted in the community centre).",
            report.treasurer_fingerprint
        );
        print_key_file(ctx, report.key_file.as_ref(), &report.treasurer_fingerprint);
    }
    if report.is_ok() {
        if !ctx.json {
            println!(
                "OK: signatures, hash chain, double entry, limits and cached balances all verify."
            );
        }
        Ok(())
    } else {
        Err(CliError::Refused(format!(
            "{} problem(s) found; the ledger may have been changed outside akker. Restore from a backup that verifies.",
            report.problems.len()
        )))
    }
}

/// The key file to compare with: the one given with --key or AKKER_KEY
/// (which must be readable), else the default beside the ledger if it
/// is there.
fn key_file(ctx: &Context) -> CliResult<Option<KeyFileFound>> {
    let path = ctx.key.display().to_string();
    let text = match std::fs::read_to_string(&ctx.key) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !ctx.key_given => return Ok(None),
        Err(e) => {
            return Err(CliError::Refused(format!(
                "cannot read the treasurer's key file {path}: {e}; give its place with --key or AKKER_KEY"
            )))
        }
    };
    let key = keyfile::public_key(&text).map_err(|e| e.to_string());
    Ok(Some((path, key)))
}

fn print_key_file(ctx: &Context, check: Option<&KeyFileCheck>, current: &str) {
    match check {
        None => println!(
            "No treasurer key file at {}: the treasurer key was compared with nothing (give --key FILE or --treasurer FINGERPRINT).",
            ctx.key.display()
        ),
        Some(check) if check.holds == "current" => println!(
            "The key file {} holds the current treasurer key.",
            check.path
        ),
        Some(check) if check.holds == "former" => println!(
            "Note: the key file {} holds a former treasurer key ({}); the ledger was handed over since, and its treasurer key is now {current}.",
            check.path,
            check.fingerprint.as_deref().unwrap_or("")
        ),
        Some(_) => {}
    }
}
