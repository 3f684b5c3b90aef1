"""A long fuzz run over what strangers control: reply texts, template files of every
format and config files. Only the project's own errors may come out, every span must
index the text, and no input may take long for its size.

Usage: python benchmarks/fuzz.py [--examples 20000] [--target all|api|templates|config]

Draws fresh examples every run (the test suite draws a fixed, smaller set: see
tests/test_properties.py and tests/test_fuzz.py). A failure prints the input that
caused it; hypothesis shrinks it first.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import warnings
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import contextlib

import netiquette
from fuzzing import CONFIG_TEXT, REPLY_TEXT, TEMPLATE_FILE
from netiquette import NetiquetteError
from netiquette.config import read_config_file
from netiquette.templates import load as load_templates

#: Seconds a check may take per character, beyond a fixed 0.2 s (generous: the worst
#: family measured by bench_linear.py takes ~4 microseconds a character).
SECONDS_PER_CHAR = 50e-6
LINTERS = {lang: netiquette.Linter(lang) for lang in ("en", "tr")}
for _linter in LINTERS.values():
    _linter.warm_up()


def check_reply(text: str, lang: str) -> None:
    start = time.perf_counter()
    try:
        report = LINTERS[lang].check(text)
    except NetiquetteError:
        return
    elapsed = time.perf_counter() - start
    assert elapsed < 0.2 + SECONDS_PER_CHAR * len(text), f"{elapsed:.2f} s for {len(text)} chars"
    for s in report.suggestions:
        assert 0 <= s.start <= s.end <= len(text) and text[s.start : s.end] == s.match


def read_template_file(folder: Path, suffix: str, data: bytes) -> None:
    path = folder / f"fuzz{suffix}"
    path.write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with contextlib.suppress(NetiquetteError):
            load_templates([str(path)], on_error="collect")


def read_config(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.write_text(text, "utf-8", errors="surrogatepass")
    with contextlib.suppress(NetiquetteError):
        read_config_file(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=20_000)
    parser.add_argument("--target", default="all", choices=["all", "api", "templates", "config"])
    args = parser.parse_args()
    run = settings(
        max_examples=args.examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    folder = Path(tempfile.mkdtemp(prefix="netiquette-fuzz-"))
    targets = {
        "api": given(REPLY_TEXT, st.sampled_from(sorted(LINTERS)))(check_reply),
        "templates": given(st.just(folder), *TEMPLATE_FILE)(read_template_file),
        "config": given(
            st.just(folder), st.sampled_from([".netiquette.toml", "pyproject.toml"]), CONFIG_TEXT
        )(read_config),
    }
    for name, target in targets.items():
        if args.target not in ("all", name):
            continue
        start = time.perf_counter()
        run(target)()
        print(
            f"{name}: {args.examples:,} examples, no failure, {time.perf_counter() - start:.0f} s"
        )


if __name__ == "__main__":
    main()
