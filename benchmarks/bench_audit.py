"""``netiquette templates audit`` at scale: 10,000 templates audited in <= 10 s on 2
cores, 100,000 in <= 2 minutes.

Usage: python benchmarks/bench_audit.py [--size 10000] [--jobs 2]

Templates are synthetic, as in bench_template_index.py: edited variants (word
substitutions, sentence shuffles, drops, insertions, placeholders) of the real
templates in data/examples/templates/ and, when present, ../shared/data/templates/
(read in place). They are written to a temporary folder as .txt files and audited
end to end (reading, linting every template, placeholders, duplicates, clusters).
"""

from __future__ import annotations

import argparse
import functools
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_template_index import base_texts, variant  # noqa: E402
from netiquette.batch import map_in_order  # noqa: E402
from netiquette.config import Settings  # noqa: E402
from netiquette.linter import Linter  # noqa: E402
from netiquette.templates import audit  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2, help="processes linting templates")
    args = parser.parse_args()
    rng = random.Random(5)
    pool = base_texts()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in range(args.size):
            text = variant(rng.choice(pool), pool, rng)
            (folder / f"t{n:06d}.txt").write_text(text, encoding="utf-8")
        words = sum(len(p.read_text().split()) for p in folder.iterdir()) / args.size
        start = time.perf_counter()
        # The checker the CLI builds: every rule but those the audit ignores.
        checker = Linter(config=Settings(lang="en"), ignore=audit.IGNORED_RULES)
        result = audit.audit(
            [folder],
            checker=checker,
            lang="en",
            map_records=functools.partial(map_in_order, jobs=args.jobs),
        )
        elapsed = time.perf_counter() - start
    findings = sum(len(t.findings) for t in result.templates)
    print(
        f"{len(result.templates):,} templates (mean {words:.0f} words) audited with "
        f"--jobs {args.jobs} in "
        f"{elapsed:.1f} s ({1000 * elapsed / max(1, len(result.templates)):.2f} ms each): "
        f"{findings:,} findings, {len(result.clusters):,} near-duplicate clusters, "
        f"{len(result.duplicates):,} duplicate groups, {len(result.tiny):,} tiny"
    )


if __name__ == "__main__":
    main()
