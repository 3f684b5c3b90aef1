from __future__ import annotations

from netiquette.checks.phrase_rule import PhraseRule
from netiquette.rule import register


@register
class ChatSpeak(PhraseRule):
    """Flags text-message shorthand such as "u", "thx", "pls", "asap" and "fyi".

    ## What it does
    Finds chat and text-message abbreviations (u, ur, r, thx, ty, pls, plz, asap, fyi,
    btw, imo, lol, omg, idk, np, k, b4, 2day, gr8, msg, pw, acct, w/, w/o, b/c, ...)
    and offers the words they stand for. Capitals do not matter for most of them
    ("ASAP", "FYI", "Thx"). Single letters and words that are also names or codes count
    only in lower case and in a plausible place: "u" is not flagged in "U-turn", "Unit
    U", a list label "u)" or "5 u"; "r" only next to a pronoun ("r u ok", "we r"); "k"
    only on its own at the start of a clause; "ty" not in "Ty Smith"; "PW" and "MSG"
    in capitals are product names. "info" is not chat-speak: it is ordinary informal
    English. In Turkish it finds "slm", "mrb", "tşk", "tmm", "nbr", "bi", "kib", "hg",
    "yrd", "bşk", "cnm", "msj", ...; "sa" and "as" are left alone (ordinary words and
    abbreviations too), and so are the accepted abbreviations "Sn.", "vb.", "vs.",
    "dk." and "Tel:".

    ## Why is this bad?
    Shorthand reads as hurried and careless: the customer took the time to write, and
    a reply in text-speak suggests they were not worth full words. Some of it is also
    unclear to readers who do not use it, or who read English as a second language.

    ## Example
    ```
    Thx for ur msg! Pls send the receipt asap, b/c we need it b4 we can refund u.
    ```

    ## Use instead
    ```
    Thanks for your message! Please send the receipt as soon as you can: we need it
    before we can refund you.
    ```

    ## Fix safety
    Safe where the shorthand stands for one expression ("thx", "pls", "asap").
    Shorthand with several readings ("ur": your or you're, "np", "fyi") has more than
    one replacement, and is fixed only with ``--unsafe-fixes`` (the first one); an
    entry of the data may say ``fix_safety: unsafe`` when its expansion does not fit
    every sentence it is found in.
    """

    id = "NQ303"
    name = "chat-speak"
    category = "jargon"
    severity = "warning"
    message = "'{match}' is chat-speak; write the words out in a support reply."
    fix_title = "Write it out in full"
    fix_safety = "safe"
    options = ("allow_words",)
    data_file = "jargon.yaml"
    uses_allow_words = True
