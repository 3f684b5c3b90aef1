"""Load on the HTTP service over loopback (docs/service.md, "Load").

Usage: python benchmarks/bench_service.py [--seconds S] [--requests N] [--workers 1 2]

Starts `netiquette serve` on 127.0.0.1 with 1 and then 2 worker processes and drives it
with wrk (Debian's package: `apt-get install wrk`): POST /v1/check with a 120-word
English reply, at 1, 8 and 64 concurrent connections for S seconds each (default 10),
and reports requests per second, p50 and p99 latency and non-2xx answers. Then, at 8
connections, it sends at least N requests (default 100,000) and compares the resident
memory of the server's processes before and after (after a warm-up of 2,000 requests),
to show that memory stays flat.

On this 2-core machine wrk itself takes CPU from the server, so the 2-worker figures
are a floor, not what two cores alone would give.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import replies

BIN = Path(sys.executable).parent
LUA = """
local f = io.open(os.getenv("NETIQUETTE_BODY"), "rb")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and its children (uvicorn's workers), in MB."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            line = next(ln for ln in status.splitlines() if ln.startswith("VmRSS"))
            total += int(line.split()[1])
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration):
            continue
    return total / 1024


def wait_ready(url: str, workers: int) -> None:
    """Until /readyz answers 200 several times in a row (each worker warms up)."""
    deadline = time.time() + 120
    streak = 0
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url + "/readyz", timeout=2) as answer:
                streak = streak + 1 if answer.status == 200 else 0
        except OSError:
            streak = 0
        if streak >= 4 * workers:
            return
        time.sleep(0.25)
    sys.exit("the service did not become ready")


def wrk(url: str, connections: int, seconds: float, env: dict[str, str]) -> dict[str, float]:
    threads = min(connections, 2)
    done = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds:.0f}s", "--timeout", "30s",
         "-s", env["NETIQUETTE_LUA"], url + "/v1/check"],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    line = next(ln for ln in done.stdout.splitlines() if ln.startswith("RESULT"))
    requests, micros, p50, p99, non_2xx, errors = (int(x) for x in line.split()[1:])
    return {
        "requests": requests,
        "rps": requests / (micros / 1e6),
        "p50_ms": p50 / 1000,
        "p99_ms": p99 / 1000,
        "non_2xx": non_2xx,
        "errors": errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install wrk")
    work = Path(tempfile.mkdtemp(prefix="netiquette-load-"))
    reply = replies(1, words=120)[0]
    (work / "body.json").write_text(json.dumps({"text": reply, "lang": "en"}), "utf-8")
    (work / "post.lua").write_text(LUA, "utf-8")
    env = {**os.environ, "NETIQUETTE_BODY": str(work / "body.json"),
           "NETIQUETTE_LUA": str(work / "post.lua")}  # fmt: skip
    print(f"cores: {len(os.sched_getaffinity(0))}; reply: {len(reply.split())} words\n")
    print("| workers | connections | requests/s | p50 | p99 | non-2xx |")
    print("|---|---|---|---|---|---|")
    memory: list[str] = []
    for workers in args.workers:
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [str(BIN / "netiquette"), "serve", "--no-config", "--port", str(port),
             "--workers", str(workers), "--time-limit", "30"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            wait_ready(url, workers)
            wrk(url, 8, 3, env)  # warm-up
            for connections in (1, 8, 64):
                r = wrk(url, connections, args.seconds, env)
                print(f"| {workers} | {connections} | {r['rps']:,.0f} | {r['p50_ms']:.1f} ms "
                      f"| {r['p99_ms']:.1f} ms | {r['non_2xx'] + r['errors']} |")  # fmt: skip
            if args.requests:
                before = tree_rss_mb(server.pid)
                rate = wrk(url, 8, 3, env)["rps"]
                sent = 0
                while sent < args.requests:
                    seconds = max(3.0, (args.requests - sent) / rate * 1.05)
                    sent += int(wrk(url, 8, seconds, env)["requests"])
                after = tree_rss_mb(server.pid)
                memory.append(
                    f"| {workers} | {before:.0f} MB | {sent:,} | {after:.0f} MB "
                    f"| {after - before:+.1f} MB |"
                )
        finally:
            server.terminate()
            server.wait(30)
    if memory:
        print("\n| workers | RSS after warm-up | requests sent | RSS after | change |")
        print("|---|---|---|---|---|")
        print("\n".join(memory))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
