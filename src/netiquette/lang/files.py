"""Language data files: YAML or TXT package data under ``netiquette/lang/<iso>/``."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

from netiquette.core import UnsupportedLanguageError

LANGUAGES: tuple[str, ...] = ("en", "tr")
#: Accepted for ``lang``: choose English or Turkish per text (netiquette.langid).
AUTO = "auto"


_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """YAML 1.2 booleans: only true/false. Words such as "no", "on", "yes" and "off"
    are data here (chat-speak, shouted words), not booleans."""


DataLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
DataLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def parse_yaml(text: str) -> Any:
    """Parse language data or fixtures with YAML 1.2 booleans."""
    return yaml.load(text, Loader=DataLoader)


def check_language(lang: str) -> str:
    """Return ``lang`` normalised, or raise UnsupportedLanguageError."""
    if not isinstance(lang, str):
        raise UnsupportedLanguageError(f"language must be a string, got {type(lang).__name__}")
    code = lang.strip().lower().replace("_", "-").split("-")[0]
    if code == AUTO:
        return code
    if code not in LANGUAGES:
        supported = ", ".join(LANGUAGES)
        raise UnsupportedLanguageError(
            f"unsupported language {lang!r} (supported: {supported}, or {AUTO})"
        )
    return code


@cache
def load(lang: str, name: str) -> Any:
    """Parse ``lang/<lang>/<name>``: YAML for .yaml, a list of lines for .txt.

    TXT files hold one entry a line; blank lines and lines starting with ``#`` are skipped.
    A missing file gives an empty value, so a language may leave a rule without data.
    """
    path = resources.files("netiquette").joinpath("lang", lang, name)
    if not path.is_file():
        return [] if name.endswith(".txt") else {}
    text = path.read_text(encoding="utf-8")
    if name.endswith(".txt"):
        return [
            line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
        ]
    return parse_yaml(text) or {}


def available_files(lang: str) -> list[str]:
    """Names of the data files of ``lang``."""
    folder = resources.files("netiquette").joinpath("lang", lang)
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".yaml", ".txt")))
