//! Handing the ledger over to a new treasurer key. The handover entry is
//! signed by the current key like every treasurer entry, and it carries
//! the new key's own signature of an acceptance message, so a ledger can
//! only be handed to a key whose holder took part. Without it, someone
//! who forged a whole ledger under a key of their own could end it with
//! a handover to the real treasurer's (public) key, and a check of the
//! current key against the real key file would pass.
//!
//! acceptance message = the fields (as in canonical messages: 4-byte
//! big-endian length, then the UTF-8 bytes) `akker-handover-v1`, the
//! ledger id, the old key in hex, the new key in hex.

use ed25519_dalek::{Signer as _, SigningKey};

use crate::ledger::{EntryBody, SignedEntry};

use super::keys::verify_one;

pub const HANDOVER_VERSION: &str = "akker-handover-v1";

pub fn acceptance_message(ledger_id: &str, old_key: &[u8; 32], new_key: &[u8; 32]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(4 * 4 + 17 + 32 + 128);
    for field in [
        HANDOVER_VERSION,
        ledger_id,
        &hex::encode(old_key),
        &hex::encode(new_key),
    ] {
        let len = u32::try_from(field.len()).expect("short fields");
        bytes.extend_from_slice(&len.to_be_bytes());
        bytes.extend_from_slice(field.as_bytes());
    }
    bytes
}

/// The new key signs its acceptance of the handover from `old_key`.
pub fn accept(ledger_id: &str, old_key: &[u8; 32], new_key: &SigningKey) -> [u8; 64] {
    let message = acceptance_message(ledger_id, old_key, &new_key.verifying_key().to_bytes());
    new_key.sign(&message).to_bytes()
}

/// For a `treasurer-key-changed` entry, whether the new key accepted the
/// handover from the key that signed the entry (strict verification);
/// true for every other entry type.
pub fn acceptance_ok(ledger_id: &str, signed: &SignedEntry) -> bool {
    match &signed.entry.body {
        EntryBody::TreasurerKeyChanged {
            new_key,
            acceptance,
            ..
        } => {
            let message = acceptance_message(ledger_id, &signed.signer.public_key, new_key);
            verify_one(&message, new_key, acceptance)
        }
        _ => true,
    }
}
