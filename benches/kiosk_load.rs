//! The kiosk's load benchmark: `cargo bench --bench kiosk_load`.
//!
//! Builds a ledger of AKKER_BENCH_TX signed transactions (default 100,000)
//! with `akker::bulk`, issues a card, starts the real `akker kiosk` on a
//! loopback port, logs in once, and measures the logged-in home page with
//! wrk (apt-get install -y wrk) sending that session's cookie. Prints the
//! exact wrk command, pages per second, latency percentiles and the
//! kiosk's resident memory (VmRSS from /proc) before and after. Not a
//! test: it asserts nothing; the figures go to docs/performance.md.
//! AKKER_BENCH_KIOSK_ARGS passes options to the kiosk (for example
//! `--blocking-threads-max 2`).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use akker::ledger::{AccountId, KdfParams};
use akker::signing::Pin;

const PIN: &str = "2468";

mod common;
use common::env_usize;

fn main() {
    let transactions = env_usize("AKKER_BENCH_TX", 100_000);
    let accounts = env_usize("AKKER_BENCH_ACCOUNTS", 200);
    let seconds = env_usize("AKKER_BENCH_SECONDS", 10);
    let dir = common::bench_dir("akker-kiosk-bench");
    let db = dir.join(format!("kiosk-{transactions}.db"));
    let code = build_ledger(&db, accounts, transactions);

    let mut kiosk = Kiosk::start(&db);
    println!(
        "kiosk pid {}, {}; resident memory at start: {} kB",
        kiosk.child.id(),
        kiosk.url,
        kiosk.rss_kib()
    );
    let cookie = login(&kiosk.url, &code);
    let home = format!("{}/home", kiosk.url);
    for (threads, connections) in [(1, 4), (1, 8), (2, 32)] {
        let wrk = [
            format!("-t{threads}"),
            format!("-c{connections}"),
            format!("-d{seconds}s"),
            "--latency".to_string(),
            "-H".to_string(),
            format!("Cookie: {cookie}"),
            home.clone(),
        ];
        println!("\n$ wrk -t{threads} -c{connections} -d{seconds}s --latency -H 'Cookie: akker_kiosk=…' {home}");
        let out = Command::new("wrk")
            .args(&wrk)
            .output()
            .expect("wrk runs (apt-get install -y wrk)");
        let text = String::from_utf8_lossy(&out.stdout);
        print!("{text}");
        assert!(
            !text.contains("Non-2xx"),
            "the home page did not answer 200 to every request"
        );
        println!("resident memory after: {} kB", kiosk.rss_kib());
    }
    let _ = kiosk.child.kill();
    let _ = kiosk.child.wait();
}

/// Builds the ledger (once per size; kept for the next run) and issues a
/// card for the first person account; returns the card code.
fn build_ledger(db: &Path, accounts: usize, transactions: usize) -> String {
    let code_file = db.with_extension("card");
    if db.exists() {
        if let Ok(code) = std::fs::read_to_string(&code_file) {
            println!("reusing {} ({transactions} transactions)", db.display());
            return code.trim().to_string();
        }
    }
    common::remove_ledger(db);
    let started = std::time::Instant::now();
    let mut generated =
        akker::bulk::generate_ledger(db, accounts, transactions, chrono::Utc::now())
            .expect("generate ledger");
    let store = &mut generated.store;
    let member = store
        .accounts()
        .expect("accounts")
        .into_iter()
        .find(|a| a.kind == akker::ledger::AccountKind::Person)
        .map(|a| a.id)
        .unwrap_or_else(|| AccountId::parse("M0001").expect("valid id"));
    let pin = Pin::parse(PIN).expect("valid PIN");
    let issued = akker::ops::issue_card(
        store,
        &generated.treasurer,
        &member,
        &pin,
        None,
        KdfParams::STRONG,
        chrono::Utc::now(),
    )
    .expect("issue card");
    let code = issued.code.to_text();
    std::fs::write(&code_file, &code).expect("card file");
    println!(
        "built {} with {transactions} transactions in {:.1} s; card for {member}",
        db.display(),
        started.elapsed().as_secs_f64()
    );
    code
}

struct Kiosk {
    child: Child,
    url: String,
}

impl Kiosk {
    fn start(db: &Path) -> Kiosk {
        let mut child = Command::new(env!("CARGO_BIN_EXE_akker"))
            .arg("--db")
            .arg(db)
            .args(["kiosk", "--listen", "127.0.0.1:0"])
            .args(
                std::env::var("AKKER_BENCH_KIOSK_ARGS")
                    .unwrap_or_default()
                    .split_whitespace(),
            )
            .stdout(Stdio::piped())
            .spawn()
            .expect("start the kiosk");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("first line");
        let start = line.find("http://").expect("the kiosk prints its address");
        let url = line[start..]
            .split_whitespace()
            .next()
            .expect("address")
            .trim_end_matches('/')
            .to_string();
        Kiosk { child, url }
    }

    fn rss_kib(&self) -> String {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find(|l| l.starts_with("VmRSS:"))
            .map_or("?".into(), |l| {
                l.split_whitespace().nth(1).unwrap_or("?").to_string()
            })
    }
}

/// Logs in through the real forms; returns the session cookie.
fn login(base: &str, code: &str) -> String {
    let client = reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let first = client
        .get(format!("{base}/card"))
        .send()
        .expect("card page");
    let mut cookie = session_cookie(&first).expect("a session cookie");
    let csrf = csrf_of(&first.text().expect("page"));
    let answer = client
        .post(format!("{base}/card"))
        .header("cookie", &cookie)
        .form(&[("csrf", csrf.as_str()), ("code", code)])
        .send()
        .expect("card");
    assert_eq!(answer.status(), 303, "card refused");
    let answer = client
        .post(format!("{base}/pin"))
        .header("cookie", &cookie)
        .form(&[("csrf", csrf.as_str()), ("pin", PIN)])
        .send()
        .expect("pin");
    assert_eq!(answer.status(), 303, "PIN refused");
    cookie = session_cookie(&answer).expect("a new session cookie after login");
    let home = client
        .get(format!("{base}/home"))
        .header("cookie", &cookie)
        .send()
        .expect("home");
    assert_eq!(home.status(), 200, "not logged in");
    cookie
}

fn session_cookie(response: &reqwest::blocking::Response) -> Option<String> {
    let header = response.headers().get("set-cookie")?.to_str().ok()?;
    Some(header.split(';').next()?.to_string())
}

fn csrf_of(page: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = page.find(marker).expect("a CSRF field") + marker.len();
    page[start..].split('"').next().expect("value").to_string()
}
