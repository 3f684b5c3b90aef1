"""Where a suggestion is, as report formats count it: 1-based lines and columns of its
start and end, a path relative to the working folder, and a stable fingerprint."""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass

from netiquette.report import Report, Suggestion


@dataclass(frozen=True)
class Place:
    path: str
    start_line: int
    start_column: int
    #: The line and the column just after the last character (SARIF's convention).
    end_line: int
    end_column: int


def relative_path(report: Report) -> str:
    """The report's path relative to the working folder, with "/" ("<stdin>" for none)."""
    if report.path is None:
        return "<text>"
    path = report.path
    if os.path.isabs(path):
        with contextlib.suppress(ValueError):  # another drive on Windows
            path = os.path.relpath(path)
    return path.replace(os.sep, "/")


def place(report: Report, suggestion: Suggestion) -> Place:
    text = report.text
    end = max(suggestion.end, suggestion.start)
    end_line = text.count("\n", 0, end) + 1
    line_start = text.rfind("\n", 0, end) + 1
    return Place(
        relative_path(report),
        suggestion.line,
        suggestion.column,
        end_line,
        end - line_start + 1,
    )


def fingerprint(report: Report, suggestion: Suggestion) -> str:
    """The same for the same finding in the same file when lines move: the rule, the
    path, the matched text and how many times the same match came before it."""
    seen = sum(
        1
        for s in report.suggestions
        if s.rule_id == suggestion.rule_id
        and s.match == suggestion.match
        and s.start < suggestion.start
    )
    key = "\0".join((suggestion.rule_id, relative_path(report), suggestion.match, str(seen)))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
