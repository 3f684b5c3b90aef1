from __future__ import annotations

import re
from collections.abc import Iterator

from netiquette.core import Finding
from netiquette.engines.phrases import PhraseList, alternation
from netiquette.rule import Rule, RuleContext, register
from netiquette.text.document import Document, Span

#: A name followed by a comma on its own line opens a reply as a greeting does ("Sam,",
#: "Çağla,"); its words must start with a capital (checked in code, for any script).
_NAME_LINE = re.compile(
    r"[ \t]*([^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){0,2})[ \t]*,[ \t]*\r?\n"
)
_OPENING = re.compile(r"[\s\"'“(]*")
_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum() accepts


def prose_sentences(doc: Document) -> list[Span]:
    """Sentences that hold prose (not only quoted lines, URLs or placeholders)."""
    text = doc.prose_text
    return [s for s in doc.sentences if _ALNUM.search(text, s.start, s.end)]


@register
class MissingCourtesy(Rule):
    """Flags a longer reply that has no greeting, no courtesy word and no closing.

    ## What it does
    Looks at replies of three sentences or more (``min_sentences``). It flags the
    reply when all three are missing: a greeting at the start (``Hi``, ``Hello``,
    ``Dear``, ``Good morning``, or the customer's name on its own line), a courtesy
    word anywhere (``thank``, ``please``, ``sorry``, ``apologise``, ``appreciate``,
    ``glad``, ``happy to``, ``could you``, ``no rush``, ``here to help``), and a
    closing in the last two sentences (``Kind regards``, ``Best``, ``Cheers``,
    ``Have a nice day``, ``Take care``). Any one of
    the three is enough to pass: a reply may reasonably skip the greeting in a chat,
    or the closing in a thread. The span is the first sentence, where a greeting
    would go. Short chat turns are never flagged.

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
    languages = ("en", "tr")
    message = (
        "This reply has no greeting, no thanks or please, and no closing, so it reads as "
        "cold; add at least a greeting or a courteous word."
    )
    fix_title = "Add a greeting, a thank-you or a closing"

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        lang = context.lang
        data = context.data("tone.yaml").get(self.name, {})
        self.min_sentences = max(int(data.get("min_sentences", 3)), 1)
        source = f"lang/{lang}/tone.yaml: {self.name}"
        self.greetings = alternation(data.get("greetings"), lang, f"{source}: greetings")
        self.courtesy = PhraseList.from_data(data.get("courtesy"), lang, f"{source}: courtesy")
        self.closings = PhraseList.from_data(data.get("closings"), lang, f"{source}: closings")

    def _has_greeting(self, doc: Document) -> bool:
        start = _OPENING.match(doc.prose_text).end()  # type: ignore[union-attr]
        name = _NAME_LINE.match(doc.prose_text, start)
        if name and all(word[:1].isupper() for word in name.group(1).split()):
            return True
        return bool(self.greetings.match(doc.prose_folded, start))

    def check(self, doc: Document) -> Iterator[Finding]:
        # Cheapest test first: most replies open with a greeting.
        if self._has_greeting(doc):
            return
        sentences = prose_sentences(doc)
        if len(sentences) < self.min_sentences or self.courtesy.first(doc) is not None:
            return
        if self.closings.first(doc, sentences[-min(2, len(sentences))].start) is not None:
            return
        first = sentences[0]
        yield Finding(first.start, first.end)
