"""The exceptions netiquette raises: every one is a NetiquetteError."""

from __future__ import annotations


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
