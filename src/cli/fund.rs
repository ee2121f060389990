//! `akker fund run contribution|demurrage --period P [--preview]` and
//! `akker fund list`: the community fund's rules, each run one
//! treasurer-signed `fund-run` entry. `--preview` prints exactly what
//! would be recorded and records nothing.

use crate::ledger::policy::FundRule;
use crate::ops::{self, fund::FundPlan};

use super::table::{Align, Table};
use super::{CliResult, Context};

#[derive(clap::Subcommand)]
pub enum Command {
    /// Run a fund rule for one period: each open person account pays its
    /// share into the community fund, in one signed entry.
    Run {
        /// The rule: contribution (a fixed amount per period, setting
        /// fund.contribution.amount) or demurrage (a percentage of the
        /// balance above fund.demurrage.threshold, each month).
        #[arg(value_parser = parse_rule)]
        rule: FundRule,
        /// The period: YYYY for a yearly contribution, YYYY-MM for a
        /// monthly one and for demurrage. Each period runs once.
        #[arg(long)]
        period: String,
        /// Print what each account would pay, and record nothing.
        #[arg(long)]
        preview: bool,
    },
    /// Every fund run recorded, with its total and whether it was reversed.
    List,
}

fn parse_rule(text: &str) -> Result<FundRule, String> {
    text.parse()
        .map_err(|e: crate::ledger::policy::PolicyError| e.to_string())
}

pub fn run(ctx: &Context, command: Command) -> CliResult {
    match command {
        Command::Run {
            rule,
            period,
            preview,
        } => {
            let period = period.trim().to_string();
            let mut store = ctx.open()?;
            // Worked out before the passphrase is asked, so a period that
            // cannot run costs nothing.
            let plan = ops::fund::preview_fund(&store, rule, &period, ctx.now())?;
            if preview {
                print_plan(ctx, &plan);
                return Ok(());
            }
            let treasurer = ctx.treasurer(&store)?;
            // The store works the rule out again inside the write, so what
            // is recorded is what the rule gives at that moment.
            let recorded = ops::fund::run_fund(&mut store, &treasurer, rule, &period, ctx.now())?;
            print_plan(ctx, &recorded);
            Ok(())
        }
        Command::List => {
            let store = ctx.open()?;
            let runs = store.fund_runs()?;
            if ctx.json {
                ctx.print_json(&runs);
                return Ok(());
            }
            let mut table = Table::new(&[
                ("#", Align::Right),
                ("RULE", Align::Left),
                ("PERIOD", Align::Left),
                ("ACCOUNTS", Align::Right),
                ("TOTAL", Align::Right),
                ("REVERSED", Align::Left),
            ]);
            for run in &runs {
                table.row(vec![
                    run.seq.to_string(),
                    run.rule.to_string(),
                    run.period.clone(),
                    (run.postings.len().saturating_sub(1)).to_string(),
                    run.total.to_string(),
                    run.reversed_by
                        .map_or_else(String::new, |seq| format!("by #{seq}")),
                ]);
            }
            print!("{}", table.render(None));
            Ok(())
        }
    }
}

/// The plan as a table (each account's share, then the fund), or JSON.
fn print_plan(ctx: &Context, plan: &FundPlan) {
    if ctx.json {
        ctx.print_json(plan);
        return;
    }
    let mut table = Table::new(&[("ACCOUNT", Align::Left), ("AMOUNT", Align::Right)]);
    for (account, amount) in &plan.postings {
        table.row(vec![account.to_string(), amount.to_string()]);
    }
    print!("{}", table.render(None));
    let (charged, pay) = match plan.postings.len().saturating_sub(1) {
        1 => ("1 account".to_string(), "pays"),
        n => (format!("{n} accounts"), "pay"),
    };
    match plan.seq {
        None => println!(
            "Preview of the {} for {}: {charged} {pay} {} into {}. Nothing was recorded; run it without --preview to record exactly this.",
            plan.rule, plan.period, plan.total, plan.fund
        ),
        Some(seq) => println!(
            "Recorded the {} for {}: {charged} paid {} into {} (entry #{seq}). To undo it: akker tx reverse {seq} --reason \"...\".",
            plan.rule, plan.period, plan.total, plan.fund
        ),
    }
}
