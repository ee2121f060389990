//! The report's figures about requests for hours, as pure functions over
//! the facts of each request (when it was made, when it expires, how and
//! when it was answered). The rules, written down in docs/report.md:
//!
//! - made, confirmed, declined and withdrawn count in the period in which
//!   that entry was recorded; an expiry counts in the period its expiry
//!   time falls in, when the request was still unanswered then;
//! - pending at the end: made before the period's end, unanswered and not
//!   expired by then;
//! - the median time to confirm is over the confirmations recorded in the
//!   period, from the request's recording to the confirmation's, in
//!   seconds; for an even count, the mean of the two middle ones, rounded
//!   half up; shown in hundredths of a day, rounded half up;
//! - "waiting on them": a request pending at the period's end, made more
//!   than `REQUEST_WAIT_DAYS` days before it, waits on its payer.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};

use super::model::RequestFigures;

/// A request waits too long on its payer after this many days.
pub const REQUEST_WAIT_DAYS: i64 = 14;

/// How a request was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Confirmed,
    Declined,
    Withdrawn,
}

/// What the report needs to know of one request.
#[derive(Debug, Clone)]
pub struct RequestFacts {
    /// The payer (who is asked), by index into the report's accounts.
    pub payer: usize,
    pub amount_minor: i64,
    pub made_at: DateTime<Utc>,
    /// When it expires unless answered before.
    pub expires_at: DateTime<Utc>,
    /// How and when it was answered, if it was.
    pub answered: Option<(Answer, DateTime<Utc>)>,
}

impl RequestFacts {
    /// True when, at `at`, it was made and neither answered nor expired.
    fn pending_at(&self, at: DateTime<Utc>) -> bool {
        self.made_at < at
            && self.answered.is_none_or(|(_, when)| when >= at)
            && self.expires_at >= at
    }

    /// When it expired, if it did (unanswered at its expiry time).
    fn expired_at(&self) -> Option<DateTime<Utc>> {
        match self.answered {
            Some((_, when)) if when <= self.expires_at => None,
            _ => Some(self.expires_at),
        }
    }
}

/// The period's request figures: [start, end) in UTC.
pub fn figures(
    requests: &[RequestFacts],
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> RequestFigures {
    let within = |t: DateTime<Utc>| start <= t && t < end;
    let mut figures = RequestFigures::default();
    let mut to_confirm: Vec<i64> = Vec::new();
    for request in requests {
        if within(request.made_at) {
            figures.made += 1;
        }
        if let Some((answer, when)) = request.answered.filter(|(_, when)| within(*when)) {
            match answer {
                Answer::Confirmed => {
                    figures.confirmed += 1;
                    to_confirm.push((when - request.made_at).num_seconds());
                }
                Answer::Declined => figures.declined += 1,
                Answer::Withdrawn => figures.withdrawn += 1,
            }
        }
        if request.expired_at().is_some_and(within) {
            figures.expired += 1;
        }
        if request.pending_at(end) {
            figures.pending_at_end += 1;
        }
    }
    figures.median_days_to_confirm_minor = median_seconds(&mut to_confirm).map(days_minor);
    figures
}

/// The median of `seconds`; for an even count the mean of the middle two,
/// rounded half up. None for none.
pub fn median_seconds(seconds: &mut [i64]) -> Option<i64> {
    if seconds.is_empty() {
        return None;
    }
    seconds.sort_unstable();
    let middle = seconds.len() / 2;
    Some(if seconds.len() % 2 == 1 {
        seconds[middle]
    } else {
        let sum = seconds[middle - 1] + seconds[middle];
        sum.div_euclid(2) + sum.rem_euclid(2)
    })
}

/// Seconds as hundredths of a day, rounded half up (43,200 s is 50).
pub fn days_minor(seconds: i64) -> i64 {
    let day = 86_400_i64;
    (seconds * 100 * 2 + day).div_euclid(2 * day)
}

/// Per payer, the requests pending at `end` that were made more than
/// `REQUEST_WAIT_DAYS` before it: (count, hours, oldest made).
pub fn waiting_on(
    requests: &[RequestFacts],
    end: DateTime<Utc>,
) -> BTreeMap<usize, (u32, i64, DateTime<Utc>)> {
    let limit = end - Duration::days(REQUEST_WAIT_DAYS);
    let mut waiting: BTreeMap<usize, (u32, i64, DateTime<Utc>)> = BTreeMap::new();
    for request in requests
        .iter()
        .filter(|r| r.pending_at(end) && r.made_at < limit)
    {
        let entry = waiting
            .entry(request.payer)
            .or_insert((0, 0, request.made_at));
        entry.0 += 1;
        entry.1 += request.amount_minor;
        entry.2 = entry.2.min(request.made_at);
    }
    waiting
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0).unwrap()
    }

    fn request(made: DateTime<Utc>, answered: Option<(Answer, DateTime<Utc>)>) -> RequestFacts {
        RequestFacts {
            payer: 0,
            amount_minor: 100,
            made_at: made,
            expires_at: made + Duration::days(10),
            answered,
        }
    }

    #[test]
    fn each_event_counts_in_the_period_it_was_recorded_in() {
        let requests = [
            request(t(1, 9), Some((Answer::Confirmed, t(3, 9)))),
            request(t(2, 9), Some((Answer::Declined, t(2, 10)))),
            request(t(2, 9), Some((Answer::Withdrawn, t(5, 10)))),
            // Made before the period, expired inside it.
            request(Utc.with_ymd_and_hms(2026, 2, 25, 9, 0, 0).unwrap(), None),
            // Still waiting at the end.
            RequestFacts {
                expires_at: t(20, 9) + Duration::days(60),
                ..request(t(20, 9), None)
            },
        ];
        let figures = figures(&requests, t(1, 0), t(31, 0));
        assert_eq!(figures.made, 4);
        assert_eq!(figures.confirmed, 1);
        assert_eq!(figures.declined, 1);
        assert_eq!(figures.withdrawn, 1);
        assert_eq!(figures.expired, 1);
        assert_eq!(figures.pending_at_end, 1);
        assert_eq!(figures.median_days_to_confirm_minor, Some(200));
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median_seconds(&mut []), None);
        assert_eq!(median_seconds(&mut [5, 1, 3]), Some(3));
        assert_eq!(median_seconds(&mut [4, 1, 2, 9]), Some(3));
        assert_eq!(median_seconds(&mut [1, 2]), Some(2));
        assert_eq!(days_minor(43_200), 50);
        assert_eq!(days_minor(86_400 * 3), 300);
        // 0.005 of a day is 432 s: half up.
        assert_eq!(days_minor(432), 1);
        assert_eq!(days_minor(431), 0);
    }

    #[test]
    fn a_request_waits_on_its_payer_after_two_weeks() {
        let end = t(31, 0);
        let mut old = request(t(10, 9), None);
        old.expires_at = t(10, 9) + Duration::days(60);
        let mut recent = request(t(20, 9), None);
        recent.expires_at = t(20, 9) + Duration::days(60);
        let waiting = waiting_on(&[old, recent], end);
        assert_eq!(waiting.get(&0), Some(&(1, 100, t(10, 9))));
    }
}
