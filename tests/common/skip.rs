//! Tests that need a tool from outside Rust (chromium and playwright-core,
//! pdftotext, hledger, ledger, bean-check, the Python checker's PyNaCl and
//! argon2-cffi) call `tool_missing` when it is not there.
//!
//! - Under CI (`CI=true` or `CI=1`, as CI services set it) a missing tool
//!   fails the test: a check that never ran must not pass as "ok".
//! - Elsewhere the test returns early, and when the test binary exits it
//!   prints one line naming every tool that was missing and what it
//!   skipped, after the harness's own `test result:` line (an `atexit`
//!   handler, since the harness has no hook of its own at the end).
//!
//! This file stands alone so test binaries without `mod common` can use
//! it with `#[path = "common/skip.rs"] mod skip;`.
#![allow(dead_code)]

use std::sync::{Mutex, Once, PoisonError};

static SKIPPED: Mutex<Vec<String>> = Mutex::new(Vec::new());
static AT_EXIT: Once = Once::new();

/// True when the tests run under CI.
pub fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v.eq_ignore_ascii_case("true") || v == "1")
}

/// Says that `tool` (with how to install it) is missing for `what`. Under
/// CI this fails the test; otherwise the skip is recorded for the line at
/// the end and the caller returns.
pub fn tool_missing(tool: &str, install: &str, what: &str) {
    if under_ci() {
        panic!("{what} needs {tool}, which is missing, and CI=true: install it ({install}) instead of skipping the check");
    }
    eprintln!("note: skipping {what}: {tool} is missing ({install})");
    let mut skipped = SKIPPED.lock().unwrap_or_else(PoisonError::into_inner);
    let entry = format!("{tool} ({what})");
    if !skipped.contains(&entry) {
        skipped.push(entry);
    }
    AT_EXIT.call_once(|| {
        // SAFETY: registers a plain extern "C" function without arguments.
        unsafe {
            libc::atexit(print_skipped);
        }
    });
}

/// True when `program VERSION_ARG` runs; otherwise reports it missing.
pub fn tool(program: &str, version_arg: &str, install: &str, what: &str) -> bool {
    let found = std::process::Command::new(program)
        .arg(version_arg)
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        tool_missing(program, install, what);
    }
    found
}

extern "C" fn print_skipped() {
    let skipped = SKIPPED.lock().unwrap_or_else(PoisonError::into_inner);
    if skipped.is_empty() {
        return;
    }
    let binary = std::env::args()
        .next()
        .and_then(|p| {
            std::path::Path::new(&p)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
        })
        .unwrap_or_default();
    // Cargo names test binaries NAME-HASH.
    let binary = binary.rsplit_once('-').map_or(binary.as_str(), |(n, _)| n);
    let line = format!(
        "SKIPPED in {binary} (tools missing; CI=true makes this a failure): {}\n",
        skipped.join("; ")
    );
    // Written straight to file descriptor 2: at exit the standard
    // library's own handles may already be gone.
    // SAFETY: the buffer is valid for its length during the call.
    unsafe {
        libc::write(2, line.as_ptr().cast(), line.len());
    }
}
