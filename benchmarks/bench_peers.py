"""netiquette against its peers, measured in the same run on the same replies.

Usage: python benchmarks/bench_peers.py [--replies N] [--json FILE]

Per 120-word English reply (benchmarks/corpus.py), the median time of:

- a whole check: netiquette (every offline rule) against proselint, and against alex and
  write-good through Node when `.eval-tools/node_modules` has them (`make bench` and
  `make eval` install them with npm; they are timed inside Node, without its start-up);
- profanity: netiquette's matcher (the stage shared by NQ201 and NQ202, on the reply's
  prose) against better-profanity's `contains_profanity`;
- readability: netiquette's figures (on a Document, as the rules use them) against
  textstat alone (`flesch_reading_ease` + `flesch_kincaid_grade` on the raw text);
- template matching at 10,000 templates: netiquette's indexed best match against
  brute-force rapidfuzz (`process.extractOne`, `fuzz.ratio`, over every template).

Peers do different work (proselint checks prose style, alex insensitive wording), so
the table compares cost, not quality; docs/quality.md compares what they find. A peer
that is not installed is reported as such, never guessed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import replies  # noqa: E402

TOOLS = ROOT / ".eval-tools"
NODE_TIMER = """
const texts = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const writeGood = require('write-good');
import('alex').then(({text}) => {
  const time = (fn) => {
    texts.forEach(fn);  // warm-up
    const each = texts.map((t) => {
      const start = process.hrtime.bigint(); fn(t);
      return Number(process.hrtime.bigint() - start) / 1e6;
    }).sort((a, b) => a - b);
    return each[Math.floor(each.length / 2)];
  };
  console.log(JSON.stringify({alex: time(text), write_good: time(writeGood)}));
});
"""


def median_ms(fn: Callable[[str], object], texts: list[str], repeat: int = 3) -> float:
    """Median over the texts of the best of ``repeat`` runs, in milliseconds. The first
    five texts warm up (lazy loading is not the steady cost) and are not measured; a
    peer that caches its results per text (textstat) must be given ``repeat=1``."""
    for text in texts[:5]:
        fn(text)
    best = []
    for text in texts[5:]:
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            fn(text)
            runs.append(time.perf_counter() - start)
        best.append(min(runs))
    return statistics.median(best) * 1e3


def whole_check(texts: list[str]) -> dict[str, Any]:
    import netiquette

    linter = netiquette.Linter("en", config={})
    found: dict[str, Any] = {"netiquette": median_ms(linter.check, texts)}
    try:
        from proselint.tools import LintFile

        from quality import _proselint_checks

        _proselint_checks()
        found["proselint"] = median_ms(lambda t: LintFile("reply", t).lint(), texts, repeat=1)
    except ImportError:
        found["proselint"] = "not installed (make bench installs the eval extra)"
    node = shutil.which("node")
    if node and (TOOLS / "node_modules" / "alex").is_dir():
        done = subprocess.run(
            [node, "-e", NODE_TIMER], input=json.dumps(texts), capture_output=True,
            text=True, cwd=TOOLS, check=True,
        )  # fmt: skip
        found.update(json.loads(done.stdout))
    else:
        found["alex"] = found["write_good"] = "not measured: Node or .eval-tools/ missing"
    return found


def profanity(texts: list[str]) -> dict[str, Any]:
    from better_profanity import profanity as peer

    from netiquette.engines.profanity import matcher_for
    from netiquette.text.document import Document

    matcher = matcher_for("en")
    prose = {t: Document(t, "en").prose_folded for t in texts}
    peer.load_censor_words()
    return {
        "netiquette": median_ms(lambda t: matcher.find(t, prose[t]), texts),
        "better-profanity": median_ms(peer.contains_profanity, texts[:50], repeat=1),
    }


def readability(texts: list[str]) -> dict[str, Any]:
    import textstat

    from netiquette.engines import readability as ours
    from netiquette.text.document import Document

    def ours_on_a_built_document(text: str) -> float:
        """The figures' own time: the Document (built by the check anyway) is not timed."""
        doc = Document(text, "en")
        _ = doc.tokens
        start = time.perf_counter()
        ours.scores(doc)
        return time.perf_counter() - start

    ours_on_a_built_document(texts[0])
    ours_ms = statistics.median(ours_on_a_built_document(t) for t in texts) * 1e3

    def textstat_alone(text: str) -> object:
        return textstat.flesch_reading_ease(text), textstat.flesch_kincaid_grade(text)

    return {"netiquette": ours_ms, "textstat": median_ms(textstat_alone, texts, repeat=1)}


def template_matching(count: int = 10_000, queries: int = 50) -> dict[str, Any]:
    from rapidfuzz import fuzz, process

    import netiquette.templates as templates_package
    from bench_template_index import filled_copy, synthetic

    texts = synthetic(count)
    tset = templates_package.load(texts, lang="en")
    import random

    rng = random.Random(3)
    picked = rng.sample(list(texts.values()), queries)
    asked = [filled_copy(text, rng) for text in picked]
    choices = list(texts.values())
    return {
        "templates": count,
        "netiquette": median_ms(lambda q: tset.best_match(q, score_cutoff=90), asked),
        "rapidfuzz brute force": median_ms(
            lambda q: process.extractOne(q, choices, scorer=fuzz.ratio), asked, repeat=1
        ),
    }


def markdown(results: dict[str, dict[str, Any]]) -> str:
    rows = ["| what | netiquette | peer | peer's time |", "|---|---|---|---|"]
    for stage, found in results.items():
        ours = found["netiquette"]
        for peer, theirs in found.items():
            if peer in ("netiquette", "templates"):
                continue
            shown = f"{theirs:.3f} ms" if isinstance(theirs, float) else str(theirs)
            rows.append(f"| {stage} | {ours:.3f} ms | {peer} | {shown} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replies", type=int, default=200)
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args()
    texts = replies(args.replies, words=120)
    results = {
        "whole reply": whole_check(texts),
        "profanity stage": profanity(texts),
        "readability figures": readability(texts),
        "best template match, 10,000 templates": template_matching(),
    }
    print(markdown(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
