"""scripts/add_rule.py, the start of the contributor loop (docs/development.md,
"Writing a rule").

The script runs against a copy of the repository's src/, tests/fixtures/, scripts/ and
docs/rules/ (``--root``), never the checkout. The new rules must then load in a fresh
process with the copy first on PYTHONPATH, run in the languages expected, and come
with their fixtures, data section, schema entry and docs page; every refusal exits 2
and writes nothing.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "add_rule.py"
BIN = Path(sys.executable).parent
COPIED = ("src", "tests/fixtures", "scripts", "docs/rules")

#: The rules the module fixture adds, and their modules.
PHRASE_RULE = ["NQ121", "sorry-not-sorry", "--category", "tone", "--phrase-list"]
PLAIN_RULE = ["NQ404", "plain-numbers", "--category", "readability", "--severity", "info"]
DATA_RULE = [
    "NQ505",
    "long-signature",
    "--category",
    "boilerplate",
    "--data-file",
    "boilerplate.yaml",
    "--languages",
    "tr",
]
MODULES = {
    "NQ121": "src/netiquette/checks/tone/sorry_not_sorry.py",
    "NQ404": "src/netiquette/checks/readability/plain_numbers.py",
    "NQ505": "src/netiquette/checks/boilerplate/long_signature.py",
}

PROBE = """
import json
import netiquette
from netiquette.registry import all_rules, languages

rules = all_rules()
out = {}
for rule_id in ("NQ121", "NQ404", "NQ505"):
    cls = rules[rule_id]
    out[rule_id] = {
        "class": cls.__name__,
        "base": cls.__mro__[1].__name__,
        "name": cls.name,
        "category": cls.category,
        "severity": cls.severity,
        "data_file": cls.data_file,
        "languages": list(languages(cls)),
        "module": __import__(cls.__module__, fromlist=["_"]).__file__,
        "findings": [
            len(netiquette.Linter(lang, select=[rule_id]).check("Hi Sam, thanks!").suggestions)
            for lang in languages(cls)
        ],
    }
out["count"] = len(rules)
print(json.dumps(out))
"""


def copy_repository(target: Path) -> Path:
    for part in COPIED:
        shutil.copytree(
            ROOT / part, target / part, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
        )
    return target


def add_rule(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args, "--root", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )


def digest(root: Path) -> dict[str, str]:
    """Every file of the copy (bytecode aside) and a hash of its content."""
    found = {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert len(found) > 150  # src/, tests/fixtures/, scripts/ and docs/rules/: ~200 files
    return found


def in_copy(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run python with the copy's package first on the path."""
    env = dict(os.environ, PYTHONPATH=str(root / "src"))
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, cwd=root, check=False
    )


def languages(root: Path, data_file: str = "language.yaml") -> list[str]:
    """The languages of a copy whose folder has ``data_file``."""
    return sorted(p.parent.name for p in (root / "src/netiquette/lang").glob(f"*/{data_file}"))


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository with three rules added; ../before is the copy before."""
    base = tmp_path_factory.mktemp("add_rule")
    root = copy_repository(base / "repo")
    shutil.copytree(root, base / "before")
    for args in (PHRASE_RULE, PLAIN_RULE, DATA_RULE):
        done = add_rule(root, *args)
        assert done.returncode == 0, done.stderr
        assert "Next steps:" in done.stdout
    return root


def _before(root: Path) -> Path:
    return root.parent / "before"


def test_the_new_rules_load_in_a_fresh_process(repo: Path) -> None:
    done = in_copy(repo, "-c", PROBE)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    count = "from netiquette.registry import all_rules; print(len(all_rules()))"
    assert found["count"] == int(in_copy(_before(repo), "-c", count).stdout) + 3
    every, with_tone = languages(repo), languages(repo, "tone.yaml")
    assert every == with_tone == ["en", "tr"]
    assert found["NQ121"] == {
        "class": "SorryNotSorry",
        "base": "PhraseRule",
        "name": "sorry-not-sorry",
        "category": "tone",
        "severity": "warning",
        "data_file": "tone.yaml",
        "languages": with_tone,  # every language with a tone.yaml
        "module": str(repo / MODULES["NQ121"]),
        "findings": [0] * len(with_tone),  # an empty phrase list
    }
    assert found["NQ404"]["base"] == "Rule"
    assert found["NQ404"]["severity"] == "info"
    assert found["NQ404"]["data_file"] is None
    assert found["NQ404"]["languages"] == every  # no data: every language
    assert found["NQ505"]["data_file"] == "boilerplate.yaml"
    assert found["NQ505"]["languages"] == ["tr"]


def test_fixtures_for_every_language_it_runs_in(repo: Path) -> None:
    every = languages(repo)
    assert every == ["en", "tr"]
    for rule_id, name, langs in (
        ("NQ121", "sorry-not-sorry", languages(repo, "tone.yaml")),
        ("NQ404", "plain-numbers", every),
        ("NQ505", "long-signature", ["tr"]),
    ):
        for lang in every:
            path = repo / "tests" / "fixtures" / lang / f"{name}.yaml"
            if lang not in langs:
                assert not path.exists()
                continue
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            assert data["rule"] == rule_id
            assert len(data["invalid"]) == 1 and "TODO" in data["invalid"][0]["text"]
            assert len(data["valid"]) == 1 and "TODO" in data["valid"][0]


def test_data_sections_are_appended_and_declared_in_the_schema(repo: Path) -> None:
    before = _before(repo)
    for lang, file, section, value in (
        ("en", "tone.yaml", "sorry-not-sorry", []),
        ("tr", "tone.yaml", "sorry-not-sorry", []),
        ("tr", "boilerplate.yaml", "long-signature", {}),
    ):
        old = (before / "src/netiquette/lang" / lang / file).read_text(encoding="utf-8")
        new = (repo / "src/netiquette/lang" / lang / file).read_text(encoding="utf-8")
        assert new.startswith(old), "the rest of the file is left as it was"
        assert "# NQ" in new[len(old) :]
        assert yaml.safe_load(new)[section] == value
    english = (repo / "src/netiquette/lang/en/boilerplate.yaml").read_text(encoding="utf-8")
    assert "long-signature" not in english
    old_schema = (before / "src/netiquette/lang/schema.py").read_text(encoding="utf-8")
    schema = (repo / "src/netiquette/lang/schema.py").read_text(encoding="utf-8")
    added = sorted(set(schema.splitlines()) - set(old_schema.splitlines()))
    assert added == [
        '            "long-signature": Record({}),',
        '            "sorry-not-sorry": PHRASES,',
    ]


def test_docs_pages_are_generated(repo: Path) -> None:
    docs = repo / "docs" / "rules"
    page = (docs / "NQ121-sorry-not-sorry.md").read_text(encoding="utf-8")
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
        assert heading in page
    index = (docs / "README.md").read_text(encoding="utf-8")
    for link in ("NQ121-sorry-not-sorry.md", "NQ404-plain-numbers.md", "NQ505-long-signature.md"):
        assert f"({link})" in index
        assert (docs / link).is_file()
    # The copy's docs are exactly what the copy's generator writes: `make docs` is clean.
    check = "import sys; sys.path.insert(0, 'scripts'); import gen_rule_docs as g; "
    check += "print(all((g.DOCS / n).read_text() == t for n, t in g.expected_pages().items()))"
    done = in_copy(repo, "-c", check)
    assert done.stdout.strip() == "True", done.stderr


def test_generated_modules_pass_ruff_and_mypy(repo: Path) -> None:
    files = [str(repo / path) for path in MODULES.values()]
    config = str(ROOT / "pyproject.toml")
    for command in (["check"], ["format", "--check"]):
        done = subprocess.run(
            [str(BIN / "ruff"), *command, "--config", config, *files],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
    # mypy --strict takes a few seconds with a cold cache (the copy's own, in tmp).
    done = subprocess.run(
        [
            str(BIN / "mypy"),
            "--strict",
            "--config-file",
            config,
            "--cache-dir",
            str(repo / ".mypy_cache"),
            *files,
        ],
        capture_output=True,
        text=True,
        cwd=repo,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_generated_docstring_has_every_section_to_fill_in(repo: Path) -> None:
    text = (repo / MODULES["NQ505"]).read_text(encoding="utf-8")
    for part in (
        '"""TODO',
        "## What it does\n    TODO",
        "## Why is this bad?\n    TODO",
        "## Example\n    ```tr\n    TODO",  # a Turkish-only rule: a Turkish example
        "## Use instead\n    ```tr\n    TODO",
        'id = "NQ505"',
        'name = "long-signature"',
        'category = "boilerplate"',
        'severity = "warning"',
        'message = "TODO',
        'fix_title = "TODO',
        'data_file = "boilerplate.yaml"',
        "def check(self, doc: Document) -> Iterator[Finding]:",
    ):
        assert part in text, part


#: Requests refused before anything is written: arguments, and what the error says.
REFUSALS = {
    "id-in-use": ("NQ105 sorry-again --category tone", "NQ105 is in use by blames-customer"),
    "name-in-use": ("NQ122 blames-customer --category tone", "in use by NQ105"),
    "id-of-a-new-rule": ("NQ121 sorry-again --category tone", "next free tone id is NQ122"),
    "id-out-of-range": ("NQ217 sorry-again --category tone", "not a tone id"),
    "malformed-id": ("NQ17 sorry-again --category tone", "not a rule id"),
    "camel-case": ("NQ122 SorryAgain --category tone", "not kebab-case"),
    "snake-case": ("NQ122 sorry_again --category tone", "not kebab-case"),
    "double-dash": ("NQ122 sorry--again --category tone", "not kebab-case"),
    "starts-with-a-digit": ("NQ122 2fa-reminder --category tone", "not kebab-case"),
    "module-exists": ("NQ122 stray-rule --category tone", "stray_rule.py exists"),
    "fixture-exists": ("NQ122 stray-fixture --category tone", "stray-fixture.yaml exists"),
    "languages-without-data": ("NQ122 x --category tone --languages tr", "every language"),
    "unknown-language": ("NQ122 x --category tone --phrase-list --languages de", "'de'"),
    "not-a-section-file": ("NQ122 x --category tone --data-file language.yaml", "rule sections"),
    "unknown-category": ("NQ122 x --category nope", "invalid choice"),
    "no-category": ("NQ122 x", "--category"),
}


@pytest.mark.parametrize(("args", "says"), list(REFUSALS.values()), ids=list(REFUSALS))
def test_refusals_exit_2_and_write_nothing(repo: Path, args: str, says: str) -> None:
    stray = [
        repo / "src/netiquette/checks/tone/stray_rule.py",
        repo / "tests/fixtures/tr/stray-fixture.yaml",
    ]
    for path in stray:
        path.write_text("# not a rule\n", encoding="utf-8")
    try:
        before = digest(repo)
        done = add_rule(repo, *args.split())
        assert done.returncode == 2, done.stdout + done.stderr
        assert says in done.stderr
        assert digest(repo) == before
    finally:
        for path in stray:
            path.unlink()


def test_a_failure_after_writing_puts_everything_back(tmp_path: Path) -> None:
    root = copy_repository(tmp_path)
    generator = root / "scripts" / "gen_rule_docs.py"
    generator.write_text("raise SystemExit('the docs generator is broken')\n", encoding="utf-8")
    before = digest(root)
    done = add_rule(root, *PHRASE_RULE)
    assert done.returncode == 1
    assert "the docs generator is broken" in done.stderr
    assert digest(root) == before


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("add_rule", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["add_rule"] = module
    spec.loader.exec_module(module)
    return module


SCHEMA = """\
FILES: dict[str, Schema] = {
    "tone.yaml": Record(
        {
            "slang": PHRASES,
            "aggressive": PHRASES,  # a comment
        }
    ),
    "odd.yaml": Record({"a": PHRASES, "b": PHRASES}),
    "made.yaml": make_record(),
}
"""


def test_the_schema_entry_goes_after_the_last_key_or_nowhere() -> None:
    add = _script().schema_with_entry
    updated = add(SCHEMA, "tone.yaml", "sorry-not-sorry", "PHRASES")
    assert updated == SCHEMA.replace(
        "# a comment\n", '# a comment\n            "sorry-not-sorry": PHRASES,\n'
    )
    # No trailing comma on its own line, no Record literal, no such file: the script
    # prints the line to add instead.
    assert add(SCHEMA, "odd.yaml", "new", "PHRASES") is None
    assert add(SCHEMA, "made.yaml", "new", "PHRASES") is None
    assert add(SCHEMA, "other.yaml", "new", "PHRASES") is None


def test_help() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    for option in ("--category", "--phrase-list", "--data-file", "--languages", "--root"):
        assert option in done.stdout
