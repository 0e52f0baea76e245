"""One bad file per validation rule, with its expected message and place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from alliances.loading import load_data
from tests.conftest import COUNTRIES, MINI, TODAY, org_file

Write = Callable[[str, str], Path]


def issues_for(write: Write, body: str, *, raw: bool = False) -> list[str]:
    c = write("countries.yaml", COUNTRIES)
    m = write("orgs.yaml", body if raw else org_file(body))
    _, issues = load_data([str(c), str(m)], today=TODAY)
    return [str(i).replace(str(m), "orgs.yaml").replace(str(c), "countries.yaml") for i in issues]


def one_org(*events: str, head: str = "") -> str:
    lines = "\n".join(f"    - {e}" for e in events)
    return (
        "- id: X\n  name: Example\n  kind: security\n" + head + "  events:\n"
        "    - {date: 1950-01-01, event: founded, sources: [s]}\n" + lines + "\n"
    )


def test_the_mini_dataset_is_valid(write: Write) -> None:
    assert issues_for(write, MINI, raw=True) == []


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        (
            ["{date: 2012-02-30, country: ARM, event: joined, sources: [s]}"],
            "orgs.yaml:10:16: X/ARM: 'date': '2012-02-30' is not a date: "
            "February 2012 has 29 days",
        ),
        (
            ["{date: 1993-01-01, country: ARM, event: left, sources: [s]}"],
            "orgs.yaml:10:49: X/ARM: 'left' but ARM has no status in X on 1993-01-01: "
            "it never joined",
        ),
        (
            [
                "{date: 1993-01-01, country: ARM, event: joined, sources: [s]}",
                "{date: 1994-01-01, country: ARM, event: joined, sources: [s]}",
            ],
            "orgs.yaml:11:49: X/ARM: joined twice: ARM is already a member of X "
            "(since 1993-01-01, line 10)",
        ),
        (
            [
                "{date: 1994-01-01, country: ARM, event: joined, sources: [s]}",
                "{date: 1993-01-01, country: RUS, event: joined, sources: [s]}",
            ],
            "orgs.yaml:11:16: X/RUS: out of order: 1993-01-01 comes after 1994-01-01 (line 10); "
            "keep each organisation's events in date order",
        ),
        (
            ["{date: 1993-01-01, country: XYZ, event: joined, sources: [s]}"],
            "orgs.yaml:10:37: X/XYZ: unknown country 'XYZ'",
        ),
        (
            ["{date: 1993-01-01, country: ARM, event: joined}"],
            "orgs.yaml:10:9: X/ARM: no source: every event needs at least one source",
        ),
        (
            ["{date: 1993-01-01, country: ARM, event: joined, sources: []}"],
            "orgs.yaml:10:66: X/ARM: no source: every event needs at least one source",
        ),
        (
            ["{date: 1993-01-01, country: ARM, event: enlisted, sources: [s]}"],
            "orgs.yaml:10:49: X/ARM: unknown event 'enlisted'",
        ),
        (
            ["{date: 1993-01-01, country: ARM, event: joined, sources: [s], colour: red}"],
            "orgs.yaml:10:71: X/ARM: unknown key 'colour' in an event",
        ),
        (
            ["{date: 1993-01-01, country: ARM, event: joined, sources: [nope]}"],
            "orgs.yaml:10:67: X/ARM: unknown source id 'nope'",
        ),
        (
            ["{date: 1990-01-01, country: ARM, event: joined, sources: [s]}"],
            "orgs.yaml:10:16: X/ARM: ARM did not exist yet on 1990-01-01 "
            "(it exists from 1991-09-21)",
        ),
        (
            ["{date: 1993-01-01, country: SUN, event: joined, sources: [s]}"],
            "orgs.yaml:10:16: X/SUN: SUN no longer existed on 1993-01-01 (it ended on 1991-12-26)",
        ),
        (
            ["{date: 2030-01-01, country: ARM, event: joined, sources: [s]}"],
            "orgs.yaml:10:16: X/ARM: 2030-01-01 is in the future: mark the event "
            "'scheduled: true' if it is set for that day",
        ),
        (
            [
                "{date: 1993-01-01, event: dissolved, sources: [s]}",
                "{date: 1993-01-01, country: ARM, event: joined, sources: [s]}",
            ],
            "orgs.yaml:11:9: X/ARM: after the organisation was dissolved (1993-01-01)",
        ),
        (
            [
                "{date: 1993-01-01, country: ARM, event: joined, sources: [s]}",
                "{date: 1993-01-01, country: ARM, event: joined, sources: [s]}",
            ],
            "orgs.yaml:11:9: X/ARM: duplicate event: the same 'joined' on 1993-01-01 is at line 10",
        ),
        (
            ["{date: 1993-01-01, country: ARM, event: resumed, sources: [s]}"],
            "orgs.yaml:10:49: X/ARM: 'resumed' but ARM has no status",
        ),
        (
            [
                "{date: 1993-01-01, country: ARM, event: joined, sources: [s]}",
                "{date: 1994-01-01, country: ARM, event: reinstated, sources: [s]}",
            ],
            "orgs.yaml:11:49: X/ARM: 'reinstated' cannot follow status 'member' "
            "(since 1993-01-01, line 10)",
        ),
        (
            ["{date: 1993-01-01, event: renamed, sources: [s]}"],
            "orgs.yaml:10:9: X: a 'renamed' event needs the new 'name'",
        ),
        (
            ["{date: 1993-01-01, country: ARM, event: founded, sources: [s]}"],
            "orgs.yaml:10:37: X/ARM: 'founded' is an organisation event: it has no country",
        ),
        (
            ["{date: 1993-01-01, event: joined, sources: [s]}"],
            "orgs.yaml:10:9: X: 'joined' needs a 'country'",
        ),
        (
            ["{date: 1993-01-01, country: RUS, event: succeeded, predecessor: SUN, sources: [s]}"],
            "orgs.yaml:10:73: X/RUS: SUN has no status in X on 1993-01-01 to pass on",
        ),
        (
            ["{date: 1993-01-01, country: RUS, event: joined, announced: 1994-01-01, "
             "sources: [s]}"],
            "orgs.yaml:10:68: X/RUS: announced 1994-01-01 is after the date 1993-01-01",
        ),
        (
            ["{date: 1993-01-01, country: RUS, event: joined, sources: [{title: T, url: x}]}"],
            "orgs.yaml:10:67: X/RUS: 'publisher' is required",
        ),
        (
            ["{date: 1993-01-01, country: RUS, event: joined, sources: "
             "[{title: T, publisher: P, date: 2020, url: 'ftp://x'}]}"],
            "orgs.yaml:10:109: X/RUS: 'url' must be an http(s) address, not 'ftp://x'",
        ),
        (
            ["{date: 1993-01-01, country: RUS, event: joined, sources: "
             "[{title: T, publisher: P, url: 'https://x.org'}]}"],
            "orgs.yaml:10:67: X/RUS: a source needs its 'date' (or 'accessed' for an undated page)",
        ),
    ],
)
def test_rule(write: Write, events: list[str], expected: str) -> None:
    got = issues_for(write, one_org(*events))
    assert any(i.startswith(expected) for i in got), got


def test_events_outside_founding(write: Write) -> None:
    body = (
        "- id: X\n  name: Example\n  kind: security\n  events:\n"
        "    - {date: 1993-01-01, country: ARM, event: joined, sources: [s]}\n"
    )
    assert issues_for(write, body) == [
        "orgs.yaml:9:9: X/ARM: the first event must be 'founded', not 'joined'",
    ]


def test_organisation_keys(write: Write) -> None:
    body = "- id: 'not an id'\n  name: N\n  kind: bloc\n  events: []\n"
    got = issues_for(write, body)
    assert got[0].startswith("orgs.yaml:5:9: not an id: organisation id 'not an id' must start")


def test_unknown_kind(write: Write) -> None:
    body = one_org(head="").replace("kind: security", "kind: bloc")
    assert issues_for(write, body)[0].startswith("orgs.yaml:7:11: X: unknown kind 'bloc'")


def test_all_errors_are_reported_not_only_the_first(write: Write) -> None:
    got = issues_for(
        write,
        one_org(
            "{date: 2012-02-30, country: ARM, event: joined, sources: [s]}",
            "{date: 1993-01-01, country: XYZ, event: joined, sources: [s]}",
            "{date: 1994-01-01, country: ARM, event: left, sources: [s]}",
        ),
    )
    assert len(got) == 3


def test_top_level_shape(write: Write) -> None:
    assert issues_for(write, "- a\n- b\n", raw=True) == [
        "orgs.yaml:1:1: the file must be a mapping with 'schema: 1' at the top, not a list"
    ]
    got = issues_for(write, "organisations: []\n", raw=True)
    assert got == ["orgs.yaml:1:1: 'schema: 1' is missing at the top of the file"]
    got = issues_for(write, "schema: 2\norganisations: []\n", raw=True)
    assert got == ["orgs.yaml:1:9: schema '2' is not supported (this version reads schema 1)"]


def test_conflicting_definitions_across_files(write: Write) -> None:
    c = write("countries.yaml", COUNTRIES)
    other = write("other.yaml", COUNTRIES.replace("name: Armenia", "name: Armenia SSR"))
    same = write("same.yaml", COUNTRIES)
    _, issues = load_data([str(c), str(same)], today=TODAY)
    assert issues == []
    _, issues = load_data([str(c), str(other)], today=TODAY)
    assert [i.message for i in issues] == [
        f"country ARM is defined again, differently (first at {c}:3)"
    ]


def test_future_event_allowed_when_scheduled(write: Write) -> None:
    got = issues_for(
        write,
        one_org("{date: 2030-01-01, country: ARM, event: joined, scheduled: true, sources: [s]}"),
    )
    assert got == []
    assert dt.date(2030, 1, 1) > TODAY
