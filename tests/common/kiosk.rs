//! The one harness of the kiosk's HTTP tests (kiosk_http, kiosk_security,
//! privacy_kiosk): the demo ledger built once and copied per test, a real
//! `akker kiosk` on a random loopback port, and a `Browser` that keeps its
//! cookies and does not follow redirects, so every answer can be checked.
//!
//! It stands alone (no `mod common`), so a test binary takes it with
//! `#[path = "common/kiosk.rs"] mod kiosk;`; not every binary uses every
//! helper.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;

use akker::ledger::AccountId;
use akker::store::requests::{RequestFilter, RequestView};
use akker::store::{Store, TxFilter};
use chrono::Utc;
use reqwest::blocking::{Client, Response};
use reqwest::StatusCode;

pub const BIN: &str = env!("CARGO_BIN_EXE_akker");

/// A demo member's card: the code its QR holds and its PIN.
pub struct Card {
    pub code: String,
    pub pin: String,
}

pub struct Demo {
    _dir: tempfile::TempDir,
    pub db: PathBuf,
    pub cards: Vec<Card>,
    /// The month whose statements the demo issued ("YYYY-MM").
    pub statements_month: String,
}

/// The demo ledger is built once per test binary; each test works on its
/// own copy.
pub fn demo() -> &'static Demo {
    static DEMO: OnceLock<Demo> = OnceLock::new();
    DEMO.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("demo.db");
        let out = Command::new(BIN)
            .args(["--json", "--db"])
            .arg(&db)
            .arg("demo")
            .env_remove("AKKER_NOW")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let cards = json["cards"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| Card {
                code: c["code"].as_str().unwrap().into(),
                pin: c["pin"].as_str().unwrap().into(),
            })
            .collect();
        Demo {
            _dir: dir,
            db,
            cards,
            statements_month: json["statements_month"].as_str().unwrap().into(),
        }
    })
}

/// The demo card of `account`.
pub fn card(account: &str) -> &'static Card {
    demo()
        .cards
        .iter()
        .find(|c| c.code.starts_with(&format!("{account}/")))
        .unwrap_or_else(|| panic!("the demo has no card for {account}"))
}

/// A copy of the demo ledger and its key file (passphrase: demo).
pub struct Ledger {
    pub dir: tempfile::TempDir,
}

impl Ledger {
    pub fn copy_of_demo() -> Ledger {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(&demo().db, dir.path().join("demo.db")).unwrap();
        std::fs::copy(
            demo().db.with_extension("db.key"),
            dir.path().join("demo.db.key"),
        )
        .unwrap();
        Ledger { dir }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("demo.db")
    }

    pub fn balance(&self, account: &str) -> i64 {
        let store = Store::open(&self.db()).unwrap();
        store
            .account(&AccountId::parse(account).unwrap())
            .unwrap()
            .unwrap()
            .balance
            .minor()
    }

    /// How many transactions touch `account`.
    pub fn transactions(&self, account: &str) -> usize {
        let store = Store::open(&self.db()).unwrap();
        let filter = TxFilter {
            account: Some(AccountId::parse(account).unwrap()),
            ..TxFilter::default()
        };
        store.transactions(&filter).unwrap().len()
    }

    /// Runs the command line on this ledger as the treasurer (passphrase
    /// `demo`), on the real clock like the kiosk; returns (exit code,
    /// stdout, stderr).
    pub fn akker(&self, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
        let out = Command::new(BIN)
            .arg("--db")
            .arg(self.db())
            .args(args)
            .env("AKKER_PASSPHRASE", "demo")
            .envs(env.iter().copied())
            .env_remove("AKKER_NOW")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// Like `akker`, and the command must succeed; returns its stdout.
    pub fn akker_ok(&self, args: &[&str], env: &[(&str, &str)]) -> String {
        let (code, out, err) = self.akker(args, env);
        assert_eq!(code, 0, "akker {args:?}: {out}{err}");
        out
    }
}

/// Runs the command line on `db` as the treasurer; it must succeed.
pub fn akker_cli(db: &Path, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .env("AKKER_PASSPHRASE", "demo")
        .env_remove("AKKER_NOW")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "akker {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A running `akker kiosk`, stopped when dropped.
pub struct Kiosk {
    child: Child,
    pub url: String,
}

impl Kiosk {
    pub fn start(db: &Path) -> Kiosk {
        Kiosk::start_with(db, &[])
    }

    /// With more options after `kiosk` (such as `--idle-logout-s 5`).
    pub fn start_with(db: &Path, options: &[&str]) -> Kiosk {
        let mut child = Command::new(BIN)
            .arg("--db")
            .arg(db)
            .args(["kiosk", "--listen", "127.0.0.1:0"])
            .args(options)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let start = line
            .find("http://")
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        let url = line[start..]
            .split_whitespace()
            .next()
            .unwrap()
            .trim_end_matches('/')
            .to_string();
        Kiosk { child, url }
    }
}

impl Drop for Kiosk {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One browser: its own cookie jar; redirects are not followed.
pub struct Browser {
    pub client: Client,
    pub base: String,
}

impl Browser {
    pub fn new(kiosk: &Kiosk) -> Browser {
        let client = Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Browser {
            client,
            base: kiosk.url.clone(),
        }
    }

    /// The same browser (cookies and all) talking to another kiosk, as
    /// the screen does after the kiosk restarted.
    pub fn moved_to(&self, kiosk: &Kiosk) -> Browser {
        Browser {
            client: self.client.clone(),
            base: kiosk.url.clone(),
        }
    }

    pub fn get(&self, path: &str) -> Response {
        self.client
            .get(format!("{}{path}", self.base))
            .send()
            .unwrap()
    }

    /// A page that must answer 200; its text.
    pub fn page(&self, path: &str) -> String {
        let response = self.get(path);
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        response.text().unwrap()
    }

    pub fn post(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.client
            .post(format!("{}{path}", self.base))
            .form(fields)
            .send()
            .unwrap()
    }

    /// Gets a page and returns its CSRF token.
    pub fn csrf(&self, path: &str) -> String {
        let page = self.get(path).text().unwrap();
        field_value(&page, "csrf")
    }

    /// Posts a form from `page` with the page's CSRF token.
    pub fn submit(&self, page: &str, action: &str, fields: &[(&str, &str)]) -> Response {
        let csrf = self.csrf(page);
        let mut all = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        self.post(action, &all)
    }

    pub fn card_step(&self, fields: &[(&str, &str)]) -> Response {
        self.submit("/card", "/card", fields)
    }

    pub fn login_with(&self, lang: &str, code: &str, pin: &str) {
        self.get(&format!("/lang/{lang}"));
        assert_redirect(self.card_step(&[("code", code)]), "/pin");
        assert_redirect(self.submit("/pin", "/pin", &[("pin", pin)]), "/home");
    }

    /// Logs in with the demo card of `account`, in English.
    pub fn login(&self, account: &str) {
        let card = card(account);
        self.login_with("en", &card.code, &card.pin);
    }

    /// Goes through the payment screens to the confirm page; returns the
    /// confirm form's CSRF and one-time tokens.
    pub fn prepare(
        &self,
        payee: &str,
        amount_minor: &str,
        work: &str,
        note: &str,
    ) -> (String, String) {
        assert_redirect(
            self.submit("/pay", "/pay/person", &[("payee", payee)]),
            "/pay/details",
        );
        let details = [
            ("amount_minor", amount_minor),
            ("work", work),
            ("note", note),
        ];
        assert_redirect(
            self.submit("/pay/details", "/pay/details", &details),
            "/pay/confirm",
        );
        let page = self.get("/pay/confirm").text().unwrap();
        (field_value(&page, "csrf"), field_value(&page, "once"))
    }

    /// Pays `payee` from `account` (logged in) with `note`; returns the
    /// confirm page before the PIN and the receipt after it.
    pub fn pay(&self, account: &str, payee: &str, note: &str) -> (String, String) {
        let (csrf, once) = self.prepare(payee, "50", "care", note);
        let confirm = self.page("/pay/confirm");
        assert_redirect(
            self.post(
                "/pay/confirm",
                &[
                    ("csrf", &csrf),
                    ("once", &once),
                    ("pin", &card(account).pin),
                ],
            ),
            "/pay/receipt",
        );
        (confirm, self.page("/pay/receipt"))
    }
}

/// The value of the first field `name` in a page's HTML.
pub fn field_value(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name} field in {page}"))
        + marker.len();
    page[start..].split('"').next().unwrap().to_string()
}

pub fn assert_redirect(response: Response, to: &str) {
    let status = response.status();
    let location = response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_string());
    let body = response.text().unwrap_or_default();
    assert_eq!(
        (status, location.as_deref()),
        (StatusCode::SEE_OTHER, Some(to)),
        "{body}"
    );
}

/// A refusal page with its status and message; returns the page text
/// (without Fluent's isolation marks).
pub fn refusal(response: Response, status: StatusCode, message: &str) -> String {
    assert_eq!(response.status(), status);
    let page = plain(&response.text().unwrap());
    assert!(page.contains("class=\"problem\""), "{page}");
    assert!(page.contains(message), "expected {message:?} in {page}");
    page
}

/// A refusal page: the status, a clear message, that nothing changed,
/// and nothing technical.
pub fn assert_clear_page(response: Response, status: StatusCode, message: &str) {
    let page = refusal(response, status, message);
    assert!(page.contains("Nothing was changed."), "{page}");
    for technical in ["panicked", "rusqlite", "SQLITE", "StoreError", "backtrace"] {
        assert!(!page.contains(technical), "{technical} in {page}");
    }
}

/// A page's text without Fluent's invisible isolation marks.
pub fn plain(page: &str) -> String {
    page.replace(['\u{2068}', '\u{2069}'], "")
}

/// What the speaker button of a page says (its `data-say`), when the
/// kiosk can speak (espeak-ng found); None otherwise.
pub fn said(page: &str) -> Option<String> {
    let start = page.find("data-say=\"")? + "data-say=\"".len();
    Some(page[start..].split('"').next()?.to_string())
}

/// Hours in a spoken sentence are words ("one and a half hours"), never
/// figures ("1.50"), and never said twice ("two hours hours").
pub fn assert_spoken_in_words(page: &str) {
    let Some(said) = said(page) else { return };
    let figures = said.as_bytes().windows(4).any(|w| {
        w[0].is_ascii_digit()
            && (w[1] == b'.' || w[1] == b',')
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
    });
    assert!(!figures, "figures in what is said: {said}");
    for twice in ["hours hours", "hour hours", "uur uur", "heures heures"] {
        assert!(!said.contains(twice), "{twice:?} in what is said: {said}");
    }
}

// Requests (issue 12).

/// Every request of `account` as the ledger has it now.
pub fn requests_of(ledger: &Ledger, account: &str) -> Vec<RequestView> {
    let store = Store::open(&ledger.db()).unwrap();
    let filter = RequestFilter {
        account: Some(AccountId::parse(account).unwrap()),
        ..RequestFilter::all(Utc::now())
    };
    store.requests(&filter).unwrap()
}

/// The helper (logged in) asks `payer` for `amount_minor` through the
/// screens; returns the sent page.
pub fn ask(browser: &Browser, helper: &str, payer: &str, amount_minor: &str, what: &str) -> String {
    assert_redirect(
        browser.submit("/ask", "/ask/person", &[("payer", payer)]),
        "/ask/details",
    );
    let details = [
        ("amount_minor", amount_minor),
        ("work", "practical"),
        ("what", what),
    ];
    assert_redirect(
        browser.submit("/ask/details", "/ask/details", &details),
        "/ask/confirm",
    );
    let confirm = browser.page("/ask/confirm");
    assert_redirect(
        browser.post(
            "/ask/confirm",
            &[
                ("csrf", &field_value(&confirm, "csrf")),
                ("once", &field_value(&confirm, "once")),
                ("pin", &card(helper).pin),
            ],
        ),
        "/ask/sent",
    );
    plain(&browser.page("/ask/sent"))
}

/// Answers request `seq` (yes, no or withdraw) with the PIN of `account`
/// and more fields; returns the answer.
pub fn answer(
    browser: &Browser,
    account: &str,
    seq: i64,
    action: &str,
    more: &[(&str, &str)],
) -> reqwest::blocking::Response {
    // The session's token from home: the answer's own page may be a
    // refusal, without a form.
    let csrf = browser.csrf("/home");
    let mut fields = vec![("csrf", csrf.as_str()), ("pin", card(account).pin.as_str())];
    fields.extend_from_slice(more);
    browser.post(&format!("/requests/{seq}/{action}"), &fields)
}

/// The highest request number so far (the demo has requests of its own).
pub fn newest_request(ledger: &Ledger) -> i64 {
    let store = Store::open(&ledger.db()).unwrap();
    store
        .requests(&RequestFilter::all(Utc::now()))
        .unwrap()
        .iter()
        .map(|r| r.seq)
        .max()
        .unwrap_or(0)
}

/// Whether a page offers a yes to request `seq`.
pub fn offers_yes(page: &str, seq: i64) -> bool {
    page.contains(&format!("/requests/{seq}/yes"))
}

pub fn last_request(ledger: &Ledger, payee: &str) -> RequestView {
    requests_of(ledger, payee)
        .into_iter()
        .rfind(|r| r.payee.as_str() == payee)
        .expect("a request was made")
}
