//! The limit policy and the fund rules in `verify` (issue 13). Every
//! entry is replayed through `LedgerState::apply`, which holds the rules
//! (the floor in force under the growth policy, gifts, fund runs equal to
//! what their rule computes, once per period); a broken one is reported
//! there with the check `rules`. This module adds the pair check of the
//! other path: the floors the store works out with SQL for the command
//! line, the statements and the kiosk (`Store::limit_views`) must be the
//! ones the replay gives, at the time of the last entry.

use chrono::{DateTime, Utc};

use crate::ledger::LedgerState;
use crate::store::{Store, StoreError};

/// One difference between the store's floors and the replay's.
pub struct FloorDifference {
    pub message: String,
}

/// Compares every account's floor in force at `at` as the store shows it
/// with the replayed state's.
pub fn compare_floors(
    store: &Store,
    state: &LedgerState,
    at: DateTime<Utc>,
) -> Result<Vec<FloorDifference>, StoreError> {
    let mut differences = Vec::new();
    for view in store.limit_views(at)? {
        let Some(replayed) = state.accounts.get(&view.account) else {
            continue;
        };
        let floor = state.limits_in_force(replayed, at).floor();
        if floor != view.floor {
            differences.push(FloorDifference {
                message: format!(
                    "account {}: the floor in force is {floor} by the journal, but the store works out {}",
                    view.account, view.floor
                ),
            });
        }
    }
    Ok(differences)
}
