"""Figures: a drawing (a chart, a heat map, a trend line in a table cell) together with the
alternative text that says what it shows.

A figure is drawn like any other flowable; its ``alt_text`` goes with it into Word and Excel (as the
picture's description) and into the PDF's structure. Write the text from the data the drawing was
made from, so the two cannot disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, PolyLine
from reportlab.platypus import Flowable

from sgdesk.pdf.colours import ACCENT, MUTED

_PAD = 2.5
_LINE = 1.2
_COMPARATOR_LINE = 0.7


class Figure(Flowable):
    """A reportlab :class:`Drawing` with its alternative text."""

    def __init__(self, drawing: Drawing, alt_text: str) -> None:
        super().__init__()
        if not " ".join(alt_text.split()):
            raise ValueError("a figure needs alternative text: say what it shows")
        self.drawing = drawing
        self.alt_text = " ".join(alt_text.split())
        self.width, self.height = drawing.width, drawing.height
        self.hAlign = "LEFT"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.drawing.wrap(availWidth, availHeight)

    def draw(self) -> None:
        self.drawing.drawOn(self.canv, 0, 0)


def figure(drawing: Any, alt_text: str) -> Figure:
    """A house-style figure: ``drawing`` described by ``alt_text``."""
    return Figure(drawing, alt_text)


def trend_line(series: Sequence[Sequence[float | None]], alt_text: str, *, width: float = 48,
               height: float = 14) -> Figure:
    """A line per series over the same periods, on one scale: the first (the authority's own figures)
    in the accent with a dot at its latest point, the others (comparators) thinner, grey and dashed. A
    period with no figure breaks the line."""
    drawing = Drawing(width, height)
    values = [value for line in series for value in line if value is not None]
    count = max((len(line) for line in series), default=0)
    if not values or count < 1:
        return Figure(drawing, alt_text)
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    step = (width - 2 * _PAD) / max(count - 1, 1)

    def point(index: int, value: float) -> tuple[float, float]:
        x = _PAD + index * step if count > 1 else width / 2
        return x, _PAD + (value - low) / span * (height - 2 * _PAD) if high != low else height / 2

    for number, line in reversed(list(enumerate(series))):
        own = number == 0
        for run in _runs(line):
            points = [coordinate for index, value in run for coordinate in point(index, value)]
            if len(run) > 1:
                drawing.add(PolyLine(points, strokeColor=ACCENT if own else MUTED,
                                    strokeWidth=_LINE if own else _COMPARATOR_LINE,
                                    strokeDashArray=None if own else [1.5, 1.2], strokeLineCap=1,
                                    strokeLineJoin=1))
        if own and any(value is not None for value in line):
            index, value = max((i, v) for i, v in enumerate(line) if v is not None)
            x, y = point(index, value)
            drawing.add(Circle(x, y, 1.6, fillColor=ACCENT, strokeColor=None))
    return Figure(drawing, alt_text)


def _runs(line: Sequence[float | None]) -> list[list[tuple[int, float]]]:
    """The unbroken stretches of a line: periods with figures, in order."""
    runs: list[list[tuple[int, float]]] = [[]]
    for index, value in enumerate(line):
        if value is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append((index, value))
    return [run for run in runs if run]
