"""netiquette: lint customer-service replies before they are sent.

>>> import netiquette
>>> report = netiquette.check("Hi Anna, your refund was issued today. Kind regards, Sam")
>>> report.passed
True
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from netiquette.core import (
    Category,
    ConfigError,
    FixSafety,
    InputError,
    NetiquetteError,
    Severity,
    TemplateError,
    UnsupportedLanguageError,
    lazy_attributes,
)

if TYPE_CHECKING:
    from netiquette.config import Settings
    from netiquette.fixing import FixResult
    from netiquette.linter import Linter
    from netiquette.registry import RuleInfo, rules
    from netiquette.report import Report, Suggestion

__version__ = "0.1.0"

__all__ = [
    "Category",
    "ConfigError",
    "FixResult",
    "FixSafety",
    "InputError",
    "Linter",
    "NetiquetteError",
    "Report",
    "RuleInfo",
    "Settings",
    "Severity",
    "Suggestion",
    "TemplateError",
    "UnsupportedLanguageError",
    "check",
    "fix",
    "rules",
]

_default_linters: dict[str, Linter] = {}
_default_lock = threading.Lock()


def check(
    text: str,
    lang: str = "auto",
    *,
    context: Mapping[str, str] | None = None,
    **options: Any,
) -> Report:
    """Check one reply with the default settings (or ``options`` for a Linter).

    ``lang`` is "en", "tr", or "auto" (the default) to choose per text; ``context``
    may give the customer's message the reply answers (``{"customer_message": ...}``).
    """
    return _linter(lang, options).check(text, context=context)


def fix(
    text: str,
    lang: str = "auto",
    *,
    context: Mapping[str, str] | None = None,
    unsafe: bool = False,
    **options: Any,
) -> FixResult:
    """Fix one reply with the default settings (or ``options`` for a Linter): the
    replacements whose fix is safe, and with ``unsafe`` the others too.

    >>> netiquette.fix("Thx for waiting!!!", lang="en").text
    'Thanks for waiting!'

    ``FixResult.text`` is the fixed text, ``applied`` the suggestions fixed and
    ``report`` the check of the fixed text (see :meth:`Linter.fix`).
    """
    return _linter(lang, options).fix(text, context=context, unsafe=unsafe)


def _linter(lang: str, options: Mapping[str, Any]) -> Linter:
    """A Linter for ``options``, or the shared default one of ``lang``."""
    from netiquette.linter import Linter

    if options:
        return Linter(lang, **options)
    with _default_lock:
        linter = _default_linters.get(lang)
        if linter is None:
            linter = _default_linters[lang] = Linter(lang)
    return linter


#: Where each public name that is imported on first use lives. ``import netiquette``
#: loads only ``core``: the command line's ``--help`` and ``rules`` never need the
#: linter, the text model or language data, and a check needs them once.
_LAZY = {
    "FixResult": "netiquette.fixing",
    "Linter": "netiquette.linter",
    "Report": "netiquette.report",
    "RuleInfo": "netiquette.registry",
    "Settings": "netiquette.config",
    "Suggestion": "netiquette.report",
    "rules": "netiquette.registry",
}


__getattr__ = lazy_attributes(__name__, _LAZY)


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
