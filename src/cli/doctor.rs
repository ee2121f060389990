//! `akker doctor`: checks the installation a treasurer relies on, one line
//! per check (OK, WARN or FAIL) with what to fix; exit 1 when any FAILs.

use std::net::SocketAddr;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::interchange::backup::{dated_copies, dated_stem};
use crate::signing::keyfile;
use crate::store::{Store, StoreError, SCHEMA_VERSION};

use super::{CliError, CliResult, Context};

/// Where the Debian package keeps the settings of its services.
const DEFAULTS_FILE: &str = "/etc/default/akker";

#[derive(clap::Args)]
pub struct Args {
    /// The folder backups go to [default: AKKER_BACKUP_DIR, from the
    /// environment or /etc/default/akker].
    #[arg(long, value_name = "DIR")]
    pub backups: Option<PathBuf>,
    /// A newest backup older than this many days is a warning.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..=365))]
    pub backup_age_days: u32,
    /// The kiosk's address, checked to be free (or held by the kiosk).
    #[arg(long, default_value = "127.0.0.1:8080", env = "AKKER_KIOSK_LISTEN")]
    pub listen: SocketAddr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
enum Status {
    Ok,
    Warn,
    Fail,
}

#[derive(Debug, Serialize)]
struct Check {
    check: &'static str,
    status: Status,
    message: String,
}

fn check(check: &'static str, status: Status, message: String) -> Check {
    Check {
        check,
        status,
        message,
    }
}

pub fn run(ctx: &Context, args: Args) -> CliResult {
    let (ledger, store) = ledger(ctx);
    let mut checks = vec![ledger];
    checks.push(key(ctx, store.as_ref()));
    checks.push(backups(ctx, &args));
    if let Some(store) = &store {
        checks.push(clock(ctx, store));
    }
    checks.push(port(args.listen));
    checks.push(program(
        "chromium",
        &["chromium", "chromium-browser"],
        "the kiosk's screen (apt install chromium)",
    ));
    checks.push(program(
        "espeak-ng",
        &["espeak-ng"],
        "the kiosk's speaker button, which reads screens aloud (apt install espeak-ng)",
    ));
    let failed = checks.iter().filter(|c| c.status == Status::Fail).count();
    if ctx.json {
        ctx.print_json(&checks);
    } else {
        for c in &checks {
            let status = match c.status {
                Status::Ok => "OK  ",
                Status::Warn => "WARN",
                Status::Fail => "FAIL",
            };
            println!("{status} {:<10} {}", c.check, c.message);
        }
    }
    match failed {
        0 => Ok(()),
        n => Err(CliError::Refused(format!(
            "{n} check(s) failed; fix what the FAIL line(s) say, then run `akker doctor` again"
        ))),
    }
}

/// Opens the ledger without writing (not even an upgrade) and runs the
/// structure check.
fn ledger(ctx: &Context) -> (Check, Option<Store>) {
    let db = ctx.db.display();
    let store = match Store::open_read_only(&ctx.db) {
        Ok(store) => store,
        Err(StoreError::NeedsUpgrade { version, .. }) => {
            return (
                check(
                    "ledger",
                    Status::Warn,
                    format!("{db} was written by an older akker (schema version {version}); the next command that opens it upgrades it to version {SCHEMA_VERSION}, keeping a copy beside it"),
                ),
                None,
            )
        }
        Err(e) => return (check("ledger", Status::Fail, e.to_string()), None),
    };
    let status = match store.check_structure().and_then(|()| store.chain_head()) {
        Ok((entries, _)) => check(
            "ledger",
            Status::Ok,
            format!("{db}: readable, structure whole, {entries} entries, schema version {SCHEMA_VERSION}"),
        ),
        Err(e) => check("ledger", Status::Fail, e.to_string()),
    };
    (status, Some(store))
}

fn key(ctx: &Context, store: Option<&Store>) -> Check {
    let path = ctx.key.display();
    let meta = match std::fs::metadata(&ctx.key) {
        Ok(meta) => meta,
        Err(_) => {
            return check(
                "key",
                Status::Warn,
                format!("no treasurer's key file at {path}: nothing can be signed by the treasurer on this computer (a kiosk-only computer needs none); give its place with --key"),
            )
        }
    };
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return check(
            "key",
            Status::Fail,
            format!("{path} can be read by others (mode {mode:03o}); make it private with `chmod 600 {path}`"),
        );
    }
    let matches = std::fs::read_to_string(&ctx.key)
        .ok()
        .and_then(|text| keyfile::public_key(&text).ok())
        .zip(store)
        .map(|(key, store)| key == store.settings().treasurer_key);
    match matches {
        Some(false) => check(
            "key",
            Status::Fail,
            format!(
                "{path} is not the treasurer's key of this ledger; give the right one with --key"
            ),
        ),
        _ => check(
            "key",
            Status::Ok,
            format!("{path} is present and private (mode {mode:03o})"),
        ),
    }
}

/// The backup folder: --backups, else AKKER_BACKUP_DIR from the
/// environment (systemd sets it from the defaults file), else the file.
fn backup_folder(args: &Args) -> Option<PathBuf> {
    if let Some(dir) = &args.backups {
        return Some(dir.clone());
    }
    if let Some(dir) = std::env::var_os("AKKER_BACKUP_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let text = std::fs::read_to_string(DEFAULTS_FILE).ok()?;
    defaults_value(&text, "AKKER_BACKUP_DIR").map(PathBuf::from)
}

/// `NAME=value` from a shell-style defaults file (comments, quotes).
fn defaults_value(text: &str, name: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.strip_prefix(name)?.strip_prefix('='))
        .map(|v| v.trim().trim_matches(|c| c == '"' || c == '\'').to_string())
        .rfind(|v| !v.is_empty())
}

fn backups(ctx: &Context, args: &Args) -> Check {
    let Some(dir) = backup_folder(args) else {
        return check(
            "backups",
            Status::Warn,
            format!("no backup folder is set: set AKKER_BACKUP_DIR in {DEFAULTS_FILE} and run `systemctl enable --now akker-backup.timer`, or give --backups DIR"),
        );
    };
    let shown = dir.display();
    if !dir.is_dir() {
        return check(
            "backups",
            Status::Fail,
            format!("the backup folder {shown} does not exist: is the USB stick plugged in and mounted?"),
        );
    }
    let stem = dated_stem(&ctx.db);
    let newest = dated_copies(&dir, &stem)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| Some((std::fs::metadata(&p).ok()?.modified().ok()?, p)))
        .max();
    let Some((when, path)) = newest else {
        return check(
            "backups",
            Status::Warn,
            format!("no backup of this ledger in {shown} yet: run `akker backup --into {shown}`"),
        );
    };
    let age = std::time::SystemTime::now()
        .duration_since(when)
        .unwrap_or_default();
    let days = age.as_secs() / 86_400;
    if days >= u64::from(args.backup_age_days) {
        return check(
            "backups",
            Status::Warn,
            format!("the newest backup, {}, is {days} days old: check that akker-backup.timer runs (`systemctl list-timers akker-backup.timer`)", path.display()),
        );
    }
    check(
        "backups",
        Status::Ok,
        format!(
            "newest backup {} ({} hours old)",
            path.display(),
            age.as_secs() / 3600
        ),
    )
}

fn clock(ctx: &Context, store: &Store) -> Check {
    let now = ctx.now();
    let last = match store.last_recorded_at() {
        Ok(Some(last)) => last,
        Ok(None) => return check("clock", Status::Ok, now.to_rfc3339()),
        Err(e) => return check("clock", Status::Fail, e.to_string()),
    };
    match chrono::DateTime::parse_from_rfc3339(&last) {
        Ok(t) if now < t => check(
            "clock",
            Status::Fail,
            format!("this computer's clock ({}) is behind the ledger's last entry ({last}); set the clock right (`timedatectl`) before recording anything", now.to_rfc3339()),
        ),
        Ok(_) => check(
            "clock",
            Status::Ok,
            format!("{} is after the last entry ({last})", now.to_rfc3339()),
        ),
        Err(_) => check(
            "clock",
            Status::Fail,
            format!("the last entry's time '{last}' cannot be read; run `akker verify`"),
        ),
    }
}

fn port(listen: SocketAddr) -> Check {
    match std::net::TcpListener::bind(listen) {
        Ok(_) => check("kiosk", Status::Ok, format!("{listen} is free for the kiosk")),
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => check(
            "kiosk",
            Status::Warn,
            format!("{listen} is in use: if the kiosk runs there (`systemctl status akker-kiosk`) all is well; otherwise another program holds it, so set AKKER_KIOSK_LISTEN to another address"),
        ),
        Err(e) => check(
            "kiosk",
            Status::Fail,
            format!("the kiosk cannot listen on {listen} ({e}); set AKKER_KIOSK_LISTEN to an address of this computer"),
        ),
    }
}

fn program(name: &'static str, candidates: &[&str], used_by: &str) -> Check {
    match candidates.iter().find_map(|c| on_path(c)) {
        Some(found) => check(name, Status::Ok, found.display().to_string()),
        None => check(
            name,
            Status::Warn,
            format!("not found; needed on the kiosk's computer for {used_by}"),
        ),
    }
}

fn on_path(program: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(program))
        .find(|p| is_executable(p))
}

fn is_executable(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_file_is_read_like_the_shell_reads_it() {
        let text = "# where backups go\nAKKER_BACKUP_DIR=\"/media/usb\"\n#AKKER_BACKUP_DIR=/old\nAKKER_BACKUP_KEEP=14\n";
        assert_eq!(
            defaults_value(text, "AKKER_BACKUP_DIR").as_deref(),
            Some("/media/usb")
        );
        assert_eq!(defaults_value(text, "AKKER_BACKUP").as_deref(), None);
    }
}
