"""Rich renderings of query results for people at a terminal."""

from __future__ import annotations

import os
import sys
from typing import IO, TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    import pandas as pd

STATUS_STYLE = {
    "member": "green",
    "frozen": "cyan",
    "suspended": "yellow",
    "associate": "magenta",
    "observer": "blue",
    "partner": "bright_blue",
    "candidate": "bright_black",
    "none": "red",
}

STATUS_LABEL = {
    "frozen": "member (frozen)",
}

UNCERTAIN = "≈"


def stdout_console(file: IO[str] | None = None) -> Console:
    return Console(file=file or sys.stdout, no_color=bool(os.environ.get("NO_COLOR")))


def stderr_console() -> Console:
    return Console(stderr=True, no_color=bool(os.environ.get("NO_COLOR")), highlight=False)


def status_text(status: str) -> Text:
    return Text(STATUS_LABEL.get(status, status), style=STATUS_STYLE.get(status, ""))


def first_source(sources: Any) -> str:
    """A short label for the first source: publisher and date."""
    if not sources:
        return ""
    s = sources[0]
    return f"{s.get('publisher', '')} {s.get('date') or ''}".strip()


def members_table(frame: pd.DataFrame, *, title: str) -> Table:
    table = Table(title=title, title_justify="left", expand=False)
    table.add_column("Code", no_wrap=True)
    table.add_column("Country", overflow="fold")
    table.add_column("Status", overflow="fold")
    table.add_column("Since", no_wrap=True)
    table.add_column("Source", overflow="fold", style="dim")
    uncertain = False
    frozen = False
    for row in frame.to_dict("records"):
        frozen = frozen or row["status"] == "frozen"
        since = str(row["start"])
        if row["uncertain"]:
            since = f"{UNCERTAIN}{since}"
            uncertain = True
        table.add_row(
            str(row["country"]), str(row["country_name"]), status_text(str(row["status"])),
            since, first_source(row["sources"]),
        )
    notes = [f"{len(frame)} row{'s' if len(frame) != 1 else ''}"]
    if uncertain:
        notes.append(f"{UNCERTAIN} the day falls within a date known only to the month or year")
    if frozen:
        notes.append("frozen: participation frozen by the state, still a member")
    notes.append("every source: -f csv or -f json")
    table.caption = "\n".join(notes)
    table.caption_justify = "left"
    return table
