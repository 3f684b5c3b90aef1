"""Template sets at 1k, 10k and 100k templates: load time (first time, and from the
index file the first load wrote), the RSS a Linter holding them adds, index build time
and memory, match latency and recall@1 against brute force.

Usage: python benchmarks/bench_template_index.py [--quick] [--sizes 1000,10000,100000]

Templates are synthetic, generated from real ones by edits: the bundled
data/examples/templates/ and (when ../shared/ is present, read in place) the public
cx-macros and freeCodeCamp canned responses, each varied by word substitutions,
sentence shuffles, sentence drops and inserted sentences. Queries (1,000 per size):
filled-in, lightly edited copies of random templates (four in five) and unrelated
replies. Matching uses NQ502's settings (cutoff 90, 8 words at least). Brute force is
the same scorer over every template without the index; over 100k templates it takes
about a second per query, so recall is measured on a subsample there (printed).
"""

from __future__ import annotations

import argparse
import gc
import random
import re
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import replies  # noqa: E402
from netiquette.templates import TemplateSet  # noqa: E402
from netiquette.templates import load as load_templates  # noqa: E402
from netiquette.templates import matching as templates_module  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "templates"
SLOTS = ["{{first_name}}", "{{order_id}}", "[ORDER NUMBER]", "{date}", "<amount>"]
SWAPS = {
    "help": "assist",
    "order": "purchase",
    "issue": "problem",
    "please": "kindly",
    "thanks": "thank you",
    "soon": "shortly",
    "account": "profile",
    "team": "crew",
    "email": "message",
    "check": "look into",
    "happy": "glad",
    "update": "news",
}


def base_texts() -> list[str]:
    """Real templates: the bundled examples and, when present, the shared ones."""
    texts = [
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "data" / "examples").rglob("*"))
        if p.suffix in (".txt", ".md") and p.is_file()
    ]
    if SHARED.exists():
        for p in sorted(SHARED.rglob("*.md")):
            raw = p.read_text(encoding="utf-8")
            # The freeCodeCamp file holds many replies, one per "##" section.
            texts += re.split(r"(?m)^#{1,3} .*$", raw) if raw.count("\n## ") > 3 else [raw]
    out = []
    for text in texts:
        text = re.sub(r"(?s)^---.*?---", "", text)
        text = re.sub(r"(?m)^[>#*\s-]+", "", text).strip()
        if len(text.split()) >= 25:
            out.append(text)
    return out


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def variant(text: str, pool: list[str], rng: random.Random) -> str:
    """An edited copy of a real template: substitutions, shuffles, drops, insertions."""
    sentences = _sentences(text)
    if len(sentences) > 2 and rng.random() < 0.5:
        i = rng.randrange(len(sentences) - 1)
        sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
    if len(sentences) > 3 and rng.random() < 0.4:
        del sentences[rng.randrange(len(sentences))]
    for _ in range(rng.randint(1, 3)):
        sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(pool))
    if rng.random() < 0.4:
        sentences.insert(rng.randrange(len(sentences) + 1), f"Reference: {rng.choice(SLOTS)}.")
    words = " ".join(sentences).split(" ")
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(words))
        words[i] = SWAPS.get(words[i].lower(), words[i])
        if rng.random() < 0.3:
            words[i] = rng.choice(["really", "now", "also", "kindly", "today"])
    return "Hi {{first_name}},\n\n" + " ".join(words)


def synthetic(count: int, seed: int = 5) -> dict[str, str]:
    rng = random.Random(seed)
    bases = base_texts()
    pool = sorted({s for t in bases for s in _sentences(t) if len(s.split()) >= 5})
    return {f"t{i:06d}": variant(rng.choice(bases), pool, rng) for i in range(count)}


def filled_copy(template: str, rng: random.Random) -> str:
    text = template.replace("{{first_name}}", rng.choice(["Maria", "Ahmet", "Li"]))
    text = re.sub(r"\{\{[^{}]+\}\}|\{[^{}]+\}|\[[A-Z ]+\]|<amount>", "48213", text)
    words = text.split(" ")
    for _ in range(rng.randint(0, 2)):
        words[rng.randrange(len(words))] = rng.choice(["really", "today", "quickly"])
    return " ".join(words)


def brute_force(tset: TemplateSet, text: str) -> str | None:
    saved = templates_module.INDEX_THRESHOLD
    templates_module.INDEX_THRESHOLD = 10**12
    try:
        match = tset.best_match(text, score_cutoff=90, min_words=8)
    finally:
        templates_module.INDEX_THRESHOLD = saved
    return match.template_id if match else None


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def loading(texts: dict[str, str]) -> dict[str, str]:
    """Load time (first time, and with the index file written by the first load) and
    the RSS a Linter holding the templates adds (texts already in memory)."""
    import tempfile

    from netiquette.linter import Linter

    gc.collect()
    before = _rss_mb()
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "index.bin"
        start = time.perf_counter()
        tset = load_templates(texts, index=cache)
        first = time.perf_counter() - start
        linter = Linter(lang="en", templates=tset)
        linter.check("Hi Maria, thanks for writing in.")
        gc.collect()
        extra = _rss_mb() - before
        del linter, tset
        gc.collect()
        start = time.perf_counter()
        again = load_templates(texts, index=cache)
        saved = time.perf_counter() - start
        assert not again.notes, again.notes
    return {
        "load + index, first time": f"{first:.2f} s",
        "load, saved index": f"{saved:.2f} s",
        "extra RSS (Linter)": f"{extra:.0f} MB",
        "rss_mb": extra,  # for the chart, not the table
    }


#: The numbers behind the charts, one point per library size measured.
CHART_POINTS: list[dict[str, float]] = []
IMAGES = ROOT / "docs" / "images"


def charts() -> list[str]:
    """Match time and extra RSS against library size, as PNGs under docs/images/
    (matplotlib, the eval extra); the Markdown that shows them."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [p["templates"] for p in CHART_POINTS]
    drawn = []
    for name, title, series, unit in (
        ("template-match-time.png", "Best match against library size",
         [("p50_ms", "p50"), ("p95_ms", "p95")], "ms per query"),
        ("template-rss.png", "Memory a Linter adds for its templates",
         [("rss_mb", "extra RSS")], "MB"),
    ):  # fmt: skip
        figure, axes = plt.subplots(figsize=(6, 3.6))
        for key, label in series:
            axes.plot(sizes, [p[key] for p in CHART_POINTS], marker="o", label=label)
        axes.set_xscale("log")
        axes.set_xlabel("templates")
        axes.set_ylabel(unit)
        axes.set_title(title)
        axes.grid(True, alpha=0.3)
        axes.legend()
        figure.tight_layout()
        IMAGES.mkdir(parents=True, exist_ok=True)
        figure.savefig(IMAGES / name, dpi=110)
        plt.close(figure)
        drawn.append(f"![{title}](images/{name})")
    return drawn


def measure(count: int, queries: int, brute_limit: int, rng: random.Random) -> dict[str, str]:
    texts = synthetic(count)
    load_figures = loading(texts)
    tset = load_templates(texts)
    gc.collect()
    tracemalloc.start()
    start = time.perf_counter()
    index = tset.build_index()
    build = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    current = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    ids = list(texts)
    unrelated = replies(max(queries // 5, 1))
    qs = [filled_copy(texts[rng.choice(ids)], rng) for _ in range(queries - len(unrelated))]
    qs += unrelated
    rng.shuffle(qs)
    times = []
    found: list[str | None] = []
    for q in qs:
        t0 = time.perf_counter()
        m = tset.best_match(q, score_cutoff=90, min_words=8)
        times.append(time.perf_counter() - t0)
        found.append(m.template_id if m else None)
    times.sort()
    sample = list(range(len(qs)))
    if len(sample) > brute_limit:
        sample = sorted(random.Random(1).sample(sample, brute_limit))
    brute_times = []
    agree = 0
    for i in sample:
        t0 = time.perf_counter()
        expected = brute_force(tset, qs[i])
        brute_times.append(time.perf_counter() - t0)
        agree += expected == found[i]
    matched = sum(1 for f in found if f is not None)
    CHART_POINTS.append(
        {
            "templates": count,
            "p50_ms": times[len(times) // 2] * 1e3,
            "p95_ms": times[int(len(times) * 0.95)] * 1e3,
            "rss_mb": float(load_figures.pop("rss_mb")),
        }
    )
    return {
        "templates": f"{count:,}",
        **load_figures,
        "index build": f"{build:.2f} s",
        "index memory": f"{current / 2**20:.0f} MB (peak {peak / 2**20:.0f} MB)",
        "match p50 / p95": (
            f"{times[len(times) // 2] * 1e3:.2f} / {times[int(len(times) * 0.95)] * 1e3:.2f} ms"
        ),
        "brute force p50": f"{statistics.median(brute_times) * 1e3:.1f} ms",
        "same best match as brute force": f"{agree}/{len(sample)}",
        "queries matched": f"{matched}/{len(qs)}",
        "postings": f"{index.postings_size:,}",
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="200 queries, smaller sizes")
    parser.add_argument("--sizes", default="")
    parser.add_argument("--brute", type=int, default=0, help="brute-force subsample size")
    parser.add_argument(
        "--charts", action="store_true", help="draw docs/images/template-*.png (matplotlib)"
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s] or (
        [1000, 10000] if args.quick else [1000, 10000, 100000]
    )
    queries = 200 if args.quick else 1000
    rng = random.Random(7)
    # A linter built once first, so that "extra RSS" is the templates' own, not spaCy's
    # and the language data's (loaded once a process, whatever the size).
    from netiquette.linter import Linter

    Linter(lang="en").check("Hi Maria, thanks for writing in.")
    rows = []
    for size in sizes:
        brute = args.brute or (queries if size <= 10000 else 200)
        rows.append(measure(size, queries, brute, rng))
        print(rows[-1], file=sys.stderr)
    keys = list(rows[0])
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for row in rows:
        print("| " + " | ".join(row[k] for k in keys) + " |")
    if args.charts:
        print("\n" + "\n\n".join(charts()))


if __name__ == "__main__":
    main()
