//! Limits that fit the community and the community fund's rules, as pure
//! functions (docs/signing.md, "Soft limits, grown floors and the
//! community fund"): soft floors and ceilings, the floor that grows with
//! the hours a member gave for work, and the periodic contribution and
//! demurrage a fund run posts. No I/O: the store and `verify` give these
//! functions the state before an entry and get the same answer.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use serde::Serialize;
use thiserror::Error;

use super::account::{AccountId, AccountKind, Limits};
use super::amount::Amount;
use super::setting::SettingKey;

/// The longest window of the growth policy, in months. Hours given
/// longer ago never count, so replay may forget them.
pub const GROWTH_MONTHS_MAX: u32 = 60;

/// The largest growth factor: 10 hours of floor per hour given.
pub const GROWTH_FACTOR_MAX_HUNDREDTHS: i64 = 1000;

/// Rounds `numerator / denominator` to the nearest integer, halves away
/// from zero (2.5 → 3, −2.5 → −3). Exact: integers only.
pub fn round_half_away(numerator: i128, denominator: i128) -> i128 {
    assert!(denominator > 0, "denominators here are positive constants");
    let quotient = numerator / denominator;
    let remainder = numerator % denominator;
    if remainder.abs() * 2 >= denominator {
        quotient + numerator.signum()
    } else {
        quotient
    }
}

/// The credit-growth policy in force: floor = base − factor × hours given
/// for work in the last `months` months, never below `cap`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Growth {
    pub base: Amount,
    /// The factor in hundredths (0.5 is 50).
    pub factor_hundredths: i64,
    pub months: u32,
    pub cap: Amount,
}

/// A grown floor and how it was worked out, for statements and `account
/// show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct GrownFloor {
    pub given: Amount,
    /// `factor × given`, rounded to the hundredth (halves away from zero).
    pub growth: Amount,
    /// `base − growth`, before the cap.
    pub uncapped: Amount,
    pub floor: Amount,
    pub capped: bool,
}

impl Growth {
    /// The floor for an account that gave `given` hours for work in the
    /// window. `given` is never negative (only positive postings count).
    pub fn floor_for(&self, given: Amount) -> GrownFloor {
        let growth = round_half_away(
            i128::from(given.minor().max(0)) * i128::from(self.factor_hundredths),
            100,
        );
        let growth = Amount::from_minor(growth.min(i128::from(i64::MAX / 4)) as i64);
        let uncapped = Amount::from_minor(self.base.minor().saturating_sub(growth.minor()));
        let capped = uncapped < self.cap;
        GrownFloor {
            given,
            growth,
            uncapped,
            floor: if capped { self.cap } else { uncapped },
            capped,
        }
    }

    /// The first instant whose hours count at `at`: `months` calendar
    /// months before it in UTC (the 31st becomes the month's last day).
    pub fn window_start(&self, at: DateTime<Utc>) -> DateTime<Utc> {
        window_start(at, self.months)
    }
}

pub fn window_start(at: DateTime<Utc>, months: u32) -> DateTime<Utc> {
    at.checked_sub_months(Months::new(months))
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// Hours an account was paid for work, one record per payment, so a
/// window can be summed at any time and a reversed payment taken out.
/// Records arrive in recording order (give or take the clock's slack), so
/// the oldest are at the front and forgetting them is cheap: `verify`
/// replays a million payments through this.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GivenLog {
    records: std::collections::VecDeque<GivenRecord>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GivenRecord {
    pub seq: i64,
    pub recorded_at: DateTime<Utc>,
    pub amount: Amount,
}

impl GivenLog {
    pub fn push(&mut self, record: GivenRecord) {
        self.records.push_back(record);
    }

    /// A reversed payment no longer counts.
    pub fn remove_seq(&mut self, seq: i64) {
        self.records.retain(|r| r.seq != seq);
    }

    /// The hours given from `from` on (inclusive), recorded before now.
    pub fn given_since(&self, from: DateTime<Utc>) -> Amount {
        Amount::from_minor(
            self.records
                .iter()
                .filter(|r| r.recorded_at >= from)
                .map(|r| r.amount.minor())
                .sum(),
        )
    }

    /// Forgets what no window can reach any more, from the front. A
    /// record recorded out of order (within the clock's slack, or before
    /// a clock correction) may stay a little longer; `given_since`
    /// filters by time, so that never changes a sum.
    pub fn forget_before(&mut self, from: DateTime<Utc>) {
        while self.records.front().is_some_and(|r| r.recorded_at < from) {
            self.records.pop_front();
        }
    }
}

/// The per-kind soft limits of the signed settings; None is "not set".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct SoftLimits {
    pub floor: Option<Amount>,
    pub ceiling: Option<Amount>,
}

/// Where an account stands against its soft limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "notice", rename_all = "kebab-case")]
pub enum SoftNotice {
    /// The balance is below the soft floor (and at or above the hard one).
    BelowSoftFloor { soft_floor: Amount, balance: Amount },
    AboveSoftCeiling {
        soft_ceiling: Amount,
        balance: Amount,
    },
}

/// The notice for `balance` under `soft`, if any. A balance exactly at a
/// soft limit is within it.
pub fn soft_notice(soft: SoftLimits, balance: Amount) -> Option<SoftNotice> {
    if let Some(floor) = soft.floor {
        if balance < floor {
            return Some(SoftNotice::BelowSoftFloor {
                soft_floor: floor,
                balance,
            });
        }
    }
    if let Some(ceiling) = soft.ceiling {
        if balance > ceiling {
            return Some(SoftNotice::AboveSoftCeiling {
                soft_ceiling: ceiling,
                balance,
            });
        }
    }
    None
}

/// The two fund rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FundRule {
    Contribution,
    Demurrage,
}

impl FundRule {
    pub const ALL: [FundRule; 2] = [FundRule::Contribution, FundRule::Demurrage];

    pub fn as_str(self) -> &'static str {
        match self {
            FundRule::Contribution => "contribution",
            FundRule::Demurrage => "demurrage",
        }
    }
}

impl fmt::Display for FundRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for FundRule {
    type Err = PolicyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        FundRule::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .ok_or_else(|| PolicyError::UnknownRule(s.trim().to_string()))
    }
}

/// How often the contribution is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Every {
    Year,
    Month,
}

/// The periodic contribution: `amount` from each open person account
/// every year or month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Contribution {
    pub amount: Amount,
    pub every: Every,
}

/// Demurrage: `rate_bp` hundredths of a percent (basis points) of the
/// part of a positive balance above `threshold`, each month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Demurrage {
    pub rate_bp: i64,
    pub threshold: Amount,
}

impl Demurrage {
    /// What an account with `balance` pays: (balance − threshold) × rate,
    /// rounded to the hundredth, halves away from zero; zero at or below
    /// the threshold.
    pub fn charge(&self, balance: Amount) -> Amount {
        let above = balance.minor() - self.threshold.minor();
        if above <= 0 {
            return Amount::ZERO;
        }
        Amount::from_minor(
            round_half_away(i128::from(above) * i128::from(self.rate_bp), 10_000) as i64,
        )
    }
}

/// Every policy setting in force, read from the signed settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PolicySettings {
    values: BTreeMap<SettingKey, String>,
}

impl PolicySettings {
    /// Records a setting's new value (empty clears it). Non-policy
    /// settings are ignored.
    pub fn set(&mut self, key: SettingKey, value: &str) {
        if !key.is_policy() {
            return;
        }
        if value.is_empty() {
            self.values.remove(&key);
        } else {
            self.values.insert(key, value.to_string());
        }
    }

    fn amount(&self, key: SettingKey) -> Option<Amount> {
        self.values
            .get(&key)
            .and_then(|v| Amount::parse_signed(v).ok())
    }

    /// The growth policy, on when all four of its settings are set.
    pub fn growth(&self) -> Option<Growth> {
        Some(Growth {
            base: self.amount(SettingKey::GrowthBase)?,
            factor_hundredths: parse_hundredths(self.values.get(&SettingKey::GrowthFactor)?)?,
            months: self.values.get(&SettingKey::GrowthMonths)?.parse().ok()?,
            cap: self.amount(SettingKey::GrowthCap)?,
        })
    }

    pub fn soft_limits(&self, kind: AccountKind) -> SoftLimits {
        let (floor, ceiling) = SettingKey::soft_keys(kind);
        SoftLimits {
            floor: self.amount(floor),
            ceiling: self.amount(ceiling),
        }
    }

    pub fn fund_account(&self) -> Option<AccountId> {
        self.values
            .get(&SettingKey::FundAccount)
            .and_then(|v| AccountId::parse(v).ok())
    }

    pub fn contribution(&self) -> Option<Contribution> {
        Some(Contribution {
            amount: self.amount(SettingKey::ContributionAmount)?,
            every: match self
                .values
                .get(&SettingKey::ContributionEvery)
                .map(String::as_str)
            {
                Some("month") => Every::Month,
                _ => Every::Year,
            },
        })
    }

    pub fn demurrage(&self) -> Option<Demurrage> {
        Some(Demurrage {
            rate_bp: parse_hundredths(self.values.get(&SettingKey::DemurrageRate)?)?,
            threshold: self
                .amount(SettingKey::DemurrageThreshold)
                .unwrap_or(Amount::ZERO),
        })
    }
}

/// A decimal with at most two decimals, in hundredths ("0.5" is 50).
pub fn parse_hundredths(text: &str) -> Option<i64> {
    Amount::parse_signed(text)
        .ok()
        .filter(|a| !a.is_negative())
        .map(Amount::minor)
}

/// The soft limits in force for an account: its own (`soft-limits-set`)
/// where given, else its kind's.
pub fn soft_in_force(kind_soft: SoftLimits, own: Option<SoftLimits>) -> SoftLimits {
    match own {
        None => kind_soft,
        Some(own) => SoftLimits {
            floor: own.floor.or(kind_soft.floor),
            ceiling: own.ceiling.or(kind_soft.ceiling),
        },
    }
}

/// The hard limits in force for an account: the growth policy sets the
/// floor of a person account whose limits were never set one by one.
pub fn limits_in_force(
    kind: AccountKind,
    signed: Limits,
    own_limits: bool,
    growth: Option<(&Growth, Amount)>,
) -> (Limits, Option<GrownFloor>) {
    match growth {
        Some((growth, given)) if kind == AccountKind::Person && !own_limits => {
            let grown = growth.floor_for(given);
            let limits = Limits::new(grown.floor, signed.ceiling()).unwrap_or(signed);
            (limits, Some(grown))
        }
        _ => (signed, None),
    }
}

/// One account a fund run charges, as the rule sees it before the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chargeable {
    pub account: AccountId,
    pub balance: Amount,
}

/// What a fund run must post: each account's charge (negative), in
/// account-id order, then the fund's total (positive). Accounts that owe
/// nothing are left out; no charge at all means nothing to run.
pub fn fund_postings(
    rule: FundRule,
    settings: &PolicySettings,
    fund: &AccountId,
    chargeable: &[Chargeable],
) -> Result<Vec<(AccountId, Amount)>, PolicyError> {
    let mut sorted: Vec<&Chargeable> = chargeable.iter().filter(|c| &c.account != fund).collect();
    sorted.sort_by(|a, b| a.account.cmp(&b.account));
    let mut postings = Vec::new();
    let mut total: i64 = 0;
    for c in sorted {
        let charge = match rule {
            FundRule::Contribution => {
                settings
                    .contribution()
                    .ok_or(PolicyError::RuleNotSet(rule))?
                    .amount
            }
            FundRule::Demurrage => settings
                .demurrage()
                .ok_or(PolicyError::RuleNotSet(rule))?
                .charge(c.balance),
        };
        if charge.is_zero() {
            continue;
        }
        total += charge.minor();
        postings.push((c.account.clone(), Amount::from_minor(-charge.minor())));
    }
    if postings.is_empty() {
        return Err(PolicyError::NothingToRun(rule));
    }
    postings.push((fund.clone(), Amount::from_minor(total)));
    Ok(postings)
}

/// The period a rule runs for: `YYYY` for a yearly contribution,
/// `YYYY-MM` for a monthly one and for demurrage. It must have begun by
/// `today` (the run's local date).
pub fn check_period(
    rule: FundRule,
    settings: &PolicySettings,
    period: &str,
    today: NaiveDate,
) -> Result<NaiveDate, PolicyError> {
    let monthly = match rule {
        FundRule::Demurrage => true,
        FundRule::Contribution => {
            settings
                .contribution()
                .ok_or(PolicyError::RuleNotSet(rule))?
                .every
                == Every::Month
        }
    };
    let bad = || PolicyError::BadPeriod {
        rule,
        period: period.to_string(),
        form: if monthly { "YYYY-MM" } else { "YYYY" },
    };
    let start = if monthly {
        if period.len() != 7 {
            return Err(bad());
        }
        NaiveDate::parse_from_str(&format!("{period}-01"), "%Y-%m-%d").map_err(|_| bad())?
    } else {
        if period.len() != 4 || !period.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        NaiveDate::from_ymd_opt(period.parse().map_err(|_| bad())?, 1, 1).ok_or_else(bad)?
    };
    if start.year() < 1900 {
        return Err(bad());
    }
    if start > today {
        return Err(PolicyError::PeriodNotBegun {
            period: period.to_string(),
            today: today.to_string(),
        });
    }
    Ok(start)
}

/// Whether two fund-run periods (`YYYY` or `YYYY-MM`) share a month: the
/// same period, or a year and a month of it.
pub fn periods_overlap(a: &str, b: &str) -> bool {
    a == b || (a.len() != b.len() && a.get(..4) == b.get(..4))
}

/// Limits `akker init --members N` proposes for a community of about N
/// members (docs/treasurer-guide.md, "Choosing limits and fund rules"):
/// a small group starts with little credit, so nobody runs far into debt
/// before the others know them; a larger one can carry more. Initiatives
/// and partners pay many members, so they get five times a person's
/// room; the fund's system account can pay two welcome hours to every
/// member and a little more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Proposal {
    pub person: Limits,
    pub initiative: Limits,
    pub partner: Limits,
    pub system: Limits,
    pub person_soft: SoftLimits,
    pub growth: Growth,
}

pub fn proposed_limits(members: u32) -> Proposal {
    let hours = |h: i64| Amount::from_minor(h * 100);
    let (floor, ceiling, soft_floor, soft_ceiling) = match members {
        0..=29 => (10, 20, 5, 15),
        30..=149 => (20, 40, 15, 30),
        _ => (30, 60, 20, 45),
    };
    let limits = |f: i64, c: i64| Limits::new(hours(-f), hours(c)).expect("around zero");
    let fund = (i64::from(members) * 5).max(500);
    Proposal {
        person: limits(floor, ceiling),
        initiative: limits(floor * 5, ceiling * 5),
        partner: limits(floor * 5, ceiling * 5),
        system: limits(fund, fund),
        person_soft: SoftLimits {
            floor: Some(hours(-soft_floor)),
            ceiling: Some(hours(soft_ceiling)),
        },
        growth: Growth {
            base: hours(-floor / 2),
            factor_hundredths: 50,
            months: 12,
            cap: hours(-floor * 2),
        },
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PolicyError {
    #[error("'{0}' is not a fund rule; use contribution or demurrage")]
    UnknownRule(String),
    #[error("the {0} rule is not set; set it first with `akker settings set` (see `akker guide limits`)")]
    RuleNotSet(FundRule),
    #[error("no community fund account is set; set one with `akker settings set fund.account ID` (a system account)")]
    NoFundAccount,
    #[error("the community fund {0} must be an open system account")]
    FundNotSystem(AccountId),
    #[error("the {0} rule charges nobody for this period (no open person account owes anything); nothing to record")]
    NothingToRun(FundRule),
    #[error("'{period}' is not a period of the {rule} rule; write it as {form}")]
    BadPeriod {
        rule: FundRule,
        period: String,
        form: &'static str,
    },
    #[error("the period {period} has not begun (today is {today}); run it once it has")]
    PeriodNotBegun { period: String, today: String },
    #[error("the {rule} rule already ran for {period} as #{seq}; a period runs once (reverse #{seq} first to run it again)")]
    AlreadyRun {
        rule: FundRule,
        period: String,
        seq: i64,
    },
    #[error("fund run #{seq} does not post what the {rule} rule computes for {period}: {detail}")]
    NotWhatTheRuleComputes {
        seq: i64,
        rule: FundRule,
        period: String,
        detail: String,
    },
    #[error("a gift gives hours from one account to another: {0}")]
    BadGift(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(minor: i64) -> Amount {
        Amount::from_minor(minor)
    }

    #[test]
    fn halves_round_away_from_zero() {
        for (n, d, want) in [
            (5, 10, 1),
            (-5, 10, -1),
            (4, 10, 0),
            (15, 10, 2),
            (-15, 10, -2),
            (14, 10, 1),
            (0, 10, 0),
            (125, 100, 1),
            (150, 100, 2),
        ] {
            assert_eq!(round_half_away(n, d), want, "{n}/{d}");
        }
    }

    #[test]
    fn the_grown_floor_follows_the_formula_and_stops_at_the_cap() {
        let growth = Growth {
            base: a(-1000),
            factor_hundredths: 50,
            months: 12,
            cap: a(-4000),
        };
        // (given, floor, capped)
        for (given, floor, capped) in [
            (0, -1000, false),
            (1000, -1500, false),
            (333, -1167, false), // 1.665 rounds to 1.67
            (6000, -4000, false),
            (6001, -4000, true), // -40.005 would be below the cap
            (20000, -4000, true),
        ] {
            let grown = growth.floor_for(a(given));
            assert_eq!(grown.floor, a(floor), "given {given}");
            assert_eq!(grown.capped, capped, "given {given}");
        }
    }

    #[test]
    fn the_window_counts_calendar_months_back() {
        let at: DateTime<Utc> = "2026-03-31T10:00:00Z".parse().unwrap();
        assert_eq!(
            window_start(at, 1),
            "2026-02-28T10:00:00Z".parse::<DateTime<Utc>>().unwrap()
        );
        assert_eq!(
            window_start(at, 12),
            "2025-03-31T10:00:00Z".parse::<DateTime<Utc>>().unwrap()
        );
        let mut log = GivenLog::default();
        for (seq, t, m) in [
            (1, "2025-03-31T09:59:59Z", 100),
            (2, "2025-03-31T10:00:00Z", 200),
            (3, "2026-01-01T00:00:00Z", 400),
        ] {
            log.push(GivenRecord {
                seq,
                recorded_at: t.parse().unwrap(),
                amount: a(m),
            });
        }
        assert_eq!(log.given_since(window_start(at, 12)), a(600));
        log.remove_seq(3);
        assert_eq!(log.given_since(window_start(at, 12)), a(200));
    }

    #[test]
    fn demurrage_charges_the_part_above_the_threshold() {
        let d = Demurrage {
            rate_bp: 50, // 0.5 % a month
            threshold: a(2000),
        };
        assert_eq!(d.charge(a(2000)), a(0));
        assert_eq!(d.charge(a(-500)), a(0));
        assert_eq!(d.charge(a(12000)), a(50)); // 100.00 × 0.5 % = 0.50
        assert_eq!(d.charge(a(2100)), a(1)); // 1.00 × 0.5 % = 0.005 → 0.01
        assert_eq!(d.charge(a(2099)), a(0)); // 0.00495 → 0.00
    }

    #[test]
    fn soft_notices_only_past_the_soft_limit() {
        let soft = SoftLimits {
            floor: Some(a(-1500)),
            ceiling: Some(a(3000)),
        };
        assert_eq!(soft_notice(soft, a(-1500)), None);
        assert!(matches!(
            soft_notice(soft, a(-1501)),
            Some(SoftNotice::BelowSoftFloor { .. })
        ));
        assert!(matches!(
            soft_notice(soft, a(3001)),
            Some(SoftNotice::AboveSoftCeiling { .. })
        ));
        assert_eq!(soft_notice(SoftLimits::default(), a(-99999)), None);
    }

    #[test]
    fn a_fund_run_charges_in_account_order_and_pays_the_fund_last() {
        let mut s = PolicySettings::default();
        s.set(SettingKey::ContributionAmount, "1.00");
        let fund = AccountId::parse("SYS-FUND").unwrap();
        let c = |id: &str, b: i64| Chargeable {
            account: AccountId::parse(id).unwrap(),
            balance: a(b),
        };
        let postings = fund_postings(
            FundRule::Contribution,
            &s,
            &fund,
            &[c("M002", 0), c("M001", -500)],
        )
        .unwrap();
        let ids: Vec<String> = postings.iter().map(|(id, _)| id.to_string()).collect();
        assert_eq!(ids, ["M001", "M002", "SYS-FUND"]);
        assert_eq!(postings[2].1, a(200));
        s.set(SettingKey::DemurrageRate, "1");
        s.set(SettingKey::DemurrageThreshold, "10");
        assert_eq!(
            fund_postings(FundRule::Demurrage, &s, &fund, &[c("M001", 500)]),
            Err(PolicyError::NothingToRun(FundRule::Demurrage))
        );
    }

    #[test]
    fn the_proposal_grows_with_the_community() {
        let small = proposed_limits(12);
        assert_eq!(small.person.floor(), a(-1000));
        assert_eq!(small.growth.cap, a(-2000));
        let large = proposed_limits(400);
        assert_eq!(large.person.floor(), a(-3000));
        assert_eq!(large.system.floor(), a(-200_000));
        assert_eq!(proposed_limits(40).initiative.ceiling(), a(20_000));
    }

    #[test]
    fn periods_have_the_rules_form_and_have_begun() {
        let mut s = PolicySettings::default();
        s.set(SettingKey::ContributionAmount, "1.00");
        let today = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        assert!(check_period(FundRule::Contribution, &s, "2026", today).is_ok());
        assert!(check_period(FundRule::Contribution, &s, "2026-03", today).is_err());
        assert!(check_period(FundRule::Contribution, &s, "2027", today).is_err());
        assert!(check_period(FundRule::Demurrage, &s, "2026-03", today).is_ok());
        assert!(check_period(FundRule::Demurrage, &s, "2026-04", today).is_err());
        assert!(check_period(FundRule::Demurrage, &s, "2026-3", today).is_err());
        s.set(SettingKey::ContributionEvery, "month");
        assert!(check_period(FundRule::Contribution, &s, "2026-03", today).is_ok());
    }
}
