from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from netiquette.core import Finding
from netiquette.rule import Rule, RuleContext, register
from netiquette.text.document import Document

#: How far back (characters) a greeting before the word is looked for.
_LOOKBACK = 40
#: After the word: a mark, a line break or the end ("Hi hun,", "Thanks, love.").
_BOUNDARY = re.compile(r"[ \t]*(?:[,.!?…;:)\]\"”—–-]|\r?\n|$)")
#: After the word: the end of the sentence ("..., mate." but not "..., boss, or ...").
_FINAL = re.compile(r"[ \t]*(?:[.!?…]|[:;=]-?[)(DPp]|\r?\n|$)")
_COMMA_BEFORE = re.compile(r",[ \t]*$")
_OPENS_WITH = re.compile(r"[ \t]*[,!]")


#: A capitalised word right after: the match is part of a name ("Dude Ranch").
_NAME_FOLLOWS = re.compile(r"[ \t]+[A-ZÇĞİÖŞÜ]")


def _symbol_follows(text: str, end: int) -> bool:
    """True when the next non-space character is a symbol such as an emoji."""
    rest = text[end : end + 4].lstrip(" \t")
    return bool(rest) and unicodedata.category(rest[0]) == "So"


@register
class OverFamiliarAddress(Rule):
    """Flags pet names and matey terms used to address the customer.

    ## What it does
    Finds words such as ``dude``, ``buddy``, ``mate``, ``hun``, ``honey``,
    ``sweetie``, ``darling``, ``bro``, ``pal``, ``chief``, ``boss`` or ``love`` when
    they address the reader: right after a greeting or thanks (``Hi hun``,
    ``Thanks mate!``), between a comma and the end of the sentence (``Here you go,
    love.``), or opening a sentence before a comma (``Dude, ...``). The same words
    elsewhere are not address and pass: ``we'd love to``, ``my boss approved it``,
    ``a honey jar``, ``Dear Sam``. ``dear`` counts only in ``Hi dear,`` or ``...,
    dear.`` and never as the usual letter opening.

    ## Why is this bad?
    Pet names assume a closeness the customer never offered. Many find them
    patronising or sexist, and they make the company sound unprofessional.

    ## Example
    ```
    No worries, hun! Your parcel is on its way.
    ```

    ## Use instead
    ```
    No worries, Maria! Your parcel is on its way.
    ```
    """

    id = "NQ104"
    name = "over-familiar-address"
    category = "tone"
    severity = "warning"
    message = "Calling the customer '{match}' is over-familiar; use their name or leave it out."
    fix_title = "Use the customer's name or leave it out"
    data_file = "tone.yaml"

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        self.words = self.phrase_list("words")
        self.strong = self.folded_words("strong")
        self.address_only = self.folded_words("address_only")
        self.not_sentence_start = self.folded_words("not_sentence_start")
        self.opener_before = self.phrase_pattern("openers", after=r"[ \t]*,?[ \t]*$")
        self.interjection_before = (
            self.phrase_pattern("interjections", after=r"[ \t]*,[ \t]*$")
            if self.rule_data.get("interjections")
            else None
        )

    def _is_address(self, doc: Document, start: int, end: int) -> bool:
        text = doc.prose_folded
        word = text[start:end]
        window = max(0, start - _LOOKBACK)
        after_boundary = bool(_BOUNDARY.match(text, end)) or _symbol_follows(text, end)
        if self.opener_before.search(text, window, start):
            return word in self.strong or after_boundary
        if _COMMA_BEFORE.search(text, window, start):
            if self.interjection_before and self.interjection_before.search(text, window, start):
                return False
            return bool(_FINAL.match(text, end)) or _symbol_follows(text, end)
        if word not in self.not_sentence_start and doc.starts_sentence(start):
            # "Dude, ..." opens with address; a word that is never anything else does
            # so even without the comma ("Kanka siparişin yolda").
            if word in self.address_only and not _NAME_FOLLOWS.match(doc.text, end):
                return True  # but "Birader Kitabevi" is a name
            return bool(_OPENS_WITH.match(text, end))
        return False

    def check(self, doc: Document) -> Iterator[Finding]:
        for match in self.words.find(doc):
            if self._is_address(doc, match.start, match.end):
                yield Finding(match.start, match.end)
