"""The dialog that adds or edits a ledger entry or a budget line.

Categories and funds are chosen by name: a name the board does not have yet is added when
the line is saved, so a new board can record its first entry straight away.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from sgdesk.dates import format_date_numeric, parse_date
from sgdesk.errors import InputError, SGDeskError
from sgdesk.finance.accounts import (
    DEFAULT_FUND,
    SECTION_LABELS,
    SECTIONS,
    category_names,
    list_funds,
)
from sgdesk.finance.budgets import BudgetLine, save_budget_line
from sgdesk.finance.ledger import LedgerEntry, LineDetails, amount_effect, save_entry
from sgdesk.fyear import FinancialYear
from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.dialogs import confirm
from sgdesk.gui.widgets.forms import FormDialog
from sgdesk.money import format_money, in_brackets, parse_money


class LineDialog(FormDialog):
    """Add or edit one line; ``ledger=False`` leaves out the ledger-only fields (a budget line).

    A value that cannot be saved is explained under the form, and the dialog stays open.
    """

    def __init__(self, context: AppContext, year: FinancialYear, *, ledger: bool,
                 line: LedgerEntry | BudgetLine | None, parent: QWidget | None = None) -> None:
        what = "ledger entry" if ledger else "budget line"
        super().__init__(f"{'Edit' if line else 'Add'} {what} — {year.label}", parent,
                         action="Save")
        self.context, self.year, self.ledger, self.line = context, year, ledger, line
        self.setObjectName("financeLineDialog")
        self.section = QComboBox()
        for section in SECTIONS:
            self.section.addItem(SECTION_LABELS[section], section)
        self.category = QComboBox()
        self.category.setEditable(True)
        self.fund = QComboBox()
        self.fund.setEditable(True)
        funds = [fund.name for fund in list_funds(context.bf, context.board_id)] or [DEFAULT_FUND]
        self.fund.addItems(funds)
        self.description = QLineEdit()
        self.description.setPlaceholderText("e.g. Office Expenses: Postage")
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("e.g. 4,005.39 (a credit or refund: -11,745.03)")
        widgets = [("&Section:", self.section, "Section"), ("&Category:", self.category, "Category"),
                   ("&Fund:", self.fund, "Fund"), ("&Description:", self.description, "Description"),
                   ("&Amount (£):", self.amount, "Amount")]
        required = {self.category, self.description, self.amount}
        if ledger:
            self.entry_date = QLineEdit()
            self.entry_date.setPlaceholderText(f"optional, from {format_date_numeric(year.start)} "
                                               f"to {format_date_numeric(year.end)}")
            self.party = QLineEdit()
            self.reference = QLineEdit()
            self.in_kind = QCheckBox("In kind (recorded, but not counted in the cash totals)")
            widgets += [("Da&te:", self.entry_date, "Date"), ("Supplier or &payer:", self.party, "Supplier or payer"),
                        ("&Reference:", self.reference, "Reference"), ("", self.in_kind, "In kind")]
        for label, widget, name in widgets:
            widget.setAccessibleName(name)
            self.add_row(label, widget, required=widget in required)
            if widget is self.amount:
                self.effect = self.add_row("", QLabel())
                self.effect.setObjectName("amountEffect")
                self.effect.setAccessibleName("What the amount does")
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B00020;")
        self.error.setAccessibleName("Problem")
        self.below.addWidget(self.error)
        self.section.currentIndexChanged.connect(lambda _i: self._fill_categories())
        self.section.currentIndexChanged.connect(lambda _i: self._show_effect())
        self.amount.textChanged.connect(lambda _text: self._show_effect())
        self._fill_categories()
        if line is not None:
            self._show(line)

    def _fill_categories(self) -> None:
        current = self.category.currentText()
        self.category.clear()
        names = category_names(self.context.bf, self.context.board_id, self.section.currentData())
        self.category.addItems(names)
        if current in names:
            self.category.setCurrentText(current)

    def _show(self, line: LedgerEntry | BudgetLine) -> None:
        self.section.setCurrentIndex(SECTIONS.index(line.section))
        self.category.setCurrentText(line.category)
        self.fund.setCurrentText(line.fund)
        self.description.setText(line.description)
        self.amount.setText(format_money(line.amount, symbol=False))
        if isinstance(line, LedgerEntry):
            self.entry_date.setText(format_date_numeric(line.entry_date) if line.entry_date else "")
            self.party.setText(line.party or "")
            self.reference.setText(line.reference or "")
            self.in_kind.setChecked(line.in_kind)

    def _show_effect(self) -> None:
        """Say what the amount typed does (spent, a credit, income…), or that it is not an amount yet."""
        text = self.amount.text().strip()
        try:
            amount = parse_money(text) if text else None
        except InputError as error:
            self.effect.setText(f"Not an amount yet: {error.fix}")
            self.effect.setStyleSheet("color: #8A5A00;")
            return
        self.effect.setText("" if amount is None else amount_effect(self.section.currentData(), amount))
        self.effect.setStyleSheet("color: #8A5A00; font-weight: 600;" if amount is not None and amount < 0 else "")

    def accept(self) -> None:
        """Save, but first ask when brackets made the amount negative (a credit, or income paid back)."""
        text = self.amount.text()
        if in_brackets(text):
            try:
                effect = amount_effect(self.section.currentData(), parse_money(text))
            except InputError:
                pass              # saving says what is wrong with it
            else:
                negative = "a credit" if self.section.currentData() == "expenditure" else "income paid back"
                if not confirm(self, "Amount in brackets", f"Brackets make {text.strip()} a negative amount: "
                               f"{effect[0].lower()}{effect[1:]}. Save it as {negative}?", f"Save as {negative}",
                               "Change the amount", destructive=False):
                    self.amount.setFocus()
                    return
        super().accept()

    def line_details(self) -> LineDetails:
        """The values typed, read (raises InputError naming a value that cannot be read)."""
        text = self.entry_date.text().strip() if self.ledger else ""
        return LineDetails(
            year=self.year, section=self.section.currentData(), category=self.category.currentText().strip(),
            fund=self.fund.currentText().strip() or DEFAULT_FUND, description=self.description.text(),
            amount=parse_money(self.amount.text()),
            entry_date=parse_date(text) if text else None,
            party=self.party.text() if self.ledger else None, reference=self.reference.text() if self.ledger else None,
            in_kind=self.in_kind.isChecked() if self.ledger else False,
        )

    def save(self) -> None:
        line = self.line_details()
        if not line.category:
            raise SGDeskError("choose a category, or type a new one")
        what = "ledger entry" if self.ledger else "budget line"
        verb = "Edit" if self.line else "Add"
        save = save_entry if self.ledger else save_budget_line
        with self.context.edit(f"{verb} {what} {' '.join(line.description.split())}") as ed:
            save(ed, self.context.bf, self.context.board_id, line, None if self.line is None else self.line.id)

    def show_problem(self, error: SGDeskError) -> None:
        self.error.setText(str(error))
