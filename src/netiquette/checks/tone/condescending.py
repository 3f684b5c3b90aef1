from __future__ import annotations

from netiquette.checks.phrase_rule import PhraseRule
from netiquette.rule import register


@register
class Condescending(PhraseRule):
    """Flags condescending and patronising phrases.

    ## What it does
    Finds phrases that talk down to the customer: ``obviously``, ``as I already
    said``, ``as previously stated``, ``per my last e-mail``, ``calm down``, ``I'm
    sure you understand``, ``with all due respect``, ``needless to say``, ``it's not
    that hard``, ``just simply``, a sentence opening ``For your information``, and
    ``clearly`` in ``as clearly stated`` or ``is clearly explained``.

    ``clearly`` elsewhere (``clearly labelled``, ``explain clearly``) passes, and so
    does ``simply`` in an instruction (``simply click Reset``): it is condescending
    only as ``just simply``. ``As I mentioned`` without ``already`` passes too: it
    is ordinary signposting.

    ## Why is this bad?
    These phrases suggest the customer is slow, careless or over-emotional. They
    come across as irritation, and a customer who feels patronised stops listening
    to the answer.

    ## Example
    ```
    As I already explained, the refund takes 5 days. Obviously, we can't speed it up.
    ```

    ## Use instead
    ```
    To recap, the refund takes 5 days to reach your account.
    ```
    """

    id = "NQ106"
    name = "condescending"
    category = "tone"
    severity = "warning"
    message = "'{match}' sounds condescending; give the information without the reproach."
    fix_title = "Rephrase respectfully"
    data_file = "tone.yaml"
