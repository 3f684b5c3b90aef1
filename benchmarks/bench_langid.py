"""Language identification on short support texts: accuracy, time per text and the
cost of loading the model (issue 10: >= 98% on 1-8 word texts, <= 50 us a text,
<= 0.15 s to load).

Usage: python benchmarks/bench_langid.py

Sets: tests/data/langid/short.yaml (the cue words were chosen on it) and
held_out.yaml (written afterwards, measured once).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import yaml

from netiquette.lang import detection

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "langid"
LOAD = """
import time
from netiquette.lang import detection
detection.detect("merhaba")
start = time.perf_counter()
detection.detect("iade talebiniz alindi")
print(time.perf_counter() - start)
"""


def labelled(name: str) -> list[tuple[str, str]]:
    data = yaml.safe_load((DATA / name).read_text("utf-8"))
    return [
        (t, "en" if key.startswith("en") else "tr") for key, texts in data.items() for t in texts
    ]


def main() -> None:
    load = float(
        subprocess.run(
            [sys.executable, "-c", LOAD], capture_output=True, text=True, check=True
        ).stdout.split()[-1]
    )
    print(f"model load (first text the cues cannot decide): {load * 1000:.0f} ms")
    for name in ("short.yaml", "held_out.yaml"):
        items = labelled(name)
        wrong = [(t, lang) for t, lang in items if detection.detect(t) != lang]
        start = time.perf_counter()
        for _ in range(20):
            for text, _lang in items:
                detection.detect(text)
        per_text = (time.perf_counter() - start) / (20 * len(items)) * 1e6
        accuracy = 100 * (1 - len(wrong) / len(items))
        print(f"{name}: {accuracy:.1f}% of {len(items)} ({per_text:.1f} us a text); wrong: {wrong}")


if __name__ == "__main__":
    main()
