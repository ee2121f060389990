//! Sessions, kept in the kiosk's memory only.
//!
//! The browser holds a random session id in an encrypted, HttpOnly,
//! SameSite=Strict cookie; everything else stays here: the language, the
//! CSRF token, the scanned card code (needed to derive the signing key
//! again when a payment is confirmed with the PIN), the payment being
//! prepared and the last receipt. The derived signing key itself is never
//! kept: it is derived for one action and dropped.
//!
//! Sessions are not written down: keeping one across a restart would mean
//! writing the card secret somewhere (it is needed again to confirm a
//! payment with the PIN). A restart therefore ends every session, and the
//! page layer says so on the member's screen (`server::visit`) instead of
//! silently showing the welcome screen. The card code is zeroed when its
//! session ends (`CardSecret` zeroes itself on drop).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::ledger::{AccountId, WorkKind};
use crate::signing::CardCode;

use super::text::Lang;
use super::view::GiftTo;

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

/// A request being prepared ("someone I helped pays me"). An
/// initiative may ask several members at once (a workshop).
#[derive(Debug, Clone, Default)]
pub struct AskDraft {
    pub payers: Vec<AccountId>,
    pub amount_minor: Option<i64>,
    pub work: Option<WorkKind>,
    pub what: String,
    /// The one-time token of the confirm form; claimed in the same write
    /// as the request.
    pub form_token: String,
}

/// A gift being prepared.
#[derive(Debug, Clone, Default)]
pub struct GiftDraft {
    pub to: Option<GiftTo>,
    pub amount_minor: Option<i64>,
    pub why: String,
    pub form_token: String,
}

/// What the screen after a request or a gift shows: the entries
/// recorded and the form that recorded them.
#[derive(Debug, Clone)]
pub struct Done {
    pub seqs: Vec<i64>,
    pub form_token: String,
    /// Payers whose floor the request would break if confirmed now (the
    /// helper is told, without their figures).
    pub warned: Vec<AccountId>,
    /// The helper's own ceiling, if the request would pass it: the
    /// balance it would leave and the ceiling (their own figures).
    pub own_ceiling: Option<(i64, i64)>,
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
    /// Wrong PINs typed with this session's card code when that code is
    /// not a real card: counted here only, so the screen answers as for
    /// a real card (tries left, then "locked") while no member's card is
    /// touched.
    pub made_up_misses: u32,
    /// Set once the PIN was right.
    pub member: Option<AccountId>,
    /// The member's display name, for the header.
    pub member_name: String,
    pub draft: Option<PayDraft>,
    pub receipt: Option<Receipt>,
    pub ask: Option<AskDraft>,
    pub asked: Option<Done>,
    pub gift: Option<GiftDraft>,
    pub gifted: Option<Done>,
    /// A message for the next page shown (after a redirect).
    pub notice: Option<Notice>,
}

/// A short message carried over a redirect, such as "wrong PIN".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    WrongPin {
        tries_left: u32,
    },
    PinFormat,
    OfferSaved,
    OfferWithdrawn,
    /// The member said no to a request; its helper will see why.
    RequestDeclined,
    /// The member took back a request of their own.
    RequestWithdrawn,
}

impl Session {
    fn new(lang: Option<Lang>) -> Session {
        Session {
            lang,
            csrf: random_token(),
            last_seen: Instant::now(),
            card: None,
            made_up_misses: 0,
            member: None,
            member_name: String::new(),
            draft: None,
            receipt: None,
            ask: None,
            asked: None,
            gift: None,
            gifted: None,
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

/// Unknown card codes typed at this kiosk (not a member's real card).
/// They lock no member's card; instead, after `FREE` of them the card
/// step makes everyone wait, longer after each further one, so guessing
/// at the screen stays slow. Kept in memory: a restart starts it again,
/// which costs an attacker a visible restart of the kiosk.
pub struct CardThrottle {
    state: Mutex<ThrottleState>,
}

#[derive(Default)]
struct ThrottleState {
    unknown: u32,
    last: Option<Instant>,
}

impl CardThrottle {
    /// Unknown codes allowed before the first wait.
    pub const FREE: u32 = 5;
    /// The first wait; each further unknown code doubles it.
    const FIRST_WAIT: Duration = Duration::from_secs(5);
    const WAIT_MAX: Duration = Duration::from_secs(300);
    /// A quarter of an hour without unknown codes starts the count again.
    const FORGET_AFTER: Duration = Duration::from_secs(900);

    pub fn new() -> CardThrottle {
        CardThrottle {
            state: Mutex::new(ThrottleState::default()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, ThrottleState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// How long the card step must still wait, if at all; the same for
    /// every code, so the wait says nothing about any member.
    pub fn wait(&self) -> Option<Duration> {
        let state = self.lock();
        let last = state.last?;
        if state.unknown < Self::FREE || last.elapsed() > Self::FORGET_AFTER {
            return None;
        }
        let doublings = (state.unknown - Self::FREE).min(16);
        let wait = (Self::FIRST_WAIT * 2u32.pow(doublings)).min(Self::WAIT_MAX);
        wait.checked_sub(last.elapsed())
            .filter(|left| !left.is_zero())
    }

    /// Counts one more unknown code.
    pub fn note_unknown(&self) {
        let mut state = self.lock();
        if state
            .last
            .is_some_and(|last| last.elapsed() > Self::FORGET_AFTER)
        {
            state.unknown = 0;
        }
        state.unknown = state.unknown.saturating_add(1);
        state.last = Some(Instant::now());
    }
}

impl Default for CardThrottle {
    fn default() -> Self {
        CardThrottle::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_codes_make_the_card_step_wait_longer_and_longer() {
        let throttle = CardThrottle::new();
        for _ in 0..CardThrottle::FREE - 1 {
            throttle.note_unknown();
            assert_eq!(throttle.wait(), None);
        }
        throttle.note_unknown();
        let first = throttle.wait().unwrap();
        assert!(first <= Duration::from_secs(5) && first > Duration::from_secs(4));
        throttle.note_unknown();
        assert!(throttle.wait().unwrap() > Duration::from_secs(9));
        for _ in 0..20 {
            throttle.note_unknown();
        }
        assert!(throttle.wait().unwrap() <= Duration::from_secs(300));
    }

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
