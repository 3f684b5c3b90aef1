"""Choosing the language of a text (``lang="auto"``).

Each language scores one point per word of its stop-word list (``lang/<iso>/
stopwords.txt``) and one per word holding a letter only it uses (``detection:
letters`` in its language.yaml: Turkish ç ğ ı ş ö ü). The highest score wins, so a
mixed text is checked in the language of its majority; a tie with no evidence goes to
the fallback language (English). Only the first ``SAMPLE_CHARS`` characters are read:
a typical reply takes a few tens of microseconds.
"""

from __future__ import annotations

import re
from functools import cache

from netiquette.lang.files import codes, load
from netiquette.lang.language import fallback, get

SAMPLE_CHARS = 4000
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _cues() -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """(code, stop words, letters) of every language."""
    return tuple(
        (code, frozenset(load(code, "stopwords.txt")), get(code).detection_letters)
        for code in codes()
    )


def scores(text: str) -> dict[str, int]:
    """Evidence per language: its stop words, and words with letters only it uses."""
    sample = text[:SAMPLE_CHARS]
    # Lower-casing for detection only: "I" -> "i" is right for English and harmless
    # for Turkish stop words; offsets are never taken from this copy.
    words = _WORD.findall(sample.replace("İ", "i").lower())
    found: dict[str, int] = {}
    ascii_only = sample.isascii()
    for code, stopwords, letters in _cues():
        score = sum(1 for w in words if w in stopwords)
        if letters and not ascii_only:
            score += sum(1 for w in words if not letters.isdisjoint(w))
        found[code] = score
    return found


def detect(text: str) -> str:
    """The language with the most evidence in ``text`` (the fallback on a tie)."""
    found = scores(text)
    best = max(found.values(), default=0)
    winners = [code for code, score in found.items() if score == best]
    default = fallback()
    return default if default in winners or len(winners) != 1 else winners[0]
