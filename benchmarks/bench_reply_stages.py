"""Where one reply's check goes, as a Markdown table per language.

Usage: python benchmarks/bench_reply_stages.py [--count N]

``--count`` replies of ~130 words (benchmarks/corpus.py) per language, after a
warm-up pass, three rounds: the whole check, the Document's views every rule reads
(tokens, sentences, words, prose), and each rule's own ``check`` on a built Document
(the first rule to ask for a shared result, such as the profanity hits or the phrase
start index, pays for it). The stages of a cold start are in bench_startup.py.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import replies  # noqa: E402


def reply_table(lang: str, count: int) -> str:
    import netiquette
    from netiquette.text.document import Document

    linter = netiquette.Linter(lang).warm_up()
    texts = replies(count, lang=lang)
    for text in texts:
        linter.check(text)
    built, _ = linter._rules(lang)  # the rules as the linter built them
    rules = [r for r in built if not r.reviews_suppressions]
    checks: list[float] = []
    views = 0.0
    spent = dict.fromkeys((r.id for r in rules), 0.0)
    rounds = 3
    for _ in range(rounds):
        for text in texts:
            start = time.perf_counter()
            linter.check(text)
            checks.append(time.perf_counter() - start)
            start = time.perf_counter()
            doc = Document(text, lang)
            _ = doc.tokens, doc.sentences, doc.words, doc.prose_text
            views += time.perf_counter() - start
            for rule in rules:
                start = time.perf_counter()
                list(rule.check(doc))
                spent[rule.id] += time.perf_counter() - start
    n = rounds * len(texts)
    mean = statistics.mean(checks)
    lines = [
        f"| {lang}: one reply (~130 words), stage | mean ms | share of a check |",
        "|---|---:|---:|",
        f"| whole check (median {statistics.median(checks) * 1e3:.3f} ms) | "
        f"{mean * 1e3:.3f} | 100% |",
        f"| Document: tokens, sentences, words, prose | {views / n * 1e3:.3f} | "
        f"{views / n / mean:.0%} |",
    ]
    ranked = sorted(spent.items(), key=lambda item: -item[1])
    for rule_id, value in ranked[:8]:
        lines.append(f"| rule {rule_id} | {value / n * 1e3:.3f} | {value / n / mean:.0%} |")
    rest = sum(value for _, value in ranked[8:])
    lines.append(
        f"| the other {len(ranked) - 8} rules | {rest / n * 1e3:.3f} | {rest / n / mean:.0%} |"
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=400, help="replies per language")
    args = parser.parse_args()
    print("\n\n".join(reply_table(lang, args.count) for lang in ("en", "tr")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
