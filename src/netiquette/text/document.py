"""The document every rule reads: the original text plus views computed once.

A rule never re-tokenises or re-folds: it takes offsets from here, so spans always
index the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from typing import TYPE_CHECKING, Any, NamedTuple

from netiquette.text import markup, nlp, placeholders
from netiquette.text.fold import fold
from netiquette.text.placeholders import Placeholder

if TYPE_CHECKING:
    from spacy.tokens import Doc


class Token(NamedTuple):
    """One token with its offsets into the original text."""

    text: str
    start: int
    end: int
    folded: str
    sentence: int
    is_alpha: bool
    is_punct: bool
    like_num: bool
    like_url: bool
    like_email: bool
    space_after: bool


class Span(NamedTuple):
    """A stretch of the original text, ``text[start:end]``."""

    start: int
    end: int


_QUOTED_LINE = re.compile(r"(?m)^[ \t]*>.*$")
_CODE = re.compile(
    r"""(?xs)
    (?m:^[ \t]*```.*?^[ \t]*```[ \t]*$)   # fenced code blocks
    | `[^`\n]+`                           # inline code
    | <!--.*?-->                          # HTML comments (suppressions live here)
    """
)
# A URL stops at braces and brackets so that a placeholder inside it
# (https://example.com/track/{{id}}) is still reported.
_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"'{}\[\]]*[^\s<>\"'{}\[\].,;:!?)]")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass
class Document:
    """A reply ready for the rules: text, folded text, tokens and sentences."""

    text: str
    lang: str
    folded: str = field(init=False)
    #: Results that several rules share (profanity hits, readability figures, ...),
    #: keyed by the engine that computed them. A Document belongs to one check.
    cache: dict[str, Any] = field(init=False, default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.folded = fold(self.text, self.lang)

    @cached_property
    def spacy_doc(self) -> Doc:
        """The spaCy Doc, for rules that use spaCy's Matcher."""
        return nlp.parse(self.text, self.lang)

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """Tokens without whitespace tokens, each with its sentence number.

        Built from one ``Doc.to_array`` call: creating a spaCy Token object per token
        costs more than the whole tokenisation.
        """
        from spacy.attrs import (
            IDX,
            IS_ALPHA,
            IS_PUNCT,
            IS_SPACE,
            LENGTH,
            LIKE_EMAIL,
            LIKE_NUM,
            LIKE_URL,
            SENT_START,
        )

        doc = self.spacy_doc
        if not len(doc):
            return ()
        columns = doc.to_array(
            [IDX, LENGTH, SENT_START, IS_SPACE, IS_ALPHA, IS_PUNCT, LIKE_NUM, LIKE_URL, LIKE_EMAIL]
        ).T.tolist()
        starts, lengths, sent_starts, spaces = columns[:4]
        flags = [list(map(bool, column)) for column in columns[4:]]
        text = self.text
        folded = self.folded
        size = len(text)
        ends = [s + n for s, n in zip(starts, lengths, strict=True)]
        sentences = list(accumulate(1 if flag == 1 else 0 for flag in sent_starts))
        first = sentences[0]  # the first token starts sentence 0 whatever its flag says
        # tuple.__new__ skips NamedTuple's Python-level __new__: a third of the cost.
        make = tuple.__new__
        tokens = [
            make(
                Token,
                (
                    text[start:end],
                    start,
                    end,
                    folded[start:end],
                    sentence - first,
                    alpha,
                    punct,
                    num,
                    url,
                    email,
                    end < size and text[end].isspace(),
                ),
            )
            for start, end, sentence, space, alpha, punct, num, url, email in zip(
                starts, ends, sentences, spaces, *flags, strict=True
            )
            if not space
        ]
        return tuple(tokens)

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """Sentence spans, trimmed of surrounding whitespace."""
        spans = []
        for sent in self.spacy_doc.sents:
            start = sent.start_char
            end = sent.end_char
            chunk = self.text[start:end]
            stripped = chunk.strip()
            if not stripped:
                continue
            start += len(chunk) - len(chunk.lstrip())
            spans.append(Span(start, start + len(stripped)))
        return tuple(spans)

    @cached_property
    def words(self) -> tuple[Token, ...]:
        """Word tokens of the prose: letters (possibly with digits or apostrophes),
        outside quoted lines, code, URLs, e-mail addresses and placeholders."""
        prose = self.prose_text
        blanked = prose is not self.text
        return tuple(
            t
            for t in self.tokens
            if not (t.is_punct or t.like_url or t.like_email)
            and (t.is_alpha or any(c.isalpha() for c in t.text))
            and not (blanked and prose[t.start : t.end] != t.text)
        )

    @cached_property
    def protected(self) -> tuple[Span, ...]:
        """Spans no rule should flag: quoted lines (``> ...``), code, HTML tags and
        comments, URLs and e-mail addresses.

        A quoted line is usually the customer's own message, which the agent cannot
        change; code, a URL or an address is not prose.
        """
        spans = [Span(m.start(), m.end()) for m in _QUOTED_LINE.finditer(self.text)]
        if "`" in self.text or "<!--" in self.text:
            spans += [Span(m.start(), m.end()) for m in _CODE.finditer(self.text)]
        if "<" in self.text and markup.looks_like_html(self.text):
            spans += [Span(m.start(), m.end()) for m in markup.TAG.finditer(self.text)]
        if "://" in self.text or "www." in self.text:
            spans += [Span(m.start(), m.end()) for m in _URL.finditer(self.text)]
        if "@" in self.text:
            spans += [Span(m.start(), m.end()) for m in _EMAIL.finditer(self.text)]
        return tuple(sorted(spans))

    def is_protected(self, start: int, end: int) -> bool:
        """True when ``start:end`` overlaps a protected span."""
        return any(s.start < end and start < s.end for s in self.protected)

    @cached_property
    def placeholders(self) -> tuple[Placeholder, ...]:
        """Unfilled template placeholders (``{{first_name}}``, ``[NAME]``, ...)."""
        return tuple(placeholders.find(self.text, self.lang))

    def in_placeholder(self, start: int, end: int) -> bool:
        """True when ``start:end`` overlaps a placeholder."""
        return any(p.start < end and start < p.end for p in self.placeholders)

    @cached_property
    def prose_text(self) -> str:
        """The text with protected spans and placeholders blanked out (same length)."""
        blanked = [Span(p.start, p.end) for p in self.placeholders] + list(self.protected)
        if not blanked:
            return self.text
        chars = list(self.text)
        for span in blanked:
            for i in range(span.start, span.end):
                if chars[i] not in "\r\n":
                    chars[i] = " "
        return "".join(chars)

    @cached_property
    def prose_folded(self) -> str:
        """``folded`` with protected spans blanked out (same length)."""
        return fold(self.prose_text, self.lang)

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        line = self.text.count("\n", 0, offset) + 1
        line_start = self.text.rfind("\n", 0, offset) + 1
        return line, offset - line_start + 1
