from __future__ import annotations

from collections.abc import Iterator

from netiquette.core import Finding
from netiquette.rule import Rule, RuleContext, register
from netiquette.text.document import Document


@register
class NoReplyInvitation(Rule):
    """Flags a long reply that never invites the customer to reply or give feedback.

    ## What it does
    Looks at replies of six sentences or more (``min_sentences``; lines without a
    full stop, such as list items or a signature, count as one) and flags the last
    sentence when the reply holds no
    question and none of the invitations in the data (``let me know``, ``reply to
    this e-mail``, ``feel free``, ``if you have any questions``, ``get in touch``,
    ``happy to help``, ``your feedback``, ``anything else`` ...; Turkish ``başka bir
    sorunuz olursa``, ``bize yazabilirsiniz``, ``yanıtlayabilirsiniz``,
    ``çekinmeden``, ``geri bildiriminiz`` ...). Short replies and chat turns are never
    flagged.

    ## Why is this bad?
    A long resolution that ends without an opening leaves the customer unsure whether
    they may come back, and the company learns nothing about whether the answer
    worked. One line invites both the reply and the feedback.

    ## Example
    ```
    Hi Sam, thanks for your message. I've checked your order. The courier damaged the
    parcel, so I've sent a replacement. It ships today. It will arrive on Friday. The
    old unit can be recycled.
    ```

    ## Use instead
    ```
    Hi Sam, thanks for your message. I've checked your order. The courier damaged the
    parcel, so I've sent a replacement. It ships today. It will arrive on Friday. The
    old unit can be recycled. If anything is unclear, just reply to this e-mail.
    ```
    """

    id = "NQ114"
    name = "no-reply-invitation"
    category = "tone"
    severity = "info"
    message = (
        "This long reply never invites a reply or feedback; end with an opening such as "
        "'If anything is unclear, just reply to this e-mail.'"
    )
    fix_title = "Invite a reply"
    data_file = "tone.yaml"

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        self.min_sentences = self.count_setting("min_sentences", 6)
        self.invitations = self.phrase_list("invitations")

    def check(self, doc: Document) -> Iterator[Finding]:
        if "?" in doc.prose_text or "？" in doc.prose_text:
            return
        if len(doc.statements) < self.min_sentences:
            return
        if self.invitations.first(doc) is not None:
            return
        last = doc.statements[-1]
        yield Finding(last.start, last.end)
