//! The treasurer's key fingerprint: a short text people can compare by
//! eye with the one posted in the community centre and written in the
//! minutes of the general meeting. The ledger file alone cannot prove who
//! its treasurer is (whoever can write the file can re-sign all of it
//! under a key of their own); the posted fingerprint can.
//!
//! fingerprint = the first 80 bits of SHA-256("akker-treasurer-v1" ‖ key),
//! in Crockford base32 (16 characters), as 4 groups of 4 joined by "-".

use sha2::{Digest, Sha256};

/// The domain prefix hashed before the 32 key bytes.
pub const FINGERPRINT_PREFIX: &[u8] = b"akker-treasurer-v1";

/// `8ZEE-S1KT-QEAE-8A9W` (four groups of four) for a treasurer's Ed25519 public key.
pub fn fingerprint(public_key: &[u8; 32]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(FINGERPRINT_PREFIX);
    hasher.update(public_key);
    let digest = hasher.finalize();
    // 10 bytes = 80 bits = exactly 16 base32 characters, no padding.
    let encoded = base32::encode(base32::Alphabet::Crockford, &digest[..10]);
    let groups: Vec<&str> = (0..4).map(|i| &encoded[i * 4..i * 4 + 4]).collect();
    groups.join("-")
}

/// A fingerprint as someone typed it, in its printed form, or None when
/// it cannot be one. Forgiving as card codes are: any case, dashes and
/// spaces anywhere, O read as 0 and I or L as 1 (Crockford's rules).
pub fn normalise_fingerprint(typed: &str) -> Option<String> {
    let mut cleaned = String::with_capacity(16);
    for c in typed.chars() {
        match c.to_ascii_uppercase() {
            '-' | ' ' => {}
            'O' => cleaned.push('0'),
            'I' | 'L' => cleaned.push('1'),
            c if c.is_ascii_digit() || c.is_ascii_uppercase() && c != 'U' => cleaned.push(c),
            _ => return None,
        }
    }
    if cleaned.len() != 16 {
        return None;
    }
    let groups: Vec<&str> = (0..4).map(|i| &cleaned[i * 4..i * 4 + 4]).collect();
    Some(groups.join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_is_four_groups_of_four_and_forgives_typing() {
        let key = [7u8; 32];
        let printed = fingerprint(&key);
        assert_eq!(printed.len(), 19, "{printed}");
        assert_eq!(printed.matches('-').count(), 3, "{printed}");
        // Computed apart from this code (Python's hashlib, by hand in base32).
        assert_eq!(printed, "R7JZ-NF25-DRAE-1MJE");
        assert_ne!(printed, fingerprint(&[8u8; 32]));
        let typed = printed.to_lowercase().replace('-', " ");
        assert_eq!(normalise_fingerprint(&typed).as_deref(), Some(&*printed));
        assert_eq!(normalise_fingerprint("ABCD-EFGH"), None);
        assert_eq!(normalise_fingerprint("UUUU-UUUU-UUUU-UUUU"), None);
    }
}
