"""Finance: the ledger, the contributions calculator and budget against actual, for one year."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QTabWidget, QWidget

from sgdesk.finance.ledger import finance_years, get_entry
from sgdesk.fyear import FinancialYear
from sgdesk.gui.finance.budget import BudgetPanel
from sgdesk.gui.finance.contributions import ContributionsPanel
from sgdesk.gui.finance.ledger import LedgerPanel
from sgdesk.gui.widgets.help import explain
from sgdesk.gui.widgets.printing import Printable
from sgdesk.gui.widgets.views import BoardView, EmptyState, row

TABS = ("ledger", "contributions", "budget")


class FinanceView(BoardView):
    key = "finance"
    title = "Finance"
    help_page = "finance.html"
    watched_tables = frozenset({"ledger_entry", "budget_line", "contribution", "contribution_year", "finance_fund",
                                "finance_category", "organisation"})

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        heading = QLabel("Finance")
        heading.setObjectName("viewHeading")
        self.year = QComboBox()
        self.year.setAccessibleName("Financial year")
        explain(self.year, "The financial year (1 April to 31 March) whose ledger, contributions and budget are shown")
        self.year.currentIndexChanged.connect(lambda _i: self._show_year())
        year_label = QLabel("Financial &year:")
        year_label.setBuddy(self.year)
        top = row(heading, None, year_label, self.year)
        self.ledger = LedgerPanel(context)
        self.contributions = ContributionsPanel(context)
        self.budget = BudgetPanel(context)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Finance sections")
        self.empty = EmptyState(
            "No finance records yet",
            "Record what the board spends and receives, agree partner contributions and set a budget for each "
            "financial year. Add the first ledger entry here, or import a ledger or a contributions sheet: "
            "File > Import.", "Add the first ledger entry", help_page=self.help_page)
        self.empty.action_clicked.connect(self._first_entry)
        self.stack = self.lay_out(self.empty, top, (self.tabs, 1))     # the tabs in place before their pages
        self.tabs.addTab(self.ledger, "&Ledger")
        self.tabs.addTab(self.contributions, "&Contributions")
        self.tabs.addTab(self.budget, "&Budget against actual")
        self.refresh()

    def years(self) -> list[FinancialYear]:
        """Years with records, the current year and the next, newest first."""
        this_year = FinancialYear.containing(dt.date.today())
        found = set(finance_years(self.context.bf, self.context.board_id)) | {this_year, this_year.next()}
        return sorted(found, reverse=True)

    def selected_year(self) -> FinancialYear | None:
        data = self.year.currentData()
        return None if data is None else FinancialYear(data)

    def refresh(self) -> None:
        if self.context.board_id is None:
            self.stack.show_body(False)
            return
        has_records = bool(finance_years(self.context.bf, self.context.board_id))
        chosen = self.selected_year()
        self.year.blockSignals(True)
        self.year.clear()
        for year in self.years():
            self.year.addItem(year.label, year.start_year)
        if chosen is None:
            with_records = finance_years(self.context.bf, self.context.board_id)
            chosen = with_records[-1] if with_records else FinancialYear.containing(dt.date.today())
        self.year.setCurrentIndex(max(self.year.findData(chosen.start_year), 0))
        self.year.blockSignals(False)
        self.stack.show_body(has_records)
        self._show_year()

    def _show_year(self) -> None:
        year = self.selected_year()
        if year is None:
            return
        for panel in (self.ledger, self.contributions, self.budget):
            panel.show_year(year)

    def show_year(self, year: FinancialYear) -> None:
        index = self.year.findData(year.start_year)
        if index < 0:
            self.year.addItem(year.label, year.start_year)
            index = self.year.count() - 1
        self.year.setCurrentIndex(index)

    def show_target(self, target: dict[str, Any]) -> None:
        if "year" in target:
            self.show_year(FinancialYear(int(target["year"])))
        if target.get("tab") in TABS:
            self.tabs.setCurrentIndex(TABS.index(target["tab"]))
        if "contribution_id" in target:
            self.contributions.select_contribution(int(target["contribution_id"]))
        if "entry_id" in target:
            self.ledger.select_entry(int(target["entry_id"]))

    def printable(self) -> Printable | None:
        """The table shown, titled with its financial year."""
        chosen, year = super().printable(), self.selected_year()
        return chosen if chosen is None or year is None else replace(chosen, title=f"{chosen.title}, {year.label}")

    def show_record(self, table: str, record_id: int) -> bool:
        entry = get_entry(self.context.bf, record_id) if table == "ledger_entry" else None
        if entry is None:
            return False
        self.show_target({"year": entry.year.start_year, "tab": "ledger", "entry_id": entry.id})
        return True

    def _first_entry(self) -> None:
        self.stack.show_body()
        self.tabs.setCurrentIndex(TABS.index("ledger"))
        self.ledger.add_entry()
