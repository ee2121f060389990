//! `akker request add|list|confirm|decline|withdraw`: the one who helped
//! asks for hours, the one who was helped confirms (that is the payment)
//! or declines, the one who asked may withdraw. Signed like `akker pay`:
//! with a member's card (`--card`, PIN from the terminal or AKKER_PIN) or
//! by the treasurer from a paper slip (`--slip REF`, passphrase from the
//! terminal or AKKER_PASSPHRASE).

use chrono::{DateTime, NaiveDate, Utc};

use crate::ledger::{
    AccountId, Amount, DeclineReason, Description, Outcome, RuleError, Skill, SlipRef, WorkKind,
};
use crate::ops::requests::{self as ops_requests, NewRequest};
use crate::signing::KeyHolder;
use crate::store::requests::{RequestFilter, RequestState, RequestView};
use crate::store::{Store, StoreError};

use super::table::{Align, Table};
use super::{parse, secrets, CliError, CliResult, Context};

const SIGNING_HELP: &str = "With --card the card code (as printed on the card) and the member's PIN are asked on the terminal, and do not show while typed; a script sets AKKER_CARD and AKKER_PIN instead. With --slip the treasurer's passphrase is asked (or read from AKKER_PASSPHRASE).";

/// How an entry about a request is signed: one of these is required.
#[derive(clap::Args)]
#[group(id = "signer", required = true, multiple = false)]
pub struct Signing {
    /// Sign with the member's card (the one who may do this): give the
    /// code, or leave it out to be asked (or to read AKKER_CARD).
    #[arg(long, num_args = 0..=1, default_missing_value = "", value_name = "CODE")]
    pub card: Option<String>,
    /// Entered by the treasurer from a paper slip with this reference
    /// (signed by the member on paper).
    #[arg(long, value_name = "REF")]
    pub slip: Option<String>,
}

#[derive(clap::Subcommand)]
pub enum Command {
    /// Ask for hours: FROM (who was helped, and pays once they confirm)
    /// owes TO (who helped and asks) AMOUNT. Nothing moves until FROM
    /// confirms.
    #[command(after_help = format!(
        "The direction is the one of `akker pay FROM TO AMOUNT`: FROM pays, TO is paid. For a workshop, FROM is a comma-separated list (M001,M002,M003): one request per participant, each for AMOUNT, each confirmed by its own payer. The card is TO's (the helper's, or the initiative key holder's). A request that would break a limit if confirmed now is recorded with a warning; the confirmation is refused while the limit still holds. Put values with spaces between quotes: --what \"Cooking day\". {SIGNING_HELP}"
    ))]
    Add(AddArgs),
    /// List requests, oldest first, with their state (pending, completed,
    /// erased: declined, withdrawn or expired).
    List {
        /// Only those where this account pays or is paid.
        #[arg(long, value_parser = parse::account)]
        account: Option<AccountId>,
        /// Only those still waiting for their payer.
        #[arg(long)]
        pending: bool,
    },
    /// Confirm a request: records the payment, signed by its payer.
    #[command(after_help = SIGNING_HELP)]
    Confirm {
        /// The request's number (#), as `request list` shows it.
        #[arg(value_parser = parse::request_seq)]
        seq: i64,
        #[command(flatten)]
        signing: Signing,
    },
    /// Decline a request, saying why; nothing is paid.
    #[command(after_help = format!("The reasons of the kiosk's short list are \"not me\", \"wrong hours\" and \"not done\"; any other text is kept as typed. {SIGNING_HELP}"))]
    Decline {
        /// The request's number (#), as `request list` shows it.
        #[arg(value_parser = parse::request_seq)]
        seq: i64,
        /// Why (quoted if more than one word): "not me", "wrong hours",
        /// "not done", or your own words. Signed: write no names.
        #[arg(long, value_parser = parse_decline)]
        reason: DeclineReason,
        #[command(flatten)]
        signing: Signing,
    },
    /// Take back a request you made (the helper, or the treasurer).
    #[command(after_help = SIGNING_HELP)]
    Withdraw {
        /// The request's number (#), as `request list` shows it.
        #[arg(value_parser = parse::request_seq)]
        seq: i64,
        #[command(flatten)]
        signing: Signing,
    },
}

#[derive(clap::Args)]
pub struct AddArgs {
    /// Who was helped and pays once they confirm; several, comma-separated
    /// (M001,M002), for a workshop: one request each.
    #[arg(value_parser = parse_payers)]
    pub from: Payers,
    /// Who helped and asks (a member, or an initiative).
    #[arg(value_parser = parse::account)]
    pub to: AccountId,
    /// The hours asked of each payer, like 1.50.
    #[arg(value_parser = parse::amount, allow_negative_numbers = true)]
    pub amount: Amount,
    /// The kind of work: care, community, self-development or practical.
    #[arg(long, value_parser = parse::work)]
    pub work: WorkKind,
    /// What was done, in a few words, between quotes if more than one
    /// ("Cooking day"). No names: it is signed and can never be erased.
    #[arg(long)]
    pub what: String,
    /// A skill tag, like cooking or bike-repair.
    #[arg(long, value_parser = parse::skill)]
    pub skill: Option<Skill>,
    /// The day the help was given [default: today].
    #[arg(long, value_parser = parse::date)]
    pub date: Option<NaiveDate>,
    #[command(flatten)]
    pub signing: Signing,
}

/// The payers of `request add`, in the order given.
#[derive(Clone, Debug)]
pub struct Payers(Vec<AccountId>);

fn parse_payers(text: &str) -> Result<Payers, String> {
    let ids = text
        .split(',')
        .map(|part| AccountId::parse(part).map_err(|e| e.to_string()))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Payers(ids))
}

fn parse_decline(text: &str) -> Result<DeclineReason, String> {
    DeclineReason::parse(text).map_err(|e| e.to_string())
}

pub fn run(ctx: &Context, command: Command) -> CliResult {
    match command {
        Command::Add(args) => add(ctx, args),
        Command::List { account, pending } => list(ctx, account, pending),
        Command::Confirm { seq, signing } => settle(ctx, seq, Outcome::Confirmed, None, signing),
        Command::Decline {
            seq,
            reason,
            signing,
        } => settle(ctx, seq, Outcome::Declined, Some(reason), signing),
        Command::Withdraw { seq, signing } => settle(ctx, seq, Outcome::Withdrawn, None, signing),
    }
}

fn add(ctx: &Context, args: AddArgs) -> CliResult {
    let description = Description::parse(&args.what)?;
    let slip = args
        .signing
        .slip
        .as_deref()
        .map(SlipRef::parse)
        .transpose()?;
    let mut store = ctx.open()?;
    super::privacy::warn_names(
        &store,
        "the request's text",
        &[
            Some(description.as_str()),
            slip.as_ref().map(SlipRef::as_str),
        ],
    )?;
    let now = ctx.now();
    let signer = signer_for(
        ctx,
        &store,
        &args.signing,
        &args.to,
        "the one who helped",
        now,
    )?;
    let request = NewRequest {
        payers: args
            .from
            .0
            .iter()
            .map(|p| (p.clone(), args.amount))
            .collect(),
        payee: args.to.clone(),
        date: args
            .date
            .unwrap_or_else(|| crate::ops::today(store.settings(), now)),
        work: args.work,
        skill: args.skill,
        description,
        slip,
    };
    let made = ops_requests::make_requests(&mut store, &signer, request, now)?;
    for warning in &made.warnings {
        eprintln!("akker: warning: {warning}");
    }
    if ctx.json {
        ctx.print_json(&serde_json::json!({
            "seq": made.seqs.last(),
            "seqs": made.seqs,
            "warnings": made.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        }));
        return Ok(());
    }
    let payers: Vec<&str> = args.from.0.iter().map(AccountId::as_str).collect();
    let numbers: Vec<String> = made.seqs.iter().map(|s| format!("#{s}")).collect();
    let each = if payers.len() > 1 { " each" } else { "" };
    println!(
        "Recorded: {} asks {} for {}{each} (request{} {}). Nothing is paid until {} confirm{}.",
        args.to,
        payers.join(", "),
        args.amount,
        if numbers.len() > 1 { "s" } else { "" },
        numbers.join(", "),
        if payers.len() > 1 { "they" } else { payers[0] },
        if payers.len() > 1 { "" } else { "s" }
    );
    Ok(())
}

/// The signer of an entry about a request: the card of `account` (who
/// may do this, by the rules) or the treasurer from a slip. A card of
/// another account is refused before any PIN is asked.
fn signer_for(
    ctx: &Context,
    store: &Store,
    signing: &Signing,
    account: &AccountId,
    who: &str,
    now: DateTime<Utc>,
) -> CliResult<KeyHolder> {
    match &signing.card {
        Some(given) => {
            let given = Some(given.as_str()).filter(|g| !g.is_empty());
            let code = secrets::card_code(given, account)?;
            // A code typed without its member number is read as
            // `account`'s; when it is another member's card, say whose,
            // before a PIN is asked for nothing.
            let owner = match crate::ops::card_standing(store, &code)? {
                crate::ops::CardStanding::MadeUp if &code.account == account => {
                    crate::ops::card_owner(store, &code)?
                }
                _ => None,
            };
            let holder = owner.as_ref().unwrap_or(&code.account);
            if holder != account {
                return Err(CliError::Refused(format!(
                    "the card belongs to {holder}, but only {account}, {who}, may sign this with a card (or the treasurer from a paper slip, with --slip)"
                )));
            }
            super::pay::card_signer(store, &code, now)
        }
        None => ctx.treasurer(store),
    }
}

fn settle(
    ctx: &Context,
    seq: i64,
    outcome: Outcome,
    reason: Option<DeclineReason>,
    signing: Signing,
) -> CliResult {
    let slip = signing.slip.as_deref().map(SlipRef::parse).transpose()?;
    let mut store = ctx.open()?;
    let now = ctx.now();
    // Said before any PIN or passphrase is asked: a request that cannot
    // be settled any more, and whose card may sign it.
    let view = store
        .request(seq, now)?
        .ok_or_else(|| StoreError::from(RuleError::UnknownRequest(seq)))?;
    refuse_unless_pending(&store, &view)?;
    let (account, who) = match outcome {
        Outcome::Withdrawn => (&view.payee, "who asked"),
        _ => (&view.payer, "who was asked to pay"),
    };
    if let Some(reason) = &reason {
        let reason = reason.to_reason();
        super::privacy::warn_names(&store, "the reason", &[Some(reason.as_str())])?;
    }
    let signer = signer_for(ctx, &store, &signing, account, who, now)?;
    let new_seq = match (outcome, reason) {
        (Outcome::Confirmed, _) => {
            ops_requests::confirm_request(&mut store, &signer, seq, slip, now)
                .map_err(|e| super::error::without_override(
                    e,
                    "a confirmation pays exactly the hours asked and cannot override a limit: wait until the balance allows it, or decline it and ask for less",
                ))?
        }
        (Outcome::Declined, Some(reason)) => {
            ops_requests::decline_request(&mut store, &signer, seq, &reason, slip, now)?
        }
        _ => ops_requests::withdraw_request(&mut store, &signer, seq, slip, now)?,
    };
    let message = match outcome {
        Outcome::Confirmed => format!(
            "Confirmed request #{seq}: {} paid {} to {}",
            view.payer, view.amount, view.payee
        ),
        Outcome::Declined => format!(
            "Declined request #{seq} ({} asked {} for {}); nothing was paid",
            view.payee, view.payer, view.amount
        ),
        Outcome::Withdrawn => format!("Withdrew request #{seq}; nothing was paid"),
    };
    super::account::report_written(ctx, new_seq, &message);
    Ok(())
}

/// A request already settled or expired is refused with the ledger's own
/// words, before anyone types a PIN for nothing.
fn refuse_unless_pending(store: &Store, view: &RequestView) -> CliResult {
    if view.is_pending() {
        return Ok(());
    }
    // A confirmation the treasurer reversed leaves the request completed
    // (settled once): say so, and what can be done instead.
    if let (RequestState::Completed, Some(by)) =
        (view.state, view.settled.as_ref().and_then(|s| s.seq))
    {
        if let Some(reversal) = store.transaction(by)?.and_then(|tx| tx.reversed_by) {
            return Err(CliError::Refused(format!(
                "request #{} was confirmed by #{by}, which was reversed by #{reversal}; a request is settled only once: {} may make a new request",
                view.seq, view.payee
            )));
        }
    }
    let settled = view.settled.as_ref();
    let err = match (view.state, settled.and_then(|s| s.seq)) {
        (RequestState::Completed, Some(by)) => RuleError::RequestSettled {
            request: view.seq,
            by,
            how: "confirmed",
        },
        (_, Some(by)) => RuleError::RequestSettled {
            request: view.seq,
            by,
            how: view.erased_by.map_or("settled", |e| e.as_str()),
        },
        (_, None) => RuleError::RequestExpired {
            request: view.seq,
            expired: crate::signing::canonical::format_time(view.expires_at),
            // The period the request was made under (rule 5), not today's.
            days: u32::try_from((view.expires_at - view.made_at).num_days()).unwrap_or(0),
        },
    };
    Err(StoreError::from(err).into())
}

fn list(ctx: &Context, account: Option<AccountId>, pending: bool) -> CliResult {
    let store = ctx.open()?;
    if let Some(account) = &account {
        super::existing_account(&store, account)?;
    }
    let filter = RequestFilter {
        account,
        pending_only: pending,
        ..RequestFilter::all(ctx.now())
    };
    let views = store.requests(&filter)?;
    if ctx.json {
        ctx.print_json(&views);
        return Ok(());
    }
    if views.is_empty() {
        println!("No requests.");
        return Ok(());
    }
    let tz = store.settings().tz();
    let mut table = Table::new(&[
        ("#", Align::Right),
        ("DATE", Align::Left),
        ("FROM", Align::Left),
        ("TO", Align::Left),
        ("HOURS", Align::Right),
        ("WORK", Align::Left),
        ("WHAT", Align::Left),
        ("STATE", Align::Left),
    ]);
    for view in &views {
        table.row(vec![
            view.seq.to_string(),
            view.date.to_string(),
            view.payer.to_string(),
            view.payee.to_string(),
            view.amount.to_string(),
            view.work.to_string(),
            view.description.clone(),
            state_text(view, tz),
        ]);
    }
    print!("{}", table.render(None));
    Ok(())
}

/// The state in words: pending until when, or how it ended.
fn state_text(view: &RequestView, tz: chrono_tz::Tz) -> String {
    let day = |t: DateTime<Utc>| t.with_timezone(&tz).format("%Y-%m-%d").to_string();
    let settled = view.settled.as_ref();
    let by = settled
        .and_then(|s| s.seq)
        .map_or(String::new(), |s| format!(" #{s}"));
    match (view.state, view.erased_by) {
        (RequestState::Pending, _) => format!("pending, expires {}", day(view.expires_at)),
        (RequestState::Completed, _) => format!("completed{by}"),
        (_, Some(how)) => {
            let reason = settled
                .and_then(|s| s.reason.as_deref())
                .map_or(String::new(), |r| format!(": {r}"));
            let when = match how {
                crate::store::requests::ErasedBy::Expired => format!(" {}", day(view.expires_at)),
                _ => by,
            };
            format!("erased ({}{when}){reason}", how.as_str())
        }
        (RequestState::Erased, None) => "erased".to_string(),
    }
}
