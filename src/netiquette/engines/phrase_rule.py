"""PhraseRule: a rule that is a list of phrases in the language's data.

A subclass names its data file; the entries live under the rule's name in that file:

    blames-customer:
      - phrase: you should have
        replacement: next time, you can
        message: ...            # optional; the rule's message otherwise

Subclasses may override ``accept`` to look at the context of a match.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from netiquette.document import Document
from netiquette.engines.phrases import PhraseList, PhraseMatch
from netiquette.rule import Finding, Rule, RuleContext


class PhraseRule(Rule):
    data_file: ClassVar[str]

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        data = context.data(self.data_file)
        source = f"lang/{context.lang}/{self.data_file}: {self.name}"
        self.phrases = PhraseList.from_data(data.get(self.name, []), context.lang, source)

    def accept(self, doc: Document, match: PhraseMatch) -> bool:
        """Whether a match is really a problem in its context (default: always)."""
        return True

    def check(self, doc: Document) -> Iterator[Finding]:
        for match in self.phrases.find(doc):
            if self.accept(doc, match):
                entry = match.entry
                yield Finding(
                    match.start, match.end, entry.message, entry.replacements, entry.severity
                )
