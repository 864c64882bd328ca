"""The ``pack`` export: the annual-report appendices as one PDF or Word document."""

from __future__ import annotations

from sgdesk.branding import document_spec, load_branding
from sgdesk.exporting import ExportRequest, ExportResult, Progress, no_progress
from sgdesk.fyear import FinancialYear, Period
from sgdesk.pack.assemble import gather, require_period
from sgdesk.pack.options import pack_choices
from sgdesk.pack.pdf_pack import PACK_TITLE, pack_story
from sgdesk.store import BoardFile

def period_text(period: Period) -> str:
    """"Financial year 2018/19", or the dates of any other period."""
    year = FinancialYear.containing(period.start)
    return f"Financial year {year.label}" if period == Period.for_year(year) else period.label


def export_pack(bf: BoardFile, request: ExportRequest, progress: Progress = no_progress) -> ExportResult:
    """Write the pack to ``request.out`` (.pdf or .docx), telling ``progress`` how far it has got."""
    period = require_period(request.period)
    choices = pack_choices(request.options)
    marking = {} if choices.marking is None else {"marking": choices.marking or None}
    spec = document_spec(bf, request.board_id, f"{PACK_TITLE} {period.label}",
                         subject=f"Annual report {period.label}", draft=request.draft,
                         generated_on=request.generated_on, **marking)
    branding = load_branding(bf, request.board_id)
    steps = len(choices.appendices) + 1
    appendices = gather(bf, request.board_id, period, choices, progress, steps)
    progress(steps - 1, steps, "Laying out the pages…")
    pages = None
    if request.format == "docx":
        from sgdesk.pack.word_pack import write_pack_docx

        write_pack_docx(request.out, branding, spec, period_text(period), appendices)
    else:
        from sgdesk.pdf import build_pdf

        story = pack_story(branding, spec, period_text(period), appendices)
        for appendix in appendices:
            appendix.flowables.clear()  # the story holds them now, and lets each go once drawn
        pages = build_pdf(request.out, spec, story, furniture=False, consume=True)  # a cover without furniture
    progress(steps, steps, "Done")
    notes = tuple(f"Appendix {a.label} is not included: {a.problem}" for a in appendices if a.problem)
    return ExportResult(request.out, pages, notes)
