"""From parsed YAML documents to checked records: organisations, countries, events, transitions.

Everything here is plain Python (no pandas), so that validation reads as the rules it applies.
Every problem becomes an :class:`~alliances.errors.Issue` located at ``file:line:column``; all of
them are collected, none stops the others.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from alliances import vocab
from alliances.dates import PartialDate, parse_date, parse_text
from alliances.errors import DateError, Issue
from alliances.located import Map, Pos, Seq

SCHEMA_VERSION = 1

_TOP_KEYS = frozenset(("schema", "sources", "organisations", "countries"))
_ORG_KEYS = frozenset(
    ("id", "name", "aliases", "kind", "predecessor", "successor", "url", "sources", "note",
     "gaps", "events")
)
_EVENT_KEYS = frozenset(
    ("date", "event", "country", "name", "announced", "scheduled", "note", "sources",
     "predecessor")
)
_SOURCE_KEYS = frozenset(
    ("id", "title", "publisher", "date", "accessed", "url", "language", "quote")
)
_COUNTRY_KEYS = frozenset(
    (
        "code",
        "name",
        "official_name",
        "aliases",
        "alpha2",
        "ccode",
        "gwcode",
        "start",
        "end",
        "predecessors",
        "successors",
        "system",
        "note",
        "sources",
    )
)
_SYSTEM_KEYS = frozenset(("ccode", "start", "end"))

_ORG_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,39}$")
_COUNTRY_CODE = re.compile(r"^[A-Z]{3}$")
_ALPHA2 = re.compile(r"^[A-Z]{2}$")
_SOURCE_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")
_URL = re.compile(r"^https?://\S+$")
_INT = re.compile(r"^-?\d{1,9}$")
_TRUE = frozenset(("true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"))
_FALSE = frozenset(("false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"))


@dataclass(slots=True)
class Source:
    title: str
    publisher: str
    url: str
    date: str | None = None
    accessed: str | None = None
    language: str | None = None
    quote: str | None = None
    id: str | None = None

    def as_dict(self) -> dict[str, str]:
        return {
            k: v
            for k, v in (
                ("title", self.title),
                ("publisher", self.publisher),
                ("date", self.date),
                ("accessed", self.accessed),
                ("url", self.url),
                ("language", self.language),
                ("quote", self.quote),
            )
            if v is not None
        }


@dataclass(slots=True)
class Country:
    code: str
    name: str
    path: str
    line: int
    official_name: str | None = None
    aliases: list[str] = field(default_factory=list)
    alpha2: str | None = None
    ccode: int | None = None
    gwcode: int | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    predecessors: list[str] = field(default_factory=list)
    successors: list[str] = field(default_factory=list)
    system: list[tuple[int, PartialDate, PartialDate | None]] = field(default_factory=list)
    note: str | None = None
    sources: list[Source] = field(default_factory=list)
    raw: Any = None


@dataclass(slots=True)
class Event:
    org: str
    country: str | None
    kind: str
    date: PartialDate
    status: str | None  # the status from this date; None for organisation events and milestones
    path: str
    line: int
    column: int
    seq: int
    sources: list[Source]
    name: str | None = None
    announced: PartialDate | None = None
    scheduled: bool = False
    note: str | None = None
    predecessor: str | None = None


@dataclass(slots=True)
class Organisation:
    id: str
    name: str
    kind: str
    path: str
    line: int
    aliases: list[str] = field(default_factory=list)
    predecessor: str | None = None
    successor: str | None = None
    url: str | None = None
    note: str | None = None
    gaps: str | None = None  # what the data is known to lack; queries warn about it
    sources: list[Source] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    founded: PartialDate | None = None
    dissolved: PartialDate | None = None
    names: list[tuple[PartialDate, str]] = field(default_factory=list)
    raw: Any = None

    def name_on(self, day: int) -> str:
        """The organisation's name on a day (its first name before its founding)."""
        current = self.names[0][1] if self.names else self.name
        for date, name in self.names:
            if date.first <= day:
                current = name
        return current


@dataclass(slots=True)
class Transition:
    """A change of one country's status in one organisation (``status`` 'none' ends it)."""

    org: str
    country: str
    date: PartialDate
    status: str
    event: int  # index into Data.events (for a predecessor: its successor's event)
    kind: str


@dataclass(slots=True)
class Data:
    """Checked records. Loaded from the cache, ``events`` and ``transitions`` are rebuilt
    only when first read, and the organisations carry no event lists (see ``Dataset.events``)."""

    organisations: Mapping[str, Organisation]
    countries: Mapping[str, Country]
    events: Sequence[Event]
    transitions: Sequence[Transition]
    paths: list[str]


class _Checker:
    """Collects the issues of a set of files while turning them into records."""

    def __init__(self, today: _dt.date) -> None:
        self.issues: list[Issue] = []
        self.today = today.toordinal()
        self.path = ""
        self.org: str | None = None
        self.country: str | None = None
        self._sources_seen: dict[Any, Source | None] = {}

    def issue(self, pos: Pos, message: str, country: str | None = None) -> None:
        self.issues.append(
            Issue(self.path, pos[0], pos[1], message, self.org, country or self.country)
        )

    # -- typed field readers ---------------------------------------------------------------
    def keys(self, m: Map, allowed: frozenset[str], what: str) -> None:
        for key in m:
            if key not in allowed:
                from difflib import get_close_matches

                known = ", ".join(sorted(allowed))
                near = get_close_matches(key.lower(), sorted(allowed), n=1)
                hint = f"; did you mean '{near[0]}'?" if near else ""
                self.issue(m.key_pos(key),
                           f"unknown key '{key}' in {what}{hint} (known: {known})")

    def text(self, m: Map, key: str, *, required: bool = False) -> str | None:
        value = m.get(key)
        if type(value) is str and (not required or value.strip()):
            return value  # the common case, checked once; anything else is said below
        if key not in m or m[key] is None:
            if required:
                self.issue(m.pos, f"'{key}' is required")
            return None
        value = m[key]
        if not isinstance(value, str):
            self.issue(m.value_pos(key), f"'{key}' must be text, not {_shape(value)}")
            return None
        if required and not value.strip():
            self.issue(m.value_pos(key), f"'{key}' must not be empty")
            return None
        return value

    def texts(self, m: Map, key: str) -> list[str]:
        if key not in m or m[key] is None:
            return []
        value = m[key]
        if not isinstance(value, Seq):
            self.issue(m.value_pos(key), f"'{key}' must be a list of text")
            return []
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.issue(value.item_pos(i), f"each item of '{key}' must be non-empty text")
            else:
                out.append(item)
        return out

    def integer(self, m: Map, key: str) -> int | None:
        value = self.text(m, key)
        if value is None:
            return None
        if not _INT.match(value):
            self.issue(m.value_pos(key), f"'{key}' must be a whole number, not '{value}'")
            return None
        return int(value)

    def boolean(self, m: Map, key: str) -> bool:
        value = self.text(m, key)
        if value is None:
            return False
        if value in _TRUE:
            return True
        if value not in _FALSE:
            self.issue(m.value_pos(key), f"'{key}' must be true or false, not '{value}'")
        return False

    def date(self, m: Map, key: str, *, required: bool = False) -> PartialDate | None:
        value = m.get(key)
        if type(value) is str:
            try:
                return parse_text(value)  # the common case; a bad date is reported below
            except DateError:
                pass
        if key not in m or m[key] is None:
            if required:
                self.issue(m.pos, f"'{key}' is required")
            return None
        if not isinstance(m[key], str):
            self.issue(m.value_pos(key), f"'{key}' must be a date (YYYY-MM-DD, YYYY-MM or YYYY), "
                       f"not {_shape(m[key])}")
            return None
        try:
            return parse_date(m[key])
        except DateError as e:
            self.issue(m.value_pos(key), f"'{key}': {e}")
            return None

    def mapping_list(self, m: Map, key: str, *, required: bool = False) -> list[tuple[Map, Pos]]:
        if key not in m or m[key] is None:
            if required:
                self.issue(m.pos, f"'{key}' is required")
            return []
        value = m[key]
        if not isinstance(value, Seq):
            self.issue(m.value_pos(key), f"'{key}' must be a list")
            return []
        out = []
        for i, item in enumerate(value):
            if isinstance(item, Map):
                out.append((item, value.item_pos(i)))
            else:
                self.issue(value.item_pos(i), f"each item of '{key}' must be a mapping")
        return out

    # -- sources ---------------------------------------------------------------------------
    def source(self, m: Map, *, registry: bool) -> Source | None:
        # Inline sources repeat (the same page behind many events): check each once.
        try:
            key: Any = (registry, tuple(m.items()))
            hash(key)
        except TypeError:
            key = None
        if key is not None and key in self._sources_seen:
            return self._sources_seen[key]
        before = len(self.issues)
        found = self._source(m, registry=registry)
        if key is not None and len(self.issues) == before:
            self._sources_seen[key] = found
        return found

    def _source(self, m: Map, *, registry: bool) -> Source | None:
        allowed = _SOURCE_KEYS if registry else _SOURCE_KEYS - {"id"}
        self.keys(m, allowed, "a source")
        title = self.text(m, "title", required=True)
        publisher = self.text(m, "publisher", required=True)
        url = self.text(m, "url", required=True)
        if url is not None and not _URL.match(url):
            self.issue(m.value_pos("url"), f"'url' must be an http(s) address, not '{url}'")
        date = self.date(m, "date")
        accessed = self.date(m, "accessed")
        if "date" not in m and "accessed" not in m:
            self.issue(m.pos, "a source needs its 'date' (or 'accessed' for an undated page)")
        for d, key in ((date, "date"), (accessed, "accessed")):
            if d is not None and d.first > self.today:
                self.issue(m.value_pos(key), f"source '{key}' {d} is in the future")
        sid = self.text(m, "id", required=registry)
        if sid is not None and not _SOURCE_ID.match(sid):
            self.issue(m.value_pos("id"), f"source id '{sid}' must match [a-z0-9][a-z0-9._-]*")
        if title is None or publisher is None or url is None:
            return None
        return Source(
            title=title.strip(),
            publisher=publisher.strip(),
            url=url.strip(),
            date=str(date) if date else None,
            accessed=str(accessed) if accessed else None,
            language=self.text(m, "language"),
            quote=self.text(m, "quote"),
            id=sid,
        )

    def sources(
        self, m: Map, registry: dict[str, Source], *, required: bool
    ) -> list[Source]:
        if "sources" not in m or m["sources"] is None:
            if required:
                self.issue(m.pos, "no source: every event needs at least one source")
            return []
        value = m["sources"]
        if not isinstance(value, Seq):
            self.issue(m.value_pos("sources"), "'sources' must be a list")
            return []
        if required and not value:
            self.issue(m.value_pos("sources"), "no source: every event needs at least one source")
        out: list[Source] = []
        for i, item in enumerate(value):
            if isinstance(item, str):
                if item in registry:
                    out.append(registry[item])
                else:
                    self.issue(value.item_pos(i), f"unknown source id '{item}'")
            elif isinstance(item, Map):
                s = self.source(item, registry=False)
                if s is not None:
                    out.append(s)
            else:
                self.issue(value.item_pos(i), "a source is a mapping or the id of a shared source")
        return out


def _shape(value: object) -> str:
    if isinstance(value, Map):
        return "a mapping"
    if isinstance(value, Seq):
        return "a list"
    if isinstance(value, str):
        return f"text ('{value[:40]}')"
    return f"a {type(value).__name__}"


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


@dataclass(slots=True)
class _RawOrg:
    org: Organisation
    events: list[tuple[Map, Pos]]
    registry: dict[str, Source]
    path: str


def unknown_references(org: Organisation,
                       known: Mapping[str, object]) -> list[tuple[str, str]]:
    """The organisation's predecessor and successor that ``known`` does not hold."""
    refs = (("predecessor", org.predecessor), ("successor", org.successor))
    return [(key, ref) for key, ref in refs if ref is not None and ref not in known]


def build(documents: list[tuple[str, Any]], today: _dt.date, *,
          references: bool = True) -> tuple[Data, list[Issue]]:
    """Check parsed documents and turn them into records; return them with every issue.

    ``references=False`` leaves out the one check that looks across organisations (that a
    predecessor or successor is defined): a part of a file read on its own (``parallel``)
    checks it once the parts are joined (:func:`unknown_references`)."""
    c = _Checker(today)
    countries: dict[str, Country] = {}
    raw_orgs: dict[str, _RawOrg] = {}
    paths = [path for path, _ in documents]

    for path, doc in documents:
        c.path, c.org, c.country = path, None, None
        if not isinstance(doc, Map):
            c.issue((1, 1), f"the file must be a mapping with 'schema: {SCHEMA_VERSION}' at the top"
                    f", not {_shape(doc)}")
            continue
        c.keys(doc, _TOP_KEYS, "the file")
        schema = doc.get("schema")
        if schema is None:
            c.issue(doc.pos, f"'schema: {SCHEMA_VERSION}' is missing at the top of the file")
        elif not isinstance(schema, str):
            c.issue(doc.value_pos("schema"),
                    f"'schema' must be {SCHEMA_VERSION}, not {_shape(schema)}")
        elif schema != str(SCHEMA_VERSION):
            c.issue(doc.value_pos("schema"),
                    f"schema {schema!r} is not supported (this version reads schema "
                    f"{SCHEMA_VERSION})")
        if "organisations" not in doc and "countries" not in doc:
            c.issue(doc.pos, "the file has neither 'organisations' nor 'countries'")
        registry: dict[str, Source] = {}
        for m, _pos in c.mapping_list(doc, "sources"):
            s = c.source(m, registry=True)
            if s is not None and s.id is not None:
                if s.id in registry:
                    c.issue(m.value_pos("id"), f"source id '{s.id}' is defined twice")
                registry[s.id] = s
        for m, _pos in c.mapping_list(doc, "countries"):
            country = _read_country(c, m, registry)
            c.country = None
            if country is None:
                continue
            other = countries.get(country.code)
            if other is None:
                countries[country.code] = country
            elif _freeze(other.raw) != _freeze(country.raw):
                c.issue(m.value_pos("code"),
                        f"country {country.code} is defined again, differently "
                        f"(first at {other.path}:{other.line})", country.code)
        for m, _pos in c.mapping_list(doc, "organisations"):
            raw = _read_org(c, m, registry)
            c.org = None
            if raw is None:
                continue
            other_raw = raw_orgs.get(raw.org.id)
            if other_raw is None:
                raw_orgs[raw.org.id] = raw
            elif _freeze(other_raw.org.raw) != _freeze(raw.org.raw):
                c.path = path
                c.issue(m.value_pos("id"),
                        f"organisation {raw.org.id} is defined again, differently "
                        f"(first at {other_raw.path}:{other_raw.org.line})")

    _check_countries(c, countries)
    events: list[Event] = []
    transitions: list[Transition] = []
    organisations: dict[str, Organisation] = {}
    for oid, raw in raw_orgs.items():
        c.path, c.org, c.country = raw.path, oid, None
        _read_events(c, raw, countries, events, transitions)
        organisations[oid] = raw.org
    for org in organisations.values() if references else ():
        c.path, c.org, c.country = org.path, org.id, None
        for key, ref in unknown_references(org, organisations):
            c.issue((org.line, 1), f"{key} '{ref}' is not a known organisation")
    data = Data(organisations, countries, events, transitions, paths)
    return data, c.issues


def _read_country(c: _Checker, m: Map, registry: dict[str, Source]) -> Country | None:
    code = c.text(m, "code", required=True)
    c.country = code
    c.keys(m, _COUNTRY_KEYS, "a country")
    if code is not None and not _COUNTRY_CODE.match(code):
        c.issue(m.value_pos("code"), f"country code '{code}' must be three capital letters")
        return None
    name = c.text(m, "name", required=True)
    alpha2 = c.text(m, "alpha2")
    if alpha2 is not None and not _ALPHA2.match(alpha2):
        c.issue(m.value_pos("alpha2"), f"alpha2 '{alpha2}' must be two capital letters")
    start, end = c.date(m, "start"), c.date(m, "end")
    if start and end and end.first <= start.first:
        c.issue(m.value_pos("end"), f"end {end} is not after start {start}")
    system: list[tuple[int, PartialDate, PartialDate | None]] = []
    for sm, _pos in c.mapping_list(m, "system"):
        c.keys(sm, _SYSTEM_KEYS, "a state-system spell")
        cc = c.integer(sm, "ccode")
        s0, s1 = c.date(sm, "start", required=True), c.date(sm, "end")
        if cc is None and "ccode" not in sm:
            c.issue(sm.pos, "'ccode' is required")
        if cc is not None and s0 is not None:
            if s1 is not None and s1.first <= s0.first:
                c.issue(sm.value_pos("end"), f"end {s1} is not after start {s0}")
            system.append((cc, s0, s1))
    sources = c.sources(m, registry, required=False)
    if code is None or name is None:
        return None
    return Country(
        code=code,
        name=name,
        path=c.path,
        line=m.pos[0],
        official_name=c.text(m, "official_name"),
        aliases=c.texts(m, "aliases"),
        alpha2=alpha2,
        ccode=c.integer(m, "ccode"),
        gwcode=c.integer(m, "gwcode"),
        start=start,
        end=end,
        predecessors=c.texts(m, "predecessors"),
        successors=c.texts(m, "successors"),
        system=system,
        note=c.text(m, "note"),
        sources=sources,
        raw=m,
    )


def _check_countries(c: _Checker, countries: dict[str, Country]) -> None:
    for country in countries.values():
        c.path, c.org, c.country = country.path, None, country.code
        for key in ("predecessors", "successors"):
            for ref in getattr(country, key):
                if ref not in countries:
                    c.issue((country.line, 1), f"{key[:-1]} '{ref}' is not a known country")


def _read_org(c: _Checker, m: Map, registry: dict[str, Source]) -> _RawOrg | None:
    oid = c.text(m, "id", required=True)
    c.org = oid
    c.keys(m, _ORG_KEYS, "an organisation")
    if oid is not None and not _ORG_ID.match(oid):
        c.issue(m.value_pos("id"),
                f"organisation id '{oid}' must start with a letter and use only letters, "
                "digits, '-' and '_' (at most 40)")
        return None
    name = c.text(m, "name", required=True)
    kind = c.text(m, "kind", required=True)
    if kind is not None and kind not in vocab.ORG_KINDS:
        c.issue(m.value_pos("kind"),
                f"unknown kind '{kind}' (known: {', '.join(vocab.ORG_KINDS)})")
    url = c.text(m, "url")
    if url is not None and not _URL.match(url):
        c.issue(m.value_pos("url"), f"'url' must be an http(s) address, not '{url}'")
    events = c.mapping_list(m, "events", required=True)
    if "events" in m and not events:
        c.issue(m.value_pos("events"), "an organisation needs at least its 'founded' event")
    if oid is None or name is None or kind is None:
        return None
    org = Organisation(
        id=oid,
        name=name,
        kind=kind,
        path=c.path,
        line=m.pos[0],
        aliases=c.texts(m, "aliases"),
        predecessor=c.text(m, "predecessor"),
        successor=c.text(m, "successor"),
        url=url,
        note=c.text(m, "note"),
        gaps=c.text(m, "gaps"),
        sources=c.sources(m, registry, required=False),
        raw=m,
    )
    return _RawOrg(org, events, registry, c.path)


def _read_events(
    c: _Checker,
    raw: _RawOrg,
    countries: dict[str, Country],
    events: list[Event],
    transitions: list[Transition],
) -> None:
    org = raw.org
    status: dict[str, tuple[str, Event | None]] = {}
    seen: dict[tuple[Any, ...], int] = {}
    previous: Event | None = None
    for seq, (m, pos) in enumerate(raw.events):
        c.country = None
        country = c.text(m, "country")
        c.country = country
        c.keys(m, _EVENT_KEYS, "an event")
        kind = c.text(m, "event", required=True)
        date = c.date(m, "date", required=True)
        sources = c.sources(m, raw.registry, required=True)
        announced = c.date(m, "announced")
        scheduled = c.boolean(m, "scheduled")
        name = c.text(m, "name")
        predecessor = c.text(m, "predecessor")
        if kind is None or date is None:
            continue
        is_org_event = (kind in vocab.ORG_EVENTS and kind != "milestone") or (
            kind == "milestone" and country is None
        )
        if kind not in vocab.COUNTRY_EVENTS and kind not in vocab.ORG_EVENTS:
            known = sorted(set(vocab.COUNTRY_EVENTS) | set(vocab.ORG_EVENTS))
            c.issue(m.value_pos("event"), f"unknown event '{kind}' (known: {', '.join(known)})")
            continue
        if is_org_event and country is not None:
            c.issue(m.value_pos("country"), f"'{kind}' is an organisation event: it has no country")
            continue
        if not is_org_event and country is None:
            c.issue(pos, f"'{kind}' needs a 'country'")
            continue
        if name is not None and kind not in ("founded", "renamed"):
            c.issue(m.key_pos("name"), "'name' belongs only to 'founded' and 'renamed' events")
        if kind == "renamed" and name is None:
            c.issue(pos, "a 'renamed' event needs the new 'name'")
        if predecessor is not None and kind != "succeeded":
            c.issue(m.key_pos("predecessor"), "'predecessor' belongs only to 'succeeded' events")
        if kind == "succeeded" and predecessor is None:
            c.issue(pos, "a 'succeeded' event needs the 'predecessor' whose membership it "
                    "continues")
        if announced is not None and announced.first > date.first:
            c.issue(m.value_pos("announced"),
                    f"announced {announced} is after the date {date}")
        if date.first > c.today and not scheduled:
            c.issue(m.value_pos("date"),
                    f"{date} is in the future: mark the event 'scheduled: true' if it is set "
                    "for that day")
        key = (country, kind, date.text)
        if key in seen:
            c.issue(pos, f"duplicate event: the same '{kind}' on {date} is at line {seen[key]}")
            continue
        seen[key] = pos[0]
        status_after = vocab.COUNTRY_EVENTS[kind][0] if not is_org_event else None
        event = Event(
            org=org.id, country=country, kind=kind, date=date, status=status_after,
            path=c.path, line=pos[0], column=pos[1], seq=seq, sources=sources, name=name,
            announced=announced, scheduled=scheduled, note=c.text(m, "note"),
            predecessor=predecessor,
        )
        if (org.founded is not None and kind != "founded" and previous is not None
                and date.first < org.founded.first):
            c.issue(m.value_pos("date"),
                    f"{date} is before the organisation was founded ({org.founded})")
        elif previous is not None and date.first < previous.date.first:
            c.issue(m.value_pos("date"),
                    f"out of order: {date} comes after {previous.date} (line {previous.line}); "
                    "keep each organisation's events in date order")
        if org.founded is None and kind != "founded":
            c.issue(pos, f"the first event must be 'founded', not '{kind}'")
            org.founded = date  # report once
        if org.dissolved is not None:
            c.issue(pos, f"after the organisation was dissolved ({org.dissolved})")
        if is_org_event:
            if kind == "founded":
                if org.names or (org.founded is not None and previous is not None):
                    c.issue(pos, "'founded' must be the first event, and only once")
                else:
                    org.founded = date
                    org.names.append((date, name or org.name))
            elif kind == "renamed" and name is not None:
                org.names.append((date, name))
            elif kind == "dissolved":
                org.dissolved = date
        else:
            _check_country_event(c, m, event, countries, status, transitions, len(events))
            if country not in countries or (predecessor is not None
                                            and predecessor not in countries):
                # Reported above; the records keep only references that resolve, so that
                # `validate` can still count the rest.
                previous = event
                continue
        previous = event
        events.append(event)
        org.events.append(event)
    if org.founded is None and raw.events:
        c.issue(raw.events[0][1], "no 'founded' event")


def _exists(country: Country, date: PartialDate) -> str | None:
    if country.start is not None and date.last <= country.start.first:
        return f"{country.code} did not exist yet on {date} (it exists from {country.start})"
    if country.end is not None and date.first >= country.end.first:
        return f"{country.code} no longer existed on {date} (it ended on {country.end})"
    return None


def _check_country_event(
    c: _Checker,
    m: Map,
    event: Event,
    countries: dict[str, Country],
    status: dict[str, tuple[str, Event | None]],
    transitions: list[Transition],
    index: int,
) -> bool:
    code = event.country
    assert code is not None
    country = countries.get(code)
    if country is None:
        from difflib import get_close_matches

        near = get_close_matches(code.upper(), list(countries), n=3)
        hint = f" (did you mean {', '.join(near)}?)" if near else ""
        c.issue(m.value_pos("country"), f"unknown country '{code}'{hint}")
        return False
    problem = _exists(country, event.date)
    if problem:
        c.issue(m.value_pos("date"), problem)
    before, last = status.get(code, (vocab.NONE, None))
    after, allowed = vocab.COUNTRY_EVENTS[event.kind]
    if before not in allowed:
        c.issue(m.value_pos("event"), _transition_message(event, before, last))
        return False
    if event.kind == "succeeded" and event.predecessor is not None:
        pred = event.predecessor
        pred_status, _ = status.get(pred, (vocab.NONE, None))
        if pred not in countries:
            c.issue(m.value_pos("predecessor"), f"unknown predecessor '{pred}'")
            return False
        if pred_status == vocab.NONE:
            c.issue(m.value_pos("predecessor"),
                    f"{pred} has no status in {event.org} on {event.date} to pass on")
            return False
        status[pred] = (vocab.NONE, event)
        transitions.append(Transition(event.org, pred, event.date, vocab.NONE, index, "succeeded"))
    if after is not None:
        status[code] = (after, event)
        transitions.append(Transition(event.org, code, event.date, after, index, event.kind))
    return True


def _transition_message(event: Event, before: str, last: Event | None) -> str:
    since = f" (since {last.date}, line {last.line})" if last is not None else ""
    if event.kind == "joined" and before in ("member", "frozen", "suspended"):
        return f"joined twice: {event.country} is already a member of {event.org}{since}"
    if before == vocab.NONE:
        if last is not None:
            return (f"'{event.kind}' but {event.country} has no status in {event.org} on "
                    f"{event.date}: it already ended on {last.date} ('{last.kind}', line "
                    f"{last.line})")
        return (f"'{event.kind}' but {event.country} has no status in {event.org} on "
                f"{event.date}: it never joined")
    return (f"'{event.kind}' cannot follow status '{before}'{since}; "
            f"see docs/data-format.md for the allowed changes")
