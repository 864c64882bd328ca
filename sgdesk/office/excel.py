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
from sgdesk.reporting import ReportColumn, ReportTable, neutralise

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


def write_xlsx(out: str | os.PathLike[str] | BinaryIO, spec: "DocumentSpec", tables: list[ReportTable]) -> None:
    """Write ``tables`` to ``out`` as a workbook, one sheet each, dated ``spec.generated_on``.

    The same spec and tables give byte-identical files.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    when = document_time(spec.generated_on)
    properties = workbook.properties
    properties.title, properties.subject, properties.creator = spec.title, spec.subject, spec.author
    properties.lastModifiedBy = spec.author
    properties.created = properties.modified = when
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=spec.accent.lstrip("#").upper())
    wrap = Alignment(wrap_text=True, vertical="top")
    if not tables:
        workbook.create_sheet(sheet_names([ReportTable(spec.title, [], [])])[0]).append([NOTHING])
    for table, name in zip(tables, sheet_names(tables)):
        sheet = workbook.create_sheet(name)
        sheet.append([column.label for column in table.columns])
        for cell in sheet[1]:
            cell.font, cell.fill = header_font, header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="bottom")
        for row in table.rows:
            sheet.append([cell_value(row.get(column.key), column) for column in table.columns])
            for cell, column in zip(sheet[sheet.max_row], table.columns):
                cell.number_format = number_format(column, cell.value)
                if isinstance(cell.value, str) and len(cell.value) > _MAX_WIDTH:
                    cell.alignment = wrap
        widths = column_weights(table, cell_texts(table), _MAX_WIDTH)
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width + 2
        last = get_column_letter(len(table.columns))
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{last}{max(sheet.max_row, 1)}"
        if table.notes:
            sheet.append([])
            for note in table.notes:
                sheet.append([neutralise(note)])
                sheet.cell(sheet.max_row, 1).font = Font(italic=True)
        _print_setup(sheet, spec, orientation_for([table]))
    buffer = io.BytesIO()
    workbook.save(buffer)
    save_package(out, buffer.getvalue(), spec.generated_on)


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
