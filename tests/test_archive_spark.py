"""The Spark path (local[2]) gives the local engine's results, row for row."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers import make_archive, run_cli, write_files

if importlib.util.find_spec("pyspark") is None or importlib.util.find_spec("pyarrow") is None:
    pytest.skip("pyspark and pyarrow are needed (the spark extra)", allow_module_level=True)
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs Java (none on PATH, no JAVA_HOME)", allow_module_level=True)

pytestmark = pytest.mark.filterwarnings(
    "ignore:PySpark does not yet fully support pandas:FutureWarning",
    "ignore::ResourceWarning",
    "ignore::DeprecationWarning",
)
SRC = Path(__file__).resolve().parent.parent / "src"


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    os.environ["PYTHONPATH"] = os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from netiquette.archive.spark import session

    found = session("local[2]")
    found.sparkContext.setLogLevel("ERROR")
    yield found
    found.stop()


def test_spark_gives_the_local_results_row_for_row(
    spark: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import pyarrow.parquet as pq

    from netiquette.archive.columns import Columns
    from netiquette.archive.spark import audit
    from netiquette.config import Settings

    archive = make_archive(2000, tmp_path / "replies.jsonl")
    # Known templates (shipped to the executors with addFile): long replies the archive holds.
    texts = [json.loads(line)["text"] for line in archive.read_text("utf-8").splitlines()]
    canned = sorted({t for t in texts if len(t.split()) >= 25})[:5]
    templates = str(
        write_files(tmp_path / "templates", {f"t{i}.txt": t for i, t in enumerate(canned)})
    )
    options = ["--group-by", "agent,channel,week", "--lang-column", "lang"]
    options += ["--templates", templates, "--no-config"]
    code, _, err = run_cli([str(archive), "--out", str(tmp_path / "local"), *options], capsys,
                           "archive")  # fmt: skip
    assert code == 0, err
    columns = Columns(lang="lang", group_by=("agent", "channel", "week"))
    settings = Settings(templates=(templates,))
    results = audit(str(archive), columns=columns, settings=settings, spark=spark)
    results.write.parquet(str(tmp_path / "spark"))
    local = pq.read_table(tmp_path / "local").sort_by("row")
    remote = pq.read_table(tmp_path / "spark").sort_by("row")
    assert remote.schema.names == local.schema.names
    assert remote.num_rows == 2000
    assert remote.to_pylist() == local.to_pylist()
    assert sum(1 for row in local.column("error").to_pylist() if row) == 0
    assert sum(remote.column("NQ502").to_pylist()) > 0  # the templates reached the workers


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_spark_reads_csv_and_parquet_as_the_local_engine_does(
    spark: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """Columns are found by name (not by their place in the file), and CSV records
    with a wrong number of fields have no row in either engine's results."""
    import pyarrow.parquet as pq

    from netiquette.archive.columns import Columns
    from netiquette.archive.spark import audit
    from netiquette.config import Settings

    archive = make_archive(300, tmp_path / f"replies.{fmt}")
    if fmt == "csv":
        header, records = archive.read_text("utf-8").split("\n", 1)
        long = 'x1,agent-2,chat,2026-02-22T15:29:18Z,en,"Hello there",extra\n'
        archive.write_text(f"{header}\nshort,agent-1,chat\n{records}{long}", "utf-8")
    options = ["--group-by", "agent,channel,week", "--lang-column", "lang", "--no-config"]
    code, _, err = run_cli([str(archive), "--out", str(tmp_path / "local"), *options], capsys,
                           "archive")  # fmt: skip
    assert code == 0, err
    columns = Columns(lang="lang", group_by=("agent", "channel", "week"))
    remote = audit(str(archive), columns=columns, settings=Settings(), spark=spark)
    remote.write.parquet(str(tmp_path / "spark"))
    local = pq.read_table(tmp_path / "local").sort_by("row").to_pylist()
    assert len(local) == 300
    assert pq.read_table(tmp_path / "spark").sort_by("row").to_pylist() == local
    assert {row["lang"] for row in local} == {"en", "tr"}
    assert all(row["words"] > 0 for row in local)
