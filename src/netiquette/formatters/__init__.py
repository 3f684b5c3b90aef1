"""Report formats for the CLI, one module per family; ``render`` picks one by name.

text (a terminal), json and json-lines (docs/report.schema.json), sarif (GitHub code
scanning), github (workflow commands), gitlab (Code Quality), junit, checkstyle and
rdjson (reviewdog).

A format's module is imported when a report is written in it: the command line's
``--help`` needs only the names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from netiquette.core import lazy_attributes

if TYPE_CHECKING:
    from netiquette.formatters.diagnostics import FileResult, from_audit
    from netiquette.formatters.rules import RuleDoc
    from netiquette.formatters.text import format_json, format_text, summary
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

#: The module of each name of ``__all__`` imported on first use.
_LAZY = {
    "FileResult": "netiquette.formatters.diagnostics",
    "RuleDoc": "netiquette.formatters.rules",
    "format_json": "netiquette.formatters.text",
    "format_text": "netiquette.formatters.text",
    "from_audit": "netiquette.formatters.diagnostics",
    "summary": "netiquette.formatters.text",
}
__getattr__ = lazy_attributes(__name__, _LAZY)


def render(
    name: str,
    reports: Sequence[Report],
    *,
    rules: Mapping[str, RuleDoc] | None = None,
    version: str = "",
    show_scores: bool = True,
) -> str:
    """The replies' ``reports`` in the format ``name`` (one of FORMATS)."""
    from netiquette.formatters import text

    if name == "text":
        return text.format_text(reports, show_scores=show_scores)
    if name == "json":
        return text.format_json(reports)
    if name == "json-lines":
        return text.format_json_lines(reports)
    from netiquette.formatters.diagnostics import from_reports

    return render_files(name, from_reports(reports), rules=rules, version=version)


def render_files(
    name: str,
    files: Sequence[FileResult],
    *,
    rules: Mapping[str, RuleDoc] | None = None,
    version: str = "",
) -> str:
    """``files`` (replies or audited templates) in one of the CI formats."""
    from netiquette.formatters import ci, sarif, xml_formats

    rules = rules or {}
    if name == "sarif":
        return sarif.format_sarif(files, rules, version)
    if name == "github":
        return ci.format_github(files)
    if name == "gitlab":
        return ci.format_gitlab(files)
    if name == "junit":
        return xml_formats.format_junit(files)
    if name == "checkstyle":
        return xml_formats.format_checkstyle(files)
    if name == "rdjson":
        return ci.format_rdjson(files, rules)
    raise ValueError(f"unknown format {name!r}")
