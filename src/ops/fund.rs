//! Soft limits, gifts and the community fund's rules: the use cases the
//! command line and the kiosk share (issue 13). Each builds an entry from
//! validated values, signs it and hands it to the store; the rules live
//! in `ledger::state` and `ledger::policy`.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::ledger::fund::{FundRun, Gift};
use crate::ledger::policy::{FundRule, PolicyError};
use crate::ledger::{
    AccountId, Amount, Description, EntryBody, LedgerError, Posting, Reason, SlipRef,
};
use crate::signing::KeyHolder;
use crate::store::fund::LimitView;
use crate::store::{Store, StoreError};

use super::{record, today};

/// What was recorded, and the soft-limit notices of the accounts it
/// touched that are now past a soft limit (empty when none is).
#[derive(Debug, Clone, Serialize)]
pub struct Recorded {
    pub seq: i64,
    pub notices: Vec<LimitView>,
}

/// The soft-limit notices of `accounts` as they stand at `now`: the
/// accounts past a soft floor or ceiling, in the order given. The CLI's
/// `pay` and `gift` and the kiosk show them after recording.
pub fn soft_notices(
    store: &Store,
    accounts: &[&AccountId],
    now: DateTime<Utc>,
) -> Result<Vec<LimitView>, StoreError> {
    let mut notices = Vec::new();
    for id in accounts {
        if let Some(view) = store.limit_view(id, now)? {
            if view.notice.is_some() {
                notices.push(view);
            }
        }
    }
    Ok(notices)
}

/// What a gift needs besides who signs it.
#[derive(Debug, Clone)]
pub struct GiftRequest {
    pub from: AccountId,
    /// The receiver; `None` is the community fund (setting `fund.account`).
    pub to: Option<AccountId>,
    pub amount: Amount,
    pub why: Description,
    pub slip: Option<SlipRef>,
}

/// The community fund's account, as the signed setting names it.
pub fn fund_account(store: &Store) -> Result<AccountId, StoreError> {
    store
        .policy()?
        .fund_account()
        .ok_or_else(|| LedgerError::from(PolicyError::NoFundAccount).into())
}

/// Records a gift of hours, signed by `signer` (the giver's card, or
/// the treasurer from a paper slip), dated today.
pub fn gift(
    store: &mut Store,
    signer: &KeyHolder,
    request: GiftRequest,
    now: DateTime<Utc>,
) -> Result<Recorded, StoreError> {
    let to = match request.to {
        Some(to) => to,
        None => fund_account(store)?,
    };
    let date = today(store.settings(), now);
    let gift = Gift::new(
        date,
        request.from.clone(),
        to.clone(),
        request.amount,
        request.why,
        request.slip,
    )
    .map_err(LedgerError::from)?;
    let seq = record(store, signer, EntryBody::Gift(gift), now)?;
    let notices = soft_notices(store, &[&request.from, &to], now)?;
    Ok(Recorded { seq, notices })
}

/// Sets an account's own soft floor and ceiling (None takes its kind's
/// setting), signed by the treasurer.
pub fn set_soft_limits(
    store: &mut Store,
    treasurer: &KeyHolder,
    account: AccountId,
    soft_floor: Option<Amount>,
    soft_ceiling: Option<Amount>,
    reason: Reason,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let body = EntryBody::SoftLimitsSet {
        account,
        soft_floor,
        soft_ceiling,
        reason,
    };
    record(store, treasurer, body, now)
}

/// A fund run as it would be (preview) or was recorded.
#[derive(Debug, Clone, Serialize)]
pub struct FundPlan {
    pub rule: FundRule,
    pub period: String,
    pub fund: AccountId,
    pub date: chrono::NaiveDate,
    pub description: String,
    /// Each charged account (negative) in account order, then the fund.
    pub postings: Vec<(AccountId, Amount)>,
    /// What the fund receives.
    pub total: Amount,
    /// The entry's number once recorded; None for a preview.
    pub seq: Option<i64>,
}

/// The signed description of a fund run; fixed words, so the same run
/// is described the same way on every machine.
pub fn run_description(rule: FundRule, period: &str) -> String {
    match rule {
        FundRule::Contribution => format!("Contribution {period} to the community fund"),
        FundRule::Demurrage => format!("Demurrage {period} to the community fund"),
    }
}

/// What a run of `rule` for `period` would post now, without recording
/// anything: exactly what `run_fund` records if nothing changes between.
pub fn preview_fund(
    store: &Store,
    rule: FundRule,
    period: &str,
    now: DateTime<Utc>,
) -> Result<FundPlan, StoreError> {
    let postings = store.fund_plan(rule, period, now)?;
    let (fund, total) = postings
        .last()
        .cloned()
        .ok_or_else(|| StoreError::Corrupt("a fund plan without postings".into()))?;
    Ok(FundPlan {
        rule,
        period: period.to_string(),
        fund,
        date: today(store.settings(), now),
        description: run_description(rule, period),
        postings,
        total,
        seq: None,
    })
}

/// Records one run of `rule` for `period`, signed by the treasurer. The
/// store checks again, inside the write, that the postings are what the
/// rule computes and that the period has not run.
pub fn run_fund(
    store: &mut Store,
    treasurer: &KeyHolder,
    rule: FundRule,
    period: &str,
    now: DateTime<Utc>,
) -> Result<FundPlan, StoreError> {
    let mut plan = preview_fund(store, rule, period, now)?;
    let run = FundRun::new(
        rule,
        plan.period.clone(),
        plan.date,
        Description::parse(&plan.description).map_err(LedgerError::from)?,
        plan.postings
            .iter()
            .map(|(account, amount)| Posting {
                account: account.clone(),
                amount: *amount,
            })
            .collect(),
    )
    .map_err(LedgerError::from)?;
    plan.seq = Some(record(store, treasurer, EntryBody::FundRun(run), now)?);
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::policy::SoftNotice;
    use crate::ledger::{
        AccountKind, Entry, Limits, PaymentDetails, RuleError, SettingKey, Settings, WorkKind,
    };
    use crate::ops::{self, NewAccount};
    use crate::signing::generate_key;
    use crate::store::Movement;
    use chrono::Duration;

    fn a(text: &str) -> Amount {
        Amount::parse_signed(text).unwrap()
    }

    fn id(text: &str) -> AccountId {
        AccountId::parse(text).unwrap()
    }

    struct Fixture {
        store: Store,
        treasurer: KeyHolder,
        now: DateTime<Utc>,
    }

    impl Fixture {
        fn new() -> Fixture {
            let treasurer = KeyHolder::treasurer(generate_key());
            let limits = |f: &str, c: &str| Limits::new(a(f), a(c)).unwrap();
            let now: DateTime<Utc> = "2026-03-02T09:00:00Z".parse().unwrap();
            let settings = Settings {
                community_name: "Test".into(),
                currency_name: "tijd".into(),
                currency_unit: "hours".into(),
                currency_symbol: "h".into(),
                time_zone: "Europe/Brussels".into(),
                default_language: "nl".into(),
                treasurer_key: treasurer.signer().public_key,
                person_limits: limits("-20", "40"),
                initiative_limits: limits("-100", "200"),
                partner_limits: limits("-100", "200"),
                system_limits: limits("-5000", "5000"),
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
            for (account, kind) in [
                ("M001", AccountKind::Person),
                ("M002", AccountKind::Person),
                ("M003", AccountKind::Person),
                ("SYS-FUND", AccountKind::System),
            ] {
                let new = NewAccount {
                    id: id(account),
                    kind,
                    name: crate::ledger::DisplayName::parse(account).unwrap(),
                    language: crate::ledger::Language::parse("nl").unwrap(),
                    limits: None,
                };
                ops::open_account(&mut store, &treasurer, new, now).unwrap();
            }
            Fixture {
                store,
                treasurer,
                now,
            }
        }

        fn later(&mut self) -> DateTime<Utc> {
            self.now += Duration::minutes(1);
            self.now
        }

        fn set(&mut self, key: SettingKey, value: &str) {
            let now = self.later();
            ops::set_setting(&mut self.store, &self.treasurer, key, value, now).unwrap();
        }

        fn pay(&mut self, from: &str, to: &str, amount: &str) -> Result<i64, StoreError> {
            let now = self.later();
            let details = PaymentDetails {
                date: now.date_naive(),
                work: WorkKind::Practical,
                skill: None,
                description: Description::parse("help").unwrap(),
                slip: Some(SlipRef::parse("slip 1").unwrap()),
                override_reason: None,
            };
            ops::pay(
                &mut self.store,
                &self.treasurer,
                &id(from),
                &[(id(to), a(amount))],
                details,
                now,
            )
        }

        fn balance(&self, account: &str) -> Amount {
            self.store.account(&id(account)).unwrap().unwrap().balance
        }
    }

    #[test]
    fn the_floor_grows_with_hours_given_for_work_and_refuses_below_it() {
        let mut f = Fixture::new();
        f.set(SettingKey::GrowthBase, "-5");
        f.set(SettingKey::GrowthFactor, "0.5");
        f.set(SettingKey::GrowthMonths, "12");
        f.set(SettingKey::GrowthCap, "-10");
        f.pay("M002", "M001", "4").unwrap();
        // M001 gave 4 hours: floor -5 - 0.5 x 4 = -7.
        f.pay("M001", "M002", "11").unwrap();
        assert_eq!(f.balance("M001"), a("-7"));
        let refused = f.pay("M001", "M003", "0.01").unwrap_err();
        assert!(
            matches!(
                refused,
                StoreError::Ledger(LedgerError::Rule(RuleError::BelowFloor { floor, .. }))
                    if floor == a("-7")
            ),
            "{refused}"
        );
        let view = f.store.limit_view(&id("M001"), f.now).unwrap().unwrap();
        assert_eq!(view.floor, a("-7"));
        assert_eq!(view.signed_floor, a("-20"));
        assert_eq!(view.growth.unwrap().grown.given, a("4"));
        // M002 gave 11: -5 - 5.5 = -10.5, capped at -10.
        let view = f.store.limit_view(&id("M002"), f.now).unwrap().unwrap();
        assert_eq!(view.floor, a("-10"));
        // Reversing a payment takes its hours out of the window: #11 is
        // M001's payment of 11 hours to M002 (#1 settings, #2-5 accounts,
        // #6-9 the policy, #10 the first payment).
        let now = f.later();
        ops::reverse(
            &mut f.store,
            &f.treasurer,
            11,
            Reason::parse("typed twice").unwrap(),
            None,
            now,
        )
        .unwrap();
        let view = f.store.limit_view(&id("M002"), f.now).unwrap().unwrap();
        assert_eq!(view.growth.unwrap().grown.given, a("0"));
        assert_eq!(view.floor, a("-5"));
        // An account's own limits are left alone by the policy.
        let now = f.later();
        ops::set_limits(
            &mut f.store,
            &f.treasurer,
            id("M003"),
            Limits::new(a("-30"), a("40")).unwrap(),
            Reason::parse("agreed").unwrap(),
            now,
        )
        .unwrap();
        f.pay("M003", "M002", "25").unwrap();
        let report = crate::verify::verify(&f.store).unwrap();
        assert!(report.is_ok(), "{:?}", report.problems);
    }

    #[test]
    fn a_gift_moves_hours_and_is_not_work() {
        let mut f = Fixture::new();
        f.set(SettingKey::FundAccount, "SYS-FUND");
        f.set(SettingKey::SoftFloorPerson, "-1");
        let now = f.later();
        let recorded = gift(
            &mut f.store,
            &f.treasurer,
            GiftRequest {
                from: id("M001"),
                to: None,
                amount: a("1.50"),
                why: Description::parse("for the fund").unwrap(),
                slip: Some(SlipRef::parse("G1").unwrap()),
            },
            now,
        )
        .unwrap();
        assert_eq!(f.balance("M001"), a("-1.50"));
        assert_eq!(f.balance("SYS-FUND"), a("1.50"));
        assert!(matches!(
            recorded.notices[0].notice,
            Some(SoftNotice::BelowSoftFloor { .. })
        ));
        let view = f.store.transaction(recorded.seq).unwrap().unwrap();
        assert_eq!(view.movement, Movement::Gift);
        assert_eq!(view.work, "");
        // Reversed, it is still not work.
        let now = f.later();
        let back = ops::reverse(
            &mut f.store,
            &f.treasurer,
            recorded.seq,
            Reason::parse("wrong member").unwrap(),
            None,
            now,
        )
        .unwrap();
        let view = f.store.transaction(back).unwrap().unwrap();
        assert_eq!(view.movement, Movement::Gift);
        assert_eq!(f.balance("M001"), a("0"));
        let report = crate::verify::verify(&f.store).unwrap();
        assert!(report.is_ok(), "{:?}", report.problems);
    }

    #[test]
    fn a_fund_run_records_its_preview_once_per_period() {
        let mut f = Fixture::new();
        f.set(SettingKey::FundAccount, "SYS-FUND");
        f.set(SettingKey::ContributionAmount, "1");
        f.set(SettingKey::DemurrageRate, "0.5");
        f.set(SettingKey::DemurrageThreshold, "2");
        f.pay("M001", "M002", "10.01").unwrap();
        let preview = preview_fund(&f.store, FundRule::Contribution, "2026", f.now).unwrap();
        let now = f.later();
        let run = run_fund(
            &mut f.store,
            &f.treasurer,
            FundRule::Contribution,
            "2026",
            now,
        )
        .unwrap();
        assert_eq!(run.postings, preview.postings);
        assert_eq!(run.total, a("3"));
        assert_eq!(f.balance("SYS-FUND"), a("3"));
        let now = f.later();
        let again = run_fund(
            &mut f.store,
            &f.treasurer,
            FundRule::Contribution,
            "2026",
            now,
        )
        .unwrap_err();
        assert!(again.to_string().contains("already ran"), "{again}");
        // M002 has 9.01: (9.01 - 2) x 0.5 % = 0.03505, 0.04 rounded.
        let now = f.later();
        let demurrage = run_fund(
            &mut f.store,
            &f.treasurer,
            FundRule::Demurrage,
            "2026-03",
            now,
        )
        .unwrap();
        assert_eq!(demurrage.postings[0], (id("M002"), a("-0.04")));
        // Reversed, the period may run again.
        let now = f.later();
        ops::reverse(
            &mut f.store,
            &f.treasurer,
            run.seq.unwrap(),
            Reason::parse("voted down").unwrap(),
            None,
            now,
        )
        .unwrap();
        let now = f.later();
        run_fund(
            &mut f.store,
            &f.treasurer,
            FundRule::Contribution,
            "2026",
            now,
        )
        .unwrap();
        assert_eq!(f.store.fund_runs().unwrap().len(), 3);
        let report = crate::verify::verify(&f.store).unwrap();
        assert!(report.is_ok(), "{:?}", report.problems);
    }
}
