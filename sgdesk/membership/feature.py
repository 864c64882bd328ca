"""Registers membership, meetings and attendance: import kinds, reports, Appendix 1, demo part."""

from __future__ import annotations

from sgdesk.activity import years_from_dates
from sgdesk.exporting import Appendix
from sgdesk.office.exports import appendix_export
from sgdesk.registry import SidebarView
from sgdesk.reporting import Report
from sgdesk.search import Searchable

TITLE = "Board membership and attendance"
APPENDIX_KEY = "membership"  # the appendix's key in the registry
OPTIONS_HELP = ("body=NAME for a sub-group's appendix (default: the board); deputies=fold prints D as Y, as the "
                "2017-19 report did (default: show D)")


def register(registry) -> None:
    for name, kind in (("organisations", "OrganisationsImport"), ("members", "MembersImport"),
                       ("meetings", "MeetingsImport"), ("attendance", "AttendanceImport")):
        registry.add_import_kind(name, f"sgdesk.membership.importers:{kind}")
    registry.add_report(Report("organisations", "partner agencies in the file, their other names and dates",
                               registry.lazy("sgdesk.membership.reports:organisations_report"), needs_period=False))
    registry.add_report(Report("members", "seats on the board and sub-groups, with representatives and deputies",
                               registry.lazy("sgdesk.membership.reports:members_report"), needs_period=False))
    registry.add_report(Report("attendance", "attendance per seat (expected, present, by deputy, apologies, "
                               "absent, percent) and the flags", registry.lazy("sgdesk.membership.reports:attendance_report"),
                               needs_period=False))
    story = registry.lazy("sgdesk.membership.appendix:appendix1_story")
    registry.add_export(appendix_export("appendix1", "Appendix 1: board membership and attendance",
                                        registry.lazy("sgdesk.membership.appendix:export_appendix1"), story,
                                        needs_period=False, options_help=OPTIONS_HELP))
    registry.add_appendix(Appendix(APPENDIX_KEY, TITLE, story, order=10))
    registry.add_demo_part(10, "membership, meetings and attendance",
                           registry.lazy("sgdesk.membership.demo:build_membership_demo"))
    registry.add_view(SidebarView("membership", "Membership", "sgdesk.gui.membership.view:MembershipView", 10))
    registry.add_view(SidebarView("meetings", "Meetings", "sgdesk.gui.membership.meetings_view:MeetingsView", 11))
    registry.add_attention(registry.lazy("sgdesk.membership.attention:membership_attention"))
    registry.add_check(registry.lazy("sgdesk.membership.checks:membership_checks"))
    registry.add_years(lambda bf, board_id: years_from_dates(
        bf, "SELECT DISTINCT meets_on FROM meeting WHERE board_id = ? AND status = 'held'", board_id))
    for searchable in SEARCHABLES:
        registry.add_search(searchable)
    registry.add_first_steps("sgdesk.membership.overview:FIRST_STEPS")
    registry.add_glance(registry.lazy("sgdesk.membership.overview:membership_at_a_glance"))
    registry.add_glance(registry.lazy("sgdesk.membership.overview:next_meetings"))

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
