//! `akker init`: a new ledger file and the treasurer's key file.

use crate::ledger::{AccountKind, Amount, KdfParams, Language, Limits, SettingKey, Settings};
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
    /// About how many members the community will have: akker then proposes
    /// the default limits for its size (--limits still wins) and signs a
    /// soft floor and ceiling for person accounts; see `akker guide
    /// limits` for what other time banks use.
    #[arg(long, value_name = "N")]
    pub members: Option<u32>,
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
    let mut store = crate::ops::init(&ctx.db, settings, &treasurer, ctx.now())?;
    if let Some(members) = args.members {
        // The proposed soft limits are signed settings like any other;
        // they are recorded right after the ledger's first entry.
        let soft = crate::ledger::policy::proposed_limits(members).person_soft;
        for (key, value) in [
            (SettingKey::SoftFloorPerson, soft.floor),
            (SettingKey::SoftCeilingPerson, soft.ceiling),
        ] {
            let value = value.map(|a| a.to_string()).unwrap_or_default();
            if let Err(err) =
                crate::ops::set_setting(&mut store, &treasurer, key, &value, ctx.now())
            {
                drop(store);
                remove_ledger_files(&ctx.db);
                return Err(err.into());
            }
        }
    }
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
        if let Some(members) = args.members {
            print_proposal(store.settings(), members);
        }
    }
    Ok(())
}

/// What `--members` set, and the growth policy it proposes without
/// turning it on (the members decide that together).
fn print_proposal(settings: &Settings, members: u32) {
    let proposal = crate::ledger::policy::proposed_limits(members);
    println!("Limits for a community of about {members} members:");
    for kind in AccountKind::ALL {
        let l = settings.default_limits(kind);
        println!(
            "  {:<10} floor {:>9}  ceiling {:>9}",
            kind.as_str(),
            l.floor(),
            l.ceiling()
        );
    }
    let soft = proposal.person_soft;
    println!(
        "  person soft floor {} and soft ceiling {}: a notice, not a refusal.",
        soft.floor.unwrap_or_default(),
        soft.ceiling.unwrap_or_default()
    );
    let g = proposal.growth;
    println!(
        "Credit that grows with giving is off. To turn it on (floor {} - 0.50 x hours given in 12 months, never below {}):",
        g.base, g.cap
    );
    println!(
        "  akker settings set growth.base {}; akker settings set growth.factor 0.5; akker settings set growth.months 12; akker settings set growth.cap {}",
        g.base, g.cap
    );
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
    if let Some(members) = args.members {
        let proposal = crate::ledger::policy::proposed_limits(members);
        settings.person_limits = proposal.person;
        settings.initiative_limits = proposal.initiative;
        settings.partner_limits = proposal.partner;
        settings.system_limits = proposal.system;
    }
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
