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
from collections.abc import Sequence
from functools import lru_cache

from netiquette.lang import load
from netiquette.text.fold import fold
from netiquette.text.phrase_syntax import word_alternation
from netiquette.text.sentences import Sentence
from netiquette.text.spans import Span, trimmed

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
_NAME_WORD = re.compile(r"[^\W\d_][\w.'’&-]*")
_SENTENCE_END = re.compile(r"[.?!:;]\s*$")


class _Phrases:
    """The compiled greetings and sign-offs of one language."""

    def __init__(self, lang: str) -> None:
        data = load(lang, "letter.yaml")
        greetings = [str(p) for p in data.get("greetings") or ()]
        sign_offs = [str(p) for p in data.get("sign_offs") or ()]
        self.greeting = re.compile(word_alternation(greetings, lang)) if greetings else None
        #: Signature words that are no person's name (a team, a role).
        self.not_names = frozenset(fold(str(w), lang) for w in data.get("not_names") or ())
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


def body(prose: str, start: int, sign_off: Span | None) -> Span:
    """The body of a reply that starts at ``start`` (after its greeting): up to its
    sign-off, or else up to the trailing lines that look like a signature."""
    end = len(prose.rstrip())
    end = sign_off.start if sign_off is not None else _signature_start(prose, start, end)
    found = trimmed(prose, start, max(start, end))
    return found if found is not None else Span(start, start)


def sign_off(
    prose_folded: str, lang: str, sentences: Sequence[Sentence], start: int
) -> Span | None:
    """The sign-off of a reply whose body starts at ``start``: the first sentence of
    the closing stretch (at most MAX_SIGNATURE_WORDS words after it) that is a
    sign-off, with words enough before it, to the end of the text."""
    end = len(prose_folded.rstrip())
    pattern = _phrases(lang).sign_off
    if pattern is None:
        return None
    after = 0
    candidates: list[int] = []
    for index in range(len(sentences) - 1, -1, -1):
        sentence = sentences[index]
        if after > MAX_SIGNATURE_WORDS or sentence.start < start:
            break
        candidates.append(index)
        after += sentence.words
    before = sum(s.words for s in sentences[: candidates[-1]]) if candidates else 0
    for index in reversed(candidates):
        sentence = sentences[index]
        if before >= MIN_WORDS_BEFORE_SIGN_OFF and pattern.match(
            prose_folded, sentence.start, sentence.end
        ):
            return Span(sentence.start, end)
        before += sentence.words
    return None


def _signature_start(prose: str, start: int, end: int) -> int:
    """Where the trailing lines of ``prose[start:end]`` that look like a signature
    begin (``end`` when none do); its first line never counts."""
    first_line_end = prose.find("\n", start, end)
    if first_line_end < 0:
        return end
    while end > first_line_end:
        line_start = prose.rfind("\n", first_line_end, end) + 1
        if not _is_signature_line(prose[line_start:end]):
            break
        end = line_start - 1
        while end > first_line_end and prose[end - 1].isspace():
            end -= 1
    return max(end, first_line_end)


# An agent's initials closing a short reply: "^MS", "*SR", "-JD", "/BH", or two or
# three capitals on their own after the last sentence ("... look into this. CC").
_INITIALS = re.compile(r"([\^*~/\\\-–—]?)[ \t]?([A-ZÇĞİÖŞÜ]{2,3})\Z")
_BEFORE_INITIALS = ".!?…)]\n"


def trailing_initials(text: str) -> Span | None:
    """The agent's initials that end ``text`` ("... take a look. ^MS"), or None: two or
    three capitals after a sign-off mark (^ * ~ / - –), or after the last sentence's
    end mark or on a line of their own. A capitalised word that ends a sentence
    without a mark ("please call the ISP") is not initials."""
    stripped = text.rstrip()
    offset = max(0, len(stripped) - 8)
    found = _INITIALS.search(stripped, offset)
    if found is None:
        return None
    before = stripped[: found.start()].rstrip(" \t")
    if not before:
        return None  # the whole text: not a signature
    if found.group(1) or before[-1] in _BEFORE_INITIALS or stripped[found.start() - 1] == "\n":
        return Span(found.start(), len(stripped))
    return None


def signed_name(prose: str, sign_off: Span | None, body_start: int, lang: str) -> tuple[str, ...]:
    """The words of the name a message is signed with ("Thanks,\\nJohn Smith" ->
    ("John", "Smith")), or () when it is not signed with a name: the signature after
    a sign-off, else a last line of its own that looks like a name."""
    end = len(prose.rstrip())
    if sign_off is not None:
        closing = prose[sign_off.start : end]
        line = closing.splitlines()[-1] if "\n" in closing else closing
        if "\n" not in closing:
            # "Thanks, John" or "Regards - John": the name after the mark.
            parts = re.split(r"[,\-–—]", line, maxsplit=1)
            line = parts[1] if len(parts) == 2 else ""
    else:
        line_start = prose.rfind("\n", body_start, end) + 1
        if line_start <= body_start:
            return ()
        line = prose[line_start:end]
    if not _is_signature_line(line):
        return ()
    words = tuple(w for w in line.strip().lstrip("-–—~ ").rstrip(".").split() if w[:1].isalpha())
    not_names = _phrases(lang).not_names
    if not words or len(words) > 3 or any(fold(w, lang) in not_names for w in words):
        return ()
    return words
