from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from netiquette.core import Finding
from netiquette.rule import Rule, RuleContext, register
from netiquette.text.document import Document


@register
class TemplateCopy(Rule):
    """Flags a reply that is a near copy of a known template.

    ## What it does
    Compares the reply with the configured templates (``templates = [...]`` in the
    configuration, or ``Linter(templates=...)``: files, folders, texts) and reports the
    closest one when the similarity reaches ``template-threshold`` (default 90). The
    similarity measures how much of the reply is template text and how much of the
    template it uses; text written where the template has a placeholder counts as
    filling it in, so "Hi Maria" still copies "Hi {{first_name}}". A copy with a name
    filled in, a word changed or a sentence cut is flagged; a reply that quotes a
    template but adds its own sentences (the order number and date, the actual answer)
    is not. Replies and templates under eight words are not compared. The rule runs
    only when templates are configured.

    ## Why is this bad?
    A pasted template answers the question the template was written for, not the one
    the customer asked. Customers recognise form letters, and a reply that ignores the
    details they gave makes them write again.

    ## Example
    With the template `refund-approved` of `data/examples/templates/` configured
    ("Hi {{first_name}}, Thanks for getting in touch. I've processed your refund and
    it should reach your account within {timeframe}. ..."):

    ```
    Hi Maria, thanks for getting in touch. I've processed your refund and it should
    reach your account within 5-7 business days. If anything doesn't look right, just
    reply to this message.
    ```

    ## Use instead
    ```
    Hi Maria, I've refunded the £34.99 for the kettle from order 48213; the courier
    confirmed it reached our warehouse on 3 March. The money should be back on your
    Visa card by Friday.
    ```
    """

    id = "NQ502"
    name = "template-copy"
    category = "boilerplate"
    severity = "warning"
    message = (
        "This reply is a near copy of a template; customise it to what the customer "
        "asked before sending."
    )
    fix_title = "Rewrite the template for this customer"
    extra_messages: ClassVar[Mapping[str, str]] = {
        "copied": "This reply is a {similarity}% match for the template {template}, and "
        "only {own}% of it is written for this customer; customise it: their name, their "
        "order or account details, and an answer to what they actually asked."
    }
    data_file = "boilerplate.yaml"
    options = ("templates", "template_threshold")
    sees_placeholders = True

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        self.min_words = self.count_setting("min_words", 8)
        self.threshold = float(context.settings.template_threshold)
        self.templates = context.templates

    @classmethod
    def unavailable_reason(cls, context: RuleContext) -> str | None:
        if context.templates is None or not len(context.templates):
            return "no templates are configured"
        return None

    def check(self, doc: Document) -> Iterator[Finding]:
        match = self.templates.best_match(
            doc.text, score_cutoff=self.threshold, min_words=self.min_words
        )
        if match is None:
            return
        span = doc.reportable(match.start, match.end)
        if span is None:
            return
        similarity = int(match.similarity)
        named = (
            f"'{match.title}' ({match.template_id})" if match.title else (f"'{match.template_id}'")
        )
        own = round(match.own_share * 100)
        yield Finding(
            span.start,
            span.end,
            self.say("copied", similarity=similarity, own=own, template=named),
            data={
                "template_id": match.template_id,
                "title": match.title,
                "similarity": match.similarity,
                "own_share": match.own_share,
            },
        )
