"""Time of one check over pathological texts of growing length: it must grow linearly.

Usage: python benchmarks/bench_linear.py [--sizes 1000,10000,100000,1000000] [--lang en]

Each family is one kind of text that once took super-linear time (issue 9), plus
ordinary prose for comparison. Prints, per family, the seconds of one check at each
size, the seconds per 100,000 characters at the largest size, and the growth from the
second-largest to the largest size (10x longer: linear is ~10x, quadratic ~100x).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import netiquette

PROSE = "Thanks for your patience; we have refunded order 12345 today. "
FAMILIES: dict[str, Callable[[int], str]] = {
    "capitals run (Order #XXX...ABC)": lambda n: "Order #" + "X" * (n - 10) + "ABC",
    "exclamation marks": lambda n: "!" * n,
    "double braces": lambda n: "{{" * (n // 2),
    "square brackets": lambda n: "[" * n,
    "angle brackets": lambda n: "<" * n,
    "percent signs": lambda n: "%" * n,
    "equals-sign line": lambda n: "Best, Bo\n" + "=" * n,
    "emoji": lambda n: "😀" * n,
    "HTML comment openers": lambda n: "<!--" * (n // 4),
    "code-fence lines": lambda n: "```a\n" * (n // 5),
    "unclosed <b tags": lambda n: "<b " * (n // 3),
    "one acronym used again and again": lambda n: ("Your SLA was missed. " * n)[:n],
    "many findings": lambda n: ("Hi, this is SHOUTING lol!! FYI the ETA is tbd. " * n)[:n],
    "ordinary prose": lambda n: (PROSE * (n // len(PROSE) + 1))[:n],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    # measure past the default limit
    linter = netiquette.Linter(args.lang, config={"max_chars": 1_000_000})
    linter.check("Warm up: thanks for your patience.")
    head = " | ".join(f"{n:,} chars (s)" for n in sizes)
    print(f"| family | {head} | s per 100k at {sizes[-1]:,} | growth x10 |")
    print("|---|" + "---:|" * (len(sizes) + 2))
    for name, make in FAMILIES.items():
        times = []
        for size in sizes:
            text = make(size)[:size]
            start = time.perf_counter()
            linter.check(text)
            times.append(time.perf_counter() - start)
        per_100k = times[-1] / (sizes[-1] / 100_000)
        growth = times[-1] / times[-2] if len(times) > 1 and times[-2] > 0 else float("nan")
        cells = " | ".join(f"{t:.3f}" for t in times)
        print(f"| {name} | {cells} | {per_100k:.3f} | {growth:.1f} |", flush=True)


if __name__ == "__main__":
    main()
