//! The words every renderer puts next to the model's figures, so that the
//! text, HTML and PDF statements say exactly the same thing.
//!
//! Nothing here computes a balance; at most it adds up the lines shown on
//! the page for the "came in / went out this month" summary.

use super::model::{SignedBy, Statement, StatementLine, WorkKind};
use crate::i18n::{Arg, Messages};

/// "Care", "Community", ... in the reader's language.
pub fn work_label(messages: &Messages, work: WorkKind) -> String {
    messages.msg(&format!("work-{}", work.as_str()), &[])
}

/// Who authorised a line, as a member should read it.
pub fn signer_label(messages: &Messages, signed_by: &SignedBy) -> String {
    match signed_by {
        SignedBy::Member { .. } => messages.msg("signed-member", &[]),
        SignedBy::KeyHolder { .. } => messages.msg("signed-key-holder", &[]),
        SignedBy::Treasurer { slip: Some(slip) } => {
            messages.msg("signed-treasurer-slip", &[("slip", Arg::Str(slip))])
        }
        SignedBy::Treasurer { slip: None } => messages.msg("signed-treasurer", &[]),
    }
}

/// The other people or groups on a line, joined with commas.
pub fn counterparty_names(line: &StatementLine) -> String {
    line.counterparties
        .iter()
        .map(|c| c.display_name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The description with the skill, e.g. "Soup for the neighbours (cooking)".
pub fn what_label(line: &StatementLine) -> String {
    match &line.skill {
        Some(skill) if !skill.is_empty() => format!("{} ({skill})", line.description),
        _ => line.description.clone(),
    }
}

/// Extra sentences a line needs: a correction and its reason, a limit
/// passed with the treasurer's permission.
pub fn line_notes(messages: &Messages, line: &StatementLine) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some((seq, reason)) = &line.reverses {
        notes.push(messages.msg(
            "line-reversal",
            &[("seq", Arg::Int(*seq)), ("reason", Arg::Str(reason))],
        ));
    }
    if let Some(reason) = &line.override_reason {
        notes.push(messages.msg("line-override", &[("reason", Arg::Str(reason))]));
    }
    notes
}

/// The one-sentence meaning of a balance.
pub fn balance_sentence(messages: &Messages, balance_minor: i64) -> String {
    let id = match balance_minor.signum() {
        1 => "balance-positive",
        -1 => "balance-negative",
        _ => "balance-zero",
    };
    messages.msg(id, &[])
}

/// What the floor and ceiling mean, with the account's own numbers.
pub fn limits_sentence(messages: &Messages, statement: &Statement) -> String {
    let floor = messages.fmt_amount(statement.floor_minor);
    let ceiling = messages.fmt_amount(statement.ceiling_minor);
    messages.msg(
        "limits-explained",
        &[
            ("floor", Arg::Str(&floor)),
            ("ceiling", Arg::Str(&ceiling)),
            ("unit", Arg::Str(&statement.currency.unit)),
        ],
    )
}

/// "1 exchange" / "5 exchanges".
pub fn exchange_count(messages: &Messages, count: u32) -> String {
    messages.msg("exchange-count", &[("count", Arg::from(count))])
}

/// "You helped 3 different people."
pub fn people_helped(messages: &Messages, count: u32) -> String {
    messages.msg("people-helped", &[("count", Arg::from(count))])
}

/// Hours in and out over the lines shown: (in, out).
pub fn month_flows(statement: &Statement) -> (i64, i64) {
    statement
        .lines
        .iter()
        .fold((0, 0), |(total_in, total_out), line| {
            (total_in + line.in_minor, total_out + line.out_minor)
        })
}

/// "Account number 0042".
pub fn account_line(messages: &Messages, account_id: &str) -> String {
    messages.msg("account-number", &[("id", Arg::Str(account_id))])
}

/// "Currency: Buurtuur (uur)".
pub fn currency_line(messages: &Messages, name: &str, unit: &str) -> String {
    messages.msg(
        "currency-line",
        &[("name", Arg::Str(name)), ("unit", Arg::Str(unit))],
    )
}

/// "Printed on 3 December 2026".
pub fn issued_line(messages: &Messages, statement: &Statement) -> String {
    let date = messages.fmt_date(statement.issued_on);
    messages.msg("issued-on", &[("date", Arg::Str(&date))])
}

/// The chain head shortened for print: the first and last 8 hex digits are
/// enough for a person to compare with what `akker verify` shows.
pub fn short_hash(hex: &str) -> String {
    let chars: Vec<char> = hex.chars().collect();
    if chars.len() <= 20 {
        return hex.to_owned();
    }
    let head: String = chars[..8].iter().collect();
    let tail: String = chars[chars.len() - 8..].iter().collect();
    format!("{head}…{tail}")
}

/// The verification sentences: (code line, explanation, chain head line).
pub fn verification_lines(
    messages: &Messages,
    verification: &super::model::Verification,
) -> (String, String, String) {
    let code = Arg::Str(&verification.code);
    let hash = short_hash(&verification.chain_head_hex);
    (
        messages.msg("verify-code", &[("code", code)]),
        messages.msg("verify-explained", &[("code", code)]),
        messages.msg("verify-chain", &[("hash", Arg::Str(&hash))]),
    )
}
