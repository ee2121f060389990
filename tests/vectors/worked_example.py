#!/usr/bin/env python3
"""Prints the worked example of docs/signing.md ("Worked examples of every
entry type") for entries of tests/vectors/entries.json, from the vectors
alone: python3 tests/vectors/worked_example.py SEQ [SEQ ...]

The examples in signing.md are this script's output, pasted; a test
(tests/vectors.rs) checks every example's hashes are in the vectors."""

import json
import sys
from pathlib import Path

VECTORS = Path(__file__).resolve().parent / "entries.json"


def example(entry):
    lines = [f"### Example: `{entry['type']}` (#{entry['seq']})", ""]
    lines.append(f"{entry['comment']} Signed with the test key `{entry['signer']['key']}`.")
    lines += ["", "| # | field |", "|---|---|"]
    for i, field in enumerate(entry["fields"], start=1):
        lines.append(f"| {i} | `{field}` |" if field else f'| {i} | "" |')
    message = entry["message"]
    lines += ["", f"Message ({len(message) // 2} bytes):", "", "```"]
    lines += [message[i:i + 64] for i in range(0, len(message), 64)]
    signature = entry["signature"]
    lines += [
        "```",
        "",
        "```",
        f"entry_hash = {entry['entry_hash']}",
        f"signature  = {signature[:64]}",
        f"             {signature[64:]}",
        f"chain      = {entry['chain_hash']}   (after chain {entry['previous_chain_hash'][:16]}…)",
        "```",
        "",
    ]
    return "\n".join(lines)


def main():
    entries = {e["seq"]: e for e in json.loads(VECTORS.read_text(encoding="utf-8"))["entries"]}
    for seq in sys.argv[1:]:
        print(example(entries[int(seq)]))


if __name__ == "__main__":
    main()
