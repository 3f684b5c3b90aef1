"""Auditing an archive of replies: ``netiquette archive`` and its Spark path.

One module a job, each importing pyarrow only when used (``import netiquette`` and
``netiquette check`` never load it):

- :mod:`~netiquette.archive.columns`: which archive columns hold the text, the id, the
  time, the language and the groups (the defaults, the checks);
- :mod:`~netiquette.archive.reading`: JSONL, CSV and Parquet archives streamed in
  batches of rows, numbered;
- :mod:`~netiquette.archive.results`: a batch of rows checked into a batch of results
  (the schema of docs/archive.md), the one function the local and the Spark paths share;
- :mod:`~netiquette.archive.writing`: the results folder: part files written atomically
  and the manifest that makes a rerun resume;
- :mod:`~netiquette.archive.running`: the local engine: the archive in chunks, checked by
  forked workers with a bounded number of chunks in flight;
- :mod:`~netiquette.archive.spark`: the same audit on Spark (the ``spark`` extra);
- :mod:`~netiquette.archive.report`: the HTML report of a results dataset
  (:mod:`~netiquette.archive.report_data` gathers its figures in batches,
  :mod:`~netiquette.archive.report_page` writes the page).
"""
