"""LanguageToolRule: the base of the rules that report LanguageTool's matches.

The client (a shared backend per server and language) is ``engines/languagetool.py``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import ClassVar

from netiquette.core import Finding, RuleUnavailable
from netiquette.engines.languagetool import (
    Backend,
    BackendUnavailable,
    LTMatch,
    backend_for,
    classify,
    unavailable_reason,
)
from netiquette.rule import Rule, RuleContext
from netiquette.text.document import Document, SharedKey

_Matches = list[tuple[str, LTMatch]] | BackendUnavailable


@functools.cache
def _matches_key(backend: Backend) -> SharedKey[_Matches]:
    """Names the matches of one backend for a document: one request per document,
    shared by the grammar rules."""
    return SharedKey(f"LanguageTool matches ({backend.language})")


class LanguageToolRule(Rule):
    """Base of the rules that report LanguageTool's matches of one kind."""

    category = "grammar"
    data_file = "grammar.yaml"
    data_section = False
    options = ("languagetool_url",)
    #: The external service this rule needs. The fixture files cannot start one, so
    #: these rules are tested against a recorded server in tests/test_grammar.py.
    needs_service: ClassVar[str] = "LanguageTool"
    kind: ClassVar[str]

    @classmethod
    def language_reason(cls, lang: str) -> str:
        return f"LanguageTool has no language '{lang}', so grammar and spelling are not checked"

    @classmethod
    def unavailable_reason(cls, context: RuleContext) -> str | None:
        return unavailable_reason(context.settings.languagetool_url, cls.data_of(context.lang))

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        data = self.rule_data
        self.data = data
        self.backend = backend_for(context.settings.languagetool_url, data)
        spec = data.get("languagetool") or {}
        self.max_replacements = int(spec.get("max_replacements", 3))

    def matches(self, doc: Document) -> list[tuple[str, LTMatch]]:
        """LanguageTool's classified matches for ``doc``: one request per document,
        shared by the grammar rules; raises RuleUnavailable when the server fails."""
        found = doc.shared(_matches_key(self.backend), self._ask)
        if isinstance(found, BackendUnavailable):
            raise RuleUnavailable(str(found))
        return list(found)

    def _ask(self, doc: Document) -> _Matches:
        text = doc.prose_text
        try:
            raw = self.backend.check(text) if any(c.isalpha() for c in text) else []
        except BackendUnavailable as exc:
            return exc
        return [(kind, m) for m in raw if (kind := classify(m, self.data))]

    def accept(self, doc: Document, match: LTMatch) -> bool:
        """Whether a match of this rule's kind is worth reporting (default: yes)."""
        return True

    def check(self, doc: Document) -> Iterator[Finding]:
        same_language = self.message_lang == self.context.lang
        for kind, match in self.matches(doc):
            if kind == self.kind and self.accept(doc, match):
                yield Finding(
                    match.start,
                    match.end,
                    # LanguageTool explains in the reply's language.
                    (match.message or None) if same_language else None,
                    match.replacements[: self.max_replacements],
                    data={"languagetool_rule": match.rule_id, "category": match.category},
                )
