"""Near-duplicate templates: pairs whose words agree in order, and their clusters.

The similarity of two templates is rapidfuzz's Indel ratio over word codes
(``2 * common / (a + b)``, placeholders one slot each); pairs at or above the threshold
are found through a :class:`~netiquette.templates.index.TemplateIndex`, so that 10,000
templates do not need 50 million comparisons, and grouped by single linkage.

Memory grows with the number of templates, never with the number of pairs: identical
texts are paired once (8,000 identical rows would otherwise be 32 million pairs), pairs
are streamed into the clustering as they are found, and a cluster keeps, for each of
its templates, only its closest match.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterator, Sequence

from rapidfuzz import process
from rapidfuzz.distance import Indel

from netiquette.templates.index import TemplateIndex


def slot_key(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.lower())


def near_duplicate_pairs(
    encoded: Sequence[str], threshold: float
) -> Iterator[tuple[int, int, float]]:
    """Pairs (i, j, similarity) of distinct encoded texts with Indel ratio >=
    ``threshold``, streamed. Pass each text once (see :func:`clusters`): identical texts
    would pair with each other n² times.

    Texts are taken in length order; a text is only compared with longer ones that
    could reach the ratio (a bisect on lengths) and, among those, with the candidates
    of a :class:`TemplateIndex` sharing enough words with it.
    """
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
    texts = [encoded[i] for i in order]
    lengths = [len(t) for t in texts]
    index = TemplateIndex(texts, slot="\U000f0fff")  # slots are ordinary words here
    ratio = threshold / 100.0
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
            yield order[a], order[chosen[offset]], 100.0 * score


class Linked:
    """Single-linkage clusters of templates, with each template's closest match.

    Memory is one slot per template whatever the number of pairs fed to :meth:`link`.
    """

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))
        self.closest: list[tuple[float, int]] = [(-1.0, -1)] * size

    def root(self, i: int) -> int:
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def link(self, a: int, b: int, similarity: float) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)
        # Ties go to the lower index, so the result does not depend on pair order.
        if (similarity, -b) > (self.closest[a][0], -self.closest[a][1]):
            self.closest[a] = (similarity, b)
        if (similarity, -a) > (self.closest[b][0], -self.closest[b][1]):
            self.closest[b] = (similarity, a)

    def groups(self) -> list[list[int]]:
        """Clusters of two or more templates, each sorted, in order of first member."""
        found: dict[int, list[int]] = {}
        for i in range(len(self._parent)):
            found.setdefault(self.root(i), []).append(i)
        return [g for g in found.values() if len(g) > 1]


def clusters(encoded: Sequence[str], threshold: float) -> Linked:
    """The near-duplicate clusters of ``encoded`` texts: identical texts are linked
    directly (similarity 100), distinct ones through :func:`near_duplicate_pairs`."""
    linked = Linked(len(encoded))
    first_of: dict[str, int] = {}
    for i, text in enumerate(encoded):
        if not text:
            continue
        first = first_of.setdefault(text, i)
        if first != i:
            linked.link(first, i, 100.0)
    distinct = list(first_of.values())
    for a, b, similarity in near_duplicate_pairs([encoded[i] for i in distinct], threshold):
        linked.link(distinct[a], distinct[b], similarity)
    return linked
