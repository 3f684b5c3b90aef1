"""Product and model names written in capitals: "ZENITH PRO 14", "NOVA X2", "AQUA PRO 300".

A run of words in capitals (one space apart) that holds a number or a product word
("PRO", "MAX", data of the language's shouting.yaml) names a product: it is neither
shouting nor an acronym to spell out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netiquette.text.document import Token


def _in_run(token: Token) -> bool:
    text = token.text
    has_digit = any(c.isdigit() for c in text)
    capitals = text.isupper() and sum(c.isalpha() for c in text) >= 1
    return has_digit or capitals


def in_product_name(tokens: Sequence[Token], index: int, product_words: frozenset[str]) -> bool:
    """Whether ``tokens[index]`` is a word of a product name in capitals."""
    if not _in_run(tokens[index]):
        return False
    start = end = index
    while (
        start > 0
        and tokens[start].start - tokens[start - 1].end == 1
        and _in_run(tokens[start - 1])
    ):
        start -= 1
    while (
        end + 1 < len(tokens)
        and tokens[end + 1].start - tokens[end].end == 1
        and _in_run(tokens[end + 1])
    ):
        end += 1
    if end == start:
        return False
    run = tokens[start : end + 1]
    return any(t.folded in product_words or any(c.isdigit() for c in t.text) for t in run)
