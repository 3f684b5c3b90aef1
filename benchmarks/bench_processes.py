"""check_many throughput with processes=1 and processes=2, alternating, and what the
same two processes gain on a pure-Python loop (the ceiling this machine allows).

Usage: python benchmarks/bench_processes.py [--rounds N] [--count N]

2,000 replies of ~130 words (benchmarks/corpus.py), half English, half Turkish in a
shuffled order, checked by one Linter(lang="auto") after a warm-up.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import replies


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--count", type=int, default=2000)
    args = parser.parse_args()

    import netiquette
    from netiquette import parallel

    linter = netiquette.Linter().warm_up()
    texts = replies(args.count // 2) + replies(args.count // 2, lang="tr")
    random.Random(1).shuffle(texts)
    linter.check_many(texts)
    rates: dict[int, list[float]] = {1: [], 2: []}
    ceiling: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(args.rounds):
        for processes in (1, 2):
            start = time.perf_counter()
            linter.check_many(texts, processes=processes)
            rates[processes].append(len(texts) / (time.perf_counter() - start))
            start = time.perf_counter()
            list(parallel.ordered_map(_spin, [300_000] * 40, processes, 2))
            ceiling[processes].append(time.perf_counter() - start)
    for processes in (1, 2):
        low, high = min(rates[processes]), max(rates[processes])
        spin = min(ceiling[processes])
        print(f"processes={processes}: {low:,.0f}-{high:,.0f} replies/s; busy loop {spin:.2f} s")
    gain = min(ceiling[1]) / min(ceiling[2])
    print(f"two processes gain {max(rates[2]) / max(rates[1]):.2f}x (busy loop: {gain:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
