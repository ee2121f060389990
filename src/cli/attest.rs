//! `akker attest ACCOUNT --from DATE --to DATE`: a signed attestation of
//! the hours a member gave, per kind of work and per initiative.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::ledger::AccountId;
use crate::statement::{attestation, html, pdf, text, Format};

use super::output::Output;
use super::{parse, CliError, CliResult, Context};

#[derive(clap::Args)]
pub struct Args {
    /// The member's (or initiative's) account, like M042.
    #[arg(value_parser = parse::account)]
    pub account: AccountId,
    /// First day of the period (by the date exchanges happened).
    #[arg(long, value_parser = parse::date)]
    pub from: NaiveDate,
    /// Last day of the period.
    #[arg(long, value_parser = parse::date)]
    pub to: NaiveDate,
    /// pdf, html or text.
    #[arg(long, value_enum, default_value = "pdf")]
    pub format: Format,
    /// The language to print it in, for the institution that reads it
    /// [default: the member's own].
    #[arg(long, value_parser = crate::i18n::LANGUAGES)]
    pub lang: Option<String>,
    /// Where to write it [default: ACCOUNT-attestation-FROM-TO.pdf here; "-" for stdout].
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Replace the --out file if it is already there.
    #[arg(long)]
    pub force: bool,
}

pub fn run(ctx: &Context, args: Args) -> CliResult {
    if args.from > args.to {
        return Err(CliError::Usage(format!(
            "--from {} is after --to {}",
            args.from, args.to
        )));
    }
    // Where it goes is checked before the attestation is signed, so a bad
    // --out never leaves a recorded attestation nobody received.
    let out_path = args.out.clone().unwrap_or_else(|| {
        PathBuf::from(format!(
            "{}-attestation-{}-{}.{}",
            args.account,
            args.from,
            args.to,
            args.format.extension()
        ))
    });
    let out = match ctx.json {
        true => None,
        false => Some(Output::check(&out_path, args.force, "--out")?),
    };
    let mut store = ctx.open()?;
    super::existing_account(&store, &args.account)?;
    // An attestation states hours given over a finished period: a period
    // still running would print figures that change tomorrow.
    let today = ctx.now().with_timezone(&store.settings().tz()).date_naive();
    if args.to >= today {
        return Err(CliError::Refused(format!(
            "the period {} to {} has not ended yet (today is {today}); attest a period that ends on {} at the latest",
            args.from,
            args.to,
            today.pred_opt().unwrap_or(today)
        )));
    }
    let treasurer = ctx.treasurer(&store)?;
    let issued = crate::ops::issue_attestation(
        &mut store,
        &treasurer,
        &args.account,
        args.from,
        args.to,
        ctx.now(),
    )?;
    let model = attestation::build(&store, &issued, args.lang.as_deref())?;
    let Some(out) = out else {
        ctx.print_json(&model);
        return Ok(());
    };
    let messages = crate::i18n::Messages::for_language(&model.language);
    let bytes = match args.format {
        Format::Pdf => pdf::render_attestation_pdf(&model, messages)
            .map_err(|e| CliError::Refused(e.to_string()))?,
        Format::Html => html::render_attestation_html(&model).into_bytes(),
        Format::Text => text::render_attestation_text(&model).into_bytes(),
    };
    if out.write(&bytes)? {
        println!(
            "Wrote the attestation of {} ({} given, entry #{}) to {} (code {}).",
            args.account,
            issued.given,
            issued.seq,
            out_path.display(),
            model.verification.code
        );
    }
    Ok(())
}
