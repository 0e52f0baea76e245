"""Atomic writes: a temporary file in the same directory, then a rename.

An interrupted run leaves the old file or nothing, never half a file; an existing file is
replaced only when asked to."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from alliances.errors import OutputError


def check_target(path: str | os.PathLike[str], *, overwrite: bool) -> Path:
    """Refuse an output path that cannot be written, before any work is done."""
    p = Path(path)
    if p.exists() and p.is_dir():
        raise OutputError(f"{p} is a directory; give a file name")
    if p.exists() and not overwrite:
        raise OutputError(f"{p} exists; use --force to replace it")
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"cannot write {p}: the directory {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"cannot write {p}: the directory {parent} is not writable")
    return p


@contextlib.contextmanager
def atomic_open(
    path: str | os.PathLike[str], *, overwrite: bool, binary: bool = False
) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success rename it into place."""
    p = check_target(path, overwrite=overwrite)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent or ".")
    f: IO[Any]
    try:
        f = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")
        with f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        if p.exists() and not overwrite:
            raise OutputError(f"{p} appeared while writing; use --force to replace it")
        os.replace(tmp, p)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text_atomic(path: str | os.PathLike[str], text: str, *, overwrite: bool) -> None:
    with atomic_open(path, overwrite=overwrite) as f:
        f.write(text)
