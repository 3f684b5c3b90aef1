"""Realistic replies, written apart from the rule fixtures: good ones stay clean under
every rule, and each bad one is caught by the rule it names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import netiquette
from netiquette.lang import parse_yaml

DATA = Path(__file__).resolve().parent / "data" / "realistic"


def _load(lang: str) -> dict[str, Any]:
    result: dict[str, Any] = parse_yaml((DATA / f"{lang}.yaml").read_text(encoding="utf-8"))
    return result


CASES = {lang.stem: _load(lang.stem) for lang in sorted(DATA.glob("*.yaml"))}


def test_every_reply_is_collected() -> None:
    counts = {lang: (len(data["good"]), len(data["bad"])) for lang, data in CASES.items()}
    assert counts == {"en": (28, 31), "tr": (22, 24)}


@pytest.fixture(scope="module")
def linters() -> dict[str, netiquette.Linter]:
    return {lang: netiquette.Linter(lang) for lang in CASES}


@pytest.mark.parametrize(
    ("lang", "text"),
    [(lang, text) for lang, data in CASES.items() for text in data["good"]],
    ids=lambda v: v[:40] if isinstance(v, str) and len(v) > 3 else v,
)
def test_good_reply_raises_no_warning(
    lang: str, text: str, linters: dict[str, netiquette.Linter]
) -> None:
    report = linters[lang].check(text)
    assert [s.to_dict() for s in report.suggestions if s.severity != "info"] == []
    assert report.score >= 90


@pytest.mark.parametrize(
    ("lang", "case"),
    [(lang, case) for lang, data in CASES.items() for case in data["bad"]],
    ids=lambda v: v["text"][:40] if isinstance(v, dict) else v,
)
def test_bad_reply_is_caught(
    lang: str, case: dict[str, Any], linters: dict[str, netiquette.Linter]
) -> None:
    report = linters[lang].check(case["text"])
    fired = {s.rule_id for s in report.suggestions}
    assert set(case["expect"]) <= fired, fired
