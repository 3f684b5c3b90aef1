"""Language-aware case folding that keeps every character at its offset.

Rules search the folded text and report spans in the original, so folding must map
each character to exactly one character: ``"İ".lower()`` is two characters in Python,
and plain ``lower()`` turns Turkish ``I`` into ``i`` instead of ``ı``.
"""

from __future__ import annotations

from functools import lru_cache

_TURKISH_CASE = {"I": "ı", "İ": "i"}


@lru_cache(maxsize=4096)
def _fold_char(char: str, lang: str) -> str:
    if lang == "tr" and char in _TURKISH_CASE:
        return _TURKISH_CASE[char]
    if char == "İ":
        return "i"
    folded = char.lower()
    if len(folded) != 1:
        return char
    # Typographic apostrophes fold to the ASCII one so that "can’t" matches "can't".
    if folded in "\u2019\u2018\u02bc":
        return "'"
    return folded


def fold(text: str, lang: str) -> str:
    """Lower-case ``text`` for ``lang`` with ``len(fold(text)) == len(text)``."""
    if text.isascii() and (lang != "tr" or "I" not in text):
        return text.lower()
    return "".join([_fold_char(char, lang) for char in text])


def fold_acronym(text: str, lang: str) -> str:
    """``fold`` for abbreviations in Latin letters, where the Turkish dotted and dotless
    i are one letter: "IBAN", "İBAN" and "iban" all give "iban"."""
    return fold(text, lang).replace("ı", "i")


def upper(text: str, lang: str) -> str:
    """Upper-case ``text`` for ``lang`` (Turkish: i -> İ, ı -> I)."""
    if lang == "tr":
        text = text.replace("i", "İ").replace("ı", "I")
    return text.upper()
