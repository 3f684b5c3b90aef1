"""Compiler-style text for a terminal, and JSON (the report schema)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from netiquette.report import Report
from netiquette.text.escape import line_start, one_line


def format_text(reports: Sequence[Report], *, show_scores: bool = True) -> str:
    """``path:line:col: NQ101 warning message -> replacement`` lines, then scores."""
    lines: list[str] = []
    for report in reports:
        name = line_start(report.path or "<text>")
        for s in report.suggestions:
            fix = f" -> {one_line(repr(s.replacements[0]))}" if s.replacements else ""
            message = one_line(s.message)
            lines.append(f"{name}:{s.line}:{s.column}: {s.rule_id} {s.severity} {message}{fix}")
        if show_scores:
            parts = " ".join(f"{k} {v}" for k, v in report.scores.items())
            verdict = "pass" if report.passed else "FAIL"
            skipped = "".join(f" ({k} skipped: {one_line(v)})" for k, v in report.skipped.items())
            lines.append(f"{name}: score {report.score} [{verdict}] {parts}{skipped}")
    lines.append(summary(reports))
    return "\n".join(lines)


def summary(reports: Sequence[Report]) -> str:
    counts = {"error": 0, "warning": 0, "info": 0}
    for report in reports:
        for s in report.suggestions:
            counts[s.severity] += 1
    failed = sum(1 for r in reports if not r.passed)
    noun = "text" if len(reports) == 1 else "texts"
    return (
        f"{len(reports)} {noun} checked: {len(reports) - failed} passed, {failed} failed; "
        f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info"
    )


def format_json(reports: Sequence[Report]) -> str:
    """Every report as docs/report.schema.json describes it, in one JSON array."""
    return json.dumps([r.to_dict() for r in reports], ensure_ascii=False, indent=2)


def format_json_lines(reports: Sequence[Report]) -> str:
    """One report a line (JSON Lines): easy to stream and to grep."""
    return "\n".join(json.dumps(r.to_dict(), ensure_ascii=False) for r in reports)
