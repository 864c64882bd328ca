"""The pack's contributions: the ``pack`` export, and every report as a PDF, Word, Excel or CSV file.

Listed last in ``registry.FEATURE_MODULES``, so every other feature's reports are registered
by the time :func:`register` wraps them: this is the one place a report becomes an export.
"""

from __future__ import annotations

from sgdesk.exporting import Export
from sgdesk.office.exports import report_export
from sgdesk.pack.options import OPTIONS_HELP
from sgdesk.registry import SidebarView

FORMATS = ("pdf", "docx")


def register(registry) -> None:
    registry.add_export(Export("pack", "the annual-report appendices: cover, contents and the appendices",
                               FORMATS, registry.lazy("sgdesk.pack.export:export_pack"), options_help=OPTIONS_HELP))
    registry.add_view(SidebarView("reports", "Reports", "sgdesk.gui.reports.view:ReportsView", 90))
    for _name, report in sorted(registry.reports.items()):
        registry.add_report_export(report_export(report))
