"""Which data files to read, and reading them into checked records."""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alliances import dates
from alliances.errors import DataError, Issue, UsageError

if TYPE_CHECKING:
    from alliances.model import Data

DATA_ENV = "ALLIANCES_DATA"
"""Extra data files, separated like PATH (``:`` on POSIX, ``;`` on Windows)."""
NO_BUNDLED_ENV = "ALLIANCES_NO_BUNDLED"
"""Set to 1 to load only the user's files."""

BUNDLED_FILES = ("countries.yaml", "memberships.yaml")


def bundled_dir() -> Path:
    """Where the bundled data lives: inside the installed package, else the repository's data/."""
    here = Path(__file__).resolve().parent
    packaged = here / "data"
    if (packaged / BUNDLED_FILES[0]).is_file():
        return packaged
    return here.parent / "data"


def bundled_paths() -> list[str]:
    base = bundled_dir()
    return [str(base / name) for name in BUNDLED_FILES]


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def data_paths(
    data: Sequence[str | os.PathLike[str]] | None = None,
    *,
    bundled: bool | None = None,
    environ: dict[str, str] | None = None,
) -> list[str]:
    """The files to load: the bundled ones (unless turned off), then the environment's, then
    ``data``. ``bundled=None`` follows ``ALLIANCES_NO_BUNDLED``."""
    env = os.environ if environ is None else environ
    if bundled is None:
        bundled = not _truthy(env.get(NO_BUNDLED_ENV))
    paths: list[str] = bundled_paths() if bundled else []
    extra = env.get(DATA_ENV, "")
    paths += [p for p in extra.split(os.pathsep) if p.strip()]
    paths += [os.fspath(p) for p in data or ()]
    seen: set[str] = set()
    unique = []
    for p in paths:
        key = os.path.abspath(p)
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def read_documents(
    paths: Iterable[str], *, fast: bool = True
) -> tuple[list[tuple[str, Any]], list[Issue]]:
    """Parse every file; file-level problems (missing, not UTF-8, bad YAML) become issues.

    ``fast``: try the subset reader first (:mod:`alliances.fastyaml`); its positions are only
    those of mappings and items, enough for records, not for pointing at a bad value."""
    from alliances import fastyaml, yamlfile

    documents: list[tuple[str, Any]] = []
    issues: list[Issue] = []
    for path in paths:
        try:
            text = yamlfile.decode(path, yamlfile.read_bytes(path))
            doc: Any = None
            if fast:
                try:
                    doc = fastyaml.parse(text)
                except Exception:  # Unsupported, or any surprise: the full reader decides
                    doc = None
            documents.append((path, doc if doc is not None else yamlfile.parse(path, text)))
        except DataError as e:
            issues.extend(e.issues)
    return documents, issues


def load_data(paths: Sequence[str], *, today: _dt.date | None = None) -> tuple[Data, list[Issue]]:
    """Read and check the given files; return the records and every issue found."""
    if not paths:  # an argument problem (--no-bundled and nothing else), not bad data
        raise UsageError("no data files to load (bundled data is off and neither --data nor "
                         f"{DATA_ENV} names a file)")
    import gc

    from alliances.model import build

    day = today or dates.today()
    # Parsing creates millions of small objects and no reference cycles: the cyclic collector
    # would only rescan them again and again (it triples the time of a large file).
    enabled = gc.isenabled()
    gc.disable()
    try:
        documents, issues = read_documents(paths)
        data, more = build(documents, day)
        if issues or more:
            # Report from the full reader, which locates every key and value.
            documents, issues = read_documents(paths, fast=False)
            data, more = build(documents, day)
    finally:
        if enabled:
            gc.enable()
    return data, issues + more
