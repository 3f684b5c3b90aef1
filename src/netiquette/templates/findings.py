"""What the template audit reports: :class:`TemplateFinding` and the ids of its own
checks (NQT: 1xx placeholders, 3xx size; the linter's rules keep their NQ ids)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Audit finding ids: 1xx placeholders (errors), 2xx duplicates, 3xx size.
UNBALANCED = ("NQT101", "unbalanced-placeholder")
SPACE_IN_NAME = ("NQT102", "space-in-variable")
UNKNOWN_VARIABLE = ("NQT103", "unknown-variable")
EMPTY = ("NQT301", "empty-template")
TINY = ("NQT302", "tiny-template")
#: Each audit check's severity and what it looks for (the CI formats' rule list;
#: docs/templates.md explains them).
CHECKS: dict[tuple[str, str], tuple[str, str]] = {
    UNBALANCED: ("error", "A placeholder opened and never closed, or closed and never opened."),
    SPACE_IN_NAME: ("error", "A space inside a variable name, which no helpdesk fills in."),
    UNKNOWN_VARIABLE: ("error", "A variable that is not on the list of known variables."),
    EMPTY: ("error", "An empty template, which sends nothing."),
    TINY: ("warning", "A template of fewer than five words, too short to help anyone."),
}


@dataclass(frozen=True)
class TemplateFinding:
    """One problem of one template, ``line`` in its file when known: a rule's
    suggestion on the template's text, or an audit check (NQT ids)."""

    rule_id: str
    name: str
    severity: str
    message: str
    line: int | None
    match: str = ""
    replacements: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "match": self.match,
            "replacements": list(self.replacements),
        }
