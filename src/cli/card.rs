//! `akker card issue|revoke|unlock`: a new card for an account, stopping
//! a lost one, and lifting the lock after too many wrong PINs.

use std::path::PathBuf;

use qrcode::render::svg;
use qrcode::QrCode;

use crate::ledger::{AccountId, KdfParams, Reason};
use crate::ops;

use super::output::OutputDir;
use super::{parse, secrets, CliError, CliResult, Context};

#[derive(clap::Subcommand)]
pub enum Command {
    /// Issue a card with a new secret; the member chooses the PIN and
    /// types it twice on the terminal (a script sets AKKER_PIN). An active
    /// old card is revoked.
    Issue {
        /// The account the card signs for, like M042.
        #[arg(value_parser = parse::account)]
        account: AccountId,
        /// For an initiative or partner card: the person who holds it.
        #[arg(long, value_parser = parse::account)]
        holder: Option<AccountId>,
        /// Where to write the card's QR image.
        #[arg(long, default_value = "cards")]
        out: PathBuf,
    },
    /// Stop the account's card without issuing a new one (a lost or
    /// stolen card). Its earlier payments stay valid; it signs nothing
    /// more. Signed by the treasurer (passphrase).
    Revoke {
        /// The account whose active card stops working, like M042.
        #[arg(value_parser = parse::account)]
        account: AccountId,
        /// Why, in a few words (kept in the signed entry).
        #[arg(long, value_parser = parse::reason)]
        reason: Reason,
    },
    /// Lift the lock of a card after too many wrong PINs (at the kiosk or
    /// `akker pay --card`), and forget its wrong PINs. Asks for the
    /// treasurer's passphrase; nothing is signed.
    Unlock {
        /// The account whose card the kiosk locked after wrong PINs.
        #[arg(value_parser = parse::account)]
        account: AccountId,
    },
}

pub fn run(ctx: &Context, command: Command) -> CliResult {
    let (account, holder, out) = match command {
        Command::Issue {
            account,
            holder,
            out,
        } => (account, holder, out),
        Command::Revoke { account, reason } => return revoke(ctx, &account, reason),
        Command::Unlock { account } => return unlock(ctx, &account),
    };
    let mut store = ctx.open()?;
    let row = super::existing_account(&store, &account)?;
    // The image's folder and name are checked before anything is signed:
    // a card recorded but never shown revokes the member's old card for
    // nothing.
    let out = OutputDir::check(&out, "--out")?;
    let next_number = row.card.as_ref().map_or(1, |c| c.card_number + 1);
    out.file(&image_name(&account, next_number), false)?;
    let treasurer = ctx.treasurer(&store)?;
    let pin = secrets::new_pin()?;
    let issued = ops::issue_card(
        &mut store,
        &treasurer,
        &account,
        &pin,
        holder,
        KdfParams::STRONG,
        ctx.now(),
    )?;
    let code = issued.code.to_text();
    let image = out.path().join(image_name(&account, issued.card_number));
    // The card is recorded: from here on the code must be shown whatever
    // happens to the image (a disk that fills up meanwhile).
    let svg = card_svg(&code, &account, issued.card_number);
    if let Err(err) = out
        .create()
        .and_then(|()| out.file(&image_name(&account, issued.card_number), false))
        .and_then(|file| file.write(svg.as_bytes()))
    {
        eprintln!("The card is issued, but its QR image was not written: {err}. Write the code below on the card by hand.");
    }
    if ctx.json {
        ctx.print_json(&serde_json::json!({
            "account": account, "card_number": issued.card_number, "code": code,
            "image": image, "seqs": issued.seqs,
        }));
    } else {
        println!(
            "Issued card {} for {account} (entries {}).",
            issued.card_number,
            seq_list(&issued.seqs)
        );
        println!("Card code: {code}");
        println!("QR image:  {}", image.display());
        println!("Give the card to the member; the code is not stored anywhere else.");
    }
    Ok(())
}

fn image_name(account: &AccountId, card_number: u32) -> String {
    format!("{account}-card-{card_number}.svg")
}

fn revoke(ctx: &Context, account: &AccountId, reason: Reason) -> CliResult {
    let mut store = ctx.open()?;
    let row = super::existing_account(&store, account)?;
    let Some(card) = row.card.filter(|c| c.active) else {
        return Err(CliError::Refused(format!(
            "{account} has no active card to revoke; nothing changed"
        )));
    };
    let treasurer = ctx.treasurer(&store)?;
    let (card_number, seq) = ops::revoke_card(&mut store, &treasurer, account, reason, ctx.now())?;
    debug_assert_eq!(card_number, card.card_number);
    if ctx.json {
        ctx.print_json(&serde_json::json!({
            "account": account, "card_number": card_number, "seq": seq,
        }));
    } else {
        println!(
            "Revoked card {card_number} of {account} (entry #{seq}): it signs nothing from now on."
        );
        println!("Payments it signed before stay valid. When the member has a new card: `akker card issue {account}`.");
    }
    Ok(())
}

fn unlock(ctx: &Context, account: &AccountId) -> CliResult {
    let store = ctx.open()?;
    super::existing_account(&store, account)?;
    store.ensure_kiosk_tables()?;
    let now = ctx.now();
    let before = store.pin_failures(account)?;
    let tz = store.settings().tz();
    let local = |t: chrono::DateTime<chrono::Utc>| {
        t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string()
    };
    let locked_until = before.locked_until.filter(|until| *until > now);
    if before.failures == 0 && locked_until.is_none() {
        if ctx.json {
            ctx.print_json(&serde_json::json!({
                "account": account, "was_locked": false, "wrong_pins": 0, "unlocked_at": null,
            }));
        } else {
            println!("The card of {account} is not locked and has no wrong PINs; nothing changed.");
        }
        return Ok(());
    }
    // Nothing is signed, but only the treasurer lifts a lock: the kiosk
    // computer's account may be shared by volunteers.
    let treasurer = ctx.treasurer(&store)?;
    let by = crate::signing::fingerprint(&treasurer.key.verifying_key().to_bytes());
    let before = ops::unlock_pin_lock(&store, account)?;
    if ctx.json {
        ctx.print_json(&serde_json::json!({
            "account": account,
            "was_locked": locked_until.is_some(),
            "locked_until": locked_until.map(|t| t.to_rfc3339()),
            "wrong_pins": before.failures,
            "unlocked_by": { "role": "treasurer", "fingerprint": by },
            "unlocked_at": now.to_rfc3339(),
        }));
    } else {
        let state = match locked_until {
            Some(until) => format!(
                "locked until {} after {} wrong PINs",
                local(until),
                before.failures
            ),
            None => format!("not locked, {} wrong PINs in a row", before.failures),
        };
        println!(
            "Unlocked the card of {account} ({state}): lifted by the treasurer (key {by}) at {} ({tz}).",
            local(now)
        );
        println!("The member can log in with the card and the right PIN again.");
    }
    Ok(())
}

fn seq_list(seqs: &[i64]) -> String {
    seqs.iter()
        .map(|s| format!("#{s}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A printable card (85.6 x 54 mm): the QR code a scanner reads, and the
/// code in text to type by hand. No name on it: a lost card tells a finder
/// nothing about its owner.
fn card_svg(code: &str, account: &AccountId, card_number: u32) -> String {
    let qr = QrCode::new(code.as_bytes()).expect("a card code always fits in a QR code");
    let qr_svg = qr
        .render::<svg::Color>()
        .min_dimensions(180, 180)
        .quiet_zone(true)
        .build();
    let qr_body = qr_svg
        .split_once("?>")
        .map_or(qr_svg.as_str(), |(_, body)| body);
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="85.6mm" height="54mm" viewBox="0 0 428 270">
<rect x="1" y="1" width="426" height="268" rx="16" fill="#fff" stroke="#2f6b3a" stroke-width="2"/>
<svg x="16" y="45" width="180" height="180">{qr_body}</svg>
<text x="210" y="60" font-family="DejaVu Sans, sans-serif" font-size="26" fill="#2f6b3a">akker</text>
<text x="210" y="110" font-family="DejaVu Sans Mono, monospace" font-size="30">{account}</text>
<text x="210" y="140" font-family="DejaVu Sans, sans-serif" font-size="14" fill="#555">card {card_number}</text>
<text x="210" y="200" font-family="DejaVu Sans Mono, monospace" font-size="17">{secret}</text>
</svg>
"##,
        secret = code.split_once('/').map_or(code, |(_, s)| s),
    )
}
