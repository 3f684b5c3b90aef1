from __future__ import annotations

from netiquette.checks.grammar.base import LanguageToolRule
from netiquette.rule import register


@register
class Style(LanguageToolRule):
    """Passes on LanguageTool's style hints: redundancy, wordiness, repetition.

    ## What it does
    Reports LanguageTool's style findings (its style, redundancy and plain-English
    categories, and matches of the "style" or "register" issue types), such as
    "very unique", "ATM machine" or three sentences in a row starting with the same
    word. They are hints, so they are info-level. Variant word choices ("lorry",
    "fortnight") are not reported: LanguageTool checks American English, and they are
    right for the agents who use them.

    Like `grammar-mistake`, it runs only when LanguageTool is configured (`languagetool_url`
    or `LTP_PATH`).

    ## Why is this bad?
    Redundant and repetitive wording makes a reply longer and flatter than it needs
    to be, and the customer has to work harder to find what matters to them.

    ## Example
    ```
    We will refund the full amount in full. We will email you. We will call you.
    ```

    ## Use instead
    ```
    We will refund the full amount, email you a receipt and call you to confirm.
    ```
    """

    id = "NQ603"
    name = "style"
    severity = "info"
    message = "LanguageTool suggests better wording for '{match}'."
    fix_title = "Apply LanguageTool's suggestion"
    kind = "style"
