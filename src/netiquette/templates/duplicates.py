"""Near-duplicate templates: pairs whose words agree in order, and their clusters.

The similarity of two templates is rapidfuzz's Indel ratio over word codes
(``2 * common / (a + b)``, placeholders one slot each); pairs at or above the threshold
are found through a :class:`~netiquette.templates.index.TemplateIndex`, so that 10,000
templates do not need 50 million comparisons, and grouped by single linkage.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable, Sequence

from rapidfuzz import process
from rapidfuzz.distance import Indel

from netiquette.templates.index import TemplateIndex


def slot_key(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.lower())


def near_duplicate_pairs(encoded: Sequence[str], threshold: float) -> list[tuple[int, int, float]]:
    """Pairs (i, j, similarity) of encoded texts with Indel ratio >= ``threshold``.

    Texts are taken in length order; a text is only compared with longer ones that
    could reach the ratio (a bisect on lengths) and, among those, with the candidates
    of a :class:`TemplateIndex` sharing enough words with it.
    """
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
    texts = [encoded[i] for i in order]
    lengths = [len(t) for t in texts]
    index = TemplateIndex(texts, slot="\U000f0fff")  # slots are ordinary words here
    ratio = threshold / 100.0
    pairs: list[tuple[int, int, float]] = []
    for a, text in enumerate(texts):
        la = len(text)
        if la == 0:
            continue
        # ratio = 2 L / (la + lb) with L <= la  ->  lb <= la (2 - ratio) / ratio.
        high = bisect.bisect_right(lengths, la * (2 - ratio) / ratio + 1e-9)
        if high <= a + 1:
            continue
        # With lb >= la: L >= ratio * (la + lb) / 2 >= ratio * la.
        need = max(1, math.ceil(ratio * la - 1e-9))
        chosen = index.candidates(text, need, a + 1, high)
        if not chosen:
            continue
        scored = process.extract(
            text,
            [texts[b] for b in chosen],
            scorer=Indel.normalized_similarity,
            processor=None,
            limit=None,
            score_cutoff=ratio - 1e-9,
        )
        for _, score, offset in scored:
            pairs.append((order[a], order[chosen[offset]], 100.0 * score))
    return pairs


def groups(size: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(size))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in range(size):
        groups.setdefault(root(i), []).append(i)
    return [g for g in groups.values() if len(g) > 1]
