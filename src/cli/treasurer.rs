//! `akker treasurer`: handing the books over to a new treasurer.
//!
//! The incoming treasurer makes their own key file first
//! (`treasurer new-key --out FILE`, with a passphrase only they know);
//! the outgoing treasurer then signs the handover
//! (`treasurer handover --new-key FILE --reason TEXT`), which the new key
//! accepts with its own signature. Both fingerprints are shown, so the
//! general meeting can post the new one.

use std::path::PathBuf;

use clap::Subcommand;

use crate::ledger::{KdfParams, Reason};
use crate::signing::{fingerprint, generate_key, keyfile};

use super::{init::write_new_file, parse, secrets, CliError, CliResult, Context};

#[derive(Subcommand)]
pub enum Command {
    /// Make the incoming treasurer's key file (asks its passphrase twice).
    NewKey {
        /// Where to write the new key file; it must not exist yet.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Hand the ledger over to the key in FILE, signed by the current key.
    Handover {
        /// The incoming treasurer's key file, made with `treasurer new-key`.
        #[arg(long, value_name = "FILE")]
        new_key: PathBuf,
        /// Why, e.g. "general meeting of 2026-11-14".
        #[arg(long, value_parser = parse::reason)]
        reason: Reason,
    },
    /// Every treasurer key this ledger has had, with its fingerprint.
    Show,
}

pub fn run(ctx: &Context, cmd: Command) -> CliResult {
    match cmd {
        Command::NewKey { out } => new_key(ctx, &out),
        Command::Handover { new_key, reason } => handover(ctx, &new_key, reason),
        Command::Show => show(ctx),
    }
}

fn new_key(ctx: &Context, out: &std::path::Path) -> CliResult {
    if out.exists() {
        return Err(CliError::Refused(format!(
            "{} already exists; choose another file",
            out.display()
        )));
    }
    let passphrase = secrets::new_passphrase(super::init::strong_enough)?;
    let key = generate_key();
    let sealed = keyfile::seal(&key, &passphrase, KdfParams::STRONG)?;
    write_new_file(out, &sealed)?;
    let fp = fingerprint(&key.verifying_key().to_bytes());
    if ctx.json {
        ctx.print_json(&serde_json::json!({ "key": out, "treasurer_fingerprint": fp }));
    } else {
        println!("Wrote the new treasurer key to {}.", out.display());
        println!("Its fingerprint: {fp}");
        println!("The outgoing treasurer hands over with `akker treasurer handover --new-key {} --reason TEXT`.", out.display());
    }
    Ok(())
}

fn handover(ctx: &Context, new_key_file: &std::path::Path, reason: Reason) -> CliResult {
    let mut store = ctx.open()?;
    let text = std::fs::read_to_string(new_key_file).map_err(|e| {
        CliError::Refused(format!(
            "cannot read the new key file {}: {e}",
            new_key_file.display()
        ))
    })?;
    let new_public = keyfile::public_key(&text)?;
    let current = store.treasurer_key()?;
    if new_public == current {
        return Err(CliError::Refused(format!(
            "{} holds the current treasurer key; the incoming treasurer makes a new one with `akker treasurer new-key --out FILE`",
            new_key_file.display()
        )));
    }
    if !ctx.json {
        println!("Current treasurer key: {}", fingerprint(&current));
        println!("New treasurer key:     {}", fingerprint(&new_public));
    }
    let treasurer = ctx.treasurer(&store)?;
    let passphrase = secrets::new_treasurer_passphrase()?;
    let new_key = keyfile::open(&text, &passphrase)?;
    let seq = crate::ops::hand_over(&mut store, &treasurer, &new_key, reason, ctx.now())?;
    let (old_fp, new_fp) = (fingerprint(&current), fingerprint(&new_public));
    if ctx.json {
        ctx.print_json(&serde_json::json!({
            "seq": seq,
            "former_fingerprint": old_fp,
            "treasurer_fingerprint": new_fp,
        }));
    } else {
        println!(
            "Handed over in #{seq}: from now on only the key in {} signs for the treasurer.",
            new_key_file.display()
        );
        println!("Post the new fingerprint {new_fp} in the community centre in place of {old_fp}, and have it written in the minutes.");
        println!(
            "Give the new key file as --key, or put it in place of {} (keep the old one: it still checks the past).",
            ctx.key.display()
        );
    }
    Ok(())
}

fn show(ctx: &Context) -> CliResult {
    let store = ctx.open()?;
    let keys = store.treasurer_keys()?;
    if ctx.json {
        let rows: Vec<serde_json::Value> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| {
                serde_json::json!({
                    "seq": k.seq,
                    "recorded_at": k.recorded_at,
                    "public_key": hex::encode(k.public_key),
                    "fingerprint": fingerprint(&k.public_key),
                    "current": i + 1 == keys.len(),
                })
            })
            .collect();
        ctx.print_json(&rows);
        return Ok(());
    }
    for (i, k) in keys.iter().enumerate() {
        let since = if k.seq == 1 {
            "since the ledger was made".to_string()
        } else {
            format!("since #{}", k.seq)
        };
        let current = if i + 1 == keys.len() {
            "  (current)"
        } else {
            ""
        };
        println!(
            "{}  {since}, {}{current}",
            fingerprint(&k.public_key),
            k.recorded_at
        );
    }
    Ok(())
}
