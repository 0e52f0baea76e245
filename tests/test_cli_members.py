"""`alliances members` and `validate` through the CLI, stdout and stderr checked apart."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]


def test_csv_is_the_default_off_a_terminal(cli: Run, mini: list[str]) -> None:
    r = cli("members", "CSTO", "--on", "2012-06-29", *mini)
    assert r.exit_code == 0
    assert r.stderr == ""
    assert r.stdout == (
        "org,country,country_name,status,start,start_precision,end,end_precision,uncertain,"
        "sources\n"
        "CSTO,ARM,Armenia,member,1992-05-15,day,2024-02,month,false,https://example.org/s\n"
        "CSTO,BLR,Belarus,member,1993-12-31,day,,,false,https://example.org/s\n"
        "CSTO,RUS,Russia,member,1992-05-15,day,,,false,https://example.org/s\n"
    )


def test_tsv_json_jsonl(cli: Run, mini: list[str]) -> None:
    tsv = cli("members", "CSTO", "--on", "1992-06-01", "-f", "tsv", *mini).stdout
    assert tsv.splitlines()[1] == "CSTO\tARM\tArmenia\tmember\t1992-05-15\tday\t2024-02\tmonth" \
        "\tfalse\thttps://example.org/s"
    rows = json.loads(cli("members", "CSTO", "--on", "2012-06-29", "-f", "json", *mini).stdout)
    assert [r["country"] for r in rows] == ["ARM", "BLR", "RUS"]
    assert rows[1]["end"] is None
    assert rows[0]["sources"] == [{
        "title": "Source", "publisher": "Pub", "date": "2020-01-01",
        "url": "https://example.org/s",
    }]
    lines = cli("members", "CSTO", "--on", "2012-06-29", "-f", "jsonl", *mini).stdout.splitlines()
    assert [json.loads(x)["country"] for x in lines] == ["ARM", "BLR", "RUS"]


def test_status_all_shows_the_suspended(cli: Run, mini: list[str]) -> None:
    r = cli("members", "CSTO", "--on", "2012-06-29", "--status", "all", *mini)
    statuses = {line.split(",")[1]: line.split(",")[3] for line in r.stdout.splitlines()[1:]}
    assert statuses == {"ARM": "member", "BLR": "member", "RUS": "member", "UZB": "suspended"}
    r = cli("members", "CSTO", "--on", "2012-06-29", "-s", "suspended", *mini)
    assert [line.split(",")[1] for line in r.stdout.splitlines()[1:]] == ["UZB"]


def test_table(cli: Run, mini: list[str]) -> None:
    r = cli("members", "одкб", "--on", "2024-02-10", "-f", "table", *mini)
    assert r.exit_code == 0
    assert "Collective Security Treaty Organization (CSTO) on 2024-02-10" in r.stdout
    assert "≈2024-02 " in r.stdout
    assert "≈ the day falls within a date known only to the month or year" in r.stdout
    old = cli("members", "CSTO", "--on", "1995", "-f", "table", *mini).stdout
    assert "Collective Security Treaty (CSTO) on 1995" in old


def test_frozen_is_flagged(cli: Run, mini: list[str]) -> None:
    r = cli("members", "CSTO", "--on", "2025-06-01", "-f", "table", *mini)
    assert "member (frozen)" in r.stdout
    assert "frozen: participation frozen by the state, still a member" in r.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["members", "CTSO"], "Error: unknown organisation 'CTSO'; did you mean CSTO?\n"),
        (["members", "CSTO", "--on", "2012-02-30"],
         "Error: '2012-02-30' is not a date: February 2012 has 29 days\n"),
        (["members", "CSTO", "--on", "12/06/2012"],
         "Error: '12/06/2012' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY\n"),
        (["members", "CSTO", "--on", "2012-13"],
         "Error: '2012-13' is not a date: month 13 is out of range (1-12)\n"),
        (["members", "CSTO", "-s", "ally"],
         "Error: unknown status 'ally' (known: all, members, member, frozen, suspended, "
         "associate, observer, partner, candidate)\n"),
    ],
)
def test_usage_errors_are_one_line_exit_2(
    cli: Run, mini: list[str], args: list[str], message: str
) -> None:
    r = cli(*args, *mini)
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr == message


def test_bad_format_is_a_usage_error(cli: Run, mini: list[str]) -> None:
    r = cli("members", "CSTO", "-f", "xml", *mini)
    assert r.exit_code == 2
    assert "Traceback" not in r.stderr
    assert "'xml' is not one of" in r.stderr


def test_empty_answer_is_said_on_stderr(cli: Run, mini: list[str]) -> None:
    r = cli("members", "CSTO", "--on", "1950", *mini)
    assert r.exit_code == 0
    assert r.stdout.splitlines() == [
        "org,country,country_name,status,start,start_precision,end,end_precision,uncertain,"
        "sources"
    ]
    assert "No members of CSTO on 1950." in r.stderr
    assert "founded on 1992-05-15, after 1950" in r.stderr


def test_invalid_data_exit_1_with_located_errors(
    cli: Run, mini: list[str], write: Callable[[str, str], Path]
) -> None:
    bad = write("bad.yaml", "schema: 1\norganisations:\n  - id: X\n    name: X\n    kind: bloc\n"
                "    events:\n      - {date: 2000, event: founded, sources: [nope]}\n")
    r = cli("members", "CSTO", *mini, "--data", str(bad))
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr.splitlines() == [
        f"{bad}:5:11: X: unknown kind 'bloc' (known: military-alliance, security, political, "
        "economic, regional, global, forum, organ)",
        f"{bad}:7:48: X: unknown source id 'nope'",
        "Error: the data is invalid (2 problems)",
    ]
    v = cli("validate", *mini[1:], str(bad), "--no-bundled")
    assert v.exit_code == 1
    assert v.stderr.count("\n") == 3
    assert v.stderr.splitlines()[-1].startswith("invalid: 2 errors in 3 files; ")


def test_validate_summary(cli: Run, mini: list[str]) -> None:
    r = cli("validate", *mini)
    assert r.exit_code == 0
    assert r.stdout == "valid: 2 files; 3 organisations, 7 countries, 18 events, 12 spells\n"


def test_environment_variable_adds_files(
    cli: Run, runner: Any, mini: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLIANCES_DATA", f"{mini[2]}:{mini[4]}")
    monkeypatch.setenv("ALLIANCES_NO_BUNDLED", "1")
    r = cli("members", "CSTO", "--on", "2012-06-29")
    assert r.exit_code == 0, r.stderr
    assert len(r.stdout.splitlines()) == 4


def test_missing_data_file(cli: Run, tmp_path: Path) -> None:
    r = cli("members", "CSTO", "--no-bundled", "--data", str(tmp_path / "nope.yaml"))
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0] == f"{tmp_path / 'nope.yaml'}: no such file"
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["members", "CSTO", "--bogus"],
         "Error: No such option: --bogus (see: alliances members --help)\n"),
        (["membrs", "CSTO"],
         "Error: No such command 'membrs'. Did you mean 'members', 'memberships'? "
         "(see: alliances --help)\n"),
        (["members"], "Error: Missing argument 'ORG'. (see: alliances members --help)\n"),
    ],
)
def test_command_line_mistakes_are_one_line(args: list[str], message: str) -> None:
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "alliances", *args], capture_output=True,
                       text=True, check=False)
    assert (r.returncode, r.stdout, r.stderr) == (2, "", message)
