"""A batch of archive rows checked into a batch of results: one row per reply.

:func:`audit_batch` is the one function that makes results, for the local engine and
for Spark alike (their results are equal row for row because of it). It takes the
cells as the archive's reader gives them (strings, bytes, numbers, timestamps: see
:func:`labels` and :func:`times`) and returns a ``pyarrow.RecordBatch`` of
:func:`schema`; docs/archive.md describes the columns. A reply that cannot be checked
keeps its row, with the reason in ``error``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from netiquette.archive.columns import SCORE_COLUMNS, WEEK, Columns
from netiquette.archive.reading import ERROR
from netiquette.archive.reading import valid_text as _valid
from netiquette.core import CATEGORIES, NetiquetteError
from netiquette.lang import AUTO, check_language, codes
from netiquette.linter import Linter
from netiquette.report import Report

#: The most a per-rule count (int16) holds; more suggestions of one rule count as this.
MAX_COUNT = 32767
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MICROSECOND = timedelta(microseconds=1)
#: A number in a time column above this is in milliseconds, else seconds since 1970.
_MILLISECONDS_FROM = 100_000_000_000


def suggestion_type() -> Any:
    import pyarrow as pa

    return pa.struct(
        [
            ("rule_id", pa.string()),
            ("name", pa.string()),
            ("category", pa.string()),
            ("severity", pa.string()),
            ("message", pa.string()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("match", pa.string()),
            ("replacements", pa.list_(pa.string())),
        ]
    )


def schema(rule_ids: Sequence[str], groups: Sequence[str]) -> Any:
    """The results' ``pyarrow.Schema`` for the rules ``rule_ids`` and the group
    columns ``groups`` (read from the archive; ``week`` is always there)."""
    import pyarrow as pa

    fields = [pa.field("row", pa.int64(), nullable=False), pa.field("id", pa.string())]
    fields += [pa.field(g, pa.string()) for g in groups if g != WEEK]
    fields += [
        pa.field("time", pa.timestamp("us", tz="UTC")),
        pa.field(WEEK, pa.string()),
        pa.field("lang", pa.string()),
        pa.field("words", pa.int32()),
        pa.field("score", pa.int16()),
        pa.field("passed", pa.bool_()),
    ]
    fields += [pa.field(name, pa.int16()) for name in SCORE_COLUMNS]
    fields += [pa.field(rule_id, pa.int16(), nullable=False) for rule_id in sorted(rule_ids)]
    fields += [
        pa.field("suggestions", pa.list_(suggestion_type()), nullable=False),
        pa.field("text", pa.string()),
        pa.field("error", pa.string()),
    ]
    return pa.schema(fields)


class Auditor:
    """Checks the replies of an archive: ``linter`` for the rows without a language
    of their own, the linter of each language asked for by a row otherwise."""

    def __init__(self, linter: Linter) -> None:
        self.linter = linter
        self.rule_ids = linter.rule_ids
        self._languages: dict[str, str] = {}

    def warm_up(self, every_language: bool = False) -> Auditor:
        """Build the rules now (those of every language with ``every_language``, for
        an archive whose rows name their language), before workers are forked."""
        self.linter.warm_up()
        if every_language:
            for code in (*codes(), AUTO):
                self.linter.for_language(code).warm_up()
        return self

    def language(self, cell: str) -> str:
        """The language code of a cell of the language column (en, tr, auto); a
        NetiquetteError for any other value."""
        code = self._languages.get(cell)
        if code is None:
            code = check_language(cell)
            self._languages[cell] = code
        return code

    def check(self, text: str, lang: str | None) -> Report:
        linter = self.linter if lang is None else self.linter.for_language(self.language(lang))
        return linter.check(text)


def audit_batch(batch: Any, auditor: Auditor, columns: Columns) -> Any:
    """The results of the rows of ``batch`` (a ``pyarrow.RecordBatch`` with ``row`` and
    the columns ``columns`` names, and maybe the reader's ``_error``), in its order."""
    import pyarrow as pa

    size = batch.num_rows
    names = batch.schema.names
    rows = batch.column("row").to_pylist()
    texts, errors = texts_of(batch.column(columns.text))
    if ERROR in names:
        errors = [r or e for r, e in zip(batch.column(ERROR).to_pylist(), errors, strict=True)]
    nothing: list[str | None] = [None] * size
    ids = labels(batch.column(columns.id)) if columns.id else nothing
    groups = {g: labels(batch.column(g)) for g in columns.groups}
    stamps = times(batch.column(columns.time)) if columns.time else [None] * size
    langs = labels(batch.column(columns.lang)) if columns.lang else nothing
    rule_ids = sorted(auditor.rule_ids)
    out: dict[str, list[Any]] = {name: [] for name in _ROW_COLUMNS}
    counts: dict[str, list[int]] = {rule_id: [] for rule_id in rule_ids}
    for at, (text, lang) in enumerate(zip(texts, langs, strict=True)):
        report = None
        if errors[at] is None and text is not None:
            try:
                report = auditor.check(text, lang)
            except NetiquetteError as exc:
                errors[at] = str(exc)
        _add_row(out, counts, report)
    weeks = [_week(stamp) for stamp in stamps]
    arrays = [pa.array(rows, pa.int64()), pa.array(ids, pa.string())]
    arrays += [pa.array(groups[g], pa.string()) for g in columns.groups]
    arrays += [
        pa.array(stamps, pa.int64()).cast(pa.timestamp("us", tz="UTC")),
        pa.array(weeks, pa.string()),
        pa.array(out["lang"], pa.string()),
        pa.array(out["words"], pa.int32()),
        pa.array(out["score"], pa.int16()),
        pa.array(out["passed"], pa.bool_()),
    ]
    arrays += [pa.array(out[name], pa.int16()) for name in SCORE_COLUMNS]
    arrays += [pa.array(counts[rule_id], pa.int16()) for rule_id in rule_ids]
    arrays += [
        pa.array(out["suggestions"], pa.list_(suggestion_type())),
        pa.array([_valid(t) for t in texts], pa.string()),
        pa.array([_valid(e) for e in errors], pa.string()),
    ]
    return pa.RecordBatch.from_arrays(arrays, schema=schema(rule_ids, columns.groups))


_ROW_COLUMNS = ("lang", "words", "score", "passed", *SCORE_COLUMNS, "suggestions")


def _add_row(
    out: dict[str, list[Any]],
    counts: dict[str, list[int]],
    report: Report | None,
) -> None:
    if report is None:
        for name in _ROW_COLUMNS:
            out[name].append([] if name == "suggestions" else None)
        out["words"][-1] = 0
        for column in counts.values():
            column.append(0)
        return
    out["lang"].append(report.lang)
    out["words"].append(report.metrics.get("words", 0))
    out["score"].append(report.score)
    out["passed"].append(report.passed)
    for category, name in zip(CATEGORIES, SCORE_COLUMNS, strict=True):
        out[name].append(report.scores.get(category))
    found = Counter(s.rule_id for s in report.suggestions)
    for rule_id, column in counts.items():
        column.append(min(found.get(rule_id, 0), MAX_COUNT))
    out["suggestions"].append(
        [
            {
                "rule_id": s.rule_id,
                "name": s.name,
                "category": s.category,
                "severity": s.severity,
                "message": _valid(s.message),
                "start": s.start,
                "end": s.end,
                "match": _valid(s.match),
                "replacements": [_valid(r) for r in s.replacements],
            }
            for s in report.suggestions
        ]
    )


def texts_of(array: Any) -> tuple[list[str | None], list[str | None]]:
    """The replies of a text column, and why each that cannot be checked cannot (no
    text, bytes that are not UTF-8, a cell that is not text)."""
    import pyarrow as pa

    kind = array.type
    if pa.types.is_dictionary(kind):
        array, kind = array.dictionary_decode(), kind.value_type
    values = array.to_pylist()
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return values, [None if v else "no text" for v in values]
    if pa.types.is_binary(kind) or pa.types.is_large_binary(kind):
        texts: list[str | None] = []
        errors: list[str | None] = []
        for value in values:
            try:
                texts.append(None if value is None else value.decode("utf-8"))
                errors.append(None if value else "no text")
            except UnicodeDecodeError as exc:
                texts.append(value.decode("utf-8", "replace"))
                errors.append(f"not UTF-8 text (byte {exc.start})")
        return texts, errors
    return [None] * len(values), [f"the text column holds {kind}, not text"] * len(values)


def labels(array: Any) -> list[str | None]:
    """A column's cells as text (ids, groups, languages): strings as they are (empty
    ones as null), bytes decoded, numbers, booleans and times in Arrow's text form,
    lists and structures in JSON."""
    import pyarrow as pa
    import pyarrow.compute as pc

    kind = array.type
    if pa.types.is_dictionary(kind):
        array, kind = array.dictionary_decode(), kind.value_type
    if pa.types.is_null(kind):
        return [None] * len(array)
    if pa.types.is_binary(kind) or pa.types.is_large_binary(kind):
        values = [None if v is None else v.decode("utf-8", "replace") for v in array.to_pylist()]
    elif pa.types.is_nested(kind):
        values = [
            None if v is None else json.dumps(v, ensure_ascii=False, sort_keys=True, default=str)
            for v in array.to_pylist()
        ]
    elif pa.types.is_string(kind) or pa.types.is_large_string(kind):
        values = array.to_pylist()
    else:
        values = pc.cast(array, pa.string()).to_pylist()
    return [_valid(v) if v else None for v in values]


def times(array: Any) -> list[int | None]:
    """A time column as microseconds since 1970 (UTC): timestamps (a time without a
    zone is UTC), dates, ISO 8601 text, or numbers of seconds (milliseconds from
    1e11) since 1970; null where a cell is none of these."""
    import pyarrow as pa

    kind = array.type
    if pa.types.is_dictionary(kind):
        array, kind = array.dictionary_decode(), kind.value_type
    if pa.types.is_timestamp(kind):
        micro = array.cast(pa.timestamp("us", tz=kind.tz), safe=False)
        values: list[int | None] = micro.view(pa.int64()).to_pylist()
        return values
    if pa.types.is_date(kind):
        return [_micro(datetime(d.year, d.month, d.day)) if d else None for d in array.to_pylist()]
    if pa.types.is_integer(kind) or pa.types.is_floating(kind):
        return [_epoch(v) for v in array.to_pylist()]
    return [_parse_time(v) for v in labels(array)]


def _parse_time(value: str | None) -> int | None:
    if value is None:
        return None
    value = value.strip()
    try:
        return _epoch(float(value))
    except ValueError:
        pass
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        return _micro(datetime.fromisoformat(value))
    except ValueError:
        return None


def _epoch(value: float | None) -> int | None:
    if value is None or value != value or abs(value) > 1e16:  # none, NaN, absurd
        return None
    seconds = value / 1000 if abs(value) >= _MILLISECONDS_FROM else value
    return round(seconds * 1_000_000)


def _micro(moment: datetime) -> int | None:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    try:
        return (moment - _EPOCH) // _MICROSECOND
    except OverflowError:
        return None


def _week(micro: int | None) -> str | None:
    """The ISO week of a time, e.g. ``2026-W07``."""
    if micro is None:
        return None
    try:
        year, week, _ = (_EPOCH + micro * _MICROSECOND).isocalendar()
    except OverflowError:
        return None
    return f"{year}-W{week:02d}"
