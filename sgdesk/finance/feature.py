"""The finance feature's contributions to the registry."""

from __future__ import annotations

from sgdesk.exporting import Appendix
from sgdesk.fyear import FinancialYear
from sgdesk.office.exports import appendix_export
from sgdesk.registry import SidebarView
from sgdesk.reporting import Report
from sgdesk.search import Searchable


def register(registry) -> None:
    registry.add_import_kind("ledger", "sgdesk.finance.importers:LedgerImport")
    registry.add_import_kind("contributions", "sgdesk.finance.importers:ContributionsImport")
    registry.add_report(Report("ledger", "ledger entries with a running balance and totals by category",
                               registry.lazy("sgdesk.finance.reports:ledger_report")))
    registry.add_report(Report("contributions", "partner contributions: shares, amounts, status, year on year",
                               registry.lazy("sgdesk.finance.reports:contributions_report")))
    registry.add_report(Report("budget", "budget against actual, variance, outturn and carry-forward",
                               registry.lazy("sgdesk.finance.reports:budget_report")))
    story = registry.lazy("sgdesk.finance.appendix:appendix2_story")
    registry.add_export(appendix_export(
        "appendix2", "Appendix 2: the year's income, expenditure, outcome and partner contributions",
        registry.lazy("sgdesk.finance.appendix:export_appendix2"), story,
        options_help="style=council (income negative, as council ledgers print it) or plain (Surplus/Deficit); "
                     "detail=lines or categories; fund=NAME for one fund; title=TEXT"))
    registry.add_appendix(Appendix("finance", "Finance, with partner contributions", story, order=20,
                                   whole_years=True))
    registry.add_demo_part(20, "finance: 2018/19 ledger, 2016/17 contributions and budget",
                           registry.lazy("sgdesk.finance.demo:build_finance_demo"))
    registry.add_view(SidebarView("finance", "Finance", "sgdesk.gui.finance.view:FinanceView", 40))
    registry.add_attention(registry.lazy("sgdesk.finance.attention:finance_attention"))
    registry.add_check(registry.lazy("sgdesk.finance.checks:finance_checks"))
    registry.add_years(lambda bf, board_id: {FinancialYear(row[0]) for row in bf.query(
        "SELECT DISTINCT year_start FROM ledger_entry WHERE board_id = ?", (board_id,))})
    registry.add_search(Searchable(
        "ledger_entry", ("description", "party", "reference"), "Ledger entry", "finance",
        "SELECT id, description AS title, coalesce(party || ', ', '') || format_money(amount_pence) || ', ' || "
        "year_start || '/' || substr(year_start + 1, 3) AS detail, board_id FROM ledger_entry"))
    registry.add_first_steps("sgdesk.finance.overview:FIRST_STEPS")
    registry.add_glance(registry.lazy("sgdesk.finance.overview:spend_against_budget"))
