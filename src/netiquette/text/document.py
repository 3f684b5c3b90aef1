"""The document every rule reads: the original text plus views computed once.

Every view of the text that a rule, the readability formulas or the report's metrics
need is a lazily computed, typed property here: folded text, tokens, words, sentences,
placeholders, protected spans, prose, greeting, body and sign-off. A rule never
re-tokenises, re-folds or re-splits: it takes offsets from here, so spans always
index the original text, and every rule sees the same sentences.

Results that several rules share but that need an engine to compute (profanity hits,
readability figures, LanguageTool's matches) are kept with :meth:`Document.shared`
under a typed :class:`SharedKey`. A Document belongs to one check.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Generic, NamedTuple, TypeVar

from netiquette.text import letter, markup, nlp, placeholders, sentences
from netiquette.text.fold import fold
from netiquette.text.placeholders import Placeholder
from netiquette.text.sentences import Sentence
from netiquette.text.spans import Span, SpanSet, spans_of, trimmed
from netiquette.text.suppressions import Suppressions
from netiquette.text.suppressions import parse as parse_suppressions

__all__ = ["Document", "Sentence", "SharedKey", "Span", "Token"]

T = TypeVar("T")


class Token(NamedTuple):
    """One token with its offsets into the original text."""

    text: str
    start: int
    end: int
    folded: str
    #: Index of its sentence in ``Document.sentences`` (the one before it when the
    #: token lies between sentences).
    sentence: int
    is_alpha: bool
    is_punct: bool
    like_num: bool
    like_url: bool
    like_email: bool
    space_after: bool


class SharedKey(Generic[T]):
    """Names one result that several rules share for a document (``Document.shared``)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"SharedKey({self.name!r})"


_QUOTED_LINE = re.compile(r"(?m)^[ \t]*(?:>|&gt;).*$")
_BLOCKQUOTE = re.compile(r"(?i)<blockquote\b")
_BLOCKQUOTE_END = re.compile(r"(?i)</blockquote\s*>")
_INLINE_CODE = re.compile(r"`[^`\n]+`")
# A URL stops at braces and brackets so that a placeholder inside it
# (https://example.com/track/{{id}}) is still reported.
_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"'{}\[\]]*[^\s<>\"'{}\[\].,;:!?)]")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: A short quotation on one line: the name of a button, a field, a label on a product
#: ("Save", “Restore Purchases”, «Kaydet», „Weiter“, 'Forgot password?'). A straight
#: apostrophe opens only before a word and closes only after one, so "don't" and
#: "PIN'inizi" are not quotation marks.
_QUOTATION = re.compile(
    r'"([^"\n]{1,60})"|“([^“”\n]{1,60})”|«([^«»\n]{1,60})»|„([^„“”\n]{1,60})[“”]'
    r"|‘([^‘’\n]{1,60})’|(?<![\w'’])'(\w[^'\n]{0,59})'(?!\w)"
)
#: The most words a quotation may have to be a label rather than a quoted sentence.
_LABEL_WORDS = 6
#: One step of a menu path: a capitalised word and the capitalised words after it
#: ("Settings", "Yazılım Güncelleme", "Kontrol Et").
_CAPITAL = r"[^\W\d_a-z\u00df-\u00ff\u011f\u0131\u015f]"
_MENU_STEP = rf"{_CAPITAL}[\w'’-]*(?:[ \t]+{_CAPITAL}[\w'’-]*){{0,4}}"
#: Two or more steps joined by ">", "›", "→" or "»" (or "&gt;" in HTML): "Settings >
#: Privacy > Delete account", "Gelişmiş > Sistem > Yazılım Güncelleme".
_MENU_PATH = re.compile(rf"(?<![\w>]){_MENU_STEP}(?:[ \t]*(?:>|›|→|»|&gt;)[ \t]*{_MENU_STEP})+")
#: What may stand between the start of a sentence or line and its first word.
_OPENING_MARKS = " \t\r\n\"'“‘(-–—*•"
#: Handles a social reply opens with ("@ash_p @store_help Thanks ..."): the sentence
#: starts after them.
_LEADING_HANDLES = re.compile(r"(?:@[\w.]+[ \t]*)+")


@dataclass
class Document:
    """A reply ready for the rules: the text and every view of it, computed once."""

    text: str
    lang: str
    #: The customer's message this reply answers, when the caller gives it.
    customer: Document | None = None
    folded: str = field(init=False)
    _shared: dict[SharedKey[Any], Any] = field(init=False, default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.folded = fold(self.text, self.lang)

    def shared(self, key: SharedKey[T], compute: Callable[[Document], T]) -> T:
        """The result named ``key`` for this document: ``compute(self)`` on first use."""
        if key in self._shared:
            found: T = self._shared[key]
            return found
        value = self._shared[key] = compute(self)
        return value

    # -- tokens -----------------------------------------------------------------------

    @cached_property
    def _parsed(self) -> nlp.Parsed:
        """The tokenizer's and sentencizer's reading of the text, as columns."""
        return nlp.parse(self.text, self.lang)

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """Tokens without whitespace tokens, each with its sentence number.

        Built from the tokenizer's records (``nlp.parse``): creating a spaCy Token
        object per token costs more than the whole tokenisation.
        """
        parsed = self._parsed
        text = self.text
        folded = self.folded
        size = len(text)
        # Long runs were cut for the tokenizer (nlp.tokenizable): read tokens from the text.
        sliced = parsed.cut
        starts = self._sentence_starts
        count = len(starts)
        following = 0  # the sentences that start at or before the token
        # tuple.__new__ skips NamedTuple's Python-level __new__: a third of the cost.
        make = tuple.__new__
        tokens = []
        for base, (at, length, word, space, alpha, punct, num, url, email, _) in zip(
            parsed.bases, parsed.records, strict=True
        ):
            if space:
                continue
            start = base + at
            end = start + length
            while following < count and starts[following] <= start:
                following += 1
            tokens.append(
                make(
                    Token,
                    (
                        text[start:end] if sliced else word,
                        start,
                        end,
                        folded[start:end],
                        following - 1 if following else 0,
                        alpha,
                        punct,
                        num,
                        url,
                        email,
                        end < size and text[end].isspace(),
                    ),
                )
            )
        return tuple(tokens)

    @cached_property
    def words(self) -> tuple[Token, ...]:
        """Word tokens of the prose: letters (possibly with digits or apostrophes),
        outside quoted lines, code, URLs, e-mail addresses and placeholders, and not
        @handles or #hashtags (names and tags, not words of the reply)."""
        prose = self.prose_text
        text = self.text
        blanked = prose is not text
        return tuple(
            t
            for t in self.tokens
            if not (t.is_punct or t.like_url or t.like_email)
            and (t.is_alpha or any(c.isalpha() for c in t.text))
            and not (blanked and prose[t.start : t.end] != t.text)
            and t.text[0] not in "@#"
            and not (t.start and text[t.start - 1] == "#" and _tag_mark(text, t.start - 1))
        )

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    @cached_property
    def _word_starts(self) -> list[int]:
        return [t.start for t in self.words]

    def tokens_in(self, start: int, end: int) -> tuple[Token, ...]:
        """The tokens that start in ``start:end`` (found by bisection)."""
        starts = self._token_starts
        return self.tokens[bisect_left(starts, start) : bisect_left(starts, end)]

    def words_in(self, start: int, end: int) -> tuple[Token, ...]:
        """The ``words`` that start in ``start:end`` (found by bisection)."""
        starts = self._word_starts
        return self.words[bisect_left(starts, start) : bisect_left(starts, end)]

    # -- sentences --------------------------------------------------------------------

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """The sentences of the prose, split at punctuation and at line breaks
        (:mod:`netiquette.text.sentences`), each with its number of words."""
        rough = self._parsed.sentence_spans()
        return sentences.split(self.prose_text, rough)

    @cached_property
    def statements(self) -> tuple[Span, ...]:
        """The statements of the reply: each sentence that ends with a sentence mark,
        together with the lines without one (a greeting, list items, a signature) that
        run into it. Rules that judge a reply by its length in sentences count these;
        every statement is made of whole ``sentences``."""
        return sentences.statements(self.sentences)

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence that holds ``offset`` (the one before it when the
        offset lies between sentences; 0 before the first)."""
        return max(bisect_right(self._sentence_starts, offset) - 1, 0)

    def sentence_at(self, offset: int) -> Span:
        """The sentence that holds ``offset``, as a span (the whole text when the
        document has no sentence)."""
        if not self.sentences:
            return Span(0, len(self.text))
        sentence = self.sentences[self.sentence_index(offset)]
        return Span(sentence.start, sentence.end)

    def sentence_begins_at(self, offset: int) -> bool:
        """True when a sentence starts exactly at ``offset``."""
        return bool(self.sentences) and self.sentence_at(offset).start == offset

    def starts_sentence(self, offset: int) -> bool:
        """True when only opening marks, spaces or the @handles a social reply opens
        with stand between the start of the sentence (or of the line) and ``offset``."""
        sentence_start = self.sentence_at(offset).start
        line_start = self.text.rfind("\n", 0, offset) + 1
        begin = max(sentence_start, line_start) if sentence_start <= offset else line_start
        before = self.prose_folded[begin:offset].strip(_OPENING_MARKS)
        return not before or _LEADING_HANDLES.fullmatch(before) is not None

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    # -- letter parts -----------------------------------------------------------------

    @cached_property
    def greeting(self) -> Span | None:
        """The greeting that opens the reply ("Hi Maria,"), or None."""
        return letter.greeting(self.prose_text, self.prose_folded, self.lang)

    @cached_property
    def sign_off(self) -> Span | None:
        """The sign-off line ("Kind regards,") and the signature after it, or None."""
        return letter.sign_off(self.prose_folded, self.lang, self.sentences, self.body_start)

    @cached_property
    def initials(self) -> Span | None:
        """The agent's initials that end a short reply ("^MS", "*SR", "-JD"), or None."""
        return letter.trailing_initials(self.text)

    @cached_property
    def signed_name(self) -> tuple[str, ...]:
        """The words of the name the text is signed with (("John", "Smith")), or ()."""
        return letter.signed_name(self.prose_text, self.sign_off, self.body_start, self.lang)

    @cached_property
    def body(self) -> Span:
        """The reply between its greeting and its sign-off (or trailing signature)."""
        return letter.body(self.prose_text, self.body_start, self.sign_off)

    @property
    def body_start(self) -> int:
        """Where the reply starts after its greeting."""
        greeting = self.greeting
        if greeting is not None:
            return greeting.end
        return len(self.prose_text) - len(self.prose_text.lstrip())

    # -- placeholders and protected text ----------------------------------------------

    @cached_property
    def placeholders(self) -> tuple[Placeholder, ...]:
        """Unfilled template placeholders (``{{first_name}}``, ``[NAME]``, ...)."""
        return tuple(placeholders.find(self.text, self.lang))

    @cached_property
    def _placeholder_spans(self) -> SpanSet:
        return spans_of(Span(p.start, p.end) for p in self.placeholders)

    def in_placeholder(self, start: int, end: int) -> bool:
        """True when ``start:end`` overlaps a placeholder."""
        return bool(self.placeholders) and self._placeholder_spans.overlaps(start, end)

    @cached_property
    def quoted(self) -> tuple[Span, ...]:
        """Quoted lines (``> ...``): usually the customer's own message."""
        text = self.text
        if ">" not in text:
            return ()
        spans = [Span(m.start(), m.end()) for m in _QUOTED_LINE.finditer(text)]
        if "<" in text:
            spans += _blockquotes(text)
        return tuple(sorted(spans))

    @cached_property
    def protected(self) -> tuple[Span, ...]:
        """Spans no rule should flag: quoted lines (``> ...``), code, HTML tags and
        comments, URLs and e-mail addresses.

        A quoted line is usually the customer's own message, which the agent cannot
        change; code, a URL or an address is not prose.
        """
        text = self.text
        spans = list(self.quoted)
        if "`" in text or "<!--" in text:
            spans += _code_spans(text)
        if "<" in text and markup.looks_like_html(text):
            spans += [Span(m.start(), m.end()) for m in markup.TAG.finditer(text)]
        if "://" in text or "www." in text:
            spans += [Span(m.start(), m.end()) for m in _URL.finditer(text)]
        if "@" in text:
            spans += [Span(m.start(), m.end()) for m in _EMAIL.finditer(text)]
        return tuple(sorted(spans))

    @cached_property
    def labels(self) -> tuple[Span, ...]:
        """Names of things the customer sees, quoted in an instruction: short
        quotations (the words inside 'Tap "Save"', '"Kontrol Et" deyin', up to six
        words on one line) and menu paths ("Settings > Privacy > Delete account").

        The words of a label are the product's or the screen's, not the agent's own
        voice: a button called "Check Now" or "Kontrol Et" is not the agent shouting or
        talking down to the customer. Rules about the agent's voice (shouting, informal
        address) skip them; rules about content (profanity) do not.
        """
        text = self.text
        found: list[Span] = []
        if any(mark in text for mark in "\"“«„‘'"):
            for m in _QUOTATION.finditer(text):
                group = next(g for g in range(1, 7) if m.group(g) is not None)
                inner = m.group(group)
                if inner.strip() and len(inner.split()) <= _LABEL_WORDS:
                    found.append(Span(m.start(group), m.end(group)))
        if any(mark in text for mark in (">", "›", "→", "»", "&gt;")):
            found += [
                Span(m.start(), m.end())
                for m in _MENU_PATH.finditer(text)
                if not self.in_quoted(m.start(), m.end())
            ]
        return tuple(sorted(found))

    @cached_property
    def _label_spans(self) -> SpanSet:
        return spans_of(self.labels)

    def in_label(self, start: int, end: int) -> bool:
        """True when ``start:end`` overlaps a label (``labels``)."""
        return bool(self.labels) and self._label_spans.overlaps(start, end)

    @cached_property
    def _protected_spans(self) -> SpanSet:
        return spans_of(self.protected)

    def is_protected(self, start: int, end: int) -> bool:
        """True when ``start:end`` overlaps a protected span."""
        return bool(self.protected) and self._protected_spans.overlaps(start, end)

    @cached_property
    def _quoted_spans(self) -> SpanSet:
        return spans_of(self.quoted)

    def in_quoted(self, start: int, end: int) -> bool:
        """True when ``start:end`` overlaps a quoted line."""
        return bool(self.quoted) and self._quoted_spans.overlaps(start, end)

    def reportable(self, start: int, end: int) -> Span | None:
        """The longest stretch of ``start:end`` outside protected text, trimmed of
        whitespace, or None when nothing is left.

        The linter drops a finding that overlaps a URL, a quoted line or code, so a
        rule that reports a sentence or a whole reply points at its longest
        unprotected stretch instead.
        """
        best: Span | None = None
        for gap in self._protected_spans.gaps(start, end):
            candidate = trimmed(self.text, gap.start, gap.end)
            if candidate is not None and (
                best is None or candidate.end - candidate.start > best.end - best.start
            ):
                best = candidate
        return best

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
        prose = self.prose_text
        return self.folded if prose is self.text else fold(prose, self.lang)

    @cached_property
    def suppressions(self) -> Suppressions | None:
        """The inline suppressions the text holds (``netiquette: ignore`` ...), or None."""
        return parse_suppressions(self.text)

    # -- positions --------------------------------------------------------------------

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        text = self.text
        at = text.find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = text.find("\n", at + 1)
        return starts

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1


def _blockquotes(text: str) -> list[Span]:
    """HTML ``<blockquote>`` elements (the quoted customer message of an HTML e-mail),
    found in one pass: each runs to its closing tag (or the end of the text)."""
    found: list[Span] = []
    at = 0
    while (start := _BLOCKQUOTE.search(text, at)) is not None:
        end = _BLOCKQUOTE_END.search(text, start.end())
        stop = end.end() if end is not None else len(text)
        found.append(Span(start.start(), stop))
        if end is None:
            break
        at = stop
    return found


def _code_spans(text: str) -> list[Span]:
    """Fenced code blocks, inline code and HTML comments (suppressions live there), as
    one regular expression would find them leftmost first, without overlaps."""
    found = sorted(
        [
            *markup.fenced_code(text),
            *markup.html_comments(text),
            *(m.span() for m in _INLINE_CODE.finditer(text)),
        ]
    )
    spans: list[Span] = []
    for start, end in found:
        if not spans or start >= spans[-1].end:
            spans.append(Span(start, end))
    return spans


def _tag_mark(text: str, at: int) -> bool:
    """True when the "#" at ``at`` opens a hashtag (it starts a word: "#SORRY", not
    "C#")."""
    return at == 0 or not text[at - 1].isalnum()
