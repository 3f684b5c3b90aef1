"""What netiquette knows about a language besides its word lists: ``language.yaml``.

The descriptor of ``lang/<iso>/`` says how to tokenise the language (the spaCy blank
pipeline's code), how it writes capitals (``turkic``: I/ı and İ/i are pairs), how to
recognise it in ``lang="auto"`` (its stop words, ``stopwords.txt``, and letters only it
uses), a short reply to warm the pipeline up, its readability formula, letters that
template matching treats as one, and the defaults of the settings whose right value
depends on the language (``max_sentence_words``, ``min_reading_ease``, ``max_grade``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from netiquette.core import UnsupportedLanguageError
from netiquette.lang.files import codes, load

#: Accepted for ``lang``: choose the language per text (netiquette.lang.detection).
AUTO = "auto"


@dataclass(frozen=True)
class Language:
    """The descriptor of one language (``lang/<iso>/language.yaml``)."""

    code: str
    name: str
    spacy: str
    turkic_casing: bool
    detection_letters: frozenset[str]
    #: Words that mark the language besides its stop words: chat-speak and informal
    #: address that short replies are made of ("thx", "tmm", "kanka").
    detection_words: frozenset[str]
    fallback: bool
    warm_up: str
    formula: str
    equivalent_letters: Mapping[str, str] = field(default_factory=dict)
    #: Defaults of the settings that depend on the language, by setting name.
    options: Mapping[str, Any] = field(default_factory=dict)


@cache
def get(code: str) -> Language:
    """The descriptor of the language ``code``; UnsupportedLanguageError for a code
    that has no folder (``auto`` included: it is no language)."""
    if code not in codes():
        raise UnsupportedLanguageError(f"no language {code!r} (languages: {', '.join(codes())})")
    data = load(code, "language.yaml")
    detection = data.get("detection") or {}
    return Language(
        code=code,
        name=str(data["name"]),
        spacy=str(data["spacy"]),
        turkic_casing=data["casing"] == "turkic",
        detection_letters=frozenset(str(detection.get("letters", ""))),
        detection_words=frozenset(str(w).lower() for w in detection.get("words") or ()),
        fallback=detection.get("fallback") is True,
        warm_up=str(data["warm_up"]),
        formula=str(data["readability"]["formula"]),
        equivalent_letters={
            str(k): str(v) for k, v in (data.get("equivalent_letters") or {}).items()
        },
        options=dict(data["options"]),
    )


@cache
def turkic_codes() -> frozenset[str]:
    """The languages whose capitals pair I with ı and İ with i."""
    return frozenset(code for code in codes() if get(code).turkic_casing)


def fallback() -> str:
    """The language chosen when a text gives no evidence of any."""
    found = [code for code in codes() if get(code).fallback]
    return found[0] if found else codes()[0]


def check_language(lang: str) -> str:
    """Return ``lang`` normalised ("EN-us" -> "en"), or raise UnsupportedLanguageError."""
    if not isinstance(lang, str):
        raise UnsupportedLanguageError(f"language must be a string, got {type(lang).__name__}")
    code = lang.strip().lower().replace("_", "-").split("-")[0]
    if code == AUTO:
        return code
    if code not in codes():
        supported = ", ".join(codes())
        raise UnsupportedLanguageError(
            f"unsupported language {lang!r} (supported: {supported}, or {AUTO})"
        )
    return code
