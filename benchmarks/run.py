"""Speed and memory figures for docs/performance.md and the README.

Usage: python benchmarks/run.py [--quick]

Measures, on this machine: `import netiquette`; a one-file `netiquette check`; building a
Linter and its first check; median latency of a 120-word reply with every offline rule;
check_many throughput; resident memory. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import replies

PY = sys.executable
ROOT = Path(__file__).resolve().parent.parent
# The processes started here import netiquette from cached bytecode, as from an
# installed wheel, even where the environment says not to write it (the first of each
# command's runs writes it to a temporary folder).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
os.environ["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="netiquette-pycache-")


def _median_subprocess(args: list[str], runs: int, stdin: str | None = None) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, input=stdin, capture_output=True, text=True, cwd=ROOT, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def import_time(runs: int) -> float:
    python_alone = _median_subprocess([PY, "-c", "pass"], runs)
    with_import = _median_subprocess([PY, "-c", "import netiquette"], runs)
    return with_import - python_alone


def cli_one_file(runs: int) -> float:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(replies(1)[0])
    try:
        exe = str(Path(PY).with_name("netiquette"))
        return _median_subprocess([exe, "check", "--no-config", f.name], runs)
    finally:
        os.unlink(f.name)


def cli_without_checking(runs: int) -> tuple[float, float]:
    """Wall seconds of `netiquette rules` and `netiquette --help` (no spaCy)."""
    exe = str(Path(PY).with_name("netiquette"))
    return (
        _median_subprocess([exe, "rules"], runs),
        _median_subprocess([exe, "--help"], runs),
    )


def _figures_of(code: str) -> list[float]:
    """The numbers a fresh Python process running ``code`` prints."""
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True).stdout
    return [float(x) for x in out.split()]


def first_check() -> tuple[float, float]:
    imp, build = _figures_of(
        "import time; t=time.perf_counter(); import netiquette; t1=time.perf_counter(); "
        "l=netiquette.Linter('en'); "
        "l.check('Hi Sam, your order 123 ships today. Kind regards, Al'); "
        "print(t1-t, time.perf_counter()-t1)"
    )
    return imp, build


def turkish_first_check() -> tuple[float, float]:
    """Seconds from `import netiquette` to a Turkish Linter's first report, and the
    peak RSS (MB) of a process whose linter has built and used both languages."""
    seconds, rss = _figures_of(
        "import time, resource; t=time.perf_counter(); import netiquette; "
        "l=netiquette.Linter('tr'); l.check('Merhaba Selin Hanım, siparişiniz yarın kargoda.'); "
        "t1=time.perf_counter()-t; a=netiquette.Linter(); a.warm_up(); "
        "print(t1, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    )
    return seconds, rss


def latency_and_throughput(quick: bool, lang: str = "en") -> dict[str, float]:
    import resource

    import netiquette

    linter = netiquette.Linter(lang).warm_up()
    texts = replies(200 if quick else 1000, lang=lang)
    for text in texts:  # warm the tokenizer cache and vocabulary like a long-running service
        linter.check(text)
    samples = []
    for text in texts:
        start = time.perf_counter()
        linter.check(text)
        samples.append(time.perf_counter() - start)
    start = time.perf_counter()
    linter.check_many(texts)
    elapsed = time.perf_counter() - start
    words = statistics.mean(len(t.split()) for t in texts)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "words": words,
        "median_ms": statistics.median(samples) * 1000,
        "p95_ms": sorted(samples)[int(len(samples) * 0.95)] * 1000,
        "per_second": len(texts) / elapsed,
        "rss_mb": rss,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    args = parser.parse_args()
    runs = 3 if args.quick else 7
    imp = import_time(runs)
    cli = cli_one_file(runs)
    _, build = first_check()
    lat = latency_and_throughput(args.quick)
    print("| measure | result | target |")
    print("|---|---|---|")
    print(f"| `import netiquette` | {imp * 1000:.0f} ms | <= 500 ms |")
    print(f"| `netiquette check` one small file (wall) | {cli * 1000:.0f} ms | <= 500 ms |")
    rules_s, help_s = cli_without_checking(runs)
    print(
        f"| `netiquette rules` / `--help` (wall) | {rules_s * 1000:.0f} / {help_s * 1000:.0f} ms "
        "| <= 200 ms |"
    )
    print(f"| Linter('en') built + first check, after import | {build * 1000:.0f} ms | |")
    print(
        f"| one {lat['words']:.0f}-word reply, all offline rules (median / p95) | "
        f"{lat['median_ms']:.2f} / {lat['p95_ms']:.2f} ms | median <= 0.5 ms |"
    )
    print(f"| check_many throughput | {lat['per_second']:.0f} replies/s | >= 2000/s |")
    print(f"| peak RSS of the benchmark process | {lat['rss_mb']:.0f} MB | |")
    tr_first, tr_rss = turkish_first_check()
    tr = latency_and_throughput(args.quick, "tr")
    print(
        f"| Turkish: `import netiquette` to first report of Linter('tr') | "
        f"{tr_first * 1000:.0f} ms | |"
    )
    print(
        f"| Turkish: one {tr['words']:.0f}-word reply (median / p95) | "
        f"{tr['median_ms']:.2f} / {tr['p95_ms']:.2f} ms | median <= 0.5 ms |"
    )
    print(f"| Turkish: check_many throughput | {tr['per_second']:.0f} replies/s | |")
    print(f"| peak RSS, one auto linter holding both languages | {tr_rss:.0f} MB | < 300 MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
