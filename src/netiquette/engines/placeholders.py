"""Unfilled template placeholders in the syntaxes helpdesks use.

Ordinary brackets are not placeholders: ``(see below)``, ``[1]``, ``<b>`` and a
percentage such as ``50% off`` are left alone. Square and angle brackets count only
when their content is written in capitals (``[NAME]``) or names a placeholder word
from the language's data (``[Customer Name]``, ``<order number>``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from netiquette.langdata import load
from netiquette.textnorm import fold


class Placeholder(NamedTuple):
    start: int
    end: int
    syntax: str
    name: str


_ALWAYS = [
    ("liquid-tag", re.compile(r"\{%-?.*?-?%\}", re.S)),
    ("double-brace", re.compile(r"\{\{\{?\s*[^{}\n]{1,80}?\s*\}?\}\}")),
    ("dollar-brace", re.compile(r"\$\{\s*[A-Za-z_][\w.\- ]{0,60}\}")),
    ("single-brace", re.compile(r"(?<![{$\w])\{\s*[A-Za-z_][\w.\-]{0,60}\s*\}(?!\})")),
    ("percent", re.compile(r"(?<![\w%])%[A-Za-z_][A-Za-z0-9_.]{0,60}%(?![\w%])")),
]
_SQUARE = re.compile(r"\[([^\[\]\n]{1,60})\]")
_ANGLE = re.compile(r"<([^<>\n]{1,60})>")
_CAPS = re.compile(r"^[A-Z][A-Z0-9 _#./-]*[A-Z0-9#]$|^[A-Z]$")
_HTML_TAG = re.compile(r"^/?[a-zA-Z][a-zA-Z0-9]*(\s+[\w:-]+(=(\"[^\"]*\"|'[^']*'|\S+))?)*\s*/?$")


@lru_cache(maxsize=8)
def _keywords(lang: str) -> frozenset[str]:
    data = load(lang, "placeholders.yaml")
    return frozenset(fold(w, lang) for w in data.get("keywords", []))


def _names_a_placeholder(content: str, lang: str) -> bool:
    words = re.findall(r"\w+", fold(content, lang))
    keywords = _keywords(lang)
    return bool(words) and len(words) <= 5 and any(w in keywords for w in words)


def find(text: str, lang: str) -> list[Placeholder]:
    """Every placeholder in ``text``, in order, not overlapping."""
    found: list[Placeholder] = []
    if any(c in text for c in "{[<%"):
        for syntax, regex in _ALWAYS:
            found.extend(Placeholder(m.start(), m.end(), syntax, m.group()) for m in regex.finditer(text))
        for m in _SQUARE.finditer(text):
            content = m.group(1).strip()
            if (_CAPS.match(content) and len(content) > 1) or _names_a_placeholder(content, lang):
                if not content.isdigit():
                    found.append(Placeholder(m.start(), m.end(), "square", m.group()))
        for m in _ANGLE.finditer(text):
            content = m.group(1).strip()
            if _HTML_TAG.match(content) and not _CAPS.match(content):
                if not _names_a_placeholder(content, lang) or content.islower() and " " not in content:
                    continue
            if (_CAPS.match(content) and len(content) > 1) or _names_a_placeholder(content, lang):
                found.append(Placeholder(m.start(), m.end(), "angle", m.group()))
    return _without_overlaps(found)


def _without_overlaps(found: Iterable[Placeholder]) -> list[Placeholder]:
    kept: list[Placeholder] = []
    for p in sorted(found, key=lambda p: (p.start, -(p.end - p.start))):
        if kept and p.start < kept[-1].end:
            continue
        kept.append(p)
    return kept
