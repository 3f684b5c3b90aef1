from __future__ import annotations

from netiquette.checks.phrase_rule import PhraseRule
from netiquette.rule import register


@register
class NameCalling(PhraseRule):
    """Flags insults aimed at the customer that use no swear word.

    ## What it does
    Finds name-calling built the way it is said, rather than one phrase at a time:
    the second person with an insult (``you are a clown``, ``you're such an idiot``,
    ``you guys are useless``, ``ur pathetic``), an insult said to the reader (``you
    idiot``, ``you clowns``), an exclamation (``what a joke``, ``what an idiot``),
    ``scum like you``; in Turkish, ``sen``/``siz`` with an insult in any person
    (``sen bir salaksın``, ``siz beyinsizsiniz``, ``tam bir soytarısınız``), an insult
    before a person (``cahil müşteri``), ``defol``, ``defolun`` and curses (``Allah
    belanızı versin``). The words are data (``tone.yaml``).

    The same words about things or about no one pass: ``a useless error message``,
    ``that joke of a week``, ``what a week``, ``you fool nobody`` (a verb), ``ürünü
    siz mal kabul ettiniz`` (goods). Turkish insults that are also mild profanity
    (``salak``) raise NQ202 as well: aimed at the customer they are a tone problem too.

    ## Why is this bad?
    Calling a customer names ends the conversation and the relationship, and a
    screenshot of it travels. No customer behaviour justifies it in a reply.

    ## Example
    ```
    You are a clown if you think we will refund that.
    ```

    ## Use instead
    ```
    I understand you expected a refund; this order is outside the refund window, but
    I can offer a replacement instead.
    ```
    """

    id = "NQ116"
    name = "name-calling"
    category = "tone"
    severity = "warning"
    message = "'{match}' insults the customer; describe the problem, never the person."
    fix_title = "Remove the insult"
    data_file = "tone.yaml"
