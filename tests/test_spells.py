"""Spells derived from events: bounds, precision, uncertainty, successions and endings."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import alliances
from alliances.dataset import Dataset
from tests.conftest import COUNTRIES, MINI, TODAY


@pytest.fixture
def ds(tmp_path: Path) -> Dataset:
    (tmp_path / "c.yaml").write_text(COUNTRIES, encoding="utf-8")
    (tmp_path / "m.yaml").write_text(MINI, encoding="utf-8")
    return alliances.load([tmp_path / "c.yaml", tmp_path / "m.yaml"], bundled=False, today=TODAY)


def spells_of(ds: Dataset, org: str, country: str) -> list[tuple[str, str, str | None]]:
    s = ds.spells
    rows = s[(s.org == org) & (s.country == country)]
    return [(r.status, r.start, None if pd.isna(r.end) else r.end) for r in rows.itertuples()]


def test_spells_start_and_end_on_events(ds: Dataset) -> None:
    assert spells_of(ds, "CSTO", "UZB") == [
        ("member", "1992-05-15", "1999-04-20"),
        ("member", "2006-08-16", "2012-06-28"),
        ("suspended", "2012-06-28", None),
    ]
    assert spells_of(ds, "CSTO", "ARM") == [
        ("member", "1992-05-15", "2024-02"),
        ("frozen", "2024-02", None),
    ]


def test_dissolution_and_existence_end_spells(ds: Dataset) -> None:
    # The Warsaw Pact ended on 1991-07-01, before the USSR did.
    wp = ds.spells[ds.spells.org == "WP"].iloc[0]
    assert (wp.end, wp.end_kind) == ("1991-07-01", "dissolved")
    # Russia continued the USSR's UN seat on 1991-12-24: one ends where the other starts.
    assert spells_of(ds, "UN", "SUN") == [("member", "1945-10-24", "1991-12-24")]
    assert spells_of(ds, "UN", "RUS") == [("member", "1991-12-24", None)]


def test_start_inclusive_end_exclusive(ds: Dataset) -> None:
    def members(on: str) -> list[str]:
        return list(ds.members("CSTO", on=on).country)

    assert members("1999-04-19") == ["ARM", "BLR", "RUS", "UZB"]
    assert members("1999-04-20") == ["ARM", "BLR", "RUS"]
    assert members("1993-12-30") == ["ARM", "RUS", "UZB"]
    assert members("1993-12-31") == ["ARM", "BLR", "RUS", "UZB"]


def test_seed_case_on_the_mini_data(ds: Dataset) -> None:
    assert list(ds.members("CSTO", on="2012-06-27").country) == [
        "ARM", "BLR", "RUS", "UZB",
    ]
    assert list(ds.members("CSTO", on="2012-06-29").country) == ["ARM", "BLR", "RUS"]
    everyone = ds.members("CSTO", on="2012-06-29", status="all")
    assert dict(zip(everyone.country, everyone.status, strict=True))["UZB"] == "suspended"


def test_uncertain_inside_a_partial_window(ds: Dataset) -> None:
    # Armenia froze its participation in 2024-02 (month precision).
    before = ds.members("CSTO", on="2024-01-31").set_index("country")
    assert not before.loc["ARM", "uncertain"]
    inside = ds.members("CSTO", on="2024-02-10").set_index("country")
    assert inside.loc["ARM", "uncertain"]
    assert len(inside) == 3  # one row per country, not one per possible spell
    after = ds.members("CSTO", on="2024-03-01").set_index("country")
    assert after.loc["ARM", "status"] == "frozen"
    assert not after.loc["ARM", "uncertain"]


def test_columns_follow_the_contract(ds: Dataset) -> None:
    assert list(ds.members("CSTO", on="2012-06-29").columns) == [
        "org", "country", "country_name", "status", "start", "start_precision", "end",
        "end_precision", "uncertain", "sources",
    ]


def test_names_resolve_in_any_case_and_alias(ds: Dataset) -> None:
    assert ds.resolve_org("одкб") == "CSTO"
    assert ds.resolve_org("collective security treaty") == "CSTO"
    assert ds.resolve_country("turkiye") == "TUR"
    assert ds.resolve_country("uz") == "UZB"
    assert ds.resolve_country("ussr") == "SUN"
    with pytest.raises(alliances.UnknownName, match="did you mean CSTO"):
        ds.resolve_org("CTSO")


def test_a_month_query_is_uncertain_when_a_change_falls_inside(ds: Dataset) -> None:
    # Uzbekistan was suspended on 2012-06-28: "in June 2012" it was a member, but not all month.
    june = ds.members("CSTO", on="2012-06").set_index("country")
    assert june.loc["UZB", "uncertain"]
    assert not june.loc["RUS", "uncertain"]
    day = ds.members("CSTO", on="2012-06-01").set_index("country")
    assert not day.loc["UZB", "uncertain"]


def test_a_year_query_lists_who_joined_during_it_as_uncertain(ds: Dataset) -> None:
    # Uzbekistan rejoined on 2006-08-16: "in 2006" it was a member for part of the year.
    year = ds.members("CSTO", on="2006").set_index("country")
    assert year.loc["UZB", "uncertain"]
    assert not year.loc["RUS", "uncertain"]
    assert "UZB" not in set(ds.members("CSTO", on="2006-01-01")["country"])
