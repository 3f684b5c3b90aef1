"""LanguageToolRule: the base of the rules that report LanguageTool's matches.

The client (a shared backend per server and language) is ``engines/languagetool.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from netiquette.core import Finding, RuleUnavailable
from netiquette.engines.languagetool import (
    BackendUnavailable,
    LTMatch,
    backend_for,
    classify,
    unavailable_reason,
)
from netiquette.rule import Rule, RuleContext
from netiquette.text import Document

_CACHE = "_netiquette_languagetool"


class LanguageToolRule(Rule):
    """Base of the rules that report LanguageTool's matches of one kind."""

    category = "grammar"
    languages = ("en",)
    #: The external service this rule needs. The fixture files cannot start one, so
    #: these rules are tested against a recorded server in tests/test_grammar.py.
    needs_service: ClassVar[str] = "LanguageTool"
    kind: ClassVar[str]

    @classmethod
    def language_reason(cls, lang: str) -> str:
        return f"LanguageTool has no language '{lang}', so grammar and spelling are not checked"

    @classmethod
    def unavailable_reason(cls, context: RuleContext) -> str | None:
        return unavailable_reason(context.settings.languagetool_url, context.data("grammar.yaml"))

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        data = context.data("grammar.yaml")
        self.data = data
        self.backend = backend_for(context.settings.languagetool_url, data)
        spec = data.get("languagetool") or {}
        self.max_replacements = int(spec.get("max_replacements", 3))

    def matches(self, doc: Document) -> list[tuple[str, LTMatch]]:
        """LanguageTool's classified matches for ``doc``: one request per document,
        shared by the grammar rules; raises RuleUnavailable when the server fails."""
        cache = doc.cache.setdefault(_CACHE, {})
        found = cache.get(self.backend)
        if found is None:
            text = doc.prose_text
            try:
                raw = self.backend.check(text) if any(c.isalpha() for c in text) else []
                found = [(kind, m) for m in raw if (kind := classify(m, self.data))]
            except BackendUnavailable as exc:
                found = exc
            cache[self.backend] = found
        if isinstance(found, BackendUnavailable):
            raise RuleUnavailable(str(found))
        return list(found)

    def accept(self, doc: Document, match: LTMatch) -> bool:
        """Whether a match of this rule's kind is worth reporting (default: yes)."""
        return True

    def check(self, doc: Document) -> Iterator[Finding]:
        for kind, match in self.matches(doc):
            if kind == self.kind and self.accept(doc, match):
                yield Finding(
                    match.start,
                    match.end,
                    match.message or None,
                    match.replacements[: self.max_replacements],
                    data={"languagetool_rule": match.rule_id, "category": match.category},
                )
