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

Each rule a directive names (or ``*``, every rule, when it names none) is a
:class:`Waiver`; the linter notes which waivers silenced a finding, so that the ones
that silence nothing can be reported (unused-suppression). Looking up a finding costs
a dictionary lookup per line it spans plus a bisection per block rule, whatever the
number of directives.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

_DIRECTIVE = re.compile(
    r"netiquette:\s*(?P<kind>ignore-file|ignore)\b(?P<ids>(?:[\s,]+NQ\d{3})*)", re.IGNORECASE
)
_BLOCK = re.compile(r"netiquette-(?P<kind>disable|enable)\b(?P<ids>(?:[\s,]+NQ\d{3})*)", re.I)
_ID = re.compile(r"NQ\d{3}", re.IGNORECASE)
ALL = "*"


@dataclass(frozen=True)
class Waiver:
    """One rule (or ``*``) silenced by one directive, and where the text says so:
    ``start``-``end`` is the rule id in the directive, or the directive's keyword when
    it names no rule."""

    rule_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Block:
    """A rule silenced from ``first`` to ``last`` line (both included)."""

    waiver: Waiver
    first: int
    last: int


@dataclass
class Suppressions:
    by_line: dict[int, list[Waiver]] = field(default_factory=dict)
    whole_text: list[Waiver] = field(default_factory=list)
    #: Per rule id (or ``*``): its blocks, which never overlap, by first line.
    blocks: dict[str, list[Block]] = field(default_factory=dict)

    def waiver_for(
        self, rule_id: str, first_line: int, last_line: int, *, named: bool = False
    ) -> Waiver | None:
        """The waiver that silences ``rule_id`` on lines ``first_line``-``last_line``,
        or None; with ``named``, only a waiver that names the rule counts."""
        keys = (rule_id,) if named else (rule_id, ALL)
        for waiver in self.whole_text:
            if waiver.rule_id in keys:
                return waiver
        for line in range(first_line, last_line + 1):
            for waiver in self.by_line.get(line, ()):
                if waiver.rule_id in keys:
                    return waiver
        for key in keys:
            blocks = self.blocks.get(key)
            if not blocks:
                continue
            # The last block starting on or before last_line is the only one that can
            # reach back to first_line: the blocks of one rule never overlap.
            index = bisect.bisect_right(blocks, last_line, key=lambda b: b.first) - 1
            if index >= 0 and blocks[index].last >= first_line:
                return blocks[index].waiver
        return None

    def silences(
        self, rule_id: str, first_line: int, last_line: int, *, named: bool = False
    ) -> bool:
        return self.waiver_for(rule_id, first_line, last_line, named=named) is not None

    def waivers(self) -> Iterator[Waiver]:
        """Every waiver, in the order of the text."""
        found = [*self.whole_text, *(w for ws in self.by_line.values() for w in ws)]
        found.extend(b.waiver for blocks in self.blocks.values() for b in blocks)
        return iter(sorted(found, key=lambda w: (w.start, w.end)))


def _waivers(match: re.Match[str], offset: int) -> list[Waiver]:
    """The waivers of one directive found in a line that starts at ``offset``."""
    named = [
        Waiver(
            m.group().upper(),
            offset + match.start("ids") + m.start(),
            offset + match.start("ids") + m.end(),
        )
        for m in _ID.finditer(match.group("ids"))
    ]
    return named or [Waiver(ALL, offset + match.start(), offset + match.end("kind"))]


def parse(text: str) -> Suppressions | None:
    """The suppressions in ``text``, or None when it has none (the common case)."""
    lowered = text.lower()
    if "netiquette:" not in lowered and "netiquette-disable" not in lowered:
        return None
    found = Suppressions()
    open_blocks: dict[str, tuple[Waiver, int]] = {}  # rule id -> its waiver, first line
    offset = 0
    number = 0
    for number, line in enumerate(text.split("\n"), start=1):  # lines as Document counts them
        for m in _DIRECTIVE.finditer(line):
            waivers = _waivers(m, offset)
            if m.group("kind").lower() == "ignore-file":
                found.whole_text.extend(waivers)
            else:
                found.by_line.setdefault(number, []).extend(waivers)
        for m in _BLOCK.finditer(line):
            waivers = _waivers(m, offset)
            if m.group("kind").lower() == "disable":
                for waiver in waivers:
                    open_blocks.setdefault(waiver.rule_id, (waiver, number))
                continue
            ids = {w.rule_id for w in waivers}
            closing = list(open_blocks) if ALL in ids else [i for i in ids if i in open_blocks]
            for rule_id in closing:
                waiver, first = open_blocks.pop(rule_id)
                found.blocks.setdefault(rule_id, []).append(Block(waiver, first, number))
        offset += len(line) + 1
    for rule_id, (waiver, first) in open_blocks.items():
        found.blocks.setdefault(rule_id, []).append(Block(waiver, first, max(number, first)))
    for blocks in found.blocks.values():
        blocks.sort(key=lambda b: b.first)
    return found
