"""CSV/TSV cells that a spreadsheet would run as formulas are neutralised by default (a leading
``'``, the OWASP advice against CSV injection); ``ALLIANCES_CSV_RAW=1`` turns it off. Our own
numbers and ISO dates are never touched; JSON is never touched."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from alliances.formats import Format
from alliances.output import serialise

Run = Callable[..., Any]

DATA = """\
schema: 1
sources:
  - {id: s, title: Source, publisher: Pub, date: 2020-01-01, url: 'https://example.org/s'}
countries:
  - {code: AAA, name: '=HYPERLINK("https://evil.example","Click")'}
  - {code: BBB, name: +Plus}
  - {code: CCC, name: '-Minus'}
  - {code: DDD, name: '@SUM(1+1)'}
  - {code: EEE, name: Normal}
organisations:
  - id: X
    name: Example
    kind: forum
    events:
      - {date: 2000-01-01, event: founded, sources: [s]}
      - {date: 2000-01-01, country: AAA, event: joined, sources: [s], note: '=1+2'}
      - {date: 2000-01-01, country: BBB, event: joined, sources: [s]}
      - {date: 2000-01-01, country: CCC, event: joined, sources: [s], note: '-5% of GDP'}
      - {date: 2000-01-01, country: DDD, event: joined, sources: [s]}
      - {date: 2000-01-01, country: EEE, event: joined, sources: [s], note: 'Plain; ok'}
"""
HEADER = "org,country,country_name,status,start,start_precision,end,end_precision,uncertain,sources"
TAIL = "member,2000-01-01,day,,,false,https://example.org/s"


@pytest.fixture
def data(write: Callable[[str, str], Path]) -> list[str]:
    return ["--no-bundled", "--data", str(write("formulas.yaml", DATA))]


def test_members_csv_is_neutralised_by_default(cli: Run, data: list[str]) -> None:
    r = cli("members", "X", "--on", "2001", "-f", "csv", *data)
    assert r.exit_code == 0
    assert r.stdout == "\n".join([
        HEADER,
        f'X,AAA,"\'=HYPERLINK(""https://evil.example"",""Click"")",{TAIL}',
        f"X,BBB,'+Plus,{TAIL}",
        f"X,CCC,'-Minus,{TAIL}",
        f"X,DDD,'@SUM(1+1),{TAIL}",
        f"X,EEE,Normal,{TAIL}",
    ]) + "\n"


def test_raw_csv_on_request(cli: Run, data: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLIANCES_CSV_RAW", "1")
    r = cli("members", "X", "--on", "2001", "-f", "tsv", *data)
    assert r.exit_code == 0
    t = TAIL.replace(",", "\t")
    assert r.stdout == "\n".join([
        HEADER.replace(",", "\t"),
        f'X\tAAA\t"=HYPERLINK(""https://evil.example"",""Click"")"\t{t}',
        f"X\tBBB\t+Plus\t{t}",
        f"X\tCCC\t-Minus\t{t}",
        f"X\tDDD\t@SUM(1+1)\t{t}",
        f"X\tEEE\tNormal\t{t}",
    ]) + "\n"


def test_notes_in_timeline_and_export(cli: Run, data: list[str], tmp_path: Path) -> None:
    notes = [line.split(",")[7] for line in
             cli("timeline", "X", "-f", "csv", *data).stdout.splitlines()[1:]]
    assert notes == ["", "'=1+2", "", "'-5% of GDP", "", "Plain; ok"]
    out = tmp_path / "events.tsv"
    assert cli("export", "events", "-o", str(out), *data).exit_code == 0
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r[7] for r in rows[1:]] == ["", "'=1+2", "", "'-5% of GDP", "", "Plain; ok"]


def test_json_is_never_touched(cli: Run, data: list[str]) -> None:
    rows = json.loads(cli("members", "X", "--on", "2001", "-f", "json", *data).stdout)
    assert [r["country_name"] for r in rows] == [
        '=HYPERLINK("https://evil.example","Click")', "+Plus", "-Minus", "@SUM(1+1)", "Normal"
    ]


def test_only_text_is_neutralised_not_our_numbers_or_dates() -> None:
    frame = pd.DataFrame({
        "name": ["-x", "\tTab", "\rCR", "ok"],
        "ccode": pd.array([-1, 2, None, 4], dtype="Int64"),
        "score": [-0.5, 1.0, float("nan"), 2.5],
        "start": ["1992-05-15", "1992", "1992-05", "2000"],
        "aliases": [["=a", "b"], ["b"], [], ["-c"]],
        "flag": [True, False, True, False],
    })
    out = io.StringIO()
    serialise(frame, Format.csv, out)
    assert out.getvalue().split("\n") == [
        "name,ccode,score,start,aliases,flag",
        "'-x,-1,-0.5,1992-05-15,'=a | b,true",
        "'\tTab,2,1.0,1992,b,false",
        "\"'\rCR\",,,1992-05,,true",
        "ok,4,2.5,2000,'-c,false",
        "",
    ]
    raw = io.StringIO()
    serialise(frame, Format.csv, raw, raw=True)
    assert raw.getvalue().splitlines()[1] == "-x,-1,-0.5,1992-05-15,=a | b,true"
