//! `akker gift FROM TO AMOUNT --why TEXT`: hours given without work, to
//! another member or to the community fund (`TO` = `fund`). Signed like a
//! payment: by the giver's card (`--card`, PIN from the terminal or
//! AKKER_PIN) or by the treasurer from a paper slip (`--slip REF`).
//! A gift is never counted as hours given for work.

use serde::Serialize;

use crate::ledger::{AccountId, Amount, Description, SlipRef};
use crate::ops::{self, fund::GiftRequest};
use crate::store::fund::LimitView;

use super::{parse, secrets, CliError, CliResult, Context};

#[derive(clap::Args)]
#[command(
    after_help = "A gift moves hours without any work in return: statements, attestations and the report count it apart from work, and it never makes a member's credit grow. With --card the card code and the PIN are asked on the terminal (or read from AKKER_CARD and AKKER_PIN); with --slip the treasurer's passphrase is asked (or read from AKKER_PASSPHRASE)."
)]
#[command(group(clap::ArgGroup::new("signer").required(true).args(["card", "slip"])))]
pub struct Args {
    /// The account that gives the hours.
    #[arg(value_parser = parse::account)]
    pub from: AccountId,
    /// Who receives them: an account id, or `fund` for the community fund
    /// (the account the setting fund.account names).
    pub to: String,
    /// How many hours, like 1 or 1.50.
    #[arg(value_parser = parse::amount, allow_negative_numbers = true)]
    pub amount: Amount,
    /// Why, in a few words (quoted if more than one): "for the community
    /// chest". No names: it is signed and can never be erased.
    #[arg(long)]
    pub why: String,
    /// Sign with the giver's card: give the code, or leave it out to be
    /// asked (or to read AKKER_CARD).
    #[arg(long, num_args = 0..=1, default_missing_value = "", value_name = "CODE")]
    pub card: Option<String>,
    /// Entered by the treasurer from a paper slip with this reference.
    #[arg(long, value_name = "REF")]
    pub slip: Option<String>,
}

#[derive(Serialize)]
struct Written<'a> {
    seq: i64,
    from: &'a AccountId,
    to: &'a AccountId,
    amount: Amount,
    notices: &'a [LimitView],
}

pub fn run(ctx: &Context, args: Args) -> CliResult {
    let why = Description::parse(&args.why)?;
    let slip = args.slip.as_deref().map(SlipRef::parse).transpose()?;
    let mut store = ctx.open()?;
    let texts = [Some(why.as_str()), slip.as_ref().map(SlipRef::as_str)];
    super::privacy::warn_names(&store, "the gift's text", &texts)?;
    let to = match args.to.trim().to_ascii_lowercase().as_str() {
        "fund" => ops::fund::fund_account(&store)?,
        _ => AccountId::parse(&args.to).map_err(|e| CliError::Usage(e.to_string()))?,
    };
    super::existing_account(&store, &to)?;
    let now = ctx.now();
    let signer = match &args.card {
        Some(given) => {
            let given = Some(given.as_str()).filter(|g| !g.is_empty());
            let code = secrets::card_code(given, &args.from)?;
            if code.account != args.from {
                return Err(CliError::Refused(format!(
                    "the card belongs to {}, but {} gives; a card signs only its own account's gifts",
                    code.account, args.from
                )));
            }
            super::pay::card_signer(&store, &code, now)?
        }
        None => ctx.treasurer(&store)?,
    };
    let request = GiftRequest {
        from: args.from.clone(),
        to: Some(to.clone()),
        amount: args.amount,
        why,
        slip,
    };
    let recorded = ops::fund::gift(&mut store, &signer, request, now).map_err(|e| {
        super::error::without_override(e, "a gift cannot override a limit: give less")
    })?;
    if ctx.json {
        ctx.print_json(&Written {
            seq: recorded.seq,
            from: &args.from,
            to: &to,
            amount: args.amount,
            notices: &recorded.notices,
        });
    } else {
        println!(
            "Recorded: {} gave {} to {} (entry #{}).",
            args.from, args.amount, to, recorded.seq
        );
        print_notices(&recorded.notices);
    }
    Ok(())
}

/// The soft-limit notices after a payment or a gift, one line each: what
/// it means and what to do.
pub fn print_notices(notices: &[LimitView]) {
    for view in notices {
        if let Some(text) = notice_text(view) {
            println!("{text}");
        }
    }
}

/// One account's soft-limit notice as a sentence, if it is past one.
pub fn notice_text(view: &LimitView) -> Option<String> {
    use crate::ledger::policy::SoftNotice;
    Some(match view.notice? {
        SoftNotice::BelowSoftFloor {
            soft_floor,
            balance,
        } => format!(
            "Notice: {} is at {balance}, below its soft floor of {soft_floor}. This is allowed (the floor is {}); offering help brings it back, and a call from the treasurer may help.",
            view.account, view.floor
        ),
        SoftNotice::AboveSoftCeiling {
            soft_ceiling,
            balance,
        } => format!(
            "Notice: {} is at {balance}, above its soft ceiling of {soft_ceiling}. This is allowed (the ceiling is {}); asking for help, or a gift to the community fund, brings it back.",
            view.account, view.ceiling
        ),
    })
}
