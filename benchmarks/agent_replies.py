"""Warning rate on real agent replies (../shared/data/agent-replies/, read in place).

Usage: python benchmarks/agent_replies.py [--show]

Prints the share of replies with at least one warning or error, the rules that fire
most, and with --show every finding, for reviewing false alarms by hand.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

import netiquette

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "agent-replies"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true", help="print every finding")
    args = parser.parse_args()
    files = sorted(SHARED.glob("*.jsonl"))
    if not files:
        print(f"no agent replies found under {SHARED}; nothing measured")
        return 0
    texts = [
        json.loads(line)["text"]
        for path in files
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    linter = netiquette.Linter("en")
    fired: collections.Counter[str] = collections.Counter()
    warned = 0
    for text, report in zip(texts, linter.check_many(texts), strict=True):
        serious = [s for s in report.suggestions if s.severity != "info"]
        warned += bool(serious)
        for s in report.suggestions:
            fired[f"{s.rule_id} {s.name} ({s.severity})"] += 1
            if args.show:
                print(f"{s.rule_id} {s.severity:<7} {s.match!r:<30} in {text!r}")
    print(
        f"{len(texts)} agent replies; {warned} ({warned / len(texts):.0%}) with a warning or error"
    )
    for rule, count in fired.most_common():
        print(f"  {count:3d}  {rule}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
