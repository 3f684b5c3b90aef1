"""Inline suppressions written in the reply or template itself.

- ``netiquette: ignore`` on a line silences every rule on that line;
  ``netiquette: ignore NQ101, NQ302`` only those rules.
- ``netiquette: ignore-file NQ302`` anywhere silences those rules in the whole text
  (``netiquette: ignore-file`` alone silences everything).

The comment can sit inside whatever the file format uses for comments
(``<!-- ... -->`` in Markdown or HTML, ``# ...`` in YAML).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DIRECTIVE = re.compile(
    r"netiquette:\s*(?P<kind>ignore-file|ignore)\b(?P<ids>(?:[\s,]+NQ\d{3})*)", re.IGNORECASE
)
ALL = "*"


@dataclass(frozen=True)
class Suppressions:
    by_line: dict[int, frozenset[str]]
    whole_text: frozenset[str]

    def silences(self, rule_id: str, first_line: int, last_line: int) -> bool:
        if ALL in self.whole_text or rule_id in self.whole_text:
            return True
        for line in range(first_line, last_line + 1):
            ids = self.by_line.get(line)
            if ids and (ALL in ids or rule_id in ids):
                return True
        return False


def parse(text: str) -> Suppressions | None:
    """The suppressions in ``text``, or None when it has none (the common case)."""
    if "netiquette:" not in text.lower():
        return None
    by_line: dict[int, frozenset[str]] = {}
    whole: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        for m in _DIRECTIVE.finditer(line):
            ids = {i.upper() for i in re.findall(r"NQ\d{3}", m.group("ids"), re.I)} or {ALL}
            if m.group("kind").lower() == "ignore-file":
                whole |= ids
            else:
                by_line[number] = by_line.get(number, frozenset()) | ids
    return Suppressions(by_line, frozenset(whole))
