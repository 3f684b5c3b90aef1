from __future__ import annotations

from collections.abc import Iterator

from netiquette.checks.phrase_rule import PhraseRule
from netiquette.core import Finding
from netiquette.engines.phrases import PhraseMatch
from netiquette.rule import RuleContext, register
from netiquette.text.document import Document

#: How many sentences after a refusal may offer the alternative that makes it no dead
#: end ("We can't ship abroad. I know that's not what you hoped for. Our partner in
#: Cyprus sells the same range, ...").
ALTERNATIVE_WINDOW = 3


@register
class NegativeFraming(PhraseRule):
    """Flags dead ends: refusals with no alternative, and conversation stoppers.

    ## What it does
    Finds ``we can't``, ``we are unable to``, ``we won't be able to``, ``there is
    nothing we can do``, ``that's not possible``, ``we don't offer``, ``it's company
    policy.`` ... and flags them only when no alternative or next step follows in the
    same sentence or the three after it. An alternative is a word such as ``but``,
    ``however``, ``instead``, ``alternatively``, ``what we can do``, ``you can``,
    ``I'll``, ``happy to``, ``would you like``, ``once``, ``until`` or ``please
    contact`` (the ``alternatives`` list in the data); ``but`` and ``however`` count
    only after the refusal, and a question asking for details counts too, unless it
    is a closing formula ("Is there anything else I can help with?"). Conversation
    stoppers (``not our problem``, ``not my department``, ``rules are rules``,
    ``that's just how it is``) are flagged wherever they stand. ``We can't wait`` or
    ``I can't imagine how frustrating`` pass.

    ## Why is this bad?
    A bare "no" leaves the customer at a dead end, and they will write again or leave.
    Saying what you *can* do keeps the conversation moving even when the answer to
    the request is no.

    ## Example
    ```
    We can't refund orders after 30 days.
    ```

    ## Use instead
    ```
    Orders older than 30 days can't be refunded, but we can offer store credit or a
    repair. Which would you prefer?
    ```
    """

    id = "NQ107"
    name = "negative-framing"
    category = "tone"
    severity = "warning"
    message = (
        "'{match}' is a dead end; say what you can do instead, e.g. 'Here is what we can do: ...'."
    )
    fix_title = "Say what you can do"
    data_file = "tone.yaml"
    entry_keys = frozenset({"always"})

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        self.alternatives = self.phrase_list("alternatives")
        self.not_alternatives = self.phrase_list("not_alternatives")
        self.after_only = self.phrase_pattern("after_only")

    def _has_alternative(
        self, doc: Document, match: PhraseMatch, spans: list[tuple[int, int]]
    ) -> bool:
        index = doc.sentence_index(match.start)
        start, end = doc.sentence_at(match.start)
        following = doc.sentences[index + 1 : index + 1 + ALTERNATIVE_WINDOW]
        if following:
            end = following[-1].end
        text = doc.prose_folded
        # "we can" inside "we can not" is the refusal itself, and "anything else I can
        # help with" a closing formula: neither is an alternative.
        ignored = spans + [
            (m.start, m.end) for m in self.not_alternatives.find_all(doc, start, end)
        ]
        for marker in self.alternatives.find_all(doc, start, end):
            if any(a < marker.end and marker.start < b for a, b in ignored):
                continue
            if marker.end <= match.start and self.after_only.fullmatch(
                text, marker.start, marker.end
            ):
                continue  # "Sorry, but we can't ...": the "but" comes before the refusal
            return True
        # A question asking the customer for details is a next step, unless it is a
        # closing formula ("Is there anything else I can help you with?").
        for sentence in doc.sentences[index : index + 1 + ALTERNATIVE_WINDOW]:
            chunk = text[sentence.start : sentence.end].rstrip(" \t\r\n\"'”’)")
            if (
                chunk.endswith(("?", "？"))
                and sentence.end > match.end
                and self.not_alternatives.first(doc, sentence.start, sentence.end) is None
            ):
                return True
        return False

    def check(self, doc: Document) -> Iterator[Finding]:
        matches = list(self.matches(doc))
        if not matches:
            return
        spans = [(m.start, m.end) for m in matches]
        for match in matches:
            if match.entry.extra.get("always") is True or not self._has_alternative(
                doc, match, spans
            ):
                yield self.finding(doc, match)
