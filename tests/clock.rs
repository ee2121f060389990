//! Recording time only moves forward (issue 18, item 4): a clock set back
//! into an issued month is refused and the month reprints byte for byte;
//! a jump far ahead waits for the treasurer's confirmation; a time set
//! ahead by mistake is corrected with a signed entry, and verify passes.

mod common;

use common::{Ledger, OK, REFUSED};

/// Two members with a payment in March 2026, statements of March issued
/// on 2 April.
fn issued_march() -> Ledger {
    let ledger = Ledger::without_file().at("2026-03-01T09:00:00Z");
    ledger.ok(&["init"]);
    ledger.open("M001", "Ayse");
    ledger.open("M002", "Bram");
    let ledger = ledger.at("2026-03-12T10:00:00Z");
    ledger.pay("M001", &[("M002", "2.50")]);
    let ledger = ledger.at("2026-04-02T08:00:00Z");
    ledger.ok(&[
        "statements",
        "--month",
        "2026-03",
        "--out",
        "march",
        "--format",
        "text",
    ]);
    ledger
}

fn read_dir(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_clock_set_back_into_an_issued_month_is_refused_and_the_month_reprints_the_same() {
    let ledger = issued_march();
    let first = read_dir(&ledger.dir().join("march"));
    assert!(!first.is_empty());
    let before = ledger.snapshot();

    // A dead clock battery: the kiosk computer thinks it is 20 March.
    let back = ledger.at("2026-03-20T10:00:00Z");
    let refused = back
        .run(&Ledger::pay_args(
            "M002",
            &[("M001", "1.00")],
            "Boodschappen",
        ))
        .expect(REFUSED);
    let refused = refused.says(&[
        "2026-03-20 11:00:00 CET",
        "2026-04-02 10:00:00 CEST",
        "set the computer's clock right",
    ]);
    assert!(
        refused.stderr.contains("before the last entry"),
        "{refused}"
    );
    back.run(&["settings", "set", "organisation.place", "Gent"])
        .expect(REFUSED);
    let ledger = back.at("2026-04-03T08:00:00Z");
    assert_eq!(ledger.snapshot(), before);

    // A correction cannot move the clock back into the issued month either.
    let ledger = ledger.at("2026-03-31T10:00:00Z");
    ledger
        .run(&["clock", "correct", "--reason", "clock battery"])
        .expect(REFUSED)
        .says(&["statements of 2026-03 are issued"]);

    let ledger = ledger.at("2026-04-03T08:00:00Z");
    ledger.pay("M002", &[("M001", "1.00")]);
    ledger.ok(&[
        "statements",
        "--month",
        "2026-03",
        "--out",
        "again",
        "--format",
        "text",
    ]);
    assert_eq!(
        read_dir(&ledger.dir().join("again")),
        first,
        "March reprints byte for byte"
    );
    ledger.assert_verifies();
}

#[test]
fn a_jump_far_ahead_waits_for_the_treasurer_to_confirm_the_date() {
    let ledger = issued_march().at("2026-06-15T09:00:00Z");
    let before = ledger.snapshot();
    ledger
        .run(&Ledger::pay_args("M001", &[("M002", "1.00")], "Tuinwerk"))
        .expect(REFUSED)
        .says(&["74 days after the last entry", "akker clock confirm"]);
    ledger
        .run(&["clock", "confirm", "--date", "2026-06-14"])
        .expect(REFUSED)
        .says(&["2026-06-14", "2026-06-15"]);
    // Without a terminal the date must be given.
    ledger.run(&["clock", "confirm"]).expect(common::USAGE);
    assert_eq!(ledger.snapshot(), before);
    ledger.ok(&["clock", "confirm", "--date", "2026-06-15"]);
    ledger.pay("M001", &[("M002", "1.00")]);
    ledger.assert_verifies();
}

#[test]
fn a_time_set_ahead_by_mistake_is_corrected_and_recording_goes_on() {
    let ledger = issued_march().at("2030-01-05T09:00:00Z");
    ledger.ok(&["clock", "confirm", "--date", "2030-01-05"]);
    ledger.pay("M001", &[("M002", "1.00")]);
    // The clock is put right: every honest entry would now be "before".
    let ledger = ledger.at("2026-04-10T09:00:00Z");
    ledger
        .run(&Ledger::pay_args("M002", &[("M001", "0.50")], "Koffie"))
        .expect(REFUSED)
        .says(&["before the last entry"]);
    let corrected = ledger
        .run(&[
            "--json",
            "clock",
            "correct",
            "--reason",
            "kiosk clock set to 2030",
        ])
        .expect(OK)
        .json();
    assert_eq!(corrected["entries"], 2);
    ledger.pay("M002", &[("M001", "0.50")]);
    ledger.assert_verifies();
    // Nothing is left to correct.
    ledger
        .run(&["clock", "correct", "--reason", "again"])
        .expect(REFUSED)
        .says(&["no mistaken time to correct"]);
}
