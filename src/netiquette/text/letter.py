"""The parts of a reply as a letter: its greeting, its body, and its sign-off.

The one detector of greetings and sign-offs; the phrases are the language's
``lang/<iso>/letter.yaml`` (``greetings`` and ``sign_offs``, in the phrase syntax).

- The **greeting** opens the reply: a greeting phrase ("Hi", "Dear", "Good morning",
  "Merhaba", "Sayın") at the start, with up to four more words (a name) and the ``,``
  ``!`` or ``:`` or line end that closes them ("Hi Maria,", "Dear Mr Smith:"), or the
  phrase alone when nothing closes it ("Hello and thanks for ..."). A name alone on the
  first line, followed by a comma ("Sam,", "Çağla Hanım,"), is a greeting too.
- The **sign-off** is a sentence (usually a line of its own) that is a sign-off
  phrase, optionally with a name or a short team name after a comma or dash ("Kind
  regards,", "Thanks!", "Best, Sam", "Cheers - the Acme team"), after at least three
  words of the reply and followed by no more than twelve words (the signature). It
  runs to the end of the text.
- The **body** is what lies between them. When there is no sign-off, trailing lines
  that look like a signature (up to four capitalised words: "Sam", "Acme Support
  Team") are left out of it.

The detector reads the prose (quoted lines, URLs and placeholders blanked), so the
customer's quoted message never holds the reply's greeting or sign-off.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from netiquette.lang import load
from netiquette.text.phrase_syntax import word_alternation
from netiquette.text.spans import Span

#: Words allowed after the sign-off line (a signature: name, role, company, phone).
MAX_SIGNATURE_WORDS = 12
#: Words the reply must have before a line can be its sign-off ("Thanks!" opening a
#: reply is not one).
MIN_WORDS_BEFORE_SIGN_OFF = 3
_OPENING = re.compile(r"[\s\"'“(]*")
#: A name followed by a comma on its own line ("Sam,", "Çağla,"); its words must start
#: with a capital (checked in code, for any script).
_NAME_LINE = re.compile(
    r"[ \t]*([^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){0,2})[ \t]*,[ \t]*\r?\n"
)
#: After a greeting phrase: up to four words and what closes the greeting.
_GREETING_TAIL = re.compile(r"(?:[ \t]+[^\s,!:?]+){0,4}?(?:[ \t]*[,!:]|[ \t]*(?=\r?\n|$))")
_WORDS = re.compile(r"\w+")
_NAME_WORD = re.compile(r"[^\W\d_][\w.'’&-]*")
_SENTENCE_END = re.compile(r"[.?!:;]\s*$")


@dataclass(frozen=True)
class Letter:
    """Where the greeting, the body and the sign-off of a reply are."""

    greeting: Span | None
    sign_off: Span | None
    body: Span


class _Phrases:
    """The compiled greetings and sign-offs of one language."""

    def __init__(self, lang: str) -> None:
        data = load(lang, "letter.yaml")
        greetings = [str(p) for p in data.get("greetings") or ()]
        sign_offs = [str(p) for p in data.get("sign_offs") or ()]
        self.greeting = re.compile(word_alternation(greetings, lang)) if greetings else None
        self.sign_off = (
            re.compile(
                r"[ \t>*_]*"
                + word_alternation(sign_offs, lang)
                + r"(?:[ \t]*[,.!\-–—]+(?:[ \t]*[^\s.,!?]+){0,3})?[ \t]*[,.!]?[ \t*_]*$"
            )
            if sign_offs
            else None
        )


@lru_cache(maxsize=16)
def _phrases(lang: str) -> _Phrases:
    return _Phrases(lang)


def _lines(text: str) -> Iterator[Span]:
    """The non-blank lines of ``text``, without their line break."""
    pos = 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        if content.strip():
            yield Span(pos, pos + len(content))
        pos += len(line)


def greeting(prose: str, prose_folded: str, lang: str) -> Span | None:
    """The greeting that opens the reply, or None."""
    start = _OPENING.match(prose).end()  # type: ignore[union-attr]
    name = _NAME_LINE.match(prose, start)
    if name and all(word[:1].isupper() for word in name.group(1).split()):
        return Span(name.start(1), prose.index(",", name.end(1)) + 1)
    phrases = _phrases(lang)
    found = phrases.greeting.match(prose_folded, start) if phrases.greeting else None
    if found is None:
        return None
    tail = _GREETING_TAIL.match(prose_folded, found.end())
    end = tail.end() if tail is not None else found.end()
    return Span(found.start(), end)


def _is_signature_line(line: str) -> bool:
    """ "Sam", "Sam Lee", "Acme Support Team", "- Sam": up to four capitalised words."""
    stripped = line.strip().lstrip("-–—~ ")
    if not stripped or (_SENTENCE_END.search(stripped) and not stripped.endswith(".")):
        return False
    words = stripped.rstrip(".").split()
    return 0 < len(words) <= 4 and all(
        w in ("&", "-", "|") or (_NAME_WORD.fullmatch(w) and w[0].isupper()) for w in words
    )


def parts(prose: str, prose_folded: str, lang: str, sentences: Sequence[tuple[int, int]]) -> Letter:
    """The greeting, sign-off and body of a reply (see the module docstring), given its
    sentences (start and end of each)."""
    lines = list(_lines(prose))
    if not lines:
        return Letter(None, None, Span(0, 0))
    opening = greeting(prose, prose_folded, lang)
    start = opening.end if opening is not None else lines[0].start
    end = lines[-1].end
    sign_off = None
    pattern = _phrases(lang).sign_off
    if pattern is not None:
        for sentence_start, sentence_end in sentences:
            if sentence_start < start or not pattern.match(
                prose_folded, sentence_start, sentence_end
            ):
                continue
            if len(_WORDS.findall(prose, 0, sentence_start)) < MIN_WORDS_BEFORE_SIGN_OFF:
                continue
            if len(_WORDS.findall(prose, sentence_end)) > MAX_SIGNATURE_WORDS:
                continue
            sign_off = Span(sentence_start, end)
            end = sentence_start
            break
    if sign_off is None:
        for line in reversed(lines[1:]):
            if line.start < start or not _is_signature_line(prose[line.start : line.end]):
                break
            end = line.start
    body_end = max(start, end)
    chunk = prose[start:body_end]
    left = start + len(chunk) - len(chunk.lstrip())
    right = start + len(chunk.rstrip())
    return Letter(opening, sign_off, Span(left, max(left, right)))
