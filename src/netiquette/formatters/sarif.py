"""SARIF 2.1.0, as GitHub code scanning reads it."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from netiquette.formatters.locations import fingerprint, place
from netiquette.formatters.rules import RuleDoc
from netiquette.report import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def format_sarif(reports: Sequence[Report], rules: Mapping[str, RuleDoc], version: str) -> str:
    used = sorted({s.rule_id for r in reports for s in r.suggestions} | set(rules))
    index = {rule_id: i for i, rule_id in enumerate(used)}
    driver: dict[str, Any] = {
        "name": "netiquette",
        "version": version,
        "informationUri": "https://pypi.org/project/netiquette/",
        "rules": [_rule(rules.get(rule_id), rule_id) for rule_id in used],
    }
    results = []
    for report in reports:
        for s in report.suggestions:
            where = place(report, s)
            result: dict[str, Any] = {
                "ruleId": s.rule_id,
                "ruleIndex": index[s.rule_id],
                "level": LEVELS[s.severity],
                "message": {"text": s.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": where.path, "uriBaseId": "%SRCROOT%"},
                            "region": {
                                "startLine": where.start_line,
                                "startColumn": where.start_column,
                                "endLine": where.end_line,
                                "endColumn": where.end_column,
                            },
                        }
                    }
                ],
                "partialFingerprints": {"netiquette/v1": fingerprint(report, s)},
            }
            if s.replacements:
                result["fixes"] = [_fix(where, s.replacements[0], s.match)]
            results.append(result)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {"%SRCROOT%": {"uri": "./"}},
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)


def _rule(doc: RuleDoc | None, rule_id: str) -> dict[str, Any]:
    if doc is None:
        return {"id": rule_id}
    return {
        "id": doc.id,
        "name": doc.name,
        "shortDescription": {"text": doc.summary},
        "fullDescription": {"text": doc.summary},
        "help": {"text": doc.help_text, "markdown": doc.help_text},
        "helpUri": doc.help_uri,
        "defaultConfiguration": {"level": LEVELS[doc.severity]},
        "properties": {"category": doc.category, "tags": [doc.category]},
    }


def _fix(where: Any, replacement: str, match: str) -> dict[str, Any]:
    return {
        "description": {"text": f"Replace '{match}' with '{replacement}'"},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": where.path, "uriBaseId": "%SRCROOT%"},
                "replacements": [
                    {
                        "deletedRegion": {
                            "startLine": where.start_line,
                            "startColumn": where.start_column,
                            "endLine": where.end_line,
                            "endColumn": where.end_column,
                        },
                        "insertedContent": {"text": replacement},
                    }
                ],
            }
        ],
    }
