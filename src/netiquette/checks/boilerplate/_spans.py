"""Span helpers shared by the boilerplate rules, which report stretches of a reply."""

from __future__ import annotations

import re
from collections.abc import Iterator

from netiquette.document import Document, Span
from netiquette.textnorm import fold

_SPACE = r"\s+"
_WORD_START = r"(?<![\w'’])"
_WORD_END = r"(?![\w'’-]\w)(?!\w)"


def phrase_pattern(phrase: str, lang: str) -> str:
    """The regular expression (over folded text) for a phrase with alternatives.

    Words are separated by spaces (any run of whitespace in the text), ``word*``
    matches any suffix, ``'`` matches both apostrophes, and ``(a|b)`` gives
    alternatives, nested or not; an empty alternative makes a group optional:
    ``"(we|i) (sincerely |)apologi* for (any|the) inconvenience (caused|)"``.
    """
    body, pos = _sequence(fold(phrase, lang), 0)
    if pos != len(phrase):
        raise ValueError(f"unbalanced parentheses in phrase {phrase!r}")
    return _WORD_START + body + _WORD_END


def phrase_words(phrase: str) -> list[str]:
    """Every word a phrase with alternatives can contain."""
    return phrase.replace("(", " ").replace(")", " ").replace("|", " ").split()


def _literal(text: str) -> list[str]:
    pieces = []
    for part in re.split(r"(\s+)", text):
        if not part:
            continue
        if part.isspace():
            pieces.append(_SPACE)
        elif part.endswith("*") and len(part) > 1:
            pieces.append(re.escape(part[:-1]).replace("'", "['’]") + r"\w*")
        else:
            pieces.append(re.escape(part).replace("'", "['’]"))
    return pieces


def _sequence(text: str, pos: int) -> tuple[str, int]:
    """Parse until ``|``, ``)`` or the end; return the regex and the stop position."""
    pieces: list[str] = []
    literal_start = pos
    while pos < len(text) and text[pos] not in "|)":
        if text[pos] != "(":
            pos += 1
            continue
        pieces += _literal(text[literal_start:pos])
        options: list[str] = []
        pos += 1
        while True:
            option, pos = _sequence(text, pos)
            options.append(option)
            if pos >= len(text):
                raise ValueError(f"unclosed group in phrase {text!r}")
            pos += 1
            if text[pos - 1] == ")":
                break
        filled = [o for o in options if o]
        group = "(?:" + "|".join(filled) + ")"
        if len(filled) < len(options):
            # Optional: "inconvenience (caused|)" must also match "inconvenience."
            if pieces and pieces[-1] == _SPACE and not any(o.endswith(_SPACE) for o in filled):
                pieces[-1] = "(?:" + _SPACE + group + ")?"
            else:
                pieces.append(group + "?")
        else:
            pieces.append(group)
        literal_start = pos
    pieces += _literal(text[literal_start:pos])
    return "".join(pieces), pos


def _segments(doc: Document, start: int, end: int) -> Iterator[Span]:
    """Stretches of ``start:end`` between protected spans (quoted lines, URLs, code)."""
    pos = start
    for span in doc.protected:
        if span.end <= pos or span.start >= end:
            continue
        if span.start > pos:
            yield Span(pos, span.start)
        pos = max(pos, span.end)
    if pos < end:
        yield Span(pos, end)


def reportable_span(doc: Document, start: int, end: int) -> Span | None:
    """The longest stretch of ``start:end`` outside protected text, trimmed.

    The linter drops a finding that overlaps a URL, a quoted line or code, so a rule
    that reports a whole reply points at its longest unprotected stretch instead.
    """
    best: Span | None = None
    text = doc.text
    for segment in _segments(doc, start, end):
        chunk = text[segment.start : segment.end]
        stripped = chunk.strip()
        if not stripped:
            continue
        s = segment.start + len(chunk) - len(chunk.lstrip())
        candidate = Span(s, s + len(stripped))
        if best is None or candidate.end - candidate.start > best.end - best.start:
            best = candidate
    return best
