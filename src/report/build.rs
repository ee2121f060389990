//! Builds the community report from the store, in one pass over the
//! journal up to the period's end. Every rule the report follows is here
//! and in docs/report.md:
//!
//! - A transaction belongs to the period in which it was *recorded*, in the
//!   community's time zone (as for statements).
//! - Reversals: a reversal is never counted, and neither is a transaction
//!   that a reversal recorded before the period's end undoes. So a mistake
//!   corrected in time leaves no trace, and the report of an ended period
//!   never changes.
//! - An *exchange* is a counted transaction without a system account; a
//!   counted transaction with one (a welcome credit) is a *system transfer*.
//! - The hours of an exchange are the sum of its positive postings. Who
//!   paid whom: each payer's hours go to the payees in posting order
//!   (exact; a plain payment has one payer, so each payee's hours are
//!   simply paid by that payer).
//!
//! One file because the report is one pass: the tally that reads the
//! journal once and every figure computed from it share its state.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, NaiveDate};
use chrono_tz::Tz;

use crate::ledger::period::day_start_text;
use crate::ledger::transaction::for_each_flow;
use crate::ledger::{AccountId, AccountKind, Month, WorkKind};
use crate::statement::model::Currency;
use crate::store::report::{ReportAccount, ReportTx};
use crate::store::{Store, StoreError};

use super::growth::GrowthTally;
use super::model::*;

/// What the treasurer asked for.
#[derive(Debug, Clone)]
pub struct Options {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// None: the ledger's language.
    pub language: Option<String>,
    /// Show people's display names (otherwise account numbers only).
    pub names: bool,
    /// "Who needs a call": no exchange for this many weeks.
    pub weeks_idle: u32,
}

pub const WEEKS_IDLE_DEFAULT: u32 = 8;

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("the period ends ({to}) before it starts ({from}); give --from on or before --to")]
    PeriodReversed { from: NaiveDate, to: NaiveDate },
    #[error("--weeks-idle must be at least 1 (it was 0)")]
    WeeksIdleZero,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Builds the report for `options` from the ledger as it stood at the
/// period's end.
pub fn build_report(store: &Store, options: &Options) -> Result<Report, ReportError> {
    if options.to < options.from {
        return Err(ReportError::PeriodReversed {
            from: options.from,
            to: options.to,
        });
    }
    if options.weeks_idle == 0 {
        return Err(ReportError::WeeksIdleZero);
    }
    let settings = store.settings();
    let tz = settings.tz();
    let span = Span::new(options.from, options.to, tz);
    let accounts = store.report_accounts()?;
    let index: HashMap<AccountId, u32> = accounts
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.clone(), i as u32))
        .collect();
    let tally = tally_journal(store, &span, &accounts, &index, tz)?;
    let as_of_seq = store.head_before(&span.end)?.map_or(0, |(seq, _)| seq);
    let people = People {
        accounts: &accounts,
        names: options.names,
    };
    let period = super::policy::Period {
        start: &span.start,
        end: &span.end,
        as_of_seq,
    };
    let parts = super::policy::build(store, &period, &accounts, &index, |i| tally.open_at_end[i])?;
    let name = |i: usize| (people.id(i), people.name(i));
    let mut needs_call = tally.needs_call(&span, &people, options.weeks_idle, tz);
    needs_call.requests_waiting = super::policy::waiting_members(&parts, name, tz);
    // The longest waiting first; then by account number.
    needs_call.requests_waiting.sort_by(|a, b| {
        a.oldest
            .cmp(&b.oldest)
            .then_with(|| a.account_id.cmp(&b.account_id))
    });
    needs_call.past_soft_limit = super::policy::past_soft_members(&parts, name);
    Ok(Report {
        community_name: settings.community_name.clone(),
        currency: Currency {
            name: settings.currency_name.clone(),
            unit: settings.currency_unit.clone(),
            symbol: settings.currency_symbol.clone(),
        },
        language: options
            .language
            .clone()
            .unwrap_or_else(|| settings.default_language.clone()),
        from: options.from,
        to: options.to,
        as_of_seq,
        names_shown: options.names,
        summary: tally.summary(),
        by_work: work_figures(&tally.by_work),
        by_skill: tally.skill_figures(),
        initiatives: tally.initiative_figures(&people),
        giving: tally.giving(),
        needs_call,
        months: tally.month_figures(&span),
        growth: tally.growth.finish(
            &accounts,
            &tally.last_exchange,
            tally.exchanges,
            tally.hours,
        ),
        system_transfers: SystemTransfers {
            transfers: tally.system.1,
            hours_minor: tally.system.0,
            by_work: work_figures(&tally.system_by_work),
        },
        requests: parts.requests,
        gifts: parts.gifts,
        fund_runs: parts.fund_runs,
        closed_accounts_named: u32::try_from(store.closed_accounts_with_name()?)
            .unwrap_or(u32::MAX),
        map: tally.network(&people),
    })
}

/// Transactions per batch handed from the reading thread to the tally.
const BATCH_TXS: usize = 20_000;

/// Reads the journal up to the period's end and adds it up. SQLite reads
/// on this thread while the tally runs on another, batch by batch, so a
/// big ledger uses both cores; the tally sees every transaction in the
/// journal's order, exactly as if it ran alone.
fn tally_journal<'a>(
    store: &Store,
    span: &'a Span,
    accounts: &[ReportAccount],
    index: &HashMap<AccountId, u32>,
    tz: Tz,
) -> Result<Tally<'a>, StoreError> {
    let reversed = store.reversed_before(&span.end)?;
    let (sender, receiver) = std::sync::mpsc::sync_channel::<Batch>(2);
    std::thread::scope(|scope| {
        let adder = scope.spawn(move || {
            let mut tally = Tally::new(span, accounts, reversed, tz);
            for batch in receiver {
                batch.each(|tx| tally.add(tx));
            }
            tally
        });
        let mut batch = Batch::default();
        let read = store.report_transactions(&span.end, index, |tx| {
            batch.push(tx);
            if batch.txs.len() >= BATCH_TXS {
                // A send fails only if the tally thread died; its panic is raised at join.
                let _ = sender.send(std::mem::take(&mut batch));
            }
        });
        let _ = sender.send(batch);
        drop(sender);
        let tally = adder
            .join()
            .expect("the report's tally thread does not panic");
        read.map(|()| tally)
    })
}

/// Transactions copied out of the store's stream into a few flat buffers
/// (no allocation per transaction), to cross to the tally thread.
#[derive(Default)]
struct Batch {
    txs: Vec<BatchTx>,
    text: String,
    postings: Vec<(u32, i64)>,
}

struct BatchTx {
    seq: i64,
    work: WorkKind,
    reverses: Option<i64>,
    recorded_at: std::ops::Range<usize>,
    skill: Option<std::ops::Range<usize>>,
    postings: std::ops::Range<usize>,
}

impl Batch {
    fn push(&mut self, tx: &ReportTx<'_>) {
        let mut text = |t: &str| {
            let start = self.text.len();
            self.text.push_str(t);
            start..self.text.len()
        };
        let recorded_at = text(tx.recorded_at);
        let skill = tx.skill.map(text);
        let start = self.postings.len();
        self.postings.extend_from_slice(tx.postings);
        self.txs.push(BatchTx {
            seq: tx.seq,
            work: tx.work,
            reverses: tx.reverses,
            recorded_at,
            skill,
            postings: start..self.postings.len(),
        });
    }

    fn each(&self, mut visit: impl FnMut(&ReportTx<'_>)) {
        for tx in &self.txs {
            visit(&ReportTx {
                seq: tx.seq,
                recorded_at: &self.text[tx.recorded_at.clone()],
                work: tx.work,
                skill: tx.skill.clone().map(|r| &self.text[r]),
                reverses: tx.reverses,
                postings: &self.postings[tx.postings.clone()],
            });
        }
    }
}

/// The period as journal UTC text: [start, end), with the calendar months
/// it overlaps (the first and last clipped to the period).
struct Span {
    start: String,
    end: String,
    /// Month starts after `start`, then `end`: month i is
    /// `[bounds[i], bounds[i + 1])` with `bounds[0] = start`.
    bounds: Vec<String>,
    months: Vec<(Month, NaiveDate, NaiveDate)>,
    to: NaiveDate,
}

impl Span {
    fn new(from: NaiveDate, to: NaiveDate, tz: Tz) -> Span {
        let mut months = Vec::new();
        let mut bounds = vec![day_start_text(from, tz)];
        let mut month = Month::of_date(from);
        let last = Month::of_date(to);
        loop {
            let first_day = month.first_day().max(from);
            let last_day = month.last_day().min(to);
            months.push((month, first_day, last_day));
            bounds.push(day_start_text(last_day + Duration::days(1), tz));
            if month >= last {
                break;
            }
            month = month.next();
        }
        Span {
            start: bounds[0].clone(),
            end: bounds[bounds.len() - 1].clone(),
            bounds,
            months,
            to,
        }
    }

    /// The month of the period an instant falls in; None before the period.
    fn month_of(&self, recorded_at: &str) -> Option<usize> {
        if recorded_at < self.start.as_str() {
            return None;
        }
        let after = self.bounds.partition_point(|b| b.as_str() <= recorded_at);
        Some((after - 1).min(self.months.len() - 1))
    }

    fn open_during(&self, account: &ReportAccount) -> bool {
        account.opened_at < self.end && account.closed_at.as_ref().is_none_or(|c| *c >= self.start)
    }

    fn open_at_end(&self, account: &ReportAccount) -> bool {
        account.opened_at < self.end && account.closed_at.as_ref().is_none_or(|c| *c >= self.end)
    }
}

/// Names as the report may show them.
struct People<'a> {
    accounts: &'a [ReportAccount],
    names: bool,
}

impl People<'_> {
    /// A person's name only when names are shown; a group's always.
    fn name(&self, index: usize) -> Option<String> {
        let account = &self.accounts[index];
        if account.kind == AccountKind::Person && !self.names {
            return None;
        }
        Some(
            account
                .display_name
                .clone()
                .unwrap_or_else(|| account.id.to_string()),
        )
    }

    fn label(&self, index: usize) -> String {
        self.name(index)
            .unwrap_or_else(|| self.accounts[index].id.to_string())
    }

    fn id(&self, index: usize) -> String {
        self.accounts[index].id.to_string()
    }
}

/// Hours and count per kind of work, indexed like `WorkKind::ALL`.
type WorkTally = [(i64, u64); 4];

fn work_index(work: WorkKind) -> usize {
    WorkKind::ALL
        .iter()
        .position(|w| *w == work)
        .unwrap_or_default()
}

fn work_figures(tally: &WorkTally) -> Vec<WorkFigure> {
    WorkKind::ALL
        .iter()
        .zip(tally)
        .map(|(work, (hours, count))| WorkFigure {
            work: *work,
            hours_minor: *hours,
            exchanges: *count,
        })
        .collect()
}

#[derive(Default, Clone)]
struct PairTally {
    hours: i64,
    exchanges: u64,
    by_work: [i64; 4],
    system: bool,
}

/// Per initiative, per kind of work: (from members, from others, paid out).
#[derive(Default)]
struct InitiativeTally {
    by_work: [[i64; 3]; 4],
    members_paid: HashSet<u32>,
}

#[derive(Default, Clone)]
struct MonthTally {
    exchanges: u64,
    hours: i64,
    by_work: WorkTally,
    active_members: HashSet<u32>,
}

/// Everything added up in the one pass.
struct Tally<'a> {
    span: &'a Span,
    kinds: Vec<AccountKind>,
    open_during: Vec<bool>,
    open_at_end: Vec<bool>,
    reversed: HashSet<i64>,
    exchanges: u64,
    hours: i64,
    by_work: WorkTally,
    skills: HashMap<Option<String>, (i64, u64)>,
    active: Vec<bool>,
    given: Vec<i64>,
    received: Vec<i64>,
    /// Hours each account moved in the period, system transfers included (map).
    moved: Vec<i64>,
    pairs: HashMap<(u32, u32), PairTally>,
    initiatives: HashMap<u32, InitiativeTally>,
    months: Vec<MonthTally>,
    system: (i64, u64),
    system_by_work: WorkTally,
    /// Over the whole history up to the period's end (exchanges only):
    /// the month of each pair's first exchange (None: before the period),
    /// and each account's last exchange.
    first_exchange: HashMap<(u32, u32), Option<usize>>,
    last_exchange: Vec<Option<String>>,
    flows: Vec<(u32, u32, i64)>,
    growth: GrowthTally,
}

impl<'a> Tally<'a> {
    fn new(
        span: &'a Span,
        accounts: &[ReportAccount],
        reversed: HashSet<i64>,
        tz: Tz,
    ) -> Tally<'a> {
        let n = accounts.len();
        Tally {
            span,
            kinds: accounts.iter().map(|a| a.kind).collect(),
            open_during: accounts.iter().map(|a| span.open_during(a)).collect(),
            open_at_end: accounts.iter().map(|a| span.open_at_end(a)).collect(),
            reversed,
            exchanges: 0,
            hours: 0,
            by_work: Default::default(),
            skills: HashMap::new(),
            active: vec![false; n],
            given: vec![0; n],
            received: vec![0; n],
            moved: vec![0; n],
            pairs: HashMap::new(),
            initiatives: HashMap::new(),
            months: vec![MonthTally::default(); span.months.len()],
            system: (0, 0),
            system_by_work: Default::default(),
            first_exchange: HashMap::new(),
            last_exchange: vec![None; n],
            flows: Vec::new(),
            growth: GrowthTally::new(span.months[0].1, span.to, tz, n),
        }
    }

    fn kind(&self, account: u32) -> AccountKind {
        self.kinds[account as usize]
    }

    fn add(&mut self, tx: &ReportTx<'_>) {
        if tx.reverses.is_some() || self.reversed.contains(&tx.seq) {
            return;
        }
        allocate_flows(tx.postings, &mut self.flows);
        let system = tx
            .postings
            .iter()
            .any(|(a, _)| self.kind(*a) == AccountKind::System);
        let month = self.span.month_of(tx.recorded_at);
        let hours: i64 = tx.postings.iter().map(|(_, m)| (*m).max(0)).sum();
        if !system {
            self.add_history(tx, month);
            self.growth.add_exchange(tx.recorded_at, hours, tx.postings);
        }
        let Some(month) = month else { return };
        let w = work_index(tx.work);
        for (account, minor) in tx.postings {
            self.moved[*account as usize] += minor.abs();
        }
        self.add_pairs(tx.work, system);
        if system {
            self.system.0 += hours;
            self.system.1 += 1;
            self.system_by_work[w].0 += hours;
            self.system_by_work[w].1 += 1;
            return;
        }
        self.add_exchange(tx, month, hours);
    }

    /// The whole-history facts: first exchange of each pair, last of each account.
    fn add_history(&mut self, tx: &ReportTx<'_>, month: Option<usize>) {
        for &(payer, payee, _) in &self.flows {
            let first = self
                .first_exchange
                .entry(pair_key(payer, payee))
                .or_insert(month);
            // An earlier month (or before the period) wins, whatever the order of seqs.
            if month.is_none() || (first.is_some() && month < *first) {
                *first = month;
            }
        }
        for (account, _) in tx.postings {
            // Reuses the String: this runs for millions of postings.
            match &mut self.last_exchange[*account as usize] {
                Some(last) if last.as_str() < tx.recorded_at => {
                    last.clear();
                    last.push_str(tx.recorded_at);
                }
                Some(_) => {}
                empty => *empty = Some(tx.recorded_at.to_owned()),
            }
        }
    }

    fn add_pairs(&mut self, work: WorkKind, system: bool) {
        let w = work_index(work);
        for &(payer, payee, minor) in &self.flows {
            let pair = self.pairs.entry(pair_key(payer, payee)).or_default();
            pair.hours += minor;
            pair.exchanges += 1;
            pair.by_work[w] += minor;
            pair.system = system;
        }
    }

    fn add_exchange(&mut self, tx: &ReportTx<'_>, month: usize, hours: i64) {
        let w = work_index(tx.work);
        self.exchanges += 1;
        self.hours += hours;
        self.by_work[w].0 += hours;
        self.by_work[w].1 += 1;
        let skill = self.skills.entry(tx.skill.map(str::to_owned)).or_default();
        skill.0 += hours;
        skill.1 += 1;
        let month_tally = &mut self.months[month];
        month_tally.exchanges += 1;
        month_tally.hours += hours;
        month_tally.by_work[w].0 += hours;
        month_tally.by_work[w].1 += 1;
        for &(account, minor) in tx.postings {
            let i = account as usize;
            self.active[i] = true;
            if minor > 0 {
                self.given[i] += minor;
            } else {
                self.received[i] -= minor;
            }
            if self.kinds[i] == AccountKind::Person {
                month_tally.active_members.insert(account);
            }
        }
        self.add_initiative_flows(w);
    }

    fn add_initiative_flows(&mut self, w: usize) {
        for &(payer, payee, minor) in &self.flows {
            if self.kinds[payee as usize] == AccountKind::Initiative {
                let column = if self.kinds[payer as usize] == AccountKind::Person {
                    0
                } else {
                    1
                };
                self.initiatives.entry(payee).or_default().by_work[w][column] += minor;
            }
            if self.kinds[payer as usize] == AccountKind::Initiative {
                let initiative = self.initiatives.entry(payer).or_default();
                initiative.by_work[w][2] += minor;
                if self.kinds[payee as usize] == AccountKind::Person {
                    initiative.members_paid.insert(payee);
                }
            }
        }
    }

    fn summary(&self) -> Summary {
        let active_of = |kind: AccountKind| {
            self.active
                .iter()
                .zip(&self.kinds)
                .filter(|(a, k)| **a && **k == kind)
                .count() as u32
        };
        Summary {
            exchanges: self.exchanges,
            hours_minor: self.hours,
            active_accounts: self.active.iter().filter(|a| **a).count() as u32,
            active_members: active_of(AccountKind::Person),
            active_initiatives: active_of(AccountKind::Initiative),
            active_partners: active_of(AccountKind::Partner),
            members: self.members().len() as u32,
            distinct_pairs: self.pairs.values().filter(|p| !p.system).count() as u32,
        }
    }

    /// Person accounts open at some time during the period, as indexes.
    fn members(&self) -> Vec<usize> {
        (0..self.kinds.len())
            .filter(|i| self.kinds[*i] == AccountKind::Person && self.open_during[*i])
            .collect()
    }

    fn skill_figures(&self) -> Vec<SkillFigure> {
        let mut figures: Vec<SkillFigure> = self
            .skills
            .iter()
            .map(|(skill, (hours, count))| SkillFigure {
                skill: skill.clone(),
                hours_minor: *hours,
                exchanges: *count,
            })
            .collect();
        // Most hours first; equal hours by name (no skill last), so the order is stable.
        figures.sort_by(|a, b| {
            b.hours_minor
                .cmp(&a.hours_minor)
                .then_with(|| a.skill.is_none().cmp(&b.skill.is_none()))
                .then_with(|| a.skill.cmp(&b.skill))
        });
        figures
    }

    fn initiative_figures(&self, people: &People<'_>) -> Vec<InitiativeFigures> {
        let mut ids: Vec<u32> = self.initiatives.keys().copied().collect();
        ids.sort_unstable();
        ids.into_iter()
            .map(|i| {
                let tally = &self.initiatives[&i];
                let by_work: Vec<InitiativeWork> = WorkKind::ALL
                    .iter()
                    .zip(&tally.by_work)
                    .map(|(work, [members, others, paid])| InitiativeWork {
                        work: *work,
                        received_from_members_minor: *members,
                        received_from_others_minor: *others,
                        paid_out_minor: *paid,
                    })
                    .collect();
                InitiativeFigures {
                    account_id: people.id(i as usize),
                    name: people.label(i as usize),
                    received_from_members_minor: by_work
                        .iter()
                        .map(|w| w.received_from_members_minor)
                        .sum(),
                    received_from_others_minor: by_work
                        .iter()
                        .map(|w| w.received_from_others_minor)
                        .sum(),
                    paid_out_minor: by_work.iter().map(|w| w.paid_out_minor).sum(),
                    members_paid: tally.members_paid.len() as u32,
                    by_work,
                }
            })
            .collect()
    }

    fn giving(&self) -> Giving {
        let members = self.members();
        let mut given: Vec<(i64, usize)> = members.iter().map(|&i| (self.given[i], i)).collect();
        // Most hours first; equal hours by account id (index order is id order).
        given.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let n = given.len();
        let tenth_end = |t: usize| (t * n).div_ceil(10);
        let deciles: Vec<i64> = (0..10)
            .map(|t| {
                given[tenth_end(t)..tenth_end(t + 1)]
                    .iter()
                    .map(|g| g.0)
                    .sum()
            })
            .collect();
        let total: i64 = given.iter().map(|g| g.0).sum();
        let top = deciles[0];
        let count = |f: &dyn Fn(i64, i64) -> bool| {
            members
                .iter()
                .filter(|&&i| f(self.given[i], self.received[i]))
                .count() as u32
        };
        Giving {
            members: n as u32,
            given_minor: total,
            top_tenth_members: tenth_end(1) as u32,
            top_tenth_given_minor: top,
            top_tenth_share_percent: percent_half_up(top, total),
            deciles_given_minor: deciles,
            only_give: count(&|g, r| g > 0 && r == 0),
            only_receive: count(&|g, r| g == 0 && r > 0),
            give_and_receive: count(&|g, r| g > 0 && r > 0),
            neither: count(&|g, r| g == 0 && r == 0),
        }
    }
}

impl Tally<'_> {
    fn needs_call(&self, span: &Span, people: &People<'_>, weeks_idle: u32, tz: Tz) -> NeedsCall {
        let quiet_since = span.to + Duration::days(1) - Duration::weeks(i64::from(weeks_idle));
        let threshold = day_start_text(quiet_since, tz);
        let mut quiet = Vec::new();
        let mut no_first_exchange = Vec::new();
        for i in (0..self.kinds.len())
            .filter(|i| self.kinds[*i] == AccountKind::Person && self.open_at_end[*i])
        {
            match &self.last_exchange[i] {
                Some(last) if *last < threshold => quiet.push(QuietMember {
                    account_id: people.id(i),
                    name: people.name(i),
                    last_exchange: local_date(last, tz),
                }),
                Some(_) => {}
                None => no_first_exchange.push(NewMember {
                    account_id: people.id(i),
                    name: people.name(i),
                    opened: local_date(&people.accounts[i].opened_at, tz),
                }),
            }
        }
        // The longest quiet first; then by account number.
        quiet.sort_by(|a, b| {
            a.last_exchange
                .cmp(&b.last_exchange)
                .then_with(|| a.account_id.cmp(&b.account_id))
        });
        NeedsCall {
            weeks_idle,
            quiet_since,
            quiet,
            no_first_exchange,
            requests_waiting: Vec::new(),
            past_soft_limit: Vec::new(),
        }
    }

    fn month_figures(&self, span: &Span) -> Vec<MonthFigures> {
        let mut new_connections = vec![0u32; span.months.len()];
        for month in self.first_exchange.values().flatten() {
            new_connections[*month] += 1;
        }
        span.months
            .iter()
            .zip(&self.months)
            .zip(new_connections)
            .map(|(((month, from, to), tally), new)| MonthFigures {
                month: month.to_string(),
                from: *from,
                to: *to,
                active_members: tally.active_members.len() as u32,
                exchanges: tally.exchanges,
                hours_minor: tally.hours,
                by_work: work_figures(&tally.by_work),
                new_connections: new,
            })
            .collect()
    }

    /// Nodes: every account open during the period except system accounts
    /// without a transfer; edges: every pair with hours between them.
    fn network(&self, people: &People<'_>) -> Network {
        let mut on_map: Vec<bool> = (0..self.kinds.len())
            .map(|i| self.open_during[i] && self.kinds[i] != AccountKind::System)
            .collect();
        let mut keys: Vec<&(u32, u32)> = self.pairs.keys().collect();
        keys.sort_unstable();
        let edges = keys
            .into_iter()
            .map(|&(a, b)| {
                on_map[a as usize] = true;
                on_map[b as usize] = true;
                let pair = &self.pairs[&(a, b)];
                NetEdge {
                    a: people.id(a as usize),
                    b: people.id(b as usize),
                    hours_minor: pair.hours,
                    exchanges: pair.exchanges,
                    main_work: main_work(&pair.by_work),
                    system: pair.system,
                }
            })
            .collect();
        let nodes = (0..self.kinds.len())
            .filter(|i| on_map[*i])
            .map(|i| NetNode {
                account_id: people.id(i),
                kind: self.kinds[i],
                label: people.label(i),
                hours_minor: self.moved[i],
            })
            .collect();
        Network { nodes, edges }
    }
}

/// The kind of work with the most hours; the first in the fixed order among equals.
fn main_work(by_work: &[i64; 4]) -> WorkKind {
    let mut best = 0;
    for (i, hours) in by_work.iter().enumerate() {
        if *hours > by_work[best] {
            best = i;
        }
    }
    WorkKind::ALL[best]
}

/// `part / whole` as a whole percentage, rounded half up, in integers.
pub(super) fn percent_half_up(part: i64, whole: i64) -> u32 {
    if whole <= 0 {
        return 0;
    }
    let (part, whole) = (i128::from(part), i128::from(whole));
    ((part * 200 + whole) / (whole * 2)) as u32
}

fn pair_key(a: u32, b: u32) -> (u32, u32) {
    (a.min(b), a.max(b))
}

/// Who paid whom in a transaction, as (payer, payee, hours): the ledger's
/// one rule ([`for_each_flow`]) over interned account numbers.
pub fn allocate_flows(postings: &[(u32, i64)], out: &mut Vec<(u32, u32, i64)>) {
    out.clear();
    for_each_flow(
        postings,
        |p| p.1,
        |from, to, minor| out.push((from.0, to.0, minor)),
    );
}

/// The local date an instant (journal text) fell on.
pub(super) fn local_date(recorded_at: &str, tz: Tz) -> NaiveDate {
    DateTime::parse_from_rfc3339(recorded_at)
        .map(|t| t.with_timezone(&tz).date_naive())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_payer_pays_each_payee_its_posting() {
        let mut out = Vec::new();
        allocate_flows(&[(0, -500), (1, 200), (2, 300)], &mut out);
        assert_eq!(out, vec![(0, 1, 200), (0, 2, 300)]);
    }

    #[test]
    fn several_payers_are_matched_in_posting_order() {
        let mut out = Vec::new();
        allocate_flows(&[(0, -300), (1, 100), (2, -200), (3, 400)], &mut out);
        assert_eq!(out, vec![(0, 1, 100), (0, 3, 200), (2, 3, 200)]);
        let paid: i64 = out.iter().map(|f| f.2).sum();
        assert_eq!(paid, 500);
    }

    #[test]
    fn percentages_round_half_up_in_integers() {
        assert_eq!(percent_half_up(1, 8), 13);
        assert_eq!(percent_half_up(1, 3), 33);
        assert_eq!(percent_half_up(2, 3), 67);
        assert_eq!(percent_half_up(5, 0), 0);
    }

    #[test]
    fn a_period_is_split_into_clipped_months() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let span = Span::new(
            d("2026-01-15"),
            d("2026-03-10"),
            chrono_tz::Europe::Brussels,
        );
        assert_eq!(span.months.len(), 3);
        assert_eq!(span.months[0].1, d("2026-01-15"));
        assert_eq!(span.months[2].2, d("2026-03-10"));
        assert_eq!(span.start, "2026-01-14T23:00:00.000000Z");
        assert_eq!(span.end, "2026-03-10T23:00:00.000000Z");
        assert_eq!(span.month_of("2026-01-31T23:00:00.000000Z"), Some(1));
        assert_eq!(span.month_of("2026-01-14T22:59:59.000000Z"), None);
    }
}
