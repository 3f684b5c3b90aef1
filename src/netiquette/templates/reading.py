"""Reading templates: files, folders, texts and mappings into records, ids unique.

``read_sources(sources)`` accepts:

- a path (``str`` or ``os.PathLike``) to a file: a ``.txt``/``.md`` template (id = the
  file's stem, or ``id`` in its YAML front matter), a CSV file or a Zendesk, Freshdesk
  or Help Scout JSON export (:mod:`netiquette.templates.formats`, ``format=``);
- a path to a folder: every ``.txt``, ``.md`` and ``.markdown`` file inside it,
  recursively (hidden files and folders skipped), id = the ``id`` of its front matter
  or the path relative to the folder without its suffix, with ``/`` separators
  (``billing/refund-approved``);
- a mapping of id -> template text;
- an iterable mixing paths and template texts. A text gets the id ``template-<n>``
  (``n`` its 1-based position in the iterable).

How a ``str`` is told apart: a single ``str`` is always a path. In an iterable, a
``str`` of one line is a path when it names an existing file or folder, has no
whitespace (a template is never one word, so ``"templats/"`` is a mistyped path, not a
template) or ends with ``/``, ``\\`` or a template suffix (``"my templates/"``);
anything else is a template text. A path that does not exist is a
:class:`~netiquette.errors.TemplateError`, and so are a binary file, a file that is
not UTF-8 (the one decoder: ``netiquette.sources.decode``), an unreadable or too
large file, malformed JSON, CSV or front matter, an unknown format and two templates
with the same id (checked here, for loading and for the audit alike: the first is
kept). With ``on_error="raise"`` the first of them is raised; with ``"collect"`` the
bad file or record is skipped, the rest is read and the errors (each naming the file
and line) are returned. Blank templates and folders without templates only warn
(:class:`TemplateWarning`), since they hold nothing to lose.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Union

from netiquette.core import InputError, TemplateError
from netiquette.sources import decode, read_limited, walk
from netiquette.templates.formats import (
    TEXT_SUFFIXES,
    ReadResult,
    TemplateFileError,
    TemplateRecord,
    check_format,
    read_templates,
)

MAX_TEMPLATE_BYTES = 1_000_000

TemplateSources = Union[
    str,
    "os.PathLike[str]",
    Mapping[str, str],
    Iterable[Union[str, "os.PathLike[str]"]],
]


class TemplateWarning(UserWarning):
    """A template source held nothing to load (a blank file, an empty folder)."""


def duplicate_id(template_id: str, first: str, second: str) -> str:
    """The message for a second template with an id already taken."""
    return f"two templates have the id '{template_id}' ({first} and {second}); rename one of them"


class _Reader:
    """Records and problems in reading order; the first template of an id is kept."""

    def __init__(self, fmt: str, on_error: str, follow_symlinks: bool = False) -> None:
        self.follow_symlinks = follow_symlinks
        if on_error not in ("raise", "collect"):
            raise ValueError(f"on_error must be 'raise' or 'collect', got {on_error!r}")
        self.fmt = check_format(fmt, "templates format")
        self.raise_errors = on_error == "raise"
        self.records: list[TemplateRecord] = []
        self.problems: list[TemplateError] = []
        self._seen: dict[str, str] = {}

    def problem(self, error: TemplateError) -> None:
        if self.raise_errors:
            raise error
        self.problems.append(error)

    def record(self, record: TemplateRecord) -> None:
        first = self._seen.get(record.id)
        if first is not None:
            message = duplicate_id(record.id, first, record.location or "a template text")
            if record.source:
                self.problem(TemplateFileError(record.source, message, line=record.line))
            else:
                self.problem(TemplateError(message))
            return
        self._seen[record.id] = record.location or f"template '{record.id}'"
        self.records.append(record)

    def path(self, item: str | os.PathLike[str]) -> None:
        try:
            result = read_path(item, self.fmt, follow_symlinks=self.follow_symlinks)
        except TemplateError as exc:
            self.problem(exc)
            return
        for error in result.problems:
            self.problem(error)
        for record in result.records:
            self.record(record)

    def mapping(self, texts: Mapping[Any, object]) -> None:
        """Records of ``id -> text`` (:meth:`text` for each, in one loop: a mapping may
        hold 100,000 templates)."""
        seen, records = self._seen, self.records
        for template_id, text in texts.items():
            if not isinstance(text, str):
                raise TemplateError(
                    f"template '{template_id}' must be a string, got {type(text).__name__}"
                )
            key = str(template_id)
            source = f"template '{template_id}'"
            if key in seen:
                self.problem(TemplateError(duplicate_id(key, seen[key], source)))
                continue
            seen[key] = source
            records.append(TemplateRecord(key, text, source=source))

    def text(self, template_id: str, text: str, source: str) -> None:
        first = self._seen.get(template_id)
        if first is not None:
            self.problem(TemplateError(duplicate_id(template_id, first, source)))
            return
        self._seen[template_id] = source
        self.records.append(TemplateRecord(template_id, text, source=source))


def read_sources(
    sources: TemplateSources,
    fmt: str = "auto",
    *,
    on_error: str = "raise",
    follow_symlinks: bool = False,
) -> tuple[list[TemplateRecord], list[TemplateError]]:
    """The records of paths, folders, texts or a mapping (see the module docstring),
    and the problems skipped with ``on_error="collect"``. Symbolic links in folders
    that lead out of them are skipped with a warning unless ``follow_symlinks``."""
    reader = _Reader(fmt, on_error, follow_symlinks)
    if isinstance(sources, (str, os.PathLike)):
        reader.path(sources)
    elif isinstance(sources, Mapping):
        reader.mapping(sources)
    elif isinstance(sources, Iterable) and not isinstance(sources, (bytes, bytearray)):
        for n, item in enumerate(sources, 1):
            if isinstance(item, os.PathLike) or (isinstance(item, str) and _is_path(item)):
                reader.path(item)
            elif isinstance(item, str):
                reader.text(f"template-{n}", item, f"template text #{n}")
            else:
                raise TemplateError(
                    f"template source #{n} must be a path or a text, got {type(item).__name__}"
                )
    else:
        raise TemplateError(
            "templates must be a path, a folder, a list of paths or texts, or a mapping"
            f" of id to text; got {type(sources).__name__}"
        )
    return reader.records, reader.problems


def _is_path(item: str) -> bool:
    """How a ``str`` in a list is told apart from a template text (module docstring)."""
    if "\n" in item:
        return False
    stripped = item.strip()
    if not stripped:
        return False
    return (
        os.path.exists(item)
        or not any(c.isspace() for c in stripped)
        or stripped.endswith(("/", "\\", *TEXT_SUFFIXES))
    )


def read_path(
    path: str | os.PathLike[str], fmt: str = "auto", *, follow_symlinks: bool = False
) -> ReadResult:
    """The template(s) of a file, or of every .txt/.md file in a folder (symbolic links
    out of the folder skipped with a warning unless ``follow_symlinks``)."""
    folder = Path(path)
    if folder.is_dir():
        if fmt not in ("auto", "text"):
            raise TemplateFileError(
                folder, f"a folder holds .txt/.md templates; give the {fmt} export file itself"
            )
        found = walk(folder, TEXT_SUFFIXES, follow_symlinks=follow_symlinks)
        for skipped in found.skipped:
            warnings.warn(skipped, TemplateWarning, stacklevel=4)
        files = found.files
        if not files:
            warnings.warn(
                f"{folder}: no {', '.join(TEXT_SUFFIXES[:-1])} or {TEXT_SUFFIXES[-1]} templates "
                "in this folder",
                TemplateWarning,
                stacklevel=4,
            )
        result = ReadResult()
        for p in files:
            default_id = p.relative_to(folder).with_suffix("").as_posix()
            try:
                one = read_templates(p, read_file(p), "text", default_id=default_id)
            except TemplateError as exc:
                result.problems.append(exc)
                continue
            result.records.extend(one.records)
        return result
    if folder.exists():  # a file, or a device or pipe that read_file refuses
        return read_templates(folder, read_file(folder), fmt, default_id=folder.stem)
    raise TemplateError(
        f"{folder}: template file or folder not found (a template text must be given "
        "in a list or a mapping, not as a single string)"
    )


def read_file(path: Path) -> str:
    """The text of one template file: a regular file of at most MAX_TEMPLATE_BYTES, in
    UTF-8 (a TemplateError naming the file otherwise)."""
    try:
        return decode(read_limited(path, MAX_TEMPLATE_BYTES, "template file"), str(path))
    except InputError as exc:
        raise TemplateError(str(exc)) from None
