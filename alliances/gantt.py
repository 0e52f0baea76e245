"""A membership timeline in the terminal: a Gantt chart as a Rich renderable.

Like ``rich/bar.py`` it draws spans on a scale: the axis ``[chart.start, chart.end)`` is
mapped onto the columns left of the labels, and each bar fills the cells its days touch (so a
spell of a few days still shows). Every status has its own block character as well as its
colour, so the chart reads the same with ``NO_COLOR`` or on paper; a boundary known only to the
month or the year is drawn over its whole window with ``░``.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from alliances.chart import Bar, Chart, Marker, ticks
from alliances.render import STATUS_LABEL, STATUS_STYLE

STATUS_CHAR = {
    "member": "█",
    "frozen": "▓",
    "suspended": "▒",
    "associate": "▆",
    "observer": "▄",
    "partner": "▂",
    "candidate": "▁",
}
"""One pattern per status, from most to least of a member: shades for a membership whose use
is reduced, lower blocks for lesser statuses."""

UNCERTAIN_CHAR = "░"
ROW_MARKER = "◆"
AXIS_MARKER = "▼"
MIN_BAR_WIDTH = 12
MIN_LABEL_WIDTH = 8

# Cell priorities: a marker over a date window over a bar over nothing; equal: the later.
_EMPTY, _SURE, _WINDOW, _MARK = 0, 1, 2, 3


@dataclass(frozen=True, slots=True)
class _Cell:
    char: str
    style: str
    rank: int


_BLANK = _Cell(" ", "", _EMPTY)


class Gantt:
    """A chart of :class:`alliances.chart.Chart` data: one row per country or organisation,
    a time axis with ticks, a legend and the events marked.

    Args:
        chart: the data, from :func:`alliances.chart.build_chart`.
        max_markers: at most this many events listed under the legend.
        hint: a line that tells where the rest of the events are, shown when some are left out.
    """

    def __init__(self, chart: Chart, *, max_markers: int = 12, hint: str = "") -> None:
        self.chart = chart
        self.max_markers = max_markers
        self.hint = hint

    def __repr__(self) -> str:
        return f"Gantt({self.chart.key!r}, rows={len(self.chart.rows)})"

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(MIN_LABEL_WIDTH + 1 + MIN_BAR_WIDTH, options.max_width)

    # -- layout ---------------------------------------------------------------------------
    def _widths(self, width: int) -> tuple[int, int]:
        longest = max((cell_len(r.label) for r in self.chart.rows), default=MIN_LABEL_WIDTH)
        label = min(longest, max(MIN_LABEL_WIDTH, width // 4), 32)
        label = max(MIN_LABEL_WIDTH, min(label, width - 1 - MIN_BAR_WIDTH))
        return label, max(1, width - label - 1)

    def _col(self, day: int, bar_width: int) -> int:
        c = self.chart
        span = max(c.end - c.start, 1)
        col = (day - c.start) * bar_width // span
        return min(max(col, 0), bar_width - 1)

    def _paint(self, cells: list[_Cell], a: int, b: int, cell: _Cell) -> None:
        """Paint the cells that the days ``[a, b)`` touch (at least one)."""
        if b <= a:
            return
        width = len(cells)
        for col in range(self._col(a, width), self._col(b - 1, width) + 1):
            if cell.rank >= cells[col].rank:
                cells[col] = cell

    def _row_cells(self, row_bars: list[Bar], markers: list[Marker], width: int) -> list[_Cell]:
        cells = [_BLANK] * width
        for bar in row_bars:
            style = STATUS_STYLE.get(bar.status, "")
            self._paint(cells, bar.start_last, bar.end,
                        _Cell(STATUS_CHAR.get(bar.status, "█"), style, _SURE))
            window = _Cell(UNCERTAIN_CHAR, style, _WINDOW)
            if bar.start_uncertain:
                self._paint(cells, bar.start, bar.start_last, window)
            if bar.end_uncertain:
                self._paint(cells, bar.end, bar.end_last, window)
        for m in markers:
            self._paint(cells, m.day, m.day + 1, _Cell(ROW_MARKER, "bold", _MARK))
        return cells

    # -- rendering ------------------------------------------------------------------------
    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        chart = self.chart
        width = options.max_width
        yield Text(f"{chart.title}, {chart.range_text()}", style="bold")
        if chart.empty:
            yield Text("Nothing to draw in that range.")
            return
        label_w, bar_w = self._widths(width)
        pad = " " * (label_w + 1)
        if chart.markers:
            cells = [_BLANK] * bar_w
            for m in chart.markers:
                self._paint(cells, m.day, m.day + 1, _Cell(AXIS_MARKER, "bold", _MARK))
            yield from _line(pad, cells)
        for row in chart.rows:
            label = set_cell_size(_fit(row.label, label_w), label_w)
            yield from _line(label + " ", self._row_cells(row.bars, row.markers, bar_w))
        yield from self._axis(pad, bar_w)
        yield from self._legend(width)
        yield from self._marker_list(width)

    def _axis(self, pad: str, bar_w: int) -> RenderResult:
        chart = self.chart
        marks = ticks(chart.start, chart.end, bar_w, 1.0)
        line = ["─"] * bar_w
        labels = [" "] * bar_w
        free = 0
        for day, text in marks:
            col = self._col(day, bar_w)
            line[col] = "┬"
            if col >= free and col + len(text) <= bar_w:
                labels[col:col + len(text)] = list(text)
                free = col + len(text) + 1
        yield Segment(pad + "".join(line), Style(dim=True))
        yield Segment.line()
        yield Segment((pad + "".join(labels)).rstrip())
        yield Segment.line()

    def _legend(self, width: int) -> RenderResult:
        """The legend, its entries kept whole when it wraps."""
        chart = self.chart
        parts: list[tuple[str, str, str]] = [
            (STATUS_CHAR.get(s, "█"), STATUS_STYLE.get(s, ""), STATUS_LABEL.get(s, s))
            for s in chart.statuses
        ]
        if chart.uncertain:
            parts.append((UNCERTAIN_CHAR, "", "date known only to the month or year"))
        if chart.row_markers:
            parts.append((ROW_MARKER, "bold", "event"))
        if chart.markers:
            parts.append((AXIS_MARKER, "bold", "event of the organisation"))
        line = Text()
        for char, style, label in parts:
            entry = Text(char, style=style)
            entry.append(f" {label}")
            if line and line.cell_len + 2 + entry.cell_len > width:
                yield line
                line = Text()
            if line:
                line.append("  ")
            line.append_text(entry)
        if line:
            yield line

    def _marker_list(self, width: int) -> RenderResult:
        chart = self.chart
        items = [(AXIS_MARKER, m) for m in chart.markers]
        items += sorted(((ROW_MARKER, m) for m in chart.row_markers), key=lambda x: x[1].day)
        for char, m in items[: self.max_markers]:
            who = f"{m.row} " if m.row else ""
            line = Text()
            line.append(char, style="bold")
            line.append(f" {m.date} {who}{m.label}")
            line.truncate(width, overflow="ellipsis")
            yield line
        hidden = len(items) - self.max_markers
        if hidden > 0:
            more = f"… and {hidden} more event{'s' if hidden != 1 else ''}"
            yield Text(f"{more}: {self.hint}" if self.hint else more, style="dim")


def _fit(text: str, width: int) -> str:
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1) + "…"


def _line(prefix: str, cells: list[_Cell]) -> RenderResult:
    """One line: the prefix, then the cells in runs of one style, trailing blanks dropped (so
    that golden files survive editors)."""
    end = len(cells)
    while end and cells[end - 1].rank == _EMPTY:
        end -= 1
    runs: list[tuple[str, str]] = []
    for cell in cells[:end]:
        if runs and runs[-1][1] == cell.style:
            runs[-1] = (runs[-1][0] + cell.char, cell.style)
        else:
            runs.append((cell.char, cell.style))
    yield Segment(prefix if runs else prefix.rstrip())
    for chunk, style in runs:
        yield Segment(chunk, Style.parse(style) if style else None)
    yield Segment.line()


__all__ = ["AXIS_MARKER", "ROW_MARKER", "STATUS_CHAR", "UNCERTAIN_CHAR", "Gantt"]
