"""Spells: the intervals of one status of one country in one organisation.

A spell holds from its start day (inclusive) to its end day (exclusive). Spells are derived once
from the events (:func:`alliances.store.build_spells`, vectorised with numpy) and every query
reads them. Day numbers are proleptic Gregorian ordinals. For a partial date the spell's
*bounds* widen to the date's window: a spell is (possibly) in force on day ``q`` when
``lo <= q < hi``, and the answer is uncertain when ``q`` falls inside the window of its start
or of its end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from alliances.store import OPEN

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["OPEN", "SPELL_COLUMNS", "in_force"]

SPELL_COLUMNS = [
    "org",
    "country",
    "country_name",
    "status",
    "start",
    "start_precision",
    "end",
    "end_precision",
    "uncertain",
    "sources",
]
"""The contract columns of member rows and spells, in order."""


def in_force(spells: pd.DataFrame, day: int, last: int | None = None) -> pd.DataFrame:
    """The rows of a spells frame (possibly) in force on ``day``, with ``uncertain`` set.

    ``last`` (exclusive) widens the query to a window (a query date given as a month or a
    year): a spell in force at some time in the window is listed, uncertain if it starts or
    ends inside it."""
    lo = spells["lo"].to_numpy()
    hi = spells["hi"].to_numpy()
    upto = day + 1 if last is None else last
    out = spells[(lo < upto) & (day < hi)].copy()
    has_end = out["end"].notna().to_numpy()
    start_unsure = (out["start_precision"].to_numpy() != "day") & (
        day < out["start_last"].to_numpy()
    )
    end_unsure = has_end & (out["end_precision"].to_numpy() != "day") & (
        day >= out["end_day"].to_numpy()
    )
    if last is not None and last > day + 1:
        end_unsure = end_unsure | (has_end & (out["end_day"].to_numpy() < last))
        start_unsure = start_unsure | (out["start_day"].to_numpy() > day)
    out["uncertain"] = start_unsure | end_unsure
    return out
