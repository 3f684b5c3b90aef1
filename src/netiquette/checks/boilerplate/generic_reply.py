from __future__ import annotations

import re
from collections.abc import Iterator

from netiquette.core import Finding
from netiquette.rule import Rule, RuleContext, register
from netiquette.text.document import Document, Token
from netiquette.text.fold import fold
from netiquette.text.phrase_syntax import phrase_words


@register
class GenericReply(Rule):
    """Flags a reply made only of generic courtesy phrases that could answer any ticket.

    ## What it does
    Looks at the reply between its greeting ("Hi Maria,") and its sign-off ("Kind
    regards, Sam"). When every word there is part of a stock phrase ("thank you for
    contacting us", "we apologize for any inconvenience", "your satisfaction is our top
    priority", "we are looking into this", "please do not hesitate to contact us") or a
    small glue word ("we", "and", "please"), and there are at least two such phrases, the
    reply says nothing specific: no answer, no date or number, no product, no next step.
    Any other word (a digit, a name, a product, an instruction) makes the reply pass,
    so a short polite reply that answers is never flagged. Turkish replies are judged
    the same way with Turkish stock phrases ("bizi tercih ettiğiniz için teşekkür
    ederiz", "yaşanan aksaklıktan dolayı özür dileriz", "talebiniz ilgili birime
    iletilmiştir", "en kısa sürede dönüş sağlanacaktır").

    ## Why is this bad?
    A reply of stock phrases tells the customer that nobody read their message. They
    still have their problem, and now they have to write again.

    ## Example
    ```
    Hi Maria,

    Thank you for contacting us. We apologize for any inconvenience. We are looking
    into this. Please do not hesitate to contact us if you have any other questions.

    Kind regards,
    Sam
    ```

    ## Use instead
    ```
    Hi Maria,

    I'm sorry the charger stopped working after two weeks. I've sent a replacement
    today by tracked post (tracking number 0412 7788 1200); it should arrive on Friday.

    Kind regards,
    Sam
    ```
    """

    id = "NQ503"
    name = "generic-reply"
    category = "boilerplate"
    severity = "warning"
    message = (
        "This reply is only stock courtesy phrases and never addresses the customer's "
        "question; add the answer, a specific detail or the next step."
    )
    fix_title = "Answer the customer's question"
    data_file = "boilerplate.yaml"
    sees_placeholders = True

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        lang = context.lang
        data = self.rule_data
        self.filler = self.phrase_list("filler")
        phrases = [entry.phrase for entry in self.filler.entries]
        self.min_filler = int(data.get("min_filler", 2))
        self.max_words = int(data.get("max_words", 150))
        #: Words outside the stock phrases a generic reply may still have ("Check our
        #: website for more info": "check"), besides names in capitals.
        self.max_other_words = max(int(data.get("max_other_words", 0)), 0)
        self.glue = self.folded_words("glue")
        vocabulary: set[str] = set(self.glue)
        prefixes: set[str] = set()
        letter = context.data("letter.yaml")
        for phrase in [*phrases, *letter.get("sign_offs", []), *letter.get("greetings", [])]:
            for word in phrase_words(fold(phrase, lang)):
                if word.endswith("*") and word[:-1].isalpha():
                    prefixes.add(word[:-1])
                else:
                    vocabulary.update(_token_forms(word))
        # Every word a generic reply can contain: a word outside it ends the check early.
        self.vocabulary = frozenset(vocabulary)
        self.prefixes = tuple(sorted(prefixes))

    def _is_vocabulary(self, token: Token) -> bool:
        word = token.folded
        return word in self.vocabulary or word.startswith(self.prefixes)

    def _is_specific(self, token: Token) -> bool:
        """A number, a link or an address: something said to this customer only."""
        if token.like_url or token.like_email:
            return True
        # "3", "three"; but Turkish "bir" is mostly "a", not "one"
        return token.like_num and not self._is_vocabulary(token)

    def _is_name(self, doc: Document, token: Token) -> bool:
        """A capitalised word inside a sentence: the company, a product, a page name."""
        return token.text[:1].isupper() and not doc.starts_sentence(token.start)

    def check(self, doc: Document) -> Iterator[Finding]:
        words = doc.words
        if not words or len(words) > self.max_words:
            return
        # Fast exit: most replies have several lower-case words that no stock phrase
        # contains (names and signatures, the only other places, are capitalised).
        stray = 0
        for token in words:
            if (
                token.text[:1].islower()
                and not self._is_vocabulary(token)
                and not doc.in_placeholder(token.start, token.end)
                and not doc.in_quoted(token.start, token.end)
            ):
                stray += 1
                if stray > self.max_other_words:
                    return
        start, end = doc.body
        if start >= end:
            return
        body = [
            t
            for t in doc.tokens
            if start <= t.start
            and t.end <= end
            and not t.is_punct
            and not doc.in_placeholder(t.start, t.end)
            and not doc.is_protected(t.start, t.end)
        ]
        # A number, a link or an address is specific to this customer.
        if any(self._is_specific(t) for t in body):
            return
        matches = self._filler_spans(doc, start, end)
        if len(matches) < self.min_filler:
            return
        stray = 0
        for token in body:
            if not any(c.isalnum() for c in token.text) or token.folded in self.glue:
                continue
            if self._is_vocabulary(token) or self._is_name(doc, token):
                continue  # a stock phrase's word, reordered, is still stock
            stray += 1
            if stray > self.max_other_words:
                return
        first = matches[0][0]
        last = max(t.end for t in body)
        span = doc.reportable(first, _through_punctuation(doc.text, last, end))
        if span is not None:
            yield Finding(span.start, span.end)

    def _filler_spans(self, doc: Document, start: int, end: int) -> list[tuple[int, int]]:
        """Stock phrases in ``start:end`` of the prose, overlapping ones merged, in order."""
        found = [(m.start, m.end) for m in self.filler.find_all(doc, start, end)]
        merged: list[tuple[int, int]] = []
        for m_start, m_end in found:
            if merged and m_start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], m_end))
            else:
                merged.append((m_start, m_end))
        return merged


_CONTRACTION = re.compile(r"(?:n't|'(?:re|m|ve|ll|s|d))$")


def _token_forms(word: str) -> list[str]:
    """A phrase word as the tokenizer splits it: "don't" -> "do", "n't"."""
    m = _CONTRACTION.search(word)
    if m is None or m.start() == 0:
        return [word]
    return [word[: m.start()], m.group()]


def _through_punctuation(text: str, pos: int, limit: int) -> int:
    while pos < limit and not text[pos].isspace() and not text[pos].isalnum():
        pos += 1
    return pos
