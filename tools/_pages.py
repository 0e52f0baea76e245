"""Write a generated docs page, or with ``--check`` show how it differs from the one on disk.

Shared by the page generators in this folder (cli_reference.py, cli_examples.py)."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path


def write_or_check(page: Path, old: str, new: str, *, check: bool, produced_by: str,
                   stale: str) -> int:
    """Write ``new`` to ``page`` if it differs from ``old``; with ``check``, write nothing and
    print the unified diff (labelled ``produced_by``) and the ``stale`` message instead.

    Returns the exit code: 1 when ``check`` finds a difference, else 0."""
    if check:
        if old == new:
            return 0
        sys.stdout.writelines(difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True),
            f"{page} (on disk)", f"{page} ({produced_by})"))
        print(f"\n{page}{stale}", file=sys.stderr)
        return 1
    if old != new:
        page.write_text(new, encoding="utf-8")
        print(f"wrote {page}", file=sys.stderr)
    return 0
