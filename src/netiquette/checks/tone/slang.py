from __future__ import annotations

from netiquette.checks.phrase_rule import PhraseRule
from netiquette.engines.phrases import PhraseMatch
from netiquette.rule import register
from netiquette.text.document import Document


@register
class Slang(PhraseRule):
    """Flags informal slang, with the standard word as replacement.

    ## What it does
    Finds slang spellings and casual words: ``gonna``, ``wanna``, ``gotta``,
    ``kinda``, ``dunno``, ``ain't``, ``yep``, ``nope``, ``yeah``, ``y'all``,
    ``lemme``, ``gimme``, ``cuz``, ``my bad``, ``no biggie`` ... and offers the
    standard form (``going to``, ``yes``, ``my mistake``). A word capitalised in the
    middle of a sentence is taken for a name and passes (``the Gonna Bay resort``).
    Chat abbreviations such as
    ``u``, ``thx`` or ``btw`` are the jargon category's ``chat-speak`` rule. In
    Turkish: ``valla``, ``harbiden``, ``okey``, ``Aynen,``, ``falan filan``, ``baya``,
    spoken spellings (``gelcek``, ``bakıcam``, ``geliyo``); ``aynen`` in "bilgileriniz
    aynen korunur" and the game ``okey`` pass.

    ## Why is this bad?
    Slang reads as careless or unprofessional to many customers, and it is harder
    for readers whose first language is not English.

    ## Example
    ```
    Yeah, we're gonna send a new one. My bad!
    ```

    ## Use instead
    ```
    Yes, we're going to send a new one. My mistake!
    ```
    """

    id = "NQ112"
    name = "slang"
    category = "tone"
    severity = "warning"
    message = "'{match}' is slang and reads as unprofessional; use the standard word."
    fix_title = "Use the standard word"
    data_file = "tone.yaml"

    def accept(self, doc: Document, match: PhraseMatch) -> bool:
        word = doc.text[match.start : match.end]
        if word[:1].isupper() and not word.isupper() and not doc.starts_sentence(match.start):
            return False  # a name: "the Kinda River tour"
        return super().accept(doc, match)
