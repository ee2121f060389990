//! "I received help": choose the person, the hours and the kind of work,
//! check the summary, confirm with the PIN, see the receipt.
//!
//! The payment being prepared lives in the server-side session; the
//! confirm form carries only the PIN, the CSRF token and a one-time form
//! token. Whatever else a forged form sends is ignored, so the amount and
//! the person recorded are the ones the member saw on the summary.

use axum::extract::State;
use axum::http::Uri;
use axum::response::{IntoResponse, Redirect};
use axum::Extension;

use crate::ledger::{
    AccountId, AccountKind, AccountStatus, Description, FieldError, PaymentDetails, WorkKind,
};
use crate::ops;
use crate::signing::{CardCode, Pin};
use crate::store::Store;

use super::super::error::{Arg, KioskError, KioskResult, Problem};
use super::super::pages;
use super::super::server::{AppState, Visit};
use super::super::session::{random_token, Notice, PayDraft, Receipt};
use super::super::view::{
    ChooseView, ConfirmView, DetailsView, Person, ReadyDraft, ReceiptView, PAY_MAX_MINOR,
    STEP_MINOR,
};
use super::home::load_me;
use super::login::{check_pin_in, locked_problem, pin_settings, PinCheck};
use super::{member, name_of, now, query_fields, Fields, Member};

/// The hours the picker starts at.
const PAY_START_MINOR: i64 = 100;
/// How many recent counterparts the person screen offers.
const RECENT_MAX: usize = 6;
/// How many of the member's last exchanges the recent list looks at.
const RECENT_LOOKBACK: usize = 50;
const SEARCH_CHARS_MAX: usize = 50;

pub async fn choose_person(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
    uri: Uri,
) -> KioskResult {
    let member = member(&visit)?;
    let fields = query_fields(uri.query());
    let query: String = fields.text("q").chars().take(SEARCH_CHARS_MAX).collect();
    let initial: String = fields.text("initial").chars().take(1).collect();
    let view = app
        .pool
        .run(move |store| choose_view(store, &member.account, &query, &initial))
        .await?;
    app.sessions.update(&visit.sid, |s| {
        s.draft.get_or_insert_with(PayDraft::default);
    });
    Ok(pages::pay::choose(&app, &visit, &view))
}

/// The person screen's lists for `me` (paying, asking, giving): who
/// matches the search or the letter touched, the recent counterparts,
/// and the row of first letters.
pub fn choose_view(
    store: &Store,
    me: &AccountId,
    query: &str,
    initial: &str,
) -> KioskResult<ChooseView> {
    let query: String = query.chars().take(SEARCH_CHARS_MAX).collect();
    let initial: String = initial.chars().take(1).collect();
    let people = payable(store, me)?;
    let recent = recent_counterparts(store, me, &people)?;
    let initials = initials(&people);
    let people = people
        .into_iter()
        .filter(|p| matches(p, &query, &initial))
        .collect();
    Ok(ChooseView {
        query,
        initial,
        initials,
        recent,
        people,
    })
}

/// Whether a person matches the search: a part of the name or the exact
/// member number, and the first letter of the name when one was touched.
fn matches(person: &Person, query: &str, initial: &str) -> bool {
    let name = person.name.to_lowercase();
    let by_query = query.is_empty()
        || name.contains(&query.to_lowercase())
        || person.id.as_str().eq_ignore_ascii_case(query);
    let by_initial = initial.is_empty()
        || initial_of(&person.name) == initial.chars().next().map(fold_lookalike);
    by_query && by_initial
}

/// A name's first letter as the letter buttons show it.
fn initial_of(name: &str) -> Option<char> {
    name.chars()
        .next()
        .and_then(|c| c.to_uppercase().next())
        .map(fold_lookalike)
}

/// Cyrillic and Greek capitals that look exactly like Latin ones share
/// the Latin button, so the row never shows two letters that look the
/// same but find different people.
fn fold_lookalike(c: char) -> char {
    const LOOKALIKES: [(char, char); 24] = [
        ('А', 'A'),
        ('В', 'B'),
        ('Е', 'E'),
        ('К', 'K'),
        ('М', 'M'),
        ('Н', 'H'),
        ('О', 'O'),
        ('Р', 'P'),
        ('С', 'C'),
        ('Т', 'T'),
        ('Х', 'X'),
        ('І', 'I'),
        ('Α', 'A'),
        ('Β', 'B'),
        ('Ε', 'E'),
        ('Ζ', 'Z'),
        ('Η', 'H'),
        ('Ι', 'I'),
        ('Κ', 'K'),
        ('Μ', 'M'),
        ('Ν', 'N'),
        ('Ο', 'O'),
        ('Ρ', 'P'),
        ('Τ', 'T'),
    ];
    LOOKALIKES
        .iter()
        .find(|(from, _)| *from == c)
        .map_or(c, |(_, to)| *to)
}

/// The first letters of everyone's names, in any script, for the row of
/// letter buttons: searching by touch, without a keyboard.
fn initials(people: &[Person]) -> Vec<String> {
    let mut letters: Vec<char> = people.iter().filter_map(|p| initial_of(&p.name)).collect();
    letters.sort_unstable();
    letters.dedup();
    letters.into_iter().map(String::from).collect()
}

/// Everyone the member may pay: open person, initiative and partner
/// accounts other than their own, by name. System accounts are paid
/// through the treasurer only.
fn payable(store: &Store, me: &AccountId) -> KioskResult<Vec<Person>> {
    let mut people: Vec<Person> = store
        .accounts()?
        .into_iter()
        .filter(|a| is_payable(a, me))
        .map(|a| Person {
            name: name_of(Some(&a), &a.id),
            id: a.id,
        })
        .collect();
    people.sort_by_key(|p| p.name.to_lowercase());
    Ok(people)
}

/// Whom a member may pay: any other open account but the system's.
pub fn is_payable(account: &crate::store::AccountRow, me: &AccountId) -> bool {
    &account.id != me
        && account.status == AccountStatus::Open
        && account.kind != AccountKind::System
}

fn recent_counterparts(
    store: &Store,
    me: &AccountId,
    payable: &[Person],
) -> KioskResult<Vec<Person>> {
    let mut recent: Vec<Person> = Vec::new();
    for tx in store.recent_transactions(me, RECENT_LOOKBACK)? {
        for posting in &tx.postings {
            let known = payable.iter().find(|p| p.id == posting.account);
            if let Some(person) = known {
                if !recent.iter().any(|r| r.id == person.id) && recent.len() < RECENT_MAX {
                    recent.push(person.clone());
                }
            }
        }
    }
    Ok(recent)
}

/// The person chosen from a list (`payee`) or by scanning their card
/// (`scan`: a card code, of which only the account is used, or a member
/// number).
pub async fn person_submit(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
    fields: Fields,
) -> KioskResult {
    let member = member(&visit)?;
    let given = if fields.text("scan").is_empty() {
        fields.text("payee")
    } else {
        fields.text("scan")
    };
    let payee = CardCode::parse(given)
        .map(|code| code.account.clone())
        .or_else(|_| AccountId::parse(given))
        .map_err(|_| KioskError::bad("pay-bad-person", "/pay"))?;
    let me = member.account.clone();
    let checked = payee.clone();
    app.pool
        .run(move |store| {
            let allowed = store
                .account(&checked)?
                .is_some_and(|account| is_payable(&account, &me));
            if allowed {
                Ok(())
            } else {
                Err(KioskError::bad("pay-bad-person", "/pay"))
            }
        })
        .await?;
    app.sessions.update(&visit.sid, |s| {
        let draft = s.draft.get_or_insert_with(PayDraft::default);
        draft.payee = Some(payee);
    });
    Ok(Redirect::to("/pay/details").into_response())
}

pub async fn details_page(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
) -> KioskResult {
    member(&visit)?;
    let draft = visit.session.draft.clone().unwrap_or_default();
    let payee = draft.payee.clone().ok_or(KioskError::Redirect("/pay"))?;
    let payee = load_person(&app, payee).await?;
    let view = DetailsView {
        payee,
        amount_minor: draft.amount_minor.unwrap_or(PAY_START_MINOR),
        work: draft.work,
        note: draft.note,
    };
    Ok(pages::pay::details(&app, &visit, &view))
}

async fn load_person(app: &AppState, id: AccountId) -> KioskResult<Person> {
    app.pool
        .run(move |store| {
            let row = store
                .account(&id)?
                .ok_or_else(|| KioskError::bad("pay-bad-person", "/pay"))?;
            Ok(Person {
                name: name_of(Some(&row), &id),
                id,
            })
        })
        .await
}

pub async fn details_submit(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
    fields: Fields,
) -> KioskResult {
    member(&visit)?;
    if visit
        .session
        .draft
        .as_ref()
        .and_then(|d| d.payee.as_ref())
        .is_none()
    {
        return Err(KioskError::Redirect("/pay"));
    }
    let amount_minor = parse_hours(fields.text("amount_minor"))?;
    let work: WorkKind = fields
        .text("work")
        .parse()
        .map_err(|_| KioskError::bad("pay-bad-work", "/pay/details"))?;
    let note = fields.get("note").unwrap_or("").trim().to_string();
    if !note.is_empty() {
        Description::parse(&note).map_err(note_problem)?;
    }
    app.sessions.update(&visit.sid, |s| {
        let draft = s.draft.get_or_insert_with(PayDraft::default);
        draft.amount_minor = Some(amount_minor);
        draft.work = Some(work);
        draft.note = note;
        draft.form_token = random_token();
    });
    Ok(Redirect::to("/pay/confirm").into_response())
}

/// Hours in hundredths, a whole number of quarter hours from a quarter
/// to a day. Anything else is a forged or broken form.
pub fn parse_hours(text: &str) -> KioskResult<i64> {
    parse_hours_for(text, "/pay/details")
}

/// [`parse_hours`] for another flow's hours screen (`back`).
pub fn parse_hours_for(text: &str, back: &'static str) -> KioskResult<i64> {
    let minor: i64 = text
        .parse()
        .map_err(|_| KioskError::bad("pay-bad-amount", back))?;
    if !(STEP_MINOR..=PAY_MAX_MINOR).contains(&minor) || minor % STEP_MINOR != 0 {
        return Err(Problem::bad("pay-bad-amount", back)
            .arg("max", Arg::Amount(PAY_MAX_MINOR))
            .into());
    }
    Ok(minor)
}

fn note_problem(err: FieldError) -> KioskError {
    text_problem(err, "/pay/details")
}

/// A typed note or offer text the ledger refused: too long (with the
/// most it may hold) or not fit to keep. The page goes back to `back`.
pub fn text_problem(err: FieldError, back: &'static str) -> KioskError {
    match err {
        FieldError::TooLong(_, max) => Problem::bad("pay-bad-note-long", back)
            .arg("max", Arg::Number(max as i64))
            .into(),
        _ => KioskError::bad("pay-bad-note", back),
    }
}

fn ready(draft: Option<&PayDraft>) -> Option<ReadyDraft> {
    let draft = draft?;
    Some(ReadyDraft {
        payee: draft.payee.clone()?,
        amount_minor: draft.amount_minor?,
        work: draft.work?,
        note: draft.note.clone(),
        form_token: Some(draft.form_token.clone()).filter(|t| !t.is_empty())?,
    })
}

pub async fn confirm_page(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
) -> KioskResult {
    let member = member(&visit)?;
    let draft = ready(visit.session.draft.as_ref()).ok_or(KioskError::Redirect("/pay"))?;
    let notice = app
        .sessions
        .update(&visit.sid, |s| s.notice.take())
        .flatten();
    let payee = load_person(&app, draft.payee.clone()).await?;
    let note = draft.note.clone();
    let (me, note_names_member) = app
        .pool
        .run(move |store| {
            let named = !crate::privacy::name_warnings(store, &[&note])?.is_empty();
            Ok((load_me(store, &member.account)?, named))
        })
        .await?;
    Ok(pages::pay::confirm(
        &app,
        &visit,
        &ConfirmView {
            me,
            payee,
            draft,
            notice,
            note_names_member,
        },
    ))
}

/// What a confirmation came to.
enum Confirmed {
    Recorded(i64),
    Pin(PinCheck),
}

pub async fn confirm_submit(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
    fields: Fields,
) -> KioskResult {
    let member = member(&visit)?;
    let posted_token = fields.text("once").to_string();
    if visit
        .session
        .receipt
        .as_ref()
        .is_some_and(|r| r.form_token == posted_token)
    {
        // This form was already recorded (a double tap or a reload).
        return Ok(Redirect::to("/pay/receipt").into_response());
    }
    let draft = match ready(visit.session.draft.as_ref()) {
        Some(draft) if draft.form_token == posted_token => draft,
        _ => {
            return Err(super::stale_form(
                &app,
                posted_token,
                "pay-form-used",
                "pay-form-stale",
                "/pay",
            )
            .await)
        }
    };
    let Ok(pin) = Pin::parse(fields.text("pin")) else {
        app.sessions
            .update(&visit.sid, |s| s.notice = Some(Notice::PinFormat));
        return Ok(Redirect::to("/pay/confirm").into_response());
    };
    let description = match draft.note.as_str() {
        "" => visit
            .messages(&app)
            .t(&format!("work-{}", draft.work.as_str())),
        note => note.to_string(),
    };
    let _permit = app.kdf.acquire().await.map_err(KioskError::internal)?;
    let (attempts_max, lock) = pin_settings(&app);
    let outcome = app
        .pool
        .run(
            move |store| match check_pin_in(store, &member.card, &pin, attempts_max, lock)? {
                PinCheck::Right(signer) => {
                    record(store, &signer, &member, &draft, &description).map(Confirmed::Recorded)
                }
                other => Ok(Confirmed::Pin(other)),
            },
        )
        .await?;
    let token = posted_token;
    match outcome {
        Confirmed::Recorded(seq) => {
            app.sessions.update(&visit.sid, |s| {
                s.draft = None;
                s.receipt = Some(Receipt {
                    seq,
                    form_token: token,
                });
            });
            Ok(Redirect::to("/pay/receipt").into_response())
        }
        Confirmed::Pin(PinCheck::Wrong { tries_left }) => {
            app.sessions.update(&visit.sid, |s| {
                s.notice = Some(Notice::WrongPin { tries_left })
            });
            Ok(Redirect::to("/pay/confirm").into_response())
        }
        Confirmed::Pin(PinCheck::Locked { until }) => {
            app.sessions.end(&visit.sid);
            Err(locked_problem(&app, until))
        }
        Confirmed::Pin(PinCheck::Right(_)) => {
            Err(KioskError::internal("a right PIN was not recorded"))
        }
    }
}

/// Signs and records the payment, claiming the form token in the same
/// write. A token claimed before returns the payment recorded then.
fn record(
    store: &mut Store,
    signer: &crate::signing::KeyHolder,
    member: &Member,
    draft: &ReadyDraft,
    description: &str,
) -> KioskResult<i64> {
    let now = now();
    let details = PaymentDetails {
        date: ops::today(store.settings(), now),
        work: draft.work,
        skill: None,
        description: Description::parse(description).map_err(note_problem)?,
        slip: None,
        override_reason: None,
    };
    let payees = [(
        draft.payee.clone(),
        crate::ledger::Amount::from_minor(draft.amount_minor),
    )];
    let seq = ops::pay_claiming(
        store,
        signer,
        &member.account,
        &payees,
        details,
        now,
        &draft.form_token,
    )
    .map_err(|err| {
        let name_of =
            |id: &AccountId| super::name_of(store.account(id).ok().flatten().as_ref(), id);
        crate::kiosk::error::payment_refused(err, &member.account, &name_of)
    })?;
    Ok(seq)
}

pub async fn receipt(
    State(app): State<AppState>,
    Extension(visit): Extension<Visit>,
) -> KioskResult {
    let member = member(&visit)?;
    let seq = visit
        .session
        .receipt
        .as_ref()
        .map(|r| r.seq)
        .ok_or(KioskError::Redirect("/home"))?;
    let view = app
        .pool
        .run(move |store| {
            let tx = store
                .transaction(seq)?
                .ok_or_else(|| KioskError::internal(format!("receipt #{seq} not found")))?;
            // A receipt only ever shows the member's own payment.
            let mine = tx
                .postings
                .iter()
                .any(|p| p.account == member.account && p.amount.is_negative());
            let payee = tx.postings.iter().find(|p| !p.amount.is_negative());
            let (true, Some(payee)) = (mine, payee) else {
                return Err(KioskError::Redirect("/home"));
            };
            Ok(ReceiptView {
                me: load_me(store, &member.account)?,
                payee: payee
                    .display_name
                    .clone()
                    .unwrap_or_else(|| payee.account.to_string()),
                amount_minor: payee.amount.minor(),
                work: tx.work.parse().ok(),
                seq,
                soft: super::home::limits_view(store, &member.account, now())?.soft,
            })
        })
        .await?;
    Ok(pages::pay::receipt(&app, &visit, &view))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str) -> Person {
        Person {
            id: AccountId::parse("M1").unwrap(),
            name: name.to_string(),
        }
    }

    #[test]
    fn letters_that_look_alike_share_one_button() {
        let people = [
            person("Olena"),
            person("Олена"),
            person("Οδυσσέας"),
            person("Şükrü"),
            person("فاطمة"),
        ];
        assert_eq!(initials(&people), ["O", "Ş", "ف"]);
        assert!(matches(&people[1], "", "O") && matches(&people[2], "", "O"));
        assert!(!matches(&people[3], "", "S"));
    }

    #[test]
    fn hours_are_whole_quarters_from_a_quarter_to_a_day() {
        assert_eq!(parse_hours("175").ok(), Some(175));
        for bad in ["0", "10", "2425", "-25", "1.5", "abc", ""] {
            assert!(parse_hours(bad).is_err(), "{bad}");
        }
    }
}
