"""The round's results on screen: statistics with a distribution chart per row, and comments.

The business manager sees every figure; rows under the anonymity threshold are greyed with a
note that published outputs print "too few responses" there. Charts are drawn with QPainter.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sgdesk.assessment.results import RoundResults
from sgdesk.assessment.scores import Scale, Score
from sgdesk.assessment.statistics import Summary, change_text
from sgdesk.gui.assessment.models import ColumnsModel

ACCENT = QColor("#1F4E79")
MUTED = QColor("#8A8A8A")
LEVELS = ("Statements", "Themes", "Sections")


@dataclass(frozen=True)
class SummaryRow:
    """One row of the results table: a statement, theme or section, with its figures and the change since the
    last round."""

    code: str
    title: str
    summary: Summary
    hidden: bool
    change: str = ""


def rows_for(results: RoundResults, level: str) -> list[SummaryRow]:
    if level == "Statements":
        return [SummaryRow(s.code, s.text, s.summary, s.hidden, change_text(s.change)) for s in results.statements]
    groups = results.themes if level == "Themes" else results.sections
    return [SummaryRow("", g.title, g.summary, g.hidden) for g in groups]


class SummaryModel(ColumnsModel):
    COLUMNS = ("Code", "Statement", "N", "Mode", "Mean", "Range", "Change", "Distribution")
    DISTRIBUTION = 7

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[SummaryRow] = []
        self.scale = Scale.default()
        self.threshold = 3

    def set_rows(self, rows: list[SummaryRow], scale: Scale, threshold: int) -> None:
        self.beginResetModel()
        self.rows, self.scale, self.threshold = rows, scale, threshold
        self.endResetModel()


    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            summary = row.summary
            return (row.code, row.title, str(summary.n), summary.mode_text, summary.mean_text, summary.range_text,
                    row.change, "")[column]
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.hidden and row.summary.n:
                return (f"Fewer than {self.threshold} responses: shown here, but published outputs print "
                        "'too few responses' instead of these figures")
            return row.title if column == 1 else None
        if role == Qt.ItemDataRole.ForegroundRole and row.hidden:
            return MUTED
        if role == Qt.ItemDataRole.FontRole and row.hidden and row.summary.n:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= column <= 6:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def counts(summary: Summary, scale: Scale) -> list[tuple[Score, int]]:
    """(score, how many gave it) for every whole score, and every split score anyone gave."""
    shown = [s for s in scale.scores() if not s.is_split or summary.distribution.get(s)]
    return [(score, summary.distribution.get(score, 0)) for score in shown]


def paint_bars(painter: QPainter, rect: QRectF, bars: list[tuple[Score, int]], *, labels: bool) -> None:
    """Bars for ``bars`` inside ``rect``; with ``labels``, the score under and the count above each."""
    if not bars:
        return
    most = max(count for _score, count in bars) or 1
    label_height = 16.0 if labels else 0.0
    area = rect.adjusted(2, label_height + 2, -2, -(label_height + 2))
    slot = area.width() / len(bars)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(MUTED, 1))
    painter.drawLine(area.bottomLeft(), area.bottomRight())
    for index, (score, count) in enumerate(bars):
        height = area.height() * count / most
        bar = QRectF(area.left() + slot * index + slot * 0.18, area.bottom() - height, slot * 0.64, height)
        painter.fillRect(bar, ACCENT if not score.is_split else ACCENT.lighter(160))
        if labels:
            painter.setPen(QPen(QColor("#222222")))
            painter.drawText(QRectF(bar.left() - 6, area.bottom() + 2, bar.width() + 12, label_height),
                             int(Qt.AlignmentFlag.AlignCenter), score.label)
            painter.drawText(QRectF(bar.left() - 6, bar.top() - label_height, bar.width() + 12, label_height),
                             int(Qt.AlignmentFlag.AlignCenter), str(count))
    painter.restore()


class DistributionDelegate(QStyledItemDelegate):
    """A small bar chart of the scores in the Distribution column."""

    def paint(self, painter: QPainter, option, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        row: SummaryRow = index.data(Qt.ItemDataRole.UserRole)
        model = index.model()
        if row is not None and row.summary.n:
            paint_bars(painter, QRectF(option.rect).adjusted(4, 3, -4, -3), counts(row.summary, model.scale),
                       labels=False)


class DistributionChart(QWidget):
    """The distribution of one row's scores, with the score under each bar and the count above."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Distribution of scores")
        self.setMinimumSize(320, 170)
        self.row: SummaryRow | None = None
        self.scale = Scale.default()

    def show_row(self, row: SummaryRow | None, scale: Scale) -> None:
        self.row, self.scale = row, scale
        self.setAccessibleDescription("" if row is None else ", ".join(
            f"{score.label}: {count}" for score, count in counts(row.summary, scale)))
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        if self.row is None or not self.row.summary.n:
            painter.setPen(MUTED)
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter),
                             "Choose a row to see how its scores are spread" if self.row is None else "No answers yet")
            painter.end()
            return
        title = QRectF(8, 4, self.width() - 16, 20)
        painter.setPen(QColor("#222222"))
        painter.drawText(title, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         f"{self.row.code or self.row.title[:40]}: {self.row.summary.n} answers, mean "
                         f"{self.row.summary.mean_text}")
        paint_bars(painter, QRectF(8, 26, self.width() - 16, self.height() - 30),
                   counts(self.row.summary, self.scale), labels=True)
        painter.end()


class SummaryPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.results: RoundResults | None = None
        self.level = QComboBox()
        self.level.setAccessibleName("Summarise by")
        self.level.addItems(LEVELS)
        self.level.currentIndexChanged.connect(lambda *_: self._fill())
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.model = SummaryModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Summary of scores")
        self.table.setItemDelegateForColumn(SummaryModel.DISTRIBUTION, DistributionDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SummaryModel.DISTRIBUTION, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(SummaryModel.DISTRIBUTION, 120)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_chart())
        self.chart = DistributionChart()
        self.findings = QTextBrowser()
        self.findings.setAccessibleName("Strengths and areas for development")

        top = QHBoxLayout()
        top.addWidget(QLabel("Summarise by:"))
        top.addWidget(self.level)
        top.addWidget(self.note, 1)
        bottom = QSplitter()
        bottom.addWidget(self.chart)
        bottom.addWidget(self.findings)
        bottom.setSizes([420, 600])
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(bottom)
        splitter.setSizes([480, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def set_results(self, results: RoundResults | None) -> None:
        self.results = results
        self._fill()

    def _fill(self) -> None:
        results = self.results
        if results is None:
            self.model.set_rows([], Scale.default(), 3)
            self.chart.show_row(None, Scale.default())
            self.note.clear()
            self.findings.clear()
            return
        rows = rows_for(results, self.level.currentText())
        self.model.set_rows(rows, results.tool.spec.scale, results.threshold)
        self.table.resizeRowsToContents()
        self.table.setColumnHidden(6, self.level.currentText() != "Statements" or results.previous is None)
        self.table.setColumnHidden(0, self.level.currentText() != "Statements")
        change = f" Change is against '{results.previous.title}'." if results.previous else ""
        self.note.setText(f"{results.respondents} of {results.invited} agencies have answered. Greyed rows have "
                          f"fewer than {results.threshold} answers: published outputs hide their figures.{change}")
        self.findings.setHtml(self._findings_html(results))
        if rows:
            self.table.selectRow(0)
        self._show_chart()

    @staticmethod
    def _findings_html(results: RoundResults) -> str:
        def items(found) -> str:
            return "".join(f"<li>{escape(s.code)} (mean {s.summary.mean_text}): {escape(s.text)}</li>"
                           for s in found) or "<li>None yet</li>"

        return (f"<b>Strengths</b> (highest mean)<ul>{items(results.strengths())}</ul>"
                f"<b>Areas for development</b> (lowest mean)<ul>{items(results.areas_for_development())}</ul>")

    def _show_chart(self) -> None:
        index = self.table.currentIndex()
        row = self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None
        self.chart.show_row(row, self.model.scale)


class CommentsPanel(QTextBrowser):
    """Comments grouped by theme, unattributed, as the appendix prints them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Comments by theme")
        self.setOpenLinks(False)

    def set_results(self, results: RoundResults | None) -> None:
        grouped = results.comments_by_theme() if results else []
        if not grouped:
            self.setHtml("<p style='color:#666'>No comments yet. Comments typed with the answers appear here, "
                         "grouped by theme and without the agency's name.</p>")
            return
        parts = []
        for theme, comments in grouped:
            parts.append(f"<h3 style='color:#1F4E79'>{escape(theme)}</h3>")
            parts += [f"<p style='margin-left:18px'><i>“{escape(text)}”</i></p>" for text in comments]
        total = sum(len(c) for _t, c in grouped)
        self.setHtml(f"<p>{total} comments in {len(grouped)} themes, as the appendix will print them "
                     "(no agency is named).</p>" + "".join(parts))
