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


def _caption(table: Table, notes: list[str]) -> Table:
    table.caption = "\n".join(notes)
    table.caption_justify = "left"
    return table


def _date(value: Any, uncertain: bool = False) -> str:
    if value is None or (isinstance(value, float) and value != value) or value == "":
        return ""
    return f"{UNCERTAIN}{value}" if uncertain else str(value)


def _short(text: Any, width: int) -> str:
    flat = " ".join(str(text or "").split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _missing(value: Any) -> bool:
    return value is None or str(value) in ("<NA>", "nan")


def _count(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def memberships_table(frame: pd.DataFrame, *, title: str, names: dict[str, str]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("Org", no_wrap=True)
    table.add_column("Name", overflow="fold")
    table.add_column("Status", overflow="fold")
    table.add_column("Since", no_wrap=True)
    table.add_column("Source", overflow="fold", style="dim")
    uncertain = False
    for row in frame.to_dict("records"):
        uncertain = uncertain or bool(row["uncertain"])
        table.add_row(str(row["org"]), names.get(str(row["org"]), ""),
                      status_text(str(row["status"])), _date(row["start"], row["uncertain"]),
                      first_source(row["sources"]))
    notes = [_count(len(frame), "organisation")]
    if uncertain:
        notes.append(f"{UNCERTAIN} the day falls within a date known only to the month or year")
    return _caption(table, notes)


EVENT_STYLE = {
    "founded": "bold",
    "renamed": "bold",
    "dissolved": "bold red",
    "milestone": "dim",
}


def events_table(frame: pd.DataFrame, *, title: str, width: int, by_org: bool = False) -> Table:
    """Events in order; a status colour per event. ``by_org``: the organisation column first
    (a country's history), else the country column (an organisation's timeline)."""
    table = Table(title=title, title_justify="left")
    table.add_column("Date", no_wrap=True)
    table.add_column("Org" if by_org else "Country", no_wrap=True)
    table.add_column("Event", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    wide = width >= 100
    note_width = max(20, width - 50) if not wide else max(30, width - 80)
    table.add_column("Note", overflow="fold", ratio=1)
    if wide:
        table.add_column("Source", overflow="fold", style="dim", max_width=28)
    for row in frame.to_dict("records"):
        event = str(row["event"])
        who = str(row["org"]) if by_org else str(row["country"] or "")
        if not by_org and row.get("predecessor"):
            who = f"{who} (from {row['predecessor']})"
        status = str(row["status"] or "")
        note = row["note"] or (f"name: {row['name']}" if row.get("name") else "")
        if row.get("announced"):
            note = f"announced {row['announced']}. {note}".strip()
        cells: list[str | Text] = [
            str(row["date"]),
            who,
            Text(event, style=EVENT_STYLE.get(event, STATUS_STYLE.get(status, ""))),
            status_text(status) if status else Text(""),
            _short(note, note_width * 2),
        ]
        if wide:
            cells.append(first_source(row["sources"]))
        table.add_row(*cells)
    notes = [_count(len(frame), "event")]
    if not wide:
        notes.append("notes shortened; every note and source: -f csv or -f json")
    return _caption(table, notes)


def diff_table(frame: pd.DataFrame, *, title: str) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("Code", no_wrap=True)
    table.add_column("Country", overflow="fold")
    table.add_column("Change", no_wrap=True)
    table.add_column("Before")
    table.add_column("After")
    table.add_column("Events", overflow="fold")
    style = {"joined": "green", "left": "red", "changed": "yellow"}
    for row in frame.to_dict("records"):
        table.add_row(
            str(row["country"]), str(row["country_name"]),
            Text(str(row["change"]), style=style.get(str(row["change"]), "")),
            status_text(str(row["status_before"])), status_text(str(row["status_after"])),
            "\n".join(row["events"]),
        )
    changes = [str(c) for c in frame["change"]]
    notes = [", ".join(f"{changes.count(k)} {k}" for k in ("joined", "left", "changed"))]
    return _caption(table, notes)


def shared_table(frame: pd.DataFrame, *, title: str) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("Org", no_wrap=True)
    table.add_column("Name", overflow="fold")
    table.add_column("From", no_wrap=True)
    table.add_column("Until", no_wrap=True)
    for row in frame.to_dict("records"):
        unsure = bool(row["uncertain"])
        table.add_row(str(row["org"]), str(row["org_name"]),
                      _date(row["start"], unsure and row["start_precision"] != "day"),
                      _date(row["end"], unsure and row["end_precision"] not in ("day", None))
                      or "—")
    return _caption(table, [_count(len(frame), "row")])


def orgs_table(frame: pd.DataFrame, *, title: str) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("Org", no_wrap=True)
    table.add_column("Name", overflow="fold", ratio=1)
    table.add_column("Kind", no_wrap=True)
    table.add_column("Life", overflow="fold", max_width=12)
    table.add_column("Members", justify="right")
    for row in frame.to_dict("records"):
        life = f"{row['founded']} –" + (f" {row['dissolved']}" if row["dissolved"] else "")
        table.add_row(str(row["org"]), str(row["name"]), str(row["kind"]), life,
                      "" if _missing(row["members"]) else str(row["members"]))
    return _caption(table, [_count(len(frame), "organisation"),
                            "members: member or frozen on that day (empty: it did not exist)"])


def search_table(frame: pd.DataFrame, *, title: str) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("Kind", no_wrap=True)
    table.add_column("Id", no_wrap=True)
    table.add_column("Name", overflow="fold")
    table.add_column("Date", no_wrap=True)
    table.add_column("Match", overflow="fold")
    for row in frame.to_dict("records"):
        table.add_row(str(row["kind"]), str(row["id"]), str(row["name"]), str(row["date"]),
                      str(row["match"]))
    return _caption(table, [_count(len(frame), "match", "matches")])


def card(info: dict[str, Any]) -> Any:
    """A card for an organisation or a country."""
    from rich.console import Group
    from rich.panel import Panel

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")

    def add(label: str, value: Any) -> None:
        if value not in (None, "", [], {}):
            grid.add_row(label, value if isinstance(value, Text) else str(value))

    parts: list[Any] = [grid]
    if info["type"] == "organisation":
        title = f"{info['name']} ({info['org']})"
        add("Kind", info["kind"])
        add("Founded", info["founded"])
        add("Dissolved", info["dissolved"])
        if len(info["names"]) > 1:
            add("Names", "\n".join(f"{n['date']}  {n['name']}" for n in info["names"]))
        add("Also", ", ".join(info["aliases"]))
        add("Predecessor", info["predecessor"])
        add("Successor", info["successor"])
        add("Site", info["url"])
        add("Events", info["events"])
        add("Sources", f"{len(info['sources'])} distinct (-f json lists them)")
        add("Note", info["note"])
        add("Known gaps", info.get("gaps"))
        n_members = sum(1 for m in info["members"] if m["status"] in ("member", "frozen"))
        others = len(info["members"]) - n_members
        heading = f"On {info['on']}: {_count(n_members, 'member')}"
        if others:
            heading += f", {others} other"
        members = Table(title=heading,
                        title_justify="left", box=None, padding=(0, 1))
        members.add_column("Code")
        members.add_column("Country")
        members.add_column("Status")
        members.add_column("Since")
        for m in info["members"]:
            members.add_row(m["country"], m["country_name"], status_text(m["status"]),
                            _date(m["since"], m["uncertain"]))
        parts.append(members)
    else:
        title = f"{info['name']} ({info['country']})"
        add("Official name", info["official_name"])
        add("ISO alpha-2", info["alpha2"])
        add("COW code", info["ccode"])
        add("G-W code", info["gwcode"])
        add("Exists from", info["start"])
        add("Until", info["end"])
        add("Predecessors", ", ".join(info["predecessors"]))
        add("Successors", ", ".join(info["successors"]))
        add("Also", ", ".join(info["aliases"][:12]) + (" …" if len(info["aliases"]) > 12 else ""))
        add("Events", info["events"])
        add("Note", info["note"])
        mships = Table(title=f"On {info['on']}: {_count(len(info['memberships']), 'organisation')}",
                       title_justify="left", box=None, padding=(0, 1))
        mships.add_column("Org")
        mships.add_column("Name")
        mships.add_column("Status")
        mships.add_column("Since")
        for m in info["memberships"]:
            mships.add_row(m["org"], m["name"], status_text(m["status"]),
                           _date(m["since"], m["uncertain"]))
        parts.append(mships)
    return Panel(Group(*parts), title=title, title_align="left")
