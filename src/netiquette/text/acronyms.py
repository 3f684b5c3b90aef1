"""Where an acronym in a reply explains itself: shared by the jargon rules.

- ``named_in_parentheses``: "(ABC)" right after the words it names is its definition,
  whatever the initials of those words ("the returns authorisation number (RMA)",
  "Rezervasyon kodunuz (PNR)", "London Heathrow (LHR)"): writers put an acronym in
  parentheses to introduce it.
- ``labels_code``: an acronym right before an identifier with digits ("SKU A-2291",
  "RMA-55812", "PNR: K7T2QX", "PO 4500123") is the name of a field printed on the
  customer's own documents, next to the value they hold; it tells them which number
  to look for, not a word they must understand.
- ``in_name``: an acronym after capitalised name words ("New York JFK", "Zorlu
  Center PSM") is part of a proper name, which the customer knows by that name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netiquette.text.document import Token

#: After an acronym: a hyphen, a colon or "#", or a space, then an identifier of
#: capitals and digits with a digit ("A-2291", "K7T2QX", "4500123").
_CODE_AFTER = re.compile(
    r"(?:-|[ \t]*[:#][ \t]*|[ \t]+)((?=[A-Z0-9-]*[0-9])[A-Z0-9][A-Z0-9/-]*)(?![\w])"
)
#: The fewest letters and digits an identifier has: "W32" (a week) or "Q3" (a
#: quarter) after "ETA" is a date, not a code the customer holds.
_MIN_CODE = 4
#: A range of numbers is an amount, not a code: "ETA 10-14 days".
_RANGE = re.compile(r"\d{1,3}-\d{1,3}")
#: Where a clause ends: a description of an acronym does not reach back past it.
_CLAUSE_END = re.compile(r"[.!?;:,\n(]")
#: How many words before "(ABC)" are read: all letters, at least two of them.
_DESCRIPTION_WORDS = 4


def named_in_parentheses(text: str, start: int, end: int) -> bool:
    """Whether the acronym at ``start:end`` is written "(ABC)" right after two or more
    words of letters: a description, not a number or a time ("within 24 hours (SLA)",
    "24 saat içinde (SLA)" are no definitions)."""
    if start == 0 or text[start - 1] != "(" or text[end : end + 1] != ")":
        return False
    head = text[max(0, start - 80) : start - 1]
    cut = max((m.end() for m in _CLAUSE_END.finditer(head)), default=0)
    words = head[cut:].split()[-_DESCRIPTION_WORDS:]
    return (
        len(words) >= 2
        and all(w.isalpha() for w in words[-2:])
        and not any(c.isdigit() for w in words for c in w)
    )


def labels_code(text: str, end: int) -> bool:
    """Whether the acronym ending at ``end`` is followed by an identifier with digits
    and at least four letters and digits, not a range ("ETA 10-14 days")."""
    m = _CODE_AFTER.match(text, end)
    if m is None:
        return False
    code = m.group(1)
    return sum(c.isalnum() for c in code) >= _MIN_CODE and not _RANGE.fullmatch(code)


def _name_word(token: Token) -> bool:
    word = token.text
    return len(word) >= 2 and word.isalpha() and word[0].isupper() and word[1:].islower()


def in_name(tokens: Sequence[Token], index: int, stop_words: frozenset[str]) -> bool:
    """Whether ``tokens[index]`` follows two capitalised name words in its sentence
    ("New York JFK", "at Zorlu Center PSM"), one space apart, none of them a stop word
    ("Your") or the first word of the sentence.

    One name word is not enough: in "Müdürümüz Ayşe BTK'ya yazacak" a person is
    followed by an agency, and nothing in the words tells that from "Zorlu PSM'de".
    """
    names = 0
    k = index
    while k > 0:
        before = tokens[k - 1]
        if (
            before.sentence != tokens[index].sentence
            or tokens[k].start - before.end != 1
            or not _name_word(before)
            or before.folded in stop_words
        ):
            break
        names += 1
        k -= 1
    if names and (k == 0 or tokens[k - 1].sentence != tokens[index].sentence):
        names -= 1  # the first word of the sentence is capitalised anyway
    return names >= 2
