"""What in the board's finances needs the business manager's attention now, shown on the Overview."""

from __future__ import annotations

import datetime as dt

from sgdesk.attention import AttentionItem
from sgdesk.finance.budgets import budget_against_actual
from sgdesk.finance.contributions import contribution_years, year_allocation
from sgdesk.finance.ledger import outcome_text
from sgdesk.fyear import FinancialYear
from sgdesk.money import format_money
from sgdesk.store import BoardFile

_VIEW = "finance"


def finance_attention(bf: BoardFile, board_id: int, today: dt.date | None = None) -> list[AttentionItem]:
    """Contributions not yet received, shares that do not add up, outturns not (or wrongly) carried forward."""
    today = today or dt.date.today()
    this_year = FinancialYear.containing(today)
    items: list[AttentionItem] = []
    for year in contribution_years(bf, board_id):
        allocation = year_allocation(bf, board_id, year)
        if year <= this_year:
            for line, amount in zip(allocation.lines, allocation.amounts):
                if line.status != "received" and not line.in_kind and amount:
                    items.append(AttentionItem(
                        _VIEW, f"{line.label}'s {year.label} contribution of {format_money(amount)} is "
                               f"{line.status}, not yet received", "warning" if year < this_year else "info",
                        {"tab": "contributions", "year": year.start_year, "contribution_id": line.id}))
        items += [AttentionItem(_VIEW, warning[0].upper() + warning[1:], "warning",
                                {"tab": "contributions", "year": year.start_year})
                  for warning in allocation.warnings]
    items += _carry_forward_items(bf, board_id, this_year)
    return items


def _carry_forward_items(bf: BoardFile, board_id: int, this_year: FinancialYear) -> list[AttentionItem]:
    """Carried-forward figures that no longer match their year's outturn; and whether the latest
    finished year with a ledger has been carried forward at all."""
    items = []
    for row in bf.query("SELECT DISTINCT carried_from FROM ledger_entry WHERE board_id = ? AND carried_from IS NOT "
                        "NULL ORDER BY 1", (board_id,)):
        year = FinancialYear(row[0])
        result = budget_against_actual(bf, board_id, year)
        if result.carried_forward is not None and not result.carry_forward_current:
            items.append(AttentionItem(
                _VIEW, f"{year.label} outturn is now {outcome_text(result.actual, 'plain')}, but "
                       f"{format_money(result.carried_forward.amount)} was carried forward into {year.next().label}",
                "warning", {"tab": "budget", "year": year.start_year}))
    latest = bf.scalar("SELECT max(year_start) FROM ledger_entry WHERE board_id = ? AND year_start < ? "
                       "AND carried_from IS NULL", (board_id, this_year.start_year))
    if latest is not None:
        year = FinancialYear(latest)
        result = budget_against_actual(bf, board_id, year)
        if result.carried_forward is None:
            items.append(AttentionItem(
                _VIEW, f"{year.label} outturn ({outcome_text(result.actual, 'plain')}) is not carried forward into "
                       f"{year.next().label}", "info", {"tab": "budget", "year": year.start_year}))
    return items
