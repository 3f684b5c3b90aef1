"""Profanity: listed words and their disguises, found with hash look-ups.

The word list and the normaliser live in ``lang/<iso>/profanity.yaml`` (see the header
of the English file for the format). Three modules, one job each:

- :mod:`~netiquette.engines.profanity.entries`: the entries (tiers, categories, forms,
  exceptions) and reading them from the data;
- :mod:`~netiquette.engines.profanity.normaliser`: reading disguised text back into
  letters (leetspeak, masks, separators, letter maps, stretched letters);
- :mod:`~netiquette.engines.profanity.matcher`: finding the entries in a text, whole
  words, with spans into the original text; one shared matcher per language and
  allow/deny lists (:func:`matcher_for`).
"""

from __future__ import annotations

from netiquette.engines.profanity.entries import (
    CATEGORIES,
    CUSTOM,
    DATA_FILE,
    INSULT_CATEGORIES,
    TIERS,
    ProfanityEntry,
    Tier,
    parse_entries,
)
from netiquette.engines.profanity.matcher import ProfanityMatch, ProfanityMatcher, matcher_for
from netiquette.engines.profanity.normaliser import Normaliser

__all__ = [
    "CATEGORIES",
    "CUSTOM",
    "DATA_FILE",
    "INSULT_CATEGORIES",
    "TIERS",
    "Normaliser",
    "ProfanityEntry",
    "ProfanityMatch",
    "ProfanityMatcher",
    "Tier",
    "matcher_for",
    "parse_entries",
]
