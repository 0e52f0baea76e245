"""The built wheel carries the data and answers queries from outside the repository."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    return next(out.glob("alliances-*.whl"))


def test_wheel_contains_the_data(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "alliances/data/memberships.yaml" in names
    assert "alliances/data/countries.yaml" in names
    assert "alliances/py.typed" in names


def test_installed_wheel_answers_outside_the_repo(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
         str(wheel)],
        check=True, capture_output=True, text=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    env.pop("ALLIANCES_DATA", None)
    run = subprocess.run(
        [sys.executable, "-m", "alliances", "members", "CSTO", "--on", "2012-06-29", "-f", "csv"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=False,
    )
    assert run.returncode == 0, run.stderr
    where = subprocess.run(
        [sys.executable, "-c", "import alliances.loading as l; print(l.bundled_dir())"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=True,
    ).stdout.strip()
    assert where.startswith(str(target))
    countries = [line.split(",")[1] for line in run.stdout.splitlines()[1:]]
    assert countries == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]
