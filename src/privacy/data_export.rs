//! What a member who asks for their data receives: everything akker holds
//! about one account, as JSON (`MemberData`, serialised as is) and as a
//! readable PDF in the member's language.
//!
//! Held about a member: the profile (name, language) and its history, the
//! account's opening, limits and closing, every transaction it takes part
//! in, its cards' public data, its offers and requests on the kiosk's
//! board, and the statements and attestations issued for it. Other members
//! appear only by their account number: postings carry ids, and any other
//! member's name written into a description or slip is replaced by that
//! member's number (the matcher of `privacy::names`).
//!
//! Invariant: `build` reads everything inside one read snapshot, so the
//! export is one consistent state of the ledger; the renderer computes
//! nothing that is not in the model.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::i18n::{Arg, Messages};
use crate::ledger::{AccountId, Amount};
use crate::statement::pdf::layout::{Align, Pages, BODY, BODY_BOLD, CONTENT_WIDTH, SMALL_MUTED};
use crate::statement::pdf::{document, PdfError};
use crate::store::profiles::{AccountEvent, CardEvent, OfferRecord, ProfileChange};
use crate::store::{Store, StoreError, TxFilter};

use super::NameMatcher;

/// Everything akker holds about one member.
#[derive(Debug, Clone, Serialize)]
pub struct MemberData {
    /// What this file is, for whoever opens it later.
    pub format: &'static str,
    pub generated_at: String,
    pub community: String,
    pub currency_unit: String,
    pub account: AccountPart,
    pub profile_history: Vec<ProfileChange>,
    pub account_events: Vec<AccountEvent>,
    pub transactions: Vec<MemberTransaction>,
    pub cards: Vec<CardEvent>,
    pub offers: Vec<OfferRecord>,
    pub statements: Vec<StatementIssued>,
    pub attestations: Vec<AttestationIssued>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AccountPart {
    pub id: AccountId,
    pub kind: String,
    /// None once erased.
    pub display_name: Option<String>,
    pub language: Option<String>,
    pub status: String,
    pub balance: Amount,
    pub floor: Amount,
    pub ceiling: Amount,
}

/// One transaction as it concerns the member: their amount, and the other
/// accounts by number.
#[derive(Debug, Clone, Serialize)]
pub struct MemberTransaction {
    pub seq: i64,
    pub recorded_at: String,
    pub date: String,
    pub work: String,
    pub skill: Option<String>,
    pub description: String,
    pub slip: Option<String>,
    /// Positive: hours received by the member; negative: hours paid.
    pub amount: Amount,
    /// The accounts on the other side of the member's posting, by number.
    pub other_accounts: Vec<AccountId>,
    pub signed_by: String,
    pub signer_account: Option<AccountId>,
    pub reverses: Option<i64>,
    pub reversed_by: Option<i64>,
    pub reversal_reason: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatementIssued {
    pub period: String,
    pub seq: i64,
    pub recorded_at: String,
    pub head_seq: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct AttestationIssued {
    pub seq: i64,
    pub from: String,
    pub to: String,
    pub given: Amount,
    pub recorded_at: String,
}

/// Gathers the member's data in one read snapshot.
pub fn build(
    store: &Store,
    account: &AccountId,
    now: DateTime<Utc>,
) -> Result<Option<MemberData>, StoreError> {
    store.read_snapshot(|store| {
        let Some(row) = store.account(account)? else {
            return Ok(None);
        };
        let matcher = NameMatcher::new(store.person_names()?);
        let transactions = store
            .transactions(&TxFilter {
                account: Some(account.clone()),
                ..TxFilter::default()
            })?
            .into_iter()
            .map(|view| {
                let amount = view.amount_for(account);
                // The other side only: whoever moved the opposite way, as
                // on a statement (a welcome credit paid to many members
                // names the fund, not the other members).
                let mut other_accounts: Vec<AccountId> = view
                    .postings
                    .iter()
                    .filter(|p| {
                        &p.account != account && p.amount.is_negative() != amount.is_negative()
                    })
                    .map(|p| p.account.clone())
                    .collect();
                other_accounts.dedup();
                MemberTransaction {
                    seq: view.seq,
                    recorded_at: view.recorded_at,
                    date: view.date,
                    work: view.work,
                    skill: view.skill,
                    description: matcher.redact(&view.description, account),
                    slip: view.slip.map(|s| matcher.redact(&s, account)),
                    amount,
                    other_accounts,
                    signed_by: view.signer_role,
                    signer_account: view.signer_account,
                    reverses: view.reverses,
                    reversed_by: view.reversed_by,
                    reversal_reason: view.reversal_reason.map(|r| matcher.redact(&r, account)),
                }
            })
            .collect();
        let statements = store
            .statement_issues()?
            .into_iter()
            .filter(|issue| issue.head_seq >= row.opened_seq)
            .map(|issue| StatementIssued {
                period: issue.period,
                seq: issue.seq,
                recorded_at: issue.recorded_at,
                head_seq: issue.head_seq,
            })
            .collect();
        let attestations = store
            .attestations()?
            .into_iter()
            .filter(|a| &a.account == account)
            .map(|a| AttestationIssued {
                seq: a.seq,
                from: a.from,
                to: a.to,
                given: a.given,
                recorded_at: a.recorded_at,
            })
            .collect();
        let settings = store.settings();
        Ok(Some(MemberData {
            format: "akker member data export, version 1",
            generated_at: crate::ledger::period::recorded_text(now),
            community: settings.community_name.clone(),
            currency_unit: settings.currency_unit.clone(),
            account: AccountPart {
                id: row.id.clone(),
                kind: row.kind.as_str().to_string(),
                display_name: row.display_name.clone(),
                language: row.language.clone(),
                status: row.status.as_str().to_string(),
                balance: row.balance,
                floor: row.floor,
                ceiling: row.ceiling,
            },
            profile_history: store.profile_history(account)?,
            account_events: store.account_events(account)?,
            transactions,
            cards: store.card_events(account)?,
            offers: store.offers_of(account)?,
            statements,
            attestations,
        }))
    })
}

/// The export as pretty JSON.
pub fn to_json(data: &MemberData) -> String {
    serde_json::to_string_pretty(data).expect("the export model always serialises")
}

/// The language the PDF is written in: the member's, else the ledger's.
pub fn language_of(data: &MemberData, default_language: &str) -> String {
    data.account
        .language
        .clone()
        .unwrap_or_else(|| default_language.to_string())
}

/// The export as a PDF in `messages`' language.
pub fn render_pdf(data: &MemberData, messages: &Messages) -> Result<Vec<u8>, PdfError> {
    let shown = data
        .account
        .display_name
        .clone()
        .unwrap_or_else(|| data.account.id.to_string());
    let title = messages.msg(
        "privacy-data-title",
        &[("community", Arg::Str(&data.community))],
    );
    let mut pages = Pages::new(messages, (title.clone(), data.account.id.to_string()));
    let date = day(messages, &data.generated_at);
    pages.heading(&title, 0.0, CONTENT_WIDTH, 40.0);
    let intro = messages.msg(
        "privacy-data-intro",
        &[
            ("account", Arg::Str(data.account.id.as_str())),
            ("date", Arg::Str(&date)),
        ],
    );
    paragraph(&mut pages, &intro);

    let a = &data.account;
    pages.heading(
        &messages.msg("privacy-data-profile", &[]),
        0.0,
        CONTENT_WIDTH,
        60.0,
    );
    let erased = messages.msg("privacy-data-erased", &[]);
    let rows = [
        ("privacy-data-account", a.id.to_string()),
        (
            "privacy-data-name",
            a.display_name.clone().unwrap_or_else(|| erased.clone()),
        ),
        (
            "privacy-data-language",
            a.language.clone().unwrap_or_else(|| erased.clone()),
        ),
        (
            "privacy-data-kind",
            messages.msg(&format!("privacy-data-kind-{}", a.kind), &[]),
        ),
        (
            "privacy-data-status",
            messages.msg(&format!("privacy-data-status-{}", a.status), &[]),
        ),
        (
            "privacy-data-balance",
            messages.fmt_signed_amount(a.balance.minor()),
        ),
        (
            "privacy-data-limits",
            format!(
                "{} … {}",
                messages.fmt_signed_amount(a.floor.minor()),
                messages.fmt_signed_amount(a.ceiling.minor())
            ),
        ),
    ];
    for (label, value) in rows {
        pair(&mut pages, &messages.msg(label, &[]), &value);
    }

    section(
        &mut pages,
        messages,
        "privacy-data-history",
        data.profile_history.is_empty(),
    );
    for change in &data.profile_history {
        let field = messages.msg(
            &format!("privacy-data-field-{}", change.field.as_str()),
            &[],
        );
        let text = match (&change.old_value, &change.new_value) {
            (Some(old), Some(new)) => format!("{field}: {old} → {new}"),
            _ => match &change.reason {
                Some(reason) => format!("{field}: {reason}"),
                None => field,
            },
        };
        row(&mut pages, &day(messages, &change.changed_at), &text, "");
    }

    section(
        &mut pages,
        messages,
        "privacy-data-account-events",
        data.account_events.is_empty(),
    );
    for event in &data.account_events {
        let what = messages.msg(&format!("privacy-data-event-{}", event.entry_type), &[]);
        row(
            &mut pages,
            &day(messages, &event.recorded_at),
            &format!("#{} {what}", event.seq),
            &event.reason,
        );
    }

    section(
        &mut pages,
        messages,
        "privacy-data-transactions",
        data.transactions.is_empty(),
    );
    for tx in &data.transactions {
        let date = NaiveDate::parse_from_str(&tx.date, "%Y-%m-%d")
            .map(|d| messages.fmt_date_short(d))
            .unwrap_or_else(|_| tx.date.clone());
        let others: Vec<&str> = tx.other_accounts.iter().map(AccountId::as_str).collect();
        let mut what = format!("#{} {} · {}", tx.seq, others.join(", "), tx.description);
        if let Some(slip) = &tx.slip {
            what.push_str(&format!(" ({slip})"));
        }
        row(
            &mut pages,
            &date,
            &what,
            &messages.fmt_signed_amount(tx.amount.minor()),
        );
    }

    section(
        &mut pages,
        messages,
        "privacy-data-cards",
        data.cards.is_empty(),
    );
    for card in &data.cards {
        let id = if card.issued {
            "privacy-data-card-issued"
        } else {
            "privacy-data-card-revoked"
        };
        let number = messages.fmt_integer(i64::from(card.card_number));
        let what = messages.msg(id, &[("number", Arg::Str(&number))]);
        row(
            &mut pages,
            &day(messages, &card.recorded_at),
            &what,
            &card.public_key[..16],
        );
    }

    section(
        &mut pages,
        messages,
        "privacy-data-offers",
        data.offers.is_empty(),
    );
    for offer in &data.offers {
        let kind = messages.msg(&format!("privacy-data-{}", offer.direction), &[]);
        let mut what = format!("{kind}: {}", offer.what);
        if let Some(withdrawn) = &offer.withdrawn_at {
            let until = day(messages, withdrawn);
            what.push_str(&format!(
                " ({})",
                messages.msg("privacy-data-withdrawn", &[("date", Arg::Str(&until))])
            ));
        }
        row(&mut pages, &day(messages, &offer.created_at), &what, "");
    }

    section(
        &mut pages,
        messages,
        "privacy-data-statements",
        data.statements.is_empty(),
    );
    for issue in &data.statements {
        let month = issue
            .period
            .split_once('-')
            .and_then(|(y, m)| Some(messages.fmt_month(y.parse().ok()?, m.parse().ok()?)))
            .unwrap_or_else(|| issue.period.clone());
        row(
            &mut pages,
            &day(messages, &issue.recorded_at),
            &month,
            &format!("#{}", issue.seq),
        );
    }

    section(
        &mut pages,
        messages,
        "privacy-data-attestations",
        data.attestations.is_empty(),
    );
    for attestation in &data.attestations {
        let span = format!("{} – {}", attestation.from, attestation.to);
        row(
            &mut pages,
            &day(messages, &attestation.recorded_at),
            &span,
            &messages.fmt_amount(attestation.given.minor()),
        );
    }

    let footer = format!("{} · {} · {}", data.community, data.account.id, date);
    let laid_out = pages.finish(&footer);
    document(&laid_out, format!("{title} · {shown}"), messages)
}

/// A journal time ("2026-11-03T10:00:00.000000Z") as the day it names.
fn day(messages: &Messages, recorded_at: &str) -> String {
    recorded_at
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .map(|d| messages.fmt_date(d))
        .unwrap_or_else(|| recorded_at.to_string())
}

fn paragraph(pages: &mut Pages<'_>, text: &str) {
    let lines = pages.wrap(text, CONTENT_WIDTH, BODY);
    let height = lines.len() as f32 * 13.0;
    pages.ensure(height);
    let top = pages.y;
    pages.y = pages.paragraph(lines, 0.0, CONTENT_WIDTH, top, BODY, 13.0) + 6.0;
}

fn section(pages: &mut Pages<'_>, messages: &Messages, title: &str, empty: bool) {
    pages.y += 8.0;
    pages.heading(&messages.msg(title, &[]), 0.0, CONTENT_WIDTH, 16.0);
    if empty {
        let none = messages.msg("privacy-data-none", &[]);
        pages.ensure(14.0);
        let baseline = pages.y + 10.0;
        pages.text(
            &none,
            0.0,
            CONTENT_WIDTH,
            baseline,
            SMALL_MUTED,
            Align::Start,
        );
        pages.y += 14.0;
    }
}

fn pair(pages: &mut Pages<'_>, label: &str, value: &str) {
    pages.ensure(15.0);
    let baseline = pages.y + 10.0;
    pages.text(label, 0.0, 150.0, baseline, BODY_BOLD, Align::Start);
    pages.text(
        value,
        160.0,
        CONTENT_WIDTH - 160.0,
        baseline,
        BODY,
        Align::Start,
    );
    pages.y += 15.0;
}

/// A dated row: the date, then a wrapped text, then a figure at the end.
fn row(pages: &mut Pages<'_>, date: &str, text: &str, figure: &str) {
    const DATE_WIDTH: f32 = 90.0;
    const FIGURE_WIDTH: f32 = 80.0;
    let text_width = CONTENT_WIDTH - DATE_WIDTH - FIGURE_WIDTH - 12.0;
    let lines = pages.wrap(text, text_width, BODY);
    let height = lines.len().max(1) as f32 * 12.5 + 3.0;
    pages.ensure(height);
    let top = pages.y;
    pages.text(date, 0.0, DATE_WIDTH, top + 9.5, SMALL_MUTED, Align::Start);
    pages.text(
        figure,
        CONTENT_WIDTH - FIGURE_WIDTH,
        FIGURE_WIDTH,
        top + 9.5,
        BODY,
        Align::End,
    );
    pages.paragraph(lines, DATE_WIDTH + 6.0, text_width, top, BODY, 12.5);
    pages.y = top + height;
}
