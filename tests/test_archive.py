"""`netiquette archive`: the same results from every format and any number of jobs,
counts equal to Linter.check, resume after an interruption, refusals, hostile files."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from helpers import make_archive, run_cli
from netiquette import parallel
from netiquette.core import CATEGORIES
from netiquette.linter import Linter

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

SRC = Path(__file__).resolve().parent.parent / "src"
ROWS = 300


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same generated replies as JSON Lines, CSV, gzipped CSV and Parquet."""
    folder = tmp_path_factory.mktemp("archives")
    made = {fmt: make_archive(ROWS, folder / f"replies.{fmt}") for fmt in ("jsonl", "csv")}
    made["parquet"] = make_archive(ROWS, folder / "replies.parquet")
    import gzip

    gzipped = folder / "replies.csv.gz"
    gzipped.write_bytes(gzip.compress(made["csv"].read_bytes()))
    made["csv.gz"] = gzipped
    return made


def audit(
    capsys: pytest.CaptureFixture[str], archive: Path, out: Path, *options: str
) -> tuple[int, str]:
    code, _, err = run_cli([str(archive), "--out", str(out), "--jobs", "1", *options], capsys,
                           "archive")  # fmt: skip
    return code, err


def rows(out: Path) -> list[dict[str, Any]]:
    table: list[dict[str, Any]] = pq.read_table(out).sort_by("row").to_pylist()
    return table


def test_every_format_gives_the_same_results(
    archives: dict[str, Path], workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = {}
    for fmt, archive in archives.items():
        code, err = audit(capsys, archive, workdir / fmt, "--group-by", "agent,channel,week")
        assert code == 0, err
        assert f"{ROWS:,} replies audited" in err
        found[fmt] = rows(workdir / fmt)
    assert found["jsonl"] == found["csv"] == found["csv.gz"] == found["parquet"]
    names = list(pq.read_schema(next((workdir / "jsonl").glob("part-*.parquet"))).names)
    linter = Linter()
    assert names == [
        "row", "id", "agent", "channel", "time", "week", "lang", "words", "score", "passed",
        *(f"score_{c}" for c in CATEGORIES), *linter.rule_ids, "suggestions", "text", "error",
    ]  # fmt: skip
    first = found["parquet"][0]
    assert first["row"] == 0 and first["id"] == "r0000000"
    assert first["week"] == "{}-W{:02d}".format(*first["time"].isocalendar()[:2])


def test_counts_and_scores_are_those_of_linter_check(
    archives: dict[str, Path], workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = audit(capsys, archives["jsonl"], workdir / "out")
    assert code == 0, err
    linter = Linter()
    found = rows(workdir / "out")
    assert len(found) == ROWS
    flagged = 0
    for row in found:
        report = linter.check(row["text"])
        counts = Counter(s.rule_id for s in report.suggestions)
        assert {r: row[r] for r in linter.rule_ids} == {r: counts[r] for r in linter.rule_ids}
        assert (row["score"], row["passed"], row["lang"]) == (
            report.score,
            report.passed,
            report.lang,
        )
        assert row["words"] == report.metrics["words"]
        assert [(s["rule_id"], s["start"], s["end"], s["match"]) for s in row["suggestions"]] == [
            (s.rule_id, s.start, s.end, s.match) for s in report.suggestions
        ]
        assert row["score_grammar"] is None  # no LanguageTool here: skipped, not 100
        flagged += bool(report.suggestions)
    assert ROWS // 5 < flagged < ROWS  # real text: some clean replies, many findings
    assert {row["lang"] for row in found} == {"en", "tr"}


def test_one_and_two_jobs_write_the_same_bytes(
    archives: dict[str, Path], workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for jobs in ("1", "2"):
        code, err = audit(
            capsys, archives["parquet"], workdir / jobs, "--chunk-rows", "60", "--jobs", jobs
        )
        assert code == 0, err
    parts = sorted(p.name for p in (workdir / "1").glob("part-*.parquet"))
    assert len(parts) == 5
    assert parts == sorted(p.name for p in (workdir / "2").glob("part-*.parquet"))
    for name in parts:
        assert (workdir / "1" / name).read_bytes() == (workdir / "2" / name).read_bytes()


def test_an_interrupted_run_resumes_to_the_same_results(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = make_archive(2400, tmp_path / "big.jsonl")
    out = tmp_path / "killed"
    command = [sys.executable, "-m", "netiquette", "archive", str(archive), "--out", str(out)]
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    child = subprocess.Popen(
        [*command, "--chunk-rows", "40", "--jobs", "1", "-q"], env=env, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and child.poll() is None:
        if out.is_dir() and len(list(out.glob("part-*.parquet"))) >= 3:
            break
        time.sleep(0.02)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert child.stderr is not None
    child.stderr.close()
    made = len(list(out.glob("part-*.parquet")))
    assert 3 <= made < 60, "the run ended before it could be interrupted"
    assert json.loads((out / "_netiquette.json").read_text())["complete"] is False

    code, err = audit(capsys, archive, out, "--chunk-rows", "40", "--jobs", "2")
    assert code == 0, err
    assert f"{made * 40:,} were done by an earlier run" in err
    code, err = audit(capsys, archive, tmp_path / "whole", "--chunk-rows", "40")
    assert code == 0, err
    parts = sorted(p.name for p in (tmp_path / "whole").glob("part-*.parquet"))
    assert parts == sorted(p.name for p in out.glob("part-*.parquet"))
    for name in parts:
        assert (out / name).read_bytes() == (tmp_path / "whole" / name).read_bytes()
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary left
    code, err = audit(capsys, archive, out, "--chunk-rows", "40")  # whole: nothing to do
    assert code == 0 and "2,400 were done by an earlier run" in err


def test_other_options_or_another_archive_are_refused_unless_overwrite(
    archives: dict[str, Path], workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = workdir / "out"
    assert audit(capsys, archives["jsonl"], out, "--select", "tone")[0] == 0
    code, err = audit(capsys, archives["jsonl"], out)
    assert code == 2 and "other options: select" in err and "--overwrite" in err
    code, err = audit(capsys, archives["csv"], out, "--select", "tone")
    assert code == 2 and "the archive is not the one audited" in err
    (out / "_notes.txt").write_text("mine", encoding="utf-8")
    code, err = audit(capsys, archives["jsonl"], out, "--overwrite")
    assert code == 0, err
    assert (out / "_notes.txt").read_text(encoding="utf-8") == "mine"  # only our files go
    assert len(rows(out)[0]) > 20  # every rule's count again


def test_the_out_folder_must_be_ours(
    archives: dict[str, Path], workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stranger = workdir / "stranger"
    stranger.mkdir()
    (stranger / "data.csv").write_text("a\n", encoding="utf-8")
    code, err = audit(capsys, archives["jsonl"], stranger, "--overwrite")
    assert code == 2 and "not a folder of netiquette results" in err
    (workdir / "target").mkdir()
    (workdir / "link").symlink_to(workdir / "target")
    code, err = audit(capsys, archives["jsonl"], workdir / "link")
    assert code == 2 and "symbolic link" in err
    assert not list((workdir / "target").iterdir())
    (workdir / "file").write_text("x", encoding="utf-8")
    code, err = audit(capsys, archives["jsonl"], workdir / "file")
    assert code == 2 and "not a folder" in err


def test_rows_that_cannot_be_checked_keep_their_row_and_say_why(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        json.dumps({"id": 1, "text": "Thanks for waiting, your refund is on its way."}),
        "{not json",
        "",
        json.dumps(["a list"]),
        json.dumps({"id": 4, "text": 42}),
        json.dumps({"id": 5}),
        json.dumps({"id": 6, "text": "lone \ud800 surrogate"}),
        json.dumps({"id": 7, "text": "x" * 200_001}),
        json.dumps({"id": 8, "text": "Kindly do the needful ASAP.", "lang": "tr"}),
        json.dumps({"id": 9, "text": "Sakin ol kardeşim, bu bizim sorunumuz değil.", "lang": "de"}),
        json.dumps({"id": 10, "text": "", "lang": "en"}),
        json.dumps({"id": 11, "text": "This is damn annoying, we can't help.", "lang": "EN"}),
    ]
    archive = workdir / "hostile.jsonl"
    archive.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, err = audit(capsys, archive, workdir / "out", "--lang-column", "lang")
    assert code == 0, err
    assert "8 could not be checked" in err
    found = rows(workdir / "out")
    assert [r["row"] for r in found] == list(range(11))
    errors = [r["error"] for r in found]
    assert errors[0] is None and found[0]["score"] is not None
    assert "line 2 is not JSON" in errors[1]
    assert "line 4 is a list, not a JSON object" in errors[2]
    assert "'text' is a number, not text" in errors[3]
    assert "no 'text' field" in errors[4]
    assert "lone surrogate" in errors[5] and found[5]["text"].startswith("lone \ufffd")
    assert "limit is 200,000" in errors[6]
    assert errors[7] is None and found[7]["lang"] == "tr"
    assert "de" in errors[8] and found[8]["score"] is None and found[8]["NQ101"] == 0
    assert errors[9] == "no text"
    assert errors[10] is None and found[10]["lang"] == "en" and found[10]["NQ202"] >= 1
    assert found[3]["suggestions"] == [] and found[3]["words"] == 0
    assert [r["id"] for r in found[:4]] == ["1", None, None, "4"]


def test_a_csv_cell_that_is_not_utf8_spoils_only_its_row(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = workdir / "replies.csv"
    archive.write_bytes(
        b'\xef\xbb\xbfid,agent,text\n1,ana,"Hi Jo,\nyour order shipped."\n'
        b"2,ben,caf\xe9 is closed\n3,ana,Thx 4 waiting!!!\n4,extra,field,here\n"
    )
    code, err = audit(capsys, archive, workdir / "out", "--group-by", "agent")
    assert code == 0, err
    assert "1 CSV record(s) with a wrong number of fields skipped" in err
    found = rows(workdir / "out")
    assert [r["id"] for r in found] == ["1", "2", "3"]
    assert found[0]["text"] == "Hi Jo,\nyour order shipped." and found[0]["error"] is None
    assert found[1]["error"] == "not UTF-8 text (byte 3)"
    assert found[2]["error"] is None and found[2]["NQ303"] >= 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.jsonl", json.dumps({"body": "hi"}) + "\n", "no column 'text' (--text-column)"),
        ("a.csv", "id,body\n1,hi\n", "the archive has: id, body"),
        ("a.jsonl", "\x00\x01\x02binary\n", "binary data"),
        ("a.csv", "", "empty, no CSV header"),
        ("a.parquet", "not parquet at all", "not a readable Parquet file"),
        ("a.xlsx", "whatever", "cannot tell the archive's format"),
        ("a.jsonl", "[1]\n[2]\n", "no JSON object on any line"),
    ],
)
def test_archives_that_cannot_be_read_are_input_errors(
    workdir: Path, capsys: pytest.CaptureFixture[str], name: str, content: str, message: str
) -> None:
    (workdir / name).write_text(content, encoding="utf-8")
    code, err = audit(capsys, workdir / name, workdir / "out")
    assert code == 2
    assert message in err and "Traceback" not in err


def test_bad_columns_and_options_are_usage_errors(
    archives: dict[str, Path], workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = pa.table({"id": [1, 2], "text": [3, 4]})
    pq.write_table(table, workdir / "ints.parquet")
    code, err = audit(capsys, workdir / "ints.parquet", workdir / "o1")
    assert code == 2 and "holds int64, not text" in err
    code, err = audit(capsys, archives["jsonl"], workdir / "o2", "--group-by", "agent,score")
    assert code == 2 and "'score' is the name of a results column" in err
    code, err = audit(capsys, archives["jsonl"], workdir / "o3", "--id-column", "ticket")
    assert code == 2 and "no column 'ticket' (--id-column)" in err
    code, err = audit(capsys, archives["jsonl"], workdir / "o4", "--chunk-rows", "0")
    assert code == 2 and "--chunk-rows" in err
    code, err = audit(capsys, archives["jsonl"], workdir / "o5", "--select", "NQ999")
    assert code == 2 and "NQ999" in err


def test_report_option_writes_the_report(
    archives: dict[str, Path], workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = audit(capsys, archives["jsonl"], workdir / "out", "--report", "report.html")
    assert code == 0, err
    assert (workdir / "report.html").stat().st_size > 1000


def test_check_and_import_never_load_pyarrow(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("Thanks for waiting, your refund is on its way.", encoding="utf-8")
    code = (
        "import sys, netiquette, netiquette.cli; from netiquette.cli import main; "
        f"main(['check', '-q', {str(reply)!r}]); "
        "print(sorted(m for m in ('pyarrow', 'pyspark', 'pandas') if m in sys.modules))"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr


def _square(n: int) -> int:
    return n * n


def test_bounded_map_keeps_order_and_reads_only_a_window_ahead() -> None:
    pulled = 0

    def items() -> Any:
        nonlocal pulled
        for n in range(50):
            pulled += 1
            yield n

    for got, n in enumerate(parallel.bounded_map(_square, items(), 2, 4)):
        assert n == got * got
        assert pulled <= got + 1 + 4


def test_a_parquet_archive_is_read_a_page_at_a_time(tmp_path: Path) -> None:
    """pyarrow's default read holds what it has read of the file: the Arrow memory
    used while reading must not grow with the archive, whatever its row groups."""
    import random
    import string

    from netiquette.archive.columns import Columns
    from netiquette.archive.reading import open_archive

    rng = random.Random(14)
    texts = ["".join(rng.choices(string.ascii_letters + " ", k=400)) for _ in range(10_000)]

    def peak(copies: int, group_rows: int) -> int:
        path = tmp_path / f"{copies}-{group_rows}.parquet"
        pq.write_table(pa.table({"text": texts * copies}), path, row_group_size=group_rows)
        most = read = 0
        for batch in open_archive(path, Columns()).batches(1_000):
            read += batch.num_rows
            most = max(most, pa.total_allocated_bytes())
        assert read == 10_000 * copies
        return most

    for group_rows in (1_000, 1_000_000):  # many row groups; one
        small, large = peak(1, group_rows), peak(4, group_rows)
        assert large < small * 1.25, (group_rows, small, large)
