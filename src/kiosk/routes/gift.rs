//! Giving hours (issue 13): to a member or to the community fund, with a
//! reason, signed with the PIN. The same steps as a payment (whom, how
//! many hours and why, the summary and the PIN, done), with the gift's
//! own entry: no kind of work, never counted as help given.

use axum::extract::State;
use axum::http::Uri;
use axum::response::{IntoResponse, Redirect};
use axum::Extension;

use crate::ledger::{AccountId, AccountStatus, Amount, Description};
use crate::ops::{self, fund::GiftRequest};
use crate::store::{Store, StoreError};

use super::super::error::{payment_refused, KioskError, KioskResult};
use super::super::pages;
use super::super::server::{AppState, Visit};
use super::super::session::{random_token, Done, GiftDraft, Notice};
use super::super::view::{
    Flow, GiftConfirmView, GiftDetailsView, GiftDoneView, GiftReady, GiftTo, Person, PickView,
};
use super::home::load_me;
use super::login::{check_pin_in, locked_problem, pin_settings, PinCheck};
use super::pay::{choose_view, is_payable, parse_hours_for, text_problem};
use super::{member, name_of, now, query_fields, Fields, Member};

/// The hours the picker starts at.
const GIFT_START_MINOR: i64 = 100;

/// The community fund's account, when the ledger names one and it is
/// open.
fn fund(store: &Store) -> KioskResult<Option<Person>> {
    let Some(id) = store.policy()?.fund_account() else {
        return Ok(None);
    };
    let open = store
        .account(&id)?
        .is_some_and(|a| a.status == AccountStatus::Open);
    Ok(open.then(|| Person {
        name: String::new(),
        id,
    }))
}

pub async fn pick(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
    uri: Uri,
) -> KioskResult {
    let member = member(&visit)?;
    let fields = query_fields(uri.query());
    let query = fields.text("q").to_string();
    let initial = fields.text("initial").to_string();
    let view = app
        .pool
        .run(move |store| {
            Ok(PickView {
                flow: Flow::Gift,
                choose: choose_view(store, &member.account, &query, &initial)?,
                several: false,
                chosen: Vec::new(),
                fund: fund(store)?,
            })
        })
        .await?;
    app.sessions.update(&visit.sid, |s| {
        s.gift.get_or_insert_with(GiftDraft::default);
    });
    Ok(pages::pay::pick(&app, &visit, &view))
}

/// Whom the gift goes to: a member anyone may pay, or the fund.
pub async fn person_submit(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
    fields: Fields,
) -> KioskResult {
    let member = member(&visit)?;
    let to = AccountId::parse(fields.text("to"))
        .map_err(|_| KioskError::bad("pay-bad-person", "/gift"))?;
    let me = member.account.clone();
    let to = app
        .pool
        .run(move |store| {
            if fund(store)?.is_some_and(|f| f.id == to) && to != me {
                return Ok(GiftTo::Fund(to));
            }
            let allowed = store
                .account(&to)?
                .is_some_and(|account| is_payable(&account, &me));
            if allowed {
                Ok(GiftTo::Member(to))
            } else {
                Err(KioskError::bad("pay-bad-person", "/gift"))
            }
        })
        .await?;
    app.sessions.update(&visit.sid, |s| {
        s.gift.get_or_insert_with(GiftDraft::default).to = Some(to);
    });
    Ok(Redirect::to("/gift/details").into_response())
}

/// The one the gift goes to, as the screens show them: a member by
/// name, the fund by its words in the member's language.
async fn recipient(app: &AppState, visit: &Visit, to: &GiftTo) -> KioskResult<Person> {
    let id = to.account().clone();
    if let GiftTo::Fund(_) = to {
        return Ok(Person {
            name: visit.messages(app).t("gift-fund"),
            id,
        });
    }
    app.pool
        .run(move |store| {
            let row = store
                .account(&id)?
                .ok_or_else(|| KioskError::bad("pay-bad-person", "/gift"))?;
            Ok(Person {
                name: name_of(Some(&row), &id),
                id,
            })
        })
        .await
}

pub async fn details_page(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
) -> KioskResult {
    member(&visit)?;
    let draft = visit.session.gift.clone().unwrap_or_default();
    let to = draft.to.clone().ok_or(KioskError::Redirect("/gift"))?;
    let view = GiftDetailsView {
        to_fund: matches!(to, GiftTo::Fund(_)),
        to: recipient(&app, &visit, &to).await?,
        amount_minor: draft.amount_minor.unwrap_or(GIFT_START_MINOR),
        why: draft.why,
    };
    Ok(pages::gift::details(&app, &visit, &view))
}

pub async fn details_submit(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
    fields: Fields,
) -> KioskResult {
    member(&visit)?;
    if visit
        .session
        .gift
        .as_ref()
        .and_then(|g| g.to.as_ref())
        .is_none()
    {
        return Err(KioskError::Redirect("/gift"));
    }
    let amount_minor = parse_hours_for(fields.text("amount_minor"), "/gift/details")?;
    let why = fields.text("why").to_string();
    if why.is_empty() {
        return Err(KioskError::bad("gift-bad-why", "/gift/details"));
    }
    Description::parse(&why).map_err(|err| text_problem(err, "/gift/details"))?;
    app.sessions.update(&visit.sid, |s| {
        let draft = s.gift.get_or_insert_with(GiftDraft::default);
        draft.amount_minor = Some(amount_minor);
        draft.why = why;
        draft.form_token = random_token();
    });
    Ok(Redirect::to("/gift/confirm").into_response())
}

fn ready(draft: Option<&GiftDraft>) -> Option<GiftReady> {
    let draft = draft?;
    Some(GiftReady {
        to: draft.to.clone()?,
        amount_minor: draft.amount_minor?,
        why: Some(draft.why.clone()).filter(|w| !w.is_empty())?,
        form_token: Some(draft.form_token.clone()).filter(|t| !t.is_empty())?,
    })
}

pub async fn confirm_page(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
) -> KioskResult {
    let member = member(&visit)?;
    let draft = ready(visit.session.gift.as_ref()).ok_or(KioskError::Redirect("/gift"))?;
    let notice = app
        .sessions
        .update(&visit.sid, |s| s.notice.take())
        .flatten();
    let to = recipient(&app, &visit, &draft.to).await?;
    let why = draft.why.clone();
    let (me, named) = app
        .pool
        .run(move |store| {
            let named = !crate::privacy::name_warnings(store, &[&why])?.is_empty();
            Ok((load_me(store, &member.account)?, named))
        })
        .await?;
    Ok(pages::gift::confirm(
        &app,
        &visit,
        &GiftConfirmView {
            me,
            to_fund: matches!(draft.to, GiftTo::Fund(_)),
            to,
            draft,
            notice,
            why_names_member: named,
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
        .gifted
        .as_ref()
        .is_some_and(|d| d.form_token == posted)
    {
        return Ok(Redirect::to("/gift/done").into_response());
    }
    let draft = match ready(visit.session.gift.as_ref()) {
        Some(draft) if draft.form_token == posted => draft,
        _ => {
            return Err(super::stale_form(
                &app,
                posted,
                "gift-form-used",
                "gift-form-stale",
                "/gift",
            )
            .await)
        }
    };
    let Ok(pin) = crate::signing::Pin::parse(fields.text("pin")) else {
        app.sessions
            .update(&visit.sid, |s| s.notice = Some(Notice::PinFormat));
        return Ok(Redirect::to("/gift/confirm").into_response());
    };
    let _permit = app.kdf.acquire().await.map_err(KioskError::internal)?;
    let (attempts_max, lock) = pin_settings(&app);
    let token = draft.form_token.clone();
    let outcome = app
        .pool
        .run(
            move |store| match check_pin_in(store, &member.card, &pin, attempts_max, lock)? {
                PinCheck::Right(signer) => record(store, &signer, &member, &draft).map(Ok),
                other => Ok(Err(other)),
            },
        )
        .await?;
    match outcome {
        Ok(seq) => {
            app.sessions.update(&visit.sid, |s| {
                s.gift = None;
                s.gifted = Some(Done {
                    seqs: vec![seq],
                    form_token: token,
                    warned: Vec::new(),
                    own_ceiling: None,
                });
            });
            Ok(Redirect::to("/gift/done").into_response())
        }
        Err(PinCheck::Wrong { tries_left }) => {
            app.sessions.update(&visit.sid, |s| {
                s.notice = Some(Notice::WrongPin { tries_left })
            });
            Ok(Redirect::to("/gift/confirm").into_response())
        }
        Err(PinCheck::Locked { until }) => {
            app.sessions.end(&visit.sid);
            Err(locked_problem(&app, until))
        }
        Err(PinCheck::Right(_)) => Err(KioskError::internal("a right PIN was not recorded")),
    }
}

/// Signs and records the gift, claiming the form token in the same
/// write; a refusal names the other member without their figures.
fn record(
    store: &mut Store,
    signer: &crate::signing::KeyHolder,
    member: &Member,
    draft: &GiftReady,
) -> KioskResult<i64> {
    let now = now();
    let why = Description::parse(&draft.why).map_err(|err| text_problem(err, "/gift/details"))?;
    let request = GiftRequest {
        from: member.account.clone(),
        to: match &draft.to {
            GiftTo::Member(id) => Some(id.clone()),
            // The fund as the ledger names it at the moment of writing.
            GiftTo::Fund(_) => None,
        },
        amount: Amount::from_minor(draft.amount_minor),
        why,
        slip: None,
    };
    ops::fund::gift_claiming(store, signer, request, now, &draft.form_token)
        .map(|recorded| recorded.seq)
        .map_err(|err| refused(store, err, &member.account))
}

fn refused(store: &Store, err: StoreError, me: &AccountId) -> KioskError {
    let name_of = |id: &AccountId| name_of(store.account(id).ok().flatten().as_ref(), id);
    match payment_refused(err, me, &name_of) {
        KioskError::Problem(mut problem) => {
            problem.back = "/gift/details";
            problem.into()
        }
        other => other,
    }
}

/// After a gift: to whom, how much, and the new balance. Only the
/// member's own gift is shown (the seq comes from their session).
pub async fn done(State(app): State<AppState>, Extension(visit): Extension<Visit>) -> KioskResult {
    let member = member(&visit)?;
    let seq = visit
        .session
        .gifted
        .as_ref()
        .and_then(|d| d.seqs.first().copied())
        .ok_or(KioskError::Redirect("/home"))?;
    let fund_words = visit.messages(&app).t("gift-fund");
    let view = app
        .pool
        .run(move |store| {
            let tx = store
                .transaction(seq)?
                .ok_or_else(|| KioskError::internal(format!("gift #{seq} not found")))?;
            let mine = tx
                .postings
                .iter()
                .any(|p| p.account == member.account && p.amount.is_negative());
            let to = tx.postings.iter().find(|p| !p.amount.is_negative());
            let (true, Some(to)) = (mine, to) else {
                return Err(KioskError::Redirect("/home"));
            };
            let to_fund = fund(store)?.is_some_and(|f| f.id == to.account);
            Ok(GiftDoneView {
                me: load_me(store, &member.account)?,
                soft: super::home::limits_view(store, &member.account, now())?.soft,
                to_fund,
                to: if to_fund {
                    fund_words
                } else {
                    to.display_name
                        .clone()
                        .unwrap_or_else(|| to.account.to_string())
                },
                amount_minor: to.amount.minor(),
                seq,
            })
        })
        .await?;
    Ok(pages::gift::done(&app, &visit, &view))
}
