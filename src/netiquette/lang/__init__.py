"""Languages: one folder per language under ``lang/<iso>/``.

A language is its folder: ``language.yaml`` (the descriptor: tokenizer, casing,
detection cues, readability formula, the defaults of language-dependent settings),
``stopwords.txt`` and the data files of the rules that run in it. :func:`codes` lists
the languages, :func:`get` gives a descriptor, :func:`load` reads a data file (checked
against its schema) and :func:`detect` chooses the language of a text.
"""

from __future__ import annotations

from netiquette.lang.detection import detect, scores
from netiquette.lang.files import (
    DataLoader,
    available_files,
    codes,
    has_file,
    load,
    parse_yaml,
    sections,
)
from netiquette.lang.language import AUTO, Language, check_language, fallback, get, turkic_codes

__all__ = [
    "AUTO",
    "DataLoader",
    "Language",
    "available_files",
    "check_language",
    "codes",
    "detect",
    "fallback",
    "get",
    "has_file",
    "load",
    "parse_yaml",
    "scores",
    "sections",
    "turkic_codes",
]
