"""Readability formulas per language (placeholder: filled in by the readability rules)."""

from __future__ import annotations

from typing import Any

from netiquette.document import Document


def scores(doc: Document) -> dict[str, Any]:
    return {}
