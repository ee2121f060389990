//! Privacy at the kiosk (issue 15), on a real `akker kiosk` over a copy of
//! the demo ledger: the notice is one tap from the welcome screen, the
//! note field says not to write names and a note that names a member is
//! warned about (and still recorded), and a renamed or erased member shows
//! with the new name, or as a number, on the next page.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;

use reqwest::blocking::{Client, Response};
use reqwest::StatusCode;

const BIN: &str = env!("CARGO_BIN_EXE_akker");

struct Demo {
    _dir: tempfile::TempDir,
    db: PathBuf,
    /// (card code, PIN) per account.
    cards: Vec<(String, String)>,
}

fn demo() -> &'static Demo {
    static DEMO: OnceLock<Demo> = OnceLock::new();
    DEMO.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("demo.db");
        let out = Command::new(BIN)
            .args(["--json", "--db"])
            .arg(&db)
            .arg("demo")
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
            .map(|c| {
                (
                    c["code"].as_str().unwrap().into(),
                    c["pin"].as_str().unwrap().into(),
                )
            })
            .collect();
        Demo {
            _dir: dir,
            db,
            cards,
        }
    })
}

fn card(account: &str) -> &'static (String, String) {
    demo()
        .cards
        .iter()
        .find(|(code, _)| code.starts_with(&format!("{account}/")))
        .unwrap()
}

/// A copy of the demo ledger and its key file.
fn copy_of_demo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    std::fs::copy(&demo().db, &db).unwrap();
    std::fs::copy(
        demo().db.with_extension("db.key"),
        dir.path().join("demo.db.key"),
    )
    .unwrap();
    (dir, db)
}

fn akker(db: &Path, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .env("AKKER_PASSPHRASE", "demo")
        .env_remove("AKKER_NOW")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "akker {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

struct Kiosk {
    child: Child,
    url: String,
}

impl Kiosk {
    fn start(db: &Path) -> Kiosk {
        let mut child = Command::new(BIN)
            .arg("--db")
            .arg(db)
            .args(["kiosk", "--listen", "127.0.0.1:0"])
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

struct Browser {
    client: Client,
    base: String,
}

impl Browser {
    fn new(kiosk: &Kiosk) -> Browser {
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

    fn get(&self, path: &str) -> Response {
        self.client
            .get(format!("{}{path}", self.base))
            .send()
            .unwrap()
    }

    fn page(&self, path: &str) -> String {
        let response = self.get(path);
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        response.text().unwrap()
    }

    fn submit(&self, page: &str, action: &str, fields: &[(&str, &str)]) -> Response {
        let csrf = field_value(&self.page(page), "csrf");
        let mut all = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        self.client
            .post(format!("{}{action}", self.base))
            .form(&all)
            .send()
            .unwrap()
    }

    fn login(&self, account: &str) {
        let (code, pin) = card(account);
        self.get("/lang/en");
        assert_eq!(
            self.submit("/card", "/card", &[("code", code)]).status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            self.submit("/pin", "/pin", &[("pin", pin)]).status(),
            StatusCode::SEE_OTHER
        );
    }

    /// Pays `payee` with `note`; returns the confirm page before the PIN,
    /// then confirms and returns the receipt.
    fn pay(&self, account: &str, payee: &str, note: &str) -> (String, String) {
        self.submit("/pay", "/pay/person", &[("payee", payee)]);
        let details = [("amount_minor", "50"), ("work", "care"), ("note", note)];
        assert_eq!(
            self.submit("/pay/details", "/pay/details", &details)
                .status(),
            StatusCode::SEE_OTHER
        );
        let confirm = self.page("/pay/confirm");
        let fields = [
            ("csrf", field_value(&confirm, "csrf")),
            ("once", field_value(&confirm, "once")),
            ("pin", card(account).1.clone()),
        ];
        let response = self
            .client
            .post(format!("{}/pay/confirm", self.base))
            .form(&fields)
            .send()
            .unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        (confirm, self.page("/pay/receipt"))
    }
}

fn field_value(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name} field in {page}"))
        + marker.len();
    page[start..].split('"').next().unwrap().to_string()
}

#[test]
fn the_privacy_notice_is_one_tap_from_the_welcome_screen_in_every_language() {
    let (_dir, db) = copy_of_demo();
    let kiosk = Kiosk::start(&db);
    let browser = Browser::new(&kiosk);
    let welcome = browser.page("/");
    assert!(welcome.contains("href=\"/privacy\""), "{welcome}");
    let notice = browser.page("/privacy");
    assert!(notice.contains("Buurtuur Sint-Gillis (demo)"), "{notice}");
    for (lang, words) in [
        ("fr", "Ce que vous pouvez demander"),
        ("ar", "ما يمكنك أن تطلبه"),
        ("tr", "Neler isteyebilirsiniz"),
        ("nl", "Wat je kunt vragen"),
        ("en", "What you can ask"),
    ] {
        assert_eq!(
            browser.get(&format!("/privacy/{lang}")).status(),
            StatusCode::SEE_OTHER
        );
        let page = browser.page("/privacy");
        assert!(page.contains(words), "{lang}: {page}");
    }
}

#[test]
fn a_note_that_names_a_member_is_warned_about_and_still_recorded() {
    let (_dir, db) = copy_of_demo();
    let kiosk = Kiosk::start(&db);
    let browser = Browser::new(&kiosk);
    browser.login("M001");
    browser.submit("/pay", "/pay/person", &[("payee", "M002")]);
    let details = browser.page("/pay/details");
    assert!(details.contains("Do not write names here"), "{details}");

    let (confirm, receipt) = browser.pay("M001", "M002", "Soep voor jan gekookt");
    assert!(
        confirm.contains("This note contains the name of a member"),
        "{confirm}"
    );
    assert!(receipt.contains("Jan Peeters"), "{receipt}");
    let (plain, _) = browser.pay("M001", "M002", "Soep gekookt");
    assert!(!plain.contains("This note contains the name"), "{plain}");
    let recorded = akker(&db, &["tx", "list", "--last", "2"]);
    assert!(recorded.contains("Soep voor jan gekookt"), "{recorded}");
}

#[test]
fn a_renamed_or_erased_member_shows_anew_at_the_kiosk() {
    let (_dir, db) = copy_of_demo();
    let kiosk = Kiosk::start(&db);
    akker(
        &db,
        &["account", "rename", "M001", "--name", "Marie Durand"],
    );
    akker(
        &db,
        &["account", "erase", "M003", "--reason", "left the group"],
    );
    let browser = Browser::new(&kiosk);
    browser.login("M001");
    let home = browser.page("/home");
    assert!(
        home.contains("Marie Durand") && !home.contains("Marie Dubois"),
        "{home}"
    );
    let (_, receipt) = browser.pay("M001", "M003", "Tuin");
    assert!(
        receipt.contains("M003") && !receipt.contains("فاطمة"),
        "{receipt}"
    );
    let home = browser.page("/home");
    assert!(!home.contains("فاطمة"), "{home}");
}
