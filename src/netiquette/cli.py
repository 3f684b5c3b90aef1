"""The ``netiquette`` command: check, fix, rules, explain.

Exit codes: 0 every text passed; 1 a text failed the gate (an error-level suggestion, or
a score under fail_under); 2 a usage, configuration or input error (the other files are
still checked and reported). ``fix``: 1 when a fixed text still fails the gate, or with
``--diff`` when a file would change.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import gc
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from netiquette import __version__, formatters
from netiquette.core import SEVERITIES, NetiquetteError, Severity
from netiquette.templates.formats import FORMATS
from netiquette.text.escape import one_line

if TYPE_CHECKING:
    from netiquette.config import Settings
    from netiquette.report import Report

# What a command needs is imported in its function (the linter, the text model,
# language data, baselines, processes): ``--help`` and ``rules`` load none of it, and
# `tests/test_cli.py` checks that they never import spaCy.

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
#: Whether start-up's objects are frozen once the collector resumes (the console
#: command, :func:`run`; see :func:`_collector_paused`).
_freeze_after_start = False
PROGRESS_MIN_FILES = 20
T = TypeVar("T")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # exit 2 with usage, as argparse does
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"netiquette: error: {message}\n")


def _add_follow_symlinks(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument(
        "--follow-symlinks",
        action="store_true",
        help="in folders, follow symbolic links that lead out of them (skipped by default)",
    )


def _add_templates_format(parser: argparse.ArgumentParser, files: str) -> None:
    parser.add_argument(
        "--templates-format",
        choices=FORMATS,
        metavar="FORMAT",
        help=f"how {files} are read: " + ", ".join(FORMATS) + " (default: auto)",
    )


def _add_message_lang(cmd: argparse.ArgumentParser, default: str) -> None:
    cmd.add_argument(
        "--message-lang",
        metavar="LANG",
        help=f"language of the messages: en or tr (default: {default})",
    )


def _add_rule_and_config_options(cmd: argparse.ArgumentParser) -> None:
    """--select, --ignore, --config and --no-config, the same for every command."""
    cmd.add_argument("--select", metavar="IDS", help="only these rules (ids, names, categories)")
    cmd.add_argument("--ignore", metavar="IDS", help="skip these rules")
    cmd.add_argument(
        "--config",
        metavar="FILE",
        help=".netiquette.toml or pyproject.toml (default: found upwards)",
    )
    cmd.add_argument("--no-config", action="store_true", help="ignore configuration files")


def _add_jobs(cmd: argparse.ArgumentParser, what: str, output: str = "output") -> None:
    cmd.add_argument(
        "--jobs",
        "-j",
        type=int,
        metavar="N",
        help=f"{what} in N processes (default: the number of cores); the {output} is "
        "the same as with --jobs 1",
    )


def _add_template_and_service_options(cmd: argparse.ArgumentParser) -> None:
    """--templates, --templates-format, --templates-index and --languagetool-url, the
    same for ``check`` and ``archive``."""
    cmd.add_argument(
        "--templates",
        action="append",
        metavar="PATH",
        help="known templates: a folder of .txt/.md, a .txt/.md/.csv file or a helpdesk "
        "JSON export (repeatable)",
    )
    _add_templates_format(cmd, "--templates files")
    cmd.add_argument(
        "--templates-index",
        metavar="FILE",
        help="cache of the template index: reused when it fits the templates, "
        "written when missing or stale (large template sets)",
    )
    cmd.add_argument(
        "--languagetool-url",
        metavar="URL",
        help="LanguageTool server for the grammar rules (also NETIQUETTE_LANGUAGETOOL_URL; "
        "never read from a project's config)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="netiquette",
        description="Lint customer-service replies before they are sent.",
    )
    parser.add_argument("--version", action="version", version=f"netiquette {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="check replies in files, folders or stdin")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; - for stdin")
    check.add_argument("--lang", help="language of the replies: auto (default), en or tr")
    check.add_argument(
        "--format",
        choices=formatters.FORMATS,
        default="text",
        metavar="FORMAT",
        help="report format: " + ", ".join(formatters.FORMATS) + " (default: text)",
    )
    check.add_argument(
        "--output-file",
        "-o",
        metavar="FILE",
        help="write the report in --format to FILE and show text on the terminal",
    )
    check.add_argument(
        "--min-severity",
        choices=SEVERITIES,
        default="info",
        help="show only suggestions at least this severe (the gate is unchanged)",
    )
    check.add_argument(
        "--statistics", action="store_true", help="count the suggestions of each rule"
    )
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when texts fail the gate"
    )
    _add_message_lang(check, "the reply's language")
    _add_template_and_service_options(check)
    _add_follow_symlinks(check)
    _add_rule_and_config_options(check)
    check.add_argument(
        "--fail-under",
        type=int,
        metavar="N",
        help="fail a text whose overall score is below N (0-100)",
    )
    check.add_argument(
        "--customer-message",
        metavar="FILE",
        help="the customer's message the replies answer (- for stdin): turns on the "
        "empathy, mirrored-insult and greeting-name checks",
    )
    _add_jobs(check, "check files")
    check.add_argument(
        "--baseline",
        metavar="FILE",
        help="leave out the findings recorded in FILE (by --write-baseline): fail only on new ones",
    )
    check.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="record today's findings in FILE and exit 0 (adopt the gate, then fix over time)",
    )
    check.add_argument(
        "--quiet", "-q", action="store_true", help="text format: only suggestions and the summary"
    )

    fix = commands.add_parser(
        "fix", help="apply the safe fixes to files, folders or stdin (--diff: only show them)"
    )
    fix.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; - for stdin")
    fix.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="apply unsafe fixes too (the first replacement of every suggestion)",
    )
    fix.add_argument(
        "--diff", action="store_true", help="print a unified diff of the fixes; write nothing"
    )
    fix.add_argument("--lang", help="language of the replies: auto (default), en or tr")
    fix.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 even when problems remain or, with --diff, files would change",
    )
    _add_message_lang(fix, "the reply's language")
    _add_rule_and_config_options(fix)
    fix.set_defaults(fail_under=None, templates=None, templates_format=None)

    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("--lang", help="only rules for this language")
    _add_message_lang(rules, "en")

    explain = commands.add_parser("explain", help="show one rule's documentation")
    explain.add_argument("rule", metavar="RULE", help="rule id (NQ101) or name (shouting)")
    _add_message_lang(explain, "en")

    serve = commands.add_parser(
        "serve", help="check drafts over HTTP, with a page at / (the server extra)"
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument("--workers", type=int, default=1, help="worker processes (default: 1)")
    serve.add_argument(
        "--config",
        metavar="FILE",
        help=".netiquette.toml or pyproject.toml (default: found upwards)",
    )
    serve.add_argument("--no-config", action="store_true", help="ignore configuration files")
    serve.add_argument(
        "--template-set",
        action="append",
        default=[],
        metavar="ID=PATH",
        help="load templates at start as set ID, which requests name (repeatable; the "
        "config's templates are the set 'default')",
    )
    serve.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="let pages from ORIGIN call the API, e.g. https://acme.zendesk.com (repeatable)",
    )
    serve.add_argument(
        "--max-body-bytes", type=int, default=1_000_000, metavar="N", help="(default: 1000000)"
    )
    serve.add_argument(
        "--time-limit", type=float, default=10.0, metavar="S", help="seconds a request may take"
    )
    serve.add_argument(
        "--log-text", action="store_true", help="write reply texts into the log (off by default)"
    )

    templates = commands.add_parser("templates", help="work on a template repository")
    template_commands = templates.add_subparsers(
        dest="templates_command", metavar="COMMAND", parser_class=_Parser
    )
    audit = template_commands.add_parser(
        "audit",
        help="lint templates as templates; report malformed placeholders, near-duplicates "
        "and tiny templates",
    )
    audit.add_argument("paths", nargs="+", metavar="PATH", help="template files or folders")
    _add_templates_format(audit, "the files")
    audit.add_argument(
        "--format",
        choices=("text", "json", *formatters.CI_FORMATS),
        default="text",
        metavar="FORMAT",
        help="report format: text, json, " + ", ".join(formatters.CI_FORMATS),
    )
    audit.add_argument(
        "--output-file",
        "-o",
        metavar="FILE",
        help="write the report in --format to FILE and show text on the terminal",
    )
    audit.add_argument("--exit-zero", action="store_true", help="exit 0 even when templates fail")
    audit.add_argument("--lang", help="language of the templates: auto (default), en or tr")
    _add_message_lang(audit, "the template's language")
    _add_follow_symlinks(audit)
    _add_rule_and_config_options(audit)
    audit.add_argument(
        "--known-variables",
        metavar="NAMES",
        help="the variables templates may use (comma-separated, * wildcards); others are errors",
    )
    _add_jobs(audit, "lint templates")
    audit.add_argument(
        "--similarity",
        type=int,
        metavar="N",
        help="report templates at least N%% similar as near duplicates (default: 90)",
    )
    _add_archive(commands)
    return parser


def _add_archive(commands: Any) -> None:
    archive = commands.add_parser(
        "archive",
        help="audit an archive of replies (JSON Lines, CSV, Parquet) into Parquet results",
    )
    archive.add_argument(
        "archive", metavar="ARCHIVE", help=".jsonl/.ndjson/.json, .csv (maybe .gz) or .parquet"
    )
    archive.add_argument(
        "--out",
        default="results.parquet",
        metavar="DIR",
        help="the results: a folder of Parquet parts (default: results.parquet); a rerun "
        "after an interruption resumes it",
    )
    archive.add_argument(
        "--format",
        dest="archive_format",
        choices=("auto", "jsonl", "csv", "parquet"),
        default="auto",
        help="the archive's format (default: from its name)",
    )
    archive.add_argument(
        "--text-column", default="text", metavar="NAME", help="the replies (default: text)"
    )
    archive.add_argument(
        "--id-column", metavar="NAME", help="the replies' ids (default: id, when there is one)"
    )
    archive.add_argument(
        "--time-column",
        metavar="NAME",
        help="when each reply was sent (default: the first of created_at, timestamp, time, "
        "date there is)",
    )
    archive.add_argument(
        "--lang-column",
        metavar="NAME",
        help="each reply's language, en, tr or auto (empty: --lang)",
    )
    archive.add_argument(
        "--group-by",
        metavar="NAMES",
        help="columns to group the report by, comma-separated; week is the ISO week of the "
        "time (e.g. agent,channel,week)",
    )
    archive.add_argument("--lang", help="language of the replies: auto (default), en or tr")
    _add_message_lang(archive, "the reply's language")
    _add_template_and_service_options(archive)
    _add_rule_and_config_options(archive)
    _add_jobs(archive, "check the replies", "result")
    archive.add_argument(
        "--chunk-rows",
        type=int,
        metavar="N",
        help="replies per part file (default: 2000)",
    )
    archive.add_argument(
        "--overwrite",
        action="store_true",
        help="start over: remove the results in --out (even of another archive or options)",
    )
    archive.add_argument(
        "--report", metavar="FILE", help="also write an HTML report of the results to FILE"
    )
    archive.add_argument(
        "--engine",
        choices=("local", "spark"),
        default="local",
        help="local (default): this machine; spark: a Spark cluster (the spark extra)",
    )
    archive.add_argument(
        "--master",
        metavar="URL",
        help="--engine spark: the Spark master, e.g. local[2] (default: spark-submit's)",
    )
    archive.add_argument("--quiet", "-q", action="store_true", help="no progress bar, no summary")
    archive.set_defaults(fail_under=None)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if sys.stdout is None:  # started with standard output closed: the report would vanish
        if sys.stderr is not None:
            print("netiquette: error: standard output is closed: nowhere to write the report",
                  file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    try:
        code = _dispatch(parser, args)
        sys.stdout.flush()
        return code
    except NetiquetteError as exc:
        print(f"netiquette: error: {one_line(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader stopped reading (``| head``): stop quietly; the report is not whole.
        _discard_stdout()
        return EXIT_USAGE
    except OSError as exc:  # writing the report failed: a full disk, a closed stream
        _discard_stdout()
        print(f"netiquette: error: cannot write the report: {exc.strerror or exc}",
              file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    except KeyboardInterrupt:  # pragma: no cover
        return 130


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.command == "check":
        return run_check(args, sys.stdout, sys.stderr)
    if args.command == "fix":
        return run_fix(args, sys.stdout, sys.stderr)
    if args.command == "rules":
        return run_rules(args, sys.stdout)
    if args.command == "explain":
        return run_explain(args, sys.stdout, sys.stderr)
    if args.command == "serve":
        return run_serve(args, sys.stderr)
    if args.command == "archive":
        return run_archive(args, sys.stderr)
    if args.command == "templates" and args.templates_command == "audit":
        return run_templates_audit(args, sys.stdout, sys.stderr)
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def _discard_stdout() -> None:
    """Point standard output at /dev/null, so that Python's own flush at exit cannot
    fail again with a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _settings(args: argparse.Namespace) -> Settings:
    from netiquette.config import load_settings

    base = load_settings(args.config, start=Path.cwd(), use_files=not args.no_config)
    ignore = None
    if args.ignore:
        ignore = tuple(base.ignore) + tuple(_split(args.ignore))
    from netiquette.config import validate

    checked = (
        validate({"fail_under": args.fail_under}, "--fail-under")
        if (args.fail_under is not None)
        else {}
    )
    if getattr(args, "message_lang", None):
        checked.update(validate({"message_lang": args.message_lang}, "--message-lang"))
    if getattr(args, "languagetool_url", None):
        checked.update(validate({"languagetool_url": args.languagetool_url}, "--languagetool-url"))
    return base.with_overrides(
        lang=args.lang,
        select=tuple(_split(args.select)) if args.select is not None else None,
        ignore=ignore,
        templates=tuple(args.templates) if args.templates else None,
        templates_format=args.templates_format,
        templates_index=getattr(args, "templates_index", None),
        **checked,
    )


def _split(value: str) -> list[str]:
    return [v for v in value.replace(",", " ").split() if v]


@contextmanager
def _notes_on(err: TextIO) -> Iterator[None]:
    """Show the template warnings raised inside (a blank template, a link not followed)
    as notes on ``err``, once each."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    shown: set[str] = set()
    for warning in caught:
        message = one_line(str(warning.message))
        if message not in shown:
            shown.add(message)
            print(f"netiquette: {message}", file=err)


def _load_templates(
    settings: Settings, err: TextIO, follow_symlinks: bool = False
) -> tuple[Any, int]:
    """The templates of the settings, and how many bad files or records were skipped
    (each printed on ``err``; the run still checks everything and then exits 2)."""
    if not settings.templates:
        return None, 0
    from netiquette import templates as templates_package
    from netiquette.lang import check_language

    with _notes_on(err):
        templates = templates_package.load(
            settings.templates,
            lang=check_language(settings.lang),
            format=settings.templates_format,
            index=settings.templates_index,
            on_error="collect",
            follow_symlinks=follow_symlinks,
        )
    for problem in templates.problems:
        print(f"netiquette: error: {one_line(str(problem))}", file=err)
    for note in templates.notes:
        print(f"netiquette: {one_line(str(note))}", file=err)
    return templates, len(templates.problems)


@contextmanager
def _collector_paused() -> Iterator[Callable[[], None]]:
    """The cyclic garbage collector off while a command starts, until the function
    given is called (or the block ends).

    Importing spaCy and building the rules make ~1M objects that live as long as the
    process, and the collections they trigger cost 60-90 ms of a one-file check. When
    the collector comes back on in the command's own process (:func:`run`), what
    start-up made is frozen (``gc.freeze``), so the collections of a long run do not
    walk it again and again; ``main`` called from Python leaves the caller's objects
    unfrozen."""
    if not gc.isenabled():
        yield lambda: None
        return
    gc.disable()
    paused = True

    def resume() -> None:
        nonlocal paused
        if paused:
            paused = False
            if _freeze_after_start:
                gc.freeze()
            gc.enable()

    try:
        yield resume
    finally:
        resume()


def run_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with _collector_paused() as started:
        return _run_check(args, out, err, started)


def _run_check(
    args: argparse.Namespace, out: TextIO, err: TextIO, started: Callable[[], None]
) -> int:
    """``netiquette check``; ``started`` is called once the first file is checked."""
    from netiquette import baseline, batch, sources
    from netiquette.linter import Linter

    settings = _settings(args)
    jobs = _jobs(args, err)
    if jobs is None:
        return EXIT_USAGE
    known = baseline.read(args.baseline) if args.baseline else None
    templates, template_errors = _load_templates(settings, err, args.follow_symlinks)
    linter = Linter(config=settings, templates=templates)
    paths, items = _files(args.paths, "check", err, follow_symlinks=args.follow_symlinks)
    if not items:
        return EXIT_USAGE
    context = None
    if args.customer_message:
        if args.customer_message == "-" and "-" in paths:
            print(
                "netiquette: error: stdin cannot be both a reply and the customer's message",
                file=err,
            )
            return EXIT_USAGE
        try:
            context = {"customer_message": sources.read(args.customer_message).text}
        except NetiquetteError as exc:
            print(f"netiquette: error: --customer-message: {one_line(str(exc))}", file=err)
            return EXIT_USAGE
    reports: list[Report] = []
    input_errors = template_errors
    checker = batch.FileChecker(linter, context)
    for checked in batch.check_files(checker, items, jobs, _progress_bar(err)):
        started()
        if checked.report is not None:
            reports.append(checked.report)
        else:
            input_errors += 1
            print(f"netiquette: error: {one_line(str(checked.error))}", file=err)
    if args.write_baseline:
        try:
            recorded = baseline.write(args.write_baseline, reports)
        except OSError as exc:
            print(f"netiquette: error: --write-baseline {args.write_baseline}: "
                  f"{exc.strerror or exc}", file=err)  # fmt: skip
            return EXIT_USAGE
        print(f"netiquette: recorded {recorded} findings in {args.write_baseline}", file=err)
        return EXIT_USAGE if input_errors else EXIT_OK
    if known is not None:
        reports = [known.apply(r, linter.for_path(r.path).settings.fail_under) for r in reports]
        if known.matched:
            print(f"netiquette: {known.matched} findings in the baseline not shown", file=err)
    shown = [_at_least(report, args.min_severity) for report in reports]
    rendered = formatters.render(
        args.format,
        shown,
        rules=_rule_docs() if args.format in ("sarif", "rdjson") else None,
        version=__version__,
        show_scores=not args.quiet,
    )
    if args.output_file:
        if not _write_report(args.output_file, rendered, err):
            return EXIT_USAGE
        print(formatters.render("text", shown, show_scores=not args.quiet), file=out)
    elif rendered:
        print(rendered, file=out)
    if args.statistics:
        print(_statistics(shown), file=out if args.format == "text" or args.output_file else err)
    if input_errors:
        return EXIT_USAGE
    if args.exit_zero:
        return EXIT_OK
    return EXIT_OK if all(r.passed for r in reports) else EXIT_FAILED


def run_fix(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``netiquette fix``: exit 0 when every fixed text passes the gate (and, with
    --diff, nothing would change), 1 otherwise, 2 on a usage, configuration, input or
    write error (the other files are still fixed)."""
    from netiquette import fix_files
    from netiquette.linter import Linter

    settings = _settings(args)
    templates, template_errors = _load_templates(settings, err)
    linter = Linter(config=settings, templates=templates)
    paths, items = _files(args.paths, "fix", err)
    if not items:
        return EXIT_USAGE
    totals = fix_files.fix_items(
        items,
        linter.for_path,
        named=paths,
        unsafe=args.unsafe_fixes,
        diff=args.diff,
        out=out,
        err=err,
    )
    out.flush()
    print(totals.summary(args.diff), file=err)
    if totals.errors or template_errors:
        return EXIT_USAGE
    if args.exit_zero or not (totals.failed or (args.diff and totals.files)):
        return EXIT_OK
    return EXIT_FAILED


def _files(
    named: Sequence[str], verb: str, err: TextIO, *, follow_symlinks: bool = False
) -> tuple[list[str], list[str | Path]]:
    """The paths given (``-``, stdin, when none are and input is piped) and the files
    they name, folders expanded; the links not followed are noted on ``err``. No files
    (after a message on ``err``) is a usage error for the caller."""
    from netiquette import sources

    paths = list(named)
    if not paths:
        if sources.stdin_is_interactive():
            print(f"netiquette: error: give files or folders to {verb}, or - for stdin", file=err)
            return paths, []
        paths = ["-"]
    skipped: list[str] = []
    items = list(sources.expand_paths(paths, follow_symlinks=follow_symlinks, skipped=skipped))
    for note in skipped:
        print(f"netiquette: {one_line(note)}", file=err)
    if not items:
        print("netiquette: error: no .txt or .md files found in " + ", ".join(paths), file=err)
    return paths, items


def _at_least(report: Report, severity: Severity) -> Report:
    """``report`` showing only suggestions at least as severe as ``severity``
    (SEVERITIES is ordered from the mildest)."""
    rank = SEVERITIES.index(severity)
    if rank == 0:
        return report
    kept = tuple(s for s in report.suggestions if SEVERITIES.index(s.severity) >= rank)
    return dataclasses.replace(report, suggestions=kept)


def _statistics(reports: Sequence[Report]) -> str:
    """Suggestions per rule, most frequent first: ``  12  NQ301 undefined-acronym``."""
    counts: dict[tuple[str, str], int] = {}
    for report in reports:
        for s in report.suggestions:
            counts[(s.rule_id, s.name)] = counts.get((s.rule_id, s.name), 0) + 1
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return "\n".join(f"{n:5d}  {rule_id} {name}" for (rule_id, name), n in ordered)


def _rule_docs(audit: bool = False) -> dict[str, formatters.RuleDoc]:
    """What the CI formats say of each rule (and of the audit's own checks)."""
    from netiquette.registry import rules

    docs = {
        info.id: formatters.RuleDoc(
            info.id, info.name, info.category, info.severity, info.summary, info.documentation
        )
        for info in rules()
    }
    if audit:
        from netiquette.templates.findings import CHECKS

        for (rule_id, name), (severity, summary) in CHECKS.items():
            docs[rule_id] = formatters.RuleDoc(
                rule_id, name, "boilerplate", severity, summary,
                f"{summary} See docs/templates.md, 'templates audit'.", "docs/templates.md",
            )  # fmt: skip
    return docs


def _write_report(path: str, rendered: str, err: TextIO) -> bool:
    """Write the report file the user named, atomically (a device such as /dev/stdout
    is written to); False (after a message) when it cannot be."""
    from netiquette import sources

    data = (rendered + "\n").encode("utf-8", "surrogateescape")
    try:
        if os.path.exists(path) and not os.path.isfile(path):
            with open(path, "wb") as handle:
                handle.write(data)
        else:
            sources.write_atomically(path, data)
    except OSError as exc:
        print(f"netiquette: error: --output-file {path}: {exc.strerror or exc}", file=err)
        return False
    return True


def _progress_bar(err: TextIO, unit: str = "file") -> Callable[[Iterator[T], int], Iterable[T]]:
    """Results with a progress bar on stderr when there are many and it is a terminal."""

    def wrap(results: Iterator[T], total: int) -> Iterable[T]:
        if total < PROGRESS_MIN_FILES or not err.isatty():
            return results
        from tqdm import tqdm

        bar: Iterable[T] = tqdm(results, total=total, file=err, unit=unit, leave=False)
        return bar

    return wrap


def _with_progress(items: Sequence[T], err: TextIO, unit: str = "file") -> Iterable[T]:
    """The items, with a progress bar on stderr when there are many and it is a terminal."""
    if len(items) < PROGRESS_MIN_FILES or not err.isatty():
        return items
    from tqdm import tqdm

    bar: Iterable[T] = tqdm(items, file=err, unit=unit, leave=False)
    return bar


def run_templates_audit(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``netiquette templates audit``: exit 0 clean, 1 an error-level finding (a linter
    error, a malformed placeholder, an empty template), 2 a usage, configuration or
    input error (the readable templates are still audited)."""
    from netiquette import batch
    from netiquette.linter import Linter
    from netiquette.templates import audit

    args.fail_under = None
    args.templates = None
    settings = _settings(args)
    if args.known_variables is not None:
        settings = settings.with_overrides(known_variables=tuple(_split(args.known_variables)))
    similarity = audit.DEFAULT_SIMILARITY if args.similarity is None else args.similarity
    if not 1 <= similarity <= 100:
        print("netiquette: error: --similarity must be between 1 and 100", file=err)
        return EXIT_USAGE
    jobs = _jobs(args, err)
    if jobs is None:
        return EXIT_USAGE
    with _notes_on(err):
        records, problems = audit.read_records(
            args.paths, settings.templates_format, follow_symlinks=args.follow_symlinks
        )
    for problem in problems:
        print(f"netiquette: error: {one_line(str(problem))}", file=err)

    checker = Linter(config=settings.with_overrides(templates=()), ignore=audit.IGNORED_RULES)
    result = audit.audit_records(
        records,
        checker=checker,
        lang=settings.lang,
        known_variables=settings.known_variables,
        similarity=similarity,
        progress=_progress_bar(err, "template"),
        map_records=functools.partial(batch.map_in_order, jobs=jobs),
    )
    result.problems = problems
    if args.format == "json":
        rendered = json.dumps(result.to_dict(), indent=2, ensure_ascii=False)
    elif args.format == "text":
        rendered = audit.format_text(result)
    else:
        rendered = formatters.render_files(
            args.format,
            formatters.from_audit(result),
            rules=_rule_docs(audit=True) if args.format in ("sarif", "rdjson") else None,
            version=__version__,
        )
    if args.output_file:
        if not _write_report(args.output_file, rendered, err):
            return EXIT_USAGE
        print(audit.format_text(result), file=out)
    elif rendered:
        print(rendered, file=out)
    if problems or not records:
        if not records and not problems:
            print("netiquette: error: no templates found in " + ", ".join(args.paths), file=err)
        return EXIT_USAGE
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FAILED if result.failed else EXIT_OK


def run_archive(args: argparse.Namespace, err: TextIO) -> int:
    """``netiquette archive``: exit 0 when the results are whole (whatever they find:
    an audit is not a gate), 2 on a usage, configuration or input error."""
    try:
        from netiquette.archive import reading, running, writing
        from netiquette.archive.columns import Columns, split_names
        from netiquette.archive.results import Auditor
    except ImportError as exc:
        return _missing_extra(err, "archive", exc)
    from netiquette.linter import Linter

    settings = _settings(args)
    jobs = _jobs(args, err)
    if jobs is None:
        return EXIT_USAGE
    chunk_rows = running.DEFAULT_CHUNK_ROWS if args.chunk_rows is None else args.chunk_rows
    if not 1 <= chunk_rows <= 1_000_000:
        print("netiquette: error: --chunk-rows must be between 1 and 1000000", file=err)
        return EXIT_USAGE
    columns = Columns(
        text=args.text_column,
        id=args.id_column,
        time=args.time_column,
        lang=args.lang_column,
        group_by=split_names(args.group_by),
    )
    if args.engine == "spark":
        return _run_archive_spark(args, settings, columns, err)
    archive = reading.open_archive(args.archive, columns, format=args.archive_format)
    templates, template_errors = _load_templates(settings, err)
    if template_errors:
        return EXIT_USAGE  # results from a part of the templates would be wrong
    auditor = Auditor(Linter(config=settings, templates=templates))
    bar = None
    if not args.quiet and err.isatty():
        from tqdm import tqdm

        bar = tqdm(total=archive.total_rows, file=err, unit="reply", leave=False)
    try:
        summary = running.run(
            archive,
            auditor,
            writing.ResultsFolder(args.out),
            jobs=jobs,
            chunk_rows=chunk_rows,
            overwrite=args.overwrite,
            progress=bar.update if bar is not None else None,
        )
    finally:
        if bar is not None:
            bar.close()
    for note in summary.notes:
        print(f"netiquette: {one_line(note)}", file=err)
    if not args.quiet:
        print(f"netiquette: {_archive_summary(summary, args.out)}", file=err)
    return _archive_report(args, err)


def _archive_summary(summary: Any, out: str) -> str:
    said = f"{summary.rows:,} replies audited into {out}"
    if summary.errors:
        said += f"; {summary.errors:,} could not be checked (see the error column)"
    if summary.resumed_rows:
        said += f"; {summary.resumed_rows:,} were done by an earlier run"
    return said


def _archive_report(args: argparse.Namespace, err: TextIO) -> int:
    """--report: the HTML report of the results (netiquette.archive.report)."""
    if not args.report:
        return EXIT_OK
    try:
        from netiquette.archive.report import write_report
    except ImportError as exc:
        return _missing_extra(err, "archive", exc, "--report")
    write_report(args.out, args.report, title=f"netiquette audit of {Path(args.archive).name}")
    if not args.quiet:
        print(f"netiquette: report written to {args.report}", file=err)
    return EXIT_OK


def _run_archive_spark(
    args: argparse.Namespace, settings: Settings, columns: Any, err: TextIO
) -> int:
    try:
        from netiquette.archive import spark
    except ImportError as exc:
        return _missing_extra(err, "spark", exc)
    summary = spark.run(
        args.archive,
        args.out,
        columns=columns,
        settings=settings,
        format=args.archive_format,
        master=args.master,
        overwrite=args.overwrite,
    )
    if not args.quiet:
        print(f"netiquette: {_archive_summary(summary, args.out)} (Spark)", file=err)
    return _archive_report(args, err)


def _missing_extra(err: TextIO, extra: str, exc: ImportError, what: str = "") -> int:
    what = what or f"netiquette {extra}"
    print(
        f"netiquette: error: {what} needs the {extra} extra ({exc.name} is missing): "
        f"pip install 'netiquette[{extra}]'",
        file=err,
    )
    return EXIT_USAGE


def _jobs(args: argparse.Namespace, err: TextIO) -> int | None:
    """--jobs, by default the cores; None (after a message) when below 1."""
    from netiquette import parallel

    jobs = parallel.default_processes() if args.jobs is None else int(args.jobs)
    if jobs < 1:
        print("netiquette: error: --jobs must be at least 1", file=err)
        return None
    return jobs


def run_serve(args: argparse.Namespace, err: TextIO) -> int:
    """``netiquette serve``: the HTTP service, until interrupted."""
    try:
        from netiquette import service
    except ImportError as exc:
        print(
            f"netiquette: error: serve needs the server extra ({exc.name} is missing): "
            "pip install 'netiquette[server]'",
            file=err,
        )
        return EXIT_USAGE
    from netiquette.service.options import parse_template_set

    sets: dict[str, list[str]] = {}
    for value in args.template_set:
        set_id, path = parse_template_set(value)
        sets.setdefault(set_id, []).append(path)
    options = service.ServiceOptions(
        host=args.host,
        port=args.port,
        workers=args.workers,
        config="" if args.no_config else args.config,
        template_sets=sets,
        cors_origins=list(args.cors_origin),
        max_body_bytes=args.max_body_bytes,
        time_limit=args.time_limit,
        log_text=args.log_text,
    )
    service.serve(options)
    return EXIT_OK


def run_rules(args: argparse.Namespace, out: TextIO) -> int:
    from netiquette.registry import rules

    infos = [r for r in rules(_explained_in(args)) if not args.lang or args.lang in r.languages]
    if args.format == "json":
        print(json.dumps([r.listing() for r in infos], indent=2), file=out)
        return EXIT_OK
    for r in infos:
        langs = ",".join(r.languages)
        print(
            f"{r.id}  {r.name:<28} {r.category:<12} {r.severity:<8} {langs:<6} {r.summary}",
            file=out,
        )
    return EXIT_OK


def _explained_in(args: argparse.Namespace) -> str:
    """The language of rule documentation: --message-lang, else English."""
    from netiquette.config import validate
    from netiquette.rule import SOURCE_LANGUAGE

    if not args.message_lang:
        return SOURCE_LANGUAGE
    chosen = validate({"message_lang": args.message_lang}, "--message-lang")["message_lang"]
    return SOURCE_LANGUAGE if chosen == "auto" else str(chosen)


def run_explain(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from netiquette.registry import find

    info = find(args.rule, _explained_in(args))
    if info is None:
        print(f"netiquette: error: unknown rule '{args.rule}' (see `netiquette rules`)", file=err)
        return EXIT_USAGE
    print(
        f"{info.id} {info.name} ({info.category}, {info.severity}; "
        f"languages: {', '.join(info.languages)})\n",
        file=out,
    )
    print(info.documentation, file=out)
    return EXIT_OK


def run() -> None:
    """The console entry point: ``main`` and exit with its code.

    Before exiting, every object is moved out of the garbage collector's reach
    (``gc.freeze``): with spaCy loaded, the collections at interpreter shutdown cost
    about 0.1 s, a tenth of a one-file run, and free nothing the process still needs.
    """
    global _freeze_after_start
    _freeze_after_start = True
    code = main()
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
