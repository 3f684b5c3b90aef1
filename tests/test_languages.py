"""What adding a language takes (docs/development.md, "Adding a language").

The test copies the package, adds Dutch as a folder of data files only, and checks in
a fresh process that netiquette then lists it, detects it, and runs exactly the rules
whose data it has. Nothing in the code changes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import netiquette
from netiquette.lang import available_files, codes, get

PACKAGE = Path(netiquette.__file__).resolve().parent

DUTCH = {
    "language.yaml": """\
name: Nederlands
spacy: nl
casing: default
detection:
  letters: ""
warm_up: "Hallo, bedankt voor uw bericht. Met vriendelijke groet, Sam"
readability:
  formula: flesch-kincaid
options:
  max_sentence_words: 30
  min_reading_ease: 30
  max_grade: 14
""",
    "stopwords.txt": "de\nhet\neen\nen\nvan\nik\nu\nuw\nwij\nwe\nis\nniet\nvoor\nmet\nop\n",
    "letter.yaml": """\
greetings: [beste, hallo, goedemiddag, goedemorgen]
sign_offs: [met vriendelijke groet, groeten]
""",
    "tone.yaml": """\
slang:
  - phrase: ff
    replacement: even
  - phrase: kzal
    replacement: ik zal
""",
}

PROBE = """
import json, netiquette
from netiquette.lang import codes, detect
from netiquette.registry import all_rules, languages

linter = netiquette.Linter("nl").warm_up()
report = linter.check("Hallo Anna, ik kijk ff naar uw bestelling. Met vriendelijke groet, Sam")
print(json.dumps({
    "codes": list(codes()),
    "detected": detect("Wij sturen de bestelling van u morgen op, met een nieuwe factuur."),
    "runs": sorted(c.name for c in all_rules().values() if "nl" in languages(c)),
    "found": [[s.rule_id, s.match, list(s.replacements)] for s in report.suggestions],
    "skipped": sorted(report.skipped),
}))
"""


@pytest.fixture(scope="module")
def with_dutch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the package with lang/nl/ added; its parent goes on PYTHONPATH."""
    root = tmp_path_factory.mktemp("site")
    target = root / "netiquette"
    shutil.copytree(PACKAGE, target, ignore=shutil.ignore_patterns("__pycache__"))
    folder = target / "lang" / "nl"
    folder.mkdir()
    for name, text in DUTCH.items():
        (folder / name).write_text(text, encoding="utf-8")
    return root


def _probe(site: Path) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_a_folder_of_data_adds_a_language(with_dutch: Path) -> None:
    result = _probe(with_dutch)
    assert result["codes"] == ["en", "nl", "tr"]
    assert result["detected"] == "nl"
    # Rules with data in lang/nl/, and the rules that need no language data.
    assert result["runs"] == [
        "long-sentence",
        "slang",
        "unfilled-placeholder",
        "unused-suppression",
    ]
    assert result["found"] == [["NQ112", "ff", ["even"]]]
    # Categories without a rule in Dutch are reported as not checked.
    assert result["skipped"] == ["grammar", "jargon", "profanity"]


def test_every_language_folder_has_what_a_language_needs() -> None:
    required = {"language.yaml", "stopwords.txt", "letter.yaml", "placeholders.yaml"}
    assert codes() == ("en", "tr")
    for code in codes():
        assert required <= set(available_files(code)), code
        descriptor = get(code)
        assert descriptor.warm_up and descriptor.spacy
        assert set(descriptor.options) == {"max_sentence_words", "min_reading_ease", "max_grade"}


def test_the_code_names_no_language() -> None:
    """Language codes live in the data: no module compares a code with a literal."""
    offenders = []
    checked = 0
    for path in sorted(PACKAGE.rglob("*.py")):
        checked += 1
        text = path.read_text(encoding="utf-8")
        for code in codes():
            for pattern in (f'lang == "{code}"', f'lang != "{code}"', f'"{code}":'):
                if pattern in text:
                    offenders.append(f"{path.relative_to(PACKAGE)}: {pattern}")
    assert checked > 50
    assert not offenders, offenders
