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
    if let Some(kept) = store.upgraded_from() {
        // stderr: the first line on stdout is the address, for scripts.
        eprintln!(
            "akker kiosk: upgraded {} to this akker's schema; the file as it was is kept as {}",
            config.db.display(),
            kept.display()
        );
    }
    // A damaged file would fail at the first payment; refuse them all from
    // the start and say so on the screen (and in the log).
    let damaged = store.check_structure().err();
    if damaged.is_none() {
        store.ensure_kiosk_tables()?;
    }
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
        if let Some(damaged) = damaged {
            eprintln!("akker kiosk: refusing payments: {damaged}");
            println!("akker kiosk: serving the 'ledger damaged' page on http://{address}/");
            return axum::serve(listener, damaged_router(default_lang))
                .with_graceful_shutdown(shutdown())
                .await
                .map_err(KioskStartError::Io);
        }
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
        let served = server::serve(listener, server::router(app.clone()), shutdown())
            .await
            .map_err(KioskStartError::Io);
        // Leave one complete file behind: nothing in a write-ahead log.
        app.pool.close_all();
        served
    })
}

/// Ctrl-C at a terminal, SIGTERM from systemd: both stop the kiosk cleanly.
async fn shutdown() {
    let stop = std::sync::Arc::new(tokio::sync::Notify::new());
    let on_ctrl_c = stop.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            on_ctrl_c.notify_one();
        }
    });
    if let Ok(mut term) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
    {
        let on_term = stop.clone();
        tokio::spawn(async move {
            term.recv().await;
            on_term.notify_one();
        });
    }
    stop.notified().await;
}

/// Every page of a kiosk whose ledger failed its structure check at start:
/// one message in the ledger's language, no payments.
fn damaged_router(lang: text::Lang) -> axum::Router {
    let words = text::Messages::for_language(lang);
    let dir = if words.is_rtl() { "rtl" } else { "ltr" };
    let page = maud::html! {
        (maud::DOCTYPE)
        html lang=(lang.code()) dir=(dir) {
            head { meta charset="utf-8"; title { "akker" } }
            body style="font-family: sans-serif; font-size: 2em; margin: 2em;" {
                h1 { (words.t("ledger-damaged-title")) }
                p { (words.t("ledger-damaged-body")) }
            }
        }
    }
    .into_string();
    axum::Router::new().fallback(move || {
        let page = page.clone();
        async move {
            (
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                axum::response::Html(page),
            )
        }
    })
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
