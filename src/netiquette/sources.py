"""Reading replies from files, folders and stdin, with clear errors for bad input."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
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


def read_file(path: Path) -> Source:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"{name}: {size:,} bytes is too large (limit {MAX_FILE_BYTES:,})")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    return Source(name, decode(data, name))


def read_stdin() -> Source:
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    return Source("<stdin>", decode(data, "<stdin>"))


def expand_paths(paths: list[str]) -> Iterator[str | Path]:
    """Files named on the command line, with folders expanded to their text files.

    Yields ``"-"`` for stdin and Path objects for files (existing or not: reading a
    missing one reports the error in order).
    """
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in TEXT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            yield from found
        else:
            yield path


def read(item: str | Path) -> Source:
    return read_stdin() if item == "-" else read_file(Path(item))


def stdin_is_interactive() -> bool:
    try:
        return os.isatty(sys.stdin.fileno())
    except (AttributeError, OSError, ValueError):
        return False
