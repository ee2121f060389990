//! A fixed, realistic statement and attestation: names in five scripts, a
//! late entry, a paper slip, a correction, a limit override, and an
//! initiative with contributors. Tests, golden files and the treasurer's
//! `statement preview` use it; it never touches a database.

use chrono::NaiveDate;

use super::model::{
    AccountKind, Attestation, Contributor, Counterparty, Currency, MonthPoint, SignedBy, Statement,
    StatementLine, Verification, WorkKind,
};

/// The member whose statement the fixture is.
pub const MEMBER_NAME: &str = "فاطمة الزهراء";
pub const CYRILLIC_NAME: &str = "Олена Коваленко";
pub const TURKISH_NAME: &str = "Şükrü Öztürk";
pub const ACCENTED_NAME: &str = "Zoë Lefèvre";
pub const INITIATIVE_NAME: &str = "Vrouwengroep De Akker";

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    // Fixed, valid dates: a failure here is a typo in this file.
    NaiveDate::from_ymd_opt(year, month, day).expect("valid fixture date")
}

fn party(id: &str, name: &str) -> Counterparty {
    Counterparty {
        account_id: id.to_owned(),
        display_name: name.to_owned(),
    }
}

fn currency() -> Currency {
    Currency {
        name: "Buurtuur".to_owned(),
        unit: "uur".to_owned(),
        symbol: "u".to_owned(),
    }
}

fn verification(account: &str) -> Verification {
    Verification {
        code: "7KQ2-M9XD-4TNA".to_owned(),
        qr_payload: format!("akker:statement:v1:{account}:2026-11:7KQ2M9XD4TNA"),
        chain_head_hex: "3f9a0c7e5b2d4418a6e1f0c93b7d2e58c4a19f6b0d3e7a2c5f8b1e4d6a9c0b37"
            .to_owned(),
    }
}

/// One line with the defaults most lines share.
fn line(seq: i64, day: NaiveDate, with: Counterparty, what: &str, work: WorkKind) -> StatementLine {
    StatementLine {
        seq,
        date: day,
        counterparties: vec![with],
        description: what.to_owned(),
        work,
        skill: None,
        in_minor: 0,
        out_minor: 0,
        signed_by: SignedBy::Member {
            account_id: "0042".to_owned(),
        },
        reverses: None,
        override_reason: None,
    }
}

fn member_lines() -> Vec<StatementLine> {
    let olena = party("0107", CYRILLIC_NAME);
    let sukru = party("0088", TURKISH_NAME);
    let zoe = party("0015", ACCENTED_NAME);
    let group = party("I-003", INITIATIVE_NAME);
    vec![
        StatementLine {
            skill: Some("koken".to_owned()),
            in_minor: 200,
            signed_by: SignedBy::Member {
                account_id: "0107".to_owned(),
            },
            ..line(
                1201,
                date(2026, 11, 3),
                olena,
                "Soep voor de buren",
                WorkKind::Care,
            )
        },
        StatementLine {
            skill: Some("fietsherstel".to_owned()),
            out_minor: 150,
            ..line(
                1207,
                date(2026, 11, 5),
                sukru.clone(),
                "Fiets hersteld",
                WorkKind::Practical,
            )
        },
        StatementLine {
            in_minor: 300,
            signed_by: SignedBy::KeyHolder {
                account_id: "I-003".to_owned(),
                holder_id: Some("0015".to_owned()),
            },
            ..line(
                1215,
                date(2026, 11, 8),
                group,
                "Naaiatelier in de groep",
                WorkKind::Community,
            )
        },
        StatementLine {
            // Recorded late from a paper slip: it happened in October.
            out_minor: 100,
            signed_by: SignedBy::Treasurer {
                slip: Some("B-117".to_owned()),
            },
            ..line(
                1219,
                date(2026, 10, 28),
                zoe.clone(),
                "Les Nederlands",
                WorkKind::SelfDevelopment,
            )
        },
        StatementLine {
            in_minor: 150,
            signed_by: SignedBy::Treasurer { slip: None },
            reverses: Some((1207, "twee keer ingevoerd".to_owned())),
            ..line(
                1224,
                date(2026, 11, 12),
                sukru,
                "Fiets hersteld",
                WorkKind::Practical,
            )
        },
        StatementLine {
            skill: Some("kinderopvang".to_owned()),
            out_minor: 250,
            override_reason: Some("afgesproken met de penningmeester".to_owned()),
            ..line(
                1236,
                date(2026, 11, 20),
                zoe,
                "Opvang van de kinderen op woensdag",
                WorkKind::Care,
            )
        },
    ]
}

fn history() -> Vec<MonthPoint> {
    let closings = [0, 150, 300, 250, 100, -50, -200, -150, 50, -100, -325, -175];
    closings
        .iter()
        .enumerate()
        .map(|(i, &closing_minor)| {
            // December 2025 up to November 2026.
            let index = i as u32 + 11;
            MonthPoint {
                year: 2025 + (index / 12) as i32,
                month: index % 12 + 1,
                closing_minor,
                given_minor: 0,
                received_minor: 0,
            }
        })
        .collect()
}

/// Fatima's statement for November 2026, in the given language.
pub fn member_statement(language: &str) -> Statement {
    Statement {
        community_name: "Tijdsbank Kuregem".to_owned(),
        currency: currency(),
        account_id: "0042".to_owned(),
        display_name: MEMBER_NAME.to_owned(),
        account_kind: AccountKind::Person,
        language: language.to_owned(),
        year: 2026,
        month: 11,
        issued_on: date(2026, 12, 1),
        opening_minor: -325,
        closing_minor: -175,
        floor_minor: -2000,
        ceiling_minor: 4000,
        lines: member_lines(),
        totals: vec![
            total(WorkKind::Care, 200, 250),
            total(WorkKind::Community, 300, 0),
            total(WorkKind::SelfDevelopment, 0, 100),
            total(WorkKind::Practical, 150, 150),
        ],
        exchange_count: 6,
        people_helped_count: 2,
        history: history(),
        contributors: Vec::new(),
        verification: verification("0042"),
    }
}

fn total(work: WorkKind, given_minor: i64, received_minor: i64) -> super::model::WorkTotal {
    super::model::WorkTotal {
        work,
        given_minor,
        received_minor,
    }
}

/// The women's group's statement: it paid four members for their hours.
pub fn initiative_statement(language: &str) -> Statement {
    let contributor = |id: &str, name: &str, by_work: Vec<(WorkKind, i64)>| Contributor {
        account_id: id.to_owned(),
        display_name: name.to_owned(),
        total_minor: by_work.iter().map(|(_, minor)| minor).sum(),
        by_work,
    };
    let mut statement = member_statement(language);
    statement.account_id = "I-003".to_owned();
    statement.display_name = INITIATIVE_NAME.to_owned();
    statement.account_kind = AccountKind::Initiative;
    statement.opening_minor = 1200;
    statement.closing_minor = 450;
    statement.floor_minor = -5000;
    statement.ceiling_minor = 10000;
    statement.lines = vec![StatementLine {
        counterparties: vec![
            party("0042", MEMBER_NAME),
            party("0107", CYRILLIC_NAME),
            party("0088", TURKISH_NAME),
            party("0015", ACCENTED_NAME),
        ],
        out_minor: 750,
        signed_by: SignedBy::KeyHolder {
            account_id: "I-003".to_owned(),
            holder_id: Some("0015".to_owned()),
        },
        ..line(
            1215,
            date(2026, 11, 8),
            party("0042", MEMBER_NAME),
            "Naaiatelier in de groep",
            WorkKind::Community,
        )
    }];
    statement.totals = vec![
        total(WorkKind::Care, 0, 150),
        total(WorkKind::Community, 0, 500),
        total(WorkKind::SelfDevelopment, 0, 100),
        total(WorkKind::Practical, 0, 0),
    ];
    statement.exchange_count = 1;
    statement.people_helped_count = 4;
    statement.contributors = vec![
        contributor("0042", MEMBER_NAME, vec![(WorkKind::Community, 300)]),
        contributor(
            "0107",
            CYRILLIC_NAME,
            vec![(WorkKind::Care, 150), (WorkKind::Community, 50)],
        ),
        contributor("0088", TURKISH_NAME, vec![(WorkKind::Community, 150)]),
        contributor(
            "0015",
            ACCENTED_NAME,
            vec![(WorkKind::SelfDevelopment, 100)],
        ),
    ];
    statement.verification = verification("I-003");
    statement
}

/// A busy month: the member statement with `count` lines, for pagination.
pub fn long_statement(language: &str, count: usize) -> Statement {
    let mut statement = member_statement(language);
    let template = member_lines();
    statement.lines = (0..count)
        .map(|i| {
            let mut line = template[i % template.len()].clone();
            line.seq = 2000 + i as i64;
            line
        })
        .collect();
    statement
}

/// Fatima's attestation for the year up to November 2026.
pub fn attestation(language: &str) -> Attestation {
    Attestation {
        community_name: "Tijdsbank Kuregem".to_owned(),
        currency: currency(),
        account_id: "0042".to_owned(),
        display_name: MEMBER_NAME.to_owned(),
        language: language.to_owned(),
        from: date(2025, 12, 1),
        to: date(2026, 11, 30),
        issued_on: date(2026, 12, 1),
        given_by_work: vec![
            (WorkKind::Care, 1450),
            (WorkKind::Community, 2100),
            (WorkKind::SelfDevelopment, 0),
            (WorkKind::Practical, 375),
        ],
        given_by_initiative: vec![
            ("I-003".to_owned(), INITIATIVE_NAME.to_owned(), 1800),
            ("I-007".to_owned(), "Ouders samen — crèche".to_owned(), 300),
        ],
        total_given_minor: 3925,
        exchange_count: 23,
        verification: verification("0042"),
    }
}
