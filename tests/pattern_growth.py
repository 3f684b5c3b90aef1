"""Every regular expression netiquette runs over text, and how its time grows on
adversarial strings (shared by tests/test_pattern_growth.py and
benchmarks/bench_linear.py).

Patterns are found where they live: module globals (and dicts, lists and class
attributes there) of every netiquette module, and the attributes of every rule the
English and Turkish linters build (patterns compiled from the language data). A global
that its module only ever calls ``.match`` or ``.fullmatch`` on is run that way (one
attempt at one position, as the code does); every other pattern is scanned through
the whole string, as ``search``, ``finditer`` and ``sub`` do.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import signal
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import netiquette
from netiquette.engines import phrase_index

_SCAN_METHODS = re.compile(r"\.(search|finditer|findall|sub|subn|split)\(")
_BASE_UNITS = (
    "a", "A", "X", "1", " ", "\t", "\n", "a ", "a.", "aA", "A1", "a-", "a_", "ab@",
    "http://a", "www.", "<!--", "<b ", "<a href=", "```a\n", "{{", "{%", "[[", "\"a",
    "X ", "Xa", "😀", "!?", "..", "ı", "İ", "ş ",
)  # fmt: skip


@dataclass(frozen=True)
class Found:
    where: str
    pattern: re.Pattern[str]
    scanned: bool  # run through the whole string (else one match at the start)


def _module_patterns() -> Iterator[Found]:
    for info in pkgutil.walk_packages(netiquette.__path__, "netiquette."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        try:
            source = inspect.getsource(module)
        except (OSError, TypeError):
            source = ""
        for name, value in vars(module).items():
            match_only = _match_only(name, source)
            for where, pattern in _patterns_in(value, f"{info.name}.{name}", 0):
                yield Found(where, pattern, scanned=not match_only)


def _patterns_in(value: Any, where: str, depth: int) -> Iterator[tuple[str, re.Pattern[str]]]:
    if isinstance(value, re.Pattern):
        if isinstance(value.pattern, str):
            yield where, value
    elif depth < 2 and isinstance(value, dict):
        for key, item in value.items():
            yield from _patterns_in(item, f"{where}[{key!r}]", depth + 1)
    elif depth < 2 and isinstance(value, (list, tuple, frozenset, set)):
        for index, item in enumerate(value):
            yield from _patterns_in(item, f"{where}[{index}]", depth + 1)
    elif depth < 1 and isinstance(value, type) and value.__module__.startswith("netiquette"):
        for key, item in vars(value).items():
            yield from _patterns_in(item, f"{where}.{key}", depth + 1)


def _match_only(name: str, source: str) -> bool:
    """True when ``source`` calls only ``.match``/``.fullmatch`` on ``name``."""
    uses = re.findall(rf"\b{re.escape(name)}(\.\w+)\(", source)
    return bool(uses) and all(u in (".match", ".fullmatch") for u in uses)


def _source_of(value: Any) -> str:
    try:
        return inspect.getsource(inspect.getmodule(type(value)))  # type: ignore[arg-type]
    except (OSError, TypeError):
        return ""


def _object_patterns(root: Any, where: str, seen: set[int]) -> Iterator[Found]:
    """Patterns held by a rule and the objects it owns (compiled from language data),
    breadth first, so that every object is reached at its shortest path whatever the
    order of the containers. How the owner runs a pattern is read from the source of
    the owner's module (the attribute that holds it)."""
    queue: deque[tuple[Any, str, int, str, str]] = deque([(root, where, 0, "", "")])
    while queue:
        value, path, depth, name, source = queue.popleft()
        if id(value) in seen or depth > 12:
            continue
        seen.add(id(value))
        if isinstance(value, re.Pattern):
            if isinstance(value.pattern, str):
                yield Found(path, value, scanned=not (name and _match_only(name, source)))
            continue
        if isinstance(value, phrase_index._Deferred):
            # A prefilter compiled on first use: compile it to test it (run with .match).
            yield Found(path, value.compiled(), scanned=False)
            continue
        if isinstance(value, dict):
            queue.extend((item, f"{path}.{key}", depth + 1, "", "") for key, item in value.items())
        elif isinstance(value, (list, tuple, set, frozenset)):
            queue.extend((item, f"{path}.{n}", depth + 1, "", "") for n, item in enumerate(value))
        elif type(value).__module__.startswith("netiquette") and hasattr(value, "__dict__"):
            for attr, attribute in vars(type(value)).items():
                if isinstance(attribute, cached_property) and attr == "regex":
                    getattr(value, attr)  # compiled on first use: compile it to test it
            owner = _source_of(value)
            queue.extend(
                (item, f"{path}.{key}", depth + 1, key, owner) for key, item in vars(value).items()
            )


def all_patterns() -> list[Found]:
    """Every distinct pattern, once (the first place it was found)."""
    found: dict[tuple[str, int], Found] = {}
    for item in _module_patterns():
        found.setdefault((item.pattern.pattern, item.pattern.flags), item)
    seen: set[int] = set()
    # Every linter stays alive until the end: ``seen`` holds ids, and a freed object's
    # id is reused by the next language's objects, which would then be skipped.
    linters: list[netiquette.Linter] = []
    for lang in ("en", "tr"):
        linter = netiquette.Linter(lang)
        linters.append(linter)
        linter.check("Hi, thanks for your message; we'll look into it ASAP. :) Regards")
        for rule in linter._rules(lang)[0]:
            for item in _object_patterns(rule, f"{lang}:{rule.id}", seen):
                found.setdefault((item.pattern.pattern, item.pattern.flags), item)
    return list(found.values())


def units(pattern: re.Pattern[str]) -> list[str]:
    """Strings whose repetition is most likely to make ``pattern`` work hard: the
    pattern's own punctuation and short literals, and the usual suspects."""
    source = pattern.pattern
    punctuation = {c for c in source if not c.isalnum() and c not in "\\()?:|^$+*{}[]"}
    literals = set(re.findall(r"[^\\()?:|^$+*{}\[\].]{2,4}", source)[:20])
    return sorted(punctuation | literals | set(_BASE_UNITS))


#: Appended to a run so that a match must fail at its end (backtracking shows there).
SUFFIXES = ("", "A", "!")
#: A run that takes longer than this is stopped and counted as this long.
GIVE_UP = 2.0


class _TooSlow(Exception):
    pass


def _give_up(signum: int, frame: object) -> None:
    raise _TooSlow


def seconds(found: Found, text: str, repeats: int = 2) -> float:
    """Best time of ``repeats`` runs of the pattern over ``text`` as the code runs it
    (``GIVE_UP`` when a run takes that long: an exponential pattern never ends).

    The time is this thread's CPU time, not the wall clock: on a busy machine a run
    that is preempted for a few milliseconds would otherwise look like a pattern that
    grew (a linear one measured 28x from 1k to 8k while two benchmarks ran)."""
    best = float("inf")
    previous = signal.signal(signal.SIGALRM, _give_up)
    try:
        for _ in range(repeats):
            start = time.thread_time()
            signal.setitimer(signal.ITIMER_REAL, GIVE_UP)
            try:
                if found.scanned:
                    for _match in found.pattern.finditer(text):
                        pass
                else:
                    found.pattern.match(text)
            except _TooSlow:
                return GIVE_UP
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            best = min(best, time.thread_time() - start)
    finally:
        signal.signal(signal.SIGALRM, previous)
    return best


def repeat(unit: str, length: int, suffix: str = "") -> str:
    return (unit * (length // len(unit) + 1))[: length - len(suffix)] + suffix


def worst_growth(found: Found, small: int, large: int) -> tuple[float, str, float]:
    """(growth ratio, string unit, seconds at ``large``) of the run that grows fastest
    among those taking measurable time at ``large``."""
    worst = (0.0, "", 0.0)
    for unit in units(found.pattern):
        for suffix in SUFFIXES:
            big = seconds(found, repeat(unit, large, suffix))
            if big < 0.002:  # too fast to measure a ratio; linear at any rate
                continue
            if big >= GIVE_UP:
                return float("inf"), unit + suffix, big
            ratio = big / max(seconds(found, repeat(unit, small, suffix)), 1e-7)
            worst = max(worst, (ratio, unit + suffix, big))
    return worst
