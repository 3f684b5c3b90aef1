from __future__ import annotations

from collections.abc import Iterator

from netiquette.checks.profanity.base import profanity_matcher
from netiquette.core import Finding
from netiquette.rule import Rule, RuleContext, register
from netiquette.text.document import Document


@register
class MissingEmpathy(Rule):
    """Flags a reply to an upset customer, or to a reported problem, that never acknowledges it.

    ## What it does
    A QA scorecard's "empathy" line; it runs when the customer's message is given
    (``check(text, context={"customer_message": ...})``, ``--customer-message``). When
    that message reports a problem or sounds upset (``problems`` in ``tone.yaml``:
    ``still not working``, ``never arrived``, ``charged twice``, ``disappointed``,
    ``hâlâ gelmedi``, ``rezalet``; or profanity, ``!!``/``??``, words in capitals) and
    the reply has no acknowledgement (``acknowledgements``: ``sorry``, ``I
    understand``, ``thank you for letting us know``, ``özür dileriz``,
    ``anlıyoruz``, ``yaşadığınız sorun``), the reply's first statement gets an info
    finding. A reply to a neutral question is never flagged.

    ## Why is this bad?
    A customer who writes about a problem, or in anger, first needs to know they were
    heard. An answer that skips straight to the procedure reads as indifferent, even
    when it solves the problem.

    ## Example
    ```
    Customer: My order still hasn't arrived and nobody answers!!
    Reply: Your order is with the courier and arrives on Friday.
    ```

    ## Use instead
    ```
    Customer: My order still hasn't arrived and nobody answers!!
    Reply: I'm sorry for the wait and for the silence. Your order is with the courier
    and arrives on Friday.
    ```
    """

    id = "NQ119"
    name = "missing-empathy"
    category = "tone"
    severity = "info"
    message = (
        "The customer reports a problem or is upset, and this reply never acknowledges "
        "it; say you understand, or are sorry, before the answer."
    )
    fix_title = "Acknowledge the customer's problem first"
    data_file = "tone.yaml"
    options = ("allow_words", "deny_words")

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        self.problems = self.phrase_list("problems")
        self.acknowledgements = self.phrase_list("acknowledgements")
        self.profanity = profanity_matcher(context)

    def _upset(self, customer: Document) -> bool:
        text = customer.prose_text
        if "!!" in text or "??" in text:
            return True
        if sum(1 for t in customer.words if len(t.text) > 2 and t.text.isupper()) >= 2:
            return True
        if self.problems.first(customer) is not None:
            return True
        return bool(customer.shared(self.profanity.hits_key, self.profanity.hits))

    def check(self, doc: Document) -> Iterator[Finding]:
        customer = doc.customer
        if customer is None or not doc.statements or not self._upset(customer):
            return
        if self.acknowledgements.first(doc) is not None:
            return
        body_start = doc.body.start
        first = next((s for s in doc.statements if s.end > body_start), doc.statements[0])
        span = doc.reportable(max(first.start, body_start), first.end)
        if span is not None:
            yield Finding(span.start, span.end)
