//! Property tests of requests (issue 12), in the style of
//! tests/properties.rs: random sequences of requests (one payer or a
//! workshop), confirmations, declines, withdrawals, changes of the expiry
//! period and time passing, signed by the treasurer or by a card of the
//! right or the wrong side, applied through `akker::ops::requests` to an
//! in-memory store next to a small model of the rules. After every step:
//!
//! - the store accepted exactly what the model says the rules allow,
//! - every balance is the model's and within its limits, and they sum to
//!   exactly zero,
//! - no request has more than one confirmation, decline or withdrawal,
//! - every request's state (pending, completed, erased and how) is the
//!   model's,
//!
//! and at the end `akker::verify::verify` reports no problem.

use akker::ledger::{
    AccountId, AccountKind, Amount, DeclineReason, Description, Entry, EntryBody, KdfParams,
    Limits, Reason, SettingKey, Settings, SignerRole, WorkKind,
};
use akker::ops::requests::{self as rq, NewRequest};
use akker::signing::KeyHolder;
use akker::store::requests::{ErasedBy, RequestFilter, RequestState};
use akker::store::{Pending, Store, StoreError};
use chrono::{DateTime, Duration, TimeZone, Utc};
use ed25519_dalek::SigningKey;
use proptest::prelude::*;

const ACCOUNTS: usize = 4;
const STEPS_MAX: usize = 60;
const CASES: u32 = 64;
/// Person limits small enough that random requests reach them.
const FLOOR: i64 = -500;
const CEILING: i64 = 500;

#[derive(Debug, Clone, Copy)]
enum By {
    Treasurer,
    /// The card of the side the rules name (payer or payee).
    Right,
    Card(usize),
}

#[derive(Debug, Clone)]
enum Op {
    Make {
        payers: Vec<(usize, i64)>,
        payee: usize,
        /// The payee's card (else the treasurer); `wrong` uses another card.
        by_card: bool,
        wrong: bool,
    },
    Confirm {
        request: usize,
        by: By,
    },
    Decline {
        request: usize,
        by: By,
    },
    Withdraw {
        request: usize,
        by: By,
    },
    Wait {
        days: i64,
    },
    Expiry {
        days: u32,
    },
}

fn by() -> impl Strategy<Value = By> {
    prop_oneof![
        2 => Just(By::Treasurer),
        4 => Just(By::Right),
        1 => (0..ACCOUNTS).prop_map(By::Card),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let amount = (1i64..=6).prop_map(|k| k * 50);
    prop_oneof![
        5 => (proptest::collection::vec((0..ACCOUNTS, amount), 1..4), 0..ACCOUNTS, any::<bool>(), proptest::bool::weighted(0.15))
            .prop_map(|(payers, payee, by_card, wrong)| Op::Make { payers, payee, by_card, wrong }),
        5 => (any::<usize>(), by()).prop_map(|(request, by)| Op::Confirm { request, by }),
        2 => (any::<usize>(), by()).prop_map(|(request, by)| Op::Decline { request, by }),
        2 => (any::<usize>(), by()).prop_map(|(request, by)| Op::Withdraw { request, by }),
        2 => (0i64..=30).prop_map(|days| Op::Wait { days }),
        1 => (1u32..=45).prop_map(|days| Op::Expiry { days }),
    ]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Settled {
    No,
    Confirmed,
    Declined,
    Withdrawn,
}

#[derive(Debug, Clone)]
struct ModelRequest {
    seq: i64,
    payer: usize,
    payee: usize,
    amount: i64,
    made_at: DateTime<Utc>,
    /// The expiry period in force when it was made: it keeps it.
    expiry_days: u32,
    settled: Settled,
}

/// The paper slip of an entry the treasurer signs (docs/signing.md: a
/// treasurer-signed request entry has one); a card's has none.
fn slip_of(by: &By) -> Option<akker::ledger::SlipRef> {
    match by {
        By::Treasurer | By::Right => Some(akker::ledger::SlipRef::parse("slip").unwrap()),
        By::Card(_) => None,
    }
}

struct Harness {
    store: Store,
    treasurer: KeyHolder,
    cards: Vec<KeyHolder>,
    now: DateTime<Utc>,
    last_entry: DateTime<Utc>,
    balances: [i64; ACCOUNTS],
    requests: Vec<ModelRequest>,
    expiry_days: u32,
}

fn id(i: usize) -> AccountId {
    AccountId::parse(&format!("M{:03}", i + 1)).unwrap()
}

impl Harness {
    fn new() -> Harness {
        let start = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        let treasurer = KeyHolder::treasurer(SigningKey::from_bytes(&[200; 32]));
        let limits = |f: i64, c: i64| {
            Limits::new(Amount::from_minor(f * 100), Amount::from_minor(c * 100)).unwrap()
        };
        let settings = Settings {
            community_name: "Property".into(),
            currency_name: "tijd".into(),
            currency_unit: "uur".into(),
            currency_symbol: "u".into(),
            time_zone: "Europe/Brussels".into(),
            default_language: "nl".into(),
            treasurer_key: treasurer.key.verifying_key().to_bytes(),
            person_limits: Limits::new(Amount::from_minor(FLOOR), Amount::from_minor(CEILING))
                .unwrap(),
            initiative_limits: limits(-100, 200),
            partner_limits: limits(-100, 200),
            system_limits: limits(-5000, 0),
        };
        let ledger_id = "00112233445566778899aabbccddeeff";
        let sign = |body| {
            treasurer.sign(
                ledger_id,
                Entry {
                    recorded_at: start,
                    body,
                },
            )
        };
        let mut store =
            Store::create_in_memory(ledger_id, sign(EntryBody::LedgerCreated(settings.clone())))
                .unwrap();
        let cards: Vec<KeyHolder> = (0..ACCOUNTS)
            .map(|i| KeyHolder {
                key: SigningKey::from_bytes(&[i as u8 + 1; 32]),
                role: SignerRole::Member,
                account: Some(id(i)),
            })
            .collect();
        let mut batch = Vec::new();
        for (i, card) in cards.iter().enumerate() {
            batch.push(Pending::entry(sign(EntryBody::AccountOpened {
                account: id(i),
                kind: AccountKind::Person,
                limits: settings.person_limits,
            })));
            batch.push(Pending::entry(sign(EntryBody::CardIssued {
                account: id(i),
                card_number: 1,
                public_key: card.key.verifying_key().to_bytes(),
                holder: None,
                kdf: KdfParams::STRONG,
                reason: Reason::parse("first card").unwrap(),
            })));
        }
        store.append(batch).unwrap();
        Harness {
            store,
            treasurer,
            cards,
            now: start,
            last_entry: start,
            balances: [0; ACCOUNTS],
            requests: Vec::new(),
            expiry_days: 60,
        }
    }

    /// The next entry's time: a second on, never a jump of more than 31
    /// days since the last entry (that needs the treasurer's clock entry).
    fn tick(&mut self) -> DateTime<Utc> {
        self.now = (self.now + Duration::seconds(1)).min(self.last_entry + Duration::days(30));
        self.now
    }

    /// The signer as a value of its own, so the store can be borrowed
    /// mutably beside it.
    fn signer(&self, by: By) -> KeyHolder {
        let held = match by {
            By::Treasurer | By::Right => &self.treasurer,
            By::Card(i) => &self.cards[i],
        };
        KeyHolder {
            key: held.key.clone(),
            role: held.role,
            account: held.account.clone(),
        }
    }

    fn expired(&self, r: &ModelRequest, at: DateTime<Utc>) -> bool {
        at > r.made_at + Duration::days(i64::from(r.expiry_days))
    }

    fn recorded(
        &mut self,
        result: Result<impl Sized, StoreError>,
        allowed: bool,
        what: &str,
    ) -> bool {
        match (&result, allowed) {
            (Ok(_), true) => {
                self.last_entry = self.now;
                true
            }
            (Err(_), false) => false,
            (Ok(_), false) => panic!("{what}: the store recorded what the rules forbid"),
            (Err(err), true) => panic!("{what}: the store refused what the rules allow: {err}"),
        }
    }

    fn apply(&mut self, op: &Op) {
        match op {
            Op::Wait { days } => {
                self.now =
                    (self.now + Duration::days(*days)).min(self.last_entry + Duration::days(30));
            }
            Op::Expiry { days } => {
                let now = self.tick();
                akker::ops::set_setting(
                    &mut self.store,
                    &self.treasurer,
                    SettingKey::RequestsExpiryDays,
                    &days.to_string(),
                    now,
                )
                .unwrap();
                self.last_entry = now;
                self.expiry_days = *days;
            }
            Op::Make {
                payers,
                payee,
                by_card,
                wrong,
            } => {
                let signer = match (by_card, wrong) {
                    (false, _) => By::Treasurer,
                    (true, false) => By::Card(*payee),
                    (true, true) => By::Card((*payee + 1) % ACCOUNTS),
                };
                let mut distinct = payers.iter().map(|(p, _)| p).collect::<Vec<_>>();
                distinct.sort();
                distinct.dedup();
                let allowed = distinct.len() == payers.len()
                    && payers.iter().all(|(p, _)| p != payee)
                    && !matches!(signer, By::Card(c) if c != *payee);
                let now = self.tick();
                let request = NewRequest {
                    payers: payers
                        .iter()
                        .map(|(p, a)| (id(*p), Amount::from_minor(*a)))
                        .collect(),
                    payee: id(*payee),
                    date: now.date_naive(),
                    work: WorkKind::Care,
                    skill: None,
                    description: Description::parse("Help").unwrap(),
                    // The treasurer types a request from the member's slip.
                    slip: slip_of(&signer),
                };
                let signer = self.signer(signer);
                let result = rq::make_requests(&mut self.store, &signer, request, now);
                let seqs = result.as_ref().map(|m| m.seqs.clone()).unwrap_or_default();
                if self.recorded(result, allowed, "make") {
                    for (seq, (payer, amount)) in seqs.into_iter().zip(payers) {
                        self.requests.push(ModelRequest {
                            seq,
                            payer: *payer,
                            payee: *payee,
                            amount: *amount,
                            made_at: now,
                            expiry_days: self.expiry_days,
                            settled: Settled::No,
                        });
                    }
                }
            }
            Op::Confirm { request, by }
            | Op::Decline { request, by }
            | Op::Withdraw { request, by } => {
                if self.requests.is_empty() {
                    return;
                }
                let i = request % self.requests.len();
                let r = self.requests[i].clone();
                let now = self.tick();
                let side = match op {
                    Op::Withdraw { .. } => r.payee,
                    _ => r.payer,
                };
                let by = match by {
                    By::Right => &By::Card(side),
                    other => other,
                };
                let mut allowed = r.settled == Settled::No
                    && !self.expired(&r, now)
                    && !matches!(by, By::Card(c) if *c != side);
                if let Op::Confirm { .. } = op {
                    allowed &= self.balances[r.payer] - r.amount >= FLOOR
                        && self.balances[r.payee] + r.amount <= CEILING;
                }
                let slip = slip_of(by);
                let signer = self.signer(*by);
                let (result, settled) = match op {
                    Op::Confirm { .. } => (
                        rq::confirm_request(&mut self.store, &signer, r.seq, slip, now),
                        Settled::Confirmed,
                    ),
                    Op::Decline { .. } => (
                        rq::decline_request(
                            &mut self.store,
                            &signer,
                            r.seq,
                            &DeclineReason::NotDone,
                            slip,
                            now,
                        ),
                        Settled::Declined,
                    ),
                    _ => (
                        rq::withdraw_request(&mut self.store, &signer, r.seq, slip, now),
                        Settled::Withdrawn,
                    ),
                };
                if self.recorded(result, allowed, "settle") {
                    self.requests[i].settled = settled;
                    if settled == Settled::Confirmed {
                        self.balances[r.payer] -= r.amount;
                        self.balances[r.payee] += r.amount;
                    }
                }
            }
        }
    }

    fn check(&self) {
        let mut total = 0;
        for (i, model) in self.balances.iter().enumerate() {
            let balance = self.store.account(&id(i)).unwrap().unwrap().balance.minor();
            assert_eq!(balance, *model, "balance of {}", id(i));
            assert!(
                (FLOOR..=CEILING).contains(&balance),
                "{} is outside its limits",
                id(i)
            );
            total += balance;
        }
        assert_eq!(total, 0, "the balances sum to zero");
        let views = self.store.requests(&RequestFilter::all(self.now)).unwrap();
        assert_eq!(views.len(), self.requests.len());
        for (view, model) in views.iter().zip(&self.requests) {
            assert_eq!(view.seq, model.seq);
            let expected = match model.settled {
                Settled::Confirmed => (RequestState::Completed, None),
                Settled::Declined => (RequestState::Erased, Some(ErasedBy::Declined)),
                Settled::Withdrawn => (RequestState::Erased, Some(ErasedBy::Withdrawn)),
                Settled::No if self.expired(model, self.now) => {
                    (RequestState::Erased, Some(ErasedBy::Expired))
                }
                Settled::No => (RequestState::Pending, None),
            };
            assert_eq!(
                (view.state, view.erased_by),
                expected,
                "request #{}",
                model.seq
            );
        }
        // One settlement per request, by the store's own count.
        let settled = views
            .iter()
            .filter(|v| v.settled.as_ref().is_some_and(|s| s.seq.is_some()))
            .count();
        let modelled = self
            .requests
            .iter()
            .filter(|r| r.settled != Settled::No)
            .count();
        assert_eq!(
            settled, modelled,
            "one confirmation, decline or withdrawal per request"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, ..ProptestConfig::default() })]

    #[test]
    fn random_requests_keep_every_invariant(ops in proptest::collection::vec(op(), 1..STEPS_MAX)) {
        let mut harness = Harness::new();
        for op in &ops {
            harness.apply(op);
            harness.check();
        }
        let report = akker::verify::verify(&harness.store).unwrap();
        prop_assert!(report.is_ok(), "{:?}", report.problems);
    }
}
