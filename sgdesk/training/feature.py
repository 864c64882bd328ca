"""The training feature's contributions to the registry."""

from __future__ import annotations

from sgdesk.activity import years_from_dates
from sgdesk.exporting import Appendix, Export
from sgdesk.office.exports import appendix_export, titled_story
from sgdesk.registry import SidebarView
from sgdesk.reporting import Report
from sgdesk.search import Searchable

SESSION_OPTION = "session=ID (the session number shown in the Training view; --session ID on the command line)"


def register(registry) -> None:
    registry.add_import_kind("courses", "sgdesk.training.importers:CoursesImport")
    registry.add_import_kind("sessions", "sgdesk.training.importers:SessionsImport")
    registry.add_import_kind("bookings", "sgdesk.training.importers:BookingsImport")
    registry.add_report(Report("training", "training figures: sessions, places, attendance, DNA, delegates "
                                           "by organisation and sector, income",
                               registry.lazy("sgdesk.training.reports:training_report")))
    registry.add_report(Report("charges", "chargeable training bookings and totals per organisation, for "
                                          "invoicing", registry.lazy("sgdesk.training.reports:charges_report")))
    registry.add_report(Report("evaluations", "training evaluations per course and session, with comments",
                               registry.lazy("sgdesk.training.reports:evaluations_report")))
    story = titled_story(registry.lazy("sgdesk.training.appendix:training_story"))
    registry.add_export(appendix_export(
        "training", "training programme summary with figures, tables and a chart of delegates by sector",
        registry.lazy("sgdesk.training.appendix:export_training"), story))
    registry.add_export(Export("register", "sign-in sheet for one training session", ("pdf",),
                               registry.lazy("sgdesk.training.pdf_sessions:export_register"),
                               needs_period=False, options_help=SESSION_OPTION))
    registry.add_export(Export("certificates", "certificates of attendance, one page per attended delegate of a "
                                               "session", ("pdf",), registry.lazy("sgdesk.training.pdf_sessions:export_certificates"),
                               needs_period=False, options_help=SESSION_OPTION))
    registry.add_appendix(Appendix("training", "Training summary", story, order=40))
    registry.add_demo_part(40, "training: the 2018/19 programme, bookings, registers and evaluations",
                           registry.lazy("sgdesk.training.demo:build_training_demo"))
    registry.add_view(SidebarView("training", "Training", "sgdesk.gui.training.view:TrainingView", 20))
    registry.add_attention(registry.lazy("sgdesk.training.attention:training_attention"))
    registry.add_check(registry.lazy("sgdesk.training.checks:training_checks"))
    registry.add_years(lambda bf, board_id: years_from_dates(
        bf, "SELECT DISTINCT s.session_date FROM training_session s JOIN training_course c ON c.id = s.course_id "
            "WHERE c.board_id = ? AND s.status = 'scheduled'", board_id))
    for searchable in SEARCHABLES:
        registry.add_search(searchable)
    registry.add_first_steps("sgdesk.training.overview:FIRST_STEPS")
    registry.add_glance(registry.lazy("sgdesk.training.overview:sessions_with_places"))

SEARCHABLES = (
    Searchable("training_course", ("title", "audience", "description"), "Course", "training",
               "SELECT id, title, audience AS detail, board_id FROM training_course"),
    Searchable("training_session", ("venue", "trainer"), "Training session", "training",
               "SELECT s.id, c.title, format_date(s.session_date) || coalesce(', ' || s.venue, '') AS detail, "
               "c.board_id FROM training_session s JOIN training_course c ON c.id = s.course_id"),
    Searchable("training_delegate", ("name", "email", "job_title"), "Delegate", "training",
               "SELECT d.id, d.name AS title, o.name AS detail, d.board_id FROM training_delegate d "
               "JOIN organisation o ON o.id = d.organisation_id"),
)
