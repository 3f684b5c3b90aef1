"""The types every layer shares: severities, categories, findings and errors.

This module imports nothing from netiquette; every other module may import it.
"""

from __future__ import annotations

from collections.abc import Mapping
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
