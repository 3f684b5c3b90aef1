"""Profanity speed: our indexed matcher (NQ201 + NQ202) against better-profanity 0.7.0.

Usage: python benchmarks/bench_profanity.py [--quick] [--full]

Both run on the same replies: the benchmark corpus's 120-word texts, one in five with a
swear word added (plain or disguised: "shit", "f**k", "sh1t", "f.u.c.k", "damn").
Printed: median time per reply of our matcher, of the two rules' ``check`` on a fresh
Document, and of better-profanity's ``contains_profanity``, their ratio, the replies each
flags, and our time on a 5,000-word text (better-profanity's too with --full: ~10 s).
Nothing here is asserted: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import replies  # noqa: E402
from netiquette.config import Settings  # noqa: E402
from netiquette.engines.profanity import matcher_for  # noqa: E402
from netiquette.registry import all_rules  # noqa: E402
from netiquette.rule import RuleContext  # noqa: E402
from netiquette.text.document import Document  # noqa: E402

INSERTS = [
    "Honestly, the courier made a shit job of it.",
    "What the f**k happened at the depot?",
    "The old app was sh1t, sorry.",
    "Well, f.u.c.k, the label printed wrong.",
    "Damn, I sent the wrong link.",
    "This f***ing printer again.",
    "The bloody system logged you out.",
    "That bull-shit policy is gone now.",
]


def corpus(count: int, seed: int = 11) -> list[str]:
    """``count`` 120-word replies; every fifth one gets a swear word."""
    rng = random.Random(seed)
    texts = replies(count, seed=seed)
    for i in range(0, count, 5):
        sentences = texts[i].split(". ")
        at = rng.randrange(1, len(sentences))
        sentences.insert(at, rng.choice(INSERTS).rstrip("."))
        texts[i] = ". ".join(sentences)
    return texts


def median_seconds(fn: Callable[[str], object], texts: list[str], repeat: int) -> float:
    """Median over texts of the best of ``repeat`` runs on each text."""
    per_text = []
    for text in texts:
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            fn(text)
            best = min(best, time.perf_counter() - start)
        per_text.append(best)
    return statistics.median(per_text)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="50 replies instead of 200")
    parser.add_argument("--full", action="store_true", help="better-profanity on 5,000 words")
    args = parser.parse_args()
    count = 50 if args.quick else 200
    texts = corpus(count)
    words = statistics.mean(len(t.split()) for t in texts)

    start = time.perf_counter()
    matcher = matcher_for("en")
    build_ms = (time.perf_counter() - start) * 1e3
    context = RuleContext(lang="en", settings=Settings())
    rules = [all_rules()[rule_id](context) for rule_id in ("NQ201", "NQ202")]
    prose = {t: Document(t, "en").prose_folded for t in texts}

    def ours(text: str) -> object:
        return matcher.find(text, prose[text])

    def both_rules(text: str) -> object:
        doc = Document(text, "en")
        return [f for rule in rules for f in rule.check(doc)]

    from better_profanity import profanity

    profanity.load_censor_words()

    def document_only(text: str) -> object:
        return Document(text, "en").prose_folded

    ours_s = median_seconds(ours, texts, repeat=5)
    document_s = median_seconds(document_only, texts, repeat=5)
    rules_s = median_seconds(both_rules, texts, repeat=5)
    theirs_s = median_seconds(profanity.contains_profanity, texts, repeat=1)
    flagged_ours = sum(bool(ours(t)) for t in texts)
    flagged_theirs = sum(profanity.contains_profanity(t) for t in texts)

    long_text = " ".join(texts)
    long_words = 5000
    long_text = " ".join(long_text.split()[:long_words])
    long_folded = Document(long_text, "en").prose_folded
    long_s = min(_timed(lambda: matcher.find(long_text, long_folded)) for _ in range(5))

    print(f"{count} replies, {words:.0f} words on average; matcher built in {build_ms:.0f} ms")
    print(f"ours, matcher.find             {ours_s * 1e3:8.3f} ms per reply (median)")
    print(f"ours, NQ201 + NQ202 check()    {rules_s * 1e3:8.3f} ms per reply (new Document)")
    print(f"  of which Document.prose_folded {document_s * 1e3:8.3f} ms (shared by every rule)")
    print(f"better-profanity 0.7.0         {theirs_s * 1e3:8.3f} ms per reply (median)")
    print(f"ratio better-profanity / ours  {theirs_s / ours_s:8.0f} x (matcher)")
    print(f"ratio better-profanity / rules {theirs_s / rules_s:8.0f} x (both rules)")
    print(
        f"replies flagged: ours {flagged_ours}, better-profanity {flagged_theirs} "
        f"(of which {count // 5} have a swear word added)"
    )
    print(f"ours, 5,000-word text          {long_s * 1e3:8.3f} ms")
    if args.full:
        theirs_long = _timed(lambda: profanity.contains_profanity(long_text))
        print(f"better-profanity, 5,000 words  {theirs_long * 1e3:8.0f} ms")
    return 0


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


if __name__ == "__main__":
    sys.exit(main())
