"""Tone rules on real text: how often each fires, and how fast (shared data, read in place).

Usage: python benchmarks/bench_tone_corpus.py [--show] [--shared PATH]

1. ABCD agent turns (../shared/data/agent-replies/abcd-agent-turns.jsonl): how often each
   tone rule fires on 32 real agent chat turns; --show prints every finding, to review
   false alarms by hand.
2. Stanford Politeness Corpus (../shared/data/politeness/*.annotated.csv, columns
   Request and Classification): the share of Rude/Very Rude and of Polite/Very Polite
   requests that get at least one tone warning. A sanity check, not a target: these are
   requests between peers on Wikipedia and Stack Exchange, not support replies.
3. Speed: median microseconds per text for the tone rules, per rule, on the corpus.

Exits with status 0 and a note when the shared data is absent.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import statistics
import sys
import time
from pathlib import Path

import netiquette
from netiquette.registry import all_rules
from netiquette.text.document import Document

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
RUDE = ("Rude", "Very Rude")
POLITE = ("Polite", "Very Polite")


def tone_ids() -> list[str]:
    return [rule_id for rule_id, cls in all_rules().items() if cls.category == "tone"]


def abcd(linter: netiquette.Linter, shared: Path, show: bool) -> None:
    path = shared / "agent-replies" / "abcd-agent-turns.jsonl"
    if not path.is_file():
        print(f"ABCD: {path} not found; skipped")
        return
    texts = [
        json.loads(line)["text"]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    fired: collections.Counter[str] = collections.Counter()
    turns_with: collections.Counter[str] = collections.Counter()
    flagged = 0
    for text in texts:
        report = linter.check(text)
        names = {f"{s.rule_id} {s.name}" for s in report.suggestions}
        fired.update(f"{s.rule_id} {s.name}" for s in report.suggestions)
        turns_with.update(names)
        flagged += bool(report.suggestions)
        if show:
            for s in report.suggestions:
                print(f"  {s.rule_id} {s.severity:7s} {s.match!r:28s} | {text}")
    print(f"ABCD agent turns: {len(texts)}; turns with a tone finding: {flagged}")
    for name, count in sorted(fired.items()):
        print(f"  {name:32s} findings {count:3d}  turns {turns_with[name]:3d}")


def politeness(linter: netiquette.Linter, shared: Path, show: bool) -> list[str]:
    files = sorted((shared / "politeness").glob("*.annotated.csv"))
    if not files:
        print(f"Politeness: no *.annotated.csv under {shared / 'politeness'}; skipped")
        return []
    rows: list[tuple[str, str]] = []
    for path in files:
        with path.open(encoding="utf-8", newline="") as handle:
            rows += [(r["Request"], r["Classification"]) for r in csv.DictReader(handle)]
    by_class: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    per_rule: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    examples: dict[str, list[str]] = collections.defaultdict(list)
    for text, label in rows:
        report = linter.check(text)
        warnings = [s for s in report.suggestions if s.severity != "info"]
        counts = by_class[label]
        counts[0] += 1
        counts[1] += bool(warnings)
        counts[2] += bool(report.suggestions)
        for rule in {f"{s.rule_id} {s.name}" for s in report.suggestions}:
            per_rule[rule][label] += 1
        for s in warnings:
            if label in POLITE and len(examples[s.name]) < 5:
                examples[s.name].append(f"{s.match!r} | {text[:140]}")
    print(f"\nPoliteness corpus: {len(rows)} requests")
    print(f"  {'class':12s} {'n':>5s} {'>=1 warning':>12s} {'>=1 finding':>12s}")
    for label in ("Very Rude", "Rude", "Neutral", "Polite", "Very Polite"):
        n, warned, any_found = by_class.get(label, [0, 0, 0])
        if n:
            print(f"  {label:12s} {n:5d} {warned / n:11.1%} {any_found / n:11.1%}")
    for group, labels in (("Rude + Very Rude", RUDE), ("Polite + Very Polite", POLITE)):
        n = sum(by_class[x][0] for x in labels)
        warned = sum(by_class[x][1] for x in labels)
        if n:
            print(f"  {group:22s} {warned}/{n} = {warned / n:.1%} with a tone warning")
    print("  findings per rule (requests, by class: rude+very rude / neutral / polite+very polite)")
    for rule, counter in sorted(per_rule.items()):
        rude = sum(counter[x] for x in RUDE)
        polite = sum(counter[x] for x in POLITE)
        print(f"    {rule:32s} {rude:5d} / {counter['Neutral']:5d} / {polite:5d}")
    if show:
        print("  warnings on polite requests (up to 5 per rule):")
        for name, items in sorted(examples.items()):
            for item in items:
                print(f"    {name}: {item}")
    return [text for text, _ in rows]


def speed(linter: netiquette.Linter, texts: list[str], sample: int = 2000) -> None:
    if not texts:
        return
    texts = texts[:sample]
    rules, _ = linter._rules(linter.lang)  # the built rule objects, to time them one by one
    per_rule: dict[str, list[float]] = collections.defaultdict(list)
    total: list[float] = []
    for text in texts:
        doc = Document(text, linter.lang)
        _ = doc.tokens, doc.sentences, doc.prose_folded  # shared work, timed apart
        started = time.perf_counter()
        for rule in rules:
            t0 = time.perf_counter()
            list(rule.check(doc))
            per_rule[f"{rule.id} {rule.name}"].append(time.perf_counter() - t0)
        total.append(time.perf_counter() - started)
    words = statistics.median(len(t.split()) for t in texts)
    print(f"\nSpeed on {len(texts)} texts (median {words:.0f} words), tone rules only:")
    print(f"  all tone rules: median {statistics.median(total) * 1e6:.0f} us per text")
    for name, values in sorted(per_rule.items()):
        print(f"    {name:32s} median {statistics.median(values) * 1e6:6.1f} us")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true", help="print findings to review")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder")
    args = parser.parse_args()
    if not args.shared.is_dir():
        print(f"shared data not found at {args.shared}; nothing measured")
        return 0
    linter = netiquette.Linter("en", select=tone_ids())
    linter.warm_up()
    abcd(linter, args.shared, args.show)
    texts = politeness(linter, args.shared, args.show)
    speed(linter, texts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
