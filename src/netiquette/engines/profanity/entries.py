"""The entries of ``lang/<iso>/profanity.yaml``: tiers, categories and forms.

Every entry has a tier (``strong`` or ``mild``), a category (``profanity``, ``slur``,
``sexual``; ``custom`` for ``deny_words``) and its forms: inflections, compounds and
multi-word phrases, all written out, or a stem with ``open_suffix`` for languages that
build words from suffixes. Entries carry their own exceptions: the next or previous
word (``stop cock``, ``fanny pack``) and a capital that makes a name (``Dick Smith``).
The keys are the data schema's (``netiquette.lang.schema``); an entry with others, or
a file without ``tiers``, is a ConfigError naming the file and the entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from netiquette.core import ConfigError
from netiquette.lang.schema import PROFANITY_ENTRY_KEYS
from netiquette.text.fold import fold

Tier = Literal["strong", "mild"]
TIERS: tuple[Tier, ...] = ("strong", "mild")
CATEGORIES = ("profanity", "slur", "sexual", "insult")
#: Categories that are name-calling rather than swearing: matched here (disguises and
#: all) but reported by the tone rule name-calling, not by the profanity rules.
INSULT_CATEGORIES = frozenset({"insult"})
CUSTOM = "custom"
DATA_FILE = "profanity.yaml"


@dataclass(frozen=True)
class ProfanityEntry:
    """One entry of the list: a headword, its tier, category and forms."""

    word: str
    tier: Tier
    category: str
    forms: tuple[str, ...]
    replacements: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    not_before: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()
    name_when_capitalised: bool = False
    mask_first_letter: bool = False
    open_suffix: bool = False
    exceptions: frozenset[str] = frozenset()
    lower_only: bool = False
    #: Also matched with a dotless "ı" written for "i" (Turkish "sıktır", "SIKTIR" in
    #: capitals without dots): set only where that reading is no everyday word.
    dotless: bool = False


def _strings(value: Any, source: str, key: str) -> tuple[str, ...]:
    """``value`` (one string, a list of them, or nothing) as a tuple of strings."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    raise ConfigError(f"{source}: '{key}' must be a string or a list, got {value!r}")


def parse_entries(data: Mapping[str, Any], lang: str, source: str) -> list[ProfanityEntry]:
    """The entries of a profanity data file, strong tier first, in file order."""
    tiers = data.get("tiers")
    if not isinstance(tiers, Mapping):
        raise ConfigError(f"{source}: needs a 'tiers' mapping")
    unknown_tiers = set(tiers) - set(TIERS)
    if unknown_tiers:
        raise ConfigError(f"{source}: unknown tiers {sorted(unknown_tiers)}")
    entries: list[ProfanityEntry] = []
    for tier in TIERS:
        categories = tiers.get(tier) or {}
        if not isinstance(categories, Mapping):
            raise ConfigError(f"{source}: tier '{tier}' must map categories to entries")
        for category, items in categories.items():
            if category not in CATEGORIES:
                raise ConfigError(f"{source}: unknown category '{category}' in tier '{tier}'")
            for item in items or ():
                entries.append(_parse_entry(item, tier, str(category), lang, source))
    return entries


def _parse_entry(item: Any, tier: Tier, category: str, lang: str, source: str) -> ProfanityEntry:
    if isinstance(item, str):
        item = {"word": item}
    if not isinstance(item, Mapping) or "word" not in item:
        raise ConfigError(f"{source}: an entry must be a word or a mapping with 'word': {item!r}")
    unknown = set(item) - PROFANITY_ENTRY_KEYS
    if unknown:
        raise ConfigError(f"{source}: entry {item['word']!r} has unknown keys {sorted(unknown)}")
    word = fold(str(item["word"]), lang)
    forms = (word, *(fold(f, lang) for f in _strings(item.get("forms"), source, "forms")))
    raw_replacements = item.get("replacements") or {}
    if not isinstance(raw_replacements, Mapping):
        raise ConfigError(f"{source}: replacements of {word!r} must map forms to rewrites")
    replacements = {
        fold(str(k), lang): _strings(v, source, "replacements") for k, v in raw_replacements.items()
    }
    for key in replacements:
        if key not in forms:
            raise ConfigError(f"{source}: replacement for {key!r}, not a form of {word!r}")

    def words(key: str) -> frozenset[str]:
        return frozenset(fold(w, lang) for w in _strings(item.get(key), source, key))

    return ProfanityEntry(
        word=word,
        tier=tier,
        category=category,
        forms=forms,
        replacements=replacements,
        not_before=words("not_before"),
        not_after=words("not_after"),
        name_when_capitalised=bool(item.get("name_when_capitalised", False)),
        mask_first_letter=bool(item.get("mask_first_letter", False)),
        open_suffix=bool(item.get("open_suffix", False)),
        exceptions=words("except"),
        lower_only=bool(item.get("lower_only", False)),
        dotless=bool(item.get("dotless", False)),
    )
