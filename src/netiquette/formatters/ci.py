"""Formats that CI systems read: GitHub workflow commands, GitLab Code Quality and
reviewdog's rdjson."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from netiquette.formatters.diagnostics import FileResult
from netiquette.formatters.rules import RuleDoc

GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
GITLAB_SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}
RDJSON_SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def _github_escape(value: str, *, property_value: bool) -> str:
    """Workflow command escaping: % and line breaks always, : and , in properties."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(files: Sequence[FileResult]) -> str:
    """``::error file=...,line=...,col=...,endLine=...,endColumn=...,title=NQ201::message``"""
    lines = []
    for file in files:
        for s in file.diagnostics:
            props = {
                "file": file.path,
                "line": s.line,
                "col": s.column,
                "endLine": s.end_line,
                "endColumn": s.end_column,
                "title": f"{s.rule_id} {s.name}",
            }
            rendered = ",".join(
                f"{key}={_github_escape(str(value), property_value=True)}"
                for key, value in props.items()
            )
            message = _github_escape(s.message, property_value=False)
            lines.append(f"::{GITHUB_LEVELS[s.severity]} {rendered}::{message}")
    return "\n".join(lines)


def format_gitlab(files: Sequence[FileResult]) -> str:
    """GitLab Code Quality: a JSON array of issues."""
    issues = []
    for file in files:
        for s in file.diagnostics:
            issues.append(
                {
                    "description": s.message,
                    "check_name": s.rule_id,
                    "fingerprint": s.fingerprint,
                    "severity": GITLAB_SEVERITIES[s.severity],
                    "categories": ["Style"],
                    "location": {"path": file.path, "lines": {"begin": s.line, "end": s.end_line}},
                }
            )
    return json.dumps(issues, ensure_ascii=False, indent=2)


def format_rdjson(files: Sequence[FileResult], rules: Mapping[str, RuleDoc]) -> str:
    """reviewdog's Diagnostic Format (rdjson), with the first replacement as a
    suggestion reviewdog can apply."""
    diagnostics = []
    for file in files:
        for s in file.diagnostics:
            span = {
                "start": {"line": s.line, "column": s.column},
                "end": {"line": s.end_line, "column": s.end_column},
            }
            diagnostic: dict[str, Any] = {
                "message": s.message,
                "location": {"path": file.path, "range": span},
                "severity": RDJSON_SEVERITIES[s.severity],
                "code": {"value": s.rule_id},
            }
            doc = rules.get(s.rule_id)
            if doc is not None:
                diagnostic["code"]["url"] = doc.help_uri
            if s.replacements and s.match:
                diagnostic["suggestions"] = [{"range": span, "text": s.replacements[0]}]
            diagnostics.append(diagnostic)
    out = {"source": {"name": "netiquette"}, "diagnostics": diagnostics}
    return json.dumps(out, ensure_ascii=False, indent=2)
