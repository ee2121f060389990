//! Members' personal data on the command line: `akker account rename |
//! set-language | erase | data` (declared in `account.rs`, run here) and
//! `akker privacy-notice`.
//!
//! Profile changes are not journal entries (names stay outside the signed
//! books so they can be erased), but only the treasurer makes them: each
//! command unlocks the treasurer's key first, and the profile's history
//! records that the treasurer made the change.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::i18n::Messages;
use crate::ledger::{AccountId, Language, Reason};
use crate::privacy::{self, data_export, notice, PrivacyError};
use crate::store::profiles::{ProfileField, ProfileUpdate};

use super::output::OutputDir;
use super::{parse, CliError, CliResult, Context};

#[derive(clap::Args)]
pub struct EraseArgs {
    /// The account whose name and language to erase.
    #[arg(value_parser = parse::account, required_unless_present = "closed_before", conflicts_with = "closed_before")]
    pub id: Option<AccountId>,
    /// Why (kept in the profile's history; write no name in it).
    #[arg(long, value_parser = parse::reason, required_unless_present = "dry_run")]
    pub reason: Option<Reason>,
    /// Erase every account closed before DATE that still holds a name
    /// [DATE left out: today minus the ledger's retention period].
    #[arg(long, value_name = "DATE", value_parser = parse::date)]
    pub closed_before: Option<Option<NaiveDate>>,
    /// Only list the accounts that would be erased.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(clap::Args)]
pub struct NoticeArgs {
    /// The notice's language: nl, fr, en, ar or tr [default: the ledger's].
    #[arg(long, value_parser = parse::language)]
    pub lang: Option<Language>,
    /// Where to write it: a PDF file, or "-" for plain text on the terminal
    /// [default: privacy-notice-LANG.pdf here].
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Replace the file if it exists.
    #[arg(long)]
    pub force: bool,
}

fn refused(err: PrivacyError) -> CliError {
    CliError::Refused(err.to_string())
}

/// `account rename` and `account set-language`.
pub fn change(ctx: &Context, id: &AccountId, update: ProfileUpdate) -> CliResult {
    let mut store = ctx.open()?;
    super::existing_account(&store, id)?;
    ctx.treasurer(&store)?;
    let change = privacy::change_profile(&mut store, id, &update, ctx.now()).map_err(refused)?;
    if ctx.json {
        ctx.print_json(&change);
        return Ok(());
    }
    let old = change.old_value.as_deref().unwrap_or_default();
    let new = change.new_value.as_deref().unwrap_or_default();
    match change.field {
        ProfileField::Language => println!("The language of {id} is now {new} (was {old})."),
        _ => println!("Account {id} is now named {new} (was {old})."),
    }
    if old == new {
        println!("(It was already so; the change is kept in the history all the same.)");
    }
    Ok(())
}

/// `account erase ACCOUNT` and `account erase --closed-before [DATE]`.
pub fn erase(ctx: &Context, args: EraseArgs) -> CliResult {
    let mut store = ctx.open()?;
    let accounts = match (&args.id, args.closed_before) {
        (Some(id), _) => {
            super::existing_account(&store, id)?;
            vec![id.clone()]
        }
        (None, Some(date)) => {
            let date = match date {
                Some(date) => date,
                None => retention_date(ctx, &store)?,
            };
            let accounts = privacy::closed_before(&store, date)?;
            if ctx.json && (accounts.is_empty() || args.dry_run) {
                ctx.print_json(&serde_json::json!({ "closed_before": date, "accounts": accounts }));
                return Ok(());
            }
            if accounts.is_empty() {
                println!("No account closed before {date} still holds a name.");
                return Ok(());
            }
            if !ctx.json {
                println!(
                    "{} account(s) closed before {date} still hold a name: {}",
                    accounts.len(),
                    ids(&accounts)
                );
            }
            accounts
        }
        (None, None) => unreachable!("clap requires an account or --closed-before"),
    };
    if args.dry_run {
        if ctx.json {
            ctx.print_json(&serde_json::json!({ "accounts": accounts }));
            return Ok(());
        }
        if args.id.is_some() {
            println!("Would erase the name and language of {}.", ids(&accounts));
        }
        println!("Nothing was erased (--dry-run).");
        return Ok(());
    }
    let reason = args
        .reason
        .ok_or_else(|| CliError::Usage("give --reason: why the data is erased".into()))?;
    ctx.treasurer(&store)?;
    let report = privacy::erase(&mut store, &accounts, &reason, ctx.now()).map_err(refused)?;
    if ctx.json {
        ctx.print_json(&serde_json::json!({
            "erased": report.erased.iter().map(|e| e.account.clone()).collect::<Vec<_>>(),
            "already_erased": report.already,
            "vacuumed": report.scrub.vacuumed,
            "wal_emptied": !report.scrub.wal_busy,
            "still_in_signed_entries": report.scrub.still_found.iter().flat_map(|(_, s)| s.clone()).collect::<Vec<_>>(),
        }));
    } else {
        for erased in &report.erased {
            println!(
                "Erased the name and language of {}{}; it now shows as its number.",
                erased.account,
                match erased.offers_removed {
                    0 => String::new(),
                    n => format!(" and its {n} offer(s) and request(s)"),
                }
            );
        }
        for account in &report.already {
            println!("{account} was erased before; the file was cleaned again.");
        }
        if report.scrub.vacuumed {
            println!(
                "The ledger file was rebuilt (VACUUM) so no old copy of a name is left in it."
            );
        }
        print_leftovers(&report.scrub.still_found);
        println!(
            "Backups and printed papers made before now still hold the name: destroy them, or erase it there too (see docs/treasurer-guide.md, \"Members' personal data\")."
        );
    }
    if report.scrub.wal_busy {
        return Err(CliError::Refused(format!(
            "the data was erased, but another program (the kiosk?) is reading the ledger, so old copies may remain in {}-wal; stop it, then run `akker account erase {} --reason \"...\"` again to clean the file",
            store.path().display(),
            accounts.first().map(AccountId::as_str).unwrap_or_default()
        )));
    }
    Ok(())
}

fn print_leftovers(still_found: &[(String, Vec<i64>)]) {
    for (_, entries) in still_found {
        if entries.is_empty() {
            eprintln!(
                "akker: warning: the letters of an erased name still occur in the file as part of other data (another member's longer name, or an offer); nothing of the erased profile is left"
            );
        } else {
            let seqs: Vec<String> = entries.iter().map(|s| format!("#{s}")).collect();
            eprintln!(
                "akker: warning: an erased name is written in the signed text of entries {}; signed text can never be erased",
                seqs.join(", ")
            );
        }
    }
}

/// Today minus the ledger's retention period, or a refusal saying how to
/// set one.
fn retention_date(ctx: &Context, store: &crate::store::Store) -> CliResult<NaiveDate> {
    let months = privacy::retention_months(store)?.ok_or_else(|| {
        CliError::Usage(
            "this ledger has no retention period; give a date (--closed-before YYYY-MM-DD) or set one with `akker settings set privacy.retention-months 24`".into(),
        )
    })?;
    let today = crate::ops::today(store.settings(), ctx.now());
    let date = privacy::retention_cutoff(today, months);
    if !ctx.json {
        println!(
            "Retention period: {months} months after closing, so accounts closed before {date}."
        );
    }
    Ok(date)
}

fn ids(accounts: &[AccountId]) -> String {
    accounts
        .iter()
        .map(AccountId::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `account data ACCOUNT --out DIR`.
pub fn data(ctx: &Context, id: &AccountId, out: &Path) -> CliResult {
    // The folder is checked before anything is read or made: the one
    // rule for output paths, and one member's data in a folder of its own.
    let dir = OutputDir::check(out, "--out")?;
    check_empty(out)?;
    let json_file = dir.file(&format!("{id}-data.json"), false)?;
    let pdf_file = dir.file(&format!("{id}-data.pdf"), false)?;
    let store = ctx.open()?;
    super::existing_account(&store, id)?;
    let data = data_export::build(&store, id, ctx.now())?
        .ok_or_else(|| CliError::Refused(format!("there is no account {id}")))?;
    let language = data_export::language_of(&data, &store.settings().default_language);
    let messages = Messages::for_language(&language);
    let pdf =
        data_export::render_pdf(&data, messages).map_err(|e| CliError::Refused(e.to_string()))?;
    let json = data_export::to_json(&data);
    dir.create()?;
    pdf_file.write(&pdf)?;
    // Both files or neither: a member must not receive half their data.
    if let Err(e) = json_file.write(json.as_bytes()) {
        let _ = std::fs::remove_file(pdf_file.path());
        return Err(e);
    }
    if ctx.json {
        ctx.print_json(&serde_json::json!({
            "json": json_file.path(), "pdf": pdf_file.path(), "transactions": data.transactions.len(),
        }));
    } else {
        println!(
            "Wrote everything akker holds about {id} to {} and {} ({} exchanges, in language {}).",
            json_file.path().display(),
            pdf_file.path().display(),
            data.transactions.len(),
            messages.language()
        );
    }
    Ok(())
}

/// The data export goes into a new or empty folder, so it never mixes
/// with, or replaces, another member's files.
fn check_empty(out: &Path) -> CliResult {
    let occupied = std::fs::read_dir(out).is_ok_and(|mut entries| entries.next().is_some());
    if occupied {
        return Err(CliError::Refused(format!(
            "{} is not empty; give a new or empty folder for one member's data",
            out.display()
        )));
    }
    Ok(())
}

/// `privacy-notice --lang LANG --out FILE`.
pub fn run_notice(ctx: &Context, args: NoticeArgs) -> CliResult {
    let store = ctx.open()?;
    let language = args
        .lang
        .map(|l| l.as_str().to_string())
        .unwrap_or_else(|| store.settings().default_language.clone());
    let messages = Messages::for_language(&language);
    let contact = privacy::notice_contact(&store)?;
    let out = args
        .out
        .unwrap_or_else(|| PathBuf::from(format!("privacy-notice-{}.pdf", messages.language())));
    // Checked before anything is made: an existing file without --force,
    // a missing folder or a directory is refused with nothing written.
    let target = super::output::Output::check(&out, args.force, "--out")?;
    let bytes = if out.as_os_str() == "-" {
        notice::render_text(messages, &contact).into_bytes()
    } else {
        notice::render_pdf(messages, &contact).map_err(|e| CliError::Refused(e.to_string()))?
    };
    if target.write(&bytes)? {
        println!(
            "Wrote the privacy notice in language {} to {}.",
            messages.language(),
            out.display()
        );
    }
    Ok(())
}

/// Prints a warning (never a refusal) when `texts`, about to be signed,
/// contain a member's name. Used by `pay`.
pub fn warn_names(store: &crate::store::Store, what: &str, texts: &[Option<&str>]) -> CliResult {
    let texts: Vec<&str> = texts.iter().flatten().copied().collect();
    let hits = privacy::name_warnings(store, &texts)?;
    if !hits.is_empty() {
        eprintln!("akker: {}", privacy::warning_text(what, &hits));
    }
    Ok(())
}

/// Prints the warnings of an import's planned lines that name a member.
pub fn warn_import_names(
    store: &crate::store::Store,
    file: &str,
    plan: &crate::interchange::import::Plan,
) -> CliResult {
    for warning in privacy::import_warnings(store, file, plan)? {
        eprintln!("akker: {warning}");
    }
    Ok(())
}
