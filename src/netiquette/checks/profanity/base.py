"""ProfanityRule: the base of the profanity rules, one tier of the shared matcher's
matches each (the matcher is ``netiquette.engines.profanity``)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from netiquette.core import Finding
from netiquette.engines.profanity import INSULT_CATEGORIES, ProfanityMatcher, Tier, matcher_for
from netiquette.rule import Rule, RuleContext
from netiquette.text.document import Document


def _match_case(replacement: str, original: str) -> str:
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters and letters[0].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def profanity_matcher(context: RuleContext) -> ProfanityMatcher:
    """The shared matcher of the context's language with its allow and deny words: the
    one every rule that reads profanity uses, so one pass a document serves them all."""
    settings = context.settings
    return matcher_for(context.lang, tuple(settings.allow_words), tuple(settings.deny_words))


class ProfanityRule(Rule):
    """Base of the profanity rules: one tier of the shared matcher's matches."""

    data_file = "profanity.yaml"
    data_section = False
    options = ("allow_words", "deny_words")
    tier: ClassVar[Tier]
    #: Messages by the entry's category ("slur", ...; the rule's own otherwise), and
    #: how a disguised word is named in them.
    extra_messages: ClassVar[Mapping[str, str]] = {"disguised": "'{match}' (read as '{form}')"}

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        self.messages = {key: self.say(key) for key in self.extra_messages if key != "disguised"}
        self.matcher = profanity_matcher(context)

    def check(self, doc: Document) -> Iterator[Finding]:
        # Both tiers come from one pass of the shared matcher, kept on the document.
        hits = doc.shared(self.matcher.hits_key, self.matcher.hits)
        for hit in hits:
            if hit.tier != self.tier or hit.entry.category in INSULT_CATEGORIES:
                continue  # name-calling is the tone rule's (NQ116)
            entry = hit.entry
            message = self.messages.get(entry.category, self.default_message)
            if hit.disguised:
                message = message.replace("'{match}'", self.say("disguised", form=hit.form), 1)
            original = doc.text[hit.start : hit.end]
            replacements = tuple(
                _match_case(r, original) for r in entry.replacements.get(hit.form, ())
            )
            yield Finding(
                hit.start,
                hit.end,
                message,
                replacements,
                data={
                    "word": entry.word,
                    "form": hit.form,
                    "category": entry.category,
                    "disguised": hit.disguised,
                },
            )
