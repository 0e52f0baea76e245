"""The query layer: a loaded, checked dataset and the questions it answers, as DataFrames."""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Sequence
from functools import cached_property

import numpy as np
import pandas as pd

from alliances import dates, vocab
from alliances.errors import DataError, UsageError
from alliances.loading import data_paths, load_data
from alliances.model import Data, Organisation
from alliances.names import Index
from alliances.spells import SPELL_COLUMNS, build_spells, in_force

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
    files = data_paths(paths, bundled=bundled)
    data, issues = load_data(files, today=today)
    if issues:
        raise DataError(issues)
    return Dataset(data, today=today)


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


def _one_per(rows: pd.DataFrame, statuses: tuple[str, ...], key: str) -> pd.DataFrame:
    """Keep the spells with the wanted statuses, one per ``key``: the latest to start. Inside a
    partial date's window two spells may both be possible; the row kept is then uncertain."""
    rows = rows[rows["status"].isin(statuses)]
    if rows.empty:
        return rows
    rows = rows.sort_values([key, "start_day"], kind="stable")
    unsure = rows.groupby(key, sort=False)["uncertain"].transform("any")
    rows = rows.assign(uncertain=unsure.astype(bool))
    return rows.drop_duplicates(key, keep="last")


class Dataset:
    """Organisations, countries, events and spells, and the queries on them."""

    def __init__(self, data: Data, *, today: _dt.date | None = None) -> None:
        self.data = data
        self.today = today or dates.today()

    # -- names --------------------------------------------------------------------------
    @cached_property
    def org_index(self) -> Index:
        return Index(
            "organisation",
            (
                (o.id, o.name, [*o.aliases, *(n for _, n in o.names)])
                for o in self.data.organisations.values()
            ),
        )

    @cached_property
    def country_index(self) -> Index:
        return Index(
            "country",
            (
                (c.code, c.name, [*(x for x in (c.official_name, c.alpha2) if x), *c.aliases])
                for c in self.data.countries.values()
            ),
        )

    def resolve_org(self, name: str) -> str:
        """The id of an organisation given by id, name or alias (any case, any accents)."""
        return self.org_index.lookup(name)

    def resolve_country(self, name: str) -> str:
        """The code of a country given by code, ISO alpha-2, name or alias."""
        return self.country_index.lookup(name)

    def organisation(self, name: str) -> Organisation:
        return self.data.organisations[self.resolve_org(name)]

    # -- frames -------------------------------------------------------------------------
    @cached_property
    def spells(self) -> pd.DataFrame:
        """Every spell: the contract columns, then working columns (days as ordinals)."""
        return build_spells(self.data)

    @cached_property
    def _spells_by_org(self) -> dict[str, pd.DataFrame]:
        return {str(k): v for k, v in self.spells.groupby("org", sort=False)}

    @cached_property
    def _spells_by_country(self) -> dict[str, pd.DataFrame]:
        return {str(k): v for k, v in self.spells.groupby("country", sort=False)}

    @cached_property
    def events(self) -> pd.DataFrame:
        """Every event, in each organisation's order: the contract columns, then more."""
        names = {c: x.name for c, x in self.data.countries.items()}
        rows = []
        for e in self.data.events:
            status = e.status
            if status is None:
                status = ""
            rows.append(
                (
                    e.date.text,
                    e.date.precision,
                    e.org,
                    e.country or "",
                    e.kind,
                    status,
                    e.announced.text if e.announced else "",
                    e.note or "",
                    [s.as_dict() for s in e.sources],
                    names.get(e.country or "", ""),
                    e.name or "",
                    e.predecessor or "",
                    e.date.first,
                    e.path,
                    e.line,
                )
            )
        columns = [*EVENT_COLUMNS, "country_name", "name", "predecessor", "day", "file", "line"]
        frame = pd.DataFrame(rows, columns=columns)
        frame["day"] = frame["day"].astype(np.int64)
        frame["line"] = frame["line"].astype(np.int64)
        return frame

    @cached_property
    def organisations(self) -> pd.DataFrame:
        """One row per organisation: id, name, kind, founded, dissolved, names over time ..."""
        rows = []
        for o in self.data.organisations.values():
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
                    "events": sum(1 for e in o.events),
                }
            )
        return pd.DataFrame(rows)

    @cached_property
    def countries(self) -> pd.DataFrame:
        """One row per country: code, names, ISO alpha-2, COW and Gleditsch-Ward codes, dates."""
        rows = []
        for c in self.data.countries.values():
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
        oid = self.resolve_org(org)
        day = self.day(on)
        statuses = parse_statuses(status)
        spells = self._spells_by_org.get(oid)
        if spells is None:
            return self._empty_spells()
        rows = _one_per(in_force(spells, day.first), statuses, "country")
        return rows[SPELL_COLUMNS].reset_index(drop=True)

    def memberships(
        self,
        country: str,
        on: DateLike = "today",
        status: str | Iterable[str] | None = "all",
    ) -> pd.DataFrame:
        """The organisations a country belongs to on a day (every status by default)."""
        code = self.resolve_country(country)
        day = self.day(on)
        statuses = parse_statuses(status)
        spells = self._spells_by_country.get(code)
        if spells is None:
            return self._empty_spells()
        rows = _one_per(in_force(spells, day.first), statuses, "org")
        return rows[SPELL_COLUMNS].reset_index(drop=True)

    def _empty_spells(self) -> pd.DataFrame:
        return self.spells.iloc[0:0][SPELL_COLUMNS].reset_index(drop=True)

    def name_on(self, org: str, on: DateLike = "today") -> str:
        """An organisation's name on a day."""
        o = self.organisation(org)
        return o.name_on(self.day(on).first)
