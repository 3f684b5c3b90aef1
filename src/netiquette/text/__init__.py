"""The text model: a reply and every view of it that rules read (tokens, sentences,
placeholders, protected spans, folded text), computed once, offsets into the original."""

from __future__ import annotations

from netiquette.text.document import Document, Span, Token

__all__ = ["Document", "Span", "Token"]
