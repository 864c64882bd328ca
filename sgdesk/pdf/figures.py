"""Pictures in a story (charts, heat maps, trend lines in table cells, logos) and the alternative
text that travels with them.

Whoever makes a picture (a reportlab ``Drawing`` or ``Image``) gives it its text with
:func:`with_alt_text`; the PDF tags it as a Figure with that text, and the Word and Excel versions
of a story read it back with :func:`alt_text` as the picture's description, so every format
describes the picture in the same words. Write the text from the data the picture was drawn from,
so the two cannot disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from reportlab.graphics.shapes import Circle, Drawing, PolyLine
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.rl_config import _unset_ as _UNSET

from sgdesk.pdf.colours import ACCENT, MUTED

_ATTRIBUTE = "alt_text"
_PAD = 2.5
_LINE = 1.2
_COMPARATOR_LINE = 0.7
_KEPT_TREND_LINES = 4096  # trend lines whose page operators the process keeps
F = TypeVar("F")


def with_alt_text(flowable: F, text: str) -> F:
    """``flowable`` carrying ``text`` as its alternative text (white space runs made single)."""
    words = " ".join(text.split())
    if not words:
        raise ValueError("a figure needs alternative text: say what it shows")
    # a reportlab Drawing refuses attributes it does not know, so set it past that check
    vars(flowable)[_ATTRIBUTE] = words
    return flowable


def alt_text(flowable: Any) -> str:
    """The alternative text given to ``flowable``, or "" if it has none."""
    return getattr(flowable, _ATTRIBUTE, "")


def trend_line(series: Sequence[Sequence[float | None]], alt_text: str, *, width: float = 48,
               height: float = 14) -> Drawing:
    """A line per series over the same periods, on one scale: the first (the authority's own figures)
    in the accent with a dot at its latest point, the others (comparators) thinner, grey and dashed. A
    period with no figure breaks the line. The drawing carries ``alt_text``."""
    drawing = with_alt_text(_TrendLine(width, height, (tuple(tuple(line) for line in series), width, height)),
                            alt_text)
    values = [value for line in series for value in line if value is not None]
    count = max((len(line) for line in series), default=0)
    if not values or count < 1:
        return drawing
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
    return drawing


class _TrendLine(Drawing):
    """A trend line's drawing, which writes on a page what reportlab's renderer wrote for the same
    trend line before: lines and a dot, no text or picture, so the same operators wherever it is
    drawn, in any document (a report of indicators draws hundreds of them, again on each export).

    That holds while its font is a TrueType one (the house font, as a table or the story gives it
    before drawing: reportlab's renderer sets such a font without writing anything) and the canvas
    changes no colour and has no transparency of its own; otherwise reportlab's renderer draws it."""

    #: what a trend line shows, its font and the accent -> its page operators
    _drawn: dict[tuple[Any, ...], list[str]] = {}

    def __init__(self, width: float = 400, height: float = 200, shows: tuple[Any, ...] = ()) -> None:
        super().__init__(width, height)
        vars(self)["shows"] = shows  # the series, width and height it is drawn from (past Drawing's check)

    def draw(self, showBoundary: Any = _UNSET) -> None:  # noqa: N803 - reportlab's name
        canvas, font = self.canv, getattr(self, "initialFontName", None)
        if not self.shows or showBoundary is not _UNSET or getattr(self, "_showBoundary", _UNSET) is not _UNSET \
                or font is None or not getFont(font)._dynamicFont or canvas._enforceColorSpace \
                or canvas._extgstate._d:
            super().draw(showBoundary)  # a copy (reportlab's copy knows nothing of what it shows), or boxed
            return
        code, key = canvas._code, (*self.shows, font, ACCENT.rgb())  # the accent of this build
        drawn = self._drawn.get(key)
        if drawn is None:
            start = len(code)
            super().draw()
            if len(self._drawn) >= _KEPT_TREND_LINES:
                self._drawn.clear()
            self._drawn[key] = code[start:]
        else:
            code.extend(drawn)


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
