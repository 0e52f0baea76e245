"""Charts: the chart data, the terminal rendering (golden files), the figures (SVG, PNG, PDF)
and the command's arguments.

Golden files live in tests/golden/; after a deliberate change of the rendering, regenerate them
with ``ALLIANCES_UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/test_chart.py`` and read
the diff before committing it.
"""

from __future__ import annotations

import io
import itertools
import os
import re
import struct
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from rich.console import Console

import alliances
from alliances.chart import Bar, Chart, Row, build_chart, iso, ticks
from alliances.dataset import Dataset, parse_day
from alliances.errors import MissingExtra, OutputError, UsageError
from alliances.gantt import STATUS_CHAR, UNCERTAIN_CHAR, Gantt
from tests.conftest import COUNTRIES, MINI, TODAY

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("ALLIANCES_UPDATE_GOLDEN") == "1"

Run = Callable[..., Any]


@pytest.fixture
def ds(tmp_path: Path) -> Dataset:
    (tmp_path / "c.yaml").write_text(COUNTRIES, encoding="utf-8")
    (tmp_path / "m.yaml").write_text(MINI, encoding="utf-8")
    return alliances.load([tmp_path / "c.yaml", tmp_path / "m.yaml"], bundled=False, today=TODAY)


def render(chart: Chart, width: int, **kwargs: Any) -> str:
    console = Console(width=width, file=io.StringIO(), color_system=None)
    console.print(Gantt(chart, **kwargs))
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(out, str)
    return out


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}: run with ALLIANCES_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


# -- the chart data ----------------------------------------------------------------------------
def spans(chart: Chart) -> list[tuple[str, list[tuple[str, str, str | None]]]]:
    return [(r.key, [(b.status, iso(b.start), b.end_text) for b in r.bars]) for r in chart.rows]


def test_org_chart_rows_bars_and_markers(ds: Dataset) -> None:
    chart = build_chart(ds, "ОДКБ")
    assert (chart.subject, chart.key) == ("org", "CSTO")
    assert chart.title == "Collective Security Treaty Organization (CSTO)"
    # One row per country in order of first entry (ties by code), one bar per spell.
    assert spans(chart) == [
        ("ARM", [("member", "1992-05-15", "2024-02"), ("frozen", "2024-02-01", None)]),
        ("RUS", [("member", "1992-05-15", None)]),
        ("UZB", [("member", "1992-05-15", "1999-04-20"), ("member", "2006-08-16", "2012-06-28"),
                 ("suspended", "2012-06-28", None)]),
        ("BLR", [("member", "1993-12-31", None)]),
    ]
    assert chart.bars == 7
    assert (iso(chart.start), iso(chart.end)) == ("1992-05-15", "2026-11-27")
    assert chart.statuses == ("member", "frozen", "suspended")
    assert [(m.date, m.event, m.label) for m in chart.markers] == [
        ("1992-05-15", "founded", "founded: Collective Security Treaty"),
        ("2002-10-07", "renamed", "renamed: Collective Security Treaty Organization"),
    ]


def test_a_month_boundary_is_uncertain_over_its_window(ds: Dataset) -> None:
    arm = build_chart(ds, "CSTO").rows[0]
    member, frozen = arm.bars
    # Armenia froze its participation in "2024-02": a member surely until 1 February, frozen
    # surely from 1 March, either in between.
    assert (member.end_uncertain, iso(member.end), iso(member.end_last)) == (
        True, "2024-02-01", "2024-03-01")
    assert (frozen.start_uncertain, iso(frozen.start), iso(frozen.start_last)) == (
        True, "2024-02-01", "2024-03-01")
    assert not member.start_uncertain and not frozen.end_uncertain
    assert frozen.open and iso(frozen.end) == "2026-11-27"  # open: drawn to today
    assert build_chart(ds, "CSTO").uncertain


def test_country_chart_one_row_per_organisation(ds: Dataset) -> None:
    chart = build_chart(ds, country="Россия")
    assert (chart.subject, chart.key) == ("country", "RUS")
    assert chart.title == "Russia (RUS): memberships"
    assert spans(chart) == [
        ("UN", [("member", "1991-12-24", None)]),
        ("CSTO", [("member", "1992-05-15", None)]),
    ]
    assert chart.markers == []  # no axis of one organisation
    # The organisation's renaming is marked in its row.
    assert [(m.row, m.date, m.event) for m in chart.row_markers] == [
        ("CSTO", "2002-10-07", "renamed")]


def test_range_cuts_the_axis_and_the_bars(ds: Dataset) -> None:
    chart = build_chart(ds, "CSTO", from_="2000", to="2012")
    assert (iso(chart.start), iso(chart.end)) == ("2000-01-01", "2013-01-01")
    uzb = next(r for r in chart.rows if r.key == "UZB")
    assert [(b.status, iso(b.start), iso(b.end)) for b in uzb.bars] == [
        ("member", "2006-08-16", "2012-06-28"), ("suspended", "2012-06-28", "2013-01-01")]
    assert uzb.bars[1].clipped_end and not uzb.bars[0].clipped_end
    rus = next(r for r in chart.rows if r.key == "RUS")
    assert rus.bars[0].clipped_start
    assert [m.event for m in chart.markers] == ["renamed"]
    # Rows keep the order of first entry; ARM's frozen spell is out of range, its status too.
    assert [r.key for r in chart.rows] == ["ARM", "RUS", "BLR", "UZB"]
    assert chart.statuses == ("member", "suspended")


def test_status_filter(ds: Dataset) -> None:
    chart = build_chart(ds, "CSTO", status="suspended,frozen")
    assert spans(chart) == [
        ("UZB", [("suspended", "2012-06-28", None)]),
        ("ARM", [("frozen", "2024-02-01", None)]),
    ]
    assert iso(chart.start) == "1992-05-15"  # an organisation's chart starts at its founding
    assert build_chart(ds, "CSTO", status=["members"]).statuses == ("member", "frozen")


def test_dissolved_organisation_ends_its_axis_on_dissolution(ds: Dataset) -> None:
    chart = build_chart(ds, "WP")
    assert chart.range_text() == "1955-05-14 to 1991-07-01"
    assert spans(chart) == [("SUN", [("member", "1955-05-14", "1991-07-01")])]
    assert [m.event for m in chart.markers] == ["founded", "dissolved"]


def test_nothing_in_range_is_an_empty_chart(ds: Dataset) -> None:
    assert build_chart(ds, "CSTO", to="1980").empty
    assert build_chart(ds, "CSTO", from_="2030").empty


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "give an organisation"),
        ({"org": "CSTO", "country": "UZB"}, "not both"),
        ({"org": "CSTO", "from_": "2012", "to": "2011"}, "before --from"),
        ({"org": "CSTO", "status": "bogus"}, "unknown status 'bogus'"),
        ({"org": "CSTO", "from_": "2012-02-30"}, "February 2012 has 29 days"),
        ({"org": "NATO"}, "NATO"),
    ],
)
def test_bad_arguments(ds: Dataset, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(UsageError, match=re.escape(message)):
        build_chart(ds, **kwargs)


# -- the time axis -----------------------------------------------------------------------------
def day(text: str) -> int:
    return parse_day(text).first


@pytest.mark.parametrize(
    ("start", "end", "room", "labels"),
    [
        ("1945-10-24", "2026-11-27", 60, ["1950", "1960", "1970", "1980", "1990", "2000", "2010",
                                          "2020"]),
        ("1992-05-15", "2026-11-27", 65, ["1995", "2000", "2005", "2010", "2015", "2020",
                                          "2025"]),
        ("2020-01-01", "2025-01-01", 60, ["2020", "2021", "2022", "2023", "2024"]),
        ("2012-01-01", "2013-01-01", 60, ["2012-01", "2012-03", "2012-05", "2012-07", "2012-09",
                                          "2012-11"]),
        ("2012-06-20", "2012-07-01", 80, ["2012-06-20", "2012-06-22", "2012-06-24",
                                          "2012-06-26", "2012-06-28", "2012-06-30"]),
    ],
)
def test_ticks_are_the_finest_that_fit(start: str, end: str, room: int,
                                       labels: list[str]) -> None:
    marks = ticks(day(start), day(end), room, 1.0)
    assert [t for _, t in marks] == labels
    cols = [(d - day(start)) * room / (day(end) - day(start)) for d, _ in marks]
    assert all(b - a >= len(labels[0]) + 1 for a, b in itertools.pairwise(cols))


# -- the terminal ------------------------------------------------------------------------------
@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("csto", {"org": "CSTO"}),
        ("csto_2010_2025", {"org": "CSTO", "from_": "2010", "to": "2025"}),
        ("country_rus", {"country": "RUS"}),
        ("un", {"org": "UN"}),
    ],
)
def test_terminal_golden(ds: Dataset, monkeypatch: pytest.MonkeyPatch, name: str,
                         kwargs: dict[str, Any], width: int) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    text = render(build_chart(ds, **kwargs), width, hint="alliances timeline X")
    check_golden(f"chart_{name}_{width}.txt", text)
    assert all(cell_len(line) <= width for line in text.splitlines())


def test_terminal_patterns_say_what_colours_say(ds: Dataset) -> None:
    text = render(build_chart(ds, "CSTO"), 80)
    lines = {line[:3]: line for line in text.splitlines()}
    assert STATUS_CHAR["suspended"] in lines["UZB"]
    assert STATUS_CHAR["frozen"] in lines["ARM"] and UNCERTAIN_CHAR in lines["ARM"]
    assert UNCERTAIN_CHAR not in lines["RUS"]
    assert "░ date known only to the month or year" in text
    assert len(set(STATUS_CHAR.values())) == len(STATUS_CHAR)
    # With colours on, the same characters, only styled.
    console = Console(width=80, file=io.StringIO(), color_system="truecolor", force_terminal=True)
    console.print(Gantt(build_chart(ds, "CSTO")))
    coloured = console.file.getvalue()  # type: ignore[attr-defined]
    assert "\x1b[" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == text


@pytest.mark.parametrize("width", [24, 40, 57, 100, 200])
def test_terminal_fits_any_width(ds: Dataset, width: int) -> None:
    for chart in (build_chart(ds, "CSTO"), build_chart(ds, country="RUS")):
        text = render(chart, width)
        assert max(cell_len(line) for line in text.splitlines()) <= width
        assert "UZB" in text or chart.subject == "country"


def test_terminal_lists_events_up_to_a_limit(ds: Dataset) -> None:
    text = render(build_chart(ds, "CSTO"), 80, max_markers=1, hint="alliances timeline CSTO")
    assert "▼ 1992-05-15 founded: Collective Security Treaty\n" in text
    assert "renamed" not in text.split("\n", 2)[2]  # listed no more (the title has the name)
    assert text.endswith("… and 1 more event: alliances timeline CSTO\n")


def test_terminal_measure_and_inside_a_table(ds: Dataset) -> None:
    from rich.measure import Measurement
    from rich.table import Table

    console = Console(width=100, file=io.StringIO(), color_system=None)
    gantt = Gantt(build_chart(ds, "CSTO"))
    assert Measurement.get(console, console.options, gantt) == Measurement(21, 100)
    table = Table("Chart")
    table.add_row(gantt)
    console.print(table)
    lines = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert max(cell_len(line) for line in lines) <= 100
    assert any(line.startswith("│ UZB Uzbekistan ██") for line in lines)


def test_terminal_empty_chart(ds: Dataset) -> None:
    text = render(build_chart(ds, "CSTO", to="1980"), 80)
    assert text.splitlines()[1] == "Nothing to draw in that range."


# -- the command -------------------------------------------------------------------------------
def test_cli_prints_the_library_rendering(cli: Run, mini: list[str], ds: Dataset,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    r = cli("chart", "CSTO", *mini)
    assert r.exit_code == 0, r.stderr
    assert r.stderr == ""
    assert r.stdout == render(build_chart(ds, "CSTO"), 80, hint="alliances timeline CSTO")
    r = cli("chart", "--country", "UZ", "--from", "2000", *mini)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("Uzbekistan (UZB): memberships, 2000-01-01 to 2026-11-26\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "Error: give an organisation (alliances chart CSTO) or --country"),
        (["CSTO", "--country", "UZB"], "not both and not neither"),
        (["CSTO", "--out", "x.gif"], "Error: cannot tell the image format of 'x.gif'"),
        (["CSTO", "--out", "chart"], "give a file name ending in .svg, .png, .pdf"),
        (["CSTO", "--from", "2012", "--to", "2011"], "Error: --to (2011) is before --from"),
        (["CSTO", "--status", "bogus"], "Error: unknown status 'bogus'"),
        (["NOSUCH"], "Error: "),
        (["CSTO", "--out", "no/such/dir/x.svg"], "the directory no/such/dir does not exist"),
    ],
)
def test_cli_bad_arguments(cli: Run, mini: list[str], args: list[str], message: str) -> None:
    r = cli("chart", *args, *mini)
    assert r.exit_code == 2
    assert r.stdout == ""
    assert message in r.stderr
    assert len(r.stderr.splitlines()) == 1


def test_cli_nothing_to_draw_is_a_success(cli: Run, mini: list[str], tmp_path: Path) -> None:
    r = cli("chart", "CSTO", "--to", "1980", *mini)
    assert (r.exit_code, r.stdout, r.stderr) == (0, "", "Nothing to draw for CSTO in that range.\n")
    out = tmp_path / "empty.svg"
    r = cli("chart", "CSTO", "--to", "1980", "--out", str(out), *mini)
    assert r.exit_code == 0 and not out.exists()


# -- figures -----------------------------------------------------------------------------------
def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_svg_has_one_bar_per_spell(cli: Run, mini: list[str], tmp_path: Path) -> None:
    out = tmp_path / "csto.svg"
    r = cli("chart", "CSTO", "--out", str(out), *mini)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert r.stderr == f"Wrote {out}: 4 rows, 7 spells.\n"
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "<svg" in svg[:1000]
    assert len(re.findall(r'<g id="spell-\d+"', svg)) == 7
    # Armenia's month-precise freeze: the member's end window and the frozen spell's start.
    assert len(re.findall(r'<g id="window-\d+-(?:start|end)"', svg)) == 2
    for text in ("Collective Security Treaty Organization (CSTO)", "Data: alliances, "
                 f"{alliances.__version__}, 2026-11-26"):
        assert f"<!-- {text}" in svg  # matplotlib keeps each text as a comment beside its paths
    assert not list(tmp_path.glob(".*tmp"))  # no temporary file left


def test_png_and_pdf(cli: Run, mini: list[str], tmp_path: Path) -> None:
    png, pdf = tmp_path / "c.png", tmp_path / "r.pdf"
    assert cli("chart", "CSTO", "-o", str(png), *mini).exit_code == 0
    width, height = png_size(png.read_bytes())
    assert width == 3000  # 10 inches at 300 dpi
    assert 900 < height < 1200  # 4 rows, title, legend, axis, source: about 3.3 inches
    assert cli("chart", "--country", "RUS", "-o", str(pdf), *mini).exit_code == 0
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert b"CreationDate" not in data


def test_existing_file_needs_force(cli: Run, mini: list[str], tmp_path: Path) -> None:
    out = tmp_path / "c.svg"
    out.write_text("keep me", encoding="utf-8")
    r = cli("chart", "CSTO", "--out", str(out), *mini)
    assert r.exit_code == 2
    assert r.stderr == f"Error: {out} exists; use --force to replace it\n"
    assert out.read_text(encoding="utf-8") == "keep me"
    r = cli("chart", "CSTO", "--out", str(out), "--force", *mini)
    assert r.exit_code == 0, r.stderr
    assert out.read_text(encoding="utf-8").startswith("<?xml")


def test_missing_matplotlib_is_one_line_and_exit_2(cli: Run, mini: list[str], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib -> ImportError
    out = tmp_path / "c.png"
    r = cli("chart", "CSTO", "--out", str(out), *mini)
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr == ("Error: writing an image needs matplotlib, which is not installed: "
                        "pip install 'alliances[charts]'\n")
    assert not out.exists()
    # The terminal chart needs no matplotlib.
    assert cli("chart", "CSTO", *mini).exit_code == 0


def test_missing_matplotlib_in_the_library(ds: Dataset, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from alliances.chart_image import save_chart

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingExtra, match=r"alliances\[charts\]"):
        save_chart(build_chart(ds, "CSTO"), tmp_path / "c.svg")


def test_same_chart_same_bytes(ds: Dataset, tmp_path: Path) -> None:
    from alliances.chart_image import save_chart

    chart = build_chart(ds, "CSTO")
    for name in ("a.svg", "b.svg", "a.pdf", "b.pdf"):
        save_chart(chart, tmp_path / name)
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_failed_write_leaves_nothing(ds: Dataset, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from matplotlib.figure import Figure

    from alliances.chart_image import save_chart

    def broken(self: Figure, *args: Any, **kwargs: Any) -> None:
        args[0].write(b"<?xml half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Figure, "savefig", broken)
    (tmp_path / "out").mkdir()
    with pytest.raises(OutputError, match="No space left on device"):
        save_chart(build_chart(ds, "CSTO"), tmp_path / "out" / "c.svg")
    assert list((tmp_path / "out").iterdir()) == []


def synthetic(rows: int, years: int) -> Chart:
    start = day("1945-01-01")
    end = day(f"{1945 + years}-01-01")
    out = []
    for i in range(rows):
        a = start + (i * 97) % (end - start - 400)
        bar = Bar(status="member", start=a, start_last=a, end=end, end_last=end,
                  start_text=iso(a), start_precision="day", end_text=None, end_precision=None,
                  start_uncertain=False, end_uncertain=False, open=True)
        out.append(Row(f"O{i:03d}", f"Organisation number {i}", [bar]))
    return Chart("country", "XXX", "Somewhere (XXX): memberships", start, end, end - 1, out, [],
                 ("member",))


def test_figure_scales_with_rows_and_thins_ticks() -> None:
    from alliances.chart_image import figure

    small, large = figure(synthetic(3, 5)), figure(synthetic(300, 80))
    w_small, h_small = small.get_size_inches()
    w_large, h_large = large.get_size_inches()
    assert w_small == w_large == 10
    assert 2 < h_small < 3.5
    assert 40 < h_large < 60  # about 0.16 inch a row: a 7-point label still reads
    small_ticks = [t.get_text() for t in small.axes[0].get_xticklabels()]
    large_ticks = [t.get_text() for t in large.axes[0].get_xticklabels()]
    assert small_ticks == ["1945", "1946", "1947", "1948", "1949"]
    # Every fifth year over 80 years (twice: above and below the rows).
    assert large_ticks == [str(y) for y in range(1945, 2025, 5)] * 2
    # A tall chart repeats its time axis above the rows.
    assert large.axes[0].xaxis.get_tick_params()["labeltop"]
    assert not small.axes[0].xaxis.get_tick_params().get("labeltop", False)
