"""What a check returns: suggestions with exact spans, and scores."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from netiquette.core import Category, FixSafety, Severity

SCHEMA_VERSION = "1.0"
#: Words around a match that make its fingerprint.
CONTEXT_WORDS = 3
#: How far (characters) to look for those words.
CONTEXT_CHARS = 80
#: A longer match is fingerprinted by its first and last words only.
MATCH_WORDS = 8
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Suggestion:
    """One finding: which rule, where (``text[start:end] == match``), why, and what instead."""

    rule_id: str
    name: str
    category: Category
    severity: Severity
    message: str
    start: int
    end: int
    match: str
    replacements: tuple[str, ...]
    line: int
    column: int
    data: Mapping[str, Any] = field(default_factory=dict)
    #: Whether ``netiquette fix`` applies the first replacement by default ("safe") or
    #: only with --unsafe-fixes ("unsafe"); None when there is no replacement.
    fix_safety: FixSafety | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule_id": self.rule_id,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "match": self.match,
            "replacements": list(self.replacements),
            "line": self.line,
            "column": self.column,
            "fix_safety": self.fix_safety,
        }
        if self.data:
            out["data"] = dict(self.data)
        return out


@dataclass(frozen=True)
class Report:
    """The result of checking one text."""

    text: str
    lang: str
    suggestions: tuple[Suggestion, ...]
    scores: Mapping[Category, int]
    score: int
    passed: bool
    metrics: Mapping[str, Any]
    skipped: Mapping[str, str] = field(default_factory=dict)
    path: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict; its shape is docs/report.schema.json."""
        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "lang": self.lang,
            "score": self.score,
            "passed": self.passed,
            "scores": dict(self.scores),
            "metrics": dict(self.metrics),
            "skipped": dict(self.skipped),
            "suggestions": [s.to_dict() for s in self.suggestions],
            "text": self.text,
        }
        if self.path is not None:
            out["path"] = self.path
        return out

    def by_severity(self, severity: Severity) -> list[Suggestion]:
        return [s for s in self.suggestions if s.severity == severity]


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def shown_match(match: str) -> str:
    """The match as recorded: spacing folded, a long one cut to its ends."""
    words = match.split()
    if len(words) > MATCH_WORDS:
        half = MATCH_WORDS // 2
        words = [*words[:half], "…", *words[-half:]]
    return " ".join(words)


def fingerprint(suggestion: Suggestion, text: str) -> str:
    """What the suggestion is in ``text`` wherever it sits: 16 hex digits of a SHA-256
    of its rule, its folded match and the three words on each side of it (not its line
    or offset). Baselines and the CI formats' fingerprints are made from it, so a
    finding keeps its identity when lines are added above it, and one reintroduced
    among other words is a new one."""
    before = _words(text[max(0, suggestion.start - CONTEXT_CHARS) : suggestion.start])
    after = _words(text[suggestion.end : suggestion.end + CONTEXT_CHARS])
    key = "\x1f".join(
        (
            suggestion.rule_id,
            shown_match(suggestion.match).casefold(),
            " ".join(before[-CONTEXT_WORDS:]),
            " ".join(after[:CONTEXT_WORDS]),
        )
    )
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
