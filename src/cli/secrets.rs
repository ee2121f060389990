//! Secrets come from the terminal, or from the environment when a script
//! runs akker (AKKER_PASSPHRASE, AKKER_PIN, AKKER_CARD). They are never
//! taken as command-line arguments, which other users can see in `ps`.

use std::io::IsTerminal;

use zeroize::Zeroizing;

use crate::signing::Pin;

use super::error::{CliError, CliResult};

pub const PASSPHRASE_VAR: &str = "AKKER_PASSPHRASE";
pub const PIN_VAR: &str = "AKKER_PIN";
pub const CARD_VAR: &str = "AKKER_CARD";
/// The incoming treasurer's passphrase during a handover, when the
/// outgoing one's is in AKKER_PASSPHRASE.
pub const NEW_PASSPHRASE_VAR: &str = "AKKER_NEW_PASSPHRASE";

/// The treasurer's passphrase, to unlock the key file.
pub fn passphrase(prompt: &str) -> CliResult<Zeroizing<String>> {
    read_secret(PASSPHRASE_VAR, prompt)
}

/// The incoming treasurer's passphrase, to unlock the new key file for
/// its acceptance of a handover.
pub fn new_treasurer_passphrase() -> CliResult<Zeroizing<String>> {
    read_secret(
        NEW_PASSPHRASE_VAR,
        "The new treasurer's passphrase (for the new key file): ",
    )
}

/// A new passphrase, asked twice on a terminal so a typo cannot lock the
/// treasurer out of their own key. `strong_enough` is asked before the
/// second time, so a weak one is refused without typing it twice.
pub fn new_passphrase(strong_enough: impl Fn(&str) -> CliResult) -> CliResult<Zeroizing<String>> {
    if let Ok(value) = std::env::var(PASSPHRASE_VAR) {
        let value = non_empty(Zeroizing::new(value), PASSPHRASE_VAR)?;
        strong_enough(&value)?;
        return Ok(value);
    }
    let first = read_secret(PASSPHRASE_VAR, "New passphrase for the treasurer's key: ")?;
    strong_enough(&first)?;
    let second = read_secret(PASSPHRASE_VAR, "Type it again: ")?;
    if *first != *second {
        return Err(CliError::Refused(
            "the two passphrases differ; run the command again".into(),
        ));
    }
    Ok(first)
}

pub fn pin(prompt: &str) -> CliResult<Pin> {
    let text = read_secret(PIN_VAR, prompt)?;
    Ok(Pin::parse(&text)?)
}

fn read_secret(var: &str, prompt: &str) -> CliResult<Zeroizing<String>> {
    if let Ok(value) = std::env::var(var) {
        return non_empty(Zeroizing::new(value), var);
    }
    if !std::io::stdin().is_terminal() {
        return Err(CliError::Usage(format!(
            "no terminal to ask for it: set {var} when running akker from a script"
        )));
    }
    let value = rpassword::prompt_password(prompt)
        .map_err(|e| CliError::Refused(format!("could not read from the terminal: {e}")))?;
    non_empty(Zeroizing::new(value), var)
}

fn non_empty(value: Zeroizing<String>, var: &str) -> CliResult<Zeroizing<String>> {
    if value.is_empty() {
        return Err(CliError::Usage(format!("{var} is empty")));
    }
    Ok(value)
}

/// A new PIN for a card, asked twice on a terminal.
pub fn new_pin() -> CliResult<Pin> {
    if let Ok(value) = std::env::var(PIN_VAR) {
        return Ok(Pin::parse(&value)?);
    }
    let first = read_secret(PIN_VAR, "New PIN for the card (4 to 6 digits): ")?;
    let pin = Pin::parse(&first)?;
    let second = read_secret(PIN_VAR, "Type the PIN again: ")?;
    if *first != *second {
        return Err(CliError::Refused(
            "the two PINs differ; run the command again".into(),
        ));
    }
    Ok(pin)
}

/// A card code, from AKKER_CARD or the terminal, read as printed on the
/// card: with the member number in front (`M001/ABCD-EFGH-JKMN-PQRS`, as
/// the QR code holds it, or the two printed lines `M001 ABCD-...`) or the
/// code alone, which is then `account`'s. A wrong code is never shown back.
pub fn card_code(
    given: Option<&str>,
    account: &crate::ledger::AccountId,
) -> CliResult<crate::signing::CardCode> {
    let text = match given {
        Some(text) => Zeroizing::new(text.to_string()),
        None => read_secret(
            CARD_VAR,
            &format!("Card code of {account} (the letters and digits printed on the card): "),
        )?,
    };
    Ok(crate::signing::CardCode::parse_as_printed(
        &text,
        Some(account),
    )?)
}
