//! The community report, end to end on the binary, on a fixed ledger built
//! here: every figure of `--json` is checked against plain SQL over the
//! SQLite file (written independently of src/store), the map's edges are
//! the pairs who exchanged, no person's name leaks without `--names`, the
//! SVG is XML and the same data gives the same bytes.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use akker::ledger::{
    AccountId, AccountKind, Amount, Description, DisplayName, Entry, EntryBody, Language, Limits,
    PaymentDetails, Reason, Settings, Skill, Transaction, WorkKind,
};
use akker::ops::{self, NewAccount};
use akker::signing::{generate_key, KeyHolder};
use akker::store::{Pending, Store};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use rand::{Rng, SeedableRng};
use rusqlite::Connection;
use serde_json::Value;

/// People with names that appear nowhere else, in several scripts.
const PEOPLE: &[(&str, &str)] = &[
    ("M001", "Quetzalia Ravensworth"),
    ("M002", "Zébulon Mirabeaux"),
    ("M003", "Жозефина Тестова"),
    ("M004", "ناديا المخفية"),
    ("M005", "Şebnem Gizlioğlu"),
    ("M006", "Hildegard Oberwasser"),
    ("M007", "Peregrin Ashcombe"),
    ("M008", "Ximena Valderrábano"),
    ("M009", "Ottoline Featherstonehaugh"),
    ("M010", "Bartholomew Quincey"),
    ("M011", "Cordelia Nightingale"),
    ("M012", "Evander Thistlewood"),
    ("M013", "Philippa Marchbanks"),
];

const FROM: &str = "2026-01-01";
const TO: &str = "2026-03-31";
/// The period in journal UTC text (Brussels: CET in January, CEST from 29 March).
const START: &str = "2025-12-31T23:00:00.000000Z";
const END: &str = "2026-03-31T22:00:00.000000Z";
const MONTH_BOUNDS: [&str; 4] = [
    START,
    "2026-01-31T23:00:00.000000Z",
    "2026-02-28T23:00:00.000000Z",
    END,
];
/// Eight weeks before the period's end: 4 February 2026, local midnight.
const QUIET_BEFORE: &str = "2026-02-03T23:00:00.000000Z";

fn id(text: &str) -> AccountId {
    AccountId::parse(text).unwrap()
}

/// Local Brussels time to UTC.
fn at(date: &str, hour: u32, minute: u32) -> DateTime<Utc> {
    let day = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    chrono_tz::Europe::Brussels
        .from_local_datetime(&day.and_hms_opt(hour, minute, 0).unwrap())
        .unwrap()
        .with_timezone(&Utc)
}

struct Ledger {
    store: Store,
    treasurer: KeyHolder,
    minute: u32,
}

impl Ledger {
    fn open(&mut self, account: &str, name: &str, kind: AccountKind, date: &str) {
        let new = NewAccount {
            id: id(account),
            kind,
            name: DisplayName::parse(name).unwrap(),
            language: Language::parse("en").unwrap(),
            limits: None,
        };
        let now = self.next(date);
        ops::open_account(&mut self.store, &self.treasurer, new, now).unwrap();
    }

    fn next(&mut self, date: &str) -> DateTime<Utc> {
        self.minute += 1;
        at(date, 9 + (self.minute / 60) % 10, self.minute % 60)
    }

    /// Records a payment on `date`; returns its seq.
    fn pay(
        &mut self,
        date: &str,
        payer: &str,
        payees: &[(&str, i64)],
        work: WorkKind,
        skill: Option<&str>,
    ) -> i64 {
        let details = PaymentDetails {
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
            work,
            skill: skill.map(|s| Skill::parse(s).unwrap()),
            description: Description::parse("Help").unwrap(),
            slip: None,
            override_reason: None,
        };
        let payees: Vec<(AccountId, Amount)> = payees
            .iter()
            .map(|(p, m)| (id(p), Amount::from_minor(*m)))
            .collect();
        let tx = Transaction::payment(&id(payer), &payees, details).unwrap();
        let now = self.next(date);
        let signed = self.treasurer.sign(
            self.store.ledger_id(),
            Entry {
                recorded_at: now,
                body: EntryBody::Transaction(tx),
            },
        );
        self.store.append(vec![Pending::entry(signed)]).unwrap()[0]
    }

    fn reverse(&mut self, date: &str, seq: i64) {
        let now = self.next(date);
        ops::reverse(
            &mut self.store,
            &self.treasurer,
            seq,
            Reason::parse("typed wrong").unwrap(),
            None,
            now,
        )
        .unwrap();
    }
}

fn settings(treasurer_key: [u8; 32]) -> Settings {
    let limits = |f: i64, c: i64| {
        Limits::new(Amount::from_minor(f * 100), Amount::from_minor(c * 100)).unwrap()
    };
    Settings {
        community_name: "Testbuurt".into(),
        currency_name: "tijd".into(),
        currency_unit: "hours".into(),
        currency_symbol: "h".into(),
        time_zone: "Europe/Brussels".into(),
        default_language: "en".into(),
        treasurer_key,
        person_limits: limits(-500, 500),
        initiative_limits: limits(-2000, 2000),
        partner_limits: limits(-2000, 2000),
        system_limits: limits(-5000, 5000),
    }
}

/// The fixed ledger: a month before the period, three months in it, and
/// entries after it; reversals inside, across and after the period; a
/// welcome credit; an initiative paying several members; a closed member,
/// a quiet member and new members without a first exchange.
fn build_ledger(path: &Path) {
    let treasurer = KeyHolder::treasurer(generate_key());
    let store = ops::init(
        path,
        settings(treasurer.signer().public_key),
        &treasurer,
        at("2025-11-30", 8, 0),
    )
    .unwrap();
    let mut l = Ledger {
        store,
        treasurer,
        minute: 0,
    };
    l.open(
        "SYS-FUND",
        "Community fund",
        AccountKind::System,
        "2025-12-01",
    );
    l.open(
        "PARTNER-LIB",
        "Bibliotheek Zuid",
        AccountKind::Partner,
        "2025-12-01",
    );
    l.open(
        "INIT-GARDEN",
        "Samentuin De Akker",
        AccountKind::Initiative,
        "2025-12-01",
    );
    l.open(
        "INIT-KIDS",
        "Oudercirkel",
        AccountKind::Initiative,
        "2025-12-01",
    );
    for (account, name) in PEOPLE.iter().filter(|(a, _)| *a != "M011") {
        l.open(account, name, AccountKind::Person, "2025-12-01");
    }
    // Every entry in date order: recording time never goes backwards, so
    // the fixed events below are recorded between the days of a steady
    // stream of exchanges between eight members over the three months.
    // Before the period: a pair that is not new in January, a quiet
    // member, a reversal. January: a welcome credit (system), a reversal
    // of December, work for the groups. February: a new member, a
    // reversal, a closed account. After the period: a late reversal and
    // new exchanges, which must not count.
    type Event = fn(&mut Ledger, &mut HashMap<&'static str, i64>);
    let fixed: Vec<(&str, Event)> = vec![
        ("2025-12-10", |l, _| {
            l.pay(
                "2025-12-10",
                "M001",
                &[("M002", 150)],
                WorkKind::Care,
                Some("childcare"),
            );
        }),
        ("2025-12-12", |l, _| {
            l.pay(
                "2025-12-12",
                "M010",
                &[("M003", 200)],
                WorkKind::Practical,
                Some("bike-repair"),
            );
        }),
        ("2025-12-20", |l, seqs| {
            let seq = l.pay(
                "2025-12-20",
                "M004",
                &[("M005", 300)],
                WorkKind::Practical,
                None,
            );
            seqs.insert("december", seq);
        }),
        ("2026-01-02", |l, _| {
            l.pay(
                "2026-01-02",
                "SYS-FUND",
                &[("M001", 200), ("M002", 200), ("M013", 200)],
                WorkKind::Community,
                None,
            );
        }),
        ("2026-01-03", |l, seqs| {
            l.reverse("2026-01-03", seqs["december"])
        }),
        ("2026-01-10", |l, _| {
            l.pay(
                "2026-01-10",
                "INIT-GARDEN",
                &[("M001", 300), ("M002", 250), ("M009", 125)],
                WorkKind::Community,
                Some("gardening"),
            );
        }),
        ("2026-01-12", |l, _| {
            l.pay(
                "2026-01-12",
                "M009",
                &[("M006", 100)],
                WorkKind::SelfDevelopment,
                Some("language"),
            );
        }),
        ("2026-01-15", |l, seqs| {
            let seq = l.pay(
                "2026-01-15",
                "M003",
                &[("M004", 999)],
                WorkKind::Care,
                Some("cooking"),
            );
            seqs.insert("january", seq);
        }),
        ("2026-01-20", |l, _| {
            l.pay(
                "2026-01-20",
                "PARTNER-LIB",
                &[("INIT-KIDS", 600)],
                WorkKind::Community,
                None,
            );
        }),
        ("2026-01-22", |l, _| {
            l.pay(
                "2026-01-22",
                "M005",
                &[("INIT-GARDEN", 300)],
                WorkKind::SelfDevelopment,
                Some("workshop"),
            );
        }),
        ("2026-02-02", |l, _| {
            l.open(
                "M011",
                "Cordelia Nightingale",
                AccountKind::Person,
                "2026-02-02",
            );
        }),
        ("2026-02-03", |l, seqs| {
            l.reverse("2026-02-03", seqs["january"])
        }),
        ("2026-02-05", |l, _| {
            l.pay(
                "2026-02-05",
                "INIT-KIDS",
                &[("M006", 400), ("M007", 200)],
                WorkKind::Care,
                Some("childcare"),
            );
        }),
        ("2026-02-10", |l, _| {
            let closed_at = l.next("2026-02-10");
            ops::close_account(
                &mut l.store,
                &l.treasurer,
                id("M012"),
                Reason::parse("moved away").unwrap(),
                closed_at,
            )
            .unwrap();
        }),
        ("2026-04-02", |l, seqs| {
            l.reverse("2026-04-02", seqs["late"])
        }),
        ("2026-04-03", |l, _| {
            l.pay("2026-04-03", "M010", &[("M011", 100)], WorkKind::Care, None);
        }),
    ];
    let mut seqs: HashMap<&'static str, i64> = HashMap::new();
    let mut fixed = fixed.into_iter().peekable();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(6);
    let skills = [
        Some("cooking"),
        Some("translation"),
        None,
        Some("bike-repair"),
        Some("tutoring"),
    ];
    for day in 0..85 {
        let date = (NaiveDate::from_ymd_opt(2026, 1, 5).unwrap() + chrono::Duration::days(day))
            .to_string();
        while let Some((_, event)) = fixed.next_if(|(on, _)| *on <= date.as_str()) {
            event(&mut l, &mut seqs);
        }
        let payer = rng.gen_range(1..=8);
        let payee = (payer + rng.gen_range(1..8) - 1) % 8 + 1;
        let work = WorkKind::ALL[rng.gen_range(0..4)];
        let seq = l.pay(
            &date,
            &format!("M{payer:03}"),
            &[(&format!("M{payee:03}"), 25 * rng.gen_range(1..=12))],
            work,
            skills[rng.gen_range(0..5)],
        );
        if day == 80 {
            seqs.insert("late", seq);
        }
    }
    for (_, event) in fixed {
        event(&mut l, &mut seqs);
    }
}

/// One ledger for every test in this file, built once.
fn ledger() -> &'static Path {
    static LEDGER: std::sync::OnceLock<(tempfile::TempDir, PathBuf)> = std::sync::OnceLock::new();
    let (_, path) = LEDGER.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.db");
        build_ledger(&path);
        (dir, path)
    });
    path
}

fn akker(args: &[&str]) -> std::process::Output {
    let output = Command::new(env!("CARGO_BIN_EXE_akker"))
        .arg("--db")
        .arg(ledger())
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "akker {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn report_json(extra: &[&str]) -> Value {
    let mut args = vec!["report", "--from", FROM, "--to", TO, "--json"];
    args.extend_from_slice(extra);
    serde_json::from_slice(&akker(&args).stdout).unwrap()
}

/// Writes the report into a new directory and returns it.
fn report_files(extra: &[&str]) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let mut args = vec![
        "report",
        "--from",
        FROM,
        "--to",
        TO,
        "--out",
        out.path().to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    akker(&args);
    out
}

/// The journal, read with plain SQL: the rules of docs/report.md written
/// as views. `counted`: not a reversal and not undone by a reversal
/// recorded before the end; `ex`: counted, no system account, in the period.
fn sql() -> Connection {
    let conn = Connection::open(ledger()).unwrap();
    conn.execute_batch(&format!(
        "CREATE TEMP VIEW counted AS
           SELECT t.seq, j.recorded_at, t.work, t.skill,
                  EXISTS (SELECT 1 FROM postings p JOIN accounts a ON a.id = p.account_id
                          WHERE p.seq = t.seq AND a.kind = 'system') AS system
           FROM transactions t JOIN journal j ON j.seq = t.seq
           WHERE j.recorded_at < '{END}' AND t.reverses_seq IS NULL
             AND t.seq NOT IN (SELECT r.reverses_seq FROM transactions r JOIN journal rj ON rj.seq = r.seq
                               WHERE r.reverses_seq IS NOT NULL AND rj.recorded_at < '{END}');
         CREATE TEMP VIEW ex AS SELECT * FROM counted WHERE system = 0 AND recorded_at >= '{START}';
         CREATE TEMP VIEW sys AS SELECT * FROM counted WHERE system = 1 AND recorded_at >= '{START}';
         -- Payer to payee hours (every transaction here has one payer).
         CREATE TEMP VIEW flows AS
           SELECT c.seq, c.recorded_at, c.work, c.system, pay.account_id AS payer, get.account_id AS payee, get.amount_minor AS minor
           FROM counted c JOIN postings pay ON pay.seq = c.seq AND pay.amount_minor < 0
                          JOIN postings get ON get.seq = c.seq AND get.amount_minor > 0;"
    ))
    .unwrap();
    conn
}

fn one_i64(conn: &Connection, query: &str) -> i64 {
    conn.query_row(query, [], |r| r.get(0)).unwrap()
}

fn rows(conn: &Connection, query: &str) -> Vec<Vec<Value>> {
    let mut stmt = conn.prepare(query).unwrap();
    let columns = stmt.column_count();
    stmt.query_map([], |r| {
        Ok((0..columns)
            .map(|i| match r.get_ref(i).unwrap() {
                rusqlite::types::ValueRef::Null => Value::Null,
                rusqlite::types::ValueRef::Integer(n) => Value::from(n),
                rusqlite::types::ValueRef::Text(t) => {
                    Value::from(String::from_utf8_lossy(t).into_owned())
                }
                other => panic!("unexpected {other:?}"),
            })
            .collect())
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

#[test]
fn summary_and_kinds_of_work_equal_sums_over_the_journal() {
    let report = report_json(&[]);
    let conn = sql();
    let s = &report["summary"];
    assert_eq!(s["exchanges"], one_i64(&conn, "SELECT COUNT(*) FROM ex"));
    let hours = "SELECT COALESCE(SUM(p.amount_minor), 0) FROM ex JOIN postings p ON p.seq = ex.seq AND p.amount_minor > 0";
    assert_eq!(s["hours_minor"], one_i64(&conn, hours));
    let active = |kind: &str| {
        one_i64(&conn, &format!("SELECT COUNT(DISTINCT p.account_id) FROM ex JOIN postings p ON p.seq = ex.seq JOIN accounts a ON a.id = p.account_id WHERE a.kind LIKE '{kind}'"))
    };
    assert_eq!(s["active_accounts"], active("%"));
    assert_eq!(s["active_members"], active("person"));
    assert_eq!(s["active_initiatives"], active("initiative"));
    assert_eq!(s["active_partners"], active("partner"));
    let members = format!(
        "SELECT COUNT(*) FROM accounts a JOIN journal j ON j.seq = a.opened_seq WHERE a.kind = 'person' AND j.recorded_at < '{END}'
         AND NOT EXISTS (SELECT 1 FROM account_events e JOIN journal c ON c.seq = e.seq WHERE e.account_id = a.id
                         AND c.entry_type = 'account-closed' AND c.recorded_at < '{START}')"
    );
    assert_eq!(s["members"], one_i64(&conn, &members));
    let pairs = "SELECT COUNT(*) FROM (SELECT DISTINCT MIN(payer, payee), MAX(payer, payee) FROM flows WHERE system = 0 AND recorded_at >= '2025-12-31T23:00:00.000000Z')";
    assert_eq!(s["distinct_pairs"], one_i64(&conn, pairs));
    // The fixed ledger has what the rules are about.
    assert!(s["exchanges"].as_i64().unwrap() > 80);
    let by_work = rows(&conn, "SELECT ex.work, SUM(p.amount_minor), COUNT(DISTINCT ex.seq) FROM ex JOIN postings p ON p.seq = ex.seq AND p.amount_minor > 0 GROUP BY ex.work");
    for figure in report["by_work"].as_array().unwrap() {
        let expected = by_work
            .iter()
            .find(|r| r[0] == figure["work"])
            .map_or((0, 0), |r| (r[1].as_i64().unwrap(), r[2].as_i64().unwrap()));
        assert_eq!(
            (
                figure["hours_minor"].as_i64().unwrap(),
                figure["exchanges"].as_i64().unwrap()
            ),
            expected,
            "{figure}"
        );
    }
    let skills = rows(&conn, "SELECT ex.skill, SUM(p.amount_minor), COUNT(DISTINCT ex.seq) FROM ex JOIN postings p ON p.seq = ex.seq AND p.amount_minor > 0 GROUP BY ex.skill");
    let reported: BTreeSet<(String, i64, i64)> = report["by_skill"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["skill"].to_string(),
                f["hours_minor"].as_i64().unwrap(),
                f["exchanges"].as_i64().unwrap(),
            )
        })
        .collect();
    let expected: BTreeSet<(String, i64, i64)> = skills
        .iter()
        .map(|r| {
            (
                r[0].to_string(),
                r[1].as_i64().unwrap(),
                r[2].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(reported, expected);
    let system = rows(&conn, "SELECT COUNT(DISTINCT sys.seq), SUM(p.amount_minor) FROM sys JOIN postings p ON p.seq = sys.seq AND p.amount_minor > 0");
    assert_eq!(report["system_transfers"]["transfers"], system[0][0]);
    assert_eq!(report["system_transfers"]["hours_minor"], system[0][1]);
}

#[test]
fn initiatives_giving_and_calls_equal_sums_over_the_journal() {
    let report = report_json(&[]);
    let conn = sql();
    let in_period = format!("recorded_at >= '{START}' AND system = 0");
    for initiative in report["initiatives"].as_array().unwrap() {
        let account = initiative["account_id"].as_str().unwrap();
        for figure in initiative["by_work"].as_array().unwrap() {
            let work = figure["work"].as_str().unwrap();
            let sum = |condition: &str| {
                one_i64(&conn, &format!("SELECT COALESCE(SUM(minor), 0) FROM flows f JOIN accounts a ON a.id = f.payer WHERE {in_period} AND work = '{work}' AND {condition}"))
            };
            assert_eq!(
                figure["received_from_members_minor"],
                sum(&format!("payee = '{account}' AND a.kind = 'person'"))
            );
            assert_eq!(
                figure["received_from_others_minor"],
                sum(&format!("payee = '{account}' AND a.kind <> 'person'"))
            );
            assert_eq!(
                figure["paid_out_minor"],
                sum(&format!("payer = '{account}'"))
            );
        }
        let paid = format!("SELECT COUNT(DISTINCT payee) FROM flows f JOIN accounts a ON a.id = f.payee WHERE {in_period} AND payer = '{account}' AND a.kind = 'person'");
        assert_eq!(initiative["members_paid"], one_i64(&conn, &paid));
    }
    let names: Vec<&str> = report["initiatives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["account_id"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["INIT-GARDEN", "INIT-KIDS"]);

    // Giving: every member open during the period, with hours given and received.
    let members = rows(
        &conn,
        &format!(
            "SELECT a.id,
               (SELECT COALESCE(SUM(p.amount_minor), 0) FROM ex JOIN postings p ON p.seq = ex.seq WHERE p.account_id = a.id AND p.amount_minor > 0),
               (SELECT COALESCE(-SUM(p.amount_minor), 0) FROM ex JOIN postings p ON p.seq = ex.seq WHERE p.account_id = a.id AND p.amount_minor < 0)
             FROM accounts a JOIN journal j ON j.seq = a.opened_seq WHERE a.kind = 'person' AND j.recorded_at < '{END}' ORDER BY a.id"
        ),
    );
    let given: Vec<(i64, i64)> = members
        .iter()
        .map(|r| (r[1].as_i64().unwrap(), r[2].as_i64().unwrap()))
        .collect();
    let g = &report["giving"];
    assert_eq!(g["members"], given.len() as i64);
    let total: i64 = given.iter().map(|(g, _)| g).sum();
    assert_eq!(g["given_minor"], total);
    let mut ranked: Vec<i64> = given.iter().map(|(g, _)| *g).collect();
    ranked.sort_unstable_by(|a, b| b.cmp(a));
    let top = given.len().div_ceil(10);
    assert_eq!(g["top_tenth_members"], top as i64);
    let top_sum: i64 = ranked[..top].iter().sum();
    assert_eq!(g["top_tenth_given_minor"], top_sum);
    assert_eq!(
        g["top_tenth_share_percent"],
        (top_sum * 200 + total) / (total * 2)
    );
    let deciles: Vec<i64> = g["deciles_given_minor"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    assert_eq!(deciles.len(), 10);
    assert_eq!(deciles.iter().sum::<i64>(), total);
    assert_eq!(deciles[0], top_sum);
    let count = |f: fn(&(i64, i64)) -> bool| given.iter().filter(|m| f(m)).count() as i64;
    assert_eq!(g["only_give"], count(|(g, r)| *g > 0 && *r == 0));
    assert_eq!(g["only_receive"], count(|(g, r)| *g == 0 && *r > 0));
    assert_eq!(g["give_and_receive"], count(|(g, r)| *g > 0 && *r > 0));
    assert_eq!(g["neither"], count(|(g, r)| *g == 0 && *r == 0));

    // Who needs a call: open at the end; last exchange before the threshold, or none ever.
    let open_people = format!(
        "FROM accounts a JOIN journal j ON j.seq = a.opened_seq WHERE a.kind = 'person' AND j.recorded_at < '{END}'
         AND NOT EXISTS (SELECT 1 FROM account_events e JOIN journal c ON c.seq = e.seq WHERE e.account_id = a.id AND c.entry_type = 'account-closed' AND c.recorded_at < '{END}')"
    );
    let last = "(SELECT MAX(c.recorded_at) FROM counted c JOIN postings p ON p.seq = c.seq WHERE c.system = 0 AND p.account_id = a.id)";
    let quiet = rows(
        &conn,
        &format!("SELECT a.id {open_people} AND {last} < '{QUIET_BEFORE}' ORDER BY {last}, a.id"),
    );
    let never = rows(
        &conn,
        &format!("SELECT a.id {open_people} AND {last} IS NULL ORDER BY a.id"),
    );
    let ids = |v: &Value| {
        v.as_array()
            .unwrap()
            .iter()
            .map(|m| m["account_id"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(&report["needs_call"]["quiet"]),
        quiet.iter().map(|r| r[0].clone()).collect::<Vec<_>>()
    );
    assert_eq!(
        ids(&report["needs_call"]["no_first_exchange"]),
        never.iter().map(|r| r[0].clone()).collect::<Vec<_>>()
    );
    // The ledger was built to have these: M009 and M010 quiet, M011 new, M013 only welcomed.
    assert_eq!(ids(&report["needs_call"]["quiet"]), ["M010", "M009"]);
    assert_eq!(
        ids(&report["needs_call"]["no_first_exchange"]),
        ["M011", "M013"]
    );
}

#[test]
fn months_equal_sums_over_the_journal() {
    let report = report_json(&[]);
    let conn = sql();
    let months = report["months"].as_array().unwrap();
    assert_eq!(months.len(), 3);
    for (i, month) in months.iter().enumerate() {
        let (from, to) = (MONTH_BOUNDS[i], MONTH_BOUNDS[i + 1]);
        let span = format!("ex.recorded_at >= '{from}' AND ex.recorded_at < '{to}'");
        assert_eq!(
            month["exchanges"],
            one_i64(&conn, &format!("SELECT COUNT(*) FROM ex WHERE {span}"))
        );
        let hours = format!("SELECT COALESCE(SUM(p.amount_minor), 0) FROM ex JOIN postings p ON p.seq = ex.seq AND p.amount_minor > 0 WHERE {span}");
        assert_eq!(month["hours_minor"], one_i64(&conn, &hours));
        for figure in month["by_work"].as_array().unwrap() {
            let work = figure["work"].as_str().unwrap();
            assert_eq!(
                figure["hours_minor"],
                one_i64(&conn, &format!("{hours} AND ex.work = '{work}'"))
            );
        }
        let active = format!("SELECT COUNT(DISTINCT p.account_id) FROM ex JOIN postings p ON p.seq = ex.seq JOIN accounts a ON a.id = p.account_id WHERE a.kind = 'person' AND {span}");
        assert_eq!(month["active_members"], one_i64(&conn, &active));
        let new = format!(
            "SELECT COUNT(*) FROM (SELECT MIN(payer, payee) AS x, MAX(payer, payee) AS y, MIN(recorded_at) AS first
             FROM flows WHERE system = 0 GROUP BY x, y) WHERE first >= '{from}' AND first < '{to}'"
        );
        assert_eq!(
            month["new_connections"],
            one_i64(&conn, &new),
            "{}",
            month["month"]
        );
    }
}

/// (a, b, hours, exchanges, main work, system) per pair, from SQL.
fn expected_edges(conn: &Connection) -> BTreeMap<(String, String), (i64, i64, String, bool)> {
    let pairs = rows(
        conn,
        &format!(
            "SELECT MIN(payer, payee), MAX(payer, payee), work, SUM(minor), COUNT(*), MAX(system) FROM flows
             WHERE recorded_at >= '{START}' GROUP BY 1, 2, 3"
        ),
    );
    // Per pair: hours, exchanges, hours per kind of work, system.
    type Tally = (i64, i64, [i64; 4], bool);
    let mut edges: BTreeMap<(String, String), Tally> = BTreeMap::new();
    for row in pairs {
        let key = (
            row[0].as_str().unwrap().to_owned(),
            row[1].as_str().unwrap().to_owned(),
        );
        let edge = edges.entry(key).or_insert((0, 0, [0; 4], false));
        let work = WorkKind::ALL
            .iter()
            .position(|w| w.as_str() == row[2].as_str().unwrap())
            .unwrap();
        edge.0 += row[3].as_i64().unwrap();
        edge.1 += row[4].as_i64().unwrap();
        edge.2[work] += row[3].as_i64().unwrap();
        edge.3 = row[5].as_i64().unwrap() == 1;
    }
    edges
        .into_iter()
        .map(|(key, (hours, count, by_work, system))| {
            let best = (0..4).fold(
                0,
                |best, i| if by_work[i] > by_work[best] { i } else { best },
            );
            (
                key,
                (
                    hours,
                    count,
                    WorkKind::ALL[best].as_str().to_owned(),
                    system,
                ),
            )
        })
        .collect()
}

#[test]
fn the_map_draws_exactly_the_pairs_who_exchanged() {
    let report = report_json(&[]);
    let conn = sql();
    let expected = expected_edges(&conn);
    let reported: BTreeMap<(String, String), (i64, i64, String, bool)> = report["map"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let key = (
                e["a"].as_str().unwrap().to_owned(),
                e["b"].as_str().unwrap().to_owned(),
            );
            let main = e["main_work"].as_str().unwrap().to_owned();
            (
                key,
                (
                    e["hours_minor"].as_i64().unwrap(),
                    e["exchanges"].as_i64().unwrap(),
                    main,
                    e["system"].as_bool().unwrap(),
                ),
            )
        })
        .collect();
    assert_eq!(reported, expected);
    assert!(
        expected.values().any(|e| e.3),
        "the welcome credit is on the map"
    );

    // The SVG draws the same edges, with the same hours, and parses as XML.
    let out = report_files(&[]);
    let svg = std::fs::read_to_string(out.path().join("map.svg")).unwrap();
    let document = roxmltree::Document::parse(&svg).expect("the map is well-formed XML");
    let drawn: BTreeMap<(String, String), String> = document
        .descendants()
        .filter(|n| n.has_tag_name("line"))
        .map(|n| {
            (
                (
                    n.attribute("data-a").unwrap().to_owned(),
                    n.attribute("data-b").unwrap().to_owned(),
                ),
                n.attribute("data-hours").unwrap().to_owned(),
            )
        })
        .collect();
    let expected_drawn: BTreeMap<(String, String), String> = expected
        .iter()
        .map(|(k, v)| (k.clone(), Amount::from_minor(v.0).to_string()))
        .collect();
    assert_eq!(drawn, expected_drawn);
    // Nodes: every account on the map, each kind with its own class.
    let nodes: BTreeSet<&str> = document
        .descendants()
        .filter_map(|n| n.attribute("data-account"))
        .collect();
    assert!(
        nodes.contains("INIT-GARDEN")
            && nodes.contains("PARTNER-LIB")
            && nodes.contains("SYS-FUND")
            && nodes.contains("M011")
    );
    for class in [
        "node person",
        "node initiative",
        "node partner",
        "node system",
    ] {
        assert!(
            document
                .descendants()
                .any(|n| n.attribute("class") == Some(class)),
            "{class}"
        );
    }
}

#[test]
fn the_same_data_gives_the_same_drawing_and_no_nodes_overlap() {
    let first = report_files(&[]);
    let second = report_files(&[]);
    for name in ["map.svg", "report.html", "report.json"] {
        let a = std::fs::read(first.path().join(name)).unwrap();
        let b = std::fs::read(second.path().join(name)).unwrap();
        assert!(a == b, "{name} differs between two runs on the same data");
    }
    let report: akker::report::model::Network = {
        let json: Value =
            serde_json::from_slice(&std::fs::read(first.path().join("report.json")).unwrap())
                .unwrap();
        network_from_json(&json["map"])
    };
    let layout = akker::report::map::layout(&report);
    assert!(akker::report::map::overlapping_pairs(&layout).is_empty());
    assert_eq!(layout.nodes.len(), report.nodes.len());
}

fn network_from_json(map: &Value) -> akker::report::model::Network {
    use akker::report::model::{NetEdge, NetNode, Network};
    let nodes = map["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| NetNode {
            account_id: n["account_id"].as_str().unwrap().into(),
            kind: n["kind"].as_str().unwrap().parse().unwrap(),
            label: n["label"].as_str().unwrap().into(),
            hours_minor: n["hours_minor"].as_i64().unwrap(),
        })
        .collect();
    let edges = map["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| NetEdge {
            a: e["a"].as_str().unwrap().into(),
            b: e["b"].as_str().unwrap().into(),
            hours_minor: e["hours_minor"].as_i64().unwrap(),
            exchanges: e["exchanges"].as_u64().unwrap(),
            main_work: e["main_work"].as_str().unwrap().parse().unwrap(),
            system: e["system"].as_bool().unwrap(),
        })
        .collect();
    Network { nodes, edges }
}

fn pdf_text(path: &Path) -> String {
    let output = Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(output.status.success());
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn without_names_no_person_name_appears_anywhere() {
    let out = report_files(&[]);
    let json =
        String::from_utf8(akker(&["report", "--from", FROM, "--to", TO, "--json"]).stdout).unwrap();
    let texts = [
        (
            "report.json",
            std::fs::read_to_string(out.path().join("report.json")).unwrap(),
        ),
        ("stdout json", json),
        (
            "report.html",
            std::fs::read_to_string(out.path().join("report.html")).unwrap(),
        ),
        (
            "map.svg",
            std::fs::read_to_string(out.path().join("map.svg")).unwrap(),
        ),
        ("report.pdf", pdf_text(&out.path().join("report.pdf"))),
    ];
    for (file, text) in &texts {
        for (_, name) in PEOPLE {
            // Whole names and each part of them: a surname alone is a name too.
            for part in std::iter::once(*name).chain(name.split(' ')) {
                assert!(
                    !text.contains(part),
                    "{file} shows '{part}' without --names"
                );
            }
        }
        assert!(
            text.contains("M001"),
            "{file} shows people by account number"
        );
    }
    // The groups are named, and the PDF's text is really there to search.
    assert!(texts[4].1.contains("Samentuin De Akker") && texts[4].1.contains("M010"));

    // With --names, the names are there: the check above can see them.
    let named = report_files(&["--names"]);
    let html = std::fs::read_to_string(named.path().join("report.html")).unwrap();
    let svg = std::fs::read_to_string(named.path().join("map.svg")).unwrap();
    assert!(html.contains("Ottoline Featherstonehaugh") && svg.contains("Quetzalia Ravensworth"));
    assert!(pdf_text(&named.path().join("report.pdf")).contains("Featherstonehaugh"));
}

#[test]
fn a_bad_period_is_a_usage_error() {
    let output = Command::new(env!("CARGO_BIN_EXE_akker"))
        .arg("--db")
        .arg(ledger())
        .args([
            "report",
            "--from",
            "2026-03-01",
            "--to",
            "2026-01-01",
            "--json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("before it starts"));
}

/// Local Brussels midnight of `day`, as journal UTC text.
fn local_midnight(day: NaiveDate) -> String {
    chrono_tz::Europe::Brussels
        .from_local_datetime(&day.and_hms_opt(0, 0, 0).unwrap())
        .unwrap()
        .with_timezone(&Utc)
        .format("%Y-%m-%dT%H:%M:%S%.6fZ")
        .to_string()
}

/// A person account: its id, and the UTC text of its opening and closing entries.
type Person = (String, String, Option<String>);

fn people_opened_closed(conn: &Connection) -> Vec<Person> {
    rows(
        conn,
        "SELECT a.id, jo.recorded_at,
                (SELECT jc.recorded_at FROM account_events e JOIN journal jc ON jc.seq = e.seq
                 WHERE e.account_id = a.id AND jc.entry_type = 'account-closed')
         FROM accounts a JOIN journal jo ON jo.seq = a.opened_seq WHERE a.kind = 'person'",
    )
    .into_iter()
    .map(|r| {
        (
            r[0].as_str().unwrap().to_owned(),
            r[1].as_str().unwrap().to_owned(),
            r[2].as_str().map(str::to_owned),
        )
    })
    .collect()
}

#[test]
fn growth_figures_equal_counts_over_the_journal_for_both_periods() {
    let report = report_json(&[]);
    let conn = sql();
    let growth = &report["growth"];
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    // 1 January to 31 March is 90 days; the previous 90 days end on 31 December.
    assert_eq!(growth["previous_to"], "2025-12-31");
    assert_eq!(growth["previous_from"], "2025-10-03");
    let people = people_opened_closed(&conn);
    let periods = [
        ("current", day(FROM), day(TO)),
        ("previous", day("2025-10-03"), day("2025-12-31")),
    ];
    for (name, from, to) in periods {
        let figures = &growth[name];
        let (start, end) = (
            local_midnight(from),
            local_midnight(to + chrono::Duration::days(1)),
        );
        let inside = |t: &str| start.as_str() <= t && t < end.as_str();
        let count = |f: &dyn Fn(&Person) -> bool| people.iter().filter(|p| f(p)).count() as i64;
        assert_eq!(figures["joined"], count(&|p| inside(&p.1)), "{name} joined");
        assert_eq!(
            figures["left"],
            count(&|p| p.2.as_deref().is_some_and(inside)),
            "{name} left"
        );
        assert_eq!(
            figures["members_at_end"],
            count(&|p| p.1 < end && p.2.as_deref().is_none_or(|c| c >= end.as_str())),
            "{name} members at the end"
        );
        // Counted exchanges (no system account) recorded in this period.
        let span =
            format!("c.system = 0 AND c.recorded_at >= '{start}' AND c.recorded_at < '{end}'");
        assert_eq!(
            figures["exchanges"],
            one_i64(
                &conn,
                &format!("SELECT COUNT(*) FROM counted c WHERE {span}")
            ),
            "{name} exchanges"
        );
        assert_eq!(
            figures["hours_minor"],
            one_i64(&conn, &format!("SELECT COALESCE(SUM(p.amount_minor), 0) FROM counted c JOIN postings p ON p.seq = c.seq AND p.amount_minor > 0 WHERE {span}")),
            "{name} hours"
        );
        let active_since = |account: &str, since: &str| {
            one_i64(&conn, &format!("SELECT COUNT(*) FROM counted c JOIN postings p ON p.seq = c.seq WHERE p.account_id = '{account}' AND {span} AND c.recorded_at >= '{since}'")) > 0
        };
        assert_eq!(
            figures["active_members"],
            count(&|p| active_since(&p.0, &start)),
            "{name} active members"
        );
        for (i, months) in [3u32, 6].into_iter().enumerate() {
            let back = chrono::Months::new(months);
            let cohort = |p: &Person| {
                let joined = DateTime::parse_from_rfc3339(&p.1)
                    .unwrap()
                    .with_timezone(&chrono_tz::Europe::Brussels)
                    .date_naive();
                let first = from.checked_sub_months(back).unwrap();
                let last = to.checked_sub_months(back).unwrap();
                (first <= joined && joined <= last).then_some(joined)
            };
            let retention = &figures["retention"][i];
            assert_eq!(retention["after_months"], months);
            assert_eq!(
                retention["cohort"],
                count(&|p| cohort(p).is_some()),
                "{name} cohort {months}"
            );
            let still = count(&|p| {
                cohort(p).is_some_and(|joined| {
                    active_since(
                        &p.0,
                        &local_midnight(joined.checked_add_months(back).unwrap()),
                    )
                })
            });
            assert_eq!(
                retention["still_active"], still,
                "{name} still active {months}"
            );
        }
    }
    // The fixed ledger was built for these: twelve people opened on
    // 1 December, M011 joined in February, M012 left in February.
    let now = &growth["current"];
    assert_eq!(
        (now["joined"].as_i64(), now["left"].as_i64()),
        (Some(1), Some(1))
    );
    assert_eq!(growth["previous"]["joined"], 12);
    assert_eq!(now["retention"][0]["cohort"], 12);
    assert!(now["retention"][0]["still_active"].as_i64().unwrap() > 0);
    assert_eq!(now["retention"][1]["cohort"], 0);
}

#[test]
fn the_report_pdf_shows_growth_beside_the_previous_period_and_month_totals() {
    let out = report_files(&[]);
    let text = pdf_text(&out.path().join("report.pdf"));
    for needle in [
        "Is the community growing?",
        "Previous period",
        "Members who joined",
        "Still active 3 months after joining",
        "nobody joined then",
        "Whole period",
        "Active members and hours per month",
    ] {
        assert!(text.contains(needle), "the PDF lacks {needle:?}");
    }
    let html = std::fs::read_to_string(out.path().join("report.html")).unwrap();
    assert!(html.contains("Is the community growing?") && html.contains("<tfoot>"));
}
