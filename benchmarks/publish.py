"""`make bench`: run the benchmarks and write their tables into the docs.

Usage: python benchmarks/publish.py [--only NAME ...] [--dry-run]

Each section below is a benchmark script whose standard output is Markdown (tables,
and links to the charts it saves under docs/images/). Its output replaces what stands
between ``<!-- bench:NAME -->`` and ``<!-- /bench:NAME -->`` in docs/performance.md (and
in the README, where the same markers stand), under a line saying when and where it
was measured. Text outside the markers is written by people and left alone. A section
whose markers are missing is an error, so a renamed heading cannot silently stop the
figures from being updated.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
#: Section name -> the benchmark script and its arguments, in the order they run.
SECTIONS: dict[str, list[str]] = {
    "run": ["run.py"],
    "stages": ["bench_reply_stages.py"],
    "peers": ["bench_peers.py"],
    "templates": ["bench_template_index.py", "--sizes", "1000,10000,100000", "--charts"],
    "growth": ["bench_growth.py", "--plot", "docs/images/growth.png"],
}
#: The files whose marked sections are written.
TARGETS = (ROOT / "docs" / "performance.md", ROOT / "README.md")


def measured_on() -> str:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    today = datetime.date.today().isoformat()
    return (
        f"_Measured by `make bench` on {today}: {cores} cores, Python "
        f"{platform.python_version()}, {platform.machine()}._"
    )


def run_section(name: str) -> str:
    script, *args = SECTIONS[name]
    print(f"bench: {name} ({script})", file=sys.stderr, flush=True)
    done = subprocess.run(
        [sys.executable, str(HERE / script), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"{script} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return f"{measured_on()}\n\n{done.stdout.strip()}\n"


def replace(text: str, name: str, body: str) -> tuple[str, bool]:
    """``text`` with the section ``name`` replaced by ``body``; whether it was there."""
    pattern = re.compile(
        rf"(<!-- bench:{re.escape(name)} -->\n).*?(<!-- /bench:{re.escape(name)} -->)", re.S
    )
    new, count = pattern.subn(lambda m: m.group(1) + body + m.group(2), text)
    return new, count > 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=list(SECTIONS), help="these sections")
    parser.add_argument("--dry-run", action="store_true", help="print, write nothing")
    args = parser.parse_args()
    names = args.only or list(SECTIONS)
    texts = {path: path.read_text(encoding="utf-8") for path in TARGETS}
    for name in names:
        if not any(f"<!-- bench:{name} -->" in text for text in texts.values()):
            sys.exit(f"no <!-- bench:{name} --> markers in docs/performance.md or README.md")
    for name in names:
        body = run_section(name)
        print(body)
        for path, text in texts.items():
            texts[path], _ = replace(text, name, body)
    if not args.dry_run:
        for path, text in texts.items():
            path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
