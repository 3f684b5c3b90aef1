"""Reading language data: YAML or TXT package data under ``netiquette/lang/<iso>/``.

Every YAML file is checked against its schema (:mod:`netiquette.lang.schema`) when it
is read; a file is read once per process.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

from netiquette.core import ConfigError
from netiquette.lang import schema

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """YAML 1.2 booleans: only true/false. Words such as "no", "on", "yes" and "off"
    are data here (chat-speak, shouted words), not booleans. A key twice in one
    mapping is an error: PyYAML keeps the last one silently, so an entry with two
    ``tr:`` messages would show the wrong one."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                duplicate = key in seen
                seen.add(key)
            except TypeError:  # an unhashable key: the constructor reports it
                continue
            if duplicate:
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    f"the key {key!r} is given twice",
                    key_node.start_mark,
                )
        return super().construct_mapping(node, deep)


DataLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
DataLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def parse_yaml(text: str, loader: Any = DataLoader) -> Any:
    """Parse YAML with ``loader``: language data and fixtures with YAML 1.2 booleans
    (the default), template front matter with its own loader. Only loaders built on
    PyYAML's safe constructor are accepted, so no YAML can create a Python object."""
    constructors = yaml.constructor
    if not issubclass(loader, constructors.SafeConstructor) or issubclass(
        loader,
        constructors.FullConstructor,  # the full and unsafe ones extend the safe one
    ):
        raise TypeError(f"{loader.__name__} is not a safe YAML loader")
    parser = loader(text)
    try:
        return parser.get_single_data()
    finally:
        parser.dispose()


def folder(lang: str) -> Any:
    """The package folder of ``lang`` (an importlib.resources Traversable)."""
    return resources.files("netiquette").joinpath("lang", lang)


@cache
def codes() -> tuple[str, ...]:
    """The languages netiquette has: every folder of ``lang/`` with a language.yaml."""
    root = resources.files("netiquette").joinpath("lang")
    return tuple(
        sorted(
            entry.name
            for entry in root.iterdir()
            if entry.is_dir() and entry.joinpath("language.yaml").is_file()
        )
    )


def has_file(lang: str, name: str) -> bool:
    """Whether ``lang`` has the data file ``name``."""
    return bool(folder(lang).joinpath(name).is_file())


@cache
def load(lang: str, name: str) -> Any:
    """Parse ``lang/<lang>/<name>``: YAML for .yaml (checked against its schema), a
    list of lines for .txt.

    TXT files hold one entry a line; blank lines and lines starting with ``#`` are skipped.
    A missing file gives an empty value, so a language may leave a rule without data.
    """
    path = folder(lang).joinpath(name)
    if not path.is_file():
        return [] if name.endswith(".txt") else {}
    text = path.read_text(encoding="utf-8")
    if name.endswith(".txt"):
        return [
            line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
        ]
    where = f"lang/{lang}/{name}"
    try:
        data = parse_yaml(text) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: invalid YAML: {exc}") from None
    schema.validate(data, name, where)
    return data


_TOP_LEVEL_KEY = re.compile(r"^([^\s#\-][^:\n]*):", re.MULTILINE)


@cache
def sections(lang: str, name: str) -> frozenset[str]:
    """The top-level keys of the YAML file ``name`` of ``lang`` (empty when missing),
    read from the text without parsing it: enough to tell which rules have data in a
    language (``netiquette rules``) without loading every file. A test checks they
    are the keys ``load`` finds."""
    path = folder(lang).joinpath(name)
    if not path.is_file():
        return frozenset()
    return frozenset(_TOP_LEVEL_KEY.findall(path.read_text(encoding="utf-8")))


def available_files(lang: str) -> list[str]:
    """Names of the data files of ``lang``."""
    return sorted(p.name for p in folder(lang).iterdir() if p.name.endswith((".yaml", ".txt")))
