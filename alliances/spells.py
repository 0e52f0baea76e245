"""Spells: the intervals of one status, derived once from the transitions, with vectorised pandas.

A spell holds from its start day (inclusive) to its end day (exclusive). Day numbers are
proleptic Gregorian ordinals. For a partial date the spell's *bounds* widen to the date's window:
a spell is (possibly) in force on day ``q`` when ``lo <= q < hi``, and the answer is uncertain
when ``q`` falls inside the window of its start or of its end.
"""

from __future__ import annotations

import datetime as _dt

import numpy as np
import pandas as pd

from alliances import vocab
from alliances.model import Data

OPEN = _dt.date.max.toordinal() + 1
"""The end day of a spell still open."""

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


def build_spells(data: Data) -> pd.DataFrame:
    """One row per spell, with the contract columns first and the working columns after."""
    tr = data.transitions
    n = len(tr)
    t = pd.DataFrame(
        {
            "org": pd.array([x.org for x in tr], dtype=object),
            "country": pd.array([x.country for x in tr], dtype=object),
            "status": pd.array([x.status for x in tr], dtype=object),
            "day": np.fromiter((x.date.first for x in tr), dtype=np.int64, count=n),
            "last": np.fromiter((x.date.last for x in tr), dtype=np.int64, count=n),
            "text": pd.array([x.date.text for x in tr], dtype=object),
            "precision": pd.array([x.date.precision for x in tr], dtype=object),
            "event": np.fromiter((x.event for x in tr), dtype=np.int64, count=n),
            "kind": pd.array([x.kind for x in tr], dtype=object),
        }
    )
    t = t.sort_values(["org", "country", "day"], kind="stable").reset_index(drop=True)
    following = (t["org"].to_numpy() == t["org"].shift(-1).to_numpy()) & (
        t["country"].to_numpy() == t["country"].shift(-1).to_numpy()
    )
    s = pd.DataFrame(
        {
            "org": t["org"],
            "country": t["country"],
            "status": t["status"],
            "start": t["text"],
            "start_precision": t["precision"],
            "start_day": t["day"],
            "start_last": t["last"],
            "start_event": t["event"],
            "start_kind": t["kind"],
            "end": t["text"].shift(-1).where(following, None),
            "end_precision": t["precision"].shift(-1).where(following, None),
            "end_day": np.where(following, t["day"].shift(-1, fill_value=OPEN), OPEN),
            "end_last": np.where(following, t["last"].shift(-1, fill_value=OPEN), OPEN),
            "end_event": np.where(following, t["event"].shift(-1, fill_value=-1), -1),
            "end_kind": t["kind"].shift(-1).where(following, None),
        }
    )
    s = s[s["status"] != vocab.NONE]
    s = _clip(s, data)
    s = s[s["start_day"] < s["end_last"]]
    names = {code: c.name for code, c in data.countries.items()}
    s.insert(2, "country_name", s["country"].map(names))
    s.insert(8, "uncertain", False)
    events = data.events
    s.insert(9, "sources", [
        _sources(events, a, b) for a, b in zip(s["start_event"], s["end_event"], strict=True)
    ])
    # The bounds of "possibly in force": a day-precise end stops on its day, a partial one
    # at the end of its window; a day-precise start begins on its day, a partial one on the
    # window's first day (a partial date orders as its first day).
    s["lo"] = s["start_day"]
    s["hi"] = np.where(s["end_precision"].to_numpy() == "day", s["end_day"], s["end_last"])
    s["hi"] = np.where(s["end"].isna().to_numpy(), OPEN, s["hi"])
    return s.sort_values(["org", "start_day", "country"], kind="stable").reset_index(drop=True)


def _clip(s: pd.DataFrame, data: Data) -> pd.DataFrame:
    """End spells on the day their country stopped existing or their organisation dissolved."""
    s = s.copy()
    for kind, mapping in (
        ("ceased", {c: (x.end.first, x.end.last, x.end.text, x.end.precision)
                    for c, x in data.countries.items() if x.end is not None}),
        ("dissolved", {o: (x.dissolved.first, x.dissolved.last, x.dissolved.text,
                           x.dissolved.precision)
                       for o, x in data.organisations.items() if x.dissolved is not None}),
    ):
        if not mapping:
            continue
        key = s["country"] if kind == "ceased" else s["org"]
        bound = key.map({k: v[0] for k, v in mapping.items()})
        cut = bound.notna() & (bound.fillna(OPEN).to_numpy() < s["end_day"].to_numpy())
        if not cut.any():
            continue
        s.loc[cut, "end_day"] = bound[cut].astype(np.int64)
        s.loc[cut, "end_last"] = key[cut].map({k: v[1] for k, v in mapping.items()}).astype(
            np.int64
        )
        s.loc[cut, "end"] = key[cut].map({k: v[2] for k, v in mapping.items()})
        s.loc[cut, "end_precision"] = key[cut].map({k: v[3] for k, v in mapping.items()})
        s.loc[cut, "end_event"] = -1
        s.loc[cut, "end_kind"] = kind
    return s


def _sources(events: list, start: int, end: int) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    for i in (start, end):
        if i < 0:
            continue
        for src in events[i].sources:
            if src.url not in seen:
                seen.add(src.url)
                out.append(src.as_dict())
    return out


def in_force(spells: pd.DataFrame, day: int, last: int | None = None) -> pd.DataFrame:
    """The spells (possibly) in force on ``day``, with ``uncertain`` set for that day.

    ``last`` (exclusive) widens the query to a window (a query date given as a month or a
    year): a spell that ends inside the window is uncertain too."""
    lo = spells["lo"].to_numpy()
    hi = spells["hi"].to_numpy()
    mask = (lo <= day) & (day < hi)
    out = spells[mask].copy()
    start_unsure = (out["start_precision"].to_numpy() != "day") & (
        day < out["start_last"].to_numpy()
    )
    end_unsure = (
        out["end"].notna().to_numpy()
        & (out["end_precision"].to_numpy() != "day")
        & (day >= out["end_day"].to_numpy())
    )
    if last is not None and last > day + 1:
        ends_inside = out["end"].notna().to_numpy() & (out["end_day"].to_numpy() < last)
        end_unsure = end_unsure | ends_inside
    out["uncertain"] = start_unsure | end_unsure
    return out
