"""Property tests on random event histories (Hypothesis).

Valid histories are generated in memory as YAML text: a few countries with existence windows,
a few organisations whose events follow the transition table of ``alliances.vocab`` in date
order, with dates known to the day, the month or the year. For each one:

- the data is valid (the generator is right, and the validator accepts what the rules allow);
- the spells of each (organisation, country) are ordered and never overlap, and start and end
  on events (or on the country's end or the organisation's dissolution);
- a query on any day agrees with a replay of the events written in this file (two replays:
  a plain one, "the last event on or before the day", on days clear of any partial date's
  window; and one that also follows the uncertainty windows, on every day).

Invalid histories are valid ones with one mutation (two events swapped, the founding dropped,
a join duplicated, a date broken): validation must reject each with an error located in the
file (line > 0), at or near the mutation.

The default run tries 100 histories per test; the nightly profile 10,000 (see
tests/hypothesis_profiles.py and docs/reliability.md).
"""

from __future__ import annotations

import datetime as dt
import itertools
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from alliances import vocab, yamlfile
from alliances.dataset import Dataset
from alliances.dates import PartialDate, parse_date
from alliances.loading import load_data
from alliances.model import build

TODAY = dt.date(2026, 11, 26)
LO = dt.date(1900, 1, 1).toordinal()
HI = dt.date(2025, 12, 31).toordinal()
OPEN = dt.date.max.toordinal() + 1
CODES = ("AAA", "BBB", "CCC", "DDD", "EEE")
NAME = "history.yaml"
NONE = vocab.NONE


def text_of(day: int, precision: str) -> str:
    d = dt.date.fromordinal(day)
    return {"day": d.isoformat(), "month": f"{d.year:04d}-{d.month:02d}", "year": f"{d.year:04d}"}[
        precision
    ]


@dataclass
class Ev:
    date: PartialDate
    kind: str
    country: str | None = None
    predecessor: str | None = None
    name: str | None = None
    announced: PartialDate | None = None
    line: int = 0

    def yaml(self) -> str:
        parts = [f"date: {self.date.text}"]
        if self.country:
            parts.append(f"country: {self.country}")
        parts.append(f"event: {self.kind}")
        if self.predecessor:
            parts.append(f"predecessor: {self.predecessor}")
        if self.name:
            parts.append(f"name: {self.name}")
        if self.announced:
            parts.append(f"announced: {self.announced.text}")
        parts.append("sources: [s]")
        return "{" + ", ".join(parts) + "}"


@dataclass
class Org:
    id: str
    events: list[Ev] = field(default_factory=list)
    dissolved: PartialDate | None = None


@dataclass
class Country:
    code: str
    start: PartialDate | None
    end: PartialDate | None


@dataclass
class History:
    countries: dict[str, Country]
    orgs: list[Org]
    lines: list[str] = field(default_factory=list)

    def render(self) -> str:
        lines = [*self.render_countries().rstrip("\n").split("\n"), "organisations:"]
        return self._orgs(lines)

    def render_countries(self) -> str:
        lines = [
            "schema: 1",
            "sources:",
            "  - {id: s, title: S, publisher: P, date: 2000-01-01, url: 'https://example.org/s'}",
            "countries:",
        ]
        for c in self.countries.values():
            extra = "".join(f", {k}: {v.text}" for k, v in (("start", c.start), ("end", c.end))
                            if v is not None)
            lines.append(f"  - {{code: {c.code}, name: Country {c.code}{extra}}}")
        return "\n".join(lines) + "\n"

    def render_organisations(self) -> str:
        """The organisations alone, in a file of their own (the shape the two-core reader
        splits)."""
        return self._orgs([
            "schema: 1",
            "sources:",
            "  - {id: s, title: S, publisher: P, date: 2000-01-01, url: 'https://example.org/s'}",
            "organisations:",
        ])

    def _orgs(self, lines: list[str]) -> str:
        for o in self.orgs:
            lines += [f"  - id: {o.id}", f"    name: Organisation {o.id}", "    kind: security",
                      "    events:"]
            for e in o.events:
                lines.append("      - " + e.yaml())
                e.line = len(lines)
        self.lines = lines
        return "\n".join(lines) + "\n"


def exists(c: Country, d: PartialDate) -> bool:
    """The validator's rule: the date's window must reach into the country's existence."""
    if c.start is not None and d.last <= c.start.first:
        return False
    return not (c.end is not None and d.first >= c.end.first)


# -- generators ---------------------------------------------------------------------------------
precisions = st.sampled_from(("day", "day", "day", "month", "year"))


@st.composite
def partial_dates(draw: st.DrawFn, lo: int, hi: int) -> PartialDate:
    """A date whose window starts on or after ``lo`` (its first day orders it)."""
    day = draw(st.integers(lo, hi))
    p = parse_date(text_of(day, draw(precisions)))
    return p if p.first >= lo else parse_date(text_of(day, "day"))


@st.composite
def histories(draw: st.DrawFn) -> History:
    countries: dict[str, Country] = {}
    for code in CODES[: draw(st.integers(1, len(CODES)))]:
        start = draw(st.none() | partial_dates(LO, HI - 400))
        end = None
        if draw(st.booleans()):
            end = draw(partial_dates((start.last if start else LO) + 1, HI))
            if start is not None and end.first <= start.first:
                end = None
        countries[code] = Country(code, start, end)
    orgs = []
    for k in range(draw(st.integers(1, 3))):
        orgs.append(draw(org_histories(f"O{k + 1}", countries)))
    return History(countries, orgs)


@st.composite
def org_histories(draw: st.DrawFn, oid: str, countries: dict[str, Country]) -> Org:
    founded = draw(partial_dates(LO, HI - 3000))
    org = Org(oid, [Ev(founded, "founded")])
    status = dict.fromkeys(countries, NONE)
    used = {(None, "founded", founded.text)}
    cur = founded.first
    for _ in range(draw(st.integers(0, 25))):
        gap = draw(st.sampled_from((0, 1, 30, 200, 1000, 4000)))
        day = min(HI, cur + draw(st.integers(0, gap)))
        d = draw(partial_dates(cur, day)) if day > cur else parse_date(text_of(cur, "day"))
        if draw(st.integers(0, 9)) == 0:  # an organisation event
            kind = draw(st.sampled_from(("renamed", "milestone")))
            ev = Ev(d, kind, name=f"Organisation {oid} ({d.text})" if kind == "renamed" else None)
        else:
            here = [c for c in countries.values() if exists(c, d)]
            if not here:
                continue
            c = draw(st.sampled_from(here))
            kinds = [k for k, (_, before) in vocab.COUNTRY_EVENTS.items()
                     if status[c.code] in before and k != "succeeded"]
            holders = [p for p, s in status.items() if s != NONE and p != c.code]
            if status[c.code] == NONE and holders:
                kinds.append("succeeded")
            kind = draw(st.sampled_from(sorted(kinds)))
            ev = Ev(d, kind, country=c.code)
            if kind == "succeeded":
                ev.predecessor = draw(st.sampled_from(sorted(holders)))
            if draw(st.integers(0, 4)) == 0:
                ev.announced = parse_date(text_of(max(LO, d.first - draw(st.integers(0, 90))),
                                                  "day"))
        key = (ev.country, ev.kind, ev.date.text)
        if key in used:
            continue
        used.add(key)
        if ev.country is not None:
            after = vocab.COUNTRY_EVENTS[ev.kind][0]
            if after is not None:
                status[ev.country] = after
            if ev.predecessor is not None:
                status[ev.predecessor] = NONE
        org.events.append(ev)
        cur = ev.date.first
    if draw(st.booleans()):
        d = draw(partial_dates(cur, min(HI, cur + 2000)))
        if (None, "dissolved", d.text) not in used:
            org.events.append(Ev(d, "dissolved"))
            org.dissolved = d
    return org


def load(text: str) -> tuple[Any, list[Any]]:
    return build([(NAME, yamlfile.parse(NAME, text))], TODAY)


# -- replays (the oracles) -----------------------------------------------------------------------
def transitions(org: Org) -> dict[str, list[tuple[PartialDate, str]]]:
    """Each country's status changes in one organisation, in the order written."""
    out: dict[str, list[tuple[PartialDate, str]]] = {}
    for e in org.events:
        if e.country is None:
            continue
        if e.predecessor is not None:
            out.setdefault(e.predecessor, []).append((e.date, NONE))
        after = vocab.COUNTRY_EVENTS[e.kind][0]
        if after is not None:
            out.setdefault(e.country, []).append((e.date, after))
    return out


def plain_replay(h: History, org: Org, code: str, q: int) -> str:
    """The status the last event on or before day q set (a partial date counts from its first
    day); none after the country ended or the organisation dissolved."""
    status = NONE
    for date, s in transitions(org).get(code, []):
        if date.first <= q:
            status = s
    ends = [x for x in (h.countries[code].end, org.dissolved) if x is not None]
    if any(x.first <= q for x in ends):
        status = NONE
    return status


def windows(h: History, org: Org, code: str) -> list[PartialDate]:
    dates = [d for d, _ in transitions(org).get(code, [])]
    dates += [x for x in (h.countries[code].end, org.dissolved) if x is not None]
    return [d for d in dates if d.precision != "day"]


def window_replay(h: History, org: Org, code: str, q: int) -> tuple[str, bool] | None:
    """(status, uncertain) on day q, following docs/data-format.md: a status holds from its
    event to the next one of the same country (or the country's end, or the dissolution); it
    may hold on q from its start's first day to its end's last (a day-precise end: its day);
    the latest to start of those that may hold is the answer, uncertain when q falls in the
    window of any of their partial boundaries."""
    seq = transitions(org).get(code, [])
    possible: list[tuple[int, int, str, bool]] = []
    for i, (start, status) in enumerate(seq):
        if status == NONE:
            continue
        end = seq[i + 1][0] if i + 1 < len(seq) else None
        for clip in (h.countries[code].end, org.dissolved):
            if clip is not None and (end is None or clip.first < end.first):
                end = clip
        if end is not None and start.first >= end.last:
            continue
        hi = OPEN if end is None else (end.first if end.precision == "day" else end.last)
        if start.first <= q < hi:
            unsure = (start.precision != "day" and q < start.last) or (
                end is not None and end.precision != "day" and q >= end.first
            )
            possible.append((start.first, i, status, unsure))
    if not possible:
        return None
    best = max(possible)
    return best[2], any(p[3] for p in possible)


# -- valid histories -----------------------------------------------------------------------------
@given(histories())
def test_valid_histories_are_valid_and_their_spells_are_sound(h: History) -> None:
    text = h.render()
    data, issues = load(text)
    assert [str(i) for i in issues] == [], text
    ds = Dataset(data, today=TODAY)
    spells = ds.spells
    assert list(spells[["org", "start_day"]].itertuples(index=False)) == sorted(
        spells[["org", "start_day"]].itertuples(index=False)
    )
    for (oid, code), group in spells.groupby(["org", "country"], sort=False):
        rows = group.sort_values("start_day", kind="stable").to_dict("records")
        for a, b in itertools.pairwise(rows):
            assert a["end_day"] <= b["start_day"], (oid, code, a, b)  # never overlap
        for r in rows:
            assert r["start_day"] <= r["end_day"]
            start_date = parse_date(r["start"])  # the day columns say what the text says
            assert (r["start_day"], r["start_last"], r["start_precision"]) == (
                start_date.first, start_date.last, start_date.precision)
            assert r["lo"] == r["start_day"]
            if not pd.isna(r["end"]):
                end_date = parse_date(r["end"])
                assert (r["end_day"], r["end_last"], r["end_precision"]) == (
                    end_date.first, end_date.last, end_date.precision)
                assert r["hi"] == (end_date.first if end_date.precision == "day"
                                   else end_date.last)
            else:
                assert r["hi"] == OPEN
            start = data.events[int(r["start_event"])]  # starts on an event of its own
            assert (start.org, start.country, start.date.text) == (oid, code, r["start"])
            if int(r["end_event"]) >= 0:  # ends on an event: its own, or its successor's
                end = data.events[int(r["end_event"])]
                assert end.org == oid and code in (end.country, end.predecessor)
                assert end.date.text == r["end"]
            elif r["end_kind"] == "ceased":
                assert r["end"] == data.countries[code].end.text
            elif r["end_kind"] == "dissolved":
                assert r["end"] == data.organisations[oid].dissolved.text
            else:
                assert pd.isna(r["end"]) and r["end_day"] == OPEN
        assert sum(pd.isna(r["end"]) for r in rows) <= 1
        if any(pd.isna(r["end"]) for r in rows):
            assert pd.isna(rows[-1]["end"])


@given(histories(), st.lists(st.integers(LO, HI), min_size=1, max_size=8))
def test_a_query_on_any_day_agrees_with_a_replay_of_the_events(
    h: History, extra_days: list[int]
) -> None:
    text = h.render()
    data, issues = load(text)
    assert issues == []
    ds = Dataset(data, today=TODAY)
    for org in h.orgs:
        edges: set[int] = set(extra_days)
        for seq in transitions(org).values():
            for d, _ in seq:
                edges |= {d.first - 1, d.first, d.last - 1, d.last}
        for x in (org.dissolved, *(c.end for c in h.countries.values())):
            if x is not None:
                edges |= {x.first - 1, x.first, x.last}
        for q in sorted(e for e in edges if LO <= e <= HI)[:40]:
            day = dt.date.fromordinal(q).isoformat()
            got = {
                r["country"]: (r["status"], bool(r["uncertain"]))
                for r in ds.members(org.id, on=day, status="all").to_dict("records")
            }
            for code in h.countries:
                want = window_replay(h, org, code, q)
                assert got.get(code) == want, (org.id, code, day, text)
                if not any(w.first <= q < w.last for w in windows(h, org, code)):
                    plain = plain_replay(h, org, code, q)
                    assert got.get(code) == (None if plain == NONE else (plain, False))


# A fork per example: a third of the profile's examples (33 by default, 3,333 nightly).
@settings(max_examples=max(20, settings.default.max_examples // 3))
@given(histories())
def test_the_two_core_reader_gives_the_same_dataset(h: History) -> None:
    """Large files are read on two cores, split between organisations
    (alliances/parallel.py); whatever it returns must be what the one-core path builds."""
    from alliances import parallel, store

    with tempfile.TemporaryDirectory() as tmp:
        countries, orgs = Path(tmp, "countries.yaml"), Path(tmp, "orgs.yaml")
        countries.write_text(h.render_countries(), encoding="utf-8")
        orgs.write_text(h.render_organisations(), encoding="utf-8")
        paths = [str(countries), str(orgs)]
        with mock.patch.object(parallel, "MIN_BYTES", 0):
            two = parallel.try_load(paths, TODAY)
        data, issues = load_data(paths, today=TODAY)
    assert issues == []
    if two is None:  # it may step aside (one organisation, a reference across halves ...)
        return
    one = Dataset(store=store.from_data(data), today=TODAY)
    got = Dataset(store=two, today=TODAY)
    pd.testing.assert_frame_equal(got.spells, one.spells)
    pd.testing.assert_frame_equal(got.events, one.events)


# -- invalid histories ---------------------------------------------------------------------------
def _located(text: str, near: set[int]) -> None:
    try:
        _, issues = load(text)
    except Exception as e:  # a file-level DataError would do too, if located
        issues = getattr(e, "issues", None)
        assert issues, f"not a clear error: {e!r}"
    assert issues, "the mutated history was accepted:\n" + text
    assert all(i.path == NAME and i.line > 0 for i in issues), issues
    assert any(i.line in near for i in issues), (near, [str(i) for i in issues], text)


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, set[int]]:
    h = draw(histories())
    text = h.render()
    lines = text.split("\n")
    org = draw(st.sampled_from(h.orgs))
    events = org.events
    how = draw(st.sampled_from(("swap", "drop-founding", "duplicate-join", "break-date")))
    if how == "swap":
        pairs = [(i, j) for i in range(len(events)) for j in range(i + 1, len(events))
                 if events[i].date.first < events[j].date.first]
        if not pairs:
            how = "drop-founding" if len(events) > 1 else "break-date"
        else:
            i, j = draw(st.sampled_from(pairs))
            a, b = events[i].line - 1, events[j].line - 1
            lines[a], lines[b] = lines[b], lines[a]
            return "\n".join(lines), set(range(a + 1, b + 2))
    if how == "duplicate-join":
        joins = [e for e in events if e.kind == "joined"]
        if not joins:
            how = "break-date"
        else:
            e = draw(st.sampled_from(joins))
            lines.insert(e.line, lines[e.line - 1])
            return "\n".join(lines), {e.line + 1}
    if how == "drop-founding":
        if len(events) < 2:
            how = "break-date"
        else:
            del lines[events[0].line - 1]
            return "\n".join(lines), {events[0].line - 1, events[0].line}
    e = draw(st.sampled_from(events))
    year = e.date.text[:4]
    bad = draw(st.sampled_from((f"{year}-02-30", f"{year}-13", f"{year}-04-31", f"{year}-00",
                                "12/06/2012", "2012-6-31")))
    lines[e.line - 1] = lines[e.line - 1].replace(f"date: {e.date.text}", f"date: {bad}", 1)
    return "\n".join(lines), {e.line}


@given(mutations())
def test_a_mutated_history_is_rejected_with_a_located_error(case: tuple[str, set[int]]) -> None:
    text, near = case
    _located(text, near)
