"""COW IGO import and compare, on small COW-format tables written here (never /work/shared):
layouts, ccode mapping over time, year-precision events that load, and the year-by-year
comparison with its disagreements."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import alliances
from alliances import cow
from alliances.errors import UsageError
from tests.panel_data import load_world, write_world

Run = Callable[..., Any]

YEARS = range(1989, 2008)


def cow_rows() -> list[dict[str, int]]:
    """The wide table: one row per ccode-year COW has, one column per IGO."""
    rows = []
    for year in YEARS:
        codes = [2, 365]
        codes += [260, 265] if year == 1989 else [255]
        if year == 1990:
            codes.append(265)  # COW's GDR runs to 1990 here
        if year >= 1992:
            codes += [371, 704]
        if year >= 1994:
            codes.append(221)  # Monaco: from 1994 only (we have it from 1993)
        if year >= 1990:
            codes.append(999)  # a code no country of ours holds
        for ccode in sorted(codes):
            wpact = -1 if year > 1991 else (1 if ccode in (265, 365) else 0)
            if year < 2002:
                csto = -1
            elif ccode in (365, 371):
                csto = -9 if (ccode == 371 and year == 2007) else 1
            elif ccode == 704:
                csto = 1  # COW: a member from 2002; it was out 1999-2006
            else:
                csto = 0
            un = 1 if ccode != 221 or year >= 1994 else 0
            rows.append({"ccode": ccode, "year": year, "state": f"s{ccode}", "csto": csto,
                         "wpact": wpact, "un": un, "xyz": 3 if ccode == 2 else 0})
    return rows


@pytest.fixture
def wide(tmp_path: Path) -> Path:
    path = tmp_path / "state_year.csv"
    pd.DataFrame(cow_rows()).to_csv(path, index=False)
    return path


@pytest.fixture
def long(tmp_path: Path) -> Path:
    frame = pd.DataFrame(cow_rows()).melt(id_vars=["ccode", "year", "state"],
                                          var_name="igo_abbrev", value_name="status")
    frame = frame[frame["status"].isin([1, 2, 3, -9])]
    frame["igo_abbrev"] = frame["igo_abbrev"].map(
        {"csto": "CSTO", "wpact": "WPact", "un": "UN", "xyz": "XYZ"})
    path = tmp_path / "long.csv"
    frame[["igo_abbrev", "ccode", "year", "status"]].to_csv(path, index=False)
    return path


@pytest.fixture
def world_args(tmp_path: Path) -> list[str]:
    return write_world(tmp_path)


# -- reading -----------------------------------------------------------------------------------
def test_both_layouts_read_the_same_cells(wide: Path, long: Path) -> None:
    w, lg = cow.read_cow(wide), cow.read_cow(long)
    assert (w.layout, lg.layout) == ("wide", "long")
    assert w.names == {"csto": "csto", "wpact": "wpact", "un": "un", "xyz": "xyz"}
    assert lg.names["wpact"] == "WPact"
    key = ["igo", "ccode", "year"]
    a = w.cells.sort_values(key).reset_index(drop=True)
    b = lg.cells.sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(a[[*key, "status"]], b[[*key, "status"]])
    assert w.alive("wpact") == (1989, 1991)
    assert w.alive("csto") == (2002, 2007)
    assert cow.read_cow(wide, igos=["CSTO"]).names == {"csto": "csto"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("a,b\n1,2\n", "not a COW IGO table: expected the columns"),
        ("ccode,year,state,un\n2,1990,usa,7\n", "unknown status code 7"),
        ("ccode,year,state,un\n2,nineteen,usa,1\n", "not a COW IGO table"),
    ],
)
def test_bad_tables(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        cow.read_cow(path)


def test_missing_file_and_unknown_igo(tmp_path: Path, wide: Path) -> None:
    with pytest.raises(UsageError, match=r"nope\.csv: no such file"):
        cow.read_cow(tmp_path / "nope.csv")
    with pytest.raises(UsageError, match="no IGO 'cst' in the file; did you mean csto"):
        cow.read_cow(wide, igos=["cst"])


def test_ccodes_map_to_countries_over_time(tmp_path: Path) -> None:
    ds = load_world(tmp_path)
    pairs = pd.DataFrame({"ccode": [365, 365, 365, 255, 260, 255, 999],
                          "year": [1921, 1991, 1992, 1989, 1989, 1990, 1990]})
    got = cow.ccode_countries(ds, pairs)
    assert list(zip(got["ccode"], got["year"], got["country"], strict=True)) == [
        (255, 1989, "DEU"),  # by its ccode: Germany exists, no 255 system spell that year
        (255, 1990, "DEU"),
        (260, 1989, "DEU"),
        (365, 1921, "RUS"),
        (365, 1991, "SUN"),  # most of 1991
        (365, 1992, "RUS"),
    ]


# -- import ----------------------------------------------------------------------------------
def test_import_cli_writes_a_file_that_loads(cli: Run, wide: Path, world_args: list[str],
                                             tmp_path: Path) -> None:
    out = tmp_path / "cow.yaml"
    r = cli("import", "cow-igo", str(wide), "--igo", "CSTO", "--igo", "wpact", "--igo", "un",
            "-o", str(out), *world_args)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert r.stderr == (
        "Unmapped COW code 999 (1990-2007, 18 rows in 1 IGO): no country holds it those years\n"
        f"Imported 3 organisations and 17 events to {out}.\n"
    )
    text = out.read_text(encoding="utf-8")
    assert "  - id: COW-CSTO\n    name: \"CSTO (COW IGO v3)\"\n    kind: military-alliance\n" \
        in text
    events = [line.strip() for line in text.splitlines() if line.startswith("      - ")]
    assert '- {date: "1992", event: "dissolved", note: "COW codes wpact until 1991", ' \
        'sources: [cow-igo-v3]}' in events
    assert '- {date: "1992", country: "RUS", event: "joined", note: "COW code 365 belonged ' \
        'to SUN until 1991", sources: [cow-igo-v3]}' in events
    # Germany under 260 then 255 is one run; no event after its join.
    assert [e for e in events if '"DEU"' in e] == [
        '- {date: "1989", country: "DEU", event: "joined", sources: [cow-igo-v3]}']
    ds = alliances.load([*(p for p in world_args if p.endswith(".yaml")), out], bundled=False)
    spells = ds.spells
    uzb = spells[(spells["org"] == "COW-CSTO") & (spells["country"] == "UZB")]
    assert uzb[["start", "start_precision"]].values.tolist() == [["2002", "year"]]
    assert uzb["end"].isna().all()
    arm = spells[(spells["org"] == "COW-CSTO") & (spells["country"] == "ARM")]
    assert len(arm) == 1 and arm["end"].isna().all()  # -9 in 2007 changes nothing
    assert ds.members("COW-WPACT", on="1990-06-01")["country"].tolist() == ["DDR", "SUN"]


def test_import_notes_the_five_year_observations(tmp_path: Path) -> None:
    rows = [{"ccode": 2, "year": y, "state": "usa", "abc": 0 if y < 1952 else 1}
            for y in range(1946, 1970)]
    path = tmp_path / "old.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    ds = load_world(tmp_path)
    result = cow.import_cow(ds, cow.read_cow(path))
    assert ('{date: "1952", country: "USA", event: "joined", note: "COW shows none in 1951 '
            'and member in 1952; before 1965 COW observed memberships every five years, so '
            'the change may be earlier", sources: [cow-igo-v3]}') in result.text
    cow.check_import(ds, result)


def test_import_to_stdout_with_prefix_and_kind(cli: Run, wide: Path, world_args: list[str]
                                               ) -> None:
    r = cli("import", "cow-igo", str(wide), "--igo", "xyz", "--prefix", "C3-", "--kind",
            "global", *world_args)
    assert r.exit_code == 0, r.stderr
    assert "  - id: C3-XYZ\n" in r.stdout
    assert "    kind: global\n" in r.stdout
    assert '{date: "1989", country: "USA", event: "observer", sources: [cow-igo-v3]}' in r.stdout
    bad = cli("import", "cow-igo", str(wide), "--kind", "club", *world_args)
    assert bad.exit_code == 2
    assert bad.stderr.startswith("Error: unknown kind 'club'")


def test_import_refuses_an_existing_file(cli: Run, wide: Path, world_args: list[str],
                                         tmp_path: Path) -> None:
    out = tmp_path / "cow.yaml"
    out.write_text("mine\n", encoding="utf-8")
    r = cli("import", "cow-igo", str(wide), "-o", str(out), *world_args)
    assert r.exit_code == 2
    assert r.stderr == f"Error: {out} exists; use --force to replace it\n"
    assert out.read_text(encoding="utf-8") == "mine\n"


def test_imported_data_agrees_with_its_source(wide: Path, tmp_path: Path) -> None:
    ds = load_world(tmp_path)
    result = cow.import_cow(ds, cow.read_cow(wide, igos=["csto", "wpact", "un"]))
    path = tmp_path / "cow.yaml"
    path.write_text(result.text, encoding="utf-8")
    both = load_world(tmp_path, path)
    summary = cow.compare(both, cow.read_cow(wide), orgs=["COW-CSTO", "COW-WPACT"]).summary
    assert summary[["org", "agreement"]].values.tolist() == [["COW-CSTO", 1.0],
                                                             ["COW-WPACT", 1.0]]


# -- compare ---------------------------------------------------------------------------------
def test_compare_lists_disagreements(cli: Run, long: Path, world_args: list[str]) -> None:
    r = cli("compare", str(long), "--org", "CSTO", *world_args)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == (
        ",".join(cow.DISAGREEMENT_COLUMNS) + "\n"
        "CSTO,CSTO,2002,704,UZB,Uzbekistan,1,0,none,false\n"
        "CSTO,CSTO,2003,704,UZB,Uzbekistan,1,0,none,false\n"
        "CSTO,CSTO,2004,704,UZB,Uzbekistan,1,0,none,false\n"
        "CSTO,CSTO,2005,704,UZB,Uzbekistan,1,0,none,false\n"
    )
    # 6 countries x 6 years, less Armenia's missing code (-9) in 2007.
    assert r.stderr == ("CSTO (CSTO, 2002-2007): 88.57% agreement, 4 of 35 country-years "
                        "differ\n")


def test_compare_summary_and_both_sides_missing(cli: Run, wide: Path, long: Path,
                                                world_args: list[str]) -> None:
    r = cli("compare", str(wide), "--summary", *world_args)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == (
        ",".join(cow.SUMMARY_COLUMNS) + "\n"
        "CSTO,csto,2002,2007,35,31,4,1,0.8857\n"
        "WP,wpact,1989,1991,11,11,0,0,1.0\n"
        "UN,un,1989,2007,124,105,19,0,0.8468\n"
    )
    assert r.stdout.replace("wpact", "WPact").replace("csto", "CSTO").replace(",un,", ",UN,") \
        == cli("compare", str(long), "--summary", *world_args).stdout
    un = cli("compare", str(wide), "--org", "UN", "-f", "json", *world_args)
    rows = json.loads(un.stdout)
    # Monaco: a member from 1993 in our data, in COW's system only from 1994.
    assert [(x["year"], x["cow_status"], x["our_status"]) for x in rows
            if x["country"] == "MCO"] == [(1993, None, 1)]
    # A code no country of ours holds: COW's member, not in our system.
    other = [x for x in rows if x["ccode"] == 999]
    assert len(other) == 18
    assert {(x["country"], x["cow_status"], x["our_status"]) for x in other} == {("", 1, None)}
    # Germany 1990: COW codes it under 255 only; our 260 unit of 1990 is not compared.
    assert not [x for x in rows if (x["ccode"], x["year"]) == (260, 1990)]


def test_compare_rules_and_errors(cli: Run, wide: Path, world_args: list[str]) -> None:
    end = cli("compare", str(wide), "--org", "CSTO", "--rule", "end-of-year", *world_args)
    # Read on 31 December, Uzbekistan is back in 2006 (16 August): the same four years.
    assert end.stdout.count("\n") == 5
    bad = cli("compare", str(wide), "--org", "NATO", *world_args)
    assert bad.exit_code == 2
    assert bad.stderr == ("Error: no IGO in state_year.csv codes NATO (see "
                          "alliances.cow.COW_TO_OURS for the mapping)\n")
    none = cli("compare", str(wide), "--org", "WP", *world_args)
    assert none.stdout.count("\n") == 1
    assert none.stderr.endswith("No disagreement.\n")


def test_compare_needs_an_igo_in_common(cli: Run, tmp_path: Path, world_args: list[str]
                                        ) -> None:
    path = tmp_path / "other.csv"
    path.write_text("igo_abbrev,ccode,year,status\nABC,2,1990,1\n", encoding="utf-8")
    r = cli("compare", str(path), *world_args)
    assert r.exit_code == 2
    assert r.stderr == ("Error: no IGO in other.csv codes one of our organisations (see "
                        "alliances.cow.COW_TO_OURS for the mapping)\n")


def test_every_cow_igo_we_map_codes_a_bundled_organisation() -> None:
    # A typo in the mapping would silently drop an organisation from `compare` and from
    # docs/crosscheck.md.
    bundled = set(alliances.load().store.organisations)
    assert set(cow.COW_TO_OURS.values()) <= bundled
    assert all(key == key.lower() for key in cow.COW_TO_OURS)
