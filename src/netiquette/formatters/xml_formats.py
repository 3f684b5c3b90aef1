"""JUnit XML (a test case a file) and Checkstyle XML, built with the standard
library's ElementTree so that every text is escaped."""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from netiquette.formatters.diagnostics import FileResult

CHECKSTYLE_SEVERITIES = {"error": "error", "warning": "warning", "info": "info"}


def _xml(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def format_junit(files: Sequence[FileResult]) -> str:
    """One test suite; a test case a file (or template), failing with its warnings and
    errors."""
    suite = ET.Element("testsuite", name="netiquette")
    failures = 0
    for file in files:
        case = ET.SubElement(suite, "testcase", classname="netiquette", name=file.name)
        serious = [s for s in file.diagnostics if s.severity != "info"]
        if not file.passed or serious:
            failures += 1
            failure = ET.SubElement(
                case,
                "failure",
                message=f"{file.summary}, {len(serious)} warnings and errors",
                type="netiquette",
            )
            failure.text = "\n".join(
                f"{file.path}:{s.line}:{s.column}: {s.rule_id} {s.severity} {s.message}"
                for s in file.diagnostics
            )
    suite.set("tests", str(len(files)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    root = ET.Element("testsuites", name="netiquette", tests=str(len(files)))
    root.set("failures", str(failures))
    root.append(suite)
    return _xml(root)


def format_checkstyle(files: Sequence[FileResult]) -> str:
    root = ET.Element("checkstyle", version="4.3")
    nodes: dict[str, ET.Element] = {}
    for file in files:
        node = nodes.get(file.path)
        if node is None:
            node = nodes[file.path] = ET.SubElement(root, "file", name=file.path)
        for s in file.diagnostics:
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
