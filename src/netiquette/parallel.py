"""A function mapped over items by forked worker processes, the results in input order.

The workers are forked from the calling process, so they inherit what it has built
(a Linter's rules, templates and their index) instead of building it again, and the
function is never pickled; only the items and the results are. Used by
``netiquette check --jobs`` (netiquette.batch), ``Linter.check_many(processes=)`` and,
over a stream in bounded memory (:func:`bounded_map`), ``netiquette archive``.
"""

from __future__ import annotations

import collections
import gc
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: The function of the workers forked last (inherited through fork).
_worker_function: Callable[[Any], Any] | None = None
_fork_lock = threading.Lock()


def can_fork() -> bool:
    """Whether worker processes can be forked here (not on Windows)."""
    import multiprocessing  # 16 ms: not at "import netiquette"

    return "fork" in multiprocessing.get_all_start_methods()


def default_processes() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def processes_for(items: int, allowed: int, per_process: int) -> int:
    """How many processes share ``items`` items when ``allowed`` may: at most one per
    ``per_process`` items, and one where processes cannot be forked."""
    if not can_fork():
        return 1  # pragma: no cover - Windows
    return max(1, min(allowed, items // per_process))


def _call(item: Any) -> Any:
    assert _worker_function is not None, "a worker without a function"
    return _worker_function(item)


def _call_chunk(items: Sequence[Any]) -> list[Any]:
    assert _worker_function is not None, "a worker without a function"
    return [_worker_function(item) for item in items]


def ordered_map(
    function: Callable[[T], R], items: Sequence[T], processes: int, chunksize: int
) -> Iterator[R]:
    """``function`` of each item, in the order of ``items``, shared by ``processes``
    processes: the items are cut into chunks of ``chunksize``, and of every
    ``processes`` chunks this process takes one itself while ``processes - 1`` forked
    workers take the others (only their items and results cross between processes).
    The results come out chunk by chunk as the work goes, so a progress bar moves
    evenly. What this process holds when the workers are forked is frozen for the
    collector, so the workers do not copy it page by page."""
    if processes <= 1 or len(items) < 2:
        yield from map(function, items)
        return
    chunks = [items[i : i + chunksize] for i in range(0, len(items), chunksize)]
    pool = _fork_pool(function, processes - 1)
    with pool:
        # Every chunk not this process's is queued now: the workers take them in order.
        theirs = {
            number: pool.apply_async(_call_chunk, (chunk,))
            for number, chunk in enumerate(chunks)
            if number % processes
        }
        for number, chunk in enumerate(chunks):
            if number % processes:
                yield from theirs.pop(number).get()
            else:
                yield from map(function, chunk)


def _fork_pool(function: Callable[[Any], Any], processes: int) -> Any:
    """A pool of ``processes`` workers forked now, which run ``function`` (inherited,
    never pickled). What this process holds is frozen for the collector meanwhile, so
    the workers do not copy it page by page."""
    import multiprocessing

    global _worker_function
    with _fork_lock:  # one function per fork
        _worker_function = function
        gc.freeze()
        try:
            return multiprocessing.get_context("fork").Pool(processes)
        finally:
            gc.unfreeze()


def bounded_map(
    function: Callable[[T], R], items: Iterable[T], processes: int, window: int
) -> Iterator[R]:
    """``function`` of each item, in the order of ``items``, by ``processes`` forked
    workers, with at most ``window`` items handed out and not yet collected: unlike
    ``Pool.imap``, which takes its whole input at once, this reads ``items`` only as
    results come back, so a stream of any length is mapped in bounded memory. Fork
    after building what ``function`` needs (a warmed linter): the workers inherit it.
    One process (or where processes cannot be forked): a plain ``map`` here."""
    if processes <= 1 or not can_fork():
        yield from map(function, items)
        return
    pool = _fork_pool(function, processes)
    with pool:
        pending: collections.deque[Any] = collections.deque()
        for item in items:
            pending.append(pool.apply_async(_call, (item,)))
            if len(pending) >= window:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def map_in_order(
    function: Callable[[T], R],
    items: Sequence[T],
    allowed: int,
    per_process: int,
    chunksize: int,
) -> Iterator[R]:
    """``function`` of each item, in the order of ``items``, by up to ``allowed``
    processes (at most one per ``per_process`` items, :func:`processes_for`).

    This process runs the first ``per_process`` items itself, which builds whatever
    ``function`` builds lazily (a linter's rules for the languages met), and only then
    forks the workers for the rest (:func:`ordered_map`), so they share it."""
    processes = processes_for(len(items), allowed, per_process)
    if processes == 1:
        yield from map(function, items)
        return
    yield from map(function, items[:per_process])
    yield from ordered_map(function, items[per_process:], processes, chunksize)
