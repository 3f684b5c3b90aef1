from __future__ import annotations

import re
from collections.abc import Iterator

from netiquette.core import Finding
from netiquette.rule import Rule, RuleContext, register
from netiquette.text.document import Document

#: Clock times and dates written with digits: "10:30", "14.00", "3/12", "12-05".
_CLOCK_OR_DATE = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b")


@register
class StallingReply(Rule):
    """Flags a reply that only promises to get back, with no time and no next step.

    ## What it does
    Finds stalls such as ``we will get back to you``, ``we are looking into it``,
    ``someone will contact you``, ``I have passed this on`` or ``please bear with
    us``, and flags the first one when the reply gives the customer nothing concrete:
    no time (a number with a unit such as ``24 hours`` or ``3 business days``, a clock
    time or date, ``today``, ``tomorrow``, a weekday or month, ``within ...``, ``by the
    end of ...``) and no next step (``please send ...``, ``here is ...``, ``you
    can ...``, ``I have refunded ...``, ``attached``, ``in the meantime``). The word
    lists are data (``stalls``, ``times``, ``time_units``, ``next_steps``). A
    placeholder in the stall's sentence (``I'll update you by {timeframe}``) counts as
    the specifics a template will carry. In Turkish: ``size dönüş yapılacaktır``,
    ``inceleniyor``, ``ilgili birime iletilmiştir``, with times such as ``2 iş günü
    içinde``, ``yarın``, ``Cuma'ya kadar`` or ``15 Mart'ta``.

    ## Why is this bad?
    "We'll get back to you" with no time leaves the customer waiting and guessing,
    and they will write again to chase. A time frame or a step they can take now
    makes the same news feel handled.

    ## Example
    ```
    Thanks for your message. We are looking into it and will get back to you.
    ```

    ## Use instead
    ```
    Thanks for your message. Our billing team is checking the charge and will reply
    by Thursday. In the meantime, you can download the invoice from your account.
    ```
    """

    id = "NQ111"
    name = "stalling-reply"
    category = "tone"
    severity = "info"
    message = (
        "'{match}' promises follow-up but gives no time or next step; say when, or what "
        "the customer can do now."
    )
    fix_title = "Add a time frame or a next step"
    data_file = "tone.yaml"

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        self.stalls = self.phrase_list("stalls")
        self.times = self.phrase_list("times")
        self.next_steps = self.phrase_list("next_steps")
        self.durations = (
            self.phrase_pattern("time_units", before=r"(?<!\d)\d++(?:\s*+(?:-|to|–)\s*+\d++)?\s*+")
            if self.rule_data.get("time_units")
            else None
        )

    def _is_concrete(self, doc: Document) -> bool:
        if self.times.first(doc) is not None or self.next_steps.first(doc) is not None:
            return True
        text = doc.prose_folded
        if any(c.isdigit() for c in text):
            if _CLOCK_OR_DATE.search(text):
                return True
            if self.durations is not None and self.durations.search(text):
                return True
        return False

    def check(self, doc: Document) -> Iterator[Finding]:
        stall = self.stalls.first(doc)
        if stall is None or self._is_concrete(doc):
            return
        # In a template, a placeholder in the stall's sentence ("by {timeframe}") holds
        # the specifics; the unfilled placeholder is the boilerplate rules' finding.
        start, end = doc.sentence_at(stall.start)
        if any(p.start < end and start < p.end for p in doc.placeholders):
            return
        yield Finding(stall.start, stall.end)
