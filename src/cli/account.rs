//! `akker account add|list|show|close|set-limits|soft-limits`, and the personal-data
//! commands `rename|set-language|erase|data` (run by `super::privacy`).

use crate::ledger::{AccountId, AccountKind, Amount, DisplayName, Language, Limits, Reason};
use crate::ops::{self, NewAccount};
use crate::store::profiles::ProfileUpdate;
use crate::store::AccountRow;

use super::table::{Align, Table};
use super::{parse, CliError, CliResult, Context};

#[derive(clap::Subcommand)]
pub enum Command {
    /// Open a new account.
    Add {
        /// A short id to type, like M042 or INIT-WERELDVROUWEN.
        #[arg(value_parser = parse::account)]
        id: AccountId,
        /// The display name, in any script; a nickname is fine. Between
        /// quotes if it has spaces: --name "Marie Dubois".
        #[arg(long)]
        name: String,
        /// person, initiative, partner or system.
        #[arg(long, default_value = "person")]
        kind: AccountKind,
        /// The member's language [default: the ledger's].
        #[arg(long, value_parser = parse::language)]
        language: Option<Language>,
        /// Floor (zero or negative) [default: the kind's].
        #[arg(long, value_parser = parse::signed_amount, allow_hyphen_values = true)]
        floor: Option<Amount>,
        /// Ceiling (zero or positive) [default: the kind's].
        #[arg(long, value_parser = parse::signed_amount)]
        ceiling: Option<Amount>,
    },
    /// List all accounts.
    List,
    /// Show one account.
    Show {
        /// The account's id, like M042.
        #[arg(value_parser = parse::account)]
        id: AccountId,
    },
    /// Close an account whose balance is zero.
    Close {
        /// The account's id, like M042.
        #[arg(value_parser = parse::account)]
        id: AccountId,
        /// Why it is closed, in a few words (quoted if more than one):
        /// kept in the account's history, like "moved away".
        #[arg(long, value_parser = parse::reason)]
        reason: Reason,
    },
    /// Change an account's floor and ceiling.
    SetLimits {
        /// The account's id, like M042.
        #[arg(value_parser = parse::account)]
        id: AccountId,
        /// The lowest balance allowed from now on: zero or negative, like -30.
        #[arg(long, value_parser = parse::signed_amount, allow_hyphen_values = true)]
        floor: Amount,
        /// The highest balance allowed from now on: zero or positive, like 40.
        #[arg(long, value_parser = parse::signed_amount)]
        ceiling: Amount,
        /// Why the limits change (quoted if more than one word): kept in
        /// the account's history, like "agreed at the October meeting".
        #[arg(long, value_parser = parse::reason)]
        reason: Reason,
    },
    /// Set an account's own soft floor and ceiling: crossing one is
    /// allowed and gives a notice. Left out, a soft limit follows the
    /// account kind's setting (limits.KIND.soft-floor / soft-ceiling).
    SoftLimits {
        /// The account's id, like M042.
        #[arg(value_parser = parse::account)]
        id: AccountId,
        /// The soft floor: zero or negative, like -15; below it the member
        /// and the treasurer see a notice.
        #[arg(long, value_parser = parse::signed_amount, allow_hyphen_values = true)]
        floor: Option<Amount>,
        /// The soft ceiling: zero or positive, like 30; above it a notice.
        // A negative value is read as one, so it gets the command's own
        // message (a soft ceiling is zero or positive), not clap's.
        #[arg(long, value_parser = parse::signed_amount, allow_hyphen_values = true)]
        ceiling: Option<Amount>,
        /// Why (quoted if more than one word): kept in the account's
        /// limit history, like "agreed with the member".
        #[arg(long, value_parser = parse::reason)]
        reason: Reason,
    },
    /// Correct an account's display name (kept outside the signed books).
    Rename {
        /// The account's id, like M042.
        #[arg(value_parser = parse::account)]
        id: AccountId,
        /// The new display name, in any script; a nickname is fine.
        #[arg(long)]
        name: String,
    },
    /// Change the language of an account's statements and kiosk.
    SetLanguage {
        /// The account's id, like M042.
        #[arg(value_parser = parse::account)]
        id: AccountId,
        /// The language of the member's statements and kiosk screens:
        /// nl, fr, en, ar, tr, ...
        #[arg(value_parser = parse::language)]
        language: Language,
    },
    /// Erase an account's name and language for good; it then shows as its number.
    Erase(super::privacy::EraseArgs),
    /// Everything akker holds about one member, as JSON and PDF, to hand to them.
    Data {
        /// The account's id, like M042.
        #[arg(value_parser = parse::account)]
        id: AccountId,
        /// A new or empty folder to write the files into.
        #[arg(long)]
        out: std::path::PathBuf,
    },
}

pub fn run(ctx: &Context, command: Command) -> CliResult {
    match command {
        Command::Add {
            id,
            name,
            kind,
            language,
            floor,
            ceiling,
        } => {
            let mut store = ctx.open()?;
            let name = DisplayName::parse(&name)?;
            let language = match language {
                Some(l) => l,
                None => Language::parse(&store.settings().default_language)?,
            };
            let defaults = store.settings().default_limits(kind);
            let limits = match (floor, ceiling) {
                (None, None) => None,
                (f, c) => Some(Limits::new(
                    f.unwrap_or(defaults.floor()),
                    c.unwrap_or(defaults.ceiling()),
                )?),
            };
            if store.account(&id)?.is_some() {
                return Err(CliError::Refused(
                    crate::ledger::RuleError::AccountExists(id).to_string(),
                ));
            }
            let treasurer = ctx.treasurer(&store)?;
            let seq = ops::open_account(
                &mut store,
                &treasurer,
                NewAccount {
                    id: id.clone(),
                    kind,
                    name,
                    language,
                    limits,
                },
                ctx.now(),
            )?;
            report_written(ctx, seq, &format!("Opened account {id}"));
            Ok(())
        }
        Command::List => {
            let store = ctx.open()?;
            let accounts = store.accounts()?;
            if ctx.json {
                ctx.print_json(&accounts);
            } else {
                print!("{}", accounts_table(&accounts));
            }
            Ok(())
        }
        Command::Show { id } => {
            let store = ctx.open()?;
            let account = super::existing_account(&store, &id)?;
            let limits = store.limit_view(&id, ctx.now())?;
            let history = store.limit_history(&id)?;
            if ctx.json {
                // The account's fields as before, with its limits in force
                // and their history beside them.
                let mut json = serde_json::to_value(&account).expect("read models serialise");
                if let Some(object) = json.as_object_mut() {
                    object.insert("limits".into(), serde_json::json!(limits));
                    object.insert("limit_history".into(), serde_json::json!(history));
                }
                ctx.print_json(&json);
            } else {
                print_account(&account);
                if let Some(limits) = &limits {
                    print_limits(limits, &history);
                }
            }
            Ok(())
        }
        Command::SoftLimits {
            id,
            floor,
            ceiling,
            reason,
        } => {
            if floor.is_some_and(|f| f.minor() > 0) || ceiling.is_some_and(|c| c.is_negative()) {
                return Err(CliError::Usage(
                    "a soft floor is zero or negative and a soft ceiling zero or positive, like --floor -15 --ceiling 30".into(),
                ));
            }
            let mut store = ctx.open()?;
            super::existing_account(&store, &id)?;
            let treasurer = ctx.treasurer(&store)?;
            let seq = ops::fund::set_soft_limits(
                &mut store,
                &treasurer,
                id.clone(),
                floor,
                ceiling,
                reason,
                ctx.now(),
            )?;
            let shown = |a: Option<Amount>| a.map_or("its kind's".to_string(), |a| a.to_string());
            report_written(
                ctx,
                seq,
                &format!(
                    "Soft limits of {id} are now {} to {}",
                    shown(floor),
                    shown(ceiling)
                ),
            );
            Ok(())
        }
        Command::Close { id, reason } => {
            let mut store = ctx.open()?;
            let treasurer = ctx.treasurer(&store)?;
            let seq = ops::close_account(&mut store, &treasurer, id.clone(), reason, ctx.now())?;
            report_written(ctx, seq, &format!("Closed account {id}"));
            Ok(())
        }
        Command::SetLimits {
            id,
            floor,
            ceiling,
            reason,
        } => {
            let limits = Limits::new(floor, ceiling)?;
            let mut store = ctx.open()?;
            let treasurer = ctx.treasurer(&store)?;
            let seq = ops::set_limits(
                &mut store,
                &treasurer,
                id.clone(),
                limits,
                reason,
                ctx.now(),
            )?;
            report_written(
                ctx,
                seq,
                &format!("Limits of {id} are now {floor} to {ceiling}"),
            );
            Ok(())
        }
        Command::Rename { id, name } => {
            let name = DisplayName::parse(&name)?;
            super::privacy::change(ctx, &id, ProfileUpdate::Name(name))
        }
        Command::SetLanguage { id, language } => {
            super::privacy::change(ctx, &id, ProfileUpdate::Language(language))
        }
        Command::Erase(args) => super::privacy::erase(ctx, args),
        Command::Data { id, out } => super::privacy::data(ctx, &id, &out),
    }
}

/// What a write command prints: the entry number, or JSON for scripts.
pub fn report_written(ctx: &Context, seq: i64, message: &str) {
    if ctx.json {
        ctx.print_json(&serde_json::json!({ "seq": seq }));
    } else {
        println!("{message} (entry #{seq}).");
    }
}

/// The account's name, or its number once the name was erased.
pub fn name_of(row: &AccountRow) -> &str {
    row.display_name.as_deref().unwrap_or(row.id.as_str())
}

fn accounts_table(accounts: &[AccountRow]) -> String {
    let mut table = Table::new(&[
        ("ID", Align::Left),
        ("NAME", Align::Left),
        ("KIND", Align::Left),
        ("LANG", Align::Left),
        ("STATUS", Align::Left),
        ("BALANCE", Align::Right),
        ("FLOOR", Align::Right),
        ("CEILING", Align::Right),
        ("CARD", Align::Left),
    ]);
    for a in accounts {
        let card = match &a.card {
            Some(c) if c.active => format!("#{}", c.card_number),
            Some(_) => "revoked".to_string(),
            None => "-".to_string(),
        };
        table.row(vec![
            a.id.to_string(),
            name_of(a).to_string(),
            a.kind.to_string(),
            a.language.clone().unwrap_or_default(),
            a.status.as_str().to_string(),
            a.balance.to_string(),
            a.floor.to_string(),
            a.ceiling.to_string(),
            card,
        ]);
    }
    table.render(None)
}

fn print_account(a: &AccountRow) {
    println!("Account   {}", a.id);
    println!("Name      {}", name_of(a));
    println!("Kind      {}", a.kind);
    println!("Language  {}", a.language.as_deref().unwrap_or("-"));
    println!("Status    {}", a.status.as_str());
    println!("Balance   {}", a.balance);
    println!("Limits    {} to {}", a.floor, a.ceiling);
    match &a.card {
        Some(c) => println!(
            "Card      #{} ({}){}",
            c.card_number,
            if c.active { "active" } else { "revoked" },
            c.holder
                .as_ref()
                .map(|h| format!(", held by {h}"))
                .unwrap_or_default()
        ),
        None => println!("Card      none"),
    }
    println!("Opened    entry #{}", a.opened_seq);
}

/// The limits in force (with the grown floor worked out), the soft
/// limits, the notice, and the history of changes. Lines appear only
/// when there is something to say, so an account without any of it
/// shows as before.
fn print_limits(view: &crate::store::fund::LimitView, history: &[crate::store::fund::LimitChange]) {
    if let Some(g) = &view.growth {
        println!(
            "Floor     {} now: {} - {} x {} given for work since {}{}",
            view.floor,
            g.base,
            g.factor,
            g.grown.given,
            &g.window_from[..10],
            if g.grown.capped {
                format!(" = {}, capped at {}", g.grown.uncapped, g.cap)
            } else {
                String::new()
            }
        );
    }
    if view.soft_floor.is_some() || view.soft_ceiling.is_some() {
        let shown = |a: Option<Amount>| a.map_or("-".to_string(), |a| a.to_string());
        println!(
            "Soft      {} to {}{}",
            shown(view.soft_floor),
            shown(view.soft_ceiling),
            if view.soft_own { "" } else { " (the kind's)" }
        );
    }
    if let Some(text) = super::gift::notice_text(view) {
        println!("{text}");
    }
    if history.len() > 1 {
        println!("Limit history:");
        for change in history {
            let shown = |a: Option<Amount>| a.map_or("-".to_string(), |a| a.to_string());
            let what = match change.change.as_str() {
                "soft-limits-set" => format!(
                    "soft {} to {}",
                    shown(change.soft_floor),
                    shown(change.soft_ceiling)
                ),
                _ => format!("{} to {}", shown(change.floor), shown(change.ceiling)),
            };
            println!(
                "  #{:<6} {}  {:<16} {what}{}",
                change.seq,
                &change.recorded_at[..10],
                change.change,
                change
                    .reason
                    .as_ref()
                    .map(|r| format!(" ({r})"))
                    .unwrap_or_default()
            );
        }
    }
}
