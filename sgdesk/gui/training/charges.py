"""Training > Charges: what each organisation is charged in a period, computed from bookings,
and each organisation's charging category (edited in place)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QSplitter, QStyledItemDelegate, QWidget

from sgdesk.errors import SGDeskError
from sgdesk.fyear import FinancialYear, Period
from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.dialogs import show_error
from sgdesk.gui.widgets.models import Field, RecordsModel
from sgdesk.gui.widgets.record_table import selected_row
from sgdesk.gui.widgets.views import TableBeside, column, record_table, row
from sgdesk.money import format_money
from sgdesk.organisations import list_organisations
from sgdesk.store import BoardFile
from sgdesk.training.charges import (
    charges,
    charges_by_organisation,
    describe_period,
)
from sgdesk.training.model import LENGTHS, session_years
from sgdesk.training.policy import (
    explicit_categories,
    get_policy,
    org_categories,
    set_org_category,
)

TOTAL_COLUMNS = [
    Field("organisation", "Organisation"),
    Field("category", "Category"),
    Field("total", "Total", "money"),
    Field("bookings", "Bookings", "int", value=lambda g: len(g.charges)),
]
CHARGE_COLUMNS = [
    Field("delegate", "Delegate"),
    Field("session_date", "Session date", "date"),
    Field("course", "Course"),
    Field("fee", "Fee", "money"),
    Field("reason", "Reason", value=lambda c: f"{c.reason}, {LENGTHS[c.length].lower()}"),
]


def period_combo(bf: BoardFile, board_id: int, name: str) -> QComboBox:
    """A choice of financial year (those with training, and this one) or the whole record."""
    combo = QComboBox()
    combo.setAccessibleName(name)
    fill_periods(combo, bf, board_id)
    return combo


def fill_periods(combo: QComboBox, bf: BoardFile, board_id: int) -> None:
    """(Re)fill a period combo, keeping the choice; at first the latest year with training."""
    first_fill, chosen = combo.count() == 0, combo.currentData()
    with_training = session_years(bf, board_id)
    years = sorted(set(with_training) | {FinancialYear.containing(dt.date.today())}, reverse=True)
    combo.blockSignals(True)
    combo.clear()
    for year in years:
        combo.addItem(year.label, year.start_year)
    combo.addItem("Whole record", None)
    if first_fill:
        index = combo.findData(with_training[0].start_year) if with_training else 0
    else:
        index = combo.count() - 1 if chosen is None else combo.findData(chosen)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def period_choice(context: AppContext, name: str, on_change: Callable[[], None]) -> tuple[QComboBox, QLabel]:
    """A period combo (reloading with ``on_change``) and its label."""
    combo = period_combo(context.bf, context.board_id, name)
    combo.currentIndexChanged.connect(lambda _i: on_change())
    label = QLabel("&Period:")
    label.setBuddy(combo)
    return combo, label


def chosen_period(combo: QComboBox) -> Period | None:
    data = combo.currentData()
    return None if data is None else Period.for_year(FinancialYear(data))


class CategoriesModel(QAbstractTableModel):
    """Organisations and their charging category; the category is edited in place."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.rows: list[tuple[int, str, str, bool]] = []    # id, organisation, category, set by the board

    def reload(self) -> None:
        bf, board_id = self.context.bf, self.context.board_id
        current, explicit = org_categories(bf, board_id), explicit_categories(bf, board_id)
        self.beginResetModel()
        self.rows = [(o.id, o.name, current[o.id], o.id in explicit) for o in list_organisations(bf)]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 2

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        _id, name, category, explicit = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if index.column() == 0:
                return name
            return category if explicit or role == Qt.ItemDataRole.EditRole else f"{category} (by its type)"
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return "Double-click to choose the organisation's charging category"
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == 1 else flags

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.column() != 1:
            return False
        org_id, name, category, explicit = self.rows[index.row()]
        if value == category and explicit:
            return False
        try:
            with self.context.edit(f"Charging category of {name}: {value}") as ed:
                set_org_category(ed, self.context.bf, self.context.board_id, org_id, value)
        except SGDeskError as error:
            show_error(None, error, "Charging category")
            return False
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return ("Organisation", "Charging category")[section]
        return super().headerData(section, orientation, role)


class CategoryDelegate(QStyledItemDelegate):
    """Edits a charging category with a list of the policy's categories."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        combo.setAccessibleName("Charging category")
        combo.addItems(get_policy(self.context.bf, self.context.board_id).category_names)
        return combo

    def setEditorData(self, editor: QComboBox, index: QModelIndex) -> None:  # noqa: N802
        editor.setCurrentText(index.data(Qt.ItemDataRole.EditRole))

    def setModelData(self, editor: QComboBox, model, index: QModelIndex) -> None:  # noqa: N802
        model.setData(index, editor.currentText())


class ChargesPanel(QWidget):
    status = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.period, period_label = period_choice(context, "Charges period", self.refresh)
        self.totals = RecordsModel(TOTAL_COLUMNS)
        self.details = RecordsModel(CHARGE_COLUMNS)
        self.totals_table = record_table("Charges by organisation", self.totals, frozen=1)
        self.totals_table.selectionModel().selectionChanged.connect(lambda *_: self._show_details())
        self.details_table = record_table("Chargeable bookings", self.details)
        self.summary = QLabel()
        self.summary.setAccessibleName("Charges total")
        self.summary.setWordWrap(True)
        self.policy_text = QLabel()
        self.policy_text.setObjectName("muted")
        self.policy_text.setWordWrap(True)
        self.categories = CategoriesModel(context)
        self.categories_table = record_table("Charging categories", self.categories)
        self.categories_table.setEditTriggers(self.categories_table.EditTrigger.DoubleClicked
                                              | self.categories_table.EditTrigger.EditKeyPressed)
        self.categories_table.setItemDelegateForColumn(1, CategoryDelegate(context, self.categories_table))
        self.charges_split = TableBeside(self.totals_table, self.details_table)
        outer = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(self.charges_split)
        outer.addWidget(column(QLabel("<b>Organisations' charging categories</b> (double-click to change)"),
                               (self.categories_table, 1)))
        outer.setSizes([420, 220])
        column(row(period_label, self.period, None), self.summary, (outer, 1), self.policy_text, widget=self)

    def refresh(self) -> None:
        bf, board_id = self.context.bf, self.context.board_id
        fill_periods(self.period, bf, board_id)
        period = chosen_period(self.period)
        chosen = self._selected_org()
        items = charges(bf, board_id, period)
        groups = charges_by_organisation(items)
        self.totals.set_rows(groups)
        total = sum(c.fee for c in items)
        self.summary.setText(f"<b>{len(items)} chargeable booking(s), {format_money(total)}</b> for "
                             f"{describe_period(period)}, from {len(groups)} organisation(s). To invoice, export the "
                             "'charges' report from Reports (CSV).")
        self.policy_text.setText("Policy: " + get_policy(bf, board_id).summary())
        row = next((i for i, g in enumerate(groups) if g.organisation_id == chosen), 0 if groups else None)
        if row is not None:
            self.totals_table.selectRow(row)
        self._show_details()
        self.totals_table.resizeColumnsToContents()
        self.totals_table.setColumnWidth(0, min(self.totals_table.columnWidth(0), 200))
        self.totals_table.setColumnWidth(1, min(self.totals_table.columnWidth(1), 115))
        self.charges_split.fit()
        self.categories.reload()
        self.categories_table.setColumnWidth(0, 380)

    def _selected_org(self) -> int | None:
        row = selected_row(self.totals_table)
        return None if row is None else self.totals.row_at(row).organisation_id

    def _show_details(self) -> None:
        row = selected_row(self.totals_table)
        self.details.set_rows([] if row is None else self.totals.row_at(row).charges)
        self.details_table.resizeColumnsToContents()
        self.details_table.setColumnWidth(2, min(self.details_table.columnWidth(2), 190))
