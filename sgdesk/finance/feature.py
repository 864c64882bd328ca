"""The finance feature's contributions to the registry."""

from __future__ import annotations

from sgdesk.exporting import Appendix
from sgdesk.fyear import FinancialYear
from sgdesk.registry import SidebarView
from sgdesk.reporting import Report
from sgdesk.search import Searchable


def register(registry) -> None:
    from sgdesk.finance.appendix import appendix2_story, export_appendix2
    from sgdesk.finance.attention import finance_attention
    from sgdesk.finance.checks import finance_checks
    from sgdesk.finance.demo import build_finance_demo
    from sgdesk.finance.importers import ContributionsImport, LedgerImport
    from sgdesk.finance.overview import FIRST_STEP, spend_against_budget
    from sgdesk.finance.reports import (
        budget_report,
        contributions_report,
        ledger_report,
    )
    from sgdesk.office.exports import appendix_export

    registry.add_import_kind(LedgerImport())
    registry.add_import_kind(ContributionsImport())
    registry.add_report(Report("ledger", "ledger entries with a running balance and totals by category",
                               ledger_report))
    registry.add_report(Report("contributions", "partner contributions: shares, amounts, status, year on year",
                               contributions_report))
    registry.add_report(Report("budget", "budget against actual, variance, outturn and carry-forward",
                               budget_report))
    registry.add_export(appendix_export(
        "appendix2", "Appendix 2: the year's income, expenditure, outcome and partner contributions",
        export_appendix2, appendix2_story,
        options_help="style=council (income negative, as council ledgers print it) or plain (Surplus/Deficit); "
                     "detail=lines or categories; fund=NAME for one fund; title=TEXT"))
    registry.add_appendix(Appendix("finance", "Finance, with partner contributions", appendix2_story, order=20,
                                   whole_years=True))
    registry.add_demo_part(20, "finance: 2018/19 ledger, 2016/17 contributions and budget", build_finance_demo)
    registry.add_view(SidebarView("finance", "Finance", "sgdesk.gui.finance.view:FinanceView", 40))
    registry.add_attention(finance_attention)
    registry.add_check(finance_checks)
    registry.add_years(lambda bf, board_id: {FinancialYear(row[0]) for row in bf.query(
        "SELECT DISTINCT year_start FROM ledger_entry WHERE board_id = ?", (board_id,))})
    registry.add_search(Searchable(
        "ledger_entry", ("description", "party", "reference"), "Ledger entry", "finance",
        "SELECT id, description AS title, coalesce(party || ', ', '') || format_money(amount_pence) || ', ' || "
        "year_start || '/' || substr(year_start + 1, 3) AS detail, board_id FROM ledger_entry"))
    registry.add_first_step(FIRST_STEP)
    registry.add_glance(spend_against_budget)
