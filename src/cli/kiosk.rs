//! `akker kiosk`: serves the community centre's kiosk from this binary.

use std::net::SocketAddr;

use crate::kiosk;

use super::{CliError, CliResult, Context};

#[derive(clap::Args)]
pub struct Args {
    /// Address to serve on; 0.0.0.0:8080 serves the local network.
    #[arg(long, default_value = "127.0.0.1:8080", env = "AKKER_KIOSK_LISTEN")]
    pub listen: SocketAddr,
    /// Log a member out after this many seconds without a touch.
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u64).range(5..=3600))]
    pub idle_logout_s: u64,
    /// Wrong PINs in a row before a card is locked.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub pin_attempts_max: u32,
    /// How long a card stays locked, in seconds.
    #[arg(long, default_value_t = 900, value_parser = clap::value_parser!(u64).range(1..=86_400 * 7))]
    pub pin_lock_s: u64,
    /// Most threads doing ledger work at once (tokio's blocking pool).
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u64).range(1..=64))]
    pub blocking_threads_max: u64,
}

pub fn run(ctx: &Context, args: Args) -> CliResult {
    let config = kiosk::Config {
        db: ctx.db.clone(),
        listen: args.listen,
        idle_logout_s: args.idle_logout_s,
        pin_attempts_max: args.pin_attempts_max,
        pin_lock_s: args.pin_lock_s,
        blocking_threads_max: args.blocking_threads_max as usize,
    };
    kiosk::run(config).map_err(|e| CliError::Refused(e.to_string()))
}
