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
