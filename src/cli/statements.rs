//! `akker statements --month YYYY-MM --out DIR`: every open account's
//! statement, one file each, plus one combined PDF to print.

use std::io::IsTerminal;
use std::path::PathBuf;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::ledger::Month;
use crate::statement::model::Statement;
use crate::statement::{self, build, Format};

use super::output::OutputDir;
use super::statement::issue_month;
use super::{parse, CliError, CliResult, Context};

#[derive(clap::Args)]
pub struct Args {
    /// The month (YYYY-MM, like 2026-10); it must have ended. The first
    /// time, the treasurer signs the month's end; later runs give the
    /// same statements.
    #[arg(long, value_parser = parse::month)]
    pub month: Month,
    /// The directory to write into (created if missing).
    #[arg(long)]
    pub out: PathBuf,
    /// pdf (one file per account plus one to print), html or text.
    #[arg(long, value_enum, default_value = "pdf")]
    pub format: Format,
}

pub fn run(ctx: &Context, args: Args) -> CliResult {
    // Checked before the month is issued (a signed entry). Files of the
    // same month are replaced: an issued month's statements are the same
    // documents every time they are written.
    let out = OutputDir::check(&args.out, "--out")?;
    let mut store = ctx.open()?;
    let issue = issue_month(ctx, &mut store, args.month)?;
    let statements = build::build_statements(&store, args.month, &issue, None)?;
    let (written, combined) = write_batch(&statements, &out, args.format)?;
    if ctx.json {
        ctx.print_json(&serde_json::json!({
            "month": args.month.to_string(), "files": written, "combined": combined,
            "head_seq": issue.head_seq, "head_hash": hex::encode(issue.head_hash),
        }));
    } else {
        println!(
            "Wrote {} statements for {} to {}.",
            written.len(),
            args.month,
            args.out.display()
        );
        if let Some(path) = combined {
            println!("To print them all: {}", path.display());
        }
        println!(
            "They refer to the chain head #{} signed at issue ({}).",
            issue.head_seq,
            &hex::encode(issue.head_hash)[..16]
        );
    }
    Ok(())
}

/// Writes one file per statement and, for PDF, one combined file to print.
/// Returns the files written.
pub fn write_batch(
    statements: &[Statement],
    out: &OutputDir,
    format: Format,
) -> CliResult<(Vec<PathBuf>, Option<PathBuf>)> {
    out.create()?;
    let Some(first) = statements.first() else {
        return Ok((Vec::new(), None));
    };
    let file_of = |s: &Statement| {
        out.file(
            &format!(
                "{}-{:04}-{:02}.{}",
                s.account_id,
                s.year,
                s.month,
                format.extension()
            ),
            true,
        )
    };
    let progress = progress_bar(statements.len() as u64);
    if format == Format::Pdf {
        let refused = |e: statement::pdf::PdfError| CliError::Refused(e.to_string());
        progress.set_message("laid out and painted");
        let singles = statement::pdf::render_statement_pdfs(statements, || progress.inc(1))
            .map_err(refused)?;
        progress.set_message("joining them into one file to print");
        let combined =
            statement::pdf::combine_statement_pdfs(statements, &singles).map_err(refused)?;
        let mut written = Vec::with_capacity(singles.len());
        for (s, bytes) in statements.iter().zip(&singles) {
            let file = file_of(s)?;
            file.write(bytes)?;
            written.push(file.path().to_path_buf());
        }
        let combined_file = out.file(
            &format!("all-{:04}-{:02}.pdf", first.year, first.month),
            true,
        )?;
        combined_file.write(&combined)?;
        let combined_path = combined_file.path().to_path_buf();
        progress.finish_and_clear();
        return Ok((written, Some(combined_path)));
    }
    let written: Result<Vec<PathBuf>, CliError> = statements
        .par_iter()
        .map(|s| {
            let bytes =
                statement::render(s, format).map_err(|e| CliError::Refused(e.to_string()))?;
            let file = file_of(s)?;
            file.write(&bytes)?;
            progress.inc(1);
            Ok(file.path().to_path_buf())
        })
        .collect();
    progress.finish_and_clear();
    Ok((written?, None))
}

/// A progress bar on a terminal; nothing when output goes to a script.
fn progress_bar(len: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} statements {msg}") {
        bar.set_style(style);
    }
    bar
}
