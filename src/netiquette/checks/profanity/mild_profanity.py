from __future__ import annotations

from typing import ClassVar

from netiquette.checks.profanity.base import ProfanityRule
from netiquette.engines.profanity import Tier
from netiquette.rule import register


@register
class MildProfanity(ProfanityRule):
    """Flags mild swear words such as "damn", "crap", "hell" or "bloody".

    ## What it does
    Finds mild swearing: ``damn`` and ``goddamn``, ``crap`` and ``crappy``, ``hell`` as
    an expletive, ``bloody`` as an intensifier, ``bugger``, ``arse``, ``ass``,
    ``pissed off``, ``sodding``, ``cock-up``, with their inflections and the same
    disguises as NQ201 (``d*mn``, ``h3ll``, ``craaap``).

    Literal and idiomatic uses the data knows are left alone: ``hello`` and ``shell``
    (whole-word matching), ``Hell's Kitchen`` (a capitalised name), ``hell-bent``,
    ``a bloody nose``, ``Bloody Mary``, ``damning``, ``craps`` (the dice game),
    ``fanny pack``.

    In Turkish, the mild tier holds curses (``lanet olsun``, ``kahretsin``,
    ``kahrolası``, ``geber``) with their inflections. Insults of a person's
    intelligence (``salak``, ``aptal``, ``gerizekalı``) are matched by the same engine,
    disguises and all, but reported as name-calling (NQ116, tone): they insult, they do
    not swear.

    The list lives in ``lang/<iso>/profanity.yaml`` (tier ``mild``). Words in
    ``allow_words`` are never flagged; words in ``deny_words`` are reported by NQ201
    instead.

    ## Why is this bad?
    Mild words still read as careless or irritated to many customers, and what one
    reader shrugs off another finds rude. In a written reply that speaks for the
    company, they add nothing the customer needs.

    ## Example
    ```
    Damn, the parcel went to the wrong depot again. What a crappy week for you.
    ```

    ## Use instead
    ```
    I'm sorry, the parcel went to the wrong depot again. What a poor week for you;
    I have booked a new delivery for tomorrow morning.
    ```
    """

    id = "NQ202"
    name = "mild-profanity"
    category = "profanity"
    severity = "warning"
    tier: ClassVar[Tier] = "mild"
    message = (
        "'{match}' is a mild swear word; many customers still find it rude or careless, "
        "so leave it out."
    )
    fix_title = "Remove the word or rephrase without it"
