"""Span helpers shared by the boilerplate rules, which report stretches of a reply."""

from __future__ import annotations

from collections.abc import Iterator

from netiquette.text.document import Document, Span

# The phrase syntax is the phrase engine's; these names stay for older imports.

__all__ = ["reportable_span"]


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
