"""The results folder: Parquet part files written atomically, and the manifest.

``part-00000.parquet`` holds the results of the first chunk of rows, ``part-00001`` the
next, and so on; each is written under a temporary name and then renamed, so a part
that exists is whole. ``_netiquette.json`` (the manifest) records what the results are
of: the archive's fingerprint, the options, netiquette's version and the chunk size.
A run in a folder whose manifest matches keeps the parts there and makes only the
others (it resumes); one whose manifest differs is refused (a ConfigError) unless told
to overwrite. netiquette never writes into a folder it did not make (one that is not
empty and has no manifest), nor through a symbolic link.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from netiquette import sources
from netiquette.core import ConfigError

MANIFEST = "_netiquette.json"
#: What the manifest says it is, and the version of its shape.
KIND = "netiquette archive results"
FORMAT_VERSION = 1
_PART = re.compile(r"part-(\d{5,})\.parquet")
_TEMPORARY = re.compile(r"\.(part-\d{5,}\.parquet|_netiquette\.json)\..*\.tmp")


def part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


def write_part(path: str | os.PathLike[str], batch: Any) -> None:
    """One part file: ``batch`` (a RecordBatch of results) as one row group, written
    atomically (:func:`netiquette.sources.write_atomically`)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_batches([batch]), sink, compression="zstd")
    sources.write_atomically(path, sink.getvalue().to_pybytes())


class ResultsFolder:
    """The folder ``path`` of the results, for one run."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        #: What the previous run recorded when it finished (None: it did not).
        self.finished: dict[str, Any] | None = None

    @property
    def manifest(self) -> Path:
        return self.path / MANIFEST

    def part(self, index: int) -> Path:
        return self.path / part_name(index)

    def open(self, identity: Mapping[str, Any], *, overwrite: bool = False) -> set[int]:
        """Make the folder ready for a run that makes results of ``identity`` (the
        archive's fingerprint, the options...), and return the indexes of the parts
        already made. A folder of results of something else is a ConfigError unless
        ``overwrite``, which removes the parts and the manifest found (to start over)."""
        where = os.fspath(self.path)
        try:
            info = os.lstat(self.path)
        except FileNotFoundError:
            info = None
        if info is not None and stat.S_ISLNK(info.st_mode):
            raise ConfigError(f"--out {where} is a symbolic link: name the folder itself")
        if info is not None and not stat.S_ISDIR(info.st_mode):
            raise ConfigError(f"--out {where} exists and is not a folder")
        if info is None:
            try:
                self.path.mkdir(parents=True)
            except OSError as exc:
                raise ConfigError(f"--out {where}: cannot make it: {exc.strerror}") from None
        previous = self._read_manifest()
        if previous is None:
            if info is not None and any(self.path.iterdir()):
                raise ConfigError(
                    f"--out {where} is not empty and not a folder of netiquette results "
                    f"(no {MANIFEST}): name a new or empty folder"
                )
        else:
            differences = _differences(previous, identity)
            if differences and not overwrite:
                raise ConfigError(
                    f"--out {where} holds results of another run ({'; '.join(differences)}): "
                    "rerun with the same archive and options to resume, or add --overwrite"
                )
            if overwrite:  # start over, whatever the folder holds of ours
                self._remove_results()
            elif previous.get("complete"):
                self.finished = previous
        self._remove_temporary()
        done = self.parts()
        if self.finished is None:
            self._write_manifest({**identity, "complete": False})
        return done

    def finish(self, identity: Mapping[str, Any], summary: Mapping[str, Any]) -> None:
        """Record that the results are whole."""
        self._write_manifest({**identity, **summary, "complete": True})

    def parts(self) -> set[int]:
        """The indexes of the part files in the folder."""
        found = set()
        for entry in os.scandir(self.path):
            matched = _PART.fullmatch(entry.name)
            if matched and entry.is_file(follow_symlinks=False):
                found.add(int(matched.group(1)))
        return found

    def _read_manifest(self) -> dict[str, Any] | None:
        where = os.fspath(self.manifest)
        try:
            info = os.lstat(self.manifest)
        except FileNotFoundError:
            return None
        if not stat.S_ISREG(info.st_mode):
            raise ConfigError(f"{where} is not a regular file")
        try:
            manifest = json.loads(self.manifest.read_bytes())
        except (OSError, ValueError) as exc:
            raise ConfigError(f"{where}: unreadable manifest: {exc}") from None
        if not isinstance(manifest, dict) or manifest.get("kind") != KIND:
            raise ConfigError(f"{where} is not a manifest of netiquette archive results")
        if manifest.get("format_version") != FORMAT_VERSION:
            raise ConfigError(
                f"{where}: results of manifest format {manifest.get('format_version')!r}; "
                f"this netiquette writes {FORMAT_VERSION} (use a new folder or --overwrite)"
            )
        return manifest

    def _write_manifest(self, manifest: Mapping[str, Any]) -> None:
        data = {"kind": KIND, "format_version": FORMAT_VERSION, **manifest}
        text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        sources.write_atomically(self.manifest, text.encode("utf-8"))

    def _remove_results(self) -> None:
        """The parts and the manifest of a previous run (nothing else in the folder)."""
        for index in self.parts():
            self.part(index).unlink()
        self.manifest.unlink()

    def _remove_temporary(self) -> None:
        """Temporary files an interrupted run left."""
        for entry in os.scandir(self.path):
            if _TEMPORARY.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)


def _differences(previous: Mapping[str, Any], identity: Mapping[str, Any]) -> list[str]:
    """What makes the results recorded in ``previous`` not those ``identity`` asks for."""
    found = []
    before, now = previous.get("input") or {}, identity.get("input") or {}
    if any(before.get(key) != now.get(key) for key in ("size", "sha256_ends")):
        found.append(f"the archive is not the one audited ({before.get('path')})")
    if previous.get("options") != identity.get("options"):
        old, new = previous.get("options") or {}, identity.get("options") or {}
        changed = sorted(k for k in {*old, *new} if old.get(k) != new.get(k))
        found.append("other options: " + ", ".join(changed))
    for key, what in (("netiquette", "another netiquette version"), ("chunk_rows", "")):
        if previous.get(key) != identity.get(key):
            found.append(what or f"{key} {previous.get(key)} (now {identity.get(key)})")
    return found
