from __future__ import annotations

from collections.abc import Iterator

from netiquette.core import Finding
from netiquette.rule import Rule, RuleContext, register
from netiquette.text.document import Document


@register
class MissingCourtesy(Rule):
    """Flags a longer reply that has no greeting, no courtesy word and no closing.

    ## What it does
    Looks at replies of three sentences or more (``min_sentences``; lines without a
    full stop, such as list items, count as one). It flags the reply when all three
    are missing: a greeting at the start (``Hi``, ``Hello``, ``Dear``, ``Good
    morning``, or the customer's name on its own line), a courtesy word or wish
    anywhere (``thank``, ``please``, ``sorry``, ``apologise``,
    ``appreciate``, ``glad``, ``happy to``, ``could you``, ``no rush``, ``here to
    help``, ``have a nice day``, ``take care``), and a sign-off line (``Kind
    regards,``, ``Best,``, ``Cheers``). Greetings and sign-offs are the language's
    ``letter.yaml``, the same for every rule. Any one of the three is enough to pass:
    a reply may reasonably skip the greeting in a chat, or the closing in a thread.
    The span is the first sentence, where a greeting would go. Short chat turns are
    never flagged.

    ## Why is this bad?
    A reply with no greeting, no thanks and no sign-off reads as cold and curt, like
    a form letter, even when its content is right. One courteous word changes how the
    whole answer is received.

    ## Example
    ```
    Your order was shipped on Monday. The tracking number is 1Z999. Delivery takes
    three days.
    ```

    ## Use instead
    ```
    Hi Sam, thanks for your patience. Your order was shipped on Monday. The tracking
    number is 1Z999, and delivery takes three days. Kind regards, Alex
    ```
    """

    id = "NQ110"
    name = "missing-courtesy"
    category = "tone"
    severity = "info"
    message = (
        "This reply has no greeting, no thanks or please, and no closing, so it reads as "
        "cold; add at least a greeting or a courteous word."
    )
    fix_title = "Add a greeting, a thank-you or a closing"
    data_file = "tone.yaml"

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        self.min_sentences = self.count_setting("min_sentences", 3)
        self.courtesy = self.phrase_list("courtesy")

    def check(self, doc: Document) -> Iterator[Finding]:
        # Cheapest tests first: most replies open with a greeting or end with a sign-off.
        if doc.greeting is not None or doc.sign_off is not None:
            return
        if len(doc.statements) < self.min_sentences or self.courtesy.first(doc) is not None:
            return
        first = doc.statements[0]
        yield Finding(first.start, first.end)
