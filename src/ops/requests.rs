//! The use cases of requests, shared by the command line and the kiosk:
//! the one who helped asks (`make_requests`, one payer or several at once
//! for a workshop), the one who was helped confirms (`confirm_request`,
//! which is the payment) or declines with a reason (`decline_request`),
//! the one who asked may take it back (`withdraw_request`), and
//! `expired_requests` finds what expired unanswered so the helper can be
//! told. The rules themselves are in `ledger::request`, checked again by
//! the store inside the write and replayed by `verify`.

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};

use crate::ledger::request::By;
use crate::ledger::state::check_limits;
use crate::ledger::{
    AccountId, AccountState, Amount, Confirmation, DeclineReason, Description, Entry, EntryBody,
    LedgerError, Request, RequestLink, RequestParts, RuleError, Skill, SlipRef, WorkKind,
};
use crate::signing::KeyHolder;
use crate::store::requests::{ErasedBy, RequestFilter, RequestView};
use crate::store::{Pending, Store, StoreError};

/// A request for hours, from one payer or from several at once (a
/// workshop: each participant confirms their own share).
#[derive(Debug, Clone)]
pub struct NewRequest {
    /// Who was helped and is asked to pay, with each one's hours.
    pub payers: Vec<(AccountId, Amount)>,
    /// Who helped and asks.
    pub payee: AccountId,
    pub date: NaiveDate,
    pub work: WorkKind,
    pub skill: Option<Skill>,
    pub description: Description,
    /// The paper slip the treasurer types the request from.
    pub slip: Option<SlipRef>,
}

/// Which limit a confirmation would break as the balances stand now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitSide {
    Floor,
    Ceiling,
}

/// A limit a request would break if it were confirmed now: said to the
/// helper when the request is made (a warning, not a refusal: balances
/// may change before the payer confirms; the confirmation is refused if
/// the limit still holds it back).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitWarning {
    pub account: AccountId,
    pub would_be: Amount,
    pub side: LimitSide,
    pub limit: Amount,
}

impl fmt::Display for LimitWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (word, limit) = match self.side {
            LimitSide::Floor => ("below its floor", self.limit),
            LimitSide::Ceiling => ("above its ceiling", self.limit),
        };
        write!(
            f,
            "if confirmed now, {} would go to {}, {word} of {limit}: the confirmation will be refused unless the balance changes first",
            self.account, self.would_be
        )
    }
}

/// What `make_requests` recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Made {
    /// One request per payer, in the order given.
    pub seqs: Vec<i64>,
    /// Limits the requests would break if confirmed now.
    pub warnings: Vec<LimitWarning>,
    /// The kiosk's form was sent before: nothing new was recorded, and
    /// `seqs` holds the last request recorded the first time.
    pub repeated: bool,
}

/// Records one `request-made` entry per payer, all in one write (all or
/// none), signed by the payee's card or the treasurer.
pub fn make_requests(
    store: &mut Store,
    signer: &KeyHolder,
    request: NewRequest,
    now: DateTime<Utc>,
) -> Result<Made, StoreError> {
    make_inner(store, signer, request, now, None)
}

/// [`make_requests`], also claiming the kiosk's one-time form token in the
/// same write: a form sent twice records once.
pub fn make_requests_claiming(
    store: &mut Store,
    signer: &KeyHolder,
    request: NewRequest,
    now: DateTime<Utc>,
    form_token: &str,
) -> Result<Made, StoreError> {
    make_inner(store, signer, request, now, Some(form_token))
}

fn make_inner(
    store: &mut Store,
    signer: &KeyHolder,
    request: NewRequest,
    now: DateTime<Utc>,
    form_token: Option<&str>,
) -> Result<Made, StoreError> {
    if request.payers.is_empty() {
        return Err(
            RuleError::SignerNotAllowed("a request names at least one payer".into()).into(),
        );
    }
    let mut requests = Vec::with_capacity(request.payers.len());
    for (i, (payer, amount)) in request.payers.iter().enumerate() {
        if request.payers[..i].iter().any(|(p, _)| p == payer) {
            return Err(RuleError::RequestPayerRepeated(payer.clone()).into());
        }
        requests.push(Request::new(RequestParts {
            payer: payer.clone(),
            payee: request.payee.clone(),
            amount: *amount,
            date: request.date,
            work: request.work,
            skill: request.skill.clone(),
            description: request.description.clone(),
            slip: request.slip.clone(),
        })?);
    }
    let warnings = limit_warnings(store, &request.payers, &request.payee)?;
    let batch: Vec<Pending> = requests
        .into_iter()
        .map(|r| signed(store, signer, EntryBody::RequestMade(r), now))
        .collect();
    let seqs = match form_token {
        None => store.append(batch)?,
        Some(token) => match store.append_claiming(batch, token) {
            Err(StoreError::Ledger(LedgerError::Rule(RuleError::Duplicate(first)))) => {
                return Ok(Made {
                    seqs: vec![first],
                    warnings: Vec::new(),
                    repeated: true,
                })
            }
            recorded => recorded?,
        },
    };
    Ok(Made {
        seqs,
        warnings,
        repeated: false,
    })
}

/// The limits these requests would break if every one were confirmed
/// now: each payer's floor, and the payee's ceiling for them all.
pub fn limit_warnings(
    store: &Store,
    payers: &[(AccountId, Amount)],
    payee: &AccountId,
) -> Result<Vec<LimitWarning>, StoreError> {
    let mut warnings = Vec::new();
    let mut total = Amount::ZERO;
    for (payer, amount) in payers {
        total = total.checked_add(*amount).unwrap_or(total);
        if let Some(state) = account_state(store, payer)? {
            warn(&mut warnings, &state, Amount::from_minor(-amount.minor()));
        }
    }
    if let Some(state) = account_state(store, payee)? {
        warn(&mut warnings, &state, total);
    }
    Ok(warnings)
}

fn warn(warnings: &mut Vec<LimitWarning>, state: &AccountState, amount: Amount) {
    let Some(would_be) = state.balance.checked_add(amount) else {
        return;
    };
    match check_limits(state, amount, would_be) {
        Err(RuleError::BelowFloor { floor, .. }) => warnings.push(LimitWarning {
            account: state.id.clone(),
            would_be,
            side: LimitSide::Floor,
            limit: floor,
        }),
        Err(RuleError::AboveCeiling { ceiling, .. }) => warnings.push(LimitWarning {
            account: state.id.clone(),
            would_be,
            side: LimitSide::Ceiling,
            limit: ceiling,
        }),
        _ => {}
    }
}

fn account_state(store: &Store, id: &AccountId) -> Result<Option<AccountState>, StoreError> {
    Ok(store.account(id)?.map(|row| AccountState {
        id: row.id,
        kind: row.kind,
        limits: crate::ledger::Limits::new(row.floor, row.ceiling).unwrap_or_else(|_| {
            crate::ledger::Limits::new(Amount::ZERO, Amount::ZERO).expect("zero limits")
        }),
        status: row.status,
        balance: row.balance,
    }))
}

/// The request recorded at `seq` and how to name it.
fn link_to(store: &Store, seq: i64) -> Result<(Request, RequestLink), StoreError> {
    let (request, entry_hash) = store
        .signed_request(seq)?
        .ok_or(RuleError::UnknownRequest(seq))?;
    Ok((request, RequestLink { seq, entry_hash }))
}

/// Confirms request `seq`: records its payment, signed by the payer's
/// card or by the treasurer from the paper slip `slip`. Refused when the
/// request is not pending (settled or expired), when the signer is not
/// its payer, or when a limit holds the payment back.
pub fn confirm_request(
    store: &mut Store,
    signer: &KeyHolder,
    seq: i64,
    slip: Option<SlipRef>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let (request, link) = link_to(store, seq)?;
    let body = EntryBody::RequestConfirmed(Confirmation::of(&request, link, slip));
    single(store.append(vec![signed(store, signer, body, now)])?)
}

/// [`confirm_request`], also claiming the kiosk's one-time form token: a
/// form sent twice pays once, and the second sending gets the first
/// confirmation's seq.
pub fn confirm_request_claiming(
    store: &mut Store,
    signer: &KeyHolder,
    seq: i64,
    now: DateTime<Utc>,
    form_token: &str,
) -> Result<i64, StoreError> {
    let (request, link) = link_to(store, seq)?;
    let body = EntryBody::RequestConfirmed(Confirmation::of(&request, link, None));
    let entry = signed(store, signer, body, now);
    match store.append_claiming(vec![entry], form_token) {
        Err(StoreError::Ledger(LedgerError::Rule(RuleError::Duplicate(first)))) => Ok(first),
        recorded => single(recorded?),
    }
}

/// Declines request `seq` with a reason, signed by the payer's card or
/// the treasurer (from the paper slip `slip`).
pub fn decline_request(
    store: &mut Store,
    signer: &KeyHolder,
    seq: i64,
    reason: &DeclineReason,
    slip: Option<SlipRef>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let (_, request) = link_to(store, seq)?;
    let body = EntryBody::RequestDeclined {
        request,
        reason: reason.to_reason(),
        slip,
    };
    single(store.append(vec![signed(store, signer, body, now)])?)
}

/// Takes request `seq` back, signed by the payee's card or the treasurer
/// (from the paper slip `slip`).
pub fn withdraw_request(
    store: &mut Store,
    signer: &KeyHolder,
    seq: i64,
    slip: Option<SlipRef>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let (_, request) = link_to(store, seq)?;
    let body = EntryBody::RequestWithdrawn { request, slip };
    single(store.append(vec![signed(store, signer, body, now)])?)
}

/// Requests `payee` made that expired unanswered, the latest first
/// expired first: what to tell the helper ("nobody confirmed it in
/// time"). `since` leaves out those that expired before it (the helper's
/// previous visit, say).
pub fn expired_requests(
    store: &Store,
    payee: &AccountId,
    since: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<Vec<RequestView>, StoreError> {
    let filter = RequestFilter {
        account: Some(payee.clone()),
        ..RequestFilter::all(now)
    };
    let mut expired: Vec<RequestView> = store
        .requests(&filter)?
        .into_iter()
        .filter(|r| &r.payee == payee && r.erased_by == Some(ErasedBy::Expired))
        .filter(|r| since.is_none_or(|since| r.expires_at >= since))
        .collect();
    expired.sort_by_key(|r| std::cmp::Reverse(r.expires_at));
    Ok(expired)
}

/// Whether `signer` may settle `request` in this way, by the same rule
/// the store applies (so a screen can offer only what will be accepted).
pub fn may_settle(view: &RequestView, signer: &KeyHolder, outcome: crate::ledger::Outcome) -> bool {
    let by = match &signer.account {
        None => By::Treasurer,
        Some(account) => By::Card(account),
    };
    match by {
        By::Treasurer => true,
        By::Card(account) => match outcome {
            crate::ledger::Outcome::Confirmed | crate::ledger::Outcome::Declined => {
                account == &view.payer
            }
            crate::ledger::Outcome::Withdrawn => account == &view.payee,
        },
    }
}

fn signed(store: &Store, signer: &KeyHolder, body: EntryBody, now: DateTime<Utc>) -> Pending {
    Pending::entry(signer.sign(
        store.ledger_id(),
        Entry {
            recorded_at: now,
            body,
        },
    ))
}

fn single(seqs: Vec<i64>) -> Result<i64, StoreError> {
    seqs.last()
        .copied()
        .ok_or_else(|| StoreError::Corrupt("nothing was recorded".into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::{AccountKind, KdfParams, Limits, Outcome, Reason, SettingKey, Settings};
    use crate::ledger::{SignerRole, Transaction};
    use crate::store::requests::RequestState;
    use chrono::{Duration, TimeZone};
    use ed25519_dalek::SigningKey;

    fn id(text: &str) -> AccountId {
        AccountId::parse(text).unwrap()
    }

    fn hours(text: &str) -> Amount {
        Amount::parse_positive(text).unwrap()
    }

    struct World {
        store: Store,
        treasurer: KeyHolder,
        start: DateTime<Utc>,
    }

    impl World {
        /// A ledger with M001, M002 (persons, floor -20) and INIT-A
        /// (initiative), each with a card whose key is its seed byte.
        fn new() -> World {
            let start = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
            let treasurer = KeyHolder::treasurer(SigningKey::from_bytes(&[9; 32]));
            let limits = |f: &str, c: &str| {
                Limits::new(
                    Amount::parse_signed(f).unwrap(),
                    Amount::parse_signed(c).unwrap(),
                )
                .unwrap()
            };
            let settings = Settings {
                community_name: "Test".into(),
                currency_name: "Tijd".into(),
                currency_unit: "uur".into(),
                currency_symbol: "u".into(),
                time_zone: "Europe/Brussels".into(),
                default_language: "nl".into(),
                treasurer_key: treasurer.key.verifying_key().to_bytes(),
                person_limits: limits("-20", "40"),
                initiative_limits: limits("-100", "200"),
                partner_limits: limits("-50", "500"),
                system_limits: limits("-5000", "0"),
            };
            let ledger_id = "0123456789abcdef0123456789abcdef";
            let genesis = treasurer.sign(
                ledger_id,
                Entry {
                    recorded_at: start,
                    body: EntryBody::LedgerCreated(settings),
                },
            );
            let mut store = Store::create_in_memory(ledger_id, genesis).unwrap();
            let mut batch = Vec::new();
            for (i, (account, kind)) in [
                ("M001", AccountKind::Person),
                ("M002", AccountKind::Person),
                ("INIT-A", AccountKind::Initiative),
            ]
            .into_iter()
            .enumerate()
            {
                let limits = store.settings().default_limits(kind);
                for body in [
                    EntryBody::AccountOpened {
                        account: id(account),
                        kind,
                        limits,
                    },
                    EntryBody::CardIssued {
                        account: id(account),
                        card_number: 1,
                        public_key: card(account, i).key.verifying_key().to_bytes(),
                        holder: None,
                        kdf: KdfParams::STRONG,
                        reason: Reason::parse("first card").unwrap(),
                    },
                ] {
                    batch.push(signed(&store, &treasurer, body, start));
                }
            }
            store.append(batch).unwrap();
            World {
                store,
                treasurer,
                start,
            }
        }

        fn at(&self, days: i64) -> DateTime<Utc> {
            self.start + Duration::days(days)
        }

        fn ask(
            &mut self,
            signer: &KeyHolder,
            payers: &[(&str, &str)],
            payee: &str,
        ) -> Result<Made, StoreError> {
            let now = self.at(1);
            make_requests(
                &mut self.store,
                signer,
                NewRequest {
                    payers: payers.iter().map(|(p, a)| (id(p), hours(a))).collect(),
                    payee: id(payee),
                    date: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
                    work: WorkKind::Care,
                    skill: None,
                    description: Description::parse("Shopping").unwrap(),
                    slip: None,
                },
                now,
            )
        }

        fn balance(&self, account: &str) -> Amount {
            self.store.account(&id(account)).unwrap().unwrap().balance
        }

        fn state(&self, seq: i64, days: i64) -> RequestView {
            self.store.request(seq, self.at(days)).unwrap().unwrap()
        }
    }

    fn card(account: &str, i: usize) -> KeyHolder {
        let kind_role = if account.starts_with("INIT") {
            SignerRole::KeyHolder
        } else {
            SignerRole::Member
        };
        KeyHolder {
            key: SigningKey::from_bytes(&[i as u8 + 1; 32]),
            role: kind_role,
            account: Some(id(account)),
        }
    }

    fn rule(err: StoreError) -> RuleError {
        match err {
            StoreError::Ledger(LedgerError::Rule(rule)) => rule,
            other => panic!("not a rule: {other}"),
        }
    }

    #[test]
    fn the_helper_asks_the_helped_confirms_and_only_then_hours_move() {
        let mut w = World::new();
        let made = w
            .ask(&card("M002", 1), &[("M001", "1.50")], "M002")
            .unwrap();
        let seq = made.seqs[0];
        assert!(made.warnings.is_empty());
        assert_eq!(w.balance("M001"), Amount::ZERO);
        assert_eq!(w.state(seq, 2).state, RequestState::Pending);
        let now = w.at(2);
        let confirmed = confirm_request(&mut w.store, &card("M001", 0), seq, None, now).unwrap();
        assert_eq!(w.balance("M001"), Amount::from_minor(-150));
        assert_eq!(w.balance("M002"), Amount::from_minor(150));
        let view = w.state(seq, 3);
        assert_eq!(view.state, RequestState::Completed);
        assert_eq!(view.settled.unwrap().seq, Some(confirmed));
        // The confirmation is a payment like any other.
        let tx = w.store.transaction(confirmed).unwrap().unwrap();
        assert_eq!(tx.signer_role, "member");
        let again = confirm_request(&mut w.store, &card("M001", 0), seq, None, now).unwrap_err();
        assert!(matches!(rule(again), RuleError::RequestSettled { by, .. } if by == confirmed));
        let report = crate::verify::verify(&w.store).unwrap();
        assert!(report.is_ok(), "{:?}", report.problems);
    }

    #[test]
    fn a_workshop_asks_several_members_at_once_and_each_settles_their_own() {
        let mut w = World::new();
        let made = w
            .ask(
                &card("INIT-A", 2),
                &[("M001", "2.00"), ("M002", "2.00")],
                "INIT-A",
            )
            .unwrap();
        assert_eq!(made.seqs.len(), 2);
        let now = w.at(2);
        confirm_request(&mut w.store, &card("M001", 0), made.seqs[0], None, now).unwrap();
        let wrong =
            confirm_request(&mut w.store, &card("M001", 0), made.seqs[1], None, now).unwrap_err();
        assert!(matches!(rule(wrong), RuleError::RequestNotYours { .. }));
        decline_request(
            &mut w.store,
            &card("M002", 1),
            made.seqs[1],
            &DeclineReason::NotDone,
            None,
            now,
        )
        .unwrap();
        let view = w.state(made.seqs[1], 3);
        assert_eq!(view.erased_by, Some(ErasedBy::Declined));
        assert_eq!(view.settled.unwrap().reason.as_deref(), Some("not done"));
        assert_eq!(w.balance("INIT-A"), Amount::from_minor(200));
        assert!(crate::verify::verify(&w.store).unwrap().is_ok());
    }

    #[test]
    fn only_the_helper_asks_and_withdraws() {
        let mut w = World::new();
        let err = w
            .ask(&card("M001", 0), &[("M001", "1.00")], "M001")
            .unwrap_err();
        assert!(
            matches!(rule(err), RuleError::RequestToSelf(_)),
            "payer = payee"
        );
        let err = w
            .ask(&card("M001", 0), &[("M002", "1.00")], "INIT-A")
            .unwrap_err();
        assert!(matches!(rule(err), RuleError::RequestNotYours { .. }));
        let seq = w
            .ask(&card("M002", 1), &[("M001", "1.00")], "M002")
            .unwrap()
            .seqs[0];
        let now = w.at(2);
        let err = withdraw_request(&mut w.store, &card("M001", 0), seq, None, now).unwrap_err();
        assert!(matches!(rule(err), RuleError::RequestNotYours { .. }));
        withdraw_request(&mut w.store, &card("M002", 1), seq, None, now).unwrap();
        assert_eq!(w.state(seq, 3).erased_by, Some(ErasedBy::Withdrawn));
    }

    #[test]
    fn a_request_expires_by_the_signed_setting_and_is_told_to_the_helper() {
        let mut w = World::new();
        let treasurer = KeyHolder::treasurer(w.treasurer.key.clone());
        let now = w.at(0);
        crate::ops::set_setting(
            &mut w.store,
            &treasurer,
            SettingKey::RequestsExpiryDays,
            "10",
            now,
        )
        .unwrap();
        let seq = w
            .ask(&card("M002", 1), &[("M001", "1.00")], "M002")
            .unwrap()
            .seqs[0];
        assert_eq!(w.state(seq, 11).state, RequestState::Pending);
        assert_eq!(w.state(seq, 12).erased_by, Some(ErasedBy::Expired));
        let expired = expired_requests(&w.store, &id("M002"), None, w.at(12)).unwrap();
        assert_eq!(expired.iter().map(|r| r.seq).collect::<Vec<_>>(), vec![seq]);
        assert!(expired_requests(&w.store, &id("M001"), None, w.at(12))
            .unwrap()
            .is_empty());
        let late = w.at(12);
        let err = confirm_request(&mut w.store, &card("M001", 0), seq, None, late).unwrap_err();
        assert!(matches!(
            rule(err),
            RuleError::RequestExpired { days: 10, .. }
        ));
        assert_eq!(w.balance("M001"), Amount::ZERO);
    }

    #[test]
    fn a_request_past_a_limit_warns_when_made_and_is_refused_when_confirmed() {
        let mut w = World::new();
        let made = w
            .ask(&card("M002", 1), &[("M001", "25.00")], "M002")
            .unwrap();
        assert_eq!(made.warnings.len(), 1, "{:?}", made.warnings);
        assert_eq!(made.warnings[0].side, LimitSide::Floor);
        assert!(made.warnings[0].to_string().contains("-25.00"));
        let now = w.at(2);
        let err =
            confirm_request(&mut w.store, &card("M001", 0), made.seqs[0], None, now).unwrap_err();
        assert!(matches!(rule(err), RuleError::BelowFloor { .. }));
        assert_eq!(w.state(made.seqs[0], 2).state, RequestState::Pending);
    }

    #[test]
    fn a_confirmation_that_differs_from_its_request_is_refused() {
        let mut w = World::new();
        let seq = w
            .ask(&card("M002", 1), &[("M001", "1.00")], "M002")
            .unwrap()
            .seqs[0];
        let (request, link) = link_to(&w.store, seq).unwrap();
        let other = Transaction::payment(
            request.payer(),
            &[(request.payee().clone(), hours("2.00"))],
            crate::ledger::PaymentDetails {
                date: request.date(),
                work: request.work(),
                skill: None,
                description: request.description().clone(),
                slip: None,
                override_reason: None,
            },
        )
        .unwrap();
        let body = EntryBody::RequestConfirmed(Confirmation::from_parts(link, other).unwrap());
        let entry = signed(&w.store, &card("M001", 0), body, w.at(2));
        let err = w.store.append(vec![entry]).unwrap_err();
        assert!(matches!(rule(err), RuleError::RequestMismatch { .. }));
        assert!(may_settle(
            &w.state(seq, 2),
            &card("M001", 0),
            Outcome::Confirmed
        ));
        assert!(!may_settle(
            &w.state(seq, 2),
            &card("M002", 1),
            Outcome::Confirmed
        ));
    }

    #[test]
    fn a_kiosk_form_sent_twice_asks_once_and_pays_once() {
        let mut w = World::new();
        let request = NewRequest {
            payers: vec![(id("M001"), hours("1.00"))],
            payee: id("M002"),
            date: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            work: WorkKind::Care,
            skill: None,
            description: Description::parse("Shopping").unwrap(),
            slip: None,
        };
        let now = w.at(1);
        let token = "form-token-0123456789";
        let first =
            make_requests_claiming(&mut w.store, &card("M002", 1), request.clone(), now, token)
                .unwrap();
        let again =
            make_requests_claiming(&mut w.store, &card("M002", 1), request, now, token).unwrap();
        assert!(!first.repeated && again.repeated);
        assert_eq!(again.seqs, first.seqs);
        let seq = first.seqs[0];
        let later = w.at(2);
        let paid = confirm_request_claiming(
            &mut w.store,
            &card("M001", 0),
            seq,
            later,
            "form-token-pay-0123456789",
        )
        .unwrap();
        let paid_again = confirm_request_claiming(
            &mut w.store,
            &card("M001", 0),
            seq,
            later,
            "form-token-pay-0123456789",
        )
        .unwrap();
        assert_eq!(paid, paid_again);
        assert_eq!(w.balance("M001"), Amount::from_minor(-100));
        assert_eq!(
            w.store
                .requests(&RequestFilter::all(w.at(2)))
                .unwrap()
                .len(),
            1
        );
        assert!(crate::verify::verify(&w.store).unwrap().is_ok());
    }

    #[test]
    fn a_confirmed_request_can_be_reversed_like_any_payment() {
        let mut w = World::new();
        let seq = w
            .ask(&card("M002", 1), &[("M001", "1.00")], "M002")
            .unwrap()
            .seqs[0];
        let now = w.at(2);
        let paid = confirm_request(&mut w.store, &card("M001", 0), seq, None, now).unwrap();
        let treasurer = KeyHolder::treasurer(w.treasurer.key.clone());
        crate::ops::reverse(
            &mut w.store,
            &treasurer,
            paid,
            Reason::parse("wrong").unwrap(),
            None,
            now,
        )
        .unwrap();
        assert_eq!(w.balance("M001"), Amount::ZERO);
        assert!(crate::verify::verify(&w.store).unwrap().is_ok());
    }
}
