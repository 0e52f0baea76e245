"""Exports: the dataset's tables and panels as frames, and the writers that stream them to
CSV, TSV, JSON, JSON Lines (through :func:`alliances.output.serialise`, so every cell follows
its conventions), SQLite (standard library ``sqlite3``) and Parquet (optional ``pyarrow``).

Files are written atomically (a temporary file beside the target, renamed at the end) and
never over an existing file unless ``overwrite``; a failed export leaves nothing behind.
"""

from __future__ import annotations

import io
import json
import math
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from alliances import panels
from alliances.errors import OutputError, UsageError
from alliances.formats import ExportFormat
from alliances.output import serialise
from alliances.safe_write import atomic_open, atomic_path, check_target
from alliances.spells import SPELL_COLUMNS

if TYPE_CHECKING:
    from alliances.dataset import Dataset, DateLike

WHAT = ("spells", "events", "organisations", "countries", "state-year", "dyad-year")
"""What can be exported."""

TABLE_NAMES = {w: w.replace("-", "_") for w in WHAT}
"""The SQLite table (and Parquet-friendly) name of each export."""

INDEXES: dict[str, list[tuple[str, ...]]] = {
    "spells": [("org",), ("country",)],
    "events": [("org",), ("country",), ("date",)],
    "organisations": [("org",)],
    "countries": [("country",), ("ccode",)],
    "state-year": [("year", "ccode"), ("country", "year"), ("org", "year")],
    "state-year-wide": [("year", "ccode"), ("country", "year")],
    "dyad-year": [("year",), ("ccode1", "ccode2", "year"), ("country1", "country2", "year")],
}

SPELL_EXPORT_COLUMNS = [*SPELL_COLUMNS, "start_kind", "end_kind"]
EVENT_EXPORT_COLUMNS = [
    "date", "date_precision", "org", "country", "event", "status", "announced", "note",
    "sources", "country_name", "name", "predecessor",
]

SUFFIXES = {
    ".csv": ExportFormat.csv,
    ".tsv": ExportFormat.tsv,
    ".tab": ExportFormat.tsv,
    ".json": ExportFormat.json,
    ".jsonl": ExportFormat.jsonl,
    ".ndjson": ExportFormat.jsonl,
    ".sqlite": ExportFormat.sqlite,
    ".sqlite3": ExportFormat.sqlite,
    ".db": ExportFormat.sqlite,
    ".parquet": ExportFormat.parquet,
    ".pq": ExportFormat.parquet,
}


def check_what(what: str) -> str:
    if what not in WHAT:
        raise UsageError(f"unknown export '{what}' (known: {', '.join(WHAT)})")
    return what


def chunks(
    ds: Dataset,
    what: str,
    *,
    orgs: Iterable[str] | None = None,
    countries: Iterable[str] | None = None,
    from_: DateLike | None = None,
    to: DateLike | None = None,
    rule: str = panels.DEFAULT_RULE,
    wide: bool = False,
    directed: bool = False,
    status: str | Iterable[str] | None = None,
) -> Iterator[pd.DataFrame]:
    """The export ``what`` as a sequence of frames (a year at a time for the panels, one
    frame for the tables); at least one frame, possibly empty, so that its columns are
    known."""
    check_what(what)
    orgs = list(orgs or [])
    countries = list(countries or [])
    panels.check_rule(rule)
    if rule != panels.DEFAULT_RULE and what not in ("state-year", "dyad-year"):
        raise UsageError("--rule applies to the state-year and dyad-year exports")
    if wide and what != "state-year":
        raise UsageError("--wide applies to the state-year export")
    if directed and what != "dyad-year":
        raise UsageError("--directed applies to the dyad-year export")
    if status is not None and what != "dyad-year":
        raise UsageError("--status applies to the dyad-year export")
    if what == "state-year":
        yield from panels.state_year_chunks(ds, rule=rule, from_=from_, to=to, orgs=orgs,
                                            countries=countries, wide=wide)
        return
    if what == "dyad-year":
        yield from panels.dyad_year_chunks(ds, rule=rule, from_=from_, to=to, orgs=orgs,
                                           countries=countries, directed=directed,
                                           status=status)
        return
    yield table(ds, what, orgs=orgs, countries=countries, from_=from_, to=to)


def table(
    ds: Dataset,
    what: str,
    *,
    orgs: Iterable[str] | None = None,
    countries: Iterable[str] | None = None,
    from_: DateLike | None = None,
    to: DateLike | None = None,
) -> pd.DataFrame:
    """One of the tables (spells, events, organisations, countries), filtered: spells that
    overlap the range, events inside it, organisations alive and countries existing during
    it."""
    oids = [ds.resolve_org(o) for o in orgs or []]
    codes = [ds.resolve_country(c) for c in countries or []]
    lo = ds.day(from_).first if from_ is not None else None
    hi = ds.day(to).last if to is not None else None
    if from_ is not None and to is not None and lo is not None and hi is not None and hi <= lo:
        raise UsageError(f"the range ends ({ds.day(to)}) before it starts ({ds.day(from_)})")
    if what == "spells":
        s = ds.spells
        if oids:
            s = s[s["org"].isin(oids)]
        if codes:
            s = s[s["country"].isin(codes)]
        if lo is not None:
            s = s[s["hi"] > lo]
        if hi is not None:
            s = s[s["lo"] < hi]
        return s[SPELL_EXPORT_COLUMNS].reset_index(drop=True)
    if what == "events":
        e = ds.events
        if oids:
            e = e[e["org"].isin(oids)]
        if codes:
            e = e[e["country"].isin(codes) | e["predecessor"].isin(codes)]
        if lo is not None:
            e = e[e["day"] >= lo]
        if hi is not None:
            e = e[e["day"] < hi]
        return e[EVENT_EXPORT_COLUMNS].reset_index(drop=True)
    if what == "organisations":
        if codes:
            raise UsageError("--country does not apply to the organisations export")
        o = ds.organisations
        if oids:
            o = o[o["org"].isin(oids)]
        keep = [_overlaps(ds.data.organisations[str(x)].founded,
                          ds.data.organisations[str(x)].dissolved, lo, hi) for x in o["org"]]
        return o[np.array(keep, dtype=bool)].reset_index(drop=True)
    if what == "countries":
        if oids:
            raise UsageError("--org does not apply to the countries export")
        c = ds.countries.copy()
        c["system"] = [
            [f"{cc}:{s0.text}/{s1.text if s1 else ''}" for cc, s0, s1 in x.system]
            for x in ds.data.countries.values()
        ]
        if codes:
            c = c[c["country"].isin(codes)]
        keep = [_overlaps(ds.data.countries[str(x)].start, ds.data.countries[str(x)].end, lo, hi)
                for x in c["country"]]
        return c[np.array(keep, dtype=bool)].reset_index(drop=True)
    raise UsageError(f"'{what}' is not a table; use chunks()")


def _overlaps(start: Any, end: Any, lo: int | None, hi: int | None) -> bool:
    if lo is not None and end is not None and end.first <= lo:
        return False
    return not (hi is not None and start is not None and start.first >= hi)


# -- formats -----------------------------------------------------------------------------------
def format_for(fmt: ExportFormat | str | None, path: str | None) -> ExportFormat:
    """The format asked for, else the one the file name suggests, else CSV."""
    if fmt is not None:
        try:
            return ExportFormat(str(fmt).lower())
        except ValueError:
            known = ", ".join(f.value for f in ExportFormat)
            raise UsageError(f"unknown format '{fmt}' (known: {known})") from None
    if path and path != "-":
        suffix = Path(path).suffix.lower()
        if suffix in SUFFIXES:
            return SUFFIXES[suffix]
        if suffix:
            known = ", ".join(sorted(SUFFIXES))
            raise UsageError(f"cannot tell the format of '{path}' from '{suffix}' (known: "
                             f"{known}); name the format with -f")
    return ExportFormat.csv


def require_parquet() -> None:
    """Raise a clear usage error when the optional Parquet support is not installed."""
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise UsageError(
            "Parquet needs pyarrow, an optional extra: pip install 'alliances[parquet]'"
        ) from None


# -- writers -------------------------------------------------------------------------------
def check_output(fmt: ExportFormat, path: str | None, *, overwrite: bool) -> bool:
    """Refuse an output that cannot be written, before any work; True for stdout."""
    to_stdout = path is None or path == "-"
    if fmt in (ExportFormat.sqlite, ExportFormat.parquet) and to_stdout:
        raise UsageError(f"{fmt.value} output needs a file: give -o FILE")
    if fmt is ExportFormat.parquet:
        require_parquet()
    if not to_stdout:
        assert path is not None
        check_target(path, overwrite=overwrite)
    return to_stdout


def write(
    frames: Iterable[pd.DataFrame],
    fmt: ExportFormat,
    path: str | None,
    *,
    name: str,
    overwrite: bool = False,
    indexes: list[tuple[str, ...]] | None = None,
    stdout: IO[str] | None = None,
) -> int:
    """Write the frames, in order, as one table called ``name``; return the number of rows.

    ``path`` None or ``-`` writes text formats to ``stdout``; SQLite and Parquet need a file.
    """
    to_stdout = check_output(fmt, path, overwrite=overwrite)
    if fmt is ExportFormat.sqlite:
        assert path is not None
        with atomic_path(path, overwrite=overwrite) as tmp:
            return _write_sqlite(frames, tmp, name, indexes or [])
    if fmt is ExportFormat.parquet:
        assert path is not None
        with atomic_open(path, overwrite=overwrite, binary=True) as f:
            return _write_parquet(frames, f)
    if to_stdout:
        return _write_text(frames, fmt, stdout or sys.stdout)
    assert path is not None
    with atomic_open(path, overwrite=overwrite) as f:
        return _write_text(frames, fmt, f)


def _write_text(frames: Iterable[pd.DataFrame], fmt: ExportFormat, out: IO[str]) -> int:
    """CSV, TSV, JSON and JSON Lines, chunk by chunk, byte for byte what ``serialise`` writes
    for the whole frame: one header, one JSON array."""
    from alliances.formats import Format

    text_fmt = Format(fmt.value)
    rows = 0
    first = True
    for frame in frames:
        buffer = io.StringIO()
        serialise(frame, text_fmt, buffer)
        text = buffer.getvalue()
        if fmt in (ExportFormat.csv, ExportFormat.tsv):
            if not first:
                text = text.split("\n", 1)[1] if "\n" in text else ""
        elif fmt is ExportFormat.json:
            body = text.strip()[1:-1].strip("\n")
            text = "" if not body else ("[\n" if rows == 0 else ",\n") + body
        out.write(text)
        rows += len(frame)
        first = False
    if fmt is ExportFormat.json:
        out.write("[]\n" if rows == 0 else "\n]\n")
    return rows


def _sql_type(series: pd.Series) -> str:
    kind = series.dtype.kind
    if kind in "iub":
        return "INTEGER"
    if kind == "f":
        return "REAL"
    return "TEXT"


def _sql_value(value: Any) -> Any:
    """A cell for SQLite: lists and mappings as JSON text (query them with json_each),
    booleans as 0/1, missing values as NULL."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, list | tuple | dict):
        from alliances.output import _json_value

        return json.dumps(_json_value(value), ensure_ascii=False)
    if isinstance(value, np.generic):
        return _sql_value(value.item())
    if isinstance(value, bool):
        return int(value)
    return value


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _write_sqlite(
    frames: Iterable[pd.DataFrame], path: str, name: str, indexes: list[tuple[str, ...]]
) -> int:
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA journal_mode = OFF")
        con.execute("PRAGMA synchronous = OFF")
        rows = 0
        columns: list[str] | None = None
        for frame in frames:
            if columns is None:
                columns = [str(c) for c in frame.columns]
                spec = ", ".join(f"{_quote(c)} {_sql_type(frame[c])}" for c in columns)
                con.execute(f"CREATE TABLE {_quote(name)} ({spec})")
            if frame.empty:
                continue
            cells = [_sql_column(frame[c]) for c in columns]
            marks = ", ".join("?" for _ in columns)
            con.executemany(f"INSERT INTO {_quote(name)} VALUES ({marks})",
                            zip(*cells, strict=True))
            rows += len(frame)
        for cols in indexes:
            if columns is None or not set(cols) <= set(columns):
                continue
            index = f"{name}_{'_'.join(cols)}"
            con.execute(f"CREATE INDEX {_quote(index)} ON {_quote(name)} "
                        f"({', '.join(_quote(c) for c in cols)})")
        con.commit()
    except sqlite3.Error as e:
        raise OutputError(f"cannot write the SQLite database: {e}") from e
    finally:
        con.close()
    return rows


def _sql_column(series: pd.Series) -> list[Any]:
    kind = series.dtype.kind
    plain = not isinstance(series.dtype, pd.api.extensions.ExtensionDtype)
    if kind in "iu" and plain:
        return series.to_numpy().tolist()
    if kind == "b" and plain:
        return series.to_numpy().astype(int).tolist()
    out: list[Any] = []
    memo: dict[int, str] = {}  # the panels share one list object per combination
    for value in series.tolist():
        t = type(value)
        if t is str or t is int:
            out.append(value)
        elif t is list:
            text = memo.get(id(value))
            if text is None:
                text = memo[id(value)] = _sql_value(value)
            out.append(text)
        else:
            out.append(_sql_value(value))
    return out


def _arrow_schema(frame: pd.DataFrame) -> Any:
    import pyarrow as pa

    table = pa.Table.from_pandas(frame, preserve_index=False)
    fields = []
    for field in table.schema:
        t = field.type
        if pa.types.is_null(t):
            t = pa.string()
        elif pa.types.is_list(t) and pa.types.is_null(t.value_type):
            t = pa.list_(pa.string())
        fields.append(pa.field(field.name, t))
    return pa.schema(fields)


def _write_parquet(frames: Iterable[pd.DataFrame], f: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    rows = 0
    try:
        for frame in frames:
            if writer is None:
                schema = _arrow_schema(frame)
                writer = pq.ParquetWriter(f, schema)
            if frame.empty and rows:
                continue
            writer.write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False))
            rows += len(frame)
    finally:
        if writer is not None:
            writer.close()
    return rows


# -- progress ----------------------------------------------------------------------------------
def with_progress(
    frames: Iterable[pd.DataFrame], total: int, label: str,
    *, enabled: bool | None = None,
) -> Iterator[pd.DataFrame]:
    """Pass the frames through, with a Rich progress bar on stderr when it is a terminal."""
    if enabled is None:
        try:
            enabled = sys.stderr.isatty()
        except (AttributeError, ValueError):
            enabled = False
    if not enabled or total <= 1:
        yield from frames
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from alliances.render import stderr_console

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=stderr_console(), transient=True) as progress:
        task = progress.add_task(label, total=total)
        for frame in frames:
            yield frame
            progress.advance(task)


def export(
    ds: Dataset,
    what: str,
    path: str | None = None,
    *,
    fmt: ExportFormat | str | None = None,
    overwrite: bool = False,
    progress: bool | None = None,
    stdout: IO[str] | None = None,
    **options: Any,
) -> int:
    """Export ``what`` (see :data:`WHAT`) to ``path`` (None or ``-``: stdout) in ``fmt``
    (default: from the file's suffix, else CSV); return the number of rows written.
    ``options``: orgs, countries, from_, to, rule, wide, directed, status."""
    check_what(what)
    form = format_for(fmt, path)
    check_output(form, path, overwrite=overwrite)
    frames = chunks(ds, what, **options)
    first = next(frames)  # checks the options before anything is written
    total = 1
    if what in ("state-year", "dyad-year"):
        total = len(panels.year_range(ds, options.get("from_"), options.get("to")))

    def all_frames() -> Iterator[pd.DataFrame]:
        yield first
        yield from frames

    key = "state-year-wide" if what == "state-year" and options.get("wide") else what
    rows = write(with_progress(all_frames(), total, f"{what} export", enabled=progress), form,
                 path, name=TABLE_NAMES[what], overwrite=overwrite, indexes=INDEXES[key],
                 stdout=stdout)
    return rows
