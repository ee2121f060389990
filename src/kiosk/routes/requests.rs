//! Requests (issue 12) at the kiosk: the helper asks ("someone I helped
//! pays me"), the helped answers yes (the payment, with the PIN) or no
//! (a reason, with the PIN), the helper may take a pending one back.
//!
//! Every answer names a request by its number in the address; the route
//! loads it and refuses one that is not this member's to answer (a
//! forged number gets the same page as one that does not exist, so no
//! page tells whose a request is). The ledger allows one answer per
//! request, so a form sent twice records once: the second gets the
//! ledger's "already settled", shown as what happened.
//!
//! One file (just over 800 lines) because asking, answering and taking
//! back share the loading and the refusal of a request that is not the
//! member's; split, each part would need that rule again.

use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Redirect};
use axum::Extension;
use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::ledger::{
    AccountId, AccountKind, Amount, Description, LedgerError, Reason, RuleError, WorkKind,
};
use crate::ops::requests::{self as ops_requests, NewRequest};
use crate::store::requests::{ErasedBy, RequestFilter, RequestState, RequestView};
use crate::store::{Store, StoreError};

use super::super::error::{payment_refused, KioskError, KioskResult, Problem};
use super::super::pages;
use super::super::server::{AppState, Visit};
use super::super::session::{random_token, AskDraft, Done, Notice, Receipt};
use super::super::view::{
    AskConfirmView, AskDetailsView, AskReady, AskSentView, Asked, AskedState, DeclineReason,
    Person, PickView, Reply, ReplyView, Waiting,
};
use super::home::load_me;
use super::login::{check_pin_in, locked_problem, pin_settings, PinCheck};
use super::pay::{choose_view, parse_hours_for, text_problem};
use super::{member, name_of, now, query_fields, Fields, Member};

/// How long a declined or expired request stays on its helper's home:
/// long enough to be seen at the next visit of a member who comes once
/// a month.
pub const NEWS_DAYS: i64 = 35;

/// The hours the picker starts at.
const ASK_START_MINOR: i64 = 100;

// Home's part.

/// The requests waiting on `me`, and `me`'s own requests still pending
/// or settled lately without a payment (declined or expired).
pub fn for_home(
    store: &Store,
    me: &AccountId,
    now: DateTime<Utc>,
) -> KioskResult<(Vec<Waiting>, Vec<Asked>)> {
    let filter = RequestFilter {
        account: Some(me.clone()),
        ..RequestFilter::all(now)
    };
    let views = store.requests(&filter)?;
    let mut waiting = Vec::new();
    let mut asked = Vec::new();
    let since = now - Duration::days(NEWS_DAYS);
    // Newest first on the screen.
    for view in views.iter().rev() {
        let other = |id: &AccountId| name_of(store.account(id).ok().flatten().as_ref(), id);
        if &view.payer == me && view.is_pending() {
            waiting.push(waiting_of(view, other(&view.payee)));
        } else if &view.payee == me {
            let state = match (view.state, view.erased_by) {
                (RequestState::Pending, _) => Some(AskedState::Pending),
                (RequestState::Erased, Some(ErasedBy::Declined)) => {
                    let recent = view.settled.as_ref().is_some_and(|s| s.at >= since);
                    let reason = view.settled.as_ref().and_then(|s| s.reason.clone());
                    recent.then(|| {
                        AskedState::Declined(DeclineReason::from_recorded(
                            reason.as_deref().unwrap_or(""),
                        ))
                    })
                }
                (RequestState::Erased, Some(ErasedBy::Expired)) => {
                    (view.expires_at >= since).then_some(AskedState::Expired)
                }
                _ => None,
            };
            if let Some(state) = state {
                asked.push(Asked {
                    seq: view.seq,
                    payer: other(&view.payer),
                    amount_minor: view.amount.minor(),
                    date: Some(view.date),
                    work: view.work,
                    what: view.description.clone(),
                    state,
                });
            }
        }
    }
    Ok((waiting, asked))
}

fn waiting_of(view: &RequestView, other: String) -> Waiting {
    Waiting {
        seq: view.seq,
        helper: other,
        amount_minor: view.amount.minor(),
        date: Some(view.date),
        work: view.work,
        what: view.description.clone(),
    }
}

// Yes, no, take back.

/// The request `seq` if `member` may give this reply to it now: a
/// pending request they pay (yes, no) or they made (take back). Any
/// other number, a request of others included, is "not found".
fn answerable(
    store: &Store,
    member: &AccountId,
    seq: i64,
    reply: Reply,
    now: DateTime<Utc>,
) -> KioskResult<RequestView> {
    let view = store
        .request(seq, now)?
        .ok_or_else(|| KioskError::bad("request-not-found", "/home"))?;
    let mine = match reply {
        Reply::Confirm | Reply::Decline => &view.payer == member,
        Reply::Withdraw => &view.payee == member,
    };
    if !mine {
        return Err(KioskError::bad("request-not-found", "/home"));
    }
    if !view.is_pending() {
        return Err(settled_problem(&view));
    }
    Ok(view)
}

/// What to say about a request that is no longer waiting.
fn settled_problem(view: &RequestView) -> KioskError {
    let message = match (view.state, view.erased_by) {
        (RequestState::Completed, _) => "request-already-confirmed",
        (_, Some(ErasedBy::Expired)) => "request-too-late",
        (_, Some(ErasedBy::Withdrawn)) => "request-already-withdrawn",
        _ => "request-already-declined",
    };
    Problem::new(StatusCode::CONFLICT, message, "/home").into()
}

fn parse_reply(action: &str) -> Option<Reply> {
    match action {
        "yes" => Some(Reply::Confirm),
        "no" => Some(Reply::Decline),
        "withdraw" => Some(Reply::Withdraw),
        _ => None,
    }
}

fn parse_seq(text: &str) -> KioskResult<i64> {
    text.parse::<i64>()
        .ok()
        .filter(|seq| *seq > 0)
        .ok_or_else(|| KioskError::bad("request-not-found", "/home"))
}

/// GET /requests/{seq}/{yes|no|withdraw}: the request and the PIN.
pub async fn reply_page(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
    Path((seq, action)): Path<(String, String)>,
) -> KioskResult {
    let member = member(&visit)?;
    let seq = parse_seq(&seq)?;
    let reply = parse_reply(&action).ok_or_else(|| KioskError::bad("error-not-found", "/home"))?;
    let notice = app
        .sessions
        .update(&visit.sid, |s| s.notice.take())
        .flatten();
    let view = app
        .pool
        .run(move |store| {
            let now = now();
            let view = answerable(store, &member.account, seq, reply, now)?;
            let other = if reply == Reply::Withdraw {
                &view.payer
            } else {
                &view.payee
            };
            let other = name_of(store.account(other)?.as_ref(), other);
            Ok(ReplyView {
                me: load_me(store, &member.account)?,
                reply,
                request: waiting_of(&view, other),
                notice,
            })
        })
        .await?;
    Ok(pages::requests::reply(&app, &visit, &view))
}

/// What an answer came to.
enum Answered {
    Recorded(i64),
    Pin(PinCheck),
}

/// POST /requests/{seq}/{yes|no|withdraw}, with the PIN (and for no, the
/// reason). Yes is the payment: its receipt is the payment's receipt.
pub async fn reply_submit(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
    Path((seq_text, action)): Path<(String, String)>,
    fields: Fields,
) -> KioskResult {
    let member = member(&visit)?;
    let seq = parse_seq(&seq_text)?;
    let reply = parse_reply(&action).ok_or_else(|| KioskError::bad("error-not-found", "/home"))?;
    let page = format!("/requests/{seq}/{action}");
    let reason = match reply {
        Reply::Decline => Some(decline_reason(&fields)?),
        _ => None,
    };
    let Ok(pin) = crate::signing::Pin::parse(fields.text("pin")) else {
        app.sessions
            .update(&visit.sid, |s| s.notice = Some(Notice::PinFormat));
        return Ok(Redirect::to(&page).into_response());
    };
    let _permit = app.kdf.acquire().await.map_err(KioskError::internal)?;
    let (attempts_max, lock) = pin_settings(&app);
    let outcome = app
        .pool
        .run(move |store| {
            let now = now();
            // Checked before the PIN: a request not this member's costs
            // no key derivation and tells nothing.
            answerable(store, &member.account, seq, reply, now)?;
            match check_pin_in(store, &member.card, &pin, attempts_max, lock)? {
                PinCheck::Right(signer) => {
                    record_reply(store, &signer, &member, seq, reply, reason.as_ref(), now)
                        .map(Answered::Recorded)
                }
                other => Ok(Answered::Pin(other)),
            }
        })
        .await?;
    match outcome {
        Answered::Recorded(recorded) => {
            app.sessions.update(&visit.sid, |s| match reply {
                Reply::Confirm => {
                    s.receipt = Some(Receipt {
                        seq: recorded,
                        form_token: String::new(),
                    })
                }
                Reply::Decline => s.notice = Some(Notice::RequestDeclined),
                Reply::Withdraw => s.notice = Some(Notice::RequestWithdrawn),
            });
            let to = if reply == Reply::Confirm {
                "/pay/receipt"
            } else {
                "/home"
            };
            Ok(Redirect::to(to).into_response())
        }
        Answered::Pin(PinCheck::Wrong { tries_left }) => {
            app.sessions.update(&visit.sid, |s| {
                s.notice = Some(Notice::WrongPin { tries_left })
            });
            Ok(Redirect::to(&page).into_response())
        }
        Answered::Pin(PinCheck::Locked { until }) => {
            app.sessions.end(&visit.sid);
            Err(locked_problem(&app, until))
        }
        Answered::Pin(PinCheck::Right(_)) => {
            Err(KioskError::internal("a right PIN was not recorded"))
        }
    }
}

/// The reason of a no: one of the list, or typed text (required then).
fn decline_reason(fields: &Fields) -> KioskResult<crate::ledger::DeclineReason> {
    use crate::ledger::DeclineReason as Signed;
    let back = "/home";
    match fields.text("reason") {
        "not-me" => Ok(Signed::NotMe),
        "wrong-hours" => Ok(Signed::WrongHours),
        "not-done" => Ok(Signed::NotDone),
        "other" => {
            let typed = fields.text("reason_text");
            if typed.is_empty() {
                return Err(KioskError::bad("decline-bad-reason", back));
            }
            let reason = Reason::parse(typed).map_err(|err| text_problem(err, back))?;
            Ok(Signed::from_reason(reason))
        }
        _ => Err(KioskError::bad("decline-bad-reason", back)),
    }
}

fn record_reply(
    store: &mut Store,
    signer: &crate::signing::KeyHolder,
    member: &Member,
    seq: i64,
    reply: Reply,
    reason: Option<&crate::ledger::DeclineReason>,
    now: DateTime<Utc>,
) -> KioskResult<i64> {
    let recorded = match (reply, reason) {
        (Reply::Confirm, _) => {
            // The request's number makes the one-time token: a yes sent
            // twice pays once, and the second gets the first's receipt.
            let token = format!("kiosk-confirm-request-{seq}");
            ops_requests::confirm_request_claiming(store, signer, seq, now, &token)
        }
        (Reply::Decline, Some(reason)) => {
            ops_requests::decline_request(store, signer, seq, reason, None, now)
        }
        (Reply::Decline, None) => return Err(KioskError::bad("decline-bad-reason", "/home")),
        (Reply::Withdraw, _) => ops_requests::withdraw_request(store, signer, seq, None, now),
    };
    recorded.map_err(|err| reply_refused(store, err, &member.account, seq, now))
}

/// A refused answer in the member's words: the request's own rules
/// first (settled meanwhile, expired, not theirs), then the payment's
/// (a limit), which name the other member without their figures.
fn reply_refused(
    store: &Store,
    err: StoreError,
    me: &AccountId,
    seq: i64,
    now: DateTime<Utc>,
) -> KioskError {
    let home =
        |message| -> KioskError { Problem::new(StatusCode::CONFLICT, message, "/home").into() };
    if let StoreError::Ledger(LedgerError::Rule(rule)) = &err {
        match rule {
            RuleError::RequestSettled { .. } => {
                return match store.request(seq, now) {
                    Ok(Some(view)) => settled_problem(&view),
                    _ => home("request-already-declined"),
                }
            }
            RuleError::RequestExpired { .. } => return home("request-too-late"),
            // The member's own floor: their own figures, and that the
            // request keeps waiting (the hours are the helper's to change).
            RuleError::BelowFloor {
                account,
                would_be,
                floor,
            } if account == me => {
                return Problem::new(StatusCode::CONFLICT, "request-refused-floor", "/home")
                    .arg("would", super::super::error::Arg::Amount(would_be.minor()))
                    .arg("floor", super::super::error::Arg::Amount(floor.minor()))
                    .into()
            }
            RuleError::UnknownRequest(_) | RuleError::RequestNotYours { .. } => {
                return KioskError::bad("request-not-found", "/home")
            }
            _ => {}
        }
    }
    let name_of = |id: &AccountId| name_of(store.account(id).ok().flatten().as_ref(), id);
    match payment_refused(err, me, &name_of) {
        KioskError::Problem(mut problem) => {
            problem.back = "/home";
            problem.into()
        }
        other => other,
    }
}

// "Someone I helped pays me".

/// The person screen: whom did you help? An initiative may choose
/// several (a workshop); a member chooses one.
pub async fn pick(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
    uri: Uri,
) -> KioskResult {
    let member = member(&visit)?;
    let fields = query_fields(uri.query());
    let query = fields.text("q").to_string();
    let initial = fields.text("initial").to_string();
    let chosen_ids = visit
        .session
        .ask
        .as_ref()
        .map(|a| a.payers.clone())
        .unwrap_or_default();
    let view = app
        .pool
        .run(move |store| {
            let several = store
                .account(&member.account)?
                .is_some_and(|a| a.kind == AccountKind::Initiative);
            let choose = choose_view(store, &member.account, &query, &initial)?;
            let chosen = chosen_ids
                .iter()
                .filter_map(|id| {
                    let row = store.account(id).ok().flatten()?;
                    Some(Person {
                        name: name_of(Some(&row), id),
                        id: id.clone(),
                    })
                })
                .collect();
            Ok(PickView {
                flow: super::super::view::Flow::Ask,
                choose,
                several,
                chosen,
                fund: None,
            })
        })
        .await?;
    app.sessions.update(&visit.sid, |s| {
        s.ask.get_or_insert_with(AskDraft::default);
    });
    Ok(pages::pay::pick(&app, &visit, &view))
}

/// A person touched on the person screen (or "I helped with this" on the
/// board): a member's one payer, or one more (or one less) of an
/// initiative's workshop.
pub async fn person_submit(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
    fields: Fields,
) -> KioskResult {
    let member = member(&visit)?;
    let payer = AccountId::parse(fields.text("payer"))
        .map_err(|_| KioskError::bad("pay-bad-person", "/ask"))?;
    // "I helped with this" on the board names the need it answers.
    let offer: Option<i64> = match fields.text("offer") {
        "" => None,
        text => Some(
            text.parse()
                .map_err(|_| KioskError::bad("offers-bad-id", "/offers"))?,
        ),
    };
    let me = member.account.clone();
    let checked = payer.clone();
    let (several, need) = app
        .pool
        .run(move |store| {
            let allowed = store
                .account(&checked)?
                .is_some_and(|account| super::pay::is_payable(&account, &me));
            if !allowed {
                return Err(KioskError::bad("pay-bad-person", "/ask"));
            }
            let need = match offer {
                None => None,
                Some(id) => Some(
                    store
                        .open_offers(None)?
                        .into_iter()
                        .find(|o| o.id == id && o.account == checked)
                        .map(|o| (o.work, o.what))
                        .ok_or_else(|| KioskError::bad("offers-bad-id", "/offers"))?,
                ),
            };
            let several = store
                .account(&me)?
                .is_some_and(|a| a.kind == AccountKind::Initiative);
            Ok((several, need))
        })
        .await?;
    if let Some((work, what)) = need {
        app.sessions.update(&visit.sid, |s| {
            s.ask = Some(AskDraft {
                payers: vec![payer],
                work: Some(work),
                what,
                ..AskDraft::default()
            });
        });
        return Ok(Redirect::to("/ask/details").into_response());
    }
    app.sessions.update(&visit.sid, |s| {
        let draft = s.ask.get_or_insert_with(AskDraft::default);
        if several {
            if let Some(at) = draft.payers.iter().position(|p| p == &payer) {
                draft.payers.remove(at);
            } else if draft.payers.len() < ASK_PAYERS_MAX {
                draft.payers.push(payer);
            }
        } else {
            draft.payers = vec![payer];
        }
    });
    Ok(Redirect::to(if several { "/ask" } else { "/ask/details" }).into_response())
}

/// The most people one workshop request asks at once at the kiosk.
const ASK_PAYERS_MAX: usize = 30;

async fn load_people(app: &AppState, ids: Vec<AccountId>) -> KioskResult<Vec<Person>> {
    app.pool
        .run(move |store| {
            ids.into_iter()
                .map(|id| {
                    let row = store
                        .account(&id)?
                        .ok_or_else(|| KioskError::bad("pay-bad-person", "/ask"))?;
                    Ok(Person {
                        name: name_of(Some(&row), &id),
                        id,
                    })
                })
                .collect()
        })
        .await
}

pub async fn details_page(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
) -> KioskResult {
    member(&visit)?;
    let draft = visit.session.ask.clone().unwrap_or_default();
    if draft.payers.is_empty() {
        return Err(KioskError::Redirect("/ask"));
    }
    let view = AskDetailsView {
        payers: load_people(&app, draft.payers.clone()).await?,
        amount_minor: draft.amount_minor.unwrap_or(ASK_START_MINOR),
        work: draft.work,
        what: draft.what,
    };
    Ok(pages::requests::ask_details(&app, &visit, &view))
}

pub async fn details_submit(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
    fields: Fields,
) -> KioskResult {
    member(&visit)?;
    if visit
        .session
        .ask
        .as_ref()
        .is_none_or(|d| d.payers.is_empty())
    {
        return Err(KioskError::Redirect("/ask"));
    }
    let amount_minor = parse_hours_for(fields.text("amount_minor"), "/ask/details")?;
    let work: WorkKind = fields
        .text("work")
        .parse()
        .map_err(|_| KioskError::bad("pay-bad-work", "/ask/details"))?;
    let what = fields.text("what").to_string();
    if what.is_empty() {
        return Err(KioskError::bad("ask-bad-what", "/ask/details"));
    }
    Description::parse(&what).map_err(|err| text_problem(err, "/ask/details"))?;
    app.sessions.update(&visit.sid, |s| {
        let draft = s.ask.get_or_insert_with(AskDraft::default);
        draft.amount_minor = Some(amount_minor);
        draft.work = Some(work);
        draft.what = what;
        draft.form_token = random_token();
    });
    Ok(Redirect::to("/ask/confirm").into_response())
}

fn ready(draft: Option<&AskDraft>) -> Option<AskReady> {
    let draft = draft?;
    Some(AskReady {
        payers: Some(draft.payers.clone()).filter(|p| !p.is_empty())?,
        amount_minor: draft.amount_minor?,
        work: draft.work?,
        what: Some(draft.what.clone()).filter(|w| !w.is_empty())?,
        form_token: Some(draft.form_token.clone()).filter(|t| !t.is_empty())?,
    })
}

pub async fn confirm_page(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
) -> KioskResult {
    let member = member(&visit)?;
    let draft = ready(visit.session.ask.as_ref()).ok_or(KioskError::Redirect("/ask"))?;
    let notice = app
        .sessions
        .update(&visit.sid, |s| s.notice.take())
        .flatten();
    let payers = load_people(&app, draft.payers.clone()).await?;
    let what = draft.what.clone();
    let (me, named) = app
        .pool
        .run(move |store| {
            let named = !crate::privacy::name_warnings(store, &[&what])?.is_empty();
            Ok((load_me(store, &member.account)?, named))
        })
        .await?;
    Ok(pages::requests::ask_confirm(
        &app,
        &visit,
        &AskConfirmView {
            me,
            payers,
            draft,
            notice,
            what_names_member: named,
        },
    ))
}

pub async fn confirm_submit(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
    fields: Fields,
) -> KioskResult {
    let member = member(&visit)?;
    let posted = fields.text("once").to_string();
    if visit
        .session
        .asked
        .as_ref()
        .is_some_and(|d| d.form_token == posted)
    {
        return Ok(Redirect::to("/ask/sent").into_response());
    }
    let draft = match ready(visit.session.ask.as_ref()) {
        Some(draft) if draft.form_token == posted => draft,
        _ => {
            return Err(
                super::stale_form(&app, posted, "ask-form-used", "ask-form-stale", "/ask").await,
            )
        }
    };
    let Ok(pin) = crate::signing::Pin::parse(fields.text("pin")) else {
        app.sessions
            .update(&visit.sid, |s| s.notice = Some(Notice::PinFormat));
        return Ok(Redirect::to("/ask/confirm").into_response());
    };
    let _permit = app.kdf.acquire().await.map_err(KioskError::internal)?;
    let (attempts_max, lock) = pin_settings(&app);
    let token = draft.form_token.clone();
    let outcome = app
        .pool
        .run(move |store| {
            match check_pin_in(store, &member.card, &pin, attempts_max, lock)? {
                PinCheck::Right(signer) => {
                    let now = now();
                    let request = NewRequest {
                        payers: draft
                            .payers
                            .iter()
                            .map(|p| (p.clone(), Amount::from_minor(draft.amount_minor)))
                            .collect(),
                        payee: member.account.clone(),
                        date: today(store, now),
                        work: draft.work,
                        skill: None,
                        description: Description::parse(&draft.what)
                            .map_err(|err| text_problem(err, "/ask/details"))?,
                        slip: None,
                    };
                    let made = ops_requests::make_requests_claiming(
                        store,
                        &signer,
                        request,
                        now,
                        &draft.form_token,
                    )
                    .map_err(|err| {
                        let name_of =
                            |id: &AccountId| name_of(store.account(id).ok().flatten().as_ref(), id);
                        ask_refused(err, &member.account, &name_of)
                    })?;
                    // Only the payers' floors: the helper is told that
                    // one of them cannot pay now, never their figures.
                    let warned = made
                        .warnings
                        .iter()
                        .filter(|w| w.side == ops_requests::LimitSide::Floor)
                        .filter(|w| w.account != member.account)
                        .map(|w| w.account.clone())
                        .collect();
                    // The helper's own ceiling: their own figures.
                    let own_ceiling = made
                        .warnings
                        .iter()
                        .find(|w| {
                            w.side == ops_requests::LimitSide::Ceiling
                                && w.account == member.account
                        })
                        .map(|w| (w.would_be.minor(), w.limit.minor()));
                    Ok(Ok((made.seqs, warned, own_ceiling)))
                }
                other => Ok(Err(other)),
            }
        })
        .await?;
    match outcome {
        Ok((seqs, warned, own_ceiling)) => {
            app.sessions.update(&visit.sid, |s| {
                s.ask = None;
                s.asked = Some(Done {
                    seqs,
                    form_token: token,
                    warned,
                    own_ceiling,
                });
            });
            Ok(Redirect::to("/ask/sent").into_response())
        }
        Err(PinCheck::Wrong { tries_left }) => {
            app.sessions.update(&visit.sid, |s| {
                s.notice = Some(Notice::WrongPin { tries_left })
            });
            Ok(Redirect::to("/ask/confirm").into_response())
        }
        Err(PinCheck::Locked { until }) => {
            app.sessions.end(&visit.sid);
            Err(locked_problem(&app, until))
        }
        Err(PinCheck::Right(_)) => Err(KioskError::internal("a right PIN was not recorded")),
    }
}

fn today(store: &Store, now: DateTime<Utc>) -> NaiveDate {
    crate::ops::today(store.settings(), now)
}

/// A request the ledger refused: asking oneself, a closed account, a
/// bad text; back to the person screen.
fn ask_refused(
    err: StoreError,
    me: &AccountId,
    name_of: &dyn Fn(&AccountId) -> String,
) -> KioskError {
    if let StoreError::Ledger(LedgerError::Rule(RuleError::RequestToSelf(_))) = err {
        return KioskError::bad("pay-refused-self", "/ask");
    }
    match payment_refused(err, me, name_of) {
        KioskError::Problem(mut problem) => {
            problem.back = "/ask";
            problem.into()
        }
        other => other,
    }
}

/// After a request was made: whom it waits on. Only the member's own
/// requests are shown (the seqs come from their session).
pub async fn sent(State(app): State<AppState>, Extension(visit): Extension<Visit>) -> KioskResult {
    let member = member(&visit)?;
    let (seqs, warned, own_ceiling) = visit
        .session
        .asked
        .as_ref()
        .map(|d| (d.seqs.clone(), d.warned.clone(), d.own_ceiling))
        .ok_or(KioskError::Redirect("/home"))?;
    let view = app
        .pool
        .run(move |store| {
            let now = now();
            let mut payers = Vec::new();
            let mut first: Option<RequestView> = None;
            for seq in seqs {
                let Some(view) = store.request(seq, now)? else {
                    continue;
                };
                if view.payee != member.account {
                    return Err(KioskError::Redirect("/home"));
                }
                payers.push(name_of(store.account(&view.payer)?.as_ref(), &view.payer));
                first.get_or_insert(view);
            }
            let first = first.ok_or(KioskError::Redirect("/home"))?;
            let warned = warned
                .iter()
                .map(|id| Ok(name_of(store.account(id)?.as_ref(), id)))
                .collect::<KioskResult<Vec<String>>>()?;
            Ok(AskSentView {
                me: load_me(store, &member.account)?,
                payers,
                warned,
                own_ceiling,
                amount_minor: first.amount.minor(),
                work: first.work,
            })
        })
        .await?;
    Ok(pages::requests::ask_sent(&app, &visit, &view))
}
