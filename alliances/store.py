"""The columnar form of a checked dataset: numpy arrays of events and spells, plus the small
records (organisations, countries, sources). Queries read it; the cache saves and loads it.

Days are proleptic Gregorian ordinals (int32). Strings that repeat (organisation ids, country
codes, statuses, event kinds, precisions) are small integer codes into the tables below. A
partial date's text is derived from its first day and precision, so it is never stored twice.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from alliances import vocab
from alliances.dates import PartialDate, parse_date
from alliances.model import Country, Data, Event, Organisation, Source, Transition

OPEN = _dt.date.max.toordinal() + 1
"""The end day of a spell still open."""

STATUS = ("none", *vocab.STATUSES)
KIND = (*sorted(set(vocab.COUNTRY_EVENTS) | set(vocab.ORG_EVENTS)), "ceased")
PRECISION = ("day", "month", "year")
_STATUS_CODE = {s: i for i, s in enumerate(STATUS)}
_KIND_CODE = {k: i for i, k in enumerate(KIND)}
_PREC_CODE = {p: i for i, p in enumerate(PRECISION)}

FORMAT_VERSION = 2


def day_text(day: int, precision: int) -> str:
    """The text of a date from its first day and precision code."""
    d = _dt.date.fromordinal(day)
    if precision == 0:
        return d.isoformat()
    if precision == 1:
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def _pd(day: int, last: int, precision: int) -> PartialDate:
    return PartialDate(day, last, day_text(day, precision), PRECISION[precision])  # type: ignore[arg-type]


class Lazy(Mapping[str, Any]):
    """Records kept as JSON-like dicts and turned into objects when first looked at."""

    def __init__(self, raw: dict[str, dict[str, Any]], make: Callable[[dict[str, Any]], Any]):
        self._raw = raw
        self._make = make
        self._done: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        done = self._done.get(key)
        if done is None:
            done = self._done[key] = self._make(self._raw[key])
        return done

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, key: object) -> bool:
        return key in self._raw


class _TextFile:
    """text.json, read when first needed (notes and names are not needed by most queries)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._data: dict[str, list[str | None]] | None = None

    def get(self, key: str) -> list[str | None]:
        if self._data is None:
            self._data = json.loads(self.path.read_text(encoding="utf-8"))
        return self._data[key]


class LazyText(Sequence[str | None]):
    def __init__(self, source: _TextFile, key: str, n: int) -> None:
        self._source, self._key, self._n = source, key, n

    def __getitem__(self, i: Any) -> Any:
        return self._source.get(self._key)[i]

    def __len__(self) -> int:
        return self._n


class _Rebuilt(Sequence[Any]):
    """The events or transitions of a store, rebuilt from its columns on first use."""

    def __init__(self, store: Store, which: str) -> None:
        self._store, self._which = store, which
        self._items: Sequence[Any] | None = None

    def _get(self) -> Sequence[Any]:
        if self._items is None:
            full = self._store.full_data()
            self._items = full.events if self._which == "events" else full.transitions
        return self._items

    def __getitem__(self, i: Any) -> Any:
        return self._get()[i]

    def __len__(self) -> int:
        if self._which == "events":
            return self._store.n_events
        return len(self._get())


@dataclass
class Store:
    """A checked dataset in columns."""

    paths: list[str]
    organisations: Mapping[str, Organisation]  # records without their event lists
    countries: Mapping[str, Country]
    org_ids: list[str]
    country_ids: list[str]
    sources: list[dict[str, str]]
    ev: dict[str, np.ndarray]
    notes: Sequence[str | None]
    names: Sequence[str | None]
    sp: dict[str, np.ndarray]
    org_event_counts: dict[str, int] = field(default_factory=dict)

    # -- lookups -------------------------------------------------------------------------
    @property
    def country_names(self) -> list[str]:
        """Country names in code order (without turning every record into an object)."""
        cached = getattr(self, "_country_names", None)
        if cached is None:
            c = self.countries
            raw = getattr(c, "_raw", None)
            cached = ([raw[k]["name"] for k in self.country_ids] if raw is not None
                      else [c[k].name for k in self.country_ids])
            self._country_names = cached
        return cached

    @property
    def n_events(self) -> int:
        return int(self.ev["org"].shape[0])

    @property
    def n_spells(self) -> int:
        return int(self.sp["org"].shape[0])

    def event_sources(self, i: int) -> list[dict[str, str]]:
        ptr = self.ev["src_ptr"]
        return [self.sources[j] for j in self.ev["src_idx"][ptr[i]:ptr[i + 1]]]

    @property
    def _org_pos(self) -> dict[str, int]:
        cached = getattr(self, "_org_pos_cache", None)
        if cached is None:
            cached = {o: i for i, o in enumerate(self.org_ids)}
            self._org_pos_cache = cached
        return cached

    @property
    def _country_pos(self) -> dict[str, int]:
        cached = getattr(self, "_country_pos_cache", None)
        if cached is None:
            cached = {c: i for i, c in enumerate(self.country_ids)}
            self._country_pos_cache = cached
        return cached

    def org_code(self, org: str) -> int:
        return self._org_pos.get(org, -1)

    def country_code(self, country: str) -> int:
        return self._country_pos.get(country, -1)

    def org_rows(self, org: str) -> np.ndarray:
        """Indices of the spells of one organisation."""
        i = self.org_code(org)
        if i < 0:
            return np.empty(0, dtype=np.int64)
        ptr = self.sp["org_ptr"]
        return np.arange(ptr[i], ptr[i + 1])

    def country_rows(self, country: str) -> np.ndarray:
        """Indices of the spells of one country."""
        i = self.country_code(country)
        if i < 0:
            return np.empty(0, dtype=np.int64)
        ptr = self.sp["country_ptr"]
        return self.sp["by_country"][ptr[i]:ptr[i + 1]]

    # -- back to records -----------------------------------------------------------------
    def data(self) -> Data:
        """The records: organisations and countries at once, events and transitions rebuilt
        from the columns when first read."""
        return Data(self.organisations, self.countries, _Rebuilt(self, "events"),
                    _Rebuilt(self, "transitions"), list(self.paths))

    def full_data(self) -> Data:
        cached = getattr(self, "_full", None)
        if cached is None:
            cached = self._full = self.to_data()
        return cached

    def to_data(self) -> Data:
        """The full records (Event objects and transitions), rebuilt from the columns."""
        ev = self.ev
        orgs = {k: _copy_org(v) for k, v in self.organisations.items()}
        events: list[Event] = []
        for i in range(self.n_events):
            country = int(ev["country"][i])
            pred = int(ev["pred"][i])
            status = int(ev["status"][i])
            ann = int(ev["ann_day"][i])
            e = Event(
                org=self.org_ids[int(ev["org"][i])],
                country=self.country_ids[country] if country >= 0 else None,
                kind=KIND[int(ev["kind"][i])],
                date=_pd(int(ev["day"][i]), int(ev["last"][i]), int(ev["prec"][i])),
                status=STATUS[status] if status >= 0 else None,
                path=self.paths[int(ev["file"][i])],
                line=int(ev["line"][i]),
                column=int(ev["column"][i]),
                seq=int(ev["seq"][i]),
                sources=[Source(**s) for s in self.event_sources(i)],
                name=self.names[i],
                announced=(_pd(ann, int(ev["ann_last"][i]), int(ev["ann_prec"][i]))
                           if ann >= 0 else None),
                scheduled=bool(ev["scheduled"][i]),
                note=self.notes[i],
                predecessor=self.country_ids[pred] if pred >= 0 else None,
            )
            events.append(e)
            orgs[e.org].events.append(e)
        transitions: list[Transition] = []
        for i in range(self.n_events):
            e = events[i]
            if e.country is None:
                continue
            if e.kind == "succeeded" and e.predecessor:
                transitions.append(Transition(e.org, e.predecessor, e.date, vocab.NONE, i,
                                              "succeeded"))
            if e.status is not None:
                transitions.append(Transition(e.org, e.country, e.date, e.status, i, e.kind))
        countries = {k: self.countries[k] for k in self.countries}
        return Data(orgs, countries, events, transitions, list(self.paths))


def _copy_org(o: Organisation) -> Organisation:
    return Organisation(
        id=o.id, name=o.name, kind=o.kind, path=o.path, line=o.line, aliases=list(o.aliases),
        predecessor=o.predecessor, successor=o.successor, url=o.url, note=o.note, gaps=o.gaps,
        sources=list(o.sources), events=[], founded=o.founded, dissolved=o.dissolved,
        names=list(o.names),
    )


# -- building -----------------------------------------------------------------------------
def from_data(data: Data) -> Store:
    """Columns from checked records (the records' events are not kept)."""
    import gc

    enabled = gc.isenabled()
    gc.disable()  # many small objects, no cycles: the collector would only rescan them
    try:
        return _from_data(data)
    finally:
        if enabled:
            gc.enable()


def _from_data(data: Data) -> Store:
    org_ids = list(data.organisations)
    country_ids = list(data.countries)
    org_pos = {o: i for i, o in enumerate(org_ids)}
    country_pos = {c: i for i, c in enumerate(country_ids)}
    path_pos = {p: i for i, p in enumerate(data.paths)}
    sources: list[dict[str, str]] = []
    source_pos: dict[tuple[tuple[str, str], ...], int] = {}

    by_object: dict[int, int] = {}
    keep_alive: list[Source] = []

    def source_index(s: Source) -> int:
        # Shared and repeated sources are the same objects: look them up by identity first.
        hit = by_object.get(id(s))
        if hit is not None:
            return hit
        keep_alive.append(s)
        by_object[id(s)] = found = _source_index(s)
        return found

    def _source_index(s: Source) -> int:
        d = s.as_dict()
        key = tuple(d.items())
        i = source_pos.get(key)
        if i is None:
            i = source_pos[key] = len(sources)
            sources.append(d)
        return i

    events = data.events
    n = len(events)
    # One pass in plain lists (numpy element assignment costs ten times a list append), then
    # one conversion per column.
    org_l: list[int] = []
    country_l: list[int] = []
    kind_l: list[int] = []
    status_l: list[int] = []
    day_l: list[int] = []
    last_l: list[int] = []
    prec_l: list[int] = []
    ann_day_l: list[int] = []
    ann_last_l: list[int] = []
    ann_prec_l: list[int] = []
    scheduled_l: list[bool] = []
    pred_l: list[int] = []
    file_l: list[int] = []
    line_l: list[int] = []
    column_l: list[int] = []
    seq_l: list[int] = []
    ptr_l: list[int] = [0]
    src_idx: list[int] = []
    notes: list[str | None] = []
    names: list[str | None] = []
    counts: dict[str, int] = {}
    kind_code, status_code, prec_code = _KIND_CODE, _STATUS_CODE, _PREC_CODE
    for e in events:
        org_l.append(org_pos[e.org])
        country_l.append(country_pos[e.country] if e.country is not None else -1)
        kind_l.append(kind_code[e.kind])
        status_l.append(status_code[e.status] if e.status is not None else -1)
        d = e.date
        day_l.append(d.first)
        last_l.append(d.last)
        prec_l.append(prec_code[d.precision])
        a = e.announced
        if a is not None:
            ann_day_l.append(a.first)
            ann_last_l.append(a.last)
            ann_prec_l.append(prec_code[a.precision])
        else:
            ann_day_l.append(-1)
            ann_last_l.append(-1)
            ann_prec_l.append(-1)
        scheduled_l.append(e.scheduled)
        pred_l.append(country_pos.get(e.predecessor, -1) if e.predecessor else -1)
        file_l.append(path_pos.get(e.path, 0))
        line_l.append(e.line)
        column_l.append(e.column)
        seq_l.append(e.seq)
        for src in e.sources:
            src_idx.append(source_index(src))
        ptr_l.append(len(src_idx))
        notes.append(e.note)
        names.append(e.name)
        counts[e.org] = counts.get(e.org, 0) + 1
    cols: dict[str, np.ndarray] = {
        "org": np.array(org_l, np.int32), "country": np.array(country_l, np.int32),
        "kind": np.array(kind_l, np.int8), "status": np.array(status_l, np.int8),
        "day": np.array(day_l, np.int32), "last": np.array(last_l, np.int32),
        "prec": np.array(prec_l, np.int8), "ann_day": np.array(ann_day_l, np.int32),
        "ann_last": np.array(ann_last_l, np.int32), "ann_prec": np.array(ann_prec_l, np.int8),
        "scheduled": np.array(scheduled_l, np.bool_), "pred": np.array(pred_l, np.int32),
        "file": np.array(file_l, np.int16), "line": np.array(line_l, np.int32),
        "column": np.array(column_l, np.int32), "seq": np.array(seq_l, np.int32),
        "src_ptr": np.array(ptr_l, np.int32), "src_idx": np.array(src_idx, np.int32),
    }
    assert cols["org"].shape[0] == n
    for o in data.organisations.values():
        for s in o.sources:
            source_index(s)
    orgs = {k: _copy_org(v) for k, v in data.organisations.items()}
    sp = build_spells(data, org_pos, country_pos)
    return Store(
        paths=list(data.paths), organisations=orgs, countries=dict(data.countries),
        org_ids=org_ids, country_ids=country_ids, sources=sources, ev=cols, notes=notes,
        names=names, sp=sp, org_event_counts=counts,
    )


def build_spells(
    data: Data, org_pos: dict[str, int], country_pos: dict[str, int]
) -> dict[str, np.ndarray]:
    """Spells from the transitions, with numpy: start inclusive, end exclusive, ended also by
    the country's end of existence or the organisation's dissolution."""
    tr = data.transitions
    n = len(tr)
    org = np.fromiter((org_pos[t.org] for t in tr), np.int32, n)
    country = np.fromiter((country_pos[t.country] for t in tr), np.int32, n)
    status = np.fromiter((_STATUS_CODE[t.status] for t in tr), np.int8, n)
    day = np.fromiter((t.date.first for t in tr), np.int32, n)
    last = np.fromiter((t.date.last for t in tr), np.int32, n)
    prec = np.fromiter((_PREC_CODE[t.date.precision] for t in tr), np.int8, n)
    event = np.fromiter((t.event for t in tr), np.int32, n)
    kind = np.fromiter((_KIND_CODE[t.kind] for t in tr), np.int8, n)
    order = np.lexsort((np.arange(n), day, country, org))
    org, country, status, day = org[order], country[order], status[order], day[order]
    last, prec, event, kind = last[order], prec[order], event[order], kind[order]
    follow = np.zeros(n, dtype=bool)
    if n > 1:
        follow[:-1] = (org[1:] == org[:-1]) & (country[1:] == country[:-1])

    def shifted(a: np.ndarray, fill: int) -> np.ndarray:
        out = np.full(n, fill, dtype=a.dtype)
        if n > 1:
            out[:-1] = a[1:]
        return np.where(follow, out, fill).astype(a.dtype)

    end_day: np.ndarray = shifted(day, OPEN)
    end_last: np.ndarray = shifted(last, OPEN)
    end_prec: np.ndarray = shifted(prec, -1)
    end_event: np.ndarray = shifted(event, -1)
    end_kind: np.ndarray = shifted(kind, -1)
    # Ends of existence and dissolutions.
    c_end = np.full(len(country_pos), OPEN, np.int32)
    c_end_last = np.full(len(country_pos), OPEN, np.int32)
    c_end_prec = np.full(len(country_pos), -1, np.int8)
    for code, c in data.countries.items():
        if c.end is not None and code in country_pos:
            ci = country_pos[code]
            c_end[ci], c_end_last[ci], c_end_prec[ci] = (
                c.end.first, c.end.last, _PREC_CODE[c.end.precision])
    o_end = np.full(len(org_pos), OPEN, np.int32)
    o_end_last = np.full(len(org_pos), OPEN, np.int32)
    o_end_prec = np.full(len(org_pos), -1, np.int8)
    for oid, o in data.organisations.items():
        if o.dissolved is not None:
            oi = org_pos[oid]
            o_end[oi], o_end_last[oi], o_end_prec[oi] = (
                o.dissolved.first, o.dissolved.last, _PREC_CODE[o.dissolved.precision])
    for bound, bound_last, bound_prec, key, end_code in (
        (c_end, c_end_last, c_end_prec, country, _KIND_CODE["ceased"]),
        (o_end, o_end_last, o_end_prec, org, _KIND_CODE["dissolved"]),
    ):
        b = bound[key] if len(bound) else np.full(n, OPEN, np.int32)
        cut = b < end_day
        if cut.any():
            end_day = np.where(cut, b, end_day)
            end_last = np.where(cut, bound_last[key], end_last)
            end_prec = np.where(cut, bound_prec[key], end_prec).astype(np.int8)
            end_event = np.where(cut, -1, end_event)
            end_kind = np.where(cut, end_code, end_kind).astype(np.int8)
    keep = (status != _STATUS_CODE["none"]) & (day < end_last)
    is_open = end_day == OPEN
    hi = np.where(is_open, OPEN, np.where(end_prec == 0, end_day, end_last))
    sp = {
        "org": org[keep], "country": country[keep], "status": status[keep],
        "start_day": day[keep], "start_last": last[keep], "start_prec": prec[keep],
        "start_event": event[keep], "start_kind": kind[keep],
        "end_day": end_day[keep].astype(np.int32), "end_last": end_last[keep].astype(np.int32),
        "end_prec": end_prec[keep], "end_event": end_event[keep].astype(np.int32),
        "end_kind": end_kind[keep], "lo": day[keep], "hi": hi[keep].astype(np.int32),
    }
    order = np.lexsort((sp["country"], sp["start_day"], sp["org"]))
    sp = {k: v[order] for k, v in sp.items()}
    sp["org_ptr"] = np.searchsorted(sp["org"], np.arange(len(org_pos) + 1)).astype(np.int64)
    by_country = np.lexsort((sp["org"], sp["start_day"], sp["country"]))
    sp["by_country"] = by_country.astype(np.int64)
    sp["country_ptr"] = np.searchsorted(
        sp["country"][by_country], np.arange(len(country_pos) + 1)
    ).astype(np.int64)
    return sp


# -- saving and loading -------------------------------------------------------------------
def _date_text(d: PartialDate | None) -> str | None:
    return d.text if d is not None else None


def _date_from(text: str | None) -> PartialDate | None:
    return parse_date(text) if text is not None else None


def _org_json(o: Organisation) -> dict[str, Any]:
    return {
        "id": o.id, "name": o.name, "kind": o.kind, "path": o.path, "line": o.line,
        "aliases": o.aliases, "predecessor": o.predecessor, "successor": o.successor,
        "url": o.url, "note": o.note, "gaps": o.gaps, "sources": [s.as_dict() for s in o.sources],
        "founded": _date_text(o.founded), "dissolved": _date_text(o.dissolved),
        "names": [[d.text, n] for d, n in o.names],
    }


def _org_from(d: dict[str, Any]) -> Organisation:
    return Organisation(
        id=d["id"], name=d["name"], kind=d["kind"], path=d["path"], line=d["line"],
        aliases=d["aliases"], predecessor=d["predecessor"], successor=d["successor"],
        url=d["url"], note=d["note"], gaps=d.get("gaps"),
        sources=[Source(**s) for s in d["sources"]],
        founded=_date_from(d["founded"]), dissolved=_date_from(d["dissolved"]),
        names=[(parse_date(t), n) for t, n in d["names"]],
    )


def _country_json(c: Country) -> dict[str, Any]:
    return {
        "code": c.code, "name": c.name, "path": c.path, "line": c.line,
        "official_name": c.official_name, "aliases": c.aliases, "alpha2": c.alpha2,
        "ccode": c.ccode, "gwcode": c.gwcode, "start": _date_text(c.start),
        "end": _date_text(c.end), "predecessors": c.predecessors, "successors": c.successors,
        "system": [[cc, s.text, _date_text(e)] for cc, s, e in c.system],
        "note": c.note, "sources": [s.as_dict() for s in c.sources],
    }


def _country_from(d: dict[str, Any]) -> Country:
    return Country(
        code=d["code"], name=d["name"], path=d["path"], line=d["line"],
        official_name=d["official_name"], aliases=d["aliases"], alpha2=d["alpha2"],
        ccode=d["ccode"], gwcode=d["gwcode"], start=_date_from(d["start"]),
        end=_date_from(d["end"]), predecessors=d["predecessors"], successors=d["successors"],
        system=[(cc, parse_date(s), _date_from(e)) for cc, s, e in d["system"]],
        note=d["note"], sources=[Source(**s) for s in d["sources"]],
    )


def save(store: Store, directory: str | os.PathLike[str]) -> None:
    """Write the store into an (empty) directory: arrays.npz and meta.json, no pickle."""
    d = Path(directory)
    arrays = {f"ev.{k}": v for k, v in store.ev.items()}
    arrays.update({f"sp.{k}": v for k, v in store.sp.items()})
    with open(d / "arrays.npz", "wb") as f:
        np.savez(f, **arrays)  # type: ignore[arg-type]
    meta = {
        "format": FORMAT_VERSION,
        "paths": store.paths,
        "organisations": [_org_json(o) for o in store.organisations.values()],
        "countries": [_country_json(c) for c in store.countries.values()],
        "org_ids": store.org_ids,
        "country_ids": store.country_ids,
        "sources": store.sources,
        "org_event_counts": store.org_event_counts,
        "n_events": store.n_events,
    }
    _write_json(d / "meta.json", meta)
    _write_json(d / "text.json", {"notes": list(store.notes), "names": list(store.names)})


def _write_json(path: Path, obj: dict[str, Any]) -> None:
    """``json.dumps(obj)`` written one member at a time: the same text, but only one member's
    text is in memory at once (a large dataset's sources and notes run to tens of MB)."""
    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, check_circular=False, separators=(",", ":"))

    with open(path, "w", encoding="utf-8") as f:
        f.write("{")
        for i, (key, value) in enumerate(obj.items()):
            f.write(("," if i else "") + dumps(key) + ":")
            if isinstance(value, list) and len(value) > _CHUNK:
                f.write("[")  # a long list a slice at a time
                for at in range(0, len(value), _CHUNK):
                    f.write(("," if at else "") + dumps(value[at:at + _CHUNK])[1:-1])
                f.write("]")
            else:
                f.write(dumps(value))
        f.write("}")


_CHUNK = 4096


def load(directory: str | os.PathLike[str]) -> Store:
    """Read a store written by :func:`save`; any problem raises (the caller rebuilds)."""
    d = Path(directory)
    meta = json.loads((d / "meta.json").read_text(encoding="utf-8"))
    if meta.get("format") != FORMAT_VERSION:
        raise ValueError("cache format changed")
    with np.load(d / "arrays.npz", allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    ev = {k[3:]: v for k, v in arrays.items() if k.startswith("ev.")}
    n = int(ev["org"].shape[0])
    text = _TextFile(d / "text.json")
    if not (d / "text.json").is_file():
        raise ValueError("cache entry is incomplete")
    sp = {k[3:]: v for k, v in arrays.items() if k.startswith("sp.")}
    store = Store(
        paths=meta["paths"],
        organisations=Lazy({o["id"]: o for o in meta["organisations"]}, _org_from),
        countries=Lazy({c["code"]: c for c in meta["countries"]}, _country_from),
        org_ids=meta["org_ids"], country_ids=meta["country_ids"], sources=meta["sources"],
        ev=ev, notes=LazyText(text, "notes", n), names=LazyText(text, "names", n), sp=sp,
        org_event_counts=meta["org_event_counts"],
    )
    if ev["src_ptr"].shape[0] != n + 1 or meta.get("n_events") != n:
        raise ValueError("cache is inconsistent")
    return store
