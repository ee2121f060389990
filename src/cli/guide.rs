//! `akker guide [TOPIC]`: the pages of the treasurer's guide and the
//! kiosk guide, built into the binary from docs/ so a volunteer can read
//! them without a network or a browser. The pages are the guide itself
//! (include_str!), so they cannot differ from the tested docs/ files.

use super::{CliError, CliResult};

const TREASURER_GUIDE: &str = include_str!("../../docs/treasurer-guide.md");
const KIOSK_GUIDE: &str = include_str!("../../docs/kiosk.md");

/// One page: a section of a guide (from its heading to the next heading
/// of the same level or higher), or a whole guide.
struct Topic {
    name: &'static str,
    about: &'static str,
    text: &'static str,
    heading: Option<&'static str>,
}

const TOPICS: &[Topic] = &[
    topic(
        "start",
        "installing akker, typing commands and values with spaces, the folder for the books",
        "## Before you start",
    ),
    topic(
        "init",
        "creating the ledger and choosing the passphrase",
        "## 1. Create the ledger",
    ),
    topic(
        "accounts",
        "opening, closing and listing accounts; limits",
        "## 2. Open accounts",
    ),
    topic(
        "cards",
        "issuing a member's card; the member chooses the PIN",
        "## 3. Issue member cards",
    ),
    topic(
        "past-slips",
        "starting in the middle of a month: last months' slips or balances",
        "## 4. Type last months' paper slips",
    ),
    topic(
        "pay",
        "recording exchanges: from a slip, by the treasurer, with a card",
        "## 5. Record exchanges",
    ),
    topic(
        "correct",
        "correcting a mistake with a reversal",
        "## 6. Correct a mistake",
    ),
    topic(
        "balance",
        "balances and an account's history",
        "## 7. Answer \"why is my balance this?\"",
    ),
    topic(
        "statements",
        "printing a month's statements, checking a code, late slips",
        "## 8. Print the month's statements",
    ),
    topic("verify", "checking the books", "## 9. Check the books"),
    topic(
        "fingerprint",
        "the treasurer key's fingerprint, to post in the community centre",
        "### Your key's fingerprint",
    ),
    topic(
        "handover",
        "handing the books over to a new treasurer",
        "### Handing over to a new treasurer",
    ),
    topic(
        "settings",
        "the organisation's details and rules, as signed settings",
        "### Signed settings",
    ),
    topic(
        "limits",
        "choosing limits, soft limits, credit that grows, gifts and the community fund",
        "## Choosing limits and fund rules",
    ),
    topic(
        "requests",
        "the helper asks, the helped confirms: requests and their paper slips",
        "## Requests: the helper asks, the helped confirms",
    ),
    topic(
        "moving-in",
        "importing members, past exchanges or balances from a spreadsheet",
        "### Moving in",
    ),
    topic(
        "moving-out",
        "exporting to CSV, hledger, beancount or JSON",
        "### Moving out",
    ),
    topic("backups", "backups and restoring", "### Backups"),
    topic(
        "privacy",
        "members' personal data: correct, hand over, erase, retention",
        "## Members' personal data",
    ),
    topic(
        "json",
        "the JSON output of the read commands, for scripts",
        "## JSON output",
    ),
    Topic {
        name: "kiosk",
        about: "the touch-screen kiosk: its screens and how to set up its computer",
        text: KIOSK_GUIDE,
        heading: None,
    },
    Topic {
        name: "all",
        about: "the whole treasurer's guide",
        text: TREASURER_GUIDE,
        heading: None,
    },
];

const fn topic(name: &'static str, about: &'static str, heading: &'static str) -> Topic {
    Topic {
        name,
        about,
        text: TREASURER_GUIDE,
        heading: Some(heading),
    }
}

/// The topic names, for `--help` and clap's check of the value.
pub fn topic_names() -> Vec<&'static str> {
    TOPICS.iter().map(|t| t.name).collect()
}

#[derive(clap::Args)]
#[command(after_help = "The same pages are in docs/treasurer-guide.md and docs/kiosk.md.")]
pub struct Args {
    /// The page to show; leave it out for the list of pages.
    #[arg(value_parser = clap::builder::PossibleValuesParser::new(topic_names()))]
    pub topic: Option<String>,
}

pub fn run(args: Args) -> CliResult {
    let Some(name) = args.topic else {
        println!("The pages of the treasurer's guide. Read one with: akker guide TOPIC\n");
        let width = TOPICS.iter().map(|t| t.name.len()).max().unwrap_or(0);
        for t in TOPICS {
            println!("  {:<width$}  {}", t.name, t.about);
        }
        return Ok(());
    };
    let topic = TOPICS
        .iter()
        .find(|t| t.name == name)
        .ok_or_else(|| CliError::Usage(format!("there is no page {name}; see `akker guide`")))?;
    print!("{}", page(topic));
    Ok(())
}

/// The page's text, without the comments that steer the guide's tests.
fn page(topic: &Topic) -> String {
    let lines: Vec<&str> = topic.text.lines().collect();
    let selected: &[&str] = match topic.heading {
        None => &lines,
        Some(heading) => {
            let level = heading.chars().take_while(|&c| c == '#').count();
            let start = lines
                .iter()
                .position(|l| l.starts_with(heading))
                .expect("every topic's heading is in its guide (tested)");
            let end = lines[start + 1..]
                .iter()
                .position(|l| {
                    let hashes = l.chars().take_while(|&c| c == '#').count();
                    hashes > 0 && hashes <= level && l[hashes..].starts_with(' ')
                })
                .map_or(lines.len(), |k| start + 1 + k);
            &lines[start..end]
        }
    };
    let mut out = String::new();
    let mut in_fence = false;
    for line in selected {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        if !in_fence && line.trim_start().starts_with("<!-- guide-test:") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim_end().to_string() + "\n"
}
