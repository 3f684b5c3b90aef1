"""What a rule is: metadata, a docstring that documents it, and a ``check`` method.

A rule module defines one subclass of :class:`Rule` and decorates it with
:func:`register`. The linter builds each rule once per language with a
:class:`RuleContext` (language data, settings, templates) and then calls
``check(document)`` for every reply; ``check`` yields :class:`Finding` objects.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from netiquette.core import Category, Finding, Severity

if TYPE_CHECKING:
    from netiquette.config import Settings
    from netiquette.text import Document


@dataclass(frozen=True)
class RuleContext:
    """What a rule may read while it is built: never while it checks."""

    lang: str
    settings: Settings
    templates: Any = None  # netiquette.templates.TemplateSet when configured

    def data(self, name: str) -> Any:
        """Parsed YAML or TXT data file ``name`` of this language."""
        from netiquette.lang import load

        return load(self.lang, name)


class Rule:
    """Base class of every rule. Subclasses set the class attributes and ``check``."""

    id: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity]
    message: ClassVar[str]
    languages: ClassVar[tuple[str, ...]] = ("en",)
    fix_title: ClassVar[str | None] = None
    #: Findings inside placeholders are dropped unless the rule is about placeholders.
    sees_placeholders: ClassVar[bool] = False

    def __init__(self, context: RuleContext) -> None:
        self.context = context

    def check(self, doc: Document) -> Iterable[Finding]:
        raise NotImplementedError

    @classmethod
    def language_reason(cls, lang: str) -> str:
        """Why this rule's category is not checked in ``lang`` (it has no such rule)."""
        return f"no {cls.category} rules for language '{lang}'"

    @classmethod
    def unavailable_reason(cls, context: RuleContext) -> str | None:
        """Why this rule cannot run with ``context`` (e.g. no server configured), or None."""
        return None

    @classmethod
    def summary(cls) -> str:
        """First line of the docstring."""
        return (inspect.getdoc(cls) or "").strip().splitlines()[0]

    @classmethod
    def documentation(cls) -> str:
        """The whole docstring, dedented."""
        return inspect.getdoc(cls) or ""


_REGISTRY: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator that adds a rule to the registry (ids and names are unique)."""
    for other in _REGISTRY.values():
        if other is not cls and (other.id == cls.id or other.name == cls.name):
            raise RuntimeError(f"duplicate rule {cls.id} {cls.name} (clashes with {other.id})")
    if not cls.__doc__:
        raise RuntimeError(f"rule {cls.id} has no docstring")
    _REGISTRY[cls.id] = cls
    return cls


def registered() -> dict[str, type[Rule]]:
    """The rules registered so far, by id (``netiquette.registry.all_rules`` imports
    every rule module first)."""
    return dict(_REGISTRY)
