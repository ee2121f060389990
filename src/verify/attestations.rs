//! The hours an attestation signs, replayed (docs/signing.md, "Hours
//! given"). The treasurer signs `given`; a figure other than the one the
//! journal gives up to the attestation's head (a gift or a fund run
//! counted as work, a reversed exchange kept) is a false paper, and
//! `verify` says so. Attestations issued before version 2 of the code
//! signed the total as counted then (`legacy_total`); that total is still
//! accepted, but only where no gift or fund run could have slipped into
//! it: up to the attestation's head there is neither.

use crate::statement::attestation::{legacy_total, total_given};
use crate::store::{Store, StoreError};

use super::Problem;

/// Every attestation whose signed hours given differ from the journal's.
pub(super) fn compare(
    store: &Store,
    first_movement: Option<i64>,
) -> Result<Vec<Problem>, StoreError> {
    let mut problems = Vec::new();
    for issued in store.attestations()? {
        let (Ok(from), Ok(to)) = (
            chrono::NaiveDate::parse_from_str(&issued.from, "%Y-%m-%d"),
            chrono::NaiveDate::parse_from_str(&issued.to, "%Y-%m-%d"),
        ) else {
            continue; // an unreadable row is reported by the journal reader
        };
        let given = total_given(store, &issued.account, from, to, issued.head_seq)?;
        if given == issued.given {
            continue;
        }
        let before_movements = first_movement.is_none_or(|seq| seq > issued.head_seq);
        if before_movements
            && legacy_total(
                store,
                &issued.account,
                &issued.from,
                &issued.to,
                issued.head_seq,
            )? == issued.given.minor()
        {
            continue;
        }
        problems.push(Problem {
            seq: Some(issued.seq),
            check: "attestation",
            message: format!(
                "the attestation #{} of {} signs {} hours given from {} to {}, but the journal up to #{} gives {given} (gifts and fund runs are not work)",
                issued.seq, issued.account, issued.given, issued.from, issued.to, issued.head_seq
            ),
        });
    }
    Ok(problems)
}
