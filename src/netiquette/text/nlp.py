"""One cached spaCy pipeline per language (a blank tokenizer plus the sentencizer), and
the two things the rest of netiquette asks of it: a text's tokens and sentence starts
as plain columns (:func:`parse`), and the first token of a word (:func:`first_token`).

spaCy takes about half a second to import, so it is imported here, on first use, and
never at ``import netiquette``. No statistical model is needed or loaded, and the
Turkish lookup lemmatizer (5-9 s, ~620 MiB) is never initialised.

**Speed.** A text is not handed to spaCy whole: the tokenizer reads each run of
whitespace or of other characters on its own, so :func:`parse` keeps the tokens of
each run it has seen (at most :data:`MAX_RUNS` a language) and applies the
sentencizer's rule itself; only new runs go to the tokenizer. The result is what
spaCy's pipeline gives on the whole text (:func:`parse_whole`, which it falls back to
for the rare text where a special case could span two runs); a 130-word reply takes
~90 µs instead of ~250 µs.

Two guards make it safe on any text, for any number of texts:

- **Linear time.** The tokenizer strips prefixes and suffixes one character at a time,
  so a run of punctuation or emoji without a space takes time that grows with the
  square of its length (10,000 "!" took 7 s). Runs longer than :data:`MAX_RUN`
  characters (longer than any word, in Turkish too) are tokenised in pieces of
  :data:`PIECE`: one character after each piece is read as a space. The text keeps
  its length, so every offset still indexes the original. Only URLs, encoded data
  and keyboard mashing are that long, and they are never words.
- **Flat memory.** The tokenizer learns every new string it meets (ticket numbers,
  names) into its vocabulary and cache, and spaCy never forgets them: 50,000 checks
  grew a process by 72 MB. Once a language's vocabulary has learnt
  :data:`MAX_NEW_WORDS` words, its pipeline is replaced by a fresh one (20-100 ms,
  about once every 5,000 checks of varied replies). spaCy's ``memory_zone`` would
  free them too, but it turns the tokenizer's cache off, which made a check cost
  0.3-0.4 ms more. The cache of runs is emptied with it. Only plain records leave
  this module, never a spaCy object.
"""

from __future__ import annotations

import functools
import itertools
import re
import threading
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from spacy.language import Language

#: Longest run of characters without a space handed to the tokenizer whole.
MAX_RUN = 64
#: Length of the pieces a longer run is cut into. The cost per character of a run of
#: punctuation grows with the length of its pieces, and spaCy caches no piece that
#: follows a special case (a line break is one) in the same text: 100,000 "=" after a
#: line break took 0.59 s in pieces of 32, 0.31 s in pieces of 16.
PIECE = 16

#: Words a language's vocabulary may learn before its pipeline is replaced.
MAX_NEW_WORDS = 20_000

_RUN = re.compile(r"\S+")
_pipelines: dict[str, Language] = {}
_fresh_sizes: dict[str, int] = {}
_locks: dict[str, threading.Lock] = {}
_registry_lock = threading.Lock()


class Record(NamedTuple):
    """One token of a run of the text, as the tokenizer reads it."""

    #: Offset in its run (a run of whitespace or of other characters).
    at: int
    length: int
    text: str
    is_space: bool
    is_alpha: bool
    is_punct: bool
    like_num: bool
    like_url: bool
    like_email: bool
    #: Whether the sentencizer counts the token as a sentence-ending mark.
    ends_sentence: bool


class Parsed(NamedTuple):
    """A text's tokens (whitespace tokens included), in text order: each token's
    record and the offset of its run, and the indexes of the tokens that start a
    sentence (the sentencizer's reading)."""

    bases: list[int]
    records: list[Record]
    firsts: list[int]
    #: Whether long runs were cut for the tokenizer (:func:`tokenizable`): the
    #: records' texts then hold a space where the text does not.
    cut: bool = False

    def sentence_spans(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence the sentencizer found, in characters."""
        bases, records = self.bases, self.records
        if not records:
            return []
        bounds = [*self.firsts[1:], len(records)]
        return [
            (
                bases[first] + records[first].at,
                bases[last - 1] + records[last - 1].at + records[last - 1].length,
            )
            for first, last in zip(self.firsts, bounds, strict=True)
        ]


def pipeline(lang: str) -> Language:
    """The shared blank pipeline (tokenizer + sentencizer) for ``lang``."""
    with _registry_lock:
        nlp = _pipelines.get(lang)
        if nlp is None:
            nlp = _pipelines[lang] = _fresh_pipeline(lang)
            _locks[lang] = threading.Lock()
        return nlp


def _fresh_pipeline(lang: str) -> Language:
    import spacy

    from netiquette.lang import get

    nlp = spacy.blank(get(lang).spacy)
    nlp.add_pipe("sentencizer")
    _fresh_sizes[lang] = len(nlp.vocab)
    return nlp


def _renew_if_full(lang: str, nlp: Language) -> None:
    """Replace ``lang``'s pipeline once its vocabulary has learnt MAX_NEW_WORDS words
    (the caller holds the language's lock)."""
    if len(nlp.vocab) > _fresh_sizes[lang] + MAX_NEW_WORDS:
        _pipelines[lang] = _fresh_pipeline(lang)
        _states.pop(lang, None)  # its cache and its tokenizer without special cases


def tokenizable(text: str) -> str:
    """``text`` with runs of more than ``MAX_RUN`` characters without a space cut into
    pieces of ``PIECE``: the character after each piece is read as a space (same
    length, same offsets)."""
    if max(map(len, text.split()), default=0) <= MAX_RUN:
        return text
    pieces: list[str] = []
    done = 0
    for run in _RUN.finditer(text):
        if run.end() - run.start() <= MAX_RUN:
            continue
        pieces.append(text[done : run.start()])
        chars = list(run.group())
        cuts = chars[PIECE :: PIECE + 1]
        chars[PIECE :: PIECE + 1] = " " * len(cuts)
        pieces.append("".join(chars))
        done = run.end()
    pieces.append(text[done:])
    return "".join(pieces)


def parse(text: str, lang: str) -> Parsed:
    """Tokenise ``text`` and split it into sentences, as spaCy's tokenizer and
    sentencizer would on the whole text (:func:`parse_whole`), in a fraction of the time.

    The tokenizer reads each run of whitespace or of other characters on its own
    (a single space between two runs only marks the token before it), so the tokens
    of a run are looked up in a cache by the run's text and computed, by the
    tokenizer, only for a run not seen before. The one thing that joins runs is the
    tokenizer's search for special cases over the whole document: a match across two
    runs ("( :" for "(:", which changes nothing itself) can hide a match inside a run
    ("= (:=)"). Such a text, one where a run ends with the first part of a special
    case and the next run starts with the rest, is read whole. The sentencizer's rule
    (a token that is not punctuation after a sentence-ending mark starts a sentence)
    is applied to the records.
    """
    tokenized = tokenizable(text)
    state = _state(lang)
    cache = state.runs
    pairs = state.pairs
    bases: list[int] = []
    records: list[Record] = []
    at = 0
    ends: tuple[str, ...] = ()
    for run in _RUNS.findall(tokenized):
        size = len(run)
        if at and run[0] == " ":
            # A space after a token only marks it; the rest of the run is read.
            if size == 1:
                at += 1
                continue
            at += 1
            run = run[1:]
            size -= 1
        found = cache.get(run)
        if found is None:
            found = _read_run(run, lang, state)
        if ends and found.starts and any((a, b) in pairs for a in ends for b in found.starts):
            return parse_whole(text, lang)
        ends = found.ends
        bases.extend([at] * len(found.records))
        records.extend(found.records)
        at += size
    firsts = [0] if records else []
    seen_end = False
    for i, record in enumerate(records):
        if seen_end and not record.is_punct and not record.ends_sentence:
            firsts.append(i)
            seen_end = False
        elif record.ends_sentence:
            seen_end = True
    return Parsed(bases, records, firsts, tokenized is not text)


def parse_whole(text: str, lang: str) -> Parsed:
    """:func:`parse` by spaCy's pipeline on the whole text (the reference it follows)."""
    state = _state(lang)
    tokenized = tokenizable(text)
    with _locks[lang]:
        nlp = _pipelines[lang]
        doc = nlp(tokenized)
        columns = doc.to_array(list(_attrs())).tolist() if len(doc) else []
        del doc
        _renew_if_full(lang, nlp)
    records = [_record(tokenized, row, state.ends_sentence) for row in columns]
    firsts = [i for i, row in enumerate(columns) if row[-1] == 1 or i == 0]
    return Parsed([0] * len(records), records, firsts, tokenized is not text)


class _Run(NamedTuple):
    """The tokens of one run, and the strings it ends and starts with that could be
    part of a special case found across runs."""

    records: tuple[Record, ...]
    ends: tuple[str, ...]
    starts: tuple[str, ...]


class _State(NamedTuple):
    """What :func:`parse` keeps for one language."""

    #: Each run seen (bounded by MAX_RUNS).
    runs: dict[str, _Run]
    #: Pairs of adjacent tokens inside a special case the tokenizer matches across runs.
    pairs: frozenset[tuple[str, str]]
    #: The first and the second of those pairs, by their last and first character.
    lefts: dict[str, tuple[str, ...]]
    rights: dict[str, tuple[str, ...]]
    #: Every token of those pairs.
    pair_tokens: frozenset[str]
    #: The tokenizer without its special cases (its affix rules alone).
    plain: Any
    #: The sentencizer's sentence-ending marks.
    ends_sentence: frozenset[str]


#: Runs whose tokens are kept per language; the cache is emptied when it is full.
MAX_RUNS = 20_000
_RUNS = re.compile(r"\s+|\S+")
_states: dict[str, _State] = {}


@functools.cache
def _attrs() -> tuple[int, ...]:
    """spaCy's ids of the attributes a Record holds, in its order."""
    from spacy.attrs import (
        IDX,
        IS_ALPHA,
        IS_PUNCT,
        IS_SPACE,
        LENGTH,
        LIKE_EMAIL,
        LIKE_NUM,
        LIKE_URL,
        SENT_START,
    )

    return (IDX, LENGTH, IS_SPACE, IS_ALPHA, IS_PUNCT, LIKE_NUM, LIKE_URL, LIKE_EMAIL, SENT_START)


def _record(text: str, row: list[int], ends_sentence: frozenset[str]) -> Record:
    start, length = row[0], row[1]
    token = text[start : start + length]
    return Record(
        start,
        length,
        token,
        bool(row[2]),
        bool(row[3]),
        bool(row[4]),
        bool(row[5]),
        bool(row[6]),
        bool(row[7]),
        token in ends_sentence,
    )


def _state(lang: str) -> _State:
    found = _states.get(lang)
    if found is not None:
        return found
    nlp = pipeline(lang)
    with _locks[lang]:
        found = _states.get(lang)
        if found is None:
            plain = _plain_tokenizer(nlp)
            pairs = _crossing_pairs(nlp, plain)
            lefts: dict[str, tuple[str, ...]] = {}
            rights: dict[str, tuple[str, ...]] = {}
            for left, right in sorted(pairs):
                lefts[left[-1]] = (*lefts.get(left[-1], ()), left)
                rights[right[0]] = (*rights.get(right[0], ()), right)
            marks = _sentence_marks(nlp)
            tokens = frozenset(token for pair in pairs for token in pair)
            found = _states[lang] = _State({}, pairs, lefts, rights, tokens, plain, marks)
    return found


def _sentence_marks(nlp: Language) -> frozenset[str]:
    sentencizer: Any = nlp.get_pipe("sentencizer")
    return frozenset(sentencizer.punct_chars)


def _plain_tokenizer(nlp: Language) -> Any:
    """``nlp``'s tokenizer without its special cases."""
    from spacy.tokenizer import Tokenizer

    tokenizer: Any = nlp.tokenizer
    return Tokenizer(
        nlp.vocab,
        rules={},
        prefix_search=tokenizer.prefix_search,
        suffix_search=tokenizer.suffix_search,
        infix_finditer=tokenizer.infix_finditer,
        token_match=tokenizer.token_match,
        url_match=tokenizer.url_match,
    )


def _crossing_pairs(nlp: Language, plain: Any) -> frozenset[tuple[str, str]]:
    """Adjacent tokens of the special cases that spaCy's tokenizer looks for across
    runs too (those its affix rules would split: it matches their tokens in the
    whole document), read with the affix rules alone as spaCy does."""
    tokenizer: Any = nlp.tokenizer
    pairs: set[tuple[str, str]] = set()
    for special in tokenizer.rules:
        if tokenizer.faster_heuristics and not (
            tokenizer.find_prefix(special)
            or tokenizer.find_infix(special)
            or tokenizer.find_suffix(special)
            or " " in special
        ):
            continue
        words = [token.text for token in plain(special)]
        pairs.update(itertools.pairwise(words))
    return frozenset(pairs)


def _read_run(run: str, lang: str, state: _State) -> _Run:
    """The tokens of one run, by the tokenizer, kept in the cache."""
    with _locks[lang]:
        nlp = _pipelines[lang]
        doc = nlp.make_doc(run)
        rows = doc.to_array(list(_attrs()[:-1])).tolist()
        del doc
        _renew_if_full(lang, nlp)
    records = tuple(_record(run, row, state.ends_sentence) for row in rows)
    first, last = records[0].text, records[-1].text
    ends: set[str] = {last} & state.pair_tokens
    starts: set[str] = {first} & state.pair_tokens
    if [r.text for r in records] != [t.text for t in state.plain(run)]:
        # Special cases made these tokens: the tokens the tokenizer matched special
        # cases on may have been others. Every string the run ends or starts with counts.
        ends.update(a for a in state.lefts.get(run[-1], ()) if run.endswith(a))
        starts.update(b for b in state.rights.get(run[0], ()) if run.startswith(b))
    found = _Run(records, tuple(ends), tuple(starts))
    if len(state.runs) >= MAX_RUNS:
        state.runs.clear()
    state.runs[run] = found
    return found


def first_token(word: str, lang: str) -> str | None:
    """The text of the first token the tokenizer makes of ``word`` (None for none)."""
    pipeline(lang)
    with _locks[lang]:
        nlp = _pipelines[lang]
        doc = nlp.make_doc(tokenizable(word))
        first = str(doc[0].text) if len(doc) else None
        del doc
        _renew_if_full(lang, nlp)
    return first


def special_cases(lang: str) -> frozenset[str]:
    """The strings the tokenizer of ``lang`` splits by its own rules ("don't", "u.")."""
    tokenizer: Any = pipeline(lang).tokenizer
    return frozenset(tokenizer.rules)
