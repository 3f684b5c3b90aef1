"""Checking many files: one after the other, or in parallel worker processes.

The reports come back in the order of the files whatever the number of processes, so
``--jobs 1`` and ``--jobs 4`` print the same. Workers are forked from the process that
built the Linter and checked the first files, so the templates, their index and the
rules of the languages met so far are built once and shared. :func:`map_in_order` is
that machinery for any function (``netiquette templates audit`` lints templates with
it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from netiquette import parallel, sources
from netiquette.core import NetiquetteError
from netiquette.linter import Linter
from netiquette.report import Report

A = TypeVar("A")
R = TypeVar("R")

#: Fewer files than this per process are checked in this process: forking and
#: building the rules in a worker costs more than checking them here.
MIN_FILES_PER_JOB = 40
#: Files handed to a worker at a time.
CHUNK_FILES = 16


@dataclass(frozen=True)
class Checked:
    """One file's outcome: its report, or why it could not be checked."""

    item: str
    report: Report | None = None
    error: str | None = None


@dataclass(frozen=True)
class FileChecker:
    """Reads a file and checks it with ``linter`` (per-path overrides apply)."""

    linter: Linter
    context: Mapping[str, str] | None = None

    def __call__(self, item: str | Path) -> Checked:
        try:
            source = sources.read(item)
            report = self.linter.check(source.text, path=source.name, context=self.context)
        except NetiquetteError as exc:
            return Checked(str(item), error=str(exc))
        return Checked(str(item), report=report)


def processes_for(files: int, jobs: int) -> int:
    """How many processes check ``files`` files when ``jobs`` are allowed: at most one
    per MIN_FILES_PER_JOB files, and one where processes cannot be forked."""
    return parallel.processes_for(files, jobs, MIN_FILES_PER_JOB)


def check_files(
    checker: FileChecker,
    items: Sequence[str | Path],
    jobs: int = 1,
    progress: Callable[[Iterator[Checked], int], Iterable[Checked]] | None = None,
) -> Iterator[Checked]:
    """Each item checked, in the order of ``items``, by up to ``jobs`` processes.

    This process checks the first MIN_FILES_PER_JOB files itself, which builds the
    rules of the languages they are in, and then forks the workers for the rest, so
    they share those rules instead of building them each. Standard input (``-``) is
    read by this process, so a run that includes it checks everything here.
    ``progress`` wraps the results (and is told their number)."""
    results = map_in_order(checker, items, 1 if "-" in items else jobs)
    yield from progress(results, len(items)) if progress else results


def map_in_order(function: Callable[[A], R], items: Sequence[A], jobs: int = 1) -> Iterator[R]:
    """``function(item)`` for each item, in the order of ``items``, by up to ``jobs``
    processes, MIN_FILES_PER_JOB files a process at least (:func:`parallel.map_in_order`:
    this process takes the first files, which builds the rules, then forks)."""
    return parallel.map_in_order(function, items, jobs, MIN_FILES_PER_JOB, CHUNK_FILES)
