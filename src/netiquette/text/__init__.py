"""The text model: a reply and every view of it that rules read (tokens, sentences,
placeholders, protected spans, folded text), computed once, offsets into the original."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from netiquette.text.document import Document, Span, Token

__all__ = ["Document", "Span", "Token"]


def __getattr__(name: str) -> Any:
    """``Document``, ``Span`` and ``Token``, imported on first use: a module of the
    package (``netiquette.text.escape``) can be imported without the whole text model
    and its language data."""
    if name not in __all__:
        raise AttributeError(f"module 'netiquette.text' has no attribute {name!r}")
    from netiquette.text import document

    return getattr(document, name)
