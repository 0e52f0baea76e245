"""The README's description of the dataset cannot drift from the bundled data: its counts of
organisations, events and countries, and the share of events dated to the day, are read back
from the text and compared with what ``alliances.load()`` returns."""

from __future__ import annotations

import re
from pathlib import Path

import alliances

README = Path(__file__).resolve().parent.parent / "README.md"


def _number(pattern: str) -> int:
    found = re.search(pattern, README.read_text(encoding="utf-8"), re.S)
    assert found, f"README has no match for {pattern!r}"
    return int(found.group(1).replace(",", ""))


def test_readme_counts_match_the_bundled_data() -> None:
    ds = alliances.load()
    events = ds.events
    assert _number(r"\n(\d+) organisations from") == len(ds.organisations)
    assert _number(r"organisations from \d{4} to today[^,]*, ([\d,]+) dated events") == len(events)
    assert _number(r"([\d,]+) states and other\s+entities") == len(ds.countries)
    day_share = round(100 * float((events["date_precision"] == "day").mean()))
    assert _number(r"(\d+) % of the events are dated to the day") == day_share
