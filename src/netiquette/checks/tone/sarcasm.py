from __future__ import annotations

import re
from collections.abc import Iterator

from netiquette.checks.phrase_rule import PhraseRule
from netiquette.core import Finding
from netiquette.rule import RuleContext, register
from netiquette.text.document import Document


@register
class Sarcasm(PhraseRule):
    """Flags unmistakable sarcasm markers.

    ## What it does
    Finds a short list of phrases that are sarcastic in almost every use:
    ``yeah right``, ``good luck with that``, ``thanks for nothing``, ``oh joy``,
    ``surprise, surprise``, ``well, duh``, ``sure you did``, ``nice try``, ``cry me
    a river``, ``dream on`` ..., and the tag ``/s`` standing on its own. It is tuned
    for precision: phrases that are often sincere (``thanks a lot``, ``oh great``,
    ``congratulations``) are not listed, and ``yeah, right now`` or ``make sure you
    did`` pass. In Turkish: ``bravo size``, ``aferin``, ``peki peki``, ``tabii canım``,
    ``Yok artık!``, ``harika, bir şikayet daha``; the sincere ``kolay gelsin``,
    ``hayırlı olsun`` and ``tebrikler`` pass.

    ## Why is this bad?
    Sarcasm does not survive in writing: the customer reads mockery, not a joke, and
    a screenshot of it can travel far.

    ## Example
    ```
    You want a refund after two years? Good luck with that.
    ```

    ## Use instead
    ```
    Our refund window is 30 days, so I can't refund this order, but I can offer a
    repair at a reduced price.
    ```
    """

    id = "NQ109"
    name = "sarcasm"
    category = "tone"
    severity = "warning"
    message = (
        "'{match}' reads as sarcasm, which customers take as mockery; say plainly what you mean."
    )
    fix_title = "Say it plainly"
    data_file = "tone.yaml"

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        tags = [str(t) for t in self.settings_data.get("tags", [])]
        self.tag_texts = tuple(tags)
        self.tags = (
            re.compile(
                r"(?<!\S)(?:"
                + "|".join(re.escape(t) for t in sorted(tags, key=lambda t: (-len(t), t)))
                + r")(?=[\s.!?,;)]|$)"
            )
            if tags
            else None
        )

    def check(self, doc: Document) -> Iterator[Finding]:
        found = list(super().check(doc))
        text = doc.prose_text
        if self.tags is not None and any(tag in text for tag in self.tag_texts):
            found += [Finding(m.start(), m.end()) for m in self.tags.finditer(text)]
            found.sort(key=lambda f: f.start)
        yield from found
