from __future__ import annotations

import re

from netiquette.checks.grammar.base import LanguageToolRule
from netiquette.engines.languagetool import LTMatch
from netiquette.rule import RuleContext, register
from netiquette.text.document import Document

_SENTENCE_END = ".!?:;\n"


@register
class Spelling(LanguageToolRule):
    """Flags spelling mistakes found by LanguageTool.

    ## What it does
    Reports the words LanguageTool's spell checker does not know, with its first
    three suggestions. To spare the names, products and codes that fill
    customer-service replies, it leaves alone capitalised words inside a sentence
    ("Hi Siobhan", "your Zendesk account"), words with digits or inner capitals
    ("ABC123", "iPhone", "PayPal"), words cut off by "..." at a length limit ("your
    acc..."), and words that are right in another English ("apologise", "colour":
    LanguageTool checks American English).

    Like `grammar-mistake`, it runs only when LanguageTool is configured (`languagetool_url`
    or `LTP_PATH`).

    ## Why is this bad?
    A typo in a reply to a customer looks careless and undermines trust in
    everything else the reply says, especially figures, dates and instructions.

    ## Example
    ```
    Thank you for your pateince. Your refund has been procesed.
    ```

    ## Use instead
    ```
    Thank you for your patience. Your refund has been processed.
    ```
    """

    id = "NQ602"
    name = "spelling"
    severity = "warning"
    message = "'{match}' looks misspelled."
    fix_title = "Correct the spelling"
    kind = "spelling"

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        variant = (self.data.get("spelling") or {}).get("other_variant")
        self.other_variant = re.compile(str(variant)) if variant else None

    def accept(self, doc: Document, match: LTMatch) -> bool:
        if self.other_variant is not None and self.other_variant.search(match.message):
            return False
        word = doc.text[match.start : match.end]
        if any(c.isdigit() for c in word) or any(c.isupper() for c in word[1:]):
            return False
        if doc.text.startswith(("...", "…"), match.end):
            return False  # a word cut off at a length limit: "your acc..."
        if word[:1].isupper():
            before = doc.text[: match.start].rstrip(" \t")
            # Inside a sentence a capital marks a name; at its start it proves nothing.
            return not before or before[-1] in _SENTENCE_END
        return True
