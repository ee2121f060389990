//! Entry hashes and the hash chain. The chain links every entry to all
//! entries before it in recording order, so a changed, removed or
//! reordered entry changes every chain hash after it.

use sha2::{Digest, Sha256};

/// The chain value before the first entry.
pub const GENESIS: [u8; 32] = [0; 32];

/// SHA-256 of the canonical message. Two submissions of the very same
/// signed content have the same hash; the store refuses the second.
pub fn entry_hash(message: &[u8]) -> [u8; 32] {
    Sha256::digest(message).into()
}

/// chain(n) = SHA-256("akker-chain-v1" || chain(n-1) || entry_hash(n) || signature(n))
pub fn next_chain(previous: &[u8; 32], entry_hash: &[u8; 32], signature: &[u8; 64]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(b"akker-chain-v1");
    hasher.update(previous);
    hasher.update(entry_hash);
    hasher.update(signature);
    hasher.finalize().into()
}
