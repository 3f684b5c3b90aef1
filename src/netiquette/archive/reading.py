"""Reading an archive of replies in batches of rows, in bounded memory.

An archive is one file: JSON Lines (``.jsonl``, ``.ndjson``, ``.json``), CSV (``.csv``)
or Parquet (``.parquet``); JSON Lines and CSV may be gzipped (``.gz``). Every batch
holds ``row`` (the 0-based position of the record in the archive) and the columns the
audit reads, as the format gives them (Parquet keeps its types; CSV cells are bytes,
decoded later, so that one cell that is not UTF-8 spoils only its row; JSON Lines
values are text). A JSON Lines record that cannot be read (bad JSON, not an object, a
text that is not a string, a line over :data:`MAX_LINE_BYTES`) keeps its row with the
reason in the ``_error`` column. Whatever makes the whole archive unreadable is an
InputError naming the file.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

from netiquette.archive.columns import Columns
from netiquette.core import InputError

FORMATS = ("jsonl", "csv", "parquet")
SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv"}
SUFFIXES[".parquet"] = "parquet"
#: The reading error of a row, beside the columns read (JSON Lines).
ERROR = "_error"
#: A JSON line (one reply) longer than this is a row error, not read into memory whole.
MAX_LINE_BYTES = 16 * 1024 * 1024
#: CSV: bytes parsed at a time; a record longer than this is an InputError.
CSV_BLOCK_BYTES = 16 * 1024 * 1024
#: Parquet: bytes read from the file at a time. pyarrow's default (``pre_buffer``) holds
#: every column chunk it has read until the file is closed: RSS grew by ~6 MiB per
#: 100,000 rows of a 1,000,000-row archive, and a single row group is read whole. A
#: buffered stream keeps one page at a time (flat, 7 MiB of Arrow memory, either layout).
PARQUET_BUFFER_BYTES = 1024 * 1024
#: JSON Lines: records whose keys name the columns when no column is missing there.
FIRST_RECORDS = 1000
#: Bytes hashed at each end of the archive for its fingerprint.
FINGERPRINT_BYTES = 1024 * 1024


def archive_format(path: str | os.PathLike[str], chosen: str | None = None) -> str:
    """The format of the archive: ``chosen``, else from the name's suffix."""
    if chosen is not None and chosen != "auto":
        if chosen not in FORMATS:
            raise InputError(f"unknown archive format '{chosen}' (known: {', '.join(FORMATS)})")
        return chosen
    name = os.fspath(path).lower()
    if name.endswith(".gz"):
        name = name[:-3]
    found = SUFFIXES.get(os.path.splitext(name)[1])
    if found is None:
        raise InputError(
            f"{os.fspath(path)}: cannot tell the archive's format from its name "
            "(.jsonl, .ndjson, .json, .csv, .parquet, or .gz of the first four; or --format)"
        )
    if found == "parquet" and os.fspath(path).lower().endswith(".gz"):
        raise InputError(f"{os.fspath(path)}: a gzipped Parquet file (Parquet compresses inside)")
    return found


def fingerprint(path: str | os.PathLike[str]) -> dict[str, Any]:
    """What identifies the archive's content: its size and a SHA-256 of its first and
    last MiB (and, for information, its path and modification time)."""
    info = os.stat(path)
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        digest.update(handle.read(FINGERPRINT_BYTES))
        if info.st_size > FINGERPRINT_BYTES:
            handle.seek(max(FINGERPRINT_BYTES, info.st_size - FINGERPRINT_BYTES))
            digest.update(handle.read(FINGERPRINT_BYTES))
    return {
        "path": os.path.abspath(path),
        "size": info.st_size,
        "mtime_ns": info.st_mtime_ns,
        "sha256_ends": digest.hexdigest(),
    }


@dataclass
class Archive:
    """An archive opened for reading: its format, its columns (defaults resolved) and,
    when the format says so, its number of rows."""

    path: Path
    format: str
    columns: Columns
    total_rows: int | None = None
    #: Notes for the user (CSV rows skipped for a wrong number of fields).
    notes: list[str] = field(default_factory=list)

    def batches(self, rows: int) -> Iterator[Any]:
        """``pyarrow.RecordBatch`` es of ``rows`` rows (the last may hold fewer), with
        ``row`` first, then the columns read."""
        if self.format == "parquet":
            read = self._parquet_batches(rows)
        elif self.format == "csv":
            read = self._csv_batches()
        else:
            read = self._jsonl_batches(rows)
        yield from _numbered(_exactly(read, rows, self.where), rows)

    @property
    def where(self) -> str:
        return os.fspath(self.path)

    def _parquet_batches(self, rows: int) -> Iterator[Any]:
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            with pq.ParquetFile(
                self.path, buffer_size=PARQUET_BUFFER_BYTES, pre_buffer=False
            ) as parquet:
                yield from parquet.iter_batches(
                    batch_size=rows, columns=self.columns.source_columns(), use_threads=False
                )
        except (pa.ArrowException, OSError) as exc:
            raise InputError(f"{self.where}: unreadable Parquet: {exc}") from None

    def _csv_batches(self) -> Iterator[Any]:
        import pyarrow as pa
        import pyarrow.csv as pcsv

        names = self.columns.source_columns()
        skipped = 0

        def skip(row: Any) -> str:
            nonlocal skipped
            skipped += 1
            return "skip"

        try:
            reader = pcsv.open_csv(
                self.path,
                read_options=pcsv.ReadOptions(block_size=CSV_BLOCK_BYTES, use_threads=False),
                parse_options=pcsv.ParseOptions(newlines_in_values=True, invalid_row_handler=skip),
                convert_options=pcsv.ConvertOptions(
                    include_columns=names, column_types=dict.fromkeys(names, pa.binary())
                ),
            )
            with reader:
                yield from reader
        except (pa.ArrowException, OSError, EOFError) as exc:
            raise InputError(f"{self.where}: unreadable CSV: {_short(exc)}") from None
        if skipped:
            self.notes.append(
                f"{self.where}: {skipped} CSV record(s) with a wrong number of fields "
                "skipped (they have no row in the results)"
            )

    def _jsonl_batches(self, rows: int) -> Iterator[Any]:
        import pyarrow as pa

        names = self.columns.source_columns()
        text = self.columns.text
        with _open_binary(self.path) as handle:
            records = _json_records(handle, self.where)
            while True:
                chunk = [r for _, r in zip(range(rows), records, strict=False)]
                if not chunk:
                    return
                cells: dict[str, list[str | None]] = {n: [] for n in names}
                errors: list[str | None] = []
                for record in chunk:
                    error = record.error
                    values = record.values or {}
                    for name in names:
                        value = values.get(name)
                        if name == text and error is None:
                            if value is None:
                                error = f"no '{text}' field" if name not in values else "no text"
                            elif not isinstance(value, str):
                                error = f"'{text}' is {_json_kind(value)}, not text"
                                value = None
                        cell = _as_text(value)
                        valid = valid_text(cell)
                        if valid is not cell:
                            cell = valid
                            if name == text and error is None:
                                error = "the text holds a lone surrogate: not valid Unicode"
                        cells[name].append(cell)
                    errors.append(error)
                arrays = [pa.array(cells[n], pa.string()) for n in names]
                arrays.append(pa.array(errors, pa.string()))
                yield pa.RecordBatch.from_arrays(arrays, names=[*names, ERROR])


def open_archive(
    path: str | os.PathLike[str], columns: Columns, *, format: str | None = None
) -> Archive:
    """The archive at ``path``, its columns resolved (:meth:`Columns.resolve`). A file
    that is missing, not a regular file or not in the format is an InputError."""
    where = os.fspath(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise InputError(f"{where}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{where}: not a regular file")
    chosen = archive_format(path, format)
    archive = Archive(Path(path), chosen, columns)
    if chosen == "parquet":
        available, archive.total_rows = _parquet_columns(archive)
    elif chosen == "csv":
        available = _csv_header(archive)
    else:
        available = _jsonl_keys(archive)
    archive.columns = columns.resolve(available, where)
    if chosen == "parquet":
        _check_parquet_text(archive)
    return archive


def _parquet_columns(archive: Archive) -> tuple[list[str], int]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        with pq.ParquetFile(archive.path) as parquet:
            return list(parquet.schema_arrow.names), parquet.metadata.num_rows
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"{archive.where}: not a readable Parquet file: {exc}") from None


def _check_parquet_text(archive: Archive) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    with pq.ParquetFile(archive.path) as parquet:
        kind = parquet.schema_arrow.field(archive.columns.text).type
    textual = (pa.types.is_string, pa.types.is_large_string, pa.types.is_binary)
    if not any(test(kind) for test in (*textual, pa.types.is_large_binary)):
        raise InputError(
            f"{archive.where}: column '{archive.columns.text}' holds {kind}, not text "
            "(--text-column names the column of the replies)"
        )


def _csv_header(archive: Archive) -> list[str]:
    """The names in the first record of the CSV file."""
    import csv
    import io

    with _open_binary(archive.path) as handle:
        try:
            head = handle.read(CSV_BLOCK_BYTES)
        except (OSError, EOFError) as exc:
            raise InputError(f"{archive.where}: unreadable: {_short(exc)}") from None
    if b"\0" in head[:4096]:
        raise InputError(f"{archive.where}: binary data, not CSV text")
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = head[: exc.start].decode("utf-8-sig")
    try:
        header = next(csv.reader(io.StringIO(text, newline="")), None)
    except csv.Error as exc:
        raise InputError(f"{archive.where}: unreadable CSV header: {exc}") from None
    if not header:
        raise InputError(f"{archive.where}: empty, no CSV header")
    return header


def _jsonl_keys(archive: Archive) -> list[str]:
    """The keys of the first records of the JSON Lines file (a bad first line that is
    not JSON at all, or binary data, makes it an InputError)."""
    keys: dict[str, None] = {}
    read = 0
    with _open_binary(archive.path) as handle:
        for record in _json_records(handle, archive.where):
            if record.values is not None:
                keys.update(dict.fromkeys(record.values))
                read += 1
            if read >= FIRST_RECORDS:
                break
    if not read:
        raise InputError(f"{archive.where}: no JSON object on any line")
    return list(keys)


@dataclass
class _Record:
    values: dict[str, Any] | None
    error: str | None = None


def _json_records(handle: IO[bytes], where: str) -> Iterator[_Record]:
    """Each non-blank line of ``handle`` as a record (an error for a bad one)."""
    number = 0
    while True:
        try:
            line = handle.readline(MAX_LINE_BYTES + 1)
        except (OSError, EOFError) as exc:
            raise InputError(f"{where}: unreadable after line {number}: {_short(exc)}") from None
        if not line:
            return
        number += 1
        if number == 1 and b"\0" in line[:4096]:
            raise InputError(f"{where}: binary data, not JSON Lines")
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # the rest of the line, unread
                line = handle.readline(MAX_LINE_BYTES)
            yield _Record(None, f"line {number} is over {MAX_LINE_BYTES:,} bytes")
            continue
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except UnicodeDecodeError:
            yield _Record(None, f"line {number} is not UTF-8 text")
            continue
        except (ValueError, RecursionError) as exc:
            yield _Record(None, f"line {number} is not JSON: {_short(exc)}")
            continue
        if not isinstance(value, dict):
            yield _Record(None, f"line {number} is {_json_kind(value)}, not a JSON object")
            continue
        yield _Record(value)


def _as_text(value: Any) -> str | None:
    """A JSON value as the text of a cell: strings as they are, others in JSON."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _json_kind(value: Any) -> str:
    kinds = {bool: "a boolean", int: "a number", float: "a number", list: "a list"}
    return kinds.get(type(value), "an object" if isinstance(value, dict) else "text")


def _open_binary(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return open(path, "rb")


def _exactly(batches: Iterable[Any], rows: int, where: str) -> Iterator[Any]:
    """The batches cut and joined into batches of exactly ``rows`` rows (the last may
    hold fewer)."""
    import pyarrow as pa

    held: list[Any] = []
    count = 0
    for batch in batches:
        while batch.num_rows:
            take = min(rows - count, batch.num_rows)
            held.append(batch.slice(0, take))
            count += take
            batch = batch.slice(take)
            if count == rows:
                yield _concat(pa, held)
                held, count = [], 0
    if count:
        yield _concat(pa, held)


def _concat(pa: Any, batches: list[Any]) -> Any:
    if len(batches) == 1:
        return batches[0]
    return pa.Table.from_batches(batches).combine_chunks().to_batches()[0]


def _numbered(batches: Iterable[Any], rows: int) -> Iterator[Any]:
    """Each batch with ``row`` (the archive position of each row) first."""
    import pyarrow as pa

    first = 0
    for batch in batches:
        numbers = pa.array(range(first, first + batch.num_rows), pa.int64())
        yield pa.RecordBatch.from_arrays(
            [numbers, *batch.columns], names=["row", *batch.schema.names]
        )
        first += batch.num_rows


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 300 else text[:300] + "…"


def valid_text(text: str | None) -> str | None:
    """``text`` itself when it is valid Unicode; else a copy with each lone surrogate
    (which the linter refuses, and UTF-8 cannot hold) as U+FFFD."""
    if text is None:
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return text
