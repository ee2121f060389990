//! `akker report --from DATE --to DATE --out DIR`: the community report
//! (PDF, HTML, the map as SVG, and the figures as JSON) for a period.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args as ClapArgs;

use crate::i18n::Messages;
use crate::report::{self, Options, Report, ReportError};

use super::output::OutputDir;
use super::{parse, CliError, CliResult, Context};

#[derive(ClapArgs)]
pub struct Args {
    /// First day of the period (YYYY-MM-DD), in the community's time zone.
    #[arg(long, value_parser = parse::date)]
    pub from: NaiveDate,
    /// Last day of the period (YYYY-MM-DD), included.
    #[arg(long, value_parser = parse::date)]
    pub to: NaiveDate,
    /// Directory to write report.pdf, report.html, map.svg and report.json
    /// into (created if missing). May be left out with --json.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Language of the report [default: the ledger's language].
    #[arg(long)]
    pub lang: Option<String>,
    /// Show people's names. Without it people appear by account number
    /// only, because some members must stay discreet.
    #[arg(long)]
    pub names: bool,
    /// "Who needs a call": members with no exchange for this many weeks.
    #[arg(long, default_value_t = report::WEEKS_IDLE_DEFAULT)]
    pub weeks_idle: u32,
}

pub fn run(ctx: &Context, args: Args) -> CliResult {
    if args.out.is_none() && !ctx.json {
        return Err(CliError::Usage(
            "give --out DIR to write the report, or --json to print its figures".into(),
        ));
    }
    if let Some(lang) = &args.lang {
        parse::language(lang).map_err(CliError::Usage)?;
    }
    // The folder is checked before the work starts, so a bad --out is
    // said at once, not after the report is built.
    let out = args
        .out
        .as_deref()
        .map(|dir| OutputDir::check(dir, "--out"))
        .transpose()?;
    let store = ctx.open()?;
    let options = Options {
        from: args.from,
        to: args.to,
        language: args.lang,
        names: args.names,
        weeks_idle: args.weeks_idle,
    };
    let report = report::build_report(&store, &options).map_err(|e| match e {
        ReportError::Store(e) => CliError::from(e),
        other => CliError::Usage(other.to_string()),
    })?;
    let written = match &out {
        Some(dir) => write_files(dir, &report)?,
        None => Vec::new(),
    };
    if ctx.json {
        ctx.print_json(&report);
        return Ok(());
    }
    print_summary(&report, &written);
    let today = crate::ops::today(store.settings(), ctx.now());
    if let Some(note) = crate::privacy::closed_with_name_note(&store, today)? {
        println!("  {note}");
    }
    Ok(())
}

/// Renders everything first, then writes each file whole (see
/// `cli::output`), so a failure never leaves a half-written report.
fn write_files(dir: &OutputDir, report: &Report) -> CliResult<Vec<PathBuf>> {
    let json = serde_json::to_string_pretty(report).expect("the report model always serialises");
    let messages = Messages::for_language(&report.language);
    let layout = report::map::layout(&report.map);
    let svg = report::svg::map_svg(
        &layout,
        &messages.msg("report-map-title", &[]),
        &report::labels::map_legend(messages),
    );
    let html = report::html::render_report_html(report, &layout, messages);
    let pdf = report::pdf::render_report_pdf(report, &layout, messages)
        .map_err(|e| CliError::Refused(e.to_string()))?;
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("report.pdf", pdf),
        ("report.html", html.into_bytes()),
        ("map.svg", svg.into_bytes()),
        ("report.json", json.into_bytes()),
    ];
    dir.create()?;
    let mut written = Vec::new();
    for (name, bytes) in files {
        // A report of a period is written again over an earlier one.
        let file = dir.file(name, true)?;
        file.write(&bytes)?;
        written.push(file.path().to_path_buf());
    }
    Ok(written)
}

fn print_summary(report: &Report, written: &[PathBuf]) {
    let s = &report.summary;
    println!(
        "Community report {} to {} (as of entry #{})",
        report.from, report.to, report.as_of_seq
    );
    println!(
        "  {} exchanges, {} {}, {} active accounts ({} of {} members), {} pairs",
        s.exchanges,
        crate::ledger::Amount::from_minor(s.hours_minor),
        report.currency.unit,
        s.active_accounts,
        s.active_members,
        s.members,
        s.distinct_pairs
    );
    // Requests, and who needs a call for them, only when there are any.
    let r = &report.requests;
    if r.made + r.confirmed + r.declined + r.withdrawn + r.expired + r.pending_at_end > 0 {
        let median = r
            .median_days_to_confirm_minor
            .map_or(String::new(), |days| {
                format!(
                    ", median {} days to confirm",
                    crate::ledger::Amount::from_minor(days)
                )
            });
        println!(
            "  requests: {} made, {} confirmed, {} declined, {} withdrawn, {} expired, {} waiting at the end{median}",
            r.made, r.confirmed, r.declined, r.withdrawn, r.expired, r.pending_at_end
        );
    }
    let calls = &report.needs_call;
    if !calls.requests_waiting.is_empty() || !calls.past_soft_limit.is_empty() {
        println!(
            "  to call: {} with requests waiting over {} days, {} past a soft limit",
            calls.requests_waiting.len(),
            crate::report::requests::REQUEST_WAIT_DAYS,
            calls.past_soft_limit.len()
        );
    }
    if report.gifts.gifts + report.fund_runs.runs > 0 {
        println!(
            "  apart from exchanges: {} gifts ({} {}), {} fund runs",
            report.gifts.gifts,
            crate::ledger::Amount::from_minor(report.gifts.hours_minor),
            report.currency.unit,
            report.fund_runs.runs
        );
    }
    for path in written {
        println!("  wrote {}", path.display());
    }
}
