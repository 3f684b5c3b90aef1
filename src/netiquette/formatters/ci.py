"""Formats that CI systems read: GitHub workflow commands, GitLab Code Quality and
reviewdog's rdjson."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from netiquette.formatters.locations import fingerprint, place
from netiquette.formatters.rules import RuleDoc
from netiquette.report import Report

GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
GITLAB_SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}
RDJSON_SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def _github_escape(value: str, *, property_value: bool) -> str:
    """Workflow command escaping: % and line breaks always, : and , in properties."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(reports: Sequence[Report]) -> str:
    """``::error file=...,line=...,col=...,endLine=...,endColumn=...,title=NQ201::message``"""
    lines = []
    for report in reports:
        for s in report.suggestions:
            where = place(report, s)
            props = {
                "file": where.path,
                "line": where.start_line,
                "col": where.start_column,
                "endLine": where.end_line,
                "endColumn": where.end_column,
                "title": f"{s.rule_id} {s.name}",
            }
            rendered = ",".join(
                f"{key}={_github_escape(str(value), property_value=True)}"
                for key, value in props.items()
            )
            message = _github_escape(s.message, property_value=False)
            lines.append(f"::{GITHUB_LEVELS[s.severity]} {rendered}::{message}")
    return "\n".join(lines)


def format_gitlab(reports: Sequence[Report]) -> str:
    """GitLab Code Quality: a JSON array of issues."""
    issues = []
    for report in reports:
        for s in report.suggestions:
            where = place(report, s)
            issues.append(
                {
                    "description": s.message,
                    "check_name": s.rule_id,
                    "fingerprint": fingerprint(report, s),
                    "severity": GITLAB_SEVERITIES[s.severity],
                    "categories": ["Style"],
                    "location": {
                        "path": where.path,
                        "lines": {"begin": where.start_line, "end": where.end_line},
                    },
                }
            )
    return json.dumps(issues, ensure_ascii=False, indent=2)


def format_rdjson(reports: Sequence[Report], rules: Mapping[str, RuleDoc]) -> str:
    """reviewdog's Diagnostic Format (rdjson), with the first replacement as a
    suggestion reviewdog can apply."""
    diagnostics = []
    for report in reports:
        for s in report.suggestions:
            where = place(report, s)
            span = {
                "start": {"line": where.start_line, "column": where.start_column},
                "end": {"line": where.end_line, "column": where.end_column},
            }
            diagnostic: dict[str, Any] = {
                "message": s.message,
                "location": {"path": where.path, "range": span},
                "severity": RDJSON_SEVERITIES[s.severity],
                "code": {"value": s.rule_id},
            }
            doc = rules.get(s.rule_id)
            if doc is not None:
                diagnostic["code"]["url"] = doc.help_uri
            if s.replacements:
                diagnostic["suggestions"] = [{"range": span, "text": s.replacements[0]}]
            diagnostics.append(diagnostic)
    out = {"source": {"name": "netiquette"}, "diagnostics": diagnostics}
    return json.dumps(out, ensure_ascii=False, indent=2)
