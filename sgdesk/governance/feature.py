"""Registers the action log, the risk register and business plan progress: import kinds, reports, the
meeting pack, the annual-report appendices, the Overview's items, the checks and the demo part."""

from __future__ import annotations

from sgdesk.activity import years_from_dates
from sgdesk.exporting import Appendix, Export
from sgdesk.registry import SidebarView
from sgdesk.reporting import Report
from sgdesk.search import Searchable

MEETING_PACK = "meeting-pack"


def register(registry) -> None:
    from sgdesk.governance.appendix import (
        business_plan_story,
        risk_summary_story,
        story_pdf,
    )
    from sgdesk.governance.attention import governance_attention
    from sgdesk.governance.checks import governance_checks
    from sgdesk.governance.demo import build_governance_demo
    from sgdesk.governance.importers import (
        ActionsImport,
        BusinessPlanImport,
        RisksImport,
    )
    from sgdesk.governance.meeting_pack import (
        FORMATS,
        OPTIONS_HELP,
        export_meeting_pack,
    )
    from sgdesk.governance.reports import (
        actions_report,
        business_plan_report,
        risks_report,
    )
    from sgdesk.office.exports import appendix_export

    for kind in (ActionsImport(), RisksImport(), BusinessPlanImport()):
        registry.add_import_kind(kind)
    registry.add_report(Report("actions", "the action log: each action's owner, due date, status, RAG and latest "
                               "update (with a period, as it stood at its end)", actions_report, needs_period=False))
    registry.add_report(Report("risks", "the risk register by residual score, with RAG, trend and mitigating actions",
                               risks_report, needs_period=False))
    registry.add_report(Report("business-plan", "business plan progress per objective, with the updates made in the "
                               "period", business_plan_report, needs_period=False))
    registry.add_export(Export(MEETING_PACK, "Meeting papers: agenda, attendance, action log, risk register and "
                               "business plan progress for one meeting", FORMATS, export_meeting_pack,
                               needs_period=False, options_help=OPTIONS_HELP))
    for name, description, story, subject in (
            ("plan-progress", "Business plan progress for the annual report", business_plan_story,
             "Business plan progress"),
            ("risk-summary", "Risk register summary: heat map and risks by residual score", risk_summary_story,
             "Risk register")):
        registry.add_export(appendix_export(name, description, story_pdf(story, subject), story))
    registry.add_appendix(Appendix("plan-progress", "Business plan progress", business_plan_story, order=50))
    registry.add_appendix(Appendix("risk-summary", "Risk register summary", risk_summary_story, order=55,
                                   in_pack=False))
    registry.add_view(SidebarView("governance", "Actions & risks", "sgdesk.gui.governance.view:GovernanceView", 12))
    registry.add_demo_part(50, "action log, risk register and business plan", build_governance_demo)
    registry.add_attention(governance_attention)
    registry.add_check(governance_checks)
    registry.add_years(lambda bf, board_id: years_from_dates(
        bf, "SELECT DISTINCT raised_on FROM board_action WHERE board_id = ?", board_id))
    for searchable in SEARCHABLES:
        registry.add_search(searchable)


#: the body an action or risk is tracked by: its sub-group, or the board itself
_BODY = "coalesce(g.short_name, g.name, b.short_name, b.name)"

SEARCHABLES = (
    Searchable("board_action", ("reference", "text"), "Action", "governance",
               f"SELECT a.id, a.reference || ': ' || a.text AS title, {_BODY} || "
               "CASE WHEN a.status = 'open' THEN coalesce(', due ' || format_date(a.due_on), '') "
               "ELSE ', ' || a.status || coalesce(' ' || format_date(a.closed_on), '') END AS detail, "
               "a.board_id FROM board_action a JOIN board b ON b.id = a.board_id "
               "LEFT JOIN subgroup g ON g.id = a.subgroup_id"),
    Searchable("risk", ("title", "description", "controls"), "Risk", "governance",
               f"SELECT r.id, r.reference || ': ' || r.title AS title, {_BODY} || ', owner ' || o.name || "
               "CASE WHEN r.status = 'closed' THEN ', closed' ELSE '' END AS detail, r.board_id FROM risk r "
               "JOIN board b ON b.id = r.board_id JOIN organisation o ON o.id = r.owner_organisation_id "
               "LEFT JOIN subgroup g ON g.id = r.subgroup_id"),
    Searchable("plan_objective", ("priority", "outcome"), "Business plan objective", "governance",
               "SELECT j.id, j.number || '. ' || j.priority AS title, p.title AS detail, p.board_id "
               "FROM plan_objective j JOIN plan p ON p.id = j.plan_id"),
)
