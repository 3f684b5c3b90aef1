"""Malformed placeholders in a template: what the helpdesk would send as written.

- unbalanced braces (``{{ name }``, ``{name}}``, a ``{{`` never closed on its line, a
  ``}}`` never opened);
- a variable name with a space inside (``{{ first name }}``);
- with a list of known variables (``known_variables``, ``*`` wildcards), a variable not
  on it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fnmatch import fnmatchcase

from netiquette.templates.findings import (
    SPACE_IN_NAME,
    UNBALANCED,
    UNKNOWN_VARIABLE,
    TemplateFinding,
)
from netiquette.text import placeholders

# A run of opening braces, a short name-like content, a run of closing braces.
_BRACED = re.compile(r"(?<!\{)(\{+)([^{}\n]{0,80})(\}+)(?!\})")
_NAME_LIKE = re.compile(r"""^[%#/^&>!-]?\s*[^\W\d][\w.\s-]*(?:\|[^{}]*)?%?-?$""")
_OPEN_ONLY = re.compile(r"(?m)\{\{(?![^\n]*\})[^\n]*$")
_CLOSE_ONLY = re.compile(r"(?m)^[^{\n]*?(\}\})")
_INNER_SPACE = re.compile(r"[^\W_]\s+[^\W_]")
_LIQUID_KEYWORDS = frozenset(
    re.split(
        r"\s+",
        "if elsif else endif unless endunless for endfor case when endcase assign capture "
        "endcapture comment endcomment raw endraw include render break continue cycle "
        "increment decrement liquid echo tablerow endtablerow with endwith",
    )
)
_BLOCK_PREFIX = "#/^>!&"


def _variable(syntax: str, name: str) -> str | None:
    """The variable a placeholder names, or None for control tags and fill-in notes."""
    if syntax not in ("double-brace", "dollar-brace", "liquid"):
        return None
    inner = name.strip().strip("{}").strip()
    if not inner or inner[0] in _BLOCK_PREFIX or inner[0] in "'\"":
        return None
    if syntax == "liquid":
        first = inner.split(None, 1)[0].split(",", 1)[0]
        if first.lower() in _LIQUID_KEYWORDS or " " in inner.split(",", 1)[0].strip():
            return None
        inner = inner.split(",", 1)[0]  # Help Scout: {%customer.firstName,fallback=x%}
    inner = inner.split("|", 1)[0].strip()
    if inner.split(None, 1)[0].lower() in ("else", "this"):
        return None
    return inner


def placeholder_findings(
    text: str, lang: str, known: Sequence[str] = ()
) -> list[tuple[int, TemplateFinding]]:
    """Malformed placeholders of a template as (offset, finding); line left unset."""
    out: list[tuple[int, TemplateFinding]] = []
    for m in _BRACED.finditer(text):
        opening, content, closing = m.groups()
        if len(opening) == len(closing) or max(len(opening), len(closing)) < 2:
            continue
        if not _NAME_LIKE.match(content.strip()):
            continue
        fixed = "{" * max(len(opening), len(closing))
        fixed = f"{fixed}{content}{'}' * len(fixed)}"
        out.append(
            (
                m.start(),
                TemplateFinding(
                    *UNBALANCED,
                    "error",
                    f"'{m.group()}' has {len(opening)} opening and {len(closing)} closing "
                    "braces, so the helpdesk sends it to the customer as written.",
                    None,
                    m.group(),
                    (fixed,),
                ),
            )
        )
    for m in _OPEN_ONLY.finditer(text):
        if any(start <= m.start() < start + len(f.match) for start, f in out):
            continue
        out.append(
            (
                m.start(),
                TemplateFinding(
                    *UNBALANCED,
                    "error",
                    "'{{' is never closed on its line, so the placeholder is sent to the "
                    "customer as written.",
                    None,
                    m.group()[:40],
                ),
            )
        )
    for m in _CLOSE_ONLY.finditer(text):
        at = m.start(1)
        if any(start <= at < start + len(f.match) for start, f in out):
            continue
        out.append(
            (
                at,
                TemplateFinding(
                    *UNBALANCED,
                    "error",
                    "'}}' closes a placeholder that was never opened on its line, so the "
                    "customer sees stray braces.",
                    None,
                    "}}",
                ),
            )
        )
    for p in placeholders.find(text, lang):
        variable = _variable(p.syntax, p.name)
        if variable is None:
            continue
        raw = text[p.start : p.end]
        if _INNER_SPACE.search(variable):
            fixed = raw.replace(variable, re.sub(r"\s+", "_", variable))
            out.append(
                (
                    p.start,
                    TemplateFinding(
                        *SPACE_IN_NAME,
                        "error",
                        f"'{raw}' has a space inside its variable name, which no helpdesk "
                        "fills in, so the customer sees it as written.",
                        None,
                        raw,
                        (fixed,),
                    ),
                )
            )
        elif known and not any(fnmatchcase(variable, pattern) for pattern in known):
            out.append(
                (
                    p.start,
                    TemplateFinding(
                        *UNKNOWN_VARIABLE,
                        "error",
                        f"'{variable}' is not a known variable, so the helpdesk leaves it "
                        "empty or sends it to the customer as written.",
                        None,
                        raw,
                    ),
                )
            )
    out.sort(key=lambda item: item[0])
    return out
