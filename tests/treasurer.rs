//! Who the treasurer is: the fingerprint `init` and `verify` print, the
//! comparison with the key file and with a posted fingerprint, the signed
//! settings, and the handover to a new treasurer key.

mod common;

use common::{Ledger, OK, REFUSED, USAGE};

fn fingerprint_of(ledger: &Ledger) -> String {
    let (run, report) = ledger.verify_report();
    assert_eq!(run.code, OK, "{run}");
    report["treasurer_fingerprint"]
        .as_str()
        .expect("a fingerprint")
        .to_string()
}

fn checks(report: &serde_json::Value) -> Vec<String> {
    report["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| p["check"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn init_and_verify_print_the_same_fingerprint_and_verify_checks_a_posted_one() {
    let ledger = Ledger::without_file();
    let init = ledger.json(&["init"]);
    let posted = init["treasurer_fingerprint"].as_str().unwrap().to_string();
    assert_eq!(posted.len(), 19, "{posted}");
    assert_eq!(fingerprint_of(&ledger), posted);
    let human = ledger.ok(&["verify"]);
    assert!(
        human.contains(&format!("Treasurer key fingerprint: {posted}")),
        "{human}"
    );
    assert!(human.contains("holds the current treasurer key"), "{human}");

    // Typed as people type: lower case, spaces instead of dashes.
    let typed = posted.to_lowercase().replace('-', " ");
    ledger.ok(&["verify", "--treasurer", &typed]);

    let run = ledger.run(&["--json", "verify", "--treasurer", "ABCD-EFGH-JKMN-PQRS"]);
    assert_eq!(run.code, REFUSED, "{run}");
    let report = run.json();
    assert_eq!(checks(&report), ["treasurer-fingerprint"]);
    let message = report["problems"][0]["message"].as_str().unwrap();
    assert!(
        message.contains(&posted) && message.contains("ABCD-EFGH-JKMN-PQRS"),
        "{message}"
    );
}

#[test]
fn verify_fails_loudly_when_the_key_file_beside_the_ledger_is_another_treasurers() {
    let ledger = Ledger::new();
    let other = Ledger::new();
    std::fs::copy(other.key_file(), ledger.key_file()).unwrap();
    let run = ledger.run(&["--json", "verify"]);
    assert_eq!(run.code, REFUSED, "{run}");
    let report = run.json();
    assert_eq!(checks(&report), ["treasurer-key"]);
    assert_eq!(report["key_file"]["holds"], "other");
    let human = ledger.run(&["verify"]).expect(REFUSED).stdout;
    assert!(human.contains("PROBLEM [treasurer-key]"), "{human}");
    assert!(human.contains(&fingerprint_of(&other)), "{human}");

    // Without a key file beside it, verify says it compared with nothing.
    std::fs::remove_file(ledger.key_file()).unwrap();
    let human = ledger.ok(&["verify"]);
    assert!(human.contains("No treasurer key file"), "{human}");
    // A key file named with --key must be there.
    let missing = ledger.dir().join("missing.key");
    ledger
        .run(&["--key", missing.to_str().unwrap(), "verify"])
        .expect(REFUSED)
        .says(&["cannot read the treasurer's key file"]);
}

#[test]
fn signed_settings_are_set_shown_cleared_and_verified() {
    let ledger = Ledger::new();
    let empty = ledger.json(&["settings", "show"]);
    assert_eq!(empty["organisation.name"], serde_json::Value::Null);
    ledger.ok(&["settings", "set", "organisation.name", "  Buurtuur vzw  "]);
    ledger.ok(&["settings", "set", "privacy.retention-months", "24"]);
    ledger.ok(&["settings", "set", "treasurer.name", "Anouk"]);
    ledger.ok(&["settings", "set", "treasurer.name", ""]);
    let shown = ledger.json(&["settings", "show"]);
    assert_eq!(shown["organisation.name"], "Buurtuur vzw");
    assert_eq!(shown["privacy.retention-months"], "24");
    assert_eq!(shown["treasurer.name"], serde_json::Value::Null);
    let human = ledger.ok(&["settings", "show"]);
    assert!(
        human.contains("organisation.name") && human.contains("Buurtuur vzw"),
        "{human}"
    );
    ledger.assert_verifies();

    let before = ledger.snapshot();
    ledger
        .run(&["settings", "set", "organisation.colour", "green"])
        .expect(USAGE)
        .says(&["organisation.name", "privacy.retention-months"]);
    ledger
        .run(&["settings", "set", "privacy.retention-months", "0"])
        .expect(USAGE)
        .says(&["1 to 1200"]);
    ledger
        .run_env(
            &["settings", "set", "organisation.place", "Gent"],
            &[("AKKER_PASSPHRASE", "wrong")],
        )
        .expect(REFUSED);
    assert_eq!(ledger.snapshot(), before);

    // A changed value is not what the treasurer signed.
    let conn = ledger.sqlite();
    conn.execute_batch(
        "DROP TRIGGER setting_events_no_update;
         UPDATE setting_events SET value = 'Other vzw' WHERE name = 'organisation.name';",
    )
    .unwrap();
    drop(conn);
    let (run, report) = ledger.verify_report();
    assert_eq!(run.code, REFUSED, "{run}");
    assert!(
        checks(&report).contains(&"entry-hash".to_string()),
        "{report:#}"
    );
}

// --- handing over to a new treasurer ----------------------------------

const NEW_PASSPHRASE: &str = "the new treasurer's passphrase";

#[test]
fn a_handover_moves_signing_to_the_new_key_and_both_fingerprints_are_shown() {
    let ledger = Ledger::new();
    ledger.open("M001", "Ayse");
    ledger.open("M002", "Bram");
    ledger.pay("M001", &[("M002", "1.50")]);
    let old_fp = fingerprint_of(&ledger);
    let new_file = ledger.dir().join("new-treasurer.key");
    let new_path = new_file.to_str().unwrap();
    let made = ledger
        .run_env(
            &["--json", "treasurer", "new-key", "--out", new_path],
            &[("AKKER_PASSPHRASE", NEW_PASSPHRASE)],
        )
        .expect(OK)
        .json();
    let new_fp = made["treasurer_fingerprint"].as_str().unwrap().to_string();
    assert_ne!(new_fp, old_fp);

    // A wrong passphrase for the new key records nothing.
    let before = ledger.snapshot();
    ledger
        .run_env(
            &[
                "treasurer",
                "handover",
                "--new-key",
                new_path,
                "--reason",
                "general meeting",
            ],
            &[("AKKER_NEW_PASSPHRASE", "not it")],
        )
        .expect(REFUSED)
        .says(&["wrong passphrase"]);
    assert_eq!(ledger.snapshot(), before);

    let handover = ledger
        .run_env(
            &[
                "treasurer",
                "handover",
                "--new-key",
                new_path,
                "--reason",
                "general meeting",
            ],
            &[("AKKER_NEW_PASSPHRASE", NEW_PASSPHRASE)],
        )
        .expect(OK);
    assert!(
        handover.stdout.contains(&old_fp) && handover.stdout.contains(&new_fp),
        "{handover}"
    );

    // The old key file no longer signs, and says why.
    ledger
        .run(&["settings", "set", "organisation.place", "Gent"])
        .expect(REFUSED)
        .says(&["former treasurer key", &new_fp]);
    // The new one does.
    ledger
        .run_env(
            &[
                "--key",
                new_path,
                "settings",
                "set",
                "organisation.place",
                "Gent",
            ],
            &[("AKKER_PASSPHRASE", NEW_PASSPHRASE)],
        )
        .expect(OK);

    // verify: the old key file beside the ledger is a former key (a note),
    // the new one is current, and only the new fingerprint is accepted.
    let (run, report) = ledger.verify_report();
    assert_eq!(run.code, OK, "{run}");
    assert_eq!(report["treasurer_fingerprint"], new_fp.as_str());
    assert_eq!(report["key_file"]["holds"], "former");
    let human = ledger.ok(&["verify"]);
    assert!(human.contains("holds a former treasurer key"), "{human}");
    let current = ledger.json(&["--key", new_path, "verify", "--treasurer", &new_fp]);
    assert_eq!(current["key_file"]["holds"], "current");
    let run = ledger.run(&["--json", "verify", "--treasurer", &old_fp]);
    assert_eq!(run.code, REFUSED, "{run}");
    assert!(run.json()["problems"][0]["message"]
        .as_str()
        .unwrap()
        .contains("former treasurer key"));

    let keys = ledger.json(&["treasurer", "show"]);
    assert_eq!(keys.as_array().unwrap().len(), 2);
    assert_eq!(keys[1]["fingerprint"], new_fp.as_str());
    assert_eq!(keys[1]["current"], true);
}
