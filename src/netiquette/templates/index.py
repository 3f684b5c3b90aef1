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

The index is built once (about a second per 100,000 templates), and
:meth:`TemplateIndex.save` / :meth:`TemplateIndex.load` store it on disk as plain
NumPy arrays (an ``.npz`` file read with ``allow_pickle=False``: a file from a
repository or anyone else can be refused, never executed), versioned and tied to the
templates it was built from by a fingerprint.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from netiquette.core import TemplateError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    IntArray = npt.NDArray[np.int32]

#: Bumped whenever the saved layout changes; a saved index of another version is refused.
VERSION = 3
_MAGIC = "netiquette-template-index"
#: The arrays of a saved index (see :meth:`TemplateIndex.save`).
_ARRAYS = ("words", "offsets", "ids", "counts", "slots", "lengths")
#: Posting entries counted exactly per query beyond the minimal rare-word prefix.
POSTINGS_BUDGET = 60_000


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
        self._postings: dict[str, tuple[IntArray, IntArray]] = {}
        slots = np.fromiter((t.count(slot) for t in encoded), dtype=np.float64, count=self.size)
        sizes = np.fromiter((len(t) for t in encoded), dtype=np.float64, count=self.size)
        self._slots = slots
        self._lengths = sizes - slots  # template words without placeholders
        if not encoded:
            return

        # Every word of every template as (code point, template) pairs, sorted, then
        # one run per (code, template): its length is the count.
        codes = np.frombuffer("".join(encoded).encode("utf-32-le"), dtype=np.uint32)
        lengths = np.fromiter((len(t) for t in encoded), dtype=np.int64, count=len(encoded))
        owners = np.repeat(np.arange(len(encoded), dtype=np.int32), lengths)
        order = np.lexsort((owners, codes))
        codes = codes[order]
        owners = owners[order]
        new_pair = np.ones(len(codes), dtype=bool)
        new_pair[1:] = (codes[1:] != codes[:-1]) | (owners[1:] != owners[:-1])
        starts = np.flatnonzero(new_pair)
        counts = np.diff(np.append(starts, len(codes))).astype(np.int32)
        pair_codes = codes[starts]
        pair_owners = owners[starts]
        bounds = np.flatnonzero(np.diff(pair_codes)) + 1
        first = np.concatenate(([0], bounds))
        for start, ids, cnt in zip(
            first, np.split(pair_owners, bounds), np.split(counts, bounds), strict=True
        ):
            self._postings[chr(int(pair_codes[start]))] = (
                np.ascontiguousarray(ids),
                np.ascontiguousarray(cnt),
            )

    def __len__(self) -> int:
        return self.size

    def __repr__(self) -> str:
        return f"TemplateIndex({self.size} templates, {len(self._postings)} words)"

    @property
    def postings_size(self) -> int:
        """Posting entries held (one per distinct word of each template)."""
        return sum(len(ids) for ids, _ in self._postings.values())

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

        postings = self._postings
        known = sorted(
            ((len(postings[w][0]), w, n) for w, n in words.items() if w in postings),
            key=lambda item: item[0],
        )
        rest = sum(n for _, _, n in known)
        if rest < min_common:
            return []
        length = len(draft)
        chosen: list[tuple[str, int]] = []
        spent = 0
        budget = max(POSTINGS_BUDGET, 8 * self.size)
        for df, word, n in known:
            # Count the rarest words exactly while the postings budget lasts; every
            # other word may be shared ``n`` times at most (``rest``).
            if chosen and spent + df > budget:
                break
            chosen.append((word, n))
            spent += df
            rest -= n
        ids = np.concatenate([postings[w][0] for w, _ in chosen])
        shared = np.concatenate([np.minimum(postings[w][1], n) for w, n in chosen])
        if rest < min_common and 4 * len(ids) < high - low:
            # Only templates in the counted postings can qualify, and they are few:
            # count those alone, not an array over the whole set (one-word templates by
            # the ten thousand would make every query O(n), the audit O(n²)).
            where, inverse = np.unique(ids, return_inverse=True)
            inside = (where >= low) & (where < high)
            common = np.bincount(inverse, weights=shared)[inside] + rest
            where = where[inside]
            slots, lengths = self._slots[where], self._lengths[where]
        else:
            common = np.bincount(ids, weights=shared, minlength=self.size)[low:high] + rest
            where = None
            slots, lengths = self._slots[low:high], self._lengths[low:high]
        common = np.minimum(common, length)
        # The similarity bound of TemplateSet._candidates with ``common`` words shared:
        # it grows with ``common``, so a template below it with its bag overlap is out.
        free = np.minimum(slots * fill_budget, np.maximum(0, length - common))
        total = beta2 * lengths + length - free
        with np.errstate(divide="ignore", invalid="ignore"):
            bound = np.where(total > 0, 100.0 * (1 + beta2) * common / total, 0.0)
        found = np.flatnonzero((common >= min_common) & (bound >= cutoff - 1e-6))
        result: list[int] = (found + low if where is None else where[found]).tolist()
        return result

    # -- storing ----------------------------------------------------------------------

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the index to ``path``: plain arrays in a NumPy ``.npz`` file (no
        pickle, so loading one can never run code), versioned and fingerprinted."""
        import numpy as np

        keys = sorted(self._postings)
        ids = [self._postings[k][0] for k in keys]
        counts = [self._postings[k][1] for k in keys]
        lengths = np.fromiter((len(a) for a in ids), dtype=np.int64, count=len(keys))
        meta = {
            "format": _MAGIC,
            "version": VERSION,
            "fingerprint": self.fingerprint,
            "size": self.size,
        }
        with open(path, "wb") as handle:
            np.savez(
                handle,
                meta=np.array(json.dumps(meta)),
                words=np.array([ord(k) for k in keys], dtype=np.uint32),
                offsets=np.concatenate(([0], np.cumsum(lengths))).astype(np.int64),
                ids=np.concatenate(ids) if ids else np.zeros(0, dtype=np.int32),
                counts=np.concatenate(counts) if counts else np.zeros(0, dtype=np.int32),
                slots=self._slots,
                lengths=self._lengths,
            )

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, fingerprint: str | None = None) -> TemplateIndex:
        """An index saved by :meth:`save`. Raises :class:`TemplateError` for a file that
        is not one (whatever it holds, nothing in it is executed), an index of another
        :data:`VERSION`, or (with ``fingerprint``) an index built from other templates.
        """
        import numpy as np

        try:
            _check_members(path)
            with open(path, "rb") as handle, np.load(handle, allow_pickle=False) as data:
                meta = json.loads(str(data["meta"][()]))
                if not isinstance(meta, dict) or meta.get("format") != _MAGIC:
                    raise ValueError("no netiquette header")
                if meta.get("version") != VERSION:
                    raise TemplateError(
                        f"{path}: template index version {meta.get('version')} does not match "
                        f"this netiquette (version {VERSION}); rebuild it with "
                        "TemplateSet.build_index()"
                    )
                arrays = {name: data[name] for name in _ARRAYS}
        except OSError as exc:
            raise TemplateError(
                f"{path}: cannot read template index: {exc.strerror or exc}"
            ) from None
        except TemplateError:
            raise
        except Exception as exc:
            raise TemplateError(f"{path}: not a netiquette template index ({exc})") from None
        index = cls._from_arrays(meta, arrays, path)
        if fingerprint is not None and index.fingerprint != fingerprint:
            raise TemplateError(
                f"{path}: this template index was built from other templates; rebuild it"
            )
        return index

    @classmethod
    def _from_arrays(cls, meta: dict[str, Any], arrays: dict[str, Any], path: Any) -> TemplateIndex:
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
            and ids.dtype == counts.dtype == np.int32
            and slots.dtype == lengths.dtype == np.float64
            and slots.shape == lengths.shape == (size,)
            and len(offsets) == len(words) + 1
            and len(ids) == len(counts)
            and offsets[0] == 0
            and offsets[-1] == len(ids)
            and bool(np.all(np.diff(offsets) >= 0))
            and bool(np.all((ids >= 0) & (ids < max(size, 1))))
            and bool(np.all(words <= 0x10FFFF))
        )
        if not consistent:
            raise TemplateError(f"{path}: not a netiquette template index (inconsistent arrays)")
        index = cls.__new__(cls)
        index.size = size
        index.fingerprint = meta["fingerprint"]
        index._slots = slots
        index._lengths = lengths
        index._postings = {
            chr(int(word)): (ids[offsets[i] : offsets[i + 1]], counts[offsets[i] : offsets[i + 1]])
            for i, word in enumerate(words)
        }
        return index

    @staticmethod
    def written_here(path: str | os.PathLike[str]) -> bool:
        """Whether ``path`` holds a netiquette template index, of any version: the only
        kind of file netiquette overwrites when it rebuilds an index."""
        import numpy as np

        try:
            _check_members(path)
            with open(path, "rb") as handle, np.load(handle, allow_pickle=False) as data:
                meta = json.loads(str(data["meta"][()]))
        except Exception:
            return False
        return isinstance(meta, dict) and meta.get("format") == _MAGIC


def _check_members(path: str | os.PathLike[str]) -> None:
    """Refuse an archive that is not laid out as :meth:`TemplateIndex.save` writes it:
    only the expected arrays, stored uncompressed. A compressed member could expand a
    small file into gigabytes (a zip bomb); stored ones hold no more than the file."""
    import zipfile

    expected = {f"{name}.npy" for name in ("meta", *_ARRAYS)}
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
    if {m.filename for m in members} != expected:
        raise ValueError("unexpected arrays")
    if any(m.compress_type != zipfile.ZIP_STORED for m in members):
        raise ValueError("compressed arrays")
    if sum(m.file_size for m in members) > os.path.getsize(path):
        raise ValueError("arrays larger than the file")
