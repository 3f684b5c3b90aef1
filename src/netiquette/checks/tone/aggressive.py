from __future__ import annotations

from netiquette.checks.phrase_rule import PhraseRule
from netiquette.rule import register


@register
class Aggressive(PhraseRule):
    """Flags hostile and dismissive phrases.

    ## What it does
    Finds phrases that attack or dismiss the customer: ``deal with it``, ``that's
    your problem``, ``I don't care``, ``whatever`` (on its own, not ``whatever you
    need``), ``stop e-mailing us``, ``don't waste our time``, ``take it or leave
    it``, ``shut up``, ``can't you read``, ``google it``, ``end of discussion``,
    ``you people``, a sentence opening ``Read the manual`` ... In Turkish: ``bu sizin
    sorununuz``, ``bizi uğraştırmayın``, ``bir daha yazmayın``, ``vaktimizi almayın``,
    ``okumayı bilmiyor musunuz``, ``umurumda değil``, ``Bana ne,``, ``beğenmiyorsanız
    başka yerden alın`` ...

    ## Why is this bad?
    Hostility escalates the conversation, loses the customer and can end up on
    social media. Stay courteous even when the customer is not: the reply is the
    company's voice.

    ## Example
    ```
    I've told you twice. Deal with it and stop e-mailing us.
    ```

    ## Use instead
    ```
    I understand this isn't the answer you hoped for. If anything changes, I'll let
    you know right away.
    ```
    """

    id = "NQ113"
    name = "aggressive"
    category = "tone"
    severity = "warning"
    message = "'{match}' is hostile or dismissive; stay courteous even with a difficult customer."
    fix_title = "Rephrase courteously"
    data_file = "tone.yaml"
