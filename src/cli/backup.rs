//! `akker backup FILE` and `akker restore FILE`: a verified copy of the
//! ledger taken while others may write, and putting one back. The work
//! is in `crate::interchange::backup`.

use std::path::PathBuf;

use crate::interchange::backup::{self, Copied};

use super::{CliError, CliResult, Context};

#[derive(clap::Args)]
pub struct BackupArgs {
    /// The file to write the copy to, for example on a USB stick.
    #[arg(required_unless_present = "into", conflicts_with = "into")]
    pub file: Option<PathBuf>,
    /// Write a dated copy (LEDGER-YYYY-MM-DD-HHMMSS.db) into this folder,
    /// which must exist (a mounted USB stick, for example).
    #[arg(long, value_name = "DIR")]
    pub into: Option<PathBuf>,
    /// With --into: keep only the newest N dated copies of this ledger in
    /// DIR, removing older ones after the new copy verified.
    #[arg(long, value_name = "N", requires = "into", value_parser = clap::value_parser!(u32).range(1..))]
    pub keep: Option<u32>,
    /// Replace FILE if it already exists.
    #[arg(long, conflicts_with = "into")]
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
    // A missing folder is said before the ledger is even opened.
    if let Some(dir) = &args.into {
        if !dir.is_dir() {
            return Err(refused(backup::BackupError::NoFolder {
                path: dir.display().to_string(),
            }));
        }
    }
    let store = ctx.open()?;
    let (copied, removed) = match (&args.into, &args.file) {
        (Some(dir), _) => {
            backup::backup_into(&store, dir, args.keep.map(|n| n as usize)).map_err(refused)?
        }
        (None, Some(file)) => (
            backup::backup(&store, file, args.force).map_err(refused)?,
            Vec::new(),
        ),
        (None, None) => {
            return Err(CliError::Usage(
                "give the FILE to write the copy to, or --into DIR".into(),
            ))
        }
    };
    if ctx.json {
        #[derive(serde::Serialize)]
        struct Done<'a> {
            #[serde(flatten)]
            copied: &'a Copied,
            removed: &'a [PathBuf],
        }
        ctx.print_json(&Done {
            copied: &copied,
            removed: &removed,
        });
        return Ok(());
    }
    for old in &removed {
        println!("Removed the older backup {}.", old.display());
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
    // Said before anything else: the generic "does not exist" advice is to
    // create a ledger, which is the wrong thing to do with a missing backup.
    if !args.file.exists() {
        return Err(CliError::Refused(format!(
            "there is no backup at {}; check the path (and that the USB stick is plugged in and mounted), then give a file that `akker backup` wrote. Nothing was changed",
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
