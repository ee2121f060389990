//! Signing: the canonical encoding of entries, hashes and the chain, key
//! derivation for cards, and the treasurer's encrypted key file.
//! docs/signing.md is the specification; this module is its reference
//! implementation. No SQL and no files here.

pub mod canonical;
pub mod chain;
pub mod fingerprint;
pub mod handover;
pub mod keyfile;
pub mod keys;

pub use fingerprint::{fingerprint, normalise_fingerprint};
pub use keys::{
    card_check_hash, derive_card_key, generate_key, same_check, CardCode, CardSecret, KeyHolder,
    Pin,
};

#[derive(Debug, thiserror::Error)]
pub enum SigningError {
    #[error("the key derivation failed: {0}")]
    Kdf(String),
    #[error("wrong passphrase for the treasurer's key file")]
    WrongPassphrase,
    #[error("the treasurer's key file is damaged or not a key file; restore it from your backup")]
    KeyFileCorrupt,
}
