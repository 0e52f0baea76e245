"""Reliability: bounded reading of hostile inputs, atomic writes under every kind of
interruption, and every writer going through ``alliances.safe_write`` (docs/reliability.md)."""

from __future__ import annotations

import ast
import errno
import functools
import os
import signal
import subprocess
import sys
import textwrap
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alliances import safe_write, yamlfile
from alliances.errors import DataError, OutputError
from alliances.loading import load_data
from tests.conftest import COUNTRIES, MINI, TODAY
from tools import fuzz

Run = Callable[..., Any]
ROOT = Path(__file__).resolve().parent.parent
OLD = "org,country\nOLD,CONTENT\n"


# -- bounded reading -----------------------------------------------------------------------------
def test_billion_laughs_fails_fast_in_bounded_memory(tmp_path: Path) -> None:
    """Ten levels of ten aliases: 10^10 'lol's if expanded. It is refused at the first alias,
    having used no more memory than a small file needs (the whole path: fast reader, full
    reader, checker)."""
    lines = ["schema: 1", "a0: &a0 [" + ", ".join(["lol"] * 10) + "]"]
    for i in range(1, 11):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    p = tmp_path / "lol.yaml"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert p.stat().st_size < 1500
    warm = tmp_path / "warm.yaml"  # modules imported on first use are not the input's cost
    warm.write_text(COUNTRIES, encoding="utf-8")
    load_data([str(warm)], today=TODAY)
    tracemalloc.start()
    try:
        _, issues = load_data([str(p)], today=TODAY)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [str(i) for i in issues] == [
        f"{p}:3:10: YAML aliases (*a0) are not allowed in data files: write the value out"
    ]
    assert peak < 512 * 1024, f"{peak:,} bytes traced"


def test_an_endless_input_is_read_no_further_than_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A device or a pipe has no size to check first: reading stops one byte past the limit."""
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    monkeypatch.setattr(yamlfile, "MAX_BYTES", 2**20)
    tracemalloc.start()
    try:
        with pytest.raises(DataError) as e:
            yamlfile.load("/dev/zero")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(e.value) == "/dev/zero: is more than the 1 MiB limit"
    assert peak < 4 * 2**20


# -- the loader on arbitrary input (the fuzz harness's target, under Hypothesis) -----------------
@functools.cache
def _seeds() -> list[bytes]:
    return fuzz.seeds()


@given(st.binary(max_size=4000))
def test_the_loader_on_raw_bytes(data: bytes) -> None:
    """Records or a located DataError; never another exception, never two readers that
    disagree (tools/fuzz.py runs the same check a million times)."""
    fuzz.check(data)


@given(st.text(alphabet=st.sampled_from(list("abc:-[]{},'\"#&*!|>\n \t\r\x85\u2028\x00é~0129")),
               max_size=300))
def test_the_loader_on_yaml_like_text(text: str) -> None:
    fuzz.check(text.encode("utf-8"))


@given(st.randoms(use_true_random=False), st.integers(0, 10**6))
def test_the_loader_on_mutated_real_data(rnd: Any, pick: int) -> None:
    seeds = _seeds()
    fuzz.check(fuzz.mutate(rnd, seeds[pick % len(seeds)], seeds))


# -- atomic writes through the commands that write files ----------------------------------------
@pytest.fixture
def data_args(write: Callable[[str, str], Path]) -> list[str]:
    c = write("countries.yaml", COUNTRIES)
    m = write("orgs.yaml", MINI)
    return ["--no-bundled", "--data", str(c), "--data", str(m)]


def _temps(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


class _FullDisk:
    """A file whose writes fail with ENOSPC once ``room`` characters are written."""

    def __init__(self, f: IO[Any], room: int) -> None:
        self._f, self._room = f, room

    def write(self, data: Any) -> int:
        if len(data) > self._room:
            self._f.write(data[: self._room])
            self._room = 0
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._room -= len(data)
        return int(self._f.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._f, name)

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self._f.close()


def _interrupt_serialise(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    """Make every CSV write stop half-way with ``error``."""
    import alliances.export as export

    real = export.serialise

    def half(frame: Any, fmt: Any, out: IO[str], **kw: Any) -> None:
        real(frame.iloc[: max(1, len(frame) // 2)], fmt, out, **kw)
        out.flush()
        raise error

    monkeypatch.setattr(export, "serialise", half)


@pytest.mark.parametrize("existing", [False, True], ids=["new", "replacing"])
@pytest.mark.parametrize(
    ("error", "code", "message"),
    [
        (RuntimeError("boom"), 70, "Error: internal error (RuntimeError: boom)"),
        (KeyboardInterrupt(), 130, "Interrupted"),
    ],
    ids=["exception", "ctrl-c"],
)
def test_an_interrupted_export_leaves_the_old_file_or_nothing(
    cli: Run, data_args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    existing: bool, error: BaseException, code: int, message: str,
) -> None:
    target = tmp_path / "out" / "spells.csv"
    target.parent.mkdir()
    if existing:
        target.write_text(OLD, encoding="utf-8")
    _interrupt_serialise(monkeypatch, error)
    args = ["export", "spells", "-o", str(target), *data_args]
    r = cli(*args, "--force") if existing else cli(*args)
    assert r.exit_code == code
    assert r.stdout == ""
    assert r.stderr.startswith(message)
    assert "Traceback" not in r.stderr
    if existing:
        assert target.read_text(encoding="utf-8") == OLD
    else:
        assert not target.exists()
    assert _temps(target.parent) == []


@pytest.mark.parametrize("existing", [False, True], ids=["new", "replacing"])
def test_a_full_disk_is_one_clear_error_and_no_damage(
    cli: Run, data_args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    existing: bool,
) -> None:
    target = tmp_path / "spells.csv"
    if existing:
        target.write_text(OLD, encoding="utf-8")
    real_fdopen = os.fdopen
    monkeypatch.setattr(safe_write.os, "fdopen",
                        lambda *a, **k: _FullDisk(real_fdopen(*a, **k), room=100))
    r = cli("export", "spells", "-o", str(target), "--force", *data_args)
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr == f"Error: cannot write {target}: No space left on device\n"
    assert (target.read_text(encoding="utf-8") == OLD) if existing else not target.exists()
    assert _temps(tmp_path) == []


def test_a_full_disk_while_drawing_a_chart(
    cli: Run, data_args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("matplotlib")
    target = tmp_path / "chart.svg"
    target.write_text("<svg>old</svg>\n", encoding="utf-8")
    real_fdopen = os.fdopen
    monkeypatch.setattr(safe_write.os, "fdopen",
                        lambda *a, **k: _FullDisk(real_fdopen(*a, **k), room=500))
    r = cli("chart", "CSTO", "--out", str(target), "--force", *data_args)
    assert r.exit_code == 2, r.stderr
    assert r.stderr == f"Error: cannot write {target}: No space left on device\n"
    assert target.read_text(encoding="utf-8") == "<svg>old</svg>\n"
    assert _temps(tmp_path) == []


@pytest.mark.parametrize("error", [RuntimeError("boom"), KeyboardInterrupt(),
                                   OSError(errno.ENOSPC, "No space left on device")],
                         ids=["exception", "ctrl-c", "enospc"])
def test_atomic_path_for_sqlite_cleans_up(tmp_path: Path, error: BaseException) -> None:
    import sqlite3

    target = tmp_path / "out.sqlite"
    target.write_bytes(b"old")
    expected: type[BaseException] = OutputError if isinstance(error, OSError) else type(error)
    with pytest.raises(expected), safe_write.atomic_path(target, overwrite=True) as tmp:
        con = sqlite3.connect(tmp)
        con.execute("CREATE TABLE t (x)")
        con.commit()
        con.close()
        raise error
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.sqlite"]


def test_modes_are_those_of_a_plain_write(tmp_path: Path) -> None:
    """mkstemp's private 0600 is not what a user expects of an export."""
    umask = os.umask(0o022)
    try:
        safe_write.write_text_atomic(tmp_path / "a.csv", "x\n", overwrite=False)
        assert (tmp_path / "a.csv").stat().st_mode & 0o777 == 0o644
        (tmp_path / "b.csv").write_text("old\n")
        (tmp_path / "b.csv").chmod(0o640)
        safe_write.write_text_atomic(tmp_path / "b.csv", "new\n", overwrite=True)
        assert (tmp_path / "b.csv").stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(umask)


def test_a_file_that_appears_while_writing_is_not_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with pytest.raises(OutputError, match="appeared while writing"), safe_write.atomic_open(
        target, overwrite=False
    ) as f:
        f.write("new\n")
        target.write_text("someone else's\n", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "someone else's\n"
    assert _temps(tmp_path) == []


# -- SIGKILL: nothing can clean up, the rename still never happens half-way ---------------------
_SLOW_WRITER = """
import sys, time
from alliances.safe_write import atomic_open
with atomic_open(sys.argv[1], overwrite=True) as f:
    for i in range(10**7):
        f.write("row %d,%s\\n" % (i, "x" * 60))
        if i == 1000:
            f.flush()
            print("writing", flush=True)
        if i % 5000 == 0:
            time.sleep(0.01)
"""


def _kill_when_writing(proc: subprocess.Popen[str], directory: Path) -> None:
    assert proc.stdout is not None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        temps = [p for p in directory.iterdir() if p.name.endswith(".tmp")]
        if temps and temps[0].stat().st_size > 0:
            break
        if proc.poll() is not None:
            break
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


def test_sigkill_while_writing_leaves_the_old_file_and_a_stray_temp(tmp_path: Path) -> None:
    """After SIGKILL the old file is intact; the temporary file stays behind (nothing runs
    after SIGKILL to remove it): ``.NAME.XXXXXXXX.tmp`` beside the target, safe to delete."""
    target = tmp_path / "big.csv"
    target.write_text(OLD, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_WRITER, str(target)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline() == "writing\n"
    _kill_when_writing(proc, tmp_path)
    assert proc.returncode == -signal.SIGKILL
    assert target.read_text(encoding="utf-8") == OLD
    leftovers = _temps(tmp_path)
    assert len(leftovers) == 1 and leftovers[0].startswith(".big.csv.")
    assert (tmp_path / leftovers[0]).stat().st_size > 0


@pytest.mark.slow
def test_sigkill_during_a_real_export(tmp_path: Path) -> None:
    """The same through `alliances export dyad-year` on the bundled data (a million rows)."""
    target = tmp_path / "dyads.csv"
    target.write_text(OLD, encoding="utf-8")
    env = {**os.environ, "ALLIANCES_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "alliances", "export", "dyad-year", "-o", str(target), "--force"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _kill_when_writing(proc, tmp_path)
    if proc.returncode == 0:  # finished before the kill landed: then it is whole
        assert target.read_text(encoding="utf-8").startswith("year,")
    else:
        assert proc.returncode == -signal.SIGKILL
        assert target.read_text(encoding="utf-8") == OLD
        assert len(_temps(tmp_path)) == 1


# -- every writer goes through safe_write --------------------------------------------------------
_WRITERS = {"write_text", "write_bytes", "to_csv", "to_parquet", "to_excel", "to_json",
            "to_feather", "to_pickle", "to_sql", "savefig", "savez", "savez_compressed"}
_ALLOWED = {
    ("safe_write.py", "*"): "the atomic writer itself",
    ("cache.py", "_save"): "a fresh temporary directory, renamed into place in one step",
    ("store.py", "save"): "writes into the temporary directory cache._save renames into place",
    ("store.py", "_write_json"): "called by store.save only: the same temporary directory",
    ("export.py", "_write_sqlite"): "SQLite writes the temporary path from atomic_path",
    ("chart_image.py", "save_chart"): "savefig into the file object of atomic_open",
    ("cow.py", "check_import"): "a scratch copy in a private TemporaryDirectory, not an output",
    ("cli.py", "wrapper"): "stdout redirected to os.devnull after a broken pipe",
}


def _writes(tree: ast.AST) -> Iterator[tuple[str, int, str]]:
    """(enclosing function, line, what) for each call that can create or change a file."""
    stack: list[tuple[ast.AST, str]] = [(tree, "<module>")]
    while stack:
        node, where = stack.pop()
        for child in ast.iter_child_nodes(node):
            is_def = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            name = child.name if is_def else where
            stack.append((child, name))
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        attr = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
        owner = f.value.id if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) else ""
        if attr == "open" and owner == "os":
            yield where, node.lineno, "os.open"
        elif attr == "open":
            modes = [a.value for a in node.args if isinstance(a, ast.Constant)]
            modes += [k.value.value for k in node.keywords
                      if k.arg == "mode" and isinstance(k.value, ast.Constant)]
            if any(isinstance(m, str) and set(m) & set("wax+") for m in modes):
                yield where, node.lineno, "open for writing"
        elif attr in _WRITERS or (owner, attr) in {
            ("sqlite3", "connect"), ("os", "replace"), ("os", "rename"), ("np", "save"),
            ("shutil", "copy"), ("shutil", "copyfile"), ("shutil", "move"),
            ("tempfile", "mkstemp"), ("tempfile", "mkdtemp"),
        }:
            yield where, node.lineno, f"{owner + '.' if owner else ''}{attr}"


def test_every_writer_goes_through_safe_write() -> None:
    offenders = []
    for path in sorted((ROOT / "alliances").glob("*.py")):
        for where, line, what in _writes(ast.parse(path.read_text(encoding="utf-8"))):
            if (path.name, "*") in _ALLOWED or (path.name, where) in _ALLOWED:
                continue
            offenders.append(f"alliances/{path.name}:{line} in {where}(): {what}")
    assert offenders == [], textwrap.dedent("""
        Files are written through alliances.safe_write (atomic_open, atomic_path,
        write_text_atomic): a temporary file beside the target, renamed into place.
        Use it, or add the writer to _ALLOWED with the reason it is safe.""")


# -- permissions, also when the suite runs as root (the corpus cases are skipped then) ---------
def test_an_unreadable_file_is_named(cli: Run, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "secret.yaml"
    p.write_text(COUNTRIES, encoding="utf-8")
    real_open = Path.open

    def denied(self: Path, *a: Any, **k: Any) -> Any:
        if self == p:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_open(self, *a, **k)

    monkeypatch.setattr(Path, "open", denied)
    r = cli("validate", "--no-bundled", str(p))
    assert (r.exit_code, r.stdout) == (1, "")
    assert r.stderr.splitlines()[0] == f"{p}: cannot be read: Permission denied"


def test_a_directory_that_cannot_be_written_is_named(
    cli: Run, data_args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    real_access = os.access
    monkeypatch.setattr(safe_write.os, "access",
                        lambda path, mode: False if Path(path) == ro else real_access(path, mode))
    r = cli("export", "spells", "-o", str(ro / "spells.csv"), *data_args)
    assert (r.exit_code, r.stdout) == (2, "")
    target = ro / "spells.csv"
    assert r.stderr == f"Error: cannot write {target}: the directory {ro} is not writable\n"
    assert list(ro.iterdir()) == []
