"""Reports ``actions``, ``risks`` and ``business-plan``: the registers as tables (and so CSV, JSON, Excel).

With a period, the action log and the risk register are shown as they stood at its end (or today, if
that is sooner), as the papers for a meeting on that day would show them.
"""

from __future__ import annotations

import datetime as dt

from sgdesk.dates import format_date
from sgdesk.errors import NotFoundError
from sgdesk.fyear import Period
from sgdesk.governance.actions import (
    AMBER_DAYS,
    LoggedAction,
    actions_as_at,
    list_actions,
)
from sgdesk.governance.plans import list_objectives, plan_for, progress
from sgdesk.governance.rag import label
from sgdesk.governance.risks import TREND_WORDS, by_residual, get_bands, list_risks
from sgdesk.reporting import ReportColumn, ReportTable
from sgdesk.store import BoardFile


def as_at_day(period: Period | None, today: dt.date | None = None) -> dt.date:
    """The day a period's registers are shown as at: its end, or today if that comes first."""
    today = today or dt.date.today()
    return min(period.end, today) if period else today


def _in_period(action: LoggedAction, period: Period) -> bool:
    """Raised in the period, or open at some time in it."""
    return action.raised_on <= period.end and (action.closed_on is None or action.closed_on >= period.start)


def references(bf: BoardFile, board_id: int) -> dict[int, str]:
    """Action id -> reference."""
    return {row[0]: row[1] for row in bf.query("SELECT id, reference FROM board_action WHERE board_id = ?",
                                               (board_id,))}


def actions_report(bf: BoardFile, board_id: int, period: Period | None) -> list[ReportTable]:
    day = as_at_day(period)
    actions = actions_as_at(bf, board_id, day) if period else list_actions(bf, board_id)
    if period:
        actions = [a for a in actions if _in_period(a, period)]
    columns = [ReportColumn("reference", "Reference"), ReportColumn("body", "Body"),
               ReportColumn("raised_on", "Raised", "date"), ReportColumn("source", "Arising from"),
               ReportColumn("text", "Action"), ReportColumn("owner", "Owner"), ReportColumn("due_on", "Due", "date"),
               ReportColumn("status", "Status"), ReportColumn("closed_on", "Closed", "date"),
               ReportColumn("rag", "RAG"), ReportColumn("update", "Latest update"),
               ReportColumn("update_on", "Updated", "date"), ReportColumn("objective", "Objective")]
    rows = [{"reference": a.reference, "body": a.body_name, "raised_on": a.raised_on, "source": a.source_label,
             "text": a.text, "owner": a.owner, "due_on": a.due_on, "status": a.status, "closed_on": a.closed_on,
             "rag": label(a.rag(day)), "update": a.latest_update, "update_on": a.latest_update_on,
             "objective": a.objective_number} for a in actions]
    overdue = sum(1 for a in actions if a.is_overdue(day))
    notes = [(f"RAG as at {format_date(day)}: red overdue, amber due within {AMBER_DAYS} days, green later, unless "
             "overridden with a reason."), f"{sum(a.is_open for a in actions)} open, {overdue} of them overdue."]
    title = f"Action log{f', {period.label}' if period else ''}"
    return [ReportTable(title, columns, rows, notes)]


def risks_report(bf: BoardFile, board_id: int, period: Period | None) -> list[ReportTable]:
    day = as_at_day(period)
    bands = get_bands(bf, board_id)
    risks = by_residual(list_risks(bf, board_id, as_at=day if period else None))
    refs = references(bf, board_id)
    columns = [ReportColumn("reference", "Reference"), ReportColumn("title", "Risk"), ReportColumn("body", "Body"),
               ReportColumn("owner", "Owner"), ReportColumn("category", "Category"),
               ReportColumn("inherent", "Inherent", "int"), ReportColumn("likelihood", "Likelihood", "int"),
               ReportColumn("impact", "Impact", "int"), ReportColumn("score", "Residual", "int"),
               ReportColumn("rag", "RAG"), ReportColumn("trend", "Trend"),
               ReportColumn("reviewed_on", "Last reviewed", "date"), ReportColumn("review_on", "Next review", "date"),
               ReportColumn("status", "Status"), ReportColumn("controls", "Controls"),
               ReportColumn("actions", "Mitigating actions")]
    rows = [{"reference": r.reference, "title": r.title, "body": r.body_name, "owner": r.owner,
             "category": r.category, "inherent": r.inherent_score, "likelihood": r.residual_likelihood,
             "impact": r.residual_impact, "score": r.residual_score, "rag": label(bands.rag(r.residual_score)),
             "trend": TREND_WORDS.get(r.trend, ""), "reviewed_on": r.last_reviewed, "review_on": r.review_on,
             "status": r.status, "controls": r.controls,
             "actions": ", ".join(refs[a] for a in r.action_ids if a in refs)} for r in risks]
    notes = [f"Scores are likelihood x impact, each 1 to 5; residual after controls. Bands: {bands.describe()}.",
             "Trend compares the last review's residual score with the review before."]
    title = f"Risk register{f' as at {format_date(day)}' if period else ''}"
    return [ReportTable(title, columns, rows, notes)]


def business_plan_report(bf: BoardFile, board_id: int, period: Period | None) -> list[ReportTable]:
    plan = plan_for(bf, board_id, period)
    if plan is None:
        raise NotFoundError("there is no business plan for that period: import one with the business-plan kind, or "
                            "add it in the app")
    found = progress(list_objectives(bf, plan.id), period)
    columns = [ReportColumn("number", "No."), ReportColumn("priority", "Objective"),
               ReportColumn("outcome", "Outcome measure"), ReportColumn("lead", "Lead"), ReportColumn("rag", "RAG"),
               ReportColumn("updates", "Updates", "int"), ReportColumn("progress", "Latest progress"),
               ReportColumn("quantitative", "Quantitative data"), ReportColumn("qualitative", "Qualitative data")]
    rows = []
    for item in found:
        latest = item.updates[-1] if item.updates else None
        rows.append({"number": item.objective.number, "priority": item.objective.priority,
                     "outcome": item.objective.outcome, "lead": item.objective.lead, "rag": label(item.rag),
                     "updates": len(item.updates), "progress": latest.progress if latest else None,
                     "quantitative": latest.quantitative if latest else None,
                     "qualitative": latest.qualitative if latest else None})
    when = period.label if period else plan.label
    update_columns = [ReportColumn("number", "No."), ReportColumn("made_on", "Date", "date"),
                      ReportColumn("rag", "RAG"), ReportColumn("progress", "Progress"),
                      ReportColumn("quantitative", "Quantitative data"), ReportColumn("qualitative", "Qualitative data")]
    updates = [{"number": item.objective.number, "made_on": u.made_on, "rag": label(u.rag), "progress": u.progress,
                "quantitative": u.quantitative, "qualitative": u.qualitative}
               for item in found for u in item.updates]
    rated = [item.rag for item in found if item.rag]
    summary = ", ".join(f"{rated.count(rag)} {rag}" for rag in ("green", "amber", "red") if rated.count(rag))
    notes = [f"{plan.title}: {len(found)} objectives" + (f" ({summary})" if summary else "") +
             (f"; RAG as at the last update by {format_date(period.end)}." if period else "; RAG as last reported.")]
    return [ReportTable(f"Business plan progress, {when}", columns, rows, notes),
            ReportTable(f"Progress updates, {when}", update_columns, updates)]
