"""Undoing disguises that hide in Unicode before the matcher reads a text.

A writer can keep a word from matching without changing how it looks:

- invisible characters inside it: zero-width spaces and joiners, the word joiner, bidi
  controls (every character of Unicode category Cf) and the soft hyphen
  (``fu\\u200bck``);
- an HTML comment inside it (``fu<!-- -->ck``);
- letters of other alphabets that look like Latin ones (``fаck`` with a Cyrillic а,
  ``ѕhit``, Turkish ``sіktir``), small capitals (``ꜰᴜᴄᴋ``), fullwidth and mathematical
  letters (``ｆｕｃｋ``, ``𝐟𝐮𝐜𝐤``);

:func:`reveal` returns the text as it reads (letters only where letters were meant)
together with where each of its characters came from, so every match found in it maps
back to an exact span of the original. It returns None for the usual text, which has
none of these, after one pass of set operations: the matcher then reads the text as it
is.

Look-alike letters come from Unicode's confusables data as shipped by the
``confusable-homoglyphs`` package (``confusables.json``), completed by the names of the
Latin small capitals and NFKC compatibility forms (``unicodedata``). A letter of another
script (Cyrillic, Greek, Armenian ...) is read as Latin only inside a word that also
holds a Latin letter, so that Russian or Greek words (``Спасибо``, ``Αθήνα``) are never
read as English; Latin look-alikes (small capitals, fullwidth, mathematical) always are.
A language's own letters (those its ``language.yaml`` names for detection and as
equivalents: Turkish ç ğ ı ö ş ü â î û) are never mapped in that language.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from netiquette.text.markup import html_comments

_SOFT_HYPHEN = "\u00ad"
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Revealed:
    """A text as it reads: ``text`` and ``folded`` (same length), and for each of their
    characters the offset in the original it stands for."""

    text: str
    folded: str
    positions: list[int]
    #: Offsets of the original left out (invisible characters, comments, joiners).
    dropped: frozenset[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original that ``start:end`` of the revealed text covers,
        with the characters left out right after it (the second "k" of "ffuucckk")."""
        last = self.positions[end - 1] + 1
        while last in self.dropped:
            last += 1
        return self.positions[start], last


@dataclass(frozen=True)
class _Table:
    latin: dict[str, str]  # look-alikes read as Latin wherever they are
    foreign: dict[str, str]  # letters of other scripts, read as Latin in mixed words
    invisible: frozenset[str]


@cache
def _table() -> _Table:
    """The look-alike letters (lower case) and the ASCII letter each stands for."""
    raw = json.loads(
        resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8")
    )
    pairs: dict[str, str] = {}
    for char, glyphs in raw.items():
        for glyph in glyphs:
            other = glyph["c"]
            if len(char) == 1 and len(other) == 1:
                if _ascii_letter(other) and not char.isascii():
                    pairs.setdefault(char.lower(), other.lower())
                elif _ascii_letter(char) and not other.isascii():
                    pairs.setdefault(other.lower(), char.lower())
    latin: dict[str, str] = {}
    foreign: dict[str, str] = {}
    for char, letter in pairs.items():
        if char.isascii() or not char.isalpha() or _accented(char):  # Kelvin sign lowers to k
            continue  # marks and punctuation, and accented letters of real alphabets
        name = unicodedata.name(char, "")
        if "LATIN" in name or unicodedata.normalize("NFKC", char).isascii():
            latin[char] = letter
        else:
            foreign[char] = letter
    for code in range(0x1D00, 0x1D2C):  # Latin small capitals: ᴀ ʙ ᴄ ᴅ ᴇ ...
        _small_capital(chr(code), latin)
    # Fullwidth, circled and mathematical letters: their compatibility form is ASCII.
    for first, last in ((0xFF21, 0xFF5A), (0x24B6, 0x24E9), (0x1D400, 0x1D6A5)):
        for code in range(first, last + 1):
            plain = unicodedata.normalize("NFKC", chr(code))
            lower = chr(code).lower()
            if _ascii_letter(plain) and not lower.isascii():
                latin.setdefault(lower, plain.lower())
    for char in "ʙɢʜɪʟɴʀʏꜰꜱꞯ":
        _small_capital(char, latin)
    invisible = frozenset(
        chr(code)
        for code in range(0x80, 0x30000)
        if unicodedata.category(chr(code)) == "Cf" or chr(code) == _SOFT_HYPHEN
    )
    return _Table(latin, foreign, invisible)


def _ascii_letter(char: str) -> bool:
    return len(char) == 1 and char.isascii() and char.isalpha()


def _accented(char: str) -> bool:
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", char))


def _small_capital(char: str, latin: dict[str, str]) -> None:
    name = unicodedata.name(char, "")
    if name.startswith("LATIN LETTER SMALL CAPITAL ") and len(name) == 28:
        latin.setdefault(char, name[-1].lower())


@cache
def _suspects(lang: str) -> frozenset[str]:
    from netiquette.lang import get

    language = get(lang)
    own = language.detection_letters | set(language.equivalent_letters)
    table = _table()
    return frozenset(table.latin.keys() | table.foreign.keys() | table.invisible) - own


def reveal(text: str, folded: str, lang: str) -> Revealed | None:
    """``text`` and its folded form (same length) as they read once invisible
    characters, in-word comments and look-alike letters are undone; None when there
    are none of these (plain ASCII text without a comment costs one test)."""
    comments = "<!--" in text
    # One set of the text's distinct characters: ~10 us for a reply, where a regular
    # expression over thousands of suspect characters took 20 times as long.
    suspects = set() if folded.isascii() else set(folded) & _suspects(lang)
    if not suspects and not comments:
        return None
    dropped = _dropped(text, folded, suspects, comments)
    positions = [i for i in range(len(folded)) if i not in dropped]
    out_text = [text[i] for i in positions]
    out_folded = [folded[i] for i in positions]
    if suspects:
        _read_lookalikes(out_text, out_folded, suspects, lang)
    revealed_folded = "".join(out_folded)
    if not dropped and revealed_folded == folded:
        return None
    return Revealed("".join(out_text), revealed_folded, positions, frozenset(dropped))


def _dropped(text: str, folded: str, suspects: set[str], comments: bool) -> set[int]:
    """Offsets of invisible characters, and of HTML comments with a letter on both
    sides (inside a word)."""
    dropped: set[int] = set()
    invisible = suspects & _table().invisible
    if invisible:
        dropped.update(i for i, c in enumerate(folded) if c in invisible)
    if comments:
        for start, end in html_comments(text):
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if before.isalpha() and after.isalpha():
                dropped.update(range(start, end))
    return dropped


def _read_lookalikes(text: list[str], folded: list[str], suspects: set[str], lang: str) -> None:
    """Replace look-alike letters in place: Latin ones always, other scripts' only in
    words that also hold a Latin letter."""
    table = _table()
    joined = "".join(folded)
    for word in _WORD.finditer(joined):
        piece = word.group()
        if not suspects.intersection(piece):
            continue
        mixed = any((c.isascii() and c.isalpha()) or c in table.latin for c in piece)
        for i in range(word.start(), word.end()):
            char = folded[i]
            letter = table.latin.get(char) or (table.foreign.get(char) if mixed else None)
            if letter is not None and char in suspects:
                folded[i] = letter
                text[i] = letter.upper() if text[i].isupper() else letter
