"""Membership timelines as figures (SVG, PNG, PDF) for articles and papers, through matplotlib.

matplotlib is an optional extra (``pip install 'alliances[charts]'``) and is imported inside the
functions, never at module level. The figure is laid out in inches, not in fractions, so that it
reads the same at 3 rows and at 300: the height grows with the rows, the tick labels thin out
with the span, and the title, legend and source line keep their size.

In an SVG every spell is one element with the id ``spell-N`` (its certain part, or its date
window where no part is certain), every date window known only to the month or year one element
``window-N-start``/``window-N-end``: scripts can count and style them.
"""

from __future__ import annotations

import datetime as _dt
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alliances import __version__
from alliances.chart import Chart, image_format, ticks
from alliances.errors import MissingExtra
from alliances.render import STATUS_LABEL
from alliances.safe_write import atomic_open, check_target

if TYPE_CHECKING:
    from matplotlib.figure import Figure

INSTALL_HINT = "pip install 'alliances[charts]'"

# Okabe and Ito's palette, safe for colour-blind readers; a status keeps its colour everywhere.
STATUS_COLOUR = {
    "member": "#0072B2",
    "frozen": "#56B4E9",
    "suspended": "#E69F00",
    "associate": "#009E73",
    "observer": "#CC79A7",
    "partner": "#D55E00",
    "candidate": "#999999",
}
WINDOW_HATCH = "//////"

WIDTH = 10.0  # inches
LEFT_PAD, RIGHT_PAD = 0.15, 0.35
TITLE_H, LEGEND_ROW_H, MARKER_LABEL_H = 0.62, 0.24, 0.55
TICKS_H, SOURCE_H = 0.42, 0.32
MAX_LABEL = 42  # characters of a row label
MAX_PIXELS = 30_000  # Agg's limit is 2**16 a side; stay well below it
PNG_DPI = 300
TOP_AXIS_ROWS = 40


def require_matplotlib() -> None:
    """Raise :class:`~alliances.errors.MissingExtra` (exit 2) when matplotlib is missing."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise MissingExtra(
            f"writing an image needs matplotlib, which is not installed: {INSTALL_HINT}"
        ) from None


def check_output(path: str | os.PathLike[str], *, overwrite: bool) -> str:
    """Check an output path before any work: its format (by extension), matplotlib, and that
    the file may be written. Returns the format."""
    fmt = image_format(os.fspath(path))
    require_matplotlib()
    check_target(path, overwrite=overwrite)
    return fmt


def source_line(chart: Chart, version: str = __version__) -> str:
    return f"Data: alliances, {version}, {_dt.date.fromordinal(chart.today).isoformat()}"


@dataclass(frozen=True, slots=True)
class _Layout:
    """Sizes in inches (and points for fonts), from the number of rows and legend entries."""

    rows: int
    pitch: float
    label_pt: float
    left: float
    top: float
    bottom: float
    height: float
    legend_cols: int
    top_axis: bool


def _layout(chart: Chart) -> _Layout:
    n = max(len(chart.rows), 1)
    pitch = 0.24 if n <= 40 else 0.19 if n <= 120 else 0.16
    label_pt = 8.0 if n <= 40 else 7.0 if n <= 120 else 6.0
    longest = max((len(_label(r.label)) for r in chart.rows), default=8)
    left = min(3.4, LEFT_PAD + 0.25 + longest * label_pt * 0.55 / 72)
    entries = _legend_entries(chart)
    per_row = max(1, int((WIDTH - left - RIGHT_PAD) / 1.9))
    legend_rows = math.ceil(len(entries) / per_row) if entries else 0
    top_axis = n > TOP_AXIS_ROWS  # a tall chart repeats its time axis above the rows
    top = (TITLE_H + legend_rows * LEGEND_ROW_H + (MARKER_LABEL_H if chart.markers else 0.1)
           + (TICKS_H - 0.1 if top_axis else 0))
    bottom = TICKS_H + SOURCE_H
    return _Layout(rows=n, pitch=pitch, label_pt=label_pt, left=left, top=top, bottom=bottom,
                   height=top + n * pitch + bottom, legend_cols=min(per_row, len(entries) or 1),
                   top_axis=top_axis)


def _label(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def _legend_entries(chart: Chart) -> list[tuple[str, str]]:
    out = [("status", s) for s in chart.statuses]
    if chart.uncertain:
        out.append(("window", "date known only to the month or year"))
    if chart.row_markers:
        out.append(("event", "event"))
    if chart.markers:
        out.append(("axis", "event of the organisation"))
    return out


def figure(chart: Chart, *, source: str | None = None) -> Figure:
    """A matplotlib figure of the chart: title, bars by status, date windows hatched, events,
    a time axis, a legend and a source line."""
    require_matplotlib()
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch, Rectangle

    lay = _layout(chart)
    height = lay.height
    fig = Figure(figsize=(WIDTH, height))
    plot_w = WIDTH - lay.left - RIGHT_PAD
    ax = fig.add_axes((lay.left / WIDTH, lay.bottom / height, plot_w / WIDTH,
                       (height - lay.top - lay.bottom) / height))
    n = lay.rows
    ax.set_xlim(chart.start, chart.end)
    ax.set_ylim(n - 0.5, -0.5)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0, labelsize=lay.label_pt)
    ax.set_yticks(range(len(chart.rows)), [_label(r.label) for r in chart.rows])
    for i in range(1, len(chart.rows), 2):
        ax.axhspan(i - 0.5, i + 0.5, color="#f3f3f3", lw=0, zorder=0)

    tick_pt = 8.0
    char_in = tick_pt * 0.62 / 72
    major = ticks(chart.start, chart.end, plot_w, char_in)
    ax.set_xticks([d for d, _ in major], [t for _, t in major])
    minor = ticks(chart.start, chart.end, plot_w, char_in / 3)
    ax.set_xticks([d for d, _ in minor if d not in {m for m, _ in major}], minor=True)
    ax.tick_params(axis="x", which="both", labelsize=tick_pt)
    if lay.top_axis:
        ax.tick_params(axis="x", which="both", top=True, labeltop=True)
    marker_offset = tick_pt * 2.2 if lay.top_axis else 2.0  # points above the rows
    ax.grid(axis="x", which="major", color="#d9d9d9", lw=0.6, zorder=0.5)
    ax.set_axisbelow(True)

    span = chart.end - chart.start
    min_w = span * 0.0015  # a spell of a few days still shows
    k = 0
    for i, row in enumerate(chart.rows):
        for bar in row.bars:
            colour = STATUS_COLOUR.get(bar.status, "#333333")
            pieces: list[tuple[float, float, str]] = []
            if bar.start_uncertain and bar.start_last > bar.start:
                pieces.append((bar.start, bar.start_last, "start"))
            if bar.end > bar.start_last:
                pieces.append((bar.start_last, bar.end, "core"))
            if bar.end_uncertain and bar.end_last > bar.end:
                pieces.append((bar.end, bar.end_last, "end"))
            if not pieces:
                pieces.append((bar.start, bar.start, "core"))
            named = any(p[2] == "core" for p in pieces)
            for a, b, part in pieces:
                gid = f"window-{k}-{part}"
                if part == "core" or not named:
                    gid, named = f"spell-{k}", True
                rect = Rectangle((a, i - 0.34), max(b - a, min_w), 0.68, lw=0, gid=gid, zorder=2)
                if part == "core":
                    rect.set_facecolor(colour)
                else:
                    rect.set_facecolor((1, 1, 1, 0))
                    rect.set_edgecolor(colour)
                    rect.set_hatch(WINDOW_HATCH)
                ax.add_patch(rect)
            k += 1
        if row.markers:
            ax.scatter([m.day for m in row.markers], [i] * len(row.markers), marker="D", s=9,
                       color="black", lw=0, zorder=3, gid=f"events-{i}")

    # Labels of the organisation's events, thinned where they would overlap: founding,
    # renaming and dissolution before milestones.
    label_gap = tick_pt * 0.9 / 72 * span / plot_w
    placed: list[int] = []
    for m in sorted(chart.markers, key=lambda m: (m.event == "milestone", m.day)):
        if all(abs(m.day - d) >= label_gap for d in placed):
            ax.annotate(m.event, (m.day, -0.5), xytext=(0, marker_offset),
                        textcoords="offset points", rotation=90, ha="center", va="bottom",
                        fontsize=6.5, color="#444444", annotation_clip=False)
            placed.append(m.day)
    for m in chart.markers:
        ax.axvline(m.day, color="#444444", lw=0.7, ls=(0, (3, 2)), zorder=1.5)

    handles: list[Any] = []
    for kind, label in _legend_entries(chart):
        if kind == "status":
            handles.append(Patch(facecolor=STATUS_COLOUR.get(label, "#333333"),
                                 label=STATUS_LABEL.get(label, label)))
        elif kind == "window":
            handles.append(Patch(facecolor="white", edgecolor="#555555", hatch=WINDOW_HATCH,
                                 lw=0, label=label))
        elif kind == "event":
            handles.append(Line2D([], [], marker="D", ms=3.5, color="black", lw=0, label=label))
        else:
            handles.append(Line2D([], [], color="#444444", lw=0.7, ls=(0, (3, 2)), label=label))
    top_in = height - TITLE_H
    if handles:
        fig.legend(handles=handles, loc="upper left", ncols=lay.legend_cols,
                   bbox_to_anchor=(lay.left / WIDTH - 0.01, top_in / height), frameon=False,
                   fontsize=8, handlelength=1.6, columnspacing=1.2, borderaxespad=0)
    x0 = LEFT_PAD / WIDTH
    fig.text(x0, (height - 0.18) / height, chart.title, fontsize=12, weight="bold", va="top")
    what = "membership by status" if chart.subject == "org" else "status in each organisation"
    fig.text(x0, (height - 0.42) / height, f"{what.capitalize()}, {chart.range_text()}",
             fontsize=9, color="#333333", va="top")
    fig.text(x0, 0.1 / height, source or source_line(chart), fontsize=7, color="#555555",
             va="bottom")
    return fig


def save_chart(
    chart: Chart,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    source: str | None = None,
    dpi: float | None = None,
) -> Path:
    """Write the chart's figure to ``path`` (format by extension: .svg, .png or .pdf),
    atomically, never over an existing file unless ``overwrite``. Reproducible: the same chart
    gives the same bytes (no timestamps; SVG ids from a fixed salt)."""
    fmt = check_output(path, overwrite=overwrite)
    from matplotlib import rc_context

    fig = figure(chart, source=source)
    height = float(fig.get_size_inches()[1])
    resolution = dpi or (min(PNG_DPI, MAX_PIXELS / height) if fmt == "png" else 72)
    creator = f"alliances {__version__} (matplotlib)"
    metadata: dict[str, Any] = (
        {"Date": None, "Creator": creator} if fmt == "svg"
        else {"CreationDate": None, "Creator": creator} if fmt == "pdf"
        else {"Software": creator}
    )
    with rc_context({"svg.hashsalt": "alliances", "svg.fonttype": "path", "pdf.fonttype": 42}), \
            atomic_open(path, overwrite=overwrite, binary=True) as f:
        fig.savefig(f, format=fmt, dpi=resolution, metadata=metadata)
    return Path(path)
