"""The gate at repository scale (docs/performance.md, "The gate").

Usage: python benchmarks/bench_gate.py [--files N] [--hook-files N] [--no-pre-commit]

1. ``netiquette check`` over a folder of N template files (default 10,000: four in five
   English, one in five Turkish, about 60 words each) with ``--jobs 1`` and
   ``--jobs 2``, wall clock and peak memory of the whole process tree; and whether the
   two reports are the same bytes.
2. ``pre-commit run --all-files`` with the ``netiquette`` hook on a git repository of
   N hook files (default 1,000) whose ``.pre-commit-config.yaml`` names this checkout
   (its last commit) as the ``repo:``, as a user's config names ours. The first run
   builds the hook's environment (pip installs netiquette into it), so it is timed
   apart from the second, which is what every later commit costs.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import replies

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def write_files(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    turkish = count // 5
    texts = replies(count - turkish, words=60) + replies(turkish, words=60, lang="tr")
    for i, text in enumerate(texts):
        (folder / f"{i:05d}.md").write_text(text, encoding="utf-8")


def timed(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall-clock seconds of a command and its exit code."""
    started = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        sys.exit(f"{args[:3]} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return time.perf_counter() - started, done.returncode


def check_over_files(work: Path, count: int) -> None:
    folder = work / "templates"
    write_files(folder, count)
    exe = str(BIN / "netiquette")
    # Both baseline runs use the default --jobs (the cores).
    outputs = {}
    print(f"| `netiquette check` over {count:,} files | wall clock | peak RSS, largest process |")
    print("|---|---|---|")
    for jobs in (1, 2):
        report = work / f"report-{jobs}.json"
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        seconds, _ = timed(
            [exe, "check", str(folder), "--no-config", "--jobs", str(jobs), "--format", "json",
             "-o", str(report), "--quiet"],
            work,
        )  # fmt: skip
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        outputs[jobs] = report.read_bytes()
        rate = count / seconds
        memory = f"{peak / 1024:.0f} MB" if peak > before else "(as above)"
        print(f"| `--jobs {jobs}` | {seconds:.1f} s ({rate:,.0f} files/s) | {memory} |")
    baseline = work / "baseline.json"
    write, _ = timed(
        [exe, "check", str(folder), "--no-config", "--write-baseline", str(baseline)], work
    )
    known, code = timed(
        [exe, "check", str(folder), "--no-config", "--baseline", str(baseline), "--format",
         "json", "-o", str(work / "left.json"), "--quiet"],
        work,
    )  # fmt: skip
    recorded = baseline.read_text(encoding="utf-8").count('"fingerprint"')
    print(f"| `--write-baseline` ({recorded:,} findings recorded) | {write:.1f} s | |")
    print(f"| `--baseline` (every finding known; exit {code}) | {known:.1f} s | |")
    print(f"\nsame report with --jobs 1 and --jobs 2: {outputs[1] == outputs[2]}\n")


def pre_commit_over_files(work: Path, count: int) -> None:
    pre_commit = BIN / "pre-commit"
    if not pre_commit.is_file() or shutil.which("git") is None:
        print("pre-commit or git is missing: `pip install -e '.[dev]'` installs pre-commit")
        return
    repo = work / "repo"
    write_files(repo, count)
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {head}\n    hooks:\n      - id: netiquette\n",
        encoding="utf-8",
    )
    for args in (["init", "-q"], ["add", "."]):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(work / "pre-commit-home")}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    command = [str(pre_commit), "run", "--all-files", "--color", "never"]
    first, _ = timed(command, repo, env)
    second, code = timed(command, repo, env)
    print(f"| `pre-commit run --all-files`, {count:,} files | wall clock |")
    print("|---|---|")
    print(f"| first run (builds the hook environment: pip installs netiquette) | {first:.1f} s |")
    print(f"| second run (the hook alone; exit {code}) | {second:.1f} s |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--hook-files", type=int, default=1_000)
    parser.add_argument("--no-pre-commit", action="store_true")
    args = parser.parse_args()
    print(f"cores: {len(os.sched_getaffinity(0))}\n")
    with tempfile.TemporaryDirectory(prefix="netiquette-gate-") as tmp:
        work = Path(tmp)
        check_over_files(work, args.files)
        if not args.no_pre_commit:
            pre_commit_over_files(work, args.hook_files)


if __name__ == "__main__":
    main()
