"""The Correlates of War IGO data (version 3): read it, import it as a data file in our schema,
and compare it with our data year by year.

Two layouts are read, told apart by their header:

- the **wide** state-year table (COW's ``state_year_format3``): ``ccode, year, state``, then one
  column per IGO, values 0 none, 1 full, 2 associate, 3 observer, -9 missing, -1 not in
  existence or not in the state system;
- the **long** table: ``igo_abbrev, ccode, year, status``, the rows with status 1, 2, 3 or -9
  (0 and -1 dropped). A long file cannot tell 0 from -1: an IGO is taken to exist from the first
  to the last year it has a row, a country-year to be in the state system when it has a row in
  any IGO of the file, and a missing row in between to be 0.

COW codes states by COW country code (``ccode``); our data by country. A ccode-year maps to the
country that held the code for most of that year under its ``system`` spells (cut to its
existence), else to the country whose ``ccode`` it is and that existed for most of the year: 365
is the Soviet Union until 1991 and Russia from 1992, 255 and 260 are both Germany, 345 is
Yugoslavia, then Serbia and Montenegro (1992-2005), then Serbia (2006-).
"""

from __future__ import annotations

import csv
import datetime as _dt
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from alliances import panels, vocab
from alliances.dates import PartialDate
from alliances.errors import UsageError
from alliances.spells import OPEN

if TYPE_CHECKING:
    from alliances.dataset import Dataset, DateLike

COW_TO_OURS: dict[str, str] = {
    "csto": "CSTO",
    "cis": "CIS",
    "nato": "NATO",
    "wpact": "WP",
    "sco": "SCO",
    "eaec": "EurAsEC",
    "eu": "EU",
    "eec": "EU",
    "ecsc": "EU",
    "asean": "ASEAN",
    "au": "AU",
    "oau": "OAU",
    "oas": "OAS",
    "loas": "LAS",
    "coe": "CoE",
    "osce": "OSCE",
    "weu": "WEU",
    "seato": "SEATO",
    "cento": "CENTO",
    "anzus": "ANZUS",
    "cmea": "CMEA",
    "gcc": "GCC",
    "bsec": "BSEC",
    "cbss": "CBSS",
    "efta": "EFTA",
    "cefta": "CEFTA",
    "nordc": "NC",
    "saarc": "SAARC",
    "sadcc": "SADC",
    "sadc": "SADC",
    "ecowas": "ECOWAS",
    "pif": "PIF",
    "comsec": "Commonwealth",
    "un": "UN",
    "oecd": "OECD",
    "oeec": "OEEC",
    "guam": "GUAM",
    "cica": "CICA",
    "wto": "WTO",
    "unesco": "UNESCO",
    "imf": "IMF",
    "eac": "EAC",
    "caricom": "CARICOM",
    "articc": "ArcticCouncil",
    "apec": "APEC",
    "eco": "ECO",
    "amu": "AMU",
    "opec": "OPEC",
    "oic": "OIC",
    "mercosur": "Mercosur",
    "andean": "CAN",
    "eapc": "EAPC",
    "esa": "ESA",
    "epo": "EPOrg",
    "uemoa": "UEMOA",
    "cemac": "CEMAC",
    "eccas": "ECCAS",
    "igad": "IGAD",
    "oecs": "OECS",
    "um": "UfM",
}
"""COW IGO abbreviations (lower case) and the id of our organisation that they code. Several
COW IGOs may code one of ours (EU, EEC and ECSC are our ``EU``; SADCC and SADC our ``SADC``,
founded as SADCC in 1980); their codes are combined, the strongest winning. An organisation
imported with :func:`import_cow` (``COW-CSTO``) is compared with its own column."""

IMPORT_PREFIX = "COW-"
"""Prefix of imported organisation ids, so that they never collide with bundled ones."""

SOURCE_ID = "cow-igo-v3"
SOURCE = {
    "id": SOURCE_ID,
    "title": "Tracking organizations in the world: The Correlates of War IGO Version 3.0 "
             "datasets (codebook and state-year table)",
    "publisher": "Journal of Peace Research / Correlates of War Project",
    "date": "2020-05",
    "url": "https://doi.org/10.1177/0022343319881175",
}

ANNUAL_FROM = 1965
"""Before this year COW's IGO data were collected every five years (the codebook); the
annual values in between are carried over, so a change seen in one of those years may have
happened in any year since the previous observation."""

_CODE_STATUS = {1: "member", 2: "associate", 3: "observer", 0: vocab.NONE}
_CODE_EVENT = {1: "joined", 2: "associate", 3: "observer", 0: "left"}
# Combining codes: full > associate > observer > none > missing.
_STRENGTH = {1: 4, 2: 3, 3: 2, 0: 1, -9: 0}
_FROM_STRENGTH = {v: k for k, v in _STRENGTH.items()}


@dataclass
class CowTable:
    """A COW IGO file, normalised: ``cells`` has one row per IGO, ccode and year COW coded
    (status 0, 1, 2, 3 or -9: the IGO existed and the state was in the system); ``states``
    the ccode-years in the file; ``names`` the IGO abbreviations as written, by lower-case
    key."""

    path: str
    layout: str  # "wide" or "long"
    cells: pd.DataFrame
    states: pd.DataFrame
    names: dict[str, str]
    first_year: int
    last_year: int
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.spans and not self.cells.empty:
            span = self.cells.groupby("igo")["year"].agg(["min", "max"])
            self.spans = {str(k): (int(a), int(b))
                          for k, a, b in zip(span.index, span["min"], span["max"], strict=True)}

    def alive(self, igo: str) -> tuple[int, int] | None:
        """The first and last year COW codes ``igo`` (lower-case key)."""
        return self.spans.get(igo)


def _bad(path: str, why: str) -> UsageError:
    return UsageError(f"{path}: {why}")


def read_cow(path: str | os.PathLike[str], igos: Iterable[str] | None = None) -> CowTable:
    """Read a COW IGO file (wide or long layout); ``igos`` keeps only those IGOs (any case)."""
    name = os.fspath(path)
    try:
        with open(name, encoding="utf-8-sig", newline="") as f:
            header = next(csv.reader(f), [])
    except FileNotFoundError:
        raise _bad(name, "no such file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise _bad(name, f"cannot read it ({e})") from None
    cols = [h.strip() for h in header]
    lower = [c.lower() for c in cols]
    wanted = [i.lower() for i in igos] if igos else None
    try:
        if {"igo_abbrev", "ccode", "year", "status"} <= set(lower):
            return _read_long(name, wanted)
        if {"ccode", "year"} <= set(lower) and len(cols) > 3:
            return _read_wide(name, cols, wanted)
    except (ValueError, pd.errors.ParserError) as e:
        raise _bad(name, f"not a COW IGO table ({e})") from None
    raise _bad(name, "not a COW IGO table: expected the columns 'ccode, year, state, <igo>...' "
               "(wide) or 'igo_abbrev, ccode, year, status' (long)")


def _check_igos(path: str, names: dict[str, str], wanted: list[str] | None) -> list[str]:
    if wanted is None:
        return list(names)
    unknown = [w for w in wanted if w not in names]
    if unknown:
        import difflib

        hints = difflib.get_close_matches(unknown[0], list(names), n=3)
        hint = f"; did you mean {', '.join(names[h] for h in hints)}?" if hints else ""
        raise _bad(path, f"no IGO '{unknown[0]}' in the file{hint}")
    return list(dict.fromkeys(wanted))


def _read_wide(path: str, cols: list[str], wanted: list[str] | None) -> CowTable:
    keys = {c.lower(): c for c in cols}
    igo_cols = [c for c in cols if c.lower() not in ("ccode", "year", "state")]
    names = {c.lower(): c for c in igo_cols}
    chosen = _check_igos(path, names, wanted)
    usecols = [keys["ccode"], keys["year"], *(names[k] for k in chosen)]
    frame = pd.read_csv(path, usecols=usecols, encoding="utf-8-sig")
    frame.columns = [c.lower() for c in frame.columns]
    frame = frame.astype(np.int64)
    states = frame[["ccode", "year"]].drop_duplicates().reset_index(drop=True)
    long = frame.melt(id_vars=["ccode", "year"], var_name="igo", value_name="status")
    long = long[long["status"].isin([0, 1, 2, 3, -9])]
    _check_codes(path, frame[chosen].to_numpy())
    cells = long[["igo", "ccode", "year", "status"]].reset_index(drop=True)
    return CowTable(path, "wide", cells, states, {k: names[k] for k in chosen},
                    int(frame["year"].min()), int(frame["year"].max()))


def _check_codes(path: str, values: np.ndarray) -> None:
    bad = ~np.isin(values, [-9, -1, 0, 1, 2, 3])
    if bad.any():
        raise _bad(path, f"unknown status code {int(values[bad][0])} (COW codes: 0 none, "
                   "1 full, 2 associate, 3 observer, -9 missing, -1 not in existence)")


def _read_long(path: str, wanted: list[str] | None) -> CowTable:
    frame = pd.read_csv(path, encoding="utf-8-sig")
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    frame = frame[["igo_abbrev", "ccode", "year", "status"]].rename(columns={"igo_abbrev": "igo"})
    frame["igo"] = frame["igo"].astype(str)
    names: dict[str, str] = {}
    for abbr in frame["igo"].drop_duplicates():
        names.setdefault(abbr.lower(), abbr)
    frame["igo"] = frame["igo"].str.lower()
    for col in ("ccode", "year", "status"):
        frame[col] = frame[col].astype(np.int64)
    _check_codes(path, frame["status"].to_numpy())
    first, last = int(frame["year"].min()), int(frame["year"].max())
    states = frame[["ccode", "year"]].drop_duplicates().reset_index(drop=True)
    chosen = _check_igos(path, names, wanted)
    frame = frame[frame["igo"].isin(chosen) & (frame["status"] != -1)]
    # Fill in the zeros the long layout leaves out: a state in the file that year, inside
    # the IGO's years, without a row.
    span = frame.groupby("igo")["year"].agg(["min", "max"]).reset_index()
    grid = span.merge(states, how="cross")
    grid = grid[(grid["year"] >= grid["min"]) & (grid["year"] <= grid["max"])]
    grid = grid[["igo", "ccode", "year"]].merge(frame, on=["igo", "ccode", "year"], how="left")
    grid["status"] = grid["status"].fillna(0).astype(np.int64)
    cells = grid.sort_values(["igo", "ccode", "year"]).reset_index(drop=True)
    return CowTable(path, "long", cells, states, {k: names[k] for k in chosen}, first, last)


# -- ccodes and countries ------------------------------------------------------------------
def ccode_countries(ds: Dataset, pairs: pd.DataFrame) -> pd.DataFrame:
    """For each (ccode, year) in ``pairs``, the country that held the code for most of the
    year: by its ``system`` spells (cut to its existence), else by its ``ccode`` and
    existence. Returns ccode, year, country; unmapped pairs are left out."""
    rows = []
    for c in ds.data.countries.values():
        exist_a = c.start.first if c.start else 0
        exist_b = c.end.first if c.end else OPEN
        for code, s0, s1 in c.system:
            a, b = max(s0.first, exist_a), min(s1.first if s1 else OPEN, exist_b)
            if a < b:
                rows.append((code, c.code, a, b, 0))
        if c.ccode is not None:
            rows.append((c.ccode, c.code, exist_a, exist_b, 1))
    iv = pd.DataFrame(rows, columns=["ccode", "country", "a", "b", "priority"])
    want = pairs[["ccode", "year"]].drop_duplicates()
    if want.empty or iv.empty:
        return pd.DataFrame({"ccode": [], "year": [], "country": []})
    m = want.merge(iv, on="ccode")
    years = m["year"].to_numpy(dtype=np.int64)
    first_day = _year_start(years)
    last_day = _year_start(years + 1)
    days = (np.minimum(m["b"].to_numpy(), last_day) - np.maximum(m["a"].to_numpy(), first_day))
    m = m.assign(days=days)
    m = m[m["days"] > 0]
    m = m.sort_values(["ccode", "year", "priority", "days", "country"],
                      ascending=[True, True, True, False, True], kind="stable")
    m = m.drop_duplicates(["ccode", "year"], keep="first")
    return m[["ccode", "year", "country"]].reset_index(drop=True)


def _year_start(years: np.ndarray) -> np.ndarray:
    """The ordinal of 1 January of each year (vectorised: days since 0001-01-01)."""
    y = years.astype(np.int64) - 1
    return y * 365 + y // 4 - y // 100 + y // 400 + 1


# -- import ----------------------------------------------------------------------------------
@dataclass
class ImportResult:
    """A COW IGO table turned into a data file: its YAML text, what it holds, and the
    ccodes that no country of ours matched (with the years and the rows they cost)."""

    text: str
    organisations: int
    events: int
    unmapped: pd.DataFrame = field(default_factory=pd.DataFrame)


def import_cow(
    ds: Dataset,
    table: CowTable,
    *,
    prefix: str = IMPORT_PREFIX,
    kind: str | None = None,
) -> ImportResult:
    """Turn a COW IGO table into a data file in our schema: one organisation per IGO (id
    ``prefix`` + the abbreviation in capitals), events with year precision and the COW
    codebook as their source, countries mapped by :func:`ccode_countries`.

    How the annual codes become events: a change of code between two observed years is an
    event in the later year (year precision); a country's run of rows that stops while the
    IGO goes on ends its status the next year (it left the state system or its code passed to
    another state; a country that ceased to exist ends on its own end date); missing codes
    (-9) change nothing. An IGO whose columns stop before the end of the table is dissolved
    the year after its last coded year. Events before 1965 carry a note on COW's five-year
    observations."""
    if kind is not None and kind not in vocab.ORG_KINDS:
        raise UsageError(f"unknown kind '{kind}' (known: {', '.join(vocab.ORG_KINDS)})")
    cells = table.cells
    mapping = ccode_countries(ds, table.states)
    mapped = cells.merge(mapping, on=["ccode", "year"], how="left")
    lost = mapped[mapped["country"].isna() & mapped["status"].isin([1, 2, 3])]
    unmapped = (
        lost.groupby("ccode")
        .agg(first_year=("year", "min"), last_year=("year", "max"), rows=("year", "size"),
             igos=("igo", "nunique"))
        .reset_index()
    )
    mapped = mapped[mapped["country"].notna()].copy()
    # One code per IGO, country and year: the strongest (Germany 1990 under 255 and 260).
    mapped["strength"] = mapped["status"].map(_STRENGTH)
    per = (
        mapped.groupby(["igo", "country", "year"], sort=True)["strength"].max().reset_index()
    )
    per["status"] = per["strength"].map(_FROM_STRENGTH)
    holder: dict[tuple[int, int], str] = {
        (int(c), int(y)): str(x)
        for c, y, x in zip(mapping["ccode"], mapping["year"], mapping["country"], strict=True)
    }
    code_of: dict[tuple[str, int], int] = {}
    for c, y, x in zip(mapping["ccode"], mapping["year"], mapping["country"], strict=True):
        code_of.setdefault((str(x), int(y)), int(c))

    lines = [
        "# Imported from the Correlates of War IGO v3 data by `alliances import cow-igo`.",
        f"# Source table: {Path(table.path).name} ({table.layout} layout). Year precision: "
        "COW codes years, not days.",
        "schema: 1",
        "sources:",
        "  - " + _flow(SOURCE),
        "organisations:",
    ]
    n_orgs = n_events = 0
    countries = ds.data.countries
    # Walk the (IGO, country) runs on plain arrays: one slice per run, no pandas per run.
    per = per.sort_values(["igo", "country", "year"], kind="stable")
    igo_arr = per["igo"].to_numpy()
    country_arr = per["country"].to_numpy()
    year_arr = per["year"].to_numpy(dtype=np.int64)
    code_arr = per["status"].to_numpy(dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, (igo_arr[1:] != igo_arr[:-1])
                                  | (country_arr[1:] != country_arr[:-1])])
    ends = np.r_[starts[1:], len(per)]
    active: list[bool] = (
        (np.add.reduceat((code_arr > 0).astype(np.int64), starts) > 0).tolist()
        if len(per) else []
    )
    runs: dict[str, list[tuple[str, int, int]]] = {}
    for a, b, on in zip(starts.tolist(), ends.tolist(), active, strict=True):
        if on:
            runs.setdefault(str(igo_arr[a]), []).append((str(country_arr[a]), a, b))
    for igo in table.names:
        span = table.alive(igo)
        if span is None:
            continue
        first, last = span
        abbr = table.names[igo]
        oid = f"{prefix}{abbr.upper()}"
        ours = COW_TO_OURS.get(igo)
        our_org = ds.data.organisations.get(ours) if ours else None
        org_kind = kind or (our_org.kind if our_org is not None else "forum")
        dissolved = last + 1 if last < table.last_year else None
        events: list[tuple[int, str, str]] = []  # (year, country, line)
        for country, a, b in runs.get(igo, []):
            events.extend(_series_events(
                country, year_arr[a:b], code_arr[a:b], last, countries[country].end, holder,
                code_of,
            ))
        events.sort(key=lambda e: (e[0], e[1]))
        lines += [
            f"  - id: {oid}",
            f"    name: {json.dumps(abbr.upper() + ' (COW IGO v3)', ensure_ascii=False)}",
            f"    kind: {org_kind}",
            "    note: " + json.dumps(
                f"Imported from the COW IGO v3 state-year data (column '{abbr}'), coded "
                f"{first}-{last}; dates are years."
                + (f" Closest bundled organisation: {ours}." if our_org is not None else ""),
                ensure_ascii=False),
            f"    sources: [{SOURCE_ID}]",
            "    events:",
            "      - " + _flow({"date": str(first), "event": "founded",
                                "note": f"first year COW codes {abbr}",
                                "sources": [SOURCE_ID]}),
        ]
        lines += ["      - " + line for _, _, line in events]
        if dissolved is not None:
            lines.append("      - " + _flow({"date": str(dissolved), "event": "dissolved",
                                             "note": f"COW codes {abbr} until {last}",
                                             "sources": [SOURCE_ID]}))
        n_orgs += 1
        n_events += len(events) + 1 + (dissolved is not None)
    if n_orgs == 0:
        lines.append("  []")
        lines[-2] = "organisations:"
    return ImportResult("\n".join(lines) + "\n", n_orgs, n_events, unmapped)


def check_import(ds: Dataset, result: ImportResult) -> None:
    """Load the imported file beside the data ``ds`` was loaded from; raise
    :class:`~alliances.errors.DataError` if it does not load (a bug of the import)."""
    import tempfile

    from alliances.errors import DataError
    from alliances.loading import load_data

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "cow-igo.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(result.text)
        _, issues = load_data([*ds.data.paths, path], today=ds.today)
    if issues:
        raise DataError(issues)


def _series_events(
    country: str,
    years: np.ndarray,
    codes: np.ndarray,
    last: int,
    end: PartialDate | None,
    holder: dict[tuple[int, int], str],
    code_of: dict[tuple[str, int], int],
) -> list[tuple[int, str, str]]:
    """The events of one country in one IGO, from its yearly codes (sorted by year)."""
    out: list[tuple[int, str, str]] = []
    current = 0
    previous_year: int | None = None
    for year, code in zip(years.tolist(), codes.tolist(), strict=True):
        seen = previous_year
        if previous_year is not None and year > previous_year + 1 and current != 0:
            # A break in the rows: the status ends the year after the last row.
            gone = previous_year + 1
            if _exists_from(end, gone):
                out.append(_event(gone, country, 0, current, previous_year,
                                  f"COW has no row for {country} from {gone} to {year - 1} "
                                  "(outside the state system, or its code passed to another "
                                  "state)"))
            current = 0
        previous_year = year
        if code == -9 or code == current:
            continue
        note = None
        cc = code_of.get((country, year))
        before = holder.get((cc, year - 1)) if cc is not None else None
        if current == 0 and before is not None and before != country:
            note = f"COW code {cc} belonged to {before} until {year - 1}"
        out.append(_event(year, country, code, current, seen, note))
        current = code
    if current != 0 and previous_year is not None and previous_year < last:
        # The rows stop while the IGO goes on (its own end dissolves it).
        gone = previous_year + 1
        if _exists_from(end, gone):
            out.append(_event(gone, country, 0, current, previous_year,
                              f"COW has no row for {country} after {previous_year}"))
    return out


def _exists_from(end: PartialDate | None, year: int) -> bool:
    """Whether a country (its exclusive ``end``) still exists at the end of ``year``'s first
    day, and does not cease during that year (then its own end date closes the spell)."""
    if end is None:
        return True
    return end.first >= _dt.date(year + 1, 1, 1).toordinal()


def _event(year: int, country: str, code: int, before: int, seen: int | None,
           note: str | None) -> tuple[int, str, str]:
    notes = [note] if note else []
    if year < ANNUAL_FROM and seen is not None:
        notes.append(f"COW shows {_CODE_STATUS[before]} in {seen} and "
                     f"{_CODE_STATUS[code]} in {year}; before {ANNUAL_FROM} COW observed "
                     "memberships every five years, so the change may be earlier")
    record: dict[str, object] = {"date": str(year), "country": country,
                                 "event": _CODE_EVENT[code]}
    if notes:
        record["note"] = "; ".join(notes)
    record["sources"] = [SOURCE_ID]
    return year, country, _flow(record)


def _flow(record: Mapping[str, object]) -> str:
    """One YAML flow mapping (JSON strings are valid YAML double-quoted scalars)."""
    parts = []
    for key, value in record.items():
        if isinstance(value, list):
            text = "[" + ", ".join(str(v) for v in value) + "]"
        else:
            text = json.dumps(str(value), ensure_ascii=False)
        parts.append(f"{key}: {text}")
    return "{" + ", ".join(parts) + "}"


# -- compare ---------------------------------------------------------------------------------
DISAGREEMENT_COLUMNS = [
    "org", "cow_igo", "year", "ccode", "country", "country_name", "cow_status", "our_status",
    "status", "uncertain",
]
SUMMARY_COLUMNS = [
    "org", "cow_igo", "first_year", "last_year", "compared", "agree", "disagree",
    "cow_missing", "agreement",
]


@dataclass
class Comparison:
    """Year-by-year agreement of our data with a COW IGO table: every disagreement, and the
    agreement rate per organisation."""

    disagreements: pd.DataFrame
    summary: pd.DataFrame


def pairs_for(ds: Dataset, table: CowTable, orgs: Iterable[str] | None = None
              ) -> dict[str, list[str]]:
    """Our organisations and the COW IGOs (lower-case keys in the table) that code them."""
    ours: dict[str, list[str]] = {}
    for igo in table.names:
        oid = COW_TO_OURS.get(igo)
        if oid is not None and oid in ds.data.organisations:
            ours.setdefault(oid, []).append(igo)
    for oid in ds.data.organisations:
        if oid.upper().startswith(IMPORT_PREFIX.upper()):
            key = oid[len(IMPORT_PREFIX):].lower()
            if key in table.names:
                ours.setdefault(oid, []).append(key)
    if not ours:
        raise UsageError(f"no IGO in {Path(table.path).name} codes one of our organisations "
                         "(see alliances.cow.COW_TO_OURS for the mapping)")
    if orgs:
        chosen = {}
        for name in orgs:
            oid = ds.resolve_org(name)
            if oid not in ours:
                raise UsageError(f"no IGO in {Path(table.path).name} codes {oid} (see "
                                 "alliances.cow.COW_TO_OURS for the mapping)")
            chosen[oid] = ours[oid]
        return chosen
    return dict(sorted(ours.items(), key=lambda kv: list(ds.data.organisations).index(kv[0])))


def compare(
    ds: Dataset,
    table: CowTable,
    *,
    orgs: Iterable[str] | None = None,
    rule: str = panels.DEFAULT_RULE,
    from_: DateLike | None = None,
    to: DateLike | None = None,
) -> Comparison:
    """Compare our data, read year by year under ``rule``, with a COW IGO table, for the
    organisations both have and the years both cover (COW's years of the IGO, the years our
    organisation existed).

    A cell is one organisation, COW code and year. Compared: the cells where both code the
    state (COW 0-3; ours: the country in our state system that year), plus the cells where
    only one side has a membership (COW codes a state we do not have in the system; we have a
    member COW does not code: microstates). COW's missing values (-9) are counted apart.
    Where a country held two codes in one year and COW codes only one (Germany 1990: COW uses
    255), the other is not compared."""
    pairs = pairs_for(ds, table, orgs)
    lo = ds.day(from_).first_date.year if from_ is not None else None
    hi = ds.day(to).first_date.year if to is not None else None
    dis_frames: list[pd.DataFrame] = []
    summary: list[tuple[Any, ...]] = []
    p = panels.Panels(ds, rule=rule, orgs=list(pairs))
    born = [ds.data.organisations[o].founded for o in pairs]
    start = min((b.first_date.year for b in born if b is not None), default=table.first_year)
    years_all = range(max(table.first_year, start, lo or table.first_year),
                      min(table.last_year, hi or table.last_year) + 1)
    ours_all = pd.concat([p.state_year(y) for y in years_all] or [pd.DataFrame()],
                         ignore_index=True)
    states = set(zip(table.states["ccode"].tolist(), table.states["year"].tolist(), strict=True))
    names = {c.code: c.name for c in ds.data.countries.values()}
    for oid, igos in pairs.items():
        cow = table.cells[table.cells["igo"].isin(igos)]
        span = [table.alive(i) for i in igos]
        first = min(s[0] for s in span if s)
        last = max(s[1] for s in span if s)
        ours = ours_all[ours_all["org"] == oid] if not ours_all.empty else ours_all
        if not ours.empty:
            first = max(first, int(ours["year"].min()))
            last = min(last, int(ours["year"].max()))
        if lo is not None:
            first = max(first, lo)
        if hi is not None:
            last = min(last, hi)
        label = "+".join(table.names[i] for i in igos)
        if ours.empty or first > last:
            summary.append((oid, label, None, None, 0, 0, 0, 0, None))
            continue
        ours = ours[(ours["year"] >= first) & (ours["year"] <= last)]
        cow = cow[(cow["year"] >= first) & (cow["year"] <= last)]
        c = cow.assign(strength=cow["status"].map(_STRENGTH))
        c = c.groupby(["ccode", "year"])["strength"].max().reset_index()
        c["cow_status"] = c["strength"].map(_FROM_STRENGTH)
        o = ours.groupby(["ccode", "year"]).agg(
            our_status=("cow_status", "max"),
            uncertain=("uncertain", "any"),
        ).reset_index()
        # The countries behind a code-year: one, or two in a handover year (SUN/RUS 1991).
        keyed = ours[["ccode", "year", "country"]].drop_duplicates()
        shared = keyed.duplicated(["ccode", "year"], keep=False)
        joined: dict[tuple[int, int], str] = {}
        for code, year, name in zip(keyed.loc[shared, "ccode"], keyed.loc[shared, "year"],
                                    keyed.loc[shared, "country"], strict=True):
            k = (int(code), int(year))
            joined[k] = f"{joined[k]}/{name}" if k in joined else str(name)
        o = o.merge(keyed[~shared], on=["ccode", "year"], how="left")
        if joined:
            o["country"] = [
                joined.get((int(c), int(y)), x)
                for c, y, x in zip(o["ccode"], o["year"], o["country"], strict=True)
            ]
        # Our status word: the strongest of the countries sharing the code that year.
        best = ours.assign(_r=ours["status"].map(
            {s: i for i, s in enumerate([*vocab.STATUSES, vocab.NONE])}))
        best = best.sort_values("_r").drop_duplicates(["ccode", "year"])
        o = o.merge(best[["ccode", "year", "status"]], on=["ccode", "year"])
        both = o.merge(c[["ccode", "year", "cow_status"]], on=["ccode", "year"], how="outer")
        in_cow = np.array([(int(a), int(b)) in states for a, b in
                           zip(both["ccode"], both["year"], strict=True)], dtype=bool)
        has_cow = both["cow_status"].notna().to_numpy() & in_cow
        has_ours = both["our_status"].notna().to_numpy()
        cow_code = both["cow_status"].fillna(0).to_numpy(dtype=np.int64)
        our_code = both["our_status"].fillna(0).to_numpy(dtype=np.int64)
        handover = _handover(both, ours, states, ~has_cow & has_ours & (our_code > 0))
        missing = has_cow & (cow_code == -9)
        compared = (
            (has_cow & has_ours & ~missing)
            | (has_cow & ~has_ours & (cow_code > 0))
            | (~has_cow & has_ours & (our_code > 0) & ~handover)
        )
        agree = compared & has_cow & has_ours & (cow_code == our_code)
        disagree = compared & ~agree
        n, a = int(compared.sum()), int(agree.sum())
        summary.append((oid, label, first, last, n, a, n - a, int(missing.sum()),
                        round(a / n, 4) if n else None))
        d = both[disagree].copy()
        if d.empty:
            continue
        d["cow_status"] = pd.array(
            np.where(has_cow[disagree], cow_code[disagree], 0), dtype="Int64")
        d.loc[~has_cow[disagree], "cow_status"] = pd.NA
        d["our_status"] = d["our_status"].astype("Int64")
        unknown = d["country"].isna()
        if unknown.any():
            named = ccode_countries(ds, d.loc[unknown, ["ccode", "year"]])
            lookup = named.set_index(["ccode", "year"])["country"].to_dict()
            d.loc[unknown, "country"] = [lookup.get((int(a), int(b)), "")
                                         for a, b in zip(d.loc[unknown, "ccode"],
                                                         d.loc[unknown, "year"], strict=True)]
        d["status"] = d["status"].fillna("")
        d["uncertain"] = d["uncertain"].fillna(False).astype(bool)
        d["country_name"] = [names.get(str(x).split("/")[0], "") for x in d["country"]]
        d["org"] = oid
        d["cow_igo"] = label
        d["ccode"] = d["ccode"].astype(np.int64)
        d["year"] = d["year"].astype(np.int64)
        dis_frames.append(d[DISAGREEMENT_COLUMNS])
    disagreements = (
        pd.concat(dis_frames, ignore_index=True) if dis_frames
        else pd.DataFrame({c: [] for c in DISAGREEMENT_COLUMNS})
    )
    if not disagreements.empty:
        disagreements = disagreements.sort_values(["org", "country", "year"], kind="stable")
        disagreements = disagreements.reset_index(drop=True)
    out = pd.DataFrame(summary, columns=SUMMARY_COLUMNS)
    for col in ("first_year", "last_year"):
        out[col] = out[col].astype("Int64")
    return Comparison(disagreements, out)


def _handover(both: pd.DataFrame, ours: pd.DataFrame, states: set[tuple[int, int]],
              candidates: np.ndarray) -> np.ndarray:
    """Among ``candidates``, the cells of ours whose country COW codes under another of its
    codes that year."""
    out = np.zeros(len(both), dtype=bool)
    if not candidates.any():
        return out
    codes: dict[tuple[str, int], set[int]] = {}
    for c, y, cc in zip(ours["country"], ours["year"], ours["ccode"], strict=True):
        codes.setdefault((str(c), int(y)), set()).add(int(cc))
    rows = np.flatnonzero(candidates)
    sub = both.iloc[rows]
    for n, country, ccode, year in zip(rows, sub["country"], sub["ccode"], sub["year"],
                                       strict=True):
        if not isinstance(country, str):
            continue
        for name in country.split("/"):
            others = [c for c in codes.get((name, int(year)), set()) if c != int(ccode)]
            if any((c, int(year)) in states for c in others):
                out[n] = True
    return out
