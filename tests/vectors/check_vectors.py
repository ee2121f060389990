#!/usr/bin/env python3
"""An independent checker for akker's signatures, written from
docs/signing.md alone. It shares no code with the Rust implementation:
if both agree, the specification is complete.

    python3 check_vectors.py                 check the test vectors next to this file
    python3 check_vectors.py --db LEDGER.db  check every signature and the chain of a ledger file
    python3 check_vectors.py --json FILE     the same for entries in JSON form (as in entries.json)

Needs PyNaCl (Ed25519, XChaCha20-Poly1305) and argon2-cffi (Argon2id):

    python3 -m pip install pynacl argon2-cffi

Exit status: 0 when everything checks, 1 when something does not, 2 for
bad usage or a missing module.
"""

import argparse
import datetime
import hashlib
import json
import os
import re
import sqlite3
import sys

try:
    import nacl.bindings
    import nacl.exceptions
    import nacl.signing
    from argon2.low_level import Type, hash_secret_raw
except ImportError as missing:  # pragma: no cover - depends on the machine
    print(f"check_vectors.py needs PyNaCl and argon2-cffi ({missing}); "
          "install them with: python3 -m pip install pynacl argon2-cffi", file=sys.stderr)
    sys.exit(2)

MESSAGE_VERSION = "akker-entry-v1"
CHAIN_PREFIX = b"akker-chain-v1"
GENESIS = bytes(32)
KDF_NAME = "argon2id-v19"
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

TIMESTAMP = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z$")
DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
AMOUNT = re.compile(r"^-?(0|[1-9][0-9]*)\.[0-9]{2}$")
HEX32 = re.compile(r"^[0-9a-f]{64}$")
ACCOUNT = re.compile(r"^[A-Z0-9]([A-Z0-9-]{0,30}[A-Z0-9])?$")
DECIMAL = re.compile(r"^(0|[1-9][0-9]*)$")


class Checks:
    """Counts checks and remembers what failed, with where."""

    def __init__(self):
        self.passed = 0
        self.failures = []

    def check(self, ok, where, what):
        if ok:
            self.passed += 1
        else:
            self.failures.append(f"{where}: {what}")
        return ok

    def equal(self, actual, expected, where, what):
        return self.check(actual == expected, where, f"{what}: got {actual!r}, expected {expected!r}")


# --------------------------------------------------------------------------
# The canonical message (docs/signing.md, "The canonical message")
# --------------------------------------------------------------------------

def encode_field(text):
    if not isinstance(text, str):
        raise ValueError(f"field {text!r} is not text")
    data = text.encode("utf-8")
    return len(data).to_bytes(4, "big") + data


def encode_fields(fields):
    return b"".join(encode_field(f) for f in fields)


def amount_text(minor):
    """Hundredths of the unit -> "-1.50": always two decimals, "." as mark."""
    sign = "-" if minor < 0 else ""
    return f"{sign}{abs(minor) // 100}.{abs(minor) % 100:02d}"


def canonical_amount(text):
    if not isinstance(text, str) or not AMOUNT.match(text) or text == "-0.00":
        raise ValueError(f"amount {text!r} is not in the form -1.50")
    return text


def optional(value):
    return "" if value is None else value


def limits_fields(limits):
    return [canonical_amount(limits["floor"]), canonical_amount(limits["ceiling"])]


def body_fields(body):
    """The fields after the common header, per entry type, from the JSON
    form of the body."""
    kind = body["type"]
    if kind == "ledger-created":
        fields = [body["community_name"], body["currency_name"], body["currency_unit"], body["currency_symbol"],
                  body["time_zone"], body["default_language"], body["treasurer_key"]]
        for group in ("person_limits", "initiative_limits", "partner_limits", "system_limits"):
            fields += limits_fields(body[group])
        return fields
    if kind == "account-opened":
        return [body["account"], body["kind"]] + limits_fields(body["limits"])
    if kind == "limits-set":
        return [body["account"]] + limits_fields(body["limits"]) + [body["reason"]]
    if kind == "account-closed":
        return [body["account"], body["reason"]]
    if kind == "card-issued":
        kdf = body["kdf"]
        return [body["account"], str(body["card_number"]), body["public_key"], optional(body["holder"]), KDF_NAME,
                str(kdf["memory_kib"]), str(kdf["iterations"]), str(kdf["parallelism"]), body["reason"]]
    if kind == "card-revoked":
        return [body["account"], str(body["card_number"]), body["public_key"], body["reason"]]
    if kind == "transaction":
        reverses = body["reverses"]
        if reverses is None:
            reversal = ["", "", ""]
        else:
            reversal = [str(reverses["seq"]), reverses["entry_hash"], reverses["reason"]]
        fields = [body["date"], body["work"], optional(body["skill"]), body["description"], optional(body["slip"])]
        fields += reversal
        fields += [optional(body["override_reason"]), str(len(body["postings"]))]
        for posting in body["postings"]:
            fields += [posting["account"], canonical_amount(posting["amount"])]
        return fields
    if kind == "statements-issued":
        return [body["period"], str(body["head_seq"]), body["head_hash"]]
    if kind == "attestation-issued":
        return [body["account"], body["from"], body["to"], canonical_amount(body["given"]),
                str(body["head_seq"]), body["head_hash"]]
    if kind == "setting-set":
        return [body["name"], body["value"]]
    if kind == "treasurer-key-changed":
        return [body["new_key"], body["acceptance"], body["reason"]]
    if kind == "clock-confirmed":
        return [body["date"]]
    if kind == "clock-corrected":
        return [str(body["first_wrong_seq"]), body["reason"]]
    if kind == "soft-limits-set":
        return [body["account"], optional(body["soft_floor"]), optional(body["soft_ceiling"]), body["reason"]]
    if kind == "gift":
        return [body["date"], body["from"], body["to"], canonical_amount(body["amount"]), body["why"],
                optional(body["slip"])]
    if kind == "fund-run":
        fields = [body["rule"], body["period"], body["date"], body["description"], str(len(body["postings"]))]
        for posting in body["postings"]:
            fields += [posting["account"], canonical_amount(posting["amount"])]
        return fields
    if kind == "request-made":
        return [body["payer"], body["payee"], canonical_amount(body["amount"]), body["date"], body["work"],
                optional(body["skill"]), body["description"], optional(body["slip"])]
    if kind == "request-confirmed":
        fields = [str(body["request"]["seq"]), body["request"]["entry_hash"], body["date"], body["work"],
                  optional(body["skill"]), body["description"], optional(body["slip"]), str(len(body["postings"]))]
        for posting in body["postings"]:
            fields += [posting["account"], canonical_amount(posting["amount"])]
        return fields
    if kind == "request-declined":
        return [str(body["request"]["seq"]), body["request"]["entry_hash"], body["reason"], optional(body["slip"])]
    if kind == "request-withdrawn":
        return [str(body["request"]["seq"]), body["request"]["entry_hash"], optional(body["slip"])]
    raise ValueError(f"unknown entry type {kind!r}")


def message_fields(ledger_id, entry):
    signer = entry["signer"]
    header = [MESSAGE_VERSION, ledger_id, entry["body"]["type"], entry["recorded_at"], signer["role"],
              optional(signer["account"]), signer["public_key"]]
    return header + body_fields(entry["body"])


SETTING_NAMES = {
    "organisation.name", "organisation.address", "organisation.registration", "organisation.contact",
    "organisation.signatory", "organisation.signatory-role", "organisation.place",
    "organisation.check-address", "treasurer.name", "treasurer.contact", "privacy.retention-months",
} | {f"limits.{kind}.soft-{edge}" for kind in ("person", "initiative", "partner", "system")
     for edge in ("floor", "ceiling")} | {
    "growth.base", "growth.factor", "growth.months", "growth.cap", "fund.account",
    "fund.contribution.amount", "fund.contribution.every", "fund.demurrage.rate-percent",
    "fund.demurrage.threshold",
    "requests.expiry-days",
}

REQUEST_TYPES = ("request-made", "request-confirmed", "request-declined", "request-withdrawn")
EXPIRY_DAYS_DEFAULT = 60


def setting_value_ok(name, value):
    """docs/signing.md, setting-set: trimmed, one line, at most 200
    characters; the retention is an integer 1..1200 in integer form."""
    if value == "":
        return True
    if value != value.strip() or len(value) > 200 or any(ord(c) < 32 or 127 <= ord(c) < 160 for c in value):
        return False
    if name == "privacy.retention-months":
        return DECIMAL.match(value) is not None and 1 <= int(value) <= 1200
    amount = parse_minor(value) if AMOUNT.match(value) else None
    if name.endswith(".soft-floor") or name in ("growth.base", "growth.cap"):
        return amount is not None and -100_000_000 <= amount <= 0
    if name.endswith(".soft-ceiling") or name == "fund.demurrage.threshold":
        return amount is not None and 0 <= amount <= 100_000_000
    if name == "growth.factor":
        return amount is not None and 0 <= amount <= 1000
    if name == "fund.demurrage.rate-percent":
        return amount is not None and 1 <= amount <= 10_000
    if name == "fund.contribution.amount":
        return amount is not None and 1 <= amount <= 1_000_000
    if name == "growth.months":
        return DECIMAL.match(value) is not None and 1 <= int(value) <= 60
    if name == "fund.contribution.every":
        return value in ("year", "month")
    if name == "fund.account":
        return ACCOUNT.match(value) is not None
    if name == "requests.expiry-days":
        return DECIMAL.match(value) is not None and 1 <= int(value) <= 3650
    return True


def acceptance_message(ledger_id, old_key_hex, new_key_hex):
    """docs/signing.md, treasurer-key-changed: what the new key signs."""
    return encode_fields(["akker-handover-v1", ledger_id, old_key_hex, new_key_hex])


def fingerprint(public_key):
    """docs/signing.md, "Who the treasurer is"."""
    digest = hashlib.sha256(b"akker-treasurer-v1" + public_key).digest()[:10]
    text = crockford_encode(digest)
    return "-".join(text[i:i + 4] for i in range(0, 16, 4))


def parse_time(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc)


def month_end(period, zone):
    """The first instant of the month after `period` ("YYYY-MM") in `zone`."""
    year, month = int(period[:4]), int(period[5:7])
    year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return datetime.datetime(year, month, 1, tzinfo=zone).astimezone(datetime.timezone.utc)


def time_zone(name):
    try:
        import zoneinfo
        return zoneinfo.ZoneInfo(name)
    except Exception:  # pragma: no cover - depends on the machine's tz data
        return datetime.timezone.utc


def entry_hash(message):
    return hashlib.sha256(message).digest()


def next_chain(previous, hash_, signature):
    return hashlib.sha256(CHAIN_PREFIX + previous + hash_ + signature).digest()


def verify_signature(public_key, message, signature):
    try:
        nacl.signing.VerifyKey(public_key).verify(message, signature)
        return True
    except (nacl.exceptions.BadSignatureError, nacl.exceptions.ValueError, ValueError, TypeError):
        return False


# --------------------------------------------------------------------------
# Card keys and card codes (docs/signing.md, "Card keys")
# --------------------------------------------------------------------------

def argon2id(password, salt, memory_kib, iterations, parallelism):
    return hash_secret_raw(secret=password, salt=salt, time_cost=iterations, memory_cost=memory_kib,
                           parallelism=parallelism, hash_len=32, type=Type.ID, version=19)


def card_seed(ledger_id, account, secret, pin, kdf):
    password = secret + pin.encode("ascii")
    salt = f"akker-card-v1/{ledger_id}/{account}".encode("utf-8")
    return argon2id(password, salt, kdf["memory_kib"], kdf["iterations"], kdf["parallelism"])


def card_check(ledger_id, account, card_number, secret):
    """The kiosk's check of a card (docs/signing.md, "Card check")."""
    fields = [b"akker-card-check-v1", ledger_id.encode("ascii"), account.encode("ascii"),
              str(card_number).encode("ascii"), secret]
    return hashlib.sha256(b"".join(len(f).to_bytes(4, "big") + f for f in fields)).digest()


def crockford_encode(data):
    bits = int.from_bytes(data, "big")
    count = len(data) * 8 // 5
    return "".join(CROCKFORD[(bits >> (5 * (count - 1 - i))) & 31] for i in range(count))


def card_code_text(account, secret):
    encoded = crockford_encode(secret)
    return account + "/" + "-".join(encoded[i:i + 4] for i in range(0, 16, 4))


def parse_card_code(text):
    """As the kiosk reads it: any case, dashes and spaces ignored,
    O read as 0 and I or L as 1. Returns (account, secret) or None."""
    text = text.strip()
    if "/" not in text:
        return None
    account, code = text.rsplit("/", 1)
    account = account.strip().upper()
    code = code.replace("-", "").replace(" ", "").upper().replace("O", "0").replace("I", "1").replace("L", "1")
    if not ACCOUNT.match(account) or len(code) != 16 or any(c not in CROCKFORD for c in code):
        return None
    bits = 0
    for c in code:
        bits = bits << 5 | CROCKFORD.index(c)
    return account, bits.to_bytes(10, "big")


# --------------------------------------------------------------------------
# The treasurer's key file (docs/signing.md, "The treasurer's key file")
# --------------------------------------------------------------------------

def open_key_file(text, passphrase):
    """Returns the 32-byte Ed25519 seed, or raises."""
    file = json.loads(text)
    if file["format"] != "akker-treasurer-key-v1" or file["cipher"] != "xchacha20poly1305" \
            or file["kdf"]["algorithm"] != KDF_NAME:
        raise ValueError("not an akker-treasurer-key-v1 file")
    kdf = file["kdf"]
    key = argon2id(passphrase.encode("utf-8"), bytes.fromhex(kdf["salt"]), kdf["memory_kib"], kdf["iterations"],
                   kdf["parallelism"])
    seed = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_decrypt(
        bytes.fromhex(file["ciphertext"]), file["public_key"].encode("ascii"), bytes.fromhex(file["nonce"]), key)
    if nacl.signing.SigningKey(seed).verify_key.encode().hex() != file["public_key"]:
        raise ValueError("the decrypted key does not match the public key")
    return seed


# --------------------------------------------------------------------------
# A whole journal: signatures, chain, statement heads, who may sign what
# --------------------------------------------------------------------------

def round_half_away(numerator, denominator):
    """numerator / denominator to the nearest integer, halves away from zero."""
    quotient, remainder = divmod(abs(numerator), denominator)
    if remainder * 2 >= denominator:
        quotient += 1
    return -quotient if numerator < 0 else quotient


def months_before(time, months):
    """The same instant `months` calendar months earlier (UTC); the day is
    clamped to the month's last day."""
    month_index = time.year * 12 + time.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_first = datetime.date(year + (month == 12), month % 12 + 1, 1)
    last_day = (next_first - datetime.timedelta(days=1)).day
    return time.replace(year=year, month=month, day=min(time.day, last_day))


class Policy:
    """docs/signing.md, "Soft limits, grown floors and the community fund":
    balances, hard limits in force (with the growth policy), gifts and fund
    runs, replayed from the entries alone."""

    def __init__(self):
        self.kind = {}          # account -> kind
        self.closed = set()
        self.balance = {}       # account -> minor
        self.limits = {}        # account -> (floor, ceiling) as signed
        self.own_limits = set()
        self.settings = {}      # setting name -> value (policy settings only matter)
        self.given = {}         # account -> [(seq, time, minor)] hours paid for work
        self.fund_runs = {}     # (rule, period) -> seq of the run that stands
        self.movement = {}      # seq -> "work", "gift" or "fund"

    @staticmethod
    def postings(body):
        if body["type"] == "gift":
            minor = parse_minor(body["amount"])
            return [{"account": body["from"], "amount": amount_text(-minor)},
                    {"account": body["to"], "amount": body["amount"]}]
        return body["postings"]

    def growth(self):
        names = ("growth.base", "growth.factor", "growth.months", "growth.cap")
        if not all(self.settings.get(n) for n in names):
            return None
        return (parse_minor(self.settings["growth.base"]), parse_minor(self.settings["growth.factor"]),
                int(self.settings["growth.months"]), parse_minor(self.settings["growth.cap"]))

    def floor_in_force(self, account, now):
        floor, _ = self.limits[account]
        growth = self.growth()
        if growth is None or self.kind.get(account) != "person" or account in self.own_limits:
            return floor
        base, factor, months, cap = growth
        start = months_before(now, months)
        given = sum(m for _, t, m in self.given.get(account, []) if t >= start)
        return max(cap, base - round_half_away(given * factor, 100))

    def check_limits(self, checks, where, postings, now):
        for p in postings:
            account, minor = p["account"], parse_minor(p["amount"])
            if account not in self.limits:
                checks.check(False, where, f"{account} is an opened account")
                continue
            checks.check(account not in self.closed, where, f"{account} is open")
            after = self.balance.get(account, 0) + minor
            if minor < 0:
                floor = self.floor_in_force(account, now)
                checks.check(after >= floor, where,
                             f"{account} goes to {amount_text(after)}, not below its floor in force {amount_text(floor)}")
            else:
                ceiling = self.limits[account][1]
                checks.check(after <= ceiling, where,
                             f"{account} goes to {amount_text(after)}, not above its ceiling {amount_text(ceiling)}")

    def fund_postings(self, rule, fund):
        accounts = sorted(a for a, k in self.kind.items() if k == "person" and a not in self.closed and a != fund)
        out, total = [], 0
        for account in accounts:
            if rule == "contribution":
                charge = parse_minor(self.settings["fund.contribution.amount"])
            else:
                rate = parse_minor(self.settings["fund.demurrage.rate-percent"])
                threshold = parse_minor(self.settings.get("fund.demurrage.threshold") or "0.00")
                above = self.balance.get(account, 0) - threshold
                charge = round_half_away(above * rate, 10_000) if above > 0 else 0
            if charge:
                out.append((account, -charge))
                total += charge
        return out + [(fund, total)] if out else []

    def check(self, checks, where, seq, kind, body, now, zone):
        # A confirmed request is a payment (docs/signing.md): its payment
        # follows the rules of a transaction.
        if kind == "request-confirmed" and "postings" in body:
            kind, body = "transaction", dict(body, type="transaction", reverses=None, override_reason=None)
        today = now.astimezone(zone).date().isoformat()
        if kind == "setting-set":
            self.settings[body["name"]] = body["value"]
        elif kind == "account-opened":
            self.kind[body["account"]] = body["kind"]
            self.limits[body["account"]] = (parse_minor(body["limits"]["floor"]), parse_minor(body["limits"]["ceiling"]))
        elif kind == "limits-set":
            self.limits[body["account"]] = (parse_minor(body["limits"]["floor"]), parse_minor(body["limits"]["ceiling"]))
            self.own_limits.add(body["account"])
        elif kind == "account-closed":
            self.closed.add(body["account"])
        elif kind == "soft-limits-set":
            checks.check(body["account"] in self.kind and body["account"] not in self.closed, where,
                         "soft limits are set on an open account")
            checks.check(body["soft_floor"] is None or parse_minor(body["soft_floor"]) <= 0, where,
                         "a soft floor is zero or negative")
            checks.check(body["soft_ceiling"] is None or parse_minor(body["soft_ceiling"]) >= 0, where,
                         "a soft ceiling is zero or positive")
        elif kind == "gift":
            minor = parse_minor(body["amount"])
            checks.check(body["from"] != body["to"] and 0 < minor <= 1_000_000, where,
                         "a gift gives a positive amount to another account")
            checks.check(body["date"] <= today, where, "a gift is not dated after the day it is recorded")
            self.check_limits(checks, where, self.postings(body), now)
            self.movement[seq] = "gift"
        elif kind == "fund-run":
            rule, period = body["rule"], body["period"]
            checks.check(rule in ("contribution", "demurrage"), where, "a known fund rule")
            monthly = rule == "demurrage" or self.settings.get("fund.contribution.every") == "month"
            form = re.match(r"^[0-9]{4}-(0[1-9]|1[0-2])$" if monthly else r"^[0-9]{4}$", period)
            checks.check(form is not None and period[:4] >= "1900", where,
                         f"the period {period} has the rule's form (a year from 1900)")
            start = period + ("-01" if monthly else "-01-01")
            checks.check(start <= today, where, f"the period {period} has begun")
            checks.equal(body["date"], today, where, "a fund run is dated the day it is recorded")
            # A year and a month of it overlap (a contribution that went from
            # yearly to monthly charges nobody twice for the same months).
            overlapping = [p for (r, p) in self.fund_runs if r == rule and
                           (p == period or (len(p) != len(period) and p[:4] == period[:4]))]
            checks.check(not overlapping, where,
                         f"the {rule} for {period} has not run, nor for a period overlapping it (or was reversed)")
            fund = self.settings.get("fund.account")
            checks.check(fund is not None and self.kind.get(fund) == "system" and fund not in self.closed, where,
                         "the fund is an open system account")
            required = {"contribution": "fund.contribution.amount", "demurrage": "fund.demurrage.rate-percent"}
            if fund and self.settings.get(required.get(rule, "")):
                expected = self.fund_postings(rule, fund)
                got = [(p["account"], parse_minor(p["amount"])) for p in body["postings"]]
                checks.equal(got, expected, where, "the run posts what its rule computes from the state before it")
            else:
                checks.check(False, where, f"the {rule} rule and the fund are set")
            self.fund_runs[(rule, period)] = seq
            self.movement[seq] = "fund"
        elif kind == "transaction":
            link = body["reverses"]
            if body["override_reason"] is None:
                self.check_limits(checks, where, body["postings"], now)
            if link is not None:
                original = link["seq"]
                self.movement[seq] = self.movement.get(original, "work")
                for log in self.given.values():
                    log[:] = [g for g in log if g[0] != original]
                self.fund_runs = {k: v for k, v in self.fund_runs.items() if v != original}
            else:
                self.movement[seq] = "work"
                if not any(self.kind.get(p["account"]) == "system" for p in body["postings"]):
                    for p in body["postings"]:
                        minor = parse_minor(p["amount"])
                        if minor > 0 and self.kind.get(p["account"]) == "person":
                            self.given.setdefault(p["account"], []).append((seq, now, minor))
        if kind in ("transaction", "gift", "fund-run"):
            for p in self.postings(body):
                self.balance[p["account"]] = self.balance.get(p["account"], 0) + parse_minor(p["amount"])


def check_journal(checks, ledger_id, entries, label):
    """entries: dicts in the JSON form (seq, recorded_at, signer, body,
    signature, and optionally entry_hash and chain_hash), in seq order.
    Returns the recomputed chain head."""
    chain = GENESIS
    chain_after = {}     # seq -> chain hash after that entry
    hash_of = {}         # seq -> recomputed entry hash
    seen_hashes = {}     # entry hash -> seq (duplicates are refused)
    treasurer_key = None
    accounts = {}        # account id -> kind
    cards = {}           # account id -> (card number, public key, active)
    reversed_ = set()
    reversals = set()
    postings_of = {}     # seq -> [(account, amount)] of each transaction
    zone = datetime.timezone.utc
    last_time = None     # recording time of the entry before
    issued_until = None  # end of the latest issued month
    times = {}           # seq -> recording time
    policy = Policy()    # balances, limits and the fund's rules (issue 13)
    requests = {}        # seq of a request-made -> its terms, time, hash and how it was settled
    expiry_days = EXPIRY_DAYS_DEFAULT
    for expected_seq, entry in enumerate(entries, start=1):
        seq = entry["seq"]
        where = f"{label} #{seq}"
        checks.equal(seq, expected_seq, where, "sequence number")
        body = entry["body"]
        kind = body["type"]
        signer = entry["signer"]
        checks.check(TIMESTAMP.match(entry["recorded_at"]) is not None, where,
                     f"recorded_at {entry['recorded_at']!r} is not YYYY-MM-DDTHH:MM:SS.ffffffZ")
        try:
            fields = message_fields(ledger_id, entry)
        except (KeyError, ValueError) as problem:
            checks.check(False, where, f"cannot build the message: {problem}")
            continue
        message = encode_fields(fields)
        if "fields" in entry:
            checks.equal(fields, entry["fields"], where, "fields")
        if "message" in entry:
            checks.equal(message.hex(), entry["message"], where, "message bytes")
        hash_ = entry_hash(message)
        hash_of[seq] = hash_
        if entry.get("entry_hash") is not None:
            checks.equal(hash_.hex(), entry["entry_hash"], where, "entry hash (stored content is not what was signed)")
        checks.check(hash_ not in seen_hashes, where, f"same entry hash as #{seen_hashes.get(hash_)}: a duplicate")
        seen_hashes[hash_] = seq
        public_key = bytes.fromhex(signer["public_key"])
        signature = bytes.fromhex(entry["signature"])
        checks.check(verify_signature(public_key, message, signature), where, "signature does not verify")
        # The chain links the stored entry hashes (checked above against the
        # content). After a break, go on from the stored value so that one
        # change is reported once, not at every later entry.
        link = bytes.fromhex(entry["entry_hash"]) if entry.get("entry_hash") is not None else hash_
        chain = next_chain(chain, link, signature)
        if entry.get("chain_hash") is not None:
            checks.equal(chain.hex(), entry["chain_hash"], where, "chain hash (an entry was changed, removed or reordered)")
            chain = bytes.fromhex(entry["chain_hash"])
        chain_after[seq] = chain

        # Who may sign what.
        role = signer["role"]
        if kind == "ledger-created":
            checks.check(seq == 1, where, "the settings are only the first entry")
            treasurer_key = body["treasurer_key"]
            zone = time_zone(body["time_zone"])
        if role == "treasurer":
            checks.check(signer["account"] is None, where, "a treasurer signature names no account")
            checks.equal(signer["public_key"], treasurer_key, where, "the treasurer's key is the current one")
            if kind == "gift" or kind in REQUEST_TYPES:
                checks.check(body.get("slip") is not None, where,
                             "the treasurer records a request entry or a gift from a paper slip (its reference)")
        elif role in ("member", "key-holder"):
            account = signer["account"]
            expected_role = {"person": "member", "initiative": "key-holder", "partner": "key-holder"}.get(
                accounts.get(account))
            checks.equal(role, expected_role, where, f"role of a card of {account}")
            card = cards.get(account)
            checks.check(card is not None and card[2] and card[1] == signer["public_key"], where,
                         f"the key is the active card of {account}")
            checks.check(account not in policy.closed, where, f"a closed account's card signs nothing ({account})")
            checks.check(kind in ("transaction", "gift") or kind in REQUEST_TYPES, where,
                         "a card signs only transactions, gifts and request entries")
            if kind == "gift":
                checks.equal(body["from"], account, where, "a card gives only from its own account")
            if kind == "transaction":
                payers = [p["account"] for p in body["postings"] if p["amount"].startswith("-")]
                checks.equal(payers, [account], where, "a card signs only payments from its own account")
                checks.check(body["override_reason"] is None, where, "overrides are treasurer-only")
                checks.check(body["reverses"] is None, where, "reversals are treasurer-only")
        else:
            checks.check(False, where, f"unknown signer role {role!r}")

        # Recording time (docs/signing.md, "Recording time").
        try:
            now = parse_time(entry["recorded_at"])
        except ValueError:
            now = None
        if now is not None and last_time is not None:
            if kind == "clock-corrected":
                checks.check(now < last_time, where, "a clock correction is recorded before the entry before it")
                first = body["first_wrong_seq"]
                checks.check(1 < first < seq and first in times and times[first] > now
                             and (first == 2 or times.get(first - 1, now) <= now), where,
                             f"#{first} is the first entry recorded after the correction's time")
            else:
                checks.check(now >= last_time - datetime.timedelta(seconds=60), where,
                             "recording time never goes backwards (more than the 60 s two writers may race by)")
            if kind == "clock-confirmed":
                checks.equal(body["date"], now.astimezone(zone).date().isoformat(), where,
                             "the confirmed date is the entry's local date")
            else:
                checks.check(now - last_time <= datetime.timedelta(days=31), where,
                             "a jump of more than 31 days needs a clock-confirmed entry")
        if now is not None and issued_until is not None:
            checks.check(now >= issued_until, where, "nothing is recorded in or before an issued month")
        if now is not None and kind == "statements-issued":
            end = month_end(body["period"], zone)
            checks.check(now >= end, where, "statements are issued after their month ended")
            head = body["head_seq"]
            checks.check(head in times and times[head] < end and all(
                times[s] >= end for s in range(head + 1, seq) if s in times), where,
                f"#{head} is the last entry recorded before {body['period']} ended")
            issued_until = max(issued_until or end, end)
        if now is not None:
            times[seq] = now
            last_time = now

        # Limits, gifts and the fund's rules, against the state before.
        if now is not None:
            policy.check(checks, where, seq, kind, body, now, zone)

        # What later entries refer to.
        if kind == "treasurer-key-changed":
            checks.check(role == "treasurer", where, "only the treasurer hands over")
            checks.check(body["new_key"] != treasurer_key, where, "the new treasurer key differs from the current one")
            accepted = verify_signature(bytes.fromhex(body["new_key"]),
                                        acceptance_message(ledger_id, signer["public_key"], body["new_key"]),
                                        bytes.fromhex(body["acceptance"]))
            checks.check(accepted, where, "the new treasurer key accepts the handover")
            treasurer_key = body["new_key"]
        elif kind == "setting-set":
            checks.check(role == "treasurer", where, "only the treasurer sets settings")
            checks.check(body["name"] in SETTING_NAMES, where, f"{body['name']!r} is a known setting")
            checks.check(setting_value_ok(body["name"], body["value"]), where, "the setting's value is in its form")
            if body["name"] == "requests.expiry-days":
                ok = DECIMAL.match(body["value"]) is not None
                expiry_days = int(body["value"]) if ok else EXPIRY_DAYS_DEFAULT
        elif kind in REQUEST_TYPES:
            today = now.astimezone(zone).date().isoformat() if now is not None else None
            check_request(checks, where, seq, entry, now, requests, expiry_days, hash_of, accounts, postings_of,
                          policy.closed, today)
        if kind in ("gift", "fund-run"):
            postings_of[seq] = [(p["account"], parse_minor(p["amount"])) for p in policy.postings(body)]
        if kind == "account-opened":
            accounts[body["account"]] = body["kind"]
        elif kind == "card-issued":
            cards[body["account"]] = (body["card_number"], body["public_key"], True)
        elif kind == "card-revoked":
            card = cards.get(body["account"])
            checks.check(card is not None and card[2] and card[0] == body["card_number"]
                         and card[1] == body["public_key"], where, "revokes the active card")
            cards[body["account"]] = (body["card_number"], body["public_key"], False)
        elif kind == "transaction":
            total = sum(parse_minor(p["amount"]) for p in body["postings"])
            checks.equal(total, 0, where, "postings sum to zero")
            checks.check(DATE.match(body["date"]) is not None, where, "date form YYYY-MM-DD")
            postings_of[seq] = [(p["account"], parse_minor(p["amount"])) for p in body["postings"]]
            link = body["reverses"]
            if link is not None:
                original = link["seq"]
                checks.equal(sorted((a, -m) for a, m in postings_of[seq]), sorted(postings_of.get(original, [])),
                             where, f"a reversal posts exactly the postings of #{original} negated")
                checks.check(original in hash_of and hash_of[original].hex() == link["entry_hash"], where,
                             f"the reversed entry #{original} has the signed entry hash")
                checks.check(original not in reversed_ and original not in reversals, where,
                             f"#{original} is reversed once, and is not itself a reversal")
                reversed_.add(original)
                reversals.add(seq)
        elif kind in ("statements-issued", "attestation-issued"):
            head = body["head_seq"]
            checks.check(1 <= head < seq, where, "the statement head is an earlier entry")
            checks.check(head in chain_after and chain_after[head].hex() == body["head_hash"], where,
                         f"the signed statement head is the chain hash after #{head}")
    return chain


def check_request(checks, where, seq, entry, now, requests, expiry_days, hash_of, accounts, postings_of,
                  closed, today):
    """docs/signing.md, "The rules of requests" (limits aside, like the
    rest of this checker)."""
    body = entry["body"]
    kind = body["type"]
    signer = entry["signer"]
    card = signer["account"] if signer["role"] in ("member", "key-holder") else None
    if kind == "request-made":
        checks.check(body["payer"] != body["payee"], where, "payer and payee are two accounts")
        checks.check(body["payer"] in accounts and body["payee"] in accounts, where, "payer and payee exist")
        checks.check(body["payer"] not in closed and body["payee"] not in closed, where,
                     "payer and payee are open accounts")
        checks.check(0 < parse_minor(body["amount"]) <= 1_000_000, where, "the amount is positive, at most 10000.00")
        checks.check(DATE.match(body["date"]) is not None, where, "date form YYYY-MM-DD")
        checks.check(today is None or body["date"] <= today, where,
                     "a request is not dated after the day it is recorded")
        checks.check(card is None or card == body["payee"], where, "a card signs a request only as its payee")
        # The expiry period in force when the request is made holds for it
        # (rule 5): a later change of the setting does not move it.
        requests[seq] = {"body": body, "made_at": now, "hash": hash_of[seq], "settled": None,
                         "expiry_days": expiry_days}
        return
    link = body["request"]
    request = requests.get(link["seq"])
    if not checks.check(request is not None and request["hash"].hex() == link["entry_hash"], where,
                        f"names request #{link['seq']}, an earlier request-made, by its entry hash"):
        return
    checks.check(request["settled"] is None, where,
                 f"request #{link['seq']} is settled once (already by #{request['settled']})")
    if now is not None and request["made_at"] is not None:
        days = request["expiry_days"]
        expires = request["made_at"] + datetime.timedelta(days=days)
        checks.check(now <= expires, where, f"request #{link['seq']} had not expired ({days} days)")
    made = request["body"]
    side = made["payee"] if kind == "request-withdrawn" else made["payer"]
    checks.check(card is None or card == side, where, f"a card settles request #{link['seq']} only as {side}")
    if kind == "request-confirmed":
        amount = parse_minor(made["amount"])
        postings = [(p["account"], parse_minor(p["amount"])) for p in body["postings"]]
        checks.equal(postings, [(made["payer"], -amount), (made["payee"], amount)], where,
                     "the confirmation's postings are its request's")
        for field in ("date", "work", "skill", "description"):
            checks.equal(body[field], made[field], where, f"the confirmation's {field} is its request's")
        postings_of[seq] = postings
    request["settled"] = seq


def parse_minor(text):
    canonical_amount(text)
    negative = text.startswith("-")
    whole, cents = text.lstrip("-").split(".")
    minor = int(whole) * 100 + int(cents)
    return -minor if negative else minor


# --------------------------------------------------------------------------
# Reading a ledger file (docs/signing.md, "Where each field is stored")
# --------------------------------------------------------------------------

def limits_from(floor, ceiling):
    return {"floor": amount_text(floor), "ceiling": amount_text(ceiling)}


def entries_from_db(path, checks):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    ledger_id = db.execute("SELECT ledger_id FROM ledger WHERE singleton = 1").fetchone()["ledger_id"]
    # Tables an older ledger (before its upgrade) does not have yet read
    # as empty: its journal has no entry of their types.
    has = {row["name"] for row in db.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}
    by_seq = lambda sql: {row["seq"]: row for row in db.execute(sql)} if sql.split()[-1] in has else {}
    settings = by_seq("SELECT * FROM ledger_settings")
    account_events = by_seq("SELECT * FROM account_events")
    card_events = by_seq("SELECT * FROM card_events")
    transactions = by_seq("SELECT * FROM transactions")
    statements = by_seq("SELECT * FROM statement_issues")
    attestations = by_seq("SELECT * FROM attestations")
    settings_set = by_seq("SELECT * FROM setting_events")
    key_changes = by_seq("SELECT * FROM treasurer_key_changes")
    confirmations = by_seq("SELECT * FROM clock_confirmations")
    corrections = by_seq("SELECT * FROM clock_corrections")
    soft_limits = by_seq("SELECT * FROM soft_limit_events")
    fund_runs = by_seq("SELECT * FROM fund_runs")
    requests = by_seq("SELECT * FROM requests")
    outcomes = by_seq("SELECT * FROM request_outcomes")
    postings = {}
    for row in db.execute("SELECT seq, idx, account_id, amount_minor FROM postings ORDER BY seq, idx"):
        postings.setdefault(row["seq"], []).append(row)
    stored_hash = {}
    entries = []
    for row in db.execute("SELECT * FROM journal ORDER BY seq"):
        seq = row["seq"]
        kind = row["entry_type"]
        where = f"ledger #{seq}"
        stored_hash[seq] = bytes(row["entry_hash"])
        # Columns that no signature covers must hold their fixed empty value.
        unsigned = lambda ok, column: checks.check(ok, where, f"{column} is not covered by the signature and must be empty")
        if kind == "ledger-created":
            s = settings[seq]
            body = {"community_name": s["community_name"], "currency_name": s["currency_name"],
                    "currency_unit": s["currency_unit"], "currency_symbol": s["currency_symbol"],
                    "time_zone": s["time_zone"], "default_language": s["default_language"],
                    "treasurer_key": bytes(s["treasurer_key"]).hex()}
            for group in ("person", "initiative", "partner", "system"):
                body[f"{group}_limits"] = limits_from(s[f"{group}_floor_minor"], s[f"{group}_ceiling_minor"])
        elif kind in ("account-opened", "limits-set", "account-closed"):
            a = account_events[seq]
            body = {"account": a["account_id"]}
            if kind == "account-opened":
                body.update(kind=a["kind"], limits=limits_from(a["floor_minor"], a["ceiling_minor"]))
                unsigned(a["reason"] == "", "account_events.reason of account-opened")
            elif kind == "limits-set":
                body.update(limits=limits_from(a["floor_minor"], a["ceiling_minor"]), reason=a["reason"])
                unsigned(a["kind"] is None, "account_events.kind of limits-set")
            else:
                body.update(reason=a["reason"])
                unsigned(a["kind"] is None and a["floor_minor"] is None and a["ceiling_minor"] is None,
                         "account_events.kind/floor/ceiling of account-closed")
        elif kind in ("card-issued", "card-revoked"):
            c = card_events[seq]
            body = {"account": c["account_id"], "card_number": c["card_number"],
                    "public_key": bytes(c["public_key"]).hex(), "reason": c["reason"]}
            if kind == "card-issued":
                body.update(holder=c["holder_id"], kdf={"memory_kib": c["kdf_memory_kib"],
                                                        "iterations": c["kdf_iterations"],
                                                        "parallelism": c["kdf_parallelism"]})
            else:
                unsigned(c["holder_id"] is None and c["kdf_memory_kib"] is None and c["kdf_iterations"] is None
                         and c["kdf_parallelism"] is None, "card_events.holder_id/kdf_* of card-revoked")
        elif kind == "transaction":
            t = transactions[seq]
            reverses = None
            if t["reverses_seq"] is not None:
                original = t["reverses_seq"]
                reverses = {"seq": original, "entry_hash": stored_hash.get(original, b"").hex(), "reason": t["reason"]}
            else:
                unsigned(t["reason"] is None, "transactions.reason without reverses_seq")
            body = {"date": t["date"], "work": t["work"], "skill": t["skill"], "description": t["description"],
                    "slip": t["slip"], "reverses": reverses, "override_reason": t["override_reason"],
                    "postings": [{"account": p["account_id"], "amount": amount_text(p["amount_minor"])}
                                 for p in postings.get(seq, [])]}
            checks.equal([p["idx"] for p in postings.get(seq, [])], list(range(len(postings.get(seq, [])))),
                         where, "posting indexes")
        elif kind in ("gift", "fund-run"):
            t = transactions[seq]
            unsigned(t["work"] is None and t["skill"] is None and t["reverses_seq"] is None and t["reason"] is None
                     and t["override_reason"] is None, "transactions.work/skill/reverses/override of a " + kind)
            rows = postings.get(seq, [])
            if kind == "gift":
                checks.equal(len(rows), 2, where, "a gift has two postings, giver first")
                body = {"date": t["date"], "from": rows[0]["account_id"] if rows else "",
                        "to": rows[1]["account_id"] if len(rows) > 1 else "",
                        "amount": amount_text(rows[1]["amount_minor"]) if len(rows) > 1 else "0.00",
                        "why": t["description"], "slip": t["slip"]}
            else:
                unsigned(t["slip"] is None, "transactions.slip of a fund-run")
                f = fund_runs[seq]
                body = {"rule": f["rule"], "period": f["period"], "date": t["date"], "description": t["description"],
                        "postings": [{"account": p["account_id"], "amount": amount_text(p["amount_minor"])}
                                     for p in rows]}
        elif kind == "soft-limits-set":
            sl = soft_limits[seq]
            body = {"account": sl["account_id"],
                    "soft_floor": None if sl["soft_floor_minor"] is None else amount_text(sl["soft_floor_minor"]),
                    "soft_ceiling": None if sl["soft_ceiling_minor"] is None else amount_text(sl["soft_ceiling_minor"]),
                    "reason": sl["reason"]}
        elif kind == "statements-issued":
            st = statements[seq]
            body = {"period": st["period"], "head_seq": st["head_seq"], "head_hash": bytes(st["head_hash"]).hex()}
        elif kind == "attestation-issued":
            at = attestations[seq]
            body = {"account": at["account_id"], "from": at["date_from"], "to": at["date_to"],
                    "given": amount_text(at["given_minor"]), "head_seq": at["head_seq"],
                    "head_hash": bytes(at["head_hash"]).hex()}
        elif kind == "setting-set":
            st = settings_set[seq]
            body = {"name": st["name"], "value": st["value"]}
        elif kind == "treasurer-key-changed":
            k = key_changes[seq]
            body = {"new_key": bytes(k["new_key"]).hex(), "acceptance": bytes(k["acceptance"]).hex(),
                    "reason": k["reason"]}
        elif kind == "clock-confirmed":
            body = {"date": confirmations[seq]["date"]}
        elif kind == "clock-corrected":
            c = corrections[seq]
            body = {"first_wrong_seq": c["first_wrong_seq"], "reason": c["reason"]}
        elif kind == "request-made":
            r = requests[seq]
            body = {"payer": r["payer_id"], "payee": r["payee_id"], "amount": amount_text(r["amount_minor"]),
                    "date": r["date"], "work": r["work"], "skill": r["skill"], "description": r["description"],
                    "slip": r["slip"]}
        elif kind in REQUEST_TYPES:
            o = outcomes[seq]
            checks.equal("request-" + o["outcome"], kind, where, "request_outcomes.outcome names the entry's type")
            body = {"request": {"seq": o["request_seq"],
                                "entry_hash": stored_hash.get(o["request_seq"], b"").hex()}}
            if kind == "request-confirmed":
                t = transactions[seq]
                unsigned(o["reason"] is None and o["slip"] is None, "request_outcomes.reason/slip of a confirmation")
                unsigned(t["reverses_seq"] is None and t["reason"] is None and t["override_reason"] is None,
                         "transactions.reverses_seq/reason/override_reason of a confirmation")
                body.update(date=t["date"], work=t["work"], skill=t["skill"], description=t["description"],
                            slip=t["slip"], postings=[{"account": p["account_id"],
                                                       "amount": amount_text(p["amount_minor"])}
                                                      for p in postings.get(seq, [])])
                checks.equal([p["idx"] for p in postings.get(seq, [])], list(range(len(postings.get(seq, [])))),
                             where, "posting indexes")
            elif kind == "request-declined":
                body.update(reason=o["reason"], slip=o["slip"])
            else:
                unsigned(o["reason"] is None, "request_outcomes.reason of a withdrawal")
                body.update(slip=o["slip"])
        else:
            checks.check(False, where, f"unknown entry type {kind!r}")
            continue
        body["type"] = kind
        entries.append({
            "seq": seq,
            "recorded_at": row["recorded_at"],
            "signer": {"role": row["signer_role"], "account": row["signer_account"],
                       "public_key": bytes(row["signer_key"]).hex()},
            "body": body,
            "signature": bytes(row["signature"]).hex(),
            "entry_hash": bytes(row["entry_hash"]).hex(),
            "chain_hash": bytes(row["chain_hash"]).hex(),
        })
    db.close()
    return ledger_id, entries


# --------------------------------------------------------------------------
# The test vectors
# --------------------------------------------------------------------------

def check_card_keys(checks, vectors):
    seeds = {}
    for v in vectors["card_keys"]:
        where = f"card-keys {v['name']}"
        secret = bytes.fromhex(v["card_secret"])
        checks.equal(card_code_text(v["account"], secret), v["card_code"], where, "card code text")
        checks.equal(parse_card_code(v["card_code"]), (v["account"], secret), where, "card code parses back")
        checks.equal((secret + v["pin"].encode("ascii")).hex(), v["argon2_password"], where, "Argon2 password")
        checks.equal(f"akker-card-v1/{v['ledger_id']}/{v['account']}", v["argon2_salt"], where, "Argon2 salt")
        seed = card_seed(v["ledger_id"], v["account"], secret, v["pin"], v["kdf"])
        checks.equal(seed.hex(), v["seed"], where, "derived seed")
        public_key = nacl.signing.SigningKey(seed).verify_key.encode().hex()
        checks.equal(public_key, v["public_key"], where, "public key")
        checks.equal(card_check(v["ledger_id"], v["account"], 1, secret).hex(), v["card_check"], where,
                     "card check")
        seeds[v["name"]] = seed
    for v in vectors.get("card_checks", []):
        where = f"card check {v['card_code']}"
        account, secret = parse_card_code(v["card_code"])
        message = b"".join(len(f).to_bytes(4, "big") + f for f in [
            b"akker-card-check-v1", v["ledger_id"].encode(), account.encode(), str(v["card_number"]).encode(), secret])
        checks.equal(message.hex(), v["message"], where, "message")
        checks.equal(hashlib.sha256(message).hexdigest(), v["check_hash"], where, "check hash")
    for v in vectors["card_codes"]:
        where = f"card code {v['card_code']}"
        secret = bytes.fromhex(v["card_secret"])
        checks.equal(card_code_text(v["account"], secret), v["card_code"], where, "text")
        for typed in v["also_accepted"]:
            checks.equal(parse_card_code(typed), (v["account"], secret), where, f"reads {typed!r}")
    return seeds


def check_entry_vectors(checks, vectors, card_seeds):
    ledger_id = vectors["ledger_id"]
    checks.equal(vectors["format"], MESSAGE_VERSION, "entries", "format")
    seeds = {}
    for key in vectors["signing_keys"]:
        where = f"signing key {key['name']}"
        seed = bytes.fromhex(key["seed"])
        checks.equal(nacl.signing.SigningKey(seed).verify_key.encode().hex(), key["public_key"], where, "public key")
        if key["derived_from_card"] is not None:
            checks.equal(seed, card_seeds.get(key["derived_from_card"]), where, "derived from its card")
        seeds[key["name"]] = seed
    for v in vectors["amount_text_forms"]:
        checks.equal(amount_text(v["amount_minor"]), v["text"], "amount", f"{v['amount_minor']} hundredths")
    for entry in vectors["entries"]:
        where = f"entries #{entry['seq']}"
        message = encode_fields(message_fields(ledger_id, entry))
        signature = nacl.signing.SigningKey(seeds[entry["signer"]["key"]]).sign(message).signature
        checks.equal(signature.hex(), entry["signature"], where, "signature made with the test seed")
        checks.equal(entry_hash(message).hex(), entry["entry_hash"], where, "entry hash")
        if entry["seq"] > 1:
            previous = vectors["entries"][entry["seq"] - 2]["chain_hash"]
        else:
            previous = GENESIS.hex()
        checks.equal(entry["previous_chain_hash"], previous, where, "previous chain hash")
    check_journal(checks, ledger_id, vectors["entries"], "entries")
    for v in vectors["treasurer_fingerprints"]:
        checks.equal(fingerprint(bytes.fromhex(v["public_key"])), v["fingerprint"], "fingerprint", v["public_key"])
    for v in vectors["refused_signatures"]:
        accepted = verify_signature(bytes.fromhex(v["public_key"]), bytes.fromhex(v["message"]),
                                    bytes.fromhex(v["signature"]))
        checks.equal(accepted, v["accept"], "strict verification", v["comment"])
    check_request_rules_bite(checks, vectors, seeds)
    # A change to any signed field must break the signature.
    tampered = json.loads(json.dumps(vectors["entries"][8]))
    tampered["body"]["postings"][1]["amount"] = "1.51"
    tampered["body"]["postings"][0]["amount"] = "-1.51"
    message = encode_fields(message_fields(ledger_id, tampered))
    checks.check(not verify_signature(bytes.fromhex(tampered["signer"]["public_key"]), message,
                                      bytes.fromhex(tampered["signature"])), "tampered #9", "signature must fail")


def resigned(ledger_id, entries, seed):
    """The journal `entries` with the last one re-signed by `seed` and
    every hash and chain recomputed, as a forger holding that key would."""
    entries = json.loads(json.dumps(entries))
    last = entries[-1]
    last.pop("fields", None)
    last.pop("message", None)
    message = encode_fields(message_fields(ledger_id, last))
    last["signature"] = nacl.signing.SigningKey(seed).sign(message).signature.hex()
    last["entry_hash"] = entry_hash(message).hex()
    previous = bytes.fromhex(entries[-2]["chain_hash"])
    last["chain_hash"] = next_chain(previous, entry_hash(message), bytes.fromhex(last["signature"])).hex()
    return entries


def check_request_rules_bite(checks, vectors, seeds):
    """The rules of requests must catch a confirmation that differs from
    its request and a second confirmation, even correctly signed by the
    treasurer: the checker itself is tested on both."""
    ledger_id = vectors["ledger_id"]
    entries = vectors["entries"]
    confirmed = next(e for e in entries if e["type"] == "request-confirmed")
    before = entries[:confirmed["seq"] - 1]
    seed = seeds[confirmed["signer"]["key"]]
    changed = json.loads(json.dumps(confirmed))
    changed["body"]["postings"][0]["amount"] = "-2.50"
    changed["body"]["postings"][1]["amount"] = "2.50"
    probe = Checks()
    check_journal(probe, ledger_id, resigned(ledger_id, before + [changed], seed), "probe")
    checks.check(any("postings are its request's" in f for f in probe.failures),
                 "request rules", "a confirmation that differs from its request is caught")
    again = json.loads(json.dumps(confirmed))
    again["seq"] += 1
    again["recorded_at"] = again["recorded_at"].replace(".000000Z", ".000001Z")
    probe = Checks()
    check_journal(probe, ledger_id, resigned(ledger_id, entries[:confirmed["seq"]] + [again], seed), "probe")
    checks.check(any("is settled once" in f for f in probe.failures),
                 "request rules", "a second confirmation of a request is caught")


def check_key_file(checks, vector):
    seed = open_key_file(vector["file"], vector["passphrase"])
    checks.equal(seed.hex(), vector["seed"], "key-file", "decrypted seed")
    checks.equal(json.loads(vector["file"])["public_key"], vector["public_key"], "key-file", "public key")
    try:
        open_key_file(vector["file"], "wrong passphrase")
        checks.check(False, "key-file", "a wrong passphrase must fail")
    except nacl.exceptions.CryptoError:
        checks.check(True, "key-file", "")


def main():
    parser = argparse.ArgumentParser(description="Independent checker for akker signatures (docs/signing.md).")
    parser.add_argument("--db", help="an akker ledger file (SQLite) to check")
    parser.add_argument("--json", help="entries in JSON form to check (an object with ledger_id and entries)")
    parser.add_argument("--vectors", default=os.path.dirname(os.path.abspath(__file__)),
                        help="the folder with the test vectors (default: next to this script)")
    args = parser.parse_args()
    checks = Checks()
    if args.db:
        ledger_id, entries = entries_from_db(args.db, checks)
        head = check_journal(checks, ledger_id, entries, "ledger")
        print(f"{args.db}: {len(entries)} entries, chain head {head.hex()}")
    elif args.json:
        with open(args.json, encoding="utf-8") as f:
            data = json.load(f)
        head = check_journal(checks, data["ledger_id"], data["entries"], "json")
        print(f"{args.json}: {len(data['entries'])} entries, chain head {head.hex()}")
    else:
        load = lambda name: json.load(open(os.path.join(args.vectors, name), encoding="utf-8"))
        card_seeds = check_card_keys(checks, load("card-keys.json"))
        check_entry_vectors(checks, load("entries.json"), card_seeds)
        check_key_file(checks, load("key-file.json"))
    for failure in checks.failures:
        print(f"FAILED {failure}")
    print(f"check_vectors: {checks.passed} passed, {len(checks.failures)} failed")
    return 0 if not checks.failures else 1


if __name__ == "__main__":
    sys.exit(main())
