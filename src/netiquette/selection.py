"""Turning --select / --ignore / severity keys into rule ids, with clear errors."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from netiquette.core import CATEGORIES, ConfigError
from netiquette.rule import Rule


def expand(keys: Iterable[str], rules: Mapping[str, type[Rule]], option: str) -> set[str]:
    """Rule ids named by ``keys``: ids (NQ101), names (shouting), categories (tone), ALL."""
    by_name = {cls.name: rule_id for rule_id, cls in rules.items()}
    ids: set[str] = set()
    for raw in keys:
        key = raw.strip()
        if not key:
            continue
        if key.upper() == "ALL":
            ids.update(rules)
        elif key.upper() in rules:
            ids.add(key.upper())
        elif key.lower() in by_name:
            ids.add(by_name[key.lower()])
        elif key.lower() in CATEGORIES:
            ids.update(i for i, cls in rules.items() if cls.category == key.lower())
        else:
            raise ConfigError(
                f"{option}: unknown rule '{key}' (use a rule id such as NQ101, a rule name "
                f"such as 'shouting', or a category; `netiquette rules` lists them)"
            )
    return ids


def selected_ids(
    rules: Mapping[str, type[Rule]], select: Iterable[str] | None, ignore: Iterable[str]
) -> set[str]:
    """The ids of the rules to run; a ConfigError when that leaves none (a gate that
    runs no rule would pass everything)."""
    chosen = set(rules) if select is None else expand(select, rules, "select")
    if not chosen:
        raise ConfigError("select: names no rule (an empty selection would check nothing)")
    left = chosen - expand(ignore, rules, "ignore")
    if not left:
        raise ConfigError(
            "ignore: removes every selected rule, so nothing would be checked; "
            "select fewer or ignore fewer"
        )
    return left
