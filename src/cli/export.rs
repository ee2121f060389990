//! `akker export csv|hledger|beancount|json`: the books in formats other
//! tools read. Each export reads one consistent moment of the ledger,
//! even while the kiosk writes. The work is in `crate::interchange::export`.

use std::io::Write;
use std::path::PathBuf;

use crate::interchange::export::{self, beancount, csv, hledger, json, ExportError};
use crate::store::Store;

use super::output::{OutputDir, OutputFile};
use super::{CliError, CliResult, Context};

#[derive(clap::Args)]
#[command(
    args_conflicts_with_subcommands = true,
    after_help = "An export never replaces a file that is already there: to write over an earlier export, add --force (after the format: akker export csv --out DIR --force)."
)]
pub struct Args {
    #[command(subcommand)]
    pub format: Option<Format>,
}

#[derive(clap::Subcommand)]
pub enum Format {
    /// accounts.csv, transactions.csv and postings.csv, which `akker import` reads back.
    Csv {
        /// The directory to write the three files to (created if needed).
        #[arg(long)]
        out: PathBuf,
        /// Semicolons, decimal commas and a BOM, for Excel in a Belgian locale.
        #[arg(long)]
        excel: bool,
        /// Replace the files if they are already there (an earlier
        /// export); without it akker refuses and writes nothing.
        #[arg(long)]
        force: bool,
    },
    /// A journal for hledger and ledger-cli, with balance assertions.
    Hledger(JournalArgs),
    /// A beancount file that bean-check accepts, with balance checks.
    Beancount(JournalArgs),
    /// The whole signed journal as JSON (also `akker export --json`).
    Json(OutArgs),
}

#[derive(clap::Args)]
pub struct OutArgs {
    /// Write to this file instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Replace the --out file if it is already there (an earlier
    /// export); without it akker refuses and writes nothing.
    #[arg(long)]
    pub force: bool,
}

#[derive(clap::Args)]
pub struct JournalArgs {
    #[command(flatten)]
    pub out: OutArgs,
    /// The commodity amounts are counted in [default: the ledger's unit
    /// in capitals, like HOURS, or HOUR].
    #[arg(long)]
    pub commodity: Option<String>,
}

pub fn run(ctx: &Context, args: Args) -> CliResult {
    let format = match args.format {
        Some(format) => format,
        None if ctx.json => Format::Json(OutArgs {
            out: None,
            force: false,
        }),
        None => {
            return Err(CliError::Usage(
                "choose a format: akker export csv|hledger|beancount|json (see --help)".into(),
            ))
        }
    };
    // Every output path is checked before the ledger is read.
    match format {
        Format::Csv { out, excel, force } => {
            let dir = OutputDir::check(&out, "--out directory")?;
            let files = csv::FILES
                .iter()
                .map(|name| dir.file(name, force))
                .collect::<CliResult<Vec<_>>>()?;
            let store = ctx.open()?;
            dir.create()?;
            let mut pending = files
                .iter()
                .map(OutputFile::begin)
                .collect::<CliResult<Vec<_>>>()?;
            let counts = {
                let [a, t, p] = &mut pending[..] else {
                    unreachable!("three CSV files")
                };
                consistent(&store, |s| csv::write(s, [a, t, p], csv::Options { excel }))?
            };
            for file in pending {
                file.commit()?;
            }
            if ctx.json {
                ctx.print_json(&counts);
            } else {
                println!(
                    "Wrote {} accounts, {} transactions ({} lines) and {} postings to {}.",
                    counts.accounts,
                    counts.transactions,
                    counts.transaction_lines,
                    counts.postings,
                    out.join("{accounts,transactions,postings}.csv").display()
                );
            }
        }
        Format::Hledger(args) => {
            let target = target(&args.out)?;
            let store = ctx.open()?;
            let commodity =
                export::commodity(&store.settings().currency_unit, args.commodity.as_deref())
                    .map_err(refused)?;
            let written = write(&store, target, |s, w| hledger::write(s, w, &commodity))?;
            report_file(ctx, args.out.out.as_ref(), written);
        }
        Format::Beancount(args) => {
            let target = target(&args.out)?;
            let store = ctx.open()?;
            let commodity =
                export::commodity(&store.settings().currency_unit, args.commodity.as_deref())
                    .map_err(refused)?;
            let today = crate::ops::today(store.settings(), ctx.now());
            let written = write(&store, target, |s, w| {
                beancount::write(s, w, &commodity, today)
            })?;
            report_file(ctx, args.out.out.as_ref(), written);
        }
        Format::Json(args) => {
            let target = target(&args)?;
            let store = ctx.open()?;
            let written = write(&store, target, json::write)?;
            report_file(ctx, args.out.as_ref(), written);
        }
    }
    Ok(())
}

/// The checked --out file, or None for standard output.
fn target(args: &OutArgs) -> CliResult<Option<OutputFile>> {
    args.out
        .as_deref()
        .map(|path| OutputFile::check(path, args.force, "--out"))
        .transpose()
}

/// Writes one export, read in one consistent moment, to its file (named
/// only when complete) or to standard output.
fn write(
    store: &Store,
    target: Option<OutputFile>,
    export: impl FnOnce(&Store, &mut dyn Write) -> Result<usize, ExportError>,
) -> CliResult<usize> {
    let Some(file) = target else {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        return consistent(store, |s| export(s, &mut out));
    };
    let mut pending = file.begin()?;
    let written = consistent(store, |s| export(s, &mut pending))?;
    pending.commit()?;
    Ok(written)
}

/// Runs an export inside one read transaction.
fn consistent<T>(
    store: &Store,
    export: impl FnOnce(&Store) -> Result<T, ExportError>,
) -> CliResult<T> {
    store.read_snapshot(|s| Ok(export(s)))?.map_err(refused)
}

fn refused(err: ExportError) -> CliError {
    CliError::Refused(err.to_string())
}

/// A line on standard error when the export went to a file (standard
/// output may be the export itself).
fn report_file(ctx: &Context, out: Option<&PathBuf>, written: usize) {
    let Some(out) = out else { return };
    if ctx.json {
        ctx.print_json(&serde_json::json!({ "file": out, "entries": written }));
    } else {
        eprintln!("Wrote {written} entries to {}.", out.display());
    }
}
