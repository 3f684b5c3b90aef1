from __future__ import annotations

from netiquette.checks.grammar.base import LanguageToolRule
from netiquette.rule import register


@register
class Grammar(LanguageToolRule):
    """Flags grammar mistakes found by LanguageTool.

    ## What it does
    Sends the reply to LanguageTool and reports its grammar, punctuation and
    agreement findings ("a apple", "he go", "your welcome", a repeated word), with
    LanguageTool's message and up to three of its corrections. Spelling and style
    findings go to the `spelling` and `style` rules.

    It runs only when LanguageTool is configured: set `languagetool_url` to a
    LanguageTool server, or `LTP_PATH` to a folder holding a LanguageTool install
    (`LanguageTool-<version>/languagetool-server.jar`). Nothing is downloaded. Without
    either, or when the server does not answer, reports list grammar under
    `skipped`. Quoted lines, URLs and placeholders are blanked before the text is
    sent.

    ## Why is this bad?
    Grammar mistakes make a reply look careless, and a customer who is already
    unhappy reads carelessness as not caring about their problem. Some mistakes also
    change the meaning ("we can't" for "we can").

    ## Example
    ```
    Your welcome to return the item, we has already sent you a prepaid label.
    ```

    ## Use instead
    ```
    You're welcome to return the item. We have already sent you a prepaid label.
    ```
    """

    id = "NQ601"
    name = "grammar-mistake"
    severity = "warning"
    message = "LanguageTool found a grammar problem in '{match}'."
    fix_title = "Apply LanguageTool's correction"
    kind = "grammar"
