"""Every Python block in docs/python-api.md runs, in order, in one namespace, on the bundled
data: the examples cannot drift from the library."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parent.parent / "docs" / "python-api.md"


def blocks() -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", DOC.read_text(encoding="utf-8"),
                      flags=re.MULTILINE | re.DOTALL)


def test_the_page_has_examples() -> None:
    assert len(blocks()) >= 6


def test_the_examples_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "docs_python_api"}
    for n, code in enumerate(blocks(), 1):
        try:
            exec(compile(code, f"{DOC.name} block {n}", "exec"), namespace)
        except Exception as e:  # name the block that failed
            raise AssertionError(f"docs/python-api.md block {n} failed: {e!r}\n{code}") from e
