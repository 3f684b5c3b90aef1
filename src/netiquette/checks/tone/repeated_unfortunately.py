from __future__ import annotations

from collections.abc import Iterator

from netiquette.checks.phrase_rule import PhraseRule
from netiquette.core import Finding
from netiquette.rule import register
from netiquette.text.document import Document


@register
class RepeatedUnfortunately(PhraseRule):
    """Flags regret words used more than once in a reply.

    ## What it does
    Counts ``unfortunately``, ``regrettably``, ``sadly``, ``I'm afraid``, ``sorry to
    say`` and ``we regret to inform you`` in the reply and flags the second and every
    later one. One ``unfortunately`` before bad news is fine and passes.

    ## Why is this bad?
    Each regret word announces bad news. Repeated, they make the whole reply sound
    negative and hopeless, even when it offers a solution. Say the bad news once, then
    move on to what you can do.

    ## Example
    ```
    Unfortunately, the item is out of stock. Unfortunately, we can't say when it
    will be back.
    ```

    ## Use instead
    ```
    Unfortunately, the item is out of stock, and we don't have a restock date yet.
    I can let you know as soon as it is back.
    ```
    """

    id = "NQ108"
    name = "repeated-unfortunately"
    category = "tone"
    severity = "info"
    message = (
        "'{match}' again: more than one regret word makes the whole reply sound negative; "
        "say the bad news once, then what you can do."
    )
    fix_title = "Keep one regret word"
    data_file = "tone.yaml"

    def check(self, doc: Document) -> Iterator[Finding]:
        for seen, match in enumerate(self.matches(doc)):
            if seen:
                yield self.finding(doc, match)
