//! `akker demo`: builds the demo community in a new file, verifies it and
//! prints its balances and a few cards to try the kiosk with.

use clap::Args as ClapArgs;

use crate::demo;
use crate::store::Store;

use super::init::{remove_ledger_files, write_new_file};
use super::{CliError, CliResult, Context};

#[derive(ClapArgs)]
pub struct Args {}

pub fn run(_args: Args, ctx: Context) -> CliResult {
    make_room(&ctx)?;
    let started = std::time::Instant::now();
    let (mut demo, sealed) = demo::build(&ctx.db, ctx.now())?;
    write_new_file(&ctx.key, &sealed)?;
    let statements_dir = statements_dir(&ctx.db);
    let (statements, combined) = write_statements(&mut demo, &statements_dir, ctx.now())?;
    let report = crate::verify::verify(&demo.store)?;
    let accounts = demo.store.accounts()?;
    let total = demo.store.balance_total()?;
    if ctx.json {
        ctx.print_json(&serde_json::json!({
            "db": ctx.db, "key": ctx.key, "passphrase": demo::PASSPHRASE,
            "transactions": report.transactions, "verified": report.is_ok(), "total": total,
            "statements": statements, "statements_month": demo.last_month.to_string(),
            "cards": demo.cards.iter().take(demo::PRINTED_CARDS).map(|c| serde_json::json!({
                "account": c.code.account, "name": c.name, "code": c.code.to_text(), "pin": c.pin, "holder": c.holder,
            })).collect::<Vec<_>>(),
        }));
    } else {
        print!("{}", super::balance::render(&accounts, total, true));
        println!();
        println!(
            "Built the demo community \"{}\" in {} ({} transactions, {:.1} s).",
            demo::COMMUNITY,
            ctx.db.display(),
            report.transactions,
            started.elapsed().as_secs_f64()
        );
        println!(
            "Treasurer's key: {} (passphrase: {})",
            ctx.key.display(),
            demo::PASSPHRASE
        );
        println!(
            "Verify: {}",
            if report.is_ok() {
                "OK, every signature, the chain and every balance check out."
            } else {
                "PROBLEMS found"
            }
        );
        println!(
            "Statements for {}: {} files in {}{}",
            demo.last_month,
            statements.len(),
            statements_dir.display(),
            combined
                .map(|c| format!(" (all in one: {})", c.display()))
                .unwrap_or_default()
        );
        println!();
        println!("Cards to try (code, then PIN):");
        for card in demo.cards.iter().take(demo::PRINTED_CARDS) {
            let holder = card
                .holder
                .map(|h| format!(", held by {h}"))
                .unwrap_or_default();
            println!(
                "  {:<28} PIN {}   {}{}",
                card.code.to_text(),
                card.pin,
                card.name,
                holder
            );
        }
        println!();
        let db = ctx.db.display();
        println!("Next: akker --db {db} history M001    akker --db {db} verify");
        println!("      akker --db {db} kiosk   then open http://127.0.0.1:8080 and type a card code above");
    }
    if !report.is_ok() {
        return Err(CliError::Refused(format!(
            "the demo ledger did not verify: {:?}",
            report.problems.first()
        )));
    }
    Ok(())
}

/// The demo's statements go beside its ledger: demo.db -> demo-statements/.
fn statements_dir(db: &std::path::Path) -> std::path::PathBuf {
    let stem = db
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "demo".into());
    db.with_file_name(format!("{stem}-statements"))
}

/// Issues the demo's last complete month and writes its statements, the
/// main job of akker shown end to end.
fn write_statements(
    demo: &mut demo::Demo,
    dir: &std::path::Path,
    now: chrono::DateTime<chrono::Utc>,
) -> CliResult<(Vec<std::path::PathBuf>, Option<std::path::PathBuf>)> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    let issue =
        crate::ops::issue_statements(&mut demo.store, &demo.treasurer, demo.last_month, now)?;
    let statements =
        crate::statement::build::build_statements(&demo.store, demo.last_month, &issue, None)?;
    let out = super::output::OutputDir::check(dir, "--out")?;
    super::statements::write_batch(&statements, &out, crate::statement::Format::Pdf)
}

/// The demo writes a new file. It replaces an earlier demo ledger (and its
/// key), but never a real ledger or any other file.
fn make_room(ctx: &Context) -> CliResult {
    if !ctx.db.exists() {
        if ctx.key.exists() {
            return Err(CliError::Refused(format!(
                "{} already exists; move it away or give another --db",
                ctx.key.display()
            )));
        }
        return Ok(());
    }
    let is_demo = Store::open(&ctx.db)
        .map(|s| s.settings().community_name == demo::COMMUNITY)
        .unwrap_or(false);
    if !is_demo {
        return Err(CliError::Refused(format!(
            "{} exists and is not a demo ledger; give another --db",
            ctx.db.display()
        )));
    }
    remove_ledger_files(&ctx.db);
    let _ = std::fs::remove_file(&ctx.key);
    Ok(())
}
