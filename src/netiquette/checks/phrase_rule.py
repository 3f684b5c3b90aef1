"""PhraseRule: a rule that is a list of phrases in the language's data.

A subclass names its data file; the entries (engines/phrases.py) live under the rule's
name in that file, either as the list itself or, when the rule has settings of its own,
under ``phrases`` next to them:

    blames-customer:
      - phrase: "you (should have|should've) read"
        replacement: next time, please read
        message: ...            # optional; the rule's message otherwise

    negative-framing:
      phrases: [...]
      alternatives: [...]       # read by the rule: ``self.settings_data``

Subclasses may override ``accept`` (is this match a problem here?), ``matches`` or
``finding``; rule-specific entry keys are declared in ``entry_keys``. A list is
compiled once per rule class and language and shared by every Linter: it depends only
on the package's data, never on settings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from netiquette.core import Finding
from netiquette.engines.phrases import PhraseList, PhraseMatch
from netiquette.rule import Rule, RuleContext
from netiquette.text.document import Document
from netiquette.text.fold import fold, upper

_COMPILED: dict[tuple[type[Rule], str], PhraseList] = {}


class PhraseRule(Rule):
    data_file: ClassVar[str]
    #: Where the entries are when the rule's data is a mapping.
    phrases_key: ClassVar[str] = "phrases"
    #: Entry keys this rule reads itself (``match.entry.extra``).
    entry_keys: ClassVar[frozenset[str]] = frozenset()
    #: Whether a match that is a word of the ``allow_words`` setting is dropped.
    uses_allow_words: ClassVar[bool] = False
    #: Whether a phrase the customer used in a quoted line ("> ...") may be used back.
    mirrors_customer: ClassVar[bool] = False

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        lang = context.lang
        raw = self.rule_data
        #: The rule's own settings when its data is a mapping ({} otherwise).
        self.settings_data: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
        phrases = _COMPILED.get((type(self), lang))
        if phrases is None:
            source = f"lang/{lang}/{self.data_file}: {self.name}"
            items = raw.get(self.phrases_key) if isinstance(raw, Mapping) else raw
            phrases = PhraseList.from_data(items, lang, source, self.entry_keys)
            _COMPILED[(type(self), lang)] = phrases
        self.phrases = phrases
        self._allowed = (
            frozenset(fold(w, lang) for w in context.settings.allow_words)
            if self.uses_allow_words
            else frozenset()
        )

    def claimed_words(self) -> frozenset[str]:
        """The one-word phrases of the list ("SLA", "asap"), folded: a rule that defers
        to this one leaves them alone."""
        return frozenset(
            fold(entry.phrase.strip(), self.context.lang)
            for entry in self.phrases.entries
            if not entry.is_pattern and " " not in entry.phrase.strip()
        )

    def accept(self, doc: Document, match: PhraseMatch) -> bool:
        """Whether a match is really a problem in its context (the entry's conditions)."""
        if self._allowed and doc.folded[match.start : match.end] in self._allowed:
            return False
        conditions = match.entry.conditions
        return conditions is None or conditions.holds(doc, match.start, match.end)

    def matches(self, doc: Document) -> Iterator[PhraseMatch]:
        """Accepted matches, in text order."""
        found = self.phrases.find(doc, self.accept)
        if not self.mirrors_customer:
            return found
        quoted = _quoted_text(doc)
        if not quoted:
            return found
        return (m for m in found if not _has_words(quoted, doc.folded[m.start : m.end]))

    def finding(self, doc: Document, match: PhraseMatch) -> Finding:
        """The finding of a match: the entry's message and replacements, filled in."""
        entry = match.entry
        replacements = entry.replacements
        message = entry.message_in(self.message_lang)
        if entry.templated:
            m = entry.regex.match(doc.prose_folded, match.start)
            if m is not None:
                replacements = tuple(" ".join(entry.fill(r, m).split()) for r in replacements)
                message = None if message is None else entry.fill(message, m)
        if replacements and _capitalises(doc, match):
            lang = doc.lang
            replacements = tuple(upper(r[:1], lang) + r[1:] for r in replacements)
        return Finding(
            match.start,
            match.end,
            message,
            replacements,
            entry.severity,
            fix_safety=entry.fix_safety,
        )

    def check(self, doc: Document) -> Iterator[Finding]:
        finding = self.finding
        for match in self.matches(doc):
            yield finding(doc, match)


def _capitalises(doc: Document, match: PhraseMatch) -> bool:
    """Whether replacements of ``match`` start with a capital: when the match does
    ("You should have" -> "Next time, ..."), unless its first word is in capitals
    inside a sentence ("the SLA" -> "the promised time")."""
    written = doc.text[match.start : match.end]
    if not written[:1].isupper():
        return False
    first_word = written.split()[0]
    if not first_word.isupper():
        return True
    return doc.sentence_begins_at(match.start)


def _quoted_text(doc: Document) -> str:
    """The folded text of the quoted lines ("> ...") of ``doc``, or ""."""
    return "\n".join(doc.folded[span.start : span.end] for span in doc.quoted)


def _has_words(text: str, words: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None
