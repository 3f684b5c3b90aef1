"""Phrase lists: many phrases found in one pass, indexed by the tokens they start at.

A phrase is a line of data. Words are separated by single spaces and match any run of
whitespace; a word ending in ``*`` also matches that word with any suffix of letters
("hatanız*" matches "hatanızdan"). An entry may give a ``pattern`` (a regular
expression over the folded text) instead of a ``phrase`` for the rare case a list of
phrases cannot say it. Matching is on the language-folded text, so it is
case-insensitive and Turkish-aware, and spans index the original text.

Finding candidates costs a few dictionary look-ups per token; only phrases whose first
letters match a token's are tried with their regular expression.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from netiquette.document import PREFIX_LENGTH
from netiquette.errors import ConfigError
from netiquette.textnorm import fold

if TYPE_CHECKING:
    from netiquette.document import Document
    from netiquette.rule import Severity

_WORD_END = r"(?![\w'’-]\w)(?!\w)"


@dataclass(frozen=True)
class PhraseEntry:
    """One line of a phrase list."""

    phrase: str
    regex: re.Pattern[str]
    replacements: tuple[str, ...] = ()
    message: str | None = None
    severity: Severity | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    is_pattern: bool = False


@dataclass(frozen=True)
class PhraseMatch:
    start: int
    end: int
    entry: PhraseEntry


def phrase_regex(phrase: str, lang: str) -> str:
    """The regular expression (over folded text) for a phrase written as data."""
    parts = []
    for word in fold(phrase, lang).split():
        if word.endswith("*") and len(word) > 1:
            parts.append(re.escape(word[:-1]) + r"\w*")
        else:
            parts.append(re.escape(word).replace("'", "['’]"))
    return r"\s+".join(parts)


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def parse_entry(item: Any, lang: str, source: str = "") -> PhraseEntry:
    """Build a PhraseEntry from a YAML item: a string, or a mapping with ``phrase`` or
    ``pattern`` and optional ``replacement(s)``, ``message``, ``severity``."""
    if isinstance(item, str):
        item = {"phrase": item}
    if not isinstance(item, Mapping):
        raise ConfigError(f"{source}: a phrase entry must be a string or a mapping, got {item!r}")
    known = {"phrase", "pattern", "replacement", "replacements", "message", "severity", "note"}
    phrase = item.get("phrase")
    pattern = item.get("pattern")
    if (phrase is None) == (pattern is None):
        raise ConfigError(f"{source}: entry {item!r} needs exactly one of 'phrase' or 'pattern'")
    if pattern is not None:
        try:
            regex = re.compile(str(pattern) + _WORD_END)
        except re.error as exc:
            raise ConfigError(f"{source}: bad pattern {pattern!r}: {exc}") from exc
        text = str(pattern)
    else:
        text = str(phrase)
        regex = re.compile(phrase_regex(text, lang) + _WORD_END)
    replacements = _as_tuple(item.get("replacements", item.get("replacement")))
    severity = item.get("severity")
    if severity is not None and severity not in ("info", "warning", "error"):
        raise ConfigError(f"{source}: entry {text!r} has unknown severity {severity!r}")
    extra = {k: v for k, v in item.items() if k not in known}
    return PhraseEntry(
        text, regex, replacements, item.get("message"), severity, extra, pattern is not None
    )


_LEADING_WORD = re.compile(r"\w+")


def _first_word_key(phrase: str, lang: str) -> str | None:
    """Index key of a literal phrase: up to three leading letters of its first word.

    The key stops where the tokenizer may split the word ("b/c" is "b" "/" "c",
    "i'm" is "i" "'m", "don't" is "do" "n't"), or the phrase would never be tried.
    """
    first = fold(phrase, lang).split()[0].rstrip("*")
    lead = _LEADING_WORD.match(first)
    if lead is not None and lead.end() < len(first):
        rest = first[lead.end() :]
        first = lead.group()
        if first.endswith("n") and len(first) > 1 and rest.startswith("'t"):
            first = first[:-1]
    return first[:PREFIX_LENGTH] or None


class PhraseList:
    """A compiled list of phrases, searched at token starts."""

    def __init__(self, entries: Sequence[PhraseEntry], lang: str) -> None:
        self.entries = tuple(entries)
        self.lang = lang
        self._index: dict[str, list[PhraseEntry]] = {}
        self._anywhere: list[PhraseEntry] = []
        for entry in self.entries:
            key = None if entry.is_pattern else _first_word_key(entry.phrase, lang)
            if key is None:
                self._anywhere.append(entry)
            else:
                self._index.setdefault(key, []).append(entry)
        for bucket in self._index.values():
            bucket.sort(key=lambda e: len(e.phrase), reverse=True)
        self._keys = frozenset(self._index)
        self._order = {id(entry): i for i, entry in enumerate(self.entries)}

    @classmethod
    def from_data(cls, items: Sequence[Any] | None, lang: str, source: str = "") -> PhraseList:
        return cls([parse_entry(item, lang, source) for item in items or ()], lang)

    def __len__(self) -> int:
        return len(self.entries)

    def find(
        self, doc: Document, accept: Callable[[PhraseMatch], bool] | None = None
    ) -> Iterator[PhraseMatch]:
        """Non-overlapping matches in the prose of ``doc``, longest first, in text order.

        ``accept``, when given, judges each candidate match in its context; a rejected
        match does not count, so a shorter phrase at the same token may match instead.
        """
        text = doc.prose_folded
        prefixes = doc.token_prefixes
        best_at: dict[int, tuple[PhraseMatch, int]] = {}

        def consider(start: int, entries: list[PhraseEntry]) -> None:
            for entry in entries:
                m = entry.regex.match(text, start)
                if not m or m.end() == m.start():
                    continue
                order = self._order[id(entry)]
                best = best_at.get(start)
                if best is not None and (
                    m.end() < best[0].end or (m.end() == best[0].end and order > best[1])
                ):
                    continue
                candidate = PhraseMatch(m.start(), m.end(), entry)
                if accept is None or accept(candidate):
                    best_at[start] = (candidate, order)

        for key in self._keys & prefixes.keys():
            entries = self._index[key]
            for token in prefixes[key]:
                consider(token.start, entries)
        if self._anywhere:
            for token in doc.tokens:
                consider(token.start, self._anywhere)
        last_end = -1
        for start in sorted(best_at):
            match = best_at[start][0]
            if match.start >= last_end:
                last_end = match.end
                yield match
