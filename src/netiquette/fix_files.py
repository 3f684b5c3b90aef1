"""``netiquette fix`` on files and stdin: fix in place, atomically, or show the diff.

A file is read as bytes and decoded as UTF-8; a byte order mark is put back when it is
written, and line endings stay as they were (the text is never translated). The new
text is written to a temporary file that netiquette creates in the same folder, with
the original's permissions, which then replaces the original (``os.replace``): a
reader sees the old file or the new one, never half of one, and a failure leaves the
original as it was and no temporary file behind.

A symbolic link is never written through: one named on the command line is an error,
one inside a folder is skipped with a note (its target is fixed where the folder
holds it). Replacing the file gives it a new inode: hard links to it keep the old
text, and its owner becomes the user running netiquette. A file that changes while it
is fixed is left alone (an error).
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
import stat
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from netiquette import sources
from netiquette.core import NetiquetteError
from netiquette.fixing import FixResult
from netiquette.linter import Linter
from netiquette.text.escape import one_line

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


@dataclass
class Totals:
    """What a ``netiquette fix`` run did."""

    #: Suggestions fixed (or that would be, with ``diff``).
    fixed: int = 0
    #: Files changed (or that would change).
    files: int = 0
    #: Suggestions left in the fixed texts.
    remain: int = 0
    #: Whether a fixed text still fails the gate (an error, or a score under fail_under).
    failed: bool = False
    #: Files and inputs that could not be read, fixed or written.
    errors: int = 0

    def summary(self, diff: bool) -> str:
        """``Fixed 3 problems in 2 files (1 remains)``."""
        verb = "Would fix" if diff else "Fixed"
        return (
            f"{verb} {_count(self.fixed, 'problem')} in {_count(self.files, 'file')} "
            f"({self.remain} {'remains' if self.remain == 1 else 'remain'})"
        )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def fix_items(
    items: Iterable[str | Path],
    linter_for: Callable[[str], Linter],
    *,
    named: Iterable[str | Path] = (),
    unsafe: bool = False,
    diff: bool = False,
    context: Mapping[str, str] | None = None,
    out: TextIO,
    err: TextIO,
) -> Totals:
    """Fix each file (``"-"``: stdin, fixed text to ``out``) with the linter
    ``linter_for(path)`` gives; with ``diff``, print unified diffs to ``out`` and write
    nothing. ``named`` are the paths given on the command line (a symbolic link among
    them is an error; one found in a folder is skipped). Errors go to ``err``, and the
    other items are still fixed."""
    run = _Run(unsafe, diff, context, out)
    explicit = {str(Path(p)) for p in named}
    for item in items:
        try:
            if item == "-":
                run.fix_stdin(linter_for("-"))
            else:
                path = Path(item)
                if path.is_symlink():
                    if str(path) in explicit:
                        raise NetiquetteError(
                            f"{path}: a symbolic link; netiquette fix writes only regular "
                            "files (fix the file it points to)"
                        )
                    print(f"netiquette: {path}: a symbolic link, not fixed", file=err)
                    continue
                run.fix_file(path, linter_for(str(path)))
        except NetiquetteError as exc:
            run.totals.errors += 1
            print(f"netiquette: error: {one_line(str(exc))}", file=err)
    return run.totals


@dataclass
class _Run:
    """One ``netiquette fix`` run: its options, where output goes, what it did."""

    unsafe: bool
    diff: bool
    context: Mapping[str, str] | None
    out: TextIO
    totals: Totals = field(default_factory=Totals)

    def fix_stdin(self, linter: Linter) -> None:
        name = "<stdin>"
        data = sources.read_stdin_bytes()
        result = self._fix(linter, data, name)
        if self.diff:
            if result.changed:
                self.out.write(unified_diff(result.original, result.text, name))
            return
        _write_out(self.out, _encode(result.text, data))

    def fix_file(self, path: Path, linter: Linter) -> None:
        name = str(path)
        try:
            before = os.lstat(path)
        except OSError as exc:
            if isinstance(exc, FileNotFoundError):
                raise NetiquetteError(f"{name}: no such file or directory") from None
            raise NetiquetteError(f"{name}: cannot read: {exc.strerror or exc}") from None
        data = sources.read_limited(path, sources.MAX_FILE_BYTES, "reply")
        result = self._fix(linter, data, name)
        if not result.changed:
            return
        if self.diff:
            self.out.write(unified_diff(result.original, result.text, name))
            return
        write_atomically(path, _encode(result.text, data), before)

    def _fix(self, linter: Linter, data: bytes, name: str) -> FixResult:
        """Fix the text of ``data`` and count what was fixed and what remains."""
        result = linter.fix(
            sources.decode(data, name), path=name, context=self.context, unsafe=self.unsafe
        )
        totals = self.totals
        totals.remain += len(result.report.suggestions)
        totals.failed = totals.failed or not result.report.passed
        if result.changed:
            totals.fixed += len(result.applied)
            totals.files += 1
        return result


def _encode(text: str, original: bytes) -> bytes:
    """``text`` as UTF-8, with the byte order mark ``original`` had."""
    bom = codecs.BOM_UTF8 if original.startswith(codecs.BOM_UTF8) else b""
    return bom + text.encode("utf-8")


def _write_out(out: TextIO, data: bytes) -> None:
    """Bytes to a text stream: through its buffer when it has one (line endings and
    the encoding as they are), else decoded."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(data.decode("utf-8"))
        return
    out.flush()
    buffer.write(data)
    buffer.flush()


def unified_diff(before: str, after: str, name: str) -> str:
    """A unified diff of two texts, line endings kept, each line ending in a newline
    (``\\ No newline at end of file`` after a last line without one, as git writes)."""
    lines = difflib.unified_diff(
        _LINE.findall(before), _LINE.findall(after), fromfile=name, tofile=name
    )
    parts = []
    for line in lines:
        if line.endswith(("\n", "\r")):
            parts.append(line)
        else:
            parts.append(line + "\n\\ No newline at end of file\n")
    return "".join(parts)


def write_atomically(path: Path, data: bytes, before: os.stat_result) -> None:
    """Replace the file ``path`` with ``data`` (``sources.write_atomically``: a
    temporary file beside it, its permissions, ``os.replace``). ``before`` is the
    file's ``lstat`` when it was read: a file that has changed since, or become a link,
    is not written. NetiquetteError when it cannot be written."""
    name = str(path)
    try:
        now = os.lstat(path)
    except OSError as exc:
        raise NetiquetteError(f"{name}: cannot write: {exc.strerror or exc}") from None
    if _identity(now) != _identity(before) or stat.S_ISLNK(now.st_mode):
        raise NetiquetteError(f"{name}: changed while it was being fixed; not written")
    try:
        sources.write_atomically(path, data)
    except OSError as exc:
        raise NetiquetteError(f"{name}: cannot write: {exc.strerror or exc}") from None


def _identity(info: os.stat_result) -> tuple[int, int, int, int]:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
