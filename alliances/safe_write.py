"""Atomic writes: a temporary file in the same directory, then a rename.

An interrupted run leaves the old file or nothing, never half a file; an existing file is
replaced only when asked to."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
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
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent or ".")
    except OSError as e:
        raise _cannot_write(p, e) from e
    f: IO[Any]
    try:
        # mkstemp makes the file private (0600): give it the mode a plain open() would (or the
        # mode of the file it replaces), so that an export stays readable by whom it should.
        f = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")
        with f:
            os.chmod(tmp, _mode_for(p))
            yield f
            f.flush()
            os.fsync(f.fileno())
        if p.exists() and not overwrite:
            raise OutputError(f"{p} appeared while writing; use --force to replace it")
        os.replace(tmp, p)
    except BaseException as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(e, OSError):  # a full disk, a vanished directory ...: one clear line
            raise _cannot_write(p, e) from e
        raise
    _fsync_dir(p.parent)


def _cannot_write(p: Path, e: OSError) -> OutputError:
    return OutputError(f"cannot write {p}: {e.strerror or e}")


def _mode_for(p: Path) -> int:
    try:
        return stat.S_IMODE(p.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable (POSIX; best effort elsewhere)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_text_atomic(path: str | os.PathLike[str], text: str, *, overwrite: bool) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    with atomic_open(path, overwrite=overwrite) as f:
        f.write(text)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], *, overwrite: bool) -> Iterator[str]:
    """A temporary path beside ``path`` for writers that need a file name (SQLite); on
    success it is renamed into place, on failure removed."""
    p = check_target(path, overwrite=overwrite)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent or ".")
        os.close(fd)
        os.chmod(tmp, _mode_for(p))
    except OSError as e:
        raise _cannot_write(p, e) from e
    try:
        yield tmp
        _fsync_file(tmp)  # the writer may not have (SQLite with synchronous = OFF)
        if p.exists() and not overwrite:
            raise OutputError(f"{p} appeared while writing; use --force to replace it")
        os.replace(tmp, p)
    except BaseException as e:
        for leftover in (tmp, tmp + "-journal", tmp + "-wal", tmp + "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(leftover)
        if isinstance(e, OSError):
            raise _cannot_write(p, e) from e
        sqlite3 = sys.modules.get("sqlite3")
        if sqlite3 is not None and isinstance(e, sqlite3.Error):  # "database or disk is full"
            raise OutputError(f"cannot write {p}: {e}") from e
        raise
    _fsync_dir(p.parent)


def _fsync_file(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
