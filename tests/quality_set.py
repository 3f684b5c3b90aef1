"""The evaluation set (data/eval/) and how netiquette is scored on it.

data/eval/<lang>.yaml holds realistic replies written for evaluation, apart from the
rule fixtures: each has the categories a support lead would want flagged (``labels``;
empty for a clean reply), a kind (chat, email, html, social, quoted) and sometimes the
customer's message it answers. A category counts as flagged when the reply gets a
warning or an error in it: info suggestions are advice, shown but never an alarm.

Used by benchmarks/quality.py (``make eval``, docs/quality.md) and by the quality gate
in tests/test_quality_gate.py.
"""

from __future__ import annotations

import functools
import inspect
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from netiquette import Linter, Report

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "data" / "eval"
#: The committed figures the gate compares with (written by ``make eval``).
FIGURES = ROOT / "docs" / "quality.json"
LANGUAGES = ("en", "tr")
#: The categories labelled in the set (grammar needs a LanguageTool server).
CATEGORIES = ("tone", "profanity", "jargon", "readability", "boilerplate")
KINDS = ("chat", "email", "html", "social", "quoted")
#: The gate's tolerance: a category's F1 may not drop more than this below the figure.
F1_TOLERANCE = 0.02


@dataclass(frozen=True)
class Item:
    id: str
    lang: str
    text: str
    labels: frozenset[str]
    kind: str
    note: str = ""
    customer_message: str | None = None


def load(lang: str) -> list[Item]:
    """The items of data/eval/<lang>.yaml (checked: known labels and kinds, unique ids)."""
    raw = yaml.safe_load((EVAL / f"{lang}.yaml").read_text(encoding="utf-8"))
    items = []
    for entry in raw:
        labels = frozenset(entry.get("labels") or ())
        unknown = labels - set(CATEGORIES)
        if unknown or entry["kind"] not in KINDS:
            raise ValueError(f"{entry['id']}: unknown labels {unknown} or kind {entry['kind']}")
        items.append(
            Item(
                id=str(entry["id"]),
                lang=lang,
                text=str(entry["text"]),
                labels=labels,
                kind=entry["kind"],
                note=str(entry.get("note") or ""),
                customer_message=entry.get("customer_message"),
            )
        )
    if len({i.id for i in items}) != len(items):
        raise ValueError(f"data/eval/{lang}.yaml: duplicate ids")
    return items


def flagged(report: Report) -> frozenset[str]:
    """The categories in which ``report`` has a warning or an error."""
    return frozenset(s.category for s in report.suggestions if s.severity != "info")


@functools.cache
def _takes_context() -> bool:
    """Whether this netiquette's Linter takes the customer's message (one before issue
    10, measured for docs/quality.md, does not)."""
    return "context" in inspect.signature(Linter.check).parameters


def check_text(linter: Linter, text: str, customer_message: str | None = None) -> Report:
    """``text`` checked as a helpdesk would: with the customer's message when known
    (and when this netiquette reads it)."""
    if customer_message and _takes_context():
        return linter.check(text, context={"customer_message": customer_message})
    return linter.check(text)


def check(linter: Linter, item: Item) -> Report:
    """``item`` checked with its customer's message when it has one."""
    return check_text(linter, item.text, item.customer_message)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """P/R/F1 per category, false alarms on clean replies, and the misses."""

    lang: str
    counts: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in CATEGORIES})
    clean: int = 0
    false_alarms: int = 0
    #: (item, what was expected, what was flagged) for every item not matched exactly.
    mistakes: list[tuple[Item, frozenset[str], frozenset[str]]] = field(default_factory=list)

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.clean if self.clean else 0.0

    def figures(self) -> dict[str, Any]:
        return {
            "categories": {
                c: {
                    "precision": round(n.precision, 3),
                    "recall": round(n.recall, 3),
                    "f1": round(n.f1, 3),
                    "support": n.tp + n.fn,
                }
                for c, n in self.counts.items()
            },
            "clean": self.clean,
            "false_alarm_rate": round(self.false_alarm_rate, 3),
        }


def score(items: Sequence[Item], predict: Callable[[Item], Iterable[str]], lang: str) -> Scores:
    """Score ``predict`` (an item -> the categories it flags) on ``items``."""
    scores = Scores(lang)
    for item in items:
        found = frozenset(predict(item)) & set(CATEGORIES)
        for category in CATEGORIES:
            counts = scores.counts[category]
            expected, got = category in item.labels, category in found
            counts.tp += expected and got
            counts.fp += got and not expected
            counts.fn += expected and not got
        if not item.labels:
            scores.clean += 1
            scores.false_alarms += bool(found)
        if found != item.labels:
            scores.mistakes.append((item, item.labels, found))
    return scores


def netiquette_scores(lang: str, linter: Linter | None = None) -> Scores:
    """netiquette on data/eval/<lang>.yaml, choosing the language itself (lang auto)."""
    linter = linter or Linter()
    return score(load(lang), lambda item: flagged(check(linter, item)), lang)


def committed_figures() -> Mapping[str, Any]:
    return dict(json.loads(FIGURES.read_text(encoding="utf-8")))
