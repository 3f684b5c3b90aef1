"""Case folding keeps every offset and follows Turkish case rules."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from netiquette.text.fold import fold, upper


def test_turkish_dotted_and_dotless_i() -> None:
    assert fold("KIRMIZI", "tr") == "kırmızı"
    assert fold("İSTANBUL", "tr") == "istanbul"
    assert fold("KIRMIZI", "en") == "kirmizi"
    assert upper("istanbul ılık", "tr") == "İSTANBUL ILIK"


@given(st.text(), st.sampled_from(["en", "tr"]))
def test_fold_keeps_length(text: str, lang: str) -> None:
    assert len(fold(text, lang)) == len(text)
