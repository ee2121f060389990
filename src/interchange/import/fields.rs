//! Reading the cells of one line: each cell is parsed by the ledger's own
//! validating constructors, and every cell that is wrong becomes its own
//! problem, so one run of the import reports all of a line's mistakes.

use chrono::NaiveDate;

use crate::interchange::sheet::{Cell, Row, Sheet};
use crate::interchange::{words, Problem};
use crate::ledger::{AccountId, AccountKind, Amount, Language, Skill, WorkKind};

/// The cells of one line, and the problems found in them so far.
pub struct Fields<'a> {
    sheet: &'a Sheet,
    row: &'a Row,
    problems: &'a mut Vec<Problem>,
    clean: bool,
}

impl<'a> Fields<'a> {
    pub fn new(sheet: &'a Sheet, row: &'a Row, problems: &'a mut Vec<Problem>) -> Fields<'a> {
        Fields {
            sheet,
            row,
            problems,
            clean: true,
        }
    }

    pub fn line(&self) -> u64 {
        self.row.line
    }

    /// True when no cell of this line had a problem.
    pub fn clean(&self) -> bool {
        self.clean
    }

    pub fn problem(&mut self, column: Option<&str>, message: impl Into<String>) {
        let message = fit_advice(message.into(), self.sheet);
        self.problems
            .push(Problem::at(self.row.line, column, message));
        self.clean = false;
    }

    /// A cell that must be filled in. `hint` says what to write.
    pub fn required<T>(
        &mut self,
        column: &str,
        hint: &str,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<T> {
        match self.optional(column, parse) {
            Some(Some(value)) => Some(value),
            Some(None) => {
                self.problem(Some(column), format!("this cell is empty; {hint}"));
                None
            }
            None => None,
        }
    }

    /// A cell that may be empty: Some(None) when it is, None when it is
    /// wrong (the problem is recorded).
    pub fn optional<T>(
        &mut self,
        column: &str,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<Option<T>> {
        match self.sheet.cell(self.row, column) {
            Cell::Empty => Some(None),
            Cell::Unreadable => {
                self.clean = false;
                None
            }
            Cell::Text(text) => match parse(text) {
                Ok(value) => Some(Some(value)),
                Err(message) => {
                    self.problem(Some(column), message);
                    None
                }
            },
        }
    }

    /// The raw text of a cell, if it has any.
    pub fn text(&self, column: &str) -> Option<&'a str> {
        match self.sheet.cell(self.row, column) {
            Cell::Text(text) => Some(text),
            _ => None,
        }
    }
}

/// Advice in the file's own form: a file separated by semicolons is one
/// with decimal commas (a Belgian spreadsheet), so its examples are
/// written `1,50`.
pub fn fit_advice(message: String, sheet: &Sheet) -> String {
    if sheet.delimiter != b';' {
        return message;
    }
    ["1.50", "1.25", "3.50"]
        .into_iter()
        .fold(message, |m, example| {
            m.replace(example, &example.replace('.', ","))
        })
}

pub fn account(text: &str) -> Result<AccountId, String> {
    AccountId::parse(text).map_err(|e| e.to_string())
}

pub fn positive_amount(text: &str) -> Result<Amount, String> {
    Amount::parse_positive(text).map_err(|e| e.to_string())
}

pub fn signed_amount(text: &str) -> Result<Amount, String> {
    Amount::parse_signed(text).map_err(|e| e.to_string())
}

/// A kind of work in any of the ledger's languages (see `words`).
pub fn work(text: &str) -> Result<WorkKind, String> {
    words::work_kind(text).ok_or_else(|| {
        format!(
            "'{}' is not a kind of work; write care, community, self-development or practical, or the same in Dutch \
             (zorg, gemeenschap, zelfontplooiing, praktisch) or French (soins, communauté, développement personnel, pratique)",
            text.trim()
        )
    })
}

/// A kind of account in any of the ledger's languages.
pub fn account_kind(text: &str) -> Result<AccountKind, String> {
    words::account_kind(text).ok_or_else(|| {
        format!(
            "'{}' is not an account kind; write person, initiative, partner or system (in Dutch persoon, initiatief, \
             partner, systeem; in French personne, initiative, partenaire, système)",
            text.trim()
        )
    })
}

/// A language as a code (`nl`) or by name (`Nederlands`, `Frans`).
pub fn language(text: &str) -> Result<Language, String> {
    words::language(text)
        .map(Ok)
        .unwrap_or_else(|| Language::parse(text).map_err(|e| e.to_string()))
}

/// Open or closed, in any of the ledger's languages.
pub fn closed(text: &str) -> Result<bool, String> {
    words::closed(text).ok_or_else(|| {
        format!(
            "'{}' is not a status; write open or closed (open/gesloten, ouvert/fermé), or leave it empty",
            text.trim()
        )
    })
}

/// A skill as spreadsheets write it: `Bike repair` is read as `bike-repair`.
pub fn skill(text: &str) -> Result<Skill, String> {
    let tag = text
        .trim()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-");
    Skill::parse(&tag).map_err(|e| e.to_string())
}

/// A date as `YYYY-MM-DD`, or as Belgian spreadsheets show it: day first,
/// `DD/MM/YYYY`, `DD-MM-YYYY` or `DD.MM.YYYY`. A two-digit year is refused,
/// because 03/11/26 could be read more than one way.
pub fn date(text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    let bad = || {
        format!("'{text}' is not a date; write it as YYYY-MM-DD (like 2026-11-03) or DD/MM/YYYY (like 03/11/2026)")
    };
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    let [first, month, last] = parts[..] else {
        return Err(bad());
    };
    let (year, day) = match (first.len(), last.len()) {
        (4, 1..=2) if text.chars().filter(|&c| c == '-').count() == 2 => (first, last),
        (1..=2, 4) => (last, first),
        _ => return Err(bad()),
    };
    let number = |s: &str| {
        (!s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    match (
        number(year),
        number(month).filter(|_| month.len() <= 2),
        number(day),
    ) {
        (Some(y), Some(m), Some(d)) => {
            let date = NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(bad)?;
            crate::ledger::transaction::check_date(date, this_year()).map_err(|e| e.to_string())
        }
        _ => Err(bad()),
    }
}

/// The year of the clock (AKKER_NOW when pinned), for the range of
/// dates. A date later than today is refused afterwards, against the
/// ledger's today, with its own message.
fn this_year() -> i32 {
    use chrono::Datelike;
    std::env::var("AKKER_NOW")
        .ok()
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok())
        .map_or_else(|| chrono::Utc::now().year(), |t| t.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_iso_and_belgian_forms() {
        let nov3 = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        for text in [
            "2026-11-03",
            "03/11/2026",
            "3/11/2026",
            "03-11-2026",
            "03.11.2026",
        ] {
            assert_eq!(date(text), Ok(nov3), "{text}");
        }
        for bad in [
            "2026-13-01",
            "31/02/2026",
            "03/11/26",
            "yesterday",
            "2026/11/03x",
            "",
            "0000-01-01",
            "31/12/1899",
            "01/01/9999",
        ] {
            assert!(date(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn skills_forgive_spaces_and_capitals() {
        assert_eq!(skill("Bike  repair").unwrap().as_str(), "bike-repair");
        assert!(skill("cuisine française").is_err());
    }
}
