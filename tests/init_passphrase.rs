//! `akker init` asks for a passphrase that is hard to guess, and a weak
//! one leaves nothing behind.

mod common;

use common::{Ledger, REFUSED};

fn init_with(passphrase: &str) -> (Ledger, common::Run) {
    let ledger = Ledger::without_file();
    let run = ledger.run_env(&["init"], &[("AKKER_PASSPHRASE", passphrase)]);
    (ledger, run)
}

#[test]
fn a_short_or_repetitive_passphrase_is_refused_and_nothing_is_created() {
    for weak in [
        "x",
        "demo",
        "fiets123",
        "elevenchars",
        "aaaaaaaaaaaaaaaa",
        "abababababab",
    ] {
        let (ledger, run) = init_with(weak);
        let run = run
            .expect(REFUSED)
            .says(&["too easy to guess", "at least 12 characters"]);
        assert!(run.stdout.is_empty(), "{run}");
        assert!(
            !ledger.db().exists(),
            "a ledger was created for {weak:?}\n{run}"
        );
        assert!(
            !ledger.key_file().exists(),
            "a key was created for {weak:?}\n{run}"
        );
    }
}

#[test]
fn a_passphrase_of_twelve_characters_or_several_words_is_accepted() {
    for strong in [
        "vier paarden in de wei",
        "Kuregem2026!",
        "correct horse battery",
    ] {
        let (ledger, run) = init_with(strong);
        run.expect(common::OK);
        assert!(ledger.db().exists() && ledger.key_file().exists());
    }
}

/// Issue 17: `statements --month` for a month before the ledger began
/// answered that the ledger was damaged. Like a month that has not
/// ended, it is refused with the reason, before any passphrase is asked
/// (no AKKER_PASSPHRASE here, and no terminal: asking would fail).
#[test]
fn statements_for_a_month_before_the_ledger_say_when_it_began() {
    let ledger = Ledger::without_file().at("2026-10-14T08:00:00Z");
    ledger.ok(&["init"]);
    ledger.open("M001", "Marie Dubois");
    let ledger = ledger.at("2026-11-02T09:00:00Z");
    let no_passphrase = [("AKKER_PASSPHRASE", "")];
    let run = ledger
        .run_env(
            &["statements", "--month", "2026-09", "--out", "st"],
            &no_passphrase,
        )
        .expect(REFUSED)
        .says(&["the ledger began in 2026-10", "no statements for 2026-09"]);
    assert!(!run.stderr.contains("damaged"), "{run}");
    let ledger = ledger.at("2026-10-20T09:00:00Z");
    ledger
        .run_env(
            &["statements", "--month", "2026-10", "--out", "st"],
            &no_passphrase,
        )
        .expect(REFUSED)
        .says(&["before that month has ended"]);
    ledger
        .run_env(&["statement", "M001", "--month", "2026-09"], &no_passphrase)
        .expect(REFUSED)
        .says(&["the ledger began in 2026-10"]);
}
