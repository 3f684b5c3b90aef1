"""Realistic reply texts for benchmarks, built from the bundled example replies."""

from __future__ import annotations

import random
import re
from pathlib import Path

GREETINGS = {
    "en": ("Hi Sam,", "Kind regards,\nAlex"),
    "tr": ("Merhaba Selin Hanım,", "Saygılarımızla,\nDeniz"),
}
EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "examples" / "replies"


def sentences(lang: str = "en") -> list[str]:
    """Sentences of the example replies in ``lang`` (Turkish files have "-tr-" in
    their names)."""
    pool: list[str] = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        if ("-tr-" in path.name) != (lang == "tr"):
            continue
        text = path.read_text(encoding="utf-8")
        pool += [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.split()) >= 3]
    return pool


def replies(count: int, words: int = 120, seed: int = 7, lang: str = "en") -> list[str]:
    """``count`` replies of about ``words`` words each, sentences drawn at random."""
    rng = random.Random(seed)
    pool = sentences(lang)
    out = []
    for _ in range(count):
        chosen: list[str] = []
        while sum(len(s.split()) for s in chosen) < words:
            chosen.append(rng.choice(pool))
        greeting, closing = GREETINGS[lang]
        out.append(greeting + "\n\n" + " ".join(chosen) + "\n\n" + closing)
    return out
