//! Sessions, kept in the kiosk's memory only.
//!
//! The browser holds a random session id in an encrypted, HttpOnly,
//! SameSite=Strict cookie; everything else stays here: the language, the
//! CSRF token, the scanned card code (needed to derive the signing key
//! again when a payment is confirmed with the PIN), the payment being
//! prepared and the last receipt. The derived signing key itself is never
//! kept: it is derived for one action and dropped.
//!
//! Restarting the kiosk logs everyone out, which is what a kiosk wants.
//! The card code is zeroed when its session ends (`CardSecret` zeroes
//! itself on drop).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::ledger::{AccountId, WorkKind};
use crate::signing::CardCode;

use super::text::Lang;

/// Sessions beyond this are not kept: the oldest idle ones go first. A
/// kiosk has one screen; this only bounds memory against a flood.
const SESSIONS_MAX: usize = 2_000;

/// A random token as hex (for session ids, CSRF and form tokens).
pub fn random_token() -> String {
    let mut bytes = [0u8; 20];
    getrandom::getrandom(&mut bytes).expect("the operating system provides randomness");
    hex::encode(bytes)
}

/// A payment being prepared, step by step.
#[derive(Debug, Clone, Default)]
pub struct PayDraft {
    pub payee: Option<AccountId>,
    pub amount_minor: Option<i64>,
    pub work: Option<WorkKind>,
    pub note: String,
    /// The one-time token of the confirm form; claimed in the same write
    /// as the payment.
    pub form_token: String,
}

/// What the receipt screen shows after a payment.
#[derive(Debug, Clone)]
pub struct Receipt {
    pub seq: i64,
    pub form_token: String,
}

#[derive(Debug, Clone)]
pub struct Session {
    pub lang: Option<Lang>,
    pub csrf: String,
    pub last_seen: Instant,
    /// The card scanned at the card step; kept while logged in.
    pub card: Option<CardCode>,
    /// Set once the PIN was right.
    pub member: Option<AccountId>,
    /// The member's display name, for the header.
    pub member_name: String,
    pub draft: Option<PayDraft>,
    pub receipt: Option<Receipt>,
    /// A message for the next page shown (after a redirect).
    pub notice: Option<Notice>,
}

/// A short message carried over a redirect, such as "wrong PIN".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    WrongPin { tries_left: u32 },
    PinFormat,
    OfferSaved,
    OfferWithdrawn,
}

impl Session {
    fn new(lang: Option<Lang>) -> Session {
        Session {
            lang,
            csrf: random_token(),
            last_seen: Instant::now(),
            card: None,
            member: None,
            member_name: String::new(),
            draft: None,
            receipt: None,
            notice: None,
        }
    }
}

pub struct Sessions {
    map: Mutex<HashMap<String, Session>>,
    /// How long a session may sit untouched before the server ends it.
    idle_limit: Duration,
}

impl Sessions {
    pub fn new(idle_limit: Duration) -> Sessions {
        Sessions {
            map: Mutex::new(HashMap::new()),
            idle_limit,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Session>> {
        // A panic while holding the lock leaves plain data behind; keep going.
        self.map
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Touches a live session and returns a copy, or None when it is
    /// unknown or was idle too long (and is then ended).
    pub fn touch(&self, id: &str) -> Option<Session> {
        let mut map = self.lock();
        let session = map.get_mut(id)?;
        if session.last_seen.elapsed() > self.idle_limit {
            map.remove(id);
            return None;
        }
        session.last_seen = Instant::now();
        Some(session.clone())
    }

    pub fn get(&self, id: &str) -> Option<Session> {
        self.lock().get(id).cloned()
    }

    /// Starts a new session and returns its id.
    pub fn create(&self, lang: Option<Lang>) -> String {
        let mut map = self.lock();
        if map.len() >= SESSIONS_MAX {
            let limit = self.idle_limit;
            map.retain(|_, s| s.last_seen.elapsed() <= limit);
            if map.len() >= SESSIONS_MAX {
                if let Some(oldest) = map
                    .iter()
                    .min_by_key(|(_, s)| s.last_seen)
                    .map(|(id, _)| id.clone())
                {
                    map.remove(&oldest);
                }
            }
        }
        let id = random_token();
        map.insert(id.clone(), Session::new(lang));
        id
    }

    /// Changes a session; returns what `change` returned, or None when the
    /// session is gone.
    pub fn update<T>(&self, id: &str, change: impl FnOnce(&mut Session) -> T) -> Option<T> {
        self.lock().get_mut(id).map(change)
    }

    /// Moves a session to a new id (at login, so an id seen before login
    /// is worth nothing after it) with a new CSRF token.
    pub fn rotate(&self, id: &str) -> Option<String> {
        let mut map = self.lock();
        let mut session = map.remove(id)?;
        session.csrf = random_token();
        let new_id = random_token();
        map.insert(new_id.clone(), session);
        Some(new_id)
    }

    pub fn end(&self, id: &str) {
        self.lock().remove(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_idle_session_ends() {
        let sessions = Sessions::new(Duration::from_millis(30));
        let id = sessions.create(None);
        assert!(sessions.touch(&id).is_some());
        std::thread::sleep(Duration::from_millis(60));
        assert!(sessions.touch(&id).is_none());
        assert!(sessions.get(&id).is_none());
    }

    #[test]
    fn rotating_forgets_the_old_id() {
        let sessions = Sessions::new(Duration::from_secs(60));
        let id = sessions.create(Some(Lang::Ar));
        let new_id = sessions.rotate(&id).unwrap();
        assert!(sessions.get(&id).is_none());
        assert_eq!(sessions.get(&new_id).unwrap().lang, Some(Lang::Ar));
    }
}
