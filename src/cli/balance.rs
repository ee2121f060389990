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
    /// The floor in force (the growth policy may have moved it).
    floor: Amount,
    ceiling: Amount,
    #[serde(skip_serializing_if = "Option::is_none")]
    soft_floor: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    soft_ceiling: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    grown_floor: Option<&'a crate::store::fund::GrowthWorking>,
    /// Set when the account is past a soft limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    notice: Option<crate::ledger::policy::SoftNotice>,
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
    let mut rows = rows;
    let views: std::collections::HashMap<AccountId, crate::store::fund::LimitView> = store
        .limit_views(ctx.now())?
        .into_iter()
        .map(|v| (v.account.clone(), v))
        .collect();
    // The floor shown is the one in force now.
    for row in &mut rows {
        if let Some(view) = views.get(&row.id) {
            row.floor = view.floor;
        }
    }
    let lines: Vec<BalanceLine> = rows
        .iter()
        .map(|r| {
            let view = views.get(&r.id);
            BalanceLine {
                account: &r.id,
                display_name: r.display_name.as_deref(),
                kind: r.kind.as_str(),
                balance: r.balance,
                floor: r.floor,
                ceiling: r.ceiling,
                soft_floor: view.and_then(|v| v.soft_floor),
                soft_ceiling: view.and_then(|v| v.soft_ceiling),
                grown_floor: view.and_then(|v| v.growth.as_ref()),
                notice: view.and_then(|v| v.notice),
            }
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
    let past: Vec<_> = rows
        .iter()
        .filter_map(|r| views.get(&r.id))
        .filter(|v| v.notice.is_some())
        .collect();
    if !past.is_empty() {
        println!("Past a soft limit (allowed; a call may help):");
        for view in past {
            if let Some(text) = super::gift::notice_text(view) {
                println!("  {}", text.trim_start_matches("Notice: "));
            }
        }
    }
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
