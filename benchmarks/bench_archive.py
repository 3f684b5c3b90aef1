"""Throughput and memory of `netiquette archive`: local (1 and 2 processes) and Spark.

Usage: python benchmarks/bench_archive.py [--rows 100000] [--million] [--no-spark]
                                          [--workdir DIR]

Generates an archive of --rows replies (benchmarks/make_archive.py, Parquet), audits
it with --jobs 1, --jobs 2 and Spark local[2], and prints replies per second and the
peak RSS of each run (the command's process; with --jobs 2, the largest worker too).
Spark's results are compared with the local ones row for row. --million adds a run of
1,000,000 replies with --jobs 2 (and with Spark unless --no-spark), to show that the
local engine's memory does not grow with the archive. Figures: docs/archive.md.
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
    """One run of `netiquette archive`, timed, with its peak RSS."""
    command = [sys.executable, "-c", _MEASURED, "archive", str(archive), "--out", str(out)]
    started = time.perf_counter()
    done = subprocess.run(
        [*command, "-q", *options], env=environment(), capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"netiquette archive failed: {done.stderr[-2000:]}")
    own, children = (int(v) for v in done.stdout.split()[-2:])
    return {
        "seconds": round(seconds, 1),
        "rss_mib": own // 1024,
        "worker_rss_mib": children // 1024,
    }


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
    parser.add_argument("--no-spark", action="store_true")
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="nq-bench-archive-"))
    work.mkdir(parents=True, exist_ok=True)
    results = [measure(args.rows, work, not args.no_spark, (1, 2))]
    if args.million:
        results.append(measure(1_000_000, work, not args.no_spark, (2,)))
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
