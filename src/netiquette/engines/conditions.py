"""Context conditions of a phrase entry: where around it a match counts.

Every condition an entry gives must hold for a match to count:

``preceded_by`` / ``not_preceded_by``
    what must / must not come right before the match;
``followed_by`` / ``not_followed_by``
    what must / must not come right after the match (a comma may come between);
``after`` / ``not_after``
    what must / must not come earlier in the same sentence, at most 40 characters
    before the match ("not" in "this is not your fault");
``before`` / ``not_before``
    what must / must not come later in the same sentence, at most 40 characters on;
``sentence_start: true``
    only at the start of a sentence or a line (opening quotes and brackets may come
    first);
``clause_end: true``
    only before a punctuation mark, a line break or the end of the text
    ("Whatever." but not "whatever you need");
``case: lower`` / ``case: upper``
    only when written in lower case ("u", not "U") or in capitals ("TAT", not "tat").

The value of the first eight is phrases (one, or a list) in the phrase syntax of
engines/phrase_syntax.py, matched as whole words ("," and other marks match as they
are), or ``{pattern: REGEX}``, a regular expression over the folded text. A pattern
for ``preceded_by`` must match text ending where the match starts (it is searched in
the 60 characters before it); one for ``followed_by`` text starting where the match
ends (in the 60 characters after it).

Everything is compiled when the entry is read; ``holds`` only runs the patterns.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from netiquette.lang.schema import CASES, CONDITION_KEYS, CONTEXT_KEYS
from netiquette.text.phrase_syntax import word_alternation

if TYPE_CHECKING:
    from netiquette.text.document import Document

#: How far (characters) ``preceded_by`` / ``followed_by`` patterns see.
WINDOW = 60
#: How far (characters) ``after`` / ``before`` look, never past the sentence.
REACH = 40
_CLAUSE_END = re.compile(r"[ \t]*(?:[.!?…,;:)\]\"”]|\r?\n|$)")
_COMMA = r"[ \t]*,?[ \t]*"


def _compile(key: str, value: Any, lang: str) -> re.Pattern[str]:
    """The regular expression of one context condition (ValueError when malformed)."""
    if isinstance(value, Mapping):
        if set(value) != {"pattern"} or not isinstance(value["pattern"], str):
            raise ValueError(f"'{key}' must be phrases or {{pattern: REGEX}}, got {value!r}")
        pattern = value["pattern"]
        try:
            if key.endswith("preceded_by"):
                return re.compile(f"(?:{pattern})\\Z")
            if key.endswith("followed_by"):
                return re.compile(f"\\A(?:{pattern})")
            return re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"bad pattern in '{key}' {pattern!r}: {exc}") from None
    phrases = [value] if isinstance(value, str) else value
    if (
        not isinstance(phrases, list)
        or not phrases
        or not all(isinstance(p, str) and p.strip() for p in phrases)
    ):
        raise ValueError(f"'{key}' must be a phrase, a list of phrases or {{pattern: REGEX}}")
    alternation = word_alternation(phrases, lang)
    if key.endswith("preceded_by"):
        return re.compile(alternation + _COMMA + r"\Z")
    if key.endswith("followed_by"):
        return re.compile(_COMMA + alternation)
    return re.compile(alternation)


class Conditions:
    """The compiled context conditions of one phrase entry."""

    __slots__ = (
        "_windowed",
        "after",
        "before",
        "case",
        "clause_end",
        "followed_by",
        "not_after",
        "not_before",
        "not_followed_by",
        "not_preceded_by",
        "preceded_by",
        "sentence_start",
    )

    def __init__(self, item: Mapping[str, Any], lang: str) -> None:
        """Compile the condition keys of ``item`` (ValueError when one is malformed)."""
        compiled: dict[str, re.Pattern[str] | None] = {}
        windowed: set[str] = set()
        for key in CONTEXT_KEYS:
            value = item.get(key)
            compiled[key] = None if value is None else _compile(key, value, lang)
            if isinstance(value, Mapping):
                windowed.add(key)
        self.preceded_by = compiled["preceded_by"]
        self.not_preceded_by = compiled["not_preceded_by"]
        self.followed_by = compiled["followed_by"]
        self.not_followed_by = compiled["not_followed_by"]
        self.after = compiled["after"]
        self.not_after = compiled["not_after"]
        self.before = compiled["before"]
        self.not_before = compiled["not_before"]
        #: Followers given as patterns see a window of the text, sliced (``\\A`` is its
        #: start); followers given as phrases run on the text itself.
        self._windowed = frozenset(windowed)
        for key in ("sentence_start", "clause_end"):
            if item.get(key, False) not in (True, False):
                raise ValueError(f"'{key}' must be true or false, got {item[key]!r}")
        self.sentence_start: bool = item.get("sentence_start") is True
        self.clause_end: bool = item.get("clause_end") is True
        case = item.get("case")
        if case is not None and case not in CASES:
            raise ValueError(f"'case' must be one of {', '.join(CASES)}, got {case!r}")
        self.case: str | None = case

    @classmethod
    def parse(cls, item: Mapping[str, Any], lang: str) -> Conditions | None:
        """The conditions of an entry, or None when it has none."""
        if not CONDITION_KEYS.intersection(item):
            return None
        conditions = cls(item, lang)
        return conditions if conditions._has_any() else None

    def _has_any(self) -> bool:
        return bool(
            self.sentence_start
            or self.clause_end
            or self.case
            or any(getattr(self, key) is not None for key in CONTEXT_KEYS)
        )

    def _follows(self, key: str, regex: re.Pattern[str], text: str, end: int) -> bool:
        if key in self._windowed:
            return regex.match(text[end : end + WINDOW]) is not None
        return regex.match(text, end) is not None

    def holds(self, doc: Document, start: int, end: int) -> bool:
        """Whether a match at ``start:end`` of ``doc`` counts."""
        if self.case is not None:
            written = doc.text[start:end]
            if self.case == "lower" and written != doc.folded[start:end]:
                return False
            if self.case == "upper" and not written.isupper():
                return False
        text = doc.prose_folded
        if self.followed_by is not None and not self._follows(
            "followed_by", self.followed_by, text, end
        ):
            return False
        if self.not_followed_by is not None and self._follows(
            "not_followed_by", self.not_followed_by, text, end
        ):
            return False
        if self.clause_end and not _CLAUSE_END.match(text, end):
            return False
        if self.preceded_by is not None or self.not_preceded_by is not None:
            left = text[max(0, start - WINDOW) : start]
            if self.preceded_by is not None and not self.preceded_by.search(left):
                return False
            if self.not_preceded_by is not None and self.not_preceded_by.search(left):
                return False
        if self.sentence_start and not doc.starts_sentence(start):
            return False
        if self.after is not None or self.not_after is not None:
            begin = max(doc.sentence_at(start).start, start - REACH)
            if self.after is not None and not self.after.search(text, begin, start):
                return False
            if self.not_after is not None and self.not_after.search(text, begin, start):
                return False
        if self.before is not None or self.not_before is not None:
            stop = min(doc.sentence_at(start).end, end + REACH)
            if self.before is not None and not self.before.search(text, end, stop):
                return False
            if self.not_before is not None and self.not_before.search(text, end, stop):
                return False
        return True
