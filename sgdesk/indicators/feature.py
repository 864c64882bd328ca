"""The performance feature's contributions to the registry: indicators, their data matrix and the
regional comparison of contributions."""

from __future__ import annotations

from sgdesk.exporting import Appendix
from sgdesk.office.exports import appendix_export
from sgdesk.registry import SidebarView
from sgdesk.reporting import Report
from sgdesk.search import Searchable


def register(registry) -> None:
    registry.add_import_kind("indicators", "sgdesk.indicators.importers:IndicatorsImport")
    registry.add_import_kind("regional-contributions", "sgdesk.indicators.importers:RegionalContributionsImport")
    registry.add_report(Report("indicators", "every indicator figure by area and period, with marks and ranks",
                               registry.lazy("sgdesk.indicators.reports:indicators_report"), needs_period=False))
    registry.add_report(Report("indicator-trends", "each indicator's latest figure, direction of travel, "
                               "comparators and RAG rating", registry.lazy("sgdesk.indicators.reports:trends_report"),
                               needs_period=False))
    registry.add_report(Report("regional-contributions", "partnerships' contributions by partner, with totals, "
                               "averages and this board's position", registry.lazy("sgdesk.indicators.reports:regional_report"),
                               needs_period=False))
    story = registry.lazy("sgdesk.indicators.appendix:matrix_story")
    registry.add_export(appendix_export(
        "data-matrix", "the Local Authority Data Matrix: indicators by year against England and statistical "
        "neighbours, RAG-rated, with trend lines", registry.lazy("sgdesk.indicators.appendix:export_data_matrix"), story,
        needs_period=False,
        options_help="years=N columns of periods (default 5); section=NAME for one section; title=TEXT"))
    registry.add_appendix(Appendix("data-matrix", "Local Authority Data Matrix (performance indicators)",
                                   story, order=60))
    registry.add_demo_part(60, "performance: seed 002's data matrix and regional comparison",
                           registry.lazy("sgdesk.indicators.demo:build_indicators_demo"))
    registry.add_view(SidebarView("performance", "Performance", "sgdesk.gui.performance.view:PerformanceView", 50))
    registry.add_attention(registry.lazy("sgdesk.indicators.attention:indicators_attention"))
    registry.add_check(registry.lazy("sgdesk.indicators.checks:indicators_checks"))
    registry.add_search(Searchable("indicator", ("name", "definition"), "Indicator", "performance",
                                   "SELECT id, name AS title, section AS detail, board_id FROM indicator"))
