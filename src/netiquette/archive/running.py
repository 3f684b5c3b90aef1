"""The local engine: an archive audited in chunks of rows, by forked workers.

The archive is read a chunk at a time (:data:`DEFAULT_CHUNK_ROWS` rows); each chunk
becomes one part file of results (:mod:`netiquette.archive.writing`). With several
jobs the linter is built and warmed first, then the workers are forked once and
inherit it; at most :data:`CHUNKS_PER_JOB` chunks per job are in flight, so memory
stays flat however long the archive is. The parts are named by their chunk, so the
results are the same, byte for byte, whatever the number of jobs. A chunk whose part
exists (a run interrupted, then run again) is read past and not checked again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netiquette import __version__, parallel
from netiquette.archive.columns import Columns
from netiquette.archive.reading import Archive, fingerprint
from netiquette.archive.results import Auditor, audit_batch
from netiquette.archive.writing import ResultsFolder, part_name, write_part
from netiquette.config import Settings

DEFAULT_CHUNK_ROWS = 2000
#: Chunks handed to the workers and not yet written, per job.
CHUNKS_PER_JOB = 2
#: Settings that do not change what a reply's results are (or are recorded otherwise).
_NOT_RESULTS = frozenset({"source", "overrides", "templates", "templates_index", "known_variables"})


@dataclass
class Summary:
    """What a run did: rows in the results, rows with an error, parts, and the rows of
    the parts a previous run had made."""

    rows: int = 0
    errors: int = 0
    parts: int = 0
    resumed_rows: int = 0
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"rows": self.rows, "errors": self.errors, "parts": self.parts}


def options(columns: Columns, settings: Settings, templates: Any) -> dict[str, Any]:
    """What the results depend on besides the archive: the columns and the linter's
    settings (the templates by their fingerprint)."""
    chosen: dict[str, Any] = {
        f"{role}_column": getattr(columns, role) for role in ("text", "id", "time", "lang")
    }
    chosen["group_by"] = list(columns.group_by)
    for item in dataclasses.fields(settings):
        if item.name not in _NOT_RESULTS:
            chosen[item.name] = _plain(getattr(settings, item.name))
    chosen["templates"] = templates.fingerprint if templates is not None else None
    return chosen


def identity(archive: Archive, auditor: Auditor, chunk_rows: int) -> dict[str, Any]:
    """What the results of this run are of (the manifest's record of the run)."""
    linter = auditor.linter
    return {
        "input": {**fingerprint(archive.path), "format": archive.format},
        "options": options(archive.columns, linter.settings, linter.templates),
        "rules": sorted(auditor.rule_ids),
        "netiquette": __version__,
        "chunk_rows": chunk_rows,
    }


@dataclass(frozen=True)
class PartMaker:
    """Checks one chunk and writes its part; returns (index, rows, rows with an error)."""

    auditor: Auditor
    columns: Columns
    folder: Path

    def __call__(self, item: tuple[int, Any]) -> tuple[int, int, int]:
        index, batch = item
        results = audit_batch(batch, self.auditor, self.columns)
        write_part(self.folder / part_name(index), results)
        return index, results.num_rows, results.num_rows - results.column("error").null_count


def run(
    archive: Archive,
    auditor: Auditor,
    folder: ResultsFolder,
    *,
    jobs: int = 1,
    chunk_rows: int = DEFAULT_CHUNK_ROWS,
    overwrite: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Summary:
    """Audit ``archive`` into ``folder`` with ``jobs`` processes; ``progress`` is told
    the rows of each chunk done (or found done)."""
    made = identity(archive, auditor, chunk_rows)
    done = folder.open(made, overwrite=overwrite)
    if folder.finished is not None:
        return _finished(folder.finished, archive)
    summary = Summary()
    auditor.warm_up(every_language=archive.columns.lang is not None)

    def chunks() -> Iterator[tuple[int, Any]]:
        for index, batch in enumerate(archive.batches(chunk_rows)):
            if index in done:
                summary.resumed_rows += batch.num_rows
                summary.rows += batch.num_rows
                summary.errors += _errors_in(folder.part(index))
                summary.parts += 1
                if progress is not None:
                    progress(batch.num_rows)
                continue
            yield index, batch

    maker = PartMaker(auditor, archive.columns, folder.path)
    for _, rows, errors in parallel.bounded_map(maker, chunks(), jobs, CHUNKS_PER_JOB * jobs):
        summary.rows += rows
        summary.errors += errors
        summary.parts += 1
        if progress is not None:
            progress(rows)
    summary.notes = list(archive.notes)
    folder.finish(made, {**summary.to_dict(), "notes": summary.notes})
    return summary


def _finished(manifest: Mapping[str, Any], archive: Archive) -> Summary:
    rows = int(manifest.get("rows", 0))
    return Summary(
        rows=rows,
        errors=int(manifest.get("errors", 0)),
        parts=int(manifest.get("parts", 0)),
        resumed_rows=rows,
        notes=list(manifest.get("notes", [])),
    )


def _errors_in(part: Path) -> int:
    import pyarrow.parquet as pq

    errors = pq.read_table(part, columns=["error"]).column("error")
    return int(len(errors) - errors.null_count)


def _plain(value: Any) -> Any:
    """A setting's value as JSON: tuples as lists, mappings as objects."""
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in sorted(value.items())}
    return value
