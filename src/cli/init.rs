//! `akker init`: a new ledger file and the treasurer's key file.

use crate::ledger::{AccountKind, Amount, KdfParams, Language, Limits, Settings};
use crate::signing::{generate_key, keyfile, KeyHolder};

use super::{parse, secrets, CliError, CliResult, Context};

#[derive(clap::Args)]
pub struct Args {
    /// The community's name, printed on statements; between quotes if it
    /// has spaces: --community "Tijdsbank Kuregem".
    #[arg(long, default_value = "Buurtuur")]
    pub community: String,
    /// The currency's name.
    #[arg(long, default_value = "tijd")]
    pub currency: String,
    /// The unit amounts are counted in.
    #[arg(long, default_value = "hours")]
    pub unit: String,
    /// A short symbol for the unit.
    #[arg(long, default_value = "h")]
    pub symbol: String,
    /// The community's time zone; months and dates are counted in it.
    #[arg(long, default_value = "Europe/Brussels")]
    pub time_zone: String,
    /// The language new accounts get unless told otherwise.
    #[arg(long, default_value = "nl", value_parser = parse::language)]
    pub language: Language,
    /// Default limits per kind, as KIND=FLOOR:CEILING (repeatable),
    /// e.g. --limits person=-20:40. Defaults: person -20:40,
    /// initiative -100:200, partner -100:200, system -5000:5000.
    #[arg(
        long = "limits",
        value_name = "KIND=FLOOR:CEILING",
        allow_hyphen_values = true
    )]
    pub limits: Vec<String>,
}

pub fn run(ctx: &Context, args: Args) -> CliResult {
    if ctx.key.exists() {
        return Err(CliError::Refused(format!(
            "{} already exists; move it away or give another --key",
            ctx.key.display()
        )));
    }
    let settings_without_key = settings(&args, [0; 32])?;
    let passphrase = secrets::new_passphrase(strong_enough)?;
    let key = generate_key();
    let settings = Settings {
        treasurer_key: key.verifying_key().to_bytes(),
        ..settings_without_key
    };
    let sealed = keyfile::seal(&key, &passphrase, KdfParams::STRONG)?;
    let treasurer = KeyHolder::treasurer(key);
    let store = crate::ops::init(&ctx.db, settings, &treasurer, ctx.now())?;
    if let Err(err) = write_new_file(&ctx.key, &sealed) {
        // A ledger without its key is useless: remove it, leave nothing half made.
        drop(store);
        remove_ledger_files(&ctx.db);
        return Err(err);
    }
    let fingerprint = crate::signing::fingerprint(&store.settings().treasurer_key);
    if ctx.json {
        ctx.print_json(&serde_json::json!({
            "db": ctx.db,
            "key": ctx.key,
            "ledger_id": store.ledger_id(),
            "treasurer_fingerprint": fingerprint,
        }));
    } else {
        println!(
            "Created the ledger {} (id {}).",
            ctx.db.display(),
            store.ledger_id()
        );
        println!("The treasurer's key is in {}: keep a copy on a USB stick, and the passphrase in your head.", ctx.key.display());
        println!("Treasurer key fingerprint: {fingerprint}");
        println!("Post it in the community centre and have it written in the minutes of the general meeting: `akker verify --treasurer {fingerprint}` checks a ledger against it.");
    }
    Ok(())
}

/// The fewest characters a new treasurer's passphrase may have. The key
/// file is sealed with Argon2id, but a short passphrase can still be
/// guessed by whoever copies the file; a few everyday words are long
/// enough and easy to remember.
pub const PASSPHRASE_CHARS_MIN: usize = 12;

/// Refuses a passphrase that is easy to guess: too short, or one
/// character repeated (like `aaaaaaaaaaaa`).
pub fn strong_enough(passphrase: &str) -> CliResult {
    let chars: Vec<char> = passphrase.trim().chars().collect();
    let mut distinct = chars.clone();
    distinct.sort_unstable();
    distinct.dedup();
    if chars.len() < PASSPHRASE_CHARS_MIN || distinct.len() < 5 {
        return Err(CliError::Refused(format!(
            "this passphrase is too easy to guess, and nothing was created; choose one of at least \
             {PASSPHRASE_CHARS_MIN} characters, for example four everyday words with spaces between \
             them that only you would put together"
        )));
    }
    Ok(())
}

pub fn settings(args: &Args, treasurer_key: [u8; 32]) -> CliResult<Settings> {
    crate::ledger::period::parse_time_zone(&args.time_zone)?;
    let mut settings = Settings {
        community_name: non_empty(&args.community, "--community")?,
        currency_name: non_empty(&args.currency, "--currency")?,
        currency_unit: non_empty(&args.unit, "--unit")?,
        currency_symbol: non_empty(&args.symbol, "--symbol")?,
        time_zone: args.time_zone.clone(),
        default_language: args.language.as_str().to_string(),
        treasurer_key,
        person_limits: limits(-2000, 4000),
        initiative_limits: limits(-10000, 20000),
        partner_limits: limits(-10000, 20000),
        system_limits: limits(-500000, 500000),
    };
    for spec in &args.limits {
        let (kind, limits) = parse_kind_limits(spec)?;
        match kind {
            AccountKind::Person => settings.person_limits = limits,
            AccountKind::Initiative => settings.initiative_limits = limits,
            AccountKind::Partner => settings.partner_limits = limits,
            AccountKind::System => settings.system_limits = limits,
        }
    }
    Ok(settings)
}

fn limits(floor: i64, ceiling: i64) -> Limits {
    Limits::new(Amount::from_minor(floor), Amount::from_minor(ceiling))
        .expect("default limits include zero")
}

fn parse_kind_limits(spec: &str) -> CliResult<(AccountKind, Limits)> {
    let bad = || {
        CliError::Usage(format!(
            "'{spec}' is not KIND=FLOOR:CEILING, like person=-20:40"
        ))
    };
    let (kind, range) = spec.split_once('=').ok_or_else(bad)?;
    let (floor, ceiling) = range.split_once(':').ok_or_else(bad)?;
    let kind: AccountKind = kind.parse()?;
    let floor = Amount::parse_signed(floor).map_err(|e| CliError::Usage(e.to_string()))?;
    let ceiling = Amount::parse_signed(ceiling).map_err(|e| CliError::Usage(e.to_string()))?;
    Ok((kind, Limits::new(floor, ceiling)?))
}

fn non_empty(text: &str, flag: &str) -> CliResult<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.chars().count() > 60 || trimmed.chars().any(char::is_control) {
        return Err(CliError::Usage(format!(
            "{flag} must be 1 to 60 characters without control characters"
        )));
    }
    Ok(trimmed.to_string())
}

/// Writes a file that must not exist yet, readable by its owner only.
pub fn write_new_file(path: &std::path::Path, text: &str) -> CliResult {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .map_err(|e| CliError::Refused(format!("cannot create {}: {e}", path.display())))?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    Ok(())
}

/// Removes a ledger file with SQLite's side files.
pub fn remove_ledger_files(db: &std::path::Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(std::path::PathBuf::from(name));
    }
}
