"""Rule metadata for users: what ``netiquette rules`` and the docs show."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from netiquette.core import Category, FixSafety, Severity
from netiquette.lang import codes
from netiquette.rule import SOURCE_LANGUAGE, Rule, registered


def all_rules() -> dict[str, type[Rule]]:
    """Every registered rule, by id, in id order. Imports the rule modules once."""
    import importlib
    import pkgutil

    import netiquette.checks as package

    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(module.name)
    return dict(sorted(registered().items()))


def languages(cls: type[Rule]) -> tuple[str, ...]:
    """The languages whose data lets the rule run (``Rule.runs_in``)."""
    return tuple(code for code in codes() if cls.runs_in(code))


@dataclass(frozen=True)
class RuleInfo:
    """Public description of one rule."""

    id: str
    name: str
    category: Category
    severity: Severity
    languages: tuple[str, ...]
    summary: str
    message: str
    documentation: str
    #: The settings the rule reads (``[tool.netiquette]`` keys).
    options: tuple[str, ...] = ()
    #: Where its language data lives: ``lang/<iso>/<data_file>``, or None.
    data_file: str | None = None
    #: Whether ``netiquette fix`` applies its replacements by default (``Rule.fix_safety``).
    fix_safety: FixSafety = "unsafe"

    def listing(self) -> dict[str, Any]:
        """What a list of rules shows of this one (``netiquette rules --format json``,
        ``GET /v1/rules``): id, name, category, severity, languages, fix safety and
        summary."""
        return {
            "id": self.id,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "languages": list(self.languages),
            "fix_safety": self.fix_safety,
            "summary": self.summary,
        }


def rules(message_lang: str = SOURCE_LANGUAGE) -> list[RuleInfo]:
    """Metadata of every rule, in id order, with the summary, message and
    documentation in ``message_lang`` (lang/<iso>/messages.yaml)."""
    return [
        RuleInfo(
            id=cls.id,
            name=cls.name,
            category=cls.category,
            severity=cls.severity,
            languages=languages(cls),
            summary=cls.text("summary", message_lang),
            message=cls.text("message", message_lang),
            documentation=cls.documentation_in(message_lang),
            options=cls.options,
            data_file=cls.data_file,
            fix_safety=cls.fix_safety,
        )
        for cls in all_rules().values()
    ]


def find(key: str, message_lang: str = SOURCE_LANGUAGE) -> RuleInfo | None:
    """A rule by id (case-insensitive) or name."""
    for info in rules(message_lang):
        if key.upper() == info.id or key.lower() == info.name:
            return info
    return None
