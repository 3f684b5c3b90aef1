from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import ClassVar

from netiquette.core import Finding
from netiquette.rule import Rule, RuleContext, register
from netiquette.text.document import Document

_SKIN = "\U0001f3fb-\U0001f3ff"
_VS16 = "\ufe0f"
_ZWJ = "\u200d"
_KEYCAP = r"[0-9#*]\ufe0f?\u20e3"
_FLAG = "[\U0001f1e6-\U0001f1ff]{2}"
_TAG_FLAG = "\U0001f3f4[\U000e0020-\U000e007f]+"
_BRACKETS = ")(]["
#: An emoticon must not touch these on its left ("10:30", "C:/", "0xD", "a=(b)").
_EMOTICON_BEFORE = r"(?<![\w:;=<>^/\\*#@&%$+\-_.'\"])"
#: ... nor these on its right ("http://", "xD-Picture", ":(a").
_EMOTICON_AFTER = r"(?![\w/\\(\-])"
_LINE_END = r"(?=[ \t]*(?:$|\r?\n|[.!?,;)]|[^\x00-\x7f]))"


def _ranges(points: Iterable[int]) -> tuple[tuple[int, int], ...]:
    """Sorted code points as (low, high) runs."""
    ordered = sorted(set(points))
    runs: list[tuple[int, int]] = []
    for point in ordered:
        if runs and runs[-1][1] == point - 1:
            runs[-1] = (runs[-1][0], point)
        else:
            runs.append((point, point))
    return tuple(runs)


def emoji_tables() -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """(presentation, bases) read from the ``emoji`` package: code points that are an
    emoji on their own (the data's fully-qualified one-character entries), and code
    points that start any emoji. Shipped precomputed in ``emoji_table.py`` so that the
    package's ~25 ms import is not paid at start-up; a test keeps the two in step."""
    import emoji as emoji_data

    fully_qualified = emoji_data.STATUS["fully_qualified"]
    presentation: set[int] = set()
    bases: set[int] = set()
    for key, info in emoji_data.EMOJI_DATA.items():
        bases.add(ord(key[0]))
        if len(key) == 1 and info.get("status") == fully_qualified:
            presentation.add(ord(key))
    return _ranges(presentation), _ranges(bases)


def _char_class(points: Iterable[int]) -> str:
    """A compact character class (ranges of consecutive code points)."""
    parts = [
        f"\\U{low:08x}" if low == high else f"\\U{low:08x}-\\U{high:08x}"
        for low, high in _ranges(points)
    ]
    return "[" + "".join(parts) + "]"


def _points(runs: Iterable[tuple[int, int]]) -> set[int]:
    return {p for low, high in runs for p in range(low, high + 1)}


@lru_cache(maxsize=8)
def emoji_regex(text_symbols: tuple[str, ...], excluded: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for runs of emoji, from the ``emoji`` package's data.

    A single code point counts when Unicode gives it emoji presentation (the data's
    "fully qualified" one-character entries) or when the emoji variation selector or a
    skin tone follows it; text symbols such as ``©``, ``™`` or ``✔`` without them do
    not count. Skin tones, ZWJ sequences, keycaps and flags are taken whole, and emoji
    separated only by spaces form one run.
    """
    from netiquette.checks.tone.emoji_table import BASES, PRESENTATION

    skip = {ord(c) for c in "".join(excluded) + "0123456789#*"}
    presentation = (_points(PRESENTATION) | {ord(c) for c in "".join(text_symbols)}) - skip
    bases = _points(BASES) - skip
    # An emoji-presentation character, or any emoji character made an emoji by the
    # variation selector or a skin tone ("🕵🏽" has neither presentation nor selector).
    element = (
        f"(?:{_char_class(presentation)}{_VS16}?[{_SKIN}]?"
        f"|{_char_class(bases)}(?:{_VS16}[{_SKIN}]?|[{_SKIN}]))"
    )
    joined = f"{_ZWJ}{_char_class(bases)}{_VS16}?[{_SKIN}]?"
    single = f"(?:{_KEYCAP}|{_FLAG}|{_TAG_FLAG}|{element}(?:{joined})*)"
    return re.compile(f"{single}(?:[ \\t]*{single})*")


@lru_cache(maxsize=8)
def emoji_floor(text_symbols: tuple[str, ...], excluded: tuple[str, ...]) -> str:
    """The lowest character that can start a match of ``emoji_regex`` (the keycap
    mark U+20E3 at the latest, since a keycap starts with a digit)."""
    from netiquette.checks.tone.emoji_table import BASES, PRESENTATION

    skip = {ord(c) for c in "".join(excluded) + "0123456789#*"}
    points = (
        _points(PRESENTATION) | _points(BASES) | {ord(c) for c in "".join(text_symbols)}
    ) - skip
    return chr(min([0x20E3, *points]))


def write_table(path: str) -> None:
    """Write ``emoji_table.py`` from the installed ``emoji`` package."""
    import emoji as emoji_data

    presentation, bases = emoji_tables()

    def runs(name: str, values: tuple[tuple[int, int], ...]) -> str:
        body = "".join(f"    (0x{a:x}, 0x{b:x}),\n" for a, b in values)
        return f"{name}: tuple[tuple[int, int], ...] = (\n{body})\n"

    with open(path, "w", encoding="utf-8") as handle:
        handle.write(
            '"""Emoji code points, generated from the emoji package by\n'
            "`python -m netiquette.checks.tone.emoji`; do not edit by hand.\n\n"
            "PRESENTATION: code points that are an emoji on their own. BASES: code points\n"
            'that start an emoji (with the variation selector, a skin tone or a ZWJ)."""\n\n'
            f'EMOJI_VERSION = "{emoji_data.__version__}"\n'
            + runs("PRESENTATION", presentation)
            + runs("BASES", bases)
        )


def emoticon_regex(emoticons: Iterable[str], line_end: Iterable[str]) -> re.Pattern[str]:
    """One pattern for text emoticons; a closing bracket may repeat (":)))")."""
    alternatives = []
    for item in sorted(set(emoticons), key=lambda e: (-len(e), e)):
        body = re.escape(item)
        if item[-1] in _BRACKETS:
            body += "+"
        alternatives.append(body)
    firsts = "".join(sorted({item[0] for item in emoticons}))
    pattern = (
        f"(?=[{re.escape(firsts)}]){_EMOTICON_BEFORE}(?:{'|'.join(alternatives)}){_EMOTICON_AFTER}"
    )
    ends = [re.escape(item) for item in sorted(set(line_end), key=lambda e: (-len(e), e))]
    if ends:
        pattern += f"|(?=<)(?<![\\w<])(?:{'|'.join(ends)}){_LINE_END}"
    return re.compile(pattern)


@register
class Emoji(Rule):
    """Flags emoji and text emoticons in a reply.

    ## What it does
    Finds emoji (from the ``emoji`` package's data: faces, hands, hearts, flags,
    keycaps, with skin tones and joined sequences taken whole; a run of emoji is one
    finding) and text emoticons such as ``:)``, ``:-(``, ``;)``, ``:D``, ``xD``,
    ``^^`` or ``<3``. Symbols that are text by default (``©``, ``™``, ``✔``) are not
    emoji unless written with the emoji variation selector. Emoticons must stand
    apart from letters and digits, so times (``10:30``), list labels (``a)``, ``8)``),
    paths (``C:/``) and ``<3 days`` are not flagged; ``<3`` counts only at the end of a
    sentence or line.

    ## Why is this bad?
    In a support reply, emoji can look flippant or childish, especially when the
    customer has a problem, and they may not display on every device. Words carry the
    same warmth without the risk.

    ## Example
    ```
    Your refund is on its way 😊👍 Sorry about the wait :(
    ```

    ## Use instead
    ```
    Your refund is on its way. Sorry about the wait.
    ```
    """

    id = "NQ103"
    name = "emoji"
    category = "tone"
    severity = "info"
    message = (
        "The emoji '{match}' can look flippant in a support reply and may not display "
        "everywhere; say it in words."
    )
    fix_title = "Say it in words"
    extra_messages: ClassVar[Mapping[str, str]] = {
        "emoticon": "The emoticon '{match}' can look flippant in a support reply; "
        "say it in words, e.g. 'I'm glad that helped.'"
    }
    data_file = "tone.yaml"

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        data = self.rule_data
        symbols = tuple(str(s) for s in data.get("text_symbols", []))
        excluded = tuple(str(s) for s in data.get("not_emoji", []))
        self.emoji = emoji_regex(symbols, excluded)
        #: No emoji can start below this character: text without one (most Turkish
        #: or accented prose) skips the emoji pattern.
        self.emoji_floor = emoji_floor(symbols, excluded)
        self.emoticons = emoticon_regex(
            data.get("emoticons", []), data.get("line_end_emoticons", [])
        )
        self.emoticon_message = self.say("emoticon")

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.prose_text
        found: list[Finding] = []
        if not text.isascii() and max(text) >= self.emoji_floor:
            found += [Finding(m.start(), m.end()) for m in self.emoji.finditer(text)]
        found += [
            Finding(m.start(), m.end(), self.emoticon_message)
            for m in self.emoticons.finditer(text)
        ]
        found.sort(key=lambda f: f.start)
        yield from found


if __name__ == "__main__":
    import pathlib

    target = pathlib.Path(__file__).with_name("emoji_table.py")
    write_table(str(target))
    print(f"wrote {target}")
