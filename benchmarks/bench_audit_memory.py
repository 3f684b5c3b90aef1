"""Time and peak memory of `netiquette templates audit` on libraries built to blow up
pairwise work: it must stay bounded by the number of templates, not its square.

Usage: python benchmarks/bench_audit_memory.py [--limit-gb 6]

Cases: 8,000 identical CSV rows; 90,000 one-word rows; 10,000 realistic templates
(sentences of the bundled example replies) with near duplicates. Each runs in its own
process under an address-space limit, so a blow-up ends in an error, not a dead machine.
Prints wall seconds and peak RSS (MB) per case.
"""

from __future__ import annotations

import argparse
import csv
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import sentences


def identical_rows(folder: Path) -> list[Path]:
    path = folder / "identical.csv"
    body = "Thanks for your patience, we have refunded your order and it will show in 3 days."
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id", "body"])
        writer.writerows([f"t{n}", body] for n in range(8_000))
    return [path]


def one_word_rows(folder: Path) -> list[Path]:
    path = folder / "one-word.csv"
    words = ["Hi", "Ok", "Yes", "No", "Done", "Sure", "Noted", "Sorry"]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id", "body"])
        writer.writerows([n, words[n % len(words)]] for n in range(90_000))
    return [path]


def realistic(folder: Path) -> list[Path]:
    """10 files of 1,000 (a template file holds at most 1 MB)."""
    rng = random.Random(5)
    pool = sentences("en")
    bases = [" ".join(rng.sample(pool, 4)) for _ in range(2_000)]
    paths = []
    for part in range(10):
        path = folder / f"realistic-{part}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["id", "body"])
            for n in range(part * 1_000, (part + 1) * 1_000):
                words = bases[n % len(bases)].split()
                if n >= len(bases):  # an edited copy: one word changed
                    words[rng.randrange(len(words))] = rng.choice(["today", "soon", "now"])
                writer.writerow([f"r{n}", " ".join(words)])
        paths.append(path)
    return paths


_MEASURE = """
import resource, subprocess, sys
limit = int(sys.argv[1])
def cap():
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
done = subprocess.run(sys.argv[2:], capture_output=True, preexec_fn=cap, check=False)
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def run(paths: list[Path], limit_bytes: int) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit code) of one audit in a child process under an
    address-space limit (a blow-up fails instead of exhausting the machine)."""
    audit = [sys.executable, "-m", "netiquette", "templates", "audit", *map(str, paths)]
    start = time.perf_counter()
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            _MEASURE,
            str(limit_bytes),
            *audit,
            "--no-config",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return time.perf_counter() - start, int(out[1]) / 1024, int(out[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit-gb", type=float, default=6.0)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="netiquette-audit-"))
    print("| case | templates | seconds | peak RSS (MB) | exit |")
    print("|---|---:|---:|---:|---:|")
    for name, make, count in (
        ("8,000 identical rows", identical_rows, 8_000),
        ("90,000 one-word rows", one_word_rows, 90_000),
        ("10,000 realistic, with near duplicates", realistic, 10_000),
    ):
        seconds, peak, code = run(make(folder), int(args.limit_gb * 2**30))
        print(f"| {name} | {count:,} | {seconds:.1f} | {peak:.0f} | {code} |", flush=True)


if __name__ == "__main__":
    main()
