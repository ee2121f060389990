//! Recording entries: the store's one write path.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use rusqlite::{params, OptionalExtension, Transaction as SqlTx, TransactionBehavior};

use crate::ledger::state::{CardState, TxFacts};
use crate::ledger::{
    AccountId, AccountState, DisplayName, EntryBody, Language, LedgerState, RuleError, SignedEntry,
};
use crate::signing::{canonical, chain, handover, keys};

use super::journal::{last_chain_hash, seq_of_entry_hash};
use super::read::{account_state_from_row, ACCOUNT_STATE_COLUMNS};
use super::{Result, Store};

/// Personal data given with an account-opened entry; stored apart from
/// the journal so it can be erased without touching a signature.
#[derive(Debug, Clone)]
pub struct NewProfile {
    pub display_name: DisplayName,
    pub language: Language,
}

/// A signed entry waiting to be recorded.
#[derive(Debug, Clone)]
pub struct Pending {
    pub signed: SignedEntry,
    pub profile: Option<NewProfile>,
    /// With a card-issued entry: the kiosk's check of the new card
    /// (`signing::card_check_hash`), kept unsigned in `kiosk_card_checks`.
    pub card_check: Option<[u8; 32]>,
}

impl Pending {
    pub fn entry(signed: SignedEntry) -> Pending {
        Pending {
            signed,
            profile: None,
            card_check: None,
        }
    }

    pub fn with_profile(signed: SignedEntry, profile: NewProfile) -> Pending {
        Pending {
            signed,
            profile: Some(profile),
            card_check: None,
        }
    }

    /// A card-issued entry with the kiosk's check of its card.
    pub fn with_card_check(signed: SignedEntry, check_hash: [u8; 32]) -> Pending {
        Pending {
            signed,
            profile: None,
            card_check: Some(check_hash),
        }
    }
}

/// Batches larger than this are split for signature checking, so both
/// cores share the work.
const VERIFY_CHUNK: usize = 1024;

impl Store {
    /// Records every entry of `batch` in order, or none of them. Returns
    /// their sequence numbers. Each signature is checked and every rule of
    /// the ledger runs against the state inside the write transaction.
    pub fn append(&mut self, batch: Vec<Pending>) -> Result<Vec<i64>> {
        self.append_inner(batch, Guard::None)
    }

    /// Like `append`, and also claims the one-time form token `token` in
    /// the same SQLite transaction (for the kiosk). A token that was
    /// already claimed refuses the whole batch with `RuleError::Duplicate`
    /// naming the entry recorded the first time, so a form sent twice
    /// records once and the second sender can show the first receipt.
    pub fn append_claiming(&mut self, batch: Vec<Pending>, token: &str) -> Result<Vec<i64>> {
        self.append_inner(batch, Guard::FormToken(token))
    }

    pub(super) fn append_inner(&mut self, batch: Vec<Pending>, guard: Guard) -> Result<Vec<i64>> {
        let hashes = check_signatures(&self.ledger_id, &batch)?;
        let sql = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let Guard::NewImport { file } = guard {
            super::interchange::refuse_imported_before(&sql, file)?;
        }
        if let Guard::FormToken(token) = guard {
            super::offers::refuse_claimed_form_token(&sql, token)?;
        }
        // A trigger dropped outside akker is put back before anything is
        // written (verify reports it was missing).
        super::audit::restore_triggers(&sql)?;
        let (mut seq, mut chain_hash) =
            last_chain_hash(&sql, "1 = 1", [])?.unwrap_or((0, chain::GENESIS));
        let mut state = LedgerState {
            settings: (seq > 0).then(|| self.settings.clone()),
            treasurer_key: match seq {
                0 => None,
                _ => Some(super::settings::current_treasurer_key(
                    &sql,
                    &self.settings,
                )?),
            },
            clock: match seq {
                0 => Default::default(),
                _ => super::settings::clock_state(&sql, self.settings.tz())?,
            },
            policy: match seq {
                0 => Default::default(),
                _ => super::fund::policy_settings(&sql)?,
            },
            ..LedgerState::default()
        };
        let mut loaded = Loaded {
            given_since: batch.first().map(|p| {
                crate::ledger::policy::window_start(
                    p.signed.entry.recorded_at,
                    crate::ledger::policy::GROWTH_MONTHS_MAX + 1,
                )
            }),
            // The hours given are read only when a growth policy is or may
            // come in force in this batch: they matter to no other rule.
            growth: state.policy.growth().is_some()
                || batch.iter().any(|p| {
                    matches!(&p.signed.entry.body, EntryBody::SettingSet { name, .. } if name.is_policy())
                }),
            ..Loaded::default()
        };
        let mut last_seq: HashMap<AccountId, i64> = HashMap::new();
        let mut seqs = Vec::with_capacity(batch.len());
        let touches_cards = batch.iter().any(|p| {
            matches!(
                p.signed.entry.body,
                EntryBody::CardIssued { .. } | EntryBody::CardRevoked { .. }
            )
        });
        if touches_cards {
            // A card entry also updates the kiosk's tables, which a ledger
            // made before them may lack.
            super::kiosk::ensure_tables_in(&sql)?;
        }
        for (pending, hash) in batch.iter().zip(hashes) {
            let signed = &pending.signed;
            loaded.load_for(&sql, &mut state, signed)?;
            seq += 1;
            state.apply(seq, signed, hash)?;
            chain_hash = chain::next_chain(&chain_hash, &hash, &signed.signature);
            insert_entry(&sql, seq, signed, &hash, &chain_hash)
                .map_err(|err| duplicate_or(err, &sql, &hash))?;
            insert_details(&sql, seq, pending)?;
            for account in touched_accounts(&signed.entry.body) {
                last_seq.insert(account.clone(), seq);
            }
            seqs.push(seq);
        }
        write_read_model(&sql, &state, &last_seq)?;
        if let Guard::FormToken(token) = guard {
            super::offers::claim_form_token(&sql, token, seq)?;
        }
        sql.commit()?;
        Ok(seqs)
    }
}

/// What one write checks or claims besides the ledger's rules, inside the
/// same SQLite transaction, so two writers racing cannot both pass.
#[derive(Clone, Copy)]
pub(super) enum Guard<'a> {
    None,
    /// The kiosk's one-time form token (see `append_claiming`).
    FormToken(&'a str),
    /// No transaction may come from a file of this name yet (see
    /// `Store::append_import`).
    NewImport {
        file: &'a str,
    },
}

/// Verifies every signature before the write lock is taken, in parallel.
fn check_signatures(ledger_id: &str, batch: &[Pending]) -> Result<Vec<[u8; 32]>> {
    let messages: Vec<Vec<u8>> = batch
        .par_iter()
        .map(|p| canonical::message_of(ledger_id, &p.signed))
        .collect();
    let all_good = messages
        .par_chunks(VERIFY_CHUNK)
        .zip(batch.par_chunks(VERIFY_CHUNK))
        .all(|(msgs, entries)| {
            let refs: Vec<&[u8]> = msgs.iter().map(Vec::as_slice).collect();
            let keys: Vec<[u8; 32]> = entries.iter().map(|p| p.signed.signer.public_key).collect();
            let sigs: Vec<[u8; 64]> = entries.iter().map(|p| p.signed.signature).collect();
            keys::verify_batch(&refs, &keys, &sigs)
        });
    if !all_good {
        return Err(RuleError::SignerNotAllowed(
            "a signature does not match its entry; nothing was recorded".into(),
        )
        .into());
    }
    if !batch
        .iter()
        .all(|p| handover::acceptance_ok(ledger_id, &p.signed))
    {
        return Err(RuleError::SignerNotAllowed(
            "the new treasurer key did not sign its acceptance of the handover; nothing was recorded".into(),
        )
        .into());
    }
    Ok(messages.par_iter().map(|m| chain::entry_hash(m)).collect())
}

/// The journal's UNIQUE entry hash refuses a second copy of the very same
/// signed entry; this turns that refusal into the ledger's own message.
fn duplicate_or(err: super::StoreError, sql: &SqlTx, hash: &[u8; 32]) -> super::StoreError {
    match seq_of_entry_hash(sql, hash) {
        Ok(Some(seq)) => RuleError::Duplicate(seq).into(),
        _ => err,
    }
}

/// Remembers which accounts, cards and transactions were already read
/// into the state during this batch, so each is read once.
#[derive(Default)]
struct Loaded {
    accounts: HashSet<AccountId>,
    cards: HashSet<AccountId>,
    /// Whether the expiry period was read into the state.
    expiry_days: bool,
    /// Whether to read each person account's hours given for work.
    growth: bool,
    /// From when (UTC) those hours can still count in this batch.
    given_since: Option<chrono::DateTime<chrono::Utc>>,
    all_persons: bool,
}

impl Loaded {
    fn load_for(
        &mut self,
        sql: &SqlTx,
        state: &mut LedgerState,
        signed: &SignedEntry,
    ) -> Result<()> {
        let body = &signed.entry.body;
        for account in touched_accounts(body)
            .into_iter()
            .chain(signed.signer.account.as_ref())
        {
            self.load_account(sql, state, account)?;
        }
        match body {
            EntryBody::CardIssued {
                holder: Some(holder),
                ..
            } => self.load_account(sql, state, holder)?,
            EntryBody::AttestationIssued { account, .. } => {
                self.load_account(sql, state, account)?
            }
            _ => {}
        }
        let card_account = match body {
            EntryBody::CardIssued { account, .. } | EntryBody::CardRevoked { account, .. } => {
                Some(account)
            }
            _ => signed.signer.account.as_ref(),
        };
        if let Some(account) = card_account {
            if self.cards.insert(account.clone()) {
                if let Some(card) = latest_card(sql, account)? {
                    state.cards.insert(account.clone(), card);
                }
            }
        }
        self.load_request(sql, state, body)?;
        if let EntryBody::FundRun(run) = body {
            self.load_for_fund_run(sql, state, run.rule(), run.period())?;
        }
        if let EntryBody::Transaction(tx) = body {
            if let Some(link) = tx.reverses() {
                if let std::collections::hash_map::Entry::Vacant(slot) =
                    state.transactions.entry(link.seq)
                {
                    if let Some(facts) = tx_facts(sql, link.seq)? {
                        slot.insert(facts);
                    }
                }
            }
        }
        Ok(())
    }

    /// What a request entry's rules need: the two accounts of a new
    /// request; the request a later entry names; the expiry period.
    fn load_request(
        &mut self,
        sql: &SqlTx,
        state: &mut LedgerState,
        body: &EntryBody,
    ) -> Result<()> {
        let link = match body {
            EntryBody::RequestMade(request) => {
                self.load_account(sql, state, request.payer())?;
                self.load_account(sql, state, request.payee())?;
                None
            }
            EntryBody::RequestConfirmed(confirmation) => Some(confirmation.request()),
            EntryBody::RequestDeclined { request, .. }
            | EntryBody::RequestWithdrawn { request, .. } => Some(request),
            _ => return Ok(()),
        };
        // A new request keeps the period in force when made (rule 5).
        if !self.expiry_days {
            self.expiry_days = true;
            state.requests.expiry_days = super::requests::expiry_days_in(sql)?;
        }
        let entry = link.map(|l| state.requests.requests.entry(l.seq));
        if let Some(std::collections::hash_map::Entry::Vacant(slot)) = entry {
            if let Some(facts) = super::requests::request_facts(sql, *slot.key())? {
                slot.insert(facts);
            }
        }
        Ok(())
    }

    fn load_account(&mut self, sql: &SqlTx, state: &mut LedgerState, id: &AccountId) -> Result<()> {
        if !self.accounts.insert(id.clone()) {
            return Ok(());
        }
        let query = format!("SELECT {ACCOUNT_STATE_COLUMNS} FROM accounts WHERE id = ?1");
        let mut stmt = sql.prepare_cached(&query)?;
        if let Some(account) = stmt
            .query_row([id.as_str()], account_state_from_row)
            .optional()?
        {
            let account = account?;
            if account.kind == crate::ledger::AccountKind::Person {
                self.load_policy_facts(sql, state, id)?;
            }
            state.accounts.insert(id.clone(), account);
        }
        Ok(())
    }

    /// What the growth policy needs of a person account: whether its
    /// limits were set one by one, and the hours it gave for work.
    fn load_policy_facts(
        &mut self,
        sql: &SqlTx,
        state: &mut LedgerState,
        id: &AccountId,
    ) -> Result<()> {
        if super::fund::has_own_limits(sql, id)? {
            state.own_limits.insert(id.clone());
        }
        if let (true, Some(since)) = (self.growth, self.given_since) {
            let log = super::fund::given_log(sql, id, since)?;
            state.given.insert(id.clone(), log);
        }
        Ok(())
    }

    /// A fund run's rule looks at every open person account, the fund,
    /// and whether the period already ran.
    fn load_for_fund_run(
        &mut self,
        sql: &SqlTx,
        state: &mut LedgerState,
        rule: crate::ledger::policy::FundRule,
        period: &str,
    ) -> Result<()> {
        if !self.all_persons {
            self.all_persons = true;
            for id in super::fund::open_person_ids(sql)? {
                self.load_account(sql, state, &id)?;
            }
        }
        if let Some(fund) = state.policy.fund_account() {
            self.load_account(sql, state, &fund)?;
        }
        // The standing run of this or an overlapping period, under its own.
        if let Some((ran, seq)) = super::fund::standing_fund_run(sql, rule, period)? {
            state.fund_runs.entry((rule, ran)).or_insert(seq);
        }
        Ok(())
    }
}

fn latest_card(sql: &SqlTx, account: &AccountId) -> Result<Option<CardState>> {
    let mut stmt = sql.prepare_cached(
        "SELECT j.entry_type, c.card_number, c.public_key FROM card_events c JOIN journal j ON j.seq = c.seq AND (j.entry_type = 'card-issued' OR j.entry_type = 'card-revoked')
         WHERE c.account_id = ?1 ORDER BY c.seq DESC LIMIT 1",
    )?;
    let row = stmt
        .query_row([account.as_str()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, Vec<u8>>(2)?,
            ))
        })
        .optional()?;
    Ok(row.and_then(|(kind, card_number, key)| {
        let public_key = key.try_into().ok()?;
        Some(CardState {
            card_number,
            public_key,
            active: kind == "card-issued",
        })
    }))
}

fn tx_facts(sql: &SqlTx, seq: i64) -> Result<Option<TxFacts>> {
    let mut stmt = sql.prepare_cached(
        "SELECT j.entry_hash, t.reverses_seq IS NOT NULL, (SELECT r.seq FROM transactions r WHERE r.reverses_seq = t.seq)
         FROM transactions t JOIN journal j ON j.seq = t.seq WHERE t.seq = ?1",
    )?;
    let row = stmt
        .query_row([seq], |r| {
            Ok((
                r.get::<_, Vec<u8>>(0)?,
                r.get::<_, bool>(1)?,
                r.get::<_, Option<i64>>(2)?,
            ))
        })
        .optional()?;
    let mut postings = sql.prepare_cached(
        "SELECT account_id, amount_minor FROM postings WHERE seq = ?1 ORDER BY idx",
    )?;
    let postings: Vec<(String, i64)> = postings
        .query_map([seq], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let postings_digest =
        crate::ledger::state::postings_digest(postings.iter().map(|(a, m)| (a.as_str(), *m)));
    Ok(row.and_then(|(hash, is_reversal, reversed_by)| {
        Some(TxFacts {
            entry_hash: hash.try_into().ok()?,
            is_reversal,
            reversed_by,
            postings_digest,
        })
    }))
}

/// The accounts whose read-model row an entry changes.
fn touched_accounts(body: &EntryBody) -> Vec<&AccountId> {
    match body {
        EntryBody::AccountOpened { account, .. }
        | EntryBody::LimitsSet { account, .. }
        | EntryBody::AccountClosed { account, .. }
        | EntryBody::CardIssued { account, .. }
        | EntryBody::CardRevoked { account, .. }
        | EntryBody::SoftLimitsSet { account, .. } => vec![account],
        EntryBody::Transaction(tx) => tx.postings().iter().map(|p| &p.account).collect(),
        EntryBody::RequestConfirmed(confirmation) => confirmation
            .payment()
            .postings()
            .iter()
            .map(|p| &p.account)
            .collect(),
        EntryBody::Gift(gift) => vec![gift.from(), gift.to()],
        EntryBody::FundRun(run) => run.postings().iter().map(|p| &p.account).collect(),
        EntryBody::LedgerCreated(_)
        | EntryBody::StatementsIssued { .. }
        | EntryBody::AttestationIssued { .. }
        | EntryBody::SettingSet { .. }
        | EntryBody::TreasurerKeyChanged { .. }
        | EntryBody::ClockConfirmed { .. }
        | EntryBody::ClockCorrected { .. }
        | EntryBody::RequestMade(_)
        | EntryBody::RequestDeclined { .. }
        | EntryBody::RequestWithdrawn { .. } => vec![],
    }
}

fn insert_entry(
    sql: &SqlTx,
    seq: i64,
    signed: &SignedEntry,
    hash: &[u8; 32],
    chain_hash: &[u8; 32],
) -> Result<()> {
    let mut stmt = sql.prepare_cached(
        "INSERT INTO journal (seq, entry_type, recorded_at, signer_role, signer_account, signer_key, signature, entry_hash, chain_hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    stmt.execute(params![
        seq,
        signed.entry.body.type_name(),
        canonical::format_timestamp(&signed.entry),
        signed.signer.role.as_str(),
        signed.signer.account.as_ref().map(|a| a.as_str()),
        &signed.signer.public_key[..],
        &signed.signature[..],
        &hash[..],
        &chain_hash[..],
    ])?;
    Ok(())
}

fn insert_details(sql: &SqlTx, seq: i64, pending: &Pending) -> Result<()> {
    match &pending.signed.entry.body {
        EntryBody::LedgerCreated(s) => {
            sql.execute(
                "INSERT INTO ledger_settings VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                params![
                    seq, s.community_name, s.currency_name, s.currency_unit, s.currency_symbol, s.time_zone,
                    s.default_language, &s.treasurer_key[..],
                    s.person_limits.floor().minor(), s.person_limits.ceiling().minor(),
                    s.initiative_limits.floor().minor(), s.initiative_limits.ceiling().minor(),
                    s.partner_limits.floor().minor(), s.partner_limits.ceiling().minor(),
                    s.system_limits.floor().minor(), s.system_limits.ceiling().minor(),
                ],
            )?;
        }
        EntryBody::AccountOpened {
            account,
            kind,
            limits,
        } => {
            sql.execute(
                "INSERT INTO accounts (id, kind, floor_minor, ceiling_minor, status, balance_minor, opened_seq, last_seq)
                 VALUES (?1, ?2, ?3, ?4, 'open', 0, ?5, ?5)",
                params![account.as_str(), kind.as_str(), limits.floor().minor(), limits.ceiling().minor(), seq],
            )?;
            insert_account_event(sql, seq, account, Some(kind.as_str()), Some(limits), "")?;
            if let Some(profile) = &pending.profile {
                sql.execute(
                    "INSERT INTO account_profiles (account_id, display_name, language) VALUES (?1, ?2, ?3)",
                    params![account.as_str(), profile.display_name.as_str(), profile.language.as_str()],
                )?;
            }
        }
        EntryBody::LimitsSet {
            account,
            limits,
            reason,
        } => {
            insert_account_event(sql, seq, account, None, Some(limits), reason.as_str())?;
        }
        EntryBody::AccountClosed { account, reason } => {
            insert_account_event(sql, seq, account, None, None, reason.as_str())?;
        }
        EntryBody::CardIssued {
            account,
            card_number,
            public_key,
            holder,
            kdf,
            reason,
        } => {
            sql.execute(
                "INSERT INTO card_events (seq, account_id, public_key, card_number, holder_id, kdf_memory_kib, kdf_iterations, kdf_parallelism, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![seq, account.as_str(), &public_key[..], card_number, holder.as_ref().map(|h| h.as_str()),
                        kdf.memory_kib, kdf.iterations, kdf.parallelism, reason.as_str()],
            )?;
            super::kiosk::card_issued(
                sql,
                account,
                *card_number,
                public_key,
                pending.card_check.as_ref(),
            )?;
        }
        EntryBody::CardRevoked {
            account,
            card_number,
            public_key,
            reason,
        } => {
            sql.execute(
                "INSERT INTO card_events (seq, account_id, public_key, card_number, reason) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![seq, account.as_str(), &public_key[..], card_number, reason.as_str()],
            )?;
            super::kiosk::card_revoked(sql, account)?;
        }
        EntryBody::Transaction(tx) => insert_transaction(sql, seq, tx)?,
        EntryBody::StatementsIssued {
            period,
            head_seq,
            head_hash,
        } => {
            sql.execute(
                "INSERT INTO statement_issues (seq, period, head_seq, head_hash) VALUES (?1, ?2, ?3, ?4)",
                params![seq, period, head_seq, &head_hash[..]],
            )?;
        }
        EntryBody::AttestationIssued {
            account,
            from,
            to,
            given,
            head_seq,
            head_hash,
        } => {
            sql.execute(
                "INSERT INTO attestations (seq, account_id, date_from, date_to, given_minor, head_seq, head_hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    seq,
                    account.as_str(),
                    from.format("%Y-%m-%d").to_string(),
                    to.format("%Y-%m-%d").to_string(),
                    given.minor(),
                    head_seq,
                    &head_hash[..]
                ],
            )?;
        }
        EntryBody::SettingSet { name, value } => {
            sql.execute(
                "INSERT INTO setting_events (seq, name, value) VALUES (?1, ?2, ?3)",
                params![seq, name.as_str(), value],
            )?;
        }
        EntryBody::TreasurerKeyChanged {
            new_key,
            acceptance,
            reason,
        } => {
            sql.execute(
                "INSERT INTO treasurer_key_changes (seq, new_key, acceptance, reason) VALUES (?1, ?2, ?3, ?4)",
                params![seq, &new_key[..], &acceptance[..], reason.as_str()],
            )?;
        }
        EntryBody::ClockConfirmed { date } => {
            sql.execute(
                "INSERT INTO clock_confirmations (seq, date) VALUES (?1, ?2)",
                params![seq, date.format("%Y-%m-%d").to_string()],
            )?;
        }
        EntryBody::ClockCorrected {
            first_wrong_seq,
            reason,
        } => {
            sql.execute(
                "INSERT INTO clock_corrections (seq, first_wrong_seq, reason) VALUES (?1, ?2, ?3)",
                params![seq, first_wrong_seq, reason.as_str()],
            )?;
        }
        EntryBody::RequestMade(_)
        | EntryBody::RequestConfirmed(_)
        | EntryBody::RequestDeclined { .. }
        | EntryBody::RequestWithdrawn { .. } => {
            if let EntryBody::RequestConfirmed(confirmation) = &pending.signed.entry.body {
                insert_transaction(sql, seq, confirmation.payment())?;
            }
            super::requests::insert_request_entry(sql, seq, &pending.signed.entry.body)?;
        }
        EntryBody::SoftLimitsSet {
            account,
            soft_floor,
            soft_ceiling,
            reason,
        } => {
            sql.execute(
                "INSERT INTO soft_limit_events (seq, account_id, soft_floor_minor, soft_ceiling_minor, reason) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![seq, account.as_str(), soft_floor.map(|a| a.minor()), soft_ceiling.map(|a| a.minor()), reason.as_str()],
            )?;
        }
        EntryBody::Gift(gift) => {
            let date = gift.date().format("%Y-%m-%d").to_string();
            insert_movement(
                sql,
                seq,
                &date,
                gift.why().as_str(),
                gift.slip().map(|s| s.as_str()),
                &gift.postings(),
            )?;
        }
        EntryBody::FundRun(run) => {
            let date = run.date().format("%Y-%m-%d").to_string();
            insert_movement(
                sql,
                seq,
                &date,
                run.description().as_str(),
                None,
                run.postings(),
            )?;
            sql.execute(
                "INSERT INTO fund_runs (seq, rule, period) VALUES (?1, ?2, ?3)",
                params![seq, run.rule().as_str(), run.period()],
            )?;
        }
    }
    Ok(())
}

/// The `transactions` row (no kind of work) and postings of a gift or a
/// fund run, so balances, statements and exports count them like any
/// movement of hours.
fn insert_movement(
    sql: &SqlTx,
    seq: i64,
    date: &str,
    description: &str,
    slip: Option<&str>,
    postings: &[crate::ledger::Posting],
) -> Result<()> {
    sql.prepare_cached(
        "INSERT INTO transactions (seq, date, work, description, slip) VALUES (?1, ?2, NULL, ?3, ?4)",
    )?
    .execute(params![seq, date, description, slip])?;
    let mut posting = sql.prepare_cached(
        "INSERT INTO postings (seq, idx, account_id, amount_minor) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (idx, p) in postings.iter().enumerate() {
        posting.execute(params![
            seq,
            idx as i64,
            p.account.as_str(),
            p.amount.minor()
        ])?;
    }
    Ok(())
}

fn insert_account_event(
    sql: &SqlTx,
    seq: i64,
    account: &AccountId,
    kind: Option<&str>,
    limits: Option<&crate::ledger::Limits>,
    reason: &str,
) -> Result<()> {
    sql.execute(
        "INSERT INTO account_events (seq, account_id, kind, floor_minor, ceiling_minor, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![seq, account.as_str(), kind, limits.map(|l| l.floor().minor()), limits.map(|l| l.ceiling().minor()), reason],
    )?;
    Ok(())
}

fn insert_transaction(sql: &SqlTx, seq: i64, tx: &crate::ledger::Transaction) -> Result<()> {
    let mut stmt = sql.prepare_cached(
        "INSERT INTO transactions (seq, date, work, skill, description, slip, reverses_seq, reason, override_reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    stmt.execute(params![
        seq,
        tx.date().format("%Y-%m-%d").to_string(),
        tx.work().as_str(),
        tx.skill().map(|s| s.as_str()),
        tx.description().as_str(),
        tx.slip().map(|s| s.as_str()),
        tx.reverses().map(|l| l.seq),
        tx.reverses().map(|l| l.reason.as_str()),
        tx.override_reason().map(|r| r.as_str()),
    ])?;
    let mut posting = sql.prepare_cached(
        "INSERT INTO postings (seq, idx, account_id, amount_minor) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (idx, p) in tx.postings().iter().enumerate() {
        posting.execute(params![
            seq,
            idx as i64,
            p.account.as_str(),
            p.amount.minor()
        ])?;
    }
    Ok(())
}

/// Writes the cached state of every account the batch touched, once.
fn write_read_model(
    sql: &SqlTx,
    state: &LedgerState,
    last_seq: &HashMap<AccountId, i64>,
) -> Result<()> {
    let mut stmt = sql.prepare_cached(
        "UPDATE accounts SET floor_minor = ?2, ceiling_minor = ?3, status = ?4, balance_minor = ?5, last_seq = ?6 WHERE id = ?1",
    )?;
    for (id, seq) in last_seq {
        let Some(AccountState {
            limits,
            status,
            balance,
            ..
        }) = state.accounts.get(id)
        else {
            continue;
        };
        stmt.execute(params![
            id.as_str(),
            limits.floor().minor(),
            limits.ceiling().minor(),
            status.as_str(),
            balance.minor(),
            seq
        ])?;
    }
    Ok(())
}
