"""The archive audit on Spark (the ``spark`` extra): the same results, on a cluster.

:func:`audit` turns an archive (a path Spark can read, or a DataFrame) into a DataFrame
of results with the schema of :func:`netiquette.archive.results.schema`, made by
``mapInArrow`` with :func:`~netiquette.archive.results.audit_batch`, the function the
local engine uses: the results are the same row for row. Each Python worker process
of the executors builds one Linter for the settings it is given, on its first batch,
and keeps it for every later task (:func:`_auditor`); template files are shipped to the
executors once (``SparkContext.addFile``) and read there from ``SparkFiles``.

Rows are numbered as the local engine numbers them (``row``: the position in the
archive) from ``monotonically_increasing_id`` and the size of each input partition,
counted first (a scan of the input, cheap beside the checking). A DataFrame that already
has a ``row`` column keeps it. docs/archive.md shows how to run it with spark-submit.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from netiquette.archive import reading
from netiquette.archive.columns import Columns
from netiquette.archive.results import Auditor, audit_batch, schema
from netiquette.archive.running import Summary
from netiquette.config import Settings, settings_from_mapping
from netiquette.core import ConfigError
from netiquette.linter import Linter

#: Row numbers: the bits of ``monotonically_increasing_id`` that hold the position in
#: its partition (the partition's index is above them).
_POSITION_BITS = 33
_MID = "__netiquette_mid"
#: The Linter of each Python worker process, by the settings it was built for.
_AUDITORS: dict[str, Auditor] = {}


def session(master: str | None = None, app_name: str = "netiquette archive") -> Any:
    """A SparkSession for the audit: UTC times, Parquet timestamps in microseconds.
    ``master`` None: spark-submit's (or ``local[*]`` when run by hand)."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    spark = builder.getOrCreate()
    spark.conf.set("spark.sql.session.timeZone", "UTC")
    spark.conf.set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
    return spark


def read(spark: Any, path: str, columns: Columns, format: str | None = None) -> Any:
    """The archive at ``path`` as a DataFrame whose text columns are strings (CSV
    records may span lines; JSON values that are not strings are kept as JSON)."""
    from pyspark.sql import types as T

    chosen = reading.archive_format(path, format)
    if chosen == "parquet":
        return spark.read.parquet(path)
    if chosen == "csv":
        # Every column as a string, named by the header: a schema given to Spark's CSV
        # reader names the columns by position and would ignore the header. Records
        # with a wrong number of fields are dropped, as the local engine skips them.
        options = {"header": "true", "multiLine": "true", "escape": '"', "mode": "DROPMALFORMED"}
        return spark.read.options(**options).csv(path)
    fields = T.StructType([T.StructField(n, T.StringType()) for n in columns.source_columns()])
    return spark.read.schema(fields).json(path)


def audit(
    source: Any,
    *,
    columns: Columns | None = None,
    settings: Settings | None = None,
    format: str | None = None,
    spark: Any = None,
    partitions: int | None = None,
) -> Any:
    """The results DataFrame of ``source``: a path (one archive file, as the local
    engine reads) or a DataFrame. ``partitions``: at least this many tasks (default:
    twice the cluster's parallelism)."""
    from pyspark.sql import DataFrame
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    columns = columns or Columns()
    settings = settings or Settings()
    if isinstance(source, DataFrame):
        spark = spark or source.sparkSession
        frame, where = source, "the DataFrame"
    else:
        spark = spark or session()
        where = os.fspath(source)
        if os.path.exists(where):  # the same defaults as the local engine, from the file
            columns = reading.open_archive(where, columns, format=format).columns
        frame = read(spark, where, columns, format)
    columns = columns.resolve(frame.columns, where)
    picked = [F.col(_quoted(name)) for name in columns.source_columns()]
    numbered = isinstance(source, DataFrame) and "row" in frame.columns
    if numbered:
        frame = frame.select(F.col("row").cast("long"), *picked)
        offsets: dict[int, int] | None = None
    else:
        frame = frame.select(F.monotonically_increasing_id().alias(_MID), *picked)
        offsets = _offsets(frame)
    wanted = partitions or 2 * spark.sparkContext.defaultParallelism
    if frame.rdd.getNumPartitions() < wanted:
        frame = frame.repartition(wanted)
    shipped = _ship(spark, settings)
    rule_ids = Linter(config=dataclasses.replace(settings, templates=())).rule_ids
    out = schema(rule_ids, columns.groups)
    mapper = BatchAuditor(_blob(shipped), columns, offsets)
    results = frame.mapInArrow(mapper, from_arrow_schema(out))
    return results.sortWithinPartitions("row")


def run(
    archive: str,
    out: str,
    *,
    columns: Columns,
    settings: Settings,
    format: str | None = None,
    master: str | None = None,
    overwrite: bool = False,
) -> Summary:
    """``netiquette archive --engine spark``: the results of ``archive`` written to the
    folder ``out`` by Spark (any path Spark writes: local, HDFS, S3...)."""
    import warnings

    from pyspark.sql import functions as F

    # pyspark 4.x warns about pandas 3 on every use; the audit does not use pandas.
    warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas", FutureWarning)
    spark = session(master)
    spark.sparkContext.setLogLevel("ERROR")
    results = audit(archive, columns=columns, settings=settings, format=format, spark=spark)
    results.write.mode("overwrite" if overwrite else "errorifexists").parquet(out)
    written = spark.read.parquet(out)
    counts = written.agg(F.count("*"), F.count("error")).first()
    return Summary(rows=int(counts[0]), errors=int(counts[1]), parts=0)


@dataclass(frozen=True)
class BatchAuditor:
    """The function ``mapInArrow`` runs on the executors: Arrow batches of archive rows
    in, batches of results out. ``offsets``: the first row of each input partition
    (None when the rows are numbered already)."""

    settings: bytes
    columns: Columns
    offsets: Mapping[int, int] | None

    def __call__(self, batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        auditor = _auditor(self.settings, self.columns.lang is not None)
        mask = (1 << _POSITION_BITS) - 1
        for batch in batches:
            if self.offsets is not None:
                ids = batch.column(_MID).to_pylist()
                rows = [self.offsets[i >> _POSITION_BITS] + (i & mask) for i in ids]
                index = batch.schema.get_field_index(_MID)
                batch = batch.set_column(index, "row", pa.array(rows, pa.int64()))
            yield audit_batch(batch, auditor, self.columns)


def _auditor(blob: bytes, every_language: bool) -> Auditor:
    """The Auditor of this worker process for the settings ``blob`` (built once)."""
    key = hashlib.sha256(blob).hexdigest()
    found = _AUDITORS.get(key)
    if found is None:
        from pyspark import SparkFiles

        settings = settings_from_mapping(json.loads(blob), "the settings sent by the driver")
        local = tuple(SparkFiles.get(name) for name in settings.templates)
        index = SparkFiles.get(settings.templates_index) if settings.templates_index else None
        settings = dataclasses.replace(settings, templates=local, templates_index=index)
        found = Auditor(Linter(config=settings)).warm_up(every_language)
        _AUDITORS[key] = found
    return found


def _ship(spark: Any, settings: Settings) -> Settings:
    """The settings for the executors: template files (and the index) sent to them
    once with ``addFile``, and named by what ``SparkFiles.get`` finds them by."""
    context = spark.sparkContext
    names: list[str] = []
    for path in settings.templates:
        name = os.path.basename(os.path.normpath(path))
        if name in names:
            raise ConfigError(f"two template sources are named {name}: Spark ships by name")
        context.addFile(os.path.abspath(path), recursive=os.path.isdir(path))
        names.append(name)
    index = None
    if settings.templates_index and os.path.isfile(settings.templates_index):
        context.addFile(os.path.abspath(settings.templates_index))
        index = os.path.basename(settings.templates_index)
    return dataclasses.replace(settings, templates=tuple(names), templates_index=index)


def _blob(settings: Settings) -> bytes:
    """The settings as JSON for the executors, read back there as a configuration is
    (per-path overrides do not apply to archive rows, which have no path)."""
    return json.dumps(settings.to_values(), sort_keys=True).encode("utf-8")


def _offsets(frame: Any) -> dict[int, int]:
    """The row number of the first row of each partition of ``frame`` (which has the
    ``monotonically_increasing_id`` column): the rows of the partitions before it."""
    from pyspark.sql import functions as F

    partition = F.shiftrightunsigned(F.col(_MID), _POSITION_BITS).alias("partition")
    counts = dict(frame.groupBy(partition).count().collect())
    offsets, first = {}, 0
    for index in sorted(counts):
        offsets[int(index)] = first
        first += int(counts[index])
    return offsets


def _quoted(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"
