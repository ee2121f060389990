//! `akker offer add|list|withdraw`: the board of offers and requests the
//! kiosk shows, managed by the treasurer.

use crate::ledger::{AccountId, WorkKind};
use crate::store::offers::{Direction, OfferText};

use super::table::{Align, Table};
use super::{parse, CliError, CliResult, Context};

#[derive(clap::Subcommand)]
pub enum Command {
    /// Put an offer (ACCOUNT can help with WHAT) or a request (ACCOUNT
    /// needs help with WHAT) on the board.
    Add {
        /// The account that offers or asks, like M042.
        #[arg(value_parser = parse::account)]
        account: AccountId,
        /// offer or request
        #[arg(value_parser = direction)]
        direction: Direction,
        /// What is offered or asked, in a few words.
        what: String,
        /// The kind of work: care, community, self-development or practical.
        #[arg(long, value_parser = parse::work)]
        work: WorkKind,
    },
    /// The offers and requests on the board.
    List {
        /// Only this account's.
        #[arg(long, value_parser = parse::account)]
        account: Option<AccountId>,
    },
    /// Take an offer or request off the board.
    Withdraw {
        /// The offer's number, as `offer list` shows it.
        id: i64,
    },
}

fn direction(s: &str) -> Result<Direction, String> {
    s.parse()
        .map_err(|_| format!("'{s}' is neither offer nor request"))
}

pub fn run(ctx: &Context, command: Command) -> CliResult {
    let store = ctx.open()?;
    store.ensure_kiosk_tables()?;
    match command {
        Command::Add {
            account,
            direction,
            what,
            work,
        } => {
            let what = OfferText::parse(&what)?;
            let id = store.add_offer(&account, direction, work, &what, ctx.now())?;
            if ctx.json {
                ctx.print_json(&serde_json::json!({ "id": id }));
            } else {
                println!("Added {direction} #{id} for {account}: {}", what.as_str());
            }
        }
        Command::List { account } => {
            let offers = store.open_offers(account.as_ref())?;
            if ctx.json {
                ctx.print_json(&offers);
            } else if offers.is_empty() {
                println!("The board is empty.");
            } else {
                let columns =
                    ["id", "kind", "account", "name", "work", "what"].map(|c| (c, Align::Left));
                let mut table = Table::new(&columns);
                for o in &offers {
                    let name = o.display_name.clone().unwrap_or_default();
                    table.row(vec![
                        o.id.to_string(),
                        o.direction.to_string(),
                        o.account.to_string(),
                        name,
                        o.work.to_string(),
                        o.what.clone(),
                    ]);
                }
                print!("{}", table.render(None));
            }
        }
        Command::Withdraw { id } => {
            if !store.withdraw_offer(id, None, ctx.now())? {
                return Err(CliError::Refused(format!(
                    "there is no open offer or request #{id}; see `akker offer list`"
                )));
            }
            println!("Withdrew #{id}.");
        }
    }
    Ok(())
}
