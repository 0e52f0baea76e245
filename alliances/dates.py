"""Partial dates: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, with their precision kept.

A partial date orders as its first day; its *window* is the whole month or year it names. Days
are handled as proleptic Gregorian ordinals (``datetime.date.toordinal``) so that the query layer
can compare whole columns of them as integers.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import re
from dataclasses import dataclass
from typing import Literal

from alliances.errors import DateError

Precision = Literal["day", "month", "year"]

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to the day, the month or the year."""

    first: int  # ordinal of the first day of the window
    last: int  # ordinal of the first day after the window (exclusive)
    text: str
    precision: Precision

    @property
    def first_date(self) -> _dt.date:
        return _dt.date.fromordinal(self.first)

    @property
    def is_exact(self) -> bool:
        return self.precision == "day"

    def __str__(self) -> str:
        return self.text


def _window(year: int, month: int | None, day: int | None) -> tuple[int, int, Precision]:
    if day is not None and month is not None:
        d = _dt.date(year, month, day).toordinal()
        return d, d + 1, "day"
    if month is not None:
        first = _dt.date(year, month, 1).toordinal()
        return first, first + calendar.monthrange(year, month)[1], "month"
    # Year 9999 has no following 1 January in datetime: count from its last day instead.
    return _dt.date(year, 1, 1).toordinal(), _dt.date(year, 12, 31).toordinal() + 1, "year"


def parse_date(value: object, *, today: _dt.date | None = None) -> PartialDate:
    """Parse ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` (or ``today`` when ``today`` is given).

    Raises :class:`DateError` with a message that says what is wrong.
    """
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return _window_date(value.year, value.month, value.day)
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise DateError(f"{value!r} is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")
    text = str(value).strip()
    if today is not None and text.lower() == "today":
        return _window_date(today.year, today.month, today.day)
    return parse_text(text)


@functools.lru_cache(maxsize=1 << 16)
def parse_text(text: str) -> PartialDate:
    """Parse the text of a date (no ``today``); raise :class:`DateError`. Cached: data files
    repeat the same dates many times, and a PartialDate is immutable, so it is shared."""
    m = _DATE_RE.match(text)
    if not m:
        raise DateError(f"'{text}' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if year < 1:
        raise DateError(f"'{text}' is not a date: year 0 does not exist")
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"'{text}' is not a date: month {month} is out of range (1-12)")
    if day is not None and month is not None:
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            raise DateError(
                f"'{text}' is not a date: {calendar.month_name[month]} {year} has {days} days"
            )
    return _window_date(year, month, day)


def _window_date(year: int, month: int | None, day: int | None) -> PartialDate:
    first, last, precision = _window(year, month, day)
    if precision == "day":
        text = f"{year:04d}-{month:02d}-{day:02d}"
    elif precision == "month":
        text = f"{year:04d}-{month:02d}"
    else:
        text = f"{year:04d}"
    return PartialDate(first, last, text, precision)


def iso(ordinal: int) -> str:
    """The ISO text of a day given as an ordinal."""
    return _dt.date.fromordinal(ordinal).isoformat()


def today() -> _dt.date:
    """Today's date (a seam for tests)."""
    return _dt.date.today()
