//! The community centre's kiosk: a small web server in the same binary,
//! serving server-rendered pages to a full-screen browser.
//!
//! Invariants:
//! - A session belongs to one member and sees only that member's balance
//!   and history (the board of offers shows names and skills only).
//! - The card secret and PIN never appear in a URL, a page or the log;
//!   the signing key is derived from card and PIN for one action only.
//! - Every form carries the session's CSRF token (checked in
//!   `server::visit` for every POST); a payment form also carries a
//!   one-time token claimed in the same SQLite write as the payment.
//! - No SQL here: all reads and writes go through `crate::store`, on
//!   tokio's blocking pool. No asset is fetched from outside the binary.
//! - Words come from locales/*/kiosk.ftl (over akker.ftl, through the
//!   shared `crate::i18n`) by way of `text` only.

mod assets;
mod db;
mod error;
mod pages;
mod routes;
mod server;
mod session;
mod speech;
pub mod text;
mod view;

use std::net::SocketAddr;

pub use server::Config;

use crate::store::{Store, StoreError};

/// Opens the ledger, binds the address and serves until Ctrl-C. Prints
/// the address it listens on (useful with port 0) on one line first.
pub fn run(config: Config) -> Result<(), KioskStartError> {
    let store = Store::open(&config.db)?;
    store.ensure_kiosk_tables()?;
    let settings = store.settings().clone();
    drop(store);
    // Finds espeak-ng now, so the log says at start whether the kiosk
    // speaks.
    speech::Speech::global();
    let default_lang = text::Lang::parse(&settings.default_language).unwrap_or(text::Lang::En);
    let time_zone = settings.tz();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(config.blocking_threads_max.max(1))
        .enable_all()
        .build()
        .map_err(KioskStartError::Io)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.listen)
            .await
            .map_err(|e| KioskStartError::Bind(config.listen, e))?;
        let address = listener.local_addr().map_err(KioskStartError::Io)?;
        let app = std::sync::Arc::new(server::App::new(
            config,
            settings.community_name,
            default_lang,
            time_zone,
        ));
        println!(
            "akker kiosk: serving {} on http://{address}/ (Ctrl-C stops)",
            app.config.db.display()
        );
        use std::io::Write;
        let _ = std::io::stdout().flush();
        axum::serve(listener, server::router(app))
            .with_graceful_shutdown(shutdown())
            .await
            .map_err(KioskStartError::Io)
    })
}

async fn shutdown() {
    let _ = tokio::signal::ctrl_c().await;
}

#[derive(Debug, thiserror::Error)]
pub enum KioskStartError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error(
        "cannot listen on {0}: {1}; is another kiosk already running there? give another --listen"
    )]
    Bind(SocketAddr, std::io::Error),
    #[error("{0}")]
    Io(std::io::Error),
}
