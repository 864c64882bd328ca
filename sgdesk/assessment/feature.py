"""Self-assessment's contributions: import kinds, the report, exports, demo part and Overview items."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sgdesk.activity import years_from_dates
from sgdesk.exporting import Appendix, Export
from sgdesk.office.exports import appendix_export
from sgdesk.registry import SidebarView
from sgdesk.reporting import Report
from sgdesk.search import Searchable

if TYPE_CHECKING:
    from sgdesk.exporting import ExportRequest, ExportResult, Progress
    from sgdesk.store import BoardFile


def register(registry) -> None:
    """Add the self-assessment import kinds, report, exports, demo part (order 30) and Overview items."""
    registry.add_import_kind("assessment", "sgdesk.assessment.importers:AssessmentImport")
    registry.add_import_kind("assessment-form", "sgdesk.assessment.importers:AssessmentFormImport")
    registry.add_report(Report("assessment", "self-assessment summary: N, mode, mean and range per statement",
                               registry.lazy("sgdesk.assessment.reports:assessment_report")))
    story = registry.lazy("sgdesk.assessment.appendix:appendix3_story")
    registry.add_export(appendix_export(
        "appendix3", "Appendix 3: the self-assessment summary and commentary",
        registry.lazy("sgdesk.assessment.appendix:export_appendix3"), story,
        needs_period=False, options_help="round=TITLE chooses the round (default: the latest in the period, "
                                         "published first); title=TEXT retitles the appendix"))
    registry.add_export(Export("assessment-form", "a self-assessment response form for one agency (Excel)",
                               ("xlsx",), export_response_form, needs_period=False,
                               options_help="respondent=AGENCY (required); round=TITLE (default: the latest open "
                                            "round)"))
    registry.add_appendix(Appendix("assessment", "Self-assessment", story, order=30))
    registry.add_demo_part(30, "self-assessment rounds", registry.lazy("sgdesk.assessment.demo:build_assessment_demo"))
    registry.add_view(SidebarView("assessment", "Self-assessment", "sgdesk.gui.assessment.view:AssessmentView", 30))
    registry.add_attention(registry.lazy("sgdesk.assessment.attention:assessment_attention"))
    registry.add_check(registry.lazy("sgdesk.assessment.checks:assessment_checks"))
    registry.add_years(lambda bf, board_id: years_from_dates(
        bf, "SELECT DISTINCT period_start FROM assessment_round WHERE board_id = ?", board_id))
    registry.add_search(Searchable(
        "assessment_response", ("comment",), "Self-assessment comment", "assessment",
        "SELECT r.id, r.comment AS title, o.name || ', ' || s.code || ', ' || d.title AS detail, d.board_id "
        "FROM assessment_response r JOIN assessment_respondent p ON p.id = r.respondent_id "
        "JOIN assessment_round d ON d.id = p.round_id JOIN organisation o ON o.id = p.organisation_id "
        "JOIN assessment_statement s ON s.id = r.statement_id"))
    registry.add_first_steps("sgdesk.assessment.overview:FIRST_STEPS")
    registry.add_glance(registry.lazy("sgdesk.assessment.overview:rounds_in_progress"))


def export_response_form(bf: BoardFile, request: ExportRequest, progress: Progress) -> ExportResult:
    """The ``assessment-form`` export: one agency's response form as XLSX."""
    from sgdesk.assessment.forms import respondent_for_export, write_response_form
    from sgdesk.exporting import ExportResult

    respondent = respondent_for_export(bf, request.board_id, request.options.get("round"),
                                       request.options.get("respondent"))
    progress(0, 1, f"Writing the response form of {respondent.organisation}…")
    return ExportResult(write_response_form(bf, respondent, request.out))
