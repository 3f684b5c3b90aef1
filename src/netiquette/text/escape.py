"""Untrusted text made safe to print on one line of a report, and the one test for text
that cannot be printed at all (a lone surrogate).

File names, template ids and quoted words come from files that strangers write. On a
line of output they must not start another line (a newline), rewrite the terminal
(escape sequences), reorder what is shown (bidi controls), or become a CI command:
GitHub Actions runs any output line that starts with ``::`` (``::error file=...::``).
"""

from __future__ import annotations

import re

# Control characters, invisible format characters (bidi controls, zero-width marks,
# soft hyphen, BOM) and the Unicode line and paragraph separators.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]"
)


# Half of a UTF-16 pair alone: no encoder accepts it (a JSON or YAML "\\ud800" escape
# decodes to one), so it can be neither checked nor printed.
_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(text: str) -> int | None:
    """The offset of the first lone surrogate in ``text``, or None."""
    found = _SURROGATE.search(text)
    return None if found is None else found.start()


def one_line(text: str) -> str:
    """``text`` with every unsafe character written as an escape (``\\n``, ``\\x1b``,
    ``\\u202e``): one line, shown as it is stored."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda m: repr(m.group())[1:-1], text)


def line_start(name: str) -> str:
    """A file name or id that begins a line of output: :func:`one_line`, and ``./``
    before a name that would otherwise start with ``::`` (a CI workflow command)."""
    name = one_line(name)
    return "./" + name if name.startswith("::") else name
