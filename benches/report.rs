//! The community report's benchmark: `cargo bench --bench report`.
//!
//! Builds (once, then reuses) a ledger of AKKER_BENCH_TX signed transactions
//! (default 1,000,000) between AKKER_BENCH_ACCOUNTS accounts (default 2,000)
//! spread over the year before 1 November 2026, then times a one-year
//! report: in process stage by stage (figures, map layout, SVG, HTML, PDF)
//! and with the real binary writing every file (best of 3). Figures go to
//! docs/performance.md, "Community report".

use std::time::Instant;

use akker::i18n::Messages;
use akker::report::{self, Options};
use chrono::{NaiveDate, TimeZone, Utc};

mod common;
use common::env_usize;

fn main() {
    let transactions = env_usize("AKKER_BENCH_TX", 1_000_000);
    let accounts = env_usize("AKKER_BENCH_ACCOUNTS", 2_000);
    let dir = common::bench_dir("akker-bench");
    let db = dir.join(format!("report-{transactions}-{accounts}.db"));
    println!(
        "akker report benchmark: {transactions} transactions, {accounts} accounts, {} threads",
        rayon::current_num_threads()
    );
    println!("file: {}", db.display());
    let end = Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap();
    if !db.exists() {
        let started = Instant::now();
        let partial = dir.join(format!("report-{transactions}-{accounts}.db.part"));
        common::remove_ledger(&partial);
        drop(
            akker::bulk::generate_ledger(&partial, accounts, transactions, end)
                .expect("generate ledger"),
        );
        std::fs::rename(&partial, &db).expect("keep the generated ledger");
        println!(
            "generated the ledger in {:.1} s (kept for the next run)",
            started.elapsed().as_secs_f64()
        );
    }

    let (from, to) = (
        NaiveDate::from_ymd_opt(2025, 11, 1).unwrap(),
        NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
    );
    let store = akker::store::Store::open(&db).expect("open");
    let options = Options {
        from,
        to,
        language: None,
        names: false,
        weeks_idle: report::WEEKS_IDLE_DEFAULT,
    };
    let started = Instant::now();
    let built = report::build_report(&store, &options).expect("report");
    let figures_s = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let layout = report::map::layout(&built.map);
    let layout_s = started.elapsed().as_secs_f64();
    let messages = Messages::for_language(&built.language);
    let started = Instant::now();
    let svg = report::svg::map_svg(&layout, "map", &report::labels::map_legend(messages));
    let svg_s = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let html = report::html::render_report_html(&built, &layout, messages);
    let html_s = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let pdf = report::pdf::render_report_pdf(&built, &layout, messages).expect("pdf");
    let pdf_s = started.elapsed().as_secs_f64();
    println!(
        "exchanges {}, pairs {}, map nodes {}, edges drawn {} of {}",
        built.summary.exchanges,
        built.summary.distinct_pairs,
        layout.nodes.len(),
        layout.edges.len(),
        layout.edges_total
    );
    println!("figures (one pass over the journal):  {figures_s:>7.2} s");
    println!(
        "map layout ({} nodes):              {layout_s:>7.2} s",
        layout.nodes.len()
    );
    println!(
        "SVG {:>6} KiB:                       {svg_s:>7.2} s",
        svg.len() / 1024
    );
    println!(
        "HTML {:>5} KiB:                       {html_s:>7.2} s",
        html.len() / 1024
    );
    println!(
        "PDF {:>6} KiB:                       {pdf_s:>7.2} s",
        pdf.len() / 1024
    );
    assert!(
        akker::report::map::overlapping_pairs(&layout).is_empty(),
        "no two nodes overlap"
    );
    drop(store);

    let out = dir.join("report-out");
    let best = common::best_of_3(
        &db,
        &[
            "report",
            "--from",
            &from.to_string(),
            "--to",
            &to.to_string(),
            "--out",
            out.to_str().expect("a UTF-8 path"),
        ],
    );
    println!("akker report, one year, all files (binary): {best:>6.2} s (best of 3)");
}
