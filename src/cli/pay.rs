//! `akker pay FROM TO AMOUNT [TO AMOUNT ...]`: one payer, one or more
//! payees, one transaction. Signed by the payer's card (`--card`, PIN from
//! the terminal or AKKER_PIN) or by the treasurer from a paper slip
//! (`--slip REF`), or by the treasurer without a slip (`--treasurer`, for
//! system postings such as welcome credits).

use chrono::NaiveDate;

use crate::ledger::{
    AccountId, Amount, Description, PaymentDetails, Reason, RuleError, Skill, SlipRef, WorkKind,
};
use crate::ops;
use crate::store::StoreError;

use super::account::report_written;
use super::{parse, secrets, CliError, CliResult, Context};

#[derive(clap::Args)]
#[command(
    after_help = "With --card the card code (as printed on the card) and the member's PIN are asked on the terminal, and do not show while typed; a script sets AKKER_CARD and AKKER_PIN instead. With --slip or --treasurer, the treasurer's passphrase is asked (or read from AKKER_PASSPHRASE). Put values with spaces between quotes: --what \"Cooking day\"."
)]
#[command(group(clap::ArgGroup::new("signer").required(true).args(["card", "slip", "treasurer"])))]
pub struct Args {
    /// The account that pays (received the help).
    #[arg(value_parser = parse::account)]
    pub from: AccountId,
    /// Who is paid and how much: TO AMOUNT, repeated for several payees.
    /// Negative numbers are let through so `-1` is refused as a negative
    /// amount, not as an unknown option.
    #[arg(required = true, num_args = 2.., value_name = "TO AMOUNT", allow_negative_numbers = true)]
    pub payees: Vec<String>,
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
    /// The day the exchange happened [default: today].
    #[arg(long, value_parser = parse::date)]
    pub date: Option<NaiveDate>,
    /// Sign with the payer's card: give the code, or leave it out to be
    /// asked (or to read AKKER_CARD).
    #[arg(long, num_args = 0..=1, default_missing_value = "", value_name = "CODE")]
    pub card: Option<String>,
    /// Entered by the treasurer from a paper slip with this reference.
    #[arg(long, value_name = "REF")]
    pub slip: Option<String>,
    /// Signed by the treasurer without a paper slip (system postings).
    #[arg(long)]
    pub treasurer: bool,
    /// Let the payment pass a floor or ceiling, saying why (treasurer only:
    /// with --slip or --treasurer).
    #[arg(long, value_name = "REASON", value_parser = parse::reason, conflicts_with = "card")]
    pub override_limits: Option<Reason>,
}

pub fn run(ctx: &Context, args: Args) -> CliResult {
    let payees = payee_pairs(&args.payees)?;
    let description = Description::parse(&args.what)?;
    let slip = args.slip.as_deref().map(SlipRef::parse).transpose()?;
    let mut store = ctx.open()?;
    // Signed text can never be erased: warn when it names a member.
    let texts = [
        Some(description.as_str()),
        slip.as_ref().map(SlipRef::as_str),
    ];
    super::privacy::warn_names(&store, "the payment's text", &texts)?;
    let now = ctx.now();
    let details = PaymentDetails {
        date: args
            .date
            .unwrap_or_else(|| ops::today(store.settings(), now)),
        work: args.work,
        skill: args.skill,
        description,
        slip,
        override_reason: args.override_limits,
    };
    let signer = match &args.card {
        Some(given) => {
            let given = Some(given.as_str()).filter(|g| !g.is_empty());
            let code = secrets::card_code(given, &args.from)?;
            if code.account != args.from {
                return Err(CliError::Refused(format!(
                    "the card belongs to {}, but {} pays; a card signs only its own account's payments",
                    code.account, args.from
                )));
            }
            card_signer(&store, &code, now)?
        }
        None => ctx.treasurer(&store)?,
    };
    let seq = ops::pay(&mut store, &signer, &args.from, &payees, details, now)?;
    let total: i64 = payees.iter().map(|(_, a)| a.minor()).sum();
    let touched: Vec<&AccountId> = std::iter::once(&args.from)
        .chain(payees.iter().map(|(a, _)| a))
        .collect();
    let notices = ops::fund::soft_notices(&store, &touched, now)?;
    if ctx.json && !notices.is_empty() {
        ctx.print_json(&serde_json::json!({ "seq": seq, "notices": notices }));
        return Ok(());
    }
    report_written(
        ctx,
        seq,
        &format!(
            "Recorded: {} paid {} to {}",
            args.from,
            Amount::from_minor(total),
            payee_names(&payees)
        ),
    );
    super::gift::print_notices(&notices);
    Ok(())
}

/// The card's signer, with the kiosk's wrong-PIN count and lock
/// (`ops::check_card_pin`, the kiosk's own defaults): a locked card is
/// refused before the PIN is asked, a wrong PIN of the real card counts.
pub(super) fn card_signer(
    store: &crate::store::Store,
    code: &crate::signing::CardCode,
    now: chrono::DateTime<chrono::Utc>,
) -> CliResult<crate::signing::KeyHolder> {
    let account = &code.account;
    store.ensure_kiosk_tables()?;
    let policy = ops::PinPolicy::default();
    let tz = store.settings().tz();
    let locked = |until: chrono::DateTime<chrono::Utc>| {
        CliError::Refused(format!(
            "the card of {account} is locked until {} after {} wrong PINs in a row; wait until then, or the treasurer can lift the lock with `akker card unlock {account}`",
            until.with_timezone(&tz).format("%Y-%m-%d %H:%M"),
            policy.attempts_max
        ))
    };
    // The command line is the treasurer's, who can read the file anyway:
    // unlike the kiosk it may say that the account has no card.
    let row = store
        .account(account)?
        .ok_or_else(|| StoreError::from(RuleError::UnknownAccount(account.clone())))?;
    if !row.card.is_some_and(|card| card.active) {
        return Err(StoreError::from(RuleError::NoCard(account.clone())).into());
    }
    let standing = ops::card_standing(store, code)?;
    if standing == ops::CardStanding::MadeUp {
        // Another member's card typed without its number: say whose it
        // is, before a PIN is asked for nothing (a made-up code is
        // nobody's and is told no more).
        if let Some(owner) = ops::card_owner(store, code)? {
            return Err(CliError::Refused(format!(
                "this is the card of {owner}, not of {account}; only {account}'s own card signs for {account} (or the treasurer from a paper slip, with --slip)"
            )));
        }
    } else if let Some(until) = ops::card_locked_until(store, account, now)? {
        return Err(locked(until));
    }
    let pin = secrets::pin("PIN: ")?;
    match ops::check_card_pin(store, code, &pin, policy, now)? {
        ops::PinOutcome::Right(holder) => Ok(*holder),
        ops::PinOutcome::Wrong { tries_left } => Err(CliError::Refused(format!(
            "wrong PIN or card for account {account}; {tries_left} more wrong PIN{} and the card is locked for {} minutes",
            if tries_left == 1 { "" } else { "s" },
            policy.lock.num_minutes()
        ))),
        ops::PinOutcome::Locked { until } => Err(locked(until)),
        ops::PinOutcome::NotTheCard => Err(CliError::Refused(format!(
            "wrong PIN or card for account {account}"
        ))),
    }
}

fn payee_pairs(words: &[String]) -> CliResult<Vec<(AccountId, Amount)>> {
    if !words.len().is_multiple_of(2) {
        return Err(CliError::Usage(
            "payees come in pairs: TO AMOUNT [TO AMOUNT ...], like M002 1.50".into(),
        ));
    }
    words
        .chunks(2)
        .map(|pair| {
            let account = AccountId::parse(&pair[0])?;
            let amount = Amount::parse_positive(&pair[1])
                .map_err(|e| CliError::Usage(format!("amount for {account}: {e}")))?;
            Ok((account, amount))
        })
        .collect()
}

fn payee_names(payees: &[(AccountId, Amount)]) -> String {
    payees
        .iter()
        .map(|(a, _)| a.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
