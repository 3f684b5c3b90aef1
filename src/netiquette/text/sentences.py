"""The one sentence splitter: punctuation (spaCy's sentencizer), then line breaks.

spaCy's sentencizer only splits at ``.``, ``!`` and ``?``, so a greeting, a bullet list
or a signature would run into the next sentence. The pieces it gives are split again at
line breaks: always at a blank line or before a list item, and at a single line break
unless the next line carries on in lower case (a hard-wrapped e-mail). A list marker
("- ", "1. ", "a) ") is not part of its sentence, and a piece without a word (a rule of
``----``, an emoji alone, a quoted line blanked out) is not a sentence.

Every rule, the readability formulas and the report's metrics use these sentences
(``Document.sentences``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from netiquette.text.spans import Span

#: A word for counting: letters or digits, with inner apostrophes, hyphens, dots...
WORD = re.compile(r"\w(?:[\w'’.:/\-]*\w)?")
#: A list item's marker at the start of a line: "- ", "* ", "• ", "1. ", "2) ", "a) ".
LIST_MARKER = re.compile(r"[ \t]*(?:[-*•·–—+]|\(?\d{1,3}[.)]|\(?[A-Za-z][.)])[ \t]+")
_LINE_START = re.compile(r"[ \t]*([^ \t])")


#: Sentence marks (those of spaCy's sentencizer that netiquette's languages use).
SENTENCE_MARKS = frozenset(".!?…‼⁇⁈⁉‽？！。")
_CLOSERS = "\"'”’)]»*_ \t"


class Sentence(NamedTuple):
    """One sentence: ``text[start:end]``, trimmed, holding ``words`` words; ``closed``
    when it ends with a sentence mark (a closing quote or bracket may follow)."""

    start: int
    end: int
    words: int
    closed: bool = True


def statements(sentences: Iterable[Sentence]) -> tuple[Span, ...]:
    """The statements the sentences make: each closed sentence ends one, and a run of
    sentences without a sentence mark (a greeting line, list items, a signature) goes
    with the closed sentence that ends it, or makes the last statement."""
    out: list[Span] = []
    run_start: int | None = None
    last_end = 0
    for sentence in sentences:
        if run_start is None:
            run_start = sentence.start
        last_end = sentence.end
        if sentence.closed:
            out.append(Span(run_start, sentence.end))
            run_start = None
    if run_start is not None:
        out.append(Span(run_start, last_end))
    return tuple(out)


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``start:end`` cut at the line breaks that end a sentence."""
    piece_start = start
    line_start = start
    while True:
        newline = text.find("\n", line_start, end)
        if newline < 0:
            yield piece_start, end
            return
        next_start = newline + 1
        first = _LINE_START.match(text, next_start, end)
        if (
            first is None
            or first.group(1) == "\n"
            or not first.group(1).islower()
            or LIST_MARKER.match(text, next_start, end) is not None
        ):
            yield piece_start, newline
            piece_start = next_start
        line_start = next_start


def split(prose: str, rough: Iterable[tuple[int, int]]) -> tuple[Sentence, ...]:
    """The sentences of ``prose`` (the text with protected stretches blanked), given
    the ``rough`` sentence spans of the punctuation splitter, in text order."""
    out: list[Sentence] = []
    for rough_start, rough_end in rough:
        for start, end in _pieces(prose, rough_start, rough_end):
            marker = LIST_MARKER.match(prose, start, end)
            if marker is not None:
                start = marker.end()
            chunk = prose[start:end]
            stripped = chunk.strip()
            if not stripped:
                continue
            start += len(chunk) - len(chunk.lstrip())
            end = start + len(stripped)
            words = len(WORD.findall(prose, start, end))
            if words:
                last = end - 1
                while last > start and prose[last] in _CLOSERS:
                    last -= 1
                out.append(Sentence(start, end, words, prose[last] in SENTENCE_MARKS))
    return tuple(out)
