"""Report formats for the CLI, one module per family; ``render`` picks one by name.

text (a terminal), json and json-lines (docs/report.schema.json), sarif (GitHub code
scanning), github (workflow commands), gitlab (Code Quality), junit, checkstyle and
rdjson (reviewdog).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from netiquette.formatters.ci import format_github, format_gitlab, format_rdjson
from netiquette.formatters.diagnostics import FileResult, from_audit, from_reports
from netiquette.formatters.rules import RuleDoc
from netiquette.formatters.sarif import format_sarif
from netiquette.formatters.text import format_json, format_json_lines, format_text, summary
from netiquette.formatters.xml_formats import format_checkstyle, format_junit
from netiquette.report import Report

#: The formats both ``check`` and ``templates audit`` write (each has its own text and
#: json).
CI_FORMATS = ("sarif", "github", "gitlab", "junit", "checkstyle", "rdjson")
FORMATS = ("text", "json", "json-lines", *CI_FORMATS)

__all__ = [
    "CI_FORMATS",
    "FORMATS",
    "FileResult",
    "RuleDoc",
    "format_json",
    "format_text",
    "from_audit",
    "render",
    "render_files",
    "summary",
]


def render(
    name: str,
    reports: Sequence[Report],
    *,
    rules: Mapping[str, RuleDoc] | None = None,
    version: str = "",
    show_scores: bool = True,
) -> str:
    """The replies' ``reports`` in the format ``name`` (one of FORMATS)."""
    if name == "text":
        return format_text(reports, show_scores=show_scores)
    if name == "json":
        return format_json(reports)
    if name == "json-lines":
        return format_json_lines(reports)
    return render_files(name, from_reports(reports), rules=rules, version=version)


def render_files(
    name: str,
    files: Sequence[FileResult],
    *,
    rules: Mapping[str, RuleDoc] | None = None,
    version: str = "",
) -> str:
    """``files`` (replies or audited templates) in one of the CI formats."""
    rules = rules or {}
    if name == "sarif":
        return format_sarif(files, rules, version)
    if name == "github":
        return format_github(files)
    if name == "gitlab":
        return format_gitlab(files)
    if name == "junit":
        return format_junit(files)
    if name == "checkstyle":
        return format_checkstyle(files)
    if name == "rdjson":
        return format_rdjson(files, rules)
    raise ValueError(f"unknown format {name!r}")
