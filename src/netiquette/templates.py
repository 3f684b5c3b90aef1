"""Known templates (canned responses, FAQ answers) and near-copy matching.

Loading
-------
``TemplateSet.load(sources, lang="en")`` accepts:

- a path (``str`` or ``os.PathLike``) to a file: a ``.txt``/``.md`` template (id = the
  file's stem, or ``id`` in its YAML front matter), a CSV file or a Zendesk, Freshdesk
  or Help Scout JSON export (:mod:`netiquette.template_formats`, ``format=``);
- a path to a folder: every ``.txt`` and ``.md`` file inside it, recursively (hidden
  files and folders skipped), id = the ``id`` of its front matter or the path relative
  to the folder without its suffix, with ``/`` separators (``billing/refund-approved``);
- a mapping of id -> template text;
- an iterable mixing paths and template texts. A text gets the id ``template-<n>``
  (``n`` its 1-based position in the iterable).

How a ``str`` is told apart: a single ``str`` is always a path. In an iterable, a
``str`` of one line is a path when it names an existing file or folder, has no
whitespace (a template is never one word, so ``"templats/"`` is a mistyped path, not a
template) or ends with ``/``, ``\\``, ``.txt`` or ``.md`` (``"my templates/"``);
anything else is a template text. A path that does not exist raises
:class:`~netiquette.errors.TemplateError`, and so do a binary file, a file that is not
UTF-8, an unreadable file, malformed JSON, CSV or front matter, an unknown format and
two templates with the same id: bad input is never dropped quietly. With
``on_error="collect"`` the bad file or record is skipped instead, the rest loads and
the errors (each naming the file and line) are kept in ``TemplateSet.problems``; the
CLI prints them and exits 2 after checking. Blank templates and folders without templates only warn
(:class:`TemplateWarning`), since they hold nothing to lose.

Matching
--------
Every template is normalised once: case-folded with :func:`netiquette.text.fold.fold`,
split into words (punctuation, emoji and Markdown dropped), each placeholder
(``{{first_name}}``, ``[NAME]``, ...) one slot. A draft is normalised the same way,
without its quoted lines (``> ...``, usually the customer's own message).

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
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, Union

from rapidfuzz import process
from rapidfuzz.distance import Indel, LCSseq

from netiquette.core import InputError, TemplateError
from netiquette.lang import check_language
from netiquette.sources import decode
from netiquette.template_formats import (
    FORMATS as FORMATS,
)
from netiquette.template_formats import (
    ReadResult,
    TemplateFileError,
    TemplateRecord,
    check_format,
    read_templates,
)
from netiquette.template_index import TemplateIndex, fingerprint
from netiquette.text import placeholders
from netiquette.text.fold import fold
from netiquette.text.markup import blank_tags, strip_html

#: Words of the draft that may stand in for one placeholder of the template.
FILL_BUDGET = 6
#: Weight of the template's share against the draft's: 0.5 counts "how much of the
#: reply is template text" twice as much as "how much of the template it uses", so a
#: copy with a sentence cut still matches and a copy with real additions does not.
BETA = 0.5
_BETA2 = BETA * BETA
#: File suffixes read from a template folder.
SUFFIXES = (".txt", ".md")
MAX_TEMPLATE_BYTES = 1_000_000
# Equal runs shorter than this (in words) inside a filled-in gap do not end the gap.
_MIN_ANCHOR = 2
# Code points: a placeholder slot, any word no template has, then template words.
_SLOT = "\U000f0000"
_UNKNOWN = "\U000f0001"
_FIRST_WORD_CODE = 0x10000
#: Sets with more templates than this find candidates with a :class:`TemplateIndex`.
INDEX_THRESHOLD = 200

TemplateSources = Union[
    str,
    "os.PathLike[str]",
    Mapping[str, str],
    Iterable[Union[str, "os.PathLike[str]"]],
]

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_QUOTED_LINE = re.compile(r"(?m)^[ \t]*>.*$")


class TemplateWarning(UserWarning):
    """A template source held nothing to load (a blank file, an empty folder)."""


_CIRCUMFLEX = str.maketrans("âîû", "aiu")


def slot_count(words: tuple[str | None, ...]) -> int:
    """How many placeholders (``None``) a word sequence holds."""
    return sum(1 for w in words if w is None)


class Normalized(NamedTuple):
    """Text in matching form: folded words, ``None`` for each placeholder.

    ``spans`` holds the offsets of each word in the original text when they were asked
    for, and is empty otherwise.
    """

    words: tuple[str | None, ...]
    spans: tuple[tuple[int, int], ...] = ()

    @property
    def slots(self) -> int:
        return slot_count(self.words)

    @property
    def word_count(self) -> int:
        """Words without the placeholders."""
        return len(self.words) - slot_count(self.words)


def normalize(
    text: str, lang: str, *, drop_quoted: bool = False, spans: bool = False
) -> Normalized:
    """Fold ``text`` and split it into words; each placeholder becomes ``None``.

    ``drop_quoted`` leaves out quoted lines (``> ...``); ``spans`` also returns the
    offsets of every word (slower: only needed to report where a match is).
    """
    folded = fold(text, lang)
    if lang == "tr":
        # "hâlâ" and "hala", "kâr" and "kar" are one spelling to a reader: the
        # circumflex is optional in practice (same length, so offsets hold).
        folded = folded.translate(_CIRCUMFLEX)
    # (start, end, is_slot): placeholders become a slot, quoted lines vanish.
    holes = [(p.start, p.end, True) for p in placeholders.find(text, lang)]
    if drop_quoted and ">" in text:
        holes += [(m.start(), m.end(), False) for m in _QUOTED_LINE.finditer(text)]
        holes.sort()
    if not holes and not spans:
        return Normalized(tuple(_WORD.findall(folded)))
    words: list[str | None] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    for start, end, is_slot in [*holes, (len(text), len(text), False)]:
        if start < pos:  # a placeholder inside a quoted line
            continue
        if spans:
            for m in _WORD.finditer(folded, pos, start):
                words.append(m.group())
                offsets.append(m.span())
        else:
            words.extend(_WORD.findall(folded, pos, start))
        if is_slot:
            words.append(None)
            offsets.append((start, end))
        pos = end
    return Normalized(tuple(words), tuple(offsets) if spans else ())


@dataclass(frozen=True)
class Template:
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

    @property
    def slots(self) -> int:
        return slot_count(self.words)

    @property
    def word_count(self) -> int:
        """Words without the placeholders."""
        return len(self.words) - slot_count(self.words)


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
            gap_slots += template.count(_SLOT, op.src_start, op.src_end)
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
    """A set of known templates, normalised once, searched with :meth:`best_match`."""

    def __init__(self, templates: Iterable[Template], *, lang: str = "en") -> None:
        self.lang = lang
        ordered = sorted(templates, key=lambda t: (t.word_count, t.id))
        ids: dict[str, Template] = {}
        for template in ordered:
            other = ids.get(template.id)
            if other is not None:
                raise TemplateError(
                    f"two templates have the id '{template.id}'"
                    f" ({other.source or 'text'} and {template.source or 'text'})"
                )
            ids[template.id] = template
        self._by_id = ids
        self._templates = tuple(ordered)
        self._index = {t.id: i for i, t in enumerate(ordered)}
        # One code point per distinct word, so that rapidfuzz compares words.
        codes: dict[str, str] = {}
        for template in ordered:
            for word in template.words:
                if word is not None and word not in codes:
                    codes[word] = chr(_FIRST_WORD_CODE + len(codes))
        if len(codes) > 0xEFFFF - _FIRST_WORD_CODE:
            raise TemplateError(f"too many distinct words in the templates ({len(codes):,})")
        self._codes = codes
        self._encoded = [self._encode(t.words) for t in ordered]
        self._slots = [t.slots for t in ordered]
        self._lengths = [t.word_count for t in ordered]
        self._max_slots = max(self._slots, default=0)
        self._template_index: TemplateIndex | None = None
        #: Files and records :meth:`load` skipped (``on_error="collect"``).
        self.problems: list[TemplateError] = []

    def _encode(self, words: Iterable[str | None]) -> str:
        codes = self._codes
        return "".join(_SLOT if w is None else codes.get(w, _UNKNOWN) for w in words)

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
        """A set from records read by :mod:`netiquette.template_formats`."""
        lang = check_language(lang)
        templates = []
        for record in records:
            text = strip_html(record.body) if record.html else record.body
            norm = normalize(text, lang)
            where = record.location
            if not norm.word_count:
                warnings.warn(
                    f"template '{record.id}'{f' ({where})' if where else ''} is blank; skipped",
                    TemplateWarning,
                    stacklevel=3,
                )
                continue
            templates.append(
                Template(
                    record.id,
                    record.body,
                    norm.words,
                    record.source or None,
                    title=record.title,
                    lang=record.lang,
                    tags=record.tags,
                    line=record.line,
                )
            )
        return cls(templates, lang=lang)

    @classmethod
    def load(
        cls,
        sources: TemplateSources | TemplateSet,
        *,
        lang: str = "en",
        format: str = "auto",
        on_error: str = "raise",
    ) -> TemplateSet:
        """Templates from paths, folders, texts or a mapping (see the module docstring).

        ``format`` is how files given by path are read (:data:`FORMATS`; ``auto`` goes
        by the name and content). With ``on_error="raise"`` the first bad file or
        record raises :class:`TemplateError`; with ``"collect"`` it is skipped, the
        rest still loads and the errors are listed in :attr:`problems`.
        """
        if isinstance(sources, TemplateSet):
            return sources
        fmt = check_format(format, "templates format")
        if on_error not in ("raise", "collect"):
            raise ValueError(f"on_error must be 'raise' or 'collect', got {on_error!r}")
        records: list[TemplateRecord] = []
        problems: list[TemplateError] = []
        seen: dict[str, str] = {}

        def problem(error: TemplateError) -> None:
            if on_error == "raise":
                raise error
            problems.append(error)

        def add(record: TemplateRecord) -> None:
            if record.id in seen:
                error_type = TemplateFileError if record.source else TemplateError
                message = (
                    f"two templates have the id '{record.id}' ({seen[record.id]} and "
                    f"{record.location}); rename one of them"
                )
                if error_type is TemplateFileError:
                    problem(TemplateFileError(record.source, message, line=record.line))
                else:
                    problem(TemplateError(message))
                return
            seen[record.id] = record.location or f"template '{record.id}'"
            records.append(record)

        def add_path(item: str | os.PathLike[str]) -> None:
            try:
                result = read_path(item, fmt)
            except TemplateError as exc:
                problem(exc)
                return
            for error in result.problems:
                problem(error)
            for record in result.records:
                add(record)

        def add_text(template_id: str, text: str, source: str) -> None:
            if template_id in seen:
                problem(
                    TemplateError(
                        f"two templates have the id '{template_id}' ({seen[template_id]} and "
                        f"{source}); rename one of them"
                    )
                )
                return
            seen[template_id] = source
            records.append(TemplateRecord(template_id, text, source=source))

        if isinstance(sources, (str, os.PathLike)):
            add_path(sources)
        elif isinstance(sources, Mapping):
            for template_id, text in sources.items():
                if not isinstance(text, str):
                    raise TemplateError(
                        f"template '{template_id}' must be a string, got {type(text).__name__}"
                    )
                add_text(str(template_id), text, f"template '{template_id}'")
        elif isinstance(sources, Iterable) and not isinstance(sources, (bytes, bytearray)):
            for n, item in enumerate(sources, 1):
                if isinstance(item, os.PathLike) or (isinstance(item, str) and _is_path(item)):
                    add_path(item)
                elif isinstance(item, str):
                    add_text(f"template-{n}", item, f"template text #{n}")
                else:
                    raise TemplateError(
                        f"template source #{n} must be a path or a text, got {type(item).__name__}"
                    )
        else:
            raise TemplateError(
                "templates must be a path, a folder, a list of paths or texts, or a mapping"
                f" of id to text; got {type(sources).__name__}"
            )
        loaded = cls.from_records(records, lang=lang)
        loaded.problems = problems
        return loaded

    # -- reading ----------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._templates)

    def __iter__(self) -> Iterator[Template]:
        return iter(self._templates)

    def __contains__(self, template_id: object) -> bool:
        return template_id in self._by_id

    def __getitem__(self, template_id: str) -> Template:
        return self._by_id[template_id]

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
            index = self._template_index = TemplateIndex(self._encoded, slot=_SLOT)
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
        if not self._templates:
            return None
        # An HTML draft is compared by its words; blanking the tags (same length) keeps
        # the reported span an index into the original.
        text = blank_tags(text)
        draft = normalize(text, self.lang, drop_quoted=True)
        if draft.word_count < max(min_words, 1):
            return None
        encoded = self._encode(draft.words)
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
        template = self._templates[index]
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
        index = self._index[template_id]
        draft = self._encode(normalize(text, self.lang, drop_quoted=True).words)
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
        # Large sets: only templates sharing enough words (as bags, an upper bound of
        # the common subsequence) with the draft; the same best match, found sooner.
        chosen: list[int] | None = None
        if len(self._encoded) > INDEX_THRESHOLD:
            chosen = self.index.candidates(
                draft, needed, low, high, cutoff=cutoff, fill_budget=FILL_BUDGET, beta2=_BETA2
            )
            choices = [self._encoded[i] for i in chosen]
        else:
            choices = self._encoded[low:high]
        scored = process.extract(
            draft,
            choices,
            scorer=LCSseq.similarity,
            processor=None,
            limit=None,
            score_cutoff=needed,
        )
        out: list[tuple[int, float]] = []
        for _, common, offset in scored:
            index = low + offset if chosen is None else chosen[offset]
            free = min(self._slots[index] * FILL_BUDGET, max(0, length - int(common)))
            bound = _score(common, self._lengths[index], length - free)
            if bound >= cutoff:
                out.append((index, bound))
        out.sort(key=lambda pair: -pair[1])
        return out


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


def _is_path(item: str) -> bool:
    """How a ``str`` in a list is told apart from a template text (module docstring)."""
    if "\n" in item:
        return False
    stripped = item.strip()
    if not stripped:
        return False
    return (
        os.path.exists(item)
        or not any(c.isspace() for c in stripped)
        or stripped.endswith(("/", "\\", *SUFFIXES))
    )


def read_path(path: str | os.PathLike[str], fmt: str = "auto") -> ReadResult:
    """The template(s) of a file, or of every .txt/.md file in a folder."""
    folder = Path(path)
    if folder.is_dir():
        if fmt not in ("auto", "text"):
            raise TemplateFileError(
                folder, f"a folder holds .txt/.md templates; give the {fmt} export file itself"
            )
        files = sorted(
            p
            for p in folder.rglob("*")
            if p.suffix.lower() in SUFFIXES
            and p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        )
        if not files:
            warnings.warn(
                f"{folder}: no {' or '.join(SUFFIXES)} templates in this folder",
                TemplateWarning,
                stacklevel=4,
            )
        result = ReadResult()
        for p in files:
            default_id = p.relative_to(folder).with_suffix("").as_posix()
            try:
                one = read_templates(p, _read_file(p), "text", default_id=default_id)
            except TemplateError as exc:
                result.problems.append(exc)
                continue
            result.records.extend(one.records)
        return result
    if folder.is_file():
        return read_templates(folder, _read_file(folder), fmt, default_id=folder.stem)
    if not folder.exists():
        raise TemplateError(
            f"{folder}: template file or folder not found (a template text must be given "
            "in a list or a mapping, not as a single string)"
        )
    raise TemplateError(f"{folder}: not a file or a folder")


def _read_file(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_TEMPLATE_BYTES:
            raise TemplateError(
                f"{path}: {size:,} bytes is too large for a template (limit {MAX_TEMPLATE_BYTES:,})"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read template: {exc.strerror or exc}") from None
    try:
        return decode(data, str(path))
    except InputError as exc:
        raise TemplateError(str(exc)) from None
