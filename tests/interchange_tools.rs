//! The tools accountants trust read akker's exports and arrive at akker's
//! balances: hledger and ledger-cli read the journal export, bean-check
//! and beancount's loader the beancount export. Each check is skipped,
//! with a note, when its tool is not installed, and fails under CI=true
//! (tests/common/skip.rs).

mod support_interchange;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

use support_interchange::*;

fn export(db: &Path, format: &str, file: &Path) {
    ok(&akker(
        db,
        &["export", format, "--out", file.to_str().unwrap()],
    ));
}

fn run(program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} runs: {e}"))
}

fn success(program: &str, output: &Output) -> String {
    assert!(
        output.status.success(),
        "{program} refused akker's export:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Lines of "ACCOUNT<TAB>AMOUNT" (or hledger's CSV) as balances by akker id.
fn parse_report(text: &str, separator: char) -> BTreeMap<String, i64> {
    let balances = text
        .lines()
        .filter_map(|line| line.split_once(separator))
        .map(|(account, amount)| {
            (
                account.trim_matches('"').to_string(),
                amount.trim_matches('"').trim().to_string(),
            )
        })
        .filter(|(account, _)| account.contains(':'))
        .map(|(account, amount)| (account, minor(&amount)))
        .collect();
    by_id(balances)
}

/// Replaces the asserted balance of the first member account with a wrong
/// one, to show the tool really checks the assertions.
fn with_wrong_assertion(text: &str, marker: &str) -> String {
    let line = text
        .lines()
        .filter(|l| l.contains(marker))
        .find(|l| l.contains("Assets:Members:"))
        .expect("an assertion line");
    let (head, amount) = line
        .rsplit_once(' ')
        .map(|(h, c)| (h.rsplit_once(' ').unwrap().0, c))
        .unwrap();
    let wrong = format!("{head} 999.99 {amount}");
    text.replacen(line, &wrong, 1)
}

#[test]
fn hledger_and_ledger_read_the_journal_and_agree_with_akker() {
    let hledger = tool("hledger", "--version");
    let ledger = tool("ledger", "--version");
    if !hledger && !ledger {
        return;
    }
    let dir = Dir::new();
    let demo = dir.demo();
    let file = dir.path("demo.journal");
    export(&demo, "hledger", &file);
    let expected = non_zero(&balances(&demo));
    let path = file.to_str().unwrap();
    let tampered = dir.write(
        "tampered.journal",
        with_wrong_assertion(&std::fs::read_to_string(&file).unwrap(), " = ").as_bytes(),
    );
    if hledger {
        let report = success(
            "hledger",
            &run(
                "hledger",
                &["-f", path, "bal", "--flat", "--no-total", "-O", "csv"],
            ),
        );
        assert_eq!(parse_report(&report, ','), expected, "hledger's balances");
        let refused = run("hledger", &["-f", tampered.to_str().unwrap(), "bal"]);
        assert!(
            !refused.status.success(),
            "hledger checks the balance assertions"
        );
    }
    if ledger {
        let format = "%(account)\t%(display_total)\n";
        let report = success(
            "ledger",
            &run(
                "ledger",
                &[
                    "-f",
                    path,
                    "bal",
                    "--flat",
                    "--no-total",
                    "--format",
                    format,
                ],
            ),
        );
        assert_eq!(parse_report(&report, '\t'), expected, "ledger's balances");
        let refused = run("ledger", &["-f", tampered.to_str().unwrap(), "bal"]);
        assert!(
            !refused.status.success(),
            "ledger checks the balance assertions"
        );
    }
}

/// Sums every posting per account with beancount's own loader.
const BEANCOUNT_BALANCES: &str = r#"
import sys
from collections import defaultdict
from beancount import loader
from beancount.core import data
entries, errors, _ = loader.load_file(sys.argv[1])
if errors:
    sys.exit("\n".join(str(e) for e in errors))
sums = defaultdict(int)
for entry in entries:
    if isinstance(entry, data.Transaction):
        for posting in entry.postings:
            sums[posting.account] += posting.units.number
for account, total in sorted(sums.items()):
    print(f"{account}\t{total:.2f}")
"#;

#[test]
fn bean_check_accepts_the_beancount_export_and_its_balances_are_akkers() {
    if !tool("bean-check", "--version") {
        return;
    }
    let dir = Dir::new();
    let demo = dir.demo();
    let file = dir.path("demo.beancount");
    export(&demo, "beancount", &file);
    success("bean-check", &run("bean-check", &[file.to_str().unwrap()]));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("#care") && text.contains("work: \"care\""),
        "work kinds are tags and metadata"
    );
    let tampered = dir.write(
        "tampered.beancount",
        with_wrong_assertion(&text, " balance ").as_bytes(),
    );
    assert!(
        !run("bean-check", &[tampered.to_str().unwrap()])
            .status
            .success(),
        "bean-check checks the balances"
    );
    let sums = run(
        "python3",
        &["-c", BEANCOUNT_BALANCES, file.to_str().unwrap()],
    );
    if sums.status.success() {
        let report = String::from_utf8_lossy(&sums.stdout).into_owned();
        assert_eq!(
            parse_report(&report, '\t'),
            non_zero(&balances(&demo)),
            "beancount's balances"
        );
    } else {
        skip::tool_missing(
            "beancount's Python loader",
            "python3 -m pip install beancount",
            "summing the beancount export with beancount's own loader",
        );
    }
}

#[test]
fn the_journal_keeps_work_skill_signer_and_slip() {
    let dir = Dir::new();
    let demo = dir.demo();
    let file = dir.path("demo.journal");
    export(&demo, "hledger", &file);
    let text = std::fs::read_to_string(&file).unwrap();
    for needle in [
        "; work: care",
        "; skill: ",
        "; signer: member M",
        "; signer: treasurer",
        "; slip: ",
        "; reverses: ",
        "account Equity:System:SYS-FUND",
    ] {
        assert!(text.contains(needle), "the journal has '{needle}'");
    }
}

/// The strict checks of both tools: hledger's `check -s` (accounts and
/// commodities declared, assertions hold) and ledger-cli's `--pedantic`
/// (undeclared accounts, commodities or metadata tags are errors; plain
/// `--strict` only warns, so its warnings are checked too).
fn strict_checks(file: &Path, hledger: bool, ledger: bool) {
    let path = file.to_str().unwrap();
    if hledger {
        success(
            "hledger check -s",
            &run("hledger", &["-f", path, "check", "-s"]),
        );
    }
    if ledger {
        success(
            "ledger --pedantic",
            &run("ledger", &["--pedantic", "-f", path, "bal"]),
        );
        let strict = run("ledger", &["--strict", "-f", path, "bal"]);
        success("ledger --strict", &strict);
        let warnings = String::from_utf8_lossy(&strict.stderr);
        assert!(
            warnings.trim().is_empty(),
            "ledger --strict warns:\n{warnings}"
        );
    }
}

#[test]
fn no_text_gives_a_journal_tags_postings_or_directives_and_both_tools_check_it_strictly() {
    let hledger = tool("hledger", "--version");
    let ledger = tool("ledger", "--version");
    if !hledger && !ledger {
        return;
    }
    let dir = Dir::new();
    let db = dir.init("hostile.db");
    for (id, name) in [
        ("M001", "Zoë; Peeters, tag: z"),
        ("M002", "account Assets:X"),
    ] {
        ok(&akker(&db, &["account", "add", id, "--name", name]));
    }
    ok(&akker(
        &db,
        &[
            "pay",
            "M001",
            "M002",
            "1.50",
            "--work",
            "care",
            "--what",
            "Soep ; kaas, x: y  ; note: n",
            "--slip",
            "A; evil: 1, other: 2, date: 2020-01-01",
        ],
    ));
    ok(&akker(
        &db,
        &["tx", "reverse", "4", "--reason", "fout; bad: 1, worse: 2"],
    ));
    let file = dir.path("hostile.journal");
    export(&db, "hledger", &file);
    strict_checks(&file, hledger, ledger);
    if hledger {
        let tags = success(
            "hledger tags",
            &run("hledger", &["-f", file.to_str().unwrap(), "tags"]),
        );
        let allowed = [
            "work",
            "skill",
            "slip",
            "reverses",
            "reason",
            "override",
            "signer",
            "recorded",
            "entry-hash",
        ];
        for tag in tags.lines() {
            assert!(allowed.contains(&tag.trim()), "text made the tag '{tag}'");
        }
        let accounts = success(
            "hledger accounts",
            &run("hledger", &["-f", file.to_str().unwrap(), "accounts"]),
        );
        assert!(
            !accounts.contains("Assets:X"),
            "text made an account:\n{accounts}"
        );
    }
    let demo = dir.demo();
    let demo_file = dir.path("demo-strict.journal");
    export(&demo, "hledger", &demo_file);
    strict_checks(&demo_file, hledger, ledger);
}
