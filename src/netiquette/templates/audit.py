"""Auditing a template repository: ``netiquette templates audit PATH ...``.

One job: read every template of the given files and folders and report what is wrong
with the repository itself (docs/templates.md, "Audit"):

- every rule of the linter on each template, except NQ501 ``unfilled-placeholder``
  (placeholders are expected in a template) and NQ502 ``template-copy`` (it would match
  each template to itself);
- malformed placeholders (errors): unbalanced braces (``{{ name }``, ``{name}}``, a
  ``{{`` never closed on its line), a variable name with a space inside
  (``{{ first name }}``) and, when a list of known variables is given, a variable not
  on it;
- near-duplicate clusters: templates whose words (placeholders as one slot each) agree
  in order to at least ``similarity`` percent (``2 * common / (a + b)``, rapidfuzz's
  Indel ratio over word codes), grouped by single linkage; pairs are found with a
  :class:`~netiquette.templates.index.TemplateIndex` so that 10,000 templates do not
  need 50 million comparisons;
- trivial duplicates: templates identical once case, punctuation, whitespace and the
  syntax of their placeholders are ignored;
- empty (an error) and tiny templates (fewer than :data:`TINY_WORDS` words).

The gate (exit code 1) fails on error-level findings: a linter suggestion of severity
``error``, a malformed placeholder or an empty template. Duplicates, clusters and tiny
templates are warnings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from netiquette.core import TemplateError
from netiquette.lang import AUTO, check_language, fallback
from netiquette.report import Report, Suggestion
from netiquette.templates.duplicates import clusters as near_duplicates
from netiquette.templates.duplicates import slot_key
from netiquette.templates.findings import EMPTY, TINY, TemplateFinding
from netiquette.templates.formats import CSV_SUFFIXES, TEXT_SUFFIXES, TemplateRecord
from netiquette.templates.placeholder_checks import placeholder_findings
from netiquette.templates.reading import read_sources
from netiquette.templates.words import WordCodes, normalize
from netiquette.text import placeholders
from netiquette.text.escape import line_start, one_line
from netiquette.text.markup import strip_html

#: Templates with fewer words than this (placeholders not counted) are reported tiny.
TINY_WORDS = 5
#: Default similarity (0-100) from which two templates are near duplicates.
DEFAULT_SIMILARITY = 90
#: Rules the audit never applies to templates.
IGNORED_RULES = ("NQ501", "NQ502")
SCHEMA_VERSION = "1.0"

#: Files whose template bodies keep their own lines (a finding's line is exact).
_LINE_EXACT_SUFFIXES = TEXT_SUFFIXES + CSV_SUFFIXES


class Checker(Protocol):
    """What the audit needs of a linter: a report for a text (``Linter.check``)."""

    def check(self, text: str, *, path: str | None = None) -> Report: ...


@dataclass
class TemplateAudit:
    """The findings of one template."""

    id: str
    source: str
    line: int | None
    title: str | None
    words: int
    findings: list[TemplateFinding] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "line": self.line,
            "title": self.title,
            "words": self.words,
            "passed": not self.failed,
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass(frozen=True)
class Cluster:
    """Near-duplicate templates: ``pairs`` are (id, id, similarity) at or above the cut."""

    ids: tuple[str, ...]
    pairs: tuple[tuple[str, str, float], ...]

    @property
    def max_similarity(self) -> float:
        return max(p[2] for p in self.pairs)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ids": list(self.ids),
            "max_similarity": round(self.max_similarity, 1),
            "pairs": [{"a": a, "b": b, "similarity": round(s, 1)} for a, b, s in self.pairs],
        }


@dataclass
class AuditResult:
    """Everything the audit found; :meth:`to_dict` is the JSON shape (docs/templates.md)."""

    templates: list[TemplateAudit]
    clusters: list[Cluster]
    duplicates: list[tuple[str, ...]]
    tiny: list[str]
    problems: list[TemplateError]
    similarity: int = DEFAULT_SIMILARITY

    @property
    def failed(self) -> bool:
        """Whether the gate fails: an error-level finding in any template."""
        return any(t.failed for t in self.templates)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "summary": {
                "templates": len(self.templates),
                "failed": sum(1 for t in self.templates if t.failed),
                "findings": sum(len(t.findings) for t in self.templates),
                "clusters": len(self.clusters),
                "duplicates": len(self.duplicates),
                "tiny": len(self.tiny),
                "errors": len(self.problems),
                "similarity": self.similarity,
            },
            "templates": [t.to_dict() for t in self.templates],
            "clusters": [c.to_dict() for c in self.clusters],
            "duplicates": [list(group) for group in self.duplicates],
            "tiny": list(self.tiny),
            "errors": [str(p) for p in self.problems],
        }


# -- reading ---------------------------------------------------------------------------


def read_records(
    paths: Iterable[str | Path], fmt: str = "auto", *, follow_symlinks: bool = False
) -> tuple[list[TemplateRecord], list[TemplateError]]:
    """Every template record of ``paths``, blank ones included, and the problems (bad
    files or records, duplicate ids: the first template of an id is kept)."""
    return read_sources(
        [Path(p) for p in paths], fmt, on_error="collect", follow_symlinks=follow_symlinks
    )


# -- the audit -------------------------------------------------------------------------


#: What the audit keeps of one template: its findings, its words, its slot names.
_Audited = tuple[TemplateAudit, tuple[str | None, ...], tuple[str, ...]]
#: Runs a function over the records, in order: ``map`` or
#: ``netiquette.batch.map_in_order`` (forked worker processes).
MapRecords = Callable[
    [Callable[[TemplateRecord], _Audited], Sequence[TemplateRecord]], Iterable[_Audited]
]
#: Wraps the results, given their number: a progress bar.
Progress = Callable[[Iterator[_Audited], int], Iterable[_Audited]]


@dataclass(frozen=True)
class _RecordAuditor:
    """The audit of one template on its own (every rule, placeholders, size): the part
    that runs in worker processes."""

    checker: Checker
    default_lang: str
    known: tuple[str, ...]

    def __call__(self, record: TemplateRecord) -> _Audited:
        text = strip_html(record.body) if record.html else record.body
        report = self.checker.check(text, path=record.source or None) if text.strip() else None
        text_lang = report.lang if report is not None else self.default_lang
        norm = normalize(text, text_lang)
        line_of = _line_mapper(record)
        item = TemplateAudit(record.id, record.source, record.line, record.title, norm.word_count)
        found: list[tuple[int, TemplateFinding]] = []
        if report is not None:
            found += [(s.start, _from_suggestion(s, line_of)) for s in report.suggestions]
        found += placeholder_findings(text, text_lang, self.known)
        found.sort(key=lambda pair: pair[0])
        for offset, finding in found:
            if finding.line is None:
                finding = _with_line(finding, line_of(text.count("\n", 0, offset) + 1))
            item.findings.append(finding)
        if norm.word_count == 0 and not norm.slots:
            item.findings.append(
                TemplateFinding(
                    *EMPTY, "error", "The template is empty, so it sends nothing.", record.line
                )
            )
        elif norm.word_count < TINY_WORDS:
            item.findings.append(
                TemplateFinding(
                    *TINY,
                    "warning",
                    f"The template has only {norm.word_count} "
                    f"word{_plural(norm.word_count)}, too few to answer "
                    "a customer on its own.",
                    record.line,
                )
            )
        names = tuple(slot_key(p.name) for p in placeholders.find(text, text_lang))
        return item, norm.words, names


def audit_records(
    records: Sequence[TemplateRecord],
    *,
    checker: Checker,
    lang: str = AUTO,
    known_variables: Sequence[str] = (),
    similarity: int = DEFAULT_SIMILARITY,
    progress: Progress | None = None,
    map_records: MapRecords | None = None,
) -> AuditResult:
    """Audit templates already read (see the module docstring).

    ``checker`` runs the rules on each template: a Linter without the rules in
    :data:`IGNORED_RULES` (``Linter(..., ignore=IGNORED_RULES)``), whose report's
    language is the template's; ``lang`` is used for templates it does not check
    (blank ones). ``map_records(function, records)`` runs the per-template part (rules,
    placeholders, size) over the records in order: ``map`` by default, or
    ``functools.partial(netiquette.batch.map_in_order, jobs=2)`` for worker
    processes. ``progress(results, total)`` wraps its results (a progress bar).
    """
    if not 1 <= similarity <= 100:
        raise ValueError(f"similarity must be between 1 and 100, got {similarity}")
    lang = check_language(lang)
    default_lang = lang if lang != AUTO else fallback()
    auditor = _RecordAuditor(checker, default_lang, tuple(known_variables))
    results = iter((map_records or map)(auditor, records))
    audits: list[TemplateAudit] = []
    words_of: list[tuple[str | None, ...]] = []
    slot_names: list[tuple[str, ...]] = []
    for item, words, names in progress(results, len(records)) if progress else results:
        audits.append(item)
        words_of.append(words)
        slot_names.append(names)
    tiny = [a.id for a in audits if any(f.rule_id == TINY[0] for f in a.findings)]

    # Trivial duplicates: same words, same placeholders (whatever their syntax).
    by_key: dict[tuple[Any, ...], list[int]] = {}
    for i, (words, names) in enumerate(zip(words_of, slot_names, strict=True)):
        if any(w is not None for w in words):
            by_key.setdefault((words, names), []).append(i)
    duplicate_groups = [g for g in by_key.values() if len(g) > 1]
    duplicates = sorted(tuple(sorted(audits[i].id for i in g)) for g in duplicate_groups)
    same_group = {i: n for n, g in enumerate(duplicate_groups) for i in g}

    # Near duplicates over word codes: each template listed with its closest match.
    codes = WordCodes()
    encoded = [codes.add(words) for words in words_of]
    linked = near_duplicates(encoded, similarity)
    clusters: list[Cluster] = []
    for group in linked.groups():
        if len({same_group.get(i, -1 - i) for i in group}) == 1:
            continue  # one set of trivial duplicates: reported under duplicates
        closest: set[tuple[str, str, float]] = set()
        for a in group:
            score, b = linked.closest[a]
            if b < 0 or (a in same_group and same_group.get(b) == same_group[a]):
                continue
            first, second = sorted((audits[a].id, audits[b].id))
            closest.add((first, second, score))
        if not closest:
            continue
        cluster_pairs = tuple(sorted(closest, key=lambda p: (-p[2], p[0], p[1])))
        clusters.append(Cluster(tuple(sorted(audits[i].id for i in group)), cluster_pairs))
    clusters.sort(key=lambda c: (-c.max_similarity, c.ids))
    return AuditResult(audits, clusters, duplicates, tiny, [], similarity)


def audit(
    paths: Iterable[str | Path],
    *,
    checker: Checker,
    lang: str = AUTO,
    format: str = "auto",
    known_variables: Sequence[str] = (),
    similarity: int = DEFAULT_SIMILARITY,
    progress: Progress | None = None,
    follow_symlinks: bool = False,
    map_records: MapRecords | None = None,
) -> AuditResult:
    """Read every template of ``paths`` and audit them; unreadable files and records are
    listed in ``problems`` and the rest is still audited."""
    records, problems = read_records(paths, format, follow_symlinks=follow_symlinks)
    result = audit_records(
        records,
        checker=checker,
        lang=lang,
        known_variables=known_variables,
        similarity=similarity,
        progress=progress,
        map_records=map_records,
    )
    result.problems = problems
    return result


def _plural(n: int) -> str:
    return "" if n == 1 else "s"


def _line_mapper(record: TemplateRecord) -> Callable[[int], int | None]:
    """Line in the file of a line of the body: exact for text and CSV files, the
    record's line for JSON exports (the body is one JSON string)."""
    base = record.line
    if base is None:
        return lambda n: None
    if record.source.lower().endswith(_LINE_EXACT_SUFFIXES) and not record.html:
        return lambda n: base + n - 1
    return lambda n: base


def _from_suggestion(s: Suggestion, line_of: Callable[[int], int | None]) -> TemplateFinding:
    return TemplateFinding(
        s.rule_id, s.name, s.severity, s.message, line_of(s.line), s.match, s.replacements
    )


def _with_line(finding: TemplateFinding, line: int | None) -> TemplateFinding:
    return TemplateFinding(
        finding.rule_id,
        finding.name,
        finding.severity,
        finding.message,
        line,
        finding.match,
        finding.replacements,
    )


# -- output ----------------------------------------------------------------------------


def format_text(result: AuditResult) -> str:
    """Compiler-style lines, then the clusters, duplicates and a summary. Ids, file
    names and messages come from the files: they are escaped onto one line each and
    can never start a line with ``::`` (netiquette.text.escape)."""
    lines: list[str] = []
    for item in result.templates:
        for f in item.findings:
            where = f"{item.source}:{f.line}" if f.line is not None else item.source
            lines.append(
                f"{line_start(where or item.id)}: {one_line(item.id)}: {f.rule_id} "
                f"{one_line(f.message)}"
            )
    for n, cluster in enumerate(result.clusters, 1):
        lines.append("")
        lines.append(
            f"near-duplicate cluster {n} ({len(cluster.ids)} templates, up to "
            f"{cluster.max_similarity:.0f}% similar): {one_line(', '.join(cluster.ids))}"
        )
        lines += [f"  {one_line(a)} ~ {one_line(b)}: {s:.0f}%" for a, b, s in cluster.pairs]
    if result.duplicates:
        lines.append("")
        lines.append("trivial duplicates (same text but for case, punctuation, whitespace):")
        lines += [f"  {one_line(', '.join(group))}" for group in result.duplicates]
    failed = sum(1 for t in result.templates if t.failed)
    lines.append("")
    lines.append(
        f"{len(result.templates)} templates: {failed} failed, "
        f"{sum(len(t.findings) for t in result.templates)} findings, "
        f"{len(result.clusters)} near-duplicate clusters, "
        f"{len(result.duplicates)} duplicate groups, {len(result.tiny)} tiny"
    )
    return "\n".join(lines).lstrip("\n")
