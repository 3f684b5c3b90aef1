"""One model for every CI report format: files, each with its diagnostics.

Replies (``Report``) and audited templates (``AuditResult``) both become
:class:`FileResult` lists, so SARIF, GitHub, GitLab, JUnit, Checkstyle and rdjson are
written once for ``check`` and ``templates audit``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from netiquette.report import Report, fingerprint

if TYPE_CHECKING:
    from netiquette.templates.audit import AuditResult


@dataclass(frozen=True)
class Diagnostic:
    rule_id: str
    name: str
    severity: str
    message: str
    #: 1-based; the end is the column just after the last character (SARIF's way).
    line: int
    column: int
    end_line: int
    end_column: int
    match: str = ""
    replacements: tuple[str, ...] = ()
    #: Stable across lines moving: rule, match (and words around it in a reply) and
    #: how often the same came before in the file.
    fingerprint: str = ""


@dataclass(frozen=True)
class FileResult:
    path: str
    passed: bool
    summary: str
    diagnostics: tuple[Diagnostic, ...]
    #: The test case's name in JUnit (a template id; the path for a reply).
    name: str = ""


def relative(path: str | None) -> str:
    """``path`` relative to the working folder, with "/" ("<text>" for none)."""
    if path is None:
        return "<text>"
    if os.path.isabs(path):
        with contextlib.suppress(ValueError):  # another drive on Windows
            path = os.path.relpath(path)
    return path.replace(os.sep, "/")


def _fingerprint(path: str, rule_id: str, match: str, seen: int) -> str:
    key = "\0".join((rule_id, path, match, str(seen)))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def from_reports(reports: Sequence[Report]) -> list[FileResult]:
    files = []
    for report in reports:
        path = relative(report.path)
        text = report.text
        seen: dict[tuple[str, str], int] = {}
        diagnostics = []
        for s in report.suggestions:
            end = max(s.end, s.start)
            line_start = text.rfind("\n", 0, end) + 1
            identity = fingerprint(s, text)
            count = seen.get((s.rule_id, identity), 0)
            seen[(s.rule_id, identity)] = count + 1
            diagnostics.append(
                Diagnostic(
                    s.rule_id,
                    s.name,
                    s.severity,
                    s.message,
                    s.line,
                    s.column,
                    text.count("\n", 0, end) + 1,
                    end - line_start + 1,
                    s.match,
                    s.replacements,
                    _fingerprint(path, s.rule_id, identity, count),
                )
            )
        files.append(
            FileResult(
                path,
                report.passed,
                f"score {report.score}",
                tuple(diagnostics),
                path,
            )
        )
    return files


def from_audit(result: AuditResult) -> list[FileResult]:
    """A template is a file result named by its id; a finding without a line of its own
    points at the template's first line."""
    files = []
    for item in result.templates:
        path = relative(item.source or item.id)
        seen: dict[tuple[str, str], int] = {}
        diagnostics = []
        for f in item.findings:
            line = f.line or item.line or 1
            count = seen.get((f.rule_id, f.match), 0)
            seen[(f.rule_id, f.match)] = count + 1
            key = f"{item.id}\0{f.match}"
            diagnostics.append(
                Diagnostic(
                    f.rule_id,
                    f.name,
                    f.severity,
                    f.message,
                    line,
                    1,
                    line,
                    1,
                    f.match,
                    f.replacements,
                    _fingerprint(path, f.rule_id, key, count),
                )
            )
        files.append(
            FileResult(
                path, not item.failed, f"{len(diagnostics)} findings", tuple(diagnostics), item.id
            )
        )
    return files
