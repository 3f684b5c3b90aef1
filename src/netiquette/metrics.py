"""Figures about a reply that every report carries: counts and readability."""

from __future__ import annotations

from typing import Any

from netiquette.text.document import Document


def measure(doc: Document) -> dict[str, Any]:
    """Words, sentences, characters and the language's readability figures."""
    from netiquette.engines import readability

    words = len(doc.words)
    sentences = len(doc.sentences)
    figures: dict[str, Any] = {
        "words": words,
        "sentences": sentences,
        "characters": len(doc.text),
        "words_per_sentence": round(words / sentences, 1) if sentences else 0.0,
    }
    if words:
        figures.update(readability.scores(doc))
    return figures
