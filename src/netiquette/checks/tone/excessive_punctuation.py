from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar

from netiquette.core import Finding
from netiquette.rule import Rule, RuleContext, register
from netiquette.text.document import Document

_MARKS = "!?！？‼⁉⁈"
_QUESTION = "?？⁉⁈"
_INLINE_CODE = re.compile(r"`[^`\n]+`")


@register
class ExcessivePunctuation(Rule):
    """Flags runs of exclamation or question marks, and long runs of dots.

    ## What it does
    Finds two or more exclamation or question marks in a row (``!!``, ``???``,
    ``?!?!``, also the single characters ``‼`` and ``⁉``), and runs of four or more
    dots (the length is ``min_dots`` in the language data). The replacement is one
    mark: ``?`` when the run holds a question mark, ``!`` otherwise, ``...`` for
    dots. A single ``?!`` is flagged too: in a reply to a customer it reads as
    disbelief. The three-dot ellipsis and anything inside inline code
    (`` `a ?? b` ``) are left alone.

    ## Why is this bad?
    Stacked marks read as shouting, impatience or exasperation, and a trail of dots
    as a sigh. One mark says the same thing calmly.

    ## Example
    ```
    Your refund has been processed!!! Did you check your spam folder??
    ```

    ## Use instead
    ```
    Your refund has been processed. Did you check your spam folder?
    ```

    ## Fix safety
    Safe: the run becomes one mark of the same kind.
    """

    id = "NQ102"
    name = "excessive-punctuation"
    category = "tone"
    severity = "warning"
    message = "'{match}' reads as shouting or exasperation; one mark is enough."
    fix_title = "Use a single mark"
    fix_safety = "safe"
    extra_messages: ClassVar[Mapping[str, str]] = {
        "dots": "A run of dots ('{match}') reads as a sigh or looks careless; "
        "use one ellipsis or a full stop."
    }
    data_file = "tone.yaml"

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        data = self.rule_data
        min_dots = max(int(data.get("min_dots", 4)), 4)
        self.pattern = re.compile(rf"[{_MARKS}]{{2,}}|[‼⁉⁈]|(?P<dots>\.{{{min_dots},}}|…{{2,}})")
        self.dots_message = self.say("dots")

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.prose_text
        if not any(mark in text for mark in _MARKS) and ".." not in text and "…" not in text:
            return
        code = [m.span() for m in _INLINE_CODE.finditer(text)] if "`" in text else []
        for m in self.pattern.finditer(text):
            start, end = m.span()
            if any(a <= start and end <= b for a, b in code):
                continue
            run = m.group()
            if m.group("dots"):
                yield Finding(start, end, self.dots_message, ("...",), "info")
            else:
                mark = "?" if any(c in _QUESTION for c in run) else "!"
                yield Finding(start, end, replacements=(mark,))
