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
