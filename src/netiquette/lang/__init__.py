"""Languages: one folder per language under ``lang/<iso>/`` with its data files.

:func:`load` reads a data file of a language; :func:`detect` chooses the language of a
text (``lang="auto"``).
"""

from __future__ import annotations

from netiquette.lang.detection import detect, scores
from netiquette.lang.files import (
    AUTO,
    LANGUAGES,
    DataLoader,
    available_files,
    check_language,
    load,
    parse_yaml,
)

__all__ = [
    "AUTO",
    "LANGUAGES",
    "DataLoader",
    "available_files",
    "check_language",
    "detect",
    "load",
    "parse_yaml",
    "scores",
]
