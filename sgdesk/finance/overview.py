"""Finance on the Overview: the year's budget as a first step, and the year's spend against budget."""

from __future__ import annotations

import datetime as dt

from sgdesk.finance.budgets import budget_against_actual
from sgdesk.finance.ledger import finance_years
from sgdesk.fyear import FinancialYear
from sgdesk.money import format_money
from sgdesk.overview import FirstStep, Glance
from sgdesk.percent import whole_percent
from sgdesk.store import BoardFile


def has_budget(bf: BoardFile, board_id: int) -> bool:
    return bool(bf.scalar("SELECT count(*) FROM budget_line WHERE board_id = ?", (board_id,)))


FIRST_STEPS = (FirstStep(50, "Enter the year's budget, then the ledger as money is spent and received.",
                         "Enter the budget…", has_budget, "finance", {"tab": "budget"}),)


def spend_against_budget(bf: BoardFile, board_id: int, today: dt.date) -> Glance:
    """This financial year's spending and income against its budget (else the latest year with records)."""
    current = FinancialYear.containing(today)
    years = [year for year in finance_years(bf, board_id) if year <= current]
    if not years:
        return Glance(40, "Spend against budget", (), "finance", {"tab": "budget"},
                      empty="No budget or ledger yet: enter them in Finance.")
    year = current if current in years else years[-1]
    figures = budget_against_actual(bf, board_id, year)
    lines = []
    for section, verb in (("expenditure", "Spent"), ("income", "Received")):
        total = figures.section_total(section)
        if not (total.budget or total.actual):
            continue
        share = whole_percent(total.actual, total.budget)
        of_budget = f" of {format_money(total.budget, pence_digits=False)} budgeted" if total.budget else ""
        percent = f" ({share}%)" if share is not None else ""
        lines.append(f"{verb} {format_money(total.actual, pence_digits=False)}{of_budget}{percent}")
    heading = f"Spend against budget, {year.label}"
    return Glance(40, heading, tuple(lines), "finance", {"year": year.start_year, "tab": "budget"},
                  empty=f"No budget or ledger entries for {year.label}.")
