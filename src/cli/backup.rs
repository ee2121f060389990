//! `akker backup FILE` and `akker restore FILE`: a verified copy of the
//! ledger taken while others may write, and putting one back. The work
//! is in `crate::interchange::backup`.

use std::path::PathBuf;

use crate::interchange::backup::{self, Copied};

use super::{CliError, CliResult, Context};

#[derive(clap::Args)]
pub struct BackupArgs {
    /// The file to write the copy to, for example on a USB stick.
    pub file: PathBuf,
    /// Replace FILE if it already exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(clap::Args)]
pub struct RestoreArgs {
    /// A copy made by `akker backup`.
    pub file: PathBuf,
    /// Replace the ledger at --db if there is one (it is kept as
    /// DB.replaced-TIME).
    #[arg(long)]
    pub force: bool,
}

pub fn run_backup(ctx: &Context, args: BackupArgs) -> CliResult {
    let store = ctx.open()?;
    let copied = backup::backup(&store, &args.file, args.force).map_err(refused)?;
    if ctx.json {
        ctx.print_json(&copied);
        return Ok(());
    }
    println!(
        "Backup written to {} and verified: {}.",
        copied.path.display(),
        contents(&copied)
    );
    println!(
        "The treasurer's key file ({}) is not in the backup; keep a copy of it apart, with the passphrase in your head.",
        ctx.key.display()
    );
    Ok(())
}

pub fn run_restore(ctx: &Context, args: RestoreArgs) -> CliResult {
    if same_file(&args.file, &ctx.db) {
        return Err(CliError::Usage(format!(
            "{} is the ledger itself; give the backup file to restore from",
            args.file.display()
        )));
    }
    let copied = backup::restore(&ctx.db, &args.file, args.force).map_err(refused)?;
    if ctx.json {
        ctx.print_json(&copied);
        return Ok(());
    }
    println!(
        "Restored {} from {} and verified it: {}.",
        ctx.db.display(),
        args.file.display(),
        contents(&copied)
    );
    if let Some(kept) = &copied.replaced_kept_as {
        println!("The ledger it replaced is kept as {}.", kept.display());
    }
    Ok(())
}

fn contents(copied: &Copied) -> String {
    format!(
        "{} entries, {} transactions, {} accounts, chain head {}",
        copied.entries,
        copied.transactions,
        copied.accounts,
        &copied.chain_head[..16.min(copied.chain_head.len())]
    )
}

fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn refused(err: backup::BackupError) -> CliError {
    match err {
        // Whole, so the ledger's name is filled in where it is missing.
        backup::BackupError::Store(err) => CliError::from(err),
        other => CliError::Refused(other.to_string()),
    }
}
