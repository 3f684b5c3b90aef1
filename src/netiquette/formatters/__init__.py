"""Report formats for the CLI, one module per family; ``render`` picks one by name.

text (a terminal), json and json-lines (docs/report.schema.json), sarif (GitHub code
scanning), github (workflow commands), gitlab (Code Quality), junit, checkstyle and
rdjson (reviewdog).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from netiquette.formatters.ci import format_github, format_gitlab, format_rdjson
from netiquette.formatters.rules import RuleDoc
from netiquette.formatters.sarif import format_sarif
from netiquette.formatters.text import format_json, format_json_lines, format_text, summary
from netiquette.formatters.xml_formats import format_checkstyle, format_junit
from netiquette.report import Report

FORMATS = (
    "text",
    "json",
    "json-lines",
    "sarif",
    "github",
    "gitlab",
    "junit",
    "checkstyle",
    "rdjson",
)

__all__ = ["FORMATS", "RuleDoc", "format_json", "format_text", "render", "summary"]


def render(
    name: str,
    reports: Sequence[Report],
    *,
    rules: Mapping[str, RuleDoc] | None = None,
    version: str = "",
    show_scores: bool = True,
) -> str:
    """``reports`` in the format ``name`` (one of FORMATS)."""
    rules = rules or {}
    if name == "text":
        return format_text(reports, show_scores=show_scores)
    if name == "json":
        return format_json(reports)
    if name == "json-lines":
        return format_json_lines(reports)
    if name == "sarif":
        return format_sarif(reports, rules, version)
    if name == "github":
        return format_github(reports)
    if name == "gitlab":
        return format_gitlab(reports)
    if name == "junit":
        return format_junit(reports)
    if name == "checkstyle":
        return format_checkstyle(reports)
    if name == "rdjson":
        return format_rdjson(reports, rules)
    raise ValueError(f"unknown format {name!r}")
