//! Issue 16 on the real binary: a failed command has written nothing, the
//! same import started twice is recorded once, spreadsheets in the
//! treasurer's language, exports that cannot be turned against their
//! reader, text that cannot lie about itself, and one bound for amounts
//! and dates. Each refusal is checked for its exit status, its message,
//! and a ledger that is byte-for-byte unchanged (`Ledger::refuses`).

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Datelike, Months, Utc};
use common::*;

const PIN: &str = "4821";

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// Files in `dir` whose names show an unfinished write.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(".akker-tmp-") || n.contains(".partial"))
                .collect()
        })
        .unwrap_or_default()
}

/// The month before this one, which has ended (statements need that).
fn last_month() -> String {
    let date = Utc::now().date_naive() - Months::new(1);
    format!("{:04}-{:02}", date.year(), date.month())
}

fn two_members() -> Ledger {
    let ledger = Ledger::new();
    ledger.open("M001", "Zoë Peeters");
    ledger.open("M002", "Ahmed El Amrani");
    ledger.pay("M001", &[("M002", "1.50")]);
    ledger
}

// ---- 1. A failed command has written nothing ---------------------------

#[test]
fn card_issue_with_a_bad_out_records_no_card() {
    let ledger = two_members();
    let file = ledger.dir().join("cards-file");
    std::fs::write(&file, b"not a folder").unwrap();
    ledger.refuses_env(
        &["card", "issue", "M001", "--out", path(&file)],
        &[("AKKER_PIN", PIN)],
        REFUSED,
        &["is a file, not a directory", "--out"],
    );
    // The image the new card would get is already there.
    let cards = ledger.dir().join("cards");
    std::fs::create_dir_all(&cards).unwrap();
    std::fs::write(cards.join("M001-card-1.svg"), b"<svg/>").unwrap();
    ledger.refuses_env(
        &["card", "issue", "M001", "--out", path(&cards)],
        &[("AKKER_PIN", PIN)],
        REFUSED,
        &["M001-card-1.svg already exists"],
    );
    std::fs::write(ledger.dir().join("a-file"), b"").unwrap();
    let missing = ledger.dir().join("a-file/inside");
    ledger.refuses_env(
        &["card", "issue", "M001", "--out", path(&missing)],
        &[("AKKER_PIN", PIN)],
        REFUSED,
        &["is a file, not a directory"],
    );
    // With a good folder the card is issued and its image written whole.
    let good = ledger.dir().join("new-cards");
    let run = ledger
        .run_env(
            &["card", "issue", "M001", "--out", path(&good)],
            &[("AKKER_PIN", PIN)],
        )
        .expect(OK);
    assert!(run.stdout.contains("Card code: M001/"), "{run}");
    assert!(good.join("M001-card-1.svg").exists());
    assert!(leftovers(&good).is_empty());
}

#[test]
fn attest_to_a_directory_or_an_existing_file_records_nothing() {
    let ledger = two_members();
    // An attested period must have ended: it ends yesterday.
    let today = (Utc::now().date_naive() - chrono::Days::new(1)).to_string();
    let args = |out: &str| {
        vec![
            "attest".to_string(),
            "M002".into(),
            "--from".into(),
            "2026-01-01".into(),
            "--to".into(),
            today.clone(),
            "--format".into(),
            "text".into(),
            "--out".into(),
            out.to_string(),
        ]
    };
    let dir = ledger.dir().join("papers");
    std::fs::create_dir_all(&dir).unwrap();
    let a = args(path(&dir));
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    ledger.refuses(&a, REFUSED, &["is a directory", "--out"]);
    let existing = dir.join("attest.txt");
    std::fs::write(&existing, b"an earlier paper").unwrap();
    let a = args(path(&existing));
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    ledger.refuses(&a, REFUSED, &["already exists", "--force"]);
    assert_eq!(std::fs::read(&existing).unwrap(), b"an earlier paper");
    let missing = ledger.dir().join("no-such-folder/attest.txt");
    let a = args(path(&missing));
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    ledger.refuses(&a, REFUSED, &["does not exist", "no-such-folder"]);
    let mut forced = args(path(&existing));
    forced.push("--force".into());
    let forced: Vec<&str> = forced.iter().map(String::as_str).collect();
    ledger.run(&forced).expect(OK);
    assert!(std::fs::read_to_string(&existing).unwrap().contains("M002"));
    assert!(leftovers(&dir).is_empty());
}

#[test]
fn statement_and_statements_check_their_out_before_issuing_the_month() {
    let ledger = two_members();
    let month = last_month();
    let nowhere = ledger.dir().join("nowhere/M001.pdf");
    // Issuing the month is a signed entry: the snapshot proves none was made.
    ledger.refuses(
        &[
            "statement",
            "M001",
            "--month",
            &month,
            "--out",
            path(&nowhere),
        ],
        REFUSED,
        &["does not exist"],
    );
    let file = ledger.dir().join("a-file");
    std::fs::write(&file, b"").unwrap();
    ledger.refuses(
        &["statements", "--month", &month, "--out", path(&file)],
        REFUSED,
        &["is a file, not a directory"],
    );
    ledger.refuses(
        &[
            "report",
            "--from",
            "2026-01-01",
            "--to",
            "2026-01-31",
            "--out",
            path(&file),
        ],
        REFUSED,
        &["is a file, not a directory"],
    );
}

#[test]
fn exports_check_their_out_first_and_leave_no_temporary_file() {
    let ledger = two_members();
    let dir = ledger.dir().join("exports");
    std::fs::create_dir_all(&dir).unwrap();
    ledger.refuses(
        &["export", "hledger", "--out", path(&dir)],
        REFUSED,
        &["is a directory"],
    );
    let file = dir.join("books.json");
    std::fs::write(&file, b"keep me").unwrap();
    ledger.refuses(
        &["export", "csv", "--out", path(&file)],
        REFUSED,
        &["is a file, not a directory"],
    );
    ledger.refuses(
        &["export", "json", "--out", path(&file)],
        REFUSED,
        &["already exists", "--force"],
    );
    assert_eq!(std::fs::read(&file).unwrap(), b"keep me");
    // A temporary file a killed run left behind (its process is gone:
    // Linux PIDs stay below 2^22) is cleaned up by the next write.
    std::fs::write(dir.join(".akker-tmp-4194999-books.journal"), b"half").unwrap();
    ledger.ok(&[
        "export",
        "hledger",
        "--out",
        path(&dir.join("books.journal")),
    ]);
    ledger.ok(&["export", "csv", "--out", path(&dir.join("csv"))]);
    ledger.ok(&["export", "json", "--out", path(&file), "--force"]);
    assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
    assert!(leftovers(&dir.join("csv")).is_empty());
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert!(json.is_object() || json.is_array());
}

#[test]
fn statements_killed_while_writing_leave_only_whole_files() {
    let ledger = Ledger::demo_copy();
    let out = ledger.dir().join("killed");
    let month = last_month();
    for round in 0..3 {
        let mut child = ledger.spawn(&["statements", "--month", &month, "--out", path(&out)]);
        std::thread::sleep(std::time::Duration::from_millis(150 + 250 * round as u64));
        let _ = child.kill();
        let _ = child.wait();
        for entry in std::fs::read_dir(&out).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            assert!(!name.contains(".partial"), "{name} left behind");
            if name.ends_with(".pdf") {
                let bytes = std::fs::read(entry.path()).unwrap();
                let tail =
                    String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(64)..]).into_owned();
                assert!(tail.contains("%%EOF"), "{name} is cut short");
            }
        }
    }
    // O_TMPFILE leaves nothing; a named temporary of a dead run is gone
    // after the next run in the folder.
    ledger.ok(&["statements", "--month", &month, "--out", path(&out)]);
    assert!(leftovers(&out).is_empty(), "{:?}", leftovers(&out));
}

// ---- 2. The same import started twice is recorded once -----------------

#[test]
fn the_same_import_started_twice_at_once_is_recorded_once() {
    for round in 0..8 {
        let ledger = Ledger::new();
        ledger.open("M001", "Zoë");
        ledger.open("M002", "Ahmed");
        let file = ledger.dir().join("small.csv");
        std::fs::write(
            &file,
            "date,from,to,amount,work,description\n2026-10-01,M001,M002,1.50,care,Boodschappen\n\
             2026-10-02,M002,M001,0.75,practical,Fiets\n",
        )
        .unwrap();
        let args = ["import", "exchanges", path(&file)];
        let children = [ledger.spawn(&args), ledger.spawn(&args)];
        let outputs: Vec<_> = children
            .into_iter()
            .map(|c| c.wait_with_output().unwrap())
            .collect();
        let ok: Vec<_> = outputs
            .iter()
            .filter(|o| o.status.code() == Some(OK))
            .collect();
        let refused: Vec<_> = outputs
            .iter()
            .filter(|o| o.status.code() == Some(REFUSED))
            .collect();
        assert_eq!(
            (ok.len(), refused.len()),
            (1, 1),
            "round {round}: {outputs:?}"
        );
        let message = String::from_utf8_lossy(&refused[0].stderr);
        assert!(
            message.contains("already come from a file named small.csv"),
            "round {round}: {message}"
        );
        assert_eq!(ledger.transactions().len(), 2, "round {round}");
        ledger.assert_verifies();
    }
}

// ---- 3. Spreadsheets in the treasurer's language ----------------------

/// A file as a Belgian spreadsheet saves it: BOM, `;`, CRLF.
fn spreadsheet(lines: &[&str]) -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    for line in lines {
        bytes.extend_from_slice(line.as_bytes());
        bytes.extend_from_slice(b"\r\n");
    }
    bytes
}

/// Balances by plain sums of the file's lines: (from, to, "1,50").
fn plain_sums(lines: &[(&str, &str, &str)]) -> BTreeMap<String, i64> {
    let mut sums = BTreeMap::new();
    for (from, to, hours) in lines {
        let m = minor(&{
            let h = hours.replace(',', ".");
            match h.split_once('.') {
                Some((u, c)) => format!("{u}.{c:0<2}"),
                None => format!("{h}.00"),
            }
        });
        *sums.entry(from.to_string()).or_insert(0) -= m;
        *sums.entry(to.to_string()).or_insert(0) += m;
    }
    sums.retain(|_, sum| *sum != 0);
    sums
}

fn balances(ledger: &Ledger) -> BTreeMap<String, i64> {
    ledger.json(&["balance"])["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["account"].as_str().unwrap().to_string(),
                minor(a["balance"].as_str().unwrap()),
            )
        })
        .filter(|(_, b)| *b != 0)
        .collect()
}

#[test]
fn a_flemish_treasurers_files_import_unchanged() {
    let ledger = Ledger::new();
    let members = ledger.dir().join("leden.csv");
    std::fs::write(
        &members,
        spreadsheet(&[
            "Lidnummer;Naam;Taal;Soort",
            "M001;Zoë Peeters;nl;persoon",
            "M002;Fatima Zahra;ar;Persoon",
            "M003;Şükrü Öztürk;tr;persoon",
            "INIT-WV;Wereldvrouwen;nl;initiatief",
        ]),
    )
    .unwrap();
    ledger.ok(&["import", "accounts", path(&members)]);
    let flows = [
        ("M001", "M002", "1,5"),
        ("M002", "M003", "2,25"),
        ("INIT-WV", "M001", "3"),
        ("M003", "M001", "0,75"),
        ("INIT-WV", "M002", "1,50"),
    ];
    let exchanges = ledger.dir().join("uitwisselingen.csv");
    std::fs::write(
        &exchanges,
        spreadsheet(&[
            "Datum;Van (krijgt hulp);Aan (gaf hulp);Uren;Soort werk;Vaardigheid;Omschrijving",
            "03/10/2026;M001;M002;1,5;zorg;;Boodschappen gedaan",
            "04/10/2026;M002;M003;2,25;praktisch;Fietsherstel;\"Fiets hersteld,\r\nband en ketting\"",
            "05/10/2026;INIT-WV;M001;3;gemeenschap;;Soep voor het buurtfeest",
            "06/10/2026;M003;M001;0,75;zelfontplooiing;;Nederlandse les",
            "07/10/2026;INIT-WV;M002;1,50;Gemeenschap;koken;Koken voor de groep",
        ]),
    )
    .unwrap();
    let report = ledger.json(&["import", "exchanges", path(&exchanges)]);
    assert_eq!(report["entries"], 5, "{report}");
    // The note written on two lines in its cell is kept on one.
    let described: Vec<String> = ledger
        .transactions()
        .iter()
        .map(|t| t["description"].as_str().unwrap().to_string())
        .collect();
    assert!(
        described.contains(&"Fiets hersteld, band en ketting".to_string()),
        "{described:?}"
    );
    assert_eq!(balances(&ledger), plain_sums(&flows));
    let names: Vec<String> = ledger
        .json(&["account", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["kind"].as_str().unwrap().to_string())
        .collect();
    assert!(names.contains(&"initiative".to_string()), "{names:?}");
    ledger.assert_verifies();
}

#[test]
fn a_french_file_imports_unchanged() {
    let ledger = Ledger::new();
    let members = ledger.dir().join("membres.csv");
    std::fs::write(
        &members,
        spreadsheet(&[
            "Numéro;Nom;Langue;Type",
            "M010;Amélie Dubois;Français;personne",
            "M011;Karim Benali;fr;PERSONNE",
        ]),
    )
    .unwrap();
    ledger.ok(&["import", "accounts", path(&members)]);
    let exchanges = ledger.dir().join("echanges.csv");
    std::fs::write(
        &exchanges,
        spreadsheet(&[
            "Date;De;À;Heures;Type de travail;Compétence;Description",
            "01/11/2026;M010;M011;2,5;soins;;Garde d'enfants",
            "02/11/2026;M011;M010;1;Communauté;;Repas partagé",
            "03/11/2026;M010;M011;0,25;développement personnel;;Cours de couture",
            "04/11/2026;M011;M010;1,75;pratique;;Déménagement",
        ]),
    )
    .unwrap();
    ledger.ok(&["import", "exchanges", path(&exchanges)]);
    let flows = [
        ("M010", "M011", "2,5"),
        ("M011", "M010", "1"),
        ("M010", "M011", "0,25"),
        ("M011", "M010", "1,75"),
    ];
    assert_eq!(balances(&ledger), plain_sums(&flows));
}

#[test]
fn a_header_not_understood_names_each_unknown_column_and_the_expected_ones() {
    let ledger = two_members();
    let file = ledger.dir().join("raar.csv");
    std::fs::write(
        &file,
        spreadsheet(&[
            "Datum;Wie;Aan;Uren;Soort werk;Opmerking",
            "03/10/2026;M001;M002;1;zorg;x",
        ]),
    )
    .unwrap();
    let run = ledger.refuses(
        &["import", "exchanges", path(&file)],
        REFUSED,
        &[
            "no column 'from', 'description'",
            "'Wie', 'Opmerking'",
            "from (van",
        ],
    );
    assert!(run.stderr.contains("line 1"), "{run}");
}

#[test]
fn line_numbers_advice_and_zero_fit_the_spreadsheet() {
    let ledger = two_members();
    let file = ledger.dir().join("fouten.csv");
    std::fs::write(
        &file,
        spreadsheet(&[
            "Datum;Van;Aan;Uren;Soort werk;Omschrijving",
            "03/10/2026;M001;M002;1;zorg;\"twee\r\nregels\"",
            "04/10/2026;M001;M002;een;zorg;Boodschappen",
            "05/10/2026;M001;M002;0;zorg;Niets",
            "31/12/1899;M001;M002;1;zorg;Oud",
        ]),
    )
    .unwrap();
    let run = ledger.refuses(
        &["import", "exchanges", path(&file)],
        REFUSED,
        &[
            "line 3, column amount: 'een' is not an amount; write it like 1,50",
            "line 4, column amount: an amount must not be zero; write the hours",
            "line 5, column date",
            "outside the years",
        ],
    );
    assert!(!run.stderr.contains("1.50"), "{run}");
}

#[test]
fn import_json_has_each_key_once() {
    let ledger = two_members();
    let file = ledger.dir().join("een.csv");
    std::fs::write(
        &file,
        "date,from,to,amount,work,description\n2026-10-01,M001,M002,1.50,care,Boodschappen\n",
    )
    .unwrap();
    let run = ledger
        .run(&["--json", "import", "exchanges", path(&file)])
        .expect(OK);
    for key in [
        "\"file\"",
        "\"recorded\"",
        "\"first_seq\"",
        "\"last_seq\"",
        "\"entries\"",
    ] {
        assert_eq!(
            run.stdout.matches(key).count(),
            1,
            "{key} in {}",
            run.stdout
        );
    }
    assert_eq!(run.json()["first_seq"], run.json()["last_seq"]);
}

// ---- 4. Exports that cannot be turned against their reader ------------

#[test]
fn csv_cells_that_look_like_formulas_are_text_and_import_back_unchanged() {
    let ledger = Ledger::new();
    ledger.open("M001", "=HYPERLINK(\"http://x\";\"Zoë\")");
    ledger.open("M002", "@Ahmed");
    ledger.ok(&[
        "pay",
        "M001",
        "M002",
        "1.50",
        "--work",
        "care",
        "--what=-2 uur +1",
        "--slip",
        "=cmd|' /C calc'!A0",
    ]);
    let out = ledger.dir().join("csv");
    ledger.ok(&["export", "csv", "--out", path(&out)]);
    let accounts = std::fs::read_to_string(out.join("accounts.csv")).unwrap();
    assert!(accounts.contains("\"'=HYPERLINK("), "{accounts}");
    assert!(accounts.contains(",'@Ahmed,"), "{accounts}");
    assert!(
        accounts.contains(",-1.50\n") || accounts.contains(",-1.50\r\n"),
        "amounts stay numbers: {accounts}"
    );
    let transactions = std::fs::read_to_string(out.join("transactions.csv")).unwrap();
    assert!(transactions.contains("'-2 uur +1"), "{transactions}");
    assert!(transactions.contains("'=cmd|"), "{transactions}");
    for line in accounts.lines().chain(transactions.lines()) {
        for cell in line.split(',') {
            let cell = cell.trim_matches('"');
            assert!(
                !cell.starts_with(['=', '+', '@']),
                "a cell a spreadsheet runs: {cell}"
            );
        }
    }
    // Back into a new ledger, the text is what was typed.
    let copy = Ledger::new();
    copy.ok(&["import", "accounts", path(&out.join("accounts.csv"))]);
    copy.ok(&["import", "exchanges", path(&out.join("transactions.csv"))]);
    let list = copy.json(&["account", "list"]).to_string();
    assert!(
        list.contains("=HYPERLINK(") && !list.contains("'=HYPERLINK"),
        "{list}"
    );
    let tx = copy.transactions();
    assert_eq!(tx[0]["description"], "-2 uur +1");
}

// ---- 5. Text that cannot lie about itself ------------------------------

#[test]
fn direction_controls_and_invisible_characters_are_refused_everywhere() {
    let ledger = two_members();
    ledger.refuses(
        &["account", "add", "M003", "--name", "Ali\u{202E}evil"],
        USAGE,
        &[
            "U+202E (RIGHT-TO-LEFT OVERRIDE)",
            "character 4",
            "type the text again",
        ],
    );
    ledger.refuses(
        &["account", "add", "M003", "--name", " .-. "],
        USAGE,
        &["no letter or digit"],
    );
    let mut args = Ledger::pay_args("M001", &[("M002", "1")], "Hulp\u{200B}tuin");
    ledger.refuses(&args, USAGE, &["U+200B (ZERO WIDTH SPACE)", "description"]);
    args = Ledger::pay_args("M001", &[("M002", "1")], "Hulp");
    *args.last_mut().unwrap() = "";
    ledger.refuses(&args, USAGE, &["the slip reference is empty"]);
    ledger.refuses(
        &["offer", "add", "M001", "offer", "  ", "--work", "care"],
        USAGE,
        &["the offer or request is empty"],
    );
    ledger.refuses(
        &["account", "close", "M002", "--reason", "weg\u{2066}"],
        USAGE,
        &["U+2066 (LEFT-TO-RIGHT ISOLATE)", "reason"],
    );
    let file = ledger.dir().join("bidi.csv");
    std::fs::write(
        &file,
        "date,from,to,amount,work,description\n2026-10-01,M001,M002,1,care,Betaald \u{202D}01\u{202C}\n",
    )
    .unwrap();
    ledger.refuses(
        &["import", "exchanges", path(&file)],
        REFUSED,
        &[
            "line 2, column description",
            "U+202D (LEFT-TO-RIGHT OVERRIDE)",
        ],
    );
    // Writing needs the joiners inside words and emoji: they are kept.
    ledger.open("M004", "می\u{200C}خواهم 👩\u{200D}🍳");
}

#[test]
fn text_is_stored_in_nfc() {
    let ledger = Ledger::new();
    ledger.open("M001", "Zoe\u{0308} Lefe\u{0300}vre");
    let list = ledger.json(&["account", "list"]);
    assert_eq!(list[0]["display_name"], "Zoë Lefèvre", "{list}");
}

// ---- 6. Bounds are one rule everywhere ---------------------------------

#[test]
fn one_bound_for_every_amount_and_limit() {
    let ledger = two_members();
    for floor in [
        "-92233720368547758.08",
        "-92233720368547758.07",
        "-1000000.01",
    ] {
        ledger.refuses(
            &["account", "add", "M009", "--name", "Nora", "--floor", floor],
            USAGE,
            &["beyond the 1000000.00"],
        );
    }
    ledger.ok(&[
        "account", "add", "M009", "--name", "Nora", "--floor", "-1000000",
    ]);
    ledger.refuses(
        &Ledger::pay_args("M001", &[("M002", "10000.01")], "Te veel"),
        USAGE,
        &["10000.00 allowed in one posting"],
    );
}

#[test]
fn dates_before_1900_or_after_next_year_are_refused() {
    let ledger = two_members();
    for date in ["0000-01-01", "1899-12-31", "9999-01-01"] {
        let mut args = Ledger::pay_args("M001", &[("M002", "1")], "Oud");
        args.extend_from_slice(&["--date", date]);
        ledger.refuses(&args, USAGE, &["outside the years akker accepts (1900 to"]);
    }
}
