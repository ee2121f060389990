//! Keys: member keys derived from card and PIN, and signing itself.

use argon2::{Algorithm, Argon2, Params, Version};
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use zeroize::{Zeroize, Zeroizing};

use crate::ledger::{AccountId, Entry, FieldError, KdfParams, SignedEntry, Signer, SignerRole};

use super::canonical;
use super::SigningError;

/// The random secret printed on a member's card: 80 bits, written as 16
/// Crockford base32 characters so it can also be typed by hand.
#[derive(Clone, PartialEq, Eq)]
pub struct CardSecret([u8; CardSecret::LEN]);

impl CardSecret {
    pub const LEN: usize = 10;

    pub fn generate() -> CardSecret {
        let mut bytes = [0u8; Self::LEN];
        getrandom::getrandom(&mut bytes).expect("the operating system provides randomness");
        CardSecret(bytes)
    }

    pub fn from_bytes(bytes: [u8; Self::LEN]) -> CardSecret {
        CardSecret(bytes)
    }

    pub fn as_bytes(&self) -> &[u8; Self::LEN] {
        &self.0
    }
}

impl Drop for CardSecret {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl std::fmt::Debug for CardSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CardSecret(..)")
    }
}

/// What a card carries: the account and the secret. Its text form,
/// `M042/ABCD-EFGH-JKMN-PQRS`, is what the QR code holds and what a USB
/// scanner types into the kiosk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardCode {
    pub account: AccountId,
    pub secret: CardSecret,
}

impl CardCode {
    pub fn to_text(&self) -> String {
        let encoded = base32::encode(base32::Alphabet::Crockford, self.secret.as_bytes());
        let groups: Vec<&str> = (0..4).map(|i| &encoded[i * 4..i * 4 + 4]).collect();
        format!("{}/{}", self.account, groups.join("-"))
    }

    /// Reads a card code as a scanner or a person types it: the QR
    /// text `M042/ABCD-EFGH-JKMN-PQRS`; the two printed lines typed one
    /// after the other (`M042 ABCD-EFGH-JKMN-PQRS`, a space or a line
    /// break between); or the 16 characters alone, whose account must
    /// then come from `account` (the member number asked separately). In
    /// any case, with or without dashes and spaces; Crockford base32 also
    /// reads O as 0 and I or L as 1. A number in the code itself wins over
    /// `account`: the caller compares them. The refusal never repeats the
    /// text, which may be most of a real card's secret.
    pub fn parse_as_printed(
        text: &str,
        account: Option<&AccountId>,
    ) -> Result<CardCode, FieldError> {
        let text = text.trim();
        let (number, secret) = match text.rsplit_once('/') {
            Some((number, secret)) => (Some(number.trim()), secret),
            None => {
                let whole: String = text
                    .chars()
                    .filter(|c| *c != '-' && !c.is_whitespace())
                    .collect();
                if whole.chars().count() == SECRET_CHARS {
                    (None, text)
                } else {
                    match text.split_once(char::is_whitespace) {
                        Some((number, secret)) => (Some(number), secret),
                        None => return Err(FieldError::CardCode),
                    }
                }
            }
        };
        let account = match (number, account) {
            (Some(number), _) => AccountId::parse(number).map_err(|_| FieldError::CardCode)?,
            (None, Some(account)) => account.clone(),
            (None, None) => return Err(FieldError::CardNumberMissing),
        };
        Ok(CardCode {
            account,
            secret: CardSecret::parse(secret)?,
        })
    }

    /// [`CardCode::parse_as_printed`] without a separate member number.
    pub fn parse(text: &str) -> Result<CardCode, FieldError> {
        CardCode::parse_as_printed(text, None)
    }

    /// The secret as printed on the card's second line.
    pub fn secret_text(&self) -> String {
        self.to_text()
            .rsplit_once('/')
            .map(|(_, secret)| secret.to_string())
            .unwrap_or_default()
    }
}

/// The characters of a card secret in Crockford base32 (80 bits).
const SECRET_CHARS: usize = 16;

impl CardSecret {
    /// The 16 characters printed on the card, dashes and spaces allowed.
    fn parse(text: &str) -> Result<CardSecret, FieldError> {
        let cleaned: String = text
            .chars()
            .filter(|c| *c != '-' && !c.is_whitespace())
            .collect();
        if cleaned.len() != SECRET_CHARS {
            return Err(FieldError::CardCode);
        }
        let bytes =
            base32::decode(base32::Alphabet::Crockford, &cleaned).ok_or(FieldError::CardCode)?;
        let bytes: [u8; CardSecret::LEN] = bytes.try_into().map_err(|_| FieldError::CardCode)?;
        Ok(CardSecret(bytes))
    }
}

/// The kiosk's check of a card code, kept with the card's public key in
/// `kiosk_card_checks` (docs/signing.md, "Card check"):
/// SHA-256 over the length-prefixed fields "akker-card-check-v1", ledger
/// id, account, card number and the 10 secret bytes. It tells a genuine
/// card from a made-up code without the PIN, so only a genuine card's
/// wrong PINs count towards its lock.
pub fn card_check_hash(ledger_id: &str, code: &CardCode, card_number: u32) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    let number = card_number.to_string();
    let fields: [&[u8]; 5] = [
        b"akker-card-check-v1",
        ledger_id.as_bytes(),
        code.account.as_str().as_bytes(),
        number.as_bytes(),
        code.secret.as_bytes(),
    ];
    for field in fields {
        hasher.update((field.len() as u32).to_be_bytes());
        hasher.update(field);
    }
    hasher.finalize().into()
}

/// Compares two check hashes in constant time.
pub fn same_check(a: &[u8; 32], b: &[u8; 32]) -> bool {
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A member's PIN: 4 to 6 digits.
pub struct Pin(Zeroizing<String>);

impl Pin {
    pub fn parse(text: &str) -> Result<Pin, FieldError> {
        let pin = text.trim();
        if !(4..=6).contains(&pin.len()) || !pin.chars().all(|c| c.is_ascii_digit()) {
            return Err(FieldError::Pin);
        }
        Ok(Pin(Zeroizing::new(pin.to_string())))
    }

    fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

/// Derives a card's Ed25519 signing key:
/// seed = Argon2id(password = secret || PIN, salt = "akker-card-v1/" ledger_id "/" account_id).
/// A wrong PIN gives another key, which the store does not know.
pub fn derive_card_key(
    ledger_id: &str,
    code: &CardCode,
    pin: &Pin,
    kdf: KdfParams,
) -> Result<SigningKey, SigningError> {
    let mut password = Zeroizing::new(Vec::with_capacity(CardSecret::LEN + 6));
    password.extend_from_slice(code.secret.as_bytes());
    password.extend_from_slice(pin.as_bytes());
    let salt = format!("akker-card-v1/{ledger_id}/{}", code.account);
    let seed = argon2id(&password, salt.as_bytes(), kdf)?;
    Ok(SigningKey::from_bytes(&seed))
}

/// Argon2id, version 0x13, 32 bytes of output.
pub fn argon2id(
    password: &[u8],
    salt: &[u8],
    kdf: KdfParams,
) -> Result<Zeroizing<[u8; 32]>, SigningError> {
    let params = Params::new(kdf.memory_kib, kdf.iterations, kdf.parallelism, Some(32))
        .map_err(|e| SigningError::Kdf(e.to_string()))?;
    let mut out = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(password, salt, out.as_mut())
        .map_err(|e| SigningError::Kdf(e.to_string()))?;
    Ok(out)
}

/// A fresh random key (for the treasurer).
pub fn generate_key() -> SigningKey {
    let mut seed = Zeroizing::new([0u8; 32]);
    getrandom::getrandom(seed.as_mut()).expect("the operating system provides randomness");
    SigningKey::from_bytes(&seed)
}

/// Who is signing: a key and the role it signs in.
pub struct KeyHolder {
    pub key: SigningKey,
    pub role: SignerRole,
    pub account: Option<AccountId>,
}

impl KeyHolder {
    pub fn treasurer(key: SigningKey) -> KeyHolder {
        KeyHolder {
            key,
            role: SignerRole::Treasurer,
            account: None,
        }
    }

    pub fn signer(&self) -> Signer {
        Signer {
            role: self.role,
            account: self.account.clone(),
            public_key: self.key.verifying_key().to_bytes(),
        }
    }

    pub fn sign(&self, ledger_id: &str, entry: Entry) -> SignedEntry {
        let signer = self.signer();
        let message = canonical::message(ledger_id, &entry, &signer);
        let signature = self.key.sign(&message).to_bytes();
        SignedEntry {
            entry,
            signer,
            signature,
        }
    }
}

/// Checks one signature over its canonical message.
pub fn verify_one(message: &[u8], public_key: &[u8; 32], signature: &[u8; 64]) -> bool {
    let Ok(key) = VerifyingKey::from_bytes(public_key) else {
        return false;
    };
    key.verify_strict(message, &Signature::from_bytes(signature))
        .is_ok()
}

/// Checks many signatures at once (about twice as fast as one by one).
/// Returns false if any is bad; the caller then looks one by one.
///
/// Batch verification does not refuse weak (small-order) public keys as
/// `verify_strict` does, and with such a key a "signature" of all zeros
/// but one byte passes for any message. So a batch with a weak key is
/// never accepted here: the caller's one-by-one check refuses it.
pub fn verify_batch(messages: &[&[u8]], public_keys: &[[u8; 32]], signatures: &[[u8; 64]]) -> bool {
    // Decompressing a public key costs about a quarter of checking a
    // signature, and most entries are signed by the same few keys (the
    // treasurer's above all): decompress each distinct key once.
    let mut decompressed: std::collections::HashMap<[u8; 32], VerifyingKey> =
        std::collections::HashMap::new();
    let mut keys = Vec::with_capacity(public_keys.len());
    for bytes in public_keys {
        let key = match decompressed.get(bytes) {
            Some(key) => *key,
            None => {
                let Ok(key) = VerifyingKey::from_bytes(bytes) else {
                    return false;
                };
                if key.is_weak() {
                    return false;
                }
                decompressed.insert(*bytes, key);
                key
            }
        };
        keys.push(key);
    }
    let sigs: Vec<Signature> = signatures.iter().map(Signature::from_bytes).collect();
    ed25519_dalek::verify_batch(messages, &sigs, &keys).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn card_codes_round_trip_and_forgive_typing() {
        let code = CardCode {
            account: AccountId::parse("M042").unwrap(),
            secret: CardSecret::from_bytes([7; 10]),
        };
        let text = code.to_text();
        assert!(text.starts_with("M042/"), "{text}");
        assert_eq!(text.len(), "M042/".len() + 19);
        assert_eq!(CardCode::parse(&text).unwrap(), code);
        assert_eq!(
            CardCode::parse(&text.to_lowercase().replace('-', " ")).unwrap(),
            code
        );
        assert!(CardCode::parse("M042/ABC").is_err());
        assert!(CardCode::parse("no slash").is_err());
    }

    #[test]
    fn a_card_code_is_read_as_printed_with_or_without_the_number() {
        let code = CardCode {
            account: AccountId::parse("INIT-WERELD").unwrap(),
            secret: CardSecret::from_bytes([9; 10]),
        };
        let secret = code.secret_text();
        let other = AccountId::parse("M001").unwrap();
        // The two printed lines, typed one after the other.
        for typed in [
            format!("INIT-WERELD {secret}"),
            format!("init-wereld\n{}", secret.to_lowercase()),
            format!("INIT-WERELD/{}", secret.replace('-', " ")),
        ] {
            assert_eq!(CardCode::parse(&typed).unwrap(), code, "{typed}");
            // A number in the code wins; the caller compares.
            assert_eq!(
                CardCode::parse_as_printed(&typed, Some(&other)).unwrap(),
                code
            );
        }
        // The secret alone takes the number given separately.
        for typed in [
            secret.clone(),
            secret.replace('-', ""),
            secret.replace('-', " "),
        ] {
            assert_eq!(
                CardCode::parse_as_printed(&typed, Some(&code.account)).unwrap(),
                code,
                "{typed}"
            );
            assert_eq!(CardCode::parse(&typed), Err(FieldError::CardNumberMissing));
        }
        // A refusal never repeats what was typed.
        let wrong = CardCode::parse("M001/ZZZZ-YYYY").unwrap_err().to_string();
        assert!(!wrong.contains("ZZZZ"), "{wrong}");
    }

    #[test]
    fn the_card_check_is_the_one_in_signing_md() {
        let code = CardCode::parse("M001/NKQT-3PAT-WA6R-CGC8").unwrap();
        assert_eq!(hex::encode(code.secret.as_bytes()), "acefa1d95ae28d864188");
        assert_eq!(
            hex::encode(card_check_hash(
                "4b1d0c5a9e2f4e8b7a3c1d0e5f6a7b8c",
                &code,
                1
            )),
            "fe6b295c8e182deca6206d49816f05c448bfd624fd9e22427ed1b392a5e5397f"
        );
    }

    #[test]
    fn the_card_check_depends_on_every_field() {
        let code = CardCode {
            account: AccountId::parse("M1").unwrap(),
            secret: CardSecret::from_bytes([1; 10]),
        };
        let check = card_check_hash("0".repeat(32).as_str(), &code, 1);
        assert!(same_check(&check, &check));
        assert_ne!(check, card_check_hash("1".repeat(32).as_str(), &code, 1));
        assert_ne!(check, card_check_hash("0".repeat(32).as_str(), &code, 2));
        let other = CardCode {
            account: code.account.clone(),
            secret: CardSecret::from_bytes([2; 10]),
        };
        assert_ne!(check, card_check_hash("0".repeat(32).as_str(), &other, 1));
    }

    #[test]
    fn pins_are_four_to_six_digits() {
        assert!(Pin::parse("1234").is_ok());
        assert!(Pin::parse("123456").is_ok());
        for bad in ["123", "1234567", "12a4", ""] {
            assert!(Pin::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_weak_key_never_passes_even_in_a_batch() {
        // The identity point as public key; R = identity and S = 0 then
        // satisfy the verification equation for every message.
        let mut weak_key = [0u8; 32];
        weak_key[0] = 1;
        let mut forged = [0u8; 64];
        forged[0] = 1;
        let message: &[u8] = b"any message at all";
        assert!(!verify_one(message, &weak_key, &forged));
        assert!(!verify_batch(&[message], &[weak_key], &[forged]));
        let honest = generate_key();
        let good = honest.sign(b"honest").to_bytes();
        let messages: [&[u8]; 2] = [b"honest", message];
        assert!(!verify_batch(
            &messages,
            &[honest.verifying_key().to_bytes(), weak_key],
            &[good, forged]
        ));
        assert!(verify_batch(
            &messages[..1],
            &[honest.verifying_key().to_bytes()],
            &[good]
        ));
    }

    #[test]
    fn a_wrong_pin_derives_another_key() {
        let fast = KdfParams {
            memory_kib: 256,
            iterations: 1,
            parallelism: 1,
        };
        let code = CardCode {
            account: AccountId::parse("M1").unwrap(),
            secret: CardSecret::from_bytes([1; 10]),
        };
        let right = derive_card_key(
            "0".repeat(32).as_str(),
            &code,
            &Pin::parse("1234").unwrap(),
            fast,
        )
        .unwrap();
        let again = derive_card_key(
            "0".repeat(32).as_str(),
            &code,
            &Pin::parse("1234").unwrap(),
            fast,
        )
        .unwrap();
        let wrong = derive_card_key(
            "0".repeat(32).as_str(),
            &code,
            &Pin::parse("1235").unwrap(),
            fast,
        )
        .unwrap();
        assert_eq!(right.to_bytes(), again.to_bytes());
        assert_ne!(right.to_bytes(), wrong.to_bytes());
    }
}
