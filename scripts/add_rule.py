"""Start a new rule: its module, its data section, its fixtures and its docs page.

    .venv/bin/python scripts/add_rule.py NQ116 sorry-not-sorry --category tone
    .venv/bin/python scripts/add_rule.py NQ116 sorry-not-sorry --category tone \\
        --severity info --phrase-list --languages en,tr
    make rule ID=NQ116 NAME=sorry-not-sorry CATEGORY=tone ARGS="--phrase-list"

Everything it writes is ready to fill in: every TODO is the author's. Under ``--root``
(the repository this script is in, by default) it writes:

- ``src/netiquette/checks/<category>/<snake_name>.py``: the class, registered, with
  every docstring section (summary line, "What it does", "Why is this bad?",
  "Example", "Use instead") and every attribute as a TODO. Without data it is a
  ``Rule`` with ``check`` to write; with ``--phrase-list`` a ``PhraseRule`` whose
  phrases are data; with ``--data-file`` alone a ``Rule`` with settings of its own.
- For a rule with data: an empty section under the rule's name (a phrase list, or a
  mapping of settings), appended with a comment to ``lang/<iso>/<data file>`` of each
  of its languages; the rest of the file is left as it is.
- The section's schema entry in ``lang/schema.py``. The data files have closed schemas
  (``FILES``), so a section without one would make the whole file fail to load. The
  entry (``"<name>": PHRASES`` or ``"<name>": Record({})``) goes after the last key of
  the file's ``Record({...})``, found with ``ast``, and the result is parsed again
  before it is written. When the schema is not written that way the script writes
  nothing and prints the line to add by hand (run it again afterwards).
- ``tests/fixtures/<iso>/<name>.yaml`` for each language the rule runs in: ``rule``,
  one TODO ``invalid`` case and one TODO ``valid`` case.
- ``docs/rules/``, regenerated with ``scripts/gen_rule_docs.py``.

A rule without data runs in every language; a rule with data runs where its section
is, by default in every language whose folder has the data file (``--languages``
chooses some). Refused with exit status 2, before anything is written: an id or name
in use, an id outside its category's range (NQ1xx tone, 2xx profanity, 3xx jargon,
4xx readability, 5xx boilerplate, 6xx grammar), a name that is not kebab-case, a file
that exists, a data file that holds no rule sections or that a language lacks. If a
step fails once writing has begun (the rule does not load, the docs cannot be
generated), every file is restored and the exit status is 1.

The package under ``--root`` is read in a child process (``PYTHONPATH=<root>/src``),
never imported here, so a copy of the repository can be used without touching the
checkout this script belongs to (tests/test_add_rule.py does that).
"""

from __future__ import annotations

import argparse
import ast
import json
import keyword
import os
import re
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPOSITORY = Path(__file__).resolve().parent.parent
#: The hundreds digit of the ids of each category (docs/development.md).
RANGES = {
    "tone": 1,
    "profanity": 2,
    "jargon": 3,
    "readability": 4,
    "boilerplate": 5,
    "grammar": 6,
}
SEVERITIES = ("info", "warning", "error")
ID = re.compile(r"NQ\d{3}")
KEBAB = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")

#: Run in a child process with the package under --root first on the path: what the
#: checks need to know about the rules, languages and data files there.
PROBE = """
import json
from netiquette.lang import codes, fallback, get, has_file, load
from netiquette.lang.schema import FILES, Record
from netiquette.registry import all_rules

rules = all_rules()
records = {name: s for name, s in FILES.items() if isinstance(s, Record)}
# Files that hold rule sections: those some rule reads its section of.
read = {cls.data_file for cls in rules.values() if cls.data_file and cls.data_section}
section_files = sorted(read & set(records))
print(json.dumps({
    "rules": {rule_id: [cls.name, cls.category] for rule_id, cls in rules.items()},
    "languages": {code: get(code).name for code in codes()},
    "fallback": fallback(),
    "section_files": section_files,
    "schema_keys": {name: sorted(s.fields) for name, s in records.items()},
    "sections": {
        code: {f: sorted(load(code, f) or {}) for f in section_files if has_file(code, f)}
        for code in codes()
    },
}))
"""

#: Run in a child process once the files are written: the rule loads, is listed, runs
#: in the languages expected and can be built in each.
VERIFY = """
import json, sys
import netiquette
from netiquette.registry import all_rules, languages

cls = all_rules()[sys.argv[1]]
runs = list(languages(cls))
for lang in runs:
    netiquette.Linter(lang, select=[cls.id]).check("Hello, thank you for your message.")
print(json.dumps({"name": cls.name, "class": cls.__name__, "languages": runs}))
"""


class Refused(Exception):
    """A request the script will not carry out; nothing has been written."""


@dataclass(frozen=True)
class Request:
    """A checked request: everything needed to write the rule."""

    root: Path
    id: str
    name: str
    category: str
    severity: str
    phrase_list: bool
    data_file: str | None
    languages: tuple[str, ...]
    language_names: dict[str, str]
    fallback: str
    #: Whether lang/schema.py already declares the section.
    schema_declared: bool

    @property
    def class_name(self) -> str:
        return "".join(part.capitalize() for part in self.name.split("-"))

    @property
    def snake_name(self) -> str:
        return self.name.replace("-", "_")

    @property
    def module(self) -> Path:
        return self.root / "src" / "netiquette" / "checks" / self.category / f"{self.snake_name}.py"

    def data_path(self, lang: str) -> Path:
        assert self.data_file is not None
        return self.root / "src" / "netiquette" / "lang" / lang / self.data_file

    def fixture(self, lang: str) -> Path:
        return self.root / "tests" / "fixtures" / lang / f"{self.name}.yaml"

    @property
    def schema_value(self) -> str:
        return "PHRASES" if self.phrase_list else "Record({})"


@dataclass
class Changes:
    """The files written so far, so that a failure can put everything back."""

    root: Path
    #: Original text of every file changed or created (None: it did not exist).
    originals: dict[Path, str | None] = field(default_factory=dict)
    #: Folders a child process may write to: (folder, pattern) -> files there before.
    folders: dict[tuple[Path, str], set[Path]] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)

    def write(self, path: Path, text: str, verb: str) -> None:
        if path not in self.originals:
            self.originals[path] = path.read_text(encoding="utf-8") if path.exists() else None
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self.log.append(f"  {verb:<10}{path.relative_to(self.root)}")

    def snapshot(self, folder: Path, pattern: str) -> None:
        """Remember the files of ``folder`` that a child process may write or delete."""
        before = set(folder.glob(pattern))
        self.folders[(folder, pattern)] = before
        for path in before:
            self.originals.setdefault(path, path.read_text(encoding="utf-8"))

    def undo(self) -> None:
        """Restore every file changed; remove every file created."""
        for (folder, pattern), before in self.folders.items():
            for path in set(folder.glob(pattern)) - before:
                path.unlink()
        for path, text in self.originals.items():
            if text is None:
                path.unlink(missing_ok=True)
            else:
                path.write_text(text, encoding="utf-8")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="add_rule.py",
        description=(
            "Start a new netiquette rule: its module, its data section, its fixtures "
            "and its docs page, with TODOs to fill in."
        ),
        epilog=(
            "Ids by category: NQ1xx tone, 2xx profanity, 3xx jargon, 4xx readability, "
            "5xx boilerplate, 6xx grammar. Then: fill in the docstring, the data and the "
            "fixtures, `make docs`, `make test` (docs/development.md, 'Writing a rule')."
        ),
    )
    parser.add_argument("id", help="the rule's id, e.g. NQ116 (stable, never reused)")
    parser.add_argument("name", help="the rule's name in kebab-case, e.g. sorry-not-sorry")
    parser.add_argument("--category", required=True, choices=list(RANGES), help="its category")
    parser.add_argument(
        "--severity", default="warning", choices=SEVERITIES, help="default: %(default)s"
    )
    parser.add_argument(
        "--phrase-list",
        action="store_true",
        help="a PhraseRule: the rule is a list of phrases in the language data",
    )
    parser.add_argument(
        "--data-file",
        metavar="FILE",
        help=(
            "the file of lang/<iso>/ with its section, e.g. tone.yaml (default with "
            "--phrase-list: <category>.yaml); without --phrase-list: a Rule whose "
            "section holds settings of its own"
        ),
    )
    parser.add_argument(
        "--languages",
        metavar="ISO,...",
        help="for a rule with data: the languages to add its section to (default: all "
        "that have the data file); a rule without data runs in every language",
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=REPOSITORY,
        help="the repository to write into (default: %(default)s)",
    )
    return parser.parse_args(argv)


def _child_env(root: Path) -> dict[str, str]:
    env = dict(os.environ)
    paths = [str(root / "src"), env.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    return env


def _run_python(root: Path, *args: str) -> str:
    """Run ``python *args`` with the package under ``root``; its standard output."""
    done = subprocess.run(
        [sys.executable, *args],
        env=_child_env(root),
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip() or f"exit status {done.returncode}")
    return done.stdout


def check_request(args: argparse.Namespace) -> Request:
    """Every refusal, before anything is written."""
    root: Path = args.root.resolve()
    if not (root / "src" / "netiquette" / "checks").is_dir():
        raise Refused(f"{root} is not a netiquette repository (no src/netiquette/checks/)")
    rule_id = str(args.id).upper()
    name = str(args.name)
    category = str(args.category)
    if not ID.fullmatch(rule_id):
        raise Refused(f"'{args.id}' is not a rule id: NQ and three digits, e.g. NQ116")
    if int(rule_id[2]) != RANGES[category]:
        raise Refused(
            f"{rule_id} is not a {category} id: {category} rules are "
            f"NQ{RANGES[category]}01-NQ{RANGES[category]}99"
        )
    if not KEBAB.fullmatch(name):
        raise Refused(
            f"'{name}' is not kebab-case: lower-case words of letters and digits "
            "joined by '-', starting with a letter (e.g. sorry-not-sorry)"
        )
    if keyword.iskeyword(name.replace("-", "_")):
        raise Refused(f"'{name}' cannot name a Python module")
    try:
        known = json.loads(_run_python(root, "-c", PROBE))
    except RuntimeError as exc:
        raise Refused(f"the package under {root}/src does not load:\n{exc}") from exc
    rules: dict[str, list[str]] = known["rules"]
    if rule_id in rules:
        base = RANGES[category] * 100
        free = next((f"NQ{n}" for n in range(base + 1, base + 100) if f"NQ{n}" not in rules), None)
        hint = f"the next free {category} id is {free}" if free else f"no {category} id is free"
        raise Refused(f"{rule_id} is in use by {rules[rule_id][0]}; {hint}")
    for other_id, (other_name, _) in rules.items():
        if other_name == name:
            raise Refused(f"the name '{name}' is in use by {other_id}")

    all_languages: dict[str, str] = known["languages"]
    data_file = args.data_file
    if args.phrase_list and data_file is None:
        data_file = f"{category}.yaml"
    if data_file is None:
        if args.languages:
            raise Refused(
                "a rule without data runs in every language; --languages needs "
                "--phrase-list or --data-file"
            )
        langs = tuple(all_languages)
    else:
        langs = _data_languages(known, data_file, name, args.languages)

    request = Request(
        root=root,
        id=rule_id,
        name=name,
        category=category,
        severity=str(args.severity),
        phrase_list=bool(args.phrase_list),
        data_file=data_file,
        languages=langs,
        language_names=all_languages,
        fallback=str(known["fallback"]),
        schema_declared=data_file is not None and name in known["schema_keys"].get(data_file, []),
    )
    existing = [request.module] + [request.fixture(lang) for lang in langs]
    for path in existing:
        if path.exists():
            raise Refused(f"{path.relative_to(root)} exists")
    return request


def _data_languages(
    known: dict[str, Any], data_file: str, name: str, chosen: str | None
) -> tuple[str, ...]:
    section_files: list[str] = known["section_files"]
    if data_file not in section_files:
        raise Refused(
            f"'{data_file}' is not a data file of rule sections; use one of "
            f"{', '.join(section_files)}: the files where rules keep a section under "
            "their name"
        )
    sections: dict[str, dict[str, list[str]]] = known["sections"]
    having = [code for code in known["languages"] if data_file in sections[code]]
    if chosen:
        langs = tuple(dict.fromkeys(code.strip() for code in chosen.split(",") if code.strip()))
        for code in langs:
            if code not in known["languages"]:
                raise Refused(f"no language '{code}' (known: {', '.join(known['languages'])})")
            if code not in having:
                raise Refused(f"lang/{code}/ has no {data_file}")
    else:
        langs = tuple(having)
    if not langs:
        raise Refused(f"no language has {data_file}")
    for code in langs:
        if name in sections[code][data_file]:
            raise Refused(f"lang/{code}/{data_file} already has a section '{name}'")
    return langs


def _record(tree: ast.Module, data_file: str) -> ast.Dict | None:
    """The dict literal of ``FILES[data_file] = Record({...})`` in lang/schema.py."""
    target: ast.expr
    value: ast.expr | None
    for node in tree.body:
        if isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        else:
            continue
        if not (isinstance(target, ast.Name) and target.id == "FILES"):
            continue
        if not isinstance(value, ast.Dict):
            return None
        for key, item in zip(value.keys, value.values, strict=True):
            if (
                isinstance(key, ast.Constant)
                and key.value == data_file
                and isinstance(item, ast.Call)
                and isinstance(item.func, ast.Name)
                and item.func.id == "Record"
                and item.args
                and isinstance(item.args[0], ast.Dict)
            ):
                return item.args[0]
    return None


def schema_with_entry(source: str, data_file: str, name: str, value: str) -> str | None:
    """``source`` (lang/schema.py) with the line ``"name": value,`` after the last key
    of ``FILES[data_file]``'s ``Record({...})``, or None when it is not written so."""
    record = _record(ast.parse(source), data_file)
    if record is None or not record.keys:
        return None
    last_key, last_value = record.keys[-1], record.values[-1]
    if last_key is None or last_value.end_lineno is None or last_value.end_col_offset is None:
        return None
    lines = source.splitlines(keepends=True)
    index = last_value.end_lineno - 1
    # The last entry must end its line with a comma (ruff's format), maybe a comment.
    if not re.fullmatch(r",[ \t]*(#.*)?", lines[index][last_value.end_col_offset :].strip()):
        return None
    entry = f'{" " * last_key.col_offset}"{name}": {value},\n'
    updated = "".join([*lines[: index + 1], entry, *lines[index + 1 :]])
    try:
        check = _record(ast.parse(updated), data_file)
    except SyntaxError:
        return None
    added = check.keys[-1] if check is not None and check.keys else None
    if not (isinstance(added, ast.Constant) and added.value == name):
        return None
    return updated


def module_text(request: Request) -> str:
    first = request.languages[0]
    fence = "```" if first == request.fallback else f"```{first}"
    in_language = request.language_names[first]
    if request.phrase_list:
        what = (
            "    TODO: what it finds, with examples, and the look-alikes it leaves alone.\n"
            f"    The phrases are data (``{request.data_file}``).\n"
        )
    elif request.data_file:
        what = (
            "    TODO: what it finds, with examples, and the look-alikes it leaves alone.\n"
            f"    Its settings are data (``{request.data_file}``).\n"
        )
    else:
        what = "    TODO: what it finds, with examples, and the look-alikes it leaves alone.\n"
    docstring = (
        f'    """TODO: one line: what this rule flags.\n'
        "\n"
        "    ## What it does\n"
        f"{what}"
        "\n"
        "    ## Why is this bad?\n"
        "    TODO: why it matters to the customer.\n"
        "\n"
        "    ## Example\n"
        f"    {fence}\n"
        f"    TODO: a realistic reply in {in_language} that raises this rule.\n"
        "    ```\n"
        "\n"
        "    ## Use instead\n"
        f"    {fence}\n"
        "    TODO: the same reply written so that it does not.\n"
        "    ```\n"
        '    """\n'
    )
    attributes = (
        f'    id = "{request.id}"\n'
        f'    name = "{request.name}"\n'
        f'    category = "{request.category}"\n'
        f'    severity = "{request.severity}"\n'
        "    # One sentence: what is wrong and why it matters; {match} is the matched text.\n"
        "    message = \"TODO: '{match}' ...\"\n"
        '    fix_title = "TODO: what to do, in the imperative"\n'
    )
    if request.data_file:
        attributes += f'    data_file = "{request.data_file}"\n'
    if request.phrase_list:
        return (
            "from __future__ import annotations\n\n"
            "from netiquette.checks.phrase_rule import PhraseRule\n"
            "from netiquette.rule import register\n\n\n"
            "@register\n"
            f"class {request.class_name}(PhraseRule):\n"
            f"{docstring}\n{attributes}"
        )
    data_note = (
        f"        # self.rule_data is the section '{request.name}' of {request.data_file}.\n"
        if request.data_file
        else ""
    )
    return (
        "from __future__ import annotations\n\n"
        "from collections.abc import Iterator\n\n"
        "from netiquette.core import Finding\n"
        "from netiquette.rule import Rule, RuleContext, register\n"
        "from netiquette.text.document import Document\n\n\n"
        "@register\n"
        f"class {request.class_name}(Rule):\n"
        f"{docstring}\n{attributes}\n"
        "    def __init__(self, context: RuleContext) -> None:\n"
        "        super().__init__(context)\n"
        "        # TODO: build here what check() needs (patterns, sets, settings):\n"
        "        # check() must not read files or settings.\n"
        f"{data_note}"
        "\n"
        "    def check(self, doc: Document) -> Iterator[Finding]:\n"
        "        # TODO: yield Finding(start, end) for each problem. Offsets index doc.text;\n"
        "        # search doc.folded or doc.prose_folded (same length), never a .lower() copy.\n"
        "        yield from ()\n"
    )


def section_text(request: Request, current: str) -> str:
    """The data section to append to a data file whose text is ``current``."""
    head = "" if not current or current.endswith("\n") else "\n"
    if request.phrase_list:
        return (
            f"{head}\n# {request.id} {request.name} (scripts/add_rule.py): TODO its phrases, as\n"
            '# entries of the phrase engine (docs/development.md, "Phrase entries"), e.g.\n'
            '#   - phrase: "the (words|phrase) in lower case"\n'
            '#     replacement: "a better wording"\n'
            f"{request.name}: []\n"
        )
    return (
        f"{head}\n# {request.id} {request.name} (scripts/add_rule.py): TODO its settings;\n"
        f"# declare each key in lang/schema.py (FILES['{request.data_file}']).\n"
        f"{request.name}: {{}}\n"
    )


def fixture_text(request: Request, lang: str) -> str:
    return (
        f"# {request.id} {request.name}, {lang} ({request.language_names[lang]}): replace the\n"
        "# TODOs with realistic replies, near misses among the valid ones\n"
        '# (docs/development.md, "Fixtures").\n'
        f"rule: {request.id}\n"
        "invalid:\n"
        '  - text: "TODO: a reply that raises the rule."\n'
        '    matches: ["TODO: every text it flags, in order"]\n'
        "valid:\n"
        '  - "TODO: a reply that must not raise it."\n'
    )


def write_rule(request: Request, changes: Changes) -> None:
    """Write every file, check that the rule loads, and regenerate the docs."""
    root = request.root
    schema_path = root / "src" / "netiquette" / "lang" / "schema.py"
    updated: str | None = None
    if request.data_file and not request.schema_declared:
        source = schema_path.read_text(encoding="utf-8")
        updated = schema_with_entry(source, request.data_file, request.name, request.schema_value)
        if updated is None:
            raise Refused(
                f"cannot add the schema of the section safely: add this line to "
                f"FILES['{request.data_file}'] in {schema_path.relative_to(root)}, then run "
                f'this again:\n    "{request.name}": {request.schema_value},'
            )
    changes.write(request.module, module_text(request), "created")
    for lang in request.languages:
        if request.data_file:
            path = request.data_path(lang)
            current = path.read_text(encoding="utf-8")
            changes.write(path, current + section_text(request, current), "appended")
    if updated is not None:
        changes.write(schema_path, updated, "changed")
    for lang in request.languages:
        changes.write(request.fixture(lang), fixture_text(request, lang), "created")

    loaded = json.loads(_run_python(root, "-c", VERIFY, request.id))
    if loaded["name"] != request.name or tuple(loaded["languages"]) != request.languages:
        raise RuntimeError(f"the new rule loads as {loaded}, not as expected")

    docs = root / "docs" / "rules"
    changes.snapshot(docs, "*.md")
    generator = root / "scripts" / "gen_rule_docs.py"
    _run_python(root, str(generator))
    page = docs / f"{request.id}-{request.name}.md"
    if not page.is_file():
        raise RuntimeError(f"{page.relative_to(root)} was not generated")
    changes.log.append(f"  {'generated':<10}{page.relative_to(root)} (and docs/rules/README.md)")


def next_steps(request: Request) -> str:
    module = request.module.relative_to(request.root)
    steps = [
        f"Fill in the docstring of {request.class_name} in {module}: the summary line, what "
        "it does, why it is bad, an example that raises the rule and its fix that does "
        "not; then message and fix_title.",
    ]
    if request.phrase_list:
        files = ", ".join(
            str(request.data_path(lang).relative_to(request.root)) for lang in request.languages
        )
        steps.append(f"Add its phrases under '{request.name}:' in {files}.")
    else:
        steps.append(f"Write __init__ and check() in {module}.")
        if request.data_file:
            steps.append(
                f"Put its settings under '{request.name}:' in lang/<iso>/{request.data_file} "
                f"and declare them in lang/schema.py (FILES['{request.data_file}'])."
            )
    fixtures = ", ".join(
        str(request.fixture(lang).relative_to(request.root)) for lang in request.languages
    )
    steps += [
        f"Replace the TODO cases of {fixtures} with realistic replies.",
        "make docs (docs/rules/ from the docstring), then make test.",
    ]
    return "\n".join(f"  {i}. {step}" for i, step in enumerate(steps, 1))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        request = check_request(args)
    except Refused as exc:
        print(f"add_rule.py: refused: {exc}", file=sys.stderr)
        return 2
    changes = Changes(request.root)
    try:
        write_rule(request, changes)
    except Refused as exc:
        print(f"add_rule.py: refused: {exc}", file=sys.stderr)
        return 2
    except (OSError, RuntimeError, ValueError) as exc:
        changes.undo()
        print(f"add_rule.py: failed, nothing changed: {exc}", file=sys.stderr)
        return 1
    kind = "phrase-list rule" if request.phrase_list else "rule"
    print(
        f"Added the {kind} {request.id} {request.name} ({request.category}, "
        f"{request.severity}), running in {', '.join(request.languages)}:"
    )
    print("\n".join(changes.log))
    print("Next steps:")
    print(next_steps(request))
    return 0


if __name__ == "__main__":
    sys.exit(main())
