//! The kiosk speaks: the speaker button on every screen plays the
//! screen's main message, made on this machine by espeak-ng (no network,
//! no script from outside).
//!
//! A page registers the sentence it shows beside the button
//! (`Speech::register`) and gets back a token for the address
//! `/speak/{token}`; the token is bound to the visitor's session, so the
//! address kept in a browser's history says nothing after a log-out and
//! another visitor cannot play a member's balance. The route runs
//! `espeak-ng -v VOICE --stdout --stdin` with the text on stdin (never on
//! a command line), under a timeout, and keeps the WAV in a bounded cache
//! per text and language.
//!
//! Without espeak-ng the kiosk works as before: the button is not shown
//! and the log says once why. `AKKER_ESPEAK` names another program (or a
//! missing one, to try the kiosk without speech).

use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;
use tokio::sync::Semaphore;

use super::server::Visit;
use super::text::Lang;

/// A sentence of a kiosk screen is short; a longer text is cut here
/// rather than keeping espeak-ng busy.
const TEXT_CHARS_MAX: usize = 600;
/// How long espeak-ng may take for one sentence (it needs well under a
/// second on an old laptop).
const SYNTH_TIMEOUT: Duration = Duration::from_secs(10);
/// Sentences kept as WAV: a few screens for each of many members.
const CACHE_ENTRIES_MAX: usize = 200;
const CACHE_BYTES_MAX: usize = 48 * 1024 * 1024;
/// Registered sentences (session, language, text) remembered for their
/// tokens; the oldest are forgotten first.
const TOKENS_MAX: usize = 4000;

/// The espeak-ng voice for each kiosk language (Belgian French).
fn voice(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "nl",
        Lang::Fr => "fr-be",
        Lang::En => "en",
        Lang::Ar => "ar",
        Lang::Tr => "tr",
    }
}

pub struct Speech {
    /// The program, when it answered at start; None: no speaker button.
    program: Option<PathBuf>,
    tokens: Mutex<Bounded<String, Said>>,
    cache: Mutex<WavCache>,
    /// espeak-ng runs at most two at a time.
    running: Semaphore,
}

#[derive(Clone)]
struct Said {
    sid: String,
    lang: Lang,
    text: String,
}

impl Speech {
    /// The kiosk's one speech service, found on first use (the kiosk asks
    /// at start, so the log line comes then).
    pub fn global() -> &'static Speech {
        static SPEECH: OnceLock<Speech> = OnceLock::new();
        SPEECH.get_or_init(|| {
            let program = std::env::var_os("AKKER_ESPEAK")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("espeak-ng"));
            Speech::with_program(program)
        })
    }

    fn with_program(program: PathBuf) -> Speech {
        let works = std::process::Command::new(&program)
            .arg("--version")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let program = match works {
            Ok(status) if status.success() => Some(program),
            Ok(status) => {
                eprintln!(
                    "akker kiosk: speech is off: {} --version failed ({status}); the speaker button is hidden",
                    program.display()
                );
                None
            }
            Err(err) => {
                eprintln!(
                    "akker kiosk: speech is off: cannot run {} ({err}); install it (apt-get install espeak-ng) for the speaker button",
                    program.display()
                );
                None
            }
        };
        Speech {
            program,
            tokens: Mutex::new(Bounded::new(TOKENS_MAX)),
            cache: Mutex::new(WavCache::default()),
            running: Semaphore::new(2),
        }
    }

    pub fn available(&self) -> bool {
        self.program.is_some()
    }

    /// Remembers a sentence shown to session `sid`, and returns the token
    /// of its address. The same sentence in the same session gets the
    /// same token; nobody can make one without the session id.
    pub fn register(&self, sid: &str, lang: Lang, text: &str) -> String {
        let text: String = text
            .chars()
            .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}'))
            .take(TEXT_CHARS_MAX)
            .collect();
        let mut hash = Sha256::new();
        for part in [sid, lang.code(), &text] {
            hash.update((part.len() as u64).to_le_bytes());
            hash.update(part.as_bytes());
        }
        let token = hex::encode(&hash.finalize()[..16]);
        let said = Said {
            sid: sid.to_string(),
            lang,
            text,
        };
        self.tokens
            .lock()
            .expect("speech tokens")
            .insert(token.clone(), said);
        token
    }

    /// The WAV of a registered sentence, made now or from the cache.
    async fn wav(&self, sid: &str, token: &str) -> Result<Arc<Vec<u8>>, SpeechError> {
        let program = self.program.as_ref().ok_or(SpeechError::Off)?;
        let said = self
            .tokens
            .lock()
            .expect("speech tokens")
            .get(&token.to_string())
            .cloned()
            .filter(|s| s.sid == sid)
            .ok_or(SpeechError::Unknown)?;
        let key = (said.lang, said.text.clone());
        if let Some(wav) = self.cache.lock().expect("speech cache").get(&key) {
            return Ok(wav);
        }
        let _permit = self.running.acquire().await.map_err(|_| SpeechError::Off)?;
        let wav = Arc::new(synthesize(program, said.lang, &said.text).await?);
        self.cache
            .lock()
            .expect("speech cache")
            .insert(key, wav.clone());
        Ok(wav)
    }
}

#[derive(Debug, thiserror::Error)]
enum SpeechError {
    #[error("speech is off")]
    Off,
    #[error("no such sentence for this session")]
    Unknown,
    #[error("espeak-ng failed: {0}")]
    Failed(String),
}

/// Runs espeak-ng once: the text on stdin, the WAV on stdout.
async fn synthesize(program: &PathBuf, lang: Lang, text: &str) -> Result<Vec<u8>, SpeechError> {
    let failed = |what: String| SpeechError::Failed(what);
    let mut child = tokio::process::Command::new(program)
        .args(["-v", voice(lang), "--stdout", "--stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| failed(format!("cannot start {}: {e}", program.display())))?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = text.to_string();
    let run = async move {
        stdin.write_all(input.as_bytes()).await?;
        drop(stdin);
        child.wait_with_output().await
    };
    let output = tokio::time::timeout(SYNTH_TIMEOUT, run)
        .await
        .map_err(|_| failed(format!("no answer within {} s", SYNTH_TIMEOUT.as_secs())))?
        .map_err(|e| failed(e.to_string()))?;
    if !output.status.success() || !output.stdout.starts_with(b"RIFF") {
        let why = String::from_utf8_lossy(&output.stderr);
        return Err(failed(format!("{} ({})", output.status, why.trim())));
    }
    Ok(output.stdout)
}

/// GET /speak/{token}: the sentence's WAV, for this session only.
pub async fn serve(Extension(visit): Extension<Visit>, Path(token): Path<String>) -> Response {
    match Speech::global().wav(&visit.sid, &token).await {
        Ok(wav) => {
            let mut response = wav.as_ref().clone().into_response();
            response
                .headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_static("audio/wav"));
            response
        }
        Err(SpeechError::Off | SpeechError::Unknown) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            eprintln!("akker kiosk: {err}");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// A map that forgets its oldest entries beyond `max`.
struct Bounded<K, V> {
    map: HashMap<K, V>,
    order: VecDeque<K>,
    max: usize,
}

impl<K: std::hash::Hash + Eq + Clone, V> Bounded<K, V> {
    fn new(max: usize) -> Self {
        Bounded {
            map: HashMap::new(),
            order: VecDeque::new(),
            max,
        }
    }

    fn insert(&mut self, key: K, value: V) {
        if self.map.insert(key.clone(), value).is_none() {
            self.order.push_back(key);
        }
        while self.order.len() > self.max {
            if let Some(old) = self.order.pop_front() {
                self.map.remove(&old);
            }
        }
    }

    fn get(&self, key: &K) -> Option<&V> {
        self.map.get(key)
    }
}

/// WAVs by (language, text), bounded by count and by bytes.
#[derive(Default)]
struct WavCache {
    entries: HashMap<(Lang, String), Arc<Vec<u8>>>,
    order: VecDeque<(Lang, String)>,
    bytes: usize,
}

impl WavCache {
    fn get(&self, key: &(Lang, String)) -> Option<Arc<Vec<u8>>> {
        self.entries.get(key).cloned()
    }

    fn insert(&mut self, key: (Lang, String), wav: Arc<Vec<u8>>) {
        if wav.len() > CACHE_BYTES_MAX {
            return;
        }
        self.bytes += wav.len();
        if let Some(old) = self.entries.insert(key.clone(), wav) {
            self.bytes -= old.len();
        } else {
            self.order.push_back(key);
        }
        while self.order.len() > CACHE_ENTRIES_MAX || self.bytes > CACHE_BYTES_MAX {
            let Some(old) = self.order.pop_front() else {
                break;
            };
            if let Some(wav) = self.entries.remove(&old) {
                self.bytes -= wav.len();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_stays_within_its_bounds() {
        let mut cache = WavCache::default();
        for i in 0..(CACHE_ENTRIES_MAX + 50) {
            cache.insert((Lang::Nl, i.to_string()), Arc::new(vec![0; 10]));
        }
        assert_eq!(cache.entries.len(), CACHE_ENTRIES_MAX);
        assert_eq!(cache.bytes, CACHE_ENTRIES_MAX * 10);
        assert!(cache.get(&(Lang::Nl, "0".into())).is_none());
        let big = CACHE_BYTES_MAX / 3 + 1;
        for i in 0..3 {
            cache.insert((Lang::Ar, i.to_string()), Arc::new(vec![0; big]));
        }
        assert!(cache.bytes <= CACHE_BYTES_MAX);
        assert!(cache.get(&(Lang::Ar, "2".into())).is_some());
    }

    #[test]
    fn a_token_belongs_to_its_session() {
        let speech = Speech::with_program(PathBuf::from("/nonexistent/espeak-ng"));
        assert!(!speech.available());
        let one = speech.register("session-a", Lang::En, "You have one hour.");
        assert_eq!(
            one,
            speech.register("session-a", Lang::En, "You have one hour.")
        );
        assert_ne!(
            one,
            speech.register("session-b", Lang::En, "You have one hour.")
        );
        assert_ne!(
            one,
            speech.register("session-a", Lang::Nl, "You have one hour.")
        );
        let said = speech.tokens.lock().unwrap().get(&one).cloned().unwrap();
        assert_eq!(said.sid, "session-a");
    }

    #[test]
    fn a_missing_program_is_refused_not_run() {
        let speech = Speech::with_program(PathBuf::from("/nonexistent/espeak-ng"));
        let token = speech.register("s", Lang::Tr, "merhaba");
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let answer = runtime.block_on(speech.wav("s", &token));
        assert!(matches!(answer, Err(SpeechError::Off)));
    }
}
