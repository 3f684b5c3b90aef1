from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar

from netiquette.core import Finding
from netiquette.rule import Rule, RuleContext, register
from netiquette.text.document import Document, Token
from netiquette.text.fold import fold, fold_acronym, upper
from netiquette.text.names import in_product_name

#: After a surname in capitals: the end of the line, the sentence or a comma.
_SURNAME_END = re.compile(r"[ \t]*(?:[,.]|\r?\n|$)")


@register
class Shouting(Rule):
    """Flags words or sentences written in capitals, which read as shouting.

    ## What it does
    Finds a sentence of three or more words written mostly in capitals, and words in
    capitals that are not acronyms (``NOT``, ``NEVER``, ``IMMEDIATELY``). Acronyms
    such as ``PDF``, ``USB`` or ``VAT`` (Turkish ``KDV``, ``PTT``) are left alone: a
    short word in capitals counts only when it is a common word, and a long one only
    when it is not a known acronym (in English also a known name or an acronym with
    an expansion: ``UNICEF``, ``HIPAA``). Capitals are read the Turkish way in
    Turkish (``İ``, ``Ş``, ``Ğ``), where a surname in capitals after a name, ending the
    line (``Elif SÜER``), is the usual way to write it and passes.

    One word in capitals in an otherwise calm reply is emphasis ("Please do NOT share
    the code"): it is reported as info, a suggestion rather than a warning. Capitals
    shout, and are a warning, when there is more than one such word in the reply
    (``DO NOT``, or ``NOT`` here and ``TWICE`` there) or when the sentence also has an
    exclamation mark (``This is NOT acceptable!``). Words in a label the customer is
    told to look for, quoted or in a menu path (``the sticker says "SERIAL"``,
    ``tap "OK"``), are the label's, not the agent's, and are not counted.

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

    ## Fix safety
    Safe for a single word: it is written in lower case (with a capital where it
    starts a sentence), and acronyms are never flagged. A whole sentence in capitals
    is an unsafe fix: its replacement lowers names and acronyms inside it too.
    """

    id = "NQ101"
    name = "shouting"
    category = "tone"
    severity = "warning"
    message = "Writing '{match}' in capitals reads as shouting; use normal case."
    fix_title = "Write in sentence case"
    fix_safety = "safe"
    extra_messages: ClassVar[Mapping[str, str]] = {
        "sentence": "This sentence is written in capitals, which reads as shouting; "
        "use sentence case.",
        "emphasis": "'{match}' in capitals stresses one word; in normal case the "
        "sentence reads calmer.",
    }
    data_file = "shouting.yaml"
    data_section = False

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        self.sentence_message = self.say("sentence")
        self.emphasis_message = self.say("emphasis")
        data = context.data("shouting.yaml")
        lang = context.lang
        self.shouted_words = self.folded_words("shouted_words")
        acronyms = context.data("acronyms.yaml")
        known: list[str] = [str(w) for w in data.get("acronyms", [])]
        for key in data.get("acronym_lists", ["everyday"]):
            known.extend(str(w) for w in acronyms.get(key) or ())  # a dict gives its keys
        self.acronyms = frozenset(fold_acronym(w, lang) for w in known)
        self.min_long_word = int(data.get("min_long_word", 5))
        self.surname_after_name = data.get("surname_after_name") is True
        self.product_words = frozenset(fold(str(w), lang) for w in data.get("product_words", []))
        self.keyword_before = frozenset(fold(str(w), lang) for w in data.get("keyword_before", []))
        self.keyword_after = frozenset(fold(str(w), lang) for w in data.get("keyword_after", []))
        self.acronym_before = {
            fold(str(word), lang): frozenset(fold(str(n), lang) for n in nouns)
            for word, nouns in (data.get("acronym_before") or {}).items()
        }

    def _is_name_part(self, words: tuple[Token, ...], index: int) -> bool:
        """A keyword to text ("text HELP"), a word of a product or model name in
        capitals ("ZENITH PRO 14"), or an acronym before the noun it names ("IT team")."""
        token = words[index]
        if index > 0 and words[index - 1].folded in self.keyword_before:
            return True  # "text HELP to 4040"
        if index + 1 < len(words) and words[index + 1].folded in self.keyword_after:
            return True  # "YARDIM yazıp gönderin"
        nouns = self.acronym_before.get(token.folded)
        if nouns and index + 1 < len(words) and words[index + 1].folded in nouns:
            return True
        return in_product_name(words, index, self.product_words)

    def _is_caps_word(self, token: Token) -> bool:
        text = token.text
        return text.isupper() and sum(c.isalpha() for c in text) >= 2

    def _is_shouted_word(self, token: Token) -> bool:
        if not self._is_caps_word(token):
            return False
        word = token.folded.strip("'’")
        if word in self.shouted_words:
            return True
        return (
            len(word) >= self.min_long_word
            and fold_acronym(word, self.context.lang) not in self.acronyms
            and word.isalpha()
        )

    def _is_surname(self, doc: Document, index: int) -> bool:
        """A word in capitals after a capitalised name, ending the line or sentence."""
        words = doc.words
        if index == 0 or not _SURNAME_END.match(doc.text, words[index].end):
            return False
        name = words[index - 1].text
        return (
            name[:1].isupper()
            and name[1:].islower()
            and name.isalpha()
            and words[index - 1].sentence == words[index].sentence
        )

    def check(self, doc: Document) -> Iterator[Finding]:
        lang = self.context.lang
        words = doc.words
        # Only words in capitals can shout: find them once, then look at those alone.
        # A label the customer reads ('the sticker says "SERIAL"') is not the agent's.
        caps_at = [
            i
            for i, t in enumerate(words)
            if t.text.isupper() and self._is_caps_word(t) and not doc.in_label(t.start, t.end)
        ]
        if not caps_at:
            return
        flagged_sentences: set[int] = set()
        by_sentence: dict[int, list[Token]] = {}
        for i in caps_at:
            token = words[i]
            if fold_acronym(token.folded, lang) not in self.acronyms:
                by_sentence.setdefault(token.sentence, []).append(token)
        for index, caps in by_sentence.items():
            if len(caps) < 3:
                continue
            count = sum(1 for t in words if t.sentence == index)
            if count >= 3 and len(caps) >= 0.7 * count:
                flagged_sentences.add(index)
                yield Finding(
                    caps[0].start,
                    caps[-1].end,
                    self.sentence_message,
                    (_sentence_case(doc.text[caps[0].start : caps[-1].end], lang),),
                    # The sentence's names and acronyms are lowered too.
                    fix_safety="unsafe",
                )
        shouted: list[Token] = []
        for index in caps_at:
            token = words[index]
            if token.sentence not in flagged_sentences and self._is_shouted_word(token):
                if self.surname_after_name and self._is_surname(doc, index):
                    continue
                if self._is_name_part(words, index):
                    continue
                shouted.append(token)
        # One word in capitals is emphasis; more than one, a sentence of capitals
        # beside it, or an exclamation mark is a raised voice.
        loud = len(shouted) > 1 or bool(flagged_sentences)
        for token in shouted:
            word = token.folded
            if doc.sentence_begins_at(token.start):
                word = upper(word[:1], lang) + word[1:]
            if loud or self._exclaimed(doc, token):
                yield Finding(token.start, token.end, replacements=(word,))
            else:
                yield Finding(
                    token.start, token.end, self.emphasis_message, (word,), severity="info"
                )

    def _exclaimed(self, doc: Document, token: Token) -> bool:
        """Whether the sentence of ``token`` has an exclamation mark."""
        sentence = doc.sentence_at(token.start)
        return "!" in doc.text[sentence.start : sentence.end]


def _sentence_case(text: str, lang: str) -> str:
    lowered = fold(text, lang)
    return upper(lowered[:1], lang) + lowered[1:] if lowered else lowered
