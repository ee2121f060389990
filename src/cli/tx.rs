//! `akker tx show|list|reverse`.

use crate::ledger::{AccountId, Month, Reason};
use crate::ops;
use crate::store::{TxFilter, TxView};

use super::account::report_written;
use super::table::{Align, Table};
use super::{parse, CliError, CliResult, Context};

#[derive(clap::Subcommand)]
pub enum Command {
    /// Show one transaction with its postings and who signed it.
    Show {
        /// The transaction's number (#), as `tx list` shows it.
        seq: i64,
    },
    /// List transactions, oldest first.
    List {
        /// Only those involving this account.
        #[arg(long, value_parser = parse::account)]
        account: Option<AccountId>,
        /// Only those recorded in this month (YYYY-MM).
        #[arg(long, value_parser = parse::month)]
        month: Option<Month>,
        /// Only the last N.
        #[arg(long)]
        last: Option<usize>,
    },
    /// Undo a transaction with an opposite one that says why.
    Reverse {
        /// The number (#) of the transaction to undo.
        seq: i64,
        /// Why it is undone (quoted if more than one word): shown with
        /// both transactions, like "the slip said 1 hour".
        #[arg(long, value_parser = parse::reason)]
        reason: Reason,
        /// Let the reversal pass a floor or ceiling, saying why.
        #[arg(long, value_name = "REASON", value_parser = parse::reason)]
        override_limits: Option<Reason>,
    },
}

pub fn run(ctx: &Context, command: Command) -> CliResult {
    match command {
        Command::Show { seq } => {
            let store = ctx.open()?;
            let view = store.transaction(seq)?.ok_or_else(|| {
                CliError::Refused(crate::ledger::RuleError::UnknownTransaction(seq).to_string())
            })?;
            if ctx.json {
                ctx.print_json(&view);
            } else {
                print_transaction(&view);
            }
            Ok(())
        }
        Command::List {
            account,
            month,
            last,
        } => {
            let store = ctx.open()?;
            let mut filter = TxFilter {
                account,
                last,
                ..TxFilter::default()
            };
            if let Some(month) = month {
                let tz = crate::ledger::period::parse_time_zone(&store.settings().time_zone)?;
                let (from, before) = crate::ledger::period::recorded_bounds(month, tz);
                filter.recorded_from = Some(from);
                filter.recorded_before = Some(before);
            }
            let views = store.transactions(&filter)?;
            if ctx.json {
                ctx.print_json(&views);
            } else {
                print!("{}", list_table(&views));
            }
            Ok(())
        }
        Command::Reverse {
            seq,
            reason,
            override_limits,
        } => {
            let mut store = ctx.open()?;
            let treasurer = ctx.treasurer(&store)?;
            let new_seq = ops::reverse(
                &mut store,
                &treasurer,
                seq,
                reason,
                override_limits,
                ctx.now(),
            )?;
            report_written(ctx, new_seq, &format!("Reversed #{seq}"));
            Ok(())
        }
    }
}

/// Who signed, in words, as shown wherever a transaction is shown.
pub fn signed_by(view: &TxView) -> String {
    match (view.signer_role.as_str(), &view.signer_account, &view.slip) {
        ("member", Some(account), _) => format!("member {account} (card)"),
        ("key-holder", Some(account), _) => format!("key holder of {account} (card)"),
        (_, _, Some(slip)) => format!("treasurer, from slip {slip}"),
        _ => "treasurer".to_string(),
    }
}

pub fn print_transaction(view: &TxView) {
    println!("Transaction #{}", view.seq);
    println!("Date        {}", view.date);
    println!("Recorded    {}", view.recorded_at);
    println!(
        "Work        {}{}",
        kind_label(view),
        view.skill
            .as_ref()
            .map(|s| format!(" ({s})"))
            .unwrap_or_default()
    );
    println!("What        {}", view.description);
    println!("Signed by   {}", signed_by(view));
    if let Some(original) = view.reverses {
        println!(
            "Reverses    #{original}: {}",
            view.reversal_reason.as_deref().unwrap_or("")
        );
    }
    if let Some(by) = view.reversed_by {
        println!("Reversed by #{by}");
    }
    if let Some(request) = view.confirms_request {
        println!("Confirms    request #{request} (see `akker request list`)");
    }
    if let Some(reason) = &view.override_reason {
        println!("Override    limits overridden: {reason}");
    }
    println!("Hash        {}", view.entry_hash);
    let mut table = Table::new(&[
        ("ACCOUNT", Align::Left),
        ("NAME", Align::Left),
        ("AMOUNT", Align::Right),
    ]);
    for p in &view.postings {
        table.row(vec![
            p.account.to_string(),
            p.display_name
                .clone()
                .unwrap_or_else(|| p.account.to_string()),
            p.amount.to_string(),
        ]);
    }
    print!("{}", table.render(None));
}

fn list_table(views: &[TxView]) -> String {
    let mut table = Table::new(&[
        ("#", Align::Right),
        ("DATE", Align::Left),
        ("FROM", Align::Left),
        ("TO", Align::Left),
        ("AMOUNT", Align::Right),
        ("WORK", Align::Left),
        ("WHAT", Align::Left),
        ("SIGNED BY", Align::Left),
    ]);
    for v in views {
        let from: Vec<String> = v
            .postings
            .iter()
            .filter(|p| p.amount.is_negative())
            .map(|p| p.account.to_string())
            .collect();
        let to: Vec<String> = v
            .postings
            .iter()
            .filter(|p| !p.amount.is_negative())
            .map(|p| p.account.to_string())
            .collect();
        let total: i64 = v
            .postings
            .iter()
            .filter(|p| !p.amount.is_negative())
            .map(|p| p.amount.minor())
            .sum();
        let mut what = v.description.clone();
        if let Some(by) = v.reversed_by {
            what.push_str(&format!(" [reversed by #{by}]"));
        }
        table.row(vec![
            v.seq.to_string(),
            v.date.clone(),
            from.join(","),
            to.join(","),
            crate::ledger::Amount::from_minor(total).to_string(),
            kind_label(v),
            what,
            signed_by(v),
        ]);
    }
    table.render(None)
}

/// The kind of work, or `gift` / `fund` for hours moved without work.
pub fn kind_label(view: &TxView) -> String {
    match view.movement {
        crate::store::Movement::Work => view.work.clone(),
        other => other.as_str().to_string(),
    }
}
