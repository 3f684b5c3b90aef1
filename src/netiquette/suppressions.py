"""Inline suppressions written in the reply or template itself.

- ``netiquette: ignore`` on a line silences every rule on that line;
  ``netiquette: ignore NQ101, NQ302`` only those rules.
- ``netiquette: ignore-file NQ302`` anywhere silences those rules in the whole text
  (``netiquette: ignore-file`` alone silences everything).
- ``netiquette-disable NQ101`` ... ``netiquette-enable`` silences those rules (every rule
  when none is named) from the line of the first to the line of the second, or to the
  end of the text; ``netiquette-enable NQ101`` ends only that rule's block.

The comment can sit inside whatever the file format uses for comments
(``<!-- ... -->`` in Markdown or HTML, ``# ...`` in YAML).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DIRECTIVE = re.compile(
    r"netiquette:\s*(?P<kind>ignore-file|ignore)\b(?P<ids>(?:[\s,]+NQ\d{3})*)", re.IGNORECASE
)
_BLOCK = re.compile(r"netiquette-(?P<kind>disable|enable)\b(?P<ids>(?:[\s,]+NQ\d{3})*)", re.I)
ALL = "*"


@dataclass(frozen=True)
class Block:
    """Rules silenced from ``first`` to ``last`` line (both included)."""

    ids: frozenset[str]
    first: int
    last: int


@dataclass(frozen=True)
class Suppressions:
    by_line: dict[int, frozenset[str]]
    whole_text: frozenset[str]
    blocks: tuple[Block, ...] = ()

    def silences(self, rule_id: str, first_line: int, last_line: int) -> bool:
        if ALL in self.whole_text or rule_id in self.whole_text:
            return True
        for line in range(first_line, last_line + 1):
            ids = self.by_line.get(line)
            if ids and (ALL in ids or rule_id in ids):
                return True
        return any(
            (ALL in b.ids or rule_id in b.ids) and b.first <= last_line and first_line <= b.last
            for b in self.blocks
        )


def _ids(raw: str) -> frozenset[str]:
    return frozenset(i.upper() for i in re.findall(r"NQ\d{3}", raw, re.I)) or frozenset({ALL})


def parse(text: str) -> Suppressions | None:
    """The suppressions in ``text``, or None when it has none (the common case)."""
    lowered = text.lower()
    if "netiquette:" not in lowered and "netiquette-disable" not in lowered:
        return None
    by_line: dict[int, frozenset[str]] = {}
    whole: set[str] = set()
    blocks: list[Block] = []
    open_blocks: dict[str, int] = {}  # rule id (or ALL) -> the line its block starts
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        for m in _DIRECTIVE.finditer(line):
            ids = _ids(m.group("ids"))
            if m.group("kind").lower() == "ignore-file":
                whole |= ids
            else:
                by_line[number] = by_line.get(number, frozenset()) | ids
        for m in _BLOCK.finditer(line):
            ids = _ids(m.group("ids"))
            if m.group("kind").lower() == "disable":
                for rule_id in ids:
                    open_blocks.setdefault(rule_id, number)
                continue
            closing = list(open_blocks) if ALL in ids else [i for i in ids if i in open_blocks]
            for rule_id in closing:
                blocks.append(Block(frozenset({rule_id}), open_blocks.pop(rule_id), number))
    for rule_id, start in open_blocks.items():
        blocks.append(Block(frozenset({rule_id}), start, max(len(lines), start)))
    return Suppressions(by_line, frozenset(whole), tuple(blocks))
