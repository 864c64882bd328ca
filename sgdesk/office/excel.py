"""Report tables as an Excel workbook: one sheet per table, typed cells, ready to work with.

Counts, money, percentages, means and changes are numbers with number formats (so they sum
and sort), dates are dates; text is kept exactly as written, and text a spreadsheet would read
as a formula (``=``, ``+``, ``-``, ``@``) is stored as text with Excel's quote prefix, which
shows nothing on screen. The header is bold in the house font, tall enough for its wrapped
labels, frozen, with a filter over the rows (totals, in bold, stay below it). Each sheet prints
on A4, one page wide, with its header row on every page.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any, BinaryIO

from sgdesk.money import negative_style, pence_to_decimal
from sgdesk.office.blocks import Figure, figure_in_text
from sgdesk.office.layout import cell_texts, column_weights, orientation_for
from sgdesk.office.package import document_time, save_package
from sgdesk.reporting import NOTHING, ColumnKind, Picture, ReportTable

if TYPE_CHECKING:
    from sgdesk.pdf import DocumentSpec

FONT = "Arial"  # as the Word files; LibreOffice has a metric twin of it where Calibri has none
FONT_SIZE = 10
LINE_HEIGHT = 13  # points: one line of 10 pt text
COUNT_FORMAT = "#,##0"
PERCENT_FORMAT = "0%"
DECIMAL_FORMAT = "#,##0.0"  # a figure with one decimal place, a mean
CHANGE_FORMAT = '+#,##0.0;"\u2212"#,##0.0;#,##0.0'  # a signed change: +1.0, −0.4
DATE_FORMAT = "dd/mm/yyyy"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SHEET_NAME_LENGTH = 31
_MAX_WIDTH = 60  # characters; longer text wraps
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_PLAIN_NUMBER = re.compile(r"-?(0|[1-9]\d{0,14})(\.\d+)?")  # no leading zero: 01702 is a code
_APPENDIX = re.compile(r"^\s*appendix\s+[0-9A-Za-z]+\s*[:.\-–]\s*", re.IGNORECASE)
_PERIOD = re.compile(r",?\s*\(?\b\d{4}[-/]\d{2}\b\)?")
_DANGLING = {"a", "an", "and", "by", "for", "in", "of", "on", "the", "to", "with", "-", "–", ","}
_SECTION_FILL = "E8EEF4"


def money_format() -> str:
    """Pounds and pence, negative amounts as the board prints them (a true minus, or brackets)."""
    if negative_style() == "brackets":
        return '"£"#,##0.00;("£"#,##0.00)'
    return '"£"#,##0.00;"\u2212£"#,##0.00'


def font(**changes: Any) -> Any:
    """The house font for a cell (every styled cell names it, so no application falls back to a serif)."""
    from openpyxl.styles import Font

    return Font(name=FONT, size=changes.pop("size", FONT_SIZE), **changes)


def house_workbook() -> Any:
    """An empty openpyxl workbook whose every cell, styled or not, is in the house font."""
    from openpyxl import Workbook
    from openpyxl.utils.indexed_list import IndexedList

    workbook = Workbook()
    default = font()
    workbook._fonts = IndexedList([default])  # the font of cells with no style of their own
    workbook._named_styles["Normal"].font = default
    return workbook


def cell_value(value: Any, kind: ColumnKind) -> Any:
    """The value to store in the cell: a number, a date, or the text exactly as written."""
    if isinstance(value, Figure):
        return cell_value(value.value, value.kind)
    if value is None:
        return None
    if kind == "money":
        return pence_to_decimal(value)
    if kind == "percent":
        return Decimal(str(value)).scaleb(-2)  # 16.0% is 0.160, keeping its place
    if kind in ("int", "decimal", "change") and isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return value
    if kind == "date" and isinstance(value, dt.date):
        return value
    if kind == "text" and isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return value  # a figure in a column of text
    text = _NOT_IN_XML.sub("", str(value))
    if kind == "text" and _PLAIN_NUMBER.fullmatch(text):
        return Decimal(text) if "." in text else int(text)  # a mode of 3 among ties of 2/3: Excel's own reading
    return text


def number_format(value: Any, kind: ColumnKind) -> str:
    """The cell's number format: a percentage, a decimal figure or a change shows as many places as
    it has, as the PDF prints it (49.5%, 16.0%, 22.41, a mean of 3.0).

    >>> number_format(Decimal("22.41"), "decimal"), number_format(Decimal("3.0"), "decimal")
    ('#,##0.00', '#,##0.0')
    """
    if isinstance(value, Figure):
        return number_format(cell_value(value.value, value.kind), value.kind)
    if kind == "percent" and isinstance(value, Decimal):
        places = max(0, -int(value.as_tuple().exponent) - 2)  # of the fraction: 0.495 is 49.5%
        return PERCENT_FORMAT.replace("0", "0." + "0" * places) if places else PERCENT_FORMAT
    if kind in ("decimal", "change") and isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        # as many places as the figure has, as the PDF prints it: a mean 3.0 beside 2.8, a range 2
        places = 0 if isinstance(value, int) else max(0, -int(value.as_tuple().exponent))
        figure = COUNT_FORMAT + ("." + "0" * places if places else "")
        return figure if kind == "decimal" else f'+{figure};"\u2212"{figure};{figure}'
    formats = {"money": money_format(), "percent": PERCENT_FORMAT, "date": DATE_FORMAT, "int": COUNT_FORMAT,
               "decimal": DECIMAL_FORMAT, "change": CHANGE_FORMAT}
    return formats.get(kind, "General") if not isinstance(value, str) else "General"


def set_cell(cell: Any, value: Any) -> None:
    """Store ``value`` in ``cell``; text that starts like a formula stays text, quote-prefixed."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would store "=..." as a formula
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True


def sheet_name(title: str) -> str:
    """A sheet name for a table titled ``title``: Excel allows 31 characters and none of []:*?/\\.

    Words are never cut: a long title loses its "Appendix N:", then its period (the workbook
    says it), then what comes before a colon, then whole words from the end.

    >>> sheet_name("Appendix 2: Southend LSCB finance 2018/19"), sheet_name("Charges by organisation, 2018/19")
    ('Southend LSCB finance 2018-19', 'Charges by organisation')
    >>> sheet_name("Self-assessment: Board self-assessment 2018/19")
    'Board self-assessment 2018-19'
    """
    text = _APPENDIX.sub("", title).replace("/", "-")
    parts = [" ".join(_NOT_IN_SHEET_NAMES.sub(" ", part).split()).strip("'") for part in text.split(":")]
    whole = " ".join(part for part in parts if part)
    candidates = [whole, " ".join(_PERIOD.sub("", whole).split()), parts[-1], " ".join(_PERIOD.sub("", parts[-1]).split())]
    for candidate in candidates:
        if candidate and len(candidate) <= SHEET_NAME_LENGTH:
            return candidate
    words = whole.split()
    while len(" ".join(words)) > SHEET_NAME_LENGTH or (len(words) > 1 and words[-1].casefold() in _DANGLING):
        words.pop()
    return " ".join(words) or whole[:SHEET_NAME_LENGTH]


def sheet_names(tables: list[ReportTable]) -> list[str]:
    """A distinct sheet name for each table (from :attr:`ReportTable.sheet` or its title)."""
    names: list[str] = []
    for table in tables:
        base = sheet_name(table.sheet or table.title) or "Table"
        name, number = base, 1
        while name.casefold() in {n.casefold() for n in names}:
            number += 1
            name = f"{base[:SHEET_NAME_LENGTH - len(str(number)) - 1]} {number}"
        names.append(name)
    return names


def _wrapped_lines(label: str, width: float) -> int:
    """How many lines ``label`` wraps to in a column ``width`` characters wide, breaking at spaces."""
    lines, used = 1, 0
    for word in label.split():
        needed = len(word) if used == 0 else used + 1 + len(word)
        if used and needed > width:
            lines, used = lines + 1, len(word)
        else:
            used = needed
    return lines


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
    workbook = house_workbook()
    workbook.remove(workbook.active)
    when = document_time(spec.generated_on)
    properties = workbook.properties
    properties.title, properties.subject, properties.creator = spec.title, spec.subject, spec.author
    properties.lastModifiedBy = spec.author
    properties.language = "en-GB"
    properties.created = properties.modified = when
    if not tables:
        sheet = workbook.create_sheet(sheet_name(spec.title) or "Table")
        sheet.append([NOTHING])
        sheet.cell(1, 1).font = font()
        print_setup(sheet, "portrait", spec.board_name, marking=spec.marking, draft=spec.draft, title_rows=None)
    groups = _sheets(tables, stack)
    for group, name in zip(groups, sheet_names([group[0] for group in groups])):
        sheet = workbook.create_sheet(name)
        for number, table in enumerate(group):
            if number:
                sheet.append([])
            _table(sheet, table, spec, alone=len(group) == 1)
        print_setup(sheet, orientation_for(group), spec.board_name, marking=spec.marking, draft=spec.draft)
    buffer = io.BytesIO()
    workbook.save(buffer)
    save_package(out, buffer.getvalue(), spec.generated_on)


def _table(sheet: Any, table: ReportTable, spec: "DocumentSpec", *, alone: bool) -> None:
    """``table`` below what the sheet holds: header, rows, notes; a table ``alone`` on its sheet gets a
    frozen header with a filter over its rows (totals, in bold, stay below it)."""
    from openpyxl.styles import Alignment, Border, PatternFill, Side
    from openpyxl.utils import get_column_letter

    header_font = font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=spec.accent.lstrip("#").upper())
    wrap, top = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")
    widths = [width + 2 for width in column_weights(table, cell_texts(table), _MAX_WIDTH)]
    sheet.append([None] * len(table.columns))
    header_row = sheet.max_row
    for index, column in enumerate(table.columns, start=1):
        cell = sheet.cell(header_row, index)
        set_cell(cell, column.label)
        cell.font, cell.fill = header_font, header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="bottom",
                                   horizontal="right" if column.numeric else "left")
    _merge_blank_header_labels(sheet, table, header_row)
    lines = max((_wrapped_lines(column.label, width - 1) for column, width in zip(table.columns, widths)), default=1)
    if lines > 1:
        sheet.row_dimensions[header_row].height = LINE_HEIGHT * lines + 2
    rule = Border(top=Side(style="thin", color="1A1A1A"))
    for index, row in enumerate(table.rows):
        sheet.append([None] * len(table.columns))
        number, lines = sheet.max_row, 1
        for position, column in enumerate(table.columns, start=1):
            raw = row.get(column.key)
            if column.kind == "text" and isinstance(raw, str):
                raw = figure_in_text(raw) or raw
            cell = sheet.cell(number, position)
            set_cell(cell, cell_value(raw, column.kind))
            cell.number_format = number_format(raw if isinstance(raw, Figure) else cell.value, column.kind)
            if isinstance(cell.value, str) and len(cell.value) > widths[position - 1] - 2:
                cell.alignment = wrap
                lines = max(lines, _wrapped_lines(cell.value, widths[position - 1] - 2))
            if index in table.total_rows:
                cell.font, cell.border = font(bold=True), rule
            elif index in table.section_rows:
                cell.font, cell.fill = font(bold=True), PatternFill("solid", fgColor=_SECTION_FILL)
            if (index, column.key) in table.fills:
                cell.fill = PatternFill("solid", fgColor=table.fills[(index, column.key)].lstrip("#").upper())
            if (index, column.key) in table.pictures:
                _picture(sheet, cell, table.pictures[(index, column.key)])
        if lines > 1:  # wrapped text: a row as tall as its lines (Excel does not grow it on opening)
            dimension = sheet.row_dimensions[number]
            dimension.height = max(dimension.height or 0, LINE_HEIGHT * lines + 2)
            for cell in sheet[number]:
                cell.alignment = wrap if cell.alignment.wrap_text else top
    for index, width in enumerate(widths, start=1):
        dimension = sheet.column_dimensions[get_column_letter(index)]
        dimension.width = max(dimension.width if header_row > 1 else 0, width)
    listed = _listed_rows(table)
    if alone:
        sheet.freeze_panes = f"A{header_row + 1}"
        if listed:
            sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(table.columns))}{header_row + listed}"
    if table.notes:
        sheet.append([])
        for note in table.notes:
            sheet.append([None])
            set_cell(sheet.cell(sheet.max_row, 1), note)
            sheet.cell(sheet.max_row, 1).font = font(italic=True)


def _listed_rows(table: ReportTable) -> int:
    """How many rows the filter covers: the rows above the totals at the foot of the table.

    A table with totals or sections in among its rows (a statement of accounts) is not a list
    to filter: 0.
    """
    count = len(table.rows)
    while count and count - 1 in table.total_rows:
        count -= 1
    inner = {row for row in (*table.total_rows, *table.section_rows) if row < count}
    return 0 if inner else count


def _merge_blank_header_labels(sheet: Any, table: ReportTable, row: int) -> None:
    """A column with no label of its own sits under the label to its left (as printed)."""
    labels = [column.label for column in table.columns]
    start = 0
    for index in range(1, len(labels) + 1):
        if index == len(labels) or labels[index].strip():
            if index - 1 > start and labels[start].strip():
                sheet.merge_cells(start_row=row, start_column=start + 1, end_row=row, end_column=index)
            start = index


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
    dimension.height = max(dimension.height or LINE_HEIGHT, picture.height_pt + 4)


def print_setup(sheet: Any, orientation: str, board_name: str, *, marking: str | None = None, draft: bool = False,
                title_rows: str | None = "1:1") -> None:
    """Print on A4 in ``orientation``, one page wide, ``title_rows`` on every page, the board and
    page number in the margins, with the marking and DRAFT."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = orientation
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        sheet.print_title_rows = title_rows
    top = " — ".join(part for part in ("DRAFT" if draft else "", marking or "") if part)
    if top:
        sheet.oddHeader.center.text = top
    if marking:
        sheet.oddFooter.center.text = marking
    sheet.oddHeader.left.text = board_name.replace("&", "&&")
    sheet.oddFooter.right.text = "Page &P of &N"
