"""The phrase syntax of the language data, compiled to regular expressions.

A phrase is words separated by spaces (a space matches any run of whitespace):

- ``word*`` matches the word with any suffix ("hatanız*" matches "hatanızdan");
- ``(a|b)`` gives alternatives; groups may nest, and an empty alternative makes a group
  optional: "you (should have|should've) read", "your (own |)fault". The space next to
  an optional group goes with it, so "your (own |)fault" and "passed it (on|)" match
  "your fault" and "passed it";
- ``'`` matches both apostrophes (the folded text has ``'`` for ``’``).

Patterns run over language-folded text, so a phrase is written in lower case and
matches any case. The functions here only translate; engines/phrases.py finds phrases
in a document. Errors in a phrase raise ``ValueError``; the caller names the file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from netiquette.text.fold import fold

#: The end of a phrase: not inside a word ("deploy" is not in "deploy-ready" or
#: "deployed"). Patterns run over folded text, where every apostrophe is "'".
WORD_END = r"(?![\w'-]\w)(?!\w)"
#: The start of a phrase, for searches that do not start at a token: not inside a word
#: either ("mail" is not in "e-mail", see ``inside_word``).
WORD_START = r"(?<![\w'’])(?<!\w[-'’])"
_SPACE = r"\s+"


def inside_word(text: str, start: int) -> bool:
    """True when ``start`` continues a hyphenated or elided word ("ya" in "ya-ya")."""
    return start >= 2 and text[start - 1] in "-'’" and text[start - 2].isalnum()


def split_alternatives(inner: str) -> list[str]:
    """``inner`` (the inside of a group) split at the ``|`` outside nested groups."""
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
    raise ValueError(f"unbalanced '(' in phrase {text!r}")


def _spellings(text: str) -> list[str]:
    results = [""]
    i = 0
    while i < len(text):
        if text[i] == "(":
            close = _closing(text, i)
            options = [
                s for alt in split_alternatives(text[i + 1 : close]) for s in _spellings(alt)
            ]
            results = [r + o for r in results for o in options]
            i = close + 1
        elif text[i] == ")":
            raise ValueError(f"unbalanced ')' in phrase {text!r}")
        else:
            close = text.find("(", i)
            close = len(text) if close < 0 else close
            if ")" in text[i:close]:
                raise ValueError(f"unbalanced ')' in phrase {text!r}")
            results = [r + text[i:close] for r in results]
            i = close
    return results


def expand(phrase: str) -> list[str]:
    """Every spelling of ``phrase`` with its groups resolved, spaces collapsed, without
    duplicates ("you (should have|should've) read" -> two spellings)."""
    return list(_expanded(phrase))


@lru_cache(maxsize=8192)
def _expanded(phrase: str) -> tuple[str, ...]:
    # Building a linter expands each phrase several times (index keys, heads, checks).
    return tuple(dict.fromkeys(" ".join(s.split()) for s in _spellings(phrase)))


def group_count(phrase: str) -> int:
    """The number of top-level groups: ``{1}`` ... ``{n}`` may refer to them."""
    count = depth = 0
    for char in phrase:
        if char == "(":
            count += depth == 0
            depth += 1
        elif char == ")":
            depth -= 1
    return count


def phrase_words(phrase: str) -> list[str]:
    """Every word a phrase can contain ("(a|b c) d" -> a, b, c, d)."""
    return phrase.replace("(", " ").replace(")", " ").replace("|", " ").split()


def _word_regex(word: str, lang: str) -> str:
    folded = fold(word, lang)
    if folded.endswith("*") and len(folded) > 1:
        return re.escape(folded[:-1]) + r"\w*"
    return re.escape(folded)


def _opens_with_space(text: str) -> bool:
    """True when ``text`` starts with a group whose alternatives start with a space or
    are empty ("( today|)")."""
    if not text.startswith("("):
        return False
    alternatives = split_alternatives(text[1 : _closing(text, 0)])
    return all(not a or a[0].isspace() for a in alternatives)


def phrase_regex(phrase: str, lang: str, capture: bool = True) -> str:
    """The regular expression (over folded text) for ``phrase``, without word bounds.

    Top-level groups capture (for ``{1}`` ...) when ``capture`` is true; nested ones
    do not. An optional group takes one space next to it along: the one after it
    ("your (own |)fault", "(please|) calm"), or at the end of the phrase the one
    before it ("passed it (on|)"). An optional group that is glued to the next word
    must carry its own spaces ("(so |very |)sorry", not "(so|)sorry").
    """
    parts: list[str] = []
    i = 0
    while i < len(phrase):
        char = phrase[i]
        if char == "(":
            opening = i
            close = _closing(phrase, i)
            alternatives = split_alternatives(phrase[i + 1 : close])
            optional = "" in alternatives
            bodies = sorted({a for a in alternatives if a}, key=lambda a: (-len(a), a))
            rendered = [phrase_regex(b, lang, capture=False) for b in bodies]
            i = close + 1
            if optional:
                space_before = not parts or parts[-1] == _SPACE
                rest = phrase[i:]
                if space_before and rest[:1].isspace():
                    # "your (own|) fault", "(please|) calm": take the space after along.
                    rendered = [r if r.endswith(_SPACE) else r + _SPACE for r in rendered]
                    i += 1
                elif parts and space_before and (not rest or _opens_with_space(rest)):
                    # "passed it (on|)", "this (for you|)( today|)": the space before.
                    parts.pop()
                    rendered = [r if r.startswith(_SPACE) else _SPACE + r for r in rendered]
                elif parts and space_before and not all(b[-1:].isspace() for b in bodies):
                    raise ValueError(
                        f"optional group {phrase[opening : close + 1]!r} in {phrase!r} is "
                        "glued to the next word: end its alternatives with a space, or "
                        "put a space after it"
                    )
                rendered.append("")
            parts.append(("(" if capture else "(?:") + "|".join(rendered) + ")")
        elif char == ")":
            raise ValueError(f"unbalanced ')' in phrase {phrase!r}")
        elif char.isspace():
            if not parts or parts[-1] != _SPACE:
                parts.append(_SPACE)
            i += 1
        else:
            end = i
            while end < len(phrase) and phrase[end] not in "()" and not phrase[end].isspace():
                end += 1
            parts.append(_word_regex(phrase[i:end], lang))
            i = end
    return "".join(parts)


def search_regex(phrase: str, lang: str) -> str:
    """``phrase`` as a whole-word pattern to search anywhere in folded text."""
    return WORD_START + f"(?:{phrase_regex(phrase, lang, capture=False)})" + WORD_END


def _first_chars(phrases: Sequence[str], lang: str) -> str | None:
    """The characters the spellings of ``phrases`` can start with (folded), or None when
    one of them starts with something other than a letter or digit."""
    chars = set()
    for phrase in phrases:
        for spelled in expand(phrase):
            first = fold(spelled, lang)[:1]
            if not first.isalnum():
                return None
            chars.add(first)
    return "".join(sorted(chars))


def word_alternation(phrases: Sequence[str], lang: str) -> str:
    """A regular expression (over folded text) matching any of ``phrases`` as whole
    words; entries that start or end with a mark ("?", ",") match as they are.

    The word-start test is written once, before the alternation, and led by the set of
    possible first letters, so that the regular-expression engine can skip most
    positions quickly (one look-behind per alternative makes a search ~10x slower).
    """
    at_word: list[str] = []
    other: list[str] = []
    longest = {str(p): max(len(s) for s in expand(str(p))) for p in phrases}
    for phrase in sorted(longest, key=lambda p: (-longest[p], p)):
        body = phrase_regex(phrase, lang, capture=False)
        if phrase[-1:].isalnum() or phrase.endswith(")"):
            body = f"(?:{body}){WORD_END}"
        (at_word if phrase[:1].isalnum() or phrase.startswith("(") else other).append(body)
    parts = []
    if at_word:
        starts = [p for p in longest if p[:1].isalnum() or p.startswith("(")]
        chars = _first_chars(starts, lang)
        lead = f"(?=[{re.escape(chars)}])" if chars else ""
        parts.append(lead + WORD_START + "(?:" + "|".join(at_word) + ")")
    if other:
        parts.append("(?:" + "|".join(other) + ")")
    return "(?:" + "|".join(parts) + ")" if parts else r"(?!x)x"
