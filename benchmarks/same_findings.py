"""Every report of a fixed set of texts as JSON lines, to compare two source trees
byte for byte after a change that must not change a finding (speed work).

Usage:
    PYTHONPATH=OLD/src python benchmarks/same_findings.py > old.jsonl
    PYTHONPATH=NEW/src python benchmarks/same_findings.py > new.jsonl
    cmp old.jsonl new.jsonl

The texts: 2,000 replies a language from benchmarks/corpus.py (lang="auto"), the
texts of data/eval/*.yaml, every fixture text of tests/fixtures (with the linter of
the fixture's language), two long replies, and 98 replies with a customer message.
Also compare ``netiquette check --no-config --format json data/examples/replies``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import replies

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    import netiquette

    out = sys.stdout

    def emit(tag: str, report: netiquette.Report) -> None:
        out.write(tag + "\t" + json.dumps(report.to_dict(), ensure_ascii=False, sort_keys=True))
        out.write("\n")

    auto = netiquette.Linter()
    for lang in ("en", "tr"):
        for i, text in enumerate(replies(2000, lang=lang)):
            emit(f"corpus-{lang}-{i}", auto.check(text))
    for path in sorted((ROOT / "data" / "eval").glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            emit("eval-" + item["id"], auto.check(item["text"]))
    linters: dict[str, netiquette.Linter] = {}
    for path in sorted((ROOT / "tests" / "fixtures").glob("*/*.yaml")):
        lang = path.parent.name
        linter = linters.setdefault(lang, netiquette.Linter(lang))
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        cases = data.get("invalid", []) + data.get("valid", [])
        for j, case in enumerate(cases):
            text = case["text"] if isinstance(case, dict) else case
            emit(f"fixture-{path.stem}-{lang}-{j}", linter.check(text))
    for lang in ("en", "tr"):
        emit(f"long-{lang}", netiquette.Linter(lang).check(" ".join(replies(100, lang=lang))))
    english, turkish = replies(50, lang="en"), replies(50, lang="tr")
    for i in range(49):
        emit(f"ctx-en-{i}", auto.check(english[i], context={"customer_message": english[i + 1]}))
        emit(f"ctx-tr-{i}", auto.check(turkish[i], context={"customer_message": turkish[i + 1]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
