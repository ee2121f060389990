//! Statements, attestations and the report of a fixed ledger with the
//! limit policy and requests on: a member past her soft floor with a floor
//! grown by the help she gave, a gift, the fund's yearly contribution,
//! requests pending both ways, one declined with a reason from the short
//! list and one expired. Golden text and HTML in every language (rewrite
//! with UPDATE_GOLDEN=1 and review the diff), and the rule that a gift is
//! never hours given for work, on the statement, the attestation and the
//! report.

use std::path::{Path, PathBuf};

use akker::i18n::{Messages, LANGUAGES};
use akker::ledger::policy::FundRule;
use akker::ledger::{
    AccountId, AccountKind, Amount, DeclineReason, Description, DisplayName, Entry, EntryBody,
    Language, Limits, Month, PaymentDetails, SettingKey, Settings, SlipRef, WorkKind,
};
use akker::ops::fund::GiftRequest;
use akker::ops::requests::NewRequest;
use akker::ops::{self, NewAccount};
use akker::signing::KeyHolder;
use akker::statement::model::{
    FundRule as LineRule, LimitCause, LimitKind, LimitSide, Movement, Statement,
};
use akker::statement::{attestation, build, html, text};
use akker::store::Store;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use ed25519_dalek::SigningKey;

const LEDGER_ID: &str = "5a4b3c2d1e0f0a1b2c3d4e5f60718293";

fn id(s: &str) -> AccountId {
    AccountId::parse(s).unwrap()
}

fn at(m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, m, d, h, 0, 0).unwrap()
}

/// The ledger is set up in December 2025, so January starts with the
/// policy in force.
fn december(d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 12, d, h, 0, 0).unwrap()
}

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn treasurer() -> KeyHolder {
    KeyHolder::treasurer(SigningKey::from_bytes(&[9; 32]))
}

fn slip(s: &str) -> Option<SlipRef> {
    Some(SlipRef::parse(s).unwrap())
}

fn settings() -> Settings {
    let limits = |f, c| Limits::new(Amount::from_minor(f), Amount::from_minor(c)).unwrap();
    Settings {
        community_name: "Tijdsbank Kuregem".into(),
        currency_name: "Buurtuur".into(),
        currency_unit: "hours".into(),
        currency_symbol: "h".into(),
        time_zone: "Europe/Brussels".into(),
        default_language: "nl".into(),
        treasurer_key: treasurer().signer().public_key,
        person_limits: limits(-2000, 4000),
        initiative_limits: limits(-10000, 20000),
        partner_limits: limits(-10000, 20000),
        system_limits: limits(-500000, 500000),
    }
}

fn pay(
    store: &mut Store,
    payer: &str,
    payee: &str,
    minor: i64,
    what: &str,
    when: DateTime<Utc>,
) -> i64 {
    let details = PaymentDetails {
        date: when.date_naive(),
        work: WorkKind::Care,
        skill: None,
        description: Description::parse(what).unwrap(),
        slip: slip("P-1"),
        override_reason: None,
    };
    let payees = [(id(payee), Amount::from_minor(minor))];
    ops::pay(store, &treasurer(), &id(payer), &payees, details, when).unwrap()
}

fn request(
    store: &mut Store,
    payer: &str,
    payee: &str,
    minor: i64,
    what: &str,
    when: DateTime<Utc>,
) -> i64 {
    let new = NewRequest {
        payers: vec![(id(payer), Amount::from_minor(minor))],
        payee: id(payee),
        date: when.date_naive(),
        work: WorkKind::Practical,
        skill: None,
        description: Description::parse(what).unwrap(),
        slip: slip("R-1"),
    };
    ops::requests::make_requests(store, &treasurer(), new, when)
        .unwrap()
        .seqs[0]
}

/// December 2025 (set up) and January 2026, fully deterministic (fixed
/// ids, key and times).
fn policy_ledger(path: &Path) -> Store {
    let genesis = treasurer().sign(
        LEDGER_ID,
        Entry {
            recorded_at: december(10, 8),
            body: EntryBody::LedgerCreated(settings()),
        },
    );
    let mut store = Store::create(path, LEDGER_ID, genesis).unwrap();
    let accounts = [
        ("M001", "فاطمة الزهراء", AccountKind::Person, "ar"),
        ("M002", "Jan Peeters", AccountKind::Person, "nl"),
        ("M003", "Zoë Lefèvre", AccountKind::Person, "fr"),
        ("FUND", "Gemeenschapsfonds", AccountKind::System, "nl"),
    ];
    for (i, (account, name, kind, lang)) in accounts.iter().enumerate() {
        let new = NewAccount {
            id: id(account),
            kind: *kind,
            name: DisplayName::parse(name).unwrap(),
            language: Language::parse(lang).unwrap(),
            limits: None,
        };
        ops::open_account(&mut store, &treasurer(), new, december(10, 9 + i as u32)).unwrap();
    }
    let mut minute = 0;
    let mut set = |store: &mut Store, key, value: &str| {
        minute += 1;
        let when = december(10, 14) + chrono::Duration::minutes(minute);
        ops::set_setting(store, &treasurer(), key, value, when).unwrap();
    };
    set(&mut store, SettingKey::GrowthBase, "-10.00");
    set(&mut store, SettingKey::GrowthFactor, "0.50");
    set(&mut store, SettingKey::GrowthMonths, "12");
    set(&mut store, SettingKey::GrowthCap, "-40.00");
    set(&mut store, SettingKey::SoftFloorPerson, "-5.00");
    set(&mut store, SettingKey::FundAccount, "FUND");
    set(&mut store, SettingKey::ContributionAmount, "1.00");
    set(&mut store, SettingKey::RequestsExpiryDays, "5");
    // A request nobody answered: expires on 7 January.
    request(&mut store, "M002", "M001", 300, "Tuin gewied", at(1, 2, 10));
    // Help Fatima gave: her floor grows from -10.00 to -12.00.
    pay(
        &mut store,
        "M002",
        "M001",
        400,
        "Soep voor de buren",
        at(1, 5, 10),
    );
    // Help she received: her balance goes past the soft floor.
    pay(&mut store, "M001", "M003", 1000, "Verhuis", at(1, 6, 10));
    // A gift from her to Jan, signed by the treasurer from the slip.
    ops::fund::gift(
        &mut store,
        &treasurer(),
        GiftRequest {
            from: id("M001"),
            to: Some(id("M002")),
            amount: Amount::from_minor(100),
            why: Description::parse("Voor het buurtfeest").unwrap(),
            slip: slip("G-1"),
        },
        at(1, 7, 10),
    )
    .unwrap();
    // Jan declines one of Fatima's requests: wrong hours.
    let declined = request(
        &mut store,
        "M002",
        "M001",
        250,
        "Ramen gelapt",
        at(1, 10, 10),
    );
    ops::requests::decline_request(
        &mut store,
        &treasurer(),
        declined,
        &DeclineReason::WrongHours,
        slip("R-2"),
        at(1, 11, 10),
    )
    .unwrap();
    // A soft ceiling for every person, signed in the month.
    ops::set_setting(
        &mut store,
        &treasurer(),
        SettingKey::SoftCeilingPerson,
        "30.00",
        at(1, 15, 10),
    )
    .unwrap();
    ops::fund::run_fund(
        &mut store,
        &treasurer(),
        FundRule::Contribution,
        "2026",
        at(1, 20, 10),
    )
    .unwrap();
    // Pending at the month's end, both ways.
    request(
        &mut store,
        "M001",
        "M003",
        200,
        "Fiets hersteld",
        at(1, 29, 10),
    );
    request(
        &mut store,
        "M002",
        "M001",
        150,
        "Boodschappen",
        at(1, 30, 10),
    );
    // Jan's limits set one by one: the growth policy leaves him from now.
    ops::set_limits(
        &mut store,
        &treasurer(),
        id("M002"),
        Limits::new(Amount::from_minor(-1500), Amount::from_minor(5000)).unwrap(),
        akker::ledger::Reason::parse("afgesproken met Jan").unwrap(),
        at(1, 31, 9),
    )
    .unwrap();
    store
}

fn ledger() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = policy_ledger(&dir.path().join("ledger.akker"));
    (dir, store)
}

fn january(store: &mut Store, account: &str) -> Statement {
    let month: Month = "2026-01".parse().unwrap();
    let issue = ops::issue_statements(store, &treasurer(), month, at(2, 2, 10)).unwrap();
    build::build_statements(store, month, &issue, Some(&[id(account)]))
        .unwrap()
        .remove(0)
}

fn check_golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "{name} differs from its golden file; if intended, run UPDATE_GOLDEN=1 cargo test --test statement_policy and review the diff"
    );
}

#[test]
fn the_statement_shows_the_notice_the_grown_floor_requests_and_the_gift_apart() {
    let (_dir, mut store) = ledger();
    let s = january(&mut store, "M001");
    // Gifts and fund runs are lines of their own, never help.
    let gift = s
        .lines
        .iter()
        .find(|l| l.movement == Movement::Gift)
        .unwrap();
    assert_eq!((gift.work, gift.out_minor), (None, 100));
    let run = s
        .lines
        .iter()
        .find(|l| matches!(l.movement, Movement::FundRun { .. }))
        .unwrap();
    assert_eq!(
        run.movement,
        Movement::FundRun {
            rule: LineRule::Contribution,
            period: "2026".into()
        }
    );
    assert_eq!(run.out_minor, 100);
    assert_eq!(s.work_total(WorkKind::Care), (400, 1000));
    assert_eq!(s.exchange_count, 2);
    assert_eq!(
        (s.apart.gifts_given_minor, s.apart.fund_paid_minor),
        (100, 100)
    );
    assert_eq!(s.closing_minor, 400 - 1000 - 100 - 100);
    // Past the soft floor of -5.00, within the floor grown to -12.00.
    let notice = s.soft_notice.as_ref().unwrap();
    assert_eq!((notice.side, notice.limit_minor), (LimitSide::Floor, -500));
    let grown = s.grown_floor.as_ref().unwrap();
    assert_eq!(
        (
            grown.given_minor,
            grown.growth_minor,
            grown.floor_minor,
            grown.capped
        ),
        (400, 200, -1200, false)
    );
    assert_eq!(s.floor_minor, -1200);
    let changes: Vec<_> = s
        .limit_changes
        .iter()
        .map(|c| (c.on, c.limit, c.from_minor, c.to_minor, c.cause.clone()))
        .collect();
    assert_eq!(
        changes,
        vec![
            // The kind's soft ceiling, signed on the 15th.
            (
                date(1, 15),
                LimitKind::SoftCeiling,
                None,
                Some(3000),
                LimitCause::KindSetting
            ),
            // The floor grown with her 4.00 hours, by the month's end.
            (
                date(1, 31),
                LimitKind::Floor,
                Some(-1000),
                Some(-1200),
                LimitCause::Growth
            ),
        ]
    );
    assert_eq!(
        (s.soft_floor_minor, s.soft_ceiling_minor),
        (Some(-500), Some(3000))
    );
    // Requests: one waits on her, she waits for one, one declined, one expired.
    let r = &s.requests;
    assert_eq!(r.waiting_on_you.len(), 1);
    assert_eq!(r.waiting_on_you[0].other.account_id, "M003");
    assert_eq!(r.you_wait_for.len(), 1);
    assert_eq!(r.you_wait_for[0].amount_minor, 150);
    assert_eq!(r.declined_by_them.len(), 1);
    assert_eq!(r.declined_by_them[0].reason.as_deref(), Some("wrong hours"));
    assert_eq!(r.expired.len(), 1);
    assert!(r.expired[0].asked_by_you);
    assert_eq!(r.expired[0].request.until_or_on, date(1, 7));
    // The short list's reason is shown in the reader's language.
    let arabic = text::render_statement_text(&s);
    assert!(arabic.contains("الساعات غير صحيحة"), "{arabic}");
}

/// Limits set one by one replace the grown floor: the change says from
/// the floor in force then (the grown one) to the signed one, with the
/// treasurer's reason, and no grown floor is shown after it.
#[test]
fn limits_set_by_the_treasurer_show_as_a_change_from_the_floor_in_force() {
    let (_dir, mut store) = ledger();
    let jan = january(&mut store, "M002");
    assert!(jan.grown_floor.is_none());
    assert_eq!((jan.floor_minor, jan.ceiling_minor), (-1500, 5000));
    let changes: Vec<_> = jan
        .limit_changes
        .iter()
        .map(|c| (c.limit, c.from_minor, c.to_minor, c.cause.clone()))
        .collect();
    let treasurer = LimitCause::Treasurer {
        reason: Some("afgesproken met Jan".into()),
    };
    assert_eq!(
        changes,
        vec![
            (
                LimitKind::SoftCeiling,
                None,
                Some(3000),
                LimitCause::KindSetting
            ),
            (
                LimitKind::Floor,
                Some(-1000),
                Some(-1500),
                treasurer.clone()
            ),
            (LimitKind::Ceiling, Some(4000), Some(5000), treasurer),
        ]
    );
    let dutch = text::render_statement_text(&jan);
    let dutch = dutch.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        dutch.contains("31 januari 2026: uw minimum van -10,00 naar -15,00 uur (door de penningmeester: afgesproken met Jan)."),
        "{dutch}"
    );
}

#[test]
fn the_policy_statement_matches_its_golden_files_in_every_language() {
    let (_dir, mut store) = ledger();
    let statement = january(&mut store, "M001");
    for lang in LANGUAGES {
        let mut s = statement.clone();
        s.language = lang.to_string();
        s.currency.unit = Messages::for_language(lang).unit_name("hours");
        check_golden(
            &format!("ledger-policy-{lang}.txt"),
            &text::render_statement_text(&s),
        );
        check_golden(
            &format!("ledger-policy-{lang}.html"),
            &html::render_statement_html(&s),
        );
    }
}

#[test]
fn a_gift_is_never_hours_given_on_the_statement_the_attestation_or_the_report() {
    let (_dir, mut store) = ledger();
    // Jan received 1.00 as a gift and nothing for work.
    let jan = january(&mut store, "M002");
    assert_eq!(jan.apart.gifts_received_minor, 100);
    assert!(WorkKind::ALL.iter().all(|w| jan.work_total(*w).0 == 0));
    assert_eq!(jan.people_helped_count, 0);
    let figures =
        attestation::figures(&store, &id("M002"), date(1, 1), date(1, 31), i64::MAX).unwrap();
    assert_eq!(figures.total_given_minor, 0);
    assert_eq!(figures.exchange_count, 0);
    // Fatima's attestation counts her 4.00 of care, not her gift.
    let fatima =
        attestation::figures(&store, &id("M001"), date(1, 1), date(1, 31), i64::MAX).unwrap();
    assert_eq!(fatima.total_given_minor, 400);
    let report = akker::report::build_report(
        &store,
        &akker::report::Options {
            from: date(1, 1),
            to: date(1, 31),
            language: Some("en".into()),
            names: false,
            weeks_idle: 8,
        },
    )
    .unwrap();
    // Two payments for work; the gift and the fund run are counted apart.
    assert_eq!(report.summary.exchanges, 2);
    assert_eq!(report.summary.hours_minor, 1400);
    assert_eq!(report.giving.given_minor, 1400);
    assert_eq!((report.gifts.gifts, report.gifts.hours_minor), (1, 100));
    assert_eq!(report.fund_runs.runs, 1);
}

/// Writes Fatima's January as a PDF in every language into
/// AKKER_SAMPLE_PDF_DIR when it is set, to render and look at its pages.
#[test]
fn the_policy_statement_can_be_written_to_look_at() {
    let Some(dir) = std::env::var_os("AKKER_SAMPLE_PDF_DIR") else {
        return;
    };
    let (_dir, mut store) = ledger();
    let statement = january(&mut store, "M001");
    for lang in LANGUAGES {
        let mut s = statement.clone();
        s.language = lang.to_string();
        s.currency.unit = Messages::for_language(lang).unit_name("hours");
        let bytes = akker::statement::render(&s, akker::statement::Format::Pdf).unwrap();
        std::fs::write(
            PathBuf::from(&dir).join(format!("ledger-policy-{lang}.pdf")),
            bytes,
        )
        .unwrap();
    }
}
