"""Output format names (no heavy imports: the CLI needs them to build its options)."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import IO


class Format(StrEnum):
    """Output formats: a Rich table for people, the rest for scripts."""

    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"


def default_format(stream: IO[str] | None = None) -> Format:
    """A table on a terminal, CSV otherwise."""
    stream = stream or sys.stdout
    try:
        return Format.table if stream.isatty() else Format.csv
    except (AttributeError, ValueError):
        return Format.csv


class ExportFormat(StrEnum):
    """Export formats: the machine formats, SQLite and Parquet (optional extra)."""

    csv = "csv"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"
    sqlite = "sqlite"
    parquet = "parquet"
