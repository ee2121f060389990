//! Reading what signed entries after the first one set: the signed
//! settings (`setting-set`) and who the treasurer is now
//! (`treasurer-key-changed`). Rows count only when their journal entry is
//! of the matching type, so a row slipped in under another entry's seq
//! changes nothing that is shown or signed (verify reports it).

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension};

use crate::ledger::clock::ClockState;
use crate::ledger::{Month, SettingKey, Settings};

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

    /// The last recording time and the latest issued month, as the time
    /// rules see them before the next entry.
    pub fn clock_state(&self) -> Result<ClockState> {
        clock_state(&self.conn, self.settings.tz())
    }

    /// The entries recorded after `t`, the latest first scanned back from
    /// the end (they are the last ones): the first's seq and time and how
    /// many there are. None when no entry is after `t`.
    pub fn recorded_after(&self, t: &str) -> Result<Option<(i64, String, i64)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT seq, recorded_at FROM journal ORDER BY seq DESC")?;
        let mut rows = stmt.query([])?;
        let mut first = None;
        let mut count = 0;
        while let Some(row) = rows.next()? {
            let recorded_at: String = row.get(1)?;
            if recorded_at.as_str() <= t {
                break;
            }
            count += 1;
            first = Some((row.get::<_, i64>(0)?, recorded_at));
        }
        Ok(first.map(|(seq, at)| (seq, at, count)))
    }

    /// Every signed setting in the order it was recorded, with its entry
    /// and time, so a paper can take the settings as they stood at its
    /// head (and say which changed in its month).
    pub fn setting_history(&self) -> Result<Vec<SettingEvent>> {
        let mut stmt = self.conn.prepare(
            "SELECT s.seq, j.recorded_at, s.name, s.value FROM setting_events s
             JOIN journal j ON j.seq = s.seq AND j.entry_type = 'setting-set'
             ORDER BY s.seq",
        )?;
        let mut events = Vec::new();
        for row in stmt.query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get::<_, String>(2)?, r.get(3)?))
        })? {
            let (seq, recorded_at, name, value) = row?;
            // As in `setting_values`: verify reports a name akker never signs.
            if let Ok(key) = name.parse::<SettingKey>() {
                events.push(SettingEvent {
                    seq,
                    recorded_at,
                    key,
                    value,
                });
            }
        }
        Ok(events)
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

/// What the time rules need: the last entry's recording time and the
/// latest issued month (through entries of that type only).
pub(super) fn clock_state(conn: &Connection, tz: chrono_tz::Tz) -> Result<ClockState> {
    let mut stmt =
        conn.prepare_cached("SELECT recorded_at FROM journal ORDER BY seq DESC LIMIT 1")?;
    let last: Option<String> = stmt.query_row([], |r| r.get(0)).optional()?;
    let last_recorded_at = last
        .map(|t| {
            chrono::DateTime::parse_from_rfc3339(&t)
                .map(|t| t.with_timezone(&chrono::Utc))
                .map_err(|_| StoreError::Corrupt(format!("the last entry's time '{t}'")))
        })
        .transpose()?;
    let mut stmt = conn.prepare_cached(
        "SELECT max(s.period) FROM statement_issues s
         JOIN journal j ON j.seq = s.seq AND j.entry_type = 'statements-issued'",
    )?;
    let period: Option<String> = stmt.query_row([], |r| r.get(0))?;
    let issued_until = period
        .map(|p| {
            p.parse::<Month>()
                .map(|m| (m, m.next().start_utc(tz)))
                .map_err(|_| StoreError::Corrupt(format!("the issued period '{p}'")))
        })
        .transpose()?;
    Ok(ClockState {
        last_recorded_at,
        issued_until,
    })
}

fn key32(seq: i64, key: Vec<u8>) -> Result<[u8; 32]> {
    key.try_into()
        .map_err(|_| StoreError::Corrupt(format!("the treasurer key of #{seq} is not 32 bytes")))
}

/// One signed setting as recorded (an empty value clears it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingEvent {
    pub seq: i64,
    /// The journal's UTC time text.
    pub recorded_at: String,
    pub key: SettingKey,
    pub value: String,
}
