//! Requests in SQL: writing the rows of the four request entries, the
//! facts the rules need before the next entry, and the read model the
//! command line, the kiosk and the papers show (`Store::requests`).
//!
//! Rows count only through a journal entry of their own type, like every
//! detail table: an unsigned `request_outcomes` row slipped in under
//! another entry settles nothing here (and `verify` reports it).

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use crate::ledger::request::{self, Outcome, RequestFacts};
use crate::ledger::{
    AccountId, Amount, Description, EntryBody, Request, RequestParts, SignerRole, Skill, SlipRef,
    WorkKind,
};

use super::{Result, Store, StoreError};

/// A request's state in Credit Commons words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RequestState {
    /// Waiting for the payer.
    Pending,
    /// Confirmed: the payment is recorded.
    Completed,
    /// Declined, withdrawn or expired: nothing was paid.
    Erased,
}

impl RequestState {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestState::Pending => "pending",
            RequestState::Completed => "completed",
            RequestState::Erased => "erased",
        }
    }
}

/// How an erased request ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErasedBy {
    Declined,
    Withdrawn,
    /// Nobody settled it within the expiry period.
    Expired,
}

impl ErasedBy {
    pub fn as_str(self) -> &'static str {
        match self {
            ErasedBy::Declined => "declined",
            ErasedBy::Withdrawn => "withdrawn",
            ErasedBy::Expired => "expired",
        }
    }
}

/// How a request was settled: the entry that did it (none for an
/// expiry), when, who signed, and the decline's reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Settlement {
    /// The request-confirmed / -declined / -withdrawn entry; None when
    /// the request expired.
    pub seq: Option<i64>,
    /// When it was recorded, or when the request expired.
    #[serde(serialize_with = "time_text")]
    pub at: DateTime<Utc>,
    /// Who signed it (None for an expiry).
    pub signer_role: Option<SignerRole>,
    pub signer_account: Option<AccountId>,
    /// The decline's reason, as signed (`ledger::request::DECLINE_*` for
    /// the short list's choices).
    pub reason: Option<String>,
    /// The paper slip the treasurer typed it from.
    pub slip: Option<String>,
}

/// One request as shown everywhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestView {
    pub seq: i64,
    #[serde(serialize_with = "time_text")]
    pub made_at: DateTime<Utc>,
    /// Who signed the request: the payee's card (member or key holder)
    /// or the treasurer from a slip.
    pub made_by_role: SignerRole,
    /// The one who was helped and is asked to pay.
    pub payer: AccountId,
    /// The one who helped and asks.
    pub payee: AccountId,
    pub amount: Amount,
    pub date: NaiveDate,
    pub work: WorkKind,
    pub skill: Option<Skill>,
    pub description: String,
    pub slip: Option<String>,
    /// When it expires (or expired) under the expiry period in force
    /// when it was made.
    #[serde(serialize_with = "time_text")]
    pub expires_at: DateTime<Utc>,
    pub state: RequestState,
    /// With `state` erased: how.
    pub erased_by: Option<ErasedBy>,
    /// With `state` completed or erased: by which entry, when, why.
    pub settled: Option<Settlement>,
}

impl RequestView {
    /// Pending: it still waits for its payer (not settled, not expired).
    pub fn is_pending(&self) -> bool {
        self.state == RequestState::Pending
    }

    /// Days from the request to its confirmation (for the report's
    /// median); None unless completed.
    pub fn days_to_confirm(&self) -> Option<f64> {
        let settled = self.settled.as_ref()?;
        (self.state == RequestState::Completed)
            .then(|| (settled.at - self.made_at).num_seconds() as f64 / 86_400.0)
    }
}

fn time_text<S: serde::Serializer>(
    t: &DateTime<Utc>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&crate::signing::canonical::format_time(*t))
}

/// Which requests to list.
#[derive(Debug, Clone)]
pub struct RequestFilter {
    /// Requests where this account pays or is paid.
    pub account: Option<AccountId>,
    /// Only requests still waiting for their payer as of `now`.
    pub pending_only: bool,
    /// The moment expiry is judged at (the command's clock).
    pub now: DateTime<Utc>,
    /// Only this request.
    pub seq: Option<i64>,
    /// The ledger as it stood after this entry (a statement's signed
    /// head): later requests and settlements are left out.
    pub up_to_seq: Option<i64>,
}

impl RequestFilter {
    /// Every request, judged at `now`.
    pub fn all(now: DateTime<Utc>) -> RequestFilter {
        RequestFilter {
            account: None,
            pending_only: false,
            now,
            seq: None,
            up_to_seq: None,
        }
    }
}

const VIEW_SQL: &str = "SELECT r.seq, j.recorded_at, j.signer_role, r.payer_id, r.payee_id, r.amount_minor,
        r.date, r.work, r.skill, r.description, r.slip,
        o.seq, o.outcome, o.reason, coalesce(o.slip, t.slip), oj.recorded_at, oj.signer_role, oj.signer_account,
        (SELECT s.value FROM setting_events s
         JOIN journal sj ON sj.seq = s.seq AND sj.entry_type = 'setting-set'
         WHERE s.name = 'requests.expiry-days' AND s.seq < r.seq ORDER BY s.seq DESC LIMIT 1)
    FROM requests r JOIN journal j ON j.seq = r.seq AND j.entry_type = 'request-made'
    LEFT JOIN request_outcomes o ON o.request_seq = r.seq AND o.seq <= ?2
    LEFT JOIN journal oj ON oj.seq = o.seq AND oj.entry_type = 'request-' || o.outcome
    LEFT JOIN transactions t ON t.seq = o.seq AND o.outcome = 'confirmed'";

impl Store {
    /// The requests `filter` asks for, oldest first.
    pub fn requests(&self, filter: &RequestFilter) -> Result<Vec<RequestView>> {
        let head = filter.up_to_seq.unwrap_or(i64::MAX);
        let mut sql = format!("{VIEW_SQL} WHERE r.seq <= ?2 AND (?3 IS NULL OR r.seq = ?3)");
        if filter.account.is_some() {
            // Two indexed lookups rather than an OR over the whole table.
            sql.push_str(
                " AND r.seq IN (SELECT seq FROM requests WHERE payer_id = ?1
                                UNION SELECT seq FROM requests WHERE payee_id = ?1)",
            );
        }
        sql.push_str(" ORDER BY r.seq");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let account = filter.account.as_ref().map(|a| a.as_str().to_string());
        let mut rows = stmt.query(params![account, head, filter.seq])?;
        let mut views = Vec::new();
        while let Some(row) = rows.next()? {
            let view = view_row(row, filter.now)?;
            if !filter.pending_only || view.is_pending() {
                views.push(view);
            }
        }
        Ok(views)
    }

    /// One request, judged at `now`.
    pub fn request(&self, seq: i64, now: DateTime<Utc>) -> Result<Option<RequestView>> {
        let filter = RequestFilter {
            seq: Some(seq),
            ..RequestFilter::all(now)
        };
        Ok(self.requests(&filter)?.pop())
    }

    /// The request made at `seq` as signed, with its entry hash, for the
    /// entry that settles it.
    pub fn signed_request(&self, seq: i64) -> Result<Option<(Request, [u8; 32])>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {REQUEST_COLUMNS}, j.entry_hash FROM requests r
             JOIN journal j ON j.seq = r.seq AND j.entry_type = 'request-made' WHERE r.seq = ?1"
        ))?;
        let row = stmt
            .query_row([seq], |r| Ok((request_from(r, 0), r.get::<_, Vec<u8>>(8)?)))
            .optional()?;
        row.map(|(request, hash)| {
            let hash = hash
                .try_into()
                .map_err(|_| StoreError::Corrupt(format!("the entry hash of request #{seq}")))?;
            Ok((request?, hash))
        })
        .transpose()
    }

    /// The expiry period in force now, in days.
    pub fn request_expiry_days(&self) -> Result<u32> {
        Ok(expiry_days_in(&self.conn)?.unwrap_or(request::EXPIRY_DAYS_DEFAULT))
    }
}

const REQUEST_COLUMNS: &str =
    "r.payer_id, r.payee_id, r.amount_minor, r.date, r.work, r.skill, r.description, r.slip";

/// The request in the eight `REQUEST_COLUMNS` starting at `at`, through
/// the ledger's own constructors (stored text read as stored).
fn request_from(row: &Row, at: usize) -> Result<Request> {
    let text = |i: usize| -> Result<String> { Ok(row.get::<_, String>(at + i)?) };
    let opt = |i: usize| -> Result<Option<String>> { Ok(row.get::<_, Option<String>>(at + i)?) };
    let corrupt = |what: &str| StoreError::Corrupt(format!("a request's {what}"));
    let parts = RequestParts {
        payer: AccountId::parse(&text(0)?).map_err(|_| corrupt("payer"))?,
        payee: AccountId::parse(&text(1)?).map_err(|_| corrupt("payee"))?,
        amount: Amount::from_minor(row.get(at + 2)?),
        date: NaiveDate::parse_from_str(&text(3)?, "%Y-%m-%d").map_err(|_| corrupt("date"))?,
        work: text(4)?.parse().map_err(|_| corrupt("kind of work"))?,
        skill: opt(5)?
            .map(|s| Skill::parse(&s).map_err(|_| corrupt("skill")))
            .transpose()?,
        description: Description::from_stored(&text(6)?).map_err(|_| corrupt("description"))?,
        slip: opt(7)?
            .map(|s| SlipRef::from_stored(&s).map_err(|_| corrupt("slip")))
            .transpose()?,
    };
    Request::new(parts).map_err(|e| StoreError::Corrupt(format!("a stored request: {e}")))
}

fn parse_time(text: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| StoreError::Corrupt(format!("the time '{text}'")))
}

fn parse_role(text: &str) -> Result<SignerRole> {
    SignerRole::parse(text).ok_or_else(|| StoreError::Corrupt(format!("the signer role '{text}'")))
}

fn view_row(row: &Row, now: DateTime<Utc>) -> Result<RequestView> {
    let seq: i64 = row.get(0)?;
    let made_at = parse_time(&row.get::<_, String>(1)?)?;
    // The expiry period in force when the request was made (rule 5): a
    // later change of the setting does not move it.
    let days = row
        .get::<_, Option<String>>(18)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(request::EXPIRY_DAYS_DEFAULT);
    let made_by_role = parse_role(&row.get::<_, String>(2)?)?;
    let request = request_from(row, 3)?;
    let expires_at = request::expires_at(made_at, days);
    // The outcome counts only under an entry of its own type (oj).
    let settled_at: Option<String> = row.get(15)?;
    let outcome = match (row.get::<_, Option<String>>(12)?, &settled_at) {
        (Some(text), Some(_)) => Some(
            Outcome::parse(&text)
                .ok_or_else(|| StoreError::Corrupt(format!("request #{seq}'s outcome")))?,
        ),
        _ => None,
    };
    let (state, erased_by, settled) = match (outcome, settled_at) {
        (Some(outcome), Some(at)) => {
            let settlement = Settlement {
                seq: row.get(11)?,
                at: parse_time(&at)?,
                signer_role: Some(parse_role(&row.get::<_, String>(16)?)?),
                signer_account: row
                    .get::<_, Option<String>>(17)?
                    .and_then(|a| AccountId::parse(&a).ok()),
                reason: row.get(13)?,
                slip: row.get(14)?,
            };
            let (state, erased_by) = match outcome {
                Outcome::Confirmed => (RequestState::Completed, None),
                Outcome::Declined => (RequestState::Erased, Some(ErasedBy::Declined)),
                Outcome::Withdrawn => (RequestState::Erased, Some(ErasedBy::Withdrawn)),
            };
            (state, erased_by, Some(settlement))
        }
        _ if now > expires_at => (
            RequestState::Erased,
            Some(ErasedBy::Expired),
            Some(Settlement {
                seq: None,
                at: expires_at,
                signer_role: None,
                signer_account: None,
                reason: None,
                slip: None,
            }),
        ),
        _ => (RequestState::Pending, None, None),
    };
    Ok(RequestView {
        seq,
        made_at,
        made_by_role,
        payer: request.payer().clone(),
        payee: request.payee().clone(),
        amount: request.amount(),
        date: request.date(),
        work: request.work(),
        skill: request.skill().cloned(),
        description: request.description().as_str().to_string(),
        slip: request.slip().map(|s| s.as_str().to_string()),
        expires_at,
        state,
        erased_by,
        settled,
    })
}

/// The signed `requests.expiry-days` in force after entry `head`; None
/// when it is not set (or was cleared, an empty value).
fn expiry_setting_up_to(conn: &Connection, head: i64) -> Result<Option<u32>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.value FROM setting_events s
         JOIN journal j ON j.seq = s.seq AND j.entry_type = 'setting-set'
         WHERE s.name = 'requests.expiry-days' AND s.seq <= ?1 ORDER BY s.seq DESC LIMIT 1",
    )?;
    let value: Option<String> = stmt.query_row([head], |r| r.get(0)).optional()?;
    Ok(value.and_then(|v| v.parse().ok()))
}

fn expiry_days_up_to(conn: &Connection, head: i64) -> Result<u32> {
    Ok(expiry_setting_up_to(conn, head)?.unwrap_or(request::EXPIRY_DAYS_DEFAULT))
}

/// The expiry period the rules apply to the next entry (None = default).
pub(super) fn expiry_days_in(conn: &Connection) -> Result<Option<u32>> {
    expiry_setting_up_to(conn, i64::MAX)
}

/// The facts the rules need about request `seq` before an entry that
/// settles it: None if there is no such request entry.
pub(super) fn request_facts(conn: &Connection, seq: i64) -> Result<Option<RequestFacts>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {REQUEST_COLUMNS}, j.entry_hash, j.recorded_at, oj.seq, o.outcome
         FROM requests r JOIN journal j ON j.seq = r.seq AND j.entry_type = 'request-made'
         LEFT JOIN request_outcomes o ON o.request_seq = r.seq
         LEFT JOIN journal oj ON oj.seq = o.seq AND oj.entry_type = 'request-' || o.outcome
         WHERE r.seq = ?1"
    ))?;
    let mut rows = stmt.query([seq])?;
    let Some(row) = rows.next()? else {
        return Ok(None);
    };
    let request = request_from(row, 0)?;
    let hash: [u8; 32] = row
        .get::<_, Vec<u8>>(8)?
        .try_into()
        .map_err(|_| StoreError::Corrupt(format!("the entry hash of request #{seq}")))?;
    let made_at = parse_time(&row.get::<_, String>(9)?)?;
    // The period in force when the request was made (rule 5).
    let days = expiry_days_up_to(conn, seq)?;
    let mut facts = RequestFacts::of(&request, hash, made_at, days);
    // An outcome row counts only under an entry of its own type (oj): a
    // stray one settles nothing here (`verify` reports it), though the
    // UNIQUE index would still refuse the real settlement's row.
    if let (Some(by), Some(outcome)) = (
        row.get::<_, Option<i64>>(10)?,
        row.get::<_, Option<String>>(11)?,
    ) {
        facts.settled = Outcome::parse(&outcome).map(|o| (by, o));
    }
    Ok(Some(facts))
}

/// Inserts the rows of a request entry (a confirmation's transaction and
/// postings are written by the caller, like any payment's).
pub(super) fn insert_request_entry(conn: &Connection, seq: i64, body: &EntryBody) -> Result<()> {
    match body {
        EntryBody::RequestMade(r) => {
            conn.prepare_cached(
                "INSERT INTO requests (seq, payer_id, payee_id, amount_minor, date, work, skill, description, slip)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                seq,
                r.payer().as_str(),
                r.payee().as_str(),
                r.amount().minor(),
                r.date().format("%Y-%m-%d").to_string(),
                r.work().as_str(),
                r.skill().map(|s| s.as_str()),
                r.description().as_str(),
                r.slip().map(|s| s.as_str()),
            ])?;
        }
        EntryBody::RequestConfirmed(c) => {
            insert_outcome(conn, seq, c.request().seq, Outcome::Confirmed, None, None)?
        }
        EntryBody::RequestDeclined {
            request,
            reason,
            slip,
        } => insert_outcome(
            conn,
            seq,
            request.seq,
            Outcome::Declined,
            Some(reason.as_str()),
            slip.as_ref().map(|s| s.as_str()),
        )?,
        EntryBody::RequestWithdrawn { request, slip } => insert_outcome(
            conn,
            seq,
            request.seq,
            Outcome::Withdrawn,
            None,
            slip.as_ref().map(|s| s.as_str()),
        )?,
        _ => {}
    }
    Ok(())
}

fn insert_outcome(
    conn: &Connection,
    seq: i64,
    request_seq: i64,
    outcome: Outcome,
    reason: Option<&str>,
    slip: Option<&str>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO request_outcomes (seq, request_seq, outcome, reason, slip) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![seq, request_seq, outcome.as_str(), reason, slip])?;
    Ok(())
}
