"""The index cache of :func:`netiquette.templates.load` (the ``templates_index`` file).

It holds a template set's index and what the set needs besides: every record's words,
encoded (:class:`~netiquette.templates.words.WordCodes`), and the words themselves, so
that a load that finds a cache that fits normalises no template and builds no index.
Whether it fits is told by a fingerprint of the raw templates (language, ids, HTML
flags and texts, hashed as they are read): the texts are hashed, never normalised.

The file is an index file of :mod:`netiquette.templates.index` with four more arrays,
read with the same care: nothing in it is executed, and arrays that do not fit together
(codes of words it does not list, offsets out of order, postings that do not add up to
the templates' words) make it refused, then rebuilt.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from netiquette.core import TemplateError
from netiquette.templates.arrayfile import read_arrays, write_arrays
from netiquette.templates.formats import TemplateRecord
from netiquette.templates.index import ARRAYS, SET_ARRAYS, VERSION, TemplateIndex
from netiquette.templates.words import SLOT, WordCodes, word_code

_LAYOUT = (ARRAYS | SET_ARRAYS,)


def records_fingerprint(records: Sequence[TemplateRecord], lang: str) -> str:
    """A digest of the raw templates as the matching reads them: an index cache only
    serves the records it was made from (``VERSION`` covers the way they are read)."""
    import numpy as np

    digest = hashlib.blake2b(digest_size=16)
    digest.update(lang.encode("utf-8", "surrogatepass") + b"\x00")
    ids = [r.id for r in records]
    bodies = [r.body for r in records]
    for sizes in (map(len, ids), map(len, bodies)):
        digest.update(np.fromiter(sizes, np.int64, len(records)).tobytes())
    digest.update(bytes([r.html for r in records]))
    digest.update("".join(ids).encode("utf-8", "surrogatepass"))
    update = digest.update
    for body in bodies:
        update(body.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def save(
    path: str | os.PathLike[str],
    fingerprint: str,
    encoded: Sequence[str],
    codes: WordCodes,
    index: TemplateIndex,
) -> None:
    """Write ``index`` with every record's ``encoded`` words (in the order read) and
    the words of ``codes``, for records whose :func:`records_fingerprint` is
    ``fingerprint``."""
    words = codes.words()
    write_arrays(
        path,
        {**index.meta(), "records": fingerprint, "templates": len(encoded)},
        {
            **index.arrays(),
            "encoded": _code_points("".join(encoded)),
            "encoded_offsets": _offsets(encoded),
            "vocabulary": _code_points("".join(words)),
            "vocabulary_offsets": _offsets(words),
        },
    )


def load(
    path: str | os.PathLike[str], fingerprint: str, count: int
) -> tuple[list[str], WordCodes, TemplateIndex]:
    """The encoded records, their words and the index cached in ``path`` for ``count``
    records with :func:`records_fingerprint` ``fingerprint``. Raises
    :class:`TemplateError` when the file is not such a cache (another version, other
    templates, arrays that do not fit together)."""
    import numpy as np

    meta, arrays = read_arrays(path, _LAYOUT, VERSION)
    if meta.get("records") != fingerprint or meta.get("templates") != count:
        raise TemplateError(f"{path}: this template index was built from other templates")
    encoded, ends = arrays["encoded"], arrays["encoded_offsets"]
    vocabulary, bounds = arrays["vocabulary"], arrays["vocabulary_offsets"]
    fits = (
        encoded.dtype == vocabulary.dtype == np.uint32
        and ends.dtype == bounds.dtype == np.int64
        and encoded.ndim == vocabulary.ndim == ends.ndim == bounds.ndim == 1
        and _monotonic(ends, len(encoded), strict=False)
        and len(ends) == count + 1
        and _monotonic(bounds, len(vocabulary), strict=True)
    )
    if fits and len(bounds) > 1:
        # Every code is a slot or one of the words listed (a surrogate in between fails
        # to decode below).
        last = ord(word_code(len(bounds) - 2))
        fits = bool(
            np.all((encoded == ord(SLOT)) | ((encoded >= ord(word_code(0))) & (encoded <= last)))
        )
    elif fits:
        fits = bool(np.all(encoded == ord(SLOT)))
    try:
        if not fits:
            raise ValueError("encoded words")
        words = _split(vocabulary, bounds)
        texts = _split(encoded, ends)
    except (ValueError, UnicodeDecodeError):
        raise TemplateError(
            f"{path}: not a netiquette template index (inconsistent arrays)"
        ) from None
    if len(set(words)) != len(words):
        raise TemplateError(f"{path}: not a netiquette template index (inconsistent arrays)")
    return texts, WordCodes.from_words(words), TemplateIndex.from_arrays(meta, arrays, path)


def _code_points(text: str) -> Any:
    import numpy as np

    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def _offsets(texts: Sequence[str]) -> Any:
    import numpy as np

    offsets = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, texts), np.int64, len(texts)), out=offsets[1:])
    return offsets


def _monotonic(offsets: Any, end: int, *, strict: bool) -> bool:
    import numpy as np

    steps = np.diff(offsets)
    return (
        len(offsets) > 0
        and offsets[0] == 0
        and offsets[-1] == end
        and bool(np.all(steps > 0 if strict else steps >= 0))
    )


def _split(points: Any, offsets: Any) -> list[str]:
    """The texts of concatenated code points, cut at ``offsets``."""
    text = points.tobytes().decode("utf-32-le")
    bounds = offsets.tolist()
    return [text[a:b] for a, b in pairwise(bounds)]
