"""Baselines: today's findings recorded, so that a gate fails only on new ones.

A finding is recorded by a fingerprint that does not depend on where it is: its rule,
its matched text (case and spacing folded) and the three words on each side of it. A
finding that moves because lines were added above it keeps its fingerprint; one
reintroduced among other words, or another copy of a baselined finding elsewhere in
the file, does not match. Each fingerprint is recorded with how many times it occurs in
its file, so that a second copy of the same sentence counts as new.

The file is JSON with one finding per line, sorted, so that a review shows exactly the
findings added or fixed. It may come from a stranger's pull request: it is read with a
size limit and checked entry by entry, and anything wrong is a ConfigError.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from netiquette import scoring, sources
from netiquette.core import Category, ConfigError, InputError
from netiquette.report import Report, Suggestion, fingerprint, shown_match

FORMAT_VERSION = 1
MAX_BASELINE_BYTES = 64_000_000
_FINGERPRINT = re.compile(r"[0-9a-f]{16}")
#: The path recorded for text read from standard input.
STDIN = "<stdin>"


@dataclass(frozen=True)
class Entry:
    """One recorded finding: where, which rule, its fingerprint and how many times."""

    path: str
    rule: str
    fingerprint: str
    count: int
    match: str

    def to_json(self) -> str:
        return json.dumps(
            {
                "path": self.path,
                "rule": self.rule,
                "fingerprint": self.fingerprint,
                "count": self.count,
                "match": self.match,
            },
            ensure_ascii=False,
        )


def path_key(path: str | None, folder: str) -> str:
    """How a report's path is recorded: relative to the baseline file's ``folder``,
    with forward slashes, so that the baseline works from any working directory."""
    if path is None or path == STDIN:
        return STDIN
    relative = os.path.relpath(os.path.abspath(path), folder)
    return relative.replace(os.sep, "/")


def entries(reports: Iterable[Report], folder: str) -> list[Entry]:
    """The baseline entries of ``reports``, sorted."""
    found: list[Entry] = []
    for report in reports:
        path = path_key(report.path, folder)
        counts: Counter[tuple[str, str]] = Counter()
        matches: dict[tuple[str, str], str] = {}
        for s in report.suggestions:
            key = (s.rule_id, fingerprint(s, report.text))
            counts[key] += 1
            matches.setdefault(key, shown_match(s.match)[:80])
        found.extend(
            Entry(path, rule, print_, n, matches[(rule, print_)])
            for (rule, print_), n in counts.items()
        )
    return sorted(found, key=lambda e: (e.path, e.rule, e.fingerprint))


def dumps(found: Iterable[Entry]) -> str:
    """The baseline file: JSON, one finding per line, in the order given."""
    lines = [entry.to_json() for entry in found]
    body = ",\n    ".join(lines)
    findings = f"[\n    {body}\n  ]" if lines else "[]"
    return f'{{\n  "netiquette_baseline": {FORMAT_VERSION},\n  "findings": {findings}\n}}\n'


def write(path: str, reports: Iterable[Report]) -> int:
    """Record the findings of ``reports`` in the baseline file ``path`` (replaced
    atomically); how many findings were recorded."""
    folder = os.path.dirname(os.path.abspath(path))
    found = entries(reports, folder)
    sources.write_atomically(path, dumps(found).encode("utf-8"))
    return sum(e.count for e in found)


@dataclass
class Baseline:
    """The recorded findings of a baseline file, to take out of new reports."""

    folder: str
    counts: Mapping[tuple[str, str, str], int]
    #: How many recorded findings each report matched, summed (for the summary).
    matched: int = 0

    @property
    def recorded(self) -> int:
        return sum(self.counts.values())

    def apply(self, report: Report, fail_under: int) -> Report:
        """``report`` without its recorded findings, its scores and verdict computed
        again from the findings left."""
        path = path_key(report.path, self.folder)
        budget: Counter[tuple[str, str, str]] = Counter()
        kept: list[Suggestion] = []
        for s in report.suggestions:
            key = (path, s.rule_id, fingerprint(s, report.text))
            if budget[key] < self.counts.get(key, 0):
                budget[key] += 1
                continue
            kept.append(s)
        if len(kept) == len(report.suggestions):
            return report
        self.matched += len(report.suggestions) - len(kept)
        categories: list[Category] = list(report.scores)
        score, passed = scoring.verdict(kept, fail_under)
        return replace(
            report,
            suggestions=tuple(kept),
            scores=scoring.category_scores(kept, categories),
            score=score,
            passed=passed,
        )


def read(path: str) -> Baseline:
    """The baseline file ``path``; a ConfigError saying what is wrong with it."""
    try:
        data = sources.read_limited(path, MAX_BASELINE_BYTES, "baseline")
        parsed = json.loads(sources.decode(data, path))
    except InputError as exc:
        raise ConfigError(f"--baseline {exc}") from None
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ConfigError(f"--baseline {path}: not valid JSON: {exc}") from None
    if not isinstance(parsed, dict) or parsed.get("netiquette_baseline") != FORMAT_VERSION:
        raise ConfigError(
            f"--baseline {path}: not a netiquette baseline (version {FORMAT_VERSION}); "
            "write one with --write-baseline"
        )
    found = parsed.get("findings")
    if not isinstance(found, list):
        raise ConfigError(f"--baseline {path}: 'findings' must be a list")
    counts: dict[tuple[str, str, str], int] = {}
    for number, item in enumerate(found, start=1):
        key, count = _entry(item, f"--baseline {path}: finding {number}")
        counts[key] = counts.get(key, 0) + count
    return Baseline(os.path.dirname(os.path.abspath(path)), counts)


def _entry(item: Any, where: str) -> tuple[tuple[str, str, str], int]:
    if not isinstance(item, dict):
        raise ConfigError(f"{where}: must be an object")
    path, rule, print_, count = (item.get(k) for k in ("path", "rule", "fingerprint", "count"))
    if not isinstance(path, str) or not isinstance(rule, str):
        raise ConfigError(f"{where}: 'path' and 'rule' must be strings")
    if not isinstance(print_, str) or not _FINGERPRINT.fullmatch(print_):
        raise ConfigError(f"{where}: 'fingerprint' must be 16 hex digits")
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise ConfigError(f"{where}: 'count' must be a whole number of at least 1")
    return (path, rule, print_), count
