//! The words every renderer puts next to the model's figures, so that the
//! text, HTML and PDF statements say exactly the same thing.
//!
//! Nothing here computes a balance; at most it adds up the lines shown on
//! the page for the "came in / went out this month" summary.

use chrono::NaiveDate;

use super::model::{Attestation, SignedBy, Statement, StatementLine, Treasurer, WorkKind};
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

/// The description with the skill in the reader's language, e.g. "Soup
/// for the neighbours (cooking)"; a correction line says it is one.
pub fn what_label(messages: &Messages, line: &StatementLine) -> String {
    // A fund run's description is the ledger's own English words: the
    // reader gets the rule and its period in their language instead.
    if let super::model::Movement::FundRun { period, .. } = &line.movement {
        let kind = super::policy_labels::line_kind(messages, line);
        let what = format!("{kind} {period}");
        return if line.reverses.is_some() {
            messages.msg("line-correction", &[("what", Arg::Str(&what))])
        } else {
            what
        };
    }
    let what = match &line.skill {
        Some(skill) if !skill.is_empty() => {
            format!("{} ({})", line.description, skill_label(messages, skill))
        }
        _ => line.description.clone(),
    };
    if line.reverses.is_some() {
        messages.msg("line-correction", &[("what", Arg::Str(&what))])
    } else {
        what
    }
}

/// A skill tag in the reader's language where a translation exists
/// (`skill-TAG` in the Fluent files); otherwise the tag as entered.
pub fn skill_label(messages: &Messages, tag: &str) -> String {
    let id = format!("skill-{tag}");
    if messages.has_message(&id) {
        messages.msg(&id, &[])
    } else {
        tag.to_owned()
    }
}

/// Extra sentences a line needs: a correction and its reason, a limit
/// passed with the treasurer's permission.
pub fn line_notes(messages: &Messages, line: &StatementLine) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(reversal) = &line.reverses {
        let date = messages.fmt_date(reversal.date);
        notes.push(messages.msg(
            "line-reversal",
            &[
                ("seq", Arg::Int(reversal.seq)),
                ("date", Arg::Str(&date)),
                ("reason", Arg::Str(&reversal.reason)),
            ],
        ));
    }
    if let Some(seq) = line.reversed_by {
        notes.push(messages.msg("line-reversed", &[("seq", Arg::Int(seq))]));
    }
    if let Some(reason) = &line.override_reason {
        notes.push(messages.msg("line-override", &[("reason", Arg::Str(reason))]));
    }
    notes.extend(super::policy_labels::movement_note(messages, line));
    notes
}

/// The meaning of the statement's closing balance, in one or two
/// sentences: a system account is told what it is, not that it "received
/// more help than it gave"; a balance below the floor says what to do.
pub fn balance_sentence(messages: &Messages, statement: &Statement) -> String {
    if statement.account_kind == super::model::AccountKind::System {
        return messages.msg("balance-system", &[]);
    }
    let id = match statement.closing_minor.signum() {
        1 => "balance-positive",
        -1 => "balance-negative",
        _ => "balance-zero",
    };
    let sentence = messages.msg(id, &[]);
    if below_floor(statement) {
        let floor = messages.fmt_amount_isolated(statement.floor_minor);
        let advice = messages.msg(
            "balance-below-floor",
            &[
                ("floor", Arg::Str(&floor)),
                ("unit", Arg::Str(&statement.currency.unit)),
            ],
        );
        format!("{sentence} {advice}")
    } else {
        sentence
    }
}

/// True when the closing balance is below the account's floor (allowed
/// after a treasurer's override, or after the floor was raised).
pub fn below_floor(statement: &Statement) -> bool {
    statement.closing_minor < statement.floor_minor
}

/// What the floor and ceiling mean, with the account's own numbers.
pub fn limits_sentence(messages: &Messages, statement: &Statement) -> String {
    let floor = messages.fmt_amount_isolated(statement.floor_minor);
    let ceiling = messages.fmt_amount_isolated(statement.ceiling_minor);
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
    let floor = messages.fmt_amount_isolated(statement.floor_minor);
    let ceiling = messages.fmt_amount_isolated(statement.ceiling_minor);
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
    let total = messages.fmt_amount_isolated(attestation.total_given_minor);
    let from = messages.fmt_date(attestation.from);
    let to = messages.fmt_date(attestation.to);
    messages.msg(
        "attestation-intro",
        &[
            // The organisation's legal name where it is set: it is who attests.
            (
                "community",
                Arg::Str(if attestation.organisation.name.is_empty() {
                    &attestation.community_name
                } else {
                    &attestation.organisation.name
                }),
            ),
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

/// What a verification box says.
pub struct VerificationText {
    /// "Code: 7KQ2-M9XD-4TNA".
    pub code: String,
    /// How to check it, without typing a command.
    pub explained: String,
    /// "Signed chain head: 3f9a0c7e…6a9c0b37".
    pub chain: String,
    /// "Treasurer's key: K7Q2-…", when the fingerprint is known.
    pub key: Option<String>,
}

/// The verification sentences of a statement.
pub fn verification_lines(
    messages: &Messages,
    verification: &super::model::Verification,
    treasurer: &Treasurer,
) -> VerificationText {
    verification_text(
        messages,
        verification,
        treasurer,
        messages.msg("verify-explained", &[]),
    )
}

/// The verification sentences of an attestation: an institution reading
/// it has no kiosk, so it is told whom to ask and, where the community
/// publishes one, where to enter the code.
pub fn attestation_verification_lines(
    messages: &Messages,
    attestation: &Attestation,
) -> VerificationText {
    let treasurer = &attestation.treasurer;
    let mut explained = if treasurer.name.is_empty() {
        messages.msg("attestation-explained", &[])
    } else {
        messages.msg(
            "attestation-check-outside",
            &[
                ("name", Arg::Str(&treasurer.name)),
                ("contact", Arg::Str(&treasurer.contact)),
            ],
        )
    };
    let address = &attestation.organisation.check_address;
    if !address.is_empty() {
        explained.push(' ');
        explained.push_str(&messages.msg(
            "attestation-check-address",
            &[("address", Arg::Str(address))],
        ));
    }
    verification_text(messages, &attestation.verification, treasurer, explained)
}

fn verification_text(
    messages: &Messages,
    verification: &super::model::Verification,
    treasurer: &Treasurer,
    explained: String,
) -> VerificationText {
    let code = Arg::Str(&verification.code);
    let hash = short_hash(&verification.chain_head_hex);
    VerificationText {
        code: messages.msg("verify-code", &[("code", code)]),
        explained,
        chain: messages.msg("verify-chain", &[("hash", Arg::Str(&hash))]),
        key: (!treasurer.fingerprint.is_empty()).then(|| {
            messages.msg(
                "verify-key",
                &[("fingerprint", Arg::Str(&treasurer.fingerprint))],
            )
        }),
    }
}

/// Whom to ask about the statement and how to question a line:
/// (the treasurer's name and contact, what to do about a wrong line).
pub fn contact_lines(messages: &Messages, statement: &Statement) -> (String, String) {
    let treasurer = &statement.treasurer;
    let who = match (treasurer.name.is_empty(), treasurer.contact.is_empty()) {
        (true, _) => messages.msg(
            "contact-treasurer-unknown",
            &[("community", Arg::Str(&statement.community_name))],
        ),
        (false, true) => messages.msg(
            "contact-treasurer-name",
            &[("name", Arg::Str(&treasurer.name))],
        ),
        (false, false) => messages.msg(
            "contact-treasurer",
            &[
                ("name", Arg::Str(&treasurer.name)),
                ("contact", Arg::Str(&treasurer.contact)),
            ],
        ),
    };
    (who, messages.msg("contact-question", &[]))
}

/// The issuing organisation's header lines on an attestation: its legal
/// name, address, registration number and contact, each where set; the
/// community's name alone when the settings hold none.
pub fn organisation_lines(messages: &Messages, attestation: &Attestation) -> Vec<String> {
    let org = &attestation.organisation;
    let mut lines = vec![if org.name.is_empty() {
        attestation.community_name.clone()
    } else {
        org.name.clone()
    }];
    if !org.address.is_empty() {
        lines.push(org.address.clone());
    }
    if !org.registration.is_empty() {
        lines.push(messages.msg(
            "attestation-registration",
            &[("number", Arg::Str(&org.registration))],
        ));
    }
    if !org.contact.is_empty() {
        lines.push(messages.msg(
            "attestation-contact",
            &[("contact", Arg::Str(&org.contact))],
        ));
    }
    lines
}

/// Where and when it was signed ("Done at Anderlecht on 1 December 2026."
/// or, without a place, "Printed on ..."), and the signatory ("Els
/// Janssens, chair") when set.
pub fn signing_lines(messages: &Messages, attestation: &Attestation) -> (String, Option<String>) {
    let org = &attestation.organisation;
    let done = if org.place.is_empty() {
        issued_line(messages, attestation.issued_on)
    } else {
        let date = messages.fmt_date(attestation.issued_on);
        messages.msg(
            "attestation-done-at",
            &[("place", Arg::Str(&org.place)), ("date", Arg::Str(&date))],
        )
    };
    let signatory = match (org.signatory.is_empty(), org.signatory_role.is_empty()) {
        (true, _) => None,
        (false, true) => Some(org.signatory.clone()),
        (false, false) => Some(format!("{}, {}", org.signatory, org.signatory_role)),
    };
    (done, signatory)
}
