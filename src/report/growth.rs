//! Is the community growing? Members who joined and left, how many of
//! those who joined are still active three and six months later, and the
//! period's activity, each beside the previous period of the same length.
//!
//! The rules (docs/report.md, "Growth"):
//! - *joined* / *left*: person accounts whose account-opened /
//!   account-closed entry was recorded in the period;
//! - *active*: a member with at least one counted exchange recorded in the
//!   period (the report's own rules on reversals and system transfers);
//! - *still active after N months*: of the members who joined in the
//!   period moved back by N months, those with an exchange recorded in the
//!   period at least N months after the day they joined.
//!
//! Both periods are counted as the books stood at the end of the report's
//! period, in one pass with the rest of the report.

use chrono::{Duration, Months, NaiveDate};
use chrono_tz::Tz;

use crate::ledger::period::day_start_text;
use crate::ledger::AccountKind;
use crate::store::report::ReportAccount;

use super::build::local_date;
use super::model::{Growth, GrowthFigures, Retention};

/// The months after joining that "still active" is measured at.
pub const RETENTION_MONTHS: [u32; 2] = [3, 6];

/// One period as the growth figures need it: its days and its instants.
struct Window {
    from: NaiveDate,
    to: NaiveDate,
    /// `[start, end)` in journal UTC text.
    start: String,
    end: String,
}

impl Window {
    fn new(from: NaiveDate, to: NaiveDate, tz: Tz) -> Window {
        Window {
            from,
            to,
            start: day_start_text(from, tz),
            end: day_start_text(to + Duration::days(1), tz),
        }
    }

    fn holds(&self, recorded_at: &str) -> bool {
        self.start.as_str() <= recorded_at && recorded_at < self.end.as_str()
    }
}

/// Added up while the report's pass reads the journal.
pub struct GrowthTally {
    tz: Tz,
    current: Window,
    previous: Window,
    /// Each account's last counted exchange recorded before the period began.
    last_before: Vec<Option<String>>,
    /// Exchanges and their hours in the previous period.
    previous_exchanges: u64,
    previous_hours: i64,
}

impl GrowthTally {
    pub fn new(from: NaiveDate, to: NaiveDate, tz: Tz, accounts: usize) -> GrowthTally {
        let days = (to - from).num_days() + 1;
        let previous_to = from - Duration::days(1);
        let previous_from = previous_to - Duration::days(days - 1);
        GrowthTally {
            tz,
            current: Window::new(from, to, tz),
            previous: Window::new(previous_from, previous_to, tz),
            last_before: vec![None; accounts],
            previous_exchanges: 0,
            previous_hours: 0,
        }
    }

    /// One counted exchange (no system account), at any time up to the end.
    pub fn add_exchange(&mut self, recorded_at: &str, hours_minor: i64, postings: &[(u32, i64)]) {
        if recorded_at >= self.current.start.as_str() {
            return;
        }
        if self.previous.holds(recorded_at) {
            self.previous_exchanges += 1;
            self.previous_hours += hours_minor;
        }
        for (account, _) in postings {
            let last = &mut self.last_before[*account as usize];
            if last.as_deref().is_none_or(|l| l < recorded_at) {
                *last = Some(recorded_at.to_owned());
            }
        }
    }

    /// The figures of both periods. `last_exchange` is each account's last
    /// counted exchange up to the end of the report's period; `exchanges`
    /// and `hours_minor` are the report's own totals for its period.
    pub fn finish(
        &self,
        accounts: &[ReportAccount],
        last_exchange: &[Option<String>],
        exchanges: u64,
        hours_minor: i64,
    ) -> Growth {
        let current = self.figures(
            &self.current,
            accounts,
            last_exchange,
            (exchanges, hours_minor),
        );
        let previous = self.figures(
            &self.previous,
            accounts,
            &self.last_before,
            (self.previous_exchanges, self.previous_hours),
        );
        Growth {
            previous_from: self.previous.from,
            previous_to: self.previous.to,
            current,
            previous,
        }
    }

    fn figures(
        &self,
        window: &Window,
        accounts: &[ReportAccount],
        last_exchange: &[Option<String>],
        (exchanges, hours_minor): (u64, i64),
    ) -> GrowthFigures {
        let people = || {
            accounts
                .iter()
                .enumerate()
                .filter(|(_, a)| a.kind == AccountKind::Person)
        };
        // The last exchange up to the window's end fell inside the window.
        let active_since = |i: usize, since: &str| {
            last_exchange[i]
                .as_deref()
                .is_some_and(|last| last >= since && last >= window.start.as_str())
        };
        let count = |f: &dyn Fn(usize, &ReportAccount) -> bool| {
            people().filter(|(i, a)| f(*i, a)).count() as u32
        };
        GrowthFigures {
            joined: count(&|_, a| window.holds(&a.opened_at)),
            left: count(&|_, a| a.closed_at.as_deref().is_some_and(|c| window.holds(c))),
            members_at_end: count(&|_, a| {
                a.opened_at < window.end
                    && a.closed_at
                        .as_deref()
                        .is_none_or(|c| c >= window.end.as_str())
            }),
            active_members: count(&|i, _| active_since(i, &window.start)),
            exchanges,
            hours_minor,
            retention: RETENTION_MONTHS
                .iter()
                .map(|&months| {
                    let back = Months::new(months);
                    let cohort_from = window.from.checked_sub_months(back);
                    let cohort_to = window.to.checked_sub_months(back);
                    let joined_on = |a: &ReportAccount| local_date(&a.opened_at, self.tz);
                    let in_cohort = |a: &ReportAccount| match (cohort_from, cohort_to) {
                        (Some(from), Some(to)) => (from..=to).contains(&joined_on(a)),
                        _ => false,
                    };
                    let still_active = |i: usize, a: &ReportAccount| {
                        joined_on(a)
                            .checked_add_months(back)
                            .is_some_and(|day| active_since(i, &day_start_text(day, self.tz)))
                    };
                    Retention {
                        after_months: months,
                        cohort: count(&|_, a| in_cohort(a)),
                        still_active: count(&|i, a| in_cohort(a) && still_active(i, a)),
                    }
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_previous_period_has_the_same_number_of_days() {
        let tally = GrowthTally::new(
            d("2026-05-01"),
            d("2026-10-31"),
            chrono_tz::Europe::Brussels,
            0,
        );
        assert_eq!(tally.previous.to, d("2026-04-30"));
        assert_eq!(tally.previous.from, d("2025-10-29"));
        assert_eq!(
            (tally.previous.to - tally.previous.from).num_days(),
            (d("2026-10-31") - d("2026-05-01")).num_days()
        );
    }
}
