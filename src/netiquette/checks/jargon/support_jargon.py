from __future__ import annotations

from netiquette.checks.phrase_rule import PhraseRule
from netiquette.rule import register


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
