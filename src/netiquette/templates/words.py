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
from netiquette.lang import codes, turkic_codes
from netiquette.lang import get as get_language
from netiquette.text import placeholders
from netiquette.text.fold import fold

#: The code of a placeholder slot.
SLOT = "\x01"
#: The code of a word no template has.
UNKNOWN = "\x02"
# Word codes: from U+0100 up, skipping the surrogates, so that up to ~55,000 distinct
# words keep encoded texts at two bytes a word (Python's UCS-2 strings).
_FIRST_WORD_CODE = 0x100
_LAST_WORD_CODE = 0xEFFFF
_SURROGATES = 0xD800
_SURROGATES_END = 0xE000
# A template's placeholders in the text that _TOKEN splits: one "\x01" each (any
# "\x01" of the text itself is blanked first; like a space, it is no word character).
_HOLE = " \x01 "
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|\x01")
# str.replace, not str.translate: translate looks every character up in a dict (~50x
# slower on non-ASCII text).
_APOSTROPHES = ("\u2019", "\u2018", "\u02bc")

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


def word_code(n: int) -> str:
    """The code point of the ``n``-th word."""
    code = _FIRST_WORD_CODE + n
    if code >= _SURROGATES:
        code += _SURROGATES_END - _SURROGATES
    if code > _LAST_WORD_CODE:
        raise TemplateError(f"too many distinct words in the templates ({n:,})")
    return chr(code)


def fold_text(text: str, lang: str) -> str:
    """:func:`netiquette.text.fold.fold`, for whole texts at C speed: the same result,
    character for character (tests/test_template_index.py checks every code point).

    ``str.lower`` maps each character as ``fold`` does except for "İ" (two characters
    in Python, "i" here), the Turkic "I" (handled by a translation first) and the
    Greek capital sigma (``lower`` depends on its neighbours there): texts with one
    of those left go the slow way. The typographic apostrophes then become "'"."""
    if text.isascii():
        return fold(text, lang)
    text_ = text.replace("İ", "i") if "İ" in text else text
    if "I" in text_ and lang in turkic_codes():
        text_ = text_.replace("I", "ı")
    lowered = text_.lower()
    if len(lowered) != len(text) or "\u03a3" in text_:
        return fold(text, lang)
    for apostrophe in _APOSTROPHES:
        if apostrophe in lowered:
            lowered = lowered.replace(apostrophe, "'")
    return lowered


def template_tokens(text: str, lang: str) -> list[str]:
    """The words of ``normalize(text, lang).words`` with ``"\x01"`` for each placeholder:
    the same words, found by one regular-expression pass over the folded text."""
    folded = fold_text(text, lang)
    table = _equivalents(lang)
    if table is not None:
        folded = folded.translate(table)
    holes = placeholders.find(text, lang)
    if not holes:
        return _WORD.findall(folded)
    if "\x01" in folded:
        folded = folded.replace("\x01", " ")
    return _TOKEN.findall(_with_slots(folded, holes))


def _with_slots(text: str, holes: list[placeholders.Placeholder]) -> str:
    """``text`` with each placeholder (``holes``, in order) replaced by " \x01 "."""
    parts = []
    pos = 0
    for hole in holes:
        parts.append(text[pos : hole.start])
        parts.append(_HOLE)
        pos = hole.end
    parts.append(text[pos:])
    return "".join(parts)


#: Distinct chunks (text between whitespace) a :class:`TemplateEncoder` remembers:
#: plenty for real libraries; a chunk seen after that is encoded, not remembered.
CHUNK_CACHE_SIZE = 1 << 18
# Lines up to this long are remembered too (greetings, sign-offs, boilerplate).
_CACHED_LINE = 160


class TemplateEncoder:
    """Template texts encoded with :class:`WordCodes`, the same codes as
    ``codes.add_tokens(template_tokens(text, lang))``, without a regular-expression
    pass over every word of every template.

    Words never cross whitespace, placeholders never cross a line (but for ``$name``)
    and folding maps each character on its own, so the words of a text are the words
    of its lines in turn, and those the words of their whitespace-separated chunks.
    Short lines recur (greetings, sign-offs) and are encoded once. Chunks
    recur across templates ("the", "order.", "Hi"): ``str.split`` cuts them at C speed
    and each distinct chunk is folded, split into words and encoded once. Placeholders,
    which may span spaces, are found in the whole text first; each is a slot.
    """

    __slots__ = ("_chunks", "_codes", "_lang", "_lines", "_table")

    def __init__(self, codes: WordCodes, lang: str) -> None:
        self._codes = codes
        self._lang = lang
        self._table = _equivalents(lang)
        self._chunks: dict[str, str] = {"\x01": SLOT}
        self._lines: dict[str, str] = {}

    def encode(self, text: str) -> str:
        """``text`` encoded, new words getting new codes."""
        if "\x01" in text:  # the one character that stands for a slot: the slow way
            return self._codes.add_tokens(template_tokens(text, self._lang))
        if "\n" not in text or "$" in text:
            # (A "$name" placeholder looks past the end of its line: "$a\n= 1" is code.)
            return self._line(text)
        lines = self._lines
        out = []
        for line in text.split("\n"):
            code = lines.get(line)
            if code is None:
                code = self._line(line)
                if len(line) <= _CACHED_LINE and len(lines) < CHUNK_CACHE_SIZE:
                    lines[line] = code
            out.append(code)
        return "".join(out)

    def _line(self, text: str) -> str:
        holes = placeholders.find(text, self._lang)
        if holes:
            # Each placeholder becomes a chunk of its own, "\x01", encoded as a SLOT.
            text = _with_slots(text, holes)
        chunks = text.split()
        known = self._chunks
        try:
            return "".join(map(known.__getitem__, chunks))
        except KeyError:
            pass
        out = []
        for chunk in chunks:
            code = known.get(chunk)
            if code is None:
                code = self._chunk(chunk)
            out.append(code)
        return "".join(out)

    def _chunk(self, chunk: str) -> str:
        folded = fold_text(chunk, self._lang)
        if self._table is not None:
            folded = folded.translate(self._table)
        code = self._codes.add_tokens(_WORD.findall(folded))
        if len(self._chunks) < CHUNK_CACHE_SIZE:
            self._chunks[chunk] = code
        return code


class WordCodes:
    """One code point per distinct word, so that rapidfuzz compares words.

    :meth:`add` gives new words new codes (templates); :meth:`encode` gives words
    without a code :data:`UNKNOWN` (drafts). A placeholder (``None``) is :data:`SLOT`.
    """

    __slots__ = ("_codes", "_tokens")

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}
        # The same codes, and "\x01" (a placeholder of template_tokens) for SLOT.
        self._tokens: dict[str, str] = {"\x01": SLOT}

    @classmethod
    def from_words(cls, words: Iterable[str]) -> WordCodes:
        """Codes for ``words`` in order (a vocabulary saved from :meth:`words`)."""
        codes = cls()
        for word in words:
            codes._codes[word] = codes._tokens[word] = word_code(len(codes._codes))
        return codes

    def __len__(self) -> int:
        return len(self._codes)

    def words(self) -> list[str]:
        """Every word, by code: ``words()[n]`` has the ``n``-th code."""
        return list(self._codes)

    def decode(self, encoded: str, words: list[str] | None = None) -> tuple[str | None, ...]:
        """The words of an encoded template (``words``: :meth:`words`, when at hand)."""
        vocabulary = self.words() if words is None else words
        out: list[str | None] = []
        for char in encoded:
            if char == SLOT:
                out.append(None)
                continue
            n = ord(char) - _FIRST_WORD_CODE
            if n >= _SURROGATES - _FIRST_WORD_CODE:
                n -= _SURROGATES_END - _SURROGATES
            out.append(vocabulary[n])
        return tuple(out)

    def add_tokens(self, tokens: list[str]) -> str:
        """Tokens of :func:`template_tokens` encoded, new words getting new codes."""
        try:
            return "".join(map(self._tokens.__getitem__, tokens))
        except KeyError:
            pass
        table = self._tokens
        for token in tokens:
            if token not in table:
                self._codes[token] = table[token] = word_code(len(self._codes))
        return "".join(map(table.__getitem__, tokens))

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
                code = codes[word] = self._tokens[word] = word_code(len(codes))
            out.append(code)
        return "".join(out)

    def encode(self, words: Iterable[str | None]) -> str:
        """``words`` encoded with the codes known so far (others are UNKNOWN)."""
        codes = self._codes
        return "".join(SLOT if w is None else codes.get(w, UNKNOWN) for w in words)
