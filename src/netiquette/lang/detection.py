"""Choosing English or Turkish for a text (``lang="auto"``).

Each language scores one point per word of its stop-word list (``lang/<iso>/
stopwords.txt``); Turkish also scores one per word holding a letter English does not
use (ç ğ ı ş ö ü İ). The higher score wins, so a mixed text is checked in the language
of its majority; a tie (no evidence either way) goes to English. Only the first
``SAMPLE_CHARS`` characters are read: a typical reply takes a few tens of microseconds.
"""

from __future__ import annotations

import re
from functools import lru_cache

from netiquette.lang.files import load

SAMPLE_CHARS = 4000
DEFAULT = "en"
_WORD = re.compile(r"[^\W\d_]+")
_TURKISH_LETTERS = frozenset("çğışöüÇĞIŞÖÜİ") - {"I"}


@lru_cache(maxsize=4)
def _stopwords(lang: str) -> frozenset[str]:
    return frozenset(load(lang, "stopwords.txt"))


def scores(text: str) -> dict[str, int]:
    """Evidence per language: stop words, plus Turkish-only letters for Turkish."""
    sample = text[:SAMPLE_CHARS]
    # Lower-casing for detection only: "I" -> "i" is right for English and harmless
    # for Turkish stop words; offsets are never taken from this copy.
    words = _WORD.findall(sample.replace("İ", "i").lower())
    english, turkish = _stopwords("en"), _stopwords("tr")
    en = sum(1 for w in words if w in english)
    tr = sum(1 for w in words if w in turkish)
    if not sample.isascii():
        tr += sum(1 for w in words if not _TURKISH_LETTERS.isdisjoint(w))
    return {"en": en, "tr": tr}


def detect(text: str) -> str:
    """``"tr"`` when the text is mostly Turkish, else ``"en"``."""
    found = scores(text)
    return "tr" if found["tr"] > found["en"] else DEFAULT
