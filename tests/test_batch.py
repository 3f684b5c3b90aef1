"""Many files: --jobs gives the same output in the same order as one process."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from helpers import run_cli
from netiquette import batch, parallel
from netiquette.cli import main

REPLIES = [
    "Hi Sam,\n\nYour parcel left our warehouse today.\n\nKind regards,\nAna\n",
    "PLEASE read the manual before writing again!!!\n",
    "Merhaba Ayşe Hanım,\n\nSiparişiniz yarın teslim edilecek.\n\nSaygılarımızla,\nElif\n",
    "Thx for waiting, u will get a refund asap.\n",
    "Bunu sen yapmadın mı? Kılavuzu oku.\n",
    "Hi Sam, your refund was issued today. Thanks for your patience! 😊\n",
]


@pytest.fixture
def many(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """30 replies in two folders (chat/ may use emoji), and one file that is not UTF-8."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".netiquette.toml").write_text(
        '[[overrides]]\nfiles = ["chat/**"]\nignore = ["emoji"]\n', encoding="utf-8"
    )
    for folder in ("chat", "email"):
        (tmp_path / folder).mkdir()
        for i in range(15):
            text = REPLIES[i % len(REPLIES)]
            (tmp_path / folder / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "email" / "07.txt").write_bytes(b"caf\xe9 au lait\n")
    # Fork workers for a handful of files, as a large repository would.
    monkeypatch.setattr(batch, "MIN_FILES_PER_JOB", 4)
    monkeypatch.setattr(batch, "CHUNK_FILES", 3)
    return tmp_path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    return run_cli(args, capsys)


@pytest.mark.parametrize("format", ["json", "text", "sarif"])
def test_jobs_give_the_same_output_in_the_same_order(
    many: Path, capsys: pytest.CaptureFixture[str], format: str
) -> None:
    assert batch.processes_for(30, 3) == 3
    one = run(["check", "chat", "email", "--jobs", "1", "--format", format], capsys)
    three = run(["check", "chat", "email", "--jobs", "3", "--format", format], capsys)
    assert one == three
    code, out, err = one
    assert code == 2  # the file that is not UTF-8; every other file is still reported
    assert "email/07.txt: not UTF-8" in err.replace(os.sep, "/")
    if format == "json":
        reports = json.loads(out)
        paths = [r["path"].replace(os.sep, "/") for r in reports]
        assert paths == sorted(paths) and len(paths) == 29
        emoji = {r["path"].replace(os.sep, "/") for r in reports
                 if any(s["rule_id"] == "NQ103" for s in r["suggestions"])}  # fmt: skip
        assert emoji == {"email/05.txt", "email/11.txt"}  # the override holds in workers


def test_the_default_is_the_cores_and_small_runs_stay_in_one_process() -> None:
    assert parallel.default_processes() >= 1
    assert batch.processes_for(batch.MIN_FILES_PER_JOB - 1, 8) == 1
    assert batch.processes_for(batch.MIN_FILES_PER_JOB * 3, 2) == 2
    assert batch.processes_for(batch.MIN_FILES_PER_JOB * 3, 8) == 3


def test_jobs_must_be_positive(many: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", "chat", "--jobs", "0"], capsys)
    assert code == 2 and "--jobs must be at least 1" in err
    with pytest.raises(SystemExit) as exited:
        main(["check", "chat", "--jobs", "two"])
    assert exited.value.code == 2
    assert "invalid int value" in capsys.readouterr().err


def test_stdin_among_the_files_is_checked_in_this_process(
    many: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Thx, done.\n")))
    _, out, _ = run(["check", "chat", "-", "--jobs", "2", "--format", "json"], capsys)
    reports = json.loads(out)
    assert reports[-1]["path"] == "<stdin>"
    assert [s["rule_id"] for s in reports[-1]["suggestions"]] == ["NQ303"]


def _pid_of(item: int) -> tuple[int, int]:
    return item, os.getpid()


def test_work_is_shared_chunk_by_chunk_so_results_come_as_it_goes() -> None:
    """This process takes every other chunk and the worker the rest: the results come
    out in input order, in steps of a chunk (a progress bar moves evenly, not in the
    two steps 'this process's half, then the workers' half')."""
    results = list(parallel.ordered_map(_pid_of, list(range(10)), processes=2, chunksize=2))
    assert [item for item, _ in results] == list(range(10))
    here = os.getpid()
    by_chunk = [{pid for _, pid in results[i : i + 2]} for i in range(0, 10, 2)]
    assert [pids == {here} for pids in by_chunk] == [True, False, True, False, True]
    assert all(len(pids) == 1 for pids in by_chunk)
