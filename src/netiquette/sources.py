"""Reading replies from files, folders and stdin, with clear errors for bad input.

Files may be written by strangers (a pull request), so reading is careful: at most the
limit plus one byte is read whatever size the file claims, only regular files are read
(a FIFO would block, ``/dev/zero`` never ends), and a folder's symbolic links that lead
out of it are skipped unless the caller follows them (``--follow-symlinks``).
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from netiquette.core import InputError

#: File types checked when a folder is given.
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
MAX_FILE_BYTES = 4_000_000


@dataclass(frozen=True)
class Source:
    """One text to check and where it came from."""

    name: str
    text: str


def decode(data: bytes, name: str) -> str:
    """UTF-8 text from ``data``, or InputError saying why it is not text."""
    if b"\x00" in data:
        raise InputError(f"{name}: binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it to UTF-8"
        ) from None


def read_limited(path: str | os.PathLike[str], limit: int, what: str = "file") -> bytes:
    """The bytes of the regular file ``path``, or InputError when it is missing, not a
    regular file, unreadable or larger than ``limit`` bytes (at most ``limit + 1`` bytes
    are read, so a file that grows or lies about its size cannot exhaust memory)."""
    name = str(path)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise InputError(f"{name}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError(f"{name}: is a directory")
        if not stat.S_ISREG(mode):
            raise InputError(f"{name}: not a regular file ({_kind(mode)}); only files are read")
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise InputError(f"{name}: more than {limit:,} bytes is too large for a {what}")
    return data


def _kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return kind
    return "not a file"


def read_file(path: Path) -> Source:
    name = str(path)
    return Source(name, decode(read_limited(path, MAX_FILE_BYTES, "reply"), name))


def read_stdin() -> Source:
    """Standard input, at most MAX_FILE_BYTES (one byte more is read to tell)."""
    return Source("<stdin>", decode(read_stdin_bytes(), "<stdin>"))


def read_stdin_bytes() -> bytes:
    """The bytes of standard input, or InputError beyond MAX_FILE_BYTES."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        data = sys.stdin.read(MAX_FILE_BYTES + 1).encode()
    else:
        data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"<stdin>: more than {MAX_FILE_BYTES:,} bytes is too large for a reply")
    return data


@dataclass
class Walk:
    """The files of a folder walk, and the symbolic links it did not follow."""

    files: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def walk(folder: Path, suffixes: tuple[str, ...], *, follow_symlinks: bool = False) -> Walk:
    """Files under ``folder`` with one of ``suffixes``, sorted, hidden files and folders
    left out.

    A symbolic link is followed only when it leads to a place inside ``folder``, unless
    ``follow_symlinks``; a linked folder is entered only with ``follow_symlinks``, and
    never twice (a loop of links ends). What is not followed is named in ``skipped``.
    """
    root = folder.resolve()
    found = Walk()
    seen: set[tuple[int, int]] = set()
    for directory, subdirs, names in os.walk(folder, followlinks=follow_symlinks):
        here = Path(directory)
        try:
            info = here.stat()
        except OSError:
            subdirs[:] = []
            continue
        if (info.st_dev, info.st_ino) in seen:
            subdirs[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        if not follow_symlinks:
            for name in subdirs:
                if (here / name).is_symlink():
                    found.skipped.append(
                        f"{here / name}: a symbolic link to a folder, not followed"
                    )
        for name in sorted(names):
            path = here / name
            if name.startswith(".") or path.suffix.lower() not in suffixes:
                continue
            if path.is_symlink() and not follow_symlinks:
                target = path.resolve()
                if target != root and root not in target.parents:
                    found.skipped.append(
                        f"{path}: a symbolic link out of {folder}, not followed "
                        "(--follow-symlinks follows it)"
                    )
                    continue
            found.files.append(path)
    found.files.sort()
    return found


def expand_paths(
    paths: list[str], *, follow_symlinks: bool = False, skipped: list[str] | None = None
) -> Iterator[str | Path]:
    """Files named on the command line, with folders expanded to their text files.

    Yields ``"-"`` for stdin and Path objects for files (existing or not: reading a
    missing one reports the error in order). Links a folder holds that are not
    followed (:func:`walk`) are appended to ``skipped``.
    """
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            found = walk(path, TEXT_SUFFIXES, follow_symlinks=follow_symlinks)
            if skipped is not None:
                skipped.extend(found.skipped)
            yield from found.files
        else:
            yield path


def read(item: str | Path) -> Source:
    return read_stdin() if item == "-" else read_file(Path(item))


def stdin_is_interactive() -> bool:
    try:
        return os.isatty(sys.stdin.fileno())
    except (AttributeError, OSError, ValueError):
        return False


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file ``path`` with ``data`` in one step: the bytes go to a temporary
    file netiquette creates beside it, which then takes its place (``os.replace``), so
    a reader never sees half a file and a failure leaves the old one whole. A file that
    existed keeps its permission bits; a symbolic link at ``path`` is replaced, never
    followed. An OSError when the folder cannot be written (the temporary file is
    removed)."""
    import tempfile

    target = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(target))
    try:
        mode: int | None = stat.S_IMODE(os.lstat(target).st_mode)
        if os.path.islink(target):
            mode = None
    except FileNotFoundError:
        mode = None
    fd, temporary = tempfile.mkstemp(
        dir=folder, prefix="." + os.path.basename(target) + ".", suffix=".tmp"
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
