"""Budgets per year, fund and category, and the budget set against the ledger.

Variance is actual minus budget: for expenditure a positive variance is an overspend, for
income it is more received than budgeted. The variance percentage is of the budget, in whole
percent (halves round away from zero), and n/a where the budget is nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from sgdesk.finance.accounts import SECTIONS, Section, line_accounts, list_categories
from sgdesk.finance.ledger import (
    LedgerEntry,
    LineDetails,
    Totals,
    carried_forward_entry,
    category_sums,
    check_description,
    next_position,
    totals,
)
from sgdesk.fyear import FinancialYear
from sgdesk.money import Pence, format_money
from sgdesk.percent import whole_percent
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action


@dataclass(frozen=True)
class BudgetLine:
    """One line of a financial year's budget, for a category and fund: the amount agreed, in pence."""

    id: int
    year: FinancialYear
    section: Section
    category_id: int
    category: str
    fund_id: int
    fund: str
    description: str
    amount: Pence
    position: int


@dataclass(frozen=True)
class Comparison:
    """Budget against actual for one category (or a section's total)."""

    section: Section
    category: str
    budget: Pence
    actual: Pence

    @property
    def variance(self) -> Pence:
        return self.actual - self.budget

    @property
    def variance_percent(self) -> int | None:
        return whole_percent(self.variance, self.budget)

    @property
    def adverse(self) -> bool:
        """Worse than the budget: more spent, or less received."""
        return self.variance > 0 if self.section == "expenditure" else self.variance < 0

    def against_budget(self, money: Callable[[Pence], str] = format_money, *, short: bool = False) -> str:
        """The variance in words, so that its sign needs no explaining (``short``: for a chart, without
        the word "budget").

        >>> Comparison("expenditure", "Salaries", 8_000_000, 8_400_000).against_budget()
        '£4,000.00 over budget'
        >>> Comparison("income", "Contributions", 8_700_000, 8_400_000).against_budget(short=True)
        '£3,000.00 under'
        >>> Comparison("income", "Grants", 0, 500_000).against_budget()
        'Not budgeted'
        """
        if self.variance == 0:
            return "on budget" if short else "On budget"
        if self.budget == 0:
            return "not budgeted" if short else "Not budgeted"
        words = f"{money(abs(self.variance))} {'over' if self.variance > 0 else 'under'}"
        return words if short else f"{words} budget"


@dataclass(frozen=True)
class BudgetAgainstActual:
    """A financial year's budget set against its ledger, category by category, with the totals and any outturn
    carried forward."""

    year: FinancialYear
    rows: list[Comparison]
    budget: Totals
    actual: Totals
    carried_forward: LedgerEntry | None   # the next year's entry carrying this outturn, if recorded
    has_actuals: bool = True               # whether the year has any ledger entries
    has_budget: bool = True                # whether any budget line is set for the year

    def section_total(self, section: str) -> Comparison:
        budget = self.budget.income if section == "income" else self.budget.expenditure
        actual = self.actual.income if section == "income" else self.actual.expenditure
        return Comparison(section, "Total", budget, actual)  # type: ignore[arg-type]

    @property
    def carry_forward_current(self) -> bool:
        """Whether the carried-forward entry (if any) still equals this year's outturn."""
        return self.carried_forward is not None and self.carried_forward.amount == self.actual.outturn


_LINE_SELECT = """
SELECT b.id, b.year_start, b.section, b.category_id, c.name, b.fund_id, f.name, b.description, b.amount_pence,
       b.position
FROM budget_line b JOIN finance_category c ON c.id = b.category_id JOIN finance_fund f ON f.id = b.fund_id
"""


def list_budget_lines(bf: BoardFile, board_id: int, year: FinancialYear, fund_id: int | None = None
                      ) -> list[BudgetLine]:
    rows = bf.query(_LINE_SELECT + "WHERE b.board_id = ? AND b.year_start = ? AND (? IS NULL OR b.fund_id = ?) "
                    "ORDER BY b.section = 'income', b.position, b.id",
                    (board_id, year.start_year, fund_id, fund_id))
    return [BudgetLine(r[0], FinancialYear(r[1]), r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9]) for r in rows]


def budget_values(*, year: FinancialYear, section: Section, category_id: int, fund_id: int, description: str,
                  amount: Pence) -> dict[str, Any]:
    return {"year_start": year.start_year, "section": section, "category_id": category_id, "fund_id": fund_id,
            "description": check_description(description), "amount_pence": amount}


def add_budget_line(ed: Action, bf: BoardFile, board_id: int, values: dict[str, Any]) -> int:
    """Insert a line made by :func:`budget_values`, at the end of its year."""
    year = FinancialYear(values["year_start"])
    return ed.insert("budget_line", {"board_id": board_id, **values,
                                     "position": next_position(bf, "budget_line", board_id, year)})


def save_budget_line(ed: Action, bf: BoardFile, board_id: int, line: LineDetails, line_id: int | None = None) -> int:
    """Save ``line`` as a new budget line, or over line ``line_id``; returns the line's id.

    As :func:`sgdesk.finance.ledger.save_entry`: new categories and funds are added on the way.
    """
    category_id, fund_id = line_accounts(ed, bf, board_id, line.section, line.category, line.fund)
    values = budget_values(year=line.year, section=line.section, category_id=category_id, fund_id=fund_id,
                           description=line.description, amount=line.amount)
    if line_id is None:
        return add_budget_line(ed, bf, board_id, values)
    ed.update("budget_line", line_id, values)
    return line_id


def delete_budget_line(ed: Action, line_id: int) -> None:
    ed.delete("budget_line", line_id)


def budget_against_actual(bf: BoardFile, board_id: int, year: FinancialYear, fund_id: int | None = None
                          ) -> BudgetAgainstActual:
    """Per category (in the board's category order), budget and actual cash for ``year``."""
    lines = list_budget_lines(bf, board_id, year, fund_id)
    sums = category_sums(bf, board_id, year, fund_id)
    budgeted: dict[int, Pence] = {}
    for line in lines:
        budgeted[line.category_id] = budgeted.get(line.category_id, 0) + line.amount
    spent: dict[int, Pence] = {}
    for part in sums:
        if not part.in_kind:
            spent[part.category_id] = spent.get(part.category_id, 0) + part.amount
    rows = [
        Comparison(category.section, category.name, budgeted.get(category.id, 0), spent.get(category.id, 0))
        for section in SECTIONS
        for category in list_categories(bf, board_id, section)
        if category.id in budgeted or category.id in spent
    ]
    budget_totals = Totals(
        expenditure=sum(line.amount for line in lines if line.section == "expenditure"),
        income=sum(line.amount for line in lines if line.section == "income"),
    )
    return BudgetAgainstActual(year, rows, budget_totals, totals(sums),
                               carried_forward_entry(bf, board_id, year), bool(sums), bool(lines))
