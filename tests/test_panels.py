"""State-year and dyad-year panels on a small world: the year rules, time-varying COW codes,
countries outside the state system, uncertainty, the wide layout and dyad counts."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import alliances
from alliances import panels
from alliances.dataset import Dataset
from alliances.errors import UsageError
from tests.conftest import org_file
from tests.panel_data import load_world


@pytest.fixture
def world(tmp_path: Path) -> Dataset:
    return load_world(tmp_path)


def cell(frame: pd.DataFrame, country: str, year: int, org: str, ccode: int | None = None
         ) -> tuple[str, int, bool]:
    rows = frame[(frame["country"] == country) & (frame["year"] == year) & (frame["org"] == org)]
    if ccode is not None:
        rows = rows[rows["ccode"] == ccode]
    assert len(rows) == 1, rows
    r = rows.iloc[0]
    return str(r["status"]), int(r["cow_status"]), bool(r["uncertain"])


def test_columns_and_order(world: Dataset) -> None:
    frame = world.state_year(from_=1992, to=1992, orgs=["CSTO"])
    assert list(frame.columns) == panels.STATE_YEAR_COLUMNS
    assert frame[["country", "ccode", "gwcode", "year", "org", "status"]].values.tolist() == [
        ["USA", 2, 2, 1992, "CSTO", "none"],
        ["DEU", 255, 260, 1992, "CSTO", "none"],
        ["RUS", 365, 365, 1992, "CSTO", "member"],
        ["ARM", 371, 371, 1992, "CSTO", "member"],
        ["UZB", 704, 704, 1992, "CSTO", "member"],
    ]


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        # 1999: left 20 April; 2006: back 16 August; 2012: suspended 28 June.
        ("any-day", {1999: "member", 2000: "none", 2006: "member", 2012: "member",
                     2013: "suspended"}),
        ("end-of-year", {1999: "none", 2000: "none", 2006: "member", 2012: "suspended",
                         2013: "suspended"}),
        ("mid-year", {1999: "none", 2000: "none", 2006: "none", 2012: "suspended",
                      2013: "suspended"}),
    ],
)
def test_rules_uzbekistan_in_the_csto(world: Dataset, rule: str, expected: dict[int, str]
                                      ) -> None:
    frame = world.state_year(rule=rule, from_=1999, to=2013, orgs=["CSTO"], countries=["UZB"])
    got = {int(y): str(s) for y, s in zip(frame["year"], frame["status"], strict=True)}
    assert {y: got[y] for y in expected} == expected
    # Suspended members keep COW code 1 (vocab.COW_STATUS).
    assert cell(frame, "UZB", 2013, "CSTO")[1] == 1


@pytest.mark.parametrize(
    ("rule", "codes"),
    [("any-day", [255, 260]), ("end-of-year", [255]), ("mid-year", [260])],
)
def test_germany_changes_code_in_1990(world: Dataset, rule: str, codes: list[int]) -> None:
    frame = world.state_year(rule=rule, from_=1990, to=1990, orgs=["NATO"], countries=["DEU"])
    assert frame["ccode"].tolist() == codes
    assert frame["status"].tolist() == ["member"] * len(codes)
    assert set(frame["gwcode"].tolist()) == {260}


def test_outside_the_state_system_is_missing_not_zero(world: Dataset) -> None:
    frame = world.state_year(from_=1950, to=1995, orgs=["UN"])
    # Germany 1946-1954: no system spell; Monaco enters on 1993-05-28; Palestine never.
    assert not ((frame["country"] == "DEU") & frame["year"].between(1946, 1954)).any()
    assert sorted(frame.loc[frame["country"] == "MCO", "year"].tolist()) == [1993, 1994, 1995]
    assert "PSE" not in set(frame["country"])
    # The GDR exists from 1949 but enters the system in 1954; it ends with 1990.
    ddr = frame.loc[frame["country"] == "DDR", "year"]
    assert (int(ddr.min()), int(ddr.max())) == (1954, 1990)


def test_shared_code_in_a_handover_year(world: Dataset) -> None:
    frame = world.state_year(from_=1991, to=1991, orgs=["UN"])
    assert frame.loc[frame["ccode"] == 365, "country"].tolist() == ["SUN", "RUS"]
    end = world.state_year(rule="end-of-year", from_=1991, to=1991, orgs=["UN"])
    assert end.loc[end["ccode"] == 365, "country"].tolist() == ["RUS"]


def test_organisation_not_alive_has_no_row(world: Dataset) -> None:
    frame = world.state_year(from_=1991, to=1992, orgs=["WP"])
    assert set(frame["year"]) == {1991}  # dissolved 1991-07-01
    # Russia enters the system on 1991-12-26, after the dissolution: no WP row.
    assert "RUS" not in set(frame["country"])


@pytest.mark.parametrize(
    ("rule", "monaco_1995", "usa_1996"),
    [
        # Monaco joined in "1995" (year precision), the USA became an observer in "1996-03".
        ("any-day", ("member", 1, False), ("observer", 3, False)),
        ("end-of-year", ("member", 1, False), ("observer", 3, False)),
        ("mid-year", ("member", 1, True), ("observer", 3, False)),
    ],
)
def test_partial_dates_and_uncertainty(world: Dataset, rule: str,
                                       monaco_1995: tuple[str, int, bool],
                                       usa_1996: tuple[str, int, bool]) -> None:
    frame = world.state_year(rule=rule, from_=1994, to=1997, orgs=["TST"])
    assert cell(frame, "MCO", 1995, "TST") == monaco_1995
    assert cell(frame, "USA", 1996, "TST") == usa_1996
    assert cell(frame, "USA", 1997, "TST") == ("associate", 2, False)
    assert cell(frame, "MCO", 1994, "TST") == ("none", 0, False)


def test_strongest_status_of_the_year(world: Dataset) -> None:
    # Armenia froze its CSTO participation in 2024-02: member and frozen that year.
    frame = world.state_year(from_=2024, to=2025, orgs=["CSTO"], countries=["ARM"])
    assert cell(frame, "ARM", 2024, "CSTO") == ("member", 1, False)
    assert cell(frame, "ARM", 2025, "CSTO") == ("frozen", 1, False)


def test_wide_matches_long(world: Dataset) -> None:
    long = world.state_year(from_=1985, to=2000)
    wide = world.state_year(from_=1985, to=2000, wide=True)
    assert list(wide.columns) == [*panels.UNIT_COLUMNS, "CSTO", "WP", "NATO", "UN", "TST"]
    assert len(wide) == len(long[["country", "ccode", "year"]].drop_duplicates())
    melted = wide.melt(id_vars=["country", "ccode", "year"],
                       value_vars=["CSTO", "WP", "NATO", "UN", "TST"],
                       var_name="org", value_name="cow_status").dropna()
    a = melted.sort_values(["year", "country", "ccode", "org"]).reset_index(drop=True)
    b = long[["country", "ccode", "year", "org", "cow_status"]]
    b = b.sort_values(["year", "country", "ccode", "org"]).reset_index(drop=True)
    assert a["cow_status"].astype(int).tolist() == b["cow_status"].tolist()
    assert a[["country", "ccode", "year", "org"]].values.tolist() == \
        b[["country", "ccode", "year", "org"]].values.tolist()
    # Missing, not 0, where the organisation did not exist.
    row = wide[(wide["country"] == "USA") & (wide["year"] == 1990)].iloc[0]
    assert row["CSTO"] is pd.NA and row["WP"] == 0 and row["NATO"] == 1


def test_bad_rule_and_range(world: Dataset) -> None:
    with pytest.raises(UsageError, match="unknown rule 'annual'"):
        world.state_year(rule="annual")
    with pytest.raises(UsageError, match=r"the last year \(1990\) is before the first"):
        world.state_year(from_=1995, to=1990)


def test_default_years_run_from_the_first_spell_to_today(world: Dataset) -> None:
    frame = world.state_year(orgs=["UN"])
    assert (int(frame["year"].min()), int(frame["year"].max())) == (1945, 2026)


# -- dyad-year -------------------------------------------------------------------------------
def test_dyads_of_a_year(world: Dataset) -> None:
    frame = world.dyad_year(from_=2000, to=2000)
    assert list(frame.columns) == panels.DYAD_YEAR_COLUMNS
    # Six countries in the system in 2000: 15 undirected pairs, ccode1 < ccode2.
    assert len(frame) == 15
    assert (frame["ccode1"] < frame["ccode2"]).all()
    pairs = {(a, b): (list(o), int(n)) for a, b, o, n in
             zip(frame["country1"], frame["country2"], frame["orgs"], frame["n_orgs"],
                 strict=True)}
    assert pairs[("RUS", "ARM")] == (["CSTO", "UN"], 2)
    assert pairs[("RUS", "UZB")] == (["UN"], 1)  # Uzbekistan out of the CST 1999-2006
    assert pairs[("USA", "DEU")] == (["NATO", "UN"], 2)
    directed = world.dyad_year(from_=2000, to=2000, directed=True)
    assert len(directed) == 30
    assert set(zip(directed["country1"], directed["country2"], strict=True)) >= {
        ("ARM", "RUS"), ("RUS", "ARM")}


def test_dyads_skip_same_country_and_same_code(world: Dataset) -> None:
    frame = world.dyad_year(from_=1990, to=1991)
    same = frame[(frame["country1"] == frame["country2"]) | (frame["ccode1"] == frame["ccode2"])]
    assert same.empty
    y1990 = frame[frame["year"] == 1990]
    # 1990: USA, DEU (255 and 260), DDR, SUN: 5 units, minus DEU-DEU: 9 pairs.
    assert len(y1990) == 9


def test_dyad_status_and_country_filter(world: Dataset) -> None:
    both = world.dyad_year(from_=2013, to=2013, orgs=["CSTO"], countries=["UZB"])
    assert set(both["country1"]) | set(both["country2"]) >= {"UZB"}
    assert ((both["country1"] == "UZB") | (both["country2"] == "UZB")).all()
    assert both["n_orgs"].sum() == 0  # suspended is not membership by default
    wider = world.dyad_year(from_=2013, to=2013, orgs=["CSTO"], countries=["UZB"],
                            status="member,frozen,suspended")
    shared = wider[wider["n_orgs"] > 0]
    assert sorted(zip(shared["country1"], shared["country2"], strict=True)) == [
        ("ARM", "UZB"), ("RUS", "UZB")]


def test_dyad_chunks_are_the_panel(world: Dataset) -> None:
    chunks = list(panels.dyad_year_chunks(world, from_=1990, to=1995))
    assert [int(c["year"].iloc[0]) for c in chunks] == list(range(1990, 1996))
    whole = world.dyad_year(from_=1990, to=1995)
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), whole)


def test_a_world_sized_year_is_vectorised(tmp_path: Path) -> None:
    # 180 countries in the system: 16,110 dyads in one year, every pair sharing "ALL".
    n = 180
    codes = [f"X{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(n)]
    countries = "schema: 1\ncountries:\n" + "".join(
        f"  - {{code: {c}, name: Country {c}, ccode: {1000 + i}, "
        f"system: [{{ccode: {1000 + i}, start: 1900-01-01}}]}}\n"
        for i, c in enumerate(codes)
    )
    orgs = org_file(
        "- id: ALL\n  name: All\n  kind: global\n  events:\n"
        "    - {date: 1950-01-01, event: founded, sources: [s]}\n"
        + "".join(f"    - {{date: 1950-01-01, country: {c}, event: joined, sources: [s]}}\n"
                  for c in codes)
    )
    (tmp_path / "c.yaml").write_text(countries, encoding="utf-8")
    (tmp_path / "o.yaml").write_text(orgs, encoding="utf-8")
    ds = alliances.load([tmp_path / "c.yaml", tmp_path / "o.yaml"], bundled=False)
    frame = ds.dyad_year(from_=1949, to=1950)
    per_year = frame.groupby("year")["n_orgs"].agg(["size", "sum"])
    assert per_year.loc[1949].tolist() == [n * (n - 1) // 2, 0]
    assert per_year.loc[1950].tolist() == [n * (n - 1) // 2, n * (n - 1) // 2]
    assert np.array_equal(np.unique(frame["ccode1"] < frame["ccode2"]), [True])


def test_the_un_organs_only_when_named() -> None:
    # Seats on the Security Council are not memberships of an organisation: the panels leave
    # the organs out unless they are named.
    ds = alliances.load()
    assert ds.store.organisations["UNSC"].kind == "organ"
    default = panels.state_year(ds, from_="2012", to="2012", countries=["USA"])
    assert "UNSC" not in set(default["org"]) and "NATO" in set(default["org"])
    named = panels.state_year(ds, from_="2012", to="2012", countries=["USA"], orgs=["UNSC"])
    assert list(named["org"]) == ["UNSC"] and list(named["status"]) == ["member"]
    dyads = panels.dyad_year(ds, from_="2012", to="2012", countries=["USA"])
    gbr = dyads[dyads["country2"] == "GBR"].iloc[0]
    assert "UNSC" not in gbr["orgs"] and "NATO" in gbr["orgs"]
    dyads = panels.dyad_year(ds, from_="2012", to="2012", countries=["USA"],
                             orgs=["UNSC", "NATO"])
    gbr = dyads[dyads["country2"] == "GBR"].iloc[0]
    assert list(gbr["orgs"]) == ["UNSC", "NATO"] and gbr["n_orgs"] == 2
    # Every other command lists them like any organisation.
    assert set(ds.orgs(kind="organ")["org"]) == {"UNSC", "UNHRC"}
