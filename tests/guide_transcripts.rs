//! The guides run exactly as written: every `$ akker ...` transcript in
//! README.md and docs/*.md is run against a fresh ledger with a pinned
//! clock, prompts answered on a real pseudo-terminal, and what akker
//! prints must be what the guide shows. How a transcript is written and
//! how to regenerate one: tests/transcript/mod.rs.

mod transcript;

#[test]
fn treasurer_guide_runs_as_written() {
    transcript::assert_guide("docs/treasurer-guide.md");
}

#[test]
fn readme_runs_as_written() {
    transcript::assert_guide("README.md");
}

/// Every other guide: its transcripts run and its command summaries parse.
/// A new guide in docs/ is covered without touching this file.
#[test]
fn other_guides_run_as_written() {
    let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    let mut names: Vec<String> = std::fs::read_dir(&docs)
        .expect("docs/")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md") && n != "treasurer-guide.md")
        .collect();
    names.sort();
    assert!(
        names.iter().any(|n| n == "kiosk.md"),
        "docs/ has its guides"
    );
    for name in names {
        transcript::assert_guide(&format!("docs/{name}"));
    }
}
