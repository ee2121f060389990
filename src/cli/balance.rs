//! `akker balance [ACCOUNT]`: balances with a total that must read zero.

use serde::Serialize;

use crate::ledger::{AccountId, Amount};
use crate::store::AccountRow;

use super::account::name_of;
use super::table::{Align, Table};
use super::{parse, CliResult, Context};

#[derive(clap::Args)]
pub struct Args {
    /// One account; all accounts when left out.
    #[arg(value_parser = parse::account)]
    pub account: Option<AccountId>,
}

#[derive(Serialize)]
struct BalanceLine<'a> {
    account: &'a AccountId,
    display_name: Option<&'a str>,
    kind: &'a str,
    balance: Amount,
    floor: Amount,
    ceiling: Amount,
}

#[derive(Serialize)]
struct Balances<'a> {
    accounts: Vec<BalanceLine<'a>>,
    total: Amount,
}

pub fn run(ctx: &Context, args: Args) -> CliResult {
    let store = ctx.open()?;
    let rows: Vec<AccountRow> = match &args.account {
        Some(id) => vec![super::existing_account(&store, id)?],
        None => store.accounts()?,
    };
    let lines: Vec<BalanceLine> = rows
        .iter()
        .map(|r| BalanceLine {
            account: &r.id,
            display_name: r.display_name.as_deref(),
            kind: r.kind.as_str(),
            balance: r.balance,
            floor: r.floor,
            ceiling: r.ceiling,
        })
        .collect();
    let total = Amount::from_minor(rows.iter().map(|r| r.balance.minor()).sum());
    if ctx.json {
        ctx.print_json(&Balances {
            accounts: lines,
            total,
        });
        return Ok(());
    }
    print!("{}", render(&rows, total, args.account.is_none()));
    if args.account.is_none() {
        let today = crate::ops::today(store.settings(), ctx.now());
        if let Some(note) = crate::privacy::closed_with_name_note(&store, today)? {
            println!("{note}");
        }
    }
    Ok(())
}

/// The balance table; with every account listed, the total line shows the
/// sum of all balances, which double entry keeps at exactly zero.
pub fn render(rows: &[AccountRow], total: Amount, with_total: bool) -> String {
    let mut table = Table::new(&[
        ("ACCOUNT", Align::Left),
        ("NAME", Align::Left),
        ("KIND", Align::Left),
        ("BALANCE", Align::Right),
        ("FLOOR", Align::Right),
        ("CEILING", Align::Right),
    ]);
    for r in rows {
        table.row(vec![
            r.id.to_string(),
            name_of(r).to_string(),
            r.kind.to_string(),
            r.balance.to_string(),
            r.floor.to_string(),
            r.ceiling.to_string(),
        ]);
    }
    let footer = with_total.then(|| {
        vec![
            "TOTAL".into(),
            String::new(),
            String::new(),
            total.to_string(),
            String::new(),
            String::new(),
        ]
    });
    table.render(footer)
}
