"""The query layer: a loaded, checked dataset and the questions it answers, as DataFrames."""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np

from alliances import dates, vocab
from alliances._lazy import LazyModule
from alliances.errors import AmbiguousName, UsageError
from alliances.loading import data_paths, load_data
from alliances.model import Data, Organisation
from alliances.names import Index
from alliances.spells import SPELL_COLUMNS
from alliances.store import (
    KIND,
    OPEN,
    PRECISION,
    STATUS,
    Store,
    day_text,
    from_data,
)
from alliances.table import Table

if TYPE_CHECKING:
    import pandas as pd
else:
    pd = LazyModule("pandas")  # pandas is imported by the first query that builds a frame

DateLike = str | int | _dt.date | dates.PartialDate

EVENT_COLUMNS = [
    "date",
    "date_precision",
    "org",
    "country",
    "event",
    "status",
    "announced",
    "note",
    "sources",
]


def load(
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str] | None = None,
    *,
    bundled: bool | None = None,
    today: _dt.date | None = None,
) -> Dataset:
    """Load the bundled data (unless ``bundled=False``) and ``paths``; raise
    :class:`~alliances.errors.DataError` listing every problem if the data is invalid."""
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    from alliances.cache import load_store

    files = data_paths(paths, bundled=bundled)
    if not files:
        load_data(files)  # raises the "no data files" error
    day = today or dates.today()
    return Dataset(store=load_store(files, day), today=today)


def parse_day(value: DateLike, *, today: _dt.date | None = None) -> dates.PartialDate:
    """A query date: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``today`` or a ``datetime.date``."""
    if isinstance(value, dates.PartialDate):
        return value
    return dates.parse_date(value, today=today or dates.today())


def parse_statuses(status: str | Iterable[str] | None) -> tuple[str, ...]:
    """``None`` -> the default member statuses; ``"all"`` -> every status; else a checked list
    (a comma-separated string or an iterable)."""
    if status is None:
        return vocab.DEFAULT_MEMBER_STATUSES
    items = status.split(",") if isinstance(status, str) else list(status)
    out: list[str] = []
    for item in items:
        for part in str(item).split(","):
            word = part.strip().lower()
            if not word:
                continue
            if word == "all":
                return vocab.STATUSES
            if word == "members":
                out.extend(vocab.DEFAULT_MEMBER_STATUSES)
                continue
            if word not in vocab.STATUSES:
                raise UsageError(
                    f"unknown status '{part.strip()}' (known: all, members, "
                    f"{', '.join(vocab.STATUSES)})"
                )
            out.append(word)
    if not out:
        raise UsageError("no status given")
    return tuple(dict.fromkeys(out))


def _spell_sources(store: Store, start: int, end: int) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    for i in (start, end):
        if i < 0:
            continue
        for src in store.event_sources(i):
            if src["url"] not in seen:
                seen.add(src["url"])
                out.append(src)
    return out


class Dataset:
    """Organisations, countries, events and spells, and the queries on them.

    Built from checked records (``Dataset(data)``) or from their columnar form
    (``Dataset(store=...)``, what the cache gives back); the records are rebuilt from the
    columns only if ``.data`` is asked for.
    """

    def __init__(
        self,
        data: Data | None = None,
        *,
        store: Store | None = None,
        today: _dt.date | None = None,
    ) -> None:
        if data is None and store is None:
            raise ValueError("Dataset needs data or a store")
        self._data = data
        self.store = store if store is not None else from_data(data)  # type: ignore[arg-type]
        self.today = today or dates.today()

    @property
    def data(self) -> Data:
        """The checked records (organisations, countries, events, transitions)."""
        if self._data is None:
            self._data = self.store.data()
        return self._data

    # -- names --------------------------------------------------------------------------
    @cached_property
    def org_index(self) -> Index:
        orgs = self.store.organisations
        return Index(
            "organisation",
            lambda: (
                (o.id, o.name, [*o.aliases, *(n for _, n in o.names)]) for o in orgs.values()
            ),
            codes=self.store.org_ids,
        )

    @cached_property
    def country_index(self) -> Index:
        countries = self.store.countries
        return Index(
            "country",
            lambda: (
                (c.code, c.name, [*(x for x in (c.official_name, c.alpha2) if x), *c.aliases])
                for c in countries.values()
            ),
            codes=self.store.country_ids,
        )

    def resolve_org(self, name: str) -> str:
        """The id of an organisation given by id, name or alias (any case, any accents)."""
        return self.org_index.lookup(name)

    def resolve_country(self, name: str) -> str:
        """The code of a country given by code, ISO alpha-2, name or alias."""
        return self.country_index.lookup(name)

    def organisation(self, name: str) -> Organisation:
        return self.store.organisations[self.resolve_org(name)]

    # -- frames -------------------------------------------------------------------------
    def _spell_table(self, rows: np.ndarray, uncertain: np.ndarray | None = None) -> Table:
        """The spells at ``rows`` (indices into the store), the contract columns, no pandas."""
        st = self.store
        sp = st.sp
        start_day = sp["start_day"][rows].tolist()
        start_prec = sp["start_prec"][rows].tolist()
        end_day = sp["end_day"][rows].tolist()
        end_prec = sp["end_prec"][rows].tolist()
        start_event = sp["start_event"][rows].tolist()
        end_event = sp["end_event"][rows].tolist()
        country = sp["country"][rows].tolist()
        names = st.country_names
        n = len(start_day)
        unsure = [False] * n if uncertain is None else [bool(x) for x in uncertain]
        return Table(SPELL_COLUMNS, {
            "org": [st.org_ids[i] for i in sp["org"][rows].tolist()],
            "country": [st.country_ids[i] for i in country],
            "country_name": [names[i] for i in country],
            "status": [STATUS[i] for i in sp["status"][rows].tolist()],
            "start": [day_text(d, p) for d, p in zip(start_day, start_prec, strict=True)],
            "start_precision": [PRECISION[p] for p in start_prec],
            "end": [None if d == OPEN else day_text(d, p)
                    for d, p in zip(end_day, end_prec, strict=True)],
            "end_precision": [None if d == OPEN else PRECISION[p]
                              for d, p in zip(end_day, end_prec, strict=True)],
            "uncertain": unsure,
            "sources": [_spell_sources(st, a, b)
                        for a, b in zip(start_event, end_event, strict=True)],
        })

    def _spell_frame(self, rows: np.ndarray) -> pd.DataFrame:
        """The spells at ``rows``: the contract columns, then the working columns."""
        st = self.store
        sp = st.sp
        start_day = sp["start_day"][rows]
        end_day = sp["end_day"][rows]
        start_event = sp["start_event"][rows]
        end_event = sp["end_event"][rows]
        frame = self._spell_table(rows).to_pandas()
        frame = frame.assign(
            **{
                "start_day": start_day.astype(np.int64),
                "start_last": sp["start_last"][rows].astype(np.int64),
                "start_event": start_event.astype(np.int64),
                "start_kind": [KIND[i] for i in sp["start_kind"][rows]],
                "end_day": end_day.astype(np.int64),
                "end_last": sp["end_last"][rows].astype(np.int64),
                "end_event": end_event.astype(np.int64),
                "end_kind": pd.Series([KIND[i] if i >= 0 else None for i in sp["end_kind"][rows]],
                                     dtype=object),
                "lo": sp["lo"][rows].astype(np.int64),
                "hi": sp["hi"][rows].astype(np.int64),
            }
        )
        return frame

    @cached_property
    def spells(self) -> pd.DataFrame:
        """Every spell: the contract columns, then working columns (days as ordinals)."""
        return self._spell_frame(np.arange(self.store.n_spells))

    def _in_force(
        self, rows: np.ndarray, day: dates.PartialDate, statuses: tuple[str, ...], key: str
    ) -> Table:
        """The spells among ``rows`` (possibly) in force on ``day`` with the wanted statuses,
        one per ``key`` (the latest to start; uncertain if any candidate was), ordered by the
        key's code."""
        sp = self.store.sp
        q, q_last = day.first, day.last
        lo, hi = sp["lo"][rows], sp["hi"][rows]
        # In force on the day, or (a month or a year asked for) at some time in it.
        rows = rows[(lo < q_last) & (q < hi)]
        wanted = np.array([STATUS.index(s) for s in statuses], dtype=np.int8)
        rows = rows[np.isin(sp["status"][rows], wanted)]
        if rows.size == 0:
            return self._spell_table(rows)
        start_unsure = (sp["start_prec"][rows] != 0) & (q < sp["start_last"][rows])
        has_end = sp["end_day"][rows] != OPEN
        end_unsure = has_end & (sp["end_prec"][rows] != 0) & (q >= sp["end_day"][rows])
        if q_last > q + 1:  # a change inside the period asked for: true for part of it
            end_unsure |= has_end & (sp["end_day"][rows] < q_last)
            start_unsure |= sp["start_day"][rows] > q
        unsure = start_unsure | end_unsure
        # One row per key: the latest spell to start; uncertain if any candidate was.
        keys = sp["country" if key == "country" else "org"][rows]
        order = np.lexsort((sp["start_day"][rows], keys))
        rows, keys, unsure = rows[order], keys[order], unsure[order]
        last = np.ones(rows.size, dtype=bool)
        last[:-1] = keys[1:] != keys[:-1]
        group = np.cumsum(np.r_[True, keys[1:] != keys[:-1]]) - 1
        any_unsure = np.zeros(int(group[-1]) + 1, dtype=bool)
        np.logical_or.at(any_unsure, group, unsure)
        rows, unsure = rows[last], any_unsure[group[last]]
        ids = self.store.country_ids if key == "country" else self.store.org_ids
        by_code = sorted(range(rows.size), key=lambda i: ids[int(keys[last][i])])
        return self._spell_table(rows[by_code], unsure[by_code])

    @cached_property
    def events(self) -> pd.DataFrame:
        """Every event, in each organisation's order: the contract columns, then more."""
        return self._event_frame(np.arange(self.store.n_events))

    def _event_frame(self, rows: np.ndarray) -> pd.DataFrame:
        st = self.store
        ev = st.ev
        names = st.country_names
        country = ev["country"][rows]
        pred = ev["pred"][rows]
        status = ev["status"][rows]
        ann = ev["ann_day"][rows]
        frame = pd.DataFrame(
            {
                "date": [day_text(int(d), int(p)) for d, p in zip(ev["day"][rows], ev["prec"][rows],
                                                                  strict=True)],
                "date_precision": [PRECISION[p] for p in ev["prec"][rows]],
                "org": [st.org_ids[i] for i in ev["org"][rows]],
                "country": pd.Series([st.country_ids[i] if i >= 0 else None for i in country],
                                    dtype=object),
                "event": [KIND[k] for k in ev["kind"][rows]],
                "status": pd.Series([STATUS[s] if s >= 0 else None for s in status], dtype=object),
                "announced": pd.Series([day_text(int(a), int(p)) if a >= 0 else None
                                       for a, p in zip(ann, ev["ann_prec"][rows], strict=True)],
                                      dtype=object),
                "note": pd.Series([st.notes[i] for i in rows], dtype=object),
                "sources": [st.event_sources(int(i)) for i in rows],
                "country_name": pd.Series([names[i] if i >= 0 else None for i in country],
                                         dtype=object),
                "name": pd.Series([st.names[i] for i in rows], dtype=object),
                "predecessor": pd.Series([st.country_ids[i] if i >= 0 else None for i in pred],
                                        dtype=object),
                "day": ev["day"][rows].astype(np.int64),
                "file": [st.paths[i] for i in ev["file"][rows]],
                "line": ev["line"][rows].astype(np.int64),
            }
        )
        return frame

    @cached_property
    def organisations(self) -> pd.DataFrame:
        """One row per organisation: id, name, kind, founded, dissolved, names over time ..."""
        rows = []
        counts = self.store.org_event_counts
        for o in self.store.organisations.values():
            rows.append(
                {
                    "org": o.id,
                    "name": o.name,
                    "kind": o.kind,
                    "founded": o.founded.text if o.founded else "",
                    "founded_precision": o.founded.precision if o.founded else "",
                    "dissolved": o.dissolved.text if o.dissolved else "",
                    "dissolved_precision": o.dissolved.precision if o.dissolved else "",
                    "predecessor": o.predecessor or "",
                    "successor": o.successor or "",
                    "aliases": list(o.aliases),
                    "names": [{"date": d.text, "name": n} for d, n in o.names],
                    "url": o.url or "",
                    "events": counts.get(o.id, 0),
                    "gaps": o.gaps or "",
                }
            )
        return pd.DataFrame(rows)

    @cached_property
    def countries(self) -> pd.DataFrame:
        """One row per country: code, names, ISO alpha-2, COW and Gleditsch-Ward codes, dates."""
        rows = []
        for c in self.store.countries.values():
            rows.append(
                {
                    "country": c.code,
                    "country_name": c.name,
                    "official_name": c.official_name or "",
                    "alpha2": c.alpha2 or "",
                    "ccode": c.ccode,
                    "gwcode": c.gwcode,
                    "start": c.start.text if c.start else "",
                    "end": c.end.text if c.end else "",
                    "predecessors": list(c.predecessors),
                    "successors": list(c.successors),
                    "aliases": list(c.aliases),
                }
            )
        frame = pd.DataFrame(rows)
        for col in ("ccode", "gwcode"):
            frame[col] = frame[col].astype("Int64")
        return frame

    # -- queries ------------------------------------------------------------------------
    def day(self, value: DateLike) -> dates.PartialDate:
        return parse_day(value, today=self.today)

    def members(
        self,
        org: str,
        on: DateLike = "today",
        status: str | Iterable[str] | None = None,
    ) -> pd.DataFrame:
        """The countries in ``org`` on a day, one row each, with the spell behind the answer.

        By default the statuses that count as membership (member and frozen); ``status="all"``
        or a list widens or narrows it.
        """
        return self.members_table(org, on=on, status=status).to_pandas()

    def members_table(
        self,
        org: str,
        on: DateLike = "today",
        status: str | Iterable[str] | None = None,
    ) -> Table:
        """:meth:`members` as a :class:`~alliances.table.Table`, without pandas."""
        oid = self.resolve_org(org)
        day = self.day(on)
        statuses = parse_statuses(status)
        return self._in_force(self.store.org_rows(oid), day, statuses, "country")

    def memberships(
        self,
        country: str,
        on: DateLike = "today",
        status: str | Iterable[str] | None = "all",
    ) -> pd.DataFrame:
        """The organisations a country belongs to on a day (every status by default)."""
        return self.memberships_table(country, on=on, status=status).to_pandas()

    def memberships_table(
        self,
        country: str,
        on: DateLike = "today",
        status: str | Iterable[str] | None = "all",
    ) -> Table:
        """:meth:`memberships` as a :class:`~alliances.table.Table`, without pandas."""
        code = self.resolve_country(country)
        day = self.day(on)
        statuses = parse_statuses(status)
        return self._in_force(self.store.country_rows(code), day, statuses, "org")

    def _empty_spells(self) -> pd.DataFrame:
        return self._spell_table(np.empty(0, dtype=np.int64)).to_pandas()

    def name_on(self, org: str, on: DateLike = "today") -> str:
        """An organisation's name on a day."""
        o = self.organisation(org)
        return o.name_on(self.day(on).first)

    # -- events -------------------------------------------------------------------------
    def _range(
        self, frame: pd.DataFrame, from_: DateLike | None, to: DateLike | None
    ) -> pd.DataFrame:
        if from_ is not None and to is not None and self.day(to).last <= self.day(from_).first:
            raise UsageError(f"the range ends ({self.day(to)}) before it starts "
                             f"({self.day(from_)})")
        if from_ is not None:
            frame = frame[frame["day"] >= self.day(from_).first]
        if to is not None:
            frame = frame[frame["day"] < self.day(to).last]
        return frame

    def timeline(
        self,
        org: str,
        from_: DateLike | None = None,
        to: DateLike | None = None,
        countries: Iterable[str] | None = None,
    ) -> pd.DataFrame:
        """An organisation's events in order: founding, renames, joins, exits, status changes.

        With ``countries``, only those countries' events."""
        oid = self.resolve_org(org)
        ev = self.events
        frame = ev[ev["org"] == oid]
        if countries:
            codes = [self.resolve_country(c) for c in countries]
            frame = frame[frame["country"].isin(codes) | frame["predecessor"].isin(codes)]
        frame = self._range(frame, from_, to)
        return frame[[*EVENT_COLUMNS, "country_name", "name", "predecessor"]].reset_index(
            drop=True
        )

    def history(
        self,
        country: str,
        from_: DateLike | None = None,
        to: DateLike | None = None,
        orgs: Iterable[str] | None = None,
    ) -> pd.DataFrame:
        """A country's events across every organisation (or ``orgs``), in date order
        (successions that ended its memberships included)."""
        code = self.resolve_country(country)
        ev = self.events
        frame = ev[(ev["country"] == code) | (ev["predecessor"] == code)]
        if orgs:
            frame = frame[frame["org"].isin([self.resolve_org(o) for o in orgs])]
        frame = self._range(frame, from_, to)
        frame = frame.sort_values(["day", "org"], kind="stable")
        names = {o: x.name for o, x in self.store.organisations.items()}
        frame = frame.assign(org_name=frame["org"].map(names))
        return frame[[*EVENT_COLUMNS, "country_name", "org_name", "predecessor"]].reset_index(
            drop=True
        )

    # -- comparisons --------------------------------------------------------------------
    def diff(self, org: str, from_: DateLike, to: DateLike) -> pd.DataFrame:
        """Who joined, who left and whose status changed between two days, with the events in
        between that did it (every status counts)."""
        oid = self.resolve_org(org)
        a, b = self.day(from_), self.day(to)
        if b.first < a.first:
            raise UsageError(f"the second day ({b}) is before the first ({a})")
        before = self.members(oid, on=a, status="all").set_index("country")
        after = self.members(oid, on=b, status="all").set_index("country")
        ev = self.events
        between = ev[(ev["org"] == oid) & (ev["day"] > a.first) & (ev["day"] <= b.first)]
        names = {c: x.name for c, x in self.store.countries.items()}
        rows = []
        for code in sorted(set(before.index) | set(after.index)):
            s0 = str(before.loc[code, "status"]) if code in before.index else vocab.NONE
            s1 = str(after.loc[code, "status"]) if code in after.index else vocab.NONE
            if s0 == s1:
                continue
            change = "joined" if s0 == vocab.NONE else "left" if s1 == vocab.NONE else "changed"
            mine = between[(between["country"] == code) | (between["predecessor"] == code)]
            sources: list[dict[str, str]] = []
            for srcs in mine["sources"]:
                sources.extend(s for s in srcs if s not in sources)
            unsure = bool(
                (code in before.index and before.loc[code, "uncertain"])
                or (code in after.index and after.loc[code, "uncertain"])
            )
            rows.append(
                {
                    "org": oid,
                    "country": code,
                    "country_name": names.get(code, ""),
                    "change": change,
                    "status_before": s0,
                    "status_after": s1,
                    "events": [
                        f"{d} {k}" for d, k in zip(mine["date"], mine["event"], strict=True)
                    ],
                    "uncertain": unsure,
                    "sources": sources,
                }
            )
        columns = ["org", "country", "country_name", "change", "status_before", "status_after",
                   "events", "uncertain", "sources"]
        return pd.DataFrame(rows, columns=columns)

    def shared(
        self,
        countries: Sequence[str],
        on: DateLike | None = None,
        status: str | Iterable[str] | None = None,
    ) -> pd.DataFrame:
        """The organisations all the given countries belong to: on a day, or, without ``on``,
        the spells over time during which they all did."""
        codes = list(dict.fromkeys(self.resolve_country(c) for c in countries))
        if len(codes) < 2:
            raise UsageError("give at least two different countries")
        statuses = parse_statuses(status)
        names = {o: x.name for o, x in self.store.organisations.items()}
        columns = ["org", "org_name", "countries", "start", "start_precision", "end",
                   "end_precision", "uncertain"]
        if on is not None:
            day = self.day(on)
            per = [self.memberships(c, on=day, status=statuses) for c in codes]
            common = set(per[0]["org"])
            for frame in per[1:]:
                common &= set(frame["org"])
            rows = []
            for oid in sorted(common):
                mine = [f[f["org"] == oid].iloc[0] for f in per]
                latest = max(mine, key=lambda r: self.day(str(r["start"])).first)
                ends = [r for r in mine if not pd.isna(r["end"])]
                earliest_end = min(ends, key=lambda r: self.day(str(r["end"])).first, default=None)
                rows.append(
                    {
                        "org": oid,
                        "org_name": self.store.organisations[oid].name_on(day.first),
                        "countries": codes,
                        "start": latest["start"],
                        "start_precision": latest["start_precision"],
                        "end": earliest_end["end"] if earliest_end is not None else None,
                        "end_precision": (
                            earliest_end["end_precision"] if earliest_end is not None else None
                        ),
                        "uncertain": any(bool(r["uncertain"]) for r in mine),
                    }
                )
            return pd.DataFrame(rows, columns=columns)
        return pd.DataFrame(self._shared_spells(codes, statuses, names), columns=columns)

    def _shared_spells(
        self, codes: list[str], statuses: tuple[str, ...], names: dict[str, str]
    ) -> list[dict[str, Any]]:
        s = self.spells
        s = s[s["country"].isin(codes) & s["status"].isin(statuses)]
        rows: list[dict[str, Any]] = []
        for oid, group in s.groupby("org", sort=True):
            if group["country"].nunique() < len(codes):
                continue
            # Intersect the countries' intervals: merge each country's spells first (member
            # then frozen is one stretch of membership), then sweep.
            intervals: list[list[tuple[int, int, str, str, str, str]]] = []
            for code in codes:
                mine = group[group["country"] == code].sort_values("lo")
                merged: list[tuple[int, int, str, str, str, str]] = []
                for rec in mine.to_dict("records"):
                    end_txt = "" if pd.isna(rec["end"]) else str(rec["end"])
                    end_p = "" if pd.isna(rec["end_precision"]) else str(rec["end_precision"])
                    item = (int(rec["lo"]), int(rec["hi"]), str(rec["start"]),
                            str(rec["start_precision"]), end_txt, end_p)
                    if merged and merged[-1][1] >= item[0]:
                        last = merged[-1]
                        if item[1] > last[1]:
                            merged[-1] = (last[0], item[1], last[2], last[3], item[4], item[5])
                    else:
                        merged.append(item)
                intervals.append(merged)
            common = intervals[0]
            for other in intervals[1:]:
                common = _intersect(common, other)
            for lo, _hi, st, stp, en, enp in common:
                rows.append(
                    {
                        "org": str(oid),
                        "org_name": names[str(oid)],
                        "countries": codes,
                        "start": st,
                        "start_precision": stp,
                        "end": en or None,
                        "end_precision": enp or None,
                        "uncertain": stp != "day" or (bool(en) and enp != "day"),
                        "_lo": lo,
                    }
                )
        rows.sort(key=lambda row: (row["_lo"], row["org"]))
        for row in rows:
            del row["_lo"]
        return rows

    # -- organisations ------------------------------------------------------------------
    def orgs(
        self,
        kind: str | None = None,
        on: DateLike = "today",
        search: str | None = None,
    ) -> pd.DataFrame:
        """The organisations with kind, founding, dissolution and member count on a day."""
        day = self.day(on)
        frame = self.organisations
        if kind is not None:
            if kind not in vocab.ORG_KINDS:
                raise UsageError(f"unknown kind '{kind}' (known: {', '.join(vocab.ORG_KINDS)})")
            frame = frame[frame["kind"] == kind]
        if search:
            hits = {code for code, _ in self.org_index.search(search)}
            frame = frame[frame["org"].isin(hits)]
        sp = self.store.sp
        wanted = np.array([STATUS.index(s) for s in vocab.DEFAULT_MEMBER_STATUSES], np.int8)
        counts: list[int | None] = []
        for oid in frame["org"]:
            o = self.store.organisations[str(oid)]
            if (o.founded is not None and day.first < o.founded.first) or (
                o.dissolved is not None and day.first >= o.dissolved.first
            ):
                counts.append(None)  # it did not exist that day: no count, not zero
                continue
            rows = self.store.org_rows(str(oid))
            ok = (sp["lo"][rows] <= day.first) & (day.first < sp["hi"][rows])
            ok &= np.isin(sp["status"][rows], wanted)
            counts.append(int(np.unique(sp["country"][rows][ok]).size))
        names = [self.store.organisations[str(o)].name_on(day.first) for o in frame["org"]]
        out = frame.assign(name=names, members=pd.array(counts, dtype="Int64"),
                           complete=frame["gaps"] == "")
        return out[["org", "name", "kind", "founded", "founded_precision", "dissolved",
                    "dissolved_precision", "members", "complete"]].reset_index(drop=True)

    # -- research panels and exports (alliances.panels, alliances.export, alliances.cow) ---
    def state_year(self, **options: Any) -> pd.DataFrame:
        """The state-year panel: see :func:`alliances.panels.state_year` (``rule``,
        ``from_``, ``to``, ``orgs``, ``countries``, ``wide``)."""
        from alliances import panels

        return panels.state_year(self, **options)

    def dyad_year(self, **options: Any) -> pd.DataFrame:
        """The dyad-year panel: see :func:`alliances.panels.dyad_year` (``rule``, ``from_``,
        ``to``, ``orgs``, ``countries``, ``directed``, ``status``)."""
        from alliances import panels

        return panels.dyad_year(self, **options)

    def table(self, what: str, **options: Any) -> pd.DataFrame:
        """What ``alliances export WHAT`` writes, as one frame: ``what`` is spells, events,
        organisations, countries, state-year or dyad-year; the options mirror the flags
        (``orgs``, ``countries``, ``from_``, ``to``, ``rule``, ``wide``, ``directed``,
        ``status``)."""
        from alliances import export, panels

        return panels.concat(export.chunks(self, what, **options))

    def export(self, what: str, path: str | None = None, **options: Any) -> int:
        """Write an export to ``path`` (None: stdout) and return its number of rows: see
        :func:`alliances.export.export` (``fmt``, ``overwrite``, and the options of
        :meth:`table`)."""
        from alliances import export

        return export.export(self, what, path, **options)

    def compare_cow(self, path: str | os.PathLike[str], **options: Any) -> Any:
        """Year-by-year agreement with a COW IGO table: see :func:`alliances.cow.compare`
        (``orgs``, ``rule``, ``from_``, ``to``); returns ``.disagreements`` and
        ``.summary``."""
        from alliances import cow

        return cow.compare(self, cow.read_cow(path), **options)


    # -- cards and search ---------------------------------------------------------------
    def resolve(self, name: str) -> tuple[str, str]:
        """('organisation', id) or ('country', code) for a name; ambiguous if both match."""
        org = self.org_index.get(name)
        country = self.country_index.get(name)
        if org and country:
            raise UsageError(
                f"'{name}' is both an organisation ({org}) and a country ({country}); "
                f"use the code"
            )
        if org:
            return "organisation", org
        if country:
            return "country", country
        try:
            return "organisation", self.org_index.lookup(name)
        except UsageError as e_org:
            try:
                return "country", self.country_index.lookup(name)
            except UsageError as e_country:
                for e in (e_org, e_country):  # a name shared by two: say which, not "no ..."
                    if isinstance(e, AmbiguousName):
                        raise e from None
                suggestions = self.org_index.suggest(name) + self.country_index.suggest(name)
                hint = f"; did you mean {', '.join(suggestions[:4])}?" if suggestions else ""
                raise type(e_country)(
                    f"no organisation or country called '{name}'{hint}"
                ) from e_org

    def card(self, name: str, on: DateLike = "today") -> dict[str, Any]:
        """Everything about one organisation or country, as plain data."""
        kind, code = self.resolve(name)
        day = self.day(on)
        if kind == "organisation":
            o = self.store.organisations[code]
            members = self.members(code, on=day, status="all")
            sources = {s.url: s.as_dict() for s in o.sources}
            ev = self.store.ev
            for i in np.flatnonzero(ev["org"] == self.store.org_code(code)):
                for src in self.store.event_sources(int(i)):
                    sources.setdefault(src["url"], src)
            return {
                "type": "organisation",
                "org": code,
                "name": o.name,
                "name_on_day": o.name_on(day.first),
                "kind": o.kind,
                "aliases": list(o.aliases),
                "names": [{"date": d.text, "name": n} for d, n in o.names],
                "founded": o.founded.text if o.founded else None,
                "dissolved": o.dissolved.text if o.dissolved else None,
                "predecessor": o.predecessor,
                "successor": o.successor,
                "url": o.url,
                "note": o.note,
                "gaps": o.gaps,
                "on": day.text,
                "members": [
                    {"country": r["country"], "country_name": r["country_name"],
                     "status": r["status"], "since": r["start"], "uncertain": bool(r["uncertain"])}
                    for r in members.to_dict("records")
                ],
                "events": self.store.org_event_counts.get(code, 0),
                "sources": list(sources.values()),
            }
        c = self.store.countries[code]
        mships = self.memberships(code, on=day)
        n_events = int(((self.events["country"] == code) | (self.events["predecessor"] == code))
                       .sum())
        return {
            "type": "country",
            "country": code,
            "name": c.name,
            "official_name": c.official_name,
            "aliases": list(c.aliases),
            "alpha2": c.alpha2,
            "ccode": c.ccode,
            "gwcode": c.gwcode,
            "start": c.start.text if c.start else None,
            "end": c.end.text if c.end else None,
            "predecessors": list(c.predecessors),
            "successors": list(c.successors),
            "note": c.note,
            "on": day.text,
            "memberships": [
                {"org": r["org"],
                 "name": self.store.organisations[str(r["org"])].name_on(day.first),
                 "status": r["status"], "since": r["start"], "uncertain": bool(r["uncertain"])}
                for r in mships.to_dict("records")
            ],
            "events": n_events,
            "sources": [s.as_dict() for s in c.sources],
        }

    def search(self, text: str, limit: int = 50) -> pd.DataFrame:
        """Organisations, countries and events whose names, aliases or notes match, ranked."""
        if not text.strip():
            raise UsageError("give something to search for")
        rows = _search_rows(self, text, limit)
        return pd.DataFrame(rows, columns=["kind", "id", "name", "date", "match", "score"])

def _intersect(
    a: list[tuple[int, int, str, str, str, str]], b: list[tuple[int, int, str, str, str, str]]
) -> list[tuple[int, int, str, str, str, str]]:
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        lo = max(a[i][0], b[j][0])
        hi = min(a[i][1], b[j][1])
        if lo < hi:
            start = a[i] if a[i][0] >= b[j][0] else b[j]
            end = a[i] if a[i][1] <= b[j][1] else b[j]
            out.append((lo, hi, start[2], start[3], end[4], end[5]))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def _search_rows(ds: Dataset, text: str, limit: int) -> list[dict[str, Any]]:
    from alliances.names import fold

    rows: list[dict[str, Any]] = []
    for code, score in ds.org_index.search(text):
        o = ds.data.organisations[code]
        rows.append({"kind": "organisation", "id": code, "name": o.name, "date": "",
                     "match": _best_label(ds.org_index, code, text), "score": round(score, 3)})
    for code, score in ds.country_index.search(text):
        c = ds.data.countries[code]
        rows.append({"kind": "country", "id": code, "name": c.name, "date": "",
                     "match": _best_label(ds.country_index, code, text),
                     "score": round(score, 3)})
    key = fold(text)
    if len(key) >= 3:
        st = ds.store
        ev = st.ev
        for i, note in enumerate(st.notes):
            if note and key in fold(note):
                org = st.org_ids[int(ev["org"][i])]
                ci = int(ev["country"][i])
                where = f"{org}/{st.country_ids[ci]}" if ci >= 0 else org
                rows.append({"kind": "event", "id": where, "name": KIND[int(ev["kind"][i])],
                             "date": day_text(int(ev["day"][i]), int(ev["prec"][i])),
                             "match": _snippet(note, key), "score": 0.5})
    rows.sort(key=lambda r: (-r["score"], {"organisation": 0, "country": 1, "event": 2}[r["kind"]],
                             r["date"], r["id"]))
    return rows[:limit]


def _best_label(index: Index, code: str, text: str) -> str:
    from alliances.names import fold

    key = fold(text)
    best = ""
    for k, codes in index.keys.items():
        if code in codes and (k == key or key in k):
            label = index.labels[k]
            if not best or len(label) < len(best):
                best = label
    return best or index.names.get(code, code)


def _snippet(note: str, key: str, width: int = 70) -> str:
    from alliances.names import fold

    folded = fold(note)
    at = folded.find(key)
    flat = " ".join(note.split())
    start = max(0, at - width // 3)
    piece = flat[start:start + width]
    return ("…" if start > 0 else "") + piece + ("…" if start + width < len(flat) else "")
