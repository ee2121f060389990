//! Every option and argument of every command says what it is for in
//! `--help`, and the help a volunteer reads offline names what the guide
//! relies on (AKKER_CARD, --force).

use clap::CommandFactory;

/// `akker pay`, `akker account add`, ... with their arguments.
fn walk(command: &clap::Command, path: &str, missing: &mut Vec<String>) {
    if command.get_about().is_none() && !path.is_empty() {
        missing.push(format!("`akker {path}` has no description"));
    }
    for arg in command.get_arguments() {
        let id = arg.get_id().as_str();
        if matches!(id, "help" | "version") {
            continue;
        }
        if arg.get_help().is_none() && arg.get_long_help().is_none() {
            missing.push(format!("`akker {path}`: {id} has no description"));
        }
    }
    for sub in command.get_subcommands() {
        if sub.get_name() == "help" {
            continue;
        }
        let sub_path = format!("{path} {}", sub.get_name()).trim().to_string();
        walk(sub, &sub_path, missing);
    }
}

#[test]
fn every_argument_of_every_command_has_a_description() {
    let mut missing = Vec::new();
    walk(&akker::cli::Cli::command(), "", &mut missing);
    assert!(
        missing.is_empty(),
        "{} argument(s) without help text:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

fn help_of(args: &[&str]) -> String {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_akker"))
        .args(args)
        .arg("--help")
        .output()
        .expect("run akker --help");
    assert!(output.status.success(), "{args:?} --help failed");
    String::from_utf8(output.stdout).expect("help is UTF-8")
}

#[test]
fn pay_help_says_how_a_script_gives_the_card_code() {
    let help = help_of(&["pay"]);
    assert!(help.contains("AKKER_CARD"), "{help}");
    assert!(help.contains("AKKER_PIN"), "{help}");
}

#[test]
fn export_help_says_an_existing_file_needs_force() {
    for format in [
        &["export", "csv"][..],
        &["export", "hledger"],
        &["export", "json"],
    ] {
        let help = help_of(format);
        assert!(help.contains("--force"), "{format:?}\n{help}");
        assert!(help.contains("already"), "{format:?}\n{help}");
    }
    let help = help_of(&["export"]);
    assert!(help.contains("--force"), "{help}");
}

fn akker(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_akker"))
        .args(args)
        .output()
        .expect("run akker")
}

/// `akker guide TOPIC` prints each page of the guide offline; every page
/// in the list exists (a renamed heading in docs/ would fail here).
#[test]
fn every_guide_page_prints_from_its_heading() {
    let list = String::from_utf8(akker(&["guide"]).stdout).expect("UTF-8");
    let topics: Vec<&str> = list
        .lines()
        .skip_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(topics.len() >= 10, "{list}");
    for topic in topics {
        let out = akker(&["guide", topic]);
        assert!(out.status.success(), "akker guide {topic} failed");
        let page = String::from_utf8(out.stdout).expect("UTF-8");
        assert!(
            page.starts_with('#'),
            "akker guide {topic} starts with a heading:\n{page}"
        );
        assert!(
            page.lines().count() > 5,
            "akker guide {topic} is a page:\n{page}"
        );
        assert!(
            !page.contains("guide-test:"),
            "akker guide {topic} shows test comments"
        );
    }
    let cards = String::from_utf8(akker(&["guide", "cards"]).stdout).expect("UTF-8");
    assert!(cards.starts_with("## 3. Issue member cards"), "{cards}");
    assert!(cards.contains("New PIN for the card"), "{cards}");
    assert!(!cards.contains("## 4."), "one page only:\n{cards}");
    let unknown = akker(&["guide", "nonsense"]);
    assert_eq!(unknown.status.code(), Some(2));
}

/// Issue 17: every multi-word value of the old guide, typed without
/// quotes, failed with a clap error that did not mention quoting.
#[test]
fn a_value_typed_without_quotes_gets_a_hint_to_quote_it() {
    let cases: [&[&str]; 4] = [
        &["init", "--community", "Tijdsbank", "Kuregem"],
        &["account", "add", "M001", "--name", "Marie", "Dubois"],
        &[
            "tx", "reverse", "9", "--reason", "the", "slip", "said", "1", "hour",
        ],
        &[
            "pay",
            "SYS-FUND",
            "M001",
            "2",
            "--work",
            "community",
            "--what",
            "Welcome",
            "credit",
            "--treasurer",
        ],
    ];
    for args in cases {
        let out = akker(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(out.stderr).expect("UTF-8");
        assert!(
            stderr.contains("between double quotes"),
            "{args:?}\n{stderr}"
        );
    }
    let typo = String::from_utf8(akker(&["account", "add", "M001", "--nam", "Marie"]).stderr)
        .expect("UTF-8");
    assert!(
        !typo.contains("double quotes"),
        "an unknown option is not a quoting mistake\n{typo}"
    );
}
