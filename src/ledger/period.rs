//! Months in the community's time zone. A transaction belongs to the month
//! in which it was recorded there, so an issued statement never changes.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use super::error::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn new(year: i32, month: u32) -> Option<Month> {
        ((1..=12).contains(&month) && (1900..=9999).contains(&year))
            .then_some(Month { year, month })
    }

    pub fn of_date(date: NaiveDate) -> Month {
        use chrono::Datelike;
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    pub fn previous(self) -> Month {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("a Month is always a valid month")
    }

    pub fn last_day(self) -> NaiveDate {
        self.next()
            .first_day()
            .pred_opt()
            .expect("months have days")
    }

    /// The instant the month starts in `tz` (midnight on the first).
    pub fn start_utc(self, tz: Tz) -> DateTime<Utc> {
        day_start(self.first_day(), tz)
    }
}

impl FromStr for Month {
    type Err = FieldError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || FieldError::Month(s.to_string());
        let (y, m) = s.trim().split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(bad());
        }
        Month::new(y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?).ok_or_else(bad)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The UTC text bounds of a month, in the journal's timestamp form, for
/// range queries over `recorded_at`.
pub fn recorded_bounds(month: Month, tz: Tz) -> (String, String) {
    (
        recorded_text(month.start_utc(tz)),
        recorded_text(month.next().start_utc(tz)),
    )
}

/// The journal's UTC text form of an instant, for range queries.
pub fn recorded_text(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

/// The instant a day starts in `tz`. Midnight can fall in a DST gap in
/// some zones; the earliest valid instant is what a wall clock would show.
fn day_start(date: NaiveDate, tz: Tz) -> DateTime<Utc> {
    let midnight = date.and_hms_opt(0, 0, 0).expect("midnight exists");
    tz.from_local_datetime(&midnight)
        .earliest()
        .unwrap_or_else(|| tz.from_utc_datetime(&midnight))
        .with_timezone(&Utc)
}

/// The instant a day starts in `tz`, in the journal's UTC text form.
pub fn day_start_text(date: NaiveDate, tz: Tz) -> String {
    recorded_text(day_start(date, tz))
}

pub fn parse_time_zone(name: &str) -> Result<Tz, FieldError> {
    name.parse()
        .map_err(|_| FieldError::TimeZone(name.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_cross_year_boundaries() {
        let dec: Month = "2025-12".parse().unwrap();
        assert_eq!(dec.next().to_string(), "2026-01");
        assert_eq!(dec.next().previous(), dec);
        assert!("2025-13".parse::<Month>().is_err());
        assert!("25-1".parse::<Month>().is_err());
    }

    #[test]
    fn a_brussels_month_starts_at_local_midnight() {
        let nov: Month = "2026-11".parse().unwrap();
        let (from, to) = recorded_bounds(nov, chrono_tz::Europe::Brussels);
        assert_eq!(from, "2026-10-31T23:00:00.000000Z");
        assert_eq!(to, "2026-11-30T23:00:00.000000Z");
    }
}
