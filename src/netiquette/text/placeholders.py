"""Unfilled template placeholders in the syntaxes helpdesks and mail merges use.

Always placeholders (the syntax says so whatever the words):

- ``{{first_name}}``, ``{{ ticket.requester.name }}``, ``{{{raw}}}`` (Mustache,
  Handlebars, Liquid, Zendesk, Intercom, HubSpot, Freshdesk, Gorgias)
- ``{% if customer %}`` (Liquid tags, Help Scout ``{%customer.firstName%}``)
- ``${name}``, ``{!Contact.FirstName}`` (Salesforce), ``*|FNAME|*`` (Mailchimp)
- ``{customer_name}``, ``{brief description of fix}``, ``{0}``: one pair of braces
  round a name or a short description. JSON, CSS and regular-expression braces
  (``{"error": 1}``, ``{color: red}``, ``\\d{3}``, ``{1, 2}``, ``#{ruby}``, ``{x}``)
  are left alone.
- ``%FIRSTNAME%`` (but not ``50% off, 20% more`` nor ``%APPDATA%`` in a Windows path)
- ``XXXX`` / ``#XXXXX`` / ``XXX-XXX-XXXX`` runs of three or more capital X (but not a
  masked card number such as ``XXXX-XXXX-4242``)
- ``____`` a blank of four or more underscores inside a line

Placeholders only when their words say so (the language's ``placeholders.yaml``):
square brackets ``[CUSTOMER NAME]``, ``[insert date]``, ``[[name]]``, angle brackets
``<order number>``, ``<NAME>``, ``<<FIRST_NAME>>``, guillemets ``«FirstName»``, and
``@username``. Their content must hold a placeholder keyword or be a snake_case merge
field, and must not be a filled value (any digit), an e-mail address, a URL,
an HTML tag (``<b>``, ``<br/>``, ``<time>``), a Markdown link (``[click here](...)``),
a checkbox (``[x]``), a footnote (``[1]``) or an editorial mark (``[sic]``,
``[name redacted]``).

``find`` runs on every reply, so a text without any trigger character costs one
regular-expression scan.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from netiquette.lang import load
from netiquette.text.fold import fold


class Placeholder(NamedTuple):
    """One unfilled placeholder: ``text[start:end]``, its syntax and its inner name."""

    start: int
    end: int
    syntax: str
    name: str


# Where a placeholder can start. "$", "*" and "X" start one only before "{" or a
# letter, "|" and "XX" ("${name}", "$order_id", "*|FNAME|*", "XXXX"), "%" and "@" only
# before a letter, "_" only before two more: the lookarounds skip the others (a
# Markdown "*", a price, "%20" in a link, "first_name") at C speed. The pattern starts
# with a character class, so that the regular-expression engine scans for those
# characters alone (an alternation first tries every branch at every character).
_TRIGGER = re.compile(
    r"[{\[<%«@_$*X](?:(?<=[{\[<«])|(?<=[%@])(?=[^\W\d])|(?<=_)(?=__)"
    r"|(?<=\$)(?=[{]|[^\W\d_])|(?<=\*)(?=\|)|(?<=X)(?=XX))"
)

_CANDIDATES = re.compile(
    r"""
      (?P<liquid>\{%-?[^\n]{1,200}?-?%\})
    | (?P<double_brace>\{\{\{?[^{}\n]{1,120}\}\}\}?)
    | (?P<salesforce>\{![A-Za-z_$][\w.$]{0,80}\})
    | (?P<dollar_brace>\$\{[^{}\n]{1,80}\})
    | (?P<mailchimp>\*\|[A-Za-z_][\w:]{0,60}\|\*)
    | (?<![\w}\])\\$#])(?P<single_brace>\{[^{}\n]{1,120}\})(?!\})
    | (?<![\w%])(?P<percent>%[^\W\d][\w.]{0,60}%)(?![\w%])
    | (?P<double_square>\[\[[^\[\]\n]{1,60}\]\])
    | (?<!!)(?P<square>\[[^\[\]\n]{1,80}\])
    | (?P<double_angle><<[^<>\n]{1,60}>>)
    | (?P<angle><[^<>\s][^<>\n]{0,78}(?<=\S)>)
    | (?P<guillemet>«[^«»\n]{1,60}»)
    | (?<![\w-])(?P<x_run>XXX[X\d]*+(?:[-. ][X\d]{2,}+)*+)(?![\w-])
    | (?<![_\w])(?P<blank>_{3,}+)(?![_\w])
    | (?<![\w$])(?P<dollar_var>\$[a-z][a-z0-9]++(?:_[a-z0-9]{2,}+)++)(?![\w\[(]|\.\w|->|\s*=)
    | (?<![\w@])(?P<mention>@[^\W\d]\w*)
    """,
    re.VERBOSE,
)

# One pair of braces: a name or a short description, never code or data.
_BRACE_CONTENT = re.compile(r"^[^\W\d]|^\d$|^#\w")
_NOT_IN_BRACES = re.compile(r"""["':;=<>()\[\]\\`|&*^$@]""")
_HAS_DIGIT = re.compile(r"\d")
# Labels ("Name: Sam"), code ($form['id'], a == b) and quotes are not fill-in names.
_CODE_CHARS = re.compile(r"""[:$"=;{}()]|^'""")
_SNAKE = re.compile(r"^[^\W\d_][^\W_]*(?:_[^\W_]+)+$")
_CAMEL_SPLIT = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_WORDS = re.compile(r"[^\W_]+")
_URL_LIKE = re.compile(
    r"://|^www\.|^mailto:|@|\.(?:pdf|png|jpe?g|gif|docx?|xlsx?|csv|txt|zip|html?|com|org|net)$",
    re.I,
)
_TAG = re.compile(r"^/?([a-z][a-z0-9]*)(?:\s+[\w:-]+(?:=(?:\"[^\"]*\"|'[^']*'|\S+))?)*\s*/?$")
_EXTRA_HTML_TAG = re.compile(r"^[/!?]")


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# HTML elements whose names could pass for placeholder words; <time>, <address> and
# <data> in lower case are markup, <TIME> and <Address> are not.
_HTML_ELEMENTS = _word_set(
    """a abbr address area article aside audio b bdi bdo blockquote body br button canvas
    caption cite code col colgroup data datalist dd del details dfn dialog div dl dt em
    embed fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hr html i
    iframe img input ins kbd label legend li link main map mark menu meta meter nav
    noscript object ol optgroup option output p param picture pre progress q rp rt ruby s
    samp script section select small source span strong style sub summary sup table tbody
    td template textarea tfoot th thead time title tr track u ul var video wbr center font
    tt"""
)

# Windows environment variables are written %LIKE_THIS% in honest instructions.
_ENV_VARS = _word_set(
    """appdata localappdata programdata programfiles programfiles(x86) systemroot
    systemdrive windir temp tmp userprofile homepath homedrive path pathext comspec
    public allusersprofile commonprogramfiles computername userdomain os
    processor_architecture number_of_processors cd errorlevel random"""
)


class _LangData(NamedTuple):
    keywords: frozenset[str]
    not_placeholders: frozenset[str]
    mentions: frozenset[str]
    instructions: frozenset[str]


@lru_cache(maxsize=8)
def _data(lang: str) -> _LangData:
    data = load(lang, "placeholders.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(fold(str(w), lang) for w in data.get(key, []) or [])

    return _LangData(
        words("keywords"), words("not_placeholders"), words("mentions"), words("instructions")
    )


def _content_words(content: str, lang: str) -> list[str]:
    """The words of a bracket's content: snake_case, kebab-case and CamelCase split."""
    return _WORDS.findall(fold(_CAMEL_SPLIT.sub(" ", content), lang))


def _names_a_placeholder(content: str, lang: str) -> bool:
    """True when bracketed ``content`` reads as a merge field or a fill-in instruction."""
    if _HAS_DIGIT.search(content) or _URL_LIKE.search(content) or _CODE_CHARS.search(content):
        return False
    words = _content_words(content, lang)
    if not words or len(words) > 6:
        return False
    data = _data(lang)
    if any(w in data.not_placeholders for w in words):
        return False
    if _SNAKE.match(content.lstrip("#")):
        return True
    if content.isupper() and sum(c.isalpha() for c in content) >= 4:
        return True  # a field name in capitals, in any language: [REGION], [BÖLGE]
    return any(w in data.keywords for w in words)


def _brace_placeholder(content: str) -> bool:
    """``{name}``, ``{brief description of fix}``, ``{0}``; not ``{"a": 1}`` or ``{1, 2}``."""
    content = content.strip()
    if not content or not _BRACE_CONTENT.match(content):
        return False
    if len(content) == 1 and content.islower():
        return False  # a set or a variable in maths: {x}, {r}
    if _NOT_IN_BRACES.search(content):
        return False
    return len(content.split()) <= 14


def _angle_placeholder(content: str, lang: str) -> bool:
    if _EXTRA_HTML_TAG.match(content):
        return False
    tag = _TAG.match(content)
    if tag and tag.group(1) in _HTML_ELEMENTS:
        return False
    return _names_a_placeholder(content, lang)


def _square_placeholder(text: str, start: int, end: int, content: str, lang: str) -> bool:
    after = text[end : end + 1]
    if after in ("(", "["):
        return False  # a Markdown link or reference link: [click here](https://...)
    if after == ":" and (start == 0 or text[start - 1] == "\n"):
        return False  # a Markdown link definition: [1]: https://...
    if after.isalnum() or after == "/" or content.startswith("/"):
        return False  # BBCode and other markup: [url]https://...[/url], [b]
    return _names_a_placeholder(content.strip(), lang) or _is_instruction(content, lang)


#: The longest bracketed note to the agent that reads as a template instruction.
MAX_INSTRUCTION_WORDS = 25


def _is_instruction(content: str, lang: str) -> bool:
    """A note to the agent left in the reply: "[Use this paragraph if the customer is
    eligible - otherwise delete]", "[Müşteri uygunsa bu paragrafı kullan, değilse sil]"."""
    words = _content_words(content, lang)
    if len(words) <= 3 or len(words) > MAX_INSTRUCTION_WORDS:
        return False
    return sum(w in _data(lang).instructions for w in words) >= 2


def _percent_placeholder(text: str, start: int, end: int, content: str) -> bool:
    if content.lower() in _ENV_VARS:
        return False
    before = text[start - 1 : start]
    after = text[end : end + 1]
    return before not in ("\\", "/") and after not in ("\\", "/")


def _blank_placeholder(text: str, start: int, end: int) -> bool:
    """A run of underscores inside a line (not a rule or signature line of its own)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return bool(line.strip().strip("_").strip())


def _accept(kind: str, text: str, start: int, end: int, lang: str) -> str | None:
    """The placeholder's inner name when the candidate is a placeholder, else None."""
    raw = text[start:end]
    if kind in ("double_brace", "liquid"):
        inner = raw.strip("{}%-").strip()
        return inner if inner else None
    if kind in ("salesforce", "dollar_brace", "mailchimp"):
        return raw.strip("{}$!*|").strip() or None
    if kind == "single_brace":
        inner = raw[1:-1]
        return inner.strip() if _brace_placeholder(inner) else None
    if kind == "percent":
        inner = raw[1:-1]
        return inner if _percent_placeholder(text, start, end, inner) else None
    if kind == "x_run":
        return raw if not any(c.isdigit() for c in raw) else None
    if kind == "dollar_var":
        return raw[1:]
    if kind == "blank":
        return raw if _blank_placeholder(text, start, end) else None
    if kind == "mention":
        return raw if fold(raw[1:], lang) in _data(lang).mentions else None
    if kind == "square":
        inner = raw[1:-1]
        return inner.strip() if _square_placeholder(text, start, end, inner, lang) else None
    if kind == "double_square":
        inner = raw[2:-2].strip()
        return inner if _names_a_placeholder(inner, lang) else None
    if kind == "double_angle":
        inner = raw[2:-2].strip()
        return inner if _names_a_placeholder(inner, lang) else None
    if kind == "angle":
        inner = raw[1:-1]
        return inner if _angle_placeholder(inner, lang) else None
    if kind == "guillemet":
        inner = raw[1:-1].strip()
        return inner if _names_a_placeholder(inner, lang) else None
    return None  # pragma: no cover - every group is handled above


def find(text: str, lang: str) -> list[Placeholder]:
    """Every unfilled placeholder in ``text``, in order, not overlapping."""
    found: list[Placeholder] = []
    match = _CANDIDATES.match
    pos = 0
    # Try the candidate patterns only where a trigger character is: one C-level scan
    # for the triggers, then an anchored match at each.
    for trigger in _TRIGGER.finditer(text):
        at = trigger.start()
        if at < pos:
            continue
        m = match(text, at)
        if m is None:
            continue
        kind = m.lastgroup or ""
        start, end = m.span(kind)
        name = _accept(kind, text, start, end, lang)
        if name is None:
            continue  # not a placeholder, but one may start inside it: "<b>{{name}}</b>"
        found.append(Placeholder(start, end, kind.replace("_", "-"), name))
        pos = end
    return found
