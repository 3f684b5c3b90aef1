"""How many disguised swear words the profanity rules catch, and whether clean
look-alike text stays clean (the cases of tests/evasion_cases.py).

Usage: python benchmarks/bench_evasion.py [--show]

Each disguise is checked inside a short sentence; it counts as caught when a finding
of NQ201 or NQ202 covers exactly what was typed. Prints caught / tried per language
and the clean texts that drew a finding (there should be none).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import netiquette
from evasion_cases import CLEAN, DISGUISES

FRAME = {"en": "Hi, you are a {} and that's it.", "tr": "Merhaba, sen bir {} ve bu kadar."}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list the disguises missed")
    args = parser.parse_args()
    linters = {lang: netiquette.Linter(lang, select=["NQ201", "NQ202"]) for lang in FRAME}
    tried: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    for lang, word in DISGUISES:
        text = FRAME[lang].format(word)
        start = text.index(word)
        spans = {(s.start, s.end) for s in linters[lang].check(text).suggestions}
        tried[lang] += 1
        if (start, start + len(word)) in spans:
            caught[lang] += 1
        elif args.show:
            print(f"missed ({lang}): {word!r}")
    for lang in FRAME:
        print(f"{lang}: {caught[lang]} of {tried[lang]} disguises caught")
    print(f"all: {sum(caught.values())} of {sum(tried.values())}")
    flagged = [(lang, t) for lang, t in CLEAN if linters[lang].check(t).suggestions]
    print(f"clean look-alike texts flagged: {len(flagged)} of {len(CLEAN)}")
    for lang, text in flagged:
        print(f"  ({lang}) {text}")


if __name__ == "__main__":
    main()
