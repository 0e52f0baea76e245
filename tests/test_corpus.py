"""The corpus of bad inputs (tests/corpus/cases.toml), run one by one through the CLI.

Every case is a bad input of some kind (a data file, an argument, an output path, the
environment) and must get exactly the message in the table on the first stderr line, the exit
code in the table, an empty stdout and no traceback. Data problems must name their place
(``file:line:column``). See docs/reliability.md.
"""

from __future__ import annotations

import os
import re
import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from alliances import yamlfile

CORPUS = Path(__file__).parent / "corpus"
TABLE = tomllib.loads((CORPUS / "cases.toml").read_text(encoding="utf-8"))
DEFAULTS: dict[str, dict[str, Any]] = TABLE["defaults"]
CASES: list[dict[str, Any]] = TABLE["case"]
PREVIOUS = "the previous contents\n"


def _fill(text: str, where: dict[str, str]) -> str:
    for key, value in where.items():
        text = text.replace("{" + key + "}", value)
    return text


def _setup(case: dict[str, Any], tmp: Path) -> Path | None:
    """Copy the case's file into tmp (the corpus stays untouched) and prepare the scene."""
    target: Path | None = None
    if "file" in case:
        target = tmp / Path(case["file"]).name
        shutil.copyfile(CORPUS / case["file"], target)
    setup = case.get("setup")
    if setup == "too-large":
        # A sparse file one byte over the limit: nothing is written to the disk.
        target = tmp / "huge.yaml"
        with open(target, "wb") as f:
            f.truncate(yamlfile.MAX_BYTES + 1)
    elif setup == "unreadable":
        if os.geteuid() == 0:
            pytest.skip("root can read a file whatever its mode")
        assert target is not None
        target.chmod(0)
    elif setup == "existing-output":
        for name in ("out.svg", "out.csv"):
            (tmp / name).write_text(PREVIOUS, encoding="utf-8")
    elif setup == "directory-output":
        (tmp / "out.svg").mkdir()
    elif setup == "readonly-dir":
        if os.geteuid() == 0:
            pytest.skip("root can write into a read-only directory")
        (tmp / "ro").mkdir()
        (tmp / "ro").chmod(0o500)
    elif setup is not None:  # pragma: no cover - a typo in the table
        raise AssertionError(f"unknown setup {setup!r}")
    return target


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_bad_input(
    case: dict[str, Any],
    cli: Callable[..., Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    group = DEFAULTS[case["group"]]
    target = _setup(case, tmp_path)
    where = {
        "file": str(target) if target is not None else "",
        "base": str(CORPUS / "base.yaml"),
        "tmp": str(tmp_path),
    }
    args = [_fill(a, where) for a in case.get("args", group["args"])]
    if case.get("with_base", group.get("with_base", False)):
        args += ["--no-bundled", "--data", where["base"]]
    for key, value in case.get("env", {}).items():
        monkeypatch.setenv(key, _fill(value, where))

    r = cli(*args)

    assert r.exit_code == case.get("exit", group["exit"]), r.stderr
    assert r.stdout == ""
    assert "Traceback" not in r.stderr
    assert "internal error" not in r.stderr
    assert r.stderr.strip(), "an error must say something"
    if "stderr" in case:
        expected = _fill(case["stderr"], where)
        assert r.stderr.splitlines()[0] == expected
        if case["group"] == "data":  # data problems are located: file:line:column
            located = re.match(re.escape(where["file"]) + r":(\d+):(\d+): \S", expected)
            assert located is not None and int(located.group(1)) > 0
    else:
        assert case["contains"] in r.stderr
    if case.get("setup") == "existing-output":
        for name in ("out.svg", "out.csv"):
            assert (tmp_path / name).read_text(encoding="utf-8") == PREVIOUS
    leftovers = [p.name for p in tmp_path.rglob(".*.tmp")]
    assert leftovers == []


def test_the_corpus_is_large_and_every_file_is_used() -> None:
    assert len(CASES) >= 60
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    used = {c["file"] for c in CASES if "file" in c}
    on_disk = {
        str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*") if p.is_file()
    } - {"cases.toml", "base.yaml"}
    assert on_disk == used
