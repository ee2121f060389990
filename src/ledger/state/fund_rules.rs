//! The rules of issue 13 inside `LedgerState`: the limits in force under
//! the growth policy, the hours given for work it counts, gifts and fund
//! runs (docs/signing.md, "Soft limits, grown floors and the community
//! fund"). A child module of `state` so that file stays readable; the
//! pure formulas are in `ledger::policy`.

use chrono::{DateTime, NaiveDate, Utc};

use super::{check_limits_in, postings_digest, AccountState, LedgerState, TxFacts};
use crate::ledger::account::{AccountId, AccountKind, AccountStatus, Limits};
use crate::ledger::amount::Amount;
use crate::ledger::error::{RuleError, TransactionError};
use crate::ledger::fund::{FundRun, Gift};
use crate::ledger::policy::{self, FundRule, GivenLog, GivenRecord, PolicyError};
use crate::ledger::transaction::{check_postings, Transaction};
use crate::ledger::LedgerError;

impl LedgerState {
    /// The hard limits a posting is checked against: the signed ones,
    /// with the floor the growth policy gives a person account whose
    /// limits were never set one by one (docs/signing.md, "The floor in
    /// force").
    pub fn limits_in_force(&self, state: &AccountState, at: DateTime<Utc>) -> Limits {
        let growth = self.policy.growth();
        let given = growth.as_ref().map(|g| {
            self.given
                .get(&state.id)
                .map_or(Amount::ZERO, |log| log.given_since(g.window_start(at)))
        });
        policy::limits_in_force(
            state.kind,
            state.limits,
            self.own_limits.contains(&state.id),
            growth.as_ref().zip(given),
        )
        .0
    }

    /// A payment that is not a reversal and involves no system account
    /// counts as work given by each person account it pays.
    pub(super) fn record_given(&mut self, seq: i64, tx: &Transaction, at: DateTime<Utc>) {
        let kind_of = |id: &AccountId| self.accounts.get(id).map(|a| a.kind);
        if tx
            .postings()
            .iter()
            .any(|p| kind_of(&p.account) == Some(AccountKind::System))
        {
            return;
        }
        // Hours no later window can reach may be forgotten. A later entry
        // may carry an earlier time than this one (a clock set ahead and
        // then put right), but never one before the end of the last issued
        // month (docs/signing.md, "Recording time", rule 2): only that
        // bounds the windows still to come.
        let oldest = self
            .clock
            .issued_until
            .map(|(_, until)| policy::window_start(until.min(at), policy::GROWTH_MONTHS_MAX + 1));
        for posting in tx.postings() {
            if posting.amount.is_negative()
                || kind_of(&posting.account) != Some(AccountKind::Person)
            {
                continue;
            }
            let record = GivenRecord {
                seq,
                recorded_at: at,
                amount: posting.amount,
            };
            // Looked up before inserting: a payment's account is almost
            // always known, and its id need not be copied then.
            match self.given.get_mut(&posting.account) {
                Some(log) => {
                    if let Some(oldest) = oldest {
                        log.forget_before(oldest);
                    }
                    log.push(record);
                }
                None => {
                    let mut log = GivenLog::default();
                    log.push(record);
                    self.given.insert(posting.account.clone(), log);
                }
            }
        }
    }

    /// Moves `postings` (already balanced) and remembers them as a
    /// transaction, so they can be reversed like any other.
    fn post(
        &mut self,
        seq: i64,
        postings: &[crate::ledger::Posting],
        entry_hash: [u8; 32],
        check: Option<DateTime<Utc>>,
    ) -> Result<(), LedgerError> {
        check_postings(postings)?;
        let mut new_balances = Vec::with_capacity(postings.len());
        for posting in postings {
            let state = self
                .accounts
                .get(&posting.account)
                .ok_or_else(|| RuleError::UnknownAccount(posting.account.clone()))?;
            if state.status == AccountStatus::Closed {
                return Err(RuleError::AccountClosed(posting.account.clone()).into());
            }
            let would_be = state.balance.checked_add(posting.amount).ok_or(
                TransactionError::PostingTooLarge {
                    account: posting.account.clone(),
                    amount: posting.amount,
                },
            )?;
            if let Some(at) = check {
                let limits = self.limits_in_force(state, at);
                check_limits_in(state, limits, posting.amount, would_be)?;
            }
            new_balances.push(would_be);
        }
        for (posting, balance) in postings.iter().zip(new_balances) {
            if let Some(state) = self.accounts.get_mut(&posting.account) {
                state.balance = balance;
            }
        }
        self.transactions.insert(
            seq,
            TxFacts {
                entry_hash,
                is_reversal: false,
                reversed_by: None,
                postings_digest: postings_digest(
                    postings
                        .iter()
                        .map(|p| (p.account.as_str(), p.amount.minor())),
                ),
            },
        );
        Ok(())
    }

    /// A gift: dated no later than today, within the limits in force
    /// like a payment, never counted as work given.
    pub(super) fn apply_gift(
        &mut self,
        seq: i64,
        gift: &Gift,
        today: NaiveDate,
        entry_hash: [u8; 32],
        at: DateTime<Utc>,
    ) -> Result<(), LedgerError> {
        if gift.date() > today {
            return Err(TransactionError::DateInFuture {
                date: gift.date().to_string(),
                today: today.to_string(),
            }
            .into());
        }
        self.post(seq, &gift.postings(), entry_hash, Some(at))
    }

    /// A fund run posts exactly what its rule computes from the state
    /// before it, once per rule and period, into the fund in force. The
    /// rule, not a person, decides the amounts, so hard limits are not
    /// checked (docs/signing.md, "Fund runs").
    pub(super) fn apply_fund_run(
        &mut self,
        seq: i64,
        run: &FundRun,
        today: NaiveDate,
        entry_hash: [u8; 32],
    ) -> Result<(), LedgerError> {
        let expected = self.fund_run_postings(run.rule(), run.period(), today)?;
        let differs = |detail: String| PolicyError::NotWhatTheRuleComputes {
            seq,
            rule: run.rule(),
            period: run.period().to_string(),
            detail,
        };
        if run.date() != today {
            return Err(differs(format!(
                "it is dated {}, not the day it was recorded ({today})",
                run.date()
            ))
            .into());
        }
        let signed: Vec<(AccountId, Amount)> = run
            .postings()
            .iter()
            .map(|p| (p.account.clone(), p.amount))
            .collect();
        if signed != expected {
            let show = |list: &[(AccountId, Amount)]| {
                list.iter()
                    .map(|(a, m)| format!("{a} {m}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            return Err(differs(format!(
                "it posts {}; the rule computes {}",
                show(&signed),
                show(&expected)
            ))
            .into());
        }
        self.post(seq, run.postings(), entry_hash, None)?;
        self.fund_runs
            .insert((run.rule(), run.period().to_string()), seq);
        Ok(())
    }

    /// What a run of `rule` for `period` must post now, from this state:
    /// the rule set, the period in its form and begun, not run before
    /// (unless reversed), the fund an open system account. Every open
    /// person account must be in the state (the store loads them all).
    pub fn fund_run_postings(
        &self,
        rule: FundRule,
        period: &str,
        today: NaiveDate,
    ) -> Result<Vec<(AccountId, Amount)>, PolicyError> {
        policy::check_period(rule, &self.policy, period, today)?;
        // A run covers its period: a yearly contribution and a monthly one
        // of that year overlap, so changing `fund.contribution.every`
        // mid-year does not charge anyone twice for the same months.
        let standing = self
            .fund_runs
            .iter()
            .find(|((r, p), _)| *r == rule && policy::periods_overlap(p, period));
        if let Some(((_, ran), seq)) = standing {
            return Err(PolicyError::AlreadyRun {
                rule,
                period: ran.clone(),
                seq: *seq,
            });
        }
        let fund = self
            .policy
            .fund_account()
            .ok_or(PolicyError::NoFundAccount)?;
        match self.accounts.get(&fund) {
            Some(a) if a.kind == AccountKind::System && a.status == AccountStatus::Open => {}
            _ => return Err(PolicyError::FundNotSystem(fund)),
        }
        let chargeable: Vec<policy::Chargeable> = self
            .accounts
            .values()
            .filter(|a| a.kind == AccountKind::Person && a.status == AccountStatus::Open)
            .map(|a| policy::Chargeable {
                account: a.id.clone(),
                balance: a.balance,
            })
            .collect();
        policy::fund_postings(rule, &self.policy, &fund, &chargeable)
    }
}
