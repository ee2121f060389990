//! Large generated ledgers, for benchmarks and load tests: thousands of
//! accounts and up to millions of signed transactions spread over a year,
//! written through the same `Store::append` path as everything else (every
//! signature checked, every limit enforced).

use std::path::Path;
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

use crate::ledger::{
    AccountId, AccountKind, Amount, Description, DisplayName, Entry, EntryBody, KdfParams,
    Language, Limits, PaymentDetails, Settings, SlipRef, Transaction, WorkKind,
};
use crate::ops::{self, NewAccount};
use crate::signing::{generate_key, KeyHolder};
use crate::store::{Pending, Store, StoreError};

pub const PASSPHRASE: &str = "bench passphrase";

/// Transactions per `Store::append` call: one SQLite transaction each.
const BATCH_LEN: usize = 50_000;

pub struct Generated {
    pub store: Store,
    pub treasurer: KeyHolder,
    /// The treasurer's key file text (passphrase: [`PASSPHRASE`]).
    pub key_file: String,
    pub timings: Timings,
}

#[derive(Debug, Default, Clone)]
pub struct Timings {
    pub signing: StdDuration,
    pub recording: StdDuration,
    pub transactions: usize,
}

/// Creates a ledger at `path` with `accounts` person accounts (plus a few
/// initiatives) and `transactions` signed payments recorded over the year
/// before `end`. Deterministic for the same arguments, apart from keys.
pub fn generate_ledger(
    path: &Path,
    accounts: usize,
    transactions: usize,
    end: DateTime<Utc>,
) -> Result<Generated, StoreError> {
    let key = generate_key();
    // Cheap KDF parameters: this file is for measuring, not for keeping.
    let key_file = crate::signing::keyfile::seal(
        &key,
        PASSPHRASE,
        KdfParams {
            memory_kib: 1024,
            iterations: 1,
            parallelism: 1,
        },
    )
    .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let treasurer = KeyHolder::treasurer(key);
    let start = end - Duration::days(365);
    let mut store = ops::init(
        path,
        settings(treasurer.signer().public_key),
        &treasurer,
        start,
    )?;
    let ids = open_accounts(&mut store, &treasurer, accounts, start)?;
    let mut plan = Plan::new(&ids, start, end, transactions);
    let mut timings = Timings {
        transactions,
        ..Timings::default()
    };
    let mut done = 0;
    while done < transactions {
        let n = BATCH_LEN.min(transactions - done);
        let txs: Vec<(DateTime<Utc>, Transaction)> = (0..n).map(|_| plan.next()).collect();
        let signing = Instant::now();
        let ledger_id = store.ledger_id().to_string();
        let batch: Vec<Pending> = txs
            .into_par_iter()
            .map(|(at, tx)| {
                Pending::entry(treasurer.sign(
                    &ledger_id,
                    Entry {
                        recorded_at: at,
                        body: EntryBody::Transaction(tx),
                    },
                ))
            })
            .collect();
        timings.signing += signing.elapsed();
        let recording = Instant::now();
        store.append(batch)?;
        timings.recording += recording.elapsed();
        done += n;
    }
    Ok(Generated {
        store,
        treasurer,
        key_file,
        timings,
    })
}

fn settings(treasurer_key: [u8; 32]) -> Settings {
    let limits = |f: i64, c: i64| {
        Limits::new(Amount::from_minor(f * 100), Amount::from_minor(c * 100))
            .expect("limits include zero")
    };
    Settings {
        community_name: "Bench community".into(),
        currency_name: "tijd".into(),
        currency_unit: "hours".into(),
        currency_symbol: "h".into(),
        time_zone: "Europe/Brussels".into(),
        default_language: "nl".into(),
        treasurer_key,
        person_limits: limits(-200, 200),
        initiative_limits: limits(-2000, 2000),
        partner_limits: limits(-2000, 2000),
        system_limits: limits(-100_000, 100_000),
    }
}

fn open_accounts(
    store: &mut Store,
    treasurer: &KeyHolder,
    count: usize,
    at: DateTime<Utc>,
) -> Result<Vec<AccountId>, StoreError> {
    let names = [
        "Marie Dubois",
        "Jan Peeters",
        "فاطمة الزهراء",
        "Mehmet Yılmaz",
        "Олена Коваленко",
        "Zoë Lefèvre",
    ];
    let mut ids = Vec::with_capacity(count);
    let mut batch = Vec::with_capacity(count);
    for i in 0..count {
        let kind = if i % 100 == 99 {
            AccountKind::Initiative
        } else {
            AccountKind::Person
        };
        let id = AccountId::parse(&format!(
            "{}{:05}",
            if kind == AccountKind::Person {
                "M"
            } else {
                "INIT-"
            },
            i + 1
        ))
        .expect("valid id");
        let account = NewAccount {
            id: id.clone(),
            kind,
            name: DisplayName::parse(&format!("{} {}", names[i % names.len()], i + 1))
                .expect("valid name"),
            language: Language::parse(["nl", "fr", "en", "ar", "tr"][i % 5])
                .expect("valid language"),
            limits: None,
        };
        batch.push(ops::open_account_entry(
            store,
            treasurer,
            account,
            at + Duration::microseconds(i as i64 + 1),
        ));
        ids.push(id);
    }
    store.append(batch)?;
    Ok(ids)
}

/// Chooses payments that keep every account within its limits, by
/// tracking balances as it goes.
struct Plan<'a> {
    ids: &'a [AccountId],
    balances: Vec<i64>,
    rng: ChaCha8Rng,
    start: DateTime<Utc>,
    step_us: i64,
    issued: i64,
    descriptions: Vec<Description>,
}

impl<'a> Plan<'a> {
    fn new(
        ids: &'a [AccountId],
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        transactions: usize,
    ) -> Plan<'a> {
        let span_us = (end - start).num_microseconds().unwrap_or(i64::MAX) - 10_000_000;
        let descriptions = [
            "Op de kinderen gepast",
            "Fiets hersteld",
            "Nederlandse les",
            "Straatfeest",
            "Brief vertaald",
        ]
        .iter()
        .map(|d| Description::parse(d).expect("valid"))
        .collect();
        Plan {
            ids,
            balances: vec![0; ids.len()],
            rng: ChaCha8Rng::seed_from_u64(42),
            start: start + Duration::seconds(5),
            step_us: (span_us / transactions.max(1) as i64).max(1),
            issued: 0,
            descriptions,
        }
    }

    fn next(&mut self) -> (DateTime<Utc>, Transaction) {
        let n = self.ids.len();
        let amount = 25 * self.rng.gen_range(1..=12);
        let (payer, payee) = loop {
            let payer = self.rng.gen_range(0..n);
            let payee = self.rng.gen_range(0..n);
            // 150 hours of margin keeps every account inside -200..200.
            if payer != payee
                && self.balances[payer] - amount > -15_000
                && self.balances[payee] + amount < 15_000
            {
                break (payer, payee);
            }
        };
        self.balances[payer] -= amount;
        self.balances[payee] += amount;
        self.issued += 1;
        let at = self.start + Duration::microseconds(self.issued * self.step_us);
        let date: NaiveDate = chrono_tz::Europe::Brussels
            .from_utc_datetime(&at.naive_utc())
            .date_naive();
        let work = WorkKind::ALL[self.issued as usize % 4];
        let details = PaymentDetails {
            date,
            work,
            skill: None,
            description: self.descriptions[self.issued as usize % self.descriptions.len()].clone(),
            slip: (self.issued % 3 == 0)
                .then(|| SlipRef::parse(&format!("B-{}", self.issued)).expect("valid slip")),
            override_reason: None,
        };
        let tx = Transaction::payment(
            &self.ids[payer],
            &[(self.ids[payee].clone(), Amount::from_minor(amount))],
            details,
        )
        .expect("generated payments balance");
        (at, tx)
    }
}
