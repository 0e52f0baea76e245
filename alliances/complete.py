"""Shell completion of organisation and country names, without pandas.

Names come from a small JSON index in the user's cache directory, keyed by the data files'
paths, sizes and modification times; on a miss the files are parsed (no validation) and the
index is written atomically. Any problem just means no suggestions: completion never fails.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from alliances.errors import AlliancesError
from alliances.names import fold


def cache_dir() -> Path:
    """Where caches live: ``ALLIANCES_CACHE_DIR``, else ``$XDG_CACHE_HOME/alliances``, else
    ``~/.cache/alliances``."""
    explicit = os.environ.get("ALLIANCES_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "alliances"


def _stat_key(paths: list[str]) -> str:
    h = hashlib.blake2b(digest_size=16)
    for p in paths:
        try:
            st = os.stat(p)
            h.update(f"{os.path.abspath(p)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
        except OSError:
            h.update(f"{p}\0missing\n".encode())
    return h.hexdigest()


def _extract(paths: list[str]) -> dict[str, list[list[str]]]:
    from alliances import yamlfile

    index: dict[str, list[list[str]]] = {"orgs": [], "countries": []}
    for path in paths:
        try:
            doc = yamlfile.load(path)
        except Exception:
            continue
        if not isinstance(doc, dict):
            continue
        for key, id_key in (("organisations", "id"), ("countries", "code")):
            for item in doc.get(key) or []:
                if isinstance(item, dict) and isinstance(item.get(id_key), str):
                    name = item.get("name") if isinstance(item.get("name"), str) else ""
                    target = "orgs" if key == "organisations" else "countries"
                    index[target].append([item[id_key], name or ""])
    return index


def name_index(paths: list[str]) -> dict[str, list[list[str]]]:
    key = _stat_key(paths)
    target = cache_dir() / f"names-{key}.json"
    try:
        data: Any = json.loads(target.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "orgs" in data and "countries" in data:
            return data
    except (OSError, ValueError):
        pass
    index = _extract(paths)
    try:
        from alliances.safe_write import write_text_atomic

        target.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(target, json.dumps(index, ensure_ascii=False), overwrite=True)
    except (OSError, AlliancesError):  # no cache (read-only home ...): still complete
        pass
    return index


def _paths(data: list[str] | None, no_bundled: bool) -> list[str]:
    from alliances.loading import data_paths

    return data_paths(data, bundled=False if no_bundled else None)


def complete(kind: str, incomplete: str, data: list[str] | None = None,
             no_bundled: bool = False) -> list[tuple[str, str]]:
    """(code, name) pairs whose code or name starts with what was typed."""
    try:
        index = name_index(_paths(data, no_bundled))
    except Exception:
        return []
    key = fold(incomplete)
    n = len(incomplete)
    out = []
    # Typer keeps only values that start with the text as typed, so a match keeps the typed
    # prefix and completes the rest (names resolve in any case: "cs" -> "csto" is fine).
    for code, name in index["orgs" if kind == "org" else "countries"]:
        if fold(code).startswith(key):
            out.append((incomplete + code[n:], name))
        if fold(name).startswith(key) and " " not in name and name != code:
            out.append((incomplete + name[n:], code))
    return sorted(set(out))
