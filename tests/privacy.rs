//! Members' personal data on the real binary (issue 15): a name is
//! corrected everywhere, erased without a trace in the file (its -wal
//! included) or in any output while the books still verify, closed
//! accounts are erased after the retention period, a member receives
//! everything held about them, and names in signed text are warned about.

mod common;

use std::path::Path;

use common::{Ledger, OK, REFUSED, USAGE};
use serde_json::Value;

const LATIN: &str = "Zoë Lefèvre";
const ARABIC: &str = "فاطمة الزهراء";
const ARABIC_OLD: &str = "فاطمة الزهراء بنعلي";
const OTHER: &str = "Jan Peeters";

/// Three members with exchanges in November 2026.
fn community() -> Ledger {
    let ledger = Ledger::new_at("2026-11-10T10:00:00Z");
    ledger.open("M001", LATIN);
    ledger.open_with("M002", ARABIC_OLD, &["--language", "ar"]);
    ledger.open("M003", OTHER);
    ledger.pay("M001", &[("M002", "1.50")]);
    ledger.pay("M002", &[("M003", "2")]);
    ledger.pay("M003", &[("M001", "0.75"), ("M002", "0.25")]);
    ledger
}

/// Runs in December, when November's statements can be printed.
fn in_december(ledger: &Ledger, args: &[&str]) -> String {
    ledger
        .run_env(args, &[("AKKER_NOW", "2026-12-02T09:00:00Z")])
        .expect(OK)
        .stdout
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

fn file_bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_default()
}

/// The ledger file and its -wal, as bytes.
fn ledger_files(ledger: &Ledger) -> Vec<(String, Vec<u8>)> {
    let wal = common::with_suffix(ledger.db(), "-wal");
    vec![
        ("ledger file".into(), file_bytes(ledger.db())),
        ("-wal file".into(), file_bytes(&wal)),
    ]
}

fn assert_absent(what: &str, bytes: &[u8], names: &[&str]) {
    for name in names {
        assert!(!contains(bytes, name), "{name:?} is still in {what}");
    }
}

fn balances(ledger: &Ledger) -> Vec<(String, String)> {
    ledger.json(&["balance"])["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["account"].as_str().unwrap().to_string(),
                a["balance"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_renamed_member_shows_with_the_new_name_everywhere_and_the_change_is_kept() {
    let ledger = community();
    ledger
        .run(&["account", "rename", "M001", "--name", "Zoë Durand"])
        .expect(OK);
    let change = ledger.json(&["account", "set-language", "M001", "fr"]);
    assert_eq!(change["field"], "language");
    assert_eq!(
        (change["old_value"].as_str(), change["new_value"].as_str()),
        (Some("nl"), Some("fr"))
    );

    let show = ledger.ok(&["account", "show", "M001"]);
    assert!(show.contains("Zoë Durand") && show.contains("fr"), "{show}");
    assert!(ledger.ok(&["balance"]).contains("Zoë Durand"));
    // The counterparty's history and statement name the member anew.
    let history = ledger.ok(&["history", "M003"]);
    assert!(
        history.contains("Zoë Durand") && !history.contains(LATIN),
        "{history}"
    );
    let statement = in_december(
        &ledger,
        &[
            "statement",
            "M003",
            "--month",
            "2026-11",
            "--format",
            "text",
            "--out",
            "-",
        ],
    );
    assert!(
        statement.contains("Zoë Durand") && !statement.contains(LATIN),
        "{statement}"
    );
    // Her own statement is now in French.
    let own = in_december(
        &ledger,
        &[
            "statement",
            "M001",
            "--month",
            "2026-11",
            "--format",
            "text",
            "--out",
            "-",
        ],
    );
    assert!(own.contains("novembre"), "{own}");

    // The history says who changed what, and when.
    let out = ledger.dir().join("data");
    ledger.ok(&["account", "data", "M001", "--out", out.to_str().unwrap()]);
    let data: Value = serde_json::from_slice(&file_bytes(&out.join("M001-data.json"))).unwrap();
    let history = data["profile_history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0]["field"], "display-name");
    assert_eq!(history[0]["changed_by"], "treasurer");
    assert_eq!(history[0]["old_value"], LATIN);
    assert_eq!(history[0]["new_value"], "Zoë Durand");
    assert!(history[0]["changed_at"]
        .as_str()
        .unwrap()
        .starts_with("2026-11-10"));
    ledger.assert_verifies();
}

#[test]
fn profile_changes_are_refused_clearly_and_change_nothing() {
    let ledger = community();
    ledger.refuses(
        &["account", "rename", "M404", "--name", "X"],
        REFUSED,
        &["no account M404"],
    );
    ledger.refuses(&["account", "rename", "M001", "--name", "  "], USAGE, &[]);
    ledger.refuses(
        &["account", "set-language", "M001", "dutch"],
        USAGE,
        &["dutch"],
    );
    ledger
        .run_env(
            &["account", "rename", "M001", "--name", "X Y"],
            &[("AKKER_PASSPHRASE", "wrong")],
        )
        .expect(REFUSED);
    assert!(ledger.ok(&["account", "show", "M001"]).contains(LATIN));
}

#[test]
fn an_erased_member_leaves_no_trace_in_the_file_or_any_output_and_the_books_still_verify() {
    let ledger = community();
    // An earlier name in the history, an offer, and issued statements.
    ledger.ok(&["account", "rename", "M002", "--name", ARABIC]);
    ledger.ok(&[
        "offer",
        "add",
        "M001",
        "offer",
        "Fietsen herstellen",
        "--work",
        "practical",
    ]);
    in_december(
        &ledger,
        &["statements", "--month", "2026-11", "--out", "papers"],
    );
    let names = [LATIN, ARABIC, ARABIC_OLD];
    let before: Vec<u8> = ledger_files(&ledger)
        .into_iter()
        .flat_map(|(_, b)| b)
        .collect();
    assert!(
        contains(&before, LATIN) && contains(&before, ARABIC_OLD),
        "the names were there"
    );
    let balances_before = balances(&ledger);

    // A reader keeps the ledger open (as the kiosk would), so the -wal
    // file is still there to be searched after the command ends.
    let reader = ledger.sqlite();
    let _: i64 = reader
        .query_row("SELECT COUNT(*) FROM accounts", [], |r| r.get(0))
        .unwrap();
    let run = ledger
        .run(&[
            "account",
            "erase",
            "M001",
            "--reason",
            "member left and asked",
        ])
        .expect(OK);
    assert!(
        run.stdout.contains("Erased the name and language of M001"),
        "{run}"
    );
    assert!(run.stdout.contains("Backups"), "{run}");
    ledger
        .run(&[
            "account",
            "erase",
            "M002",
            "--reason",
            "asked on 2026-11-09",
        ])
        .expect(OK);
    assert!(common::with_suffix(ledger.db(), "-wal").exists());
    for (what, bytes) in ledger_files(&ledger) {
        assert_absent(&what, &bytes, &names);
    }
    drop(reader);

    ledger.assert_verifies();
    assert_eq!(balances(&ledger), balances_before, "balances unchanged");

    // Every output shows the accounts by number.
    let dir = ledger.dir();
    let mut outputs: Vec<(String, Vec<u8>)> = Vec::new();
    for args in [
        vec!["balance"],
        vec!["account", "list"],
        vec!["account", "show", "M001"],
        vec!["history", "M001"],
        vec!["history", "M003"],
        vec!["tx", "list"],
        vec!["offer", "list"],
        vec!["--json", "balance"],
        vec!["--json", "tx", "list"],
        vec!["export", "hledger"],
        vec!["export", "beancount"],
        vec!["export", "json"],
    ] {
        outputs.push((args.join(" "), ledger.ok(&args).into_bytes()));
    }
    for account in ["M001", "M002", "M003"] {
        for format in ["text", "html"] {
            let args = [
                "statement",
                account,
                "--month",
                "2026-11",
                "--format",
                format,
                "--out",
                "-",
            ];
            outputs.push((args.join(" "), in_december(&ledger, &args).into_bytes()));
        }
    }
    ledger.ok(&["export", "csv", "--out", "csv"]);
    for file in ["accounts.csv", "transactions.csv", "postings.csv"] {
        outputs.push((file.into(), file_bytes(&dir.join("csv").join(file))));
    }
    ledger.ok(&[
        "report",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--names",
        "--out",
        "report",
    ]);
    for file in ["report.json", "report.html", "map.svg"] {
        outputs.push((file.into(), file_bytes(&dir.join("report").join(file))));
    }
    ledger.ok(&["account", "data", "M003", "--out", "data-m003"]);
    ledger.ok(&["account", "data", "M001", "--out", "data-m001"]);
    outputs.push((
        "data of M003".into(),
        file_bytes(&dir.join("data-m003/M003-data.json")),
    ));
    outputs.push((
        "data of M001".into(),
        file_bytes(&dir.join("data-m001/M001-data.json")),
    ));
    for (what, bytes) in &outputs {
        assert_absent(what, bytes, &names);
    }
    let list = ledger.ok(&["account", "list"]);
    assert!(
        list.lines()
            .any(|l| l.starts_with("M001") && l.matches("M001").count() == 2),
        "{list}"
    );
    let csv = String::from_utf8(file_bytes(&dir.join("csv/accounts.csv"))).unwrap();
    assert!(csv.contains("M001,M001,"), "{csv}");
    // The offer went with the profile; the history keeps only the fact.
    assert!(!ledger.ok(&["offer", "list"]).contains("Fietsen"));
    let data: Value =
        serde_json::from_slice(&file_bytes(&dir.join("data-m001/M001-data.json"))).unwrap();
    assert_eq!(data["account"]["display_name"], Value::Null);
    let history = data["profile_history"].as_array().unwrap();
    assert_eq!(history.last().unwrap()["field"], "erased");
    assert!(history
        .iter()
        .all(|h| h["old_value"].is_null() && h["new_value"].is_null()));
    // For good: an erased account cannot be given a name again.
    ledger.refuses(
        &["account", "rename", "M001", "--name", "Someone"],
        REFUSED,
        &["erased"],
    );
    for (what, bytes) in ledger_files(&ledger) {
        assert_absent(&what, &bytes, &names);
    }
}

#[test]
fn an_erasure_reason_that_names_the_member_is_refused() {
    let ledger = community();
    let before = ledger.snapshot();
    ledger.refuses(
        &["account", "erase", "M001", "--reason", "zoë asked"],
        REFUSED,
        &["the reason names the member"],
    );
    assert_eq!(ledger.snapshot(), before);
    assert!(ledger.ok(&["account", "show", "M001"]).contains(LATIN));
}

#[test]
fn closed_accounts_are_counted_and_erased_after_a_date() {
    let ledger = Ledger::new_at("2026-03-01T10:00:00Z");
    ledger.open("M001", "Anna Claes");
    ledger.open("M002", "Bram Maes");
    ledger.open("M003", "Chris Wouters");
    ledger.ok(&["account", "close", "M001", "--reason", "moved away"]);
    let later = ledger.at("2026-09-01T10:00:00Z");
    // Six months on: the treasurer confirms the computer's date once.
    later.ok(&["clock", "confirm", "--date", "2026-09-01"]);
    later.ok(&["account", "close", "M002", "--reason", "moved away"]);
    let balance = later.ok(&["balance"]);
    assert!(
        balance.contains("2 closed accounts still hold a name"),
        "{balance}"
    );
    let report = later.ok(&[
        "report",
        "--from",
        "2026-01-01",
        "--to",
        "2026-08-31",
        "--out",
        "report",
    ]);
    assert!(
        report.contains("2 closed accounts still hold a name"),
        "{report}"
    );

    let dry = later.ok(&[
        "account",
        "erase",
        "--closed-before",
        "2026-06-01",
        "--dry-run",
    ]);
    assert!(dry.contains("M001") && !dry.contains("M002"), "{dry}");
    assert!(later
        .ok(&["account", "show", "M001"])
        .contains("Anna Claes"));

    let run = later.ok(&[
        "account",
        "erase",
        "--closed-before",
        "2026-06-01",
        "--reason",
        "retention period",
    ]);
    assert!(
        run.contains("Erased the name and language of M001"),
        "{run}"
    );
    assert!(!later.ok(&["account", "show", "M001"]).contains("Anna"));
    assert!(later.ok(&["account", "show", "M002"]).contains("Bram Maes"));
    assert!(later
        .ok(&["account", "show", "M003"])
        .contains("Chris Wouters"));
    let balance = later.ok(&["balance"]);
    assert!(
        balance.contains("1 closed account still holds a name"),
        "{balance}"
    );
    let none = later.ok(&[
        "account",
        "erase",
        "--closed-before",
        "2026-06-01",
        "--reason",
        "again",
    ]);
    assert!(
        none.contains("No account closed before 2026-06-01"),
        "{none}"
    );
    assert!(
        !common::with_suffix(later.db(), "-wal").exists()
            || !contains(
                &file_bytes(&common::with_suffix(later.db(), "-wal")),
                "Anna Claes"
            )
    );
    assert!(!contains(&file_bytes(later.db()), "Anna Claes"));
    later.assert_verifies();
}

#[test]
fn a_members_data_export_holds_every_transaction_and_no_other_members_name() {
    let ledger = community();
    // A description that names another member (the warning is tested
    // below): the export shows that member by number.
    ledger.ok(&[
        "pay",
        "M003",
        "M001",
        "1",
        "--work",
        "care",
        "--what",
        "Soep met Jan gekookt",
        "--treasurer",
    ]);
    ledger.ok(&[
        "offer",
        "add",
        "M001",
        "request",
        "Hulp met papieren",
        "--work",
        "practical",
    ]);
    ledger.ok(&["account", "data", "M001", "--out", "out"]);
    let dir = ledger.dir().join("out");
    let json_bytes = file_bytes(&dir.join("M001-data.json"));
    let data: Value = serde_json::from_slice(&json_bytes).unwrap();
    let history = ledger.json(&["history", "M001"]);
    let seqs: Vec<i64> = ledger
        .transactions()
        .iter()
        .filter(|t| {
            t["postings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["account"] == "M001")
        })
        .map(|t| t["seq"].as_i64().unwrap())
        .collect();
    let exported: Vec<i64> = data["transactions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["seq"].as_i64().unwrap())
        .collect();
    assert_eq!(
        exported, seqs,
        "every transaction of M001, in order\n{history}"
    );
    assert_eq!(data["account"]["display_name"], LATIN);
    assert_eq!(data["offers"][0]["what"], "Hulp met papieren");
    assert_eq!(data["account_events"][0]["entry_type"], "account-opened");
    let text = String::from_utf8(json_bytes).unwrap();
    for other in [ARABIC_OLD, OTHER, "Jan"] {
        assert!(!text.contains(other), "{other} in the export");
    }
    assert!(text.contains("Soep met M003 gekookt"), "{text}");
    let pdf = file_bytes(&dir.join("M001-data.pdf"));
    assert!(pdf.starts_with(b"%PDF"));

    // Only into a new or empty folder, and nothing for an unknown account.
    ledger.refuses(
        &["account", "data", "M001", "--out", "out"],
        REFUSED,
        &["not empty"],
    );
    ledger.refuses(
        &["account", "data", "M404", "--out", "nothing"],
        REFUSED,
        &["M404"],
    );
    assert!(!ledger.dir().join("nothing").exists());
}

#[test]
fn a_name_in_a_payments_text_or_an_imported_line_is_warned_about_and_still_recorded() {
    let ledger = community();
    let run = ledger
        .run(&[
            "pay",
            "M001",
            "M003",
            "1",
            "--work",
            "care",
            "--what",
            "Boodschappen voor JAN",
            "--treasurer",
        ])
        .expect(OK);
    assert!(
        run.stderr.contains("warning") && run.stderr.contains("M003"),
        "{run}"
    );
    assert!(run.stdout.contains("Recorded"), "{run}");
    let plain = ledger
        .run(&[
            "pay",
            "M001",
            "M003",
            "1",
            "--work",
            "care",
            "--what",
            "Boodschappen",
            "--treasurer",
        ])
        .expect(OK);
    assert!(plain.stderr.is_empty(), "{plain}");
    // Arabic names are found too, whole words only.
    let arabic = ledger
        .run(&[
            "pay",
            "M003",
            "M002",
            "1",
            "--work",
            "care",
            "--what",
            "مساعدة فاطمة في المطبخ",
            "--slip",
            "S-9",
        ])
        .expect(OK);
    assert!(arabic.stderr.contains("M002"), "{arabic}");

    let file = ledger.dir().join("exchanges.csv");
    std::fs::write(
        &file,
        "date,from,to,amount,work,description\n2026-11-05,M001,M003,1,care,Tuin\n2026-11-06,M003,M001,1,care,Met Zoë gekookt\n",
    )
    .unwrap();
    let import = ledger
        .run(&["import", "exchanges", file.to_str().unwrap()])
        .expect(OK);
    assert!(
        import.stderr.contains("exchanges.csv:3") && import.stderr.contains("M001"),
        "{import}"
    );
    assert!(!import.stderr.contains("exchanges.csv:2"), "{import}");
}

#[test]
fn the_privacy_notice_is_one_page_in_each_language_with_the_communitys_name() {
    let ledger = Ledger::with_init(&["--community", "Buurtuur Vorst"]);
    for (lang, word) in [
        ("en", "What you can ask"),
        ("nl", "Wat je kunt vragen"),
        ("fr", "Ce que vous pouvez demander"),
        ("tr", "Neler isteyebilirsiniz"),
        ("ar", "ما يمكنك أن تطلبه"),
    ] {
        let text = ledger.ok(&["privacy-notice", "--lang", lang, "--out", "-"]);
        assert!(
            text.contains("Buurtuur Vorst") && text.contains(word),
            "{lang}: {text}"
        );
        let out = format!("notice-{lang}.pdf");
        ledger.ok(&["privacy-notice", "--lang", lang, "--out", &out]);
        let pdf = lopdf::Document::load_mem(&file_bytes(&ledger.dir().join(&out))).unwrap();
        assert_eq!(pdf.get_pages().len(), 1, "{lang}: one page");
    }
}

/// No command asks for an identity document or a national number: their
/// help (every command and subcommand) never mentions one.
#[test]
fn no_command_asks_for_an_identity_document_or_a_national_number() {
    let ledger = Ledger::without_file();
    let forbidden = [
        "passport",
        "identity card",
        "identity document",
        "id card",
        "national number",
        "national register",
        "rijksregister",
        "social security",
        "residence permit",
        "date of birth",
        "birth date",
        "nationality",
    ];
    let mut commands: Vec<Vec<String>> = vec![vec![]];
    let mut seen = 0;
    while let Some(command) = commands.get(seen).cloned() {
        seen += 1;
        let mut args: Vec<&str> = command.iter().map(String::as_str).collect();
        args.push("--help");
        let help = ledger.run(&args).expect(OK).stdout;
        let lower = help.to_lowercase();
        for word in forbidden {
            assert!(
                !lower.contains(word),
                "`akker {}` mentions {word}",
                command.join(" ")
            );
        }
        // Subcommands are listed under "Commands:", two spaces in.
        let Some(list) = help.split("Commands:\n").nth(1) else {
            continue;
        };
        for line in list.lines().take_while(|l| !l.trim().is_empty()) {
            let Some(name) = line
                .strip_prefix("  ")
                .and_then(|l| l.split_whitespace().next())
            else {
                continue;
            };
            if name != "help" && !line.starts_with("   ") {
                let mut sub = command.clone();
                sub.push(name.to_string());
                commands.push(sub);
            }
        }
    }
    assert!(seen > 25, "only {seen} commands were checked");
}

#[test]
fn the_retention_period_in_the_signed_settings_picks_the_date_and_the_notice_says_it() {
    let ledger = Ledger::new_at("2026-01-10T10:00:00Z");
    ledger.open("M001", "Anna Claes");
    ledger.open("M002", "Bram Maes");
    ledger.ok(&["account", "close", "M001", "--reason", "moved away"]);
    let later = ledger.at("2026-05-10T10:00:00Z");
    // Four months on: the treasurer confirms the computer's date once.
    later.ok(&["clock", "confirm", "--date", "2026-05-10"]);
    later.ok(&["account", "close", "M002", "--reason", "moved away"]);
    later.refuses(
        &[
            "account",
            "erase",
            "--closed-before",
            "--reason",
            "retention period",
        ],
        USAGE,
        &[
            "no retention period",
            "settings set privacy.retention-months",
        ],
    );
    later.ok(&["settings", "set", "privacy.retention-months", "3"]);
    let balance = later.ok(&["balance"]);
    assert!(
        balance.contains(
            "2 closed accounts still hold a name; 1 of them closed more than 3 months ago"
        ),
        "{balance}"
    );
    let run = later.ok(&[
        "account",
        "erase",
        "--closed-before",
        "--reason",
        "retention period",
    ]);
    assert!(
        run.contains("closed before 2026-02-10")
            && run.contains("Erased the name and language of M001"),
        "{run}"
    );
    assert!(!run.contains("M002"), "{run}");
    assert!(later.ok(&["account", "show", "M002"]).contains("Bram Maes"));

    later.ok(&["settings", "set", "treasurer.name", "Karim"]);
    later.ok(&["settings", "set", "treasurer.contact", "0470 12 34 56"]);
    let notice = later.ok(&["privacy-notice", "--lang", "en", "--out", "-"]);
    assert!(
        notice.contains("Ask the treasurer (Karim): 0470 12 34 56."),
        "{notice}"
    );
    assert!(
        notice.contains("for 3 months after it is closed"),
        "{notice}"
    );
    later.assert_verifies();
}

#[test]
fn an_erasure_while_another_program_reads_says_so_and_a_second_run_cleans_the_file() {
    let ledger = community();
    let reader = ledger.sqlite();
    // A read transaction left open, as a kiosk page in the middle of a
    // query would: the -wal file cannot be emptied meanwhile.
    reader
        .execute_batch("BEGIN; SELECT COUNT(*) FROM account_profiles;")
        .unwrap();
    // The erasure is done, the cleaning is not: exit 1, and what to do.
    let run = ledger
        .run(&["account", "erase", "M001", "--reason", "left"])
        .expect(REFUSED)
        .says(&[
            "the data was erased, but another program",
            "run `akker account erase M001",
        ]);
    assert!(!run.stdout.contains("rebuilt"), "{run}");
    reader.execute_batch("COMMIT").unwrap();
    assert!(!ledger.ok(&["account", "show", "M001"]).contains(LATIN));
    let again = ledger.ok(&["account", "erase", "M001", "--reason", "left"]);
    assert!(
        again.contains("M001 was erased before; the file was cleaned again"),
        "{again}"
    );
    for (what, bytes) in ledger_files(&ledger) {
        assert_absent(&what, &bytes, &[LATIN]);
    }
    drop(reader);
    ledger.assert_verifies();
}
