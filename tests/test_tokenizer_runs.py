"""The tokens of ``nlp.parse`` (runs read from a cache) are those of spaCy's pipeline
on the whole text (``nlp.parse_whole``): offsets, flags and sentence starts."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import EXAMPLES
from netiquette.text import nlp

PIECES = [
    *"aAbBiIİıxyz019 .,;:!?'\"()[]{}<>-_/\\@#$%^&*=+~`\n\t\u00a0\u2019…😀",
    *("e.g.", "a.m.", ":)", ":-)", "(:", "<3", "'s", "n't", "Dr.", "Prof.", "vs."),
    *("don't", "http://x.co/a", "a@b.com", "...", "--", "  ", "\n\n", "U.S.", "'cause"),
    *("o.O", ":'(", "=)", "^_^", "Alb.", "Bağ-kur", "Dz.K.K.lığı", "(:=)", "O.O"),
]


def _reading(parsed: nlp.Parsed) -> tuple[list[tuple[object, ...]], list[int], bool]:
    tokens: list[tuple[object, ...]] = [
        (base + r.at, *r[1:]) for base, r in zip(parsed.bases, parsed.records, strict=True)
    ]
    return tokens, parsed.firsts, parsed.cut


def _same(text: str, lang: str) -> None:
    assert _reading(nlp.parse(text, lang)) == _reading(nlp.parse_whole(text, lang)), text


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_runs_read_alone_give_the_tokens_of_the_whole_text(lang: str) -> None:
    rng = random.Random(13)
    for _ in range(3000):
        _same("".join(rng.choice(PIECES) for _ in range(rng.randint(1, 30))), lang)
    for path in sorted(EXAMPLES.glob("replies/*.txt")):
        _same(path.read_text(encoding="utf-8"), lang)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "  lead",
        "a  b",
        "a \n b",
        "= (:=)",  # a special case across runs ("=(") hides one inside a run
        "x( :",
        ". O.o",
        "Hi :) there",
        "a\u00a0b \u00a0 c",
        "!" * 300 + " ok",
    ],
)
def test_edge_texts(text: str) -> None:
    _same(text, "en")
    _same(text, "tr")


@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_any_text_of_special_pieces(text: str) -> None:
    _same(text, "en")
