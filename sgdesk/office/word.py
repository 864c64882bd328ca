"""Word documents in house style: real tables that paste into the annual report.

Tables are Word tables in the board's style (grid, header row filled with the board's accent
and repeated at the top of every page, rows never split across pages, numbers right-aligned).
Headings use Word's own Heading styles, so they take on the annual report's look when pasted.
Pages are A4 with the board's header, footer ("Page X of Y") and protective marking.
"""

from __future__ import annotations

import io
import os
from typing import TYPE_CHECKING, Any, BinaryIO

from sgdesk.office.blocks import (
    Block,
    Cell,
    HeadingBlock,
    PageBlock,
    TableBlock,
    TextBlock,
    report_table_block,
)
from sgdesk.office.layout import MARGIN_MM, PAGE_MM, orientation_for, usable_width_mm
from sgdesk.office.package import document_time, save_package
from sgdesk.reporting import ReportTable

if TYPE_CHECKING:
    from sgdesk.pdf import DocumentSpec

MM_PER_POINT = 25.4 / 72
FONT = "Arial"
TABLE_TEXT = "Table Text"
TABLE_HEADING = "Table Heading"
NOTE = "Table Note"
_MUTED = "595959"
_WHITE_SHARE = 0.85  # section rows are shaded with the accent mixed this far towards white


def _element(tag: str, **attributes: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


class WordDocument:
    """A Word document built a block at a time: headings, paragraphs, tables, pictures.

    Every page carries the furniture of ``spec`` (board name, title, generated date, footer
    text, page number, marking, and DRAFT for a draft).
    """

    def __init__(self, spec: "DocumentSpec", orientation: str = "portrait") -> None:
        from docx import Document

        self.spec = spec
        self.doc = Document()
        self.orientation = orientation
        self._blank_page = True
        self._accent = spec.accent.lstrip("#").upper()
        self._tint = "".join(f"{round(c + (255 - c) * _WHITE_SHARE):02X}"
                             for c in bytes.fromhex(self._accent))
        self._styles()
        self._lay_out(self.doc.sections[0], orientation)

    # -- set-up ---------------------------------------------------------------------------------
    def _styles(self) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.shared import Pt, RGBColor

        styles = self.doc.styles
        accent = RGBColor.from_string(self.spec.accent.lstrip("#").upper())
        normal = styles["Normal"]
        normal.font.name, normal.font.size = FONT, Pt(10)
        normal.paragraph_format.space_after = Pt(6)
        for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
            styles[name].font.name = FONT
            styles[name].font.color.rgb = accent
        for name, size, bold, italic in ((TABLE_TEXT, 9, False, False), (TABLE_HEADING, 9, True, False),
                                         (NOTE, 8, False, True)):
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = normal
            style.font.size, style.font.bold, style.font.italic = Pt(size), bold, italic
            style.paragraph_format.space_before = Pt(0)
            style.paragraph_format.space_after = Pt(3 if name == NOTE else 0)
        styles[TABLE_HEADING].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        styles[NOTE].font.color.rgb = RGBColor.from_string(_MUTED)
        properties = self.doc.core_properties
        properties.title, properties.subject = self.spec.title, self.spec.subject
        properties.author = properties.last_modified_by = self.spec.author
        properties.created = properties.modified = document_time(self.spec.generated_on)
        properties.revision = 1

    def _lay_out(self, section: Any, orientation: str) -> None:
        from docx.enum.section import WD_ORIENT
        from docx.shared import Mm

        landscape = orientation == "landscape"
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        width, height = (PAGE_MM[1], PAGE_MM[0]) if landscape else PAGE_MM
        section.page_width, section.page_height = Mm(width), Mm(height)
        section.left_margin = section.right_margin = Mm(MARGIN_MM)
        section.top_margin = section.bottom_margin = Mm(MARGIN_MM)
        section.header_distance = section.footer_distance = Mm(8)
        self._furniture(section, usable_width_mm(orientation))

    def _furniture(self, section: Any, width_mm: int) -> None:
        """The header (marking, DRAFT, board and title) and footer (date, text, page, marking)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
        from docx.shared import Mm, Pt

        spec = self.spec
        section.header.is_linked_to_previous = False
        section.footer.is_linked_to_previous = False
        header, footer = section.header, section.footer
        top_line = " — ".join(part for part in ("DRAFT" if spec.draft else "", spec.marking or "") if part)
        lines = header.paragraphs[0]
        if top_line:
            lines.alignment = WD_ALIGN_PARAGRAPH.CENTER
            lines.add_run(top_line).bold = True
            lines = header.add_paragraph()
        lines.paragraph_format.tab_stops.add_tab_stop(Mm(width_mm), WD_TAB_ALIGNMENT.RIGHT)
        self._small(lines, f"{spec.board_name}\t{spec.title}")

        lines = footer.paragraphs[0]
        lines.paragraph_format.tab_stops.add_tab_stop(Mm(width_mm / 2), WD_TAB_ALIGNMENT.CENTER)
        lines.paragraph_format.tab_stops.add_tab_stop(Mm(width_mm), WD_TAB_ALIGNMENT.RIGHT)
        self._small(lines, f"{spec.generated_label()}\t{spec.footer_text or ''}\tPage ")
        self._field(lines, "PAGE")
        self._small(lines, " of ")
        self._field(lines, "NUMPAGES")
        if spec.marking:
            marking = footer.add_paragraph()
            marking.alignment = WD_ALIGN_PARAGRAPH.CENTER
            marking.add_run(spec.marking).bold = True
        for paragraph in (*header.paragraphs, *footer.paragraphs):
            paragraph.paragraph_format.space_after = Pt(0)

    @staticmethod
    def _small(paragraph: Any, text: str) -> Any:
        from docx.shared import Pt, RGBColor

        run = paragraph.add_run(text)
        run.font.size = Pt(7.5)
        run.font.color.rgb = RGBColor.from_string(_MUTED)
        return run

    def _field(self, paragraph: Any, instruction: str) -> None:
        """A Word field (PAGE, NUMPAGES) that Word fills in as it paginates."""
        field = _element("w:fldSimple", instr=instruction)
        run = self._small(paragraph, "1")
        field.append(run._r)
        paragraph._p.append(field)

    # -- content ------------------------------------------------------------------------------
    def new_page(self, orientation: str | None = None) -> None:
        """Start a new page, in ``orientation`` if given (no page is left blank)."""
        from docx.enum.section import WD_SECTION
        from docx.enum.text import WD_BREAK

        orientation = orientation or self.orientation
        if self._blank_page:
            if orientation != self.orientation:
                self._lay_out(self.doc.sections[-1], orientation)
        elif orientation != self.orientation:
            self._lay_out(self.doc.add_section(WD_SECTION.NEW_PAGE), orientation)
        else:
            self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        self.orientation = orientation
        self._blank_page = True

    def heading(self, text: str, level: int = 1) -> None:
        self.doc.add_heading(text, level)
        self._blank_page = False

    def paragraph(self, text: str = "", style: str | None = None, *, bold: bool = False,
                  size: float | None = None, centred: bool = False) -> Any:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        paragraph = self.doc.add_paragraph(style=style)
        if text:
            run = paragraph.add_run(text)
            run.bold = bold or None
            if size:
                run.font.size = Pt(size)
        if centred:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._blank_page = False
        return paragraph

    def picture(self, data: bytes, *, width_mm: float, height_mm: float, centred: bool = True,
                alt: str = "") -> None:
        """An image no larger than ``width_mm`` by ``height_mm``, keeping its proportions, described by ``alt``."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.image.image import Image
        from docx.shared import Mm

        image = Image.from_blob(data)
        scale = min(Mm(width_mm) / image.width, Mm(height_mm) / image.height)
        paragraph = self.doc.add_paragraph()
        if centred:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        shape = paragraph.add_run().add_picture(io.BytesIO(data), width=int(image.width * scale),
                                                height=int(image.height * scale))
        if alt:
            shape._inline.docPr.set("descr", alt)
        self._blank_page = False

    def contents(self, entries: list[str], depth: int = 2) -> None:
        """A Word table of contents (a TOC field over Heading 1 to ``depth``) listing ``entries``.

        Word adds the page numbers when the field is updated (right-click, Update Field).
        """
        paragraphs = [self.doc.add_paragraph(entry) for entry in entries] or [self.doc.add_paragraph()]
        first, last = paragraphs[0]._p, paragraphs[-1]._p
        begin = [_element("w:r"), _element("w:r"), _element("w:r")]
        begin[0].append(_element("w:fldChar", fldCharType="begin"))
        instruction = _element("w:instrText")
        instruction.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        instruction.text = f' TOC \\o "1-{depth}" \\h \\z \\u '
        begin[1].append(instruction)
        begin[2].append(_element("w:fldChar", fldCharType="separate"))
        properties = first.pPr
        for offset, run in enumerate(begin):
            first.insert(offset + (1 if properties is not None else 0), run)
        end = _element("w:r")
        end.append(_element("w:fldChar", fldCharType="end"))
        last.append(end)
        self._blank_page = False

    def table(self, block: TableBlock) -> None:
        """``block`` as a Word table, with its notes beneath it."""
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.shared import Mm

        columns = len(block.header)
        total = sum(block.weights)
        widths = [Mm(usable_width_mm(self.orientation) * weight / total) for weight in block.weights]
        word_table = self.doc.add_table(rows=0, cols=columns)
        word_table.style = self.doc.styles["Table Grid"]
        word_table.alignment = WD_TABLE_ALIGNMENT.LEFT
        word_table.autofit = False
        for column, width in zip(word_table.columns, widths):
            column.width = width
        heading_style, text_style = self.doc.styles[TABLE_HEADING], self.doc.styles[TABLE_TEXT]
        if any(block.header):
            header = self._row(word_table, "w:tblHeader")
            for cell, label, align, width in zip(header, block.header, block.aligns, widths):
                self._cell(cell, Cell(label), heading_style, align, width, self._accent)
        for index, cells in enumerate(block.rows):
            row = self._row(word_table, "w:cantSplit")
            if index in block.section_rows:
                merged = row[0].merge(row[-1]) if columns > 1 else row[0]
                self._cell(merged, Cell(cells[0].text if cells else "", bold=True), text_style, "L", None,
                           self._tint)
                continue
            for cell, value, align, width in zip(row, cells, block.aligns, widths):
                self._cell(cell, value, text_style, align, width, None)
                if index in block.total_rows:
                    borders = _element("w:tcBorders")
                    borders.append(_element("w:top", val="single", sz="8", space="0", color="1A1A1A"))
                    cell._tc.get_or_add_tcPr().append(borders)
        for note in block.notes:
            self.paragraph(note, NOTE)
        self.doc.add_paragraph(style=TABLE_TEXT)
        self._blank_page = False

    @staticmethod
    def _row(table: Any, property_tag: str) -> list[Any]:
        """A new row's cells (built directly: python-docx's ``row.cells`` reads the whole table)."""
        from docx.table import _Cell

        row = table.add_row()
        row._tr.get_or_add_trPr().append(_element(property_tag))
        return [_Cell(tc, table) for tc in row._tr.tc_lst]

    @staticmethod
    def _cell(cell: Any, value: Cell, style: Any, align: str, width: Any, fill: str | None) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        if width is not None:
            cell.width = width
        paragraph = cell.paragraphs[0]
        paragraph._p.style = style.style_id  # paragraph.style = style would search every style, per cell
        paragraph.alignment = {"R": WD_ALIGN_PARAGRAPH.RIGHT, "C": WD_ALIGN_PARAGRAPH.CENTER}.get(
            align, WD_ALIGN_PARAGRAPH.LEFT)
        run = paragraph.add_run(value.text)
        if value.bold and style.name == TABLE_TEXT:
            run.bold = True
        if value.picture is not None:
            shape = run.add_picture(io.BytesIO(value.picture.png), width=Pt(value.picture.width_pt),
                                    height=Pt(value.picture.height_pt))
            shape._inline.docPr.set("descr", value.picture.alt_text)  # the figure's alternative text
        fill = value.fill.lstrip("#") if value.fill else fill
        if fill:
            cell._tc.get_or_add_tcPr().append(_element("w:shd", val="clear", color="auto", fill=fill))

    def blocks(self, blocks: list[Block]) -> None:
        """Add ``blocks`` in order (a story read by :func:`sgdesk.office.story.read_story`)."""
        for block in blocks:
            if isinstance(block, HeadingBlock):
                self.heading(block.text, min(block.level + 1, 3))
            elif isinstance(block, TextBlock):
                style = {"note": NOTE, "quote": "Quote", "bullet": "List Bullet"}.get(block.kind)
                self.paragraph(block.text, style, bold=block.bold)
            elif isinstance(block, TableBlock):
                self.table(block)
            elif isinstance(block, PageBlock):
                self.new_page(block.orientation)
            else:
                self.picture(block.data, width_mm=min(block.width_pt * MM_PER_POINT, usable_width_mm(self.orientation)),
                             height_mm=block.height_pt * MM_PER_POINT, alt=block.alt)

    def save(self, out: str | os.PathLike[str] | BinaryIO) -> None:
        """Write the document; the same content and spec give byte-identical files."""
        buffer = io.BytesIO()
        self.doc.save(buffer)
        save_package(out, buffer.getvalue(), self.spec.generated_on)


def write_docx(out: str | os.PathLike[str] | BinaryIO, spec: "DocumentSpec", tables: list[ReportTable]) -> None:
    """A Word document titled ``spec.title`` holding each table under its own heading."""
    orientation = orientation_for(tables)
    document = WordDocument(spec, orientation)
    document.heading(spec.title, 0)
    for table in tables:
        if table.title != spec.title:  # a report's one table often bears the report's own title
            document.heading(table.title, 1)
        document.table(report_table_block(table, orientation))
    document.save(out)
