//! Importing the treasurer's spreadsheets: every mistake in a file is
//! reported with its line and column and nothing is written; Belgian
//! semicolon files with a BOM and decimal commas import; limits apply as
//! the ledger evolves line by line unless historic balances are allowed.

mod support_interchange;

use std::path::Path;

use support_interchange::*;

/// What a ledger looks like from outside: its chain head and balances.
fn state(db: &Path) -> (String, std::collections::BTreeMap<String, i64>) {
    (chain_head(db), balances(db))
}

/// Asserts that the refusal names `line`, `column` (if any) and `words`.
fn assert_reported(stderr: &str, line: u64, column: Option<&str>, words: &str) {
    let prefix = match column {
        Some(column) => format!("  line {line}, column {column}: "),
        None => format!("  line {line}: "),
    };
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with(&prefix) && l.contains(words)),
        "no report '{prefix}...{words}...' in:\n{stderr}"
    );
}

#[test]
fn every_mistake_in_an_exchanges_file_is_reported_and_nothing_is_written() {
    let dir = Dir::new();
    let demo = dir.demo();
    let mut file = b"date,from,to,amount,work,skill,description\n".to_vec();
    file.extend_from_slice(b"2026-05-01,M001,M002,1.50,care,cooking,a good line\n"); // 2
    file.extend_from_slice(b"2026-05-01,M999,M002,1.50,care,,unknown account\n"); // 3
    file.extend_from_slice(b"2026-05-01,M001,M002,anderhalf,care,,bad amount\n"); // 4
    file.extend_from_slice(b"2026-05-01,M001,M002,1.505,care,,three decimals\n"); // 5
    file.extend_from_slice(b"2026-02-30,M001,M002,1,care,,bad date\n"); // 6
    file.extend_from_slice(b"2026-05-01,M001,M002,1,care\n"); // 7: too few columns
    file.extend_from_slice(b"2026-05-01,M001,M002,1,care,,caf\xe9 in Latin-1\n"); // 8
    file.extend_from_slice(b"2026-05-01,M001,M002,80,care,,over the limit\n"); // 9
    file.extend_from_slice(b"2026-05-01,M001,M002,1,cooking,,bad kind of work\n"); // 10
    file.extend_from_slice(b"2026-05-01,M001,M002,1,care,,\n"); // 11: empty description
    file.extend_from_slice(b"2099-05-01,M001,M002,1,care,,in the future\n"); // 12
    file.extend_from_slice(b"2026-05-01,M001,M001,1,care,,pays itself\n"); // 13
    let path = dir.write("mistakes.csv", &file);
    let before = state(&demo);

    let stderr = refused(&akker(
        &demo,
        &["import", "exchanges", path.to_str().unwrap()],
    ));
    assert_reported(&stderr, 3, Some("from"), "no account M999");
    assert_reported(&stderr, 4, Some("amount"), "not an amount");
    assert_reported(&stderr, 5, Some("amount"), "more than two decimals");
    assert_reported(&stderr, 6, Some("date"), "not a date");
    assert_reported(&stderr, 7, None, "columns but the header has 7");
    assert_reported(&stderr, 8, Some("description"), "not UTF-8");
    assert_reported(&stderr, 9, Some("amount"), "--allow-over-limits REASON");
    assert_reported(&stderr, 10, Some("work"), "not a kind of work");
    assert_reported(&stderr, 11, Some("description"), "empty");
    assert_reported(&stderr, 12, Some("date"), "outside the years akker accepts");
    assert_reported(&stderr, 13, Some("to"), "same account");
    assert!(
        !stderr.contains("line 2"),
        "the good line is not a mistake:\n{stderr}"
    );
    assert!(stderr.contains("nothing was recorded"), "{stderr}");
    assert_eq!(state(&demo), before, "nothing was written");
}

#[test]
fn every_mistake_in_an_accounts_file_is_reported_and_nothing_is_written() {
    let dir = Dir::new();
    let demo = dir.demo();
    let mut file = b"id,name,kind,language,floor,ceiling\n".to_vec();
    file.extend_from_slice("M100,Zoë,person,fr,,\n".as_bytes()); // 2
    file.extend_from_slice(b"M101,,person,nl,,\n"); // 3: empty name
    file.extend_from_slice(b"M100,Again,person,nl,,\n"); // 4: duplicate in the file
    file.extend_from_slice(b"M001,Exists,person,nl,,\n"); // 5: already in the ledger
    file.extend_from_slice(b"M 102,Space,person,nl,,\n"); // 6: bad id
    file.extend_from_slice(b"M103,Alien,martian,nl,,\n"); // 7: bad kind
    file.extend_from_slice(b"M104,Short\n"); // 8: too few columns
    file.extend_from_slice(b"M105,Ren\xe9e,person,fr,,\n"); // 9: not UTF-8
    file.extend_from_slice(b"M106,Floor,person,nl,5,40\n"); // 10: floor above zero
    file.extend_from_slice(b"M107,Lang,person,klingon,,\n"); // 11: bad language
    file.extend_from_slice(b"M108,Amount,person,nl,-1.005,\n"); // 12: three decimals
    let path = dir.write("accounts.csv", &file);
    let before = state(&demo);

    let stderr = refused(&akker(
        &demo,
        &["import", "accounts", path.to_str().unwrap()],
    ));
    assert_reported(&stderr, 3, Some("name"), "empty");
    assert_reported(&stderr, 4, Some("id"), "already on line 2");
    assert_reported(&stderr, 5, Some("id"), "already exists");
    assert_reported(&stderr, 6, Some("id"), "not a valid account id");
    assert_reported(&stderr, 7, Some("kind"), "not an account kind");
    assert_reported(&stderr, 8, None, "columns but the header has 6");
    assert_reported(&stderr, 9, Some("name"), "not UTF-8");
    assert_reported(&stderr, 10, Some("floor"), "above zero");
    assert_reported(&stderr, 11, Some("language"), "not a language code");
    assert_reported(&stderr, 12, Some("floor"), "more than two decimals");
    assert_eq!(state(&demo), before, "nothing was written");
}

#[test]
fn the_json_report_lists_each_problem_with_its_line_and_column() {
    let dir = Dir::new();
    let demo = dir.demo();
    let path = dir.write(
        "one.csv",
        b"date,from,to,amount,work,description\n2026-05-01,M001,M002,1.505,care,x\n",
    );
    let output = akker(
        &demo,
        &["--json", "import", "exchanges", path.to_str().unwrap()],
    );
    refused(&output);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["recorded"], false);
    assert_eq!(report["problems"][0]["line"], 2);
    assert_eq!(report["problems"][0]["column"], "amount");
}

#[test]
fn a_belgian_semicolon_file_with_bom_and_decimal_commas_imports() {
    let dir = Dir::new();
    let db = dir.init("be.db");
    let accounts = "\u{feff}Id;Name;Kind;Language\r\nM001;Zoë Lefèvre;person;fr\r\nM002;فاطمة الزهراء;person;ar\r\nSYS-FUND;Gemeenschapsfonds;system;nl\r\n";
    ok(&akker(
        &db,
        &[
            "import",
            "accounts",
            dir.write("leden.csv", accounts.as_bytes())
                .to_str()
                .unwrap(),
        ],
    ));
    let exchanges = "\u{feff}Date;From;To;Amount;Work;Skill;Description\r\n\
                     03/03/2026;M001;M002;1,50;care;Child care;Op de kinderen gepast\r\n\
                     04/03/2026;M002;M001;0,25;practical;;\"Fiets; band hersteld\"\r\n\
                     ;;;;;;\r\n";
    let path = dir.write("uitwisselingen.csv", exchanges.as_bytes());
    let dry = ok(&akker(
        &db,
        &["import", "exchanges", path.to_str().unwrap(), "--dry-run"],
    ));
    assert!(dry.contains("nothing was written"), "{dry}");
    assert_eq!(verified_transactions(&db), 0, "a dry run writes nothing");
    ok(&akker(
        &db,
        &["import", "exchanges", path.to_str().unwrap()],
    ));
    let balances = balances(&db);
    assert_eq!(balances["M001"], -125);
    assert_eq!(balances["M002"], 125);
    let txs = json(&db, &["tx", "list"]);
    assert_eq!(txs[0]["skill"], "child-care");
    assert_eq!(txs[1]["description"], "Fiets; band hersteld");
    assert_eq!(txs[0]["slip"], "uitwisselingen.csv:2");
    assert_eq!(txs[0]["signer_role"], "treasurer");
    assert_eq!(verified_transactions(&db), 2);
}

#[test]
fn the_same_file_is_not_imported_twice() {
    let dir = Dir::new();
    let demo = dir.demo();
    let path = dir.write(
        "slips.csv",
        b"date,from,to,amount,work,description\n2026-05-01,M001,M002,0.50,care,x\n",
    );
    ok(&akker(
        &demo,
        &["import", "exchanges", path.to_str().unwrap()],
    ));
    let before = state(&demo);
    let stderr = refused(&akker(
        &demo,
        &["import", "exchanges", path.to_str().unwrap()],
    ));
    assert!(stderr.contains("imported before"), "{stderr}");
    assert_eq!(state(&demo), before);
}

#[test]
fn limits_follow_the_ledger_line_by_line_and_historic_balances_can_be_allowed() {
    let dir = Dir::new();
    let db = dir.init("limits.db");
    let accounts = dir.write("a.csv", b"id,name\nM1,Ann\nM2,Ben\n");
    ok(&akker(
        &db,
        &["import", "accounts", accounts.to_str().unwrap()],
    ));
    // 15 + 10 stays within M1's floor of -20 on its own, not together.
    let file = b"date,from,to,amount,work,description\n2026-05-01,M1,M2,15,care,first\n2026-05-02,M1,M2,10,care,second\n";
    let path = dir.write("history.csv", file);
    let stderr = refused(&akker(
        &db,
        &["import", "exchanges", path.to_str().unwrap()],
    ));
    assert_reported(
        &stderr,
        3,
        Some("amount"),
        "M1 would go to -25.00, below its floor of -20.00",
    );
    assert!(!stderr.contains("line 2"), "{stderr}");
    ok(&akker(
        &db,
        &[
            "import",
            "exchanges",
            path.to_str().unwrap(),
            "--allow-over-limits",
            "balances from the old paper ledger",
        ],
    ));
    let txs = json(&db, &["tx", "list"]);
    assert!(
        txs[0]["override_reason"].is_null(),
        "only the line that needs it is an override"
    );
    assert_eq!(
        txs[1]["override_reason"],
        "balances from the old paper ledger"
    );
    assert_eq!(balances(&db)["M1"], -2500);
    verified_transactions(&db);
}

#[test]
fn lines_with_the_same_tx_are_one_transaction_and_a_reversal_must_undo_it() {
    let dir = Dir::new();
    let demo = dir.demo();
    let file = "tx,date,from,to,amount,work,description,reverses,reason\n\
                a,2026-05-01,INIT-REPAIRCAFE,M001,1,practical,Repair Café,,\n\
                a,2026-05-01,INIT-REPAIRCAFE,M002,2,practical,Repair Café,,\n\
                b,2026-05-03,M001,INIT-REPAIRCAFE,1,practical,Reversal,a,wrong day\n";
    let stderr = refused(&akker(
        &demo,
        &[
            "import",
            "exchanges",
            dir.write("group.csv", file.as_bytes()).to_str().unwrap(),
        ],
    ));
    assert_reported(&stderr, 4, Some("reverses"), "do not undo transaction 'a'");
    let file =
        format!("{file}b,2026-05-03,M002,INIT-REPAIRCAFE,2,practical,Reversal,a,wrong day\n");
    let before = verified_transactions(&demo);
    ok(&akker(
        &demo,
        &[
            "import",
            "exchanges",
            dir.write("group2.csv", file.as_bytes()).to_str().unwrap(),
        ],
    ));
    assert_eq!(verified_transactions(&demo), before + 2);
    let txs = json(&demo, &["tx", "list", "--last", "2"]);
    assert_eq!(
        txs[0]["postings"].as_array().unwrap().len(),
        3,
        "one payer, two payees"
    );
    assert_eq!(txs[1]["reverses"], txs[0]["seq"]);
    assert_eq!(txs[1]["reversal_reason"], "wrong day");
}

#[test]
fn opening_balances_are_one_transaction_against_a_system_account() {
    let dir = Dir::new();
    let db = dir.init("moving.db");
    let accounts = dir.write(
        "a.csv",
        b"id,name,kind\nM1,Ann,person\nM2,Ben,person\nM3,Cleo,person\nSYS-FUND,Fonds,system\n",
    );
    ok(&akker(
        &db,
        &["import", "accounts", accounts.to_str().unwrap()],
    ));
    let file = dir.write("saldi.csv", b"account;balance\nM1;12,50\nM2;-3\nM3;0\n");
    let stderr = refused(&akker(
        &db,
        &[
            "import",
            "opening-balances",
            file.to_str().unwrap(),
            "--against",
            "M3",
        ],
    ));
    assert!(stderr.contains("system account"), "{stderr}");
    ok(&akker(
        &db,
        &[
            "import",
            "opening-balances",
            file.to_str().unwrap(),
            "--against",
            "SYS-FUND",
            "--date",
            "2026-01-01",
        ],
    ));
    let balances = balances(&db);
    assert_eq!(
        (
            balances["M1"],
            balances["M2"],
            balances["M3"],
            balances["SYS-FUND"]
        ),
        (1250, -300, 0, -950)
    );
    let txs = json(&db, &["tx", "list"]);
    assert_eq!(txs.as_array().unwrap().len(), 1);
    assert_eq!(txs[0]["date"], "2026-01-01");
    assert_eq!(verified_transactions(&db), 1);
}

#[test]
fn opening_balances_beyond_limits_need_a_reason() {
    let dir = Dir::new();
    let db = dir.init("moving.db");
    let accounts = dir.write(
        "a.csv",
        b"id,name,kind\nM1,Ann,person\nM2,Ben,person\nSYS-FUND,Fonds,system\n",
    );
    ok(&akker(
        &db,
        &["import", "accounts", accounts.to_str().unwrap()],
    ));
    let file = dir.write("saldi.csv", b"account,balance\nM1,55\nM2,-30\n");
    let stderr = refused(&akker(
        &db,
        &[
            "import",
            "opening-balances",
            file.to_str().unwrap(),
            "--against",
            "SYS-FUND",
        ],
    ));
    assert_reported(&stderr, 2, Some("balance"), "above its ceiling of 40.00");
    assert_reported(&stderr, 3, Some("balance"), "below its floor of -20.00");
    ok(&akker(
        &db,
        &[
            "import",
            "opening-balances",
            file.to_str().unwrap(),
            "--against",
            "SYS-FUND",
            "--allow-over-limits",
            "carried over",
        ],
    ));
    assert_eq!(
        json(&db, &["tx", "list"])[0]["override_reason"],
        "carried over"
    );
}

#[test]
fn an_export_is_not_imported_back_into_its_own_ledger() {
    let dir = Dir::new();
    let demo = dir.demo();
    let out = dir.path("out");
    ok(&akker(
        &demo,
        &["export", "csv", "--out", out.to_str().unwrap()],
    ));
    let before = state(&demo);
    let stderr = refused(&akker(
        &demo,
        &[
            "import",
            "exchanges",
            out.join("transactions.csv").to_str().unwrap(),
        ],
    ));
    assert_reported(&stderr, 2, Some("entry_hash"), "of this very ledger");
    assert_eq!(state(&demo), before, "nothing was counted twice");
}
