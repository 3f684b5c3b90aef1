"""The types every layer shares: severities, categories, findings and errors, and
the way a package imports a public name on first use (:func:`lazy_attributes`).

This module imports nothing from netiquette; every other module may import it.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["info", "warning", "error"]
Category = Literal["tone", "profanity", "jargon", "readability", "boilerplate", "grammar"]
#: Whether ``netiquette fix`` applies a replacement by default ("safe": it keeps the
#: meaning and the grammar wherever the rule finds it) or only with --unsafe-fixes.
FixSafety = Literal["safe", "unsafe"]

SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")
CATEGORIES: tuple[Category, ...] = (
    "tone",
    "profanity",
    "jargon",
    "readability",
    "boilerplate",
    "grammar",
)
FIX_SAFETIES: tuple[FixSafety, ...] = ("safe", "unsafe")


@dataclass(frozen=True)
class Finding:
    """One problem a rule found: a span of the original text and what to say about it."""

    start: int
    end: int
    message: str | None = None
    replacements: tuple[str, ...] = ()
    severity: Severity | None = None
    data: Mapping[str, Any] = field(default_factory=dict)
    #: Overrides the rule's ``fix_safety`` for this finding (e.g. an entry of the
    #: language data whose replacement is not a drop-in); None: the rule's.
    fix_safety: FixSafety | None = None


class RuleUnavailable(Exception):
    """Raised by a rule's ``check`` when its backend cannot answer (e.g. a server is down)."""


class NetiquetteError(Exception):
    """Base class of every error netiquette raises on purpose."""


class ConfigError(NetiquetteError):
    """Invalid configuration: unknown option, bad value, unknown rule id."""


class UnsupportedLanguageError(NetiquetteError, ValueError):
    """A language code netiquette has no data for."""


class InputError(NetiquetteError, TypeError):
    """Input that cannot be checked: not a str, unreadable, binary or not UTF-8."""


class TemplateError(NetiquetteError):
    """A template source that cannot be loaded."""


def lazy_attributes(package: str, homes: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` (PEP 562) for ``package``: each name of ``homes`` is
    imported from the module ``homes`` names on first use and kept in ``package``,
    so that importing the package loads none of them."""

    def getattr_(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(home), name)
        setattr(sys.modules[package], name, value)
        return value

    return getattr_
