from __future__ import annotations

from collections.abc import Iterator

from netiquette.core import Finding
from netiquette.rule import Rule, register
from netiquette.text.document import Document


@register
class UnfilledPlaceholder(Rule):
    """Flags template placeholders that were never filled in.

    ## What it does
    Finds placeholders left in a reply in the syntaxes helpdesks and mail merges use:
    ``{{first_name}}``, ``{{ ticket.requester.name }}``, ``{% if ... %}``, ``${name}``,
    ``{customer_name}``, ``{brief description of fix}``, ``%NAME%``, ``*|FNAME|*``,
    ``{!Contact.FirstName}``, ``[CUSTOMER NAME]``, ``[insert date]``, ``<order number>``,
    ``<NAME>``, ``<<FIRST_NAME>>``, ``@username``, runs of ``XXXX`` and ``____`` blanks.
    Ordinary brackets are left alone: ``(see below)``, ``[1]``, ``[sic]``, ``[x]``,
    Markdown links, HTML tags such as ``<b>``, ``<https://...>`` links, ``50% off``,
    JSON in a pasted error message, masked card numbers (``XXXX-XXXX-XXXX-4242``) and
    Windows paths (``%APPDATA%``). Square and angle brackets count only when their
    words name a value to fill in (name, date, order number, ...).

    ## Why is this bad?
    The customer sees the placeholder exactly as written. "Hi {{first_name}}" tells
    them at once that the reply is a form letter nobody read before sending, and a
    missing date or order number leaves the question unanswered.

    ## Example
    ```
    Hi [CUSTOMER NAME], your refund will arrive by {timeframe}.
    ```

    ## Use instead
    ```
    Hi Maria, your refund will arrive by Friday, 14 March.
    ```
    """

    id = "NQ501"
    name = "unfilled-placeholder"
    category = "boilerplate"
    severity = "error"
    message = (
        "The placeholder '{match}' was never filled in; the customer will see it "
        "exactly as written."
    )
    fix_title = "Fill in the placeholder or remove it"
    sees_placeholders = True

    def check(self, doc: Document) -> Iterator[Finding]:
        for placeholder in doc.placeholders:
            yield Finding(
                placeholder.start,
                placeholder.end,
                data={"syntax": placeholder.syntax, "name": placeholder.name},
            )
