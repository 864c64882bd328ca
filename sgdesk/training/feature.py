"""The training feature's contributions to the registry."""

from __future__ import annotations

from sgdesk.activity import years_from_dates
from sgdesk.exporting import Appendix, Export
from sgdesk.registry import SidebarView
from sgdesk.reporting import Report
from sgdesk.search import Searchable

SESSION_OPTION = "session=ID (the session number shown in the Training view; --session ID on the command line)"


def register(registry) -> None:
    from sgdesk.office.exports import appendix_export, titled_story
    from sgdesk.training.appendix import export_training, training_story
    from sgdesk.training.attention import training_attention
    from sgdesk.training.checks import training_checks
    from sgdesk.training.demo import build_training_demo
    from sgdesk.training.importers import BookingsImport, CoursesImport, SessionsImport
    from sgdesk.training.overview import FIRST_STEP, sessions_with_places
    from sgdesk.training.pdf_sessions import export_certificates, export_register
    from sgdesk.training.reports import (
        charges_report,
        evaluations_report,
        training_report,
    )

    registry.add_import_kind(CoursesImport())
    registry.add_import_kind(SessionsImport())
    registry.add_import_kind(BookingsImport())
    registry.add_report(Report("training", "training figures: sessions, places, attendance, DNA, delegates "
                                           "by organisation and sector, income", training_report))
    registry.add_report(Report("charges", "chargeable training bookings and totals per organisation, for "
                                          "invoicing", charges_report))
    registry.add_report(Report("evaluations", "training evaluations per course and session, with comments",
                               evaluations_report))
    registry.add_export(appendix_export(
        "training", "training programme summary with figures, tables and a chart of delegates by sector",
        export_training, titled_story(training_story)))
    registry.add_export(Export("register", "sign-in sheet for one training session", ("pdf",), export_register,
                               needs_period=False, options_help=SESSION_OPTION))
    registry.add_export(Export("certificates", "certificates of attendance, one page per attended delegate of a "
                                               "session", ("pdf",), export_certificates, needs_period=False,
                               options_help=SESSION_OPTION))
    registry.add_appendix(Appendix("training", "Training summary", titled_story(training_story), order=40))
    registry.add_demo_part(40, "training: the 2018/19 programme, bookings, registers and evaluations",
                           build_training_demo)
    registry.add_view(SidebarView("training", "Training", "sgdesk.gui.training.view:TrainingView", 20))
    registry.add_attention(training_attention)
    registry.add_check(training_checks)
    registry.add_years(lambda bf, board_id: years_from_dates(
        bf, "SELECT DISTINCT s.session_date FROM training_session s JOIN training_course c ON c.id = s.course_id "
            "WHERE c.board_id = ? AND s.status = 'scheduled'", board_id))
    for searchable in SEARCHABLES:
        registry.add_search(searchable)
    registry.add_first_step(FIRST_STEP)
    registry.add_glance(sessions_with_places)


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
