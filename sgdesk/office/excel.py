"""Report tables as an Excel workbook: one sheet per table, typed cells, ready to work with.

Money and percentages are numbers with number formats (so they sum), dates are dates, the
header is bold and frozen with a filter, and text a spreadsheet would run as a formula is
neutralised exactly as in CSV (:func:`sgdesk.reporting.neutralise`).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any, BinaryIO

from sgdesk.money import pence_to_decimal
from sgdesk.office.layout import cell_texts, column_weights, orientation_for
from sgdesk.office.package import document_time, save_package
from sgdesk.reporting import Picture, ReportColumn, ReportTable, neutralise

if TYPE_CHECKING:
    from sgdesk.pdf import DocumentSpec

MONEY_FORMAT = '"£"#,##0.00'
PERCENT_FORMAT = "0%"
PERCENT_FRACTION_FORMAT = "0.0##%"
DATE_FORMAT = "dd/mm/yyyy"
NOTHING = "There is nothing to show for this period."
_MAX_WIDTH = 60  # characters; longer text wraps
_SHEET_NAME_LENGTH = 31
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def cell_value(value: Any, column: ReportColumn) -> Any:
    """The value to store in the cell: a number, a date, or (neutralised) text."""
    if value is None:
        return None
    if column.kind == "money":
        return pence_to_decimal(value)
    if column.kind == "percent":
        return Decimal(str(value)) / 100
    if column.kind in ("int", "decimal") and isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return value
    if column.kind == "date" and isinstance(value, dt.date):
        return value
    return neutralise(_NOT_IN_XML.sub("", str(value)))


def number_format(column: ReportColumn, value: Any) -> str:
    """The cell's number format; a percentage with a fraction (49.5%) keeps it."""
    if column.kind == "percent" and isinstance(value, Decimal) and (value * 100) % 1:
        return PERCENT_FRACTION_FORMAT
    return {"money": MONEY_FORMAT, "percent": PERCENT_FORMAT, "date": DATE_FORMAT}.get(column.kind, "General")


def sheet_names(tables: list[ReportTable]) -> list[str]:
    """A valid, distinct sheet name for each table (Excel allows 31 characters, no []:*?/\\)."""
    names: list[str] = []
    for table in tables:
        text = _NOT_IN_SHEET_NAMES.sub(" ", table.title.replace("/", "-").replace(":", " "))
        base = " ".join(text.split()).strip("'") or "Table"
        name, number = base[:_SHEET_NAME_LENGTH], 1
        while name.casefold() in {n.casefold() for n in names}:
            number += 1
            suffix = f" ({number})"
            name = base[:_SHEET_NAME_LENGTH - len(suffix)] + suffix
        names.append(name)
    return names


def _sheets(tables: list[ReportTable], stack: bool) -> list[list[ReportTable]]:
    """The tables of each sheet: one each, or (``stack``) each run of tables with the same title together."""
    groups: list[list[ReportTable]] = []
    for table in tables:
        if stack and groups and groups[-1][0].title == table.title:
            groups[-1].append(table)
        else:
            groups.append([table])
    return groups


def write_xlsx(out: str | os.PathLike[str] | BinaryIO, spec: "DocumentSpec", tables: list[ReportTable], *,
               stack: bool = False) -> None:
    """Write ``tables`` to ``out`` as a workbook, one sheet each, dated ``spec.generated_on``; with
    ``stack``, a run of tables with the same title (the tables under one heading of an appendix) shares
    a sheet, one under another, each with its own header row.

    The same spec and tables give byte-identical files.
    """
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    when = document_time(spec.generated_on)
    properties = workbook.properties
    properties.title, properties.subject, properties.creator = spec.title, spec.subject, spec.author
    properties.lastModifiedBy = spec.author
    properties.created = properties.modified = when
    if not tables:
        workbook.create_sheet(sheet_names([ReportTable(spec.title, [], [])])[0]).append([NOTHING])
    groups = _sheets(tables, stack)
    for group, name in zip(groups, sheet_names([group[0] for group in groups])):
        sheet = workbook.create_sheet(name)
        for number, table in enumerate(group):
            if number:
                sheet.append([])
            _table(sheet, table, spec, alone=len(group) == 1)
        _print_setup(sheet, spec, orientation_for(group))
    buffer = io.BytesIO()
    workbook.save(buffer)
    save_package(out, buffer.getvalue(), spec.generated_on)


def _table(sheet: Any, table: ReportTable, spec: "DocumentSpec", *, alone: bool) -> None:
    """``table`` below what the sheet holds: header, rows, notes; a table ``alone`` on its sheet gets a
    frozen header with a filter."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=spec.accent.lstrip("#").upper())
    wrap = Alignment(wrap_text=True, vertical="top")
    sheet.append([column.label for column in table.columns])
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font, cell.fill = header_font, header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="bottom")
    for index, row in enumerate(table.rows):
        sheet.append([cell_value(row.get(column.key), column) for column in table.columns])
        for cell, column in zip(sheet[sheet.max_row], table.columns):
            cell.number_format = number_format(column, cell.value)
            if isinstance(cell.value, str) and len(cell.value) > _MAX_WIDTH:
                cell.alignment = wrap
            if (index, column.key) in table.fills:
                cell.fill = PatternFill("solid", fgColor=table.fills[(index, column.key)].lstrip("#").upper())
            if (index, column.key) in table.pictures:
                _picture(sheet, cell, table.pictures[(index, column.key)])
    widths = column_weights(table, cell_texts(table), _MAX_WIDTH)
    for index, width in enumerate(widths, start=1):
        dimension = sheet.column_dimensions[get_column_letter(index)]
        dimension.width = max(dimension.width if header_row > 1 else 0, width + 2)
    if alone:
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{max(sheet.max_row, 1)}"
    if table.notes:
        sheet.append([])
        for note in table.notes:
            sheet.append([neutralise(note)])
            sheet.cell(sheet.max_row, 1).font = Font(italic=True)


def _picture(sheet: Any, cell: Any, picture: Picture) -> None:
    """A small figure in ``cell`` (its row made tall enough), with its alternative text as the picture's
    description, which is what Excel reads out."""
    from openpyxl.drawing.fill import Blip
    from openpyxl.drawing.geometry import PresetGeometry2D
    from openpyxl.drawing.image import Image
    from openpyxl.drawing.picture import PictureFrame
    from openpyxl.drawing.spreadsheet_drawing import OneCellAnchor
    from openpyxl.drawing.xdr import XDRPositiveSize2D
    from openpyxl.utils.units import pixels_to_EMU

    image = Image(io.BytesIO(picture.png))
    image.width, image.height = round(picture.width_pt * 4 / 3), round(picture.height_pt * 4 / 3)  # pixels
    anchor = OneCellAnchor()
    anchor._from.row, anchor._from.col = cell.row - 1, cell.column - 1
    anchor._from.rowOff = anchor._from.colOff = pixels_to_EMU(2)
    anchor.ext = XDRPositiveSize2D(pixels_to_EMU(image.width), pixels_to_EMU(image.height))
    number = len(sheet._images) + 1
    frame = PictureFrame()
    frame.nvPicPr.cNvPr.id, frame.nvPicPr.cNvPr.name = number, f"Figure {number}"
    frame.nvPicPr.cNvPr.descr = picture.alt_text
    frame.blipFill.blip = Blip(cstate="print")
    frame.spPr.prstGeom = PresetGeometry2D(prst="rect")
    frame.spPr.ln = None
    anchor.pic = frame
    image.anchor = anchor
    sheet.add_image(image)
    dimension = sheet.row_dimensions[cell.row]
    dimension.height = max(dimension.height or 15, picture.height_pt + 4)


def _print_setup(sheet: Any, spec: "DocumentSpec", orientation: str) -> None:
    """Print on A4, one page wide, header row on every page, marking and DRAFT in the margins."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = orientation
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    top = " — ".join(part for part in ("DRAFT" if spec.draft else "", spec.marking or "") if part)
    if top:
        sheet.oddHeader.center.text = top
    if spec.marking:
        sheet.oddFooter.center.text = spec.marking
    sheet.oddHeader.left.text = spec.board_name.replace("&", "&&")
    sheet.oddFooter.right.text = "Page &P of &N"
