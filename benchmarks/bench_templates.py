"""Template matching and placeholder speed: per-reply cost of NQ501-NQ503 and of
``TemplateSet.best_match`` at 100 and 1,000 templates.

Usage: python benchmarks/bench_templates.py [--quick]

Templates are synthetic: sentences of the bundled example templates and replies (and,
when ../shared/ is present, of the public canned responses there, read in place) drawn
at random into 60-150-word texts with placeholders. Drafts are filled-in, lightly
edited copies of a template (must match), and 120-word replies built from unrelated
sentences (must not).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import replies  # noqa: E402
from netiquette.config import Settings  # noqa: E402
from netiquette.registry import all_rules  # noqa: E402
from netiquette.rule import RuleContext  # noqa: E402
from netiquette.templates import load as load_templates  # noqa: E402
from netiquette.text import placeholders  # noqa: E402
from netiquette.text.document import Document  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "templates"
SLOTS = ["{{first_name}}", "{timeframe}", "[ORDER NUMBER]", "{date}", "<amount>"]


def _sentences() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in (ROOT / "data" / "examples").rglob("*.txt")]
    if SHARED.exists():
        texts += [p.read_text(encoding="utf-8") for p in SHARED.rglob("*.md")]
    pool: list[str] = []
    for text in texts:
        text = re.sub(r"(?m)^[>#*\s-]+", "", text)
        pool += [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.split()) >= 5]
    return sorted(set(pool))


def synthetic_templates(count: int, seed: int = 3) -> dict[str, str]:
    rng = random.Random(seed)
    pool = _sentences()
    out = {}
    for i in range(count):
        words = rng.randint(60, 150)
        chosen: list[str] = []
        while sum(len(s.split()) for s in chosen) < words:
            chosen.append(rng.choice(pool))
            if rng.random() < 0.3:
                chosen.append(f"Your reference is {rng.choice(SLOTS)}.")
        out[f"t{i:05d}"] = f"Hi {{{{first_name}}}},\n\n{' '.join(chosen)}\n\n{{agent_name}}"
    return out


def edited_copy(template: str, rng: random.Random) -> str:
    text = re.sub(r"\{\{first_name\}\}", "Maria", template)
    text = re.sub(r"\{agent_name\}", "Sam", text)
    value = rng.choice(["Friday", "48213"])
    text = re.sub(r"\{[^{}]+\}|\[[A-Z ]+\]|<amount>", value, text)
    words = text.split(" ")
    i = rng.randrange(len(words))
    words[i] = "really"
    return " ".join(words)


def median_us(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    runs = 20 if args.quick else 200
    rng = random.Random(11)
    drafts = replies(50)
    rows = []

    text = drafts[0]
    rows.append(
        (
            "placeholders.find, 120-word reply, no brackets",
            median_us(lambda: placeholders.find(text, "en"), runs * 10),
        )
    )
    bracketed = text.replace("Hi Sam", "Hi {{first_name}}")
    bracketed = bracketed.replace("Alex", "[AGENT NAME] (see below)")
    rows.append(
        (
            "placeholders.find, 120-word reply with brackets",
            median_us(lambda: placeholders.find(bracketed, "en"), runs * 10),
        )
    )

    context = RuleContext("en", Settings())
    rules = all_rules()
    for rule_id in ("NQ501", "NQ503"):
        rule = rules[rule_id](context)
        cost = []
        for draft in drafts[:20]:
            # Tokens are shared by every rule; the placeholders are this area's own cost.
            docs = [Document(draft, "en") for _ in range(20)]
            for doc in docs:
                _ = doc.tokens
            cost.append(median_us(lambda r=rule, docs=docs: list(r.check(docs.pop())), 20))
        rows.append((f"{rule_id} check(), 120-word reply (tokens cached)", statistics.median(cost)))
    generic = rules["NQ503"](context)
    filler = (
        "Hi Maria,\n\nThank you for contacting us. We apologize for any inconvenience. "
        "We are looking into this and will get back to you as soon as possible.\n\n"
        "Kind regards,\nSam"
    )
    docs = [Document(filler, "en") for _ in range(50)]
    for doc in docs:
        _ = doc.tokens
    rows.append(
        (
            "NQ503 check(), generic 30-word reply (the slow path)",
            median_us(lambda: list(generic.check(docs.pop())), 50),
        )
    )

    for count in (100, 1000):
        texts = synthetic_templates(count)
        start = time.perf_counter()
        tset = load_templates(texts)
        load_ms = (time.perf_counter() - start) * 1e3
        rows.append((f"templates.load, {count} templates (ms, not us)", load_ms))
        ids = list(texts)
        copies = [(tid, edited_copy(texts[tid], rng)) for tid in rng.sample(ids, 20)]
        hits = sum(
            1
            for tid, c in copies
            if (m := tset.best_match(c, score_cutoff=90, min_words=8)) and m.template_id == tid
        )
        false = sum(1 for d in drafts if tset.best_match(d, score_cutoff=90, min_words=8))
        for what, queries in (
            ("unrelated 120-word reply", drafts[:20]),
            ("edited copy", [c for _, c in copies]),
        ):
            times = [
                median_us(lambda t=tset, q=q: t.best_match(q, score_cutoff=90), max(runs // 10, 5))
                for q in queries
            ]
            rows.append((f"best_match, {count} templates, {what}", statistics.median(times)))
        rows.append(
            (
                f"  edited copies found {hits}/{len(copies)}, unrelated replies matched "
                f"{false}/{len(drafts)}",
                float("nan"),
            )
        )

    print("| what | median µs |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {'' if value != value else f'{value:,.1f}'} |")


if __name__ == "__main__":
    main()
