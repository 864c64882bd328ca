"""Registers membership, meetings and attendance: import kinds, reports, Appendix 1, demo part."""

from __future__ import annotations

from sgdesk.activity import years_from_dates
from sgdesk.exporting import Appendix
from sgdesk.registry import SidebarView
from sgdesk.reporting import Report
from sgdesk.search import Searchable


def register(registry) -> None:
    from sgdesk.membership.appendix import (
        APPENDIX_KEY,
        OPTIONS_HELP,
        TITLE,
        appendix1_story,
        export_appendix1,
    )
    from sgdesk.membership.attention import membership_attention
    from sgdesk.membership.checks import membership_checks
    from sgdesk.membership.demo import build_membership_demo
    from sgdesk.membership.importers import (
        AttendanceImport,
        MeetingsImport,
        MembersImport,
        OrganisationsImport,
    )
    from sgdesk.membership.overview import (
        FIRST_STEPS,
        membership_at_a_glance,
        next_meetings,
    )
    from sgdesk.membership.reports import (
        attendance_report,
        members_report,
        organisations_report,
    )
    from sgdesk.office.exports import appendix_export

    for kind in (OrganisationsImport(), MembersImport(), MeetingsImport(), AttendanceImport()):
        registry.add_import_kind(kind)
    registry.add_report(Report("organisations", "partner agencies in the file, their other names and dates",
                               organisations_report, needs_period=False))
    registry.add_report(Report("members", "seats on the board and sub-groups, with representatives and deputies",
                               members_report, needs_period=False))
    registry.add_report(Report("attendance", "attendance per seat (expected, present, by deputy, apologies, "
                               "absent, percent) and the flags", attendance_report, needs_period=False))
    registry.add_export(appendix_export("appendix1", "Appendix 1: board membership and attendance", export_appendix1,
                                        appendix1_story, needs_period=False, options_help=OPTIONS_HELP))
    registry.add_appendix(Appendix(APPENDIX_KEY, TITLE, appendix1_story, order=10))
    registry.add_demo_part(10, "membership, meetings and attendance", build_membership_demo)
    registry.add_view(SidebarView("membership", "Membership", "sgdesk.gui.membership.view:MembershipView", 10))
    registry.add_view(SidebarView("meetings", "Meetings", "sgdesk.gui.membership.meetings_view:MeetingsView", 11))
    registry.add_attention(membership_attention)
    registry.add_check(membership_checks)
    registry.add_years(lambda bf, board_id: years_from_dates(
        bf, "SELECT DISTINCT meets_on FROM meeting WHERE board_id = ? AND status = 'held'", board_id))
    for searchable in SEARCHABLES:
        registry.add_search(searchable)
    for step in FIRST_STEPS:
        registry.add_first_step(step)
    registry.add_glance(membership_at_a_glance)
    registry.add_glance(next_meetings)


SEARCHABLES = (
    Searchable("person", ("name", "job_title", "email"), "Person", "membership",
               "SELECT id, name AS title, job_title AS detail, NULL AS board_id FROM person"),
    Searchable("seat", ("role", "label"), "Seat", "membership",
               "SELECT s.id, coalesce(s.label, o.name) || ': ' || s.role AS title, coalesce(g.name, b.short_name, b.name) AS detail, "
               "s.board_id FROM seat s JOIN organisation o ON o.id = s.organisation_id "
               "JOIN board b ON b.id = s.board_id LEFT JOIN subgroup g ON g.id = s.subgroup_id"),
    Searchable("forward_item", ("title",), "Forward plan item", "meetings",
               "SELECT f.id, f.title, coalesce(g.name, b.short_name, b.name) || ', ' || format_date(m.meets_on) AS detail, "
               "m.board_id FROM forward_item f JOIN meeting m ON m.id = f.meeting_id "
               "JOIN board b ON b.id = m.board_id LEFT JOIN subgroup g ON g.id = m.subgroup_id"),
)
