//! Moving out and in again: the demo ledger exported as CSV and imported
//! into a new ledger has the same balances, the same number of
//! transactions (reversals included, as reversals) and verifies. The JSON
//! export carries what an outside program needs to check every entry.

mod support_interchange;

use std::process::Command;

use sha2::{Digest, Sha256};
use support_interchange::*;

fn round_trip(excel: bool) {
    let dir = Dir::new();
    let demo = dir.demo();
    let out = dir.path("out");
    let mut export = vec!["export", "csv", "--out", out.to_str().unwrap()];
    if excel {
        export.push("--excel");
    }
    ok(&akker(&demo, &export));
    let new = dir.init("new.db");
    ok(&akker(
        &new,
        &[
            "import",
            "accounts",
            out.join("accounts.csv").to_str().unwrap(),
        ],
    ));
    ok(&akker(
        &new,
        &[
            "import",
            "exchanges",
            out.join("transactions.csv").to_str().unwrap(),
        ],
    ));

    assert_eq!(balances(&new), balances(&demo), "every balance comes back");
    assert_eq!(
        verified_transactions(&new),
        verified_transactions(&demo),
        "every transaction comes back"
    );
    let reversals = |db| {
        json(db, &["tx", "list"])
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| !t["reverses"].is_null())
            .count()
    };
    assert!(reversals(&demo) > 0, "the demo has reversals to carry over");
    assert_eq!(
        reversals(&new),
        reversals(&demo),
        "reversals come back as reversals"
    );
}

#[test]
fn demo_exported_as_csv_imports_into_a_new_ledger_with_the_same_books() {
    round_trip(false);
}

#[test]
fn the_excel_flavour_of_the_export_round_trips_too() {
    round_trip(true);
}

#[test]
fn an_imported_reversal_names_the_new_number_of_its_original() {
    let dir = Dir::new();
    let demo = dir.demo();
    let out = dir.path("out");
    ok(&akker(
        &demo,
        &["export", "csv", "--out", out.to_str().unwrap()],
    ));
    let new = dir.init("new.db");
    ok(&akker(
        &new,
        &[
            "import",
            "accounts",
            out.join("accounts.csv").to_str().unwrap(),
        ],
    ));
    ok(&akker(
        &new,
        &[
            "import",
            "exchanges",
            out.join("transactions.csv").to_str().unwrap(),
        ],
    ));
    let txs = json(&new, &["tx", "list"]);
    let reversal = txs
        .as_array()
        .unwrap()
        .iter()
        .find(|t| !t["reverses"].is_null())
        .expect("a reversal");
    let original = reversal["reverses"].as_i64().unwrap();
    let description = reversal["description"].as_str().unwrap();
    assert!(
        description.starts_with(&format!("Reversal of #{original}: ")),
        "{description}"
    );
    assert!(
        reversal["slip"]
            .as_str()
            .unwrap()
            .starts_with("transactions.csv:"),
        "{reversal}"
    );
}

#[test]
fn the_json_export_holds_every_signed_entry_and_its_chain() {
    let dir = Dir::new();
    let demo = dir.demo();
    let file = dir.path("ledger.json");
    ok(&akker(
        &demo,
        &["export", "json", "--out", file.to_str().unwrap()],
    ));
    let export: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let entries = export["entries"].as_array().unwrap();
    let report = json(&demo, &["verify"]);
    assert_eq!(entries.len() as i64, report["entries"].as_i64().unwrap());
    assert_eq!(export["chain_head"]["chain_hash"], report["chain_head"]);

    // The chain can be recomputed from the exported hashes and signatures
    // alone (docs/signing.md, "The hash chain").
    let mut chain = [0u8; 32];
    for entry in entries {
        let hex_field = |name: &str| hex::decode(entry[name].as_str().unwrap()).unwrap();
        let mut hasher = Sha256::new();
        hasher.update(b"akker-chain-v1");
        hasher.update(chain);
        hasher.update(hex_field("entry_hash"));
        hasher.update(hex_field("signature"));
        chain = hasher.finalize().into();
        assert_eq!(
            hex::encode(chain),
            entry["chain_hash"].as_str().unwrap(),
            "chain at #{}",
            entry["seq"]
        );
    }
    let transaction = entries
        .iter()
        .find(|e| e["body"]["type"] == "transaction")
        .unwrap();
    for field in [
        "date",
        "work",
        "skill",
        "description",
        "slip",
        "reverses",
        "override_reason",
        "postings",
    ] {
        assert!(
            transaction["body"].get(field).is_some(),
            "the body names {field}: {transaction}"
        );
    }
    assert_eq!(
        transaction["recorded_at"].as_str().unwrap().len(),
        "2026-03-05T14:23:07.120034Z".len()
    );

    // The independent checker written from docs/signing.md alone checks
    // every message, signature and link.
    let checker = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vectors/check_vectors.py"
    );
    let probe = Command::new("python3")
        .args(["-c", "import nacl, argon2"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        skip::tool_missing(
            "python3 with PyNaCl and argon2-cffi",
            "python3 -m pip install pynacl argon2-cffi",
            "the independent checker",
        );
        return;
    }
    let run = Command::new("python3")
        .arg(checker)
        .arg("--json")
        .arg(&file)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "the independent checker refused the export:\n{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        stdout.contains(&format!("{} entries", entries.len())),
        "{stdout}"
    );
}

#[test]
fn export_json_is_also_reachable_as_export_dash_dash_json() {
    let dir = Dir::new();
    let demo = dir.demo();
    let out = ok(&akker(&demo, &["export", "--json"]));
    let export: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(export["format"], "akker-ledger-export-v1");
    assert!(export["entries"].as_array().unwrap().len() > 500);
}

#[test]
fn an_export_never_overwrites_a_file_without_force() {
    let dir = Dir::new();
    let demo = dir.demo();
    let file = dir.write("books.journal", b"keep me");
    let err = refused(&akker(
        &demo,
        &["export", "hledger", "--out", file.to_str().unwrap()],
    ));
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), b"keep me");
    ok(&akker(
        &demo,
        &[
            "export",
            "hledger",
            "--out",
            file.to_str().unwrap(),
            "--force",
        ],
    ));
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("commodity HOURS"));
}
