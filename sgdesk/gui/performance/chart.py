"""One indicator over the years against its comparators, painted with QPainter (as the other charts).

The authority's line is solid, with a point per figure; England, the statistical neighbours'
average and the region are dashed and dotted in their own colours. A period with no figure breaks
the line; one marked as suppressed, not available or not published carries its mark below the line.
A comparator far off the authority's scale (England's count beside one authority's) is left out of the
picture. The chart's accessible description is the same trend in words.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from sgdesk.indicators.figures import Figure, figure_text, note_mark
from sgdesk.indicators.matrix import MatrixRow, comparator_label

OWN = QColor("#1F4E79")
TEXT = QColor("#222222")
GRID = QColor("#D9D9D9")
#: comparator kind -> (colour, dash pattern)
STYLES = {"england": (QColor("#595959"), Qt.PenStyle.DashLine),
          "sn_average": (QColor("#C55A11"), Qt.PenStyle.DotLine),
          "region": (QColor("#2E7D6B"), Qt.PenStyle.DashDotLine)}
_LEFT, _RIGHT, _TOP, _BOTTOM = 64, 28, 34, 40
_TICKS = 4
_LEGEND_ROW = 20


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row: MatrixRow | None = None
        self.setAccessibleName("Chart of the indicator over the years")
        self.setMinimumSize(360, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(520, 300)

    def set_row(self, row: MatrixRow | None) -> None:
        self.row = row
        self.setAccessibleDescription(row.alt_text if row else "")
        self.setToolTip(row.alt_text if row else "")
        self.update()

    def lines(self) -> list[tuple[str, QColor, Qt.PenStyle, list[Figure | None]]]:
        """(legend label, colour, pen style, figures over the periods), the authority first."""
        if self.row is None:
            return []
        own_name = "This authority"
        found = [(own_name, OWN, Qt.PenStyle.SolidLine, self.row.series(self.row.own))]
        for area, values in self.row.charted_comparators():
            colour, style = STYLES[area.kind]
            found.append((comparator_label(area), colour, style, self.row.series(values)))
        return found

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(TEXT)
        lines = self.lines()
        figures = [f.value for _l, _c, _s, series in lines for f in series if f is not None and f.value is not None]
        if self.row is None or not figures:
            text = "Choose an indicator to see its trend" if self.row is None else "No figures for this indicator yet"
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, text)
            painter.end()
            return
        top = _TOP + self._legend(painter, lines) - _LEGEND_ROW
        plot = QRectF(_LEFT, top, max(self.width() - _LEFT - _RIGHT, 10), max(self.height() - top - _BOTTOM, 10))
        low, high = _range(figures)
        periods = self.row.periods
        step = plot.width() / max(len(periods) - 1, 1)

        def x_of(index: int) -> float:
            return plot.left() + (index * step if len(periods) > 1 else plot.width() / 2)

        def y_of(value: Decimal) -> float:
            return plot.bottom() - float((value - low) / (high - low)) * plot.height()

        places = min(2, max(max(0, -int(v.as_tuple().exponent)) for v in figures))
        self._axes(painter, plot, low, high, places, x_of, y_of)
        for _label, colour, style, series in reversed(lines):
            self._line(painter, series, colour, style, x_of, y_of, own=colour == OWN)
        self._marks(painter, lines[0][3], plot, x_of)
        painter.end()

    def _axes(self, painter: QPainter, plot: QRectF, low: Decimal, high: Decimal, places: int, x_of, y_of) -> None:
        """Grid lines with the value at each (to the figures' places), and the periods below."""
        assert self.row is not None
        unit = self.row.indicator.unit
        metrics = QFontMetrics(self.font())
        for tick in range(_TICKS + 1):
            value = low + (high - low) * tick / _TICKS
            y = y_of(value)
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(TEXT)
            text = figure_text(value.quantize(Decimal(1).scaleb(-places)), unit)
            painter.drawText(QRectF(0, y - 9, _LEFT - 8, 18),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        labels = [period.label for period in self.row.periods]
        widest = max(metrics.horizontalAdvance(label) for label in labels) + 8
        every = max(1, int(widest // max(plot.width() / max(len(labels), 1), 1)) + 1)
        for index, label in enumerate(labels):
            if index % every and index != len(labels) - 1:
                continue
            x = x_of(index)
            painter.drawText(QRectF(x - widest / 2, plot.bottom() + 14, widest, 18), Qt.AlignmentFlag.AlignCenter,
                             label)

    @staticmethod
    def _line(painter: QPainter, series: list[Figure | None], colour: QColor, style: Qt.PenStyle, x_of, y_of, *,
              own: bool) -> None:
        pen = QPen(colour, 2.4 if own else 1.6, style)
        painter.setPen(pen)
        path, drawing = QPainterPath(), False
        for index, figure in enumerate(series):
            if figure is None or figure.value is None:
                drawing = False
                continue
            point = QPointF(x_of(index), y_of(figure.value))
            if drawing:
                path.lineTo(point)
            else:
                path.moveTo(point)
                drawing = True
        painter.drawPath(path)
        painter.setBrush(colour if own else QColor("white"))
        painter.setPen(QPen(colour, 1.4))
        radius = 3.6 if own else 2.6
        for index, figure in enumerate(series):
            if figure is not None and figure.value is not None:
                painter.drawEllipse(QPointF(x_of(index), y_of(figure.value)), radius, radius)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    @staticmethod
    def _marks(painter: QPainter, series: list[Figure | None], plot: QRectF, x_of) -> None:
        """The authority's suppression marks (c, x, ..), where its line has no point."""
        painter.setPen(OWN)
        for index, figure in enumerate(series):
            if figure is not None and figure.value is None and figure.note:
                painter.drawText(QRectF(x_of(index) - 20, plot.bottom() - 18, 40, 16), Qt.AlignmentFlag.AlignCenter,
                                 note_mark(figure.note))

    def _legend(self, painter: QPainter, lines) -> float:
        """The key to the lines, along the top (wrapping onto more rows when narrow); returns its height."""
        metrics = QFontMetrics(self.font())
        x, y = float(_LEFT), 4.0
        for label, colour, style, _series in lines:
            width = metrics.horizontalAdvance(label) + 4
            if x > _LEFT and x + 26 + width > self.width() - _RIGHT:
                x, y = float(_LEFT), y + _LEGEND_ROW
            painter.setPen(QPen(colour, 2.4 if colour == OWN else 1.6, style))
            painter.drawLine(QPointF(x, y + 10), QPointF(x + 22, y + 10))
            painter.setPen(TEXT)
            painter.drawText(QRectF(x + 26, y, width, 20), Qt.AlignmentFlag.AlignVCenter, label)
            x += 40 + width
        return y - 4 + _LEGEND_ROW


def _range(values: list[Decimal]) -> tuple[Decimal, Decimal]:
    """The value axis: from the lowest figure to the highest, with a little room; never empty."""
    low, high = min(values), max(values)
    if low == high:
        return low - 1, high + 1
    room = (high - low) / 10
    return (max(low - room, Decimal(0)) if low >= 0 else low - room), high + room
