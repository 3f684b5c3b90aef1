"""Every rule against its fixtures: invalid texts (exact matches) and valid texts."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

import netiquette
from helpers import RULES
from netiquette.lang import parse_yaml
from netiquette.registry import all_rules, languages

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ROOT = FIXTURES.parent.parent
#: Fixture files: en 30, tr 31 (and 2 more).
FILE_COUNT = 63


def _fixture_files() -> list[Path]:
    return sorted(FIXTURES.glob("*/*.yaml"))


def _cases() -> list[Any]:
    cases = []
    for path in _fixture_files():
        data = parse_yaml(path.read_text(encoding="utf-8"))
        lang = path.parent.name
        rule = data["rule"]
        # A file-level `config:` applies to every case that has none of its own.
        shared = {"config": data["config"]} if data.get("config") else {}
        for i, case in enumerate(data.get("invalid", [])):
            case = {**shared, **case}
            cases.append(pytest.param(lang, rule, case, id=f"{lang}-{path.stem}-invalid-{i}"))
        for i, item in enumerate(data.get("valid", [])):
            # A valid case is a text, or a mapping with `text` and its own `config` (or
            # the `customer_message` it answers).
            valid = dict(item) if isinstance(item, dict) else {"text": item}
            case = {**shared, **valid, "matches": []}
            cases.append(pytest.param(lang, rule, case, id=f"{lang}-{path.stem}-valid-{i}"))
    return cases


@cache
def _linter(lang: str, rule: str, config: str | None) -> netiquette.Linter:
    """The fixture's rule alone, with the rules its ``config`` selects beside it."""
    settings = yaml.safe_load(config) if config else {}
    also = settings.pop("select", [])
    return netiquette.Linter(lang, select=[rule, *also], config=settings)


def _config(case: dict[str, Any]) -> str | None:
    """The case's settings as a cache key; template paths are relative to the repo root."""
    settings = dict(case.get("config") or {})
    if "templates" in settings:
        settings["templates"] = [
            t if Path(t).is_absolute() else str(ROOT / t) for t in settings["templates"]
        ]
    return yaml.safe_dump(settings) if settings else None


CASES = _cases()


def test_every_fixture_case_is_collected() -> None:
    assert len(_fixture_files()) == FILE_COUNT
    kinds = [case.id.rsplit("-", 2)[1] for case in CASES if case.id]
    assert (kinds.count("invalid"), kinds.count("valid")) == (644, 708)


@pytest.mark.parametrize(("lang", "rule", "case"), CASES)
def test_fixture(lang: str, rule: str, case: dict[str, Any]) -> None:
    config = _config(case)
    customer = case.get("customer_message")
    context = {"customer_message": customer} if customer else None
    report = _linter(lang, rule, config).check(case["text"], context=context)
    found = [s for s in report.suggestions if s.rule_id == rule]
    assert [s.match for s in found] == case["matches"], [s.to_dict() for s in found]
    for s in found:
        assert case["text"][s.start : s.end] == s.match
    if "replacements" in case:
        assert list(found[0].replacements) == case["replacements"]
    if "message_contains" in case:
        assert case["message_contains"] in found[0].message
    if "severities" in case:
        assert [str(s.severity) for s in found] == case["severities"]


def test_every_rule_has_fixtures_in_every_language() -> None:
    covered: dict[tuple[str, str], dict[str, int]] = {}
    files = _fixture_files()
    assert len(files) == FILE_COUNT
    for path in files:
        data = parse_yaml(path.read_text(encoding="utf-8"))
        covered[(path.parent.name, data["rule"])] = {
            "invalid": len(data.get("invalid", [])),
            "valid": len(data.get("valid", [])),
        }
    missing = []
    assert len(all_rules()) == RULES
    for rule_id, cls in all_rules().items():
        service = getattr(cls, "needs_service", None)
        if service:
            # A rule that needs an external service (a LanguageTool server) cannot run
            # from a fixture file; tests/test_<category>.py must exercise it instead.
            module = Path(__file__).resolve().parent / f"test_{cls.category}.py"
            if not module.is_file() or rule_id not in module.read_text(encoding="utf-8"):
                missing.append(f"{cls.name} ({rule_id}) needs {service}: test it in {module.name}")
            continue
        for lang in languages(cls):
            counts = covered.get((lang, rule_id))
            if not counts or not counts["invalid"] or not counts["valid"]:
                missing.append(f"{lang}/{cls.name} ({rule_id})")
    assert not missing, f"rules without valid and invalid fixtures: {missing}"


def test_fixture_files_are_named_after_their_rule() -> None:
    rules = all_rules()
    files = _fixture_files()
    assert len(files) == FILE_COUNT
    for path in files:
        data = parse_yaml(path.read_text(encoding="utf-8"))
        assert data["rule"] in rules, f"{path}: unknown rule {data['rule']}"
        assert path.stem == rules[data["rule"]].name, path
