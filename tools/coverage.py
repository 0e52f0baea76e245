#!/usr/bin/env python3
"""How precise the bundled data is: events per organisation and the share dated to the day.

    tools/coverage.py            one line per organisation, then the totals
    tools/coverage.py --list     and every event dated only to the month or the year
    tools/coverage.py --org OIC --list

The figures feed the README's dataset paragraph (checked by tests/test_docs_readme.py) and
docs/data-gaps.md, which explains the month- and year-only dates."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import alliances  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--org", action="append", help="only these organisations (repeatable)")
    parser.add_argument("--list", action="store_true", help="list the events not dated to the day")
    args = parser.parse_args(argv)
    if hasattr(signal, "SIGPIPE"):  # `| head` ends the output quietly
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    ds = alliances.load()
    events = ds.events
    if args.org:
        orgs = [ds.resolve_org(name) for name in args.org]
        events = events[events["org"].isin(orgs)]
    day = events["date_precision"] == "day"
    print(f"{'org':<14}{'events':>8}{'to the day':>12}{'share':>9}")
    for org, group in events.groupby("org", sort=False):
        n, d = len(group), int((group["date_precision"] == "day").sum())
        print(f"{org:<14}{n:>8}{d:>12}{d / n:>9.1%}")
    print(f"{'total':<14}{len(events):>8}{int(day.sum()):>12}{float(day.mean()):>9.1%}")
    if args.list:
        print()
        for row in events[~day].itertuples():
            who = row.country if isinstance(row.country, str) else "-"
            print(f"{row.org:<14}{row.date:<12}{who:<5}{row.event}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
