"""SARIF 2.1.0, as GitHub code scanning reads it."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from netiquette.formatters.diagnostics import Diagnostic, FileResult
from netiquette.formatters.rules import RuleDoc

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def format_sarif(files: Sequence[FileResult], rules: Mapping[str, RuleDoc], version: str) -> str:
    used = sorted({d.rule_id for f in files for d in f.diagnostics} | set(rules))
    index = {rule_id: i for i, rule_id in enumerate(used)}
    driver: dict[str, Any] = {
        "name": "netiquette",
        "version": version,
        "informationUri": "https://pypi.org/project/netiquette/",
        "rules": [_rule(rules.get(rule_id), rule_id) for rule_id in used],
    }
    results = []
    for file in files:
        for d in file.diagnostics:
            region = _region(d)
            result: dict[str, Any] = {
                "ruleId": d.rule_id,
                "ruleIndex": index[d.rule_id],
                "level": LEVELS[d.severity],
                "message": {"text": d.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": file.path, "uriBaseId": "%SRCROOT%"},
                            "region": region,
                        }
                    }
                ],
                "partialFingerprints": {"netiquette/v1": d.fingerprint},
            }
            if d.replacements and d.match:
                result["fixes"] = [_fix(file.path, region, d.replacements[0], d.match)]
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


def _region(d: Diagnostic) -> dict[str, int]:
    return {
        "startLine": d.line,
        "startColumn": d.column,
        "endLine": d.end_line,
        "endColumn": d.end_column,
    }


def _fix(path: str, region: dict[str, int], replacement: str, match: str) -> dict[str, Any]:
    return {
        "description": {"text": f"Replace '{match}' with '{replacement}'"},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": path, "uriBaseId": "%SRCROOT%"},
                "replacements": [
                    {"deletedRegion": region, "insertedContent": {"text": replacement}}
                ],
            }
        ],
    }
