//! A fixed, realistic statement and attestation: names in five scripts, a
//! late entry, a paper slip, a correction, a limit override, and an
//! initiative with contributors. Tests, golden files and the treasurer's
//! `statement preview` use it; it never touches a database.

use chrono::NaiveDate;

use super::model::{
    AccountKind, ApartTotals, Attestation, Contributor, Counterparty, Currency, ExpiredRequest,
    FundRule, GrownFloor, LimitCause, LimitChange, LimitKind, LimitSide, MonthPoint, Movement,
    Organisation, RequestLine, ReversalOf, SignedBy, SoftNotice, Statement, StatementLine,
    StatementRequests, Treasurer, Verification, WorkKind,
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

/// The fixture's treasurer, with a fingerprint of the documented form.
fn treasurer() -> Treasurer {
    Treasurer {
        name: "Marc Peeters".to_owned(),
        contact: "0470 12 34 56".to_owned(),
        fingerprint: "K7Q2-M9XD-4TNA-8P3R".to_owned(),
    }
}

/// One line with the defaults most lines share.
fn line(seq: i64, day: NaiveDate, with: Counterparty, what: &str, work: WorkKind) -> StatementLine {
    StatementLine {
        seq,
        date: day,
        counterparties: vec![with],
        description: what.to_owned(),
        work: Some(work),
        movement: Movement::Exchange,
        skill: None,
        in_minor: 0,
        out_minor: 0,
        signed_by: SignedBy::Member {
            account_id: "0042".to_owned(),
        },
        reverses: None,
        reversed_by: None,
        balance_minor: 0,
        override_reason: None,
    }
}

/// Running balances from `opening`, and which line undoes which, as
/// `build` fills them in.
fn finish_lines(mut lines: Vec<StatementLine>, opening: i64) -> Vec<StatementLine> {
    let mut balance = opening;
    for line in &mut lines {
        balance += line.in_minor - line.out_minor;
        line.balance_minor = balance;
    }
    let undone: Vec<(i64, i64)> = lines
        .iter()
        .filter_map(|l| l.reverses.as_ref().map(|r| (r.seq, l.seq)))
        .collect();
    for line in &mut lines {
        line.reversed_by = undone
            .iter()
            .find(|(seq, _)| *seq == line.seq)
            .map(|(_, by)| *by);
    }
    lines
}

fn member_lines() -> Vec<StatementLine> {
    let olena = party("0107", CYRILLIC_NAME);
    let sukru = party("0088", TURKISH_NAME);
    let zoe = party("0015", ACCENTED_NAME);
    let group = party("I-003", INITIATIVE_NAME);
    vec![
        StatementLine {
            skill: Some("cooking".to_owned()),
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
            skill: Some("bike-repair".to_owned()),
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
            skill: Some("bike-repair".to_owned()),
            reverses: Some(ReversalOf {
                seq: 1207,
                date: date(2026, 11, 5),
                reason: "twee keer ingevoerd".to_owned(),
            }),
            ..line(
                1224,
                date(2026, 11, 12),
                sukru,
                "Fiets hersteld",
                WorkKind::Practical,
            )
        },
        StatementLine {
            skill: Some("childcare".to_owned()),
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
        lines: finish_lines(member_lines(), -325),
        // The bike repair (#1207) was undone by #1224 in the same month,
        // so neither counts as help given or received.
        totals: vec![
            total(WorkKind::Care, 200, 250),
            total(WorkKind::Community, 300, 0),
            total(WorkKind::SelfDevelopment, 0, 100),
            total(WorkKind::Practical, 0, 0),
        ],
        exchange_count: 4,
        people_helped_count: 2,
        history: history(),
        contributors: Vec::new(),
        apart: ApartTotals::default(),
        soft_floor_minor: None,
        soft_ceiling_minor: None,
        soft_notice: None,
        grown_floor: None,
        limit_changes: Vec::new(),
        requests: StatementRequests::default(),
        treasurer: treasurer(),
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
    statement.lines = finish_lines(
        vec![StatementLine {
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
        }],
        1200,
    );
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
    let lines = (0..count)
        .map(|i| {
            let mut line = template[i % template.len()].clone();
            line.seq = 2000 + i as i64;
            // Each copy of the correction undoes the copy of its line.
            if let Some(reversal) = line.reverses.as_mut() {
                reversal.seq = line.seq - 3;
            }
            line
        })
        .collect();
    statement.lines = finish_lines(lines, statement.opening_minor);
    statement.closing_minor = statement
        .lines
        .last()
        .map_or(statement.opening_minor, |l| l.balance_minor);
    statement
}

/// The member statement of a month that left the balance below the floor.
pub fn below_floor_statement(language: &str) -> Statement {
    let mut statement = member_statement(language);
    statement.floor_minor = -100;
    statement
}

/// Fatima's month with the limit policy and requests: a gift to the
/// community fund and the fund's yearly contribution (not work), a
/// balance past her soft floor, a floor grown with her giving and its
/// change this month, requests waiting on her and by her, one declined
/// and one expired.
pub fn policy_statement(language: &str) -> Statement {
    let mut statement = member_statement(language);
    let fund = party("FUND", "Gemeenschapsfonds");
    let mut lines = member_lines();
    lines.push(StatementLine {
        out_minor: 100,
        work: None,
        movement: Movement::Gift,
        ..line(
            1241,
            date(2026, 11, 22),
            fund.clone(),
            "Voor het buurtfeest",
            WorkKind::Community,
        )
    });
    lines.push(StatementLine {
        out_minor: 100,
        work: None,
        movement: Movement::FundRun {
            rule: FundRule::Contribution,
            period: "2026".to_owned(),
        },
        signed_by: SignedBy::Treasurer { slip: None },
        ..line(
            1250,
            date(2026, 11, 30),
            fund,
            "Jaarlijkse bijdrage",
            WorkKind::Community,
        )
    });
    statement.lines = finish_lines(lines, statement.opening_minor);
    statement.closing_minor = -375;
    if let Some(last) = statement.history.last_mut() {
        last.closing_minor = -375;
    }
    statement.apart = ApartTotals {
        gifts_given_minor: 100,
        fund_paid_minor: 100,
        ..ApartTotals::default()
    };
    statement.floor_minor = -2200;
    statement.soft_floor_minor = Some(-300);
    statement.soft_ceiling_minor = Some(3000);
    statement.soft_notice = Some(SoftNotice {
        side: LimitSide::Floor,
        limit_minor: -300,
    });
    statement.grown_floor = Some(GrownFloor {
        base_minor: -1000,
        factor_percent: 50,
        months: 12,
        given_minor: 2400,
        growth_minor: 1200,
        uncapped_minor: -2200,
        cap_minor: -4000,
        floor_minor: -2200,
        capped: false,
    });
    statement.limit_changes = vec![
        LimitChange {
            seq: 1201,
            on: date(2026, 11, 3),
            limit: LimitKind::Floor,
            from_minor: Some(-2100),
            to_minor: Some(-2200),
            cause: LimitCause::Growth,
        },
        LimitChange {
            seq: 1238,
            on: date(2026, 11, 21),
            limit: LimitKind::SoftFloor,
            from_minor: None,
            to_minor: Some(-300),
            cause: LimitCause::Treasurer {
                reason: Some("afgesproken op de ledenvergadering".to_owned()),
            },
        },
    ];
    let request = |seq, made: NaiveDate, day, other, minor, work, what: &str, on| RequestLine {
        seq,
        made_on: made,
        date: day,
        other,
        amount_minor: minor,
        work,
        description: what.to_owned(),
        until_or_on: on,
        reason: None,
    };
    statement.requests = StatementRequests {
        waiting_on_you: vec![request(
            1247,
            date(2026, 11, 25),
            date(2026, 11, 24),
            party("0107", CYRILLIC_NAME),
            150,
            WorkKind::Practical,
            "Boodschappen gedaan",
            date(2027, 1, 24),
        )],
        you_wait_for: vec![request(
            1233,
            date(2026, 11, 18),
            date(2026, 11, 17),
            party("0088", TURKISH_NAME),
            200,
            WorkKind::Care,
            "Soep gebracht",
            date(2027, 1, 17),
        )],
        declined_by_you: Vec::new(),
        declined_by_them: vec![RequestLine {
            reason: Some("verkeerde uren: het was een half uur".to_owned()),
            ..request(
                1222,
                date(2026, 11, 10),
                date(2026, 11, 9),
                party("0015", ACCENTED_NAME),
                100,
                WorkKind::SelfDevelopment,
                "Les Frans",
                date(2026, 11, 14),
            )
        }],
        expired: vec![ExpiredRequest {
            asked_by_you: true,
            request: request(
                1101,
                date(2026, 9, 12),
                date(2026, 9, 10),
                party("I-003", INITIATIVE_NAME),
                300,
                WorkKind::Community,
                "Naaiatelier opgeruimd",
                date(2026, 11, 11),
            ),
        }],
    };
    statement
}

/// The community fund's statement: a system account, which gave welcome
/// credits to two new members.
pub fn system_statement(language: &str) -> Statement {
    let mut statement = member_statement(language);
    statement.account_id = "FUND".to_owned();
    statement.display_name = "Gemeenschapsfonds".to_owned();
    statement.account_kind = AccountKind::System;
    statement.opening_minor = -1000;
    statement.floor_minor = -500000;
    statement.ceiling_minor = 500000;
    let welcome = |seq, with, day| StatementLine {
        out_minor: 500,
        signed_by: SignedBy::Treasurer { slip: None },
        ..line(
            seq,
            date(2026, 11, day),
            with,
            "Welkomstkrediet",
            WorkKind::Community,
        )
    };
    statement.lines = finish_lines(
        vec![
            welcome(1203, party("0107", CYRILLIC_NAME), 2),
            welcome(1230, party("0088", TURKISH_NAME), 16),
        ],
        -1000,
    );
    statement.closing_minor = -2000;
    statement.totals = vec![
        total(WorkKind::Care, 0, 0),
        total(WorkKind::Community, 0, 1000),
        total(WorkKind::SelfDevelopment, 0, 0),
        total(WorkKind::Practical, 0, 0),
    ];
    statement.exchange_count = 2;
    statement.people_helped_count = 0;
    statement.history = history()
        .into_iter()
        .enumerate()
        .map(|(i, mut point)| {
            point.closing_minor = -(i as i64 * 100 + 1000).min(2000);
            point
        })
        .collect();
    statement.verification = verification("FUND");
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
        treasurer: treasurer(),
        organisation: Organisation {
            name: "Tijdsbank Kuregem vzw".to_owned(),
            address: "Dapperheidsplein 7, 1070 Anderlecht".to_owned(),
            registration: "0712.345.678".to_owned(),
            contact: "info@tijdsbank-kuregem.be · 02 520 00 00".to_owned(),
            signatory: "Els Janssens".to_owned(),
            signatory_role: "voorzitter".to_owned(),
            place: "Anderlecht".to_owned(),
            check_address: "https://kiosk.tijdsbank-kuregem.be/check".to_owned(),
        },
        // The organisation publishes a check address: the QR holds it.
        verification: Verification {
            qr_payload: super::verification::check_address_payload(
                "https://kiosk.tijdsbank-kuregem.be/check",
                "7KQ2-M9XD-4TNA",
            ),
            ..verification("0042")
        },
    }
}
