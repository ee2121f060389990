//! The ledger's use cases, shared by the command line and the kiosk:
//! each builds an entry from validated values, signs it and hands it to
//! the store. Nothing here parses command lines or renders output.

pub mod requests;

use chrono::{DateTime, NaiveDate, Utc};

use crate::ledger::{
    AccountId, AccountKind, Amount, DisplayName, Entry, EntryBody, KdfParams, Language, Limits,
    PaymentDetails, Reason, RuleError, Settings, SignerRole, Transaction,
};
use crate::signing::{
    card_check_hash, derive_card_key, same_check, CardCode, CardSecret, KeyHolder, Pin,
};
use crate::store::kiosk::CardCheckRow;
use crate::store::offers::PinFailures;
use crate::store::{NewProfile, Pending, Store, StoreError};

pub mod fund;

/// A fresh ledger id: 16 random bytes in hex. It is part of every signed
/// message, so a signature from one ledger never validates in another.
pub fn new_ledger_id() -> String {
    let mut bytes = [0u8; 16];
    getrandom::getrandom(&mut bytes).expect("the operating system provides randomness");
    hex::encode(bytes)
}

/// Creates a new ledger file whose first entry is its signed settings.
pub fn init(
    path: &std::path::Path,
    settings: Settings,
    treasurer: &KeyHolder,
    now: DateTime<Utc>,
) -> Result<Store, StoreError> {
    let ledger_id = new_ledger_id();
    let genesis = treasurer.sign(
        &ledger_id,
        Entry {
            recorded_at: now,
            body: EntryBody::LedgerCreated(settings),
        },
    );
    Store::create(path, &ledger_id, genesis)
}

/// The calendar day it is now in the community's time zone.
pub fn today(settings: &Settings, now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&settings.tz()).date_naive()
}

pub struct NewAccount {
    pub id: AccountId,
    pub kind: AccountKind,
    pub name: DisplayName,
    pub language: Language,
    /// None takes the ledger's default for the kind.
    pub limits: Option<Limits>,
}

pub fn open_account_entry(
    store: &Store,
    treasurer: &KeyHolder,
    account: NewAccount,
    now: DateTime<Utc>,
) -> Pending {
    let limits = account
        .limits
        .unwrap_or_else(|| store.settings().default_limits(account.kind));
    let body = EntryBody::AccountOpened {
        account: account.id,
        kind: account.kind,
        limits,
    };
    let signed = treasurer.sign(
        store.ledger_id(),
        Entry {
            recorded_at: now,
            body,
        },
    );
    Pending::with_profile(
        signed,
        NewProfile {
            display_name: account.name,
            language: account.language,
        },
    )
}

pub fn open_account(
    store: &mut Store,
    treasurer: &KeyHolder,
    account: NewAccount,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let pending = open_account_entry(store, treasurer, account, now);
    single(store.append(vec![pending])?)
}

pub fn set_limits(
    store: &mut Store,
    treasurer: &KeyHolder,
    account: AccountId,
    limits: Limits,
    reason: Reason,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let body = EntryBody::LimitsSet {
        account,
        limits,
        reason,
    };
    record(store, treasurer, body, now)
}

pub fn close_account(
    store: &mut Store,
    treasurer: &KeyHolder,
    account: AccountId,
    reason: Reason,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    record(
        store,
        treasurer,
        EntryBody::AccountClosed { account, reason },
        now,
    )
}

fn record(
    store: &mut Store,
    signer: &KeyHolder,
    body: EntryBody,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    single(store.append(vec![signed(store, signer, body, now)])?)
}

/// `body`, recorded now, signed by `signer` for this ledger.
fn signed(store: &Store, signer: &KeyHolder, body: EntryBody, now: DateTime<Utc>) -> Pending {
    Pending::entry(signer.sign(
        store.ledger_id(),
        Entry {
            recorded_at: now,
            body,
        },
    ))
}

fn single(seqs: Vec<i64>) -> Result<i64, StoreError> {
    seqs.last()
        .copied()
        .ok_or_else(|| StoreError::Corrupt("nothing was recorded".into()))
}

/// A newly issued card: what to print on it, and the journal entries.
pub struct IssuedCard {
    pub code: CardCode,
    pub card_number: u32,
    pub seqs: Vec<i64>,
}

/// Issues a card: a new random secret, the key derived from it and the
/// PIN, and its public key registered. An active old card is revoked in
/// the same write, so there is never a moment with two valid cards.
pub fn issue_card(
    store: &mut Store,
    treasurer: &KeyHolder,
    account: &AccountId,
    pin: &Pin,
    holder: Option<AccountId>,
    kdf: KdfParams,
    now: DateTime<Utc>,
) -> Result<IssuedCard, StoreError> {
    let row = store
        .account(account)?
        .ok_or_else(|| RuleError::UnknownAccount(account.clone()))?;
    let code = CardCode {
        account: account.clone(),
        secret: CardSecret::generate(),
    };
    let key = derive_card_key(store.ledger_id(), &code, pin, kdf)
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let mut entries = Vec::new();
    let mut card_number = 1;
    if let Some(old) = row.card {
        card_number = old.card_number + 1;
        if old.active {
            let reason = Reason::parse(&format!("replaced by card {card_number}"))
                .expect("a fixed reason is valid");
            let body = EntryBody::CardRevoked {
                account: account.clone(),
                card_number: old.card_number,
                public_key: old.public_key,
                reason,
            };
            entries.push(signed(store, treasurer, body, now));
        }
    }
    let reason = Reason::parse(if card_number == 1 {
        "first card"
    } else {
        "new card"
    })
    .expect("a fixed reason is valid");
    let body = EntryBody::CardIssued {
        account: account.clone(),
        card_number,
        public_key: key.verifying_key().to_bytes(),
        holder,
        kdf,
        reason,
    };
    // The kiosk's check of the new card goes in with its entry: from the
    // first moment, only this card's wrong PINs count, and the new entry
    // lifts any lock of the old card.
    let check = card_check_hash(store.ledger_id(), &code, card_number);
    let issued = signed(store, treasurer, body, now).signed;
    entries.push(Pending::with_card_check(issued, check));
    let seqs = store.append(entries)?;
    Ok(IssuedCard {
        code,
        card_number,
        seqs,
    })
}

/// Stops `account`'s active card without issuing a new one (a lost
/// card), signed by the treasurer. Returns the card's number and the
/// entry's seq. The card's kiosk check and wrong-PIN count go with it.
pub fn revoke_card(
    store: &mut Store,
    treasurer: &KeyHolder,
    account: &AccountId,
    reason: Reason,
    now: DateTime<Utc>,
) -> Result<(u32, i64), StoreError> {
    let row = store
        .account(account)?
        .ok_or_else(|| RuleError::UnknownAccount(account.clone()))?;
    let card = row
        .card
        .filter(|c| c.active)
        .ok_or_else(|| RuleError::NoCard(account.clone()))?;
    let body = EntryBody::CardRevoked {
        account: account.clone(),
        card_number: card.card_number,
        public_key: card.public_key,
        reason,
    };
    let seq = record(store, treasurer, body, now)?;
    Ok((card.card_number, seq))
}

/// How many wrong PINs in a row lock a card, and for how long. The
/// kiosk takes them from its options; `akker pay --card` uses the
/// defaults, the same as a kiosk started without options.
#[derive(Debug, Clone, Copy)]
pub struct PinPolicy {
    pub attempts_max: u32,
    pub lock: chrono::Duration,
}

impl Default for PinPolicy {
    fn default() -> Self {
        PinPolicy {
            attempts_max: 5,
            lock: chrono::Duration::seconds(900),
        }
    }
}

/// How a typed or scanned card code stands against the account's card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardStanding {
    /// The kiosk's check matches: this is the member's own card.
    Genuine,
    /// The card was issued before the kiosk kept checks, so it cannot
    /// be told from a made-up code until its first right PIN; its wrong
    /// PINs count as they always did.
    Unchecked,
    /// Not the code of any active card: no such account, no active
    /// card, or a code that does not match. Its PINs count for nothing.
    MadeUp,
}

/// Tells the member's card from a made-up code, without the PIN and
/// without weakening it (docs/signing.md, "Card check").
pub fn card_standing(store: &Store, code: &CardCode) -> Result<CardStanding, StoreError> {
    let card = store
        .account(&code.account)?
        .and_then(|row| row.card)
        .filter(|card| card.active);
    let Some(card) = card else {
        return Ok(CardStanding::MadeUp);
    };
    let check = store
        .card_check(&code.account)?
        .filter(|c| c.card_number == card.card_number && c.public_key == card.public_key);
    Ok(match check {
        None => CardStanding::Unchecked,
        Some(check) => {
            let typed = card_check_hash(store.ledger_id(), code, card.card_number);
            if same_check(&typed, &check.check_hash) {
                CardStanding::Genuine
            } else {
                CardStanding::MadeUp
            }
        }
    })
}

/// Whose active card the secret of `code` is, by the stored checks,
/// when it is not `code.account`'s: a card typed without its member
/// number for someone else's entry. A made-up code is nobody's. Says
/// nothing a holder of the card does not know already.
pub fn card_owner(store: &Store, code: &CardCode) -> Result<Option<AccountId>, StoreError> {
    for account in store.card_check_accounts()? {
        if account == code.account {
            continue;
        }
        let other = CardCode {
            account: account.clone(),
            secret: code.secret.clone(),
        };
        if card_standing(store, &other)? == CardStanding::Genuine {
            return Ok(Some(account));
        }
    }
    Ok(None)
}

/// Until when `account`'s card is locked, if it is now.
pub fn card_locked_until(
    store: &Store,
    account: &AccountId,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, StoreError> {
    Ok(store
        .pin_failures(account)?
        .locked_until
        .filter(|until| *until > now))
}

/// What a PIN typed with a card code came to.
pub enum PinOutcome {
    /// Boxed: a signing key is large, the other answers small.
    Right(Box<KeyHolder>),
    /// A genuine (or unchecked) card's wrong PIN, counted.
    Wrong { tries_left: u32 },
    /// The card is locked: too many wrong PINs in a row.
    Locked { until: DateTime<Utc> },
    /// The code is not the account's card: nothing was counted, and the
    /// account's real card is untouched. The caller decides what to show
    /// (the kiosk answers as for a wrong PIN).
    NotTheCard,
}

/// Checks a PIN typed with a card code, for the kiosk and `akker pay
/// --card` alike: a locked card is refused before any key is derived; a
/// wrong PIN of the genuine card counts towards its lock; a made-up code
/// counts nothing but costs the same key derivation, so its answer takes
/// as long as a real card's.
pub fn check_card_pin(
    store: &Store,
    code: &CardCode,
    pin: &Pin,
    policy: PinPolicy,
    now: DateTime<Utc>,
) -> Result<PinOutcome, StoreError> {
    let standing = card_standing(store, code)?;
    if standing == CardStanding::MadeUp {
        // The result is thrown away: only the time it takes matters.
        let _ = derive_card_key(store.ledger_id(), code, pin, KdfParams::STRONG);
        return Ok(PinOutcome::NotTheCard);
    }
    if let Some(until) = card_locked_until(store, &code.account, now)? {
        return Ok(PinOutcome::Locked { until });
    }
    match unlock_card(store, code, pin) {
        Ok(holder) => {
            store.clear_pin_failures(&code.account)?;
            if standing == CardStanding::Unchecked {
                // The right PIN proves the code genuine: from now on this
                // card is told from made-up codes too.
                remember_card_check(store, code)?;
            }
            Ok(PinOutcome::Right(Box::new(holder)))
        }
        Err(StoreError::Ledger(crate::ledger::LedgerError::Rule(RuleError::WrongPinOrCard(_)))) => {
            let failures =
                store.record_pin_failure(&code.account, policy.attempts_max, policy.lock, now)?;
            Ok(match failures.locked_until {
                Some(until) => PinOutcome::Locked { until },
                None => PinOutcome::Wrong {
                    tries_left: policy.attempts_max.saturating_sub(failures.failures),
                },
            })
        }
        Err(other) => Err(other),
    }
}

fn remember_card_check(store: &Store, code: &CardCode) -> Result<(), StoreError> {
    let Some(card) = store.account(&code.account)?.and_then(|row| row.card) else {
        return Ok(());
    };
    let row = CardCheckRow {
        card_number: card.card_number,
        public_key: card.public_key,
        check_hash: card_check_hash(store.ledger_id(), code, card.card_number),
    };
    store.save_card_check(&code.account, &row)
}

/// Lifts the lock of `account`'s card and forgets its wrong PINs (the
/// treasurer's `akker card unlock`). Returns the count as it was.
pub fn unlock_pin_lock(store: &Store, account: &AccountId) -> Result<PinFailures, StoreError> {
    if store.account(account)?.is_none() {
        return Err(RuleError::UnknownAccount(account.clone()).into());
    }
    store.ensure_kiosk_tables()?;
    let before = store.pin_failures(account)?;
    store.clear_pin_failures(account)?;
    Ok(before)
}

/// Turns a card and a PIN into a signer, or refuses with "wrong PIN or
/// card". The derived key is compared with the registered public key:
/// a wrong PIN derives a valid-looking but different key.
pub fn unlock_card(store: &Store, code: &CardCode, pin: &Pin) -> Result<KeyHolder, StoreError> {
    let row = store
        .account(&code.account)?
        .ok_or_else(|| RuleError::UnknownAccount(code.account.clone()))?;
    let card = row
        .card
        .filter(|c| c.active)
        .ok_or_else(|| RuleError::NoCard(code.account.clone()))?;
    let kdf = card.kdf.unwrap_or(KdfParams::STRONG);
    let key = derive_card_key(store.ledger_id(), code, pin, kdf)
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    if key.verifying_key().to_bytes() != card.public_key {
        return Err(RuleError::WrongPinOrCard(code.account.clone()).into());
    }
    Ok(KeyHolder {
        key,
        role: SignerRole::for_card_of(row.kind),
        account: Some(code.account.clone()),
    })
}

/// Records a payment from `payer` to one or more payees, signed by
/// `signer` (the payer's card, or the treasurer for a paper slip).
pub fn pay(
    store: &mut Store,
    signer: &KeyHolder,
    payer: &AccountId,
    payees: &[(AccountId, Amount)],
    details: PaymentDetails,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let tx =
        Transaction::payment(payer, payees, details).map_err(crate::ledger::LedgerError::from)?;
    record(store, signer, EntryBody::Transaction(tx), now)
}

/// [`pay`], also claiming the kiosk's one-time form token in the same
/// write: a form sent twice records once, and the second sending gets the
/// payment recorded the first time.
pub fn pay_claiming(
    store: &mut Store,
    signer: &KeyHolder,
    payer: &AccountId,
    payees: &[(AccountId, Amount)],
    details: PaymentDetails,
    now: DateTime<Utc>,
    form_token: &str,
) -> Result<i64, StoreError> {
    let tx =
        Transaction::payment(payer, payees, details).map_err(crate::ledger::LedgerError::from)?;
    let entry = signed(store, signer, EntryBody::Transaction(tx), now);
    match store.append_claiming(vec![entry], form_token) {
        Err(StoreError::Ledger(crate::ledger::LedgerError::Rule(RuleError::Duplicate(first)))) => {
            Ok(first)
        }
        recorded => single(recorded?),
    }
}

/// Records the reversal of transaction `seq`, signed by the treasurer.
pub fn reverse(
    store: &mut Store,
    treasurer: &KeyHolder,
    seq: i64,
    reason: Reason,
    override_reason: Option<Reason>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let (original, entry_hash) = store
        .signed_transaction(seq)?
        .ok_or(RuleError::UnknownTransaction(seq))?;
    let link = crate::ledger::ReversalLink {
        seq,
        entry_hash,
        reason,
    };
    let date = today(store.settings(), now);
    let reversal = Transaction::reversal_of(&original, link, date).with_override(override_reason);
    record(store, treasurer, EntryBody::Transaction(reversal), now)
}

/// Issues a month's statements: the treasurer signs the chain head as it
/// stood at the month's end (in the community's time zone). Issuing again
/// returns the first issue, so re-printed statements are identical; the
/// CLI looks for it with `Store::statement_issue` before asking for the
/// passphrase.
pub fn issue_statements(
    store: &mut Store,
    treasurer: &KeyHolder,
    month: crate::ledger::Month,
    now: DateTime<Utc>,
) -> Result<crate::store::statements::IssueRow, StoreError> {
    let period = month.to_string();
    if let Some(issue) = store.statement_issue(&period)? {
        return Ok(issue);
    }
    let (head_seq, head_hash) = month_head(store, month, now)?;
    let body = EntryBody::StatementsIssued {
        period: period.clone(),
        head_seq,
        head_hash,
    };
    record(store, treasurer, body, now)?;
    store
        .statement_issue(&period)?
        .ok_or_else(|| StoreError::Corrupt("the statement issue was not recorded".into()))
}

/// The chain head a month's statements would refer to: the last entry
/// recorded before the month ended. Refuses a month that has not ended
/// or that ended before the ledger began, so the command line can ask
/// before it asks for the passphrase.
pub fn month_head(
    store: &Store,
    month: crate::ledger::Month,
    now: DateTime<Utc>,
) -> Result<(i64, [u8; 32]), StoreError> {
    let period = month.to_string();
    let tz = store.settings().tz();
    let (_, month_end) = crate::ledger::period::recorded_bounds(month, tz);
    if month.next().start_utc(tz) > now {
        return Err(RuleError::PeriodNotEnded(period).into());
    }
    let Some(head) = store.head_before(&month_end)? else {
        // Nothing was recorded before the month ended: the ledger began
        // after it. Say which month is the first to have statements.
        let first = store
            .first_recorded_at()?
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| crate::ledger::Month::of_date(t.with_timezone(&tz).date_naive()))
            .ok_or_else(|| StoreError::Corrupt("the journal is empty".into()))?;
        return Err(RuleError::PeriodBeforeLedger {
            period,
            first: first.to_string(),
        }
        .into());
    };
    Ok(head)
}

/// Issues an engagement attestation for `account` over `from..=to`: the
/// treasurer signs the hours given, as the ledger stands now (its head).
pub fn issue_attestation(
    store: &mut Store,
    treasurer: &KeyHolder,
    account: &AccountId,
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
) -> Result<crate::store::statements::AttestationRow, StoreError> {
    if store.account(account)?.is_none() {
        return Err(RuleError::UnknownAccount(account.clone()).into());
    }
    let (head_seq, head_hash) = store.chain_head()?;
    let given = crate::statement::attestation::total_given(store, account, from, to, head_seq)?;
    let body = EntryBody::AttestationIssued {
        account: account.clone(),
        from,
        to,
        given,
        head_seq,
        head_hash,
    };
    let seq = record(store, treasurer, body, now)?;
    store
        .attestations()?
        .into_iter()
        .find(|a| a.seq == seq)
        .ok_or_else(|| StoreError::Corrupt("the attestation was not recorded".into()))
}

/// Records a signed setting; `value` is trimmed and checked first, and
/// an empty value clears the setting.
pub fn set_setting(
    store: &mut Store,
    treasurer: &KeyHolder,
    name: crate::ledger::SettingKey,
    value: &str,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let value = name
        .canonical_value(value)
        .map_err(crate::ledger::LedgerError::from)?;
    record(store, treasurer, EntryBody::SettingSet { name, value }, now)
}

/// Hands the ledger over to a new treasurer key: signed by the current
/// treasurer, carrying the new key's acceptance of the handover. From
/// the next entry on only `new_key` signs treasurer entries.
pub fn hand_over(
    store: &mut Store,
    treasurer: &KeyHolder,
    new_key: &ed25519_dalek::SigningKey,
    reason: Reason,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let old_key = treasurer.key.verifying_key().to_bytes();
    let acceptance = crate::signing::handover::accept(store.ledger_id(), &old_key, new_key);
    let body = EntryBody::TreasurerKeyChanged {
        new_key: new_key.verifying_key().to_bytes(),
        acceptance,
        reason,
    };
    record(store, treasurer, body, now)
}

/// The treasurer confirms the computer's date after a jump forward:
/// `typed` must be today's date in the community's time zone.
pub fn confirm_clock(
    store: &mut Store,
    treasurer: &KeyHolder,
    typed: NaiveDate,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    record(
        store,
        treasurer,
        EntryBody::ClockConfirmed { date: typed },
        now,
    )
}

/// Records that entries from `first_wrong_seq` on were recorded with a
/// clock set ahead; from now on times are compared with `now`.
pub fn correct_clock(
    store: &mut Store,
    treasurer: &KeyHolder,
    first_wrong_seq: i64,
    reason: Reason,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let body = EntryBody::ClockCorrected {
        first_wrong_seq,
        reason,
    };
    record(store, treasurer, body, now)
}
