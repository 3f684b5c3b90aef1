"""Reading template files: plain text and Markdown, CSV and helpdesk JSON exports.

One job: turn a file into :class:`TemplateRecord` objects (id, title, body, lang, tags
and the line it starts on). Matching lives in :mod:`netiquette.templates.matching`.

Formats (``format=`` / ``--templates-format`` / ``templates_format``):

``text``
    A ``.txt`` or ``.md`` file is one template; optional YAML front matter (``---``
    lines) gives ``id``, ``title``, ``lang`` and ``tags``. The body is kept as is.
``csv``
    A header row naming an ``id``, a ``title`` (or ``name``) and a ``body`` (or
    ``text``, ``content``) column; only the body column is required.
``zendesk``
    Zendesk macros: ``{"macros": [{"id", "title", "actions": [{"field":
    "comment_value", "value"}]}]}`` (or ``comment_value_html``; a bare list or one
    ``{"macro": {...}}`` also load). Macros without a comment action are skipped.
``freshdesk``
    Freshdesk canned responses: a list of ``{"id", "title", "content"}`` (or
    ``content_html``), or ``{"canned_responses": [...]}``.
``helpscout``
    Help Scout saved replies: a list of ``{"id", "name", "text"}``, or the API's
    ``{"_embedded": {"saved-replies": [...]}}``.

``auto`` (the default) goes by the file name (``.txt``/``.md``, ``.csv``) and, for JSON,
by its shape. HTML bodies (Zendesk/Freshdesk ``*_html`` values, Help Scout ``text``) are
kept as the template's text; :func:`strip_html` gives the words used for matching.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netiquette.core import TemplateError
from netiquette.text.escape import lone_surrogate
from netiquette.text.markup import looks_like_html

FORMATS = ("auto", "text", "csv", "zendesk", "freshdesk", "helpscout")
#: The one list of suffixes of text and Markdown templates (a folder is read for them).
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
CSV_SUFFIXES = (".csv", ".tsv")
FRONT_MATTER_KEYS = frozenset({"id", "title", "lang", "tags"})

_ID_COLUMNS = ("id", "template_id", "key")
_TITLE_COLUMNS = ("title", "name", "subject")
_BODY_COLUMNS = ("body", "text", "content", "template", "value")


class TemplateFileError(TemplateError):
    """A template file, or one record in it, that cannot be loaded.

    The message starts with ``path:line:`` (``path:line:column:`` for malformed JSON)
    when the place is known; ``path``, ``line`` and ``column`` hold it too.
    """

    def __init__(
        self, path: str | Path, message: str, line: int | None = None, column: int | None = None
    ) -> None:
        self.path = str(path)
        self.line = line
        self.column = column
        where = self.path
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True, slots=True)
class TemplateRecord:
    """One template as read from a file, before normalisation."""

    id: str
    body: str
    title: str | None = None
    lang: str | None = None
    tags: tuple[str, ...] = ()
    source: str = ""
    line: int | None = None
    html: bool = False

    @property
    def location(self) -> str:
        """``path:line`` (or the path alone) of the record."""
        return f"{self.source}:{self.line}" if self.line is not None else self.source


@dataclass
class ReadResult:
    """The records of one file and the problems of records that were skipped."""

    records: list[TemplateRecord] = field(default_factory=list)
    problems: list[TemplateError] = field(default_factory=list)


# -- detection ---------------------------------------------------------------------------


def check_format(value: object, where: str = "templates_format") -> str:
    """``value`` when it is one of :data:`FORMATS`, else a TemplateError."""
    if not isinstance(value, str) or value.lower() not in FORMATS:
        raise TemplateError(
            f"{where}: unknown template format {value!r} (one of {', '.join(FORMATS)})"
        )
    return value.lower()


def detect_format(path: Path, text: str) -> str:
    """The format of a file from its name and, for JSON, its content."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in CSV_SUFFIXES:
        return "csv"
    stripped = text.lstrip()
    if suffix == ".json" or stripped.startswith(("{", "[")):
        return _json_format(path, _parse_json(path, text))
    if suffix:
        raise TemplateFileError(
            path,
            f"unknown template format '{suffix}' (expected .txt, .md, .csv or a helpdesk "
            "JSON export; or pass --templates-format)",
        )
    return "text"


def _json_format(path: Path, data: Any) -> str:
    if isinstance(data, Mapping):
        if "macros" in data or "macro" in data:
            return "zendesk"
        if "canned_responses" in data or "canned_response" in data:
            return "freshdesk"
        embedded = data.get("_embedded")
        if isinstance(embedded, Mapping) and (
            "saved-replies" in embedded or "saved_replies" in embedded
        ):
            return "helpscout"
        if "saved_replies" in data:
            return "helpscout"
        items: list[Any] = [data]
    elif isinstance(data, list):
        items = data
    else:
        items = []
    first = next((item for item in items if isinstance(item, Mapping)), None)
    if first is not None:
        if "actions" in first:
            return "zendesk"
        if "content" in first or "content_html" in first:
            return "freshdesk"
        if "text" in first and "name" in first:
            return "helpscout"
    raise TemplateFileError(
        path,
        "unknown template format: JSON that is not a Zendesk macros, Freshdesk canned "
        "responses or Help Scout saved replies export (pass --templates-format)",
        line=1,
    )


def _parse_json(path: Path, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise TemplateFileError(
            path, f"malformed JSON: {exc.msg}", line=exc.lineno, column=exc.colno
        ) from None
    except RecursionError:
        raise TemplateFileError(path, "malformed JSON: nested too deeply") from None
    except ValueError:  # a number of thousands of digits (int conversion limit)
        raise TemplateFileError(path, "malformed JSON: a number too long to read") from None


# -- reading -----------------------------------------------------------------------------


def read_templates(path: Path, text: str, fmt: str = "auto", *, default_id: str) -> ReadResult:
    """The templates of one file whose decoded content is ``text``.

    ``default_id`` names a text template without an ``id`` in its front matter and
    prefixes the ids of CSV rows without an id column. A problem with the whole file
    raises :class:`TemplateFileError`; a bad record is skipped and listed in
    ``problems``.
    """
    fmt = check_format(fmt)
    if fmt == "auto":
        fmt = detect_format(path, text)
    if fmt == "text":
        return ReadResult([_read_text(path, text, default_id)])
    if fmt == "csv":
        return _read_csv(path, text, default_id)
    data = _parse_json(path, text)
    if fmt == "zendesk":
        return _read_json(path, text, _items(path, data, "macros", "macro"), _zendesk)
    if fmt == "freshdesk":
        return _read_json(
            path, text, _items(path, data, "canned_responses", "canned_response"), _freshdesk
        )
    return _read_json(path, text, _items(path, data, "saved_replies", "saved-replies"), _helpscout)


_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M
)


@functools.cache
def _front_matter_loader() -> Any:
    """PyYAML's safe loader, refusing anchors and aliases: front matter never needs
    them, and nested aliases ("billion laughs") expand a few lines into gigabytes."""
    import yaml

    class FrontMatterLoader(yaml.SafeLoader):
        def compose_node(self, parent: Any, index: Any) -> Any:
            event = self.peek_event()  # type: ignore[no-untyped-call]
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise yaml.composer.ComposerError(
                    None, None, "anchors and aliases (& and *) are not allowed", event.start_mark
                )
            return super().compose_node(parent, index)

    return FrontMatterLoader


def _read_text(path: Path, text: str, default_id: str) -> TemplateRecord:
    match = _FRONT_MATTER.match(text)
    if match is None:
        return TemplateRecord(default_id, text, source=str(path), line=1)
    import yaml

    from netiquette.lang.files import parse_yaml  # with YAML: not for ``netiquette --help``

    try:
        meta = parse_yaml(match.group(1), _front_matter_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1  # +1: 0-based, +1: the "---" line
        problem = getattr(exc, "problem", None) or type(exc).__name__
        raise TemplateFileError(path, f"malformed front matter: {problem}", line=line) from None
    except RecursionError:
        raise TemplateFileError(path, "malformed front matter: nested too deeply", line=1) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, Mapping):
        raise TemplateFileError(path, "front matter must be a mapping of keys to values", line=1)
    template_id = _text_value(path, meta.get("id"), "id", 1) or default_id
    tags = meta.get("tags", ())
    if isinstance(tags, str):
        tags = [t for t in tags.replace(",", " ").split() if t]
    if not isinstance(tags, (list, tuple)) or not all(isinstance(t, (str, int)) for t in tags):
        raise TemplateFileError(
            path, f"front matter 'tags' must be a list, got {type(tags).__name__}", line=1
        )
    body_line = text.count("\n", 0, match.end()) + 1
    return TemplateRecord(
        template_id,
        text[match.end() :],
        title=_text_value(path, meta.get("title"), "title", 1),
        lang=_text_value(path, meta.get("lang"), "lang", 1),
        tags=tuple(str(t) for t in tags),
        source=str(path),
        line=body_line,
    )


def _text_value(path: Path, value: Any, key: str, line: int | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise TemplateFileError(
            path, f"'{key}' must be a string, got {type(value).__name__}", line=line
        )
    if lone_surrogate(str(value)) is not None:
        raise TemplateFileError(
            path, f"'{key}' holds a lone surrogate (half of a character)", line=line
        )
    return str(value).strip() or None


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    folded = [h.strip().lower().lstrip("\ufeff") for h in header]
    for name in names:
        if name in folded:
            return folded.index(name)
    return None


def _read_csv(path: Path, text: str, default_id: str) -> ReadResult:
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    # strict: an unterminated quote is an error, not a field running to the end
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise TemplateFileError(path, _csv_problem(exc), line=1) from None
    if not header:
        raise TemplateFileError(
            path, "empty CSV file: expected a header row (id, title, body)", line=1
        )
    body_col = _column(header, _BODY_COLUMNS)
    if body_col is None:
        raise TemplateFileError(
            path,
            f"CSV header has no body column (one of {', '.join(_BODY_COLUMNS)}); "
            f"found {len(header)} other column{'' if len(header) == 1 else 's'}",
            line=1,
        )
    id_col = _column(header, _ID_COLUMNS)
    title_col = _column(header, _TITLE_COLUMNS)
    result = ReadResult()
    row_start = reader.line_num + 1
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise TemplateFileError(path, _csv_problem(exc), line=row_start) from None
        line = row_start
        row_start = reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        number += 1
        if body_col >= len(row):
            result.problems.append(
                TemplateFileError(path, f"row has {len(row)} columns, no body", line=line)
            )
            continue
        template_id = row[id_col].strip() if id_col is not None and id_col < len(row) else ""
        title = row[title_col].strip() if title_col is not None and title_col < len(row) else ""
        result.records.append(
            TemplateRecord(
                template_id or f"{default_id}-{number}",
                row[body_col],
                title=title or None,
                source=str(path),
                line=line,
            )
        )
    return result


def _csv_problem(exc: csv.Error) -> str:
    """What is wrong, in words that name our limits rather than the csv module's."""
    message = str(exc)
    if "field larger than field limit" in message:
        return (
            f"malformed CSV: a cell longer than {csv.field_size_limit():,} characters "
            "(the most one template cell may hold)"
        )
    if "unexpected end of data" in message:
        return "malformed CSV: a quoted cell is never closed"
    return f"malformed CSV: {message}"


def _items(path: Path, data: Any, *keys: str) -> list[Any]:
    """The list of records of a JSON export: a bare list, ``{key: [...]}``, ``{key: {...}}``
    (one record), ``{"_embedded": {key: [...]}}`` or one record."""
    if isinstance(data, list):
        return data
    if isinstance(data, Mapping):
        for container in (data, data.get("_embedded")):
            if not isinstance(container, Mapping):
                continue
            for key in keys:
                if key in container:
                    value = container[key]
                    return value if isinstance(value, list) else [value]
        return [data]
    raise TemplateFileError(
        path, f"expected a JSON object or list, got {type(data).__name__}", line=1
    )


_Extract = tuple[Any, "str | None", str, bool]  # id, title, body, is_html


def _zendesk(item: Mapping[str, Any]) -> _Extract | None:
    plain: str | None = None
    rich: str | None = None
    actions = item.get("actions") or ()
    if not isinstance(actions, list):
        raise ValueError(f"'actions' must be a list, got {type(actions).__name__}")
    for action in actions:
        if not isinstance(action, Mapping):
            continue
        value = action.get("value")
        if isinstance(value, list):  # ["channel:all", "the text"] in older exports
            value = next((v for v in reversed(value) if isinstance(v, str)), None)
        if not isinstance(value, str):
            continue
        if action.get("field") == "comment_value":
            plain = value
        elif action.get("field") == "comment_value_html":
            rich = value
    if plain is None and rich is None:
        return None  # a macro that only sets fields: no text to compare
    if plain is not None:
        return item.get("id"), _opt_str(item.get("title")), plain, looks_like_html(plain)
    assert rich is not None
    return item.get("id"), _opt_str(item.get("title")), rich, True


def _freshdesk(item: Mapping[str, Any]) -> _Extract | None:
    content = item.get("content")
    if isinstance(content, str) and content.strip():
        return item.get("id"), _opt_str(item.get("title")), content, looks_like_html(content)
    rich = item.get("content_html")
    if isinstance(rich, str):
        return item.get("id"), _opt_str(item.get("title")), rich, True
    if isinstance(content, str):
        return item.get("id"), _opt_str(item.get("title")), content, False
    raise ValueError("no 'content' or 'content_html' text")


def _helpscout(item: Mapping[str, Any]) -> _Extract | None:
    text = item.get("text")
    if not isinstance(text, str):
        raise ValueError("no 'text' (a saved reply list without texts: export each reply)")
    return item.get("id"), _opt_str(item.get("name")), text, looks_like_html(text)


def _opt_str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _id_lines(text: str) -> Iterator[tuple[int, int]]:
    """(offset, line) of every ``"id":`` key in a JSON text, in order."""
    line = 1
    pos = 0
    for match in re.finditer(r'"id"\s*:', text):
        line += text.count("\n", pos, match.start())
        pos = match.start()
        yield match.start(), line


_ID_LOOKAHEAD = 64


def _read_json(path: Path, text: str, items: list[Any], extract: Any) -> ReadResult:
    result = ReadResult()
    # Lines: the n-th record is found at or after the n-th top-level "id" seen so far.
    id_positions = list(_id_lines(text))
    cursor = 0
    for number, item in enumerate(items, 1):
        if not isinstance(item, Mapping):
            result.problems.append(
                TemplateFileError(path, f"record #{number} is not a JSON object", line=None)
            )
            continue
        line: int | None = None
        raw_id = item.get("id")
        if raw_id is not None:
            wanted = (json.dumps(raw_id), str(raw_id))
            # Nested objects may hold "id" keys too: look a little way ahead only.
            for k in range(cursor, min(cursor + _ID_LOOKAHEAD, len(id_positions))):
                offset, at = id_positions[k]
                after = text[offset + 4 : offset + 24 + len(wanted[0])].lstrip(" \t\r\n:")
                if any(
                    after.startswith(w) and not after[len(w) : len(w) + 1].isalnum() for w in wanted
                ):
                    line, cursor = at, k + 1
                    break
        try:
            extracted = extract(item)
        except ValueError as exc:
            result.problems.append(TemplateFileError(path, f"record #{number}: {exc}", line=line))
            continue
        if extracted is None:
            continue
        template_id, title, body, is_html = extracted
        if any(lone_surrogate(str(v or "")) is not None for v in (body, title, template_id)):
            result.problems.append(
                TemplateFileError(
                    path,
                    f"record #{number}: its text, title or id holds a lone surrogate (a "
                    "\\ud800-style escape: half of a character)",
                    line=line,
                )
            )
            continue
        if (
            template_id is None
            or isinstance(template_id, bool)
            or not isinstance(template_id, (str, int))
        ):
            if template_id is not None:
                kind = type(template_id).__name__
                result.problems.append(
                    TemplateFileError(
                        path,
                        f"record #{number}: the id must be text or a number, not {kind}",
                        line=line,
                    )
                )
                continue
            template_id = f"{path.stem}-{number}"
        result.records.append(
            TemplateRecord(
                str(template_id),
                body,
                title=title,
                source=str(path),
                line=line,
                html=is_html,
            )
        )
    return result
