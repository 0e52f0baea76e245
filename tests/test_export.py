"""`alliances export`: every format, streaming equal to one frame, SQLite tables and indexes,
Parquet, atomic and refused writes, usage errors; the CLI output equal to the API frame."""

from __future__ import annotations

import builtins
import io
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from alliances import export, panels
from alliances.dataset import Dataset
from alliances.formats import ExportFormat, Format
from alliances.output import serialise
from tests.panel_data import load_world, write_world

Run = Callable[..., Any]


@pytest.fixture
def world_args(tmp_path: Path) -> list[str]:
    return write_world(tmp_path)


@pytest.fixture
def world(tmp_path: Path, world_args: list[str]) -> Dataset:
    return load_world(tmp_path)


def text(frame: pd.DataFrame, fmt: str) -> str:
    out = io.StringIO()
    serialise(frame, Format(fmt), out)
    return out.getvalue()


CASES = [
    (["spells", "--org", "CSTO"], "spells", {"orgs": ["CSTO"]}),
    (["events", "-c", "UZB", "--from", "1999"], "events", {"countries": ["UZB"],
                                                          "from_": "1999"}),
    (["organisations", "--from", "1992", "--to", "1995"], "organisations",
     {"from_": "1992", "to": "1995"}),
    (["countries", "-c", "DEU", "-c", "RUS"], "countries", {"countries": ["DEU", "RUS"]}),
    (["state-year", "--from", "1989", "--to", "1993"], "state-year",
     {"from_": "1989", "to": "1993"}),
    (["state-year", "--wide", "--rule", "end-of-year", "--from", "1989", "--to", "1993"],
     "state-year", {"wide": True, "rule": "end-of-year", "from_": "1989", "to": "1993"}),
    (["dyad-year", "--from", "1989", "--to", "1993", "--directed"], "dyad-year",
     {"from_": "1989", "to": "1993", "directed": True}),
]


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "jsonl"])
@pytest.mark.parametrize(("args", "what", "options"), CASES)
def test_cli_export_equals_the_api_frame(
    cli: Run, world: Dataset, world_args: list[str], fmt: str, args: list[str], what: str,
    options: dict[str, Any],
) -> None:
    r = cli("export", *args, "-f", fmt, *world_args)
    assert r.exit_code == 0, r.stderr
    assert r.stderr == ""
    frame = world.table(what, **options)
    assert len(frame) > 0
    assert r.stdout == text(frame, fmt)


def test_streamed_text_stitches_headers_and_arrays(world: Dataset) -> None:
    # Years with rows around years with none (nothing alive in 1920-1921): one header, one
    # array, exactly what serialise writes for the whole frame.
    chunks = list(panels.state_year_chunks(world, from_=1920, to=1946, orgs=["UN"]))
    assert [len(c) for c in chunks[:2]] == [0, 0]
    whole = panels.concat(chunks)
    for fmt in ExportFormat:
        if fmt in (ExportFormat.sqlite, ExportFormat.parquet):
            continue
        out = io.StringIO()
        rows = export.write(iter(chunks), fmt, None, name="state_year", stdout=out)
        assert rows == len(whole)
        assert out.getvalue() == text(whole, fmt.value)


def test_empty_export_still_has_its_header(cli: Run, world_args: list[str]) -> None:
    r = cli("export", "state-year", "--org", "CSTO", "--from", "1950", "--to", "1951",
            *world_args)
    assert r.exit_code == 0
    assert r.stdout == ",".join(panels.STATE_YEAR_COLUMNS) + "\n"
    assert r.stderr == "No state-year rows.\n"
    j = cli("export", "state-year", "--org", "CSTO", "--from", "1950", "--to", "1951",
            "-f", "json", *world_args)
    assert j.stdout == "[]\n"


def test_sqlite_tables_types_and_indexes(cli: Run, world: Dataset, world_args: list[str],
                                         tmp_path: Path) -> None:
    db = tmp_path / "panel.sqlite"
    r = cli("export", "dyad-year", "--from", "1990", "--to", "2000", "-o", str(db), *world_args)
    assert r.exit_code == 0, r.stderr
    frame = world.dyad_year(from_=1990, to=2000)
    assert r.stderr == f"Wrote {len(frame):,} rows of dyad-year to {db} (sqlite).\n"
    con = sqlite3.connect(db)
    cols = [(row[1], row[2]) for row in con.execute("PRAGMA table_info(dyad_year)")]
    assert cols == [("year", "INTEGER"), ("country1", "TEXT"), ("country2", "TEXT"),
                    ("ccode1", "INTEGER"), ("ccode2", "INTEGER"), ("orgs", "TEXT"),
                    ("n_orgs", "INTEGER")]
    indexes = {row[1] for row in con.execute("PRAGMA index_list(dyad_year)")}
    assert indexes == {"dyad_year_year", "dyad_year_ccode1_ccode2_year",
                       "dyad_year_country1_country2_year"}
    got = con.execute("SELECT orgs, n_orgs FROM dyad_year WHERE year = 2000 AND "
                      "country1 = 'RUS' AND country2 = 'ARM'").fetchall()
    assert got == [('["CSTO", "UN"]', 2)]
    assert con.execute("SELECT count(*) FROM dyad_year").fetchone() == (len(frame),)
    # JSON cells are queryable with SQLite's JSON functions.
    n = con.execute("SELECT count(*) FROM dyad_year, json_each(dyad_year.orgs) "
                    "WHERE json_each.value = 'CSTO'").fetchone()[0]
    assert n == int(frame["orgs"].map(lambda o: "CSTO" in o).sum())
    con.close()


def test_sqlite_spells_keep_lists_as_json(cli: Run, world_args: list[str], tmp_path: Path
                                          ) -> None:
    db = tmp_path / "spells.db"
    assert cli("export", "spells", "-o", str(db), *world_args).exit_code == 0
    con = sqlite3.connect(db)
    uncertain, sources = con.execute(
        "SELECT uncertain, sources FROM spells WHERE org = 'TST' AND country = 'MCO'"
    ).fetchone()
    assert uncertain == 0
    assert json.loads(sources)[0]["url"] == "https://example.org/s"
    assert {row[1] for row in con.execute("PRAGMA index_list(spells)")} == {
        "spells_org", "spells_country"}


def test_parquet_round_trip(cli: Run, world: Dataset, world_args: list[str],
                            tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    path = tmp_path / "sy.parquet"
    r = cli("export", "state-year", "--from", "1985", "--to", "1995", "-o", str(path),
            *world_args)
    assert r.exit_code == 0, r.stderr
    back = pd.read_parquet(path)
    frame = world.state_year(from_=1985, to=1995)
    assert back.values.tolist() == frame.values.tolist()
    dyads = tmp_path / "dy.parquet"
    assert cli("export", "dyad-year", "--from", "1990", "--to", "1992", "-o", str(dyads),
               *world_args).exit_code == 0
    back = pd.read_parquet(dyads)
    assert [list(x) for x in back["orgs"]] == list(world.dyad_year(from_=1990, to=1992)["orgs"])


def test_parquet_without_pyarrow_is_a_usage_error(
    cli: Run, world_args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = builtins.__import__

    def no_pyarrow(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pyarrow" or name.startswith("pyarrow."):
            raise ImportError("No module named 'pyarrow'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    out = tmp_path / "x.parquet"
    r = cli("export", "spells", "-o", str(out), *world_args)
    assert r.exit_code == 2
    assert r.stderr == ("Error: Parquet needs pyarrow, an optional extra: "
                        "pip install 'alliances[parquet]'\n")
    assert not out.exists()


def test_format_from_the_suffix_and_stdout_rules(cli: Run, world_args: list[str],
                                                 tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert cli("export", "events", "-o", str(out), *world_args).exit_code == 0
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert first["event"] == "founded"
    for fmt in ("sqlite", "parquet"):
        r = cli("export", "spells", "-f", fmt, *world_args)
        assert r.exit_code == 2
        assert r.stderr == f"Error: {fmt} output needs a file: give -o FILE\n"
    dash = cli("export", "organisations", "-o", "-", *world_args)
    assert dash.stdout.startswith("org,name,kind,")


def test_never_over_a_file_without_force(cli: Run, world_args: list[str], tmp_path: Path
                                         ) -> None:
    out = tmp_path / "o.csv"
    out.write_text("keep me\n", encoding="utf-8")
    r = cli("export", "organisations", "-o", str(out), *world_args)
    assert r.exit_code == 2
    assert r.stderr == f"Error: {out} exists; use --force to replace it\n"
    assert out.read_text(encoding="utf-8") == "keep me\n"
    assert cli("export", "organisations", "-o", str(out), "--force", *world_args).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("org,name,kind,")


@pytest.mark.parametrize("suffix", ["csv", "sqlite", "parquet"])
def test_a_failed_export_leaves_nothing(
    world: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    if suffix == "parquet":
        pytest.importorskip("pyarrow")
    real = panels.Panels.state_year

    def fail_in_1991(self: panels.Panels, year: int, *, wide: bool = False) -> pd.DataFrame:
        if year == 1991:
            raise RuntimeError("disk on fire")
        return real(self, year, wide=wide)

    monkeypatch.setattr(panels.Panels, "state_year", fail_in_1991)
    out = tmp_path / "out" / f"sy.{suffix}"
    out.parent.mkdir()
    with pytest.raises(RuntimeError, match="disk on fire"):
        export.export(world, "state-year", str(out), from_=1989, to=1993)
    assert list(out.parent.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["spells", "--wide"], "--wide applies to the state-year export"),
        (["state-year", "--directed"], "--directed applies to the dyad-year export"),
        (["events", "--rule", "mid-year"],
         "--rule applies to the state-year and dyad-year exports"),
        (["state-year", "--status", "member"], "--status applies to the dyad-year export"),
        (["organisations", "-c", "DEU"], "--country does not apply to the organisations export"),
        (["countries", "--org", "UN"], "--org does not apply to the countries export"),
        (["dyad-year", "--status", "friend"], "unknown status 'friend'"),
        (["state-year", "--org", "Atlantis"], "unknown organisation 'Atlantis'"),
        (["state-year", "--from", "2000", "--to", "1990"],
         "the last year (1990) is before the first (2000)"),
    ],
)
def test_usage_errors(cli: Run, world_args: list[str], args: list[str], message: str) -> None:
    r = cli("export", *args, *world_args)
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr.startswith(f"Error: {message}")


def test_unknown_export_is_refused_by_the_parser(cli: Run, world_args: list[str]) -> None:
    r = cli("export", "alliances", *world_args)
    assert r.exit_code == 2
    assert "alliances" in r.stderr


def test_progress_passes_frames_through(world: Dataset) -> None:
    frames = list(panels.state_year_chunks(world, from_=1990, to=1992))
    shown = list(export.with_progress(iter(frames), len(frames), "test", enabled=True))
    assert [id(f) for f in shown] == [id(f) for f in frames]
    assert list(export.with_progress(iter(frames), 3, "t", enabled=False)) == frames


def test_table_export_range_and_unknown_suffix_are_refused(tmp_path: Path) -> None:
    import subprocess
    import sys

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "alliances", "export", *args],
                              capture_output=True, text=True, check=False)

    r = run("spells", "--from", "2020", "--to", "2010", "-o", str(tmp_path / "s.csv"))
    assert (r.returncode, r.stderr) == (
        2, "Error: the range ends (2010) before it starts (2020)\n")
    r = run("spells", "-o", str(tmp_path / "s.xlsx"))
    assert r.returncode == 2
    assert r.stderr.startswith("Error: cannot tell the format of")
    assert not (tmp_path / "s.xlsx").exists()
