-- akker: the one definition of the database.
--
-- The journal is the truth: one row per signed entry, in recording order,
-- chained by hash. Typed detail tables hold each entry's fields; together
-- they are exactly what the signature covers (docs/signing.md). Nothing in
-- the journal is ever updated or deleted: triggers below refuse it.
--
-- `accounts` is a read model (current kind, limits, status and a cached
-- balance) written in the same SQLite transaction as the journal rows that
-- change it. `verify` rebuilds it from the journal and compares.
--
-- `account_profiles` holds personal data (display name, language). It is
-- kept apart from the journal on purpose so it can be erased on request
-- while the ledger stays whole and verifiable: signatures cover account ids,
-- never names.
--
-- Amounts are exact integers in hundredths of the currency unit (*_minor).

-- Enumerations are checked as `x = 'a' OR x = 'b'`, not `x IN ('a', 'b')`:
-- SQLite evaluates an IN list in a CHECK by building a temporary index on
-- every insert, which made recording several times slower.

PRAGMA foreign_keys = ON;

-- Every ledger is marked as one in its header (bytes 68-71, "AKKR"), so
-- akker can refuse another program's file before opening it
-- (src/store/integrity.rs, docs/signing.md "Reading a ledger file").
-- `ledger.schema_version` below says which version of this file a ledger
-- follows; src/store/migrate.rs brings an older ledger up to it.
PRAGMA application_id = 1095453522;

CREATE TABLE IF NOT EXISTS ledger (
    singleton       INTEGER PRIMARY KEY CHECK (singleton = 1),
    schema_version  INTEGER NOT NULL,
    ledger_id       TEXT NOT NULL CHECK (length(ledger_id) = 32),
    created_at      TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS journal (
    seq             INTEGER PRIMARY KEY CHECK (seq >= 1),
    entry_type      TEXT NOT NULL CHECK (
                        entry_type = 'ledger-created'
                        OR entry_type = 'account-opened'
                        OR entry_type = 'limits-set'
                        OR entry_type = 'account-closed'
                        OR entry_type = 'card-issued'
                        OR entry_type = 'card-revoked'
                        OR entry_type = 'transaction'
                        OR entry_type = 'statements-issued'
                        OR entry_type = 'attestation-issued'
                        OR entry_type = 'setting-set'
                        OR entry_type = 'treasurer-key-changed'
                        OR entry_type = 'clock-confirmed'
                        OR entry_type = 'clock-corrected'
                        OR entry_type = 'request-made'
                        OR entry_type = 'request-confirmed'
                        OR entry_type = 'request-declined'
                        OR entry_type = 'request-withdrawn'
                        OR entry_type = 'soft-limits-set'
                        OR entry_type = 'gift'
                        OR entry_type = 'fund-run'),
    recorded_at     TEXT NOT NULL,
    signer_role     TEXT NOT NULL CHECK (signer_role = 'treasurer' OR signer_role = 'member' OR signer_role = 'key-holder'),
    signer_account  TEXT CHECK ((signer_role = 'treasurer') = (signer_account IS NULL)),
    signer_key      BLOB NOT NULL CHECK (length(signer_key) = 32),
    signature       BLOB NOT NULL CHECK (length(signature) = 64),
    -- UNIQUE: the very same signed entry is never recorded twice.
    entry_hash      BLOB NOT NULL UNIQUE CHECK (length(entry_hash) = 32),
    chain_hash      BLOB NOT NULL CHECK (length(chain_hash) = 32)
);

-- The ledger's settings, fixed at `init` and signed as the first entry.
CREATE TABLE IF NOT EXISTS ledger_settings (
    seq                 INTEGER PRIMARY KEY REFERENCES journal(seq),
    community_name      TEXT NOT NULL,
    currency_name       TEXT NOT NULL,
    currency_unit       TEXT NOT NULL,
    currency_symbol     TEXT NOT NULL,
    time_zone           TEXT NOT NULL,
    default_language    TEXT NOT NULL,
    treasurer_key       BLOB NOT NULL CHECK (length(treasurer_key) = 32),
    -- Default floor and ceiling per account kind.
    person_floor_minor      INTEGER NOT NULL,
    person_ceiling_minor    INTEGER NOT NULL,
    initiative_floor_minor  INTEGER NOT NULL,
    initiative_ceiling_minor INTEGER NOT NULL,
    partner_floor_minor     INTEGER NOT NULL,
    partner_ceiling_minor   INTEGER NOT NULL,
    system_floor_minor      INTEGER NOT NULL,
    system_ceiling_minor    INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS accounts (
    id              TEXT PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind = 'person' OR kind = 'initiative' OR kind = 'partner' OR kind = 'system'),
    floor_minor     INTEGER NOT NULL CHECK (floor_minor <= 0),
    ceiling_minor   INTEGER NOT NULL CHECK (ceiling_minor >= 0),
    status          TEXT NOT NULL CHECK (status = 'open' OR status = 'closed'),
    balance_minor   INTEGER NOT NULL,
    opened_seq      INTEGER NOT NULL REFERENCES journal(seq),
    last_seq        INTEGER NOT NULL REFERENCES journal(seq)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS account_profiles (
    account_id      TEXT PRIMARY KEY REFERENCES accounts(id),
    display_name    TEXT NOT NULL,
    language        TEXT NOT NULL,
    erased          INTEGER NOT NULL DEFAULT 0 CHECK (erased = 0 OR erased = 1)
);

-- account-opened, limits-set and account-closed entries.
CREATE TABLE IF NOT EXISTS account_events (
    seq             INTEGER PRIMARY KEY REFERENCES journal(seq),
    account_id      TEXT NOT NULL REFERENCES accounts(id),
    kind            TEXT CHECK (kind = 'person' OR kind = 'initiative' OR kind = 'partner' OR kind = 'system'),
    floor_minor     INTEGER,
    ceiling_minor   INTEGER,
    reason          TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS account_events_by_account ON account_events(account_id, seq);

-- card-issued and card-revoked entries. Only public keys: the secret key
-- is derived from the card and the PIN and never stored.
CREATE TABLE IF NOT EXISTS card_events (
    seq             INTEGER PRIMARY KEY REFERENCES journal(seq),
    account_id      TEXT NOT NULL REFERENCES accounts(id),
    public_key      BLOB NOT NULL CHECK (length(public_key) = 32),
    card_number     INTEGER NOT NULL CHECK (card_number >= 1),
    holder_id       TEXT REFERENCES accounts(id),
    kdf_memory_kib  INTEGER,
    kdf_iterations  INTEGER,
    kdf_parallelism INTEGER,
    reason          TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS card_events_by_account ON card_events(account_id, seq);
CREATE INDEX IF NOT EXISTS card_events_by_key ON card_events(public_key);

CREATE TABLE IF NOT EXISTS transactions (
    seq             INTEGER PRIMARY KEY REFERENCES journal(seq),
    date            TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    -- NULL for a gift or a fund run: hours moved without work.
    work            TEXT CHECK (work IS NULL OR work = 'care' OR work = 'community' OR work = 'self-development' OR work = 'practical'),
    skill           TEXT,
    description     TEXT NOT NULL CHECK (length(description) > 0),
    slip            TEXT,
    reverses_seq    INTEGER REFERENCES transactions(seq),
    reason          TEXT,
    override_reason TEXT
);

-- A transaction is reversed at most once. Partial, so the index holds
-- only the few reversals, not every transaction.
CREATE UNIQUE INDEX IF NOT EXISTS transactions_reversed_once ON transactions(reverses_seq)
    WHERE reverses_seq IS NOT NULL;

CREATE TABLE IF NOT EXISTS postings (
    seq             INTEGER NOT NULL REFERENCES transactions(seq),
    idx             INTEGER NOT NULL CHECK (idx >= 0),
    account_id      TEXT NOT NULL REFERENCES accounts(id),
    amount_minor    INTEGER NOT NULL CHECK (amount_minor <> 0),
    PRIMARY KEY (seq, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS postings_by_account ON postings(account_id, seq);

-- statements-issued entries: the treasurer signs the chain head that a
-- month's statements refer to, so a printed statement can be checked.
CREATE TABLE IF NOT EXISTS statement_issues (
    seq             INTEGER PRIMARY KEY REFERENCES journal(seq),
    period          TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    head_seq        INTEGER NOT NULL REFERENCES journal(seq),
    head_hash       BLOB NOT NULL CHECK (length(head_hash) = 32)
);
CREATE INDEX IF NOT EXISTS statement_issues_by_period ON statement_issues(period, seq);

-- attestation-issued entries: an engagement attestation's figures and the
-- chain head they were computed at, signed by the treasurer.
CREATE TABLE IF NOT EXISTS attestations (
    seq             INTEGER PRIMARY KEY REFERENCES journal(seq),
    account_id      TEXT NOT NULL REFERENCES accounts(id),
    date_from       TEXT NOT NULL CHECK (date_from GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    date_to         TEXT NOT NULL CHECK (date_to GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    given_minor     INTEGER NOT NULL,
    head_seq        INTEGER NOT NULL REFERENCES journal(seq),
    head_hash       BLOB NOT NULL CHECK (length(head_hash) = 32)
);

-- setting-set entries: a signed setting's new value ('' clears it). The
-- names are listed in src/ledger/setting.rs and docs/signing.md.
CREATE TABLE IF NOT EXISTS setting_events (
    seq             INTEGER PRIMARY KEY REFERENCES journal(seq),
    name            TEXT NOT NULL,
    value           TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS setting_events_by_name ON setting_events(name, seq);

-- treasurer-key-changed entries: the handover to a new treasurer key,
-- signed by the key it replaces.
CREATE TABLE IF NOT EXISTS treasurer_key_changes (
    seq             INTEGER PRIMARY KEY REFERENCES journal(seq),
    new_key         BLOB NOT NULL CHECK (length(new_key) = 32),
    -- The new key's signature accepting the handover (docs/signing.md).
    acceptance      BLOB NOT NULL CHECK (length(acceptance) = 64),
    reason          TEXT NOT NULL
);

-- clock-confirmed entries: the treasurer typed back the computer's date
-- after the clock jumped far ahead of the last entry.
CREATE TABLE IF NOT EXISTS clock_confirmations (
    seq             INTEGER PRIMARY KEY REFERENCES journal(seq),
    date            TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);

-- clock-corrected entries: entries first_wrong_seq .. seq - 1 were
-- recorded with a clock set ahead (docs/signing.md, "Recording time").
CREATE TABLE IF NOT EXISTS clock_corrections (
    seq             INTEGER PRIMARY KEY REFERENCES journal(seq),
    first_wrong_seq INTEGER NOT NULL REFERENCES journal(seq),
    reason          TEXT NOT NULL
);

-- request-made entries: the one who helped (payee) asks the one who was
-- helped (payer) for hours. Nothing moves until a request-confirmed
-- entry, whose payment lives in transactions and postings like any other.
CREATE TABLE IF NOT EXISTS requests (
    seq             INTEGER PRIMARY KEY REFERENCES journal(seq),
    payer_id        TEXT NOT NULL REFERENCES accounts(id),
    payee_id        TEXT NOT NULL REFERENCES accounts(id),
    amount_minor    INTEGER NOT NULL CHECK (amount_minor > 0),
    date            TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    work            TEXT NOT NULL CHECK (work = 'care' OR work = 'community' OR work = 'self-development' OR work = 'practical'),
    skill           TEXT,
    description     TEXT NOT NULL CHECK (length(description) > 0),
    slip            TEXT,
    CHECK (payer_id <> payee_id)
);
CREATE INDEX IF NOT EXISTS requests_by_payer ON requests(payer_id, seq);
CREATE INDEX IF NOT EXISTS requests_by_payee ON requests(payee_id, seq);

-- request-confirmed, request-declined and request-withdrawn entries: how
-- a request ended. UNIQUE: a request ends once. `outcome` follows the
-- entry type (not signed on its own); a decline's reason and the slip of
-- a decline or withdrawal are signed; a confirmation's slip and payment
-- are in its transactions row.
CREATE TABLE IF NOT EXISTS request_outcomes (
    seq             INTEGER PRIMARY KEY REFERENCES journal(seq),
    request_seq     INTEGER NOT NULL UNIQUE REFERENCES requests(seq),
    outcome         TEXT NOT NULL CHECK (outcome = 'confirmed' OR outcome = 'declined' OR outcome = 'withdrawn'),
    reason          TEXT,
    slip            TEXT,
    CHECK ((outcome = 'declined') = (reason IS NOT NULL)),
    CHECK (outcome <> 'confirmed' OR slip IS NULL)
);

-- Append-only: the journal and its detail tables refuse UPDATE and DELETE.
-- An account's own soft limits (soft-limits-set); NULL takes its kind's.
CREATE TABLE IF NOT EXISTS soft_limit_events (
    seq                 INTEGER PRIMARY KEY REFERENCES journal(seq),
    account_id          TEXT NOT NULL REFERENCES accounts(id),
    soft_floor_minor    INTEGER CHECK (soft_floor_minor IS NULL OR soft_floor_minor <= 0),
    soft_ceiling_minor  INTEGER CHECK (soft_ceiling_minor IS NULL OR soft_ceiling_minor >= 0),
    reason              TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS soft_limit_events_by_account ON soft_limit_events(account_id, seq);

-- The rule and period of a fund run; its date, description and postings
-- are its `transactions` and `postings` rows.
CREATE TABLE IF NOT EXISTS fund_runs (
    seq             INTEGER PRIMARY KEY REFERENCES transactions(seq),
    rule            TEXT NOT NULL CHECK (rule = 'contribution' OR rule = 'demurrage'),
    period          TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]' OR period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]')
);
CREATE INDEX IF NOT EXISTS fund_runs_by_period ON fund_runs(rule, period, seq);

CREATE TRIGGER IF NOT EXISTS journal_no_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only: record a reversal instead'); END;
CREATE TRIGGER IF NOT EXISTS journal_no_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only: record a reversal instead'); END;
CREATE TRIGGER IF NOT EXISTS ledger_settings_no_update BEFORE UPDATE ON ledger_settings
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS ledger_settings_no_delete BEFORE DELETE ON ledger_settings
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS account_events_no_update BEFORE UPDATE ON account_events
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS account_events_no_delete BEFORE DELETE ON account_events
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS card_events_no_update BEFORE UPDATE ON card_events
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS card_events_no_delete BEFORE DELETE ON card_events
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS transactions_no_update BEFORE UPDATE ON transactions
BEGIN SELECT RAISE(ABORT, 'the journal is append-only: record a reversal instead'); END;
CREATE TRIGGER IF NOT EXISTS transactions_no_delete BEFORE DELETE ON transactions
BEGIN SELECT RAISE(ABORT, 'the journal is append-only: record a reversal instead'); END;
CREATE TRIGGER IF NOT EXISTS postings_no_update BEFORE UPDATE ON postings
BEGIN SELECT RAISE(ABORT, 'the journal is append-only: record a reversal instead'); END;
CREATE TRIGGER IF NOT EXISTS postings_no_delete BEFORE DELETE ON postings
BEGIN SELECT RAISE(ABORT, 'the journal is append-only: record a reversal instead'); END;
CREATE TRIGGER IF NOT EXISTS statement_issues_no_update BEFORE UPDATE ON statement_issues
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS statement_issues_no_delete BEFORE DELETE ON statement_issues
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS attestations_no_update BEFORE UPDATE ON attestations
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS attestations_no_delete BEFORE DELETE ON attestations
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS setting_events_no_update BEFORE UPDATE ON setting_events
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS setting_events_no_delete BEFORE DELETE ON setting_events
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS treasurer_key_changes_no_update BEFORE UPDATE ON treasurer_key_changes
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS treasurer_key_changes_no_delete BEFORE DELETE ON treasurer_key_changes
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS clock_confirmations_no_update BEFORE UPDATE ON clock_confirmations
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS clock_confirmations_no_delete BEFORE DELETE ON clock_confirmations
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS clock_corrections_no_update BEFORE UPDATE ON clock_corrections
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS clock_corrections_no_delete BEFORE DELETE ON clock_corrections
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS requests_no_update BEFORE UPDATE ON requests
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS requests_no_delete BEFORE DELETE ON requests
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS request_outcomes_no_update BEFORE UPDATE ON request_outcomes
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS request_outcomes_no_delete BEFORE DELETE ON request_outcomes
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS soft_limit_events_no_update BEFORE UPDATE ON soft_limit_events
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS soft_limit_events_no_delete BEFORE DELETE ON soft_limit_events
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS fund_runs_no_update BEFORE UPDATE ON fund_runs
BEGIN SELECT RAISE(ABORT, 'the journal is append-only: record a reversal instead'); END;
CREATE TRIGGER IF NOT EXISTS fund_runs_no_delete BEFORE DELETE ON fund_runs
BEGIN SELECT RAISE(ABORT, 'the journal is append-only: record a reversal instead'); END;
CREATE TRIGGER IF NOT EXISTS ledger_no_update BEFORE UPDATE ON ledger
BEGIN SELECT RAISE(ABORT, 'the ledger identity never changes'); END;
CREATE TRIGGER IF NOT EXISTS ledger_no_delete BEFORE DELETE ON ledger
BEGIN SELECT RAISE(ABORT, 'the ledger identity never changes'); END;
-- The read model may change, but never its identity or kind.
CREATE TRIGGER IF NOT EXISTS accounts_identity_fixed BEFORE UPDATE OF id, kind, opened_seq ON accounts
BEGIN SELECT RAISE(ABORT, 'an account''s id and kind never change'); END;
CREATE TRIGGER IF NOT EXISTS accounts_no_delete BEFORE DELETE ON accounts
BEGIN SELECT RAISE(ABORT, 'accounts are closed, never deleted'); END;

-- ---------------------------------------------------------------------
-- kiosk tables (src/store/offers.rs, src/kiosk). Not part of the journal:
-- nothing here is signed, and none of it changes a balance. The kiosk
-- also creates them on an older ledger file (`Store::ensure_kiosk_tables`
-- runs this section), so keep every statement below IF NOT EXISTS.

-- Offers and requests of skills: who can do what, who needs what. A
-- member withdraws their own; rows are kept (withdrawn_at set) so the
-- treasurer can see what was on the board.
CREATE TABLE IF NOT EXISTS offers (
    id              INTEGER PRIMARY KEY,
    account_id      TEXT NOT NULL REFERENCES accounts(id),
    direction       TEXT NOT NULL CHECK (direction = 'offer' OR direction = 'request'),
    work            TEXT NOT NULL CHECK (work = 'care' OR work = 'community' OR work = 'self-development' OR work = 'practical'),
    what            TEXT NOT NULL CHECK (length(what) BETWEEN 1 AND 200),
    created_at      TEXT NOT NULL,
    withdrawn_at    TEXT
);
CREATE INDEX IF NOT EXISTS offers_open ON offers(withdrawn_at, id);

-- Wrong PINs typed at the kiosk or at `akker pay --card`, per account,
-- so five in a row lock the card for a while and the lock survives a
-- restart of the kiosk. Only a genuine card's wrong PINs are counted
-- (kiosk_card_checks); a new or revoked card and `akker card unlock`
-- delete the row.
CREATE TABLE IF NOT EXISTS kiosk_pin_failures (
    account_id      TEXT PRIMARY KEY REFERENCES accounts(id),
    failures        INTEGER NOT NULL CHECK (failures >= 0),
    locked_until    TEXT
) WITHOUT ROWID;

-- The check of each account's active card (docs/signing.md, "Card
-- check"): SHA-256 of the card secret with the ledger, account and card
-- number, and the card's public key it belongs to. It lets the kiosk tell
-- the member's real card from a made-up code before any PIN is tried, so
-- only a genuine card's wrong PINs count towards its lock. Written in the
-- same transaction as the card-issued entry, deleted with a card-revoked
-- entry; a card issued before this table existed gets its row at its
-- first right PIN. Unsigned: changing it can stop a card at the kiosk,
-- never sign anything.
CREATE TABLE IF NOT EXISTS kiosk_card_checks (
    account_id      TEXT PRIMARY KEY REFERENCES accounts(id),
    card_number     INTEGER NOT NULL CHECK (card_number >= 1),
    public_key      BLOB NOT NULL CHECK (length(public_key) = 32),
    check_hash      BLOB NOT NULL CHECK (length(check_hash) = 32)
) WITHOUT ROWID;

-- One-time form tokens of the kiosk's payment form. The token is inserted
-- in the same write transaction as the payment (`Store::append_claiming`),
-- so a form sent twice records the payment once: the second insert hits
-- the primary key and the whole second write is rolled back.
CREATE TABLE IF NOT EXISTS kiosk_form_claims (
    token           TEXT PRIMARY KEY CHECK (length(token) BETWEEN 16 AND 64),
    seq             INTEGER NOT NULL REFERENCES journal(seq),
    claimed_at      TEXT NOT NULL
) WITHOUT ROWID;

-- ---------------------------------------------------------------------
-- profile history (src/store/profiles.rs). Not part of the journal, like
-- account_profiles: a name is personal data and must stay erasable. Each
-- row says which field of a profile the treasurer changed and when; the
-- old and new values are kept so a mistyped name can be traced, and are
-- overwritten with NULL (with secure_delete on) when the member's data is
-- erased, so the history then says only that something changed. Older
-- ledger files get this table on their first profile change
-- (`Store::ensure_profile_tables` runs this section), so keep every
-- statement below IF NOT EXISTS.
CREATE TABLE IF NOT EXISTS account_profile_history (
    id              INTEGER PRIMARY KEY,
    account_id      TEXT NOT NULL REFERENCES accounts(id),
    changed_at      TEXT NOT NULL,
    changed_by      TEXT NOT NULL CHECK (changed_by = 'treasurer'),
    field           TEXT NOT NULL CHECK (field = 'display-name' OR field = 'language' OR field = 'erased'),
    old_value       TEXT,
    new_value       TEXT,
    reason          TEXT,
    -- An erasure keeps no value: only that it happened, when and why.
    CHECK (field <> 'erased' OR (old_value IS NULL AND new_value IS NULL))
);
CREATE INDEX IF NOT EXISTS account_profile_history_by_account ON account_profile_history(account_id, id);
