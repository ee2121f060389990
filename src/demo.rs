//! The demo community: a believable small time bank in Brussels, built in
//! a new ledger so a newcomer sees akker's main job end to end. About forty
//! people with names from many cultures and scripts, four initiatives, a
//! partner, the community fund, six months of exchanges of every kind of
//! work, paper slips, late entries and a few reversals. Deterministic
//! apart from card secrets and keys (which must be random).
//!
//! One file a little over 800 lines because it is one story told in
//! order: every later entry (requests, gifts, the fund) is recorded after
//! the history so the figures other tests pin stay where they are.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

use crate::ledger::{
    AccountId, AccountKind, Amount, Description, DisplayName, Entry, EntryBody, KdfParams,
    Language, Limits, Month, PaymentDetails, Reason, Settings, Skill, SlipRef, Transaction,
    WorkKind,
};
use crate::ops::{self, NewAccount};
use crate::signing::{generate_key, CardCode, CardSecret, KeyHolder, Pin};
use crate::store::{Pending, Store, StoreError};

pub const PASSPHRASE: &str = "demo";
pub const COMMUNITY: &str = "Buurtuur Sint-Gillis (demo)";

/// (id, name, language)
const PEOPLE: &[(&str, &str, &str)] = &[
    ("M001", "Marie Dubois", "fr"),
    ("M002", "Jan Peeters", "nl"),
    ("M003", "فاطمة الزهراء بنعلي", "ar"),
    ("M004", "Mehmet Yılmaz", "tr"),
    ("M005", "Олена Коваленко", "uk"),
    ("M006", "Zoë Lefèvre", "fr"),
    ("M007", "Şükrü Öztürk", "tr"),
    ("M008", "Amadou Diallo", "fr"),
    ("M009", "Els Vermeulen", "nl"),
    ("M010", "يوسف العلمي", "ar"),
    ("M011", "Agnieszka Nowak", "pl"),
    ("M012", "Ioana Popescu", "ro"),
    ("M013", "Νίκος Παπαδόπουλος", "el"),
    ("M014", "Kwame Mensah", "en"),
    ("M015", "Lotte Janssens", "nl"),
    ("M016", "احمد رحیمی", "fa"),
    ("M017", "Sofía Martínez", "es"),
    ("M018", "Дмитро Шевченко", "uk"),
    ("M019", "Aïcha Benali", "fr"),
    ("M020", "Pieter De Smet", "nl"),
    ("M021", "Hatice Kaya", "tr"),
    ("M022", "Mariam Tesfaye", "en"),
    ("M023", "Luc Lambert", "fr"),
    ("M024", "Nadia El Amrani", "nl"),
    ("M025", "Ольга Иванова", "ru"),
    ("M026", "João Silva", "pt"),
    ("M027", "Anouk Claes", "nl"),
    ("M028", "سمير حداد", "ar"),
    ("M029", "Grace Mbuyi", "fr"),
    ("M030", "Wim Maes", "nl"),
    ("M031", "Elif Demir", "tr"),
    ("M032", "Chantal Mukendi", "fr"),
    ("M033", "Tomasz Wiśniewski", "pl"),
    ("M034", "Hanne Willems", "nl"),
    ("M035", "رانيا صالح", "ar"),
    ("M036", "Bram Goossens", "nl"),
    ("M037", "Inès Moreau", "fr"),
    ("M038", "Оксана Бондар", "uk"),
    ("M039", "Yasmina Ouali", "nl"),
    ("M040", "Koen Wouters", "nl"),
];

/// (id, name, kind, language)
const GROUPS: &[(&str, &str, AccountKind, &str)] = &[
    ("SYS-FUND", "Gemeenschapsfonds", AccountKind::System, "nl"),
    (
        "PARTNER-OCMW",
        "OCMW / CPAS Sint-Gillis",
        AccountKind::Partner,
        "nl",
    ),
    (
        "INIT-WERELDVROUWEN",
        "Wereldvrouwen",
        AccountKind::Initiative,
        "nl",
    ),
    (
        "INIT-REPAIRCAFE",
        "Repair Café De Akker",
        AccountKind::Initiative,
        "nl",
    ),
    (
        "INIT-OUDERCIRKEL",
        "Oudercirkel kinderopvang",
        AccountKind::Initiative,
        "fr",
    ),
    (
        "INIT-VRIJETIJD",
        "Vrijetijdsclub Samen Uit",
        AccountKind::Initiative,
        "nl",
    ),
];

/// Cards issued in the demo: (account, PIN, holder). The first ones are
/// printed so a newcomer can log in at the kiosk.
const CARDS: &[(&str, &str, Option<&str>)] = &[
    ("M001", "2468", None),
    ("M003", "1357", None),
    ("M005", "8642", None),
    ("M004", "9753", None),
    ("INIT-WERELDVROUWEN", "1122", Some("M003")),
    ("M002", "4321", None),
    ("M006", "5555", None),
    ("M008", "8080", None),
    ("M010", "1010", None),
    ("M015", "1515", None),
    ("M021", "2121", None),
];

pub const PRINTED_CARDS: usize = 5;

/// Skills per kind of work, with a description in Dutch (the ledger's
/// language; descriptions are what the members wrote on their slips).
const SKILLS: &[(WorkKind, &str, &str)] = &[
    (WorkKind::Care, "childcare", "Op de kinderen gepast"),
    (
        WorkKind::Care,
        "elderly-visit",
        "Bezoek en boodschappen voor buurvrouw",
    ),
    (WorkKind::Care, "cooking", "Maaltijd gekookt"),
    (
        WorkKind::Community,
        "neighbourhood",
        "Straatfeest mee opgebouwd",
    ),
    (WorkKind::Community, "cleanup", "Opruimactie in het park"),
    (WorkKind::SelfDevelopment, "language", "Nederlandse les"),
    (
        WorkKind::SelfDevelopment,
        "computer-help",
        "Hulp met computer en e-mail",
    ),
    (WorkKind::SelfDevelopment, "tutoring", "Huiswerkbegeleiding"),
    (WorkKind::Practical, "bike-repair", "Fiets hersteld"),
    (WorkKind::Practical, "translation", "Brief vertaald"),
    (WorkKind::Practical, "gardening", "Tuin onderhouden"),
    (WorkKind::Practical, "sewing", "Kleren hersteld"),
];

pub struct DemoCard {
    pub code: CardCode,
    pub pin: &'static str,
    pub holder: Option<&'static str>,
    pub name: String,
}

pub struct Demo {
    pub store: Store,
    pub treasurer: KeyHolder,
    pub cards: Vec<DemoCard>,
    /// The last complete month, whose statements the demo prints.
    pub last_month: Month,
}

/// Builds the demo community in a new file at `path`; returns the store
/// and the key file's text (sealed with the passphrase `demo`).
pub fn build(path: &Path, now: DateTime<Utc>) -> Result<(Demo, String), StoreError> {
    let key = generate_key();
    let sealed = crate::signing::keyfile::seal(&key, PASSPHRASE, KdfParams::STRONG)
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let treasurer = KeyHolder::treasurer(key);
    let this_month = Month::of_date(now.with_timezone(&chrono_tz::Europe::Brussels).date_naive());
    let first_month = (0..6).fold(this_month, |m, _| m.previous());
    let start = first_month.start_utc(chrono_tz::Europe::Brussels) + Duration::hours(9);
    let store = ops::init(
        path,
        settings(treasurer.signer().public_key),
        &treasurer,
        start,
    )?;
    let mut builder = Builder::new(store, treasurer, start);
    builder.open_accounts()?;
    let cards = builder.issue_cards()?;
    builder.exchanges(first_month, this_month, now)?;
    builder.limits_and_fund()?;
    builder.requests()?;
    let demo = Demo {
        store: builder.store,
        treasurer: builder.treasurer,
        cards,
        last_month: this_month.previous(),
    };
    Ok((demo, sealed))
}

fn settings(treasurer_key: [u8; 32]) -> Settings {
    let limits = |f: i64, c: i64| {
        Limits::new(Amount::from_minor(f * 100), Amount::from_minor(c * 100))
            .expect("demo limits include zero")
    };
    Settings {
        community_name: COMMUNITY.to_string(),
        currency_name: "tijd".to_string(),
        currency_unit: "hours".to_string(),
        currency_symbol: "h".to_string(),
        time_zone: "Europe/Brussels".to_string(),
        default_language: "nl".to_string(),
        treasurer_key,
        person_limits: limits(-20, 40),
        initiative_limits: limits(-100, 200),
        partner_limits: limits(-100, 200),
        system_limits: limits(-5000, 5000),
    }
}

fn id(text: &str) -> AccountId {
    AccountId::parse(text).expect("demo ids are valid")
}

struct Builder {
    store: Store,
    treasurer: KeyHolder,
    clock: DateTime<Utc>,
    rng: ChaCha8Rng,
    pending: Vec<Pending>,
    /// Balances and limits as the demo writes them, so it never asks the
    /// store for something the rules would refuse.
    balances: HashMap<AccountId, (i64, Limits)>,
    card_keys: HashMap<AccountId, KeyHolder>,
    slip_counter: u32,
    next_seq: i64,
    /// Nothing is recorded after this moment (the demo's "now").
    until: DateTime<Utc>,
    /// Transactions the demo will reverse: (seq, original, reason).
    mistakes: Vec<(i64, Transaction, &'static str)>,
}

impl Builder {
    fn new(store: Store, treasurer: KeyHolder, start: DateTime<Utc>) -> Builder {
        Builder {
            store,
            treasurer,
            clock: start,
            rng: ChaCha8Rng::seed_from_u64(2026),
            pending: Vec::new(),
            balances: HashMap::new(),
            card_keys: HashMap::new(),
            slip_counter: 0,
            next_seq: 2,
            until: DateTime::<Utc>::MAX_UTC,
            mistakes: Vec::new(),
        }
    }

    fn tick(&mut self, at_least: DateTime<Utc>) -> DateTime<Utc> {
        self.clock =
            self.clock.max(at_least) + Duration::microseconds(self.rng.gen_range(1_000..5_000_000));
        self.clock
    }

    fn push(&mut self, pending: Pending) {
        self.pending.push(pending);
        self.next_seq += 1;
    }

    fn flush(&mut self) -> Result<(), StoreError> {
        let batch = std::mem::take(&mut self.pending);
        if !batch.is_empty() {
            self.store.append(batch)?;
        }
        Ok(())
    }

    fn open_accounts(&mut self) -> Result<(), StoreError> {
        let groups = GROUPS.iter().map(|(i, n, k, l)| (*i, *n, *k, *l));
        let people = PEOPLE
            .iter()
            .map(|(i, n, l)| (*i, *n, AccountKind::Person, *l));
        for (account, name, kind, language) in groups.chain(people) {
            let now = self.tick(self.clock);
            let new = NewAccount {
                id: id(account),
                kind,
                name: DisplayName::parse(name).expect("demo names are valid"),
                language: Language::parse(language).expect("demo languages are valid"),
                limits: None,
            };
            let limits = self.store.settings().default_limits(kind);
            self.balances.insert(id(account), (0, limits));
            let pending = ops::open_account_entry(&self.store, &self.treasurer, new, now);
            self.push(pending);
        }
        self.flush()
    }

    /// Derives the card keys on both cores (Argon2id is slow by design).
    fn issue_cards(&mut self) -> Result<Vec<DemoCard>, StoreError> {
        let ledger_id = self.store.ledger_id().to_string();
        let derived: Vec<(CardCode, KeyHolder)> = CARDS
            .par_iter()
            .map(|(account, pin, _)| {
                let code = CardCode {
                    account: id(account),
                    secret: CardSecret::generate(),
                };
                let pin = Pin::parse(pin).expect("demo PINs are valid");
                let key =
                    crate::signing::derive_card_key(&ledger_id, &code, &pin, KdfParams::STRONG)
                        .expect("demo KDF parameters are valid");
                let kind = if account.starts_with('M') {
                    AccountKind::Person
                } else {
                    AccountKind::Initiative
                };
                let holder = KeyHolder {
                    key,
                    role: crate::ledger::SignerRole::for_card_of(kind),
                    account: Some(id(account)),
                };
                (code, holder)
            })
            .collect();
        let mut cards = Vec::new();
        for ((code, holder), (account, pin, card_holder)) in derived.into_iter().zip(CARDS) {
            let now = self.tick(self.clock);
            let body = EntryBody::CardIssued {
                account: code.account.clone(),
                card_number: 1,
                public_key: holder.signer().public_key,
                holder: card_holder.map(id),
                kdf: KdfParams::STRONG,
                reason: Reason::parse("first card").expect("valid"),
            };
            let signed = self.treasurer.sign(
                &ledger_id,
                Entry {
                    recorded_at: now,
                    body,
                },
            );
            // The kiosk's check of the card, as `akker card issue` keeps it.
            let check = crate::signing::card_check_hash(&ledger_id, &code, 1);
            self.push(Pending::with_card_check(signed, check));
            let name = self
                .store
                .account(&code.account)?
                .and_then(|a| a.display_name)
                .unwrap_or_default();
            cards.push(DemoCard {
                code: code.clone(),
                pin,
                holder: *card_holder,
                name,
            });
            self.card_keys.insert(id(account), holder);
        }
        self.flush()?;
        Ok(cards)
    }

    fn exchanges(
        &mut self,
        first: Month,
        this_month: Month,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.until = now - Duration::minutes(10);
        let mut month = first;
        while month <= this_month {
            if month == first {
                self.welcome_credits(month)?;
            }
            let days = if month == this_month {
                now.with_timezone(&chrono_tz::Europe::Brussels)
                    .day()
                    .saturating_sub(1)
            } else {
                month.last_day().day()
            };
            for day in 1..=days {
                let date =
                    NaiveDate::from_ymd_opt(month.year, month.month, day).expect("valid day");
                self.one_day(date)?;
            }
            self.flush()?;
            self.reverse_mistakes()?;
            month = month.next();
        }
        self.flush()
    }

    /// The community fund welcomes the first members with two hours each
    /// in the first month.
    fn welcome_credits(&mut self, month: Month) -> Result<(), StoreError> {
        let date = month.first_day() + Duration::days(1);
        let payees: Vec<(AccountId, Amount)> = PEOPLE
            .iter()
            .take(30)
            .map(|(i, _, _)| (id(i), Amount::from_minor(200)))
            .collect();
        let details = details(date, WorkKind::Community, None, "Welkomstkrediet", None);
        self.treasurer_payment(date, &id("SYS-FUND"), &payees, details);
        Ok(())
    }

    fn one_day(&mut self, date: NaiveDate) -> Result<(), StoreError> {
        let person_exchanges = self.rng.gen_range(1..=4);
        for _ in 0..person_exchanges {
            self.person_exchange(date);
        }
        if date.weekday() == chrono::Weekday::Sat {
            self.initiative_activity(date);
        }
        if date.day() == 15 && self.rng.gen_bool(0.5) {
            let details = details(
                date,
                WorkKind::Community,
                Some("neighbourhood"),
                "Zaal klaargezet voor vorming",
                None,
            );
            self.treasurer_payment(
                date,
                &id("PARTNER-OCMW"),
                &[(id("INIT-VRIJETIJD"), Amount::from_minor(600))],
                details,
            );
        }
        Ok(())
    }

    fn card_payment(
        &mut self,
        date: NaiveDate,
        payer: &AccountId,
        payees: &[(AccountId, Amount)],
        details: PaymentDetails,
    ) {
        let tx = Transaction::payment(payer, payees, details).expect("demo payments balance");
        let at = self.recorded_time(date, false);
        let card = &self.card_keys[payer];
        let signed = card.sign(
            self.store.ledger_id(),
            Entry {
                recorded_at: at,
                body: EntryBody::Transaction(tx),
            },
        );
        self.apply_balances(payer, payees);
        self.push(Pending::entry(signed));
    }

    fn person_exchange(&mut self, date: NaiveDate) {
        let payer = id(PEOPLE[self.rng.gen_range(0..PEOPLE.len())].0);
        let payee = id(PEOPLE[self.rng.gen_range(0..PEOPLE.len())].0);
        if payer == payee {
            return;
        }
        let (work, skill, what) = SKILLS[self.rng.gen_range(0..SKILLS.len())];
        let amount = Amount::from_minor(50 * self.rng.gen_range(1..=6));
        let payees = [(payee, amount)];
        if !self.within_limits(&payer, &payees) {
            return;
        }
        if self.card_keys.contains_key(&payer) && self.rng.gen_bool(0.7) {
            self.card_payment(
                date,
                &payer,
                &payees,
                details(date, work, Some(skill), what, None),
            );
            return;
        }
        self.slip_counter += 1;
        let slip = format!("{}-{:03}", date.format("%Y-%m"), self.slip_counter);
        let details = details(date, work, Some(skill), what, Some(slip));
        let seq = self.next_seq;
        let tx = self.treasurer_payment(date, &payer, &payees, details);
        if self.slip_counter % 97 == 13 {
            self.mistakes
                .push((seq, tx, "amount written wrong on the slip"));
        }
    }

    /// An initiative pays several members after an activity, in one
    /// transaction, signed by its key holder or from the treasurer's slip.
    fn initiative_activity(&mut self, date: NaiveDate) {
        let (initiative, work, skill, what) = match self.rng.gen_range(0..4) {
            0 => (
                "INIT-WERELDVROUWEN",
                WorkKind::Community,
                "cooking",
                "Kookatelier en buurtmaaltijd",
            ),
            1 => (
                "INIT-REPAIRCAFE",
                WorkKind::Practical,
                "bike-repair",
                "Repair Café: herstellers",
            ),
            2 => (
                "INIT-OUDERCIRKEL",
                WorkKind::Care,
                "childcare",
                "Opvang tijdens oudercafé",
            ),
            _ => (
                "INIT-VRIJETIJD",
                WorkKind::SelfDevelopment,
                "tutoring",
                "Begeleiding uitstap en vorming",
            ),
        };
        let initiative = id(initiative);
        let helpers = self.rng.gen_range(3..=6);
        let mut payees: Vec<(AccountId, Amount)> = Vec::new();
        while payees.len() < helpers {
            let member = id(PEOPLE[self.rng.gen_range(0..PEOPLE.len())].0);
            if payees.iter().all(|(m, _)| m != &member) {
                payees.push((member, Amount::from_minor(50 * self.rng.gen_range(2..=6))));
            }
        }
        if !self.within_limits(&initiative, &payees) {
            // The group has spent its hours: members give some back by
            // taking part in a paid workshop.
            let member = payees[0].0.clone();
            let back = [(initiative.clone(), Amount::from_minor(300))];
            if self.within_limits(&member, &back) {
                let details = details(
                    date,
                    WorkKind::SelfDevelopment,
                    Some("workshop"),
                    "Deelname workshop",
                    None,
                );
                self.treasurer_payment(date, &member, &back, details);
            }
            return;
        }
        if self.card_keys.contains_key(&initiative) {
            self.card_payment(
                date,
                &initiative,
                &payees,
                details(date, work, Some(skill), what, None),
            );
            return;
        }
        self.slip_counter += 1;
        let slip = format!("{}-{:03}", date.format("%Y-%m"), self.slip_counter);
        let details = details(date, work, Some(skill), what, Some(slip));
        self.treasurer_payment(date, &initiative, &payees, details);
    }

    /// When an entry is recorded: on the day for a card, up to six days
    /// later for a paper slip (so some slips land in the next month).
    fn recorded_time(&mut self, date: NaiveDate, from_paper: bool) -> DateTime<Utc> {
        let delay_days = if from_paper {
            self.rng.gen_range(0..=6)
        } else {
            0
        };
        let local = (date + Duration::days(delay_days))
            .and_hms_opt(self.rng.gen_range(9..20), self.rng.gen_range(0..60), 0)
            .expect("valid time");
        let at = chrono_tz::Europe::Brussels
            .from_local_datetime(&local)
            .earliest()
            .expect("no gap at these hours")
            .with_timezone(&Utc);
        let before = self.clock;
        let at = self.tick(at);
        if at > self.until {
            // A slip that would be typed in after "now" is recorded right
            // after "now" minus ten minutes, or after the entry before it:
            // recording time never goes back. (The same random draws as
            // always, so the demo's community stays the same.)
            self.clock = before.max(self.until);
            return self.tick(self.clock);
        }
        at
    }

    fn treasurer_payment(
        &mut self,
        date: NaiveDate,
        payer: &AccountId,
        payees: &[(AccountId, Amount)],
        details: PaymentDetails,
    ) -> Transaction {
        let from_paper = details.slip.is_some();
        let tx = Transaction::payment(payer, payees, details).expect("demo payments balance");
        let at = self.recorded_time(date, from_paper);
        let signed = self.treasurer.sign(
            self.store.ledger_id(),
            Entry {
                recorded_at: at,
                body: EntryBody::Transaction(tx.clone()),
            },
        );
        self.apply_balances(payer, payees);
        self.push(Pending::entry(signed));
        tx
    }

    fn within_limits(&self, payer: &AccountId, payees: &[(AccountId, Amount)]) -> bool {
        let total: i64 = payees.iter().map(|(_, a)| a.minor()).sum();
        let (balance, limits) = self.balances[payer];
        if balance - total < limits.floor().minor() {
            return false;
        }
        payees.iter().all(|(p, a)| {
            let (b, l) = self.balances[p];
            b + a.minor() <= l.ceiling().minor()
        })
    }

    fn apply_balances(&mut self, payer: &AccountId, payees: &[(AccountId, Amount)]) {
        let total: i64 = payees.iter().map(|(_, a)| a.minor()).sum();
        if let Some(entry) = self.balances.get_mut(payer) {
            entry.0 -= total;
        }
        for (p, a) in payees {
            if let Some(entry) = self.balances.get_mut(p) {
                entry.0 += a.minor();
            }
        }
    }

    /// Issue 13 in the demo: the community fund's account, a gift of one
    /// hour to it, a soft floor for person accounts, and the member with
    /// the lowest balance agreeing to a soft floor just above it, so the
    /// demo shows one member past a soft floor. Recorded after every
    /// exchange, so the months' figures stay as they were.
    fn limits_and_fund(&mut self) -> Result<(), StoreError> {
        let now = self.tick(self.clock);
        for (key, value) in [
            (crate::ledger::SettingKey::FundAccount, "SYS-FUND"),
            (crate::ledger::SettingKey::SoftFloorPerson, "-15.00"),
        ] {
            ops::set_setting(&mut self.store, &self.treasurer, key, value, now)?;
        }
        // The member with the most hours gives one to the community fund,
        // from a paper slip: a gift, never counted as work.
        let highest = PEOPLE
            .iter()
            .map(|(i, _, _)| id(i))
            .filter_map(|a| self.balances.get(&a).map(|(b, _)| (*b, a)))
            .max();
        if let Some((balance, giver)) = highest.filter(|(b, _)| *b >= 100) {
            let request = ops::fund::GiftRequest {
                from: giver.clone(),
                to: None,
                amount: Amount::from_minor(100),
                why: Description::parse("voor de gemeenschapskas").expect("valid"),
                slip: Some(SlipRef::parse("G-001").expect("valid")),
            };
            ops::fund::gift(&mut self.store, &self.treasurer, request, now)?;
            if let Some(entry) = self.balances.get_mut(&giver) {
                entry.0 = balance - 100;
            }
        }
        let lowest = PEOPLE
            .iter()
            .map(|(i, _, _)| id(i))
            .filter_map(|a| self.balances.get(&a).map(|(b, _)| (*b, a)))
            .min();
        if let Some((balance, account)) = lowest {
            // The next whole hour above the balance, at most zero.
            let soft_floor = ((balance.div_euclid(100) + 1) * 100).min(0);
            if soft_floor > balance {
                ops::fund::set_soft_limits(
                    &mut self.store,
                    &self.treasurer,
                    account,
                    Some(Amount::from_minor(soft_floor)),
                    None,
                    Reason::parse("agreed with the member: a call below this").expect("valid"),
                    now,
                )?;
            }
        }
        Ok(())
    }

    /// Requests (issue 12), recorded in the last minutes before "now" so
    /// the months before keep every figure: M001 finds one waiting at
    /// the kiosk, a workshop of the Wereldvrouwen waits on two members,
    /// one was confirmed, one declined with a reason, one withdrawn.
    /// Each is signed with its member's card, as at the kiosk.
    fn requests(&mut self) -> Result<(), StoreError> {
        use crate::ledger::DeclineReason;
        use crate::ops::requests::{self as rq, NewRequest};
        self.flush()?;
        let mut at = self.clock.max(self.until);
        let mut next = || {
            at += Duration::seconds(37);
            at
        };
        let today = self
            .until
            .with_timezone(&chrono_tz::Europe::Brussels)
            .date_naive();
        let ask = |payers: &[(&str, i64)], payee: &str, work, skill: &str, what: &str| NewRequest {
            payers: payers
                .iter()
                .map(|(p, m)| (id(p), Amount::from_minor(*m)))
                .collect(),
            payee: id(payee),
            date: today,
            work,
            skill: Some(Skill::parse(skill).expect("demo skills are valid")),
            description: Description::parse(what).expect("demo descriptions are valid"),
            slip: None,
        };
        let keys = &self.card_keys;
        let card = |account: &str| {
            let held = &keys[&id(account)];
            KeyHolder {
                key: held.key.clone(),
                role: held.role,
                account: held.account.clone(),
            }
        };
        let [m002, wereldvrouwen, m006, m008, m010, m005, m015] = [
            "M002",
            "INIT-WERELDVROUWEN",
            "M006",
            "M008",
            "M010",
            "M005",
            "M015",
        ]
        .map(card);
        let pending = ask(
            &[("M001", 150)],
            "M002",
            WorkKind::Care,
            "cooking",
            "Soep gekookt voor de week",
        );
        rq::make_requests(&mut self.store, &m002, pending, next())?;
        let workshop = ask(
            &[("M005", 200), ("M004", 200)],
            "INIT-WERELDVROUWEN",
            WorkKind::SelfDevelopment,
            "sewing",
            "Naaiatelier: een rok gemaakt",
        );
        rq::make_requests(&mut self.store, &wereldvrouwen, workshop, next())?;
        let payees = [(id("M006"), Amount::from_minor(100))];
        if self.within_limits(&id("M008"), &payees) {
            let done = ask(
                &[("M008", 100)],
                "M006",
                WorkKind::Practical,
                "bike-repair",
                "Fietsband hersteld",
            );
            let made = rq::make_requests(&mut self.store, &m006, done, next())?;
            rq::confirm_request(&mut self.store, &m008, made.seqs[0], None, next())?;
            self.apply_balances(&id("M008"), &payees);
        }
        let declined = ask(
            &[("M005", 50)],
            "M010",
            WorkKind::Practical,
            "translation",
            "Brief vertaald",
        );
        let made = rq::make_requests(&mut self.store, &m010, declined, next())?;
        rq::decline_request(
            &mut self.store,
            &m005,
            made.seqs[0],
            &DeclineReason::WrongHours,
            None,
            next(),
        )?;
        let withdrawn = ask(
            &[("M021", 100)],
            "M015",
            WorkKind::Care,
            "elderly-visit",
            "Boodschappen gedaan",
        );
        let made = rq::make_requests(&mut self.store, &m015, withdrawn, next())?;
        rq::withdraw_request(&mut self.store, &m015, made.seqs[0], None, next())?;
        self.clock = next();
        Ok(())
    }

    /// The treasurer notices the month's mistakes and reverses them.
    fn reverse_mistakes(&mut self) -> Result<(), StoreError> {
        for (seq, original, reason) in std::mem::take(&mut self.mistakes) {
            let reversal: Vec<(AccountId, i64)> = original
                .postings()
                .iter()
                .map(|p| (p.account.clone(), -p.amount.minor()))
                .collect();
            let fits = reversal.iter().all(|(a, m)| {
                let (b, l) = self.balances[a];
                let would = b + m;
                (*m >= 0 || would >= l.floor().minor()) && (*m < 0 || would <= l.ceiling().minor())
            });
            if !fits {
                continue;
            }
            let now = self.tick(self.clock);
            ops::reverse(
                &mut self.store,
                &self.treasurer,
                seq,
                Reason::parse(reason).expect("valid"),
                None,
                now,
            )?;
            for (account, minor) in reversal {
                if let Some(entry) = self.balances.get_mut(&account) {
                    entry.0 += minor;
                }
            }
            self.next_seq += 1;
        }
        Ok(())
    }
}

fn details(
    date: NaiveDate,
    work: WorkKind,
    skill: Option<&str>,
    what: &str,
    slip: Option<String>,
) -> PaymentDetails {
    PaymentDetails {
        date,
        work,
        skill: skill.map(|s| Skill::parse(s).expect("demo skills are valid")),
        description: Description::parse(what).expect("demo descriptions are valid"),
        slip: slip.map(|s| SlipRef::parse(&s).expect("valid slip")),
        override_reason: None,
    }
}
