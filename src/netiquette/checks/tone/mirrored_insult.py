from __future__ import annotations

from collections.abc import Iterator

from netiquette.checks.profanity.base import profanity_matcher
from netiquette.core import Finding
from netiquette.rule import Rule, RuleContext, register
from netiquette.text.document import Document


@register
class MirroredInsult(Rule):
    """Flags a reply that repeats the customer's insults or profanity back to them.

    ## What it does
    Runs when the customer's message is given (``check(text,
    context={"customer_message": ...})``). The insults (``insults`` in ``tone.yaml``:
    ``idiot``, ``clown``, ``liar``, ``scammer``, ``salak``, ``dolandırıcı``; a
    ``*`` takes any ending) and the profanity of the customer's message are looked
    for in the reply, in any form of the same word, inside quotation marks too
    (``You called us "liars", but ...``). Quoted lines (``> ...``) are the customer's
    own text and are left alone. Insults about things (``useless``, ``a joke``) are not
    on the list: "I'm sorry the app felt useless" answers the customer's words
    without throwing them back.

    ## Why is this bad?
    However the customer wrote, the reply must stay calm: repeating their insult,
    even to deny it, turns the conversation into a quarrel and ends up in a
    screenshot.

    ## Example
    ```
    Customer: You are all liars and scammers.
    Reply: We are not liars, and we are certainly not scammers.
    ```

    ## Use instead
    ```
    Customer: You are all liars and scammers.
    Reply: I understand you feel misled, and I want to put this right: here is
    exactly what happened to your payment.
    ```
    """

    id = "NQ120"
    name = "mirrored-insult"
    category = "tone"
    severity = "warning"
    message = (
        "'{match}' repeats the customer's insult; stay calm and answer the problem, not the words."
    )
    fix_title = "Leave the insult out"
    data_file = "tone.yaml"
    options = ("allow_words", "deny_words")

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        self.insults = self.phrase_list("insults")
        self.profanity = profanity_matcher(context)

    def _insults(self, doc: Document) -> dict[object, tuple[int, int]]:
        """What ``doc`` says that insults, outside quoted lines, by what it is (an
        insult entry or a listed profane word) -> its first span."""
        found: dict[object, tuple[int, int]] = {}
        for match in self.insults.find(doc):
            if not doc.in_quoted(match.start, match.end):
                found.setdefault(match.entry, (match.start, match.end))
        for hit in doc.shared(self.profanity.hits_key, self.profanity.hits):
            if not doc.in_quoted(hit.start, hit.end):
                found.setdefault(hit.entry.word, (hit.start, hit.end))
        return found

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.customer is None:
            return
        theirs = self._insults(doc.customer)
        if not theirs:
            return
        for key, (start, end) in sorted(self._insults(doc).items(), key=lambda kv: kv[1]):
            if key in theirs:
                yield Finding(start, end)
