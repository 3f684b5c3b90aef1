"""HTML in replies and templates: which stretches are tags, and the text without them.

Only real HTML tag names count, so placeholders such as ``<NAME>`` or
``<order number>`` are never taken for tags.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

_HTML_TAGS = (
    "a|abbr|b|blockquote|body|br|code|div|em|font|h[1-6]|head|hr|html|i|img|li|ol|p|pre|"
    "s|small|span|strike|strong|sub|sup|table|tbody|td|th|thead|tr|u|ul|meta|title"
)
# A tag never holds "<" (not even in a quoted value): so a run of "<b " without a ">"
# is read once, not once from every "<". The quantifier is possessive: nothing to undo.
TAG = re.compile(rf"(?i)</?(?:{_HTML_TAGS})\b(?:[^<>\"']|\"[^<\"]*\"|'[^<']*')*+/?>")
_HAS_TAG = re.compile(rf"(?i)</?(?:{_HTML_TAGS})\b[^<>]*+>")
_DROPPED_OPEN = re.compile(r"(?i)<!--|<(script|style)\b[^<>]*+>")
_DROPPED_CLOSE = {
    "script": re.compile(r"(?i)</script\s*+>"),
    "style": re.compile(r"(?i)</style\s*+>"),
}
_FENCE_OPEN = re.compile(r"(?m)^[ \t]*```")
_FENCE_CLOSE = re.compile(r"(?m)^[ \t]*```[ \t]*$")


def dropped_elements(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each HTML comment, script and style element, in text order.

    Each is closed by the first closer after its opener, as a lazy ``<!--.*?-->``
    would be; but once no closer of a kind follows, later openers of that kind are
    skipped instead of searched to the end of the text again, so time stays linear
    however many unclosed openers there are.
    """
    unclosed: set[str] = set()
    position = 0
    while (opener := _DROPPED_OPEN.search(text, position)) is not None:
        kind = (opener.group(1) or "--").lower()
        position = opener.end()
        if kind in unclosed:
            continue
        if kind == "--":
            found = text.find("-->", opener.end())
            end = found + 3 if found >= 0 else -1
        else:
            closer = _DROPPED_CLOSE[kind].search(text, opener.end())
            end = closer.end() if closer is not None else -1
        if end < 0:
            unclosed.add(kind)
            continue
        yield opener.start(), end
        position = end


def html_comments(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each HTML comment (``<!-- ... -->``), in linear time."""
    start = text.find("<!--")
    while start >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            return
        yield start, end + 3
        start = text.find("<!--", end + 3)


def fenced_code(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each fenced code block: from a line that starts with three
    backticks to the next line that is only three backticks. Once no closing line
    follows, no later opener can be closed either, so the scan stops there."""
    position = 0
    while (opener := _FENCE_OPEN.search(text, position)) is not None:
        closer = _FENCE_CLOSE.search(text, opener.end())
        if closer is None:
            return
        yield opener.start(), closer.end()
        position = closer.end()


def _replace_spans(text: str, spans: Iterator[tuple[int, int]], blank: bool) -> str:
    """``text`` with each span replaced by spaces of its length (``blank``) or one space."""
    pieces: list[str] = []
    done = 0
    for start, end in spans:
        pieces += [text[done:start], " " * (end - start) if blank else " "]
        done = end
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` holds HTML tags (``<NAME>`` placeholders are not tags)."""
    return "<" in text and _HAS_TAG.search(text) is not None


def strip_html(text: str) -> str:
    """``text`` without HTML tags, comments, scripts and styles; entities decoded.

    Tags become a space, so words on both sides stay apart. Placeholders such as
    ``<NAME>`` or ``{{ticket.id}}`` are not HTML and are kept.
    """
    text = _replace_spans(text, dropped_elements(text), blank=False)
    text = TAG.sub(" ", text)
    return html.unescape(text)


def blank_tags(text: str) -> str:
    """``text`` with every HTML tag, comment, script and style replaced by spaces of the
    same length, so offsets into the original stay valid."""
    if not looks_like_html(text):
        return text
    blank = _replace_spans(text, dropped_elements(text), blank=True)
    return TAG.sub(lambda m: " " * len(m.group()), blank)
