"""Cold start of the command line: `netiquette check one.txt`, `rules` and `--help`.

Usage:
    python benchmarks/bench_startup.py [--runs 15] [--baseline-src DIR] [--file PATH]

Every figure is a fresh process, as a user starts it (`python -m netiquette ...`, with
this checkout's `src` first on the path). With `--baseline-src` (the `src` folder of an
older checkout, e.g. from `git worktree add /tmp/base <commit>`) the two trees run in
turn, command by command, round by round, so that both see the same load on a shared
machine. Prints, in Markdown:

- wall clock and CPU time (user + system) of each command: min, median, max;
- the floor, in the same rounds: Python alone, `import spacy`, and `spacy.blank` +
  sentencizer;
- where one check's time goes, step by step, in one process;
- `python -X importtime` of `check`: the import time by package (medians).

Modules are imported from cached bytecode, as from an installed wheel:
PYTHONDONTWRITEBYTECODE is dropped and the bytecode goes to a temporary folder
(PYTHONPYCACHEPREFIX), written by warm-up runs that are not counted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

PY = sys.executable
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT / "data" / "examples" / "replies" / "needs-work-rude.txt"

#: One check, step by step, in one process (gc off, as `netiquette check` starts).
STEPS = r"""
import gc, sys, time
gc.disable()
marks = []
start = time.perf_counter()
def mark(name):
    marks.append((name, time.perf_counter()))
import netiquette.cli; mark("import netiquette.cli")
from netiquette.linter import Linter; mark("import the linter (text model, lang, YAML, config)")
from netiquette.registry import all_rules; all_rules(); mark("import the rule modules")
import spacy; mark("import spacy")
from netiquette.text import nlp; from netiquette.lang import get
from netiquette.lang import detection
text = open(sys.argv[1], encoding="utf-8").read()
lang = detection.detect(text); mark("choose the language (lang=auto)")
nlp.pipeline(lang); mark("spacy.blank + sentencizer")
from netiquette.lang import available_files, load
for name in available_files(lang):
    load(lang, name)
mark("read the language's data files")
linter = Linter(config={})
linter._rules(lang); mark("build the rules")
report = linter.check(text); mark("first check")
linter.check(text); mark("second check (for scale)")
last = start
for name, at in marks:
    print(f"{name}\t{1000 * (at - last):.1f}")
    last = at
"""


def _env(src: Path, cache: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = cache
    env["PYTHONPATH"] = str(src)
    return env


def _run(args: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall clock and CPU seconds (user + system) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(args), cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, _, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = 0  # reaped by wait4
    return wall, usage.ru_utime + usage.ru_stime


def _spread(values: list[float]) -> str:
    ms = sorted(1000 * v for v in values)
    return f"{ms[0]:.0f} / {statistics.median(ms):.0f} / {ms[-1]:.0f}"


def commands(file: Path) -> dict[str, list[str]]:
    return {
        f"`netiquette check {file.name}`": [PY, "-m", "netiquette", "check", str(file)],
        "`netiquette rules`": [PY, "-m", "netiquette", "rules"],
        "`netiquette --help`": [PY, "-m", "netiquette", "--help"],
        "`import netiquette`": [PY, "-c", "import netiquette"],
    }


FLOOR = {
    "Python alone (`-c pass`)": [PY, "-c", "pass"],
    "`import spacy`": [PY, "-c", "import spacy"],
    "`import spacy` + `spacy.blank('en')` + sentencizer": [
        PY,
        "-c",
        "import spacy; n = spacy.blank('en'); n.add_pipe('sentencizer'); n('Hi there.')",
    ],
}


def compare(trees: dict[str, Path], file: Path, runs: int, cache: str) -> None:
    """Each command of each tree, and the floor, once a round, in turn."""
    table = commands(file)
    plan = [(name, tree, args) for name, args in table.items() for tree in trees]
    plan += [(name, "", args) for name, args in FLOOR.items()]
    results: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    here = ROOT / "src"
    for _, tree, args in plan:  # warm-up: bytecode written, disk cache filled
        for _ in range(2):
            _run(args, _env(trees.get(tree, here), cache))
    for _ in range(runs):
        for name, tree, args in plan:
            results[(name, tree)].append(_run(args, _env(trees.get(tree, here), cache)))
    print(f"{runs} runs each, in turn; ms, min / median / max\n")
    print("| command | tree | wall clock | CPU (user + system) |")
    print("|---|---|---|---|")
    for name, tree, _ in plan:
        got = results[(name, tree)]
        wall, cpu = _spread([w for w, _ in got]), _spread([c for _, c in got])
        print(f"| {name} | {tree or 'floor'} | {wall} | {cpu} |")


def steps(src: Path, file: Path, runs: int, cache: str) -> None:
    by_step: dict[str, list[float]] = defaultdict(list)
    for _ in range(runs):
        out = subprocess.run(
            [PY, "-c", STEPS, str(file)],
            cwd=ROOT, env=_env(src, cache), capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        for line in out.splitlines():
            name, ms = line.split("\t")
            by_step[name].append(float(ms))
    print(f"\nOne check step by step, in one process (medians of {runs}, ms)\n")
    print("| step | ms |")
    print("|---|---|")
    total = 0.0
    for name, values in by_step.items():
        median = statistics.median(values)
        if not name.startswith("second"):
            total += median
        print(f"| {name} | {median:.0f} |")
    print(f"| total to the first report | {total:.0f} |")


def import_times(src: Path, file: Path, runs: int, cache: str) -> None:
    """``-X importtime`` of a one-file check: self time by top-level package."""
    per_run: list[dict[str, int]] = []
    for _ in range(runs):
        err = subprocess.run(
            [PY, "-X", "importtime", "-m", "netiquette", "check", str(file)],
            cwd=ROOT, env=_env(src, cache), capture_output=True, text=True, check=False,
        ).stderr  # fmt: skip
        totals: dict[str, int] = defaultdict(int)
        for line in err.splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            self_us, _, name = line[len("import time:") :].split("|")
            module = name.strip()
            parts = module.split(".")
            package = ".".join(parts[:2]) if parts[0] == "netiquette" else parts[0]
            totals[package] += int(self_us)
        per_run.append(totals)
    packages = {name for totals in per_run for name in totals}
    medians = {p: statistics.median(t.get(p, 0) for t in per_run) / 1000 for p in packages}
    whole = sum(medians.values())
    print(
        "\n`python -X importtime -m netiquette check`: self time by package "
        f"(medians of {runs}, ms; importtime itself slows imports)\n"
    )
    print("| package | ms | share |")
    print("|---|---|---|")
    for package, ms in sorted(medians.items(), key=lambda kv: -kv[1])[:20]:
        print(f"| {package} | {ms:.0f} | {100 * ms / whole:.0f}% |")
    print(f"| all imports | {whole:.0f} | |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--baseline-src", type=Path, help="the src folder of an older tree")
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE, help="the one file checked")
    parser.add_argument("--no-breakdown", action="store_true", help="only the timings")
    args = parser.parse_args()
    trees = {"this tree": ROOT / "src"}
    if args.baseline_src:
        trees = {"baseline": args.baseline_src.resolve(), **trees}
    with tempfile.TemporaryDirectory(prefix="nq-pycache-") as cache:
        compare(trees, args.file.resolve(), args.runs, cache)
        if not args.no_breakdown:
            steps(ROOT / "src", args.file.resolve(), max(5, args.runs // 2), cache)
            import_times(ROOT / "src", args.file.resolve(), 5, cache)


if __name__ == "__main__":
    main()
