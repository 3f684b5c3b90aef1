from __future__ import annotations

import re
from collections.abc import Iterator

from netiquette.checks.phrase_rule import PhraseRule
from netiquette.core import Finding
from netiquette.engines.phrases import PhraseMatch
from netiquette.rule import RuleContext, register
from netiquette.text.document import Document
from netiquette.text.fold import fold

#: The high vowel that follows a syllable with this vowel (Turkish two-way harmony:
#: "sın" -> "sınız", "sin" -> "siniz", "sun" -> "sunuz", "sün" -> "sünüz").
_HIGH = {"a": "ı", "ı": "ı", "e": "i", "i": "i", "o": "u", "u": "u", "ö": "ü", "ü": "ü"}
_VOWELS = frozenset("aeıioöuüâîû")
#: After an imperative: the end of a clause (a mark, an emoji, a line break), or "ve" /
#: "sonra" / "lütfen" joining the next step ("Şifreni sıfırla ve tekrar dene.").
_AFTER_IMPERATIVE = re.compile(r"[ \t]*(?:[^\w\s]|\r?\n|$)|\s+(?:ve|sonra|lütfen)\b")
#: Imperatives whose final "t" softens before a vowel ("et" -> "edin", "git" -> "gidin").
_SOFTENING = ("et", "git")


def _last_vowel(word: str) -> str:
    for char in reversed(word):
        if char in _VOWELS:
            return {"â": "a", "î": "i", "û": "u"}.get(char, char)
    return "e"


def formal_personal(text: str) -> str:
    """A second-person singular form made plural ("formal"): the ending gets
    "-ız/-iz/-uz/-üz" ("yapabilirsin" -> "yapabilirsiniz", "siparişin" -> "siparişiniz")."""
    return text + _HIGH[_last_vowel(fold(text, "tr"))] + "z"


def formal_imperatives(text: str) -> tuple[str, ...]:
    """The formal imperatives of an informal one ("bekle" -> "bekleyin", "bekleyiniz";
    "kontrol et" -> "kontrol edin", "kontrol ediniz")."""
    head, _, last = text.rpartition(" ")
    folded = fold(last, "tr")
    vowel = _HIGH[_last_vowel(folded)]
    stem = last
    if folded in _SOFTENING:
        stem = last[:-1] + "d"
    elif folded[-1:] in _VOWELS:
        stem = last + "y"
    prefix = f"{head} " if head else ""
    return (f"{prefix}{stem}{vowel}n", f"{prefix}{stem}{vowel}n{vowel}z")


@register
class InformalAddress(PhraseRule):
    """Flags the informal "sen" address where a Turkish reply should use "siz".

    ## What it does
    Finds the singular "you" of Turkish in a reply: the pronouns (``sen``, ``senin``,
    ``sana``, ``seni``, ``sende``, ``senden``, ``seninle``), the question particle
    (``emin misin``), singular verb endings that cannot be anything else
    (``-bilirsin``, ``-malısın``, ``-yorsun``, ``-mışsın``, ``-acaksın``, ``-mazsın``,
    ``-rsan``/``-rsen``), the past and aorist forms of frequent support verbs
    (``gönderdin``, ``yaparsın``), bare imperatives of frequent support verbs at the end
    of a clause (``bekle``, ``tıkla``, ``kontrol et``, ``unutma``) and possessives such
    as ``siparişin`` or ``hesabın`` when a finite predicate follows (``Siparişin
    yolda.``). The replacement is the "siz" form: ``sana`` -> ``size``,
    ``yapabilirsin`` -> ``yapabilirsiniz``, ``bekle`` -> ``bekleyin`` / ``bekleyiniz``.
    Genitives (``siparişin durumu``), third-person forms (``göndersin``) and the
    formal ``-iniz`` forms pass, and so do the names of buttons and menus the
    customer is told to use, quoted or in a menu path (``"Tekrar Dene" deyin``,
    ``Ayarlar > Güvenlik > Kontrol Et``): they are the screen's words, not the
    agent's. The word lists and endings are data (``tone.yaml``).

    ## Why is this bad?
    Turkish customer service addresses the customer with the respectful "siz".
    The singular "sen" reads as talking down to the customer or as a chat with a
    friend, and many customers take it as disrespect.

    ## Example
    ```
    Merhaba, siparişin yolda. Yarın kargo takip sayfasına bak, sorun olursa bize yazabilirsin.
    ```

    ## Use instead
    ```
    Merhaba, siparişiniz yolda. Yarın kargo takip sayfasına bakabilirsiniz; bir sorun
    olursa bize yazabilirsiniz.
    ```
    """

    id = "NQ115"
    name = "informal-address"
    category = "tone"
    severity = "warning"
    message = (
        "'{match}' addresses the customer informally with 'sen'; use the respectful 'siz' form."
    )
    fix_title = "Use the 'siz' form"
    data_file = "tone.yaml"
    entry_keys = frozenset({"imperative"})

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        lang = context.lang
        data = self.settings_data
        self.endings = tuple(fold(str(e), lang) for e in data.get("endings", []))
        self.min_stem = max(int(data.get("min_stem", 2)), 1)
        self.not_words = self.folded_words("not_words")

    def accept(self, doc: Document, match: PhraseMatch) -> bool:
        if doc.in_label(match.start, match.end):
            return False  # a button or menu named in an instruction: '"Kontrol Et" deyin'
        if match.entry.extra.get("imperative") is True and not _AFTER_IMPERATIVE.match(
            doc.prose_folded, match.end
        ):
            return False
        return super().accept(doc, match)

    def finding(self, doc: Document, match: PhraseMatch) -> Finding:
        found = super().finding(doc, match)
        if found.replacements:
            return found
        written = doc.text[match.start : match.end]
        if match.entry.extra.get("imperative") is True:
            replacements = formal_imperatives(written)
        else:
            replacements = (formal_personal(written),)
        return Finding(found.start, found.end, found.message, replacements, found.severity)

    def _endings(self, doc: Document, taken: list[tuple[int, int]]) -> Iterator[Finding]:
        endings = self.endings
        text = doc.prose_folded
        for token in doc.words:
            word = token.folded
            if not word.endswith(endings) or word in self.not_words:
                continue
            if text[token.start : token.end] != word:
                continue  # protected text (a quoted line, a URL)
            ending = next(e for e in endings if word.endswith(e))
            if len(word) - len(ending) < self.min_stem:
                continue
            if any(a < token.end and token.start < b for a, b in taken):
                continue
            if doc.in_label(token.start, token.end):
                continue
            yield Finding(token.start, token.end, replacements=(formal_personal(token.text),))

    def check(self, doc: Document) -> Iterator[Finding]:
        found = [self.finding(doc, m) for m in self.matches(doc)]
        if self.endings:
            found += list(self._endings(doc, [(f.start, f.end) for f in found]))
            found.sort(key=lambda f: f.start)
        yield from found
