"""Every query command through the CLI on the mini dataset: whole machine outputs compared,
stdout and stderr apart, and the API frames equal to the CLI's CSV."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import alliances
from alliances.output import Format, serialise

Run = Callable[..., Any]

HEADER_EVENTS = "date,date_precision,org,country,event,status,announced,note,sources"


def test_memberships(cli: Run, mini: list[str]) -> None:
    r = cli("memberships", "uzbekistan", "--on", "2012-06-29", *mini)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == (
        "org,country,country_name,status,start,start_precision,end,end_precision,uncertain,"
        "sources\n"
        "CSTO,UZB,Uzbekistan,suspended,2012-06-28,day,,,false,https://example.org/s\n"
    )
    r = cli("memberships", "UZ", "--on", "2012-06-29", "--status", "members", *mini)
    assert r.stdout.count("\n") == 1
    assert r.stderr == "No memberships of UZB on 2012-06-29.\n"


def test_timeline_with_range_and_country(cli: Run, mini: list[str]) -> None:
    r = cli("timeline", "CSTO", "--from", "1999", "--to", "2012-06", "-c", "UZB", *mini)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines() == [
        f"{HEADER_EVENTS},country_name,name,predecessor",
        "1999-04-20,day,CSTO,UZB,left,none,,,https://example.org/s,Uzbekistan,,",
        "2006-08-16,day,CSTO,UZB,joined,member,,,https://example.org/s,Uzbekistan,,",
        "2012-06-28,day,CSTO,UZB,suspended,suspended,2012-06-20,,https://example.org/s,"
        "Uzbekistan,,",
    ]


def test_timeline_org_events_have_no_country(cli: Run, mini: list[str]) -> None:
    r = cli("timeline", "CSTO", "--to", "1992", *mini)
    first = r.stdout.splitlines()[1]
    assert first == ("1992-05-15,day,CSTO,,founded,,,,https://example.org/s,,"
                     "Collective Security Treaty,")


def test_history_includes_successions(cli: Run, mini: list[str]) -> None:
    r = cli("history", "USSR", "-f", "jsonl", *mini)
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [(x["date"], x["org"], x["country"], x["event"]) for x in rows] == [
        ("1945-10-24", "UN", "SUN", "joined"),
        ("1955-05-14", "WP", "SUN", "joined"),
        ("1991-12-24", "UN", "RUS", "succeeded"),
    ]
    assert rows[2]["predecessor"] == "SUN"


def test_diff(cli: Run, mini: list[str]) -> None:
    r = cli("diff", "CSTO", "1995-01-01", "2012-06-29", "-f", "json", *mini)
    rows = json.loads(r.stdout)
    assert [(x["country"], x["change"], x["status_before"], x["status_after"], x["events"])
            for x in rows] == [
        ("UZB", "changed", "member", "suspended",
         ["1999-04-20 left", "2006-08-16 joined", "2012-06-28 suspended"]),
    ]
    bad = cli("diff", "CSTO", "2012-01-01", "2000-01-01", *mini)
    assert bad.exit_code == 2
    assert bad.stderr == "Error: the second day (2000-01-01) is before the first (2012-01-01)\n"


def test_shared_on_a_day_and_over_time(cli: Run, mini: list[str]) -> None:
    r = cli("shared", "RUS", "UZB", "--on", "2000-01-01", *mini)
    assert r.stdout.count("\n") == 1  # header only: UZB out of the CST in 2000
    assert r.stderr == "RUS, UZB share no organisation on 2000-01-01.\n"
    r = cli("shared", "RUS", "UZB", "-f", "csv", *mini)
    assert r.stdout.splitlines() == [
        "org,org_name,countries,start,start_precision,end,end_precision,uncertain",
        "CSTO,Collective Security Treaty Organization,RUS | UZB,1992-05-15,day,1999-04-20,day,"
        "false",
        "CSTO,Collective Security Treaty Organization,RUS | UZB,2006-08-16,day,2012-06-28,day,"
        "false",
    ]
    one = cli("shared", "RUS", *mini)
    assert one.exit_code == 2
    assert one.stderr == "Error: give at least two different countries\n"


def test_orgs(cli: Run, mini: list[str]) -> None:
    r = cli("orgs", "--on", "1990-01-01", *mini)
    assert r.stdout.splitlines() == [
        "org,name,kind,founded,founded_precision,dissolved,dissolved_precision,members,complete",
        "CSTO,Collective Security Treaty,military-alliance,1992-05-15,day,,,,true",
        "WP,Warsaw Pact,military-alliance,1955-05-14,day,1991-07-01,day,1,true",
        "UN,United Nations,global,1945-10-24,day,,,3,true",
    ]
    r = cli("orgs", "--kind", "global", *mini)
    assert [line.split(",")[0] for line in r.stdout.splitlines()[1:]] == ["UN"]
    bad = cli("orgs", "--kind", "club", *mini)
    assert bad.exit_code == 2
    assert bad.stderr.startswith("Error: unknown kind 'club' (known: military-alliance")


def test_show_org_and_country(cli: Run, mini: list[str]) -> None:
    card = json.loads(cli("show", "CSTO", "-f", "json", *mini).stdout)
    assert card["names"] == [
        {"date": "1992-05-15", "name": "Collective Security Treaty"},
        {"date": "2002-10-07", "name": "Collective Security Treaty Organization"},
    ]
    assert card["events"] == 10
    assert [m["country"] for m in card["members"]] == ["ARM", "BLR", "RUS", "UZB"]
    country = json.loads(cli("show", "Россия", "-f", "json", *mini).stdout)
    assert (country["country"], country["ccode"]) == ("RUS", 365)
    assert [m["org"] for m in country["memberships"]] == ["CSTO", "UN"]
    table = cli("show", "UZB", *mini).stdout
    assert "Uzbekistan (UZB)" in table
    assert "suspended" in table
    bad = cli("show", "Atlantis", *mini)
    assert bad.exit_code == 2
    assert bad.stderr.startswith("Error: no organisation or country called 'Atlantis'")


def test_known_gaps_are_said(cli: Run, mini: list[str], write: Callable[[str, str], Path]
                             ) -> None:
    text = Path(mini[4]).read_text(encoding="utf-8").replace(
        "    kind: global\n", "    kind: global\n    gaps: Norway's entry is unsourced.\n")
    gappy = write("gappy.yaml", text)
    args = [mini[0], mini[1], mini[2], "--data", str(gappy)]
    r = cli("members", "UN", "--on", "2000", *args)
    assert r.exit_code == 0
    assert r.stderr == "Note: the data on UN is incomplete: Norway's entry is unsourced.\n"
    r = cli("orgs", *args)
    assert r.stdout.splitlines()[3].endswith(",false")
    assert "known gaps in UN" in r.stderr
    assert json.loads(cli("show", "UN", "-f", "json", *args).stdout)["gaps"] == (
        "Norway's entry is unsourced.")


def test_search(cli: Run, mini: list[str]) -> None:
    r = cli("search", "warsaw", *mini)
    assert r.stdout.splitlines()[1] == "organisation,WP,Warsaw Pact,,Warsaw Pact,0.9"
    r = cli("search", "turk", *mini)
    assert r.stdout.splitlines()[1].startswith("country,TUR,Turkey,,")


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "jsonl"])
def test_no_message_leaks_into_machine_output(cli: Run, mini: list[str], fmt: str) -> None:
    r = cli("members", "CSTO", "--on", "1950", "-f", fmt, *mini)
    assert r.exit_code == 0
    assert "No " not in r.stdout
    assert "founded" in r.stderr


def api_frame(tmp_path: Path, method: str, *args: Any, **kwargs: Any) -> str:
    from tests.conftest import COUNTRIES, MINI

    (tmp_path / "c.yaml").write_text(COUNTRIES, encoding="utf-8")
    (tmp_path / "m.yaml").write_text(MINI, encoding="utf-8")
    ds = alliances.load([tmp_path / "c.yaml", tmp_path / "m.yaml"], bundled=False)
    frame: pd.DataFrame = getattr(ds, method)(*args, **kwargs)
    out = io.StringIO()
    serialise(frame, Format.csv, out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("cli_args", "method", "args", "kwargs"),
    [
        (["members", "CSTO", "--on", "2012-06-29"], "members", ["CSTO"], {"on": "2012-06-29"}),
        (["memberships", "UZB", "--on", "2005-01-01"], "memberships", ["UZB"],
         {"on": "2005-01-01"}),
        (["timeline", "CSTO"], "timeline", ["CSTO"], {}),
        (["history", "UZB"], "history", ["UZB"], {}),
        (["diff", "CSTO", "1990", "2024"], "diff", ["CSTO", "1990", "2024"], {}),
        (["shared", "ARM", "RUS"], "shared", [["ARM", "RUS"]], {}),
        (["orgs", "--on", "2000"], "orgs", [], {"on": "2000"}),
        # The exports (tests/test_export.py compares every format on a world with COW codes).
        (["export", "spells", "--org", "CSTO"], "table", ["spells"], {"orgs": ["CSTO"]}),
        (["export", "events", "-c", "UZB"], "table", ["events"], {"countries": ["UZB"]}),
        (["export", "organisations"], "table", ["organisations"], {}),
        (["export", "countries"], "table", ["countries"], {}),
        (["export", "state-year", "--from", "1990"], "table", ["state-year"],
         {"from_": "1990"}),
        (["export", "dyad-year", "--from", "1990", "--directed"], "table", ["dyad-year"],
         {"from_": "1990", "directed": True}),
    ],
)
def test_cli_csv_equals_api_frame(
    cli: Run, mini: list[str], tmp_path: Path, cli_args: list[str], method: str,
    args: list[Any], kwargs: dict[str, Any],
) -> None:
    assert cli(*cli_args, *mini).stdout == api_frame(tmp_path, method, *args, **kwargs)
