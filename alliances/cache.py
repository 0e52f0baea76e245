"""A cache of checked datasets, keyed by the data files' content.

The first run parses and checks the YAML files and saves the result in columns (numpy arrays
and JSON, never pickle) under the user's cache directory; later runs with the same files load
it in a few milliseconds. The key covers every file's path and bytes, the program's version and
today's date (a scheduled event becomes past), so a changed file is never served stale. Entries
are written to a temporary directory and renamed into place, so readers never see half an
entry and concurrent runs cannot corrupt each other; an unreadable entry is rebuilt. Invalid
data is never cached: its errors are reported every time.

``ALLIANCES_NO_CACHE=1`` turns the cache off; ``ALLIANCES_CACHE_DIR`` moves it.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from alliances import __version__, store
from alliances.complete import cache_dir
from alliances.errors import DataError, Issue
from alliances.located import MAX_BYTES

NO_CACHE_ENV = "ALLIANCES_NO_CACHE"
KEEP = 8
"""How many dataset entries to keep (the least recently written are removed)."""


def enabled() -> bool:
    return os.environ.get(NO_CACHE_ENV, "").strip().lower() not in ("1", "true", "yes", "on")


def key(paths: Sequence[str], today: _dt.date) -> str | None:
    """A digest of the files' paths and bytes, the code version and the day; None when a file
    cannot be read (the loader will say why)."""
    h = hashlib.blake2b(digest_size=20)
    h.update(f"alliances {__version__} store {store.FORMAT_VERSION} {today.isoformat()}\n".encode())
    for p in paths:
        try:
            if os.path.getsize(p) > MAX_BYTES:
                return None
            with open(p, "rb") as f:
                data = f.read()
        except OSError:
            return None
        h.update(os.path.abspath(p).encode("utf-8", "surrogateescape"))
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def load_store(paths: Sequence[str], today: _dt.date) -> store.Store:
    """The checked dataset for ``paths``: from the cache, else parsed, checked and cached.

    Raises :class:`~alliances.errors.DataError` with every issue when the data is invalid."""
    digest = key(paths, today) if enabled() else None
    entry = cache_dir() / f"data-{digest}" if digest else None
    if entry is not None and entry.is_dir():
        try:
            cached = store.load(entry)
            if cached.paths == list(paths):
                with contextlib.suppress(OSError):
                    os.utime(entry)  # most recently used: pruned last
                return cached
        except Exception:  # corrupt or from another version: rebuild it
            shutil.rmtree(entry, ignore_errors=True)
    from alliances import parallel

    st = parallel.try_load(paths, today)
    if st is None:
        from alliances.loading import load_data

        data, issues = load_data(list(paths), today=today)
        if issues:
            raise DataError(issues)
        st = store.from_data(data)
    if entry is not None:
        _save(st, entry)
    return st


def _save(st: store.Store, entry: Path) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=entry.parent))
    except OSError:
        return  # no cache directory (read-only home ...): work without
    try:
        store.save(st, tmp)
        os.rename(tmp, entry)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)  # another run got there first, or disk full
        return
    _prune(entry.parent)


def _prune(directory: Path) -> None:
    entries = sorted(directory.glob("data-*"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        shutil.rmtree(old, ignore_errors=True)
    for tmp in directory.glob(".tmp-*"):
        with contextlib.suppress(OSError):
            if tmp.stat().st_mtime < _dt.datetime.now().timestamp() - 3600:
                shutil.rmtree(tmp, ignore_errors=True)


def clear() -> int:
    """Remove every cached dataset; return how many."""
    n = 0
    for entry in cache_dir().glob("data-*"):
        shutil.rmtree(entry, ignore_errors=True)
        n += 1
    return n


__all__ = ["Issue", "clear", "enabled", "key", "load_store"]
