"""Applying fixes: a text with the replacements of its suggestions, safe ones by default.

:func:`apply_fixes` checks a text, applies the first replacement of each suggestion
whose fix is safe (``Suggestion.fix_safety``; with ``unsafe=True`` the unsafe ones too),
checks the result again and keeps only what created no new finding; it repeats until
nothing more changes (at most :data:`MAX_ROUNDS` times), so fixing a fixed text
changes nothing.

Never applied: a fix that overlaps another one (the first in the text wins), a
placeholder (``{{name}}``) or protected text (a quoted line, a URL, code). A phrase
that is left out (an empty replacement) takes the spaces after it along, and the next
word takes its capital where it began a sentence; a replacement of a word that began a
sentence with a capital starts with one.

"A new finding" is counted per rule and matched text, not by position (a fix moves
what follows it): a finding that overlaps a fixed span (a long sentence holding it, the
whole reply's readability) is counted per rule, one that does not by rule and text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from netiquette.report import Report, Suggestion
from netiquette.text.document import Document
from netiquette.text.fold import upper

#: How often a text is fixed and checked again at most (a fix may uncover another).
MAX_ROUNDS = 5
_SPACE = " \t"
_SENTENCE_END = ".!?…"
_OPENING_MARKS = "\"'“‘«(¿¡*_"


class Checker(Protocol):
    """What fixing needs of a linter: its ``check``."""

    def check(
        self,
        text: str,
        *,
        path: str | None = None,
        context: Mapping[str, str] | None = None,
    ) -> Report: ...


@dataclass(frozen=True)
class FixResult:
    """A fixed text, the suggestions whose fixes made it, and its report."""

    #: The fixed text (the original when nothing was fixed).
    text: str
    #: The suggestions that were fixed, round by round (a fix may uncover another),
    #: in text order within a round; the offsets of each refer to the text of its round.
    applied: tuple[Suggestion, ...]
    #: The report of the fixed text: what remains.
    report: Report
    #: The text before fixing.
    original: str

    @property
    def changed(self) -> bool:
        return self.text != self.original


@dataclass(frozen=True)
class _Edit:
    """``text[start:end]`` becomes ``replacement``, to fix ``suggestion``."""

    start: int
    end: int
    replacement: str
    suggestion: Suggestion


def fixable(suggestion: Suggestion, *, unsafe: bool = False) -> bool:
    """Whether ``apply_fixes`` applies the suggestion's fix (with ``unsafe`` or not)."""
    safety = suggestion.fix_safety
    return safety == "safe" or (unsafe and safety == "unsafe")


def apply_fixes(
    checker: Checker,
    text: str,
    *,
    path: str | None = None,
    context: Mapping[str, str] | None = None,
    unsafe: bool = False,
) -> FixResult:
    """Fix ``text`` with ``checker`` (a Linter): apply the replacement of every
    suggestion whose fix is safe, and with ``unsafe`` of every other one that has a
    replacement (its first), unless it overlaps another fix, a placeholder or protected
    text, or creates a finding the text did not have. ``path`` and ``context`` are
    passed to every check (``Linter.check``)."""
    report = checker.check(text, path=path, context=context)
    applied: list[Suggestion] = []
    for _ in range(MAX_ROUNDS):
        edits = _edits(report, unsafe)
        if not edits:
            break
        report, done = _apply_checked(checker, report, edits, path, context)
        if not done:
            break
        applied.extend(edit.suggestion for edit in done)
    return FixResult(report.text, tuple(applied), report, text)


def _edits(report: Report, unsafe: bool) -> list[_Edit]:
    """The fixes to apply to the report's text: in text order, none overlapping
    another, a placeholder or protected text."""
    candidates = [s for s in report.suggestions if fixable(s, unsafe=unsafe)]
    if not candidates:
        return []
    doc = Document(report.text, report.lang)
    edits: list[_Edit] = []
    last_end = 0
    for s in sorted(candidates, key=lambda s: (s.start, s.end)):
        if doc.in_placeholder(s.start, s.end) or doc.is_protected(s.start, s.end):
            continue
        edit = _edit(report.text, report.lang, s)
        if edit.start < last_end:
            continue
        edits.append(edit)
        last_end = edit.end
    return edits


def _edit(text: str, lang: str, s: Suggestion) -> _Edit:
    """The edit of a suggestion's first replacement, fitted to the text around it."""
    start, end, new = s.start, s.end, s.replacements[0]
    capital = s.match[:1].isupper() and _begins_sentence(text, start)
    if new:
        if capital and new[:1].islower():
            new = upper(new[:1], lang) + new[1:]
        return _Edit(start, end, new, s)
    after = end
    while after < len(text) and text[after] in _SPACE:
        after += 1
    if after < len(text) and text[after] not in "\r\n":
        # A word follows: the spaces after the phrase go with it, and the word takes
        # the phrase's capital ("Please be advised that your ..." -> "Your ...").
        word = _word_at(text, after)
        if capital and word[:1].islower() and word == word.lower():
            return _Edit(start, after + 1, upper(word[0], lang), s)
        return _Edit(start, after, "", s)
    while start > 0 and text[start - 1] in _SPACE:  # the end of a line: the spaces before
        start -= 1
    return _Edit(start, end, "", s)


def _word_at(text: str, start: int) -> str:
    end = start
    while end < len(text) and (text[end].isalnum() or text[end] in "'’-"):
        end += 1
    return text[start:end]


def _begins_sentence(text: str, offset: int) -> bool:
    """Whether only spaces and opening marks stand between ``offset`` and the start of
    the text, a line or the end of a sentence."""
    i = offset
    while i > 0 and (text[i - 1] in _SPACE or text[i - 1] in _OPENING_MARKS):
        i -= 1
    return i == 0 or text[i - 1] in "\r\n" or text[i - 1] in _SENTENCE_END


def _apply(text: str, edits: Sequence[_Edit]) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with the edits (in text order, not overlapping) and where each edit's
    text is in the result."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    at = 0
    length = 0
    for edit in edits:
        parts.append(text[at : edit.start])
        length += edit.start - at
        parts.append(edit.replacement)
        spans.append((length, length + len(edit.replacement)))
        length += len(edit.replacement)
        at = edit.end
    parts.append(text[at:])
    return "".join(parts), spans


def _apply_checked(
    checker: Checker,
    report: Report,
    edits: list[_Edit],
    path: str | None,
    context: Mapping[str, str] | None,
) -> tuple[Report, list[_Edit]]:
    """The report of the text with the edits that create no new finding, and those
    edits. All together when they can; else one by one from the end of the text (so
    the offsets of the others stay right), each kept only when it creates nothing."""
    fixed_text, spans = _apply(report.text, edits)
    after = checker.check(fixed_text, path=path, context=context)
    if not _creates_findings(report, after, edits, spans):
        return after, edits
    done: list[_Edit] = []
    for edit in reversed(edits):
        key = (edit.suggestion.rule_id, edit.suggestion.start, edit.suggestion.end)
        if key not in {(s.rule_id, s.start, s.end) for s in report.suggestions}:
            continue  # a fix after it in the text settled it
        fixed_text, spans = _apply(report.text, [edit])
        after = checker.check(fixed_text, path=path, context=context)
        if not _creates_findings(report, after, [edit], spans):
            report = after
            done.append(edit)
    done.reverse()
    return report, done


def _creates_findings(
    before: Report, after: Report, edits: Sequence[_Edit], spans: Sequence[tuple[int, int]]
) -> bool:
    """Whether ``after`` (the text of ``before`` with ``edits``, now at ``spans``) has a
    finding ``before`` did not: counted per rule near a fix (a long sentence holding it
    is still the same finding when its text changed), per rule and text elsewhere. The
    fixed suggestions themselves must be gone."""
    fixed = {(e.suggestion.rule_id, e.suggestion.start, e.suggestion.end) for e in edits}
    old_spans = [(e.start, e.end) for e in edits]
    was = _counts(
        (s for s in before.suggestions if (s.rule_id, s.start, s.end) not in fixed), old_spans
    )
    now = _counts(after.suggestions, spans)
    return any(n > was[key] for key, n in now.items())


def _counts(
    suggestions: Iterable[Suggestion], spans: Sequence[tuple[int, int]]
) -> Counter[Hashable]:
    counts: Counter[Hashable] = Counter()
    for s in suggestions:
        if any(_touches(s.start, s.end, a, b) for a, b in spans):
            counts[("near", s.rule_id)] += 1
        else:
            counts[(s.rule_id, s.match)] += 1
    return counts


def _touches(start: int, end: int, a: int, b: int) -> bool:
    """Whether the finding ``start:end`` overlaps the edited span ``a:b`` (holds it,
    when either is empty)."""
    if start == end:
        return a <= start <= b
    if a == b:
        return start < a < end
    return start < b and a < end
