"""Known templates and near-copy matching: :class:`TemplateSet`.

Every template is normalised once (:mod:`netiquette.templates.words`: folded
words, each placeholder one slot) and encoded, one code point per word. A draft is
normalised the same way, without its quoted lines (``> ...``, usually the customer's
own message). Reading files and folders is :mod:`netiquette.templates.reading`; the
one loader, with the index cache, is :func:`netiquette.templates.load`.

The similarity of a draft and a template (0-100) comes from the words they share in
order (their longest common subsequence): how much of the draft is template text
(precision) and how much of the template the draft uses (recall), combined as an
F-score that weighs the draft's side more (:data:`BETA`). Words the draft puts where
the template has a placeholder count as filling it in, up to :data:`FILL_BUDGET` words
per placeholder: "Hi Maria, ..." is a 100 % copy of "Hi {{first_name}}, ...". The
measure is length-aware, unlike ``token_set_ratio`` (100 whenever the template's words
are a subset of the reply): an exact or lightly edited copy, or a copy with a sentence
cut, scores 90-100; a reply that quotes a template and adds a sentence or more of its
own (an order number and a date, the actual answer) scores below 90.

Words are compared as single characters (every template word gets one code point), so
rapidfuzz aligns a 120-word reply with a template in about a microsecond.
``best_match`` looks only at templates whose length could reach the cutoff (a bisect on
sorted lengths), scores them in one ``process.extract`` call and aligns only those
whose upper bound can still win, so an inverted index for very large sets can replace
the candidate step without changing the API.
"""

from __future__ import annotations

import bisect
import os
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import Indel, LCSseq

from netiquette.core import TemplateError
from netiquette.lang import check_language
from netiquette.templates.formats import TemplateRecord
from netiquette.templates.index import TemplateIndex, fingerprint
from netiquette.templates.reading import TemplateWarning, duplicate_id
from netiquette.templates.words import (
    SLOT,
    Normalized,
    TemplateEncoder,
    WordCodes,
    WordCounts,
    normalize,
)
from netiquette.text.markup import blank_tags, strip_html

#: Words of the draft that may stand in for one placeholder of the template.
FILL_BUDGET = 6
#: Weight of the template's share against the draft's: 0.5 counts "how much of the
#: reply is template text" twice as much as "how much of the template it uses", so a
#: copy with a sentence cut still matches and a copy with real additions does not.
BETA = 0.5
_BETA2 = BETA * BETA
# Equal runs shorter than this (in words) inside a filled-in gap do not end the gap.
_MIN_ANCHOR = 2
#: Sets with more templates than this find candidates with a :class:`TemplateIndex`.
INDEX_THRESHOLD = 200


@dataclass(frozen=True)
class Template(WordCounts):
    """One known template: its id, original text and words (``None`` = placeholder).

    ``title``, ``lang`` and ``tags`` come from the file (front matter, CSV columns,
    helpdesk exports) when it has them; ``line`` is where the template starts in
    ``source``. ``text`` is the body as written (HTML included); ``words`` are what is
    matched (HTML tags stripped).
    """

    id: str
    text: str
    words: tuple[str | None, ...]
    source: str | None = None
    title: str | None = None
    lang: str | None = None
    tags: tuple[str, ...] = ()
    line: int | None = None


@dataclass(frozen=True)
class TemplateMatch:
    """The best template for a draft: ``text[start:end]`` is the copied stretch."""

    template_id: str
    similarity: float
    start: int
    end: int
    #: The template's title, when its source has one (front matter, exports, CSV).
    title: str | None = None
    #: Share (0-1) of the draft's words that are not template text: what the agent
    #: wrote for this customer, including what they wrote into placeholders.
    own_share: float = 0.0


class _Alignment(NamedTuple):
    similarity: float
    first: int  # first and last copied word of the draft (last is exclusive)
    last: int
    matched: int  # words of the draft that are template text


def _align(template: str, slots: int, draft: str) -> _Alignment:
    """Similarity (0-100) of an encoded template and draft, placeholders as fills."""
    matched = 0
    filled = 0
    first = -1
    last = -1
    gap_slots = 0
    gap_inserted = 0
    gap_start = -1
    gap_end = -1

    def close_gap() -> None:
        nonlocal filled, gap_slots, gap_inserted, gap_start, gap_end, first, last
        if gap_slots:
            filled += min(gap_inserted, gap_slots * FILL_BUDGET)
            if gap_start >= 0:  # the filled-in words belong to the copied stretch
                first = gap_start if first < 0 else min(first, gap_start)
                last = max(last, gap_end)
        gap_slots = 0
        gap_inserted = 0
        gap_start = gap_end = -1

    for op in Indel.opcodes(template, draft):
        if op.tag == "equal":
            size = op.src_end - op.src_start
            matched += size
            if size < _MIN_ANCHOR and (gap_slots or gap_inserted):
                # A stray word the alignment borrowed from the filled-in text ("the"
                # of "the end of the week"): still the same gap.
                continue
            close_gap()
            if first < 0:
                first = op.dest_start
            last = op.dest_end
        elif op.tag == "delete":
            gap_slots += template.count(SLOT, op.src_start, op.src_end)
        else:
            gap_inserted += op.dest_end - op.dest_start
            if gap_start < 0:
                gap_start = op.dest_start
            gap_end = op.dest_end
    close_gap()
    similarity = _score(matched, len(template) - slots, len(draft) - filled)
    return _Alignment(similarity, max(first, 0), max(last, 0), matched)


def _score(common: float, template_length: int, draft_length: float) -> float:
    """F-score (beta = :data:`BETA`) of the common words, as 0-100.

    Precision is the share of the draft that is template text, recall the share of the
    template the draft uses: ``(1 + b²) L / (b² T + D)``.
    """
    total = _BETA2 * template_length + draft_length
    return min(100.0, 100.0 * (1 + _BETA2) * common / total) if total > 0 else 0.0


class TemplateSet:
    """A set of known templates, normalised once, searched with :meth:`best_match`.

    Each template is kept as its record (or :class:`Template`), whose text is the one
    copy of it, and its encoded words, one code point each (two bytes a word for up
    to ~55,000 distinct words); :class:`Template` objects, with their words, are made
    when asked for (``set[id]``, iterating).
    """

    def __init__(self, templates: Iterable[Template], *, lang: str = "en") -> None:
        items = list(templates)
        codes = WordCodes()
        self._setup(items, [codes.add(t.words) for t in items], codes, lang)

    def _setup(
        self,
        items: Sequence[Template | TemplateRecord],
        encoded: Sequence[str],
        codes: WordCodes,
        lang: str,
        counts: Sequence[int] | None = None,
    ) -> None:
        """Sort the templates by their number of words (``counts``, placeholders not
        counted, when already known) and keep them."""
        self.lang = lang
        if counts is None:
            counts = [len(e) - e.count(SLOT) for e in encoded]
        ids = [t.id for t in items]
        # By id, then (stable) by words: by (words, id) with plain str and int compares.
        order = sorted(range(len(items)), key=ids.__getitem__)
        order.sort(key=counts.__getitem__)
        by_id = dict(zip([ids[i] for i in order], range(len(order)), strict=True))
        if len(by_id) < len(order):
            _refuse_duplicates([items[i] for i in order])
        self._by_id = by_id
        self._items: list[Template | TemplateRecord] = [items[i] for i in order]
        self._encoded = [encoded[i] for i in order]
        self._lengths = [counts[i] for i in order]
        self._slots = [len(e) - n for e, n in zip(self._encoded, self._lengths, strict=True)]
        self._codes = codes
        self._vocabulary: list[str] | None = None
        self._max_slots = max(self._slots, default=0)
        self._template_index: TemplateIndex | None = None
        #: Files and records ``netiquette.templates.load`` skipped (``on_error="collect"``).
        self.problems: list[TemplateError] = []
        #: What loading had to say about the index cache ("rebuilding", "cannot write").
        self.notes: list[str] = []

    # -- building ---------------------------------------------------------------------

    @classmethod
    def from_texts(
        cls,
        texts: Mapping[str, str] | Iterable[tuple[str, str]],
        *,
        lang: str = "en",
        sources: Mapping[str, str] | None = None,
    ) -> TemplateSet:
        """A set from ``id -> text`` (a mapping or pairs)."""
        items = texts.items() if isinstance(texts, Mapping) else texts
        records = []
        for template_id, text in items:
            if not isinstance(template_id, str) or not isinstance(text, str):
                raise TemplateError(
                    f"template ids and texts must be strings, got {template_id!r}: "
                    f"{type(text).__name__}"
                )
            records.append(
                TemplateRecord(template_id, text, source=(sources or {}).get(template_id, ""))
            )
        return cls.from_records(records, lang=lang)

    @classmethod
    def from_records(cls, records: Iterable[TemplateRecord], *, lang: str = "en") -> TemplateSet:
        """A set from records read by :mod:`netiquette.templates.reading`."""
        lang = check_language(lang)
        items = list(records)
        codes = WordCodes()
        return cls.from_encoded(items, encode_records(items, codes, lang), codes, lang=lang)

    @classmethod
    def from_encoded(
        cls,
        records: Sequence[TemplateRecord],
        encoded: Sequence[str],
        codes: WordCodes,
        *,
        lang: str,
    ) -> TemplateSet:
        """A set from records and their words encoded with ``codes`` (see
        :func:`encode_records`); blank templates are left out with a warning."""
        counts = [len(e) - e.count(SLOT) for e in encoded]
        if all(counts):
            templates = cls.__new__(cls)
            templates._setup(records, encoded, codes, lang, counts)
            return templates
        kept: list[int] = []
        for i, record in enumerate(records):
            if counts[i]:
                kept.append(i)
                continue
            where = record.location
            warnings.warn(
                f"template '{record.id}'{f' ({where})' if where else ''} is blank; skipped",
                TemplateWarning,
                stacklevel=3,
            )
        templates = cls.__new__(cls)
        templates._setup(
            [records[i] for i in kept],
            [encoded[i] for i in kept],
            codes,
            lang,
            [counts[i] for i in kept],
        )
        return templates

    # -- reading ----------------------------------------------------------------------

    def _template(self, position: int) -> Template:
        item = self._items[position]
        if isinstance(item, Template):
            return item
        if self._vocabulary is None:
            self._vocabulary = self._codes.words()
        return Template(
            item.id,
            item.body,
            self._codes.decode(self._encoded[position], self._vocabulary),
            item.source or None,
            title=item.title,
            lang=item.lang,
            tags=item.tags,
            line=item.line,
        )

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Template]:
        return (self._template(i) for i in range(len(self._items)))

    def __contains__(self, template_id: object) -> bool:
        return template_id in self._by_id

    def __getitem__(self, template_id: str) -> Template:
        return self._template(self._by_id[template_id])

    def __repr__(self) -> str:
        return f"TemplateSet({len(self)} templates, lang={self.lang!r})"

    @property
    def ids(self) -> list[str]:
        return sorted(self._by_id)

    # -- index ------------------------------------------------------------------------

    @property
    def fingerprint(self) -> str:
        """Digest of the normalised templates: a saved index only fits this set."""
        return fingerprint(self._encoded)

    @property
    def index(self) -> TemplateIndex:
        """The inverted index of this set, built on first use (or :meth:`use_index`)."""
        index = self._template_index
        if index is None:
            # Two threads may both build it; either result is the same.
            index = self._template_index = TemplateIndex(self._encoded, slot=SLOT)
        return index

    def build_index(self) -> TemplateIndex:
        """Build (once) and return the index, e.g. to :meth:`TemplateIndex.save` it."""
        return self.index

    def use_index(self, index: TemplateIndex | str | os.PathLike[str]) -> TemplateIndex:
        """Use a prebuilt index (or load one saved to a path) instead of building it.

        Raises :class:`TemplateError` when it was built from other templates.
        """
        expected = self.fingerprint
        if not isinstance(index, TemplateIndex):
            index = TemplateIndex.load(index, fingerprint=expected)
        elif index.fingerprint != expected:
            raise TemplateError("this template index was built from other templates; rebuild it")
        self._template_index = index
        return index

    def _adopt_index(self, index: TemplateIndex) -> None:
        """Use ``index``, read from the cache that also gave this set's words (its
        fingerprint ties both to the raw templates): it must count the same words and
        placeholders for every template, else TemplateError."""
        if not index.counts(self._lengths, self._slots):
            raise TemplateError("this template index does not fit its templates; rebuild it")
        self._template_index = index

    # -- matching ---------------------------------------------------------------------

    def best_match(
        self, text: str, *, score_cutoff: float = 0.0, min_words: int = 1
    ) -> TemplateMatch | None:
        """The template ``text`` copies most closely, or None below ``score_cutoff``.

        Quoted lines (``> ...``) of ``text`` are left out. Drafts and templates of fewer
        than ``min_words`` words are not compared. The similarity is 0-100 (see the
        module docstring); ``text[start:end]`` runs from the first to the last word the
        draft shares with the template (or writes into its placeholders), with the
        punctuation that closes it.
        """
        if not self._items:
            return None
        # An HTML draft is compared by its words; blanking the tags (same length) keeps
        # the reported span an index into the original.
        text = blank_tags(text)
        draft = normalize(text, self.lang, drop_quoted=True)
        if draft.word_count < max(min_words, 1):
            return None
        encoded = self._codes.encode(draft.words)
        best: tuple[_Alignment, int] | None = None
        for index, bound in self._candidates(encoded, score_cutoff, min_words):
            if best is not None and bound <= best[0].similarity:
                break
            alignment = _align(self._encoded[index], self._slots[index], encoded)
            if alignment.similarity >= score_cutoff and (
                best is None or alignment.similarity > best[0].similarity
            ):
                best = (alignment, index)
        if best is None:
            return None
        alignment, index = best
        located = normalize(text, self.lang, drop_quoted=True, spans=True)
        start, end = _original_span(text, located, alignment)
        template = self._items[index]
        own = 1.0 - alignment.matched / len(encoded) if encoded else 0.0
        return TemplateMatch(
            template.id,
            round(alignment.similarity, 1),
            start,
            end,
            template.title,
            round(max(own, 0.0), 2),
        )

    def similarity(self, text: str, template_id: str) -> float:
        """Similarity (0-100) of ``text`` and one template, without any pruning."""
        index = self._by_id[template_id]
        draft = self._codes.encode(normalize(text, self.lang, drop_quoted=True).words)
        return round(_align(self._encoded[index], self._slots[index], draft).similarity, 1)

    def _candidates(self, draft: str, cutoff: float, min_words: int) -> list[tuple[int, float]]:
        """Indexes of templates that may reach ``cutoff`` and an upper bound of their
        similarity, best bound first."""
        k = max(min(cutoff, 100.0), 1.0) / 100.0
        length = len(draft)
        allowance = self._max_slots * FILL_BUDGET
        # F >= k needs  D' k / (1 + b² - b² k) <= T <= D (1 + b² - k) / (b² k), where
        # T counts template words and D' = D - filled-in words >= D - allowance.
        shortest = max(0, length - allowance) * k / (1 + _BETA2 - _BETA2 * k)
        longest = length * (1 + _BETA2 - k) / (_BETA2 * k)
        low = bisect.bisect_left(self._lengths, max(int(shortest), min_words))
        high = bisect.bisect_right(self._lengths, int(longest) + 1)
        if low >= high:
            return []
        min_common = k * (_BETA2 * self._lengths[low] + length - allowance) / (1 + _BETA2)
        needed = max(1, int(min_common))
        if len(self._encoded) > INDEX_THRESHOLD:
            return self._indexed_candidates(draft, needed, low, high, cutoff)
        scored = process.extract(
            draft,
            self._encoded[low:high],
            scorer=LCSseq.similarity,
            processor=None,
            limit=None,
            score_cutoff=needed,
        )
        out: list[tuple[int, float]] = []
        for _, common, offset in scored:
            index = low + offset
            free = min(self._slots[index] * FILL_BUDGET, max(0, length - int(common)))
            bound = _score(common, self._lengths[index], length - free)
            if bound >= cutoff:
                out.append((index, bound))
        out.sort(key=lambda pair: -pair[1])
        return out

    def _indexed_candidates(
        self, draft: str, needed: int, low: int, high: int, cutoff: float
    ) -> list[tuple[int, float]]:
        """:meth:`_candidates` of a large set: only templates sharing enough words (as
        bags, an upper bound of the common subsequence) with the draft, their common
        subsequences and bounds computed in arrays; the same list, found sooner."""
        import numpy as np

        index = self.index
        chosen = index.candidates(
            draft, needed, low, high, cutoff=cutoff, fill_budget=FILL_BUDGET, beta2=_BETA2
        )
        if not chosen:
            return []
        common = process.cdist(
            [draft],
            [self._encoded[i] for i in chosen],
            scorer=LCSseq.similarity,
            processor=None,
            score_cutoff=needed,
            dtype=np.int32,
        )[0]
        picked = np.flatnonzero(common >= needed)
        where, common = np.asarray(chosen)[picked], common[picked]
        bound = np.minimum(100.0, index.bounds(where, common, len(draft), FILL_BUDGET, _BETA2))
        kept = np.flatnonzero(bound >= cutoff)
        where, common, bound = where[kept], common[kept], bound[kept]
        # The order of the small sets' way: best bound first, then most common words,
        # then the first template.
        order = np.lexsort((where, -common, -bound))
        return list(zip(where[order].tolist(), bound[order].tolist(), strict=True))


def _refuse_duplicates(items: Sequence[Template | TemplateRecord]) -> None:
    """Raise :class:`TemplateError` for the first template whose id an earlier one has."""
    seen: dict[str, Template | TemplateRecord] = {}
    for item in items:
        first = seen.setdefault(item.id, item)
        if first is not item:
            where = (first.source or "a text", item.source or "a text")
            raise TemplateError(duplicate_id(item.id, *where))


def encode_records(records: Sequence[TemplateRecord], codes: WordCodes, lang: str) -> list[str]:
    """The words of each record encoded with ``codes`` (new words get new codes); an
    HTML body is matched on its text."""
    encoder = TemplateEncoder(codes, lang)
    return [encoder.encode(strip_html(r.body) if r.html else r.body) for r in records]


def _original_span(text: str, draft: Normalized, alignment: _Alignment) -> tuple[int, int]:
    spans = draft.spans
    first = min(alignment.first, len(spans) - 1)
    last = min(max(alignment.last, first + 1), len(spans))
    start = spans[first][0]
    end = spans[last - 1][1]
    # Whole words and the punctuation that closes them ("today." not "today").
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end
