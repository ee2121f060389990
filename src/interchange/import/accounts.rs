//! `akker import accounts`: members, initiatives, partners and system
//! accounts from a spreadsheet, one per line. Each becomes an
//! account-opened entry signed by the treasurer; the name and language go
//! to the erasable profile, apart from the journal.

use std::collections::HashMap;

use super::fields::{self, Fields};
use super::{Outcome, Plan, Planned, Snapshot, Source};
use crate::interchange::sheet::{self, optional, required, Column, Row, Sheet};
use crate::interchange::{sort_problems, Problem};
use crate::ledger::{AccountId, AccountKind, DisplayName, EntryBody, Language, Limits};
use crate::store::NewProfile;

pub const COLUMNS: &[Column] = &[
    required("id"),
    required("name"),
    optional("kind"),
    optional("language"),
    optional("floor"),
    optional("ceiling"),
    optional("status"),
    optional("balance"),
];

struct NewAccount {
    line: u64,
    id: AccountId,
    kind: AccountKind,
    limits: Limits,
    profile: NewProfile,
    closed: bool,
}

pub fn plan(source: &Source, mut snapshot: Snapshot) -> Outcome {
    let (sheet, mut problems) = sheet::read(source.bytes, source.delimiter, COLUMNS)?;
    let mut first_line_of: HashMap<AccountId, u64> = HashMap::new();
    let mut planned = Vec::new();
    let mut closed = Vec::new();
    for row in &sheet.rows {
        let Some(account) = parse_line(&sheet, row, &snapshot, &mut first_line_of, &mut problems)
        else {
            continue;
        };
        let body = EntryBody::AccountOpened {
            account: account.id.clone(),
            kind: account.kind,
            limits: account.limits,
        };
        match snapshot.apply(body) {
            Ok((seq, _, entry)) => {
                if account.closed {
                    closed.push(account.id.to_string());
                }
                planned.push(Planned {
                    first_line: account.line,
                    last_line: account.line,
                    seq,
                    entry,
                    profile: Some(account.profile),
                });
            }
            Err(err) => problems.push(Problem::at(account.line, Some("id"), err.to_string())),
        }
    }
    if !problems.is_empty() {
        sort_problems(&mut problems);
        return Err(problems);
    }
    Ok(Plan {
        notes: notes(&sheet, &closed),
        entries: planned,
        ignored_columns: sheet.ignored_columns,
    })
}

fn parse_line(
    sheet: &Sheet,
    row: &Row,
    snapshot: &Snapshot,
    first_line_of: &mut HashMap<AccountId, u64>,
    problems: &mut Vec<Problem>,
) -> Option<NewAccount> {
    let mut f = Fields::new(sheet, row, problems);
    let id = f.required(
        "id",
        "give a short id like M042 or INIT-WERELDVROUWEN",
        fields::account,
    );
    let name = f.required("name", "give a name or a nickname", |t| {
        DisplayName::parse(t).map_err(|e| e.to_string())
    });
    let kind = f
        .optional("kind", fields::account_kind)
        .map(|k| k.unwrap_or(AccountKind::Person));
    let default_language = &snapshot.settings().default_language;
    let language = f.optional("language", fields::language).map(|l| {
        l.unwrap_or_else(|| {
            Language::parse(default_language).expect("the ledger's default language is valid")
        })
    });
    let floor = f.optional("floor", fields::signed_amount);
    let ceiling = f.optional("ceiling", fields::signed_amount);
    let closed = f.optional("status", fields::closed);
    if let Some(id) = &id {
        check_new(&mut f, id, snapshot, first_line_of);
    }
    let (kind, floor, ceiling) = (kind?, floor?, ceiling?);
    let defaults = snapshot.settings().default_limits(kind);
    let limits = match Limits::new(
        floor.unwrap_or(defaults.floor()),
        ceiling.unwrap_or(defaults.ceiling()),
    ) {
        Ok(limits) => Some(limits),
        Err(err) => {
            f.problem(
                Some(if floor.is_some_and(|a| a.minor() > 0) {
                    "floor"
                } else {
                    "ceiling"
                }),
                err.to_string(),
            );
            None
        }
    };
    if !f.clean() {
        return None;
    }
    let profile = NewProfile {
        display_name: name?,
        language: language?,
    };
    Some(NewAccount {
        line: row.line,
        id: id?,
        kind,
        limits: limits?,
        profile,
        closed: closed?.unwrap_or(false),
    })
}

/// An id must be new to the ledger and to the file.
fn check_new(
    f: &mut Fields,
    id: &AccountId,
    snapshot: &Snapshot,
    first_line_of: &mut HashMap<AccountId, u64>,
) {
    if let Some(first) = first_line_of.get(id) {
        f.problem(
            Some("id"),
            format!("account {id} is already on line {first}; each account appears once"),
        );
    } else if snapshot.account(id).is_some() {
        f.problem(Some("id"), format!("account {id} already exists in this ledger; leave this line out, or choose another id"));
    } else {
        first_line_of.insert(id.clone(), f.line());
    }
}

fn notes(sheet: &Sheet, closed: &[String]) -> Vec<String> {
    let mut notes = Vec::new();
    if sheet.has_column("balance") {
        notes.push(
            "the balance column is not imported: balances come from the exchanges (`akker import exchanges`) or from \
             `akker import opening-balances`"
                .to_string(),
        );
    }
    if !closed.is_empty() {
        notes.push(format!(
            "{} account(s) were closed in the file ({}); they are opened now so their past exchanges can be imported; close \
             them afterwards with `akker account close ID --reason ...`",
            closed.len(),
            closed.join(", ")
        ));
    }
    notes
}
