"""What a report format says of a rule (built by the CLI from the registry)."""

from __future__ import annotations

from dataclasses import dataclass

#: Where each rule's page is, relative to the repository root (docs/rules/).
RULE_DOCS = "docs/rules"


@dataclass(frozen=True)
class RuleDoc:
    id: str
    name: str
    category: str
    severity: str
    summary: str
    help_text: str
    #: Where it is documented, relative to the repository root, when not in docs/rules.
    page: str = ""

    @property
    def help_uri(self) -> str:
        return self.page or f"{RULE_DOCS}/{self.id}-{self.name}.md"
