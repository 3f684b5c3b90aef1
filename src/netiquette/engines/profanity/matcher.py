"""Finding listed words and their disguises in a text, with hash look-ups.

Text is matched whole-word and case-insensitively on the language-folded prose (quoted
lines, URLs and e-mail addresses are blank there), and every span indexes the original
text. Disguises are read back into letters first (``normaliser.py``): leetspeak,
separators, masked letters compared with the listed forms of the same length through
a small index on (length, first letter) (``f**k``, ``f***ing``, ``s**t``, ``f@ck``),
single letters separated by spaces (``f u c k``) and stretched letters.

Not read as disguises: codes (``ASS-2291``, ``FCK123``: a word with three digits in a
row or a number between separators), ``@handles`` and ``#tags``, asterisks that close
Markdown emphasis opened earlier on the line (``**a long way to go**``), and masked or
leet words with too few letters to tell (``a55`` is a phone model, ``p****d`` a masked
password).

Cost: the text is split once (``str.translate`` and ``split``) into distinct words; a
set intersection picks the listed ones, and only words with symbols or digits, chunks
with a dot or "!" between letters, and runs of spaced single letters are read closely.
Each distinct word is read once and located in the text (``str.find``) only when it
holds a match, so the cost grows with the words of the text, not with the size of the
list. Nothing is built or changed while matching: a matcher is shared between threads.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from netiquette.core import ConfigError
from netiquette.engines.profanity.entries import (
    CUSTOM,
    DATA_FILE,
    ProfanityEntry,
    Tier,
    parse_entries,
)
from netiquette.engines.profanity.normaliser import STRETCHED, Normaliser, stretch_variants
from netiquette.engines.profanity.reveal import reveal
from netiquette.text.document import SharedKey
from netiquette.text.fold import fold

if TYPE_CHECKING:
    from netiquette.text.document import Document

_OPENERS = "\"'([{<«“‘¿¡"
_CLOSERS = ".,;:!?\"')]}>»”’…"
_SPLIT_CHARS = ",;:?\"()[]{}<>.!'«»“”‘’…=&¿¡"
_SPLIT_SET = frozenset(_SPLIT_CHARS)
_SPLIT = re.compile("[\\s" + re.escape(_SPLIT_CHARS) + "]+")
_INNER_MARK = re.compile(r"[.!¡][^\W_]")
_WHITESPACE = re.compile(r"\s")
_SPACED_HINT = re.compile(r" \S \S ")
_STAR_RUNS = {n: re.compile(r"(?<!\*)" + r"\*" * n + r"(?!\*)") for n in (1, 2)}
_MENTION = re.compile(r"[@#][^\W_][\w]{2,}")
_PIECE = re.compile(r"[^\s/\\,;:?\"'()\[\]{}<>=&^`«»“”‘’…]+")
_CODE = re.compile(r"\d{3}|(?:^|[-_./#:])\d{2,}(?=$|[-_./#:])")
_ANYSTRETCHED = re.compile(r"(.)\1\1")  # fast; the caller checks for a letter
#: Clean words a matcher remembers before it starts afresh.
_CLEAN_LIMIT = 100_000
_NEXT_WORD = re.compile(r"[\s\-]*([^\W\d_]+)")
_PREV_WORD = re.compile(r"(?<![^\W\d_])([^\W\d_]++)[\s\-]*+$")
_MAX_SPACED_UNITS = 16
#: Single letters joined by one and the same "/", "+", "|" or "\\": "f/u/c/k".
_JOINED = re.compile(r"[^\W\d_]([/+|\\])[^\W\d_](?:\1[^\W\d_])+")
_WILDCARD = "\x00"


@dataclass(frozen=True)
class ProfanityMatch:
    """A listed form found in the text: ``text[start:end]`` is what the writer typed."""

    start: int
    end: int
    form: str
    entry: ProfanityEntry
    disguised: bool = False

    @property
    def tier(self) -> Tier:
        return self.entry.tier


@dataclass(frozen=True)
class _Phrase:
    form: str
    entry: ProfanityEntry
    regex: re.Pattern[str]


def _phrase_regex(phrase: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in phrase.split()]
    return re.compile(r"(?<!\w)" + r"[\s\-]+".join(words) + r"(?!\w)")


class ProfanityMatcher:
    """All entries of one language (plus ``deny`` words, minus ``allow`` words), indexed."""

    def __init__(
        self,
        data: Mapping[str, Any],
        lang: str,
        *,
        allow: Iterable[str] = (),
        deny: Iterable[str] = (),
        source: str = DATA_FILE,
    ) -> None:
        self.lang = lang
        #: Names this matcher's hits on a document (shared by the two tiers' rules).
        self.hits_key: SharedKey[list[ProfanityMatch]] = SharedKey("profanity hits")
        norm = Normaliser.from_data(data.get("normaliser"), lang, source)
        self.normaliser = norm
        self.entries = tuple(parse_entries(data, lang, source))
        self.allow = frozenset(norm.canon(fold(w, lang)).strip() for w in allow if w.strip())
        denied = [norm.canon(fold(w, lang)).strip() for w in deny if w.strip()]
        custom = tuple(
            ProfanityEntry(
                word=" ".join(w.split()),
                tier="strong",
                category=CUSTOM,
                forms=(" ".join(w.split()),),
            )
            for w in dict.fromkeys(denied)
        )
        self.forms: dict[str, ProfanityEntry] = {}
        self.open_stems: dict[str, ProfanityEntry] = {}
        phrases: dict[str, _Phrase] = {}
        for entry in self.entries:
            for form in entry.forms:
                key = norm.canon(form)
                if key in self.forms or key in phrases:
                    other = (self.forms.get(key) or phrases[key].entry).word
                    raise ConfigError(f"{source}: '{key}' is listed twice ({other}, {entry.word})")
                if " " in key:
                    phrases[key] = _Phrase(key, entry, _phrase_regex(key))
                else:
                    self.forms[key] = entry
                    if entry.open_suffix:
                        self.open_stems[key] = entry
        for entry in custom:  # deny_words win over the list
            key = entry.forms[0]
            self.forms.pop(key, None)
            self.open_stems.pop(key, None)
            if " " in key:
                phrases[key] = _Phrase(key, entry, _phrase_regex(key))
            else:
                self.forms[key] = entry
        self.custom_entries = custom
        # Keys of entries also read with "ı" for "i", under their dotless spelling.
        self._dotless = {
            key.replace("i", "ı"): key
            for key, entry in self.forms.items()
            if entry.dotless and "i" in key
        }
        self._stem_lengths = sorted({len(s) for s in self.open_stems}, reverse=True)
        # Every open stem's first letters: most words fail this one look-up.
        self._head = min(self._stem_lengths, default=0)
        self._stem_heads = frozenset(s[: self._head] for s in self.open_stems)
        self._phrases_by_key: dict[str, list[_Phrase]] = {}
        for phrase in phrases.values():
            key_word = max(phrase.form.split(), key=len)
            self._phrases_by_key.setdefault(key_word, []).append(phrase)
        self.phrases = tuple(phrases.values())
        self._triggers = frozenset(self.forms) | frozenset(self._phrases_by_key)
        self._masked: dict[tuple[int, str], list[tuple[str, ProfanityEntry]]] = {}
        self._masked_any: dict[int, list[tuple[str, ProfanityEntry]]] = {}
        # A masked word reads as the likeliest word: custom entries first, then strong
        # before mild, profanity before sexual slang before slurs, then file order.
        rank = {CUSTOM: 0, "profanity": 1, "sexual": 2, "slur": 3}
        ordered = sorted(
            self.forms.items(),
            key=lambda kv: (
                kv[1].category != CUSTOM and kv[1].tier != "strong",
                rank.get(kv[1].category, 4),
            ),
        )
        for form, entry in ordered:
            if len(form) >= 3 and form.isalpha():
                self._masked.setdefault((len(form), form[0]), []).append((form, entry))
                self._masked_any.setdefault(len(form), []).append((form, entry))
        self._spaced = self._spaced_scanner()
        self._drop_separators = str.maketrans(dict.fromkeys(norm.separators))
        # Words are split at spaces and at these; "/" and symbols stay inside a word.
        self._split_table = str.maketrans(dict.fromkeys(_SPLIT_CHARS, " "))
        #: Words of letters that held no match (see find).
        self._clean: set[str] = set()

    @staticmethod
    def _spaced_scanner() -> re.Pattern[str]:
        """Single characters separated by single spaces: ``f u c k``."""
        closers = re.escape(_CLOSERS)
        return re.compile(rf"(?<!\S)\S(?: \S){{2,}}(?=[{closers}]*(?:\s|$))")

    # -- look-ups ---------------------------------------------------------------------

    def _lookup_exact(self, key: str) -> tuple[str, ProfanityEntry] | None:
        entry = self.forms.get(key)
        if entry is not None:
            return key, entry
        if key[: self._head] not in self._stem_heads:
            return None
        for length in self._stem_lengths:
            if len(key) > length:
                stem_entry = self.open_stems.get(key[:length])
                if stem_entry is not None and key not in stem_entry.exceptions:
                    return key, stem_entry
        return None

    def _dotless_key(self, key: str) -> str | None:
        """The dotted key a word written with "ı" stands for, when it is a listed form
        of an entry marked ``dotless``. Whole forms only, never a stem plus a suffix:
        "sıktır" and SIKTIR read as "siktir", but "sıktırdık" (we had it tightened)
        stays what it is."""
        return self._dotless.get(key)

    def lookup(self, key: str) -> tuple[str, ProfanityEntry] | None:
        """The listed form and entry a letters-only key reads as, stretched letters too."""
        hit = self._lookup_exact(key)
        if hit is not None or STRETCHED.search(key) is None:
            return hit
        for variant in stretch_variants(key):
            hit = self._lookup_exact(variant)
            if hit is not None:
                return hit
        return None

    def _read(self, text: str) -> tuple[str, ProfanityEntry] | None:
        for key in self.normaliser.readings(text):
            hit = self.lookup(key)
            if hit is not None:
                return hit
        return None

    def _masked_lookup(self, text: str) -> tuple[str, ProfanityEntry] | None:
        """``text`` with hidden letters against the listed forms of the same length.

        Masks hide a letter; so do loose masks ("@" in "f@ck") and one digit in a word
        of four or more letters ("f4ck"), when reading them as letters found nothing.
        """
        norm = self.normaliser
        pattern = []
        explicit = 0
        visible = 0
        digits = 0
        for char in text:
            if char.isalpha():
                pattern.append(char)
                visible += 1
            elif char in norm.masks:
                pattern.append(_WILDCARD)
                explicit += 1
            elif char in norm.loose_masks:
                pattern.append(_WILDCARD)
            elif char.isdigit() and char in norm.leet:
                pattern.append(_WILDCARD)
                digits += 1
            else:
                return None
        size = len(pattern)
        if visible == 0 or visible == size or (size < 4 and not explicit):
            return None
        # A digit that did not read as a letter hides one only once in a longer word
        # ("f4ck"); "h3ll0" is a spelling of "hello", not a masked word.
        if digits > 1 or (digits and size < norm.min_digit_leet_length):
            return None
        first_letter_only = (
            visible == 1 and pattern[0] != _WILDCARD and explicit == size - 1 and explicit >= 2
        )
        if not first_letter_only and (
            visible < norm.min_visible_letters or visible < norm.min_visible_ratio * size
        ):
            return None
        if pattern[0] != _WILDCARD:
            candidates = self._masked.get((size, pattern[0]), [])
        else:
            candidates = self._masked_any.get(size, [])
        for form, entry in candidates:
            if first_letter_only and not entry.mask_first_letter:
                continue
            if all(p in (_WILDCARD, f) for p, f in zip(pattern, form, strict=True)):
                return form, entry
        return None

    # -- scanning ---------------------------------------------------------------------

    def find(self, text: str, folded: str) -> list[ProfanityMatch]:
        """Matches in ``folded`` (the folded prose of ``text``, same length), in text order,
        without overlaps, after the entries' context rules and the allow list.

        The text is split once into distinct words (at spaces and punctuation); set
        operations pick the listed ones, and only words with symbols or digits, or
        chunks with a dot or "!" between letters, are read closely. Each distinct word
        is read once and located in the text only when it holds a match.
        """
        norm = self.normaliser
        canon: dict[str, str] = {}
        if folded.isascii():  # translate is fast on ASCII only
            words = set(folded.translate(self._split_table).split())
        else:
            words = set(_SPLIT.split(folded))
            words.discard("")
        # Words of letters found clean in an earlier text are clean here too: what
        # follows reads each word on its own (a word of letters with three letters in
        # a row is read again: the text's other words decide how).
        words -= self._clean
        if words and not folded.isascii() and norm.letter_map and not norm.strip_accents:
            # A one-to-one letter map: map every distinct word in one string.
            listed = list(words)
            canon = dict(zip(listed, norm.letters(" ".join(listed)).split(" "), strict=True))
        plain = words & self._triggers
        if not folded.isascii() and norm.changes_letters:
            if not canon:
                canon = {w: norm.canon(w) for w in words if not w.isascii()}
            plain.update(w for w, key in canon.items() if key in self._triggers)
        if self.open_stems:
            heads, size = self._stem_heads, self._head
            plain.update(
                w
                for w in words
                if canon.get(w, w)[:size] in heads
                and w.isalpha()
                and self._lookup_exact(canon.get(w, w))
            )
        if self._dotless and "ı" in folded:
            plain.update(w for w in words if "ı" in w and self._dotless_key(canon.get(w, w)))
        # A word of letters with a letter three times in a row makes the text one with
        # stretched letters; whether the text is one is asked of other words only when
        # they need it (the scan costs as much as the rest for an ordinary reply).
        plain.update(w for w in words if w.isalpha() and STRETCHED.search(w))
        seen: list[bool] = []

        def stretched() -> bool:
            if not seen:
                seen.append(any(m.group(1).isalpha() for m in _ANYSTRETCHED.finditer(folded)))
            return seen[0]

        phrase_keys: set[str] = set()
        found_in: dict[str, list[ProfanityMatch]] = {}
        for word in plain:
            rel: list[ProfanityMatch] = []
            key = canon.get(word) or (word if word.isascii() else norm.canon(word))
            self._word_hits(word, key, 0, phrase_keys, rel)
            if rel:
                found_in[word] = rel
        # Every letter doubled: "ffuucckk".
        for word in words:
            if len(word) > 5 and word[0] == word[1] and word not in found_in:
                hit = self._doubled_hit(word)
                if hit is not None:
                    found_in[word] = [hit]
        for word in [w for w in words if not w.isalpha()]:
            rel = self._chunk_hits(word, phrase_keys, stretched)
            if rel:
                found_in[word] = rel
        clean = {w for w in words if w.isalpha()} - plain - found_in.keys()
        if clean:
            if len(self._clean) + len(clean) > _CLEAN_LIMIT:
                self._clean = set()
            self._clean |= {w for w in clean if not _ANYSTRETCHED.search(w)}
        hits: list[ProfanityMatch] = []
        for word, rel in found_in.items():
            _locate(word, folded, rel, hits, _SPLIT_SET)
        if _INNER_MARK.search(folded):  # a dot or "!" inside a word: f.u.c.k, sh!t
            self._dotted_hits(folded, phrase_keys, hits)
        for key in phrase_keys:
            for phrase in self._phrases_by_key[key]:
                for pm in phrase.regex.finditer(folded):
                    hits.append(ProfanityMatch(pm.start(), pm.end(), phrase.form, phrase.entry))
        if _SPACED_HINT.search(folded + " "):
            for m in self._spaced.finditer(folded):
                self._spaced_hits(folded, m.start(), m.end(), hits)
        if not hits:
            return hits
        return self._resolve(text, folded, hits)

    def _dotted_hits(self, folded: str, phrase_keys: set[str], hits: list[ProfanityMatch]) -> None:
        """Whitespace-separated chunks with a dot or "!" between letters."""
        chunks: set[str] = set()
        done = 0
        for m in _INNER_MARK.finditer(folded):
            at = m.start()
            if at >= done and at > 0 and folded[at - 1].isalpha():
                start = at
                while start > 0 and not folded[start - 1].isspace():
                    start -= 1
                space = _WHITESPACE.search(folded, at)
                done = space.start() if space else len(folded)
                chunks.add(folded[start:done])
        for chunk in chunks:
            rel = self._chunk_hits(chunk, phrase_keys, _yes)
            if rel:
                _locate(chunk, folded, rel, hits, frozenset())

    def _word_hits(
        self,
        word: str,
        key: str,
        offset: int,
        phrase_keys: set[str],
        hits: list[ProfanityMatch],
    ) -> None:
        """A word of letters only: a listed form, a stretched one, or a phrase's key."""
        if key in self._phrases_by_key:
            phrase_keys.add(key)
        found = self.lookup(key)
        if found is None and "ı" in key:
            dotted = self._dotless_key(key)
            found = self._lookup_exact(dotted) if dotted is not None else None
        if found is not None:
            # Letters the language's map folds (Turkish "ş" as "s") are a spelling.
            disguised = found[0] != word and found[0] != self.normaliser.letters(word)
            hits.append(ProfanityMatch(offset, offset + len(word), found[0], found[1], disguised))

    def _chunk_hits(
        self, chunk: str, phrase_keys: set[str], stretched: Callable[[], bool]
    ) -> list[ProfanityMatch]:
        """Matches in a chunk that is not a plain word, with offsets into the chunk."""
        hits: list[ProfanityMatch] = []
        if _CODE.search(chunk):
            return hits
        joined = self._joined_hit(chunk) if len(chunk) > 4 else None
        if joined is not None:
            return [joined]
        norm = self.normaliser
        for m in _PIECE.finditer(chunk):
            ps, pe = _trim(chunk, m.start(), m.end())
            if pe - ps < 2:
                continue
            piece = chunk[ps:pe]
            if piece[0] == "#" and piece[1].isalpha():
                continue  # a hashtag ("#UK", "#FCK"), never a letter hidden by "#"
            if piece[0] in "@#" and _MENTION.fullmatch(piece):  # @handle, #tag
                # ... unless "@" stands for a letter and the whole reads as a listed
                # word: "@sshole", Turkish "@mına"
                found = self._at_reading(piece)
                if found is not None:
                    hits.append(ProfanityMatch(ps, pe, found[0], found[1], True))
                continue
            if piece.isalpha():
                key = piece if piece.isascii() else norm.canon(piece)
                stretches = STRETCHED.search(key) is not None and stretched()
                if key in self._triggers or self.open_stems or stretches:
                    self._word_hits(piece, key, ps, phrase_keys, hits)
            else:
                self._piece_hits(piece, ps, phrase_keys, hits)
        return hits

    def _doubled_hit(self, word: str) -> ProfanityMatch | None:
        """A word of letters each typed twice ("ffuucckk") that reads as a listed one."""
        if len(word) % 2 or word[::2] != word[1::2] or not word.isalpha():
            return None
        found = self.lookup(self.normaliser.canon(word[::2]))
        return None if found is None else ProfanityMatch(0, len(word), found[0], found[1], True)

    def _joined_hit(self, chunk: str) -> ProfanityMatch | None:
        """Single letters joined by one of / + | \\ ("f/u/c/k") that read as a listed word."""
        if _JOINED.fullmatch(chunk) is None:
            return None
        found = self.lookup(self.normaliser.canon(chunk[::2]))
        return None if found is None else ProfanityMatch(0, len(chunk), found[0], found[1], True)

    def _at_reading(self, mention: str) -> tuple[str, ProfanityEntry] | None:
        """The listed word an "@"-word reads as with "@" read as its first letter ("a"),
        if any: a whole listed form of five letters or more, never a stem or a short
        abbreviation (handles such as "@mfg" stay handles)."""
        readings = self.normaliser.leet.get("@", ())
        if mention[0] != "@" or len(mention) < 5 or not mention[1:].isalpha() or not readings:
            return None
        key = readings[0] + self.normaliser.canon(mention[1:])
        entry = self.forms.get(key)
        return (key, entry) if entry is not None else None

    def _piece_hits(
        self, piece: str, offset: int, phrase_keys: set[str], hits: list[ProfanityMatch]
    ) -> None:
        """A piece with symbols or digits: read whole, then masked, then part by part."""
        norm = self.normaliser
        base = norm.canon(piece)
        if len(base) != len(piece):  # a character decomposed into several: keep offsets
            base = piece
        joined = base.translate(self._drop_separators)
        found: tuple[str, ProfanityEntry] | None
        masked = any(c in norm.masks for c in base)
        if joined.isalpha() and not masked:  # only separators: e-mail, f.u.c.k, bull-shit
            found = self.lookup(joined)
        else:
            found = self._masked_lookup(base) if masked else None
            if found is None:
                found = self._read(joined)
            if found is None and not masked and len(joined) == len(base):
                found = self._masked_lookup(base)
        if found is not None:
            # "bull-shit" and "cock-up" are spellings of compounds, not disguises
            compound = not masked and all(len(p) > 1 for p in base.split("-"))
            disguised = found[0] != (joined if compound and joined.isalpha() else base)
            hits.append(ProfanityMatch(offset, offset + len(piece), found[0], found[1], disguised))
            return
        if len(joined) == len(base):
            return
        start = 0
        cuts = [i for i, c in enumerate(base) if c in norm.separators]
        for cut in [*cuts, len(base)]:
            part = base[start:cut]
            if len(part) >= 2:
                if part.isalpha():
                    if part in self._phrases_by_key:
                        phrase_keys.add(part)
                    hit = self.lookup(part)
                else:
                    hit = self._read(part) or self._masked_lookup(part)
                if hit is not None:
                    hits.append(
                        ProfanityMatch(offset + start, offset + cut, hit[0], hit[1], hit[0] != part)
                    )
            start = cut + 1

    def _spaced_hits(self, folded: str, start: int, end: int, hits: list[ProfanityMatch]) -> None:
        units = folded[start:end].split(" ")
        positions = [start + 2 * i for i in range(len(units))]
        while units and units[0] in _OPENERS:
            units.pop(0)
            positions.pop(0)
        while units and units[-1] in _CLOSERS:
            units.pop()
            positions.pop()
        n = len(units)
        if n < 3 or n > _MAX_SPACED_UNITS:
            return
        norm = self.normaliser
        for size in range(n, 2, -1):
            for first in range(n - size + 1):
                text = norm.canon("".join(units[first : first + size]))
                found = self._read(text)
                if found is not None:
                    s = positions[first]
                    e = positions[first + size - 1] + 1
                    hits.append(ProfanityMatch(s, e, found[0], found[1], True))
                    return

    # -- context rules ----------------------------------------------------------------

    def _accept(
        self,
        text: str,
        folded: str,
        hit: ProfanityMatch,
        star_runs: dict[tuple[int, int], list[int]],
    ) -> bool:
        entry = hit.entry
        if entry.category != CUSTOM and (hit.form in self.allow or entry.word in self.allow):
            return False
        if entry.lower_only and any(c.isupper() for c in text[hit.start : hit.end]):
            return False
        if entry.name_when_capitalised:
            letters = [c for c in text[hit.start : hit.end] if c.isalpha()]
            if letters and letters[0].isupper() and not any(c.isupper() for c in letters[1:]):
                return False
        if entry.not_before:
            m = _NEXT_WORD.match(folded, hit.end)
            if m and m.group(1) in entry.not_before:
                return False
        if entry.not_after:
            m = _PREV_WORD.search(folded, max(0, hit.start - 40), hit.start)
            if m and m.group(1) in entry.not_after:
                return False
        return not (
            hit.disguised
            and folded[hit.end - 1] == "*"
            and _closes_emphasis(folded, hit, star_runs)
        )

    def _resolve(self, text: str, folded: str, hits: list[ProfanityMatch]) -> list[ProfanityMatch]:
        star_runs: dict[tuple[int, int], list[int]] = {}
        accepted = [h for h in hits if self._accept(text, folded, h, star_runs)]
        accepted.sort(key=lambda h: (h.start, h.start - h.end))
        out: list[ProfanityMatch] = []
        last_end = -1
        for hit in accepted:
            if hit.start >= last_end:
                out.append(hit)
                last_end = hit.end
        return out

    def hits(self, doc: Document) -> list[ProfanityMatch]:
        """The matches in a document's prose (both tiers)."""
        return self.find_revealed(doc.text, doc.prose_folded)

    def find_revealed(self, text: str, folded: str) -> list[ProfanityMatch]:
        """:meth:`find` on the text as it reads once disguises hidden in Unicode are
        undone (``reveal.py``: invisible characters, look-alike letters, in-word
        comments, letters joined by "/" or "+", doubled letters), with every span
        mapped back to the original."""
        revealed = reveal(text, folded, self.normaliser.lang)
        if revealed is None:
            return self.find(text, folded)
        found = []
        for hit in self.find(revealed.text, revealed.folded):
            start, end = revealed.span(hit.start, hit.end)
            changed = text[start:end] != revealed.text[hit.start : hit.end]
            found.append(replace(hit, start=start, end=end, disguised=hit.disguised or changed))
        return found

    def iter_forms(self) -> Iterator[tuple[str, ProfanityEntry]]:
        """Every listed single-word form and phrase with its entry."""
        yield from self.forms.items()
        for phrase in self.phrases:
            yield phrase.form, phrase.entry


def _yes() -> bool:
    return True


def _locate(
    word: str,
    folded: str,
    rel: list[ProfanityMatch],
    hits: list[ProfanityMatch],
    delimiters: frozenset[str],
) -> None:
    """Add the matches ``rel`` (offsets into ``word``) at every place ``word`` occurs in
    ``folded`` between whitespace or ``delimiters``."""
    size = len(word)
    last = len(folded)
    at = folded.find(word)
    while at >= 0:
        end = at + size
        before = folded[at - 1] if at else " "
        after = folded[end] if end < last else " "
        if (before.isspace() or before in delimiters) and (after.isspace() or after in delimiters):
            hits.extend(
                ProfanityMatch(at + h.start, at + h.end, h.form, h.entry, h.disguised) for h in rel
            )
        at = folded.find(word, at + 1)


def _closes_emphasis(
    folded: str, hit: ProfanityMatch, star_runs: dict[tuple[int, int], list[int]]
) -> bool:
    """True when the asterisks ending ``hit`` close Markdown emphasis opened earlier on
    the line ("**a long way to go**"), rather than hide letters ("f***").

    ``star_runs`` caches, per (line start, run length), where runs of exactly that many
    asterisks start on the line, so a line full of them is scanned once.
    """
    typed = folded[hit.start : hit.end]
    stars = len(typed) - len(typed.rstrip("*"))
    if stars > 2 or "*" in typed.rstrip("*"):
        return False
    line_start = folded.rfind("\n", 0, hit.start) + 1
    runs = star_runs.get((line_start, stars))
    if runs is None:
        line_end = folded.find("\n", hit.start)
        line_end = len(folded) if line_end < 0 else line_end
        pattern = _STAR_RUNS[stars]
        runs = [m.start() for m in pattern.finditer(folded, line_start, line_end)]
        star_runs[(line_start, stars)] = runs
    return bisect_left(runs, hit.start) % 2 == 1


def _trim(chunk: str, start: int, end: int) -> tuple[int, int]:
    """Strip sentence punctuation and emphasis asterisks from the ends of a piece."""
    if chunk[start] == "*":
        while start < end and chunk[start] == "*":
            start += 1
        while end > start and chunk[end - 1] == "*":
            end -= 1
    while start < end and chunk[start] in ".-_~!¡":
        start += 1
    while end > start and chunk[end - 1] in ".-_~!¡":
        end -= 1
    return start, end


@lru_cache(maxsize=32)
def matcher_for(
    lang: str, allow: tuple[str, ...] = (), deny: tuple[str, ...] = ()
) -> ProfanityMatcher:
    """The matcher of ``lang`` with ``allow_words``/``deny_words``, built once."""
    from netiquette.lang import load

    data = load(lang, DATA_FILE)
    return ProfanityMatcher(data, lang, allow=allow, deny=deny, source=f"lang/{lang}/{DATA_FILE}")
