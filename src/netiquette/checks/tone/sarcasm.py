from __future__ import annotations

import re
from collections.abc import Iterator

from netiquette.checks.phrase_rule import PhraseRule
from netiquette.core import Finding
from netiquette.rule import RuleContext, register
from netiquette.text.document import Document

#: What may follow praise that closes a sentence.
_CLOSES = re.compile(r"[ \t]*(?:[!.]|\S*[\U0001F300-\U0001FAFF]|$)")


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

    Beyond the list, sarcasm built the way it is said: praise opening a sentence
    about the customer's failure (``Well done on ordering the wrong model again``,
    ``Congratulations, you've locked yourself out``, ``Tebrikler, projenin tamamını
    silmeyi başardınız``; ``praise`` and ``failures``), a reproach as a sentence of
    its own (``The link is in your inbox. Again.``; ``alone``), and an eye-roll or
    facepalm emoji (``eye_rolls``: 🙄 🤦 😒). Sincere praise passes
    (``Congratulations on your new home!``).

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

        data = self.settings_data
        self.praise = self.phrase_list("praise") if data.get("praise") else None
        self.failures = self.phrase_list("failures") if data.get("failures") else None
        self.alone = (
            self.phrase_pattern(
                "alone", before=r"(?:^|(?<=[.!?\n]))[ \t]*", after=r"[ \t]*[.!]+(?=\s|$)"
            )
            if data.get("alone")
            else None
        )
        self.eye_rolls = tuple(str(e) for e in data.get("eye_rolls", []))

    def _mock_praise(self, doc: Document) -> Iterator[Finding]:
        """Praise that opens a sentence about the customer's failure: "Well done on
        ordering the wrong model", "Tebrikler, yine silmişsiniz"."""
        if self.praise is None or self.failures is None:
            return
        text = doc.prose_text
        for match in self.praise.find(doc):
            sentence = doc.sentence_at(match.start)
            if doc.starts_sentence(match.start):
                start, end = match.end, sentence.end
            elif _CLOSES.match(text, match.end):
                # Turkish puts it last: "... silmeyi başardığınız için tebrikler!"
                start, end = sentence.start, match.start
            else:
                continue
            if self.failures.first(doc, start, end) is not None:
                yield Finding(match.start, match.end)

    def _alone(self, doc: Document) -> Iterator[Finding]:
        """A one-word sentence that only reproaches: "Again.", "Yine."."""
        if self.alone is None:
            return
        for m in self.alone.finditer(doc.prose_folded):
            start = m.start() + len(m.group()) - len(m.group().lstrip())
            end = m.end()
            while end > start and doc.text[end - 1] in ".! \t":
                end -= 1
            if start > 0:  # a reply of the one word alone is no reproach
                yield Finding(start, end)

    def _eye_rolls(self, doc: Document) -> Iterator[Finding]:
        text = doc.prose_text
        if text.isascii():
            return
        for emoji in self.eye_rolls:
            at = text.find(emoji)
            while at >= 0:
                end = at + len(emoji)
                while (
                    end < len(text)
                    and text[end]
                    in "\u200d\u2640\u2642\ufe0f\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff"
                ):
                    end += 1
                yield Finding(at, end)
                at = text.find(emoji, end)

    def check(self, doc: Document) -> Iterator[Finding]:
        found = list(super().check(doc))
        for extra in (*self._mock_praise(doc), *self._alone(doc), *self._eye_rolls(doc)):
            if not any(f.start < extra.end and extra.start < f.end for f in found):
                found.append(extra)
        found.sort(key=lambda f: f.start)
        text = doc.prose_text
        if self.tags is not None and any(tag in text for tag in self.tag_texts):
            found += [Finding(m.start(), m.end()) for m in self.tags.finditer(text)]
            found.sort(key=lambda f: f.start)
        yield from found
