from __future__ import annotations

import re

from netiquette.checks.phrase_rule import PhraseRule
from netiquette.engines.phrases import PhraseMatch
from netiquette.rule import register
from netiquette.text.acronyms import labels_code, named_in_parentheses
from netiquette.text.document import Document, SharedKey

#: "ABC (plain words)": two or more words without digits in parentheses after it.
_GLOSS_AFTER = re.compile(r"[ \t]*\((?:[^\W\d_][\w'’-]*[ \t]+)+[^\W\d_][\w'’-]*\)")
#: A short word: an acronym when it is in capitals ("SLA", "İYS", "2FA").
_SHORT_WORD = re.compile(r"(?<!\w)\w{2,8}(?!\w)")
#: Each acronym the reply explains, and where its first explained use ends.
_EXPLAINED: SharedKey[dict[str, int]] = SharedKey("support-jargon: explained acronyms")


@register
class SupportJargon(PhraseRule):
    """Flags support-team jargon and corporate speak, with plain wording to use instead.

    ## What it does
    Finds words that support teams use among themselves: support tiers ("escalated to
    L2", "tier 2 support"), internal codes and metrics ("P1", "SLA", "RMA", "CSAT",
    "AHT", "ETA", "EOD"), engineering words ("root cause", "hotfix", "backend",
    "deployed", "in staging", "repro") and corporate speak ("circle back", "touch
    base", "leverage", "going forward", "as per", "kindly revert"). Each comes with the
    plain words a customer understands.

    Words with an everyday meaning are flagged only where they are jargon: "revert"
    when it means "reply" ("please revert with the details", not "revert the
    changes"), "bandwidth" when it means time ("we don't have the bandwidth", not
    "your bandwidth allowance"), "tier 2" before "support" or "team", "prod" and
    "staging" after "in", "on" or "to". Words customers know (ticket, account,
    password, browser, cache, escalate) are not jargon. Acronyms flagged here are not
    reported again as undefined acronyms (NQ301) while this rule is selected, and a
    term the customer used in the quoted message ("> Why was my SLA missed?") may be
    used back to them.

    An acronym the reply explains is not jargon: "the return authorisation (RMA)",
    "SLA (service level agreement)", and every later use after it. Nor is one that
    labels a code the customer holds, right before an identifier with digits ("SKU
    A-2291", "RMA-55812", "PO 4500123"): it names the field printed next to that
    value on their receipt or label, so they know which number to look for. "Your
    RMA was approved" or "the SKU" without a code is still flagged.

    In Turkish it finds support-team words and anglicisms ("eskale ettik", "ticket",
    "L2'ye", "SLA", "case açıldı", "refund", "feedback", "update geçeceğiz", "aksiyon
    aldık", "fixledik") and offers the Turkish word ("uzman ekibimize ilettik",
    "talep", "iade", "geri bildirim"); a suffixed form ("ticket'ınız") gets the message
    only, since the Turkish word takes a different suffix.

    ## Why is this bad?
    The customer is not part of the team. "Escalated to L2 per the SLA" tells them
    nothing about who is helping or when; internal words make them ask again, or feel
    handled by a process instead of helped by a person.

    ## Example
    ```
    Your ticket has been escalated to L2 and actioned as per the SLA. ETA is EOD.
    ```

    ## Use instead
    ```
    I have passed your request to our specialist team. They will reply by 5 pm today.
    ```
    """

    id = "NQ302"
    name = "support-jargon"
    category = "jargon"
    severity = "warning"
    message = "'{match}' is support jargon the customer may not know; use plain words."
    fix_title = "Replace with plain wording"
    options = ("allow_words",)
    data_file = "jargon.yaml"
    uses_allow_words = True
    mirrors_customer = True

    def accept(self, doc: Document, match: PhraseMatch) -> bool:
        text = doc.text
        written = text[match.start : match.end]
        if written.isupper() and written.isalnum():
            if labels_code(text, match.end):
                return False
            explained_at = doc.shared(_EXPLAINED, _explained_acronyms).get(written)
            if explained_at is not None and explained_at <= match.end:
                return False
        return super().accept(doc, match)


def _explained_acronyms(doc: Document) -> dict[str, int]:
    """Each acronym the reply explains, "plain words (ABC)" or "ABC (plain words)",
    and where its first explained use ends: one pass over the text, so a reply with
    thousands of acronyms costs no more per acronym than one with a few."""
    text = doc.text
    found: dict[str, int] = {}
    for m in _SHORT_WORD.finditer(text):
        acronym = m.group()
        if acronym in found or not acronym.isupper():
            continue
        if named_in_parentheses(text, m.start(), m.end()) or _GLOSS_AFTER.match(text, m.end()):
            found[acronym] = m.end()
    return found
