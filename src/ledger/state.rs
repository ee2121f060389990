//! The rules that depend on what came before: account status and limits,
//! who may sign what, cards, reversals. `LedgerState::apply` is the one
//! place these rules live. The store runs it on the accounts an entry
//! touches before writing; `verify` runs it over the whole journal again.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::account::{AccountId, AccountKind, AccountStatus, Limits};
use super::amount::Amount;
use super::clock::ClockState;
use super::entry::{EntryBody, Settings, SignedEntry, SignerRole};
use super::error::{RuleError, TransactionError};
use super::policy::{FundRule, GivenLog, PolicySettings};
use super::request::{By, Outcome, RequestBook, RequestLink};
use super::setting::SettingError;
use super::transaction::{check_postings, SlipRef, Transaction};
use super::LedgerError;

mod fund_rules;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccountState {
    pub id: AccountId,
    pub kind: AccountKind,
    pub limits: Limits,
    pub status: AccountStatus,
    pub balance: Amount,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardState {
    pub card_number: u32,
    pub public_key: [u8; 32],
    pub active: bool,
}

/// What later entries need to know about an earlier transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TxFacts {
    pub entry_hash: [u8; 32],
    pub is_reversal: bool,
    pub reversed_by: Option<i64>,
    /// `postings_digest` of its postings, so a reversal can be checked to
    /// mirror them without keeping every posting of the journal.
    pub postings_digest: u64,
}

/// A digest of postings (account, amount) in account order, for
/// comparing a reversal with its original inside one process: the order
/// the postings were written in does not matter (an account appears once
/// per transaction). Not a signature: the entries themselves are signed;
/// this only keeps the comparison small.
pub fn postings_digest<'a>(postings: impl IntoIterator<Item = (&'a str, i64)>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut sorted: Vec<(&str, i64)> = postings.into_iter().collect();
    sorted.sort_unstable();
    let mut hasher = std::hash::DefaultHasher::new();
    for (account, minor) in sorted {
        account.hash(&mut hasher);
        minor.hash(&mut hasher);
    }
    hasher.finish()
}

/// The part of the ledger's state the rules look at. The store fills only
/// the accounts, cards and transactions an entry touches; `verify` builds
/// it in full by replaying the journal.
#[derive(Debug, Default, Clone)]
pub struct LedgerState {
    pub settings: Option<Settings>,
    pub accounts: HashMap<AccountId, AccountState>,
    /// The latest card of each account, active or revoked.
    pub cards: HashMap<AccountId, CardState>,
    pub transactions: HashMap<i64, TxFacts>,
    /// The key that signs treasurer entries now: the settings' key until
    /// a `treasurer-key-changed` entry names another. None means the
    /// settings' key (the store fills it in before writing).
    pub treasurer_key: Option<[u8; 32]>,
    /// The last recording time and the last issued month (`clock`).
    pub clock: ClockState,
    /// Requests that later entries may settle, and the expiry period.
    pub requests: RequestBook,
    /// The limit and fund settings in force (`policy`).
    pub policy: PolicySettings,
    /// Accounts whose limits were set one by one (`limits-set`): the
    /// growth policy leaves their floor alone.
    pub own_limits: HashSet<AccountId>,
    /// Hours each person account was paid for work, for the growth
    /// policy's window. The store fills the touched accounts' logs.
    pub given: HashMap<AccountId, GivenLog>,
    /// The standing (not reversed) run of each fund rule and period.
    pub fund_runs: HashMap<(FundRule, String), i64>,
}

impl LedgerState {
    /// Checks `signed` against every rule and, if it passes, applies it.
    /// On error the state is unchanged.
    pub fn apply(
        &mut self,
        seq: i64,
        signed: &SignedEntry,
        entry_hash: [u8; 32],
    ) -> Result<(), LedgerError> {
        if let EntryBody::LedgerCreated(settings) = &signed.entry.body {
            return self.apply_genesis(seq, signed, settings);
        }
        let settings = self.settings.as_ref().ok_or_else(|| {
            RuleError::SignerNotAllowed("the ledger has no settings entry".into())
        })?;
        let treasurer_key = self.treasurer_key.unwrap_or(settings.treasurer_key);
        let tz = settings.tz();
        self.check_signer(signed, &treasurer_key)?;
        self.clock.check(seq, signed, tz)?;
        self.apply_body(seq, signed, entry_hash, treasurer_key)?;
        self.clock.record(signed, tz);
        Ok(())
    }

    /// The rules of each entry type, after the signer and the time passed.
    fn apply_body(
        &mut self,
        seq: i64,
        signed: &SignedEntry,
        entry_hash: [u8; 32],
        treasurer_key: [u8; 32],
    ) -> Result<(), LedgerError> {
        match &signed.entry.body {
            EntryBody::LedgerCreated(_) => unreachable!("handled above"),
            EntryBody::AccountOpened {
                account,
                kind,
                limits,
            } => self.open_account(account, *kind, *limits),
            EntryBody::LimitsSet {
                account, limits, ..
            } => {
                self.open_account_mut(account)?.limits = *limits;
                self.own_limits.insert(account.clone());
                Ok(())
            }
            EntryBody::AccountClosed { account, .. } => self.close_account(account),
            EntryBody::CardIssued {
                account,
                card_number,
                public_key,
                holder,
                ..
            } => self.issue_card(account, *card_number, *public_key, holder.as_ref()),
            EntryBody::CardRevoked {
                account,
                card_number,
                public_key,
                ..
            } => self.revoke_card(account, *card_number, public_key),
            EntryBody::Transaction(tx) => {
                let today = local_date(signed, self.settings.as_ref());
                self.apply_transaction(seq, tx, today, entry_hash, signed.entry.recorded_at)
            }
            EntryBody::SoftLimitsSet {
                account,
                soft_floor,
                soft_ceiling,
                ..
            } => {
                self.open_account_mut(account)?;
                if soft_floor.is_some_and(|f| f.minor() > 0)
                    || soft_ceiling.is_some_and(|c| c.minor() < 0)
                {
                    return Err(RuleError::InvalidLimits(account.clone()).into());
                }
                Ok(())
            }
            EntryBody::Gift(gift) => {
                let today = local_date(signed, self.settings.as_ref());
                self.apply_gift(seq, gift, today, entry_hash, signed.entry.recorded_at)
            }
            EntryBody::FundRun(run) => {
                let today = local_date(signed, self.settings.as_ref());
                self.apply_fund_run(seq, run, today, entry_hash)
            }
            EntryBody::StatementsIssued { head_seq, .. } => check_head(*head_seq, seq),
            EntryBody::AttestationIssued {
                account,
                from,
                to,
                head_seq,
                ..
            } => {
                if !self.accounts.contains_key(account) {
                    return Err(RuleError::UnknownAccount(account.clone()).into());
                }
                if from > to {
                    return Err(RuleError::SignerNotAllowed(
                        "an attestation's period must not end before it starts".into(),
                    )
                    .into());
                }
                check_head(*head_seq, seq)
            }
            EntryBody::SettingSet { name, value } => {
                if &name.canonical_value(value)? != value {
                    return Err(SettingError::Invalid {
                        key: *name,
                        why: "is not in the form akker signs (trimmed, checked)".into(),
                    }
                    .into());
                }
                if *name == super::setting::SettingKey::RequestsExpiryDays {
                    self.requests.expiry_days = value.parse().ok();
                }
                self.policy.set(*name, value);
                Ok(())
            }
            EntryBody::RequestMade(_)
            | EntryBody::RequestConfirmed(_)
            | EntryBody::RequestDeclined { .. }
            | EntryBody::RequestWithdrawn { .. } => self.apply_request(seq, signed, entry_hash),
            EntryBody::TreasurerKeyChanged { new_key, .. } => {
                if new_key == &treasurer_key {
                    return Err(RuleError::SameTreasurerKey.into());
                }
                if !usable_public_key(new_key) {
                    return Err(RuleError::UnusableKey.into());
                }
                self.treasurer_key = Some(*new_key);
                Ok(())
            }
            EntryBody::ClockConfirmed { .. } | EntryBody::ClockCorrected { .. } => Ok(()),
        }
    }

    fn apply_genesis(
        &mut self,
        seq: i64,
        signed: &SignedEntry,
        settings: &Settings,
    ) -> Result<(), LedgerError> {
        if seq != 1 || self.settings.is_some() {
            return Err(RuleError::SignerNotAllowed(
                "the ledger settings are only the first entry".into(),
            )
            .into());
        }
        if signed.signer.role != SignerRole::Treasurer
            || signed.signer.public_key != settings.treasurer_key
        {
            return Err(RuleError::SignerNotAllowed(
                "the first entry is signed by the treasurer's key".into(),
            )
            .into());
        }
        self.settings = Some(settings.clone());
        self.treasurer_key = Some(settings.treasurer_key);
        self.clock.record(signed, settings.tz());
        Ok(())
    }

    /// Who may sign what: the treasurer anything; a card only payments
    /// from its own account, without overrides or reversals.
    fn check_signer(
        &self,
        signed: &SignedEntry,
        treasurer_key: &[u8; 32],
    ) -> Result<(), LedgerError> {
        let signer = &signed.signer;
        if signer.role == SignerRole::Treasurer {
            if &signer.public_key != treasurer_key {
                return Err(RuleError::NotTreasurerKey.into());
            }
            // What a member signs with a card, the treasurer records only
            // from the member's paper: the slip marks it as such.
            if slip_of(&signed.entry.body) == Some(None) {
                return Err(RuleError::SlipRequired(signed.entry.body.type_name()).into());
            }
            return Ok(());
        }
        // A card signs payments and gifts (the payer rule below), and the
        // four request entries (whose account rules `apply_request`
        // checks against the request).
        let payment = match &signed.entry.body {
            EntryBody::Transaction(tx) => Some((
                tx.sole_payer(),
                tx.override_reason().is_some(),
                tx.reverses().is_some(),
            )),
            EntryBody::Gift(gift) => Some((Some(gift.from()), false, false)),
            EntryBody::RequestMade(_)
            | EntryBody::RequestConfirmed(_)
            | EntryBody::RequestDeclined { .. }
            | EntryBody::RequestWithdrawn { .. } => None,
            _ => {
                return Err(RuleError::SignerNotAllowed(format!(
                    "only the treasurer records {}",
                    signed.entry.body.type_name()
                ))
                .into())
            }
        };
        let account = signer.account.as_ref().ok_or_else(|| {
            RuleError::SignerNotAllowed("a card signature names its account".into())
        })?;
        let state = self
            .accounts
            .get(account)
            .ok_or_else(|| RuleError::UnknownAccount(account.clone()))?;
        if state.kind == AccountKind::System {
            return Err(RuleError::SystemNeedsTreasurer.into());
        }
        // A closed account's card signs nothing (docs/signing.md): not
        // only payments, which could not touch it anyway, but a request's
        // withdrawal or decline too.
        if state.status == AccountStatus::Closed {
            return Err(RuleError::SignerNotAllowed(format!(
                "account {account} is closed, and a closed account's card signs nothing; the treasurer can record it from a paper slip (--slip)"
            ))
            .into());
        }
        if SignerRole::for_card_of(state.kind) != signer.role {
            return Err(RuleError::SignerNotAllowed(format!(
                "a card of a {} account signs as {}",
                state.kind,
                SignerRole::for_card_of(state.kind).as_str()
            ))
            .into());
        }
        match self.cards.get(account) {
            Some(card) if card.active && card.public_key == signer.public_key => {}
            Some(_) => return Err(RuleError::WrongPinOrCard(account.clone()).into()),
            None => return Err(RuleError::NoCard(account.clone()).into()),
        }
        let Some((payer, override_reason, reverses)) = payment else {
            return Ok(());
        };
        if override_reason {
            return Err(RuleError::OverrideNeedsTreasurer.into());
        }
        if reverses {
            return Err(
                RuleError::SignerNotAllowed("only the treasurer records reversals".into()).into(),
            );
        }
        if payer != Some(account) {
            return Err(RuleError::SignerNotAllowed(format!(
                "the card of {account} may only sign payments from {account}"
            ))
            .into());
        }
        Ok(())
    }

    /// The rules of the four request entries (src/ledger/request.rs): a
    /// request names two open accounts and a date not in the future; it
    /// is settled once, before it expires, by the right side; a
    /// confirmation repeats it exactly and is then a payment like any
    /// other (limits, closed accounts).
    fn apply_request(
        &mut self,
        seq: i64,
        signed: &SignedEntry,
        entry_hash: [u8; 32],
    ) -> Result<(), LedgerError> {
        let by = match (&signed.signer.role, &signed.signer.account) {
            (SignerRole::Treasurer, _) | (_, None) => By::Treasurer,
            (_, Some(account)) => By::Card(account),
        };
        let recorded_at = signed.entry.recorded_at;
        let settle = |state: &Self, link: &RequestLink, outcome: Outcome, by: By| {
            state
                .requests
                .check_settle(link, outcome, by, recorded_at)
                .map(|_| ())
        };
        match &signed.entry.body {
            EntryBody::RequestMade(request) => {
                for account in [request.payer(), request.payee()] {
                    let state = self
                        .accounts
                        .get(account)
                        .ok_or_else(|| RuleError::UnknownAccount(account.clone()))?;
                    if state.status == AccountStatus::Closed {
                        return Err(RuleError::AccountClosed(account.clone()).into());
                    }
                }
                let today = local_date(signed, self.settings.as_ref());
                if request.date() > today {
                    return Err(TransactionError::DateInFuture {
                        date: request.date().to_string(),
                        today: today.to_string(),
                    }
                    .into());
                }
                self.requests
                    .make(seq, request, by, entry_hash, recorded_at)?;
            }
            EntryBody::RequestConfirmed(confirmation) => {
                let link = confirmation.request();
                let facts =
                    self.requests
                        .check_settle(link, Outcome::Confirmed, by, recorded_at)?;
                RequestBook::check_matches(facts, confirmation)?;
                let today = local_date(signed, self.settings.as_ref());
                self.apply_transaction(
                    seq,
                    confirmation.payment(),
                    today,
                    entry_hash,
                    recorded_at,
                )?;
                self.requests.settle(link, seq, Outcome::Confirmed);
            }
            EntryBody::RequestDeclined { request, .. } => {
                settle(self, request, Outcome::Declined, by)?;
                self.requests.settle(request, seq, Outcome::Declined);
            }
            EntryBody::RequestWithdrawn { request, .. } => {
                settle(self, request, Outcome::Withdrawn, by)?;
                self.requests.settle(request, seq, Outcome::Withdrawn);
            }
            _ => unreachable!("only request entries come here"),
        }
        Ok(())
    }

    fn open_account(
        &mut self,
        id: &AccountId,
        kind: AccountKind,
        limits: Limits,
    ) -> Result<(), LedgerError> {
        if self.accounts.contains_key(id) {
            return Err(RuleError::AccountExists(id.clone()).into());
        }
        let state = AccountState {
            id: id.clone(),
            kind,
            limits,
            status: AccountStatus::Open,
            balance: Amount::ZERO,
        };
        self.accounts.insert(id.clone(), state);
        Ok(())
    }

    fn open_account_mut(&mut self, id: &AccountId) -> Result<&mut AccountState, LedgerError> {
        let state = self
            .accounts
            .get_mut(id)
            .ok_or_else(|| RuleError::UnknownAccount(id.clone()))?;
        if state.status == AccountStatus::Closed {
            return Err(RuleError::AccountClosed(id.clone()).into());
        }
        Ok(state)
    }

    fn close_account(&mut self, id: &AccountId) -> Result<(), LedgerError> {
        let state = self
            .accounts
            .get_mut(id)
            .ok_or_else(|| RuleError::UnknownAccount(id.clone()))?;
        if state.status == AccountStatus::Closed {
            return Err(RuleError::AlreadyClosed(id.clone()).into());
        }
        if !state.balance.is_zero() {
            return Err(RuleError::CloseWithBalance {
                account: id.clone(),
                balance: state.balance,
            }
            .into());
        }
        state.status = AccountStatus::Closed;
        Ok(())
    }

    fn issue_card(
        &mut self,
        id: &AccountId,
        number: u32,
        key: [u8; 32],
        holder: Option<&AccountId>,
    ) -> Result<(), LedgerError> {
        let kind = self.open_account_mut(id)?.kind;
        if kind == AccountKind::System {
            return Err(RuleError::SystemNeedsTreasurer.into());
        }
        if let Some(holder) = holder {
            let holder_state = self
                .accounts
                .get(holder)
                .ok_or_else(|| RuleError::UnknownAccount(holder.clone()))?;
            if holder_state.kind != AccountKind::Person {
                return Err(RuleError::HolderNotPerson(holder.clone()).into());
            }
        }
        let expected = match self.cards.get(id) {
            Some(card) if card.active => {
                return Err(RuleError::SignerNotAllowed(format!(
                    "card {} of {id} is still active; revoke it first",
                    card.card_number
                ))
                .into())
            }
            Some(card) => card.card_number + 1,
            None => 1,
        };
        if number != expected {
            return Err(RuleError::SignerNotAllowed(format!(
                "the next card of {id} is number {expected}, not {number}"
            ))
            .into());
        }
        self.cards.insert(
            id.clone(),
            CardState {
                card_number: number,
                public_key: key,
                active: true,
            },
        );
        Ok(())
    }

    fn revoke_card(
        &mut self,
        id: &AccountId,
        number: u32,
        key: &[u8; 32],
    ) -> Result<(), LedgerError> {
        match self.cards.get_mut(id) {
            Some(card) if card.active && card.card_number == number && &card.public_key == key => {
                card.active = false;
                Ok(())
            }
            _ => Err(RuleError::SignerNotAllowed(format!(
                "card {number} of {id} is not its active card"
            ))
            .into()),
        }
    }

    fn apply_transaction(
        &mut self,
        seq: i64,
        tx: &Transaction,
        today: NaiveDate,
        entry_hash: [u8; 32],
        at: DateTime<Utc>,
    ) -> Result<(), LedgerError> {
        check_postings(tx.postings())?;
        tx.check_date(today)?;
        if let Some(link) = tx.reverses() {
            self.check_reversal(link.seq, &link.entry_hash)?;
            let mirrored = postings_digest(
                tx.postings()
                    .iter()
                    .map(|p| (p.account.as_str(), -p.amount.minor())),
            );
            if self.transactions.get(&link.seq).map(|t| t.postings_digest) != Some(mirrored) {
                return Err(RuleError::ReversalNotMirror(link.seq).into());
            }
        }
        let overridden = tx.override_reason().is_some();
        let mut new_balances = Vec::with_capacity(tx.postings().len());
        for posting in tx.postings() {
            let state = self
                .accounts
                .get(&posting.account)
                .ok_or_else(|| RuleError::UnknownAccount(posting.account.clone()))?;
            if state.status == AccountStatus::Closed {
                return Err(RuleError::AccountClosed(posting.account.clone()).into());
            }
            let would_be = state.balance.checked_add(posting.amount).ok_or(
                TransactionError::PostingTooLarge {
                    account: posting.account.clone(),
                    amount: posting.amount,
                },
            )?;
            if !overridden {
                let limits = self.limits_in_force(state, at);
                check_limits_in(state, limits, posting.amount, would_be)?;
            }
            new_balances.push(would_be);
        }
        for (posting, balance) in tx.postings().iter().zip(new_balances) {
            if let Some(state) = self.accounts.get_mut(&posting.account) {
                state.balance = balance;
            }
        }
        if let Some(link) = tx.reverses() {
            if let Some(original) = self.transactions.get_mut(&link.seq) {
                original.reversed_by = Some(seq);
            }
            for posting in tx.postings() {
                if let Some(log) = self.given.get_mut(&posting.account) {
                    log.remove_seq(link.seq);
                }
            }
            self.fund_runs.retain(|_, run| *run != link.seq);
        } else {
            self.record_given(seq, tx, at);
        }
        let facts = TxFacts {
            entry_hash,
            is_reversal: tx.reverses().is_some(),
            reversed_by: None,
            postings_digest: postings_digest(
                tx.postings()
                    .iter()
                    .map(|p| (p.account.as_str(), p.amount.minor())),
            ),
        };
        self.transactions.insert(seq, facts);
        Ok(())
    }

    fn check_reversal(
        &self,
        original_seq: i64,
        original_hash: &[u8; 32],
    ) -> Result<(), LedgerError> {
        let original = self
            .transactions
            .get(&original_seq)
            .ok_or(RuleError::UnknownTransaction(original_seq))?;
        if &original.entry_hash != original_hash {
            return Err(RuleError::UnknownTransaction(original_seq).into());
        }
        if original.is_reversal {
            return Err(RuleError::ReverseOfReversal(original_seq).into());
        }
        if let Some(by) = original.reversed_by {
            return Err(RuleError::AlreadyReversed {
                original: original_seq,
                by,
            }
            .into());
        }
        Ok(())
    }
}

/// The paper slip of an entry a member may sign with a card besides a
/// payment (a request entry, a gift): None when the body has no slip.
fn slip_of(body: &EntryBody) -> Option<Option<&SlipRef>> {
    match body {
        EntryBody::RequestMade(request) => Some(request.slip()),
        EntryBody::RequestConfirmed(confirmation) => Some(confirmation.payment().slip()),
        EntryBody::RequestDeclined { slip, .. } | EntryBody::RequestWithdrawn { slip, .. } => {
            Some(slip.as_ref())
        }
        EntryBody::Gift(gift) => Some(gift.slip()),
        _ => None,
    }
}

/// A key that can verify signatures: a valid curve point, not of small
/// order (with a weak key anyone can "sign"; strict checks refuse it, so
/// a ledger handed to one would be locked for ever).
fn usable_public_key(key: &[u8; 32]) -> bool {
    ed25519_dalek::VerifyingKey::from_bytes(key).is_ok_and(|k| !k.is_weak())
}

/// A signed head must be an earlier entry of this journal.
fn check_head(head_seq: i64, seq: i64) -> Result<(), LedgerError> {
    if head_seq >= seq || head_seq < 1 {
        return Err(
            RuleError::SignerNotAllowed("a signed head must be an earlier entry".into()).into(),
        );
    }
    Ok(())
}

/// A posting may not push an account further past its floor or ceiling.
/// Moving back towards the range is always allowed, so an account left
/// outside by a limit change can still be brought back.
pub fn check_limits(
    state: &AccountState,
    amount: Amount,
    would_be: Amount,
) -> Result<(), RuleError> {
    check_limits_in(state, state.limits, amount, would_be)
}

/// [`check_limits`] against `limits` (the limits in force, which the
/// growth policy may have moved).
pub fn check_limits_in(
    state: &AccountState,
    limits: Limits,
    amount: Amount,
    would_be: Amount,
) -> Result<(), RuleError> {
    if amount.is_negative() && would_be < limits.floor() {
        return Err(RuleError::BelowFloor {
            account: state.id.clone(),
            would_be,
            floor: limits.floor(),
        });
    }
    if !amount.is_negative() && would_be > limits.ceiling() {
        return Err(RuleError::AboveCeiling {
            account: state.id.clone(),
            would_be,
            ceiling: limits.ceiling(),
        });
    }
    Ok(())
}

/// The calendar day an entry was recorded, in the community's time zone:
/// an exchange may not be dated after it.
pub fn local_date(signed: &SignedEntry, settings: Option<&Settings>) -> NaiveDate {
    let tz = settings.map_or(chrono_tz::Europe::Brussels, Settings::tz);
    signed.entry.recorded_at.with_timezone(&tz).date_naive()
}
