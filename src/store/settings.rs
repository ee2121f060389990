//! Reading what signed entries after the first one set: the signed
//! settings (`setting-set`) and who the treasurer is now
//! (`treasurer-key-changed`). Rows count only when their journal entry is
//! of the matching type, so a row slipped in under another entry's seq
//! changes nothing that is shown or signed (verify reports it).

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension};

use crate::ledger::{SettingKey, Settings};

use super::{Result, Store, StoreError};

/// One treasurer key and the entry that made it the treasurer's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreasurerKeyRow {
    /// 1 for the key of the settings entry, else the handover entry.
    pub seq: i64,
    pub public_key: [u8; 32],
    pub recorded_at: String,
}

impl Store {
    /// The key that signs treasurer entries now.
    pub fn treasurer_key(&self) -> Result<[u8; 32]> {
        current_treasurer_key(&self.conn, &self.settings)
    }

    /// Every treasurer key the ledger has had, oldest first; the last is
    /// the current one.
    pub fn treasurer_keys(&self) -> Result<Vec<TreasurerKeyRow>> {
        let first: String =
            self.conn
                .query_row("SELECT recorded_at FROM journal WHERE seq = 1", [], |r| {
                    r.get(0)
                })?;
        let mut keys = vec![TreasurerKeyRow {
            seq: 1,
            public_key: self.settings.treasurer_key,
            recorded_at: first,
        }];
        let mut stmt = self.conn.prepare(
            "SELECT k.seq, k.new_key, j.recorded_at FROM treasurer_key_changes k
             JOIN journal j ON j.seq = k.seq AND j.entry_type = 'treasurer-key-changed'
             ORDER BY k.seq",
        )?;
        for row in stmt.query_map([], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?, r.get(2)?))
        })? {
            let (seq, key, recorded_at) = row?;
            keys.push(TreasurerKeyRow {
                seq,
                public_key: key32(seq, key)?,
                recorded_at,
            });
        }
        Ok(keys)
    }

    /// The latest non-empty value of each signed setting.
    pub fn setting_values(&self) -> Result<BTreeMap<SettingKey, String>> {
        let mut stmt = self.conn.prepare(
            "SELECT s.name, s.value FROM setting_events s
             JOIN journal j ON j.seq = s.seq AND j.entry_type = 'setting-set'
             ORDER BY s.seq",
        )?;
        let mut values = BTreeMap::new();
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))? {
            let (name, value): (String, String) = row?;
            // Names are checked before signing; one that does not parse
            // was written outside akker, and verify reports it.
            let Ok(key) = name.parse::<SettingKey>() else {
                continue;
            };
            if value.is_empty() {
                values.remove(&key);
            } else {
                values.insert(key, value);
            }
        }
        Ok(values)
    }
}

/// The current treasurer key: the last handover's new key, else the key
/// of the settings entry.
pub(super) fn current_treasurer_key(conn: &Connection, settings: &Settings) -> Result<[u8; 32]> {
    let mut stmt = conn.prepare_cached(
        "SELECT k.seq, k.new_key FROM treasurer_key_changes k
         JOIN journal j ON j.seq = k.seq AND j.entry_type = 'treasurer-key-changed'
         ORDER BY k.seq DESC LIMIT 1",
    )?;
    let latest: Option<(i64, Vec<u8>)> = stmt
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match latest {
        Some((seq, key)) => key32(seq, key),
        None => Ok(settings.treasurer_key),
    }
}

fn key32(seq: i64, key: Vec<u8>) -> Result<[u8; 32]> {
    key.try_into()
        .map_err(|_| StoreError::Corrupt(format!("the treasurer key of #{seq} is not 32 bytes")))
}
