from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from netiquette.checks.profanity.base import ProfanityRule
from netiquette.engines.profanity import Tier
from netiquette.rule import register


@register
class Profanity(ProfanityRule):
    """Flags strong profanity, slurs and sexual slang, disguised or not.

    ## What it does
    Finds swear words such as ``fuck``, ``shit`` or ``cunt`` with their inflections and
    compounds (``fucking``, ``bullshit``, ``motherfucker``), slurs, and explicit sexual
    slang, whole-word and in any case. Disguised spellings are read back first:
    leetspeak (``sh1t``, ``@ss``, ``$hit``, ``b!tch``), symbols or spaces between the
    letters (``f.u.c.k``, ``f-u-c-k``, ``f u c k``), masked letters (``f**k``,
    ``f***ing``, ``s**t``) and stretched letters (``fuuuuck``). The span covers the whole
    disguised word.

    Ordinary words that contain a swear word are never flagged (``Scunthorpe``,
    ``assess``, ``cocktail``, ``Dickens``, ``shiitake``, ``therapist``), nor are codes
    such as ``ASS-2291`` or abbreviations such as ``e.g.`` and ``a.s.a.p.``. Words that
    are also names or everyday words carry exceptions in the data: ``Dick`` and
    ``Cock`` written with one capital are read as names, ``stop cock`` and ``blue tits``
    are not flagged. Text quoted from the customer (lines starting with ``>``) is not
    checked.

    In Turkish the stems take any inflection (``siktir``, ``siktirin``, ``sikerim``,
    ``siktiğimin``, ``orospunun``, ``şerefsizler``, ``götün``), abbreviations count
    (``amk``, ``aq``, ``oç``, lower-case ``mk`` and ``sg``), and ASCII spellings read as
    the word (``serefsiz``, ``gotunu``, ``amina``), while ordinary words that share
    letters are left alone: ``şikayet``, ``sıkıntı``, ``sıkı``, ``götürmek``, ``amaç``,
    ``amca``, ``ambalaj``, ``mal``, ``ana sayfa``, ``Sikkim``, ``sık sorulan sorular``.

    The list lives in ``lang/<iso>/profanity.yaml`` (tier ``strong``). Words in the
    ``deny_words`` setting are always flagged by this rule; words in ``allow_words``
    never are (for example ``bitch`` for a dog breeder).

    ## Why is this bad?
    Customers must never meet profanity in a reply, even when they swore first: it
    offends, it escalates the conversation, and a screenshot of it speaks for the whole
    company. A disguised word (``f**k``) is read exactly as the word it hides.

    ## Example
    ```
    Sorry, the courier really f***ed up this delivery. What a shitty week you've had.
    ```

    ## Use instead
    ```
    I'm sorry: the courier let you down with this delivery, and I know it has been a
    difficult week. I have sent a replacement by express post today.
    ```
    """

    id = "NQ201"
    name = "profanity"
    category = "profanity"
    severity = "error"
    tier: ClassVar[Tier] = "strong"
    message = (
        "'{match}' is profanity, which offends customers and makes the whole company "
        "sound unprofessional."
    )
    extra_messages: ClassVar[Mapping[str, str]] = {
        **ProfanityRule.extra_messages,
        "slur": "'{match}' is a slur that insults a group of people and must never "
        "appear in a reply to a customer.",
        "sexual": "'{match}' is sexual slang, which offends customers and has no place in a reply.",
        "custom": "'{match}' is on your organisation's list of words never to use with customers.",
    }
    fix_title = "Remove the word or rephrase without it"
