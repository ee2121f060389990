//! Property tests on the library: random sequences of what a treasurer
//! does (open accounts, pay random amounts between random accounts,
//! reverse earlier transactions, change limits, close accounts), applied
//! through `akker::ops` to an in-memory store, next to a small model of
//! the rules. After every step:
//!
//! - the store accepted exactly what the model says the rules allow,
//! - every balance, limit and status is the model's,
//! - the sum of all balances is exactly zero,
//! - no balance is outside its limits unless an override or a limit
//!   change put it there,
//! - each cached balance equals the sum of that account's postings,
//! - `akker::verify::verify` reports no problem.

use std::collections::BTreeMap;

use akker::ledger::{
    AccountId, AccountKind, AccountStatus, Amount, Description, DisplayName, Entry, EntryBody,
    Language, Limits, PaymentDetails, Reason, Settings, SlipRef, WorkKind,
};
use akker::ops::{self, NewAccount};
use akker::signing::{generate_key, KeyHolder};
use akker::store::{Store, TxFilter};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use proptest::prelude::*;

/// Steps per sequence and sequences per run: enough to reach limits,
/// closures and chains of reversals, small enough for a debug build.
const STEPS_MAX: usize = 50;
const CASES: u32 = 96;

const KINDS: [AccountKind; 4] = [
    AccountKind::Person,
    AccountKind::Initiative,
    AccountKind::Partner,
    AccountKind::System,
];

#[derive(Debug, Clone)]
enum Op {
    /// Opens a new account, or tries again an existing id.
    Open {
        kind: usize,
        limits: Option<(i64, i64)>,
        again: Option<usize>,
    },
    Pay {
        payer: usize,
        payees: Vec<(usize, i64)>,
        overridden: bool,
    },
    /// Pays exactly what the payer has left above its floor, plus `extra`
    /// hundredths: the boundary, where an off-by-one would show.
    PayRemaining {
        payer: usize,
        payee: usize,
        extra: i64,
    },
    Reverse {
        tx: usize,
        overridden: bool,
    },
    SetLimits {
        account: usize,
        floor: i64,
        ceiling: i64,
    },
    Close {
        account: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let limits = (-3000i64..=0, 0i64..=3000);
    // Round amounts (as people write them) meet round limits exactly.
    let amount = prop_oneof![1i64..=900, (1i64..=18).prop_map(|k| k * 50)];
    prop_oneof![
        2 => (0..KINDS.len(), proptest::option::of(limits.clone()), proptest::option::weighted(0.1, any::<usize>()))
            .prop_map(|(kind, limits, again)| Op::Open { kind, limits, again }),
        8 => (any::<usize>(), proptest::collection::vec((any::<usize>(), amount), 1..4), proptest::bool::weighted(0.1))
            .prop_map(|(payer, payees, overridden)| Op::Pay { payer, payees, overridden }),
        1 => (any::<usize>(), any::<usize>(), 0i64..=1).prop_map(|(payer, payee, extra)| Op::PayRemaining { payer, payee, extra }),
        2 => (any::<usize>(), proptest::bool::weighted(0.2)).prop_map(|(tx, overridden)| Op::Reverse { tx, overridden }),
        1 => (any::<usize>(), limits).prop_map(|(account, (floor, ceiling))| Op::SetLimits { account, floor: floor / 100 * 100, ceiling: ceiling / 100 * 100 }),
        1 => any::<usize>().prop_map(|account| Op::Close { account }),
    ]
}

#[derive(Debug, Clone)]
struct ModelAccount {
    id: AccountId,
    balance: i64,
    floor: i64,
    ceiling: i64,
    closed: bool,
    /// An override or a limit change may have left it outside its limits.
    may_be_outside: bool,
}

#[derive(Debug, Clone)]
struct ModelTx {
    seq: i64,
    postings: Vec<(usize, i64)>,
    is_reversal: bool,
    reversed: bool,
}

/// What the rules allow, kept as simply as possible.
#[derive(Default)]
struct Model {
    accounts: Vec<ModelAccount>,
    txs: Vec<ModelTx>,
}

impl Model {
    /// Whether `postings` may be recorded, and if so the new balances.
    fn allows(&self, postings: &[(usize, i64)], overridden: bool) -> bool {
        let mut seen = std::collections::BTreeSet::new();
        postings.iter().all(|&(i, amount)| {
            let a = &self.accounts[i];
            let would_be = a.balance + amount;
            let within = overridden
                || (amount < 0 && would_be >= a.floor)
                || (amount > 0 && would_be <= a.ceiling);
            seen.insert(i) && !a.closed && within
        })
    }

    fn post(&mut self, postings: &[(usize, i64)], overridden: bool) {
        for &(i, amount) in postings {
            let a = &mut self.accounts[i];
            a.balance += amount;
            a.may_be_outside |= overridden;
        }
    }
}

struct Harness {
    store: Store,
    treasurer: KeyHolder,
    model: Model,
    now: DateTime<Utc>,
    today: NaiveDate,
    step: i64,
}

fn limits(floor: i64, ceiling: i64) -> Limits {
    Limits::new(Amount::from_minor(floor), Amount::from_minor(ceiling)).expect("limits around zero")
}

impl Harness {
    fn new() -> Harness {
        let treasurer = KeyHolder::treasurer(generate_key());
        let settings = Settings {
            community_name: "Proptest".into(),
            currency_name: "tijd".into(),
            currency_unit: "hours".into(),
            currency_symbol: "h".into(),
            time_zone: "Europe/Brussels".into(),
            default_language: "nl".into(),
            treasurer_key: treasurer.signer().public_key,
            // Narrow limits, so random payments run into them often.
            person_limits: limits(-1000, 1500),
            initiative_limits: limits(-3000, 3000),
            partner_limits: limits(-2000, 2000),
            system_limits: limits(-10000, 10000),
        };
        let now: DateTime<Utc> = "2026-03-10T11:00:00Z".parse().expect("a time");
        let ledger_id = ops::new_ledger_id();
        let genesis = treasurer.sign(
            &ledger_id,
            Entry {
                recorded_at: now,
                body: EntryBody::LedgerCreated(settings),
            },
        );
        let store = Store::create_in_memory(&ledger_id, genesis).expect("an in-memory ledger");
        let today = ops::today(store.settings(), now);
        Harness {
            store,
            treasurer,
            model: Model::default(),
            now,
            today,
            step: 0,
        }
    }

    /// Every entry a moment later than the one before, as in real use.
    fn tick(&mut self) -> DateTime<Utc> {
        self.step += 1;
        self.now + Duration::milliseconds(self.step)
    }

    fn reason(&self, what: &str) -> Reason {
        Reason::parse(&format!("{what} (step {})", self.step)).expect("a reason")
    }

    /// Applies one operation to the store and the model; panics (failing
    /// the property) when they disagree on whether it is allowed.
    fn apply(&mut self, op: &Op) {
        let n = self.model.accounts.len();
        let now = self.tick();
        match op {
            Op::Open {
                kind,
                limits: custom,
                again,
            } => {
                let (id, fresh) = match again {
                    Some(i) if n > 0 => (self.model.accounts[i % n].id.clone(), false),
                    _ => (AccountId::parse(&format!("A{n}")).expect("an id"), true),
                };
                let kind = KINDS[*kind];
                let limits_given = custom.map(|(f, c)| limits(f, c));
                let account = NewAccount {
                    id: id.clone(),
                    kind,
                    name: DisplayName::parse(&format!("Лідія {n}")).expect("a name"),
                    language: Language::parse("uk").expect("a language"),
                    limits: limits_given,
                };
                let result = ops::open_account(&mut self.store, &self.treasurer, account, now);
                assert_eq!(result.is_ok(), fresh, "open {id}: {result:?}");
                if fresh {
                    let l =
                        limits_given.unwrap_or_else(|| self.store.settings().default_limits(kind));
                    let (floor, ceiling) = (l.floor().minor(), l.ceiling().minor());
                    self.model.accounts.push(ModelAccount {
                        id,
                        balance: 0,
                        floor,
                        ceiling,
                        closed: false,
                        may_be_outside: false,
                    });
                }
            }
            Op::Pay {
                payer,
                payees,
                overridden,
            } => {
                if n < 2 {
                    return;
                }
                let payer = payer % n;
                let payees: Vec<(usize, i64)> = payees.iter().map(|&(p, a)| (p % n, a)).collect();
                let total: i64 = payees.iter().map(|(_, a)| a).sum();
                let mut postings = vec![(payer, -total)];
                postings.extend(payees.iter().copied());
                let allowed = self.model.allows(&postings, *overridden);
                let details = PaymentDetails {
                    date: self.today,
                    work: WorkKind::ALL[self.step as usize % 4],
                    skill: None,
                    description: Description::parse("Hulp").expect("a description"),
                    slip: Some(SlipRef::parse(&format!("S{}", self.step)).expect("a slip")),
                    override_reason: overridden.then(|| self.reason("board decision")),
                };
                let to: Vec<(AccountId, Amount)> = payees
                    .iter()
                    .map(|&(p, a)| (self.model.accounts[p].id.clone(), Amount::from_minor(a)))
                    .collect();
                let payer_id = self.model.accounts[payer].id.clone();
                let result = ops::pay(
                    &mut self.store,
                    &self.treasurer,
                    &payer_id,
                    &to,
                    details,
                    now,
                );
                assert_eq!(
                    result.is_ok(),
                    allowed,
                    "pay {payer_id} -> {to:?} (override {overridden}): {result:?}\n{:#?}",
                    self.model.accounts
                );
                if let Ok(seq) = result {
                    self.model.post(&postings, *overridden);
                    self.model.txs.push(ModelTx {
                        seq,
                        postings,
                        is_reversal: false,
                        reversed: false,
                    });
                }
            }
            Op::PayRemaining {
                payer,
                payee,
                extra,
            } => {
                if n < 2 {
                    return;
                }
                let p = &self.model.accounts[payer % n];
                let amount = p.balance - p.floor + extra;
                if amount > 0 {
                    self.apply(&Op::Pay {
                        payer: *payer,
                        payees: vec![(*payee, amount)],
                        overridden: false,
                    });
                }
            }
            Op::Reverse { tx, overridden } => {
                if self.model.txs.is_empty() {
                    return;
                }
                let t = tx % self.model.txs.len();
                let original = self.model.txs[t].clone();
                let negated: Vec<(usize, i64)> =
                    original.postings.iter().map(|&(i, a)| (i, -a)).collect();
                let allowed = !original.is_reversal
                    && !original.reversed
                    && self.model.allows(&negated, *overridden);
                let reason = self.reason("typo on the slip");
                let override_reason = overridden.then(|| self.reason("agreed with the member"));
                let result = ops::reverse(
                    &mut self.store,
                    &self.treasurer,
                    original.seq,
                    reason,
                    override_reason,
                    now,
                );
                assert_eq!(
                    result.is_ok(),
                    allowed,
                    "reverse #{} {original:?} (override {overridden}): {result:?}",
                    original.seq
                );
                if let Ok(seq) = result {
                    self.model.post(&negated, *overridden);
                    self.model.txs[t].reversed = true;
                    self.model.txs.push(ModelTx {
                        seq,
                        postings: negated,
                        is_reversal: true,
                        reversed: false,
                    });
                }
            }
            Op::SetLimits {
                account,
                floor,
                ceiling,
            } => {
                if n == 0 {
                    return;
                }
                let a = account % n;
                let id = self.model.accounts[a].id.clone();
                let reason = self.reason("new rules");
                let result = ops::set_limits(
                    &mut self.store,
                    &self.treasurer,
                    id.clone(),
                    limits(*floor, *ceiling),
                    reason,
                    now,
                );
                let allowed = !self.model.accounts[a].closed;
                assert_eq!(result.is_ok(), allowed, "set limits of {id}: {result:?}");
                if allowed {
                    let m = &mut self.model.accounts[a];
                    m.floor = *floor;
                    m.ceiling = *ceiling;
                    m.may_be_outside |= m.balance < m.floor || m.balance > m.ceiling;
                }
            }
            Op::Close { account } => {
                if n == 0 {
                    return;
                }
                let a = account % n;
                let id = self.model.accounts[a].id.clone();
                let reason = self.reason("moved away");
                let result =
                    ops::close_account(&mut self.store, &self.treasurer, id.clone(), reason, now);
                let allowed = !self.model.accounts[a].closed && self.model.accounts[a].balance == 0;
                assert_eq!(result.is_ok(), allowed, "close {id}: {result:?}");
                if allowed {
                    self.model.accounts[a].closed = true;
                }
            }
        }
    }

    /// The invariants that must hold after every step.
    fn check(&mut self) {
        let rows = self.store.accounts().expect("the accounts");
        assert_eq!(rows.len(), self.model.accounts.len());
        let by_id: BTreeMap<&AccountId, _> = rows.iter().map(|r| (&r.id, r)).collect();
        let mut total = 0;
        for m in &mut self.model.accounts {
            let row = by_id[&m.id];
            assert_eq!(row.balance.minor(), m.balance, "balance of {}", m.id);
            assert_eq!(
                (row.floor.minor(), row.ceiling.minor()),
                (m.floor, m.ceiling),
                "limits of {}",
                m.id
            );
            assert_eq!(
                row.status == AccountStatus::Closed,
                m.closed,
                "status of {}",
                m.id
            );
            let within = (m.floor..=m.ceiling).contains(&m.balance);
            assert!(
                within || m.may_be_outside,
                "{} is at {} outside {}..{} without an override",
                m.id,
                m.balance,
                m.floor,
                m.ceiling
            );
            if within {
                m.may_be_outside = false;
            }
            total += row.balance.minor();
        }
        assert_eq!(total, 0, "the balances do not sum to zero");

        let txs = self
            .store
            .transactions(&TxFilter::default())
            .expect("the transactions");
        assert_eq!(txs.len(), self.model.txs.len(), "transactions recorded");
        let mut sums: BTreeMap<AccountId, i64> = BTreeMap::new();
        for tx in &txs {
            assert_eq!(
                tx.postings.iter().map(|p| p.amount.minor()).sum::<i64>(),
                0,
                "#{} does not balance",
                tx.seq
            );
            for p in &tx.postings {
                *sums.entry(p.account.clone()).or_default() += p.amount.minor();
            }
        }
        for row in &rows {
            assert_eq!(
                sums.get(&row.id).copied().unwrap_or(0),
                row.balance.minor(),
                "cached balance of {} is not its postings' sum",
                row.id
            );
        }

        let report = akker::verify::verify(&self.store).expect("verify runs");
        assert!(
            report.is_ok(),
            "verify found problems: {:#?}",
            report.problems
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, max_shrink_iters: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_treasurer_work_keeps_every_invariant(ops in proptest::collection::vec(op(), 1..STEPS_MAX)) {
        let mut harness = Harness::new();
        // Start with a few accounts so payments happen from the first steps.
        for kind in [0, 0, 0, 0, 1, 3] {
            harness.apply(&Op::Open { kind, limits: None, again: None });
        }
        harness.check();
        for op in &ops {
            harness.apply(op);
            harness.check();
        }
    }

    #[test]
    fn amounts_print_and_parse_back_exactly(minor in -1_000_000i64..=1_000_000) {
        let amount = Amount::from_minor(minor);
        let text = amount.to_string();
        prop_assert_eq!(Amount::parse_signed(&text), Ok(amount));
        prop_assert_eq!(Amount::parse_signed(&text.replace('.', ",")), Ok(amount));
        // A third decimal is refused, never rounded.
        let longer = format!("{}1", text);
        prop_assert!(Amount::parse_signed(&longer).is_err());
    }
}
