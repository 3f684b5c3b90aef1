"""Choosing the language of a text (``lang="auto"``).

Each language scores one point per word of its stop-word list (``lang/<iso>/
stopwords.txt``) or of the words that mark it in short chat replies (``detection:
words`` in its language.yaml: "thx", "tmm", "kanka"), and one per word holding a letter
only it uses (``detection: letters``: Turkish ç ğ ı ş ö ü). The highest score wins, so
a mixed text is checked in the language of its majority.

When the cues cannot tell (no evidence, or a tie): short replies, Turkish typed without
its letters ("iade talebiniz alindi"), a statistical model decides: lingua
(``lingua-language-detector``) restricted to the supported languages, in its
low-accuracy mode (trigram models: ~25-50 ms to load on first use, ~10 us a text),
when it is at least ``MODEL_CONFIDENCE`` sure. This beat the cues alone and py3langid
(0.67 s to load) on the short texts of tests/data/langid/. Otherwise, and without
lingua, the fallback language (English) is chosen. Only the first ``SAMPLE_CHARS``
characters are read.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from netiquette.lang.files import codes, load
from netiquette.lang.language import fallback, get

SAMPLE_CHARS = 4000
#: The model's choice counts only this sure ("Who???" is 54% Turkish to it).
MODEL_CONFIDENCE = 0.7
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _cues() -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """(code, stop words, letters) of every language."""
    return tuple(
        (
            code,
            frozenset(load(code, "stopwords.txt")) | get(code).detection_words,
            get(code).detection_letters,
        )
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
    """The language with the most evidence in ``text``; the model's choice when the
    cues cannot tell; the fallback when neither can."""
    found = scores(text)
    best = max(found.values(), default=0)
    winners = [code for code, score in found.items() if score == best]
    if len(winners) == 1 and best > 0:
        return winners[0]
    guess = _model_guess(text[:SAMPLE_CHARS], winners if best > 0 else list(found))
    return guess if guess is not None else fallback()


def warm_up() -> None:
    """Load the model now rather than on the first text the cues cannot decide."""
    _detector()


def _model_guess(text: str, candidates: list[str]) -> str | None:
    """lingua's choice among ``candidates`` for ``text`` (None when it cannot say)."""
    if not any(c.isalpha() for c in text):
        return None
    detector = _detector()
    if detector is None:
        return None
    confidences = detector.compute_language_confidence_values(text)
    if not confidences or confidences[0].value < MODEL_CONFIDENCE:
        return None
    code = str(confidences[0].language.iso_code_639_1.name).lower()
    return code if code in candidates else None


@cache
def _detector() -> Any:
    """lingua's detector for the supported languages it knows, built on first use and
    kept (two threads asking at once may each build one; one of them is kept)."""
    try:
        from lingua import IsoCode639_1, LanguageDetectorBuilder
    except ImportError:  # pragma: no cover - a dependency, but detection must not fail
        return None
    known = []
    for code in codes():
        try:
            known.append(IsoCode639_1.from_str(code))
        except ValueError:
            continue
    if len(known) < 2:
        return None
    return LanguageDetectorBuilder.from_iso_codes_639_1(*known).with_low_accuracy_mode().build()
