"""The rule reference in docs/rules/ is generated from the docstrings and must be current."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from helpers import RULES

ROOT = Path(__file__).resolve().parent.parent


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "gen_rule_docs", ROOT / "scripts" / "gen_rule_docs.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rule_docs_are_current() -> None:
    generator = _generator()
    expected = generator.expected_pages()
    assert len(expected) == RULES + 1  # a page per rule and the index
    docs = ROOT / "docs" / "rules"
    stale = [
        name
        for name, text in expected.items()
        if not (docs / name).is_file() or (docs / name).read_text(encoding="utf-8") != text
    ]
    extra = sorted(p.name for p in docs.glob("*.md") if p.name not in expected)
    assert not stale and not extra, f"run `make docs`: stale {stale}, extra {extra}"


def test_every_rule_docstring_has_the_standard_headings() -> None:
    from netiquette.registry import rules

    infos = rules()
    assert len(infos) == RULES
    for info in infos:
        for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
            assert heading in info.documentation, f"{info.id} lacks '{heading}'"
