from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from netiquette.core import Finding
from netiquette.rule import Rule, RuleContext, register
from netiquette.text.document import Document


@register
class LongSentence(Rule):
    """Flags sentences too long to follow in one reading.

    ## What it does
    Counts the words of every sentence and flags those longer than
    `max_sentence_words`: by default the language's own limit from its
    `language.yaml` (35 words in English; 28 in Turkish, whose suffixes pack more into
    a word), or the setting's value when it is set. A line break ends a sentence when
    the next
    line is a list item, starts with a capital or follows a blank line, so bullet
    lists, greetings, addresses and signatures never run into one long "sentence";
    quoted lines, URLs and placeholders are not counted.

    ## Why is this bad?
    A customer reads a reply between other tasks, often on a phone. In a long
    sentence they lose the thread, and the one instruction or date they need gets
    buried in the middle of it.

    ## Example
    ```
    I have checked your account and I can see that the payment was taken twice
    because the first attempt timed out on our side, so I have asked our billing
    team to refund the second charge, which should reach your card within five
    working days.
    ```

    ## Use instead
    ```
    I have checked your account: the payment was taken twice because the first
    attempt timed out on our side. I have asked our billing team to refund the
    second charge. It should reach your card within five working days.
    ```
    """

    id = "NQ402"
    name = "long-sentence"
    category = "readability"
    severity = "warning"
    message = "This sentence is too long to follow easily; split it into shorter ones."
    fix_title = "Split the sentence"
    extra_messages: ClassVar[Mapping[str, str]] = {
        "words": "This sentence has {words} words (more than {max_words}), which is hard "
        "to follow in one reading; split it into shorter sentences."
    }
    options = ("max_sentence_words",)
    # A sentence around a placeholder ("Hi {{first_name}}, ...") is still prose.
    sees_placeholders = True

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        self.max_words = int(context.option("max_sentence_words"))

    def check(self, doc: Document) -> Iterator[Finding]:
        for sentence in doc.sentences:
            if sentence.words > self.max_words:
                span = doc.reportable(sentence.start, sentence.end)
                if span is None:
                    continue
                start, end = span
                yield Finding(
                    start,
                    end,
                    self.say("words", words=sentence.words, max_words=self.max_words),
                    data={"words": sentence.words, "max_words": self.max_words},
                )
