//! The treasurer's key file: the Ed25519 secret key encrypted with a key
//! derived from the passphrase (Argon2id), sealed with XChaCha20-Poly1305.
//! The public key is stored in clear so a wrong file is noticed before the
//! passphrase is even asked for. This module only converts between a key
//! and the file's text; reading and writing the file is the caller's job.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use ed25519_dalek::SigningKey;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::ledger::KdfParams;

use super::keys::argon2id;
use super::SigningError;

pub const FORMAT: &str = "akker-treasurer-key-v1";

#[derive(Serialize, Deserialize)]
struct KeyFile {
    format: String,
    public_key: String,
    kdf: KdfSection,
    cipher: String,
    nonce: String,
    ciphertext: String,
}

#[derive(Serialize, Deserialize)]
struct KdfSection {
    algorithm: String,
    memory_kib: u32,
    iterations: u32,
    parallelism: u32,
    salt: String,
}

/// Encrypts `key` under `passphrase` and returns the file's JSON text.
pub fn seal(key: &SigningKey, passphrase: &str, kdf: KdfParams) -> Result<String, SigningError> {
    let mut salt = [0u8; 16];
    let mut nonce = [0u8; 24];
    getrandom::getrandom(&mut salt).expect("the operating system provides randomness");
    getrandom::getrandom(&mut nonce).expect("the operating system provides randomness");
    let wrapping_key = argon2id(passphrase.as_bytes(), &salt, kdf)?;
    let public_key = hex::encode(key.verifying_key().to_bytes());
    let cipher = XChaCha20Poly1305::new(wrapping_key.as_ref().into());
    // The public key is authenticated with the secret so the two cannot
    // be swapped independently.
    let payload = Payload {
        msg: key.as_bytes(),
        aad: public_key.as_bytes(),
    };
    let ciphertext = cipher
        .encrypt(XNonce::from_slice(&nonce), payload)
        .map_err(|_| SigningError::KeyFileCorrupt)?;
    let file = KeyFile {
        format: FORMAT.to_string(),
        public_key,
        kdf: KdfSection {
            algorithm: "argon2id-v19".to_string(),
            memory_kib: kdf.memory_kib,
            iterations: kdf.iterations,
            parallelism: kdf.parallelism,
            salt: hex::encode(salt),
        },
        cipher: "xchacha20poly1305".to_string(),
        nonce: hex::encode(nonce),
        ciphertext: hex::encode(ciphertext),
    };
    Ok(serde_json::to_string_pretty(&file).expect("a key file always serialises") + "\n")
}

/// The public key a key file claims to hold, read without the passphrase.
pub fn public_key(text: &str) -> Result<[u8; 32], SigningError> {
    let file: KeyFile = serde_json::from_str(text).map_err(|_| SigningError::KeyFileCorrupt)?;
    decode32(&file.public_key)
}

/// Decrypts a key file. A wrong passphrase and a damaged file both fail
/// authentication; the message says which is likely.
pub fn open(text: &str, passphrase: &str) -> Result<SigningKey, SigningError> {
    let file: KeyFile = serde_json::from_str(text).map_err(|_| SigningError::KeyFileCorrupt)?;
    if file.format != FORMAT
        || file.cipher != "xchacha20poly1305"
        || file.kdf.algorithm != "argon2id-v19"
    {
        return Err(SigningError::KeyFileCorrupt);
    }
    let salt = hex::decode(&file.kdf.salt).map_err(|_| SigningError::KeyFileCorrupt)?;
    let nonce = hex::decode(&file.nonce).map_err(|_| SigningError::KeyFileCorrupt)?;
    let ciphertext = hex::decode(&file.ciphertext).map_err(|_| SigningError::KeyFileCorrupt)?;
    if nonce.len() != 24 {
        return Err(SigningError::KeyFileCorrupt);
    }
    let kdf = KdfParams {
        memory_kib: file.kdf.memory_kib,
        iterations: file.kdf.iterations,
        parallelism: file.kdf.parallelism,
    };
    let wrapping_key = argon2id(passphrase.as_bytes(), &salt, kdf)?;
    let cipher = XChaCha20Poly1305::new(wrapping_key.as_ref().into());
    let payload = Payload {
        msg: &ciphertext,
        aad: file.public_key.as_bytes(),
    };
    let secret = Zeroizing::new(
        cipher
            .decrypt(XNonce::from_slice(&nonce), payload)
            .map_err(|_| SigningError::WrongPassphrase)?,
    );
    let secret: [u8; 32] = secret
        .as_slice()
        .try_into()
        .map_err(|_| SigningError::KeyFileCorrupt)?;
    let key = SigningKey::from_bytes(&secret);
    if hex::encode(key.verifying_key().to_bytes()) != file.public_key {
        return Err(SigningError::KeyFileCorrupt);
    }
    Ok(key)
}

fn decode32(text: &str) -> Result<[u8; 32], SigningError> {
    hex::decode(text)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or(SigningError::KeyFileCorrupt)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signing::keys::generate_key;

    const FAST: KdfParams = KdfParams {
        memory_kib: 256,
        iterations: 1,
        parallelism: 1,
    };

    #[test]
    fn seals_and_opens_with_the_right_passphrase_only() {
        let key = generate_key();
        let text = seal(&key, "correct horse", FAST).unwrap();
        assert_eq!(
            open(&text, "correct horse").unwrap().to_bytes(),
            key.to_bytes()
        );
        assert!(matches!(
            open(&text, "wrong"),
            Err(SigningError::WrongPassphrase)
        ));
        assert_eq!(public_key(&text).unwrap(), key.verifying_key().to_bytes());
        assert!(
            !text.contains(&hex::encode(key.to_bytes())),
            "the secret must not appear in clear"
        );
    }
}
