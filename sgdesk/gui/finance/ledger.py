"""Finance > Ledger: the year's entries with fund and category filters and a running balance."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sgdesk.dates import format_date
from sgdesk.errors import SGDeskError
from sgdesk.finance.accounts import SECTION_LABELS, list_categories, list_funds
from sgdesk.finance.ledger import (
    LedgerEntry,
    amount_effect,
    delete_entry,
    get_entry,
    list_entries,
    outcome_text,
    totals,
)
from sgdesk.fyear import FinancialYear
from sgdesk.gui.finance.lines import LineDialog
from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.dialogs import confirm, show_error
from sgdesk.gui.widgets.filters import filter_combo, refill
from sgdesk.gui.widgets.models import Field, RecordsModel
from sgdesk.gui.widgets.views import record_table
from sgdesk.money import format_money

LEDGER_FIELDS = [
    Field("entry_date", "Date", "date"), Field("description", "Description"), Field("category", "Category"),
    Field("spent", "Spent", "money"), Field("received", "Received", "money"), Field("balance", "Balance", "money"),
    Field("fund", "Fund"), Field("party", "Supplier or payer"), Field("reference", "Reference"),
    Field("in_kind", "In kind"),
]
#: the widest a text column starts (wider text is elided; the user can widen the column)
_MAX_WIDTHS = {"description": 300, "category": 170, "fund": 150, "party": 200, "reference": 110}


def ledger_rows(entries: list[LedgerEntry]) -> list[dict]:
    """Table rows with a running balance (income less expenditure, in-kind entries not counted)."""
    rows, balance = [], 0
    for entry in entries:
        balance += entry.cash
        rows.append({
            "id": entry.id, "entry_date": entry.entry_date,
            "category": entry.category, "fund": entry.fund, "description": entry.description,
            "party": entry.party or "", "reference": entry.reference or "",
            "spent": entry.amount if entry.section == "expenditure" else None,
            "received": entry.amount if entry.section == "income" else None,
            "in_kind": "In kind" if entry.in_kind else "", "balance": balance,
        })
    return rows


def finance_table(name: str, model: QAbstractItemModel, frozen: int = 0) -> QTableView:
    """A record table of one-line rows (long text is elided, whole in its tooltip), as the finance tables are."""
    view = record_table(name, model, frozen=frozen)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.setWordWrap(False)
    return view


def fit_columns(table: QTableView, fields: list[Field], widest: dict[str, int]) -> None:
    """Size columns to their contents, but no text column wider than ``widest`` says."""
    table.resizeColumnsToContents()
    for column, field in enumerate(fields):
        if field.key in widest:
            table.setColumnWidth(column, min(table.columnWidth(column), widest[field.key]))


class LedgerPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.year = FinancialYear(2000)
        self.dialog: LineDialog | None = None
        filters = QHBoxLayout()
        self.fund = filter_combo("Fund filter")
        self.category = filter_combo("Category filter")
        for label, combo in (("F&und:", self.fund), ("Ca&tegory:", self.category)):
            text = QLabel(label)
            text.setBuddy(combo)
            filters.addWidget(text)
            filters.addWidget(combo)
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        filters.addStretch(1)
        self.add_button = QPushButton("&Add entry…")
        self.edit_button = QPushButton("Ed&it…")
        self.delete_button = QPushButton("&Delete")
        for button, slot in ((self.add_button, self.add_entry), (self.edit_button, self.edit_selected),
                             (self.delete_button, self.delete_selected)):
            button.clicked.connect(slot)
            filters.addWidget(button)
        self.model = RecordsModel(LEDGER_FIELDS)
        self.table = finance_table("Ledger entries", self.model, frozen=2)     # the date and the description
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected)
        self.totals = QLabel()
        self.totals.setObjectName("ledgerTotals")
        self.totals.setAccessibleName("Ledger totals")
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)

    def show_year(self, year: FinancialYear) -> None:
        self.year = year
        bf, board_id = self.context.bf, self.context.board_id
        refill(self.fund, "All funds", [(fund.name, fund.id) for fund in list_funds(bf, board_id)])
        refill(self.category, "All categories",
               [(f"{c.name} ({SECTION_LABELS[c.section].lower()})", c.id) for c in list_categories(bf, board_id)])
        self.reload()

    def reload(self) -> None:
        entries = list_entries(self.context.bf, self.context.board_id, self.year, fund_id=self.fund.currentData(),
                               category_id=self.category.currentData())
        selected = self.selected_id()
        self.model.set_rows(ledger_rows(entries))
        fit_columns(self.table, LEDGER_FIELDS, _MAX_WIDTHS)
        if selected is not None and (row := self.model.row_of_id(selected)) is not None:
            self.table.selectRow(row)
        result = totals(entries)
        filtered = " (filtered)" if self.fund.currentData() or self.category.currentData() else ""
        text = (f"{len(entries)} entries{filtered}: spent {format_money(result.expenditure)}, received "
                f"{format_money(result.income)}; {outcome_text(result, 'plain').lower()}")
        if result.in_kind:
            text += f"; in kind, not counted: {format_money(result.in_kind)}"
        self.totals.setText(text)
        self._update_buttons()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_at(rows[0].row())["id"] if rows else None

    def select_entry(self, entry_id: int) -> None:
        row = self.model.row_of_id(entry_id)
        if row is not None:
            self.table.selectRow(row)

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None and not self.context.read_only
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.add_button.setEnabled(not self.context.read_only)

    def _open_dialog(self, entry: LedgerEntry | None) -> None:
        self.dialog = LineDialog(self.context, self.year, ledger=True, line=entry, parent=self)
        self.dialog.open()

    def add_entry(self) -> None:
        self._open_dialog(None)

    def edit_selected(self) -> None:
        entry_id = self.selected_id()
        entry = None if entry_id is None else get_entry(self.context.bf, entry_id)
        if entry is not None:
            self._open_dialog(entry)

    def delete_selected(self) -> None:
        entry_id = self.selected_id()
        entry = None if entry_id is None else get_entry(self.context.bf, entry_id)
        if entry is None:
            return
        when = f" on {format_date(entry.entry_date)}" if entry.entry_date else ""
        effect = amount_effect(entry.section, entry.amount)
        if not confirm(self, "Delete entry", f"Delete the ledger entry {entry.description}{when}?\n\n{effect}",
                       "Delete entry", "Keep entry"):
            return
        try:
            with self.context.edit(f"Delete ledger entry {entry.description}") as ed:
                delete_entry(ed, entry.id)
        except SGDeskError as error:
            show_error(self, error, "Cannot delete the entry")
