//! Property test of the growth policy on the library: random payments
//! between members and an initiative, at random moments, with the floor
//! that grows with giving in force. Next to the store runs a small model
//! written from docs/signing.md ("The floor in force"). After every step:
//!
//! - the store accepted exactly the payments the model allows, refusing
//!   the others with the model's floor,
//! - the sum of all balances is exactly zero,
//! - and at the end `verify` (which replays the whole journal) finds
//!   nothing, and the floors the store shows are the model's: replaying
//!   the journal gives the same limits.

use std::collections::BTreeMap;

use akker::ledger::{
    AccountId, AccountKind, Amount, Description, DisplayName, Entry, EntryBody, Language,
    LedgerError, Limits, PaymentDetails, RuleError, SettingKey, Settings, SlipRef, WorkKind,
};
use akker::ops::{self, NewAccount};
use akker::signing::{generate_key, KeyHolder};
use akker::store::{Store, StoreError};
use chrono::{DateTime, Duration, Months, Utc};
use proptest::prelude::*;

const MEMBERS: [&str; 4] = ["M1", "M2", "M3", "M4"];
/// base -2.00, factor 0.50, one month, never below -10.00: small enough
/// that random payments reach the floor and the window slides.
const BASE: i64 = -200;
const FACTOR_H: i64 = 50;
const CAP: i64 = -1000;

#[derive(Debug, Clone)]
struct Step {
    payer: usize,
    payee: usize,
    minor: i64,
    /// Hours to move the clock on before paying.
    hours_later: i64,
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    prop::collection::vec(
        (0..5usize, 0..5usize, 1..600i64, 0..400i64).prop_map(
            |(payer, payee, minor, hours_later)| Step {
                payer,
                payee,
                minor,
                hours_later,
            },
        ),
        1..40,
    )
}

fn id(text: &str) -> AccountId {
    AccountId::parse(text).unwrap()
}

/// The account of index `i`: the four members, then the initiative.
fn account(i: usize) -> &'static str {
    MEMBERS.get(i).copied().unwrap_or("INIT")
}

fn round_half_away(n: i64, d: i64) -> i64 {
    let (q, r) = (n.abs() / d, n.abs() % d);
    let q = if r * 2 >= d { q + 1 } else { q };
    if n < 0 {
        -q
    } else {
        q
    }
}

/// The model: balances and each member's hours given, with their times.
#[derive(Default)]
struct Model {
    balance: BTreeMap<&'static str, i64>,
    given: BTreeMap<&'static str, Vec<(DateTime<Utc>, i64)>>,
}

impl Model {
    fn floor(&self, account: &str, at: DateTime<Utc>) -> i64 {
        if account == "INIT" {
            return -100_000;
        }
        let start = at.checked_sub_months(Months::new(1)).unwrap();
        let given: i64 = self.given.get(account).map_or(0, |g| {
            g.iter().filter(|(t, _)| *t >= start).map(|(_, m)| m).sum()
        });
        (BASE - round_half_away(given * FACTOR_H, 100)).max(CAP)
    }
}

fn setup(now: DateTime<Utc>) -> (Store, KeyHolder) {
    let treasurer = KeyHolder::treasurer(generate_key());
    let limits =
        |f: i64, c: i64| Limits::new(Amount::from_minor(f), Amount::from_minor(c)).unwrap();
    let settings = Settings {
        community_name: "Property".into(),
        currency_name: "tijd".into(),
        currency_unit: "hours".into(),
        currency_symbol: "h".into(),
        time_zone: "Europe/Brussels".into(),
        default_language: "nl".into(),
        treasurer_key: treasurer.signer().public_key,
        person_limits: limits(-2000, 100_000),
        initiative_limits: limits(-100_000, 100_000),
        partner_limits: limits(-2000, 4000),
        system_limits: limits(-500_000, 500_000),
    };
    let ledger_id = ops::new_ledger_id();
    let genesis = treasurer.sign(
        &ledger_id,
        Entry {
            recorded_at: now,
            body: EntryBody::LedgerCreated(settings),
        },
    );
    let mut store = Store::create_in_memory(&ledger_id, genesis).unwrap();
    for i in 0..5 {
        let kind = if i < 4 {
            AccountKind::Person
        } else {
            AccountKind::Initiative
        };
        let new = NewAccount {
            id: id(account(i)),
            kind,
            name: DisplayName::parse(account(i)).unwrap(),
            language: Language::parse("nl").unwrap(),
            limits: None,
        };
        ops::open_account(&mut store, &treasurer, new, now).unwrap();
    }
    for (key, value) in [
        (SettingKey::GrowthBase, "-2.00"),
        (SettingKey::GrowthFactor, "0.50"),
        (SettingKey::GrowthMonths, "1"),
        (SettingKey::GrowthCap, "-10.00"),
    ] {
        ops::set_setting(&mut store, &treasurer, key, value, now).unwrap();
    }
    (store, treasurer)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_payments_under_the_growth_policy_keep_every_rule(steps in steps()) {
        let mut now: DateTime<Utc> = "2026-01-05T09:00:00Z".parse().unwrap();
        let (mut store, treasurer) = setup(now);
        let mut model = Model::default();
        let mut last_recorded = now;
        for (n, step) in steps.iter().enumerate() {
            if step.payer == step.payee {
                continue;
            }
            // Never more than 31 days between entries: no clock jump.
            now = (now + Duration::hours(step.hours_later) + Duration::seconds(1))
                .min(last_recorded + Duration::days(30));
            let (payer, payee) = (account(step.payer), account(step.payee));
            let details = PaymentDetails {
                date: now.date_naive(),
                work: WorkKind::Care,
                skill: None,
                description: Description::parse("help").unwrap(),
                slip: Some(SlipRef::parse(&format!("S{n}")).unwrap()),
                override_reason: None,
            };
            let floor = model.floor(payer, now);
            let after = model.balance.get(payer).copied().unwrap_or(0) - step.minor;
            let result = ops::pay(
                &mut store,
                &treasurer,
                &id(payer),
                &[(id(payee), Amount::from_minor(step.minor))],
                details,
                now,
            );
            if after >= floor {
                prop_assert!(result.is_ok(), "step {n}: refused {result:?}, model floor {floor}");
                *model.balance.entry(payer).or_default() -= step.minor;
                *model.balance.entry(payee).or_default() += step.minor;
                last_recorded = now;
                if payee != "INIT" {
                    // A member paid (by a member or the initiative, no
                    // system account): hours given for work.
                    model.given.entry(payee).or_default().push((now, step.minor));
                }
            } else {
                match result {
                    Err(StoreError::Ledger(LedgerError::Rule(RuleError::BelowFloor { floor: f, .. }))) => {
                        prop_assert_eq!(f.minor(), floor, "step {}", n);
                    }
                    other => prop_assert!(false, "step {n}: expected a refusal at {floor}, got {other:?}"),
                }
            }
            let total: i64 = store.accounts().unwrap().iter().map(|a| a.balance.minor()).sum();
            prop_assert_eq!(total, 0);
        }
        let report = akker::verify::verify(&store).unwrap();
        prop_assert!(report.is_ok(), "{:?}", report.problems);
        for view in store.limit_views(now).unwrap() {
            let name = view.account.as_str().to_string();
            let expected = model.floor(
                MEMBERS.iter().chain(["INIT"].iter()).find(|m| **m == name).unwrap(),
                now,
            );
            if view.kind == AccountKind::Person {
                prop_assert_eq!(view.floor.minor(), expected, "{}", name);
            }
        }
    }
}
