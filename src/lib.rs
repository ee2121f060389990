//! akker: a signed, double-entry, append-only ledger for a community time
//! bank. See docs/ARCHITECTURE.md for the map.

pub mod bulk;
pub mod cli;
pub mod demo;
pub mod i18n;
pub mod interchange;
pub mod kiosk;
pub mod ledger;
pub mod ops;
pub mod privacy;
pub mod report;
pub mod signing;
pub mod statement;
pub mod store;
pub mod verify;
