"""Research panels: state-year and dyad-year tables keyed by COW country codes.

A **unit** is one country holding one COW code in one year: the part of the year in which the
country existed and was in the COW state system (``Country.system`` spells) under that code.
Under the ``any-day`` rule a unit is any part of the year (Germany 1990 is two units: 260 until
3 October, 255 after); under ``end-of-year`` and ``mid-year`` it is one day (31 December,
1 July). Countries outside the state system in a year have no unit: they are missing from the
panels, never coded 0.

A unit's status in an organisation is the strongest status (in :data:`vocab.STATUSES` order)
possibly in force during the unit's days, ``uncertain`` when that status is only possibly in
force there (a partial date's window). Everything is vectorised over spells and units; the
panels are built a year at a time so that exports can stream them.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from alliances import vocab
from alliances.errors import UsageError
from alliances.spells import OPEN

if TYPE_CHECKING:
    from alliances.dataset import Dataset, DateLike

RULES = ("any-day", "end-of-year", "mid-year")
"""How a year's status is read: at least one day in the year (the COW convention), the status
on 31 December, or on 1 July."""

DEFAULT_RULE = "any-day"

STATE_YEAR_COLUMNS = [
    "country", "ccode", "gwcode", "country_name", "year", "org", "status", "cow_status",
    "uncertain",
]
UNIT_COLUMNS = ["country", "ccode", "gwcode", "country_name", "year"]
DYAD_YEAR_COLUMNS = ["year", "country1", "country2", "ccode1", "ccode2", "orgs", "n_orgs"]

_RANK = {status: i for i, status in enumerate(vocab.STATUSES)}
_NONE_RANK = len(vocab.STATUSES)
_COW_CODE = np.array(
    [vocab.COW_STATUS.get(s, 0) for s in vocab.STATUSES] + [0], dtype=np.int64
)
_STATUS_NAME = np.array([*vocab.STATUSES, vocab.NONE], dtype=object)


def check_rule(rule: str) -> str:
    """The rule, checked."""
    if rule not in RULES:
        raise UsageError(f"unknown rule '{rule}' (known: {', '.join(RULES)})")
    return rule


def year_range(
    ds: Dataset, from_: DateLike | None = None, to: DateLike | None = None
) -> range:
    """The years of a panel: from the year of ``from_`` (default: the first year of any
    spell) to the year of ``to`` (default: this year), inclusive."""
    if from_ is not None:
        first = ds.day(from_).first_date.year
    else:
        spells = ds.spells
        first = (
            _dt.date.fromordinal(int(spells["start_day"].min())).year
            if len(spells) else ds.today.year
        )
    last = ds.day(to).first_date.year if to is not None else ds.today.year
    if last < first:
        raise UsageError(f"the last year ({last}) is before the first ({first})")
    return range(first, last + 1)


def _year_bounds(year: int) -> tuple[int, int]:
    return _dt.date(year, 1, 1).toordinal(), _dt.date(year + 1, 1, 1).toordinal()


def _point(year: int, rule: str) -> int:
    if rule == "end-of-year":
        return _dt.date(year, 12, 31).toordinal()
    return _dt.date(year, 7, 1).toordinal()


class Panels:
    """The arrays the panels are built from, computed once per dataset and selection; each
    year is then a few numpy operations."""

    def __init__(
        self,
        ds: Dataset,
        *,
        rule: str = DEFAULT_RULE,
        orgs: Iterable[str] | None = None,
        countries: Iterable[str] | None = None,
    ) -> None:
        self.ds = ds
        self.rule = check_rule(rule)
        data = ds.data
        # Named organisations, else every organisation but the organs (seats on a body of the
        # UN are not memberships of an organisation: a panel counts organisations).
        self.orgs = (
            list(dict.fromkeys(ds.resolve_org(o) for o in orgs))
            if orgs else [oid for oid, o in data.organisations.items() if o.kind != vocab.ORGAN]
        )
        self.org_ids = np.array(self.orgs, dtype=object)
        wanted = (
            set(ds.resolve_country(c) for c in countries) if countries else None
        )
        # Countries, and the days each held each COW code: its state-system spells cut to
        # its existence.
        codes: list[str] = []
        names: list[str] = []
        gw: list[int | None] = []
        cidx: list[int] = []
        ccode: list[int] = []
        a: list[int] = []
        b: list[int] = []
        for c in data.countries.values():
            if wanted is not None and c.code not in wanted:
                continue
            exist_a = c.start.first if c.start else 0
            exist_b = c.end.first if c.end else OPEN
            n = len(codes)
            codes.append(c.code)
            names.append(c.name)
            gw.append(c.gwcode)
            for code, s0, s1 in c.system:
                lo = max(s0.first, exist_a)
                hi = min(s1.first if s1 else OPEN, exist_b)
                if lo < hi:
                    cidx.append(n)
                    ccode.append(code)
                    a.append(lo)
                    b.append(hi)
        self.codes = np.array(codes, dtype=object)
        self.names = np.array(names, dtype=object)
        self.gw_value = np.array([g if g is not None else 0 for g in gw], dtype=np.int64)
        self.gw_missing = np.array([g is None for g in gw], dtype=bool)
        order = np.lexsort((np.array(cidx, dtype=np.int64), np.array(ccode, dtype=np.int64)))
        self.iv_country = np.array(cidx, dtype=np.int64)[order]
        self.iv_ccode = np.array(ccode, dtype=np.int64)[order]
        self.iv_a = np.array(a, dtype=np.int64)[order]
        self.iv_b = np.array(b, dtype=np.int64)[order]
        # Organisations' lives.
        born, died = [], []
        for oid in self.orgs:
            o = data.organisations[oid]
            born.append(o.founded.first if o.founded else 0)
            died.append(o.dissolved.first if o.dissolved else OPEN)
        self.born = np.array(born, dtype=np.int64)
        self.died = np.array(died, dtype=np.int64)
        # Spells of the selected organisations and countries, sorted by country.
        s = ds.spells
        country_pos = {code: i for i, code in enumerate(codes)}
        org_pos = {oid: i for i, oid in enumerate(self.orgs)}
        sc = s["country"].map(country_pos)
        so = s["org"].map(org_pos)
        keep = (sc.notna() & so.notna()).to_numpy()
        s = s[keep]
        sc_arr = sc[keep].to_numpy(dtype=np.int64)
        order = np.argsort(sc_arr, kind="stable")
        self.sp_country = sc_arr[order]
        self.sp_org = so[keep].to_numpy(dtype=np.int64)[order]
        self.sp_rank = s["status"].map(_RANK).to_numpy(dtype=np.int64)[order]
        self.sp_lo = s["lo"].to_numpy(dtype=np.int64)[order]
        self.sp_hi = s["hi"].to_numpy(dtype=np.int64)[order]
        # A spell certainly holds from the last day of its start's window (whatever the
        # exact day, it had started by then) to the first day of its end's window.
        certain_start = np.where(
            s["start_precision"].to_numpy() == "day", s["start_day"].to_numpy(),
            s["start_last"].to_numpy() - 1,
        ).astype(np.int64)
        self.sp_cs = certain_start[order]
        self.sp_ce = s["end_day"].to_numpy(dtype=np.int64)[order]

    # -- one year --------------------------------------------------------------------------
    def units(self, year: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The units of a year, sorted by COW code: (country index, ccode, w0, w1), the
        unit's days being [w0, w1)."""
        y0, y1 = _year_bounds(year)
        a, b = self.iv_a, self.iv_b
        if self.rule == "any-day":
            w0, w1 = np.maximum(a, y0), np.minimum(b, y1)
            keep = w0 < w1
        else:
            q = _point(year, self.rule)
            keep = (a <= q) & (q < b)
            w0 = np.full(len(a), q, dtype=np.int64)
            w1 = w0 + 1
        return self.iv_country[keep], self.iv_ccode[keep], w0[keep], w1[keep]

    def matrices(
        self, country: np.ndarray, w0: np.ndarray, w1: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For the units given, three (unit x organisation) matrices: whether the
        organisation was alive during the unit, the rank of the strongest status possibly in
        force (``len(STATUSES)`` for none) and whether that status is certain."""
        n, k = len(country), len(self.orgs)
        alive = (self.born[None, :] < w1[:, None]) & (self.died[None, :] > w0[:, None])
        rank = np.full((n, k), _NONE_RANK, dtype=np.int64)
        certain = np.ones((n, k), dtype=bool)
        if n == 0 or len(self.sp_country) == 0:
            return alive, rank, certain
        # Each unit against its country's spells.
        first = np.searchsorted(self.sp_country, country, side="left")
        last = np.searchsorted(self.sp_country, country, side="right")
        counts = last - first
        unit = np.repeat(np.arange(n), counts)
        offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        sp = np.repeat(first, counts) + offsets
        uw0, uw1 = w0[unit], w1[unit]
        possible = (self.sp_lo[sp] < uw1) & (self.sp_hi[sp] > uw0)
        unit, sp, uw0, uw1 = unit[possible], sp[possible], uw0[possible], uw1[possible]
        org = self.sp_org[sp]
        r = self.sp_rank[sp]
        np.minimum.at(rank, (unit, org), r)
        top = r == rank[unit, org]
        cs, ce = self.sp_cs[sp], self.sp_ce[sp]
        sure = (cs < uw1) & (ce > uw0) & (cs < ce)
        has_top = np.zeros((n, k), dtype=bool)
        has_top[unit[top], org[top]] = True
        sure_top = np.zeros((n, k), dtype=bool)
        sure_top[unit[top & sure], org[top & sure]] = True
        certain = ~has_top | sure_top
        return alive, rank, certain

    def _unit_columns(self, year: int, country: np.ndarray, ccode: np.ndarray,
                      rows: np.ndarray) -> dict[str, object]:
        c = country[rows]
        return {
            "country": self.codes[c],
            "ccode": ccode[rows],
            "gwcode": pd.arrays.IntegerArray(self.gw_value[c], self.gw_missing[c]),
            "country_name": self.names[c],
            "year": np.full(len(rows), year, dtype=np.int64),
        }

    def state_year(self, year: int, *, wide: bool = False) -> pd.DataFrame:
        """The state-year rows of one year (long), or one row per unit with a COW-coded
        column per organisation (wide; missing where the organisation did not exist)."""
        country, ccode, w0, w1 = self.units(year)
        alive, rank, certain = self.matrices(country, w0, w1)
        if wide:
            columns = self._unit_columns(year, country, ccode, np.arange(len(country)))
            codes = _COW_CODE[rank]
            for j, oid in enumerate(self.orgs):
                columns[oid] = pd.arrays.IntegerArray(codes[:, j], ~alive[:, j])
            return pd.DataFrame(columns)
        u, o = np.nonzero(alive)
        columns = self._unit_columns(year, country, ccode, u)
        r = rank[u, o]
        columns["org"] = self.org_ids[o]
        columns["status"] = _STATUS_NAME[r]
        columns["cow_status"] = _COW_CODE[r]
        columns["uncertain"] = ~certain[u, o]
        return pd.DataFrame(columns)

    def dyad_year(
        self, year: int, *, statuses: Sequence[str], directed: bool = False
    ) -> pd.DataFrame:
        """Every pair of units of a year (countries in the state system), the organisations
        in which both had one of ``statuses`` and their number."""
        country, ccode, w0, w1 = self.units(year)
        n = len(country)
        if n < 2:
            return _empty_dyads()
        alive, rank, _ = self.matrices(country, w0, w1)
        wanted = np.array([_RANK[s] for s in statuses], dtype=np.int64)
        member = alive & np.isin(rank, wanted)
        if member.shape[1] == 0:
            member = np.zeros((n, 1), dtype=bool)
        bits = np.packbits(member, axis=1)
        if directed:
            i, j = np.nonzero(~np.eye(n, dtype=bool))
        else:
            i, j = np.triu_indices(n, 1)
        keep = (country[i] != country[j]) & (ccode[i] != ccode[j])
        i, j = i[keep], j[keep]
        shared = bits[i] & bits[j]
        return pd.DataFrame(
            {
                "year": np.full(len(i), year, dtype=np.int64),
                "country1": self.codes[country[i]],
                "country2": self.codes[country[j]],
                "ccode1": ccode[i],
                "ccode2": ccode[j],
                "orgs": _labels(shared, self.orgs),
                "n_orgs": _POPCOUNT[shared].sum(axis=1, dtype=np.int64),
            }
        )


_POPCOUNT = np.array([bin(x).count("1") for x in range(256)], dtype=np.int64)


def _labels(shared: np.ndarray, orgs: list[str]) -> np.ndarray:
    """For each row of packed org bits, the list of organisation ids: computed once per
    distinct combination, then spread with the inverse index."""
    out = np.empty(len(shared), dtype=object)
    if len(shared) == 0:
        return out
    width = shared.shape[1]
    rows = np.ascontiguousarray(shared).view(np.dtype((np.void, width))).ravel()
    uniq, inverse = np.unique(rows, return_inverse=True)
    combos = np.empty(len(uniq), dtype=object)
    flags = np.unpackbits(uniq.view(np.uint8).reshape(len(uniq), width), axis=1)[:, : len(orgs)]
    for n, row in enumerate(flags):
        combos[n] = [orgs[x] for x in np.flatnonzero(row)]
    out[:] = combos[inverse.ravel()]
    return out


def _empty_dyads() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": pd.Series(dtype=np.int64),
            "country1": pd.Series(dtype=object),
            "country2": pd.Series(dtype=object),
            "ccode1": pd.Series(dtype=np.int64),
            "ccode2": pd.Series(dtype=np.int64),
            "orgs": pd.Series(dtype=object),
            "n_orgs": pd.Series(dtype=np.int64),
        }
    )


# -- the public functions ------------------------------------------------------------------
def state_year_chunks(
    ds: Dataset,
    *,
    rule: str = DEFAULT_RULE,
    from_: DateLike | None = None,
    to: DateLike | None = None,
    orgs: Iterable[str] | None = None,
    countries: Iterable[str] | None = None,
    wide: bool = False,
) -> Iterator[pd.DataFrame]:
    """The state-year panel a year at a time (see :func:`state_year`)."""
    years = year_range(ds, from_, to)
    panels = Panels(ds, rule=rule, orgs=orgs, countries=countries)
    for year in years:
        yield panels.state_year(year, wide=wide)


def state_year(
    ds: Dataset,
    *,
    rule: str = DEFAULT_RULE,
    from_: DateLike | None = None,
    to: DateLike | None = None,
    orgs: Iterable[str] | None = None,
    countries: Iterable[str] | None = None,
    wide: bool = False,
) -> pd.DataFrame:
    """One row per country, COW code, year and organisation alive that year, with the
    status that year under ``rule`` (``any-day``, ``end-of-year``, ``mid-year``), its COW code
    (0 none, 1 full, 2 associate, 3 observer) and whether it is uncertain. Countries outside
    the state system are missing. ``wide=True``: one row per country, code and year, one
    column of COW codes per organisation (missing where it did not exist). ``orgs``: those
    organisations; by default every one but the organs (kind ``organ``: the UN Security
    Council and Human Rights Council), which a panel includes only when named."""
    return concat(state_year_chunks(ds, rule=rule, from_=from_, to=to, orgs=orgs,
                                     countries=countries, wide=wide))


def dyad_year_chunks(
    ds: Dataset,
    *,
    rule: str = DEFAULT_RULE,
    from_: DateLike | None = None,
    to: DateLike | None = None,
    orgs: Iterable[str] | None = None,
    countries: Iterable[str] | None = None,
    directed: bool = False,
    status: str | Iterable[str] | None = None,
) -> Iterator[pd.DataFrame]:
    """The dyad-year panel a year at a time (see :func:`dyad_year`); memory stays at one
    year's dyads."""
    from alliances.dataset import parse_statuses

    statuses = parse_statuses(status)
    years = year_range(ds, from_, to)
    panels = Panels(ds, rule=rule, orgs=orgs)
    wanted = (
        set(dict.fromkeys(ds.resolve_country(c) for c in countries)) if countries else None
    )
    for year in years:
        frame = panels.dyad_year(year, statuses=statuses, directed=directed)
        if wanted is not None:
            frame = frame[frame["country1"].isin(wanted) | frame["country2"].isin(wanted)]
            frame = frame.reset_index(drop=True)
        yield frame


def dyad_year(
    ds: Dataset,
    *,
    rule: str = DEFAULT_RULE,
    from_: DateLike | None = None,
    to: DateLike | None = None,
    orgs: Iterable[str] | None = None,
    countries: Iterable[str] | None = None,
    directed: bool = False,
    status: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """One row per pair of countries in the state system and year: the organisations both
    belonged to that year (both with a status in ``status``, by default member or frozen,
    each under ``rule`` as in :func:`state_year`) and their number. Undirected (``ccode1 <
    ccode2``) unless ``directed``. ``countries`` keeps the dyads that include one of them.
    ``orgs``: as in :func:`state_year` (the organs only when named)."""
    return concat(dyad_year_chunks(ds, rule=rule, from_=from_, to=to, orgs=orgs,
                                    countries=countries, directed=directed, status=status))


def concat(chunks: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """The frames one after the other (the first, empty, when all are)."""
    frames = list(chunks)
    if not frames:
        return pd.DataFrame()
    nonempty = [f for f in frames if len(f)]
    if not nonempty:
        return frames[0]
    return pd.concat(nonempty, ignore_index=True)
