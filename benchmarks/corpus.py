"""Realistic reply texts for benchmarks, built from the bundled example replies."""

from __future__ import annotations

import random
import re
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "examples" / "replies"


def sentences() -> list[str]:
    pool: list[str] = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        pool += [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.split()) >= 3]
    return pool


def replies(count: int, words: int = 120, seed: int = 7) -> list[str]:
    """``count`` replies of about ``words`` words each, sentences drawn at random."""
    rng = random.Random(seed)
    pool = sentences()
    out = []
    for _ in range(count):
        chosen: list[str] = []
        while sum(len(s.split()) for s in chosen) < words:
            chosen.append(rng.choice(pool))
        out.append("Hi Sam,\n\n" + " ".join(chosen) + "\n\nKind regards,\nAlex")
    return out
