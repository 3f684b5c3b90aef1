"""Resident memory over many checks of varied text: it must stay flat after warm-up.

Usage: python benchmarks/bench_memory.py [--checks 200000] [--every 20000]

Each check is a realistic reply (sentences of the bundled examples, English and Turkish
in turn) carrying strings never seen before, as real replies do: a ticket number, an
order code, a customer's name and a made-up word. Prints RSS (MB) every ``--every``
checks and the growth after warm-up (the first ``--every`` checks).
"""

from __future__ import annotations

import argparse
import random
import resource
import string
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import netiquette
from corpus import replies


def rss_mb() -> float:
    """Current resident set size in MB (Linux /proc), else the peak."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * resource.getpagesize() / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def varied(base: str, rng: random.Random) -> str:
    """``base`` with strings no check has seen: ticket, order code, name, odd word."""
    ticket = rng.randrange(10**9)
    code = "".join(rng.choices(string.ascii_uppercase + string.digits, k=8))
    name = "".join(rng.choices(string.ascii_lowercase, k=7)).capitalize()
    odd = "".join(rng.choices("abcdefghijklmnoprstuvyzçğışöü", k=9))
    return f"{base}\nTicket #{ticket}, order {code}, for {name} ({odd})."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checks", type=int, default=200_000)
    parser.add_argument("--every", type=int, default=20_000)
    args = parser.parse_args()
    rng = random.Random(11)
    linters = {lang: netiquette.Linter(lang) for lang in ("en", "tr")}
    bases = {lang: replies(200, words=60, lang=lang) for lang in ("en", "tr")}
    print("| checks | RSS (MB) | seconds |")
    print("|---:|---:|---:|")
    start = time.perf_counter()
    warm = 0.0
    for i in range(1, args.checks + 1):
        lang = "en" if i % 2 else "tr"
        linters[lang].check(varied(rng.choice(bases[lang]), rng))
        if i % args.every == 0:
            rss = rss_mb()
            warm = warm or rss
            print(f"| {i:,} | {rss:.0f} | {time.perf_counter() - start:.0f} |", flush=True)
    print(f"\nGrowth after warm-up: {rss_mb() - warm:+.1f} MB")


if __name__ == "__main__":
    main()
