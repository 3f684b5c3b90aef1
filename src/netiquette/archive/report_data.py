"""The figures of the archive report, gathered from a results dataset (docs/archive.md)
one batch at a time, in memory that does not grow with the archive.

Only the columns a figure needs are read: the counts, scores, verdicts, weeks and group
columns of every row; ``text`` and ``suggestions`` only of the worst replies. Those are
found in a first pass with a heap of :data:`WORST_REPLIES` entries, and read in a second
pass from the row groups that hold them. pyarrow is imported here, on first use of the
report, never by ``import netiquette``.
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from netiquette.archive.columns import SCORE_COLUMNS
from netiquette.core import CATEGORIES, SEVERITIES, InputError

if TYPE_CHECKING:
    import pyarrow as pa

#: How many of the lowest-scored replies the report shows.
WORST_REPLIES = 20
#: Rows read at a time.
BATCH_ROWS = 65_536
#: The columns every results dataset has (and their kinds); rule count columns are the
#: other integer columns, group columns the text columns between ``id`` and ``time``.
_REQUIRED: dict[str, str] = {
    "row": "integer",
    "week": "string",
    "lang": "string",
    "words": "integer",
    "score": "integer",
    "passed": "boolean",
    **dict.fromkeys(SCORE_COLUMNS, "integer"),
    "suggestions": "list",
    "text": "string",
    "error": "string",
}


@dataclass(frozen=True)
class RuleCount:
    """How often a rule found something: findings in all, and replies with one or more."""

    rule_id: str
    name: str
    category: str
    findings: int
    replies: int


@dataclass(frozen=True)
class GroupRow:
    """One value of a group column (an agent, a channel): its replies and how they did."""

    value: str | None
    replies: int
    checked: int
    passed: int
    mean_score: float | None
    top_rule: str | None
    top_rule_findings: int

    @property
    def pass_rate(self) -> float:
        return self.passed / self.replies if self.replies else 0.0


@dataclass(frozen=True)
class Finding:
    """One suggestion of a worst reply, as the results recorded it."""

    rule_id: str
    name: str
    category: str
    severity: str
    message: str
    start: int
    end: int
    match: str


@dataclass(frozen=True)
class WorstReply:
    """One of the lowest-scored replies, with its text and findings."""

    row: int
    id: str | None
    score: int
    lang: str | None
    week: str | None
    groups: tuple[tuple[str, str | None], ...]
    text: str
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Weekly:
    """Mean scores per ISO week: ``means["overall"]`` and one per category, each aligned
    with ``weeks`` (None where no reply of that week had the category checked)."""

    weeks: tuple[str, ...]
    replies: tuple[int, ...]
    means: dict[str, tuple[float | None, ...]]


@dataclass(frozen=True)
class Figures:
    """Everything the report shows."""

    replies: int
    checked: int
    passed: int
    errors: int
    mean_score: float | None
    without_week: int
    weekly: Weekly
    rules: tuple[RuleCount, ...]
    groups: tuple[tuple[str, tuple[GroupRow, ...]], ...]
    worst: tuple[WorstReply, ...]


@dataclass(frozen=True)
class Layout:
    """Which columns of a results schema are groups and which are rule counts."""

    groups: tuple[str, ...]
    rules: tuple[str, ...]
    has_id: bool


def _kind(data_type: pa.DataType) -> str:
    import pyarrow as pa

    if pa.types.is_integer(data_type):
        return "integer"
    if pa.types.is_string(data_type) or pa.types.is_large_string(data_type):
        return "string"
    if pa.types.is_boolean(data_type):
        return "boolean"
    if pa.types.is_list(data_type) or pa.types.is_large_list(data_type):
        return "list"
    return str(data_type)


def layout(schema: pa.Schema, where: str) -> Layout:
    """The layout of ``schema``; an InputError naming ``where`` and the first column
    that is missing or of the wrong kind when it is not a results schema."""
    names = list(schema.names)
    kinds = {name: _kind(schema.field(name).type) for name in dict.fromkeys(names)}
    for name, kind in _REQUIRED.items():
        if name not in kinds:
            raise InputError(
                f"{where}: not the results of 'netiquette archive': no column {name!r}"
            )
        if kinds[name] != kind:
            raise InputError(
                f"{where}: column {name!r} is {schema.field(name).type}, expected {kind}"
            )
    fixed = {"row", "words", "score", *SCORE_COLUMNS}
    rules = tuple(sorted(n for n, k in kinds.items() if k == "integer" and n not in fixed))
    first = names.index("id") + 1 if "id" in kinds else names.index("row") + 1
    last = names.index("time") if "time" in kinds else names.index("week")
    groups = tuple(dict.fromkeys(n for n in names[first:last] if kinds[n] == "string"))
    return Layout(groups=groups, rules=rules, has_id="id" in kinds)


class Results:
    """A results dataset read in pieces (a row group of a Parquet file, a slice of a
    table), each in batches of at most :data:`BATCH_ROWS` rows."""

    def __init__(self, results: str | os.PathLike[str] | pa.Table) -> None:
        import pyarrow as pa

        self._table: pa.Table | None = None
        self._fragments: list[Any] = []
        if isinstance(results, pa.Table):
            self._table = results
            self.where = "the results table"
            self.schema = results.schema
            self.pieces = -(-results.num_rows // BATCH_ROWS)
        else:
            self.where = os.fspath(results)
            self.schema, self._fragments = _open(self.where)
            self.pieces = len(self._fragments)
        self.layout = layout(self.schema, self.where)

    def read(self, piece: int, columns: Sequence[str]) -> Iterator[pa.RecordBatch]:
        if self._table is not None:
            part = self._table.slice(piece * BATCH_ROWS, BATCH_ROWS).select(list(columns))
            yield from part.to_batches()
            return
        import pyarrow as pa

        try:
            yield from self._fragments[piece].to_batches(
                columns=list(columns), batch_size=BATCH_ROWS, schema=self.schema
            )
        except (OSError, pa.ArrowException) as exc:
            raise InputError(f"{self.where}: cannot be read: {exc}") from exc


def _open(where: str) -> tuple[pa.Schema, list[Any]]:
    """The schema of the Parquet file or directory ``where`` and its row groups. Of a
    directory, the ``*.parquet`` files are read in name order; the manifest and the
    temporary files of a run still writing are not."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    if os.path.isdir(where):
        files = sorted(
            os.path.join(where, name)
            for name in os.listdir(where)
            if name.endswith(".parquet") and not name.startswith((".", "_"))
        )
        if not files:
            raise InputError(f"{where}: no Parquet files (part-*.parquet) in this directory")
    elif os.path.exists(where):
        files = [where]
    else:
        raise InputError(f"{where}: no such results file or directory")
    try:
        dataset = ds.dataset(files, format="parquet")
        fragments = [
            group for fragment in dataset.get_fragments() for group in fragment.split_by_row_group()
        ]
    except (OSError, pa.ArrowException) as exc:
        raise InputError(f"{where}: not a Parquet results dataset: {exc}") from exc
    return dataset.schema, fragments


@dataclass
class _Group:
    replies: int = 0
    checked: int = 0
    passed: int = 0
    score_sum: int = 0
    rule_findings: list[int] = field(default_factory=list)


@dataclass
class _Tally:
    """The running sums of the first pass."""

    rules: tuple[str, ...]
    groups: tuple[str, ...]
    replies: int = 0
    checked: int = 0
    passed: int = 0
    errors: int = 0
    score_sum: int = 0
    without_week: int = 0
    rule_findings: dict[str, int] = field(default_factory=dict)
    rule_replies: dict[str, int] = field(default_factory=dict)
    #: week -> [replies, then sum and count of "score" and of each score column]
    weeks: dict[str, list[int]] = field(default_factory=dict)
    group_values: dict[str, dict[str | None, _Group]] = field(default_factory=dict)
    #: the worst replies so far as (-score, -row, piece): a max-heap of the kept ones
    worst: list[tuple[int, int, int]] = field(default_factory=list)

    def add(self, batch: pa.RecordBatch, piece: int) -> None:
        import pyarrow as pa
        import pyarrow.compute as pc

        table = pa.Table.from_batches([batch])
        self.replies += batch.num_rows
        self.checked += int(pc.count(batch["score"]).as_py())
        self.score_sum += int(pc.sum(batch["score"]).as_py() or 0)
        self.passed += int(pc.sum(batch["passed"]).as_py() or 0)
        self.errors += int(pc.sum(pc.greater(pc.utf8_length(batch["error"]), 0)).as_py() or 0)
        self.without_week += batch["week"].null_count
        for rule in self.rules:
            column = batch[rule]
            findings = int(pc.sum(column).as_py() or 0)
            self.rule_findings[rule] = self.rule_findings.get(rule, 0) + findings
            if findings:
                replies = int(pc.sum(pc.greater(column, 0)).as_py() or 0)
                self.rule_replies[rule] = self.rule_replies.get(rule, 0) + replies
        self._add_weeks(table)
        for group in self.groups:
            self._add_group(table, group)
        self._add_worst(batch, piece)

    def _add_weeks(self, table: pa.Table) -> None:
        scores = ("score", *SCORE_COLUMNS)
        aggregations = [("row", "count")]
        aggregations += [(c, how) for c in scores for how in ("sum", "count")]
        by_week = table.group_by("week").aggregate(aggregations).to_pydict()
        sums = [by_week["row_count"]]
        sums += [by_week[f"{c}_{how}"] for c in scores for how in ("sum", "count")]
        for i, week in enumerate(by_week["week"]):
            if week is None:
                continue
            kept = self.weeks.setdefault(week, [0] * len(sums))
            for j, values in enumerate(sums):
                kept[j] += int(values[i] or 0)

    def _add_group(self, table: pa.Table, group: str) -> None:
        aggregations = [("row", "count"), ("score", "count"), ("score", "sum"), ("passed", "sum")]
        aggregations += [(rule, "sum") for rule in self.rules]
        found = table.group_by(group).aggregate(aggregations).to_pydict()
        values = self.group_values.setdefault(group, {})
        rule_sums = [found[f"{rule}_sum"] for rule in self.rules]
        for i, value in enumerate(found[group]):
            kept = values.get(value)
            if kept is None:
                kept = values[value] = _Group(rule_findings=[0] * len(self.rules))
            kept.replies += int(found["row_count"][i])
            kept.checked += int(found["score_count"][i])
            kept.score_sum += int(found["score_sum"][i] or 0)
            kept.passed += int(found["passed_sum"][i] or 0)
            for j, sums in enumerate(rule_sums):
                kept.rule_findings[j] += int(sums[i] or 0)

    def _add_worst(self, batch: pa.RecordBatch, piece: int) -> None:
        import pyarrow.compute as pc

        scored = batch.select(["score", "row"]).filter(pc.is_valid(batch["score"]))
        if not scored.num_rows:
            return
        keys = [("score", "ascending"), ("row", "ascending")]
        lowest = pc.select_k_unstable(scored, k=min(WORST_REPLIES, scored.num_rows), sort_keys=keys)
        chosen = scored.take(lowest).to_pydict()
        for score, row in zip(chosen["score"], chosen["row"], strict=True):
            entry = (-int(score), -int(row), piece)
            if len(self.worst) < WORST_REPLIES:
                heapq.heappush(self.worst, entry)
            elif entry > self.worst[0]:
                heapq.heapreplace(self.worst, entry)


def gather(results: Results) -> Figures:
    """The figures of ``results``: two passes, the second over the worst replies' row
    groups only."""
    found = results.layout
    tally = _Tally(rules=found.rules, groups=found.groups)
    columns = list(
        dict.fromkeys(
            ["row", "score", "passed", "error", "week", *SCORE_COLUMNS, *found.rules, *found.groups]
        )
    )
    for piece in range(results.pieces):
        for batch in results.read(piece, columns):
            tally.add(batch, piece)
    worst = _worst_replies(results, tally.worst)
    rules = _rule_counts(tally, worst)
    names = {rule.rule_id: rule for rule in rules}
    groups = tuple((group, _group_rows(tally, group, names)) for group in found.groups)
    return Figures(
        replies=tally.replies,
        checked=tally.checked,
        passed=tally.passed,
        errors=tally.errors,
        mean_score=tally.score_sum / tally.checked if tally.checked else None,
        without_week=tally.without_week,
        weekly=_weekly(tally),
        rules=rules,
        groups=groups,
        worst=worst,
    )


def _mean(total: int, count: int) -> float | None:
    return total / count if count else None


def _weekly(tally: _Tally) -> Weekly:
    weeks = tuple(sorted(tally.weeks))
    means: dict[str, tuple[float | None, ...]] = {}
    for k, name in enumerate(("overall", *CATEGORIES)):
        means[name] = tuple(
            _mean(tally.weeks[w][1 + 2 * k], tally.weeks[w][2 + 2 * k]) for w in weeks
        )
    return Weekly(weeks=weeks, replies=tuple(tally.weeks[w][0] for w in weeks), means=means)


def _rule_counts(tally: _Tally, worst: Sequence[WorstReply]) -> tuple[RuleCount, ...]:
    """The rules that found something, most findings first. Their names and categories
    are netiquette's own, else those the worst replies' suggestions recorded."""
    from netiquette.registry import rules as known_rules

    names = {f.rule_id: (f.name, f.category) for reply in worst for f in reply.findings}
    names.update((info.id, (info.name, info.category)) for info in known_rules())
    counted = [
        RuleCount(
            rule_id=rule,
            name=names.get(rule, ("", ""))[0],
            category=names.get(rule, ("", ""))[1],
            findings=tally.rule_findings.get(rule, 0),
            replies=tally.rule_replies.get(rule, 0),
        )
        for rule in tally.rules
        if tally.rule_findings.get(rule, 0) > 0
    ]
    return tuple(sorted(counted, key=lambda r: (-r.findings, r.rule_id)))


def _group_rows(tally: _Tally, group: str, rules: dict[str, RuleCount]) -> tuple[GroupRow, ...]:
    """The values of ``group``, worst first: lowest mean score, then lowest pass rate."""
    shown: list[GroupRow] = []
    for value, kept in tally.group_values.get(group, {}).items():
        top = max(range(len(tally.rules)), key=lambda j: kept.rule_findings[j], default=None)
        top_findings = kept.rule_findings[top] if top is not None else 0
        shown.append(
            GroupRow(
                value=value,
                replies=kept.replies,
                checked=kept.checked,
                passed=kept.passed,
                mean_score=_mean(kept.score_sum, kept.checked),
                top_rule=tally.rules[top] if top is not None and top_findings else None,
                top_rule_findings=top_findings,
            )
        )

    def worst_first(row: GroupRow) -> tuple[bool, float, float, int, str]:
        mean = row.mean_score if row.mean_score is not None else 101.0
        return (row.mean_score is None, mean, row.pass_rate, -row.replies, row.value or "")

    return tuple(sorted(shown, key=worst_first))


def _worst_replies(
    results: Results, heap: Sequence[tuple[int, int, int]]
) -> tuple[WorstReply, ...]:
    """The replies of ``heap`` with their text and findings, lowest score first."""
    import pyarrow as pa
    import pyarrow.compute as pc

    found = results.layout
    wanted: dict[int, list[int]] = {}
    for _, row, piece in heap:
        wanted.setdefault(piece, []).append(-row)
    columns = ["row", "score", "lang", "week", *found.groups, "text", "suggestions"]
    if found.has_id:
        columns.insert(1, "id")
    columns = list(dict.fromkeys(columns))
    replies: dict[int, WorstReply] = {}
    for piece, rows in sorted(wanted.items()):
        for batch in results.read(piece, columns):
            mask = pc.is_in(batch["row"], value_set=pa.array(rows, type=batch["row"].type))
            for record in batch.filter(mask).to_pylist():
                if record["row"] not in replies and record["score"] is not None:
                    replies[record["row"]] = _worst_reply(record, found)
    return tuple(sorted(replies.values(), key=lambda r: (r.score, r.row))[:WORST_REPLIES])


def _worst_reply(record: dict[str, Any], found: Layout) -> WorstReply:
    findings = []
    for item in record["suggestions"] or ():
        if not item:
            continue
        severity = str(item.get("severity") or "info")
        findings.append(
            Finding(
                rule_id=str(item.get("rule_id") or ""),
                name=str(item.get("name") or ""),
                category=str(item.get("category") or ""),
                severity=severity if severity in SEVERITIES else "info",
                message=str(item.get("message") or ""),
                start=int(item.get("start") or 0),
                end=int(item.get("end") or 0),
                match=str(item.get("match") or ""),
            )
        )
    return WorstReply(
        row=int(record["row"]),
        id=record.get("id"),
        score=int(record["score"]),
        lang=record["lang"],
        week=record["week"],
        groups=tuple((group, record[group]) for group in found.groups),
        text=record["text"] or "",
        findings=tuple(findings),
    )
