//! `akker verify`: every check, every problem reported, exit 1 if any.

use super::{CliError, CliResult, Context};

pub fn run(ctx: &Context) -> CliResult {
    let store = ctx.open()?;
    let report = crate::verify::verify(&store)?;
    if ctx.json {
        ctx.print_json(&report);
    } else {
        for p in &report.problems {
            match p.seq {
                Some(seq) => println!("PROBLEM #{seq} [{}] {}", p.check, p.message),
                None => println!("PROBLEM [{}] {}", p.check, p.message),
            }
        }
        println!(
            "Checked {} entries ({} transactions, {} accounts); chain head {}.",
            report.entries,
            report.transactions,
            report.accounts,
            &report.chain_head[..16]
        );
    }
    if report.is_ok() {
        if !ctx.json {
            println!(
                "OK: signatures, hash chain, double entry, limits and cached balances all verify."
            );
        }
        Ok(())
    } else {
        Err(CliError::Refused(format!(
            "{} problem(s) found; the ledger may have been changed outside akker. Restore from a backup that verifies.",
            report.problems.len()
        )))
    }
}
