"""Latency against length: one check of replies of 10, 100, 1,000 and 10,000 words.

Usage: python benchmarks/bench_growth.py [--quick] [--plot docs/images/growth.png]

Replies are built like the other benchmarks' (benchmarks/corpus.py: sentences of the
example replies, a greeting and a sign-off), English and Turkish, every offline rule.
Each size is measured on several different replies after a warm-up, best of three
runs each, and the median is printed with the time per word: time that grows linearly
with length keeps the time per word flat. With --plot, a log-log chart of both
languages against a line of slope 1 (linear growth) is saved (needs matplotlib, in
the ``eval`` extra).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import replies

SIZES = (10, 100, 1_000, 10_000)
#: Replies measured per size (fewer for long ones), in --quick and full runs.
SAMPLES = {10: (50, 200), 100: (30, 100), 1_000: (8, 20), 10_000: (3, 6)}


def actual_words(size: int, lang: str) -> float:
    """Mean words of the replies of a size (greeting and sign-off included)."""
    texts = replies(SAMPLES[size][1], words=size, seed=size, lang=lang)
    return statistics.mean(len(text.split()) for text in texts)


def measure(lang: str, quick: bool) -> dict[int, float]:
    """Median seconds of one check at each size."""
    import netiquette

    linter = netiquette.Linter(lang).warm_up()
    for text in replies(200, lang=lang):  # a warm tokenizer, as in a long-running service
        linter.check(text)
    found = {}
    for size in SIZES:
        count = SAMPLES[size][0 if quick else 1]
        texts = replies(count, words=size, seed=size, lang=lang)
        linter.check(texts[0])
        times = []
        for text in texts:
            best = float("inf")
            for _ in range(3):
                start = time.perf_counter()
                linter.check(text)
                best = min(best, time.perf_counter() - start)
            times.append(best)
        found[size] = statistics.median(times)
    return found


def plot(results: dict[str, dict[int, float]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.4, 4.2), dpi=110)
    for lang, label, marker in (("en", "English", "o"), ("tr", "Turkish", "s")):
        sizes = sorted(results[lang])
        words = [actual_words(size, lang) for size in sizes]
        ax.plot(words, [results[lang][s] * 1e3 for s in sizes], marker=marker, label=label)
    first = min(SIZES)
    reference = results["en"][SIZES[1]] * 1e3 / actual_words(SIZES[1], "en")
    ax.plot(
        SIZES,
        [reference * s for s in SIZES],
        linestyle="--",
        color="grey",
        label="linear (slope 1, through 100 words)",
    )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("words in the reply (greeting and sign-off included)")
    ax.set_ylabel("one check, median (ms)")
    ax.set_title("netiquette: time of one check against length")
    ax.set_xlim(first * 0.8, max(SIZES) * 1.25)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer replies per size")
    parser.add_argument("--plot", type=Path, help="save a chart (PNG) here")
    args = parser.parse_args()
    results = {lang: measure(lang, args.quick) for lang in ("en", "tr")}
    print("| words (en / tr, actual) | English: one check | per word | Turkish | per word |")
    print("|---|---|---|---|---|")
    for size in SIZES:
        en, tr = results["en"][size], results["tr"][size]
        en_words, tr_words = actual_words(size, "en"), actual_words(size, "tr")
        print(
            f"| {size:,} ({en_words:,.0f} / {tr_words:,.0f}) | {en * 1e3:.2f} ms | "
            f"{en / en_words * 1e6:.1f} µs | {tr * 1e3:.2f} ms | {tr / tr_words * 1e6:.1f} µs |"
        )
    if args.plot:
        plot(results, args.plot)
        print(f"chart: {args.plot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
