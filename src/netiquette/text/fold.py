"""Language-aware case folding that keeps every character at its offset.

Rules search the folded text and report spans in the original, so folding must map
each character to exactly one character: ``"İ".lower()`` is two characters in Python,
and plain ``lower()`` turns Turkish ``I`` into ``i`` instead of ``ı``.
"""

from __future__ import annotations

from functools import lru_cache

from netiquette.lang import turkic_codes

_TURKIC_CASE = {"I": "ı", "İ": "i"}


@lru_cache(maxsize=4096)
def _fold_char(char: str, lang: str) -> str:
    if char in _TURKIC_CASE and lang in turkic_codes():
        return _TURKIC_CASE[char]
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
    turkic = lang in turkic_codes()
    if text.isascii() and ("I" not in text or not turkic):
        return text.lower()
    # str.lower() is _fold_char for every character but three: "İ" (two characters
    # in Python), the apostrophes, and "Σ" (final sigma depends on the next letter).
    if "Σ" in text:
        return "".join([_fold_char(char, lang) for char in text])
    if turkic:
        text = text.replace("I", "ı")
    folded = text.replace("İ", "i").lower()
    for apostrophe in "\u2019\u2018\u02bc":
        if apostrophe in folded:
            folded = folded.replace(apostrophe, "'")
    return folded


def fold_acronym(text: str, lang: str) -> str:
    """``fold`` for abbreviations in Latin letters, where the Turkish dotted and dotless
    i are one letter: "IBAN", "İBAN" and "iban" all give "iban"."""
    return fold(text, lang).replace("ı", "i")


def upper(text: str, lang: str) -> str:
    """Upper-case ``text`` for ``lang`` (Turkic casing: i -> İ, ı -> I)."""
    if lang in turkic_codes():
        text = text.replace("i", "İ").replace("ı", "I")
    return text.upper()
