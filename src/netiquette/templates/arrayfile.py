"""Files of plain NumPy arrays, safe to read whatever they hold: the template index.

A file is an ``.npz`` archive of uncompressed arrays and a JSON header (``meta``) that
names the format and its version. Reading one never unpickles anything
(``allow_pickle=False``), accepts only the exact sets of arrays the caller expects,
stored uncompressed (a compressed member could expand a small file into gigabytes),
and refuses another version with a message that says so; checking that the arrays fit
together is the caller's job.
"""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Collection, Mapping
from typing import Any

from netiquette.core import TemplateError

MAGIC = "netiquette-template-index"


def write_arrays(
    path: str | os.PathLike[str], meta: Mapping[str, Any], arrays: Mapping[str, Any]
) -> None:
    """Write ``arrays`` and the header ``meta`` (with :data:`MAGIC`) to ``path``."""
    import numpy as np

    header = {"format": MAGIC, **meta}
    with open(path, "wb") as handle:
        np.savez(handle, meta=np.array(json.dumps(header)), **arrays)


def read_arrays(
    path: str | os.PathLike[str], layouts: Collection[frozenset[str]], version: int
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The header and arrays of a file :func:`write_arrays` wrote with one of the
    ``layouts`` (sets of array names) and ``version``. Raises :class:`TemplateError`
    for anything else: another version, a file that is not one, a missing file."""
    import numpy as np

    try:
        names = _check_members(path, layouts)
        with open(path, "rb") as handle, np.load(handle, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"][()]))
            if not isinstance(meta, dict) or meta.get("format") != MAGIC:
                raise ValueError("no netiquette header")
            if meta.get("version") != version:
                raise TemplateError(
                    f"{path}: template index version {meta.get('version')} does not match "
                    f"this netiquette (version {version}); rebuild it with "
                    "TemplateSet.build_index()"
                )
            arrays = {name: data[name] for name in names}
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read template index: {exc.strerror or exc}") from None
    except TemplateError:
        raise
    except Exception as exc:
        raise TemplateError(f"{path}: not a netiquette template index ({exc})") from None
    return meta, arrays


def written_here(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` holds a netiquette template index, of any version or layout:
    the only kind of file netiquette overwrites when it rebuilds an index."""
    import numpy as np

    try:
        _check_members(path, None)
        with open(path, "rb") as handle, np.load(handle, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"][()]))
    except Exception:
        return False
    return isinstance(meta, dict) and meta.get("format") == MAGIC


def _check_members(
    path: str | os.PathLike[str], layouts: Collection[frozenset[str]] | None
) -> frozenset[str]:
    """The array names of the archive at ``path`` when they are one of ``layouts``
    (any names with ``None``) besides ``meta``, all stored uncompressed and no larger
    than the file; else ValueError."""
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
    files = {m.filename for m in members}
    names = frozenset(f.removesuffix(".npy") for f in files) - {"meta"}
    if "meta.npy" not in files or not all(f.endswith(".npy") for f in files):
        raise ValueError("unexpected arrays")
    if layouts is not None and names not in layouts:
        raise ValueError("unexpected arrays")
    if any(m.compress_type != zipfile.ZIP_STORED for m in members):
        raise ValueError("compressed arrays")
    if sum(m.file_size for m in members) > os.path.getsize(path):
        raise ValueError("arrays larger than the file")
    return names
