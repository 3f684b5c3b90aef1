"""fold() takes str.lower()'s fast path; it must equal folding character by character."""

from __future__ import annotations

import pytest

from netiquette.text.fold import _fold_char, fold


def _by_character(text: str, lang: str) -> str:
    return "".join([_fold_char(char, lang) for char in text])


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_every_character_folds_as_it_does_alone(lang: str) -> None:
    chars = [chr(cp) for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF]
    changed = [c for c in chars if c.lower() != c or c in "IİΣ’‘ʼ"]
    for char in changed:
        for text in (char, f"a{char}", f"{char} b", f"AΣ{char}Σ", f"İ{char}’"):
            assert fold(text, lang) == _by_character(text, lang), (hex(ord(char)), lang)
    every = "".join(chars)
    assert fold(every, lang) == _by_character(every, lang)


def test_turkish_casing_and_apostrophes() -> None:
    assert fold("IŞIK İzmir’de", "tr") == "ışık izmir'de"
    assert fold("IŞIK İzmir’de", "en") == "işik izmir'de"
    assert fold("ΟΔΥΣΣΕΥΣ", "en") == "οδυσσευσ"  # no final sigma: one character each
    assert len(fold("İİ", "en")) == 2
