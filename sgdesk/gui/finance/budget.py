"""Finance > Budget: budget against actual per category, drawn as bars, with the budget lines.

QtCharts is not part of PySide6-Essentials, so :class:`BudgetChart` paints its own bars.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from sgdesk.errors import SGDeskError
from sgdesk.finance.accounts import SECTION_LABELS, default_fund_id
from sgdesk.finance.budgets import (
    BudgetAgainstActual,
    budget_against_actual,
    delete_budget_line,
    list_budget_lines,
)
from sgdesk.finance.ledger import carry_forward, outcome_text
from sgdesk.finance.reports import budget_report, carry_forward_note
from sgdesk.fyear import FinancialYear, Period
from sgdesk.gui.finance.ledger import finance_table
from sgdesk.gui.finance.lines import LineDialog
from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.dialogs import confirm, show_error
from sgdesk.gui.widgets.models import Field, RecordsModel
from sgdesk.gui.widgets.report_table_model import ReportTableModel
from sgdesk.gui.widgets.views import TableBeside
from sgdesk.money import Pence, format_money, format_money_short

BUDGET_COLOUR = QColor("#A9C4DE")
ACTUAL_COLOUR = QColor("#1F4E79")
OVER_COLOUR = QColor("#B00020")
TEXT_COLOUR = QColor("#222222")
LEGEND = ((BUDGET_COLOUR, "Budget"), (ACTUAL_COLOUR, "Actual"), (OVER_COLOUR, "Actual, worse than budget"))
BUDGET_LINE_FIELDS = [Field("section", "Section"), Field("category", "Category"), Field("fund", "Fund"),
                      Field("amount", "Budget", "money"), Field("description", "Description")]


class BudgetChart(QWidget):
    """Horizontal bars per category, under Expenditure and Income headings: budget (light) above
    actual (dark; red when expenditure is over budget or income under it), with the actual and, in
    words, how far over or under budget it is written beside (red when worse than budget)."""

    BAR = 9
    ROW = 24
    TOP = 30

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Budget against actual chart")
        #: a heading (text, None...) or a bar (category, budget, actual, adverse)
        self.rows: list[tuple[str, Pence | None, Pence | None, bool]] = []
        #: what is written beside each bar: the actual, and over or under budget in words
        self.labels: list[str] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(self._legend_width())

    def set_result(self, result: BudgetAgainstActual) -> None:
        self.rows, self.labels = [], []
        for section in ("expenditure", "income"):
            items = [item for item in result.rows if item.section == section]
            if items:
                self.rows.append((SECTION_LABELS[section], None, None, False))
                self.labels.append("")
            for item in items:
                self.rows.append((item.category, item.budget, item.actual, item.adverse and item.budget > 0))
                self.labels.append(f"{format_money_short(item.actual)}  "
                                   f"{item.against_budget(format_money_short, short=True)}")
        self.setMinimumHeight(self._height())
        self.updateGeometry()
        self.update()

    def event(self, event: QEvent) -> bool:
        """A bar's tooltip says its category and figures whole (they are shortened to fit beside it)."""
        if event.type() == QEvent.Type.ToolTip:
            index = (event.pos().y() - self.TOP) // self.ROW
            if 0 <= index < len(self.rows) and self.rows[index][1] is not None:
                QToolTip.showText(event.globalPos(), f"{self.rows[index][0]}: {self.labels[index]}", self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def _height(self) -> int:
        return self.TOP + 10 + self.ROW * max(len(self.rows), 1)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(520, self._height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(TEXT_COLOUR)
        metrics = QFontMetrics(self.font())
        bars = [row for row in self.rows if row[1] is not None]
        if not bars:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No budget or ledger figures for this year")
            painter.end()
            return
        label_width = min(max(metrics.horizontalAdvance(row[0]) for row in bars) + 16, self.width() // 3)
        value_width = min(max(metrics.horizontalAdvance(text) for text in self.labels) + 12, self.width() // 3)
        left, right = label_width, self.width() - value_width
        scale = max(max(row[1] or 0, row[2] or 0) for row in bars) or 1
        self._legend(painter, min(left, self.width() - self._legend_width()))
        bold = QFont(self.font())
        bold.setBold(True)
        for index, ((label, budget, actual, adverse), written) in enumerate(zip(self.rows, self.labels)):
            top = self.TOP + index * self.ROW
            text_box = QRectF(0, top, label_width - 8, 2 * self.BAR + 2)
            if budget is None or actual is None:
                painter.setFont(bold)
                painter.drawText(QRectF(0, top, self.width(), self.ROW), Qt.AlignmentFlag.AlignVCenter, label)
                painter.setFont(self.font())
                continue
            painter.drawText(text_box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 8))
            span = right - left
            painter.fillRect(QRectF(left, top, max(budget, 0) / scale * span, self.BAR), BUDGET_COLOUR)
            painter.fillRect(QRectF(left, top + self.BAR + 2, max(actual, 0) / scale * span, self.BAR),
                             OVER_COLOUR if adverse else ACTUAL_COLOUR)
            painter.setPen(OVER_COLOUR if adverse else TEXT_COLOUR)
            painter.drawText(QRectF(right + 6, top, value_width, 2 * self.BAR + 2), Qt.AlignmentFlag.AlignVCenter,
                             written if metrics.horizontalAdvance(written) <= value_width - 6
                             else format_money_short(actual))        # the words are in its tooltip
            painter.setPen(TEXT_COLOUR)
        painter.end()

    def _legend_width(self) -> int:
        metrics = QFontMetrics(self.font())
        return sum(28 + metrics.horizontalAdvance(text) for _colour, text in LEGEND)

    def _legend(self, painter: QPainter, left: float) -> None:
        """The key to the colours, along the top from ``left`` (over the bars where it fits)."""
        x = max(left, 0)
        metrics = QFontMetrics(self.font())
        for colour, text in LEGEND:
            painter.fillRect(QRectF(x, 8, 12, 12), colour)
            painter.drawText(QRectF(x + 16, 4, metrics.horizontalAdvance(text) + 4, 20),
                             Qt.AlignmentFlag.AlignVCenter, text)
            x += 28 + metrics.horizontalAdvance(text)


class BudgetPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.year = FinancialYear(2000)
        self.dialog: LineDialog | None = None
        self.chart = BudgetChart()
        self.comparison = ReportTableModel()
        self.comparison_table = finance_table("Budget against actual", self.comparison)
        self.lines = RecordsModel(BUDGET_LINE_FIELDS)
        self.lines_table = finance_table("Budget lines", self.lines)
        self.lines_table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.carry_note = QLabel()
        self.carry_note.setWordWrap(True)
        self.carry_note.setAccessibleName("Outturn and carry-forward")
        self.carry_button = QPushButton()
        self.carry_button.clicked.connect(self.carry_forward)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("&Add budget line…")
        self.edit_button = QPushButton("Ed&it…")
        self.delete_button = QPushButton("&Delete")
        buttons.addWidget(QLabel("Budget lines"))
        buttons.addStretch(1)
        for button, slot in ((self.add_button, self.add_line), (self.edit_button, self.edit_selected),
                             (self.delete_button, self.delete_selected)):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        chart_area = QScrollArea()
        chart_area.setWidgetResizable(True)
        chart_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)   # the chart fits its width
        chart_area.setWidget(self.chart)
        chart_area.setAccessibleName("Chart")
        chart_area.setMinimumWidth(self.chart.minimumWidth() + chart_area.verticalScrollBar().sizeHint().width()
                                   + 2 * chart_area.frameWidth())
        upper = self.upper = TableBeside(self.comparison_table, chart_area)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(buttons)
        lower_layout.addWidget(self.lines_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setSizes([420, 220])
        carry = QHBoxLayout()
        carry.addWidget(self.carry_note, 1)
        carry.addWidget(self.carry_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addLayout(carry)

    def show_year(self, year: FinancialYear) -> None:
        self.year = year
        bf, board_id = self.context.bf, self.context.board_id
        result = budget_against_actual(bf, board_id, year)
        self.chart.set_result(result)
        self.comparison.set_table(budget_report(bf, board_id, Period.for_year(year))[0])
        self.comparison_table.resizeColumnsToContents()
        self.upper.fit()
        self.lines.set_rows([{"id": line.id, "section": SECTION_LABELS[line.section], "category": line.category,
                              "fund": line.fund, "description": line.description, "amount": line.amount}
                             for line in list_budget_lines(bf, board_id, year)])
        self.lines_table.resizeColumnsToContents()
        self.carry_note.setText(carry_forward_note(result))
        self.carry_button.setText(f"Carry {outcome_text(result.actual, 'plain').lower()} into {year.next().label}"
                                  if result.has_actuals else "Carry the outturn forward")
        self.carry_button.setEnabled(result.has_actuals and not result.carry_forward_current
                                     and not self.context.read_only)

    def selected_id(self) -> int | None:
        rows = self.lines_table.selectionModel().selectedRows()
        return self.lines.row_at(rows[0].row())["id"] if rows else None

    def add_line(self) -> None:
        self.dialog = LineDialog(self.context, self.year, ledger=False, line=None, parent=self)
        self.dialog.open()

    def edit_selected(self) -> None:
        line_id = self.selected_id()
        line = next((l for l in list_budget_lines(self.context.bf, self.context.board_id, self.year)
                     if l.id == line_id), None)
        if line is not None:
            self.dialog = LineDialog(self.context, self.year, ledger=False, line=line, parent=self)
            self.dialog.open()

    def delete_selected(self) -> None:
        line_id = self.selected_id()
        if line_id is None:
            return
        line = self.lines.row_at(self.lines.row_of_id(line_id))
        what = f"the {self.year.label} budget line {line['category']}"
        if confirm(self, "Delete budget line", f"Delete {what} ({line['description'] or line['fund']}, "
                   f"{format_money(line['amount'])})?", "Delete budget line", "Keep budget line"):
            with self.context.edit(f"Delete {what}") as ed:
                delete_budget_line(ed, line_id)

    def carry_forward(self) -> None:
        bf, board_id = self.context.bf, self.context.board_id
        try:
            with self.context.edit(f"Carry the {self.year.label} outturn into {self.year.next().label}") as ed:
                carry_forward(ed, bf, board_id, self.year, default_fund_id(bf, board_id))
        except SGDeskError as error:
            show_error(self, error, "Cannot carry the outturn forward")
