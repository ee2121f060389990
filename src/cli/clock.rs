//! `akker clock`: the recording clock. Recording time never goes
//! backwards, and a jump far ahead waits for the treasurer: `clock
//! confirm` signs that the computer's date is right; `clock correct`
//! signs that the last entries were recorded with a clock set ahead, so
//! recording goes on from the right time (docs/signing.md, "Recording
//! time").

use chrono::{DateTime, NaiveDate, Utc};
use clap::Subcommand;

use crate::ledger::clock::local_text;
use crate::ledger::{Reason, RuleError};

use super::{parse, CliError, CliResult, Context};

#[derive(Subcommand)]
pub enum Command {
    /// The computer's time beside the last entry's and the last issued month.
    Show,
    /// Confirm the computer's date after it jumped far ahead of the last entry.
    Confirm {
        /// Today's date as the computer shows it (asked on the terminal if not given).
        #[arg(long, value_parser = parse::date)]
        date: Option<NaiveDate>,
    },
    /// Record that the last entries were made with a clock set ahead.
    Correct {
        /// What happened, e.g. "kiosk clock set to 2030 by mistake".
        #[arg(long, value_parser = parse::reason)]
        reason: Reason,
    },
}

pub fn run(ctx: &Context, cmd: Command) -> CliResult {
    match cmd {
        Command::Show => show(ctx),
        Command::Confirm { date } => confirm(ctx, date),
        Command::Correct { reason } => correct(ctx, reason),
    }
}

fn show(ctx: &Context) -> CliResult {
    let store = ctx.open()?;
    let tz = store.settings().tz();
    let clock = store.clock_state()?;
    let now = ctx.now();
    let last = clock.last_recorded_at;
    if ctx.json {
        ctx.print_json(&serde_json::json!({
            "now": crate::signing::canonical::format_time(now),
            "last_recorded_at": last.map(crate::signing::canonical::format_time),
            "last_issued_month": clock.issued_until.map(|(m, _)| m.to_string()),
        }));
        return Ok(());
    }
    println!("The computer's clock: {}", local_text(now, tz));
    if let Some(last) = last {
        println!("The last entry:       {}", local_text(last, tz));
        if now < last {
            println!("The clock is behind the last entry: set it right, or if the last entries were made with a clock set ahead, run `akker clock correct --reason TEXT`.");
        }
    }
    match clock.issued_until {
        Some((month, _)) => {
            println!("Statements issued up to {month}: nothing can be recorded in it or before.")
        }
        None => println!("No statements issued yet."),
    }
    Ok(())
}

fn confirm(ctx: &Context, date: Option<NaiveDate>) -> CliResult {
    let mut store = ctx.open()?;
    let tz = store.settings().tz();
    let now = ctx.now();
    let today = now.with_timezone(&tz).date_naive();
    if !ctx.json {
        println!(
            "The computer's clock says {} (today is {today}).",
            local_text(now, tz)
        );
        if let Some(last) = store.clock_state()?.last_recorded_at {
            println!(
                "The last entry was recorded at {}, {} days earlier.",
                local_text(last, tz),
                (now - last).num_days()
            );
        }
    }
    let typed = match date {
        Some(date) => date,
        None => ask_date()?,
    };
    if typed != today {
        return Err(CliError::Refused(
            RuleError::ClockNotConfirmed {
                typed: typed.to_string(),
                today: today.to_string(),
            }
            .to_string(),
        ));
    }
    let treasurer = ctx.treasurer(&store)?;
    let seq = crate::ops::confirm_clock(&mut store, &treasurer, typed, now)?;
    if ctx.json {
        ctx.print_json(&serde_json::json!({ "seq": seq, "date": typed.to_string() }));
    } else {
        println!("Confirmed the date {typed} (#{seq}); recording goes on.");
    }
    Ok(())
}

/// The date typed back on the terminal, so a glance at a wrong clock is
/// not enough to confirm it.
fn ask_date() -> CliResult<NaiveDate> {
    use std::io::{BufRead, IsTerminal, Write};
    if !std::io::stdin().is_terminal() {
        return Err(CliError::Usage(
            "no terminal to type the date on: give it with --date YYYY-MM-DD".into(),
        ));
    }
    print!("Type today's date as the computer shows it (YYYY-MM-DD): ");
    std::io::stdout().flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    parse::date(&line).map_err(CliError::Usage)
}

fn correct(ctx: &Context, reason: Reason) -> CliResult {
    let mut store = ctx.open()?;
    let tz = store.settings().tz();
    let now: DateTime<Utc> = ctx.now();
    let now_text = crate::signing::canonical::format_time(now);
    let Some((first, first_at, count)) = store.recorded_after(&now_text)? else {
        let last = store.clock_state()?.last_recorded_at.unwrap_or(now);
        return Err(CliError::Refused(
            RuleError::NothingToCorrect {
                last: local_text(last, tz),
            }
            .to_string(),
        ));
    };
    if !ctx.json {
        println!(
            "{count} entries, from #{first} (recorded at {first_at}) on, were recorded with times after now ({}).",
            local_text(now, tz)
        );
        println!(
            "They keep their signed times; from now on times are compared with this correction's."
        );
    }
    let treasurer = ctx.treasurer(&store)?;
    let seq = crate::ops::correct_clock(&mut store, &treasurer, first, reason, now)?;
    if ctx.json {
        ctx.print_json(
            &serde_json::json!({ "seq": seq, "first_wrong_seq": first, "entries": count }),
        );
    } else {
        println!("Recorded the correction as #{seq}.");
    }
    Ok(())
}
