"""Shared machinery of the tone rules: phrase lists with alternatives and context checks.

Tone phrases are data in ``lang/<iso>/tone.yaml``. Beyond what the PhraseRule engine
reads, an entry here may use:

- ``(a|b|)`` groups in ``phrase`` (they may nest): "you (should have|should've) read"
  is one entry for both spellings; an empty alternative makes a group optional.
  ``{1}``, ``{2}`` ... in a replacement or message stand for what the first, second ...
  top-level group matched ("you made (a|an) (mistake|error)" -> "there was {1} {2}").
- ``unless_followed_by``: words or marks that, right after the match, make it
  harmless ("I can't" + "wait", "you shouldn't have" + "to").
- ``unless_preceded_by``: words that, earlier in the same sentence (within a few
  words), make it harmless ("not" before "your fault", "if" before "you forgot to").
- ``sentence_start: true``: only at the start of a sentence or line.
- ``clause_end: true``: only when a punctuation mark, a line break or the end of the
  text follows ("Whatever." but not "whatever you need").

A phrase's groups are compiled into one regular expression, once, when the rule is
built; the phrase list indexes it under each first word it can start with, so the
per-token look-up of the PhraseList engine is unchanged. ``check`` only reads.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, ClassVar

from netiquette.document import Document
from netiquette.engines.phrases import PhraseEntry, PhraseMatch, parse_entry
from netiquette.errors import ConfigError
from netiquette.rule import SEVERITIES, Finding, Rule, RuleContext
from netiquette.textnorm import fold, upper

_BACKREF = re.compile(r"\{(\d)\}")
_SPACE = r"\s+"
#: The end of a phrase: not inside a word (as in engines/phrases.py). Patterns run over
#: folded text, where typographic apostrophes are already "'".
_WORD_END = r"(?![\w'-]\w)(?!\w)"
_PHRASE_KEYS = frozenset(
    {"phrase", "replacement", "replacements", "message", "severity", "note", "pattern"}
)
#: How far back (characters) ``unless_preceded_by`` looks, never past the sentence start.
_LOOKBACK = 40
_CLAUSE_END = re.compile(r"[ \t]*(?:[.!?…,;:)\]\"”]|\r?\n|$)")
_OPENING = " \t\r\n\"'“‘(-–—*•"


def _split_top(inner: str) -> list[str]:
    """``inner`` split at the ``|`` that are not inside a nested group."""
    parts, depth, begin = [], 0, 0
    for i, char in enumerate(inner):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(inner[begin:i])
            begin = i + 1
    parts.append(inner[begin:])
    return parts


def _closing(text: str, opening: int) -> int:
    depth = 0
    for i in range(opening, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    raise ConfigError(f"unbalanced '(' in phrase {text!r}")


def _spellings(text: str) -> list[str]:
    results = [""]
    i = 0
    while i < len(text):
        if text[i] == "(":
            close = _closing(text, i)
            options = [s for alt in _split_top(text[i + 1 : close]) for s in _spellings(alt)]
            results = [r + o for r in results for o in options]
            i = close + 1
        else:
            close = text.find("(", i)
            close = len(text) if close < 0 else close
            results = [r + text[i:close] for r in results]
            i = close
    return results


def expand(phrase: str) -> list[str]:
    """Every spelling of ``phrase`` with its ``(a|b)`` groups resolved, without duplicates
    ("you (should have|should've) read" -> two spellings)."""
    return list(dict.fromkeys(" ".join(s.split()) for s in _spellings(phrase)))


def _word_regex(word: str, lang: str) -> str:
    folded = fold(word, lang)
    if folded.endswith("*") and len(folded) > 1:
        return re.escape(folded[:-1]) + r"\w*"
    return re.escape(folded)


def grammar_regex(text: str, lang: str, capture: bool = True) -> str:
    """The regular expression (over folded text) for a phrase with ``(a|b)`` groups.

    Words are matched as in engines/phrases.py (spaces match any whitespace, ``word*``
    any suffix); the folded text it runs over has ``'`` for every typographic
    apostrophe. An optional group takes one space next
    to it along, so "your (own |)fault" and "passed it (on|)" need no double space.
    Top-level groups capture (for ``{1}`` ...), nested ones do not.
    """
    parts: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "(":
            close = _closing(text, i)
            alternatives = _split_top(text[i + 1 : close])
            optional = "" in alternatives
            bodies = sorted({a for a in alternatives if a}, key=len, reverse=True)
            rendered = [grammar_regex(b, lang, capture=False) for b in bodies]
            i = close + 1
            if optional:
                space_before = not parts or parts[-1] == _SPACE
                space_after = i < len(text) and text[i].isspace()
                if space_before and space_after:
                    # "your (own|) fault", "(please|) calm": take the space after along.
                    rendered = [r if r.endswith(_SPACE) else r + _SPACE for r in rendered]
                    i += 1
                elif parts and space_before and i >= len(text):
                    # "passed it (on|)": take the space before along.
                    parts.pop()
                    rendered = [r if r.startswith(_SPACE) else _SPACE + r for r in rendered]
                rendered.append("")
            parts.append(("(" if capture else "(?:") + "|".join(rendered) + ")")
        elif char.isspace():
            if not parts or parts[-1] != _SPACE:
                parts.append(_SPACE)
            i += 1
        else:
            end = i
            while end < len(text) and text[end] != "(" and not text[end].isspace():
                end += 1
            parts.append(_word_regex(text[i:end], lang))
            i = end
    return "".join(parts)


def _first_chars(words: Sequence[str], lang: str) -> str | None:
    """The characters the spellings of ``words`` can start with (folded), or None when
    one of them starts with something other than a letter or digit."""
    chars = set()
    for word in words:
        for spelled in expand(word):
            first = fold(spelled, lang)[:1]
            if not first.isalnum():
                return None
            chars.add(first)
    return "".join(sorted(chars))


def word_alternation(words: Sequence[str], lang: str) -> str:
    """A regular expression (over folded text) matching any of ``words`` (phrases with
    ``(a|b)`` groups allowed) as whole words; entries that start or end with a mark
    ("?", ",") match as they are there.

    The word-start test is written once, before the alternation, and led by the set of
    possible first letters, so that the regular-expression engine can skip most
    positions quickly (one look-behind per alternative makes a search ~10x slower).
    """
    at_word: list[str] = []
    other: list[str] = []
    longest = {str(w): max(len(s) for s in expand(str(w))) for w in words}
    for word in sorted(longest, key=lambda w: (-longest[w], w)):
        body = grammar_regex(word, lang, capture=False)
        if word[-1:].isalnum() or word.endswith(")"):
            body = f"(?:{body}){_WORD_END}"
        (at_word if word[:1].isalnum() or word.startswith("(") else other).append(body)
    parts = []
    if at_word:
        chars = _first_chars([w for w in words if w[:1].isalnum() or w.startswith("(")], lang)
        lead = f"(?=[{re.escape(chars)}])" if chars else ""
        parts.append(lead + r"(?<![\w'])(?:" + "|".join(at_word) + ")")
    if other:
        parts.append("(?:" + "|".join(other) + ")")
    return "(?:" + "|".join(parts) + ")" if parts else r"(?!x)x"


def build_entries(items: Sequence[Any] | None, lang: str, source: str) -> list[PhraseEntry]:
    """Phrase entries from data items whose phrases may hold ``(a|b)`` groups.

    Each item is compiled into one regular expression, shared by one entry per first
    word its spellings can start with (the phrase list indexes entries by first word).
    """
    entries: list[PhraseEntry] = []
    for item in items or ():
        if not isinstance(item, (str, Mapping)):
            raise ConfigError(f"{source}: a phrase entry must be a string or a mapping")
        data: dict[str, Any] = {"phrase": item} if isinstance(item, str) else dict(item)
        if "phrase" not in data:
            entries.append(parse_entry(data, lang, source))
            continue
        phrase = str(data["phrase"])
        severity = data.get("severity")
        if severity is not None and severity not in SEVERITIES:
            raise ConfigError(f"{source}: entry {phrase!r} has unknown severity {severity!r}")
        try:
            regex = re.compile(grammar_regex(phrase, lang) + _WORD_END)
        except re.error as exc:
            raise ConfigError(f"{source}: bad phrase {phrase!r}: {exc}") from exc
        raw = data.get("replacements", data.get("replacement"))
        replacements = () if raw is None else (raw,) if isinstance(raw, str) else tuple(raw)
        message = data.get("message")
        extra = {k: v for k, v in data.items() if k not in _PHRASE_KEYS}
        by_first: dict[str, str] = {}
        for spelled in expand(phrase):
            if not spelled:
                raise ConfigError(f"{source}: phrase {phrase!r} can be empty")
            first = fold(spelled, lang).split()[0]
            if len(spelled) > len(by_first.get(first, "")):
                by_first[first] = spelled
        extra["_grammar"] = phrase
        for spelled in by_first.values():
            entries.append(
                PhraseEntry(
                    spelled,
                    regex,
                    tuple(str(r) for r in replacements),
                    None if message is None else str(message),
                    severity,
                    extra,
                )
            )
    return entries


def _two_word_prefilter(entries: Sequence[PhraseEntry], lang: str) -> re.Pattern[str] | None:
    """A pattern for the first two words of every spelling of ``entries`` (None when a
    spelling has one word only, or a word ends in ``*``: nothing to filter on)."""
    heads: set[str] = set()
    for entry in entries:
        for spelled in expand(entry.extra.get("_grammar", entry.phrase)):
            words = fold(spelled, lang).split()
            if len(words) < 2 or any(w.endswith("*") for w in words[:2]):
                return None
            heads.add(re.escape(words[0]) + r"\s+" + re.escape(words[1]))
    return re.compile("|".join(sorted(heads, key=len, reverse=True)))


def _inside_word(text: str, start: int) -> bool:
    """True when ``start`` continues a hyphenated or elided word ("ya" in "ya-ya")."""
    return start >= 2 and text[start - 1] in "-'’" and text[start - 2].isalnum()


class IndexedPhrases:
    """Phrase entries indexed by the first token the tokenizer makes of them.

    Candidates are found with one dictionary look-up per token of the document
    ("don't" is keyed "do", as spaCy splits it); only entries under that key are tried
    with their regular expression. Entries whose first word ends in ``*`` are tried
    at every token that starts with the word.
    """

    def __init__(self, entries: Sequence[PhraseEntry], lang: str) -> None:
        from netiquette import nlp

        tokenizer = nlp.pipeline(lang).tokenizer
        self.entries = tuple(entries)
        self.index: dict[str, list[PhraseEntry]] = {}
        self.prefixed: list[tuple[str, PhraseEntry]] = []
        for entry in self.entries:
            folded = fold(entry.phrase, lang)
            first = folded.split()[0] if folded.strip() else ""
            if entry.is_pattern or not first:
                raise ConfigError(f"tone phrases must be phrases, not patterns: {entry.phrase!r}")
            if first.endswith("*") and len(first) > 1:
                self.prefixed.append((first[:-1], entry))
                continue
            # The tokenizer's exceptions depend on case ("y'all" is "y'" "all", but
            # "Y'all" one token), so the entry is filed under every first token.
            variants = {folded, folded[:1].upper() + folded[1:], upper(folded, lang)}
            for key in {fold(tokenizer(v)[0].text, lang) for v in variants}:
                self.index.setdefault(key, []).append(entry)
        for bucket in self.index.values():
            bucket.sort(key=lambda e: len(e.phrase), reverse=True)
        # One small pattern per key, made of the first two words of its spellings, that
        # fails fast when none of its entries can match here (most tokens "you" start
        # no phrase of the bucket).
        self.prefilter: dict[str, re.Pattern[str]] = {}
        for key, bucket in self.index.items():
            quick = _two_word_prefilter(bucket, lang) if len(bucket) > 2 else None
            if quick is not None:
                self.prefilter[key] = quick

    def __len__(self) -> int:
        return len(self.entries)

    def find(
        self, doc: Document, accept: Callable[[Document, PhraseMatch], bool] | None = None
    ) -> Iterator[PhraseMatch]:
        """Non-overlapping matches in the prose of ``doc``, in text order; at each token
        the longest match that ``accept`` (when given) agrees with."""
        text = doc.prose_folded
        index = self.index
        prefixed = self.prefixed
        last_end = -1
        for token in doc.tokens:
            if token.start < last_end:
                continue
            bucket = index.get(token.folded)
            if bucket is None and not prefixed:
                continue
            if _inside_word(text, token.start):
                continue
            quick = self.prefilter.get(token.folded)
            if quick is not None and not prefixed and quick.match(text, token.start) is None:
                continue
            candidates: list[PhraseEntry] = list(bucket or ())
            candidates += [e for p, e in prefixed if token.folded.startswith(p)]
            best: PhraseMatch | None = None
            for entry in candidates:
                m = entry.regex.match(text, token.start)
                if m is None or m.end() <= token.start:
                    continue
                if best is not None and m.end() <= best.end:
                    continue
                found = PhraseMatch(m.start(), m.end(), entry)
                if accept is None or accept(doc, found):
                    best = found
            if best is not None:
                last_end = best.end
                yield best


class MarkerSet:
    """Words and phrases compiled into one pattern, to ask "is any of them in this
    stretch of the folded text?" with a single regular-expression search."""

    def __init__(self, phrases: Sequence[str], lang: str) -> None:
        self.phrases = tuple(str(p) for p in phrases)
        self.regex = re.compile(word_alternation(self.phrases, lang))

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def finditer(
        self, text: str, start: int = 0, end: int | None = None
    ) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text, start, len(text) if end is None else end)

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        return self.regex.search(text, start, len(text) if end is None else end)


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


class _EntryContext:
    """The compiled context conditions of one phrase entry."""

    __slots__ = ("clause_end", "followed", "preceded", "sentence_start")

    def __init__(self, extra: Mapping[str, Any], lang: str) -> None:
        followed = _as_list(extra.get("unless_followed_by"))
        preceded = _as_list(extra.get("unless_preceded_by"))
        self.followed = (
            re.compile(r"[ \t]*,?[ \t]*" + word_alternation(followed, lang)) if followed else None
        )
        self.preceded = re.compile(word_alternation(preceded, lang)) if preceded else None
        self.sentence_start = extra.get("sentence_start") is True
        self.clause_end = extra.get("clause_end") is True

    def is_trivial(self) -> bool:
        return not (self.followed or self.preceded or self.sentence_start or self.clause_end)


def sentence_bounds(doc: Document, offset: int) -> tuple[int, int, int]:
    """(index, start, end) of the sentence that holds ``offset``."""
    sentences = doc.sentences
    if not sentences:
        return 0, 0, len(doc.text)
    index = max(bisect.bisect_right(sentences, (offset, len(doc.text) + 1)) - 1, 0)
    span = sentences[index]
    return index, span.start, span.end


def at_sentence_start(doc: Document, start: int) -> bool:
    """True when only opening marks or spaces stand between the start of the sentence
    (or of the line) and ``start``."""
    _, sent_start, _ = sentence_bounds(doc, start)
    line_start = doc.text.rfind("\n", 0, start) + 1
    begin = max(sent_start, line_start)
    return not doc.prose_folded[begin:start].strip(_OPENING)


def match_case(replacement: str, matched: str) -> str:
    """``replacement`` with its first letter capitalised when ``matched`` starts with a
    capital ("You should have read" -> "Next time, please read")."""
    if replacement and matched[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


_Compiled = tuple[IndexedPhrases, dict[int, _EntryContext], frozenset[int]]
#: Compiled phrase lists by rule class and language. They depend only on the package's
#: language data (never on settings) and are read-only, so every Linter shares them.
_COMPILED: dict[tuple[type[Rule], str], _Compiled] = {}


def _compile_phrases(items: Sequence[Any], lang: str, source: str) -> _Compiled:
    index = IndexedPhrases(build_entries(items, lang, source), lang)
    contexts: dict[int, _EntryContext] = {}
    templated: set[int] = set()
    for entry in index.entries:
        ctx = _EntryContext(entry.extra, lang)
        if not ctx.is_trivial():
            contexts[id(entry)] = ctx
        if any(_BACKREF.search(t) for t in (*entry.replacements, entry.message or "")):
            templated.add(id(entry))
    return index, contexts, frozenset(templated)


class TonePhraseRule(Rule):
    """A phrase-list rule (like engines.phrase_rule.PhraseRule) whose data may use
    ``(a|b)`` groups and context conditions, with a token-indexed phrase list.

    The rule's data is either a list of entries, or a mapping whose ``phrases`` key is
    that list (other keys are the rule's own settings, read by subclasses).
    """

    data_file: ClassVar[str]
    phrases_key: ClassVar[str] = "phrases"

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        lang = context.lang
        raw = context.data(self.data_file).get(self.name, [])
        self.settings_data: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
        compiled = _COMPILED.get((type(self), lang))
        if compiled is None:
            items = raw.get(self.phrases_key, []) if isinstance(raw, Mapping) else raw
            source = f"lang/{lang}/{self.data_file}: {self.name}"
            compiled = _compile_phrases(items, lang, source)
            _COMPILED[(type(self), lang)] = compiled
        self.index, self._contexts, self._templated = compiled

    def accept(self, doc: Document, match: PhraseMatch) -> bool:
        """Whether a match is really a problem in its context (the entry's conditions)."""
        ctx = self._contexts.get(id(match.entry))
        if ctx is None:
            return True
        text = doc.prose_folded
        if ctx.followed is not None and ctx.followed.match(text, match.end):
            return False
        if ctx.clause_end and not _CLAUSE_END.match(text, match.end):
            return False
        if ctx.sentence_start and not at_sentence_start(doc, match.start):
            return False
        if ctx.preceded is not None:
            _, sent_start, _ = sentence_bounds(doc, match.start)
            begin = max(sent_start, match.start - _LOOKBACK)
            if ctx.preceded.search(text, begin, match.start):
                return False
        return True

    def finding(self, doc: Document, match: PhraseMatch) -> Finding:
        entry = match.entry
        matched = doc.text[match.start : match.end]
        replacements = entry.replacements
        message = entry.message
        if id(entry) in self._templated:
            m = entry.regex.match(doc.prose_folded, match.start)
            groups = m.groups() if m else ()
            chosen = tuple(" ".join((g or "").split()) for g in groups)

            def fill(template: str) -> str:
                return _BACKREF.sub(
                    lambda r: (
                        chosen[int(r.group(1)) - 1]
                        if 0 < int(r.group(1)) <= len(chosen)
                        else r.group(0)
                    ),
                    template,
                )

            replacements = tuple(" ".join(fill(r).split()) for r in replacements)
            message = None if message is None else fill(message)
        replacements = tuple(match_case(r, matched) for r in replacements)
        return Finding(match.start, match.end, message, replacements, entry.severity)

    def matches(self, doc: Document) -> Iterator[PhraseMatch]:
        """Accepted matches, in text order."""
        return self.index.find(doc, self.accept)

    def check(self, doc: Document) -> Iterator[Finding]:
        for match in self.matches(doc):
            yield self.finding(doc, match)
