"""The HTML report of an archive's results (docs/archive-report.md): per-category scores
by week, the top rules, a table per group column (agents, channels...) and the worst
replies with their findings marked, in one self-contained file.

pyarrow and plotly are imported when a report is written, never by ``import netiquette``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from netiquette.archive.report_data import Figures, Results, gather
from netiquette.archive.report_page import render
from netiquette.core import InputError
from netiquette.sources import write_atomically

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["figures", "write_report"]

DEFAULT_TITLE = "netiquette archive report"


def figures(results: str | os.PathLike[str] | pa.Table) -> Figures:
    """What the report of ``results`` shows (a results directory or Parquet file of
    ``netiquette archive``, or a table of that schema), read in batches."""
    return gather(Results(results))


def write_report(
    results: str | os.PathLike[str] | pa.Table,
    out_path: str | os.PathLike[str],
    *,
    title: str | None = None,
) -> None:
    """Write the HTML report of ``results`` to ``out_path``, atomically (a symbolic link
    there is replaced, never followed). An InputError when ``results`` is missing, not
    Parquet or not of the results schema; an OSError when ``out_path`` cannot be written."""
    found = Results(results)
    if os.path.isdir(out_path):
        raise InputError(f"{os.fspath(out_path)}: is a directory; name the report's file")
    page = render(gather(found), title or DEFAULT_TITLE, found.where)
    write_atomically(out_path, page.encode("utf-8", "surrogatepass"))
