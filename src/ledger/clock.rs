//! Recording time only moves forward. An issued month never changes, so
//! nothing may be recorded with a time inside it, and a computer whose
//! clock was set back (a dead clock battery at the kiosk) must not slip
//! payments into the past. A clock set far ahead must not lock the
//! ledger either: a jump of more than `CLOCK_JUMP_DAYS` past the last
//! entry waits for the treasurer to confirm the date once
//! (`clock-confirmed`), and a time recorded ahead by mistake is put right
//! by a `clock-corrected` entry, after which times are compared with the
//! correction's own. docs/signing.md ("Recording time") states the rule.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use super::entry::{EntryBody, SignedEntry};
use super::error::RuleError;
use super::period::Month;
use super::LedgerError;

/// A recording time further than this past the last entry needs the
/// treasurer's confirmation: a month and a day, so a quiet month never
/// asks, and a year's jump always does.
pub const CLOCK_JUMP_DAYS: i64 = 31;

/// How far an entry may be before the last one: two programs writing at
/// once (the kiosk and the treasurer) each take the time and sign before
/// the write lock, so the second to get the lock may carry a time a
/// little before the first's. A minute covers the wait for the lock
/// (at most 10 s) and a key unlock; an issued month stays closed exactly.
pub const CLOCK_SLACK_SECONDS: i64 = 60;

/// What the time rules remember of the entries so far.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ClockState {
    /// The last entry's recording time: no entry may be before it.
    pub last_recorded_at: Option<DateTime<Utc>>,
    /// The latest month whose statements are issued, and the instant it
    /// ends: nothing may be recorded before that.
    pub issued_until: Option<(Month, DateTime<Utc>)>,
}

/// A time as people read it: local, with the zone's abbreviation.
pub fn local_text(t: DateTime<Utc>, tz: Tz) -> String {
    t.with_timezone(&tz)
        .format("%Y-%m-%d %H:%M:%S %Z")
        .to_string()
}

impl ClockState {
    /// Whether an entry recorded at `signed`'s time may follow. `seq` is
    /// the entry's number.
    pub fn check(&self, seq: i64, signed: &SignedEntry, tz: Tz) -> Result<(), LedgerError> {
        let now = signed.entry.recorded_at;
        let body = &signed.entry.body;
        let correction = matches!(body, EntryBody::ClockCorrected { .. });
        let slack = Duration::seconds(CLOCK_SLACK_SECONDS);
        if let Some(last) = self
            .last_recorded_at
            .filter(|last| now < *last - slack && !correction)
        {
            return Err(RuleError::ClockBehind {
                now: local_text(now, tz),
                last: local_text(last, tz),
            }
            .into());
        }
        if let Some((month, until)) = self.issued_until {
            if now < until {
                return Err(RuleError::MonthIssued {
                    now: local_text(now, tz),
                    month: Month::of_date(now.with_timezone(&tz).date_naive()).to_string(),
                    issued: month.to_string(),
                }
                .into());
            }
        }
        let Some(last) = self.last_recorded_at else {
            return Ok(());
        };
        match body {
            EntryBody::ClockCorrected {
                first_wrong_seq, ..
            } => {
                if now >= last {
                    return Err(RuleError::NothingToCorrect {
                        last: local_text(last, tz),
                    }
                    .into());
                }
                if *first_wrong_seq < 2 || *first_wrong_seq >= seq {
                    return Err(RuleError::SignerNotAllowed(format!(
                        "a clock correction names an earlier entry after the first, not #{first_wrong_seq}"
                    ))
                    .into());
                }
                Ok(())
            }
            EntryBody::ClockConfirmed { date } => {
                let today = now.with_timezone(&tz).date_naive();
                if *date != today {
                    return Err(RuleError::ClockNotConfirmed {
                        typed: date.to_string(),
                        today: today.to_string(),
                    }
                    .into());
                }
                Ok(())
            }
            _ if now > last + Duration::days(CLOCK_JUMP_DAYS) => Err(RuleError::ClockJump {
                now: local_text(now, tz),
                last: local_text(last, tz),
                days: (now - last).num_days(),
            }
            .into()),
            EntryBody::StatementsIssued { period, .. } => {
                let month: Month = period.parse()?;
                if now < month.next().start_utc(tz) {
                    return Err(RuleError::PeriodNotEnded(period.clone()).into());
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// Remembers an entry that passed every rule.
    pub fn record(&mut self, signed: &SignedEntry, tz: Tz) {
        self.last_recorded_at = Some(signed.entry.recorded_at);
        if let EntryBody::StatementsIssued { period, .. } = &signed.entry.body {
            if let Ok(month) = period.parse::<Month>() {
                let until = month.next().start_utc(tz);
                if self.issued_until.is_none_or(|(_, u)| until > u) {
                    self.issued_until = Some((month, until));
                }
            }
        }
    }
}
