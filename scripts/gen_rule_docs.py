"""Write docs/rules/ from the rules' docstrings: one page per rule and an index.

Run `make docs` after changing a rule; tests/test_docs.py fails when the pages are stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from netiquette.config import LANGUAGE_DEFAULTS, OPTIONS
from netiquette.lang import get
from netiquette.registry import RuleInfo, rules

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"


def page(info: RuleInfo) -> str:
    summary, _, body = info.documentation.partition("\n")
    header = (
        f"# {info.id} {info.name}\n\n"
        f"{summary.strip()}\n\n"
        f"| category | severity | languages |\n|---|---|---|\n"
        f"| {info.category} | {info.severity} | {', '.join(info.languages)} |\n\n"
        f"Message: {info.message}\n\n"
        f"Fix safety: {_FIX[info.fix_safety]}\n"
    )
    return header + body.rstrip() + "\n" + _settings(info)


_FIX = {
    "safe": "safe (`netiquette fix` applies its replacements; see Fix safety below)",
    "unsafe": "unsafe (`netiquette fix` applies its replacements only with `--unsafe-fixes`)",
}


def _settings(info: RuleInfo) -> str:
    """The rule's data file and the settings it reads, with their defaults."""
    lines = []
    if info.data_file:
        lines.append(f"- Language data: `lang/<iso>/{info.data_file}`")
    for name in info.options:
        key = name.replace("_", "-")
        if name in LANGUAGE_DEFAULTS:
            values = ", ".join(f"{code} {get(code).options[name]}" for code in info.languages)
            default = f"the language's ({values})"
        else:
            default = f"`{OPTIONS[name].default!r}`"
        lines.append(f"- Setting `{key}`: {OPTIONS[name].metadata['help']}; default {default}")
    if not lines:
        return ""
    return "\n## Settings and data\n" + "\n".join(lines) + "\n"


def index(infos: list[RuleInfo]) -> str:
    lines = [
        "# Rules",
        "",
        "Generated from the rules' docstrings by `make docs`; do not edit by hand.",
        "",
        "fix: `netiquette fix` applies the replacements of a safe rule, and those of an",
        "unsafe one only with `--unsafe-fixes` (docs/usage.md, Fixing).",
        "",
        "| id | name | category | severity | languages | fix | what it flags |",
        "|---|---|---|---|---|---|---|",
    ]
    for info in infos:
        lines.append(
            f"| [{info.id}]({info.id}-{info.name}.md) | {info.name} | {info.category} | "
            f"{info.severity} | {', '.join(info.languages)} | {info.fix_safety} | {info.summary} |"
        )
    return "\n".join(lines) + "\n"


def expected_pages() -> dict[str, str]:
    infos = rules()
    pages = {f"{i.id}-{i.name}.md": page(i) for i in infos}
    pages["README.md"] = index(infos)
    return pages


def main() -> int:
    DOCS.mkdir(parents=True, exist_ok=True)
    pages = expected_pages()
    for old in DOCS.glob("*.md"):
        if old.name not in pages:
            old.unlink()
    for name, text in pages.items():
        (DOCS / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(pages)} pages to {DOCS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
