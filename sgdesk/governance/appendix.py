"""Appendices for the annual report: business plan progress for the year (laid out as seed 001 section 2
sets out progress against priorities), and a summary of the risk register at the year's end."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sgdesk.dates import format_date
from sgdesk.errors import NotFoundError
from sgdesk.exporting import ExportRequest, ExportResult, StoryFunction
from sgdesk.fyear import Period
from sgdesk.governance.pdf_parts import paragraph, rag_cell, risk_register
from sgdesk.governance.plans import PlanUpdate, list_objectives, plan_for, progress
from sgdesk.registry import appendix_title
from sgdesk.store import BoardFile

PLAN_TITLE = "Business plan progress"
RISK_TITLE = "Risk register summary"
ORIENTATION = "landscape"


def _when(period: Period | None) -> str:
    return period.label if period else "to date"


def _dated(updates: list[PlanUpdate], field: str) -> str:
    """Each update's ``field``, dated, one per line."""
    return "\n".join(f"{u.made_on:%b %Y}: {getattr(u, field)}" for u in updates if getattr(u, field))


def business_plan_story(bf: BoardFile, board_id: int, period: Period | None,
                        options: Mapping[str, str] | None = None) -> tuple[str, str, list[Any]]:
    """Each objective of the plan covering ``period``: outcome measure, lead, RAG, and the progress,
    quantitative and qualitative evidence reported in the period."""
    from sgdesk.pdf import data_table, heading, styles

    plan = plan_for(bf, board_id, period)
    if plan is None:
        raise NotFoundError("the board has no business plan for this period")
    s = styles()
    title = appendix_title("plan-progress", f"{PLAN_TITLE} {_when(period)}")
    found = progress(list_objectives(bf, plan.id), period)
    story: list[Any] = [heading(title, 0, style="title")]
    end = f" by {format_date(period.end)}" if period else ""
    named = plan.title if plan.label in plan.title else f"{plan.title} ({plan.label})"
    story.append(paragraph(f"Progress against the objectives of the {named}, as reported to the board. RAG is each "
                           f"objective's rating at its last update{end}.", s["body"]))
    rows = []
    for item in found:
        updates = list(item.updates)
        objective = item.objective
        rows.append([objective.number, objective.priority, objective.outcome or "", objective.lead or "",
                     rag_cell(item.rag, s["cell"]) if item.rag else "Not rated",
                     _dated(updates, "progress") or "No update in this period", _dated(updates, "quantitative"),
                     _dated(updates, "qualitative")])
    story.append(data_table(["No.", "Objective", "Projected outcome / impact measure", "Lead", "RAG", "Progress",
                             "Quantitative data", "Qualitative data"], rows,
                            col_widths=[0.5, 3.2, 3.0, 1.4, 0.9, 3.2, 2.4, 2.4], align="RLLLLLLL", font_size=7.5,
                            orientation=ORIENTATION))
    rated = [item.rag for item in found if item.rag]
    summary = ", ".join(f"{rated.count(rag)} {rag}" for rag in ("green", "amber", "red") if rated.count(rag))
    story.append(paragraph(f"{len(found)} objectives" + (f": {summary}." if summary else ", none rated yet."),
                           s["note"]))
    return title, ORIENTATION, story


def risk_summary_story(bf: BoardFile, board_id: int, period: Period | None,
                       options: Mapping[str, str] | None = None) -> tuple[str, str, list[Any]]:
    """The open risks at the period's end (or today): heat map and table by residual score."""
    from sgdesk.governance.reports import as_at_day, references
    from sgdesk.governance.risks import by_residual, get_bands, list_risks
    from sgdesk.pdf import heading, styles

    day = as_at_day(period)
    bands = get_bands(bf, board_id)
    risks = by_residual([r for r in list_risks(bf, board_id, as_at=day) if r.is_open])
    title = f"{RISK_TITLE}, {format_date(day)}"
    story: list[Any] = [heading(title, 0, style="title")]
    if not risks:
        story.append(paragraph("No risks were open on the register.", styles()["body"]))
        return title, ORIENTATION, story
    return title, ORIENTATION, story + risk_register(risks, bands, references(bf, board_id),
                                                     f"Risk heat map, {format_date(day)}")


def story_pdf(story: StoryFunction, subject: str) -> Callable[[BoardFile, ExportRequest], ExportResult]:
    """The PDF export of an appendix story, in the board's branding."""
    def run(bf: BoardFile, request: ExportRequest) -> ExportResult:
        from sgdesk.branding import document_spec
        from sgdesk.pdf import build_pdf

        title, orientation, flowables = story(bf, request.board_id, request.period, request.options)
        spec = document_spec(bf, request.board_id, title, subject=subject, draft=request.draft,
                             generated_on=request.generated_on)
        return ExportResult(request.out, build_pdf(request.out, spec, flowables, orientation=orientation))

    return run


business_plan_pdf = story_pdf(business_plan_story, "Business plan progress")
risk_summary_pdf = story_pdf(risk_summary_story, "Risk register")
