"""Which tokens of a document can start a phrase: one pass per document, shared by
every phrase list of the language.

A phrase list files each entry under the first token the tokenizer makes of it (its
*keys*: "don't worry" starts with the token "do") and knows the first two words of its
spellings (its *heads*: "don't worry"). Every list registers its keys and heads here
when it is built. For a document, one pass over its tokens keeps those whose folded
text is a key and at which a head of that key starts; the result is cached on the
document, and each list then only looks at the few tokens kept under its own keys.
A reply of 130 words has ~160 tokens, and a dozen lists share one look at each.

Entries whose first word ends in ``*`` ("hatanız*") are filed under the first
``STEM_LENGTH`` letters of the stem and the pass keeps tokens by theirs.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from netiquette.text.document import SharedKey
from netiquette.text.fold import fold, upper
from netiquette.text.phrase_syntax import expand, inside_word

if TYPE_CHECKING:
    from netiquette.text.document import Document, Token

#: Length of the key of an entry whose first word ends in ``*``.
STEM_LENGTH = 3


@lru_cache(maxsize=4096)
def _first_token(word: str, lang: str) -> str:
    """The first token the tokenizer makes of ``word``, folded."""
    from netiquette.text import nlp

    # A word of letters (with or without a final period) that is no special case of
    # the tokenizer is its own first token: no need to run the tokenizer.
    letters = word[:-1] if word.endswith(".") else word
    if letters.isalpha() and word not in _special_cases(lang):
        return fold(letters, lang)
    first = nlp.first_token(word, lang)
    return fold(first if first is not None else word, lang)


@lru_cache(maxsize=8)
def _special_cases(lang: str) -> frozenset[str]:
    """The strings the tokenizer of ``lang`` splits by its own rules ("don't", "u.")."""
    from netiquette.text import nlp

    return nlp.special_cases(lang)


def index_keys(spelling: str, lang: str) -> set[str]:
    """The folded first tokens a spelling can start with in a document.

    The tokenizer's exceptions depend on case ("y'all" is "y'" "all", but "Y'all" one
    token), so the lower-case, capitalised and upper-case forms all count; and some
    words keep a period that follows them ("u." in "get back to u."), so that form
    counts too.
    """
    return set(first_word_keys(fold(spelling, lang).split()[0], lang))


@lru_cache(maxsize=8192)
def first_word_keys(first: str, lang: str) -> frozenset[str]:
    """``index_keys`` of a folded first word (cached: phrases share first words)."""
    keys = set()
    for variant in {first, upper(first[:1], lang) + first[1:], upper(first, lang)}:
        keys.add(_first_token(variant, lang))
        with_period = _first_token(variant + ".", lang)
        if with_period.endswith(".") and len(with_period) > 1:
            keys.add(with_period)
    return frozenset(keys)


def heads(phrase: str, lang: str) -> set[str]:
    """The first two words of every spelling of ``phrase``, a ``word*`` cut to its
    stem ("(we|i) apologi* for" -> "we apologi", "i apologi")."""
    return set(_heads(phrase, lang))


@lru_cache(maxsize=8192)
def _heads(phrase: str, lang: str) -> frozenset[str]:
    return frozenset(head_of(fold(spelled, lang).split()) for spelled in expand(phrase))


def head_of(words: list[str]) -> str:
    """The head of one folded spelling, given as its words: the first two, a ``word*``
    cut to its stem and ending the head."""
    head: list[str] = []
    for word in words[:2]:
        if word.endswith("*"):
            head.append(word[:-1])
            break
        head.append(word)
    return " ".join(head)


def _trie_regex(starts: Iterable[str]) -> str:
    """A pattern that matches text starting with any of ``starts`` (a space stands for
    any whitespace), written as a trie so that a failed match costs a few steps."""
    trie: dict[str, Any] = {}
    for string in starts:
        node = trie
        for char in string:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        if "" in node:
            return ""  # a shorter head ends here: what follows does not matter
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + render(node[char])
            for char in sorted(node)
        ]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return render(trie)


def prefilter(starts: Iterable[str]) -> re.Pattern[str] | None:
    """A cheap test for the heads of one key, or None when a head is one word only
    (then the key itself is all there is to test)."""
    return _prefilter(frozenset(starts))


@lru_cache(maxsize=8192)
def _prefilter(starts: frozenset[str]) -> re.Pattern[str] | None:
    # Cached: a key's heads are often the same in a list and in the shared registry.
    if not starts or any(" " not in head for head in starts):
        return None
    return re.compile(_trie_regex(starts))


_Test = Callable[[str, int], "re.Match[str] | None"]


def _needs_test(starts: frozenset[str]) -> bool:
    """Whether ``prefilter(starts)`` is a pattern (not None)."""
    return bool(starts) and all(" " in head for head in starts)


class _Deferred:
    """The prefilter of one key, compiled the first time a document has a token of the
    key: a reply meets few of a language's ~660 keys, and compiling them all took
    ~50 ms of building a linter. Once compiled, the pattern (``as_match``: its
    ``match``) takes this object's place in ``table``, so later documents use it
    directly."""

    __slots__ = ("as_match", "key", "starts", "table")

    def __init__(
        self, key: str, starts: frozenset[str], table: dict[str, Any], as_match: bool
    ) -> None:
        self.key = key
        self.starts = starts
        self.table = table
        self.as_match = as_match

    def compiled(self) -> re.Pattern[str]:
        """The pattern this test stands for (compiled now; tests/pattern_growth.py
        runs it on adversarial text like every other pattern)."""
        pattern = _prefilter(self.starts)
        assert pattern is not None  # only keys that need a test wait (_needs_test)
        return pattern

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        pattern = self.compiled()
        if self.table.get(self.key) is self:
            self.table[self.key] = pattern.match if self.as_match else pattern
        return pattern.match(text, pos)

    __call__ = match


def deferred_prefilters(
    heads_by_key: Mapping[str, Iterable[str]],
) -> dict[str, re.Pattern[str] | _Deferred | None]:
    """``prefilter`` of each key's heads, each compiled when first used."""
    table: dict[str, re.Pattern[str] | _Deferred | None] = {}
    for key, found in heads_by_key.items():
        starts = frozenset(found)
        table[key] = _Deferred(key, starts, table, as_match=False) if _needs_test(starts) else None
    return table


@dataclass(frozen=True)
class _Registry:
    """Every key (with its heads) and stem the phrase lists of a language registered."""

    heads: Mapping[str, frozenset[str]]
    #: By key: the ``match`` of the shared test (None: every token of the key is kept),
    #: or a :class:`_Deferred` test until a document first needs it.
    prefilters: Mapping[str, _Test | None]
    keys: frozenset[str]
    stems: frozenset[str]
    #: Names this registry's pass over a document (``Document.shared``): a new registry
    #: makes a new pass.
    starts_key: SharedKey[Starts] = field(default_factory=lambda: SharedKey("phrase starts"))


_REGISTRY: dict[str, _Registry] = {}
_LOCK = threading.Lock()


def register(lang: str, heads_by_key: Mapping[str, Iterable[str]], stems: Iterable[str]) -> None:
    """Add a phrase list's keys with their heads, and its stem keys. The registry is
    replaced, never changed, so a document's cached pass stays valid exactly as long as
    the registry it was made with."""
    with _LOCK:
        old = _REGISTRY.get(lang) or _Registry({}, {}, frozenset(), frozenset())
        merged = dict(old.heads)
        prefilters = dict(old.prefilters)
        for key, found in heads_by_key.items():
            before = merged.get(key)
            after = frozenset(found) if before is None else before.union(found)
            if after != before:
                merged[key] = after
                prefilters[key] = (
                    _Deferred(key, after, prefilters, as_match=True) if _needs_test(after) else None
                )
        for test in prefilters.values():
            if isinstance(test, _Deferred):
                test.table = prefilters  # a compiled test replaces it in this table
        stems = old.stems.union(stems)
        if merged != old.heads or stems != old.stems:
            _REGISTRY[lang] = _Registry(merged, prefilters, frozenset(merged), stems)


@dataclass(frozen=True)
class Starts:
    """The tokens of one document that may start a phrase."""

    #: By key: tokens whose folded text is the key and at which one of its heads starts.
    tokens: dict[str, list[Token]] = field(default_factory=dict)
    #: By stem key: tokens whose folded text starts with it.
    stems: dict[str, list[Token]] = field(default_factory=dict)


_EMPTY = Starts()


def starts(doc: Document) -> Starts:
    """The tokens of ``doc`` that may start a phrase of a registered list (one pass per
    document and registry)."""
    registry = _REGISTRY.get(doc.lang)
    if registry is None:
        return _EMPTY
    return doc.shared(registry.starts_key, lambda d: _find_starts(d, registry))


def _find_starts(doc: Document, registry: _Registry) -> Starts:
    text = doc.prose_folded
    keys = registry.keys
    prefilters = registry.prefilters
    stem_keys = registry.stems
    tokens: dict[str, list[Token]] = {}
    stems: dict[str, list[Token]] = {}
    for token in doc.tokens:
        key = token.folded
        if key in keys:
            quick = prefilters[key]
            at = token.start
            if (quick is None or quick(text, at)) and not (
                at > 1 and text[at - 1] in "-'’" and text[at - 2].isalnum()  # inside_word
            ):
                found = tokens.get(key)
                if found is None:
                    tokens[key] = [token]
                else:
                    found.append(token)
        if stem_keys and key[:STEM_LENGTH] in stem_keys and not inside_word(text, token.start):
            stems.setdefault(key[:STEM_LENGTH], []).append(token)
    result = Starts(tokens, stems)
    return result
