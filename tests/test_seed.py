"""The seed case and the hard cases of the bundled data, pinned day by day."""

from __future__ import annotations

import pytest

import alliances
from alliances.dataset import Dataset


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return alliances.load()


def codes(ds: Dataset, org: str, on: str, status: str | None = None) -> list[str]:
    return list(ds.members(org, on=on, status=status)["country"])


def test_csto_on_the_day_of_the_press_reports(ds: Dataset) -> None:
    assert codes(ds, "CSTO", "2012-06-29") == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]
    assert codes(ds, "CSTO", "2012-06-27") == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK", "UZB"]


def test_uzbekistan_suspended_not_gone(ds: Dataset) -> None:
    rows = ds.members("CSTO", on="2012-06-29", status="all").set_index("country")
    assert rows.loc["UZB", "status"] == "suspended"
    # The Collective Security Council's formal decision of 19 December 2012 is in the note,
    # with the note of 20 June as the announcement: one event.
    ev = ds.timeline("CSTO", countries=["UZB"])
    suspension = ev[ev["event"] == "suspended"].iloc[0]
    assert (suspension["date"], suspension["announced"]) == ("2012-06-28", "2012-06-20")
    assert "19 December 2012" in suspension["note"]


def test_armenia_frozen_still_counted(ds: Dataset) -> None:
    rows = ds.members("CSTO", on="2025-06-01").set_index("country")
    assert rows.loc["ARM", "status"] == "frozen"
    assert len(rows) == 6


def test_csto_1999_non_renewals(ds: Dataset) -> None:
    assert {"AZE", "GEO", "UZB"} <= set(codes(ds, "CSTO", "1999-04-19"))
    assert not {"AZE", "GEO", "UZB"} & set(codes(ds, "CSTO", "1999-04-20"))
    assert len(codes(ds, "CSTO", "1999-04-19")) == 9


def test_csto_names_over_time(ds: Dataset) -> None:
    assert ds.name_on("CSTO", "2002-10-06") == "Collective Security Treaty"
    assert ds.name_on("CSTO", "2002-10-07") == "Collective Security Treaty Organization"


def test_every_event_has_a_source(ds: Dataset) -> None:
    assert ds.events["sources"].map(len).min() >= 1
