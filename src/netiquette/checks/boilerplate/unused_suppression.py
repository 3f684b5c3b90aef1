from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import ClassVar

from netiquette.core import Finding
from netiquette.rule import Rule, register
from netiquette.text.document import Document
from netiquette.text.suppressions import ALL, Waiver


@register
class UnusedSuppression(Rule):
    """Flags inline suppressions that silence nothing.

    ## What it does
    Looks at every `netiquette: ignore`, `netiquette: ignore-file` and
    `netiquette-disable` comment in a reply or template, and at each rule it names.
    When the rule finds nothing on the lines the comment covers, the name is reported;
    a comment that names no rule is reported when no rule found anything there. A rule
    that does not run (not selected, ignored, for another language, or without its
    LanguageTool server) is never reported, since it cannot be told whether it would
    find something, and a comment that names no rule is judged only when every rule is
    selected.

    ## Why is this bad?
    A suppression outlives the text it was written for. Left behind after the reply
    was reworded, it silences the next real problem on those lines: a rude phrase
    added later goes through the gate unseen.

    ## Example
    ```
    Your refund was issued today. <!-- netiquette: ignore NQ101 -->
    ```

    ## Use instead
    ```
    Your refund was issued today.
    ```
    """

    id = "NQ504"
    name = "unused-suppression"
    category = "boilerplate"
    severity = "info"
    message = "This suppression silences nothing here: remove it"
    fix_title = "Remove the suppression"
    extra_messages: ClassVar[Mapping[str, str]] = {
        "named": "{rule} finds nothing here to silence: remove it from the suppression"
    }
    reviews_suppressions: ClassVar[bool] = True

    def check(self, doc: Document) -> Iterable[Finding]:
        """Nothing: what this rule judges is known only after the other rules ran, so
        the linter calls :meth:`check_waivers` instead."""
        return ()

    def check_waivers(
        self, doc: Document, used: Collection[Waiver], running: Collection[str], every_rule: bool
    ) -> Iterator[Finding]:
        """The waivers of ``doc`` that silenced nothing (``used`` did), among those of the
        ``running`` rules (and ``*`` when ``every_rule`` runs)."""
        if doc.suppressions is None:
            return
        for waiver in doc.suppressions.waivers():
            if waiver in used or waiver.rule_id == self.id:
                continue
            if waiver.rule_id == ALL:
                if every_rule:
                    yield Finding(waiver.start, waiver.end)
            elif waiver.rule_id in running:
                yield Finding(waiver.start, waiver.end, self.say("named", rule=waiver.rule_id))
