//! What goes wrong at the kiosk, as values. A handler returns
//! `Err(KioskError)`; the page layer (`server::visit`) turns a `Problem`
//! into a clear page in the member's language, with a way back. No error
//! ever shows a stack trace, a database message or a secret.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use crate::ledger::{AccountId, LedgerError, RuleError, TransactionError};
use crate::store::StoreError;

/// An argument of a problem's message: text, or an amount in hundredths
/// (formatted later in the member's language).
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Amount(i64),
    Number(i64),
}

/// A refusal to show: the message id in locales/*/kiosk.ftl, its
/// arguments, and where the "back" button leads.
#[derive(Debug, Clone)]
pub struct Problem {
    pub status: StatusCode,
    pub message: &'static str,
    pub args: Vec<(&'static str, Arg)>,
    pub back: &'static str,
}

impl Problem {
    pub fn new(status: StatusCode, message: &'static str, back: &'static str) -> Problem {
        Problem {
            status,
            message,
            args: Vec::new(),
            back,
        }
    }

    pub fn bad(message: &'static str, back: &'static str) -> Problem {
        Problem::new(StatusCode::BAD_REQUEST, message, back)
    }

    pub fn arg(mut self, name: &'static str, value: Arg) -> Problem {
        self.args.push((name, value));
        self
    }
}

#[derive(Debug)]
pub enum KioskError {
    /// Not logged in (or the session ended): back to the welcome screen.
    Redirect(&'static str),
    Problem(Problem),
}

pub type KioskResult<T = Response> = Result<T, KioskError>;

impl From<Problem> for KioskError {
    fn from(problem: Problem) -> Self {
        KioskError::Problem(problem)
    }
}

impl KioskError {
    pub fn bad(message: &'static str, back: &'static str) -> KioskError {
        Problem::bad(message, back).into()
    }

    /// Something the member cannot fix. The cause goes to the log (it
    /// never contains a PIN or a card secret); the page says nothing was
    /// recorded.
    pub fn internal(cause: impl std::fmt::Display) -> KioskError {
        eprintln!("akker kiosk: {cause}");
        Problem::new(StatusCode::INTERNAL_SERVER_ERROR, "error-internal", "/home").into()
    }
}

impl IntoResponse for KioskError {
    fn into_response(self) -> Response {
        match self {
            KioskError::Redirect(to) => Redirect::to(to).into_response(),
            KioskError::Problem(problem) => {
                // Rendered by the page layer, which knows the language.
                let mut response = problem.status.into_response();
                response.extensions_mut().insert(problem);
                response
            }
        }
    }
}

/// The ledger's refusals, in words a member understands, for a context
/// that knows no member (see [`payment_refused`] for a payment). A
/// refusal here never carries a figure: it cannot tell whose it would be.
/// Refusals the kiosk's own checks prevent (paying oneself, an unknown
/// account) still get a clear page if a forged form gets this far.
impl From<StoreError> for KioskError {
    fn from(err: StoreError) -> Self {
        refusal(err, None, &|_: &AccountId| String::new())
    }
}

/// A payment's refusal, for the member `me`. Figures (the balance it
/// would leave, the floor) are shown only when they are the member's
/// own; a refusal about the other member names them by `name_of` (their
/// display name) and says only that it is not possible for them now:
/// their balance and limits are theirs to know.
pub fn payment_refused(
    err: StoreError,
    me: &AccountId,
    name_of: &dyn Fn(&AccountId) -> String,
) -> KioskError {
    refusal(err, Some(me), name_of)
}

fn refusal(
    err: StoreError,
    me: Option<&AccountId>,
    name_of: &dyn Fn(&AccountId) -> String,
) -> KioskError {
    let back = "/pay/details";
    match err {
        StoreError::Busy => {
            Problem::new(StatusCode::SERVICE_UNAVAILABLE, "error-busy", "/home").into()
        }
        StoreError::Ledger(LedgerError::Rule(rule)) => rule_problem(rule, me, name_of, back),
        StoreError::Ledger(LedgerError::Transaction(TransactionError::AccountRepeated(_))) => {
            KioskError::bad("pay-refused-self", "/pay")
        }
        StoreError::Ledger(LedgerError::Transaction(TransactionError::PostingTooLarge {
            ..
        })) => KioskError::bad("pay-bad-amount", back),
        StoreError::Ledger(LedgerError::Field(_)) => KioskError::bad("pay-bad-note", back),
        other => KioskError::internal(other),
    }
}

fn rule_problem(
    rule: RuleError,
    me: Option<&AccountId>,
    name_of: &dyn Fn(&AccountId) -> String,
    back: &'static str,
) -> KioskError {
    let conflict = |message| Problem::new(StatusCode::CONFLICT, message, back);
    let not_for = |account: &AccountId| -> KioskError {
        match me {
            Some(me) if me != account => conflict("pay-refused-other")
                .arg("name", Arg::Text(name_of(account)))
                .into(),
            // The member's own account (closed while logged in), or whose
            // it is is unknown here: neither a name nor a number.
            _ => conflict("pay-refused-generic").into(),
        }
    };
    match rule {
        RuleError::BelowFloor {
            account,
            would_be,
            floor,
        } if me == Some(&account) => conflict("pay-refused-floor")
            .arg("would", Arg::Amount(would_be.minor()))
            .arg("floor", Arg::Amount(floor.minor()))
            .into(),
        RuleError::BelowFloor { account, .. }
        | RuleError::AboveCeiling { account, .. }
        | RuleError::AccountClosed(account) => not_for(&account),
        RuleError::UnknownAccount(_) => KioskError::bad("pay-bad-person", "/pay"),
        RuleError::NoCard(_) | RuleError::WrongPinOrCard(_) => {
            KioskError::bad("card-unknown", "/card")
        }
        // The kiosk computer's clock is wrong: say so on the screen, with
        // both times, and take no payment until it is set right.
        RuleError::ClockBehind { now, last } => Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "error-clock-behind",
            "/home",
        )
        .arg("now", Arg::Text(now))
        .arg("last", Arg::Text(last))
        .into(),
        RuleError::MonthIssued { now, issued, .. } => Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "error-clock-issued",
            "/home",
        )
        .arg("now", Arg::Text(now))
        .arg("month", Arg::Text(issued))
        .into(),
        RuleError::ClockJump { now, last, .. } => {
            Problem::new(StatusCode::SERVICE_UNAVAILABLE, "error-clock-jump", "/home")
                .arg("now", Arg::Text(now))
                .arg("last", Arg::Text(last))
                .into()
        }
        other => KioskError::internal(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::Amount;

    fn problem(err: KioskError) -> Problem {
        match err {
            KioskError::Problem(problem) => problem,
            KioskError::Redirect(to) => panic!("a redirect to {to}, not a page"),
        }
    }

    /// Every refusal of the ledger the kiosk can turn into a page, about
    /// the other member M019 (balance 31.50, ceiling 40.00).
    fn refusals_about(other: &AccountId) -> Vec<RuleError> {
        let hours = Amount::from_minor;
        vec![
            RuleError::UnknownAccount(other.clone()),
            RuleError::AccountClosed(other.clone()),
            RuleError::AlreadyClosed(other.clone()),
            RuleError::CloseWithBalance {
                account: other.clone(),
                balance: hours(3150),
            },
            RuleError::BelowFloor {
                account: other.clone(),
                would_be: hours(-2350),
                floor: hours(-2000),
            },
            RuleError::AboveCeiling {
                account: other.clone(),
                would_be: hours(5550),
                ceiling: hours(4000),
            },
            RuleError::OverrideNeedsTreasurer,
            RuleError::InvalidLimits(other.clone()),
            RuleError::UnknownTransaction(7),
            RuleError::AlreadyReversed { original: 7, by: 8 },
            RuleError::ReverseOfReversal(7),
            RuleError::SignerNotAllowed("x".into()),
            RuleError::WrongPinOrCard(other.clone()),
            RuleError::NoCard(other.clone()),
            RuleError::Duplicate(7),
            RuleError::HolderNotPerson(other.clone()),
            RuleError::SystemNeedsTreasurer,
            RuleError::PeriodNotEnded("2026-11".into()),
        ]
    }

    #[test]
    fn no_refusal_shows_a_figure_or_the_number_of_another_member() {
        let me = AccountId::parse("M001").unwrap();
        let other = AccountId::parse("M019").unwrap();
        let name_of = |id: &AccountId| {
            assert_eq!(id, &other, "only the other member is named");
            "Aïcha Benali".to_string()
        };
        for rule in refusals_about(&other) {
            let shown = format!("{rule:?}");
            for err in [
                payment_refused(rule.clone().into(), &me, &name_of),
                KioskError::from(StoreError::from(rule)),
            ] {
                let problem = problem(err);
                for (name, arg) in &problem.args {
                    match arg {
                        Arg::Text(text) => {
                            assert_eq!(text, "Aïcha Benali", "{name} of {shown}");
                        }
                        Arg::Amount(_) | Arg::Number(_) => {
                            panic!("{shown} shows {name}: a figure of another member")
                        }
                    }
                }
            }
        }
        // The refusals about the other member by name.
        for rule in [
            RuleError::AccountClosed(other.clone()),
            RuleError::AboveCeiling {
                account: other.clone(),
                would_be: Amount::from_minor(5550),
                ceiling: Amount::from_minor(4000),
            },
        ] {
            let problem = problem(payment_refused(rule.into(), &me, &name_of));
            assert_eq!(problem.message, "pay-refused-other");
        }
    }

    #[test]
    fn the_members_own_floor_shows_their_own_figures() {
        let me = AccountId::parse("M001").unwrap();
        let rule = RuleError::BelowFloor {
            account: me.clone(),
            would_be: Amount::from_minor(-2350),
            floor: Amount::from_minor(-2000),
        };
        let own = problem(payment_refused(rule.clone().into(), &me, &|_| {
            panic!("no name needed")
        }));
        assert_eq!(own.message, "pay-refused-floor");
        assert_eq!(own.args.len(), 2);
        // Without knowing whose it is, no figure at all.
        let generic = problem(KioskError::from(StoreError::from(rule)));
        assert!(generic.args.iter().all(|(_, a)| matches!(a, Arg::Text(_))));
    }

    #[test]
    fn a_wrong_clock_is_shown_with_both_times_and_takes_no_payment() {
        let me = AccountId::parse("M001").unwrap();
        let name_of = |_: &AccountId| -> String { unreachable!("no member is named") };
        let behind = RuleError::ClockBehind {
            now: "2026-03-20 11:00:00 CET".into(),
            last: "2026-04-02 10:00:00 CEST".into(),
        };
        let shown = problem(payment_refused(behind.into(), &me, &name_of));
        assert_eq!(shown.message, "error-clock-behind");
        assert_eq!(shown.status, StatusCode::SERVICE_UNAVAILABLE);
        let texts: Vec<&str> = shown
            .args
            .iter()
            .filter_map(|(_, a)| match a {
                Arg::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            texts,
            ["2026-03-20 11:00:00 CET", "2026-04-02 10:00:00 CEST"]
        );
        let jump = RuleError::ClockJump {
            now: "2030-01-05 10:00:00 CET".into(),
            last: "2026-04-02 10:00:00 CEST".into(),
            days: 1373,
        };
        let shown = problem(payment_refused(jump.into(), &me, &name_of));
        assert_eq!(shown.message, "error-clock-jump");
    }
}
