"""HTML in replies and templates: which stretches are tags, and the text without them.

Only real HTML tag names count, so placeholders such as ``<NAME>`` or
``<order number>`` are never taken for tags.
"""

from __future__ import annotations

import html
import re

_HTML_TAGS = (
    "a|abbr|b|blockquote|body|br|code|div|em|font|h[1-6]|head|hr|html|i|img|li|ol|p|pre|"
    "s|small|span|strike|strong|sub|sup|table|tbody|td|th|thead|tr|u|ul|meta|title"
)
_DROPPED_ELEMENTS = re.compile(r"(?is)<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->")
TAG = re.compile(rf"(?i)</?(?:{_HTML_TAGS})\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*/?>")
_HAS_TAG = re.compile(rf"(?i)</?(?:{_HTML_TAGS})\b[^>]*>")


def looks_like_html(text: str) -> bool:
    """Whether ``text`` holds HTML tags (``<NAME>`` placeholders are not tags)."""
    return "<" in text and _HAS_TAG.search(text) is not None


def strip_html(text: str) -> str:
    """``text`` without HTML tags, comments, scripts and styles; entities decoded.

    Tags become a space, so words on both sides stay apart. Placeholders such as
    ``<NAME>`` or ``{{ticket.id}}`` are not HTML and are kept.
    """
    text = _DROPPED_ELEMENTS.sub(" ", text)
    text = TAG.sub(" ", text)
    return html.unescape(text)


def blank_tags(text: str) -> str:
    """``text`` with every HTML tag, comment, script and style replaced by spaces of the
    same length, so offsets into the original stay valid."""
    if not looks_like_html(text):
        return text
    blank = _DROPPED_ELEMENTS.sub(lambda m: " " * len(m.group()), text)
    return TAG.sub(lambda m: " " * len(m.group()), blank)
