from __future__ import annotations

from collections.abc import Iterator

from netiquette.document import Document, Token
from netiquette.rule import Finding, Rule, RuleContext, register
from netiquette.textnorm import fold


@register
class Shouting(Rule):
    """Flags words or sentences written in capitals, which read as shouting.

    ## What it does
    Finds a sentence of three or more words written mostly in capitals, and single
    capitalised words that are not acronyms (``NOT``, ``NEVER``, ``IMMEDIATELY``).
    Acronyms such as ``PDF``, ``USB`` or ``VAT`` are left alone: a short word in
    capitals counts only when it is a common word, and a long one only when it is not a
    known acronym.

    ## Why is this bad?
    Capitals read as raised voice. A customer who is already frustrated hears anger
    or impatience, even when the agent only meant emphasis.

    ## Example
    ```
    Please DO NOT reply to this e-mail. YOUR ORDER HAS ALREADY SHIPPED.
    ```

    ## Use instead
    ```
    Please don't reply to this e-mail. Good news: your order has already shipped.
    ```
    """

    id = "NQ101"
    name = "shouting"
    category = "tone"
    severity = "warning"
    languages = ("en",)
    message = "Writing '{match}' in capitals reads as shouting; use normal case."
    fix_title = "Write in sentence case"

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        data = context.data("shouting.yaml")
        lang = context.lang
        self.shouted_words = frozenset(fold(w, lang) for w in data.get("shouted_words", []))
        everyday = context.data("acronyms.yaml").get("everyday", [])
        self.acronyms = frozenset(fold(w, lang) for w in everyday)
        self.min_long_word = int(data.get("min_long_word", 5))

    def _is_caps_word(self, token: Token) -> bool:
        text = token.text
        return text.isupper() and sum(c.isalpha() for c in text) >= 2

    def _is_shouted_word(self, token: Token) -> bool:
        if not self._is_caps_word(token):
            return False
        word = token.folded.strip("'’")
        if word in self.shouted_words:
            return True
        return len(word) >= self.min_long_word and word not in self.acronyms and word.isalpha()

    def check(self, doc: Document) -> Iterator[Finding]:
        lang = self.context.lang
        flagged_sentences: set[int] = set()
        by_sentence: dict[int, list[Token]] = {}
        for token in doc.words:
            by_sentence.setdefault(token.sentence, []).append(token)
        for index, words in by_sentence.items():
            caps = [t for t in words if self._is_caps_word(t) and t.folded not in self.acronyms]
            if len(words) >= 3 and len(caps) >= 3 and len(caps) >= 0.7 * len(words):
                flagged_sentences.add(index)
                yield Finding(
                    caps[0].start,
                    caps[-1].end,
                    "This sentence is written in capitals, which reads as shouting; "
                    "use sentence case.",
                    (_sentence_case(doc.text[caps[0].start : caps[-1].end], lang),),
                )
        for token in doc.words:
            if token.sentence not in flagged_sentences and self._is_shouted_word(token):
                yield Finding(token.start, token.end, replacements=(token.folded,))


def _sentence_case(text: str, lang: str) -> str:
    lowered = fold(text, lang)
    return lowered[:1].upper() + lowered[1:] if lowered else lowered
