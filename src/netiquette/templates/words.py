"""Text in matching form: folded words, one slot per placeholder, one code per word.

Templates and drafts are compared as sequences of words: case-folded with the
language's folding, punctuation, emoji and Markdown dropped, each placeholder
(``{{first_name}}``, ``[NAME]``, ...) one slot, letters the language treats as one
(``equivalent_letters`` in its language.yaml: Turkish "hâlâ" and "hala") made one.
:class:`WordCodes` then gives every distinct word one code point, so that rapidfuzz
compares words as characters: the one encoder of the matching, the index and the
audit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from netiquette.core import TemplateError
from netiquette.lang import codes
from netiquette.lang import get as get_language
from netiquette.text import placeholders
from netiquette.text.fold import fold

#: The code of a placeholder slot.
SLOT = "\U000f0000"
#: The code of a word no template has.
UNKNOWN = "\U000f0001"
_FIRST_WORD_CODE = 0x10000
_LAST_WORD_CODE = 0xEFFFF

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_QUOTED_LINE = re.compile(r"(?m)^[ \t]*>.*$")


@lru_cache(maxsize=16)
def _equivalents(lang: str) -> dict[int, str] | None:
    """The translation table of the language's equivalent letters, or None (also for
    ``auto``: templates of a linter that chooses the language per reply)."""
    if lang not in codes():
        return None
    letters = get_language(lang).equivalent_letters
    return str.maketrans(dict(letters)) if letters else None


def slot_count(words: tuple[str | None, ...]) -> int:
    """How many placeholders (``None``) a word sequence holds."""
    return sum(1 for w in words if w is None)


class WordCounts:
    """``slots`` and ``word_count`` of something made of ``words`` (None: a placeholder)."""

    __slots__ = ()
    words: tuple[str | None, ...]

    @property
    def slots(self) -> int:
        return slot_count(self.words)

    @property
    def word_count(self) -> int:
        """Words without the placeholders."""
        return len(self.words) - slot_count(self.words)


@dataclass(frozen=True, slots=True)
class Normalized(WordCounts):
    """Text in matching form: folded words, ``None`` for each placeholder.

    ``spans`` holds the offsets of each word in the original text when they were asked
    for, and is empty otherwise.
    """

    words: tuple[str | None, ...]
    spans: tuple[tuple[int, int], ...] = ()


def normalize(
    text: str, lang: str, *, drop_quoted: bool = False, spans: bool = False
) -> Normalized:
    """Fold ``text`` and split it into words; each placeholder becomes ``None``.

    ``drop_quoted`` leaves out quoted lines (``> ...``); ``spans`` also returns the
    offsets of every word (slower: only needed to report where a match is).
    """
    folded = fold(text, lang)
    table = _equivalents(lang)
    if table is not None:
        # "hâlâ" and "hala" are one spelling to a reader (one character each, so
        # offsets hold).
        folded = folded.translate(table)
    # (start, end, is_slot): placeholders become a slot, quoted lines vanish.
    holes = [(p.start, p.end, True) for p in placeholders.find(text, lang)]
    if drop_quoted and ">" in text:
        holes += [(m.start(), m.end(), False) for m in _QUOTED_LINE.finditer(text)]
        holes.sort()
    if not holes and not spans:
        return Normalized(tuple(_WORD.findall(folded)))
    words: list[str | None] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    for start, end, is_slot in [*holes, (len(text), len(text), False)]:
        if start < pos:  # a placeholder inside a quoted line
            continue
        if spans:
            for m in _WORD.finditer(folded, pos, start):
                words.append(m.group())
                offsets.append(m.span())
        else:
            words.extend(_WORD.findall(folded, pos, start))
        if is_slot:
            words.append(None)
            offsets.append((start, end))
        pos = end
    return Normalized(tuple(words), tuple(offsets) if spans else ())


class WordCodes:
    """One code point per distinct word, so that rapidfuzz compares words.

    :meth:`add` gives new words new codes (templates); :meth:`encode` gives words
    without a code :data:`UNKNOWN` (drafts). A placeholder (``None``) is :data:`SLOT`.
    """

    __slots__ = ("_codes",)

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._codes)

    def add(self, words: Iterable[str | None]) -> str:
        """``words`` encoded, new words getting the next free codes."""
        codes = self._codes
        out = []
        for word in words:
            if word is None:
                out.append(SLOT)
                continue
            code = codes.get(word)
            if code is None:
                if _FIRST_WORD_CODE + len(codes) > _LAST_WORD_CODE:
                    raise TemplateError(
                        f"too many distinct words in the templates ({len(codes):,})"
                    )
                code = codes[word] = chr(_FIRST_WORD_CODE + len(codes))
            out.append(code)
        return "".join(out)

    def encode(self, words: Iterable[str | None]) -> str:
        """``words`` encoded with the codes known so far (others are UNKNOWN)."""
        codes = self._codes
        return "".join(SLOT if w is None else codes.get(w, UNKNOWN) for w in words)
