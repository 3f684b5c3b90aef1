"""Stretches of a text and fast questions about sets of them.

A :class:`SpanSet` answers "does ``start:end`` overlap one of these spans?" with a
binary search, so a rule or the linter can ask it for every finding of a long text
without scanning every span each time.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import NamedTuple


class Span(NamedTuple):
    """A stretch of the original text, ``text[start:end]``."""

    start: int
    end: int


class SpanSet:
    """Spans of one text, sorted, with overlap queries in O(log n).

    The spans themselves stay as given (sorted by start); overlapping or touching ones
    are merged only in the index used by :meth:`overlaps` and :meth:`gaps`.
    """

    __slots__ = ("_ends", "_merged", "_starts", "spans")

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self.spans: tuple[Span, ...] = tuple(sorted(spans))
        merged: list[Span] = []
        for span in self.spans:
            if merged and span.start <= merged[-1].end:
                if span.end > merged[-1].end:
                    merged[-1] = Span(merged[-1].start, span.end)
            else:
                merged.append(span)
        self._merged = tuple(merged)
        self._starts = [span.start for span in merged]
        self._ends = [span.end for span in merged]

    def __bool__(self) -> bool:
        return bool(self.spans)

    def __iter__(self) -> Iterator[Span]:
        return iter(self.spans)

    def __len__(self) -> int:
        return len(self.spans)

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``start:end`` shares at least one character with a span (an empty
        ``start:end`` overlaps a span that holds ``start`` inside it)."""
        if not self._merged:
            return False
        i = bisect_left(self._ends, start + 1)  # first merged span ending after start
        if i == len(self._merged):
            return False
        span = self._merged[i]
        return span.start < end or (start == end and span.start < start)

    def gaps(self, start: int, end: int) -> Iterator[Span]:
        """The stretches of ``start:end`` outside every span, in order."""
        pos = start
        i = bisect_left(self._ends, start + 1)
        while i < len(self._merged) and self._merged[i].start < end:
            span = self._merged[i]
            if span.start > pos:
                yield Span(pos, span.start)
            pos = max(pos, span.end)
            i += 1
        if pos < end:
            yield Span(pos, end)


_NONE = SpanSet()


def spans_of(spans: Iterable[Span]) -> SpanSet:
    """A SpanSet of ``spans`` (one shared empty set when there are none: most replies
    have no quoted line, placeholder or URL)."""
    found = tuple(spans)
    return SpanSet(found) if found else _NONE


def trimmed(text: str, start: int, end: int) -> Span | None:
    """``start:end`` without surrounding whitespace, or None when it is blank."""
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return None
    left = start + len(chunk) - len(chunk.lstrip())
    return Span(left, left + len(stripped))
