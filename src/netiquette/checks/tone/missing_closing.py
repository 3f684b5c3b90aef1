from __future__ import annotations

from collections.abc import Iterator

from netiquette.core import Finding
from netiquette.rule import Rule, RuleContext, register
from netiquette.text.document import Document


@register
class MissingClosing(Rule):
    """Flags a longer reply that ends without a closing: no sign-off and no closing courtesy.

    ## What it does
    A QA scorecard's "closing" line. A reply of three statements or more
    (``min_sentences``) written as a letter (it opens with a greeting) passes when it
    ends with a sign-off (``Kind regards,``, ``Best, Sam``, ``Saygılarımızla``; the
    language's ``letter.yaml``), the agent's
    initials (``^MS``), or a closing courtesy in its last two statements (``Let me
    know if you have any questions``, ``Happy to help``, ``Have a nice day``,
    ``Başka bir sorunuz olursa bize yazabilirsiniz``; ``closings`` in ``tone.yaml``).
    Otherwise its last statement gets an info finding. Chat answers without a
    greeting and short chat turns are never flagged.

    ## Why is this bad?
    A reply that stops after the last fact leaves the customer unsure whether the
    conversation is over and whether they may write back; a closing line tells them.

    ## Example
    ```
    Hi Sam, your refund was sent today. It reaches your card in three to five
    working days. The confirmation is in your e-mail.
    ```

    ## Use instead
    ```
    Hi Sam, your refund was sent today. It reaches your card in three to five
    working days. The confirmation is in your e-mail. Let me know if anything is
    unclear.

    Kind regards,
    Alex
    ```
    """

    id = "NQ118"
    name = "missing-closing"
    category = "tone"
    severity = "info"
    message = (
        "This reply ends without a closing; add a sign-off or a line inviting the "
        "customer to write back."
    )
    fix_title = "Close with a sign-off"
    data_file = "tone.yaml"

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        self.min_sentences = self.count_setting("min_sentences", 3)
        self.closings = self.phrase_list("closings")

    def check(self, doc: Document) -> Iterator[Finding]:
        statements = doc.statements
        if len(statements) < self.min_sentences:
            return
        # A chat answer need not close; a letter (it opens with a greeting) should.
        if doc.greeting is None or doc.sign_off is not None or doc.initials is not None:
            return
        if self.closings.first(doc, statements[-2].start) is not None:
            return
        last = statements[-1]
        span = doc.reportable(last.start, last.end)
        if span is not None:
            yield Finding(span.start, span.end)
