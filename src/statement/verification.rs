//! Verification codes: a short code printed on each statement that ties
//! it to the account, the month, the closing balance and the chain head
//! the treasurer signed when the month's statements were issued.
//!
//! code = the first 60 bits of SHA-256 over the length-prefixed fields
//! ("akker-statement-v1", ledger id, account id, period, closing balance
//! as "-1.50", chain head hex), in Crockford base32 as three groups of four, like 7KQ2-M9XD-4TNA.
//! Anyone holding the ledger can recompute it; a changed balance, or a
//! ledger whose history was rewritten, gives another code.

use sha2::{Digest, Sha256};

use super::attestation::Figures;
use crate::ledger::{AccountId, Amount, WorkKind};

pub const QR_PREFIX: &str = "AKKER-STATEMENT";
pub const ATTEST_QR_PREFIX: &str = "AKKER-ATTEST";

pub fn statement_code(
    ledger_id: &str,
    account: &AccountId,
    period: &str,
    closing: Amount,
    head_hash: &[u8; 32],
) -> String {
    short_code(&[
        "akker-statement-v1",
        ledger_id,
        account.as_str(),
        period,
        &closing.to_string(),
        &hex::encode(head_hash),
    ])
}

/// A version 1 attestation code ("akker-attestation-v1", ledger id,
/// account, from, to, hours given, head): it covers the total only. akker
/// no longer prints it; `statement check` still answers for papers that
/// carry one.
pub fn attestation_code_v1(
    ledger_id: &str,
    account: &AccountId,
    from: &str,
    to: &str,
    given: Amount,
    head_hash: &[u8; 32],
) -> String {
    short_code(&[
        "akker-attestation-v1",
        ledger_id,
        account.as_str(),
        from,
        to,
        &given.to_string(),
        &hex::encode(head_hash),
    ])
}

/// An attestation's code, version 2: every figure printed on it.
///
/// Fields, each length-prefixed: "akker-attestation-v2", ledger id,
/// account, from, to, total given, number of exchanges, then for each kind
/// of work in the fixed order care, community, self-development,
/// practical: the kind's name and its hours; then the number of
/// initiatives, and for each (in account id order) its id and its hours;
/// last the head hash in hex. Amounts are written like "5.50", counts as
/// decimal integers.
pub fn attestation_code_v2(
    ledger_id: &str,
    account: &AccountId,
    from: &str,
    to: &str,
    figures: &Figures,
    head_hash: &[u8; 32],
) -> String {
    let mut fields: Vec<String> = vec![
        "akker-attestation-v2".into(),
        ledger_id.into(),
        account.to_string(),
        from.into(),
        to.into(),
        Amount::from_minor(figures.total_given_minor).to_string(),
        figures.exchange_count.to_string(),
    ];
    for work in WorkKind::ALL {
        let minor = figures
            .given_by_work
            .iter()
            .find(|(w, _)| *w == work)
            .map_or(0, |(_, m)| *m);
        fields.push(work.as_str().into());
        fields.push(Amount::from_minor(minor).to_string());
    }
    fields.push(figures.given_by_initiative.len().to_string());
    for (id, _, minor) in &figures.given_by_initiative {
        fields.push(id.clone());
        fields.push(Amount::from_minor(*minor).to_string());
    }
    fields.push(hex::encode(head_hash));
    let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
    short_code(&refs)
}

pub fn attestation_qr_payload(
    account: &AccountId,
    from: &str,
    to: &str,
    given: Amount,
    code: &str,
) -> String {
    format!("{ATTEST_QR_PREFIX}/{account}/{from}/{to}/{given}/{code}")
}

/// What an attestation's QR code holds when the organisation publishes a
/// check address (`organisation.check-address`): that address with the
/// code as its `code` parameter, so a phone camera opens the page where
/// anyone can enter it; akker's own checks (the kiosk's scanner, `akker
/// statement check`) read the code back out of it.
pub fn check_address_payload(address: &str, code: &str) -> String {
    let separator = if address.contains('?') { '&' } else { '?' };
    format!("{address}{separator}code={code}")
}

/// The `code` parameter of a web address (`https://...?code=7KQ2-...`),
/// if the text is one.
fn code_in_address(text: &str) -> Option<&str> {
    let lower = text.get(..8)?.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return None;
    }
    let (_, query) = text.split_once('?')?;
    let query = query.split('#').next().unwrap_or_default();
    query.split('&').find_map(|pair| pair.strip_prefix("code="))
}

fn short_code(fields: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for field in fields {
        hasher.update((field.len() as u32).to_be_bytes());
        hasher.update(field.as_bytes());
    }
    let digest = hasher.finalize();
    let encoded = base32::encode(base32::Alphabet::Crockford, &digest[..8]);
    format!("{}-{}-{}", &encoded[0..4], &encoded[4..8], &encoded[8..12])
}

/// What the statement's QR code holds: enough to find the statement
/// directly, plus the code itself.
pub fn qr_payload(account: &AccountId, period: &str, closing: Amount, code: &str) -> String {
    format!("{QR_PREFIX}/{account}/{period}/{closing}/{code}")
}

/// A code as typed or scanned: either the bare code or the QR payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeQuery {
    pub code: String,
    pub account: Option<AccountId>,
    pub period: Option<String>,
    /// The closing balance or hours given the QR code states, which must
    /// equal the ledger's.
    pub amount: Option<Amount>,
}

/// Reads a typed code (any case, with or without dashes or spaces; O is
/// read as 0 and I or L as 1) or a scanned QR payload.
pub fn parse_code(text: &str) -> Option<CodeQuery> {
    let text = text.trim();
    if let Some(code) = code_in_address(text) {
        return Some(CodeQuery {
            code: normalise(code)?,
            account: None,
            period: None,
            amount: None,
        });
    }
    if let Some(rest) = text
        .strip_prefix(ATTEST_QR_PREFIX)
        .and_then(|r| r.strip_prefix('/'))
    {
        let parts: Vec<&str> = rest.split('/').collect();
        if let [account, _from, _to, given, code] = parts.as_slice() {
            return Some(CodeQuery {
                code: normalise(code)?,
                account: Some(AccountId::parse(account).ok()?),
                period: None,
                amount: Some(Amount::parse_signed(given).ok()?),
            });
        }
        return None;
    }
    if let Some(rest) = text
        .strip_prefix(QR_PREFIX)
        .and_then(|r| r.strip_prefix('/'))
    {
        let parts: Vec<&str> = rest.split('/').collect();
        if let [account, period, closing, code] = parts.as_slice() {
            return Some(CodeQuery {
                code: normalise(code)?,
                account: Some(AccountId::parse(account).ok()?),
                period: Some(period.to_string()),
                amount: Some(Amount::parse_signed(closing).ok()?),
            });
        }
        return None;
    }
    Some(CodeQuery {
        code: normalise(text)?,
        account: None,
        period: None,
        amount: None,
    })
}

fn normalise(code: &str) -> Option<String> {
    let cleaned: String = code
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect();
    let valid = cleaned.len() == 12
        && cleaned
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase() && !"ILOU".contains(c));
    valid.then(|| format!("{}-{}-{}", &cleaned[0..4], &cleaned[4..8], &cleaned[8..12]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_change_with_every_field() {
        let id = AccountId::parse("M001").unwrap();
        let base = statement_code("l", &id, "2026-10", Amount::from_minor(150), &[1; 32]);
        assert_eq!(base.len(), 14);
        assert_ne!(
            base,
            statement_code("l", &id, "2026-10", Amount::from_minor(151), &[1; 32])
        );
        assert_ne!(
            base,
            statement_code("l", &id, "2026-11", Amount::from_minor(150), &[1; 32])
        );
        assert_ne!(
            base,
            statement_code("l", &id, "2026-10", Amount::from_minor(150), &[2; 32])
        );
        assert_eq!(
            base,
            statement_code("l", &id, "2026-10", Amount::from_minor(150), &[1; 32])
        );
    }

    #[test]
    fn typed_codes_are_forgiving() {
        let q = parse_code("abcd efgh jkmn").unwrap();
        assert_eq!(q.code, "ABCD-EFGH-JKMN");
        assert_eq!(parse_code("0OIL-1111-2222").unwrap().code, "0011-1111-2222");
        let qr = parse_code("AKKER-STATEMENT/M001/2026-10/1.50/ABCD-EFGH-JKMN").unwrap();
        assert_eq!(qr.period.as_deref(), Some("2026-10"));
        assert!(parse_code("too short").is_none());
    }

    #[test]
    fn a_check_address_carries_the_code_and_gives_it_back() {
        let url = check_address_payload("https://kiosk.example/check", "ABCD-EFGH-JKMN");
        assert_eq!(url, "https://kiosk.example/check?code=ABCD-EFGH-JKMN");
        assert_eq!(parse_code(&url).unwrap().code, "ABCD-EFGH-JKMN");
        let more = check_address_payload("https://example.org/?lang=nl", "ABCD-EFGH-JKMN");
        assert_eq!(more, "https://example.org/?lang=nl&code=ABCD-EFGH-JKMN");
        assert_eq!(parse_code(&more).unwrap().code, "ABCD-EFGH-JKMN");
        // An address without a code is not a code.
        assert!(parse_code("https://kiosk.example/check").is_none());
    }
}
