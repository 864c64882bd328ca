"""Registers the action log, the risk register and business plan progress: import kinds, reports, the
meeting pack, the annual-report appendices, the Overview's items, the checks and the demo part."""

from __future__ import annotations

from sgdesk.activity import years_from_dates
from sgdesk.exporting import Appendix, Export
from sgdesk.office.exports import appendix_export
from sgdesk.registry import SidebarView
from sgdesk.reporting import Report
from sgdesk.search import Searchable

MEETING_PACK = "meeting-pack"
MEETING_PACK_FORMATS = ("pdf", "docx")
MEETING_PACK_OPTIONS = ("meeting=ID or meeting=DATE chooses the meeting (sgdesk export FILE meeting-pack --meeting ID); "
                        "body=NAME with a date for a sub-group's meeting")


def register(registry) -> None:
    for name, kind in (("actions", "ActionsImport"), ("risks", "RisksImport"), ("business-plan", "BusinessPlanImport")):
        registry.add_import_kind(name, f"sgdesk.governance.importers:{kind}")
    registry.add_report(Report("actions", "the action log: each action's owner, due date, status, RAG and latest "
                               "update (with a period, as it stood at its end)",
                               registry.lazy("sgdesk.governance.reports:actions_report"), needs_period=False))
    registry.add_report(Report("risks", "the risk register by residual score, with RAG, trend and mitigating actions",
                               registry.lazy("sgdesk.governance.reports:risks_report"), needs_period=False))
    registry.add_report(Report("business-plan", "business plan progress per objective, with the updates made in the "
                               "period", registry.lazy("sgdesk.governance.reports:business_plan_report"), needs_period=False))
    registry.add_export(Export(MEETING_PACK, "Meeting papers: agenda, attendance, action log, risk register and "
                               "business plan progress for one meeting", MEETING_PACK_FORMATS,
                               registry.lazy("sgdesk.governance.meeting_pack:export_meeting_pack"),
                               needs_period=False, options_help=MEETING_PACK_OPTIONS))
    plan = registry.lazy("sgdesk.governance.appendix:business_plan_story")
    risks = registry.lazy("sgdesk.governance.appendix:risk_summary_story")
    registry.add_export(appendix_export("plan-progress", "Business plan progress for the annual report",
                                        registry.lazy("sgdesk.governance.appendix:business_plan_pdf"), plan))
    registry.add_export(appendix_export("risk-summary", "Risk register summary: heat map and risks by residual score",
                                        registry.lazy("sgdesk.governance.appendix:risk_summary_pdf"), risks))
    registry.add_appendix(Appendix("plan-progress", "Business plan progress", plan, order=50))
    registry.add_appendix(Appendix("risk-summary", "Risk register summary", risks, order=55, in_pack=False))
    registry.add_view(SidebarView("governance", "Actions & risks", "sgdesk.gui.governance.view:GovernanceView", 12))
    registry.add_demo_part(50, "action log, risk register and business plan",
                           registry.lazy("sgdesk.governance.demo:build_governance_demo"))
    registry.add_attention(registry.lazy("sgdesk.governance.attention:governance_attention"))
    registry.add_check(registry.lazy("sgdesk.governance.checks:governance_checks"))
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
