"""Reading disguised text back into letters before a look-up.

Each language's ``normaliser`` in ``lang/<iso>/profanity.yaml`` says how:

- leetspeak: symbols and digits read as letters (``sh1t``, ``@ss``, ``$hit``, ``b!tch``),
  every reading of an ambiguous character tried (``1`` is ``i`` or ``l``);
- masks: characters that hide a letter (``*``, ``#``; loose masks such as ``@`` only
  when they do not read as a letter), and how many letters must stay visible;
- separators dropped between letters (``f.u.c.k``, ``f-u-c-k``, ``bull-shit``);
- a letter map and accent stripping, for spellings without a language's letters
  (Turkish ``serefsiz`` for ``şerefsiz``);
- stretched letters: every run of three or more equal letters is tried as one and as
  two letters (``fuuuuck``, ``shiiiit``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import product
from typing import Any

from netiquette.core import ConfigError
from netiquette.lang.schema import PROFANITY_NORMALISER_KEYS
from netiquette.text.fold import fold

#: A run of three or more equal letters.
STRETCHED = re.compile(r"([^\W\d_])\1\1+")
#: Readings tried at most for one word.
MAX_READINGS = 16


@dataclass(frozen=True)
class Normaliser:
    """How one language reads text back into letters before a look-up."""

    lang: str
    leet: Mapping[str, tuple[str, ...]]
    masks: frozenset[str]
    loose_masks: frozenset[str]
    separators: frozenset[str]
    letter_map: Mapping[str, str]
    strip_accents: bool = False
    min_visible_letters: int = 2
    min_visible_ratio: float = 0.4
    min_digit_leet_length: int = 4

    @classmethod
    def from_data(cls, raw: Any, lang: str, source: str) -> Normaliser:
        raw = raw or {}
        if not isinstance(raw, Mapping):
            raise ConfigError(f"{source}: 'normaliser' must be a mapping")
        unknown = set(raw) - PROFANITY_NORMALISER_KEYS
        if unknown:
            raise ConfigError(f"{source}: unknown normaliser keys {sorted(unknown)}")
        leet: dict[str, tuple[str, ...]] = {}
        for char, readings in (raw.get("leet") or {}).items():
            char = str(char)
            values = (readings,) if isinstance(readings, str) else tuple(readings)
            if len(char) != 1 or char.isalpha() or not values:
                raise ConfigError(f"{source}: bad leet entry {char!r}: {readings!r}")
            leet[char] = tuple(fold(str(v), lang) for v in values)
        letter_map = {str(k): str(v) for k, v in (raw.get("letter_map") or {}).items()}
        for key in letter_map:
            if len(key) != 1 or key.isascii():
                raise ConfigError(f"{source}: letter_map keys must be non-ASCII letters: {key!r}")
        return cls(
            lang=lang,
            leet=leet,
            masks=frozenset(str(raw.get("masks", "*#"))),
            loose_masks=frozenset(str(raw.get("loose_masks", ""))),
            separators=frozenset(str(raw.get("separators", ".-_~*"))),
            letter_map=letter_map,
            strip_accents=bool(raw.get("strip_accents", False)),
            min_visible_letters=int(raw.get("min_visible_letters", 2)),
            min_visible_ratio=float(raw.get("min_visible_ratio", 0.4)),
            min_digit_leet_length=int(raw.get("min_digit_leet_length", 4)),
        )

    @property
    def changes_letters(self) -> bool:
        return self.strip_accents or bool(self.letter_map)

    def letters(self, text: str) -> str:
        """Folded text with the language's letter map only: a spelling, not a disguise."""
        if not self.letter_map or text.isascii():
            return text
        for char, letter in self.letter_map.items():  # faster than translate on non-ASCII
            text = text.replace(char, letter)
        return text

    def canon(self, text: str) -> str:
        """Folded text with the language's letter map and accent stripping applied."""
        if text.isascii():
            return text
        text = self.letters(text)
        if self.strip_accents:
            decomposed = unicodedata.normalize("NFKD", text)
            text = "".join([c for c in decomposed if not unicodedata.combining(c)])
        return text

    def readings(self, text: str) -> list[str]:
        """Every way to read ``text`` (letters, leet symbols) as letters only.

        Digits count only in words of ``min_digit_leet_length`` or more with at least two
        real letters, so that a product code such as "A55" stays a code.
        """
        letters = 0
        digits = False
        options: list[tuple[str, ...]] = []
        for char in text:
            if char.isalpha():
                letters += 1
                options.append((char,))
            else:
                found = self.leet.get(char)
                if found is None:
                    return []
                digits = digits or char.isdigit()
                options.append(found)
        if letters == 0 and (digits or len(text) < 3):  # "@$$" reads, "$20" does not
            return []
        if digits and (letters < 2 or len(text) < self.min_digit_leet_length):
            return []
        if all(len(o) == 1 for o in options):
            return ["".join(o[0] for o in options)]
        out = []
        for combo in product(*options):
            out.append("".join(combo))
            if len(out) >= MAX_READINGS:
                break
        return out


def stretch_variants(key: str) -> list[str]:
    """``key`` with every run of 3+ equal letters read as one and as two letters."""
    parts: list[tuple[str, ...]] = []
    last = 0
    for m in STRETCHED.finditer(key):
        parts.append((key[last : m.start()],))
        char = m.group(1)
        parts.append((char, char * 2))
        last = m.end()
    parts.append((key[last:],))
    out = []
    for combo in product(*parts):
        out.append("".join(combo))
        if len(out) >= MAX_READINGS:
            break
    return out
