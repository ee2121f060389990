//! The words every renderer puts next to the model's figures, so that the
//! text, HTML and PDF statements say exactly the same thing.
//!
//! Nothing here computes a balance; at most it adds up the lines shown on
//! the page for the "came in / went out this month" summary.

use chrono::NaiveDate;

use super::model::{Attestation, SignedBy, Statement, StatementLine, WorkKind};
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

/// The floor and the ceiling with the account's own numbers, each on its
/// own: ("Lowest: -10.00 hours", "Highest: 40.00 hours").
pub fn limit_lines(messages: &Messages, statement: &Statement) -> (String, String) {
    let unit = Arg::Str(&statement.currency.unit);
    let floor = messages.fmt_amount(statement.floor_minor);
    let ceiling = messages.fmt_amount(statement.ceiling_minor);
    (
        messages.msg(
            "limit-floor",
            &[("amount", Arg::Str(&floor)), ("unit", unit)],
        ),
        messages.msg(
            "limit-ceiling",
            &[("amount", Arg::Str(&ceiling)), ("unit", unit)],
        ),
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

/// "Printed on 3 December 2026", for a statement or an attestation.
pub fn issued_line(messages: &Messages, issued_on: NaiveDate) -> String {
    let date = messages.fmt_date(issued_on);
    messages.msg("issued-on", &[("date", Arg::Str(&date))])
}

/// The attestation's opening sentence: who gave how many hours, when.
pub fn attestation_intro(messages: &Messages, attestation: &Attestation) -> String {
    let total = messages.fmt_amount(attestation.total_given_minor);
    let from = messages.fmt_date(attestation.from);
    let to = messages.fmt_date(attestation.to);
    messages.msg(
        "attestation-intro",
        &[
            ("community", Arg::Str(&attestation.community_name)),
            ("name", Arg::Str(&attestation.display_name)),
            ("id", Arg::Str(&attestation.account_id)),
            ("total", Arg::Str(&total)),
            ("unit", Arg::Str(&attestation.currency.unit)),
            ("from", Arg::Str(&from)),
            ("to", Arg::Str(&to)),
        ],
    )
}

/// "In 12 exchanges." under the attestation's total.
pub fn attestation_exchanges(messages: &Messages, count: u32) -> String {
    messages.msg("attestation-exchanges", &[("count", Arg::from(count))])
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
