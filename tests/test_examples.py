"""The bundled clean replies stay clean under every rule; the others are caught."""

from __future__ import annotations

from pathlib import Path

import pytest

import netiquette

EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "examples" / "replies"
CLEAN = sorted(EXAMPLES.glob("clean-*.txt"))
NEEDS_WORK = sorted(EXAMPLES.glob("needs-work-*.txt"))


@pytest.fixture(scope="module")
def linter() -> netiquette.Linter:
    return netiquette.Linter()  # lang="auto": the examples are English and Turkish


def test_there_are_examples() -> None:
    assert len(CLEAN) == 11 and len(NEEDS_WORK) == 6
    turkish = [p for p in CLEAN + NEEDS_WORK if "-tr-" in p.name]
    assert len(turkish) == 7


@pytest.mark.parametrize("path", CLEAN + NEEDS_WORK, ids=lambda p: p.stem)
def test_examples_are_checked_in_their_language(path: Path, linter: netiquette.Linter) -> None:
    expected = "tr" if "-tr-" in path.name else "en"
    assert linter.check(path.read_text(encoding="utf-8")).lang == expected


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.stem)
def test_clean_reply_has_no_warning_or_error(path: Path, linter: netiquette.Linter) -> None:
    report = linter.check(path.read_text(encoding="utf-8"))
    serious = [s.to_dict() for s in report.suggestions if s.severity != "info"]
    assert serious == []
    assert report.score >= 90
    assert report.passed


@pytest.mark.parametrize("path", NEEDS_WORK, ids=lambda p: p.stem)
def test_reply_that_needs_work_fails(path: Path, linter: netiquette.Linter) -> None:
    report = linter.check(path.read_text(encoding="utf-8"))
    assert not report.passed
    assert len([s for s in report.suggestions if s.severity != "info"]) >= 3
