//! The treasurer's command line: `akker [--db PATH] <command>`.
//! One file per command; this file only declares the commands, builds the
//! shared context and maps errors to exit statuses.

mod account;
mod attest;
mod backup;
mod balance;
mod card;
mod clock;
mod demo;
mod doctor;
mod error;
mod export;
mod fund;
mod generate;
mod gift;
mod guide;
mod history;
mod import;
mod init;
mod kiosk;
mod offer;
pub mod output;
mod pay;
mod privacy;
mod report;
mod request;
mod secrets;
mod settings;
mod statement;
mod statements;
mod table;
mod treasurer;
mod tx;
mod verify;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::signing::{keyfile, KeyHolder};
use crate::store::Store;

pub use error::{CliError, CliResult};

#[derive(Parser)]
#[command(
    name = "akker",
    version,
    about = "A signed, double-entry ledger for a community time bank"
)]
#[command(propagate_version = true, max_term_width = 100)]
pub struct Cli {
    /// The ledger file [default: akker.db; demo.db for `demo`].
    #[arg(long, global = true, env = "AKKER_DB")]
    db: Option<PathBuf>,

    /// The treasurer's encrypted key file [default: the ledger file + ".key"].
    #[arg(long, global = true, env = "AKKER_KEY")]
    key: Option<PathBuf>,

    /// Print JSON for scripts instead of tables.
    #[arg(long, global = true)]
    json: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new ledger and the treasurer's key file.
    Init(init::Args),
    /// Open, list, show, close accounts, set their limits; rename, erase, hand over data.
    #[command(subcommand)]
    Account(account::Command),
    /// Issue a member's card (a new card revokes the old one).
    #[command(subcommand)]
    Card(card::Command),
    /// Record a payment: FROM pays TO AMOUNT [TO AMOUNT ...].
    Pay(pay::Args),
    /// Give hours without work: FROM gives TO (or the fund) AMOUNT.
    Gift(gift::Args),
    /// The community fund's rules: run a contribution or demurrage, list runs.
    #[command(subcommand)]
    Fund(fund::Command),
    /// Ask for hours (the helper), confirm or decline (the helped), list.
    #[command(subcommand)]
    Request(request::Command),
    /// Show, list and reverse transactions.
    #[command(subcommand)]
    Tx(tx::Command),
    /// Balances of one account or all, with a total that must be zero.
    Balance(balance::Args),
    /// One account's transactions with a running balance.
    History(history::Args),
    /// Check signatures, the hash chain, double entry, limits and balances.
    Verify(verify::Args),
    /// Show or set the signed settings (organisation, treasurer, privacy, limits, fund).
    #[command(subcommand)]
    Settings(settings::Command),
    /// The treasurer's keys: make a new one, hand over to it, list them.
    #[command(subcommand)]
    Treasurer(treasurer::Command),
    /// The recording clock: show it, confirm a jump, correct a time set ahead.
    #[command(subcommand)]
    Clock(clock::Command),
    /// One account's monthly statement, or `statement check CODE`.
    Statement(statement::Args),
    /// Every open account's statement for a month, plus one file to print.
    Statements(statements::Args),
    /// A signed attestation of the hours a member gave over a period.
    Attest(attest::Args),
    /// Build a demo community in a new file (passphrase: demo).
    Demo(demo::Args),
    /// The community report for a period: figures, who needs a call, and the map.
    Report(report::Args),
    /// Serve the community centre's touch-screen kiosk.
    Kiosk(kiosk::Args),
    /// Offers and requests of skills on the kiosk's board.
    #[command(subcommand)]
    Offer(offer::Command),
    /// Read accounts, past exchanges or opening balances from CSV.
    #[command(subcommand)]
    Import(import::Command),
    /// Write the books as CSV, hledger, beancount or JSON.
    Export(export::Args),
    /// Copy the ledger to FILE while others may write, and verify the copy.
    Backup(backup::BackupArgs),
    /// Put a verified backup back in place of the ledger.
    Restore(backup::RestoreArgs),
    /// The one-page privacy notice for members, in their language.
    PrivacyNotice(privacy::NoticeArgs),
    /// Read the treasurer's guide here, without a network: `akker guide TOPIC`.
    Guide(guide::Args),
    /// Check the installation: ledger, key file, backups, clock, kiosk.
    Doctor(doctor::Args),
    /// Write the man pages and shell completions for packaging.
    #[command(hide = true)]
    GenerateFiles(generate::Args),
}

/// What every command needs: where the ledger and key are, how to print,
/// and what time it is.
pub struct Context {
    pub db: PathBuf,
    pub key: PathBuf,
    /// True when the key file was named (--key or AKKER_KEY), not the
    /// default beside the ledger.
    pub key_given: bool,
    pub json: bool,
}

/// The account's row, or a refusal naming the unknown account.
pub fn existing_account(
    store: &Store,
    id: &crate::ledger::AccountId,
) -> CliResult<crate::store::AccountRow> {
    store.account(id)?.ok_or_else(|| {
        CliError::Refused(crate::ledger::RuleError::UnknownAccount(id.clone()).to_string())
    })
}

impl Context {
    pub fn open(&self) -> CliResult<Store> {
        let store = Store::open(&self.db)?;
        if let Some(kept) = store.upgraded_from() {
            eprintln!(
                "akker: upgraded {} to schema version {}; the file as it was is kept as {}",
                self.db.display(),
                crate::store::SCHEMA_VERSION,
                kept.display()
            );
        }
        Ok(store)
    }

    /// The current time. AKKER_NOW (RFC 3339) overrides it, for tests of
    /// month boundaries and late entries only, and only in a test build
    /// (`run` refuses it in an installed binary; see `clock_override`).
    pub fn now(&self) -> DateTime<Utc> {
        std::env::var("AKKER_NOW")
            .ok()
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(Utc::now)
    }

    /// Unlocks the treasurer's key, after checking the file belongs to
    /// this ledger (before asking for the passphrase).
    pub fn treasurer(&self, store: &Store) -> CliResult<KeyHolder> {
        let text = std::fs::read_to_string(&self.key).map_err(|e| {
            CliError::Refused(format!(
                "cannot read the treasurer's key file {}: {e}; give its place with --key or AKKER_KEY",
                self.key.display()
            ))
        })?;
        let held = keyfile::public_key(&text)?;
        let keys = store.treasurer_keys()?;
        let current = keys.last().map(|k| k.public_key);
        if Some(held) != current {
            let former = keys
                .iter()
                .position(|k| k.public_key == held)
                .and_then(|i| keys.get(i + 1));
            return Err(CliError::Refused(match former {
                Some(next) => format!(
                    "{} holds a former treasurer key of this ledger ({}), handed over in #{} to {}; only the current treasurer's key file signs",
                    self.key.display(),
                    crate::signing::fingerprint(&held),
                    next.seq,
                    crate::signing::fingerprint(&next.public_key)
                ),
                None => format!(
                    "{} is not the treasurer's key of this ledger",
                    self.key.display()
                ),
            }));
        }
        let passphrase = secrets::passphrase("Treasurer's passphrase: ")?;
        Ok(KeyHolder::treasurer(keyfile::open(&text, &passphrase)?))
    }

    pub fn print_json<T: Serialize>(&self, value: &T) {
        println!(
            "{}",
            serde_json::to_string_pretty(value).expect("read models always serialise")
        );
    }
}

pub fn key_path_for(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".key");
    PathBuf::from(name)
}

/// The whole command line as clap knows it, with the version line that
/// names the ledger schema this akker reads and writes (also used to
/// write the man pages and shell completions).
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    let version = format!(
        "{} (ledger schema version {})",
        env!("CARGO_PKG_VERSION"),
        crate::store::SCHEMA_VERSION
    );
    // clap keeps a version as &'static str; built once per run.
    let version: &'static str = Box::leak(version.into_boxed_str());
    Cli::command().version(version)
}

/// Parses the command line, runs the command, prints any error once and
/// returns the exit status.
pub fn main() -> i32 {
    restore_sigpipe();
    use clap::FromArgMatches;
    let cli = match command()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            if let Some(hint) = quoting_hint(&err) {
                eprintln!("{hint}");
            }
            return if err.use_stderr() { 2 } else { 0 };
        }
    };
    let db = ledger_path(&cli);
    match run(cli) {
        Ok(()) => 0,
        Err(err) => {
            let err = err.for_ledger(&db);
            eprintln!("akker: {err}");
            err.exit_code()
        }
    }
}

/// A stray word where clap expected none is nearly always the second
/// word of a value typed without quotes (`--name Marie Dubois`); clap's
/// own message does not say so, and a volunteer would not guess it.
fn quoting_hint(err: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let Some(ContextValue::String(word)) = err.get(ContextKind::InvalidArg) else {
        return None;
    };
    // `pay ... --what Welcome credit`: "credit" is taken for one more payee.
    if matches!(
        err.kind(),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues
    ) && word.contains("TO AMOUNT")
    {
        return Some(
            "Payees come in pairs, TO AMOUNT. If a value has spaces, put it between double quotes, like --what \"Welcome credit\": without them its second word is read as a payee.".to_string(),
        );
    }
    if err.kind() != ErrorKind::UnknownArgument {
        return None;
    }
    if word.starts_with('-') {
        return None;
    }
    Some(format!(
        "If '{word}' belongs to the value before it, put the whole value between double quotes, like --name \"Marie Dubois\"."
    ))
}

/// Like other Unix tools, stop quietly when the reader of our output goes
/// away (`akker tx list | head`), instead of panicking on a broken pipe.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to the default at start-up,
    // before any thread exists, has no preconditions.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Whether this build obeys AKKER_NOW: debug builds (what `cargo test`
/// runs) and builds with the `test-clock` feature. An installed release
/// binary takes the time from the computer's clock only, so no
/// environment variable can record payments in 1970 or issue 2098.
pub const CLOCK_OVERRIDE_ALLOWED: bool = cfg!(debug_assertions) || cfg!(feature = "test-clock");

/// Refuses AKKER_NOW in a build that does not obey it, instead of
/// ignoring it silently (a script relying on it must not sign the wrong
/// time without knowing).
fn clock_override() -> CliResult {
    if std::env::var_os("AKKER_NOW").is_some() && !CLOCK_OVERRIDE_ALLOWED {
        return Err(CliError::Usage(
            "AKKER_NOW is set, but this akker is an installed build that takes the time from the computer's clock only; unset AKKER_NOW (it exists for akker's own tests)".into(),
        ));
    }
    Ok(())
}

/// The ledger file the command works on (--db, AKKER_DB or the default).
fn ledger_path(cli: &Cli) -> PathBuf {
    let default_db = if matches!(cli.command, Command::Demo(_)) {
        "demo.db"
    } else {
        "akker.db"
    };
    cli.db.clone().unwrap_or_else(|| PathBuf::from(default_db))
}

fn run(cli: Cli) -> CliResult {
    clock_override()?;
    let db = ledger_path(&cli);
    let key_given = cli.key.is_some();
    let key = cli.key.unwrap_or_else(|| key_path_for(&db));
    let ctx = Context {
        db,
        key,
        key_given,
        json: cli.json,
    };
    match cli.command {
        Command::Init(args) => init::run(&ctx, args),
        Command::Account(cmd) => account::run(&ctx, cmd),
        Command::Card(cmd) => card::run(&ctx, cmd),
        Command::Pay(args) => pay::run(&ctx, args),
        Command::Gift(args) => gift::run(&ctx, args),
        Command::Fund(cmd) => fund::run(&ctx, cmd),
        Command::Request(cmd) => request::run(&ctx, cmd),
        Command::Tx(cmd) => tx::run(&ctx, cmd),
        Command::Balance(args) => balance::run(&ctx, args),
        Command::History(args) => history::run(&ctx, args),
        Command::Verify(args) => verify::run(&ctx, args),
        Command::Settings(cmd) => settings::run(&ctx, cmd),
        Command::Treasurer(cmd) => treasurer::run(&ctx, cmd),
        Command::Clock(cmd) => clock::run(&ctx, cmd),
        Command::Statement(args) => statement::run(&ctx, args),
        Command::Statements(args) => statements::run(&ctx, args),
        Command::Attest(args) => attest::run(&ctx, args),
        Command::Demo(args) => demo::run(args, ctx),
        Command::Report(args) => report::run(&ctx, args),
        Command::Kiosk(args) => kiosk::run(&ctx, args),
        Command::Offer(cmd) => offer::run(&ctx, cmd),
        Command::Import(cmd) => import::run(&ctx, cmd),
        Command::Export(args) => export::run(&ctx, args),
        Command::Backup(args) => backup::run_backup(&ctx, args),
        Command::Restore(args) => backup::run_restore(&ctx, args),
        Command::PrivacyNotice(args) => privacy::run_notice(&ctx, args),
        Command::Guide(args) => guide::run(args),
        Command::Doctor(args) => doctor::run(&ctx, args),
        Command::GenerateFiles(args) => generate::run(args),
    }
}

/// Parsers clap uses for typed values, so a malformed value is a usage
/// error (exit 2) with the ledger's own message.
pub mod parse {
    use crate::ledger::{AccountId, Amount, Language, Month, Reason, Skill, WorkKind};
    use chrono::NaiveDate;

    pub fn account(s: &str) -> Result<AccountId, String> {
        AccountId::parse(s).map_err(|e| e.to_string())
    }
    pub fn request_seq(s: &str) -> Result<i64, String> {
        s.trim()
            .trim_start_matches('#')
            .parse::<i64>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| {
                format!("'{s}' is not a request number; give the # that `akker request list` shows, like 12")
            })
    }
    pub fn amount(s: &str) -> Result<Amount, String> {
        Amount::parse_positive(s).map_err(|e| e.to_string())
    }
    pub fn signed_amount(s: &str) -> Result<Amount, String> {
        Amount::parse_signed(s).map_err(|e| e.to_string())
    }
    pub fn work(s: &str) -> Result<WorkKind, String> {
        s.parse()
            .map_err(|e: crate::ledger::FieldError| e.to_string())
    }
    pub fn skill(s: &str) -> Result<Skill, String> {
        Skill::parse(s).map_err(|e| e.to_string())
    }
    pub fn reason(s: &str) -> Result<Reason, String> {
        Reason::parse(s).map_err(|e| e.to_string())
    }
    pub fn language(s: &str) -> Result<Language, String> {
        Language::parse(s).map_err(|e| e.to_string())
    }
    pub fn month(s: &str) -> Result<Month, String> {
        s.parse()
            .map_err(|e: crate::ledger::FieldError| e.to_string())
    }
    pub fn date(s: &str) -> Result<NaiveDate, String> {
        let date = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map_err(|_| format!("'{s}' is not a date; write it as YYYY-MM-DD, like 2026-11-03"))?;
        crate::ledger::transaction::check_date(date, this_year()).map_err(|e| e.to_string())
    }

    /// The year of the command's clock (AKKER_NOW when pinned), for the
    /// range dates must fall in.
    fn this_year() -> i32 {
        use chrono::Datelike;
        std::env::var("AKKER_NOW")
            .ok()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok())
            .map_or_else(|| chrono::Utc::now().year(), |t| t.year())
    }
}
