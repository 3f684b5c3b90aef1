from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import ClassVar

from netiquette.checks.phrase_rule import PhraseRule
from netiquette.core import Finding
from netiquette.engines.phrases import PhraseMatch
from netiquette.rule import register
from netiquette.text.document import Document


@register
class WordyPhrase(PhraseRule):
    """Flags wordy phrases that have a shorter, plainer form.

    ## What it does
    Finds phrases such as "in order to", "at this point in time", "due to the fact
    that" or "please be advised that", and offers the shorter wording ("to", "now",
    "because", or nothing at all). The list comes from the US Federal Plain Language
    Guidelines and from customer-service replies; it lives in
    `lang/en/readability.yaml` under `wordy-phrase`. In Turkish it finds the formulas
    of official letters ("bilgilerinize sunarız", "gerekmektedir", "ile ilgili
    olarak", "mevcut durumda", "nedeniyle dolayı") and offers the plain form ("",
    "gerekir", "hakkında", "şu an", "nedeniyle"); the list is in
    `lang/tr/readability.yaml`. Most are suggestions (info); officialese that a
    layperson struggles with ("please be advised that", "pursuant to",
    "aforementioned"; "istinaden", "mezkûr", "bilgilerinize arz ederiz") is a warning.

    ## Why is this bad?
    Padding makes a reply longer without making it clearer, and it sounds like a form
    letter rather than a person. Customers skim: every extra phrase pushes the answer
    they came for further down.

    ## Example
    ```
    Please be advised that in order to process your refund, we will need your order
    number at your earliest convenience.
    ```

    ## Use instead
    ```
    To process your refund, we need your order number. Could you send it when you
    can?
    ```

    ## Fix safety
    Safe for the entries whose shorter form is a drop-in ("in order to" -> "to",
    "due to the fact that" -> "because"; a phrase that is left out takes the space
    after it along, and the next word a capital where the phrase began a sentence).
    Entries marked ``fix_safety: unsafe`` in the data need the sentence rewritten
    around them: "a majority of the" needs "most of the", "aforementioned" follows
    "the", and Turkish replacements that change the case of the word before them
    ("siparişin teslim edilmesi gerekmektedir", "talebinize istinaden") or that
    leave a sentence without its verb ("bilgilerinize sunarız"). Entries with
    several replacements are unsafe too.
    """

    id = "NQ403"
    name = "wordy-phrase"
    category = "readability"
    severity = "info"
    message = "'{match}' is a wordy way to say it; the shorter form reads faster."
    fix_title = "Use the shorter wording"
    fix_safety = "safe"
    extra_messages: ClassVar[Mapping[str, str]] = {
        "omit": "'{match}' adds nothing the customer needs; leave it out."
    }
    data_file = "readability.yaml"

    def finding(self, doc: Document, match: PhraseMatch) -> Finding:
        found = super().finding(doc, match)
        if match.entry.replacements == ("",) and not found.message:
            return dataclasses.replace(found, message=self.say("omit"))
        return found
