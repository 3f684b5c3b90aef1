"""Throughput and memory of `netiquette archive`: local (1 and 2 processes) and Spark.

Usage: python benchmarks/bench_archive.py [--rows 100000] [--million | --only-million]
                                          [--jobs 1,2] [--no-spark] [--workdir DIR]

Generates an archive of --rows replies (benchmarks/make_archive.py, Parquet), audits
it with --jobs 1, --jobs 2 and Spark local[2], and prints replies per second and the
peak RSS of each run (the command's process; with --jobs 2, the largest worker too),
and the command's RSS at each tenth of the run.
Spark's results are compared with the local ones row for row. --million adds the same
runs on 1,000,000 replies, which also show that the local engine's memory does not grow
with the archive. Figures: docs/archive.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
#: Runs the command in a child and prints its peak RSS and its workers' (KiB).
_MEASURED = (
    "import resource, sys; from netiquette.cli import main; code = main(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
    "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(code)"
)


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    env.setdefault("PYSPARK_PYTHON", sys.executable)
    return env


def audit(archive: Path, out: Path, *options: str) -> dict[str, Any]:
    """One run of `netiquette archive`, timed, with its peak RSS and, sampled every
    second from /proc, the resident memory of the command's process at each tenth of
    the run (``rss_by_tenth_mib``) and that of its largest worker process
    (``worker_rss_by_tenth_mib``, with ``--jobs`` over 1): flat when the archive's
    length does not matter."""
    command = [sys.executable, "-c", _MEASURED, "archive", str(archive), "--out", str(out)]
    started = time.perf_counter()
    child = subprocess.Popen(
        [*command, "-q", *options],
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    times: list[float] = []
    command_kib: list[int] = []
    worker_kib: list[int] = []  # the largest worker's
    while child.poll() is None:
        times.append(time.perf_counter() - started)
        command_kib.append(_rss_kib(child.pid))
        worker_kib.append(max((_rss_kib(pid) for pid in _children(child.pid)), default=0))
        time.sleep(1)
    stdout, stderr = child.communicate()
    seconds = time.perf_counter() - started
    if child.returncode != 0:
        raise SystemExit(f"netiquette archive failed: {stderr[-2000:]}")
    own, children = (int(v) for v in stdout.split()[-2:])

    def by_tenth(kib: list[int]) -> list[int]:
        return [
            max(
                (k for at, k in zip(times, kib, strict=True) if at <= seconds * tenth / 10),
                default=0,
            )
            // 1024
            for tenth in range(1, 11)
        ]

    found: dict[str, Any] = {
        "seconds": round(seconds, 1),
        "rss_mib": own // 1024,
        "worker_rss_mib": children // 1024,
        "rss_by_tenth_mib": by_tenth(command_kib),
    }
    if children:
        found["worker_rss_by_tenth_mib"] = by_tenth(worker_kib)
    return found


def _children(pid: int) -> list[int]:
    """The ids of process ``pid``'s child processes now (none once it has ended)."""
    try:
        return [int(n) for n in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _rss_kib(pid: int) -> int:
    """The resident memory of process ``pid`` now (KiB; 0 once it has ended)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def same_rows(local: Path, spark: Path) -> bool:
    """Whether the two results folders hold the same rows (compared by slices)."""
    import pyarrow.parquet as pq

    first = pq.read_table(local).sort_by("row")
    second = pq.read_table(spark).sort_by("row")
    if first.schema.names != second.schema.names or first.num_rows != second.num_rows:
        return False
    step = 5000
    return all(
        first.slice(at, step).to_pylist() == second.slice(at, step).to_pylist()
        for at in range(0, first.num_rows, step)
    )


def measure(rows: int, work: Path, spark: bool, jobs: tuple[int, ...]) -> dict[str, Any]:
    archive = work / f"archive-{rows}.parquet"
    if not archive.exists():
        subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "make_archive.py"), str(rows), str(archive)],
            check=True,
        )
    figures: dict[str, Any] = {"rows": rows}
    for n in jobs:
        out = work / f"local-{rows}-j{n}"
        run = audit(archive, out, "--jobs", str(n), "--overwrite")
        run["replies_per_s"] = round(rows / run["seconds"])
        figures[f"local_jobs_{n}"] = run
        print(json.dumps({f"local --jobs {n}": run, "rows": rows}), flush=True)
    if spark:
        out = work / f"spark-{rows}"
        run = audit(archive, out, "--engine", "spark", "--master", "local[2]", "--overwrite")
        run["replies_per_s"] = round(rows / run["seconds"])
        run["same_as_local"] = same_rows(work / f"local-{rows}-j{jobs[-1]}", out)
        figures["spark_local_2"] = run
        print(json.dumps({"spark local[2]": run, "rows": rows}), flush=True)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--million", action="store_true")
    parser.add_argument("--only-million", action="store_true", help="--million without --rows")
    parser.add_argument("--no-spark", action="store_true")
    parser.add_argument("--jobs", default="1,2", help="the local runs' --jobs (default 1,2)")
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="nq-bench-archive-"))
    work.mkdir(parents=True, exist_ok=True)
    jobs = tuple(int(n) for n in args.jobs.split(","))
    results = [] if args.only_million else [measure(args.rows, work, not args.no_spark, jobs)]
    if args.million or args.only_million:
        results.append(measure(1_000_000, work, not args.no_spark, jobs))
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
