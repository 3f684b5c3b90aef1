"""What a check returns: suggestions with exact spans, and scores."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from netiquette.core import Category, FixSafety, Severity

SCHEMA_VERSION = "1.0"


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
