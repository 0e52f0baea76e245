"""Membership timelines as chart data: rows, bars, uncertainty and event markers.

A chart is plain data built from :attr:`Dataset.spells` and :attr:`Dataset.events`; the
terminal renderable (:mod:`alliances.gantt`) and the figure (:mod:`alliances.chart_image`)
only draw it. Days are proleptic Gregorian ordinals, as everywhere in the query layer; a bar
holds from its start day (inclusive) to its end day (exclusive).

A boundary known only to the month or the year is drawn as its whole window: the spell is
*possibly* in force there (``lo <= q < hi`` in :mod:`alliances.spells`), surely in force only on
the days between the windows.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Literal

from alliances import vocab
from alliances.errors import UsageError

if TYPE_CHECKING:
    from alliances.dataset import Dataset, DateLike

Subject = Literal["org", "country"]

IMAGE_FORMATS = ("svg", "png", "pdf")
"""The figure formats ``--out`` writes, by file extension."""

ROW_EVENTS_OF_ORG = ("renamed", "dissolved")
"""Organisation events shown in that organisation's row of a country's chart."""


@dataclass(frozen=True, slots=True)
class Bar:
    """One spell, cut to the chart's range.

    ``start``/``end`` are the days the tool counts with (a partial date orders as its first
    day); ``start_last`` is the first day after the start's window and ``end_last`` the first
    day after the end's window, so the spell is surely in force on ``[start_last, end)`` and
    possibly on ``[start, start_last)`` and ``[end, end_last)``. Days are clipped to the axis;
    ``clipped_start``/``clipped_end`` say that the spell goes on beyond it, ``open`` that it has
    no end yet."""

    status: str
    start: int
    start_last: int
    end: int
    end_last: int
    start_text: str
    start_precision: str
    end_text: str | None
    end_precision: str | None
    start_uncertain: bool
    end_uncertain: bool
    open: bool
    clipped_start: bool = False
    clipped_end: bool = False

    @property
    def reach(self) -> int:
        """The first day on which the spell is surely over (exclusive end of the drawing)."""
        return self.end_last if self.end_uncertain else self.end


@dataclass(frozen=True, slots=True)
class Marker:
    """A dated event drawn on the chart: on the axis (``row`` None) or in a row."""

    day: int
    date: str
    precision: str
    event: str
    org: str
    country: str
    label: str
    row: str | None = None


@dataclass(slots=True)
class Row:
    """One line of the chart: a country (an organisation's chart) or an organisation (a
    country's chart), its bars in time order and its markers."""

    key: str
    name: str
    bars: list[Bar] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.key} {self.name}".strip()


@dataclass(slots=True)
class Chart:
    """Everything needed to draw a membership timeline."""

    subject: Subject
    key: str
    title: str
    start: int
    end: int  # exclusive
    today: int
    rows: list[Row]
    markers: list[Marker]  # axis markers: the organisation's own events
    statuses: tuple[str, ...]  # the statuses drawn, in vocabulary order

    @property
    def bars(self) -> int:
        return sum(len(r.bars) for r in self.rows)

    @property
    def uncertain(self) -> bool:
        """Whether any drawn boundary is known only to the month or the year."""
        return any(b.start_uncertain or b.end_uncertain for r in self.rows for b in r.bars)

    @property
    def row_markers(self) -> list[Marker]:
        return [m for r in self.rows for m in r.markers]

    @property
    def empty(self) -> bool:
        return not self.rows

    def range_text(self) -> str:
        return f"{iso(self.start)} to {iso(self.end - 1)}"


def iso(day: int) -> str:
    return _dt.date.fromordinal(day).isoformat()


def image_format(path: str) -> str:
    """The figure format named by a file's extension; a usage error for any other."""
    suffix = PurePath(path).suffix.lower().lstrip(".")
    if suffix not in IMAGE_FORMATS:
        raise UsageError(
            f"cannot tell the image format of '{path}': give a file name ending in "
            f"{', '.join('.' + f for f in IMAGE_FORMATS)}"
        )
    return suffix


def check_subject(org: str | None, country: str | None) -> Subject:
    """Exactly one of an organisation and a country."""
    if (org is None) == (country is None):
        raise UsageError("give an organisation (alliances chart CSTO) or --country "
                         "(alliances chart --country UZB), not both and not neither")
    return "org" if org is not None else "country"


def build_chart(
    ds: Dataset,
    org: str | None = None,
    *,
    country: str | None = None,
    from_: DateLike | None = None,
    to: DateLike | None = None,
    status: str | Iterable[str] | None = "all",
) -> Chart:
    """The chart of an organisation's members (one row per country) or, with ``country``,
    of one country across organisations (one row per organisation).

    Rows are ordered by first entry. ``from_``/``to`` cut the time axis (``to`` inclusive of
    the month or year it names); by default it runs from the first entry (or the founding) to
    today while a spell is open, else to the last end. ``status`` keeps those statuses only
    (every status by default; see :func:`alliances.dataset.parse_statuses`)."""
    from alliances.dataset import parse_statuses

    subject = check_subject(org, country)
    statuses = parse_statuses(status)
    lo = ds.day(from_).first if from_ is not None else None
    hi = ds.day(to).last if to is not None else None
    if lo is not None and hi is not None and hi <= lo:
        raise UsageError(f"--to ({to}) is before --from ({from_})")
    today = ds.day("today").first
    ev = ds.events
    if subject == "org":
        assert org is not None
        key = ds.resolve_org(org)
        o = ds.data.organisations[key]
        spells = ds.spells[ds.spells["org"] == key]
        row_col, names = "country", {c: x.name for c, x in ds.data.countries.items()}
        axis_ev = ev[(ev["org"] == key) & ev["country"].isna()]
        row_ev = ev[(ev["org"] == key) & ev["country"].notna() & (ev["event"] == "milestone")]
        title = f"{o.name} ({key})"
    else:
        assert country is not None
        key = ds.resolve_country(country)
        spells = ds.spells[ds.spells["country"] == key]
        row_col, names = "org", {k: x.name for k, x in ds.data.organisations.items()}
        axis_ev = ev.iloc[0:0]
        mine = (ev["country"] == key) & (ev["event"] == "milestone")
        of_orgs = ev["country"].isna() & ev["event"].isin(ROW_EVENTS_OF_ORG) & ev["org"].isin(
            set(spells["org"])
        )
        row_ev = ev[mine | of_orgs]
        title = f"{ds.data.countries[key].name} ({key}): memberships"
    spells = spells[spells["status"].isin(statuses)]

    records: list[dict[str, Any]] = spells.sort_values(  # type: ignore[assignment]
        ["start_day", row_col], kind="stable").to_dict("records")
    if lo is None:
        starts = [int(r["start_day"]) for r in records]
        if subject == "org" and o.founded is not None:
            starts.append(o.founded.first)
        lo = min(starts, default=today)
    if hi is None:
        reach = [_open_end(r, today) if _is_open(r) else
                 int(r["end_day"] if r["end_precision"] == "day" else r["end_last"])
                 for r in records]
        reach.extend(int(d) + 1 for d in axis_ev["day"])
        hi = max(reach, default=today + 1)
        if hi <= lo:  # an axis that starts after everything it could show
            hi, records = lo + 1, []

    rows: dict[str, Row] = {}
    for rec in records:
        bar = _bar(rec, lo, hi, today)
        if bar is None:
            continue
        rk = str(rec[row_col])
        row = rows.get(rk)
        if row is None:
            row = rows[rk] = Row(rk, names.get(rk, ""))
        row.bars.append(bar)

    axis_recs: list[dict[str, Any]] = axis_ev.to_dict("records")  # type: ignore[assignment]
    row_recs: list[dict[str, Any]] = row_ev.to_dict("records")  # type: ignore[assignment]
    markers = [_marker(m, None) for m in axis_recs if lo <= m["day"] < hi]
    for m in row_recs:
        rk = str(m["org"] if subject == "country" else m["country"])
        if rk in rows and lo <= m["day"] < hi:
            rows[rk].markers.append(_marker(m, rk))
    for row in rows.values():
        row.markers.sort(key=lambda x: x.day)
    drawn = {b.status for r in rows.values() for b in r.bars}
    return Chart(
        subject=subject,
        key=key,
        title=title,
        start=lo,
        end=hi,
        today=today,
        rows=list(rows.values()),
        markers=markers,
        statuses=tuple(s for s in vocab.STATUSES if s in drawn),
    )


def _is_open(rec: dict[str, Any]) -> bool:
    end = rec["end"]
    return end is None or end != end  # None, or NaN from pandas


def _open_end(rec: dict[str, Any], today: int) -> int:
    """Where an open spell is drawn to: today (what is known), or its first day when it is
    scheduled to start later."""
    return max(today + 1, int(rec["start_day"]) + 1)


def _bar(rec: dict[str, Any], lo: int, hi: int, today: int) -> Bar | None:
    is_open = _is_open(rec)
    start, start_last = int(rec["start_day"]), int(rec["start_last"])
    start_unsure = rec["start_precision"] != "day"
    end_unsure = not is_open and rec["end_precision"] != "day"
    if is_open:
        end = end_last = min(_open_end(rec, today), hi)
    else:
        end, end_last = int(rec["end_day"]), int(rec["end_last"])
    reach = end_last if end_unsure else end
    if reach <= lo or start >= hi:
        return None
    if not start_unsure:
        start_last = start
    if not end_unsure:
        end_last = end
    return Bar(
        status=str(rec["status"]),
        start=max(start, lo),
        start_last=min(max(start_last, lo), hi),
        end=max(min(end, hi), lo),
        end_last=min(end_last, hi),
        start_text=str(rec["start"]),
        start_precision=str(rec["start_precision"]),
        end_text=None if is_open else str(rec["end"]),
        end_precision=None if is_open else str(rec["end_precision"]),
        start_uncertain=start_unsure and start_last > lo,
        end_uncertain=end_unsure and end < hi,
        open=is_open,
        clipped_start=start < lo,
        clipped_end=_open_end(rec, today) > hi if is_open else reach > hi,
    )


def _text(value: Any) -> str:
    """A cell as text: missing (None or NaN) is empty."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def _marker(m: dict[str, Any], row: str | None) -> Marker:
    event = str(m["event"])
    detail = _text(m.get("name")) if event in ("founded", "renamed", "dissolved") else ""
    if not detail:
        detail = " ".join(_text(m.get("note")).split())
    label = f"{event}: {detail}" if detail else event
    return Marker(
        day=int(m["day"]),
        date=str(m["date"]),
        precision=str(m["date_precision"]),
        event=event,
        org=str(m["org"]),
        country=str(m["country"] or ""),
        label=label,
        row=row,
    )


# -- time axis --------------------------------------------------------------------------------

_YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 500)
_MONTH_STEPS = (1, 2, 3, 6)
_DAY_STEPS = (1, 2, 7, 14)


def ticks(start: int, end: int, room: float, label_room: float) -> list[tuple[int, str]]:
    """Tick days and labels for the axis ``[start, end)``: years where at least three fit,
    else months, else days, each at the finest step whose labels fit with a gap of one
    character. ``room`` is the axis length and ``label_room`` the length of one character of a
    label, in one unit (columns, or inches)."""
    span = max(end - start, 1)
    per_day = room / span
    for unit, steps, days, width in (
        ("year", _YEAR_STEPS, 365.25, 4),
        ("month", _MONTH_STEPS, 30.44, 7),
        ("day", _DAY_STEPS, 1.0, 10),
    ):
        for step in steps:
            if step * days * per_day < (width + 1) * label_room:
                continue
            out = _tick_days(start, end, unit, step)
            if len(out) >= 3 or unit == "day" or step != steps[0]:
                return out
            break
    return _tick_days(start, end, "day", _DAY_STEPS[-1])


def _tick_days(start: int, end: int, unit: str, step: int) -> list[tuple[int, str]]:
    first = _dt.date.fromordinal(start)
    out: list[tuple[int, str]] = []
    if unit == "year":
        y = first.year + (-first.year) % step
        if _dt.date(y, 1, 1).toordinal() < start:
            y += step
        while y <= _dt.MAXYEAR and (d := _dt.date(y, 1, 1).toordinal()) < end:
            out.append((d, str(y)))
            y += step
    elif unit == "month":
        m = first.year * 12 + first.month - 1
        m += (-m) % step
        while True:
            date = _dt.date(m // 12, m % 12 + 1, 1)
            d = date.toordinal()
            if d >= end:
                break
            if d >= start:
                out.append((d, date.strftime("%Y-%m")))
            m += step
    else:
        d = start
        while d < end:
            out.append((d, _dt.date.fromordinal(d).isoformat()))
            d += step
    return out
