from __future__ import annotations

import datetime as dt

import pytest

from alliances.dates import parse_date
from alliances.errors import DateError


@pytest.mark.parametrize(
    ("text", "precision", "first", "last"),
    [
        ("2012-06-29", "day", dt.date(2012, 6, 29), dt.date(2012, 6, 30)),
        ("2012-06", "month", dt.date(2012, 6, 1), dt.date(2012, 7, 1)),
        ("2012-02", "month", dt.date(2012, 2, 1), dt.date(2012, 3, 1)),
        ("1999", "year", dt.date(1999, 1, 1), dt.date(2000, 1, 1)),
        (1999, "year", dt.date(1999, 1, 1), dt.date(2000, 1, 1)),
        ("2020-1-5", "day", dt.date(2020, 1, 5), dt.date(2020, 1, 6)),
    ],
)
def test_precision_and_window(text: object, precision: str, first: dt.date, last: dt.date) -> None:
    d = parse_date(text)
    assert d.precision == precision
    assert d.first == first.toordinal()
    assert d.last == last.toordinal()


def test_text_is_normalised() -> None:
    assert str(parse_date("2020-1-5")) == "2020-01-05"
    assert str(parse_date(dt.date(2020, 1, 5))) == "2020-01-05"


def test_today() -> None:
    assert str(parse_date("today", today=dt.date(2026, 11, 26))) == "2026-11-26"
    with pytest.raises(DateError):
        parse_date("today")  # only a query date may be 'today'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2012-02-30", "February 2012 has 29 days"),
        ("2013-02-29", "February 2013 has 28 days"),
        ("2012-13", "month 13 is out of range"),
        ("2012-00-10", "month 0 is out of range"),
        ("12/06/2012", "write YYYY-MM-DD, YYYY-MM or YYYY"),
        ("29 June 2012", "write YYYY-MM-DD"),
        ("", "write YYYY-MM-DD"),
        ("0000", "year 0 does not exist"),
    ],
)
def test_bad_dates_say_why(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        parse_date(text)


def test_partial_dates_order_by_first_day() -> None:
    assert parse_date("2012-06") < parse_date("2012-06-02")
    assert parse_date("2012") < parse_date("2012-01-02")
