from __future__ import annotations

from netiquette.checks.phrase_rule import PhraseRule
from netiquette.rule import register


@register
class BlamesCustomer(PhraseRule):
    """Flags phrases that put the blame on the customer.

    ## What it does
    Finds accusations and hindsight lectures: ``you should have read``, ``your
    fault``, ``you failed to``, ``you forgot to``, ``you didn't read``, ``as you
    were told``, ``if you had followed``, ``you must have entered``, ``you're
    wrong``, ``user error`` ... Harmless look-alikes pass: ``you should have
    received an e-mail`` (information), ``this is not your fault`` (reassurance),
    ``you shouldn't have to wait`` (sympathy), ``if you forgot your password``
    (a condition). The phrases and their exceptions are data (``tone.yaml``).

    ## Why is this bad?
    Even when the customer made the mistake, blame makes them defensive and turns a
    fixable problem into an argument. Customers remember how they were made to feel;
    a neutral description and a next step solve the problem without a victim.

    ## Example
    ```
    You should have read the instructions. You failed to enter the code.
    ```

    ## Use instead
    ```
    Next time, please check step 2 of the instructions. We still need the code:
    you'll find it on the back of the card.
    ```
    """

    id = "NQ105"
    name = "blames-customer"
    category = "tone"
    severity = "warning"
    message = (
        "'{match}' blames the customer; describe the problem neutrally and say what to do next."
    )
    fix_title = "Rephrase without blame"
    data_file = "tone.yaml"
