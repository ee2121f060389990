//! Runs the command transcripts in the project's Markdown guides, like
//! hledger's shelltest: every fenced block whose first line starts with
//! `$ ` is a transcript, run in order against a fresh ledger in a
//! directory of its own, and what akker prints must be what the guide
//! shows.
//!
//! A transcript, as the guide shows it to a volunteer:
//!
//! ```text
//! $ akker account add M001 --name "Marie Dubois" --language fr
//! Treasurer's passphrase: ‹vier paarden in de wei›
//! Opened account M001 (entry #2).
//! ```
//!
//! - `$ ` starts a command; the lines under it are what appears on the
//!   terminal: first the prompts, then standard output, then standard
//!   error, then `[exit status N]` when it is not 0.
//! - A prompt line ends with the answer between `‹` and `›`. The test
//!   types it on a real pseudo-terminal when akker asks (so the prompt is
//!   checked too); on a real terminal the secret does not show.
//! - Values that differ on every run (keys, hashes, card and verification
//!   codes) match by their shape; see `lines`. `[..]` matches any text in
//!   a line, a line `...` any lines.
//! - Invisible HTML comments steer the test: `<!-- guide-test: now
//!   2026-10-01T09:00:00Z -->` pins akker's clock (AKKER_NOW) from there
//!   on; `<!-- guide-test: file NAME -->` before a fenced block writes the
//!   block to NAME, so an example spreadsheet file in the guide is the one
//!   imported; `<!-- guide-test: skip -->` leaves out the next block.
//! - `cd`, `mkdir`, `mv` and `export` are understood, as a shell would.
//!
//! Every `akker ...` line in the other fenced blocks (command summaries)
//! must at least be a command line akker accepts.
//!
//! `UPDATE_GUIDE=1 cargo test --test guide_transcripts` writes what akker
//! prints now into the guides, keeping the example values and wildcards of
//! lines that still match: for when the program's words change on purpose.
//! A step that differs is written out whole, so a `...` in it has to be put
//! back by hand; read the diff.

pub mod lines;
pub mod pty;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use lines::Values;

/// The binary under test.
const BIN: &str = env!("CARGO_BIN_EXE_akker");

/// Opens and closes an answer typed at a prompt.
const ANSWER_OPEN: char = '‹';
const ANSWER_CLOSE: char = '›';

/// One command of a transcript and the lines the guide shows under it.
struct Step {
    /// 1-based line number of the `$ ` line in the guide.
    line: usize,
    command: String,
    expected: Vec<String>,
    now: Option<String>,
}

/// What a guide asks the test to do, in order.
enum Item {
    Steps {
        steps: Vec<Step>,
        /// Line range of the block's body (the lines between the fences),
        /// 0-based, and its indentation, for rewriting it.
        body: std::ops::Range<usize>,
        indent: String,
    },
    File {
        name: String,
        content: String,
    },
    Listing {
        line: usize,
        lines: Vec<String>,
    },
}

fn parse(text: &str) -> Vec<Item> {
    let all: Vec<&str> = text.lines().collect();
    let mut items = Vec::new();
    let mut now: Option<String> = None;
    let mut file_next: Option<String> = None;
    let mut skip_next = false;
    let mut i = 0;
    while i < all.len() {
        let line = all[i];
        if let Some(directive) = directive(line) {
            match directive.split_once(' ') {
                Some(("now", value)) => now = Some(value.trim().to_string()),
                Some(("file", name)) => file_next = Some(name.trim().to_string()),
                _ if directive == "skip" => skip_next = true,
                _ => panic!("line {}: unknown guide-test directive {directive:?}", i + 1),
            }
            i += 1;
            continue;
        }
        let trimmed = line.trim_start();
        if !trimmed.starts_with("```") {
            i += 1;
            continue;
        }
        let indent = line[..line.len() - trimmed.len()].to_string();
        let start = i + 1;
        let mut end = start;
        while end < all.len() && !all[end].trim_start().starts_with("```") {
            end += 1;
        }
        let body: Vec<String> = all[start..end]
            .iter()
            .map(|l| {
                l.strip_prefix(indent.as_str())
                    .unwrap_or(l.trim_start())
                    .to_string()
            })
            .collect();
        i = end + 1;
        if std::mem::take(&mut skip_next) {
            file_next = None;
            continue;
        }
        if let Some(name) = file_next.take() {
            let mut content = body.join("\n");
            content.push('\n');
            items.push(Item::File { name, content });
        } else if body.first().is_some_and(|l| l.starts_with("$ ")) {
            let mut steps: Vec<Step> = Vec::new();
            for (k, l) in body.iter().enumerate() {
                match l.strip_prefix("$ ") {
                    Some(command) => steps.push(Step {
                        line: start + k + 1,
                        command: command.to_string(),
                        expected: Vec::new(),
                        now: now.clone(),
                    }),
                    None => steps
                        .last_mut()
                        .expect("a transcript starts with $")
                        .expected
                        .push(l.clone()),
                }
            }
            items.push(Item::Steps {
                steps,
                body: start..end,
                indent,
            });
        } else {
            items.push(Item::Listing {
                line: start + 1,
                lines: body,
            });
        }
    }
    items
}

fn directive(line: &str) -> Option<&str> {
    line.trim()
        .strip_prefix("<!-- guide-test:")?
        .strip_suffix("-->")
        .map(str::trim)
}

/// Where a guide went wrong: one message per step, to show them all.
pub struct Report {
    /// Transcripts whose output differs (rewritten under UPDATE_GUIDE).
    pub failures: Vec<String>,
    /// Command summaries akker would not accept (fixed by hand only).
    pub refused_lines: Vec<String>,
    pub rewritten: bool,
}

/// Runs every transcript of the guide at `path` (relative to the
/// repository), and checks every listed command line. With UPDATE_GUIDE
/// set, writes the printed output into the guide instead of failing.
pub fn check_guide(path: &str) -> Report {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("read {path}: {e}"));
    let update = std::env::var_os("UPDATE_GUIDE").is_some();
    let home = tempfile::Builder::new()
        .prefix("akker-guide-")
        .tempdir()
        .expect("a temporary directory");
    let mut shell = Shell::new(home.path());
    let mut values = Values::default();
    let mut failures = Vec::new();
    let mut refused_lines = Vec::new();
    let mut rewrites: Vec<(std::ops::Range<usize>, Vec<String>)> = Vec::new();
    for item in parse(&text) {
        match item {
            Item::File { name, content } => {
                std::fs::write(shell.cwd.join(&name), content).expect("write the example file")
            }
            Item::Listing { line, lines } => {
                for (k, l) in lines.iter().enumerate() {
                    if let Err(e) = accepted_command_line(l) {
                        refused_lines.push(format!(
                            "{path}:{}: `{l}` is not a command akker accepts:\n{e}",
                            line + k
                        ));
                    }
                }
            }
            Item::Steps {
                steps,
                body,
                indent,
            } => {
                let mut new_body = Vec::new();
                for step in &steps {
                    let actual = shell.run(step, &values);
                    new_body.push(format!("{indent}$ {}", step.command));
                    if lines::block_matches(&step.expected, &actual, &mut values) {
                        new_body.extend(step.expected.iter().map(|l| format!("{indent}{l}")));
                        continue;
                    }
                    let regenerated = regenerate(&step.expected, &actual, &mut values);
                    failures.push(format!(
                        "{path}:{}: $ {}\n--- the guide shows\n{}\n--- akker printed\n{}",
                        step.line,
                        step.command,
                        step.expected.join("\n"),
                        regenerated.join("\n")
                    ));
                    new_body.extend(regenerated.iter().map(|l| format!("{indent}{l}")));
                }
                rewrites.push((body, new_body));
            }
        }
    }
    let rewritten = update && !failures.is_empty();
    if rewritten {
        std::fs::write(&file, rewrite(&text, rewrites)).expect("rewrite the guide");
    }
    Report {
        failures,
        refused_lines,
        rewritten,
    }
}

/// The printed lines, keeping each guide line that still matches its
/// printed line (its example values and wildcards), and showing the
/// guide's example values where the printed ones are already known.
fn regenerate(expected: &[String], actual: &[String], values: &mut Values) -> Vec<String> {
    actual
        .iter()
        .enumerate()
        .map(|(k, line)| {
            let mut pairs = Vec::new();
            match expected.get(k) {
                Some(e) if lines::line_matches(e, line, values, &mut pairs) => {
                    values.learn(pairs);
                    e.clone()
                }
                _ => values.to_example(line),
            }
        })
        .collect()
}

fn rewrite(text: &str, rewrites: Vec<(std::ops::Range<usize>, Vec<String>)>) -> String {
    let old: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = Vec::new();
    let mut at = 0;
    for (body, new_body) in rewrites {
        out.extend(old[at..body.start].iter().map(|l| l.to_string()));
        out.extend(new_body);
        at = body.end;
    }
    out.extend(old[at..].iter().map(|l| l.to_string()));
    let mut joined = out.join("\n");
    joined.push('\n');
    joined
}

/// The few shell commands a guide uses besides akker, and akker itself.
struct Shell {
    home: PathBuf,
    cwd: PathBuf,
    env: BTreeMap<String, String>,
}

impl Shell {
    fn new(home: &Path) -> Shell {
        Shell {
            home: home.to_path_buf(),
            cwd: home.to_path_buf(),
            env: BTreeMap::new(),
        }
    }

    fn path(&self, word: &str) -> PathBuf {
        match word.strip_prefix("~/") {
            Some(rest) => self.home.join(rest),
            None if word == "~" => self.home.clone(),
            None => self.cwd.join(word),
        }
    }

    /// Runs one step; returns the lines a terminal would show.
    fn run(&mut self, step: &Step, values: &Values) -> Vec<String> {
        // A `# comment` after the command is the shell's, not akker's.
        let words = shlex::split(&strip_comment(&step.command)).unwrap_or_else(|| {
            panic!(
                "line {}: unbalanced quotes in {:?}",
                step.line, step.command
            )
        });
        match words.first().map(String::as_str) {
            Some("cd") => {
                self.cwd = self.path(words.get(1).map_or("~", String::as_str));
                Vec::new()
            }
            Some("mkdir") => {
                for dir in words[1..].iter().filter(|w| !w.starts_with('-')) {
                    std::fs::create_dir_all(self.path(dir)).expect("mkdir");
                }
                Vec::new()
            }
            Some("mv") => {
                let [from, to] = [&words[1], &words[2]].map(|w| self.path(w));
                std::fs::rename(from, to).expect("mv");
                Vec::new()
            }
            Some("export") => {
                for assignment in &words[1..] {
                    let (name, value) = assignment.split_once('=').expect("export NAME=VALUE");
                    let value = match value.strip_prefix("~/") {
                        Some(_) => self.path(value).display().to_string(),
                        None => value.to_string(),
                    };
                    self.env.insert(name.to_string(), value);
                }
                Vec::new()
            }
            Some("akker") => self.akker(step, &words[1..], values),
            _ => panic!(
                "line {}: a guide transcript runs akker, cd, mkdir, mv or export, not {:?}",
                step.line, step.command
            ),
        }
    }

    fn akker(&self, step: &Step, args: &[String], values: &Values) -> Vec<String> {
        let mut command = Command::new(BIN);
        for (name, _) in std::env::vars() {
            if name.starts_with("AKKER_") {
                command.env_remove(name);
            }
        }
        command
            .current_dir(&self.cwd)
            .env("HOME", &self.home)
            .envs(&self.env)
            .args(args.iter().map(|a| match a.strip_prefix("~/") {
                Some(_) => self.path(a).display().to_string(),
                // A code shown earlier in the guide (`statement check
                // CODE`) is typed as the one this run printed.
                None => values.to_real(a),
            }));
        if let Some(now) = &step.now {
            command.env("AKKER_NOW", now);
        }
        let answers: Vec<String> = step
            .expected
            .iter()
            .filter_map(|l| answer_of(l))
            .map(|a| values.to_real(a))
            .collect();
        let outcome = pty::run(command, &answers);
        let mut shown = Vec::new();
        for (k, piece) in outcome.pieces.iter().enumerate() {
            shown.extend(piece.stdout.lines().map(str::to_string));
            // A notice that the clock is pinned (debug builds) is the
            // test's doing, not something a volunteer sees.
            shown.extend(
                piece
                    .stderr
                    .lines()
                    .filter(|l| !l.contains("AKKER_NOW"))
                    .map(str::to_string),
            );
            if let Some(prompt) = &piece.prompt {
                // An answer the guide does not have was Ctrl-D: shown as
                // the bare prompt, which then differs from the guide.
                match answers.get(k) {
                    Some(answer) => {
                        shown.push(format!("{prompt}{ANSWER_OPEN}{answer}{ANSWER_CLOSE}"))
                    }
                    None => shown.push(prompt.trim_end().to_string()),
                }
            }
        }
        if outcome.code != 0 {
            shown.push(format!("[exit status {}]", outcome.code));
        }
        shown
    }
}

/// The answer a guide line types at a prompt, if it is a prompt line.
fn answer_of(line: &str) -> Option<&str> {
    let body = line.trim_end().strip_suffix(ANSWER_CLOSE)?;
    let open = body.rfind(ANSWER_OPEN)?;
    Some(&body[open + ANSWER_OPEN.len_utf8()..])
}

/// A line of a command summary (`akker pay ... # comment`) must parse as
/// akker's command line: quotes in place, options that exist.
fn accepted_command_line(line: &str) -> Result<(), String> {
    use clap::Parser;
    let mut line = line.trim();
    // `sudo -u akker akker ...` runs akker as the kiosk's user.
    if let Some(rest) = line.strip_prefix("sudo -u ") {
        line = rest.split_once(' ').map_or("", |(_, command)| command);
    }
    // A synopsis (`[--lang nl]`, `csv|hledger`) is not a command to type.
    if !line.starts_with("akker ") || line.contains(" [") || line.contains('|') {
        return Ok(());
    }
    let without_comment = strip_comment(line);
    // `$(date +%F)` and `$VAR` are the shell's; any one word stands in.
    let mut words = String::new();
    let mut rest = without_comment.as_str();
    while let Some(at) = rest.find("$(") {
        words.push_str(&rest[..at]);
        words.push('X');
        let close = rest[at..].find(')').map_or(rest.len(), |c| at + c + 1);
        rest = &rest[close..];
    }
    words.push_str(rest);
    let argv = shlex::split(&words).ok_or("unbalanced quotes")?;
    match akker::cli::Cli::try_parse_from(&argv) {
        Ok(_) => Ok(()),
        Err(e) if !e.use_stderr() => Ok(()),
        Err(e) => Err(e.to_string()),
    }
}

/// Drops a `# comment` that follows a command (outside quotes).
fn strip_comment(line: &str) -> String {
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') if previous.is_whitespace() => return line[..i].trim_end().to_string(),
            _ => {}
        }
        previous = c;
    }
    line.to_string()
}

/// Fails the calling test with every problem of the guide at once. Under
/// UPDATE_GUIDE a transcript that differs is rewritten, not a failure.
pub fn assert_guide(path: &str) {
    let report = check_guide(path);
    let mut problems = report.refused_lines;
    if report.rewritten {
        eprintln!(
            "UPDATE_GUIDE: {path} now shows what akker printed in {} step(s); read `git diff {path}` before committing it.",
            report.failures.len()
        );
    } else if !report.failures.is_empty() {
        problems.extend(report.failures);
        problems.push(
            "If akker's words changed on purpose, regenerate the guides with\n  UPDATE_GUIDE=1 cargo test --test guide_transcripts\nand read the diff before committing it.".to_string(),
        );
    }
    assert!(
        problems.is_empty(),
        "{path} does not match what akker does:\n\n{}",
        problems.join("\n\n")
    );
}

#[cfg(test)]
mod tests {
    use super::accepted_command_line as accepted;

    #[test]
    fn command_summaries_are_checked_as_akker_reads_them() {
        assert!(accepted(r#"akker account add M001 --name "Marie Dubois"  # a member"#).is_ok());
        assert!(accepted("akker account add M001 --name Marie Dubois").is_err());
        assert!(accepted(
            "sudo -u akker akker --db /var/lib/akker/akker.db init --community Buurtuur Kuregem"
        )
        .is_err());
        assert!(accepted("akker backup /media/usb/kuregem-$(date +%F).db").is_ok());
        assert!(accepted("akker report --from 2026-05-01 --to 2026-10-31 [--names]").is_ok());
        assert!(accepted("sudo apt install ./akker_*.deb").is_ok());
    }
}
