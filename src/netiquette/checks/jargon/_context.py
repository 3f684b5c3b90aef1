"""Phrase rules whose entries may look at the words around a match.

A word is often jargon only in some contexts: "revert" means "reply" in
"kindly revert" but not in "revert the changes"; "bandwidth" is capacity in "we don't
have the bandwidth" but not in "your bandwidth allowance". An entry of a
:class:`ContextPhraseRule` may add conditions, all regular expressions over the
case-folded prose (``doc.prose_folded``):

``after`` / ``not_after``
    must / must not match the text just before the match: the pattern is anchored
    at the end of that text (``\\bwill\\s+`` means "right after 'will '").
``before`` / ``not_before``
    must / must not match the text just after the match, anchored at its start.
``case: lower`` / ``case: upper``
    the match must be written in lower case (chat-speak "u" but not "Unit U") or in
    capitals (jargon "TAT" but not "tit for tat").

Words in the ``allow_words`` setting are never flagged, nor, in a rule with
``mirrors_customer``, words the customer used in a quoted line. A replacement starts with a
capital where the match does ("Thx" -> "Thanks", but not "RMA number" -> "return
number") or where it opens a sentence.
Everything is compiled when the rule is built; ``check`` only runs the compiled
patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from netiquette.document import Document
from netiquette.engines.phrase_rule import PhraseRule
from netiquette.engines.phrases import PhraseMatch
from netiquette.errors import ConfigError
from netiquette.rule import Finding, RuleContext
from netiquette.textnorm import fold

#: How far the ``after`` and ``before`` patterns see, in characters.
WINDOW = 60
CONDITION_KEYS = frozenset({"after", "not_after", "before", "not_before", "case", "note"})
CASES = ("lower", "upper")


def _compile(pattern: Any, where: str, anchor: str) -> re.Pattern[str] | None:
    if pattern is None:
        return None
    try:
        return re.compile(f"(?:{pattern}){anchor}" if anchor == r"\Z" else f"{anchor}(?:{pattern})")
    except re.error as exc:
        raise ConfigError(f"{where}: bad context pattern {pattern!r}: {exc}") from exc


@dataclass(frozen=True)
class Conditions:
    """The context conditions of one phrase entry."""

    after: re.Pattern[str] | None = None
    not_after: re.Pattern[str] | None = None
    before: re.Pattern[str] | None = None
    not_before: re.Pattern[str] | None = None
    case: str | None = None

    @classmethod
    def parse(cls, extra: Mapping[str, Any], where: str) -> Conditions | None:
        unknown = set(extra) - CONDITION_KEYS
        if unknown:
            raise ConfigError(f"{where}: unknown keys {sorted(unknown)}")
        case = extra.get("case")
        if case is not None and case not in CASES:
            raise ConfigError(f"{where}: 'case' must be one of {CASES}, got {case!r}")
        conditions = cls(
            _compile(extra.get("after"), where, r"\Z"),
            _compile(extra.get("not_after"), where, r"\Z"),
            _compile(extra.get("before"), where, r"\A"),
            _compile(extra.get("not_before"), where, r"\A"),
            case,
        )
        return None if conditions == cls() else conditions

    def hold(self, doc: Document, start: int, end: int) -> bool:
        if self.case is not None:
            written = doc.text[start:end]
            if self.case == "lower" and written != doc.folded[start:end]:
                return False
            if self.case == "upper" and not written.isupper():
                return False
        text = doc.prose_folded
        if self.after or self.not_after:
            left = text[max(0, start - WINDOW) : start]
            if self.after and not self.after.search(left):
                return False
            if self.not_after and self.not_after.search(left):
                return False
        if self.before or self.not_before:
            right = text[end : end + WINDOW]
            if self.before and not self.before.match(right):
                return False
            if self.not_before and self.not_before.match(right):
                return False
        return True


class ContextPhraseRule(PhraseRule):
    """A PhraseRule whose entries may carry context conditions (see the module doc)."""

    #: Whether a phrase the customer used in a quoted line ("> ...") may be used back.
    mirrors_customer: ClassVar[bool] = False

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        source = f"lang/{context.lang}/{self.data_file}: {self.name}"
        self._conditions: dict[int, Conditions] = {}
        for entry in self.phrases.entries:
            conditions = Conditions.parse(entry.extra, f"{source}: {entry.phrase!r}")
            if conditions is not None:
                self._conditions[id(entry)] = conditions
        self._allowed = frozenset(fold(w, context.lang) for w in context.settings.allow_words)

    def accept(self, doc: Document, match: PhraseMatch) -> bool:
        if self._allowed and doc.folded[match.start : match.end] in self._allowed:
            return False
        conditions = self._conditions.get(id(match.entry))
        return conditions is None or conditions.hold(doc, match.start, match.end)

    def check(self, doc: Document) -> Iterator[Finding]:
        sentence_starts: frozenset[int] | None = None
        quoted = _quoted_text(doc) if self.mirrors_customer else ""
        for match in self.phrases.find(doc, lambda m: self.accept(doc, m)):
            entry = match.entry
            if quoted and _has_word(quoted, doc.folded[match.start : match.end]):
                continue  # the customer's own word
            replacements = entry.replacements
            first_word = doc.text[match.start : match.end].split()[0]
            if replacements and first_word[0].isupper():
                if sentence_starts is None:
                    sentence_starts = frozenset(s.start for s in doc.sentences)
                if match.start in sentence_starts or not first_word.isupper():
                    replacements = tuple(_capitalise(r) for r in replacements)
            yield Finding(match.start, match.end, entry.message, replacements, entry.severity)


def _quoted_text(doc: Document) -> str:
    """The folded text of the quoted lines ("> ...") of ``doc``, or ""."""
    if ">" not in doc.text:
        return ""
    chunks = (doc.folded[span.start : span.end] for span in doc.protected)
    return "\n".join(chunk for chunk in chunks if chunk.lstrip().startswith(">"))


def _has_word(text: str, words: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None


def _capitalise(text: str) -> str:
    """``text`` with its first letter in capitals ("please reply" -> "Please reply")."""
    return text[:1].upper() + text[1:]
