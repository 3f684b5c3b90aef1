"""Checks on the language data itself, across every file of every language."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from netiquette.lang import available_files, codes, load
from netiquette.registry import all_rules
from netiquette.text.fold import fold

FILES = [(lang, name) for lang in codes() for name in available_files(lang)]


def _lists(node: Any, path: str) -> Iterator[tuple[str, list[Any]]]:
    if isinstance(node, list):
        yield path, node
        for i, item in enumerate(node):
            yield from _lists(item, f"{path}[{i}]")
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _lists(value, f"{path}.{key}")


def _label(item: Any, lang: str) -> str | None:
    """What makes an entry itself: a string as written (some lists are case-sensitive,
    ":P" and ":p"), a phrase entry by its folded phrase and its conditions (one phrase
    may have entries for different contexts), not by its notes."""
    if isinstance(item, str):
        return item
    if isinstance(item, dict):
        text = item.get("phrase", item.get("pattern", item.get("word")))
        if text is None:
            return None
        rest = sorted((k, repr(v)) for k, v in item.items() if k not in ("phrase", "note"))
        return f"{fold(str(text), lang)} {rest}"
    return None


def test_every_file_and_entry_is_checked() -> None:
    """The checks below see every data file, and every list and entry in them."""
    assert len(FILES) == 24  # en 12, tr 12 (no grammar.yaml; messages.yaml)
    lists = [items for lang, name in FILES for _, items in _lists(load(lang, name), name)]
    entries = [item for items in lists for item in items]
    phrases = [item for item in entries if isinstance(item, dict) and "phrase" in item]
    assert (len(lists), len(entries), len(phrases)) == (400, 4499, 864)


@pytest.mark.parametrize(("lang", "name"), FILES)
def test_rule_sections_name_existing_rules(lang: str, name: str) -> None:
    data = load(lang, name)
    names = {cls.name for cls in all_rules().values()}
    if isinstance(data, dict):
        for key in data:
            if "-" in str(key):  # rule names are kebab-case; shared settings use snake_case
                assert key in names, f"lang/{lang}/{name}: section '{key}' names no rule"


@pytest.mark.parametrize(("lang", "name"), FILES)
def test_no_duplicate_entries(lang: str, name: str) -> None:
    for path, items in _lists(load(lang, name), name):
        labels = [label for item in items if (label := _label(item, lang)) is not None]
        duplicates = sorted({label for label in labels if labels.count(label) > 1})
        assert not duplicates, f"lang/{lang}/{path}: duplicate entries {duplicates}"


@pytest.mark.parametrize(("lang", "name"), FILES)
def test_no_replacement_equal_to_its_phrase(lang: str, name: str) -> None:
    for path, items in _lists(load(lang, name), name):
        for item in items:
            if not isinstance(item, dict) or "phrase" not in item:
                continue
            replacements = item.get("replacements", item.get("replacement")) or []
            if isinstance(replacements, str):
                replacements = [replacements]
            phrase = fold(str(item["phrase"]), lang)
            same = [r for r in replacements if fold(str(r), lang) == phrase]
            assert not same, f"lang/{lang}/{path}: '{item['phrase']}' is replaced by itself"


def test_rule_sections_are_in_the_file_their_rule_reads() -> None:
    """A rule section in a language's data is useless unless the rule reads that file."""
    rules = {cls.name: cls for cls in all_rules().values()}
    seen = 0
    for lang, name in FILES:
        data = load(lang, name)
        if isinstance(data, dict):
            for key in data:
                if key in rules:
                    seen += 1
                    assert rules[key].data_file == name, f"lang/{lang}/{name}: {key}"
    assert seen == 53  # every rule section of both languages was looked at
