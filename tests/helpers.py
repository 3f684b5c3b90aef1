"""Helpers shared by the test modules: the shared corpora read in place (each reader
skips the test cleanly when ../shared/ is absent, through ``conftest.shared_path``) and
profanity matches as pairs."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

import pytest

from conftest import shared_path
from netiquette.engines.profanity import ProfanityMatcher
from netiquette.text.fold import fold


def run_cli(
    args: list[str], capsys: pytest.CaptureFixture[str], *before: str
) -> tuple[int, str, str]:
    """``netiquette <before> <args>`` in this process: exit code, stdout, stderr."""
    from netiquette.cli import main

    code = main([*before, *args])
    out, err = capsys.readouterr()
    return code, out, err


def write_files(root: Path, files: Mapping[str, str]) -> Path:
    """Write each text of ``files`` (paths relative to ``root``, folders made as
    needed) as UTF-8; returns ``root``."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def run_netiquette(
    *args: str, cwd: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m netiquette ARGS`` in a fresh process, as a user or CI runs it: its exit
    code, stdout and stderr (a minute at most)."""
    return subprocess.run(
        [sys.executable, "-m", "netiquette", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


#: The Chromium the browser tests drive (tests/test_page.py, tests/test_archive_report.py)
#: and its flags: headless, and nothing fetched besides the pages under test.
CHROMIUM = Path(os.environ.get("NETIQUETTE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: Why a browser test is skipped where there is no Chromium.
NO_CHROMIUM = f"no Chromium at {CHROMIUM} (apt-get install chromium, or set NETIQUETTE_CHROMIUM)"

#: How many rules are registered: a loop over the rules sees every one.
RULES = 35
#: The rules an example of a rule needs running beside it: unused-suppression judges
#: only the suppressions of rules that run.
EXAMPLES_ALSO_SELECT: dict[str, list[str]] = {"NQ504": ["NQ101"]}
#: The Turkish seed documents of ../shared/seeds/.
SEEDS = ("000_b6d694508e33e9f2.txt", "001_46a478ae806cc6a7.txt")

#: A fenced block of Markdown: the closing fence is as long as the opening one, so a
#: ```` ````markdown ```` block may hold a ```` ```bash ```` block.
_MARKDOWN_BLOCK = re.compile(
    r"^(?P<fence>`{3,})(?:markdown|md)[ \t]*\n(?P<body>.*?)^(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)


def freecodecamp_text() -> str:
    """freeCodeCamp's reply templates (BSD-3-Clause), the whole Markdown file."""
    path = shared_path("data", "templates", "freecodecamp-reply-templates.md")
    return path.read_text(encoding="utf-8")


def freecodecamp_replies() -> list[tuple[str, str]]:
    """(heading, reply) for every fenced reply of freeCodeCamp's templates, in order."""
    replies = []
    for section in re.split(r"(?m)^## ", freecodecamp_text())[1:]:
        title = section.splitlines()[0].strip()
        replies += [(title, m.group("body")) for m in _MARKDOWN_BLOCK.finditer(section)]
    return replies


def cx_macros() -> list[tuple[str, str]]:
    """(file stem, template) for every block-quoted template of the cx-macros files."""
    folder = shared_path("data", "templates", "cx-macros", "macros")
    blocks: list[tuple[str, str]] = []
    for path in sorted(folder.glob("*.md")):
        current: list[str] = []
        for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
            if line.startswith(">"):
                current.append(line[2:] if line.startswith("> ") else line[1:])
            elif current:
                blocks.append((path.stem, "\n".join(current)))
                current = []
    return blocks


def agent_turns() -> list[str]:
    """The texts of the real agent chat turns (ABCD, MIT)."""
    path = shared_path("data", "agent-replies", "abcd-agent-turns.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [str(json.loads(line)["text"]) for line in lines if line.strip()]


def ldnoobw(lang: str) -> list[str]:
    """The entries of LDNOOBW's list for ``lang`` (CC BY 4.0), blank lines left out."""
    path = shared_path("data", "profanity", "ldnoobw", f"{lang}.txt")
    return [
        w for w in (line.strip() for line in path.read_text(encoding="utf-8").splitlines()) if w
    ]


def found(
    matcher: ProfanityMatcher, text: str, by: Literal["form", "tier", "category"] = "form"
) -> list[tuple[str, str]]:
    """(typed text, listed form, tier or category) of every match, asserting exact spans."""
    out: list[tuple[str, str]] = []
    for hit in matcher.find(text, fold(text, matcher.lang)):
        assert 0 <= hit.start < hit.end <= len(text)
        key = {"form": hit.form, "tier": hit.tier, "category": hit.entry.category}[by]
        out.append((text[hit.start : hit.end], key))
    return out


def reply_and_context(text: str) -> tuple[str, dict[str, str] | None]:
    """A documented example written as "Customer: ...\nReply: ..." is the reply with
    the customer's message as its context; any other text is a reply alone."""
    if not text.startswith("Customer: ") or "\nReply: " not in text:
        return text, None
    customer, _, reply = text.removeprefix("Customer: ").partition("\nReply: ")
    return reply, {"customer_message": customer}


def make_archive(rows: int, path: Path, fmt: str | None = None, seed: int = 14) -> Path:
    """A generated archive of ``rows`` replies (benchmarks/make_archive.py) at ``path``."""
    import importlib.util

    script = Path(__file__).resolve().parent.parent / "benchmarks" / "make_archive.py"
    spec = importlib.util.spec_from_file_location("make_archive", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    chosen = fmt or {".csv": "csv", ".parquet": "parquet"}.get(path.suffix, "jsonl")
    module.write(rows, path, chosen, seed)
    return path
