"""Spells: the intervals of one status of one country in one organisation.

A spell holds from its start day (inclusive) to its end day (exclusive). Spells are derived once
from the events (:func:`alliances.store.build_spells`, vectorised with numpy) and every query
reads them (:meth:`alliances.dataset.Dataset._in_force` answers "in force on a day"). Day
numbers are proleptic Gregorian ordinals. For a partial date the spell's *bounds* widen to the
date's window: a spell is (possibly) in force on day ``q`` when ``lo <= q < hi``, and the answer
is uncertain when ``q`` falls inside the window of its start or of its end.
"""

from __future__ import annotations

from alliances.store import OPEN

__all__ = ["OPEN", "SPELL_COLUMNS"]

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

