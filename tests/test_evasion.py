"""Profanity hidden in Unicode and spelling tricks is caught, with the span covering
exactly what the writer typed; look-alike text that is clean stays clean."""

from __future__ import annotations

import pytest

import netiquette
from evasion_cases import CLEAN, DISGUISES
from netiquette.engines.profanity.reveal import reveal

# Insults of intelligence ("salak") are matched by the same engine and reported as
# name-calling (NQ116), so their disguises count as caught there.
LINTERS = {
    lang: netiquette.Linter(lang, select=["NQ201", "NQ202", "NQ116"]) for lang in ("en", "tr")
}
FRAME = {"en": "Hi, you are a {} and that's it.", "tr": "Merhaba, sen bir {} ve bu kadar."}


@pytest.mark.parametrize(("lang", "word"), DISGUISES, ids=[repr(w) for _, w in DISGUISES])
def test_a_disguised_word_is_caught_with_its_whole_span(lang: str, word: str) -> None:
    text = FRAME[lang].format(word)
    start = text.index(word)
    spans = [(s.start, s.end, s.rule_id) for s in LINTERS[lang].check(text).suggestions]
    end = start + len(word)
    # Profanity is reported on the word exactly; name-calling may cover the phrase
    # around an insult ("sen bir s@lak").
    assert any(
        (s, e) == (start, end) or (rule == "NQ116" and s <= start and end <= e)
        for s, e, rule in spans
    ), spans


@pytest.mark.parametrize(("lang", "text"), CLEAN, ids=[t[:30] for _, t in CLEAN])
def test_clean_lookalike_text_stays_clean(lang: str, text: str) -> None:
    assert not LINTERS[lang].check(text).suggestions


def test_reveal_leaves_ordinary_text_alone() -> None:
    for text in ("Thanks for your patience.", "Send a/b and c+d."):
        assert reveal(text, text.lower(), "en") is None
    turkish = "Teşekkürler, iadeniz yapıldı."
    assert reveal(turkish, netiquette.text.fold.fold(turkish, "tr"), "tr") is None


def test_reveal_maps_every_character_back() -> None:
    text = "Hi f\u200bu\u200bck and ｆｕｃｋ"
    revealed = reveal(text, text.lower(), "en")
    assert revealed is not None
    assert revealed.folded == "hi fuck and fuck"
    assert revealed.span(3, 7) == (3, 9) and text[3:9] == "f\u200bu\u200bck"
    assert revealed.span(12, 16) == (14, 18) and text[14:18] == "ｆｕｃｋ"


def test_other_scripts_are_read_as_latin_only_in_mixed_words() -> None:
    text = "Спасибо ѕhit"
    revealed = reveal(text, text.lower(), "en")
    assert revealed is not None and revealed.folded == "спасибо shit"


def test_turkish_letters_are_never_look_alikes_in_turkish() -> None:
    text = "Sıkıntı için özür dileriz"
    assert reveal(text, netiquette.text.fold.fold(text, "tr"), "tr") is None
