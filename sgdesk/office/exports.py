"""Every report as PDF, Word, Excel or CSV; every PDF appendix also as Word and Excel.

:func:`report_export` wraps a :class:`~sgdesk.reporting.Report` as an
:class:`~sgdesk.exporting.Export` of the same name (``sgdesk export FILE ledger --year 2018/19
--out ledger.xlsx``); the pack feature does so once for every report
(``registry.report_exports``). :func:`appendix_export` gives an appendix export, whose PDF is
built from a story, Word and Excel versions read from that same story.

The features call both when they register, so this module imports what writing needs (tables laid
out, the board's branding) only when a file is written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Mapping

from sgdesk.atomic import write_text
from sgdesk.exporting import (
    Export,
    ExportRequest,
    ExportResult,
    Progress,
    StoryFunction,
    no_progress,
)
from sgdesk.fyear import Period
from sgdesk.reporting import NOTHING, Report, ReportTable, render, sentence
from sgdesk.store import BoardFile

if TYPE_CHECKING:
    from sgdesk.pdf import DocumentSpec

REPORT_FORMATS = ("pdf", "docx", "xlsx", "csv")
OFFICE_FORMATS = ("docx", "xlsx")
KEEP_WITH_TABLE_MM = 40  # a table heading needs this much page below it, or it starts the next page

#: an appendix's story: (bf, board id, period, options) -> (title, orientation, flowables)


def report_title(report: Report, period: Period | None) -> str:
    """"Ledger 2018/19": the report's name as a title, with its period."""
    name = report.name.replace("-", " ").replace("_", " ")
    return f"{name[:1].upper()}{name[1:]}" + (f" {period.label}" if period else "")


def table_heading(text: str) -> list[Any]:
    """A table's heading that starts a new page only when too little of this one is left.

    (A house heading keeps with the next flowable, which moves a whole long table to the next
    page; this one keeps with it only as far as the header row and a few lines.)
    """
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak

    from sgdesk.pdf import heading

    flowable = heading(text, 1, style="h2")
    flowable.keepWithNext = 0
    return [CondPageBreak(KEEP_WITH_TABLE_MM * mm), flowable]


def tables_story(title: str, subject: str, tables: list[ReportTable]) -> tuple[str, list[Any]]:
    """(orientation, flowables) printing ``tables`` in house style under ``title``."""
    from reportlab.platypus import Paragraph

    from sgdesk.office.blocks import report_table_block
    from sgdesk.office.layout import orientation_for
    from sgdesk.pdf import data_table, heading, styles
    from sgdesk.pdf.markup import plain_to_markup

    s = styles()
    orientation = orientation_for(tables)
    story: list[Any] = [heading(title, style="title"), Paragraph(plain_to_markup(sentence(subject)), s["note"])]
    for table in tables:
        block = report_table_block(table, orientation)
        if block.title != title:  # a report's one table often bears the report's own title
            story += table_heading(block.title)
        rows = [[cell.text for cell in row] for row in block.rows]
        fills = {(r, c): cell.fill for r, row in enumerate(block.rows) for c, cell in enumerate(row) if cell.fill}
        story.append(data_table(block.header, rows, col_widths=block.weights, align="".join(block.aligns),
                                total_rows=sorted(block.total_rows), orientation=orientation, title=block.title,
                                fills=fills))
        notes = block.notes if block.rows else [NOTHING, *block.notes]
        story += [Paragraph(plain_to_markup(note), s["note"]) for note in notes]
    return orientation, story


def write_tables(bf: BoardFile, request: ExportRequest, title: str, subject: str,
                 tables: list[ReportTable]) -> ExportResult:
    """Write report tables to ``request.out`` in the format its suffix names."""
    fmt = request.format
    if fmt == "csv":
        write_text(request.out, render(tables, "csv"), encoding="utf-8-sig")
        return ExportResult(request.out)
    spec = _spec(bf, request, title, subject)
    if fmt == "xlsx":
        from sgdesk.office.excel import write_xlsx

        write_xlsx(request.out, spec, tables)
        return ExportResult(request.out)
    if fmt == "docx":
        from sgdesk.office.word import write_docx

        write_docx(request.out, spec, tables)
        return ExportResult(request.out)
    from sgdesk.pdf import build_pdf

    orientation, story = tables_story(title, subject, tables)
    return ExportResult(request.out, build_pdf(request.out, spec, story, orientation=orientation))


def _spec(bf: BoardFile, request: ExportRequest, title: str, subject: str) -> "DocumentSpec":
    from sgdesk.branding import document_spec

    return document_spec(bf, request.board_id, title, subject=subject, draft=request.draft,
                         generated_on=request.generated_on)


def report_export(report: Report) -> Export:
    """The export of ``report`` as PDF, Word, Excel or CSV, under the report's name."""

    def run(bf: BoardFile, request: ExportRequest, progress: Progress = no_progress) -> ExportResult:
        progress(0, 2, "Reading the records…")
        tables = report.run(bf, request.board_id, request.period)
        progress(1, 2, f"Writing the {request.format.upper()} file…")
        return write_tables(bf, request, report_title(report, request.period), report.description, tables)

    return Export(report.name, report.description, REPORT_FORMATS, run, needs_period=report.needs_period)


def story_tables(flowables: list[Any]) -> list[ReportTable]:
    """The tables of a story, with their figures typed, for a workbook."""
    from sgdesk.office.blocks import TableBlock, typed_table
    from sgdesk.office.story import read_story

    return [typed_table(block) for block in read_story(flowables) if isinstance(block, TableBlock)]


def write_story(out: Any, spec: "DocumentSpec", orientation: str, flowables: list[Any], fmt: str) -> None:
    """Write a PDF story's content as Word ("docx") or Excel ("xlsx")."""
    if fmt == "xlsx":
        from sgdesk.office.excel import write_xlsx

        write_xlsx(out, spec, story_tables(flowables), stack=True)
        return
    from sgdesk.office.story import read_story
    from sgdesk.office.word import WordDocument

    document = WordDocument(spec, orientation)
    document.blocks(read_story(flowables))
    document.save(out)




def titled_story(flowables: Callable[[BoardFile, int, "Period | None"], list[Any]]) -> StoryFunction:
    """A :data:`StoryFunction` for a story function that gives only flowables, in portrait and
    titled by its first heading (the training summary is one)."""
    from functools import wraps

    @wraps(flowables)
    def story(bf: BoardFile, board_id: int, period: Period | None,
              options: Mapping[str, str]) -> tuple[str, str, list[Any]]:
        items = flowables(bf, board_id, period)
        title = next((item.title for item in items if hasattr(item, "title") and hasattr(item, "level")), "")
        return title, "portrait", items

    return story


def appendix_export(name: str, description: str, pdf: Callable[[BoardFile, ExportRequest], ExportResult],
                    story: StoryFunction, *, needs_period: bool = True, options_help: str = "") -> Export:
    """The export of an appendix: ``pdf`` writes it as a PDF in house style; Word and Excel are
    read from its ``story``."""

    def run(bf: BoardFile, request: ExportRequest, progress: Progress = no_progress) -> ExportResult:
        progress(0, 1, "Reading the records…")
        if request.format not in OFFICE_FORMATS:
            return pdf(bf, request)
        title, orientation, flowables = story(bf, request.board_id, request.period, request.options)
        write_story(request.out, _spec(bf, request, title, ""), orientation, flowables, request.format)
        return ExportResult(request.out)

    return Export(name, description, ("pdf", *OFFICE_FORMATS), run, needs_period=needs_period,
                  options_help=options_help)
