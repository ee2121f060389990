//! `akker card issue`: a new card for an account.

use std::path::PathBuf;

use qrcode::render::svg;
use qrcode::QrCode;

use crate::ledger::{AccountId, KdfParams};
use crate::ops;

use super::{parse, secrets, CliResult, Context};

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
}

pub fn run(ctx: &Context, command: Command) -> CliResult {
    let Command::Issue {
        account,
        holder,
        out,
    } = command;
    let mut store = ctx.open()?;
    super::existing_account(&store, &account)?;
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
    std::fs::create_dir_all(&out)?;
    let image = out.join(format!("{}-card-{}.svg", account, issued.card_number));
    std::fs::write(&image, card_svg(&code, &account, issued.card_number))?;
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
