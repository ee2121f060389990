//! Runs the kiosk's end-to-end tests in a real headless Chromium
//! (tests/browser/kiosk.e2e.mjs, Playwright driving /usr/bin/chromium).
//! Skipped, with a note, where chromium or the script's node_modules are
//! missing; CI installs both (see docs/kiosk.md).
//!
//! AKKER_SCREENSHOTS=1 writes a PNG of each screen into docs/kiosk/.

#[path = "common/skip.rs"]
mod skip;

use std::path::Path;
use std::process::Command;

const CHROMIUM: &str = "/usr/bin/chromium";

#[test]
fn the_kiosk_works_in_a_real_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script_dir = root.join("tests/browser");
    let missing: Vec<&str> = [
        (!Path::new(CHROMIUM).exists()).then_some("chromium (apt-get install -y chromium)"),
        (!script_dir.join("node_modules/playwright-core").exists())
            .then_some("playwright-core (npm ci --prefix tests/browser)"),
        Command::new("node")
            .arg("--version")
            .output()
            .is_err()
            .then_some("node"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !missing.is_empty() {
        skip::tool_missing(
            &missing.join(", "),
            "see each name",
            "the kiosk browser tests",
        );
        return;
    }
    let work = tempfile::tempdir().unwrap();
    let screenshots = match std::env::var("AKKER_SCREENSHOTS").as_deref() {
        Ok("1") => root.join("docs/kiosk"),
        _ => work.path().join("screenshots"),
    };
    let status = Command::new("node")
        .arg(script_dir.join("kiosk.e2e.mjs"))
        .env("AKKER_BIN", env!("CARGO_BIN_EXE_akker"))
        .env("AKKER_WORK", work.path().join("run"))
        .env("SCREENSHOT_DIR", &screenshots)
        .env("CHROMIUM", CHROMIUM)
        .status()
        .expect("node runs");
    assert!(
        status.success(),
        "the browser tests failed; see their output above"
    );
}
