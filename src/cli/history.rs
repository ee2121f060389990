//! `akker history ACCOUNT [--month YYYY-MM]`: an account's transactions
//! with a running balance, from the opening balance of the period.

use serde::Serialize;

use crate::ledger::{AccountId, Amount, Month};
use crate::store::{TxFilter, TxView};

use super::table::{Align, Table};
use super::tx::signed_by;
use super::{parse, CliResult, Context};

#[derive(clap::Args)]
pub struct Args {
    /// The account, like M042.
    #[arg(value_parser = parse::account)]
    pub account: AccountId,
    /// Only the transactions recorded in this month (YYYY-MM).
    #[arg(long, value_parser = parse::month)]
    pub month: Option<Month>,
}

#[derive(Serialize)]
struct HistoryLine<'a> {
    #[serde(flatten)]
    transaction: &'a TxView,
    amount: Amount,
    balance: Amount,
}

#[derive(Serialize)]
struct History<'a> {
    account: &'a AccountId,
    month: Option<String>,
    opening: Amount,
    lines: Vec<HistoryLine<'a>>,
    closing: Amount,
}

pub fn run(ctx: &Context, args: Args) -> CliResult {
    let store = ctx.open()?;
    super::existing_account(&store, &args.account)?;
    let mut filter = TxFilter {
        account: Some(args.account.clone()),
        ..TxFilter::default()
    };
    let mut opening = Amount::ZERO;
    if let Some(month) = args.month {
        let tz = crate::ledger::period::parse_time_zone(&store.settings().time_zone)?;
        let (from, before) = crate::ledger::period::recorded_bounds(month, tz);
        opening = store.balance_before(&args.account, &from)?;
        filter.recorded_from = Some(from);
        filter.recorded_before = Some(before);
    }
    let views = store.transactions(&filter)?;
    let mut balance = opening;
    let lines: Vec<HistoryLine> = views
        .iter()
        .map(|v| {
            let amount = v.amount_for(&args.account);
            balance = Amount::from_minor(balance.minor() + amount.minor());
            HistoryLine {
                transaction: v,
                amount,
                balance,
            }
        })
        .collect();
    let history = History {
        account: &args.account,
        month: args.month.map(|m| m.to_string()),
        opening,
        closing: balance,
        lines,
    };
    if ctx.json {
        ctx.print_json(&history);
    } else {
        print!("{}", render(&history));
    }
    Ok(())
}

fn render(h: &History) -> String {
    let mut out = format!("Opening balance  {}\n", h.opening);
    let mut table = Table::new(&[
        ("#", Align::Right),
        ("DATE", Align::Left),
        ("WITH", Align::Left),
        ("WHAT", Align::Left),
        ("WORK", Align::Left),
        ("IN", Align::Right),
        ("OUT", Align::Right),
        ("BALANCE", Align::Right),
        ("SIGNED BY", Align::Left),
    ]);
    for line in &h.lines {
        let t = line.transaction;
        let with: Vec<String> = t
            .postings
            .iter()
            .filter(|p| {
                &p.account != h.account && p.amount.is_negative() != line.amount.is_negative()
            })
            .map(|p| {
                p.display_name
                    .clone()
                    .unwrap_or_else(|| p.account.to_string())
            })
            .collect();
        let mut what = t.description.clone();
        if let Some(reason) = t.reverses.and(t.reversal_reason.as_deref()) {
            what = format!("{what} (why: {reason})");
        }
        let (inc, out_) = if line.amount.is_negative() {
            (String::new(), line.amount.abs().to_string())
        } else {
            (line.amount.to_string(), String::new())
        };
        table.row(vec![
            t.seq.to_string(),
            t.date.clone(),
            with.join(", "),
            what,
            super::tx::kind_label(t),
            inc,
            out_,
            line.balance.to_string(),
            signed_by(t),
        ]);
    }
    out.push_str(&table.render(None));
    out.push_str(&format!("Closing balance  {}\n", h.closing));
    out
}
