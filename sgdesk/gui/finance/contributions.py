"""Finance > Contributions: the contributions calculator.

Edit a partner's share, fixed amount or status in the table, or the year's total requirement
and rounding above it: the amounts are worked out again at once (by the largest remainder, so
they add up to the total exactly). The total is previewed while it is typed and saved when
the field is left; each saved change is one undoable step.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from sgdesk.dates import format_date, parse_date
from sgdesk.errors import InputError, SGDeskError
from sgdesk.finance.contributions import (
    STATUSES,
    Allocation,
    Contribution,
    add_contribution,
    calculate,
    copy_from_year,
    delete_contribution,
    format_share,
    history,
    parse_count,
    parse_share,
    parse_status,
    partner_name,
    previous_contribution_year,
    set_year,
    update_contribution,
    year_allocation,
    year_settings,
)
from sgdesk.fyear import FinancialYear
from sgdesk.gui.finance.ledger import finance_table
from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.dialogs import confirm, show_error
from sgdesk.gui.widgets.help import explain
from sgdesk.gui.widgets.unsaved import HoldsEdits
from sgdesk.money import Pence, format_money, parse_money, parse_money_shorthand
from sgdesk.organisations import find_organisation, list_organisations

BASES = {"Share": "share", "Fixed": "fixed", "Group": "group"}
_WARNING = "#8A5A00"


def _basis(value: str) -> str:
    text = value.strip().casefold()
    for label, basis in BASES.items():
        if text in (label.casefold(), basis):
            return basis
    raise InputError(f"'{value}'", "is not a basis", "choose Share, Fixed or Group")


def _optional_date(value: str) -> dt.date | None:
    return parse_date(value) if value.strip() else None


class ContributionsModel(QAbstractTableModel):
    """One row per contribution line; ``on_change`` saves an edited line."""

    COLUMNS = ("Partner", "Basis", "Share %", "Fixed or each (£)", "Count", "Amount", "Status", "Invoiced",
               "Received", "Previous year", "Change")
    EDITABLE = frozenset(range(9))
    NUMERIC = frozenset({2, 3, 4, 5, 9, 10})

    def __init__(self, on_change: Callable[[Contribution], None]) -> None:
        super().__init__()
        self.on_change = on_change
        self.allocation: Allocation | None = None
        self.previous: list[Pence | None] = []
        self.previous_label = "Previous year"

    def set_allocation(self, allocation: Allocation, previous: list[Pence | None], previous_label: str) -> None:
        self.beginResetModel()
        self.allocation, self.previous, self.previous_label = allocation, previous, previous_label
        self.endResetModel()

    def preview(self, allocation: Allocation) -> None:
        """Show new amounts (e.g. while the total is typed) without touching anything else."""
        self.allocation = allocation
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 5), self.index(self.rowCount() - 1, 10))

    def line(self, row: int) -> Contribution:
        assert self.allocation is not None
        return self.allocation.lines[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self.allocation is None else len(self.allocation.lines)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def _cells(self, row: int) -> list[str]:
        line = self.line(row)
        amount = self.allocation.amounts[row]
        before = self.previous[row] if row < len(self.previous) else None
        return [
            line.label, next(label for label, basis in BASES.items() if basis == line.basis) +
            (" (in kind)" if line.in_kind else ""),
            format_share(line.share_ppm or 0) if line.basis == "share" else "",
            format_money(line.amount or 0) if line.basis != "share" else "",
            str(line.group_count) if line.basis == "group" else "",
            format_money(amount), line.status.capitalize(),
            format_date(line.invoiced_on) if line.invoiced_on else "",
            format_date(line.received_on) if line.received_on else "",
            "" if before is None else format_money(before),
            "" if before is None else format_money(amount - before),
        ]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.allocation is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._cells(index.row())[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 6 and self.line(index.row()).status != "received":
            return QColor(_WARNING)
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid() or index.column() not in self.EDITABLE or index.column() == 5:
            return flags
        basis = self.line(index.row()).basis
        usable = {2: basis == "share", 3: basis != "share", 4: basis == "group"}.get(index.column(), True)
        return flags | Qt.ItemFlag.ItemIsEditable if usable else flags

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or self.allocation is None:
            return False
        line, amount = self.line(index.row()), self.allocation.amounts[index.row()]
        text = str(value)
        try:
            changed = self._changed(line, amount, index.column(), text)
        except SGDeskError as error:
            show_error(None, error, "Cannot change the contribution")
            return False
        if changed != line:
            self.on_change(changed)
        return True

    @staticmethod
    def _changed(line: Contribution, amount: Pence, column: int, text: str) -> Contribution:
        if column == 0:
            return replace(line, label=text)
        if column == 1:
            basis = _basis(text)
            if basis == line.basis:
                return line
            return replace(line, basis=basis, share_ppm=0 if basis == "share" else None,
                           amount=None if basis == "share" else amount,
                           group_count=1 if basis == "group" else None)
        if column == 2:
            return replace(line, share_ppm=parse_share(text))
        if column == 3:
            return replace(line, amount=parse_money(text))
        if column == 4:
            return replace(line, group_count=parse_count(text))
        if column == 6:
            return replace(line, status=parse_status(text))
        if column == 7:
            return replace(line, invoiced_on=_optional_date(text))
        return replace(line, received_on=_optional_date(text))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.previous_label if section == 9 else self.COLUMNS[section]
        return super().headerData(section, orientation, role)


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell with a drop-down of fixed choices."""

    def __init__(self, choices: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent, option, index):  # noqa: N802
        combo = QComboBox(parent)
        combo.addItems(self.choices)
        combo.setAccessibleName(index.model().headerData(index.column(), Qt.Orientation.Horizontal))
        return combo

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setCurrentText(index.data())

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentText())


class ContributionsPanel(HoldsEdits, QWidget):
    """The calculator; the total typed is saved when the field is left (until then it is an unsaved edit)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.year = FinancialYear(2000)
        self._saved_total: Pence | None = None     # the year's total as stored when the year was shown
        top = QHBoxLayout()
        self.total = QLineEdit()
        self.total.setAccessibleName("Total requirement")
        self.total.setPlaceholderText("e.g. 87,000 or 87k")
        self.total.setMinimumWidth(self.total.fontMetrics().horizontalAdvance(self.total.placeholderText()) + 16)
        self.total.setMaximumWidth(160)
        self.total.textEdited.connect(lambda _text: self.preview_total())
        self.total.editingFinished.connect(self.save_total)
        self.rounding = QComboBox()
        self.rounding.setAccessibleName("Rounding")
        explain(self.rounding, "Whether partners' shares of the total are whole pounds or pence; the units left "
                               "over go to the largest remainders, so the amounts always add up to the total")
        self.rounding.addItem("to the pound", "pound")
        self.rounding.addItem("to the penny", "penny")
        self.rounding.activated.connect(lambda _i: self.save_total())
        total_label = QLabel("&Total requirement (£):")
        total_label.setBuddy(self.total)
        top.addWidget(total_label)
        top.addWidget(self.total)
        top.addWidget(QLabel("rounded"))
        top.addWidget(self.rounding)
        top.addStretch(1)
        self.partner = QComboBox()
        self.partner.setEditable(True)
        self.partner.setAccessibleName("New partner")
        self.partner.setMinimumWidth(200)
        self.partner.lineEdit().setPlaceholderText("Partner to add")
        self.add_button = QPushButton("&Add partner")
        self.add_button.clicked.connect(self.add_partner)
        self.delete_button = QPushButton("&Remove partner")
        self.delete_button.clicked.connect(self.delete_selected)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_previous)
        for widget in (self.partner, self.add_button, self.delete_button, self.copy_button):
            top.addWidget(widget)
        self.model = ContributionsModel(self.save_line)
        self.table = finance_table("Partner contributions", self.model)
        self.table.setEditTriggers(self.table.EditTrigger.DoubleClicked | self.table.EditTrigger.EditKeyPressed
                                   | self.table.EditTrigger.AnyKeyPressed)
        self.table.setItemDelegateForColumn(1, ChoiceDelegate(list(BASES), self.table))
        self.table.setItemDelegateForColumn(6, ChoiceDelegate([s.capitalize() for s in STATUSES], self.table))
        self.summary = QLabel()
        self.summary.setAccessibleName("Contributions summary")
        self.summary.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setAccessibleName("Contributions warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"color: {_WARNING};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.warnings)

    # -- showing ------------------------------------------------------------------------------------------------
    def show_year(self, year: FinancialYear) -> None:
        self.year = year
        bf, board_id = self.context.bf, self.context.board_id
        allocation = year_allocation(bf, board_id, year)
        self._saved_total = year_settings(bf, board_id, year)[0]
        years, by_partner = history(bf, board_id)
        earlier = [y for y in years if y < year]
        previous = earlier[-1] if earlier else None
        before = [None if previous is None else by_partner.get(partner_name(bf, line), {}).get(previous)
                  for line in allocation.lines]
        self.model.set_allocation(allocation, before, previous.label if previous else "Previous year")
        self.table.setColumnHidden(9, previous is None)
        self.table.setColumnHidden(10, previous is None)
        self.table.resizeColumnsToContents()
        if not self.total.hasFocus():
            self._show_total(allocation)
        self.rounding.setCurrentIndex(max(self.rounding.findData(allocation.rounding), 0))
        self.partner.clear()
        self.partner.addItems([org.name for org in list_organisations(bf)])
        self.partner.setCurrentText("")
        source = previous_contribution_year(bf, board_id, year)
        self.copy_button.setText(f"Co&py partners from {source.label}" if source else "Copy partners")
        self.copy_button.setEnabled(source is not None and not allocation.lines and not self.context.read_only)
        self._show_summary(allocation)

    def _show_summary(self, allocation: Allocation) -> None:
        shares = (f"shares add up to {format_share(allocation.shares_ppm)}; "
                  if any(line.basis == "share" for line in allocation.lines) else "")
        target = f" of {format_money(allocation.total)}" if allocation.total_given else ""
        self.summary.setText(
            f"{len(allocation.lines)} partners: {shares}cash contributions {format_money(allocation.cash_total)}"
            f"{target}. Received {format_money(allocation.by_status('received'))}, invoiced "
            f"{format_money(allocation.by_status('invoiced'))}, projected {format_money(allocation.by_status('projected'))}.")
        self.warnings.setText("\n".join(w[0].upper() + w[1:] + "." for w in allocation.warnings))
        self.warnings.setVisible(bool(allocation.warnings))

    def select_contribution(self, contribution_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.line(row).id == contribution_id:
                self.table.selectRow(row)

    # -- the total, live --------------------------------------------------------------------------------------------
    def _typed_total(self) -> Pence | None:
        """The total typed (blank: none), shorthand such as "£70k" included."""
        text = self.total.text().strip()
        return parse_money_shorthand(text) if text else None

    def preview_total(self) -> None:
        """Work the amounts out for the total being typed (nothing is saved yet); a total that cannot be
        read shows the amounts of the saved total, and says so."""
        if self.model.allocation is None:
            return
        try:
            total = self._typed_total()
        except InputError as error:
            saved = year_allocation(self.context.bf, self.context.board_id, self.year)
            self.model.preview(saved)
            self._show_summary(saved)
            kept = f"the saved total, {format_money(saved.total)}" if saved.total_given else "no total"
            self.warnings.setText(f"The total typed, {error}. The amounts shown are for {kept}.")
            self.warnings.setVisible(True)
            return
        allocation = calculate(self.year, total, self.rounding.currentData(), self.model.allocation.lines)
        self.model.preview(allocation)
        self._show_summary(allocation)

    def _total_differs(self) -> bool:
        if self.context.read_only or self.model.allocation is None:
            return False
        try:
            total = self._typed_total()
        except InputError:
            return True
        return total != self._saved_total

    def unsaved_edit(self) -> str | None:
        if not self._total_differs():
            return None
        return f"the {self.year.label} contributions total “{self.total.text().strip()}” (Finance)"

    def save_edit(self) -> bool:
        return self.save_total()

    def discard_edit(self) -> None:
        self._show_total(year_allocation(self.context.bf, self.context.board_id, self.year))

    def _show_total(self, allocation: Allocation) -> None:
        self.total.setText(format_money(allocation.total, symbol=False) if allocation.total_given else "")

    def save_total(self) -> bool:
        """Save the total typed and the rounding chosen; False when refused."""
        try:
            total = self._typed_total()
            rounding = self.rounding.currentData()
            if (total, rounding) == year_settings(self.context.bf, self.context.board_id, self.year):
                return True
            with self.context.edit(f"Set the {self.year.label} contributions total") as ed:
                set_year(ed, self.context.bf, self.context.board_id, self.year, total=total, rounding=rounding)
        except SGDeskError as error:
            show_error(self, error, "Cannot set the total")
            return False
        return True

    # -- lines --------------------------------------------------------------------------------------------------------
    def save_line(self, line: Contribution) -> None:
        try:
            with self.context.edit(f"Change {line.label}'s {self.year.label} contribution") as ed:
                update_contribution(ed, line)
        except SGDeskError as error:
            show_error(self, error, "Cannot change the contribution")

    def add_partner(self) -> None:
        name = " ".join(self.partner.currentText().split())
        if not name:
            show_error(self, SGDeskError("type or choose the partner to add"), "Add partner")
            return
        bf = self.context.bf
        shared = self.model.allocation is not None and (
            self.model.allocation.total_given or any(l.basis == "share" for l in self.model.allocation.lines))
        line = Contribution(None, name, "share" if shared else "fixed", share_ppm=0 if shared else None,
                            amount=None if shared else 0, organisation_id=find_organisation(bf, name))
        try:
            with self.context.edit(f"Add {name} to the {self.year.label} contributions") as ed:
                add_contribution(ed, bf, self.context.board_id, self.year, line)
        except SGDeskError as error:
            show_error(self, error, "Cannot add the partner")

    def delete_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        line, amount = self.model.line(rows[0].row()), self.model.allocation.amounts[rows[0].row()]
        what = f"{line.label} from the {self.year.label} contributions"
        if confirm(self, "Remove partner", f"Remove {what} ({format_money(amount)}, {line.status})?",
                   "Remove partner", "Keep partner"):
            with self.context.edit(f"Remove {what}") as ed:
                delete_contribution(ed, line.id)

    def copy_previous(self) -> None:
        bf, board_id = self.context.bf, self.context.board_id
        source = previous_contribution_year(bf, board_id, self.year)
        if source is None:
            return
        with self.context.edit(f"Copy the {source.label} partners into {self.year.label}") as ed:
            copy_from_year(ed, bf, board_id, source, self.year)

