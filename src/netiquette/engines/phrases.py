"""Phrase lists: many phrases found in one pass, indexed by the tokens they start at.

Every phrase-based rule reads its phrases from the language data in one entry format.
An entry is a string (the phrase) or a mapping:

``phrase``
    words separated by spaces, in lower case (matching ignores case). ``word*`` matches
    the word with any suffix ("hatanız*" matches "hatanızdan"); ``(a|b)`` gives
    alternatives, which may nest, and an empty alternative makes a group optional:
    ``"you (should have|should've) read"``, ``"your (own |)fault"``. ``'`` matches
    both apostrophes. See engines/phrase_syntax.py.
``pattern``
    instead of ``phrase``: a regular expression over the folded text, for what a
    phrase cannot say. It is tried at every token, so keep these rare.
``replacement`` / ``replacements``
    the rewrite(s) offered. ``{1}``, ``{2}`` ... stand for what the first, second ...
    top-level group matched ("you made (a|an) (mistake|error)" -> "there was {1} {2}").
    A replacement starts with a capital where the match does ("Thx" -> "Thanks"),
    except after a word in capitals inside a sentence ("the SLA" -> "the promised
    time").
``message``
    the entry's own message (the rule's otherwise); ``{match}`` is the matched text,
    and ``{1}`` ... work as in replacements. Text is English (the rules' language);
    a mapping gives it per language (``{en: ..., tr: ...}``). Where the message
    language has none, the rule's own message in that language is used.
``severity``
    ``info``, ``warning`` or ``error``, to override the rule's.
context conditions
    ``preceded_by``, ``not_preceded_by``, ``followed_by``, ``not_followed_by``,
    ``after``, ``not_after``, ``before``, ``not_before``, ``sentence_start``,
    ``clause_end``, ``case``: where a match counts (engines/conditions.py).
``requires``
    for a ``pattern``: text (or a list of texts, folded) the prose must contain for the
    pattern to be tried at all (``" when "``): a pattern is tried at every word, and
    most replies hold none of its words.
``first_words``
    for a ``pattern``: the words every match starts with; the pattern is then tried only
    at those words, like a phrase, rather than at every word.
``fix_safety``
    ``unsafe`` when the replacement is not a drop-in wherever the phrase is found
    (it changes the case of a word before it, needs other words changed, ...):
    ``netiquette fix`` then applies it only with ``--unsafe-fixes``. ``safe`` marks
    an entry of a rule whose fixes are unsafe as safe. Without it, the rule's
    ``fix_safety`` holds.
``note``, ``source``
    documentation for the reader of the data; ignored.

A rule may accept keys of its own (``PhraseRule.entry_keys``, e.g. ``always``); any
other key is a ConfigError that names the file, the rule and the entry.

Entries are indexed by the first token the tokenizer makes of them, so that a list of
hundreds of phrases only looks at the few tokens of a document that can start one
(engines/phrase_index.py: one pass per document, shared by every list); only there are
the entries tried with their regular expression.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from netiquette.core import FIX_SAFETIES, SEVERITIES, ConfigError
from netiquette.engines.conditions import Conditions
from netiquette.engines.phrase_index import (
    STEM_LENGTH,
    deferred_prefilters,
    first_word_keys,
    head_of,
    register,
    starts,
)
from netiquette.lang.schema import PHRASE_ENTRY_KEYS
from netiquette.text.fold import fold
from netiquette.text.phrase_syntax import (
    WORD_END,
    expand,
    group_count,
    inside_word,
    phrase_regex,
    word_alternation,
)

if TYPE_CHECKING:
    from netiquette.core import FixSafety, Severity
    from netiquette.text.document import Document, Token

#: Keys every entry may have (besides a rule's own ``entry_keys``).
ENTRY_KEYS = PHRASE_ENTRY_KEYS
_REFERENCE = re.compile(r"\{(\d+)\}")


@dataclass(frozen=True, eq=False)
class PhraseEntry:
    """One entry of a phrase list, compiled."""

    phrase: str
    #: The regular expression over folded text; compiled on first use (most entries
    #: of a list are never tried in a given run, and compiling is most of the cost of
    #: building a linter).
    expression: str
    replacements: tuple[str, ...] = ()
    #: The entry's own message by language code; empty: the rule's message.
    messages: Mapping[str, str] = field(default_factory=dict)
    severity: Severity | None = None
    #: The rule's own keys (``PhraseRule.entry_keys``) and their values.
    extra: Mapping[str, Any] = field(default_factory=dict)
    is_pattern: bool = False
    conditions: Conditions | None = None
    #: Whether a replacement or the message refers to a group (``{1}``).
    templated: bool = False
    #: For a pattern: folded texts one of which the prose must hold for it to be tried.
    requires: tuple[str, ...] = ()
    #: For a pattern: the folded words a match starts with (tried only there).
    first_words: tuple[str, ...] = ()
    #: The entry's own fix safety (``fix_safety``), or None: the rule's.
    fix_safety: FixSafety | None = None

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.expression)

    def message_in(self, lang: str) -> str | None:
        """The entry's own message in ``lang``, or None (then the rule's is used)."""
        return self.messages.get(lang)

    def fill(self, template: str, match: re.Match[str]) -> str:
        """``template`` with ``{1}`` ... replaced by what the groups of ``match`` hold."""
        groups = match.groups()
        return _REFERENCE.sub(lambda r: " ".join((groups[int(r[1]) - 1] or "").split()), template)


class PhraseMatch(NamedTuple):
    """A phrase found at ``start:end`` of the text (a tuple: cheap to make)."""

    start: int
    end: int
    entry: PhraseEntry


def _strings(value: Any, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError(f"'{key}' must be a string or a list of strings, got {value!r}")
    return tuple(values)


#: The language of an entry's message written as plain text (the rules' language).
MESSAGE_SOURCE_LANGUAGE = "en"


def _messages(value: Any) -> dict[str, str]:
    """An entry's ``message``: text (English) or a mapping of language -> text."""
    if value is None:
        return {}
    if isinstance(value, str):
        return {MESSAGE_SOURCE_LANGUAGE: value}
    if isinstance(value, Mapping) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        return dict(value)
    raise ValueError(f"'message' must be text or a mapping of language to text, got {value!r}")


def parse_entry(
    item: Any, lang: str, source: str = "", own_keys: frozenset[str] = frozenset()
) -> PhraseEntry:
    """Compile one entry of the data (a string or a mapping, see the module doc).

    ``source`` names the file and the rule for errors; ``own_keys`` are the keys the
    rule reads itself. Raises ConfigError on anything malformed.
    """
    if isinstance(item, str):
        item = {"phrase": item}
    if not isinstance(item, Mapping):
        raise ConfigError(f"{source}: a phrase entry must be a string or a mapping, got {item!r}")
    phrase, pattern = item.get("phrase"), item.get("pattern")
    label = phrase if phrase is not None else pattern
    where = f"{source}: entry {label!r}"
    unknown = set(item) - ENTRY_KEYS - own_keys
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
    if (phrase is None) == (pattern is None):
        raise ConfigError(f"{where}: needs exactly one of 'phrase' or 'pattern'")
    try:
        if not isinstance(label, str) or not label.strip():
            raise ValueError(f"'{'phrase' if phrase is not None else 'pattern'}' must be text")
        if pattern is not None:
            try:
                expression = f"(?:{pattern}){WORD_END}"
                groups = re.compile(expression).groups
            except re.error as exc:
                raise ValueError(f"bad pattern: {exc}") from None
        else:
            if any(not s for s in expand(label)):
                raise ValueError("the phrase can be empty")
            expression = phrase_regex(label, lang) + WORD_END
            groups = group_count(label)
        if "replacement" in item and "replacements" in item:
            raise ValueError("give 'replacement' or 'replacements', not both")
        replacements = _strings(item.get("replacements", item.get("replacement")), "replacement")
        messages = _messages(item.get("message"))
        severity = item.get("severity")
        if severity is not None and severity not in SEVERITIES:
            raise ValueError(f"unknown severity {severity!r} (use {', '.join(SEVERITIES)})")
        fix_safety = item.get("fix_safety")
        if fix_safety is not None and fix_safety not in FIX_SAFETIES:
            raise ValueError(f"unknown fix_safety {fix_safety!r} (use {', '.join(FIX_SAFETIES)})")
        references = [
            int(n) for t in (*replacements, *messages.values()) for n in _REFERENCE.findall(t)
        ]
        if any(not 0 < n <= groups for n in references):
            raise ValueError(f"refers to a group it does not have (it has {groups})")
        conditions = Conditions.parse(item, lang)
        requires = tuple(fold(r, lang) for r in _strings(item.get("requires"), "requires"))
        first_words = tuple(fold(w, lang) for w in _strings(item.get("first_words"), "first_words"))
        if (requires or first_words) and pattern is None:
            raise ValueError("'requires' and 'first_words' are for a 'pattern' entry")
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    return PhraseEntry(
        label,
        expression,
        replacements,
        messages,
        severity,
        {k: item[k] for k in own_keys if k in item},
        pattern is not None,
        conditions,
        bool(references),
        requires,
        first_words,
        fix_safety,
    )


_Candidate = tuple[int, Sequence[PhraseEntry]]


class PhraseList:
    """A compiled list of phrase entries, searched at the tokens that can start them."""

    def __init__(self, entries: Sequence[PhraseEntry], lang: str) -> None:
        self.entries = tuple(entries)
        self.lang = lang
        index: dict[str, list[PhraseEntry]] = {}
        heads: dict[str, set[str]] = {}
        stems: dict[str, list[tuple[str, PhraseEntry]]] = {}
        anywhere: list[tuple[str, PhraseEntry]] = []
        for entry in self.entries:
            if entry.is_pattern and not entry.first_words:
                anywhere.append(("", entry))
                continue
            if entry.is_pattern:
                for first in entry.first_words:
                    for key in first_word_keys(first, lang):
                        bucket = index.setdefault(key, [])
                        if entry not in bucket:
                            bucket.append(entry)
                        heads.setdefault(key, set()).add(first)
                continue
            # Folding keeps every character in place, so the spellings of the folded
            # phrase are the folded spellings; entries often share first words.
            heads_by_first: dict[str, set[str]] = {}
            for spelled in expand(fold(entry.phrase, lang)):
                words = spelled.split()
                first = words[0]
                if first.endswith("*") and len(first) > 1:
                    stem = first[:-1]
                    if len(stem) >= STEM_LENGTH:
                        stems.setdefault(stem[:STEM_LENGTH], []).append((stem, entry))
                    else:
                        anywhere.append((stem, entry))
                    continue
                heads_by_first.setdefault(first, set()).add(head_of(words))
            for first, found in heads_by_first.items():
                for key in first_word_keys(first, lang):
                    bucket = index.setdefault(key, [])
                    if entry not in bucket:
                        bucket.append(entry)
                    heads.setdefault(key, set()).update(found)
        self._index = {key: tuple(bucket) for key, bucket in index.items()}
        self._keys = set(self._index)
        self._stems = {key: tuple(dict.fromkeys(bucket)) for key, bucket in stems.items()}
        self._anywhere = tuple(dict.fromkeys(anywhere))
        self._order = {entry: i for i, entry in enumerate(self.entries)}
        # Per key, one small pattern made of the first two words of its spellings: most
        # tokens "you" start none of them, and one failed match says so.
        self._prefilter = deferred_prefilters(heads)
        register(lang, heads, self._stems)

    @classmethod
    def from_data(
        cls,
        items: Sequence[Any] | None,
        lang: str,
        source: str = "",
        own_keys: frozenset[str] = frozenset(),
    ) -> PhraseList:
        """A list from data items (see the module doc); ConfigError names ``source``."""
        if items is None:
            items = []
        if not isinstance(items, list):
            raise ConfigError(f"{source}: expected a list of phrase entries, got {items!r}")
        return cls([parse_entry(item, lang, source, own_keys) for item in items], lang)

    def __len__(self) -> int:
        return len(self.entries)

    def _candidates(self, doc: Document, start: int = 0, end: int = -1) -> list[_Candidate]:
        """(token start, entries to try there), in text order, for the tokens that start
        in ``start:end`` (``end`` -1: to the end)."""
        text = doc.prose_folded
        stop = len(text) if end < 0 else end
        # A stretch of the text: only its tokens are looked at (by bisection), so that
        # a rule asking about each sentence of a long text does not read it all each time.
        part = start > 0 or stop < len(text)
        found: list[_Candidate] = []
        shared = starts(doc)
        for key in self._keys & shared.tokens.keys():
            entries = self._index[key]
            quick = self._prefilter[key]
            keyed = shared.tokens[key]
            for token in _within(keyed, start, stop) if part else keyed:
                at = token.start
                if start <= at < stop and (quick is None or quick.match(text, at) is not None):
                    found.append((at, entries))
        # Stems and patterns run on to the end of a word ("\w*"), so they start only where
        # a word does: from every token inside one long run of letters, each would read
        # the rest of the run, and the time would grow with the square of its length.
        if self._stems:
            for key in self._stems.keys() & shared.stems.keys():
                stemmed = shared.stems[key]
                for token in _within(stemmed, start, stop) if part else stemmed:
                    chosen = [e for stem, e in self._stems[key] if token.folded.startswith(stem)]
                    if chosen and start <= token.start < stop and _word_start(text, token.start):
                        found.append((token.start, chosen))
        anywhere = [
            (stem, e)
            for stem, e in self._anywhere
            if not e.requires or any(needed in text for needed in e.requires)
        ]
        if anywhere:
            for token in doc.tokens_in(start, stop) if part else doc.tokens:
                chosen = [e for stem, e in anywhere if token.folded.startswith(stem)]
                if (
                    chosen
                    and start <= token.start < stop
                    and _word_start(text, token.start)
                    and not inside_word(text, token.start)
                ):
                    found.append((token.start, chosen))
        if len(found) > 1:
            found.sort(key=_first)
            if self._stems or self._anywhere:
                found = self._merge(found)
        return found

    def _merge(self, found: list[_Candidate]) -> list[_Candidate]:
        """One candidate per start, its entries in the order of the list."""
        merged: list[_Candidate] = []
        for start, entries in found:
            if merged and merged[-1][0] == start:
                both = {*merged[-1][1], *entries}
                merged[-1] = (start, sorted(both, key=self._order.__getitem__))
            else:
                merged.append((start, entries))
        return merged

    def find(
        self,
        doc: Document,
        accept: Callable[[Document, PhraseMatch], bool] | None = None,
    ) -> Iterator[PhraseMatch]:
        """Non-overlapping matches in the prose of ``doc``, in text order: at each token,
        the longest match that ``accept`` (when given) agrees with; of two as long, the
        one listed first. A rejected match does not count, so a shorter one may win."""
        candidates = self._candidates(doc)
        if not candidates:
            return
        text = doc.prose_folded
        last_end = -1
        for start, entries in candidates:
            if start < last_end:
                continue
            best: PhraseMatch | None = None
            best_end = start
            for entry in entries:
                m = entry.regex.match(text, start)
                if m is None or m.end() <= best_end:
                    continue
                found = PhraseMatch(start, m.end(), entry)
                if accept is None or accept(doc, found):
                    best = found
                    best_end = found.end
            if best is not None:
                last_end = best_end
                yield best

    def first(self, doc: Document, start: int = 0, end: int | None = None) -> PhraseMatch | None:
        """The first match in ``doc.prose_folded[start:end]`` (the longest at its token)."""
        return next(self.find_all(doc, start, end), None)

    def find_all(
        self, doc: Document, start: int = 0, end: int | None = None
    ) -> Iterator[PhraseMatch]:
        """The longest match at every token of ``doc.prose_folded[start:end]``, overlapping
        ones included, in text order (lazily: stop when you have what you need)."""
        text = doc.prose_folded
        stop = len(text) if end is None else end
        for at, entries in self._candidates(doc, start, stop):
            found = _longest(text, at, stop, entries)
            if found is not None:
                yield found


def _longest(text: str, at: int, stop: int, entries: Sequence[PhraseEntry]) -> PhraseMatch | None:
    """The longest match of ``entries`` at ``at`` that ends by ``stop`` (the first listed
    of two as long)."""
    best: PhraseMatch | None = None
    for entry in entries:
        m = entry.regex.match(text, at, stop)
        if m is not None and m.end() > (at if best is None else best.end):
            best = PhraseMatch(at, m.end(), entry)
    return best


def _within(tokens: list[Token], start: int, stop: int) -> list[Token]:
    """The tokens (in text order) that start in ``start:stop``."""
    return tokens[
        bisect_left(tokens, start, key=_token_start) : bisect_left(tokens, stop, key=_token_start)
    ]


def _token_start(token: Token) -> int:
    return token.start


def _first(candidate: _Candidate) -> int:
    return candidate[0]


def alternation(
    phrases: Sequence[Any] | None, lang: str, source: str = "", before: str = "", after: str = ""
) -> re.Pattern[str]:
    """One pattern for any of ``phrases`` as whole words (``before`` and ``after`` are
    added around it), to search a stretch of folded text: "is one of them here?". To
    ask it of a whole document, a PhraseList is much faster (``PhraseList.first``)."""
    try:
        return re.compile(before + word_alternation([str(p) for p in phrases or ()], lang) + after)
    except (ValueError, re.error) as exc:
        raise ConfigError(f"{source}: {exc}") from None


def _word_start(text: str, at: int) -> bool:
    """True unless a letter or digit comes right before ``at`` (a token inside a word)."""
    return at == 0 or not text[at - 1].isalnum()
