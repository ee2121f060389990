//! `akker generate-files DIR` (hidden): writes the man pages and shell
//! completions the Debian package installs, from the same clap
//! definitions that parse the command line, so they never drift from it.
//! Run by .ci/run (and by hand) before `cargo deb`; see pkg/README.md.

use std::path::PathBuf;

use clap_complete::Shell;

use super::{CliError, CliResult};

#[derive(clap::Args)]
pub struct Args {
    /// The folder to write man/ and completions/ into (created if missing).
    pub out: PathBuf,
}

pub fn run(args: Args) -> CliResult {
    let man = args.out.join("man");
    let completions = args.out.join("completions");
    let io = |what: &'static str, dir: &PathBuf| {
        let dir = dir.display().to_string();
        move |e: std::io::Error| {
            CliError::Refused(format!(
                "cannot write {what} into {dir}: {}",
                super::error::describe_io(&e)
            ))
        }
    };
    std::fs::create_dir_all(&man).map_err(io("the man pages", &man))?;
    std::fs::create_dir_all(&completions).map_err(io("the completions", &completions))?;
    // akker(1), and akker-COMMAND(1) for every command and subcommand.
    clap_mangen::generate_to(super::command(), &man).map_err(io("the man pages", &man))?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        let mut cmd = super::command();
        clap_complete::generate_to(shell, &mut cmd, "akker", &completions)
            .map_err(io("the completions", &completions))?;
    }
    println!(
        "Wrote man pages to {} and completions to {}.",
        man.display(),
        completions.display()
    );
    Ok(())
}
