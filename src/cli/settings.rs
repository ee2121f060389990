//! `akker settings show` and `akker settings set NAME VALUE`: the signed
//! settings (who the organisation and the treasurer are, how long names
//! are kept, soft limits, credit growth and the community fund's rules). Each change is a treasurer-signed `setting-set` entry.

use clap::Subcommand;

use crate::ledger::SettingKey;

use super::{CliError, CliResult, Context};

#[derive(Subcommand)]
pub enum Command {
    /// Every setting with its current value.
    Show,
    /// Set one setting (an empty VALUE clears it); signed by the treasurer.
    Set {
        /// The setting's name, like organisation.name (see `settings show`).
        #[arg(value_parser = parse_name)]
        name: SettingKey,
        /// The new value; "" clears it. A negative amount is written as
        /// it is, like -15.
        #[arg(allow_hyphen_values = true)]
        value: String,
    },
}

fn parse_name(text: &str) -> Result<SettingKey, String> {
    text.parse()
        .map_err(|e: crate::ledger::SettingError| e.to_string())
}

pub fn run(ctx: &Context, cmd: Command) -> CliResult {
    match cmd {
        Command::Show => show(ctx),
        Command::Set { name, value } => set(ctx, name, &value),
    }
}

fn show(ctx: &Context) -> CliResult {
    let store = ctx.open()?;
    let values = store.setting_values()?;
    if ctx.json {
        let object: serde_json::Map<String, serde_json::Value> = SettingKey::ALL
            .iter()
            .map(|key| {
                let value = values
                    .get(key)
                    .map_or(serde_json::Value::Null, |v| v.clone().into());
                (key.as_str().to_string(), value)
            })
            .collect();
        ctx.print_json(&object);
        return Ok(());
    }
    let width = SettingKey::ALL
        .iter()
        .map(|k| k.as_str().len())
        .max()
        .unwrap_or(0);
    for key in SettingKey::ALL {
        let value = values.get(&key).map_or("(not set)", String::as_str);
        println!("{:width$}  {value}", key.as_str());
    }
    Ok(())
}

fn set(ctx: &Context, name: SettingKey, value: &str) -> CliResult {
    // Checked before the passphrase is asked, so a typo costs nothing.
    let canonical = name
        .canonical_value(value)
        .map_err(|e| CliError::Usage(e.to_string()))?;
    let mut store = ctx.open()?;
    if name == SettingKey::FundAccount && !canonical.is_empty() {
        // The fund receives gifts and fund runs: it must be a system
        // account, so no member's own balance is mistaken for it.
        let id = crate::ledger::AccountId::parse(&canonical)?;
        let row = super::existing_account(&store, &id)?;
        if row.kind != crate::ledger::AccountKind::System {
            return Err(CliError::Refused(format!(
                "{id} is a {} account; the community fund is a system account: open one with `akker account add SYS-FUND --kind system --name ...`",
                row.kind
            )));
        }
    }
    let treasurer = ctx.treasurer(&store)?;
    let seq = crate::ops::set_setting(&mut store, &treasurer, name, &canonical, ctx.now())?;
    if ctx.json {
        ctx.print_json(&serde_json::json!({
            "seq": seq, "name": name.as_str(), "value": canonical,
        }));
    } else if canonical.is_empty() {
        println!("Cleared {name} (#{seq}).");
    } else {
        println!("Set {name} to \"{canonical}\" (#{seq}).");
    }
    Ok(())
}
