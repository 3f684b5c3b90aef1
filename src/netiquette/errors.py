"""The exceptions netiquette raises: every one is a NetiquetteError.

They are defined in :mod:`netiquette.core`; this module is their stable import path
(``from netiquette.core import ConfigError``), as is the package itself.
"""

from __future__ import annotations

from netiquette.core import (
    ConfigError,
    InputError,
    NetiquetteError,
    TemplateError,
    UnsupportedLanguageError,
)

__all__ = [
    "ConfigError",
    "InputError",
    "NetiquetteError",
    "TemplateError",
    "UnsupportedLanguageError",
]
