//! Journal entries: everything the ledger records, each signed. The
//! journal is the truth; every other table is derived from it.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::account::{AccountId, AccountKind, Limits, Reason};
use super::request::{Confirmation, Request, RequestLink};
use super::setting::SettingKey;
use super::transaction::SlipRef;
use super::transaction::Transaction;

/// The ledger's settings, fixed at `init` and signed as its first entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Settings {
    pub community_name: String,
    pub currency_name: String,
    pub currency_unit: String,
    pub currency_symbol: String,
    /// IANA name; months and "today" are counted in this zone.
    pub time_zone: String,
    pub default_language: String,
    #[serde(serialize_with = "crate::ledger::entry::hex32")]
    pub treasurer_key: [u8; 32],
    pub person_limits: Limits,
    pub initiative_limits: Limits,
    pub partner_limits: Limits,
    pub system_limits: Limits,
}

impl Settings {
    /// The community's time zone. `akker init` refuses a name that does not
    /// parse, so only a damaged file has one; it counts as Europe/Brussels.
    pub fn tz(&self) -> chrono_tz::Tz {
        self.time_zone
            .parse()
            .unwrap_or(chrono_tz::Europe::Brussels)
    }

    pub fn default_limits(&self, kind: AccountKind) -> Limits {
        match kind {
            AccountKind::Person => self.person_limits,
            AccountKind::Initiative => self.initiative_limits,
            AccountKind::Partner => self.partner_limits,
            AccountKind::System => self.system_limits,
        }
    }
}

pub fn hex64<S: serde::Serializer>(bytes: &[u8; 64], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&hex::encode(bytes))
}

pub fn hex32<S: serde::Serializer>(bytes: &[u8; 32], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&hex::encode(bytes))
}

/// Argon2id parameters a card's key was derived with. Stored with each
/// card so they can be raised later without breaking old cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct KdfParams {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl KdfParams {
    /// 64 MiB, 3 passes: about 120 ms here, quick at a kiosk and slow for
    /// someone guessing PINs offline with a stolen card secret.
    pub const STRONG: KdfParams = KdfParams {
        memory_kib: 64 * 1024,
        iterations: 3,
        parallelism: 1,
    };
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum EntryBody {
    LedgerCreated(Settings),
    AccountOpened {
        account: AccountId,
        kind: AccountKind,
        limits: Limits,
    },
    LimitsSet {
        account: AccountId,
        limits: Limits,
        reason: Reason,
    },
    AccountClosed {
        account: AccountId,
        reason: Reason,
    },
    CardIssued {
        account: AccountId,
        card_number: u32,
        #[serde(serialize_with = "hex32")]
        public_key: [u8; 32],
        holder: Option<AccountId>,
        kdf: KdfParams,
        reason: Reason,
    },
    CardRevoked {
        account: AccountId,
        card_number: u32,
        #[serde(serialize_with = "hex32")]
        public_key: [u8; 32],
        reason: Reason,
    },
    Transaction(Transaction),
    StatementsIssued {
        /// "YYYY-MM"
        period: String,
        head_seq: i64,
        #[serde(serialize_with = "hex32")]
        head_hash: [u8; 32],
    },
    /// An engagement attestation: the hours `account` gave between two
    /// dates (by the date the exchanges happened), as the ledger stood at
    /// `head_seq`, signed by the treasurer.
    AttestationIssued {
        account: AccountId,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
        given: crate::ledger::Amount,
        head_seq: i64,
        #[serde(serialize_with = "hex32")]
        head_hash: [u8; 32],
    },
    /// A signed setting (docs/signing.md, `setting-set`): `value` is in
    /// the form `SettingKey::canonical_value` gives; empty clears it.
    SettingSet {
        name: SettingKey,
        value: String,
    },
    /// The treasurer hands over: signed by the current key, it names the
    /// key that signs every later treasurer entry. `acceptance` is the new
    /// key's own signature of the handover (`signing::handover`), so no
    /// one can hand a ledger over to a key they do not hold.
    TreasurerKeyChanged {
        #[serde(serialize_with = "hex32")]
        new_key: [u8; 32],
        #[serde(serialize_with = "hex64")]
        acceptance: [u8; 64],
        reason: Reason,
    },
    /// The treasurer confirms the computer's date after a jump forward of
    /// more than `state::CLOCK_JUMP_DAYS`: `date` is the local date typed
    /// back, which must be the entry's own.
    ClockConfirmed {
        date: chrono::NaiveDate,
    },
    /// Entries from `first_wrong_seq` up to this one were recorded with a
    /// clock set ahead; from here on times are compared with this entry's.
    ClockCorrected {
        first_wrong_seq: i64,
        reason: Reason,
    },
    /// The one who helped asks to be paid (a pending request, in Credit
    /// Commons words). Moves no balance.
    RequestMade(Request),
    /// The one who was helped confirms a request: this entry is the
    /// payment, and must repeat the request exactly.
    RequestConfirmed(Confirmation),
    /// The one asked to pay says no, with a reason.
    RequestDeclined {
        request: RequestLink,
        reason: Reason,
        slip: Option<SlipRef>,
    },
    /// The one who asked takes the request back.
    RequestWithdrawn {
        request: RequestLink,
        slip: Option<SlipRef>,
    },
    /// An account's own soft floor and soft ceiling (docs/signing.md):
    /// crossing them is allowed and gives a notice. None takes the
    /// setting of the account's kind.
    SoftLimitsSet {
        account: AccountId,
        soft_floor: Option<crate::ledger::Amount>,
        soft_ceiling: Option<crate::ledger::Amount>,
        reason: Reason,
    },
    /// Hours given without work, signed by the giver's card (payer rule)
    /// or by the treasurer from a slip.
    Gift(crate::ledger::fund::Gift),
    /// One run of a community-fund rule for one period, treasurer only.
    FundRun(crate::ledger::fund::FundRun),
}

/// Every entry type's name, in the order of docs/signing.md.
pub const ENTRY_TYPES: [&str; 20] = [
    "ledger-created",
    "account-opened",
    "limits-set",
    "account-closed",
    "card-issued",
    "card-revoked",
    "transaction",
    "statements-issued",
    "attestation-issued",
    "setting-set",
    "treasurer-key-changed",
    "clock-confirmed",
    "clock-corrected",
    "request-made",
    "request-confirmed",
    "request-declined",
    "request-withdrawn",
    "soft-limits-set",
    "gift",
    "fund-run",
];

impl EntryBody {
    pub fn type_name(&self) -> &'static str {
        match self {
            EntryBody::LedgerCreated(_) => "ledger-created",
            EntryBody::AccountOpened { .. } => "account-opened",
            EntryBody::LimitsSet { .. } => "limits-set",
            EntryBody::AccountClosed { .. } => "account-closed",
            EntryBody::CardIssued { .. } => "card-issued",
            EntryBody::CardRevoked { .. } => "card-revoked",
            EntryBody::Transaction(_) => "transaction",
            EntryBody::StatementsIssued { .. } => "statements-issued",
            EntryBody::AttestationIssued { .. } => "attestation-issued",
            EntryBody::SettingSet { .. } => "setting-set",
            EntryBody::TreasurerKeyChanged { .. } => "treasurer-key-changed",
            EntryBody::ClockConfirmed { .. } => "clock-confirmed",
            EntryBody::ClockCorrected { .. } => "clock-corrected",
            EntryBody::RequestMade(_) => "request-made",
            EntryBody::RequestConfirmed(_) => "request-confirmed",
            EntryBody::RequestDeclined { .. } => "request-declined",
            EntryBody::RequestWithdrawn { .. } => "request-withdrawn",
            EntryBody::SoftLimitsSet { .. } => "soft-limits-set",
            EntryBody::Gift(_) => "gift",
            EntryBody::FundRun(_) => "fund-run",
        }
    }
}

impl EntryBody {
    /// The payment this entry makes, if it makes one: a transaction, or
    /// the confirmation of a request. Everything that counts hours
    /// (balances, statements, exports, reports) reads payments through
    /// this, so a confirmed request counts like any payment.
    pub fn payment(&self) -> Option<&Transaction> {
        match self {
            EntryBody::Transaction(tx) => Some(tx),
            EntryBody::RequestConfirmed(confirmation) => Some(confirmation.payment()),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// When the entry was made, in UTC, to the microsecond.
    pub recorded_at: DateTime<Utc>,
    pub body: EntryBody,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SignerRole {
    /// The treasurer's key: paper slips, corrections, system postings.
    Treasurer,
    /// A person paying with their own card and PIN.
    Member,
    /// A key holder of an initiative or partner, with that account's card.
    KeyHolder,
}

impl SignerRole {
    pub fn as_str(self) -> &'static str {
        match self {
            SignerRole::Treasurer => "treasurer",
            SignerRole::Member => "member",
            SignerRole::KeyHolder => "key-holder",
        }
    }

    pub fn parse(text: &str) -> Option<SignerRole> {
        [
            SignerRole::Treasurer,
            SignerRole::Member,
            SignerRole::KeyHolder,
        ]
        .into_iter()
        .find(|r| r.as_str() == text)
    }

    /// The role a card of an account of this kind signs with.
    pub fn for_card_of(kind: AccountKind) -> SignerRole {
        match kind {
            AccountKind::Person => SignerRole::Member,
            _ => SignerRole::KeyHolder,
        }
    }
}

/// Who signed, as recorded: the role, the account whose card was used
/// (none for the treasurer) and the public key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signer {
    pub role: SignerRole,
    pub account: Option<AccountId>,
    #[serde(serialize_with = "hex32")]
    pub public_key: [u8; 32],
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedEntry {
    pub entry: Entry,
    pub signer: Signer,
    pub signature: [u8; 64],
}
