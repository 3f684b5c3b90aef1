"""An inverted index over encoded templates: the candidate step of large template sets.

:class:`~netiquette.templates.TemplateSet` encodes every template word as one code
point. :class:`TemplateIndex` keeps, for every code point, the templates that hold it
and how often (its postings). For a draft it returns every template that *could*
share ``min_common`` words in order with it, and nothing else is scored: the words two
texts share in order (their longest common subsequence) are never more than the words
they share as bags, ``sum(min(count in draft, count in template))``.

Prefix filtering makes that cheap. The draft's distinct words are sorted rarest first
(fewest templates). The rarest ones whose postings fit in a budget are counted exactly
(one ``numpy.bincount``); the words left over occur ``rest`` times in the draft, so a
template can reach ``min_common`` only if it shares at least ``min_common - rest`` of the
counted ones. Enough rare words are always counted to make that at least 1, so the
candidates are exactly a superset of the templates brute force would keep: the best
match is the same, only found ~100-600x faster at 100,000 templates with NQ502's cutoff
(90). With a low cutoff (``min_common`` near 1) most templates stay candidates and the
index saves little; it never loses a match.

The postings are kept in compressed sparse rows: one array of templates for all
words, word after word, with the count of each (in the smallest unsigned type that
holds the largest), and one array of offsets where each word's templates start. The
index is built once (~0.5 s per 100,000 templates: a stable radix sort of the words by
rank), and :meth:`TemplateIndex.save` / :meth:`TemplateIndex.load` store those arrays
on disk (:mod:`netiquette.templates.arrayfile`: an ``.npz`` file read with
``allow_pickle=False``, so a file from a repository or anyone else can be refused,
never executed), versioned and tied to the templates it was built from by a
fingerprint.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from netiquette.core import TemplateError
from netiquette.templates.arrayfile import read_arrays, write_arrays

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    IntArray = npt.NDArray[np.int32]

#: Bumped whenever the saved layout changes; a saved index of another version is refused.
VERSION = 4
#: The arrays of a saved index (see :meth:`TemplateIndex.save`).
ARRAYS = frozenset({"words", "offsets", "ids", "counts", "slots", "lengths"})
#: Posting entries counted exactly per query beyond the minimal rare-word prefix.
POSTINGS_BUDGET = 60_000
#: Postings budget per template of the set (see :meth:`TemplateIndex.candidates`).
POSTINGS_PER_TEMPLATE = 4
#: The arrays ``netiquette.templates.load`` adds to an index it caches: the encoded
#: templates and their words (:mod:`netiquette.templates.cache`).
SET_ARRAYS = frozenset({"encoded", "encoded_offsets", "vocabulary", "vocabulary_offsets"})
#: The two kinds of index file: the index alone, or with its template set.
LAYOUTS = (ARRAYS, ARRAYS | SET_ARRAYS)
_COUNT_TYPES = ("uint8", "uint16", "uint32")
# Sets from this size give the memory their build freed back to the system.
_LARGE = 20_000


def fingerprint(encoded: Sequence[str]) -> str:
    """A digest of encoded templates: an index only serves the set it was built from."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(len(encoded).to_bytes(8, "little"))
    for text in encoded:
        digest.update(text.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


class TemplateIndex:
    """Postings of every encoded word: which templates hold it, and how many times.

    Build it with ``TemplateIndex(encoded)`` from the encoded templates of a
    :class:`~netiquette.templates.TemplateSet` (``TemplateSet.build_index()`` does
    this) and ask :meth:`candidates`. Read-only after construction: safe to share
    across threads.
    """

    def __init__(self, encoded: Sequence[str], *, slot: str = "\x01") -> None:
        import numpy as np  # imported on first use: ``import netiquette`` stays light

        self.size = len(encoded)
        self.fingerprint = fingerprint(encoded)
        sizes = np.fromiter(map(len, encoded), dtype=np.int64, count=self.size)
        slots = np.fromiter((t.count(slot) for t in encoded), dtype=np.float64, count=self.size)
        self._slots = slots
        self._lengths = sizes - slots  # template words without placeholders
        self._set_postings(*_postings(encoded, sizes))
        if self.size >= _LARGE:
            release_freed_memory()

    def _set_postings(self, words: Any, offsets: Any, ids: Any, counts: Any) -> None:
        self._words = words
        self._offsets = offsets
        self._ids = ids
        self._counts = counts
        starts: list[int] = offsets.tolist()
        self._starts = starts
        self._rows = {chr(word): row for row, word in enumerate(words.tolist())}
        self._reach: tuple[tuple[float, int], Any] | None = None

    def __len__(self) -> int:
        return self.size

    def __repr__(self) -> str:
        return f"TemplateIndex({self.size} templates, {len(self._rows)} words)"

    @property
    def postings_size(self) -> int:
        """Posting entries held (one per distinct word of each template)."""
        return len(self._ids)

    def counts(self, lengths: Sequence[int], slots: Sequence[int]) -> bool:
        """Whether the index holds templates of these word and placeholder counts, in
        this order (cheaper than a fingerprint, for an index that came with its set)."""
        import numpy as np

        return (
            len(lengths) == len(slots) == self.size
            and bool(np.array_equal(self._lengths, lengths))
            and bool(np.array_equal(self._slots, slots))
        )

    def postings(self, word: str) -> tuple[IntArray, Any]:
        """The templates holding ``word`` (ascending) and how many times each does."""
        row = self._rows.get(word)
        if row is None:
            return self._ids[:0], self._counts[:0]
        start, end = self._starts[row], self._starts[row + 1]
        return self._ids[start:end], self._counts[start:end]

    def candidates(
        self,
        draft: str,
        min_common: int,
        low: int = 0,
        high: int = -1,
        *,
        cutoff: float = 0.0,
        fill_budget: int = 6,
        beta2: float = 0.25,
    ) -> list[int]:
        """Templates (indexes in ``[low, high)``, ascending) that share enough words
        with ``draft``, counted as bags, to reach ``min_common`` common words and a
        similarity bound of ``cutoff``: a superset of those whose longest common
        subsequence with it does (see ``TemplateSet._candidates``)."""
        if high < 0:
            high = self.size
        if low >= high:
            return []
        if min_common <= 0 and cutoff <= 0:
            return list(range(low, high))
        words: dict[str, int] = {}
        for char in draft:
            words[char] = words.get(char, 0) + 1
        import numpy as np

        rows, starts = self._rows, self._starts
        known = sorted(
            (starts[row + 1] - starts[row], row, n)
            for row, n in ((rows.get(w), n) for w, n in words.items())
            if row is not None
        )
        rest = sum(n for _, _, n in known)
        if rest < min_common:
            return []
        length = len(draft)
        chosen: list[tuple[int, int]] = []
        spent = 0
        budget = max(POSTINGS_BUDGET, POSTINGS_PER_TEMPLATE * self.size)
        for df, row, n in known:
            # Count the rarest words exactly while the postings budget lasts; every
            # other word may be shared ``n`` times at most (``rest``).
            if chosen and spent + df > budget:
                break
            chosen.append((row, n))
            spent += df
            rest -= n
        ids, shared = self._shared(chosen)
        reach = self._reach_of(beta2, fill_budget)
        # A template holding none of the counted words shares ``rest`` words at most:
        # only those that could reach the cutoff with that many are candidates too.
        scale = (1 + beta2) * 100.0 / cutoff if cutoff > 0 else 0.0
        alone = ids[:0] if rest < min_common else _reachable(reach, rest, length, low, high, scale)
        if alone is not None and 4 * (len(ids) + len(alone)) < high - low:
            # Only these can qualify, and they are few: count them alone, not an array
            # over the whole set (one-word templates by the ten thousand would make
            # every query O(n), the audit O(n²)).
            where, inverse = np.unique(np.concatenate((ids, alone)), return_inverse=True)
            counted = np.bincount(inverse[: len(ids)], weights=shared, minlength=len(where))
            inside = (where >= low) & (where < high)
            common = counted[inside] + rest
            where = where[inside]
        else:
            common = np.bincount(ids, weights=shared, minlength=self.size)[low:high] + rest
            where = None
        ok = common >= min_common
        if scale > 0:
            # The bound below with every placeholder filled: a cheap first cut.
            spread = reach[low:high] if where is None else reach[where]
            ok &= common * scale - spread >= length - 1e-6
        keep = np.flatnonzero(ok)
        where = keep + low if where is None else where[keep]
        bound = self.bounds(where, np.minimum(common[keep], length), length, fill_budget, beta2)
        result: list[int] = where[bound >= cutoff - 1e-6].tolist()
        return result

    def bounds(
        self, where: Any, common: Any, length: int, fill_budget: int = 6, beta2: float = 0.25
    ) -> Any:
        """The similarity bound of templates ``where`` (an array) sharing ``common``
        words with a draft of ``length`` words: the F-score of
        ``netiquette.templates.matching`` with the draft's other words filling each
        placeholder, ``fill_budget`` at most. It grows with ``common``."""
        import numpy as np

        slots, lengths = self._slots[where], self._lengths[where]
        free = np.minimum(slots * fill_budget, np.maximum(0, length - common))
        total = beta2 * lengths + (length - free)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(total > 0, 100.0 * (1 + beta2) * common / total, 0.0)

    def _shared(self, chosen: list[tuple[int, int]]) -> tuple[Any, Any]:
        """The postings of the ``chosen`` rows (row, count in the draft) and the words
        each posting shares with the draft, ``min(count in template, in draft)``; None
        for the latter when every one is 1 (each word once in the draft)."""
        import numpy as np

        ids, counts, starts = self._ids, self._counts, self._starts
        slices = [(starts[row], starts[row + 1], n) for row, n in chosen]
        together = np.concatenate([ids[a:b] for a, b, _ in slices] or [ids[:0]], dtype=np.intp)
        if all(n == 1 for _, _, n in slices):
            return together, None
        shared = np.concatenate(
            [
                np.minimum(counts[a:b], n) if n > 1 else np.ones(b - a, counts.dtype)
                for a, b, n in slices
            ]
        )
        return together, shared

    def _reach_of(self, beta2: float, fill_budget: int) -> Any:
        """``b² T - fill_budget s`` of every template (T words, s placeholders)."""
        key = (beta2, fill_budget)
        cached = self._reach
        if cached is None or cached[0] != key:
            cached = self._reach = (key, beta2 * self._lengths - fill_budget * self._slots)
        return cached[1]

    # -- storing ----------------------------------------------------------------------

    def arrays(self) -> dict[str, Any]:
        """The arrays :meth:`save` writes (see :meth:`from_arrays`)."""
        return {
            "words": self._words,
            "offsets": self._offsets,
            "ids": self._ids,
            "counts": self._counts,
            "slots": self._slots,
            "lengths": self._lengths,
        }

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the index to ``path``: plain arrays in a NumPy ``.npz`` file (no
        pickle, so loading one can never run code), versioned and fingerprinted."""
        write_arrays(path, self.meta(), self.arrays())

    def meta(self) -> dict[str, Any]:
        """The header :meth:`save` writes."""
        return {"version": VERSION, "fingerprint": self.fingerprint, "size": self.size}

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, fingerprint: str | None = None) -> TemplateIndex:
        """An index saved by :meth:`save` (or with a template set, by
        ``netiquette.templates.load``). Raises :class:`TemplateError` for a file that
        is not one (whatever it holds, nothing in it is executed), an index of another
        :data:`VERSION`, or (with ``fingerprint``) an index built from other templates.
        """
        meta, arrays = read_arrays(path, LAYOUTS, VERSION)
        index = cls.from_arrays(meta, arrays, path)
        if fingerprint is not None and index.fingerprint != fingerprint:
            raise TemplateError(
                f"{path}: this template index was built from other templates; rebuild it"
            )
        return index

    @classmethod
    def from_arrays(
        cls, meta: Mapping[str, Any], arrays: Mapping[str, Any], path: Any
    ) -> TemplateIndex:
        """An index from the arrays of a saved file, checked so that a file written by
        anyone else is refused rather than trusted."""
        import numpy as np

        size = meta.get("size")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise TemplateError(f"{path}: not a netiquette template index (no size)")
        words, offsets = arrays["words"], arrays["offsets"]
        ids, counts = arrays["ids"], arrays["counts"]
        slots, lengths = arrays["slots"], arrays["lengths"]
        consistent = (
            isinstance(meta.get("fingerprint"), str)
            and words.ndim == offsets.ndim == ids.ndim == counts.ndim == 1
            and words.dtype == np.uint32
            and offsets.dtype == np.int64
            and ids.dtype == np.int32
            and counts.dtype.name in _COUNT_TYPES
            and slots.dtype == lengths.dtype == np.float64
            and slots.shape == lengths.shape == (size,)
            and len(offsets) == len(words) + 1
            and len(ids) == len(counts)
            and offsets[0] == 0
            and offsets[-1] == len(ids)
            and bool(np.all(np.diff(offsets) > 0))
            and bool(np.all(np.diff(words.astype(np.int64)) > 0))
            and bool(np.all((ids >= 0) & (ids < max(size, 1))))
            and bool(np.all(counts > 0))
            and bool(np.all(words <= 0x10FFFF))
            and bool(np.all((slots >= 0) & (lengths >= 0)))
            # Each template's postings add up to its words and placeholders.
            and bool(
                np.array_equal(np.bincount(ids, weights=counts, minlength=size), slots + lengths)
            )
        )
        if not consistent:
            raise TemplateError(f"{path}: not a netiquette template index (inconsistent arrays)")
        index = cls.__new__(cls)
        index.size = size
        index.fingerprint = meta["fingerprint"]
        index._slots = slots
        index._lengths = lengths
        index._set_postings(words, offsets, ids, counts)
        return index


def release_freed_memory() -> None:
    """Hand memory the process freed back to the system, where the C library can
    (glibc's ``malloc_trim``). Building the index of 100,000 templates frees ~150 MB
    of NumPy buffers, and glibc keeps most of what lies below blocks still in use:
    ~60 MB more resident memory for as long as the process lives. Elsewhere a no-op."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return
    trim(0)


def _reachable(reach: Any, rest: int, length: int, low: int, high: int, scale: float) -> Any:
    """Templates in ``[low, high)`` whose similarity bound could reach the cutoff with
    ``rest`` common words and every placeholder filled: ``rest * scale >= D + reach``
    (``scale``: ``(1 + b²) 100 / cutoff``; ``reach``: :meth:`TemplateIndex._reach_of`).
    None without a cutoff (``scale`` 0): any template may."""
    import numpy as np

    if scale <= 0:
        return None
    # A hair above, so that rounding never drops a template the bound keeps.
    found = np.flatnonzero(reach[low:high] <= rest * scale - length + 1e-6) + low
    return found.astype(np.intp)


def _postings(encoded: Sequence[str], sizes: Any) -> tuple[Any, Any, Any, Any]:
    """The postings of ``encoded`` texts in compressed sparse rows: the distinct code
    points (ascending), where each one's postings start, the templates holding it
    (ascending) and how many times each does."""
    import numpy as np

    codes = np.frombuffer("".join(encoded).encode("utf-32-le"), dtype=np.uint32)
    if not len(codes):
        empty = np.zeros(0, dtype=np.int32)
        return np.zeros(0, np.uint32), np.zeros(1, np.int64), empty, empty.astype(np.uint8)
    # Each code point's rank among those present: a sort of ranks below 65,536 is a
    # stable radix sort, and stable keeps each word's templates in ascending order.
    present = np.zeros(int(codes.max()) + 1, dtype=bool)
    present[codes] = True
    words = np.flatnonzero(present).astype(np.uint32)
    rank_type = np.uint16 if len(words) <= 1 << 16 else np.uint32
    ranks = (np.cumsum(present) - 1).astype(rank_type)[codes]
    del present, codes
    order = np.argsort(ranks, kind="stable")
    ranks = ranks[order]
    owners = np.repeat(np.arange(len(sizes), dtype=np.int32), sizes)[order]
    del order
    # One posting per run of one word in one template; the run's length is the count.
    new = np.empty(len(ranks), dtype=bool)
    new[0] = True
    np.not_equal(ranks[1:], ranks[:-1], out=new[1:])
    new[1:] |= owners[1:] != owners[:-1]
    starts = np.flatnonzero(new)
    del new
    counts = np.empty(len(starts), dtype=np.int64)
    np.subtract(starts[1:], starts[:-1], out=counts[:-1])
    counts[-1] = len(ranks) - starts[-1]
    count_type = next(t for t in _COUNT_TYPES if counts.max() <= np.iinfo(t).max)
    per_word = np.bincount(ranks[starts], minlength=len(words))
    offsets = np.zeros(len(words) + 1, dtype=np.int64)
    np.cumsum(per_word, out=offsets[1:])
    return words, offsets, owners[starts], counts.astype(count_type)
