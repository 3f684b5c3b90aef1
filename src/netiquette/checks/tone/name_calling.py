from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar

from netiquette.checks.phrase_rule import PhraseRule
from netiquette.checks.profanity.base import profanity_matcher
from netiquette.core import Finding
from netiquette.engines.profanity import INSULT_CATEGORIES, ProfanityMatch
from netiquette.rule import RuleContext, register
from netiquette.text.document import Document

#: How many words from a profane word the reader may be named for it to be aimed at them.
ADDRESS_DISTANCE = 3
_CLAUSE_BREAK = re.compile(r"[,;:.!?]")
#: A vocative: ", dickhead." or ", dumbass!" closing a sentence.
_VOCATIVE_BEFORE = re.compile(r",[ \t]*\Z")
_VOCATIVE_AFTER = re.compile(r"[ \t]*(?:[.!?]|\Z)")


@register
class NameCalling(PhraseRule):
    """Flags insults aimed at the customer that use no swear word.

    ## What it does
    Finds name-calling built the way it is said, rather than one phrase at a time:
    the second person with an insult (``you are a clown``, ``you're such an idiot``,
    ``you guys are useless``, ``ur pathetic``), an insult said to the reader (``you
    idiot``, ``you clowns``), an exclamation (``what a joke``, ``what an idiot``),
    ``scum like you``; in Turkish, ``sen``/``siz`` with an insult in any person
    (``sen bir salaksın``, ``siz beyinsizsiniz``, ``tam bir soytarısınız``), an insult
    before a person (``cahil müşteri``), ``defol``, ``defolun`` and curses (``Allah
    belanızı versin``). The words are data (``tone.yaml``).

    The same words about things or about no one pass: ``a useless error message``,
    ``that joke of a week``, ``what a week``, ``you fool nobody`` (a verb), ``ürünü
    siz mal kabul ettiniz`` (goods). Turkish insults of intelligence (``salak``,
    ``aptal``, ``gerizekalı``, ``beyinsiz``, disguised too: ``s@lak``) are name-calling
    wherever they stand, found by the profanity engine (category ``insult``).

    Profanity aimed at the customer is a tone problem as well as a profanity one: in
    English a profane word in a sentence that addresses the reader (``you``,
    ``your``), said to them (``... off``), as a vocative (``It's on the receipt,
    dumbass.``) or in the clause of an order to them (``Don't give me that crap``,
    ``Stop this bloody nonsense``: ``imperatives`` open the sentence); in Turkish
    any profanity the agent writes (``profanity`` and ``addressed`` in
    ``tone.yaml``). ``Our Wi-Fi is shitty in that building, sorry``
    is only a profanity finding.

    ## Why is this bad?
    Calling a customer names ends the conversation and the relationship, and a
    screenshot of it travels. No customer behaviour justifies it in a reply.

    ## Example
    ```
    You are a clown if you think we will refund that.
    ```

    ## Use instead
    ```
    I understand you expected a refund; this order is outside the refund window, but
    I can offer a replacement instead.
    ```
    """

    id = "NQ116"
    name = "name-calling"
    category = "tone"
    severity = "warning"
    message = "'{match}' insults the customer; describe the problem, never the person."
    fix_title = "Remove the insult"
    extra_messages: ClassVar[Mapping[str, str]] = {
        "profane": "'{match}' swears at the customer; describe the problem calmly instead.",
        "insult": "'{match}' is an insult; describe the problem, never the person.",
    }
    data_file = "tone.yaml"
    options = ("allow_words", "deny_words")

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        data = self.settings_data
        self.profanity_mode = str(data.get("profanity", "never"))
        self.addressed = self.folded_words("addressed")
        self.speakers = self.folded_words("speakers")
        self.said_to = (
            self.phrase_pattern("said_to", before=r"[ \t]+") if data.get("said_to") else None
        )
        self.distance = int(data.get("address_distance", ADDRESS_DISTANCE))
        self.imperatives = self.phrase_pattern("imperatives") if data.get("imperatives") else None
        pattern = data.get("addressed_pattern")
        self.addressed_form = re.compile(str(pattern)) if pattern else None
        self.profanity = profanity_matcher(context)
        self.profane_message = self.say("profane")
        self.insult_message = self.say("insult")

    def _aimed(self, doc: Document, hit: ProfanityMatch) -> bool:
        if self.profanity_mode == "always":
            return True
        text = doc.prose_text
        if self.said_to is not None and self.said_to.match(doc.prose_folded, hit.end):
            return True  # said to someone: "... off", "... you"
        sentence = doc.sentence_at(hit.start)
        before = text[sentence.start : hit.start]
        if len(before.split()) <= 1 and text[hit.end : hit.end + 1] == ",":
            return False  # an interjection: "Shit, I sent you the wrong link."
        if _VOCATIVE_BEFORE.search(before) and _VOCATIVE_AFTER.match(text, hit.end):
            return True
        if self._in_an_order(doc, sentence.start, hit.start):
            return True
        # The reader named close by, in the same clause: "what the fuck do you want",
        # "nobody gives a sh!t about your wait"; not "the goddamn printer jammed, so
        # your label ..." nor "what a hell of a week you've had".
        words = doc.words_in(sentence.start, sentence.end)
        at = next((i for i, t in enumerate(words) if t.end > hit.start), len(words))
        if at > 0 and words[at - 1].folded in self.speakers:
            return False  # the agent about themselves: "we screwed up your booking"
        for i, token in enumerate(words):
            if abs(i - at) > self.distance or not self._addresses(token.folded):
                continue
            between = text[min(token.end, hit.end) : max(token.start, hit.start)]
            if (token.start >= hit.start and token.end <= hit.end) or not _CLAUSE_BREAK.search(
                between
            ):
                return True
        return False

    def _in_an_order(self, doc: Document, start: int, at: int) -> bool:
        """Whether the clause from ``start`` to ``at`` is an order to the reader: it opens
        with one of ``imperatives`` ("Don't give me that crap")."""
        words = doc.words_in(start, at)
        if not words or self.imperatives is None:
            return False
        opening = self.imperatives.match(doc.prose_folded, words[0].start)
        return (
            opening is not None
            and opening.end() <= at
            and not _CLAUSE_BREAK.search(doc.prose_text[opening.end() : at])
        )

    def _addresses(self, word: str) -> bool:
        """Whether ``word`` names the reader: "you", "siz", "adamsınız", "götünüze"."""
        if word in self.addressed:
            return True
        return self.addressed_form is not None and self.addressed_form.search(word) is not None

    def check(self, doc: Document) -> Iterator[Finding]:
        found = list(super().check(doc))
        hits = doc.shared(self.profanity.hits_key, self.profanity.hits)
        if hits:
            for hit in hits:
                if doc.in_quoted(hit.start, hit.end):
                    continue
                insult = hit.entry.category in INSULT_CATEGORIES
                if not insult and (self.profanity_mode == "never" or not self._aimed(doc, hit)):
                    continue
                if any(f.start <= hit.start < f.end for f in found):
                    continue
                found.append(
                    Finding(
                        hit.start, hit.end, self.insult_message if insult else self.profane_message
                    )
                )
            found.sort(key=lambda f: f.start)
        yield from found
