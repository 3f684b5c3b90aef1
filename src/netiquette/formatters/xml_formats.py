"""JUnit XML (a test case a file) and Checkstyle XML, built with the standard
library's ElementTree so that every text is escaped."""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from netiquette.formatters.locations import relative_path
from netiquette.report import Report

CHECKSTYLE_SEVERITIES = {"error": "error", "warning": "warning", "info": "info"}


def _xml(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def format_junit(reports: Sequence[Report]) -> str:
    """One test suite; a test case a file, failing with its warnings and errors."""
    suite = ET.Element("testsuite", name="netiquette")
    failures = 0
    for report in reports:
        path = relative_path(report)
        case = ET.SubElement(suite, "testcase", classname="netiquette", name=path)
        serious = [s for s in report.suggestions if s.severity != "info"]
        if not report.passed or serious:
            failures += 1
            failure = ET.SubElement(
                case,
                "failure",
                message=f"score {report.score}, {len(serious)} warnings and errors",
                type="netiquette",
            )
            failure.text = "\n".join(
                f"{path}:{s.line}:{s.column}: {s.rule_id} {s.severity} {s.message}"
                for s in report.suggestions
            )
    suite.set("tests", str(len(reports)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    root = ET.Element("testsuites", name="netiquette", tests=str(len(reports)))
    root.set("failures", str(failures))
    root.append(suite)
    return _xml(root)


def format_checkstyle(reports: Sequence[Report]) -> str:
    root = ET.Element("checkstyle", version="4.3")
    for report in reports:
        node = ET.SubElement(root, "file", name=relative_path(report))
        for s in report.suggestions:
            ET.SubElement(
                node,
                "error",
                line=str(s.line),
                column=str(s.column),
                severity=CHECKSTYLE_SEVERITIES[s.severity],
                message=s.message,
                source=f"netiquette.{s.rule_id}.{s.name}",
            )
    return _xml(root)
