"""The start-up path (--help, --version) never imports pandas or reads the data."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("pandas", "numpy", "matplotlib", "alliances.dataset", "alliances.spells",
         "alliances.model")


def imported_modules(*args: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "alliances", *args],
        capture_output=True, text=True, check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    modules = set()
    for line in out.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            modules.add(line.rsplit("|", 1)[1].strip())
    return modules


@pytest.mark.parametrize(
    "args", [["--help"], ["--version"], ["members", "--help"], ["chart", "--help"]]
)
def test_no_heavy_imports(args: list[str]) -> None:
    modules = imported_modules(*args)
    assert "alliances.cli" in modules  # the measurement itself works
    assert not [m for m in HEAVY if m in modules]


def test_package_import_is_light() -> None:
    out = subprocess.run(
        [sys.executable, "-c", "import alliances, sys; print('pandas' in sys.modules)"],
        capture_output=True, text=True, check=True,
    )
    assert out.stdout.strip() == "False"
