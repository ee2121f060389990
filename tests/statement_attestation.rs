//! Attestations on the real binary: every figure is the member's own share
//! (checked against direct sums of the member's postings read with
//! `akker --json tx list`), every printed figure is covered by the code
//! (changing any one makes `statement check` say NO MATCH), a period that
//! has not ended is refused, and an old `akker-attestation-v1` code is
//! still answered.

mod common;

use std::collections::BTreeMap;

use akker::ledger::{AccountId, Amount, WorkKind};
use akker::statement::attestation::Figures;
use akker::statement::verification::{attestation_code_v1, attestation_code_v2};
use akker::store::Store;
use chrono::{Datelike, Duration, NaiveDate, Utc};
use common::Ledger;
use serde_json::Value;

fn minor(text: &str) -> i64 {
    Amount::parse_signed(text).expect("an amount").minor()
}

/// The last day of the month before today's, and a year before it.
fn finished_year() -> (NaiveDate, NaiveDate) {
    let today = Utc::now().date_naive();
    let to = today.with_day(1).unwrap() - Duration::days(1);
    (to - Duration::days(364), to)
}

/// What the member gave, summed directly from their own postings: in each
/// exchange dated in the period that is not a reversal and was not
/// reversed, the member's own positive posting, when its (single) payer is
/// not a system account.
struct Expected {
    by_work: BTreeMap<String, i64>,
    by_initiative: BTreeMap<String, i64>,
    total: i64,
    count: u32,
}

fn expected(ledger: &Ledger, member: &str, from: NaiveDate, to: NaiveDate) -> Expected {
    let kinds: BTreeMap<String, String> = ledger
        .json(&["account", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().to_string(),
                a["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut found = Expected {
        by_work: BTreeMap::new(),
        by_initiative: BTreeMap::new(),
        total: 0,
        count: 0,
    };
    for tx in ledger
        .json(&["tx", "list", "--account", member])
        .as_array()
        .unwrap()
    {
        let date = NaiveDate::parse_from_str(tx["date"].as_str().unwrap(), "%Y-%m-%d").unwrap();
        if date < from || date > to || !tx["reverses"].is_null() || !tx["reversed_by"].is_null() {
            continue;
        }
        let postings = tx["postings"].as_array().unwrap();
        let payers: Vec<&Value> = postings
            .iter()
            .filter(|p| minor(p["amount"].as_str().unwrap()) < 0)
            .collect();
        assert_eq!(payers.len(), 1, "the demo's exchanges have one payer");
        let payer = payers[0]["account"].as_str().unwrap();
        let own: i64 = postings
            .iter()
            .filter(|p| p["account"] == member)
            .map(|p| minor(p["amount"].as_str().unwrap()))
            .sum();
        if own <= 0 || kinds[payer] == "system" {
            continue;
        }
        *found
            .by_work
            .entry(tx["work"].as_str().unwrap().to_string())
            .or_default() += own;
        if kinds[payer] == "initiative" {
            *found.by_initiative.entry(payer.to_string()).or_default() += own;
        }
        found.total += own;
        found.count += 1;
    }
    found
}

fn attest(ledger: &Ledger, member: &str, from: NaiveDate, to: NaiveDate) -> Value {
    ledger.json(&[
        "attest",
        member,
        "--from",
        &from.to_string(),
        "--to",
        &to.to_string(),
        "--format",
        "text",
        "--out",
        "-",
    ])
}

fn figures_of(attestation: &Value) -> Figures {
    Figures {
        given_by_work: attestation["given_by_work"]
            .as_array()
            .unwrap()
            .iter()
            .map(|pair| {
                (
                    pair[0].as_str().unwrap().parse::<WorkKind>().unwrap(),
                    pair[1].as_i64().unwrap(),
                )
            })
            .collect(),
        given_by_initiative: attestation["given_by_initiative"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t[0].as_str().unwrap().to_string(),
                    t[1].as_str().unwrap().to_string(),
                    t[2].as_i64().unwrap(),
                )
            })
            .collect(),
        total_given_minor: attestation["total_given_minor"].as_i64().unwrap(),
        exchange_count: attestation["exchange_count"].as_u64().unwrap() as u32,
    }
}

#[test]
fn every_figure_is_the_members_own_share() {
    let ledger = Ledger::demo_copy();
    let (from, to) = finished_year();
    let mut seen_initiative = false;
    // Members of the demo who work for initiatives next to other members.
    for member in ["M001", "M002", "M005", "M010", "M020", "M028"] {
        let want = expected(&ledger, member, from, to);
        let got = attest(&ledger, member, from, to);
        let figures = figures_of(&got);
        assert_eq!(figures.total_given_minor, want.total, "{member}: total");
        assert_eq!(figures.exchange_count, want.count, "{member}: exchanges");
        for (work, minor) in &figures.given_by_work {
            assert_eq!(
                *minor,
                want.by_work.get(work.as_str()).copied().unwrap_or(0),
                "{member}: {work:?}"
            );
        }
        let by_initiative: BTreeMap<String, i64> = figures
            .given_by_initiative
            .iter()
            .map(|(id, _, m)| (id.clone(), *m))
            .collect();
        assert_eq!(by_initiative, want.by_initiative, "{member}: initiatives");
        seen_initiative |= !by_initiative.is_empty();
        // The whole activity is never printed as the member's: no
        // initiative line exceeds what the member gave in total.
        assert!(by_initiative.values().all(|m| *m <= want.total));
    }
    assert!(
        seen_initiative,
        "the test covers hours given to initiatives"
    );
}

#[test]
fn changing_any_printed_figure_makes_the_code_fail() {
    let ledger = Ledger::demo_copy();
    let (from, to) = finished_year();
    let got = attest(&ledger, "M001", from, to);
    let code = got["verification"]["code"].as_str().unwrap().to_string();
    let matched = ledger.run(&["statement", "check", &code]).expect(0);
    assert!(matched.stdout.contains("MATCH") && matched.stdout.contains("every figure"));
    let matched = ledger.json(&["statement", "check", &code]);
    let head_seq = matched["statement"]["head_seq"].as_i64().unwrap();
    let store = Store::open_read_only(ledger.db()).unwrap();
    let head: [u8; 32] = hex::decode(got["verification"]["chain_head_hex"].as_str().unwrap())
        .unwrap()
        .try_into()
        .unwrap();
    let account = AccountId::parse("M001").unwrap();
    let (from_s, to_s) = (from.to_string(), to.to_string());
    let code_of = |figures: &Figures| {
        attestation_code_v2(store.ledger_id(), &account, &from_s, &to_s, figures, &head)
    };
    let printed = figures_of(&got);
    assert_eq!(
        code_of(&printed),
        code,
        "the code is over the printed figures"
    );
    // Every figure, one at a time, raised by 0.50.
    let mut changed = Vec::new();
    for i in 0..printed.given_by_work.len() {
        let mut f = printed.clone();
        f.given_by_work[i].1 += 50;
        changed.push(f);
    }
    for i in 0..printed.given_by_initiative.len() {
        let mut f = printed.clone();
        f.given_by_initiative[i].2 += 50;
        changed.push(f);
    }
    let mut f = printed.clone();
    f.total_given_minor += 50;
    changed.push(f);
    let mut f = printed.clone();
    f.exchange_count += 1;
    changed.push(f);
    assert!(!printed.given_by_initiative.is_empty());
    for figures in &changed {
        let forged = code_of(figures);
        assert_ne!(forged, code);
        ledger
            .run(&["statement", "check", &forged])
            .expect(1)
            .says(&["NO MATCH"]);
    }
    // The same total with a version 1 code is still answered, and says
    // that it vouches for the total only.
    let v1 = attestation_code_v1(
        store.ledger_id(),
        &account,
        &from_s,
        &to_s,
        Amount::from_minor(printed.total_given_minor),
        &head,
    );
    let legacy =
        akker::statement::attestation::legacy_total(&store, &account, &from_s, &to_s, head_seq)
            .unwrap();
    if legacy == printed.total_given_minor {
        let old = ledger.run(&["statement", "check", &v1]).expect(0);
        assert!(old.stdout.contains("the total only"), "{}", old.stdout);
    }
}

#[test]
fn a_period_that_has_not_ended_is_refused() {
    let ledger = Ledger::demo_copy();
    let today = Utc::now().date_naive();
    let before = ledger.snapshot();
    ledger
        .run(&[
            "attest",
            "M001",
            "--from",
            &(today - Duration::days(30)).to_string(),
            "--to",
            &today.to_string(),
        ])
        .expect(1)
        .says(&["has not ended"]);
    assert_eq!(ledger.snapshot(), before, "nothing was recorded");
}
