"""One ``emit(frame, fmt)`` for every command that prints rows: a Rich table or a machine format.

Machine formats carry the frame's columns as they are (snake_case, ISO dates, precision
columns), nothing else. In CSV and TSV, lists are joined by `` | `` (``sources``: their
addresses); in JSON and JSON Lines, ``sources`` is a list of objects.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import sys
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

from alliances.formats import Format, default_format
from alliances.table import Table

if TYPE_CHECKING:
    import pandas as pd

    Rows = pd.DataFrame | Table

SEPARATOR = " | "


def _is_na(value: Any) -> bool:
    """pandas' missing-value markers (only pandas can have made them)."""
    pandas = sys.modules.get("pandas")
    return pandas is not None and (value is pandas.NA or value is pandas.NaT)


def _rows(frame: Rows) -> Any:
    if isinstance(frame, Table):
        return frame.rows()
    return frame.itertuples(index=False, name=None)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return repr(value)
    if isinstance(value, list | tuple):
        parts = []
        for item in value:
            if isinstance(item, dict):
                parts.append(str(item.get("url") or item.get("name") or item))
            else:
                parts.append(_cell_text(item))
        return SEPARATOR.join(parts)
    if _is_na(value):
        return ""
    if hasattr(value, "item"):  # numpy scalars
        return _cell_text(value.item())
    return str(value)


def _json_value(value: Any) -> Any:
    if value is None or _is_na(value):
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_value(v) for k, v in value.items()}
    if hasattr(value, "item"):
        return _json_value(value.item())
    return value


def records(frame: Rows) -> list[dict[str, Any]]:
    """The frame's rows as JSON-ready dicts."""
    columns = list(frame.columns)
    return [
        {c: _json_value(v) for c, v in zip(columns, row, strict=True)}
        for row in _rows(frame)
    ]


CSV_RAW_ENV = "ALLIANCES_CSV_RAW"
"""Set to 1 to write CSV/TSV cells exactly as they are, formula-like text included."""
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_raw() -> bool:
    """Whether ``ALLIANCES_CSV_RAW`` turns the spreadsheet protection off."""
    return os.environ.get(CSV_RAW_ENV, "").strip().lower() in ("1", "true", "yes", "on")


def _safe_cell(value: Any) -> str:
    """A cell's text, with text that a spreadsheet would run as a formula (it starts with
    ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) prefixed with ``'``, as OWASP
    recommends against CSV injection. Only text is touched (names, notes, titles, addresses):
    numbers and booleans are ours and stay as they are, and our ISO dates start with a digit."""
    text = _cell_text(value)
    if text.startswith(_FORMULA_START) and isinstance(value, str | list | tuple):
        return "'" + text
    return text


def write_delimited(
    frame: Rows, out: IO[str], delimiter: str, *, raw: bool | None = None
) -> None:
    """CSV or TSV; formula-like text is neutralised unless ``raw`` (default: the
    ``ALLIANCES_CSV_RAW`` environment variable)."""
    cell = _cell_text if (csv_raw() if raw is None else raw) else _safe_cell
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(frame.columns)
    for row in _rows(frame):
        cells = [cell(v) for v in row]
        if "\r" in "".join(cells):
            # The csv module quotes a field only for the characters of its line terminator: a
            # lone carriage return would stay bare and end the row for most readers.
            buffer = io.StringIO()
            csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerow(cells)
            out.write(buffer.getvalue()[:-2] + "\n")
        else:
            writer.writerow(cells)


def serialise(frame: Rows, fmt: Format, out: IO[str], *, raw: bool | None = None) -> None:
    """Write ``frame`` in a machine format (``raw``: see :func:`write_delimited`)."""
    if fmt is Format.csv:
        write_delimited(frame, out, ",", raw=raw)
    elif fmt is Format.tsv:
        write_delimited(frame, out, "\t", raw=raw)
    elif fmt is Format.json:
        json.dump(records(frame), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt is Format.jsonl:
        for rec in records(frame):
            out.write(json.dumps(rec, ensure_ascii=False))
            out.write("\n")
    else:  # pragma: no cover - tables are rendered, not serialised
        raise ValueError(fmt)


def emit(
    frame: Rows,
    fmt: Format | None,
    render: Callable[[Any], Any],
    *,
    out: IO[str] | None = None,
) -> None:
    """Print ``frame``: ``render(frame)`` (a Rich renderable) for tables, else serialised."""
    out = out or sys.stdout
    fmt = fmt or default_format(out)
    if fmt is Format.table:
        from alliances.render import stdout_console

        stdout_console(out).print(render(frame))
        return
    buffer = io.StringIO()
    serialise(frame, fmt, buffer)
    out.write(buffer.getvalue())
