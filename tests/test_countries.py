"""The countries table against ISO 3166 (pycountry) and against itself."""

from __future__ import annotations

import pycountry
import pytest

import alliances
from alliances.dataset import Dataset


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return alliances.load()


def test_codes_are_iso_or_documented_user_assigned(ds: Dataset) -> None:
    historic = {c.alpha_3 for c in pycountry.historic_countries}
    for code, c in ds.store.countries.items():
        current = pycountry.countries.get(alpha_3=code)
        if current is not None:
            assert c.alpha2 == current.alpha_2, code
        elif code in historic:
            # A former ISO code: the entity ended, and we say when, or why we cannot
            # (the Netherlands Antilles: no source read for its dissolution day).
            assert c.end is not None or "no source" in (c.note or ""), code
        else:
            # ISO 3166-1 reserves XAA-XZZ for user-assigned codes: Kosovo, Zanzibar ...
            assert code.startswith("X"), f"{code} is neither ISO nor user-assigned"
            assert c.note and "user-assigned" in c.note, code


def test_every_un_member_today_and_every_iso_state_is_covered(ds: Dataset) -> None:
    un = set(ds.members("UN")["country"])
    assert len(un) == 193
    assert un <= set(ds.store.country_ids)
    # Every entity that ISO lists and that holds a membership is ours (territories included).
    assert {"PSE", "VAT", "TWN", "XKX", "COK", "NIU"} <= set(ds.store.country_ids)


def test_historical_states_are_there_with_their_ends(ds: Dataset) -> None:
    ends = {code: ds.store.countries[code].end for code in ("SUN", "DDR", "CSK", "YUG", "SCG",
                                                            "YMD")}
    assert {k: str(v) for k, v in ends.items()} == {
        "SUN": "1991-12-26", "DDR": "1990-10-03", "CSK": "1993-01-01", "YUG": "1992-04-27",
        "SCG": "2006-06-05", "YMD": "1990-05-22",
    }
    # West Germany and today's Germany are one entity, with both COW codes over time.
    deu = ds.store.countries["DEU"]
    assert deu.end is None
    assert {cc for cc, _, _ in deu.system} == {255, 260}


def test_no_name_or_alias_belongs_to_two_entities(ds: Dataset) -> None:
    from alliances.names import fold

    seen: dict[str, str] = {}
    clashes = []
    for code, c in ds.store.countries.items():
        for label in {fold(x) for x in (c.name, *(c.aliases or []))}:
            if label in seen and seen[label] != code:
                clashes.append((label, seen[label], code))
            seen[label] = code
    assert clashes == []
