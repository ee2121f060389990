//! Rebuilding the request entries of issue 12 from their rows:
//! `request-made` (`requests`) and `request-confirmed`,
//! `request-declined`, `request-withdrawn` (`request_outcomes`; a
//! confirmation's payment from its `transactions` row and postings).
//! Kept beside `journal` so that file stays readable.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};

use crate::ledger::{
    Confirmation, Description, EntryBody, Request, RequestLink, RequestParts, Skill, SlipRef,
    Transaction,
};
use crate::store::Result;

use super::{amount, canonical, parse_date, parse_id, parse_reason, unsigned_empty};

/// A `requests` row, as stored.
struct RequestRow {
    payer: String,
    payee: String,
    amount: i64,
    date: String,
    work: String,
    skill: Option<String>,
    description: String,
    slip: Option<String>,
}

/// A `request_outcomes` row, as stored.
struct OutcomeRow {
    request_seq: i64,
    outcome: String,
    reason: Option<String>,
    slip: Option<String>,
}

/// The rows of requests and their outcomes, read up front (or the one
/// outcome of one entry, to read that entry back alone).
#[derive(Default)]
pub(super) struct RequestDetails {
    requests: HashMap<i64, RequestRow>,
    outcomes: HashMap<i64, OutcomeRow>,
}

impl RequestDetails {
    pub(super) fn load(conn: &Connection) -> Result<RequestDetails> {
        let mut details = RequestDetails::default();
        let mut stmt = conn.prepare(
            "SELECT seq, payer_id, payee_id, amount_minor, date, work, skill, description, slip FROM requests",
        )?;
        for row in stmt.query_map([], |r| {
            Ok((
                r.get(0)?,
                RequestRow {
                    payer: r.get(1)?,
                    payee: r.get(2)?,
                    amount: r.get(3)?,
                    date: r.get(4)?,
                    work: r.get(5)?,
                    skill: r.get(6)?,
                    description: r.get(7)?,
                    slip: r.get(8)?,
                },
            ))
        })? {
            let (seq, request) = row?;
            details.requests.insert(seq, request);
        }
        let mut stmt =
            conn.prepare("SELECT seq, request_seq, outcome, reason, slip FROM request_outcomes")?;
        for row in stmt.query_map([], |r| Ok((r.get(0)?, outcome_row(r, 1)?)))? {
            let (seq, outcome) = row?;
            details.outcomes.insert(seq, outcome);
        }
        Ok(details)
    }

    /// The outcome row of entry `seq` (if it settles a request), with the
    /// entry hash of its request put into `hashes`.
    pub(super) fn load_one(
        conn: &Connection,
        seq: i64,
        hashes: &mut HashMap<i64, Vec<u8>>,
    ) -> Result<RequestDetails> {
        let mut details = RequestDetails::default();
        let mut stmt = conn.prepare_cached(
            "SELECT o.request_seq, o.outcome, o.reason, o.slip, j.entry_hash
             FROM request_outcomes o LEFT JOIN journal j ON j.seq = o.request_seq WHERE o.seq = ?1",
        )?;
        let row = stmt
            .query_row([seq], |r| {
                Ok((outcome_row(r, 0)?, r.get::<_, Option<Vec<u8>>>(4)?))
            })
            .optional()?;
        if let Some((outcome, hash)) = row {
            if let Some(hash) = hash {
                hashes.insert(outcome.request_seq, hash);
            }
            details.outcomes.insert(seq, outcome);
        }
        Ok(details)
    }

    /// The `request-made` entry at `seq`.
    pub(super) fn made(&self, seq: i64) -> std::result::Result<EntryBody, String> {
        Ok(EntryBody::RequestMade(request_made(
            self.requests.get(&seq),
        )?))
    }

    /// The confirmation, decline or withdrawal at `seq` (`entry_type`).
    pub(super) fn settled(
        &self,
        seq: i64,
        entry_type: &str,
        hashes: &HashMap<i64, Vec<u8>>,
        payment: impl FnOnce() -> std::result::Result<Transaction, String>,
    ) -> std::result::Result<EntryBody, String> {
        request_settled(entry_type, self.outcomes.get(&seq), hashes, payment)
    }
}

/// An outcome row from the four columns starting at `at`.
fn outcome_row(r: &rusqlite::Row, at: usize) -> rusqlite::Result<OutcomeRow> {
    Ok(OutcomeRow {
        request_seq: r.get(at)?,
        outcome: r.get(at + 1)?,
        reason: r.get(at + 2)?,
        slip: r.get(at + 3)?,
    })
}

fn parse_slip(text: &str) -> std::result::Result<SlipRef, String> {
    canonical(
        text,
        "slip",
        |t| SlipRef::from_stored(t).map_err(|e| e.to_string()),
        |s| s.as_str().to_string(),
    )
}

fn parse_work(text: &str) -> std::result::Result<crate::ledger::WorkKind, String> {
    canonical(
        text,
        "kind of work",
        |t| {
            t.parse()
                .map_err(|e: crate::ledger::FieldError| e.to_string())
        },
        |w: &crate::ledger::WorkKind| w.as_str().to_string(),
    )
}

fn request_made(row: Option<&RequestRow>) -> std::result::Result<Request, String> {
    let row = row.ok_or("request row missing")?;
    let parts = RequestParts {
        payer: parse_id(&row.payer)?,
        payee: parse_id(&row.payee)?,
        amount: amount(row.amount),
        date: parse_date(&row.date)?,
        work: parse_work(&row.work)?,
        skill: row
            .skill
            .as_deref()
            .map(|t| {
                canonical(
                    t,
                    "skill",
                    |t| Skill::parse(t).map_err(|e| e.to_string()),
                    |s| s.as_str().to_string(),
                )
            })
            .transpose()?,
        description: canonical(
            &row.description,
            "description",
            |t| Description::from_stored(t).map_err(|e| e.to_string()),
            |d| d.as_str().to_string(),
        )?,
        slip: row.slip.as_deref().map(parse_slip).transpose()?,
    };
    Request::new(parts).map_err(|e| e.to_string())
}

/// A confirmation, decline or withdrawal: its outcome row (whose
/// `outcome` must be this entry's type), the request it names (by the
/// stored hash of that earlier entry), and for a confirmation the
/// payment from its transactions row and postings.
fn request_settled(
    entry_type: &str,
    row: Option<&OutcomeRow>,
    hashes: &HashMap<i64, Vec<u8>>,
    payment: impl FnOnce() -> std::result::Result<Transaction, String>,
) -> std::result::Result<EntryBody, String> {
    let row = row.ok_or("request outcome row missing")?;
    if format!("request-{}", row.outcome) != entry_type {
        return Err(format!(
            "its request_outcomes row says '{}', but the entry is a {entry_type}",
            row.outcome
        ));
    }
    let link = RequestLink {
        seq: row.request_seq,
        entry_hash: hashes
            .get(&row.request_seq)
            .and_then(|h| h.clone().try_into().ok())
            .ok_or_else(|| {
                format!(
                    "names request #{}, which is not an earlier request",
                    row.request_seq
                )
            })?,
    };
    let slip = row.slip.as_deref().map(parse_slip).transpose()?;
    Ok(match entry_type {
        "request-confirmed" => {
            unsigned_empty(
                row.reason.is_none() && slip.is_none(),
                "outcome reason or slip",
            )?;
            EntryBody::RequestConfirmed(Confirmation::from_parts(link, payment()?)?)
        }
        "request-declined" => EntryBody::RequestDeclined {
            request: link,
            reason: parse_reason(row.reason.as_deref().unwrap_or(""))?,
            slip,
        },
        _ => {
            unsigned_empty(row.reason.is_none(), "outcome reason")?;
            EntryBody::RequestWithdrawn {
                request: link,
                slip,
            }
        }
    })
}
