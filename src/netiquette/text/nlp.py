"""One cached spaCy pipeline per language (a blank tokenizer plus the sentencizer), and
the two things the rest of netiquette asks of it: a text's tokens and sentence starts
as plain columns (:func:`parse`), and the first token of a word (:func:`first_token`).

spaCy takes about half a second to import, so it is imported here, on first use, and
never at ``import netiquette``. No statistical model is needed or loaded, and the
Turkish lookup lemmatizer (5-9 s, ~620 MiB) is never initialised.

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
  0.3-0.4 ms more. Only
  columns leave this module, never a spaCy object.
"""

from __future__ import annotations

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


class Parsed(NamedTuple):
    """A text's tokens as columns (whitespace tokens included), in text order."""

    starts: list[int]
    lengths: list[int]
    is_space: list[int]
    is_alpha: list[int]
    is_punct: list[int]
    like_num: list[int]
    like_url: list[int]
    like_email: list[int]
    #: 1 where a sentence starts (the sentencizer's reading), else 0 or -1.
    sent_start: list[int]

    def sentence_spans(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence the sentencizer found, in characters."""
        firsts = [i for i, flag in enumerate(self.sent_start) if flag == 1 or i == 0]
        if not self.starts:
            return []
        bounds = [*firsts[1:], len(self.starts)]
        return [
            (self.starts[first], self.starts[last - 1] + self.lengths[last - 1])
            for first, last in zip(firsts, bounds, strict=True)
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
    """Tokenise ``text`` and split it into sentences, as columns.

    The tokenizer's caches are shared, so calls for one language are serialised; a
    short reply takes tens of microseconds.
    """
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

    pipeline(lang)
    attrs = [IDX, LENGTH, IS_SPACE, IS_ALPHA, IS_PUNCT, LIKE_NUM, LIKE_URL, LIKE_EMAIL]
    with _locks[lang]:
        nlp = _pipelines[lang]
        doc = nlp(tokenizable(text))
        columns = doc.to_array([*attrs, SENT_START]).T.tolist() if len(doc) else [[]] * 9
        del doc
        _renew_if_full(lang, nlp)
    return Parsed(*columns)


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
