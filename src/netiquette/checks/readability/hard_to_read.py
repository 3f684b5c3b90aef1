from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from netiquette.core import Finding
from netiquette.engines import readability
from netiquette.rule import Rule, RuleContext, register
from netiquette.text.document import Document


@register
class HardToRead(Rule):
    """Flags replies whose readability score says most customers will struggle.

    ## What it does
    Computes the reply's reading ease and grade (the same figures every report carries
    in its metrics: Flesch reading ease and Flesch-Kincaid grade in English, Ateşman
    reading ease and Bezirci-Yılmaz grade in Turkish) and reports when the ease is
    below `min_reading_ease` or the grade is above `max_grade`. Unless the settings
    give them, both come from the language's `language.yaml`, since the scales
    differ: ease below 30 or grade above 14 (about university level) in English, ease
    below 25 or grade above 20 in Turkish. Replies under 40 words (30 in Turkish,
    `lang/tr/readability.yaml`) are not judged: the formulas swing widely on a few
    sentences. The finding points at the hardest sentence (the one
    with the highest grade), the best place to start rewriting; its message gives the
    figures for the whole reply. When the reply only scores badly because of
    sentences over `max_sentence_words`, it stays silent: `long-sentence` flags those,
    and splitting them is the whole fix.

    It is info-level: the formulas only count words and syllables, and the usual
    causes (long sentences, jargon) have their own rules.

    ## Why is this bad?
    Customers read replies quickly and in their second or third language as often as
    not. Plain English scores 60 or more; below 30 the text reads like a legal or
    academic document, and customers write back to ask what it means.

    ## Example
    ```
    Following a comprehensive investigation, our technical department has
    established that the intermittent synchronisation difficulties you experienced
    originate from an incompatibility in your organisation's authentication
    configuration. Our recently implemented infrastructure modifications no longer
    support that configuration. Consequently, administrative reconfiguration of your
    account is necessary. Subsequently, synchronisation functionality should be
    restored automatically.
    ```

    ## Use instead
    ```
    We found the cause of the sync problems. Your company's admin account uses an
    older sign-in setting that our recent update no longer supports. To fix it, your
    admin can open Settings, then Security, and switch on the new sign-in option.
    Syncing should then start again on its own within a few minutes.
    ```
    """

    id = "NQ401"
    name = "hard-to-read"
    category = "readability"
    severity = "info"
    message = (
        "This reply is hard to read for many customers; use shorter sentences and "
        "plainer words, starting with this sentence."
    )
    fix_title = "Simplify the hardest sentence"
    extra_messages: ClassVar[Mapping[str, str]] = {
        "scores": "This reply scores {ease} for reading ease and needs grade {grade} to "
        "read, which is hard going for many customers; use shorter sentences and "
        "plainer words, starting with this one."
    }
    data_file = "readability.yaml"
    options = ("min_reading_ease", "max_grade", "max_sentence_words")
    sees_placeholders = True

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        self.min_reading_ease = float(context.option("min_reading_ease"))
        self.max_grade = float(context.option("max_grade"))
        self.max_sentence_words = int(context.option("max_sentence_words"))
        self.min_words = self.count_setting("min_words", 40)

    def _fails(self, figures: dict[str, float]) -> bool:
        ease = figures.get("reading_ease")
        grade = figures.get("grade")
        if ease is None or grade is None:
            return False
        return ease < self.min_reading_ease or grade > self.max_grade

    def check(self, doc: Document) -> Iterator[Finding]:
        sentences = [s for s in doc.sentences if s.words >= 3]
        if sum(s.words for s in sentences) < self.min_words:
            return
        figures = readability.scores(doc)
        if not self._fails(figures):
            return
        # Sentences over the length limit are long-sentence's findings: when the reply
        # only scores badly because of them, splitting them is the whole fix.
        ordinary = [s for s in sentences if s.words <= self.max_sentence_words]
        if len(ordinary) < len(sentences) and not (
            ordinary and self._fails(readability.figures(doc, ordinary))
        ):
            return
        hardest = max(ordinary, key=lambda s: (readability.sentence_grade(doc, s), s.words))
        span = doc.reportable(hardest.start, hardest.end)
        if span is None:
            return
        start, end = span
        ease, grade = figures["reading_ease"], figures["grade"]
        yield Finding(
            start,
            end,
            self.say("scores", ease=f"{ease:g}", grade=f"{grade:g}"),
            data={"reading_ease": ease, "grade": grade},
        )
