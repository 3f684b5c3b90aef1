from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from netiquette.core import Finding
from netiquette.rule import Rule, RuleContext, register
from netiquette.text.document import Document
from netiquette.text.fold import fold


@register
class MissingGreeting(Rule):
    """Flags a letter that opens without a greeting, or a greeting without the customer's name.

    ## What it does
    A QA scorecard's "greeting" line. A reply of three statements or more
    (``min_sentences``) written as a letter (it ends with a sign-off) that opens
    without a greeting (``Hi``, ``Hello``, ``Dear``,
    ``Good morning``, ``Merhaba``, ``Sayın``, or the customer's name on its own line;
    the language's ``letter.yaml``) gets an info finding on its first statement; so
    does one to a customer who signed their name. A chat answer with neither is left
    alone.
    When the customer's message is given (``check(text, context={"customer_message":
    ...})``) and they signed it with a name (``Thanks, John Smith``), the greeting is
    expected to use it (``Hi John``, ``Dear Mr Smith``, ``Ayşe Hanım``); a greeting
    without it gets an info finding. Short chat turns and replies to social posts
    (starting with an ``@handle``) are never flagged. Its settings are data
    (``tone.yaml``).

    ## Why is this bad?
    The greeting is the first thing the customer reads: a reply that starts straight
    with the answer, or greets "Hi there" someone who signed their name, reads as a
    form letter rather than a person writing to them.

    ## Example
    ```
    Your refund was sent today. It reaches your card in three to five working days.
    The confirmation is in your e-mail.

    Kind regards,
    Alex
    ```

    ## Use instead
    ```
    Hi John, your refund was sent today. It reaches your card in three to five
    working days. The confirmation is in your e-mail.

    Kind regards,
    Alex
    ```
    """

    id = "NQ117"
    name = "missing-greeting"
    category = "tone"
    severity = "info"
    message = "This reply opens without a greeting; start with one, using the customer's name."
    fix_title = "Open with a greeting"
    extra_messages: ClassVar[Mapping[str, str]] = {
        "name": "The customer signed as {name}; greet them by name ('Hi {name},')."
    }
    data_file = "tone.yaml"

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        self.min_sentences = self.count_setting("min_sentences", 3)

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.text.lstrip().startswith("@"):
            return
        name = doc.customer.signed_name if doc.customer is not None else ()
        greeting = doc.greeting
        if greeting is None:
            # A letter (it signs off) should open with a greeting too; a chat turn
            # need not, unless the customer gave their name.
            letter = doc.sign_off is not None or bool(name)
            if letter and len(doc.statements) >= self.min_sentences:
                first = doc.statements[0]
                message = self.say("name", name=name[0]) if name else None
                yield Finding(first.start, first.end, message)
            return
        if name:
            greeted = doc.folded[greeting.start : greeting.end].split()
            words = {fold(w, doc.lang).strip(",.!:") for w in greeted}
            if not any(fold(part, doc.lang) in words for part in name):
                yield Finding(greeting.start, greeting.end, self.say("name", name=name[0]))
